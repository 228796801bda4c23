//! Saving generated text (CSV, SVG) or a drawn image (PNG) as a file in the browser.

use wasm_bindgen::JsCast;

/// Offer `content` as a download named `filename`. Errors are returned, not thrown.
pub fn save(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::new();
    parts.push(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|_| "blob")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "object url")?;
    let saved = save_url(filename, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    saved
}

/// Offer the file at `url` (an object URL or a `data:` URL, such as a canvas's PNG) as a download
/// named `filename`.
pub fn save_url(filename: &str, url: &str) -> Result<(), String> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a = doc.create_element("a").map_err(|_| "anchor")?.dyn_into::<web_sys::HtmlAnchorElement>().map_err(|_| "anchor")?;
    a.set_href(url);
    a.set_download(filename);
    a.click();
    Ok(())
}
