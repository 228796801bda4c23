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
