//! On the English pages the words we write around the sources' own are English.
//!
//! Regression (an English reader's review of /trends, /, /doorlooptijden and /data with
//! ?lang=en): the places of figures and events in their sources read "SodM 2019-2020 (document
//! 000) L593-608 en L744-750", "pagina 'Resultaat maand/jaar' t/m 31-03-2021, tabel 'Resultaat
//! 2021', rij 'Bouw gestart'", "Kamerbrief …", "citeert NCG-dashboard t/m 31 mei": our words, in
//! Dutch, and the whole text marked Dutch. The sources' own words (titles, quotations between
//! single quotes) stay Dutch and are marked so (`i18n::sources::parts`).

mod common;

use versterkingsmonitor::analysis::provenance::note_in;
use versterkingsmonitor::i18n::sources::{in_lang, parts};
use versterkingsmonitor::i18n::Lang;

/// Dutch function words that an English text of ours must not hold, in lower case (capitalised
/// they begin a name: "Het Hogeland", "De Marne"; "over" and "met" are English too).
const FUNCTION: &[&str] = &["de", "het", "een", "en", "van", "voor", "t/m", "tot", "zoals", "niet", "op", "bij", "naar", "uit", "zie", "door", "als", "ook", "dus", "maar"];

/// The words our source texts used, in any case.
const DUTCH: &[&str] = &[
    "brief", "kamerbrief", "toelichting", "pagina", "tabel", "rij", "kolom", "versie", "tekst", "kop", "inleiding", "citeert", "geciteerd", "citaat", "nieuwsbericht",
    "jaarcijfers", "maandrapportage", "mijlpalen", "wet", "kenmerk", "evaluatie", "zelfde", "januari", "februari", "maart", "mei", "juni", "juli", "augustus",
    "oktober", "fase", "verdeling",
];

/// The Dutch words of `text` outside its quotations, leaving web addresses alone.
fn dutch_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (part, quoted) in parts(text) {
        if quoted {
            continue;
        }
        for token in part.split_whitespace() {
            let w = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '/').to_lowercase();
            let address = w.contains('.') || (w.contains('/') && w != "t/m");
            let lower = token.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(char::is_lowercase);
            if !address && (DUTCH.contains(&w.as_str()) || lower && FUNCTION.contains(&w.as_str())) {
                found.push(w);
            }
        }
    }
    found
}

#[test]
fn our_words_around_the_sources_are_english_on_the_english_page() {
    let (a, _) = common::bundled_archive();
    let mut checked = 0;
    let mut bad = Vec::new();
    let mut check = |what: &str, text: &str| {
        checked += 1;
        let words = dutch_words(text);
        if !words.is_empty() {
            bad.push(format!("{what}: {words:?} in {text:?}"));
        }
    };
    for e in &a.events {
        check("event", e.text(Lang::En));
        check("event source", &in_lang(&e.source, Lang::En));
    }
    for o in &a.observations {
        check("observation source", &in_lang(&o.source, Lang::En));
        // A note is our translation where vertalingen.csv has one (otherwise the Dutch note,
        // marked Dutch as a whole).
        if a.translations.english(&o.note).is_some() {
            check("observation note", note_in(&a, &o.note, Lang::En));
        }
    }
    for p in &a.publications {
        if a.translations.english(&p.notes).is_some() {
            check("publication note", note_in(&a, &p.notes, Lang::En));
        }
    }
    assert!(bad.is_empty(), "{} of {checked} texts:\n{}", bad.len(), bad.join("\n"));
    // The Dutch page shows them as written.
    assert!(a.observations.iter().any(|o| in_lang(&o.source, Lang::Nl).starts_with("tabel ")));
}
