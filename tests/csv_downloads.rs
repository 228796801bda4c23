//! Every chart and table CSV the app can produce from the bundled archive (public/data) and from
//! the demonstration, read back as a spreadsheet would: every numeric column holds plain numbers
//! (or a date's ISO form where the column is one of dates), never a number with words.
//!
//! Regression: cells such as "15815 (15-02-2023)", "2250 (afgeleid: 1962 + 288)", "≈ 14500",
//! "32%" and "×" made R, pandas and Excel read the column as text, and a researcher could not
//! compute with it. What the screen says beside a number is now in the column after it,
//! "<kolom> – toelichting".

mod common;

use std::path::Path;

use versterkingsmonitor::analysis::chart::Chart;
use versterkingsmonitor::analysis::derive::{derive_archive, DeriveSpec};
use versterkingsmonitor::analysis::drilldown::cluster::cluster_model;
use versterkingsmonitor::analysis::drilldown::comparison;
use versterkingsmonitor::analysis::drilldown::dorp::dorp_model;
use versterkingsmonitor::analysis::drilldown::gemeente_page::{breakdown_chart, derived_provenance, trend_chart, Dim};
use versterkingsmonitor::analysis::drilldown::hierarchy::in_gemeente;
use versterkingsmonitor::analysis::drilldown::search::dorpen_of;
use versterkingsmonitor::analysis::drilldown::small_multiples::fase_panels;
use versterkingsmonitor::analysis::filters::Filters;
use versterkingsmonitor::analysis::lead_time_exact::Transition;
use versterkingsmonitor::analysis::lead_times::page::{build as lead_page, AddressInput, Choice, PageInput};
use versterkingsmonitor::analysis::select::Vintage;
use versterkingsmonitor::analysis::table::{read_download, TableModel};
use versterkingsmonitor::analysis::trends::milestones::GROUPS;
use versterkingsmonitor::analysis::trends::page::{build as trends_page, ViewParams};
use versterkingsmonitor::data::bronbestand::parse_bronbestand;
use versterkingsmonitor::data::date::Date;
use versterkingsmonitor::data::gemeente::GemeenteCode;
use versterkingsmonitor::i18n::Lang;

/// A date, month, half-year or period as the archive writes it ("2023-02-15", "2027-05",
/// "2027-H2..2030-H1", "2020-01-01..2020-05-31"): the CSV's form of a column of dates.
fn iso_date(f: &str) -> bool {
    f.split("..").all(|p| {
        let b = p.as_bytes();
        b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && (b[5..7].iter().all(u8::is_ascii_digit) || b[5] == b'H')
    })
}

/// Checks one CSV against the table it was written from; returns the number of numeric fields.
fn check(what: &str, table: &TableModel, csv: &str) -> usize {
    let (header, rows) = read_download(csv);
    assert!(!header.is_empty(), "{what}: no header\n{csv}");
    let mut numbers = 0;
    for (ci, c) in table.columns.iter().enumerate().filter(|(_, c)| c.numeric) {
        // (A header's soft hyphens are for the screen only.)
        let label = c.label.replace('\u{ad}', "");
        assert!(header.iter().all(|h| !h.contains('\u{ad}')), "{what}: {header:?}");
        let i = header.iter().position(|h| *h == label).unwrap_or_else(|| panic!("{what}: column {label} not in {header:?}"));
        // Its note column, if any, is right after it.
        if let Some(h) = header.get(i + 1).filter(|h| h.contains(" – ")) {
            assert!(h.starts_with(&label), "{what}: {h} after {label}");
        }
        for (ri, r) in rows.iter().enumerate() {
            let f = r.get(i).map(String::as_str).unwrap_or("");
            assert!(f.is_empty() || f.parse::<f64>().is_ok() || iso_date(f), "{what}: row {ri}, column {} ({ci}): {f:?}\n{csv}", c.label);
            numbers += usize::from(f.parse::<f64>().is_ok());
        }
    }
    // A hidden count gives nothing away: its field is empty, its note only says it is hidden.
    for (ri, r) in table.rows.iter().enumerate() {
        for (ci, _) in r.cells.iter().enumerate().filter(|(_, c)| c.text == "×") {
            let label = table.columns[ci].label.replace('\u{ad}', "");
            let i = header.iter().position(|h| *h == label).unwrap_or(usize::MAX);
            assert_eq!(rows[ri].get(i).map(String::as_str), Some(""), "{what}: hidden cell in {label}");
            assert!(rows[ri].get(i + 1).is_some_and(|n| n == "× (verborgen)" || n == "× (hidden)"), "{what}: {:?}", rows[ri]);
        }
    }
    numbers
}

