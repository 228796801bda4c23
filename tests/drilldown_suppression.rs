//! Small-count suppression below gemeente level, on the demo bronbestand: no table of the
//! drill-downs shows a count below 5, and no hidden cell can be worked out from the sums a reader
//! sees (row totals, the gemeente's or dorp's figures above a table) — checked exactly with
//! `suppression::determined`, for every gemeente, every dorp and the streets of every dorp.

use std::path::Path;

use versterkingsmonitor::analysis::derive::Count;
use versterkingsmonitor::analysis::drilldown::areas::{fase_layout, group_layout, group_margins_known, AreaRow, FASE_COLUMNS, GROUP_COLUMNS};
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

/// No shown count below 5, and nothing recoverable.
fn check(rows: &[AreaRow], layout: &Layout, margins: &[bool], ncols: usize, what: &str) -> usize {
    for r in rows {
        for c in &r.cells {
            if let Count::Exact(v) = c {
                assert!(*v >= 5, "{what}: {:?} shows {v}", r.key);
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
        suppressed += check(&rows, &fase_layout(), &[true; FASE_COLUMNS], FASE_COLUMNS, &format!("dorpen GM{code}"));
        tables += 1;
        // The dorpen add up to the gemeente.
        for dorp in &rows {
            let Some(name) = &dorp.key else { continue };
            let d = in_dorp(&g, name);
            let (_, crows) = clusters(&d, day, dorp);
            suppressed += check(&crows, &fase_layout(), &shown(dorp), FASE_COLUMNS, &format!("clusters {name}"));
            let srows = streets(&d, day, dorp);
            suppressed += check(&srows, &group_layout(), &group_margins_known(&dorp.cells), GROUP_COLUMNS, &format!("straten {name}"));
            tables += 2;
        }
    }
    println!("{tables} tables checked, {suppressed} cells hidden, {:.2} s", started.elapsed().as_secs_f64());
    assert!(tables > 100);
    assert!(suppressed > 0);
}
