# Shared environment for the project scripts (sourced, not run).
# Puts cargo-installed tools and the npm tools (wasm-opt 132 from npm binaryen) first on PATH,
# and points the browser tests at Debian's Chromium and ChromeDriver — never a downloaded browser.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export CHROME_PATH=/usr/bin/chromium
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT=120
export TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' Cargo.toml)"
export WASM_BINDGEN_VERSION
# Reproducible wasm: the panic locations in the wasm hold source paths, and those of the crates and of
# the standard library are absolute paths of the machine that built it (/root/.cargo/registry/…,
# /root/.rustup/toolchains/…). Mapped to fixed names, the same commit builds the same wasm in any
# checkout, so anyone can check that a deployed app is this source (one stamp still depends on the
# Cargo home's path: see "Reproducible wasm" in ARCHITECTURE.md).
# (Added to the `rustflags` of .cargo/config.toml, not replacing them: a target-specific variable
# is merged with the config's list. The size report checks that no such path is left.)
# Cargo splits the variable at spaces, so a path with a space is left unmapped (the build still works).
if command -v rustc >/dev/null 2>&1; then
  RUST_SYSROOT="$(rustc --print sysroot)"
  RUST_COMMIT="$(rustc -vV | sed -n 's/^commit-hash: //p')"
  case "${CARGO_HOME:-$HOME/.cargo}$RUST_SYSROOT$PWD" in *[[:space:]]*) ;; *)
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo --remap-path-prefix=$RUST_SYSROOT/lib/rustlib/src/rust=/rustc/$RUST_COMMIT --remap-path-prefix=$PWD=/versterkingsmonitor"
  export BUILD_PATHS_TO_HIDE="${CARGO_HOME:-$HOME/.cargo}:$RUST_SYSROOT:$PWD" ;;
  esac
fi
