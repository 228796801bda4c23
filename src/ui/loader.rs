//! Fetching the archive at run time from `data/` (relative to the page's `<base href>`), with
//! progress. A 404 or 500 is an error (gloo-net does not fail on them by itself), and bytes are
//! decoded strictly (invalid UTF-8 is an error with line and column, never silently replaced).

use std::collections::HashMap;

use futures::future::join_all;
use gloo_net::http::Request;

use crate::data::archive::{Archive, Assembly, LoadReport};
use crate::data::diagnostic::{Diagnostic, Message};
use crate::data::fields::UNKNOWN_FILE;
use crate::data::publication::{parse_manifest, Manifest};
use crate::data::table::{decode, DEFAULT_SIZE_LIMIT};

pub const DATA_DIR: &str = "data/";

/// Longest stretch of parsing in one task before the event loop gets a turn (ms).
const PARSE_SLICE_MS: f64 = 8.0;

/// Requests started per task (see `load`).
const FETCHES_PER_TASK: usize = 4;

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
    // Always asked again of the host (`no-cache`: a copy in the browser's cache is used only when
    // the host says it is unchanged). The data files keep their names from month to month, and a
    // host that sends no caching rule of its own (nginx, Apache by default) lets a browser keep them
    // for days: a new publication was not seen, or a new publication arrived with last month's
    // `maten.csv` and its new measure was refused.
    let resp = Request::get(&url)
        .cache(web_sys::RequestCache::NoCache)
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
    files.extend(manifest.translations_file.clone());
    files.extend(manifest.publications.iter().map(|p| p.file.clone()));
    let total = files.len() + 1;
    progress(1, total);
    let done = std::cell::Cell::new(1usize);
    let fetches = files.iter().enumerate().map(|(k, f)| {
        let progress = &progress;
        let done = &done;
        async move {
            // Start the requests a few per task: each `fetch()` call costs the main thread about
            // 1.5 ms on the test machine, so starting all 25 at once was a long task of its own
            // (35–45 ms; three times that at a phone's CPU speed). They still run side by side.
            for _ in 0..k / FETCHES_PER_TASK {
                super::address_data::next_tick().await;
            }
            let r = fetch_text(f).await;
            done.set(done.get() + 1);
            progress(done.get(), total);
            (f.clone(), r)
        }
    });
    let results = join_all(fetches).await;
    let mut texts: HashMap<String, String> = HashMap::with_capacity(files.len());
    for (f, r) in results {
        texts.insert(f, r?);
    }
    let mut read = |f: &str| texts.get(f).cloned().ok_or_else(|| Diagnostic::error(f, 0, 0, Message::Unknown { what: UNKNOWN_FILE, value: f.into() }));
    // Parse in tasks of their own, not in the one that received the last file, and give the
    // event loop a turn whenever a task has parsed for PARSE_SLICE_MS: short tasks keep the page
    // answering taps (Lighthouse's total blocking time). Parsing all 26 files in one task took
    // 20–25 ms on the test machine, 60–100 ms at a phone's CPU speed.
    super::address_data::next_tick().await;
    let mut slice_start = super::address_data::now_ms();
    let mut assembly = Assembly::begin(&manifest, &mut read).map_err(LoadError::Data)?;
    for i in 0..manifest.publications.len() {
        if super::address_data::now_ms() - slice_start > PARSE_SLICE_MS {
            super::address_data::next_tick().await;
            slice_start = super::address_data::now_ms();
        }
        assembly.add_publication(i, &mut read);
    }
    let (archive, report) = assembly.finish();
    Ok(Loaded { manifest, archive, report })
}
