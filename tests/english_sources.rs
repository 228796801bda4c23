//! On the English pages the words we write around the sources' own are English.
//!
//! Regression (an English reader's review of /trends, /, /doorlooptijden and /data with
//! ?lang=en): the places of figures and events in their sources read "SodM 2019-2020 (document
//! 000) L593-608 en L744-750", "pagina 'Resultaat maand/jaar' t/m 31-03-2021, tabel 'Resultaat
//! 2021', rij 'Bouw gestart'", "Kamerbrief …", "citeert NCG-dashboard t/m 31 mei": our words, in
//! Dutch, and the whole text marked Dutch. The sources' own words (titles, quotations between
//! single quotes) stay Dutch and are marked so (`i18n::sources::parts`).

mod common;

use versterkingsmonitor::analysis::chart::Chart;
use versterkingsmonitor::analysis::filters::Filters;
use versterkingsmonitor::analysis::provenance::note_in;
use versterkingsmonitor::analysis::table::QUOTING;
use versterkingsmonitor::analysis::trends::milestones::GROUPS;
use versterkingsmonitor::analysis::trends::page::{build as trends_page, ViewParams};
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

/// Regression (review of the English pages): two Dutch titles were shown as English text, not
/// marked Dutch: the publication of a derived flow's earlier level inside its note (Trends, the
/// table of counts under the flow chart: "Difference of the levels of 'Meets the safety norm', 8,065
/// on 31 December 2022 and 5,832 on 31 July 2022 (Publicatie Voortgang Versterking | Stand van
/// zaken op 31 juli 2022)", where the quoted name was ours and the title unquoted), and the
/// publications' titles in the charts' tooltips ("Source: Versterkingscijfers tot en met 31 mei
/// gepubliceerd"). Both are the sources' own words between single quotes now, which the page
/// marks Dutch (`chart_frame::quoting_view`, `Cell::source`); our words around them are English.
#[test]
fn titles_in_derived_notes_and_tooltips_are_the_sources_quoted_words() {
    let (a, _) = common::bundled_archive();
    let (mut notes, mut lines) = (0, 0);
    let mut bad = Vec::new();
    for g in GROUPS {
        let p = trends_page(&a, &Filters::default(), &ViewParams { group: g.key, ..ViewParams::default() }, Lang::En);
        let source = p.flows.table.columns.iter().position(|c| c.label == "Location in source").expect("a source column");
        for r in &p.flows.table.rows {
            let c = &r.cells[source];
            if c.text.contains("Difference of the levels") {
                notes += 1;
                assert_eq!(c.lang, Some(QUOTING), "{}", c.text);
                assert!(!c.text.contains("of 'Meets"), "our measure's name is not a quotation: {}", c.text);
                if !dutch_words(&c.text).is_empty() {
                    bad.push(format!("note: {:?} in {}", dutch_words(&c.text), c.text));
                }
            }
        }
        for chart in [&p.flows_chart, &p.phases, &p.targets, &p.forecast_chart] {
            let points: Vec<(usize, usize)> = match chart {
                Chart::Time(t) => t.series.iter().enumerate().flat_map(|(s, x)| (0..x.points.len()).map(move |i| (s, i))).collect(),
                Chart::Bars(b) => (0..b.series.len()).flat_map(|s| (0..b.categories.len()).map(move |i| (s, i))).collect(),
                Chart::Histogram(_) => Vec::new(),
            };
            for (s, i) in points {
                let Some(tip) = chart.tooltip(s, i, Lang::En) else { continue };
                for line in tip.lines.iter().filter(|l| l.starts_with("Source: ")) {
                    lines += 1;
                    if !dutch_words(line).is_empty() {
                        bad.push(format!("tooltip: {:?} in {line}", dutch_words(line)));
                    }
                }
            }
        }
    }
    assert!(notes > 5 && lines > 50, "{notes} notes, {lines} source lines");
    bad.sort();
    bad.dedup();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // A published title is a quotation; an estimate's (ours) is not.
    let p = trends_page(&a, &Filters::default(), &ViewParams::default(), Lang::En);
    let Chart::Time(f) = &p.forecast_chart else { panic!("the forecast is a time chart") };
    let estimate = f.series.iter().position(|s| s.key == "nodig").expect("the pace needed");
    let tip = p.forecast_chart.tooltip(estimate, 0, Lang::En).expect("a tooltip");
    assert!(tip.lines.iter().any(|l| l.starts_with("Source: ") && !l.contains('\'')), "{tip:?}");
    assert!(parts(&a.publications.iter().map(|p| format!("Source: '{}'", p.title)).next().unwrap_or_default()).iter().any(|(_, q)| *q));
}