fn chart(what: &str, c: &Chart, lang: Lang) -> usize {
    let csv = c.csv(lang, "Gedownload op 25 november 2026 van http://127.0.0.1/");
    let table = match c {
        Chart::Time(t) => t.table_with_notes(lang),
        Chart::Bars(b) => b.table_with_sources(lang),
        Chart::Histogram(_) => c.table(lang),
    };
    check(&format!("{what} ({})", c.meta().id), &table, &csv)
}

fn table(what: &str, t: &TableModel, lang: Lang) -> usize {
    check(what, t, &t.to_csv_about(false, "Bron: test", "", &[], lang))
}

#[test]
fn every_numeric_csv_column_of_the_archive_and_the_demo_is_numbers() {
    let (archive, _) = common::bundled_archive();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let file = "demo/bronbestand-demo.csv";
    let text = std::fs::read_to_string(dir.join(file)).expect("demo file");
    let (addresses, _) = parse_bronbestand(file, &text, &archive.gemeenten).expect("demo parses");
    let derived = derive_archive(&addresses, &archive.measures, &archive.gemeenten, &DeriveSpec::demo(1, file));
    let reference = Date::parse("2025-12-31").expect("date");
    let mut numbers = 0;
    for lang in [Lang::Nl, Lang::En] {
        // Trends (every milestone group), on the archive and on the demonstration.
        for (name, a) in [("archief", &archive), ("demo", &derived)] {
            for g in GROUPS {
                let p = trends_page(a, &Filters::default(), &ViewParams { group: g.key, ..ViewParams::default() }, lang);
                for c in [&p.flows_chart, &p.phases, &p.targets, &p.forecast_chart] {
                    numbers += chart(&format!("trends {name}"), c, lang);
                }
                numbers += table(&format!("trends {name} herzieningen"), &p.revisions.table, lang);
            }
            // Overzicht.
            let o = versterkingsmonitor::analysis::trends::overzicht::build(a, lang);
            if let Some(l) = &o.latest {
                numbers += table(&format!("overzicht {name} laatste"), &l.table, lang);
            }
            numbers += table(&format!("overzicht {name} wijzigingen"), &o.changes, lang);
            // Gemeenten: the table, the overview and the small multiples; every gemeente's trend.
            let rows = comparison::all(a, Vintage::Latest, lang);
            numbers += table(&format!("gemeenten {name}"), &comparison::table(&rows, lang), lang);
            numbers += chart(&format!("gemeenten {name}"), &Chart::Bars(comparison::overview_chart(a, &rows, lang)), lang);
            for c in fase_panels(a, &rows, lang) {
                numbers += chart(&format!("gemeenten {name}"), &Chart::Bars(c), lang);
            }
            for g in rows.iter().filter_map(|g| g.code) {
                numbers += chart(&format!("gemeente {name} {g}"), &Chart::Time(trend_chart(a, g, Vintage::Latest, lang)), lang);
            }
        }
        // The optelcontrole (Data & bronnen).
        let ov = versterkingsmonitor::analysis::drilldown::reconcile::overview(&archive, lang, usize::MAX);
        numbers += table("optelcontrole", &ov.table, lang);
        // Doorlooptijden: published estimates and the demonstration's exact figures, every step.
        for address in [false, true] {
            for step in Transition::ALL {
                let input = PageInput {
                    archive: &archive,
                    address: address.then(|| AddressInput { addresses: &addresses, derived: &derived, reference, synthetic: true }),
                    filters: &Filters::default(),
                    choice: Choice { step, ..Choice::default() },
                    lang,
                };
                let p = lead_page(&input);
                numbers += table("doorlooptijden overzicht", &p.overview, lang);
                for c in p.step_chart.into_iter().chain(p.open_chart).map(Chart::Histogram).chain(p.trend.map(Chart::Time)).chain(p.sodm.into_iter().chain(p.open_overview).map(Chart::Bars)) {
                    numbers += chart("doorlooptijden", &c, lang);
                }
            }
        }
        // The demonstration's gemeente, dorp and cluster pages.
        let p = derived_provenance(&derived, lang);
        for code in [GemeenteCode(1979), GemeenteCode(1895)] {
            let gem = in_gemeente(&addresses, code);
            for d in Dim::ALL {
                numbers += chart("gemeente demo", &Chart::Bars(breakdown_chart(&gem, reference.to_days(), d, "G", &p, "Bron", lang)), lang);
            }
        }
        for (code, dorp) in dorpen_of(&addresses).iter().filter(|(c, _)| *c == GemeenteCode(1979)) {
            let Some(m) = dorp_model(&addresses, *code, dorp, reference, &derived, lang) else { continue };
            numbers += table(&format!("dorp {dorp} clusters"), &m.clusters, lang) + table(&format!("dorp {dorp} straten"), &m.streets, lang);
            numbers += chart("dorp", &Chart::Bars(m.fase_chart), lang) + chart("dorp", &Chart::Bars(m.lead_chart), lang);
            for r in m.clusters.rows.iter().take(3) {
                let Some((_, id)) = r.attrs.iter().find(|(k, _)| k == "key") else { continue };
                let Some(c) = cluster_model(&addresses, *code, dorp, id, reference, &derived, lang) else { continue };
                numbers += table(&format!("cluster {id}"), &c.alike, lang);
                numbers += chart("cluster", &Chart::Bars(c.fase_chart), lang) + chart("cluster", &Chart::Bars(c.lead_chart), lang);
            }
        }
    }
    assert!(numbers > 5000, "the check read {numbers} numbers");
}

