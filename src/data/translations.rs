//! Reading `vertalingen.csv`: our English translations of the archive's notes.
//!
//! The archive's notes (`note` of an observation, `notes` of a publication) are written in Dutch,
//! the language of the sources they explain. On the English page a reader sees our translation of
//! a note when this file has one, keyed by the exact Dutch text, and the Dutch note otherwise
//! (marked as Dutch). The sources' own words (titles, quotations in `source`) are never
//! translated. `ncg check` lists notes without a translation and translations no note uses.

use std::collections::HashSet;

use super::archive::{Archive, LoadReport};
use super::diagnostic::{Diagnostic, Message, Place, RowCount};
use super::fields::required;
use super::table::{Row, TableReader};

pub const TRANSLATIONS_HEADER: [&str; 2] = ["nl", "en"];

/// English translations of Dutch notes, keyed by the exact Dutch text. A list sorted by the Dutch
/// text, searched by halving (a `HashMap` here cost the wasm bundle 2 KB gzip: its insert, lookup
/// and equality code for one more key type).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Translations {
    /// (Dutch, English, line in the file), sorted by the Dutch text; each Dutch text once.
    rows: Vec<(String, String, u64)>,
}

impl Translations {
    fn find(&self, nl: &str) -> Option<&(String, String, u64)> {
        self.rows.binary_search_by(|r| r.0.as_str().cmp(nl)).ok().and_then(|i| self.rows.get(i))
    }

    /// Our English translation of the Dutch note `nl`, if the file has one.
    pub fn english(&self, nl: &str) -> Option<&str> {
        self.find(nl).map(|r| r.1.as_str())
    }

    /// One translation, made by the app (the note of every value derived from an address file).
    pub fn one(nl: String, en: String) -> Translations {
        Translations { rows: vec![(nl, en, 0)] }
    }

