//! The whole archive as one CSV: every observation joined with its publication's metadata and
//! its measure's labels, one row per observation, so a researcher can open all published figures
//! in a spreadsheet without reading the manifest. Values are written as in the source files
//! (plain numbers, `.` as decimal separator, empty when suppressed); nothing is recomputed. The
//! note is the archive's (Dutch), with our English translation beside it in `note_en`.
//!
//! ```
//! use versterkingsmonitor::analysis::archive_download::{archive_csv, ARCHIVE_CSV_HEADER};
//! use versterkingsmonitor::data::archive::Archive;
//! let csv = archive_csv(&Archive::default());
//! assert_eq!(csv.trim_end(), ARCHIVE_CSV_HEADER.join(","));
//! ```

use crate::data::archive::Archive;
use crate::data::observation::Observation;
use crate::i18n::format;

/// The columns of the archive download, in this order.
pub const ARCHIVE_CSV_HEADER: [&str; 30] = [
    "publication",
    "peildatum",
    "published",
    // "yes" where `published` is only the latest day it can have been published (it was written
    // "..2021-06-07" in `published`, which made R and pandas read the whole column as text).
    "published_at_latest",
    "publisher",
    "quoted_by",
    "title",
    "url",
    "document",
    "measure",
    "label_nl",
    "label_en",
    "kind",
    "unit",
    "period",
    "period_start",
    "period_end",
    "gemeente",
    "gemeente_name",
    "batch",
    "risicoprofiel",
    "eigenaar",
    "categorie",
    "value",
    "flag",
    "source",
    "note",
    // Our English translation of `note` (vertalingen.csv); empty when it has none.
    "note_en",
    "file",
    "line",
];

/// File name of the download.
pub const ARCHIVE_CSV_NAME: &str = "versterkingsmonitor-archief.csv";

/// One row of the download for an observation (the fields of [`ARCHIVE_CSV_HEADER`]).
pub fn row(archive: &Archive, o: &Observation) -> Vec<String> {
    let p = archive.publication(o.publication);
    let m = archive.measure(o.measure);
    let b = &o.breakdown;
    let text = |s: Option<&String>| s.cloned().unwrap_or_default();
    vec![
        p.map(|p| p.id.clone()).unwrap_or_default(),
        p.map(|p| p.peildatum.to_string()).unwrap_or_default(),
        // A plain date; "published on that day at the latest" in the next column.
        p.and_then(|p| p.published.map(|d| d.to_string())).unwrap_or_default(),
        p.filter(|p| p.published_at_latest && p.published.is_some()).map(|_| "yes".to_string()).unwrap_or_default(),
        p.map(|p| p.publisher.clone()).unwrap_or_default(),
        text(p.and_then(|p| p.quoted_by.as_ref())),
        p.map(|p| p.title.clone()).unwrap_or_default(),
        text(p.and_then(|p| p.url.as_ref())),
        text(p.and_then(|p| p.document.as_ref())),
        m.map(|m| m.code.clone()).unwrap_or_default(),
        m.map(|m| m.label_nl.clone()).unwrap_or_default(),
        m.map(|m| m.label_en.clone()).unwrap_or_default(),
        m.map(|m| m.kind.as_str().to_string()).unwrap_or_default(),
        m.map(|m| m.unit.as_str().to_string()).unwrap_or_default(),
        o.period.to_string(),
        o.period.start().map(|d| d.to_string()).unwrap_or_default(),
        o.period.end().to_string(),
        b.gemeente.map(|g| g.to_string()).unwrap_or_default(),
        b.gemeente.and_then(|g| archive.gemeenten.get(g)).map(|g| g.name.clone()).unwrap_or_default(),
        b.batch.as_deref().unwrap_or_default().to_string(),
        b.risicoprofiel.map(|r| r.as_str().to_string()).unwrap_or_default(),
        b.eigenaar.map(|e| e.as_str().to_string()).unwrap_or_default(),
        b.categorie.map(|c| c.as_str().to_string()).unwrap_or_default(),
        o.value.map(format::plain).unwrap_or_default(),
        o.flag.as_str().to_string(),
        o.source.to_string(),
        o.note.to_string(),
        archive.translations.english(&o.note).unwrap_or_default().to_string(),
        p.map(|p| p.file.clone()).unwrap_or_default(),
        o.line.to_string(),
    ]
}

