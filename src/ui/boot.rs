//! The static first paint (`#boot`, written into every page by `ncg prerender`): the shell and the
//! view's heading and lead, there before the wasm has arrived. The app renders under it — hidden by
//! the style sheet (`#boot ~ *`) — and the block goes when the data has loaded or failed
//! (`ui::data`, in the same task as the render of the data, before the browser paints), so the page
//! changes once, from the static text to the same text with the figures, instead of showing the
//! text, then "loading", then the text again. A panic removes it too (`ui::panic`).

/// Remove the static first paint, if it is still there.
pub fn remove() {
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
}
