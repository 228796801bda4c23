//! Component tests in headless Chromium (wasm-bindgen-test): the chart frame draws on its canvas,
//! renders the same data as a table and a summary, and the number formatting reaches the DOM.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use versterkingsmonitor::ui::test_support::{mount_chart_frame, sample_chart};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("test runs in a browser")
}

#[wasm_bindgen_test]
async fn chart_frame_draws_and_tabulates() {
    let host = mount_chart_frame(sample_chart());
    leptos::task::tick().await;
    let canvas: web_sys::HtmlCanvasElement = host.query_selector("canvas").unwrap().unwrap().dyn_into().unwrap();
    assert!(canvas.width() > 0);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height())).unwrap().data();
    let inked = data.chunks(4).filter(|p| p[0] < 240 || p[1] < 240 || p[2] < 240).count();
    assert!(inked > 1000, "canvas has drawn content ({inked} inked pixels)");
    let cells = host.query_selector_all("[data-testid=chart-table] td.num").unwrap();
    assert_eq!(cells.length(), 3);
    let first = cells.item(0).unwrap().text_content().unwrap();
    assert_eq!(first, "26.716");
    let summary = host.query_selector("[data-testid=chart-summary]").unwrap().unwrap().text_content().unwrap();
    assert!(summary.contains("proef"), "{summary}");
    let _ = doc();
}

#[wasm_bindgen_test]
async fn chart_frame_keyboard_tooltip() {
    let host = mount_chart_frame(sample_chart());
    leptos::task::tick().await;
    let plot: web_sys::HtmlElement = host.query_selector(".chart-plot").unwrap().unwrap().dyn_into().unwrap();
    plot.focus().unwrap();
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let i = web_sys::KeyboardEventInit::new();
        i.set_key("Home");
        i.set_bubbles(true);
        i
    })
    .unwrap();
    plot.dispatch_event(&ev).unwrap();
    leptos::task::tick().await;
    let live = host.query_selector("[data-testid=chart-live]").unwrap().unwrap().text_content().unwrap();
    assert!(live.contains("26.716"), "{live}");
}

/// Regression test: the canvas backend skips style setters whose value the context already
/// holds. Rotated text is drawn between `save()` and `restore()`, and `restore()` brings back the
/// fill colour from before; the backend must forget its remembered state there, or the blue square
/// drawn after the blue rotated text would come out red.
#[wasm_bindgen_test]
fn canvas_state_cache_survives_rotated_text() {
    let canvas = versterkingsmonitor::ui::test_support::draw_style_probe().expect("2D canvas");
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    let px = |x: f64, y: f64| ctx.get_image_data(x * dpr, y * dpr, 1.0, 1.0).unwrap().data().to_vec();
    assert_eq!(&px(10.0, 10.0)[..3], &[255, 0, 0], "red square");
    assert_eq!(&px(50.0, 10.0)[..3], &[0, 0, 255], "blue square after rotated blue text");
    canvas.remove();
}
