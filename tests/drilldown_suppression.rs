//! Small-count suppression below gemeente level, on the demo bronbestand: no table of the
//! drill-downs shows a count from 1 to 4 (nor a 0 the reader could not work out), and no hidden cell can be worked out from the sums a reader
//! sees (row totals, the gemeente's or dorp's figures above a table) — checked exactly with
//! `suppression::determined`, for every gemeente, every dorp and the streets of every dorp.

use std::path::Path;

use versterkingsmonitor::analysis::derive::{Count, Wait};
use versterkingsmonitor::analysis::drilldown::areas::{fase_layout, group_layout, group_margins_known, AreaRow, Columns, Tally, FASE_COLUMNS, GROUP_COLUMNS};
use versterkingsmonitor::analysis::drilldown::dorp::in_werkvoorraad;
use versterkingsmonitor::analysis::drilldown::hierarchy::{clusters, dorpen, in_cluster, in_dorp, in_gemeente, row_of, shown, streets};
use versterkingsmonitor::analysis::drilldown::spread::{outcome_row, shown_spread};
use versterkingsmonitor::analysis::drilldown::suppression::{determined, known_at_least, known_exactly, Layout};
use versterkingsmonitor::data::archive::{parse_gemeenten, LoadReport};
use versterkingsmonitor::data::bronbestand::{parse_bronbestand, Address};
use versterkingsmonitor::data::date::Date;

fn demo() -> Vec<Address> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let mut r = LoadReport::default();
    let registry = parse_gemeenten("gemeenten.csv", &std::fs::read_to_string(dir.join("gemeenten.csv")).unwrap(), &mut r).unwrap();
    let text = std::fs::read_to_string(dir.join("demo/bronbestand-demo.csv")).unwrap();
    parse_bronbestand("demo/bronbestand-demo.csv", &text, &registry).unwrap().0
}

fn hidden(rows: &[AreaRow]) -> Vec<Vec<bool>> {
    rows.iter().map(|r| r.cells.iter().map(|c| *c == Count::Suppressed).collect()).collect()
}

/// No shown count from 1 to 4, and nothing recoverable. A shown 0 is one the reader works out
/// from the shown figures: its row's shown total minus its shown parts, or the parent's figure
/// (`parent`, where `margins` says the reader knows it) minus the column's shown cells, is 0.
/// (This asserted "never below 5" before; a 0 that the sums force is now shown rather than
/// "< 5": cluster LOP-07, all 15 addresses in fase 6, showed "< 5" for fasen 1–5.)
fn check(rows: &[AreaRow], layout: &Layout, margins: &[bool], parent: &[u64], ncols: usize, what: &str) -> usize {
    let value = |r: &AreaRow, c: usize| if let Some(Count::Exact(v)) = r.cells.get(c) { *v } else { 0 };
    for r in rows {
        for (c, x) in r.cells.iter().enumerate() {
            let Count::Exact(v) = *x else { continue };
            if v == 0 {
                let t = layout.total.unwrap();
                let by_row = matches!(r.cells[t], Count::Exact(_)) && layout.parts.iter().map(|&p| value(r, p)).sum::<u64>() == value(r, t);
                let by_column = margins[c] && rows.iter().map(|q| value(q, c)).sum::<u64>() == parent[c];
                assert!(by_row || by_column, "{what}: {:?} shows a 0 in column {c} that the reader cannot work out", r.key);
            } else {
                assert!(v >= 5, "{what}: {:?} shows {v}", r.key);
            }
        }
    }
    let d = determined(&hidden(rows), layout, Some(margins), ncols);
    assert!(d.is_empty(), "{what}: recoverable {d:?}");
    rows.iter().map(|r| r.cells.iter().filter(|c| **c == Count::Suppressed).count()).sum()
}

#[test]
fn no_small_count_is_shown_or_recoverable_anywhere_below_gemeente_level() {
    let addresses = demo();
    let day = Date::parse("2025-12-31").unwrap().to_days();
    let started = std::time::Instant::now();
    let (mut tables, mut suppressed) = (0, 0);
    for code in [1979u16, 14, 1966, 1952, 1895] {
        let g = in_gemeente(&addresses, versterkingsmonitor::data::gemeente::GemeenteCode(code));
        let (all, rows) = dorpen(&g, day);
        assert!(all.total > 0);
        suppressed += check(&rows, &fase_layout(), &[true; FASE_COLUMNS], &all.fase_cells(), FASE_COLUMNS, &format!("dorpen GM{code}"));
        tables += 1;
        // The dorpen add up to the gemeente.
        for dorp in &rows {
            let Some(name) = &dorp.key else { continue };
            let d = in_dorp(&g, name);
            let (_, crows) = clusters(&d, day, dorp);
            let parent = Tally::of(d.iter().copied(), day);
            suppressed += check(&crows, &fase_layout(), &shown(dorp), &parent.fase_cells(), FASE_COLUMNS, &format!("clusters {name}"));
            let srows = streets(&d, day, dorp);
            suppressed += check(&srows, &group_layout(), &group_margins_known(&dorp.cells), &parent.group_cells(), GROUP_COLUMNS, &format!("straten {name}"));
            tables += 2;
        }
    }
    println!("{tables} tables checked, {suppressed} cells hidden, {:.2} s", started.elapsed().as_secs_f64());
    assert!(tables > 100);
    assert!(suppressed > 0);
}

