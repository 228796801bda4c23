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
    // The object URL is let go a minute later: revoked at once, right after the click, the browser
    // sometimes had not yet read it and made no file, without a word (a review counted 4 of 120
    // downloads).
    let revoke = {
        let url = url.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
    };
    let later = web_sys::window().is_some_and(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000).is_ok());
    if !later {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    saved
}

/// "Gedownload op <datum> van <adres>": the last of the "# " lines that open a CSV download
/// (`analysis::table::csv_head`), of the page as it is when the button is pressed.
pub fn downloaded_from(l: crate::i18n::Lang) -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|url| (crate::i18n::texts(l).shell.downloaded_from)(&crate::i18n::format::date(super::address_data::today(), l), &url))
        .unwrap_or_default()
}

/// Offer a CSV for a spreadsheet as a download: UTF-8 with a byte order mark, without which Excel
/// reads the file in the computer's old code page and shows "≈", "–" and "ë" as "â‰ˆ", "â€“",
/// "Ã«". (The archive download, a dataset for programs, is plain UTF-8 as the data files are.)
pub fn save_csv(filename: &str, csv: &str) -> Result<(), String> {
    save(filename, "text/csv;charset=utf-8", &format!("\u{feff}{csv}"))
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
