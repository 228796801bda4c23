#!/usr/bin/env bash
# Install what is missing and run every test layer of the Versterkingsmonitor:
#   1. native cargo test (model, parsing, analysis, charts, the ncg tool)   — the bulk of the tests
#   2. the release build (trunk build --release --offline), then its size report and budgets
#   3. component tests in headless Chromium (wasm-bindgen-test)
#   4. benchmarks (reported, never a timed assertion)
#   (1 and the builds of 3 and 4 compile in the background while 2 builds; see below)
#   5. end-to-end tests against the release build served on 127.0.0.1 (playwright-core + Debian Chromium),
#      including the accessibility audit (axe-core, every route) and the keyboard walk
#   6. Lighthouse on the main routes of the release build (mobile emulation)
# The figures to follow over time (sizes, Lighthouse scores, axe counts, the filter-redraw benchmark)
# are printed together at the end. Exit status is non-zero when any layer fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

SUMMARY=()
LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT
step() {
  local name="$1"; shift
  local t0=$SECONDS
  printf '\n==> %s\n' "$name"
  "$@"
  SUMMARY+=("$(printf '%-44s %4ss' "$name" "$((SECONDS - t0))")")
}
# A step whose output is also kept, to collect its figures for the final summary.
logged() {
  local log="$LOGS/$1"; shift
  "$@" 2>&1 | tee "$log"
  return "${PIPESTATUS[0]}"
}

# The compile jobs run side by side on this 2-core machine. The release build is the longest and
# ends in a long single-threaded stretch (fat LTO with one codegen unit, then wasm-opt), so it runs
# at normal priority and everything else at the lowest (`nice`), in the background: the others
# take the core the release build leaves idle, and never slow it down. Measured on a fresh clone
# (vmstat): one job at a time left a core idle for about a third of the compile time; side by side
# at equal priority the compile phase was CPU-bound but still ended in the release build's
# 65-second single-threaded tail.
#   - native tests and doc tests (their output is printed when they are done);
#   - the component tests' build (wasm32, dev profile, own target dir so no job waits for
#     another's lock); the tests run after the release build, in the foreground, in seconds;
#   - the benchmarks' build (bench profile, `--no-run`): they run after the release build, alone,
#     so nothing else uses the machine while they measure.
# The release build's Trunk hook (`cargo run --bin ncg`) waits for the native tests' build and
# reuses it. Every job has its own Cargo lock: target/debug, target/release (bench),
# target/component, target/wasm32-unknown-unknown/release.
BENCH_ARGS=(--quiet --no-default-features --bench parse --bench bronbestand)
COMPONENT_ARGS=(--target wasm32-unknown-unknown --target-dir target/component --test web)
# Regression (fresh clone): two cargo processes that each create a missing target dir race — cargo
# makes it in a temporary directory and renames it, so the other one's temporary path vanished
# ("No such file or directory … target/componenttZ63Lp"). The dirs are made before they start.
mkdir -p target/component
background_t0=$SECONDS
nice -n 19 bash -c 'cargo test --quiet --lib --bins --tests && cargo test --quiet --doc' >"$LOGS/native" 2>&1 &
NATIVE_PID=$!
nice -n 19 cargo test "${COMPONENT_ARGS[@]}" --no-run >"$LOGS/component-build" 2>&1 &
COMPONENT_PID=$!
nice -n 19 cargo bench "${BENCH_ARGS[@]}" --no-run >"$LOGS/bench-build" 2>&1 &
BENCH_BUILD_PID=$!
trap 'kill "$NATIVE_PID" "$COMPONENT_PID" "$BENCH_BUILD_PID" 2>/dev/null || true; rm -rf "$LOGS"' EXIT
# Wait for a background job; print its output; stop the run if it failed.
finish() {
  local name="$1" pid="$2" log="$3" rc=0
  printf '\n==> %s\n' "$name"
  wait "$pid" || rc=$?
  cat "$log"
  SUMMARY+=("$(printf '%-44s %4ss' "$name" "$((SECONDS - background_t0))")")
  if [ "$rc" -ne 0 ]; then
    echo "$name failed (exit $rc)" >&2
    exit "$rc"
  fi
}

step "release build (trunk build --release)" trunk build --release --offline
finish "native tests and doc tests (background)" "$NATIVE_PID" "$LOGS/native"
finish "component tests' build (background)" "$COMPONENT_PID" "$LOGS/component-build"
finish "benchmarks' build (background)" "$BENCH_BUILD_PID" "$LOGS/bench-build"
step "component tests (wasm-bindgen-test, Chromium)" cargo test "${COMPONENT_ARGS[@]}"
step "benchmarks (cargo bench, reported; run alone)" logged bench cargo bench "${BENCH_ARGS[@]}"
step "size budget" logged size node scripts/size-report.mjs
step "end-to-end tests (playwright-core, Chromium)" logged e2e node scripts/run-e2e.mjs
# Enforced: performance 0.90 (a route under it is judged on the median of three runs),
# accessibility 1.00, best practices 0.95.
step "lighthouse (mobile, main routes)" logged lighthouse node scripts/lighthouse.mjs

printf '\n==> figures (follow these over time)\n'
grep -h -E '^size ' "$LOGS/size" || true
grep -h -E '^bench ' "$LOGS/bench" || true
grep -h -o -E '(bench filter_redraw_ms|bench bronbestand_load|keyboard /trends:) .*' "$LOGS/e2e" || true
grep -h -o -E 'a11y /.*' "$LOGS/e2e" || true
sed -n '/^lighthouse summary/,$p' "$LOGS/lighthouse" || true
grep -h -E '^lighthouse FAIL' "$LOGS/lighthouse" || true

printf '\n==> summary\n'
printf '  %s\n' "${SUMMARY[@]}"
echo "all test layers passed"
