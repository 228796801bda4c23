//! Recognising which kind of archive file a single file is, so `ncg check FILE` (and a file
//! dropped into the app) can pick the right reader.
//!
//! The rule, in order:
//! 1. a name ending in `.json`, or text starting with `{`, is a manifest;
//! 2. a first line equal to one of the known headers decides;
//! 3. otherwise the well-known file names decide (`maten.csv`, `gemeenten.csv`, `gebeurtenissen.csv`,
//!    `vertalingen.csv`, anything under `publicaties/`), so a damaged header still gets a precise
//!    "wrong header" error;
//! 4. otherwise the known header that shares most column names (at least half) decides (not the
//!    translations' two columns `nl,en`: half of them is any file with a column "nl");
//! 5. otherwise the kind is unknown (a bronbestand is recognised by its own reader, see `ncg check`).

use super::bronbestand::events::EVENTS_FORM_HEADER;
use super::events_csv::EVENTS_HEADER;
use super::gemeenten_csv::GEMEENTEN_HEADER;
use super::measures_csv::MEASURES_HEADER;
use super::observation::OBSERVATION_HEADER;
use super::diagnostic::{Message, Place};
use super::translations::TRANSLATIONS_HEADER;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Manifest,
    Measures,
    Gemeenten,
    Events,
    /// A publication's observations (`publicaties/<id>.csv`).
    Observations,
    /// Our English translations of the notes (`vertalingen.csv`).
    Translations,
    Unknown,
}

impl FileKind {
    /// The header this kind of CSV file must have (empty for the manifest and unknown files).
    pub fn header(self) -> &'static [&'static str] {
        match self {
            FileKind::Measures => &MEASURES_HEADER,
            FileKind::Gemeenten => &GEMEENTEN_HEADER,
            FileKind::Events => &EVENTS_HEADER,
            FileKind::Observations => &OBSERVATION_HEADER,
            FileKind::Translations => &TRANSLATIONS_HEADER,
            FileKind::Manifest | FileKind::Unknown => &[],
        }
    }
}

/// The first line of `text`, cut at the first LF or CR, split on commas (quotes removed). Only
/// for recognising a file: the real reader reports the exact problems.
pub fn first_line_fields(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let line = text.split(['\n', '\r']).find(|l| !l.trim().is_empty()).unwrap_or("");
    line.chars().take(2000).collect::<String>().split(',').map(|f| f.trim().trim_matches('"').to_string()).collect()
}

/// Why a file of an unknown kind was not recognised, at the place to look: its first line
/// separates columns with semicolons and has no comma (a CSV saved by Excel in Dutch; the column
/// of the first `;`), or its header is none of the known ones (column 1).
pub fn unknown_kind(text: &str) -> (Place, Message) {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let line = body.split(['\n', '\r']).next().unwrap_or("");
    match line.find(';') {
        Some(at) if !line.contains(',') => (Place::new(1, line[..at].chars().count() as u64 + 1), Message::SemicolonSeparated),
        _ => (Place::new(1, 1), Message::UnknownFileKind { header: first_line_fields(text).join(",").chars().take(200).collect() }),
    }
}

/// Why the app's file loader, which reads only a bronbestand or a publication file, does not load
/// this file (recognised as neither): the events form of a bronbestand, one of the archive's own
/// files (which the site has already), a semicolon export, or an unknown kind. Unlike
/// [`unknown_kind`] (for `ncg check`, which reads every kind), the message lists only what the
/// app accepts.
pub fn not_loadable(name: &str, text: &str) -> (Place, Message) {
    let fields = first_line_fields(text);
    if fields.iter().map(String::as_str).eq(EVENTS_FORM_HEADER.iter().copied()) {
        return (Place::new(1, 1), Message::EventsFormNotLoadable);
    }
    let base = name.to_ascii_lowercase().replace('\\', "/").rsplit('/').next().unwrap_or("").to_string();
    let own = match detect(name, text) {
        // Any JSON text is taken for a manifest; only the manifest by its name is said to be one.
        FileKind::Manifest => (base == "manifest.json").then_some("manifest.json"),
        FileKind::Measures => Some("maten.csv"),
        FileKind::Gemeenten => Some("gemeenten.csv"),
        FileKind::Events => Some("gebeurtenissen.csv"),
        FileKind::Translations => Some("vertalingen.csv"),
        FileKind::Observations | FileKind::Unknown => None,
    };
    if let Some(name) = own {
        return (Place::new(1, 1), Message::ArchiveOwnFile { name });
    }
    match unknown_kind(text) {
        (at, Message::UnknownFileKind { header }) => (at, Message::NotLoadableHere { header }),
        other => other,
    }
}