/// No row's wait says more than its shown cells: a wait only where they already hold 5 open
/// addresses (a wait needs 5), "niets open" only where they say none is open, and "niets open"
/// wherever they do. Regression: cluster ZDT-05 ('t Zandt) showed 5 addresses, every fase "×",
/// and a wait of 59 months (so all 5 were open, fase 6 was 0); ZDT-09 likewise "1 mnd". And
/// ZDT-01, all 15 in fase 6, read "te weinig".
fn check_waits(rows: &[AreaRow], columns: Columns, what: &str) -> (usize, usize) {
    let (layout, open) = (columns.layout(), columns.open());
    let (mut waits, mut none_open) = (0, 0);
    for r in rows {
        let at_least = known_at_least(&r.cells, &layout, &open);
        let exactly = known_exactly(&r.cells, &layout, &open);
        let total_shown = matches!(r.cells[0], Count::Exact(_));
        match r.wait {
            Wait::Days { n, .. } => {
                waits += 1;
                assert!(total_shown && at_least >= 5 && n >= 5, "{what}: {:?} shows a wait while its shown cells hold {at_least} open: {:?}", r.key, r.cells);
            }
            Wait::NoneOpen => {
                none_open += 1;
                assert!(total_shown && exactly == Some(0), "{what}: {:?} says none open: {:?}", r.key, r.cells);
            }
            Wait::Suppressed => assert!(!(total_shown && exactly == Some(0)), "{what}: {:?} has nothing open, shown, yet says 'te weinig'", r.key),
        }
    }
    (waits, none_open)
}

#[test]
fn no_wait_gives_a_hidden_cell_away() {
    let addresses = demo();
    let day = Date::parse("2025-12-31").unwrap().to_days();
    let (mut waits, mut none_open, mut ranges) = ((0, 0), (0, 0), 0);
    let add = |(a, b): (usize, usize), to: &mut (usize, usize)| {
        to.0 += a;
        to.1 += b;
    };
    for code in [1979u16, 14, 1966, 1952, 1895] {
        let g = in_gemeente(&addresses, versterkingsmonitor::data::gemeente::GemeenteCode(code));
        let gemeente_wv = in_werkvoorraad(&g, day);
        let (_, rows) = dorpen(&g, day);
        add(check_waits(&rows, Columns::Fases, &format!("dorpen GM{code}")), &mut waits);
        for dorp in &rows {
            let Some(name) = &dorp.key else { continue };
            let d = in_werkvoorraad(&in_dorp(&g, name), day);
            let (_, crows) = clusters(&d, day, dorp);
            add(check_waits(&crows, Columns::Fases, &format!("clusters {name}")), &mut none_open);
            add(check_waits(&streets(&d, day, dorp), Columns::Groups, &format!("straten {name}")), &mut waits);
            // The months of assessment (from 5 assessed, all in fase 3–6) likewise, and the number
            // of outcomes only where the cluster's outcome table shows every outcome.
            for c in &crows {
                let Some(k) = &c.key else { continue };
                let members = in_cluster(&d, k);
                let s = shown_spread(&members, &gemeente_wv, &c.cells, day);
                if s.beoordeling.is_some() {
                    ranges += 1;
                    assert!(known_at_least(&c.cells, &fase_layout(), &[3, 4, 5, 6]) >= 5, "cluster {k}: months of assessment beside {:?}", c.cells);
                }
                if s.outcomes.is_some() {
                    assert!(outcome_row(&members, true)[1..5].iter().all(|x| *x != Count::Suppressed), "cluster {k}: outcomes beside hidden ones");
                }
            }
        }
    }
    println!("waits {waits:?}, clusters {none_open:?}, ranges {ranges}");
    assert!(waits.0 > 20 && none_open.0 > 5 && none_open.1 > 0 && ranges > 5, "the demo exercises the rule");
    // 't Zandt: ZDT-05 and ZDT-09 (fase 6 and the open fasen "×") show no wait; ZDT-01 (all in fase 6) none open.
    let g = in_gemeente(&addresses, versterkingsmonitor::data::gemeente::GemeenteCode(1979));
    let (_, rows) = dorpen(&g, day);
    let zandt = row_of(&rows, "'t Zandt").unwrap();
    let d = in_werkvoorraad(&in_dorp(&g, "'t Zandt"), day);
    let (_, crows) = clusters(&d, day, zandt);
    for k in ["ZDT-05", "ZDT-09"] {
        let r = row_of(&crows, k).unwrap();
        assert_eq!(r.cells[6], Count::Suppressed, "{k}: {:?}", r.cells);
        assert!(r.cells[1..6].iter().filter_map(|c| c.value()).sum::<u64>() < 5, "{k}: {:?}", r.cells);
        assert_eq!(r.wait, Wait::Suppressed, "{k}");
    }
    assert_eq!(row_of(&crows, "ZDT-01").unwrap().wait, Wait::NoneOpen);
}