    /// The Dutch texts that have a translation, with their line in the file.
    pub fn dutch_texts(&self) -> impl Iterator<Item = (&str, u64)> {
        self.rows.iter().map(|r| (r.0.as_str(), r.2))
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// Parse `vertalingen.csv`: both columns required; the same Dutch text twice is a duplicate (the
/// later row is rejected, with the line of the first).
pub fn parse_translations(file: &str, text: &str, report: &mut LoadReport) -> Result<Translations, Diagnostic> {
    let mut reader = TableReader::open(file, text, &TRANSLATIONS_HEADER)?;
    let mut count = RowCount::default();
    // (Dutch, English, place of the Dutch text) in file order.
    let mut rows: Vec<(String, String, Place)> = Vec::new();
    let mut row = Row::default();
    while let Some(r) = reader.next_row(&mut row) {
        let outcome = r.map_err(|d| (Place::new(d.line, d.column), d.message)).and_then(|()| {
            let (nl, at) = required(&row, 0, "nl")?;
            let (english, _) = required(&row, 1, "en")?;
            Ok((nl.to_string(), english.to_string(), at))
        });
        match outcome {
            Ok(r) => rows.push(r),
            Err((place, msg)) => {
                report.diagnostics.push(Diagnostic::error_at(file, place, msg));
                count.rejected += 1;
            }
        }
    }
    // A stable sort by the Dutch text keeps equal texts in file order: the first is kept, every
    // later one rejected.
    crate::data::sort::sort_by(&mut rows[..], |a, b| a.0.cmp(&b.0));
    let mut kept: Vec<(String, String, u64)> = Vec::with_capacity(rows.len());
    for (nl, english, at) in rows {
        match kept.last() {
            Some(first) if first.0 == nl => {
                let key = format!("nl '{}'", short(&nl));
                report.diagnostics.push(Diagnostic::error_at(file, at, Message::Duplicate { what: ("dubbele vertaling van", "duplicate translation of"), key, first_line: first.2 }));
                count.rejected += 1;
            }
            _ => {
                kept.push((nl, english, at.line));
                count.accepted += 1;
            }
        }
    }
    count.read = reader.rows_read();
    report.files.push((file.to_string(), count));
    Ok(Translations { rows: kept })
}

/// What `ncg check` says about the translations: every note of the archive without one (once per
/// text, at its first place: the observation's line, or the publication's entry in the manifest)
/// and every translation that no note uses (a note that was reworded leaves its old translation
/// behind). Warnings: the English page then shows the Dutch note, marked as Dutch.
pub fn coverage(archive: &Archive, manifest_file: &str, translations_file: &str) -> Vec<Diagnostic> {
    let t = &archive.translations;
    let mut out = Vec::new();
    let mut used: HashSet<&str> = HashSet::new();
    let mut said: HashSet<&str> = HashSet::new();
    let missing = |file: &str, line: u64, note: &str| {
        let nl = format!("notitie zonder Engelse vertaling in {translations_file}: '{}'", short(note));
        let en = format!("note without an English translation in {translations_file}: '{}'", short(note));
        Diagnostic::warning(file, line, 1, Message::Quality { nl, en })
    };
    for p in &archive.publications {
        if p.notes.is_empty() {
            continue;
        }
        used.insert(&p.notes);
        if t.english(&p.notes).is_none() && said.insert(&p.notes) {
            out.push(missing(manifest_file, 0, &p.notes));
        }
    }
    for o in &archive.observations {
        if o.note.is_empty() {
            continue;
        }
        used.insert(&o.note);
        if t.english(&o.note).is_none() && said.insert(&o.note) {
            let file = archive.publication(o.publication).map(|p| p.file.as_str()).unwrap_or(manifest_file);
            out.push(missing(file, o.line, &o.note));
        }
    }
    let mut unused: Vec<(u64, &str)> = t.dutch_texts().filter(|(nl, _)| !used.contains(nl)).map(|(nl, line)| (line, nl)).collect();
    crate::data::sort::sort(&mut unused);
    for (line, nl) in unused {
        let text_nl = format!("vertaling die geen notitie gebruikt: '{}'", short(nl));
        let text_en = format!("translation no note uses: '{}'", short(nl));
        out.push(Diagnostic::warning(translations_file, line, 1, Message::Quality { nl: text_nl, en: text_en }));
    }
    out
}

/// The first 60 characters of a note, for a message.
fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn reads_pairs_and_rejects_empty_and_duplicate_rows_with_their_place() {
        let text = "nl,en\n\"Afgeleid: A - B.\",\"Derived: A - B.\"\nAlleen nl,\nAfgeleid: A - B.,Again\n";
        let mut report = LoadReport::default();
        let t = parse_translations("vertalingen.csv", text, &mut report).unwrap();
        assert_eq!(t.english("Afgeleid: A - B."), Some("Derived: A - B."));
        assert_eq!(t.english("Alleen nl"), None);
        assert_eq!(t.len(), 1);
        assert_eq!(report.total(), RowCount { read: 3, accepted: 1, rejected: 2 });
        let lines: Vec<u64> = report.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![3, 4]);
        assert!(matches!(report.diagnostics[1].message, Message::Duplicate { first_line: 2, .. }), "{:?}", report.diagnostics[1]);
    }

