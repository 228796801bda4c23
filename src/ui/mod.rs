//! Layer 4: the leptos components (browser only). Thin: they read signals from the URL and the
//! loaded data, call the layers below, and render what comes back.

mod app;
mod canvas;
mod chart_frame;
mod data;
mod download;
mod loader;
mod panic;
mod shell;
mod url;
mod views;

pub use app::App;

/// Install the panic panel and mount the app, replacing the static boot screen.
pub fn start() {
    panic::install();
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}
