//! Layer 4: the leptos components (browser only). Thin: they read signals from the URL and the
//! loaded data, call the layers below, and render what comes back.

pub(crate) mod address_data;
mod any_backend;
mod app;
mod boot;
mod breadcrumbs;
mod canvas;
mod check_notice;
mod chart_frame;
mod data;
mod deferred;
mod download;
mod draw_queue;
pub(crate) mod dyn_view;
mod file_loader;
pub(crate) mod filter_bar;
mod loader;
mod panic;
mod search_box;
mod share;
mod shell;
#[doc(hidden)]
pub mod test_support;
mod url;
mod views;
mod warm_up;

pub use app::App;

/// Install the panic panel and mount the app under the static first paint (`boot`), which goes
/// when the data has settled.
///
/// The app mounts a turn of the event loop after the wasm has started: compiling and starting the
/// wasm, and building the app's first view, were one task of about 90 ms on the project's slower
/// CI machine (2026-11-23; Lighthouse's phone emulation counts it four times), now two. The data
/// request is already under way meanwhile (`<link rel=preload>` in `index.html`).
pub fn start() {
    panic::install();
    wasm_bindgen_futures::spawn_local(async {
        address_data::next_tick().await;
        leptos::mount::mount_to_body(App);
        // The end-to-end test of the panic panel asks for a deliberate panic.
        let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        if search.contains("test-panic=1") {
            panic!("deliberate panic requested with ?test-panic=1 (end-to-end test of the panic panel)");
        }
    });
}
