//! Small archives for unit tests: the real measures, gemeenten and events of `public/data`, with
//! hand-written publications, assembled by the same code the app uses.

#![allow(clippy::result_large_err)] // the shape of `assemble`'s reader, as in the app

use crate::data::archive::{assemble, Archive};
use crate::data::diagnostic::{Diagnostic, Message};
use crate::data::publication::parse_manifest;

const MATEN: &str = include_str!("../../../public/data/maten.csv");
const GEMEENTEN: &str = include_str!("../../../public/data/gemeenten.csv");
const EVENTS: &str = include_str!("../../../public/data/gebeurtenissen.csv");
const HEADER: &str = "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\n";

/// One test publication: id, peildatum, publisher, and observation rows without the header.
pub(crate) struct Pub<'a> {
    pub id: &'a str,
    pub peildatum: &'a str,
    pub publisher: &'a str,
    pub rows: &'a str,
}

/// Build an archive; every row must be accepted (a typo in a test fails loudly).
pub(crate) fn archive(pubs: &[Pub]) -> Archive {
    let list: Vec<String> = pubs
        .iter()
        .map(|p| {
            format!(
                r#"{{"id": "{}", "peildatum": "{}", "publisher": "{}", "title": "Titel {}", "document": "test", "file": "publicaties/{}.csv"}}"#,
                p.id, p.peildatum, p.publisher, p.id, p.id
            )
        })
        .collect();
    let manifest_text = format!(
        r#"{{"format": "versterkingsmonitor-archief", "version": 1, "measures": "maten.csv", "gemeenten": "gemeenten.csv", "events": "gebeurtenissen.csv", "publications": [{}]}}"#,
        list.join(",")
    );
    let manifest = parse_manifest("manifest.json", &manifest_text).expect("test manifest");
    let (a, report) = assemble(&manifest, |f| {
        let text = match f {
            "maten.csv" => MATEN.to_string(),
            "gemeenten.csv" => GEMEENTEN.to_string(),
            "gebeurtenissen.csv" => EVENTS.to_string(),
            _ => match pubs.iter().find(|p| f == format!("publicaties/{}.csv", p.id)) {
                Some(p) => format!("{HEADER}{}", p.rows),
                None => return Err(Diagnostic::error(f, 0, 0, Message::Unknown { what: crate::data::fields::UNKNOWN_FILE, value: f.into() })),
            },
        };
        Ok(text)
    })
    .expect("test archive assembles");
    assert_eq!(report.errors(), 0, "test rows rejected: {:?}", report.diagnostics);
    a
}