/// The whole archive as CSV (RFC 4180, UTF-8, LF line ends): the header, then one row per
/// observation in archive order (publications by peildatum, rows in file order).
pub fn archive_csv(archive: &Archive) -> String {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::with_capacity(archive.observations.len() * 400));
    let mut ok = w.write_record(ARCHIVE_CSV_HEADER).is_ok();
    for o in &archive.observations {
        ok &= w.write_record(row(archive, o)).is_ok();
    }
    match (ok, w.into_inner()) {
        (true, Ok(bytes)) => String::from_utf8(bytes).unwrap_or_default(),
        _ => String::new(),
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // the file reader of `assemble` returns the data layer's Diagnostic
mod tests {
    use super::*;
    use crate::data::archive::assemble;
    use crate::data::diagnostic::{Diagnostic, Message};
    use crate::data::publication::parse_manifest;

    #[test]
    fn one_row_per_observation_with_metadata_and_quotes() {
        let m = parse_manifest(
            "manifest.json",
            r#"{"format": "versterkingsmonitor-archief", "version": 1, "measures": "maten.csv",
            "gemeenten": "gemeenten.csv", "events": "gebeurtenissen.csv", "publications": [
            {"id": "a", "peildatum": "2020-07-17", "published": "2020-09-02", "publisher": "SodM", "title": "Rapport, 2020", "document": "seeds/000.txt", "file": "a.csv"}]}"#,
        )
        .unwrap();
        let (a, _) = assemble(&m, |f| {
            Ok(match f {
                "maten.csv" => "code,kind,unit,group,order,label_nl,label_en,definition_nl,definition_en,valid_from,valid_to,replaces,comparable_with\n\
                    opname,cumulative,addresses,mijlpaal,10,Opname,Inspection,,,,,,\n",
                "gemeenten.csv" => "code,name,valid_from,valid_to,successor,in_operation\nGM0014,Groningen,,,,yes\n",
                "gebeurtenissen.csv" => "date,kind,measures,text_nl,text_en,source\n",
                "a.csv" => "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\n\
                    opname,2019-H1,GM0014,,P50,,,357,published,\"tabel 2.2, L678\",\"zegt \"\"ruim\"\"\"\n\
                    opname,2019-H2,,,,,,,suppressed,,onleesbaar\n",
                _ => return Err(Diagnostic::error(f, 0, 0, Message::CannotRead { reason: "?".into() })),
            }
            .to_string())
        })
        .unwrap();
        let csv = archive_csv(&a);
        let mut r = csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), ARCHIVE_CSV_HEADER);
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), a.observations.len());
        let get = |i: usize, col: &str| rows[i].get(ARCHIVE_CSV_HEADER.iter().position(|h| *h == col).unwrap()).unwrap().to_string();
        assert_eq!(get(0, "publication"), "a");
        assert_eq!(get(0, "title"), "Rapport, 2020");
        assert_eq!(get(0, "published"), "2020-09-02");
        assert_eq!(get(0, "label_en"), "Inspection");
        assert_eq!(get(0, "period_start"), "2019-01-01");
        assert_eq!(get(0, "period_end"), "2019-06-30");
        assert_eq!(get(0, "gemeente_name"), "Groningen");
        assert_eq!(get(0, "risicoprofiel"), "P50");
        assert_eq!(get(0, "value"), "357");
        assert_eq!(get(0, "source"), "tabel 2.2, L678");
        assert_eq!(get(0, "note"), "zegt \"ruim\"");
        assert_eq!(get(0, "line"), "2");
        assert_eq!(get(1, "value"), "");
        assert_eq!(get(1, "flag"), "suppressed");
        assert!(!csv.contains('\r'));
    }
}
