#!/usr/bin/env bash
# Install what is missing and run every test layer of the Versterkingsmonitor:
#   1. native cargo test (model, parsing, analysis, charts, the ncg tool)   — the bulk of the tests
#   2. benchmarks (reported, never a timed assertion)
#   3. component tests in headless Chromium (wasm-bindgen-test)
#   4. the release build (trunk build --release --offline) and its size budget
#   5. end-to-end tests against the release build served on 127.0.0.1 (playwright-core + Debian Chromium)
# Exit status is non-zero when any layer fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

SUMMARY=()
step() {
  local name="$1"; shift
  local t0=$SECONDS
  printf '\n==> %s\n' "$name"
  "$@"
  SUMMARY+=("$(printf '%-44s %4ss' "$name" "$((SECONDS - t0))")")
}

step "native tests (cargo test)" cargo test --quiet --lib --bins --tests
step "doc tests" cargo test --quiet --doc
step "benchmarks (cargo bench, reported)" cargo bench --quiet --bench parse --bench bronbestand
step "component tests (wasm-bindgen-test, Chromium)" cargo test --target wasm32-unknown-unknown --test web
step "release build (trunk build --release)" trunk build --release --offline
step "size budget" node scripts/size-report.mjs
step "end-to-end tests (playwright-core, Chromium)" node scripts/run-e2e.mjs

printf '\n==> summary\n'
printf '  %s\n' "${SUMMARY[@]}"
echo "all test layers passed"