/// No dorp or cluster page's lead-time chart says more than its shown fase cells. A step's
/// addresses lie in the fasen its end date puts them in (opname → beoordeling: fase 3–6; … the
/// whole trajectory: fase 6), so a median (from 5) says "at least 5 there" and its "n = …" says
/// "at least n there". Regression: the demo's dorp and cluster pages gave "n = …" for every step
/// from 5, also where those fasen were hidden ("×"): a lower bound on hidden cells. And a step
/// with no addresses read "–" beside "te weinig" for 1–4, telling a hidden 0 from a hidden 1–4.
#[test]
fn no_lead_time_gives_a_hidden_cell_away() {
    use versterkingsmonitor::analysis::derive::{derive_archive, DeriveSpec};
    use versterkingsmonitor::analysis::drilldown::cluster::cluster_model;
    use versterkingsmonitor::analysis::drilldown::dorp::dorp_model;
    use versterkingsmonitor::analysis::drilldown::lead::{lead_chart, About};
    use versterkingsmonitor::analysis::drilldown::search::dorpen_of;
    use versterkingsmonitor::i18n::Lang;
    // The steps in the chart's order (Transition::ALL) and the fasen their addresses are in.
    const FASEN: [&[usize]; 6] = [&[3, 4, 5, 6], &[4, 5, 6], &[5, 6], &[5, 6], &[5, 6], &[6]];
    let addresses = demo();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let mut r = LoadReport::default();
    let registry = parse_gemeenten("gemeenten.csv", &std::fs::read_to_string(dir.join("gemeenten.csv")).unwrap(), &mut r).unwrap();
    let measures = versterkingsmonitor::data::archive::parse_measures("maten.csv", &std::fs::read_to_string(dir.join("maten.csv")).unwrap(), &mut r).unwrap();
    let derived = derive_archive(&addresses, &measures, &registry, &DeriveSpec::demo(1, "demo/bronbestand-demo.csv"));
    let reference = Date::parse("2025-12-31").unwrap();
    let layout = fase_layout();
    let (mut pages, mut without_n, mut too_few_by_cells, mut with_n) = (0, 0, 0, 0);
    let mut check = |what: &str, cells: &[Count], chart: &versterkingsmonitor::analysis::bar_chart::BarChart| {
        pages += 1;
        for (i, v) in chart.series[0].values.iter().enumerate() {
            let at_least = known_at_least(cells, &layout, FASEN[i]);
            let exactly = known_exactly(cells, &layout, FASEN[i]);
            match v {
                None => assert!(exactly == Some(0) || at_least >= 5, "{what}, step {i}: '–' beside {cells:?}"),
                Some(v) if v.suppressed => too_few_by_cells += usize::from(at_least < 5),
                Some(v) => {
                    assert!(at_least >= 5, "{what}, step {i}: a median beside {cells:?}");
                    if v.display.contains("n = ") {
                        with_n += 1;
                        assert!(exactly.is_some(), "{what}, step {i}: {} beside {cells:?}", v.display);
                    } else {
                        without_n += 1;
                        assert!(v.display.contains("n ≥ 5"), "{what}, step {i}: {}", v.display);
                    }
                }
            }
        }
        assert!(!chart.meta.summary.contains('×'));
    };
    // Every dorp page of the demo, three cluster pages per dorp as the page builds them, and every
    // cluster's chart from its row in the dorp's table (all cluster pages took 2 minutes in a
    // debug build).
    for (code, dorp) in dorpen_of(&addresses) {
        let Some(m) = dorp_model(&addresses, code, &dorp, reference, &derived, Lang::Nl) else { continue };
        check(&dorp, &m.row.cells, &m.lead_chart);
        for r in m.clusters.rows.iter().take(3) {
            let Some((_, id)) = r.attrs.iter().find(|(k, _)| k == "key") else { continue };
            let Some(c) = cluster_model(&addresses, code, &dorp, id, reference, &derived, Lang::Nl) else { continue };
            check(&format!("{dorp} / {id}"), &c.row.cells, &c.lead_chart);
        }
        let g = in_gemeente(&addresses, code);
        let d = in_dorp(&g, &dorp);
        let (_, crows) = clusters(&in_werkvoorraad(&d, reference.to_days()), reference.to_days(), &m.row);
        for c in crows.iter().skip(3) {
            let Some(k) = &c.key else { continue };
            let about = About { id: String::new(), title: String::new(), source_line: String::new(), synthetic: true, shown: Some(c.cells.clone()) };
            check(&format!("{dorp} / {k}"), &c.cells, &lead_chart(&in_cluster(&d, k), reference, about, Lang::Nl));
        }
    }
    println!("{pages} pages: {with_n} steps with n, {without_n} with 'n ≥ 5', {too_few_by_cells} 'te weinig' from the cells");
    assert!(pages > 100 && with_n > 50 && without_n > 0 && too_few_by_cells > 0, "the demo exercises the rule");
}