/// Recognise a file from its name (path) and text.
///
/// ```
/// use versterkingsmonitor::data::file_kind::{detect, FileKind};
/// assert_eq!(detect("x.csv", "code,name,valid_from,valid_to,successor,in_operation\n"), FileKind::Gemeenten);
/// assert_eq!(detect("data/manifest.json", ""), FileKind::Manifest);
/// assert_eq!(detect("publicaties/a.csv", "measure;period\n"), FileKind::Observations);
/// ```
pub fn detect(name: &str, text: &str) -> FileKind {
    let lower = name.to_ascii_lowercase().replace('\\', "/");
    if lower.ends_with(".json") || text.trim_start_matches('\u{FEFF}').trim_start().starts_with('{') {
        return FileKind::Manifest;
    }
    let fields = first_line_fields(text);
    let kinds = [FileKind::Measures, FileKind::Gemeenten, FileKind::Events, FileKind::Observations];
    if let Some(k) = kinds.iter().chain([&FileKind::Translations]).find(|k| fields.iter().map(String::as_str).eq(k.header().iter().copied())) {
        return *k;
    }
    let base = lower.rsplit('/').next().unwrap_or("");
    match base {
        "maten.csv" => return FileKind::Measures,
        "gemeenten.csv" => return FileKind::Gemeenten,
        "gebeurtenissen.csv" => return FileKind::Events,
        "vertalingen.csv" => return FileKind::Translations,
        _ => {}
    }
    if lower.contains("publicaties/") {
        return FileKind::Observations;
    }
    // Score on comma and on semicolon fields: a Dutch Excel export uses `;`.
    let semi: Vec<String> = fields.join(",").split(';').map(|f| f.trim().trim_matches('"').to_string()).collect();
    let score = |k: &FileKind| {
        [&fields, &semi].iter().map(|fs| k.header().iter().filter(|h| fs.iter().any(|f| f.eq_ignore_ascii_case(h))).count()).max().unwrap_or(0)
    };
    let best = kinds.iter().max_by_key(|k| score(k));
    match best {
        Some(k) if score(k) * 2 >= k.header().len() => *k,
        _ => FileKind::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_headers_are_still_recognised() {
        // CR-only line ends: the first line is cut at the CR.
        assert_eq!(detect("x.csv", "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\rw,2020\r"), FileKind::Observations);
        // Columns in the wrong order.
        assert_eq!(detect("x.csv", "period,measure,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\n"), FileKind::Observations);
        assert_eq!(detect("x.csv", "adres,postcode,huisnummer\n"), FileKind::Unknown);
        // A semicolon export of a publication file.
        assert_eq!(detect("x.csv", "measure;period;gemeente;batch;risicoprofiel;eigenaar;categorie;value;flag;source;note\n"), FileKind::Observations);
        assert_eq!(detect("x.csv", ""), FileKind::Unknown);
    }

    #[test]
    fn a_semicolon_export_is_named_as_such_at_its_first_semicolon() {
        // A bronbestand saved by Excel in Dutch: "unknown kind of file" did not say what to do.
        assert_eq!(unknown_kind("id;gemeente;woonplaats\nA1;GM0014;Ten Boer\n"), (Place::new(1, 3), Message::SemicolonSeparated));
        assert_eq!(unknown_kind("\u{FEFF}\"id\";gemeente\r\n"), (Place::new(1, 5), Message::SemicolonSeparated));
        // Only the first line is looked at (blank lines before a header are not Excel's doing).
        assert!(matches!(unknown_kind("\nid;x\n"), (_, Message::UnknownFileKind { .. })));
        // Commas in the first line: the separator is not the problem.
        assert!(matches!(unknown_kind("adres,postcode;huisnummer\n"), (_, Message::UnknownFileKind { .. })));
        assert!(matches!(unknown_kind(""), (_, Message::UnknownFileKind { .. })));
        assert!(matches!(unknown_kind("é;\u{1F600}"), (p, Message::SemicolonSeparated) if p == Place::new(1, 2)));
    }

    /// Regression: loading the archive's own maten.csv or gebeurtenissen.csv in the browser said
    /// "onbekend soort bestand … (verwacht manifest.json, maten.csv, gemeenten.csv,
    /// gebeurtenissen.csv, een publicatie of een bronbestand)", while the page loads only a
    /// bronbestand or a publication file. The page's message names only those, and says of an
    /// archive file that the site has it already; `ncg check` keeps its list.
    #[test]
    fn the_browser_names_only_what_it_loads() {
        use crate::i18n::Lang;
        let maten = "code,kind,unit,group,order,label_nl,label_en,definition_nl,definition_en,valid_from,valid_to,replaces,comparable_with\n";
        let (at, m) = not_loadable("maten.csv", maten);
        assert_eq!((at, &m), (Place::new(1, 1), &Message::ArchiveOwnFile { name: "maten.csv" }));
        assert_eq!(
            m.text(Lang::Nl),
            "dit is maten.csv, een van de eigen bestanden van het archief; de website heeft dat bestand al. Hier kunt u alleen een bronbestand (één regel per adres) of een publicatiebestand in de indeling van het archief laden"
        );
        let events = "date,kind,measures,text_nl,text_en,source\n2019-05-22,earthquake,,Beving,Earthquake,KNMI\n";
        assert_eq!(not_loadable("gebeurtenissen.csv", events).1, Message::ArchiveOwnFile { name: "gebeurtenissen.csv" });
        assert_eq!(not_loadable("x.csv", events).1, Message::ArchiveOwnFile { name: "gebeurtenissen.csv" });
        assert_eq!(not_loadable("gemeenten.csv", "code,name,valid_from,valid_to,successor,in_operation\n").1, Message::ArchiveOwnFile { name: "gemeenten.csv" });
        assert_eq!(not_loadable("data/manifest.json", "{}").1, Message::ArchiveOwnFile { name: "manifest.json" });
        // Any other JSON is not called a manifest.
        assert!(matches!(not_loadable("kaart.json", "{\"a\": 1}").1, Message::NotLoadableHere { .. }));
        // The events form of a bronbestand, even when named like the archive's events file.
        for name in ["bronbestand-gebeurtenissen.csv", "gebeurtenissen.csv"] {
            assert_eq!(not_loadable(name, "id,milestone,date,recorded_on,action\nA1,opname,2019-01-02,2019-01-05,set\n").1, Message::EventsFormNotLoadable);
        }
        // An unknown file: only what the page accepts.
        let (at, m) = not_loadable("adressen.csv", "adres,postcode,huisnummer\n");
        assert_eq!(at, Place::new(1, 1));
        for lang in [Lang::Nl, Lang::En] {
            let text = m.text(lang);
            assert!(!text.contains("maten.csv") && !text.contains("manifest.json"), "{text}");
            assert!(text.contains("bronbestand") && text.contains("adres,postcode,huisnummer"), "{text}");
        }
        assert!(m.text(Lang::Nl).contains("hier kunt u alleen een bronbestand (één regel per adres) of een publicatiebestand"));
        // A semicolon export is still named as such.
        assert_eq!(not_loadable("x.csv", "id;gemeente;woonplaats\n"), (Place::new(1, 3), Message::SemicolonSeparated));
        // The native tool's message lists its kinds.
        assert!(unknown_kind("adres,postcode\n").1.text(Lang::En).contains("expected manifest.json, maten.csv"));
    }

    #[test]
    fn translations_by_header_or_name_but_not_by_one_shared_column() {
        assert_eq!(detect("x.csv", "nl,en\na,b\n"), FileKind::Translations);
        assert_eq!(detect("data/vertalingen.csv", "dutch,english\n"), FileKind::Translations);
        // Half of `nl,en` is one column: a file with a column "nl" is not taken for translations.
        assert_eq!(detect("x.csv", "id,nl,postcode\n"), FileKind::Unknown);
    }
}
