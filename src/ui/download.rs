//! Saving generated text (CSV, SVG) as a file in the browser.

use wasm_bindgen::JsCast;

/// Offer `content` as a download named `filename`. Errors are returned, not thrown.
pub fn save(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let doc = window.document().ok_or("no document")?;
    let parts = js_sys::Array::new();
    parts.push(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|_| "blob")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "object url")?;
    let a = doc.create_element("a").map_err(|_| "anchor")?.dyn_into::<web_sys::HtmlAnchorElement>().map_err(|_| "anchor")?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