    #[test]
    fn check_lists_notes_without_translation_once_and_translations_no_note_uses() {
        use crate::data::archive::{assemble, tests::files};
        use crate::data::publication::parse_manifest;
        let m = parse_manifest("manifest.json", r#"{"format": "versterkingsmonitor-archief", "version": 1, "measures": "maten.csv",
            "gemeenten": "gemeenten.csv", "events": "gebeurtenissen.csv", "publications": [
            {"id": "a", "peildatum": "2020-07-17", "publisher": "SodM", "title": "t", "document": "d", "file": "publicaties/a.csv", "notes": "Vertaald."}]}"#).unwrap();
        let (mut a, _) = assemble(&m, files).unwrap();
        a.observations[0].note = "Niet vertaald.".into();
        a.observations[1].note = "Niet vertaald.".into();
        let mut report = LoadReport::default();
        a.translations = parse_translations("vertalingen.csv", "nl,en\nVertaald.,Translated.\nOud.,Old.\n", &mut report).unwrap();
        let d = coverage(&a, "manifest.json", "vertalingen.csv");
        let said: Vec<(String, u64, String)> = d.iter().map(|d| (d.file.clone(), d.line, d.render(Lang::En))).collect();
        assert_eq!(d.len(), 2, "{said:#?}");
        assert_eq!((d[0].file.as_str(), d[0].line), ("publicaties/a.csv", a.observations[0].line));
        assert!(said[0].2.contains("'Niet vertaald.'"), "{said:#?}");
        assert_eq!((d[1].file.as_str(), d[1].line), ("vertalingen.csv", 3));
        assert!(said[1].2.contains("'Oud.'"), "{said:#?}");
        assert!(d.iter().all(|d| d.severity == crate::data::diagnostic::Severity::Warning));
    }

    #[test]
    fn a_wrong_header_is_fatal() {
        let mut report = LoadReport::default();
        assert!(parse_translations("vertalingen.csv", "dutch,english\na,b\n", &mut report).is_err());
    }

    /// Numbers written the Dutch way ("1.500", "37,9") in `text`, outside quoted Dutch ('…', an
    /// apostrophe with no letter before it opens a quote, so "NCG's" does not).
    fn dutch_numbers(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let (mut out, mut quoted, mut i) = (Vec::new(), false, 0);
        while i < chars.len() {
            let c = chars[i];
            let letter = |k: Option<&char>| k.is_some_and(|c| c.is_alphabetic());
            if c == '\'' && !letter(i.checked_sub(1).and_then(|k| chars.get(k))) && !quoted {
                quoted = true;
            } else if c == '\'' && quoted && !letter(chars.get(i + 1)) {
                quoted = false;
            } else if c.is_ascii_digit() && !letter(i.checked_sub(1).and_then(|k| chars.get(k))) {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || ((chars[i] == '.' || chars[i] == ',') && chars.get(i + 1).is_some_and(char::is_ascii_digit))) {
                    i += 1;
                }
                let token: String = chars[start..i].iter().collect();
                let thousands = token.contains('.') && token.split('.').skip(1).all(|g| g.len() == 3) && !token.contains(',');
                let decimal = token.split_once(',').is_some_and(|(_, d)| (1..=2).contains(&d.len())) && !token.contains('.');
                if !quoted && (thousands || decimal) {
                    out.push(token);
                }
                continue;
            }
            i += 1;
        }
        out
    }

    #[test]
    fn english_translations_write_numbers_the_english_way() {
        // Regression: "the 2021 target was 1.500", "37,9% of the target of 3.000" in our English
        // notes: an English reader takes 1.500 for one and a half. Quoted Dutch keeps its own way.
        assert_eq!(dutch_numbers("GBB: '1.804 (was 1.500)'; the target was 1.500, NCG's 37,9%"), vec!["1.500", "37,9"]);
        assert!(dutch_numbers("table 2.5, L881-884, 1,177 and 365.25, ncg-2020-08-31").is_empty());
        let text = include_str!("../../public/data/vertalingen.csv");
        let mut report = LoadReport::default();
        let t = parse_translations("vertalingen.csv", text, &mut report).unwrap_or_else(|d| panic!("{d:?}"));
        let bad: Vec<(u64, Vec<String>)> = t.rows.iter().map(|(_, en, line)| (*line, dutch_numbers(en))).filter(|(_, n)| !n.is_empty()).collect();
        assert!(bad.is_empty(), "vertalingen.csv lines with Dutch numbers in the English: {bad:?}");
    }
}
