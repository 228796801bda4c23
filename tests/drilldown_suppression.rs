//! Small-count suppression below gemeente level, on the demo bronbestand: no table of the
//! drill-downs shows a count from 1 to 4 (nor a 0 the reader could not work out), and no hidden cell can be worked out from the sums a reader
//! sees (row totals, the gemeente's or dorp's figures above a table) — checked exactly with
//! `suppression::determined`, for every gemeente, every dorp and the streets of every dorp.

use std::path::Path;

use versterkingsmonitor::analysis::derive::Count;
use versterkingsmonitor::analysis::drilldown::areas::{fase_layout, group_layout, group_margins_known, AreaRow, Tally, FASE_COLUMNS, GROUP_COLUMNS};
use versterkingsmonitor::analysis::drilldown::hierarchy::{clusters, dorpen, in_dorp, in_gemeente, shown, streets};
use versterkingsmonitor::analysis::drilldown::suppression::{determined, Layout};
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
