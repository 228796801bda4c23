//! Component tests in headless Chromium (wasm-bindgen-test): the chart frame draws on its canvas,
//! renders the same data as a table and a summary, and the number formatting reaches the DOM; the
//! patched attribute rebuild of leptos's renderer (vendor/README.md) writes only what changed.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use versterkingsmonitor::ui::test_support::{measure_probe, mount_chart_frame, sample_chart, settled};

wasm_bindgen_test_configure!(run_in_browser);

fn doc() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("test runs in a browser")
}

#[wasm_bindgen_test]
async fn chart_frame_draws_and_tabulates() {
    let host = mount_chart_frame(sample_chart());
    // The canvas is drawn, and the table built, in tasks after the render (ui::draw_queue, ui::deferred).
    settled().await;
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
    settled().await;
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
// Regression test: the charts of a view were drawn in the same task as the view's render (a
// microtask of it), so the first render of Trends with its four charts was one task of about 200 ms
// on a slower machine, which Lighthouse's phone emulation counts four times as blocking time
// (2026-11-23, performance 0.81 on /trends). The draws now come in tasks of their own, and
// `<html data-pending="charts">` says they are still to come.
#[wasm_bindgen_test]
async fn charts_draw_in_tasks_after_the_render() {
    let hosts = [mount_chart_frame(sample_chart()), mount_chart_frame(sample_chart())];
    // The render and its microtasks (effects) are done; the draws are not.
    leptos::task::tick().await;
    let root = doc().document_element().unwrap();
    assert_eq!(root.get_attribute("data-pending").as_deref(), Some("charts"));
    for host in &hosts {
        let canvas = host.query_selector("canvas").unwrap().unwrap();
        assert_eq!(canvas.get_attribute("data-draws"), None, "not drawn in the render's task");
    }
    settled().await;
    assert_eq!(root.get_attribute("data-pending"), None);
    for host in &hosts {
        let canvas = host.query_selector("canvas").unwrap().unwrap();
        assert_eq!(canvas.get_attribute("data-draws").as_deref(), Some("1"), "drawn once");
    }
}

// Regression test: label text was measured in a <span> in the page (offsetWidth/offsetHeight),
// which made the browser lay out the whole page inside every draw; it is now measured with the
// canvas's measureText. The sizes must still be those of a line of text in that font.
#[wasm_bindgen_test]
fn text_is_measured_without_the_page() {
    let (w, h) = measure_probe("Werkvoorraad", 12.0).unwrap();
    assert!((40..=110).contains(&w), "width {w}");
    assert!((11..=20).contains(&h), "height {h}");
    let (w2, _) = measure_probe("Werkvoorraad Werkvoorraad", 12.0).unwrap();
    assert!(w2 > 2 * w, "longer text is wider: {w2} vs {w}");
    assert_eq!(measure_probe("", 12.0).map(|(w, _)| w), Some(0));
}

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

/// A host element in the page and a log of the attribute mutations on it and its descendants
/// (`window.__attributeLog`, filled by a MutationObserver).
fn observed_host() -> web_sys::HtmlElement {
    let host: web_sys::HtmlElement = doc().create_element("div").unwrap().dyn_into().unwrap();
    doc().body().unwrap().append_child(&host).unwrap();
    let observe = js_sys::Function::new_with_args(
        "el",
        "window.__attributeLog = []; new MutationObserver((rs) => rs.forEach((r) => window.__attributeLog.push(r.attributeName))).observe(el, { attributes: true, subtree: true });",
    );
    observe.call1(&wasm_bindgen::JsValue::NULL, &host).unwrap();
    host
}

/// The attribute mutations logged since the last call, after the pending renders and observer callbacks.
async fn attribute_log() -> Vec<String> {
    leptos::task::tick().await;
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
    let take = js_sys::Function::new_no_args("const l = window.__attributeLog; window.__attributeLog = []; return l;");
    let log: js_sys::Array = take.call0(&wasm_bindgen::JsValue::NULL).unwrap().dyn_into().unwrap();
    log.iter().filter_map(|v| v.as_string()).collect()
}

/// Regression test for the patched tachys (vendor/README.md). The app is built with leptos's type
/// erasure, where an element keeps its attributes as a list; upstream's rebuild of that list
/// removed every attribute and set it again whenever its block re-rendered, even when nothing had
/// changed. That doubled the time of a filter change on /trends. Now an unchanged attribute is left
/// alone and only the changed one is written.
#[wasm_bindgen_test]
async fn attribute_rebuild_writes_only_changed_values() {
    use leptos::prelude::*;
    let host = observed_host();
    let n = RwSignal::new(0u32);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! { {move || { let v = n.get(); view! { <p class="fixed" data-half=(v / 2).to_string() data-same="same">{v}</p> } }} }
    });
    let _ = attribute_log().await; // the first render
    n.set(2);
    assert_eq!(attribute_log().await, vec!["data-half".to_string()], "only the changed attribute is written");
    n.set(3);
    assert_eq!(attribute_log().await, Vec::<String>::new(), "no attribute changed, none written");
    let p = host.query_selector("p").unwrap().unwrap();
    assert_eq!(p.get_attribute("data-half").as_deref(), Some("1"));
    assert_eq!(p.get_attribute("class").as_deref(), Some("fixed"));
    assert_eq!(p.text_content().as_deref(), Some("3"));
    drop(handle);
    host.remove();
}

/// The patched rebuild still removes attributes that are gone: when the same kind of element
/// comes back with an attribute of the same type under another name, the old name is removed
/// (the case upstream fixed in leptos-rs/leptos#4270, which the patch must keep fixed).
#[wasm_bindgen_test]
async fn attribute_rebuild_removes_renamed_attributes() {
    use leptos::prelude::*;
    let host = observed_host();
    let first = RwSignal::new(true);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        view! {
            {move || if first.get() { view! { <p data-x="1"></p> }.into_any() } else { view! { <p data-y="1"></p> }.into_any() }}
        }
    });
    let _ = attribute_log().await;
    first.set(false);
    let _ = attribute_log().await;
    let p = host.query_selector("p").unwrap().unwrap();
    assert!(!p.has_attribute("data-x"), "the old attribute is removed");
    assert_eq!(p.get_attribute("data-y").as_deref(), Some("1"));
    drop(handle);
    host.remove();
}
