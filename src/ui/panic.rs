//! A panic must never leave a blank page. The hook logs to the console and puts a plain DOM
//! error panel on the page. It uses web-sys directly (not leptos), because after a panic the
//! app's reactive system cannot be trusted; the reload control is a plain link, because no wasm
//! code can run after the panic aborts.

use wasm_bindgen::JsCast;

use crate::i18n::{texts, Lang};

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel(&info.to_string());
    }));
}

fn current_lang() -> Lang {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if search.contains("lang=en") { Lang::En } else { Lang::Nl }
}

fn show_panel(detail: &str) {
    let Some(window) = web_sys::window() else { return };
    let Some(doc) = window.document() else { return };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("panic-panel").is_some() {
        return;
    }
    // The static first paint would hide the panel (`#boot ~ *` in the style sheet).
    super::boot::remove();
    let t = &texts(current_lang()).shell;
    let el = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let Some(panel) = doc.create_element("section").ok() else { return };
    panel.set_id("panic-panel");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("class", "panic-panel");
    if let Some(h) = el("h2", t.panic_title) {
        let _ = panel.append_child(&h);
    }
    if let Some(p) = el("p", t.panic_body) {
        let _ = panel.append_child(&p);
    }
    if let Some(a) = el("a", t.panic_reload) {
        let href = window.location().href().unwrap_or_else(|_| "/".into());
        let _ = a.set_attribute("href", &href);
        let _ = a.set_attribute("class", "button");
        let _ = panel.append_child(&a);
    }
    if let Some(pre) = el("pre", detail) {
        let _ = panel.append_child(&pre);
    }
    let first = body.first_child();
    let _ = body.insert_before(panel.unchecked_ref(), first.as_ref());
}
