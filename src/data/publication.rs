//! Publications (vintages) and the manifest that lists them.
//!
//! A publication is one release of figures by one publisher on one reference date (peildatum):
//! NCG's monthly report of 31 May 2020, SodM's annual report with peildatum 17 July 2020, ...
//! Every observation belongs to exactly one publication, so every number on screen can name it.

use serde::Deserialize;

use super::date::Date;
use super::diagnostic::{Diagnostic, Message};

#[derive(Clone, Debug, PartialEq)]
pub struct Publication {
    /// Stable identifier, e.g. `ncg-2020-05-31`; also the file name stem.
    pub id: String,
    /// Reference date of the figures (peildatum).
    pub peildatum: Date,
    /// Date it was published, if known.
    pub published: Option<Date>,
    /// NCG, SodM, gemeente Eemsdelta, ...
    pub publisher: String,
    pub title: String,
    /// Where it can be read (web page or document).
    pub url: Option<String>,
    /// Document reference when there is no stable URL (e.g. a seed file with line numbers).
    pub document: Option<String>,
    /// Path of its observation file relative to the data folder.
    pub file: String,
    pub notes: String,
}

/// The raw JSON form of the manifest (`public/data/manifest.json`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestJson {
    pub format: String,
    pub version: u32,
    pub measures: String,
    pub gemeenten: String,
    pub events: String,
    pub publications: Vec<PublicationJson>,
    #[serde(default)]
    pub demo: Option<DemoJson>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicationJson {
    pub id: String,
    pub peildatum: String,
    #[serde(default)]
    pub published: Option<String>,
    pub publisher: String,
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub document: Option<String>,
    pub file: String,
    #[serde(default)]
    pub notes: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DemoJson {
    pub file: String,
    pub seed: u64,
    #[serde(default)]
    pub calibrated_to: String,
}

/// The parsed manifest: file names plus typed publications.
#[derive(Clone, Debug, PartialEq)]
pub struct Manifest {
    pub measures_file: String,
    pub gemeenten_file: String,
    pub events_file: String,
    pub publications: Vec<Publication>,
    pub demo: Option<DemoJson>,
}

pub const MANIFEST_FORMAT: &str = "versterkingsmonitor-archief";

fn valid_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 80 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// A data file path inside the data folder: relative, no `..`, no scheme.
pub fn valid_data_path(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('/')
        && !s.contains("..")
        && !s.contains(':')
        && !s.contains('\\')
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b))
}

/// Parse `manifest.json`. Line/column of JSON errors come from serde_json.
pub fn parse_manifest(file: &str, text: &str) -> Result<Manifest, Vec<Diagnostic>> {
    let raw: ManifestJson = serde_json::from_str(text).map_err(|e| {
        vec![Diagnostic::error(file, e.line() as u64, e.column() as u64, Message::Json(e.to_string()))]
    })?;
    let mut errs = Vec::new();
    let err = |errs: &mut Vec<Diagnostic>, m: Message| errs.push(Diagnostic::error(file, 0, 0, m));
    if raw.format != MANIFEST_FORMAT {
        err(&mut errs, Message::Invalid { field: "format".into(), value: raw.format.clone(), reason: format!("expected {MANIFEST_FORMAT}") });
    }
    if raw.version != 1 {
        err(&mut errs, Message::Invalid { field: "version".into(), value: raw.version.to_string(), reason: "only version 1 is known".into() });
    }
    for (field, path) in [("measures", &raw.measures), ("gemeenten", &raw.gemeenten), ("events", &raw.events)] {
        if !valid_data_path(path) {
            err(&mut errs, Message::Invalid { field: field.into(), value: path.clone(), reason: "not a relative data path".into() });
        }
    }
    let mut pubs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in raw.publications {
        let fld = |f: &str| format!("publications[{}].{f}", p.id);
        if !valid_id(&p.id) {
            err(&mut errs, Message::Invalid { field: "publications[].id".into(), value: p.id.clone(), reason: "use a-z, 0-9, - and _".into() });
            continue;
        }
        if !seen.insert(p.id.clone()) {
            err(&mut errs, Message::Duplicate { key: p.id.clone(), first_line: 0 });
            continue;
        }
        let peildatum = match Date::parse(&p.peildatum) {
            Ok(d) => d,
            Err(e) => {
                err(&mut errs, Message::Invalid { field: fld("peildatum"), value: p.peildatum.clone(), reason: e.to_string() });
                continue;
            }
        };
        let published = match p.published.as_deref().filter(|s| !s.is_empty()).map(Date::parse).transpose() {
            Ok(d) => d,
            Err(e) => {
                err(&mut errs, Message::Invalid { field: fld("published"), value: p.published.clone().unwrap_or_default(), reason: e.to_string() });
                continue;
            }
        };
        if !valid_data_path(&p.file) {
            err(&mut errs, Message::Invalid { field: fld("file"), value: p.file.clone(), reason: "not a relative data path".into() });
            continue;
        }
        if p.url.is_none() && p.document.is_none() {
            err(&mut errs, Message::Missing { field: fld("url|document") });
            continue;
        }
        pubs.push(Publication {
            id: p.id,
            peildatum,
            published,
            publisher: p.publisher,
            title: p.title,
            url: p.url.filter(|u| !u.is_empty()),
            document: p.document.filter(|d| !d.is_empty()),
            file: p.file,
            notes: p.notes,
        });
    }
    if let Some(d) = &raw.demo {
        if !valid_data_path(&d.file) {
            err(&mut errs, Message::Invalid { field: "demo.file".into(), value: d.file.clone(), reason: "not a relative data path".into() });
        }
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    pubs.sort_by(|a, b| (a.peildatum, &a.id).cmp(&(b.peildatum, &b.id)));
    Ok(Manifest {
        measures_file: raw.measures,
        gemeenten_file: raw.gemeenten,
        events_file: raw.events,
        publications: pubs,
        demo: raw.demo,
    })
}
