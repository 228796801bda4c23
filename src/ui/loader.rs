//! Fetching the archive at run time from `data/` (relative to the page's `<base href>`), with
//! progress. A 404 or 500 is an error (gloo-net does not fail on them by itself), and bytes are
//! decoded strictly (invalid UTF-8 is an error with line and column, never silently replaced).

use std::collections::HashMap;

use futures::future::join_all;
use gloo_net::http::Request;

use crate::data::archive::{self, Archive, LoadReport};
use crate::data::diagnostic::{Diagnostic, Message};
use crate::data::publication::{parse_manifest, Manifest};
use crate::data::table::{decode, DEFAULT_SIZE_LIMIT};

pub const DATA_DIR: &str = "data/";

/// Why loading failed, for the translated error panel.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The server answered with an error status.
    Http { file: String, status: u16 },
    /// No answer at all (offline, blocked).
    Network { file: String, message: String },
    /// The files arrived but could not be read.
    Data(Vec<Diagnostic>),
}

/// Everything the views need, loaded once.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub manifest: Manifest,
    pub archive: Archive,
    pub report: LoadReport,
}

async fn fetch_bytes(file: &str) -> Result<Vec<u8>, LoadError> {
    let url = format!("{DATA_DIR}{file}");
    let resp = Request::get(&url)
        .send()
        .await
        .map_err(|e| LoadError::Network { file: file.to_string(), message: e.to_string() })?;
    if !resp.ok() {
        return Err(LoadError::Http { file: file.to_string(), status: resp.status() });
    }
    resp.binary().await.map_err(|e| LoadError::Network { file: file.to_string(), message: e.to_string() })
}

/// Fetch a file and decode it as strict UTF-8.
pub async fn fetch_text(file: &str) -> Result<String, LoadError> {
    let bytes = fetch_bytes(file).await?;
    decode(file, &bytes, DEFAULT_SIZE_LIMIT).map(str::to_string).map_err(|d| LoadError::Data(vec![d]))
}

/// Load the manifest and every file it lists. `progress(done, total)` is called as files arrive.
pub async fn load(progress: impl Fn(usize, usize)) -> Result<Loaded, LoadError> {
    let manifest_text = fetch_text("manifest.json").await?;
    let manifest = parse_manifest("manifest.json", &manifest_text).map_err(LoadError::Data)?;
    let mut files: Vec<String> = vec![manifest.measures_file.clone(), manifest.gemeenten_file.clone(), manifest.events_file.clone()];
    files.extend(manifest.publications.iter().map(|p| p.file.clone()));
    let total = files.len() + 1;
    progress(1, total);
    let done = std::cell::Cell::new(1usize);
    let fetches = files.iter().map(|f| {
        let progress = &progress;
        let done = &done;
        async move {
            let r = fetch_text(f).await;
            done.set(done.get() + 1);
            progress(done.get(), total);
            (f.clone(), r)
        }
    });
    let results = join_all(fetches).await;
    // Parse in a task of its own, not in the one that received the last file (short tasks keep the
    // page answering taps: Lighthouse's total blocking time).
    super::address_data::next_tick().await;
    let mut texts: HashMap<String, String> = HashMap::new();
    for (f, r) in results {
        texts.insert(f, r?);
    }
    let (archive, report) = archive::assemble(&manifest, |f| {
        texts.get(f).cloned().ok_or_else(|| Diagnostic::error(f, 0, 0, Message::Unknown { what: "file".into(), value: f.into() }))
    })
    .map_err(LoadError::Data)?;
    Ok(Loaded { manifest, archive, report })
}