/// Regression (a review): the targets chart's CSV had only the file's source line, over targets
/// and results from 14 publications: which gave which? Every bar chart's CSV names, per row and
/// series, the publication and the place in it of the figure, as a time chart's CSV does per row.
#[test]
fn a_bar_charts_csv_names_the_publication_of_every_figure() {
    let (archive, _) = common::bundled_archive();
    let p = trends_page(&archive, &Filters::default(), &ViewParams::default(), Lang::Nl);
    let Chart::Bars(b) = &p.targets else { panic!("the targets chart is a bar chart") };
    let (header, rows) = read_download(&p.targets.csv(Lang::Nl, ""));
    let mut named = 0;
    for s in &b.series {
        let (pi, si) = (format!("Publicatie ({})", s.label), format!("Vindplaats ({})", s.label));
        let pi = header.iter().position(|h| *h == pi).unwrap_or_else(|| panic!("{pi} not in {header:?}"));
        let si = header.iter().position(|h| *h == si).unwrap_or_else(|| panic!("{si} not in {header:?}"));
        for (r, row) in rows.iter().enumerate() {
            let v = s.values.get(r).and_then(Option::as_ref).filter(|v| !v.suppressed);
            match v.and_then(|v| v.provenance.as_ref()) {
                Some(prov) => {
                    assert_eq!(row[pi], prov.publication_title, "row {r}");
                    assert_eq!(row[si], prov.source, "row {r}");
                    assert!(!row[pi].is_empty(), "row {r}: {row:?}");
                    named += 1;
                }
                None => assert_eq!((row[pi].as_str(), row[si].as_str()), ("", ""), "row {r}"),
            }
        }
    }
    assert!(named >= 20, "{named} figures named");
}
