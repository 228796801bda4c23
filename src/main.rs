//! Entry point of the web app. Built for wasm32 by Trunk; on a native target it only explains.

#[cfg(target_arch = "wasm32")]
fn main() {
    versterkingsmonitor::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Versterkingsmonitor app runs in the browser: build it with `trunk build --release` (see README). The native tool is `cargo run --release --bin ncg`.");
}
