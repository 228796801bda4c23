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

/// The archive the app derives from the demo's addresses (its monthly series and provenance).
fn derived_demo(addresses: &[Address]) -> versterkingsmonitor::data::archive::Archive {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let mut r = LoadReport::default();
    let registry = parse_gemeenten("gemeenten.csv", &std::fs::read_to_string(dir.join("gemeenten.csv")).unwrap(), &mut r).unwrap();
    let measures = versterkingsmonitor::data::archive::parse_measures("maten.csv", &std::fs::read_to_string(dir.join("maten.csv")).unwrap(), &mut r).unwrap();
    versterkingsmonitor::analysis::derive::derive_archive(addresses, &measures, &registry, &versterkingsmonitor::analysis::derive::DeriveSpec::demo(1, "demo/bronbestand-demo.csv"))
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
    // Regression (a third review): no line's hidden cells add up to a small count the reader
    // knows. Dorp Toornwerd showed 27 addresses, 25 in fase 6 and fasen 1–5 "×", so 2 were not
    // done (its tile said "Nog niet afgerond 2"); cluster TNW-02 "10 … 9" left 1.
    let small = |n: u64| (1..5).contains(&n);
    if let Some(t) = layout.total {
        for r in rows.iter().filter(|r| matches!(r.cells[t], Count::Exact(_))) {
            let hidden_parts = layout.parts.iter().any(|&p| r.cells[p] == Count::Suppressed);
            let rest = value(r, t) - layout.parts.iter().map(|&p| value(r, p)).sum::<u64>();
            assert!(!hidden_parts || !small(rest), "{what}: {:?}'s hidden fasen hold {rest} together", r.key);
        }
    }
    for c in (0..ncols).filter(|&c| margins[c]) {
        if rows.iter().any(|r| r.cells[c] == Count::Suppressed) {
            let rest = parent[c] - rows.iter().map(|r| value(r, c)).sum::<u64>();
            // (All of the parent's figure hidden is that figure, which the parent's page shows: a
            // gemeente's 4 in fase 1 is no count of its dorpen.)
            assert!(!small(rest) || rest == parent[c], "{what}: column {c}'s hidden cells hold {rest} together");
        }
    }
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
                    assert!(outcome_row(&members, true, None)[1..5].iter().all(|x| *x != Count::Suppressed), "cluster {k}: outcomes beside hidden ones");
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
    use versterkingsmonitor::analysis::drilldown::cluster::cluster_model;
    use versterkingsmonitor::analysis::drilldown::dorp::dorp_model;
    use versterkingsmonitor::analysis::drilldown::lead::{lead_chart, About};
    use versterkingsmonitor::analysis::drilldown::search::dorpen_of;
    use versterkingsmonitor::i18n::Lang;
    // The steps in the chart's order (Transition::ALL) and the fasen their addresses are in.
    const FASEN: [&[usize]; 6] = [&[3, 4, 5, 6], &[4, 5, 6], &[5, 6], &[5, 6], &[5, 6], &[6]];
    let addresses = demo();
    let derived = derived_demo(&addresses);
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

/// A cluster's outcome and NPR counts as bounds on its fasen: `[total, op norm, versterken,
/// sloop/nieuwbouw, andere reden, nog geen]` and `[total, versions…, onbekend]` as shown. An
/// outcome "op norm" or "andere reden" closes the trajectory (fase 6), "versterken" and
/// "sloop/nieuwbouw" follow the norm decision (fase 4–6), "nog geen" is fase 1–3, and an address
/// with an NPR version was assessed (fase 3–6): each shown count is a lower bound on those fasen,
/// which must not say more than the shown fase cells.
fn check_bounds(what: &str, cells: &[Count], outcomes: &[Option<u64>], npr: &[Option<u64>]) -> usize {
    let layout = fase_layout();
    let v = |i: usize| outcomes.get(i).copied().flatten().unwrap_or(0);
    let versions: u64 = npr.iter().skip(1).take(npr.len().saturating_sub(2)).flatten().sum();
    for (name, lower, fasen) in [
        ("op norm + andere reden", v(1) + v(4), &[6][..]),
        ("with an outcome", v(1) + v(2) + v(3) + v(4), &[4, 5, 6][..]),
        ("nog geen", v(5), &[1, 2, 3][..]),
        ("with an NPR version", versions, &[3, 4, 5, 6][..]),
    ] {
        assert!(lower <= known_at_least(cells, &layout, fasen), "{what}: {name} {lower} beside {cells:?} (outcomes {outcomes:?}, npr {npr:?})");
    }
    outcomes.iter().chain(npr).skip(1).flatten().count()
}

/// Regression: cluster ZDT-09 of the demo ('t Zandt), 5 addresses with every fase "×", showed
/// "versterken 5, nog geen 0" in its table of outcomes: all five were in fase 4–6. The outcome
/// and NPR counts are now shown only where the shown fase cells give the fasen they bound
/// (`spread::outcomes_allowed`, `spread::npr_allowed`). Checked for every cluster of the demo as
/// its page builds the rows, and on three cluster pages per dorp of Eemsdelta as the page shows them.
#[test]
fn no_outcome_count_gives_a_hidden_fase_away() {
    use versterkingsmonitor::analysis::drilldown::cluster::cluster_model;
    use versterkingsmonitor::analysis::drilldown::spread::{npr_allowed, npr_row, outcomes_allowed};
    use versterkingsmonitor::i18n::Lang;
    let addresses = demo();
    let reference = Date::parse("2025-12-31").unwrap();
    let day = reference.to_days();
    let values = |row: &[Count]| row.iter().map(|c| c.value()).collect::<Vec<_>>();
    let (mut clusters_checked, mut shown) = (0, 0);
    for code in [1979u16, 14, 1966, 1952, 1895] {
        let g = in_gemeente(&addresses, versterkingsmonitor::data::gemeente::GemeenteCode(code));
        let gemeente_wv = in_werkvoorraad(&g, day);
        let (_, rows) = dorpen(&g, day);
        for dorp in &rows {
            let Some(name) = &dorp.key else { continue };
            let d = in_werkvoorraad(&in_dorp(&g, name), day);
            let (_, crows) = clusters(&d, day, dorp);
            for c in &crows {
                let Some(k) = &c.key else { continue };
                let total_shown = c.cells.first() != Some(&Count::Suppressed);
                let members = in_cluster(&d, k);
                // As the cluster page does (cluster::cluster_model): "nog geen" where the shown
                // fase 1–3 give it.
                let allowed = total_shown && outcomes_allowed(&c.cells);
                let none_known = known_exactly(&c.cells, &fase_layout(), &[1, 2, 3]).filter(|_| allowed);
                let o = outcome_row(&members, allowed, none_known);
                let (_, n) = npr_row(&members, &gemeente_wv, total_shown && npr_allowed(&c.cells));
                shown += check_bounds(&format!("cluster {k}"), &c.cells, &values(&o), &values(&n));
                clusters_checked += 1;
            }
        }
    }
    println!("{clusters_checked} clusters, {shown} outcome and NPR cells shown");
    assert!(clusters_checked > 500 && shown > 500, "the demo exercises the rule");
    // The pages themselves (Eemsdelta, three clusters per dorp): the table of outcomes and versions.
    let derived = derived_demo(&addresses);
    let code = versterkingsmonitor::data::gemeente::GemeenteCode(1979);
    let g = in_gemeente(&addresses, code);
    let (_, rows) = dorpen(&g, day);
    let mut pages = 0;
    for dorp in rows.iter().filter_map(|r| r.key.as_ref()) {
        let d = in_werkvoorraad(&in_dorp(&g, dorp), day);
        let (_, crows) = clusters(&d, day, row_of(&rows, dorp).unwrap());
        for k in crows.iter().filter_map(|c| c.key.as_ref()).take(3) {
            let m = cluster_model(&addresses, code, dorp, k, reference, &derived, Lang::Nl).unwrap();
            let group = |name: &str| {
                let cells: Vec<Option<u64>> = m.alike.rows.iter().filter(|r| r.attrs.iter().any(|(a, b)| a == "group" && b == name)).map(|r| r.cells[1].value.map(|v| v as u64)).collect();
                let total = m.row.cells[0].value();
                std::iter::once(total).chain(cells).collect::<Vec<_>>()
            };
            check_bounds(&format!("page {k}"), &m.row.cells, &group("uitkomst"), &group("npr"));
            pages += 1;
        }
    }
    assert!(pages > 20);
    // ZDT-09 itself: every outcome hidden.
    let zandt = in_werkvoorraad(&in_dorp(&g, "'t Zandt"), day);
    let (_, crows) = clusters(&zandt, day, row_of(&rows, "'t Zandt").unwrap());
    let zdt09 = row_of(&crows, "ZDT-09").unwrap();
    let o = outcome_row(&in_cluster(&zandt, "ZDT-09"), outcomes_allowed(&zdt09.cells), None);
    assert!(o.iter().skip(1).all(|c| *c == Count::Suppressed), "{o:?} beside {:?}", zdt09.cells);
}

/// Regression (a task-based review of the demo): on cluster pages with hidden fase cells a step's
/// exact n and a step's "–" (none) told more than the bounds of its fasen, because in practice an
/// address being assessed is in fase 3 and one in fase 5 went through planning. LOP-113 (7
/// addresses, fasen 3–5 "×", fase 6 6) said "opname → beoordeling: n = 6", read as "one in fase 3";
/// LOP-66 (fasen 3–5 "×") said "beoordeling → planvorming –" and "NPR 9998 versie 2020: 23", read
/// as "fase 4 = 4". With any hidden cell a page now gives medians with "n ≥ 5", "te weinig" for
/// none as for 1–4, and no outcome or NPR count. And LOP-07 (all 15 in fase 6) shows "nog geen
/// uitkomst 0", which its fase cells give, instead of "×".
#[test]
fn a_cluster_with_a_hidden_cell_gives_no_exact_step_count_none_or_outcome() {
    use versterkingsmonitor::analysis::drilldown::cluster::cluster_model;
    use versterkingsmonitor::data::gemeente::GemeenteCode;
    use versterkingsmonitor::i18n::Lang;
    let addresses = demo();
    let derived = derived_demo(&addresses);
    let reference = addresses.iter().filter_map(|a| versterkingsmonitor::data::bronbestand::Milestone::ALL.iter().filter_map(|m| a.date(*m)).max()).max().unwrap();
    let (mut with_hidden, mut without) = (0, 0);
    let g = in_gemeente(&addresses, GemeenteCode(1979));
    let (_, rows) = dorpen(&g, reference.to_days());
    // Loppersum, with its 119 clusters (every cluster of Eemsdelta took 1½ minutes).
    for dorp in rows.iter().filter_map(|r| r.key.as_ref()).filter(|d| *d == "Loppersum") {
        let d = in_werkvoorraad(&in_dorp(&g, dorp), reference.to_days());
        let (_, crows) = clusters(&d, reference.to_days(), row_of(&rows, dorp).unwrap());
        for id in crows.iter().filter_map(|c| c.key.as_ref()) {
            let Some(m) = cluster_model(&addresses, GemeenteCode(1979), dorp, id, reference, &derived, Lang::Nl) else { continue };
            if !m.row.cells.contains(&Count::Suppressed) {
                without += 1;
                continue;
            }
            with_hidden += 1;
            let values = &m.lead_chart.series[0].values;
            // No step left out ("–") but one whose fasen the shown cells give as 0.
            for (v, s) in values.iter().zip(versterkingsmonitor::analysis::lead_time_exact::Transition::ALL) {
                let zero = known_exactly(&m.row.cells, &fase_layout(), versterkingsmonitor::analysis::drilldown::lead::step_fasen(s)) == Some(0);
                assert!(v.as_ref().map_or(zero, |v| !v.display.contains("n = ")), "{id} {:?}: {:?}", m.row.cells, values);
            }
            for r in &m.alike.rows {
                assert_eq!(r.cells[1].text, "×", "{id} {:?}: {:?}", m.row.cells, r.cells[0].text);
            }
        }
    }
    assert!(with_hidden > 30 && without > 30, "{with_hidden} {without}");
    let m = cluster_model(&addresses, GemeenteCode(1979), "Loppersum", "LOP-07", reference, &derived, Lang::Nl).unwrap();
    let none = m.alike.rows.iter().find(|r| r.cells[0].text == "nog geen uitkomst").unwrap();
    assert_eq!(none.cells[1].text, "0", "{:?}", m.row.cells);
    let m = cluster_model(&addresses, GemeenteCode(1979), "Loppersum", "LOP-113", reference, &derived, Lang::Nl).unwrap();
    // (Since a third review its fase 6, 6 of 7, is hidden too: "7, 6 in fase 6" gave the one not
    // done away as a sum. Nothing shown then guarantees 5 assessed, so no median: this test had
    // "328 dagen (n ≥ 5)", which rested on that fase 6.)
    assert_eq!(m.row.cells[6], Count::Suppressed, "{:?}", m.row.cells);
    assert_eq!(m.lead_chart.series[0].values[0].as_ref().map(|v| v.display.as_str()), Some("te weinig"));
}
