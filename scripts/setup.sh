#!/usr/bin/env bash
# Install what is missing to build and test the Versterkingsmonitor on a Debian machine.
# Idempotent: every step checks first and does nothing when the right version is present.
# `--without-npm` skips the npm tools and `--only-npm` does only them: the test command starts its
# builds, which need only cargo, while `npm ci` runs (~10 s on a fresh clone).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
MODE="${1:-all}"
case "$MODE" in all|--without-npm|--only-npm) ;; *) echo "usage: setup.sh [--without-npm|--only-npm]" >&2; exit 2 ;; esac

log() { printf '[setup] %s\n' "$*"; }
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=sudo; fi

# Rust target, Debian packages, Trunk, wasm-bindgen-cli and the crates: what cargo and the browser
# tests need.
rust_side() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  # Debian packages: Chromium + its driver (same source package, so versions always match), and
  # Node.js/npm if the machine lacks them. Never Debian's binaryen: its wasm-opt 108 produces a
  # wasm that fails at start.
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
  command -v node >/dev/null 2>&1 || need+=(nodejs)
  command -v npm >/dev/null 2>&1 || need+=(npm)
  command -v gzip >/dev/null 2>&1 || need+=(gzip)
  # pdftotext, for the print test's check of every page of a PDF (tests/e2e/print.test.mjs).
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
  if [ "${#need[@]}" -gt 0 ]; then
    log "installing Debian packages: ${need[*]}"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
  fi

  # Trunk 0.21.14: 0.22 needs a newer rustc than this project's 1.95.
  if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (takes several minutes the first time)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  # wasm-bindgen-cli must equal the `wasm-bindgen = "=x.y.z"` pin in Cargo.toml. Installed without
  # --locked: its lockfile wants a crate version the registry here does not have.
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi

  # Trunk.toml has offline = true, so every crate must be in the local registry cache first.
  cargo fetch --quiet
}

npm_side() {
  # npm tools: binaryen 132 (wasm-opt), playwright-core, axe-core (accessibility audit in the e2e tests),
  # lighthouse 12.8.2 (the last release that runs on Node 20; 13.x needs Node 22) — exact versions, as locked.
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "installing npm tools"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  if [ "$(wasm-opt --version 2>/dev/null || true)" != "wasm-opt version 132 (version_132)" ]; then
    echo "[setup] wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt || echo none)" >&2
    exit 1
  fi
}

[ "$MODE" = --only-npm ] || rust_side
[ "$MODE" = --without-npm ] || npm_side
if [ "$MODE" = all ]; then log "ready"; else log "ready (${MODE#--})"; fi
