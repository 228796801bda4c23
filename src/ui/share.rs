//! The header's "Delen" button. Every view keeps its state in its address (route, filters,
//! language), so sharing a view is sharing its address: through the phone's share sheet where the
//! browser has one (`navigator.share`), else copied to the clipboard (`navigator.clipboard`).
//! Where neither works (an old browser, no permission), the address is shown, selectable, to copy
//! by hand. A share sheet the reader closes is not an error.
//!
//! Both browser methods are looked up at run time (`js_sys::Reflect`): a browser without them gets
//! the next way, not a failure, and the bundle needs no bindings for them. The status is kept as
//! its text (a `String` signal, as elsewhere in the app), which costs the bundle least.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::shell::ShellTexts;
use crate::i18n::{texts, Lang};
use crate::ui::dyn_view::dyn_view;

/// `target.name(arg)` when `target` has such a method and it returns a promise.
fn call(target: &JsValue, name: &str, arg: &JsValue) -> Option<js_sys::Promise> {
    let f = js_sys::Reflect::get(target, &JsValue::from_str(name)).ok()?.dyn_into::<js_sys::Function>().ok()?;
    f.call1(target, arg).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// Share `url`; returns what to say about it ("" when the share sheet took it or was closed).
async fn share(t: &'static ShellTexts, title: String, url: String) -> String {
    let navigator = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("navigator")).ok());
    if let Some(navigator) = navigator {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str("title"), &JsValue::from_str(&title));
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str("url"), &JsValue::from_str(&url));
        if let Some(p) = call(&navigator, "share", &data) {
            match wasm_bindgen_futures::JsFuture::from(p).await {
                Ok(_) => return String::new(),
                // The reader closed the sheet.
                Err(e) if js_sys::Reflect::get(&e, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()).as_deref() == Some("AbortError") => return String::new(),
                Err(_) => {}
            }
        }
        let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok().filter(|c| c.is_object());
        if let Some(p) = clipboard.and_then(|c| call(&c, "writeText", &JsValue::from_str(&url)))
            && wasm_bindgen_futures::JsFuture::from(p).await.is_ok()
        {
            return t.share_copied.to_string();
        }
    }
    format!("{} {url}", t.share_by_hand)
}

/// The button, with a status line that says what happened. `status` belongs to the shell, which
/// clears it on every navigation (the copied address was the previous one); the header is built
/// anew on a language switch.
pub fn share_button(l: Lang, status: RwSignal<String>) -> impl IntoView {
    let t = &texts(l).shell;
    let press = move |_| {
        let doc = web_sys::window().and_then(|w| w.document());
        let title = doc.as_ref().map(|d| d.title()).unwrap_or_default();
        let url = doc.and_then(|d| d.location()).and_then(|l| l.href().ok()).unwrap_or_default();
        leptos::task::spawn_local(async move {
            let said = share(t, title, url.clone()).await;
            // The reader may have moved on while the share sheet or the clipboard answered; the
            // status is about the address that was shared, so it is said only while that is shown.
            let now = web_sys::window().and_then(|w| w.location().href().ok());
            if now.as_deref() == Some(url.as_str()) {
                status.try_set(said);
            }
        });
    };
    // Two items of the header's row of actions (style/main.css): the status goes on a line of its
    // own under the buttons, so a button never moves when the status appears.
    view! {
        <button type="button" class="share-button" on:click=press>{t.share}<span class="sr-only">{t.share_label}</span></button>
        <span class="share-status" role="status">{dyn_view(move || status.get())}</span>
    }
}
