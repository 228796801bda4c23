//! The stock per phase (cumulative-flow chart) on the bundled archive.

mod common;

use versterkingsmonitor::analysis::filters::Filters;
use versterkingsmonitor::analysis::trends::stock_phases;
use versterkingsmonitor::i18n::Lang;
use versterkingsmonitor::data::observation::Flag;

fn level(lines: &[(String, String, Vec<versterkingsmonitor::analysis::trends::levels::Level>)], key: &str, date: &str) -> Option<f64> {
    lines.iter().find(|(k, _, _)| k == key)?.2.iter().find(|l| l.date.to_string() == date).map(|l| l.value)
}

#[test]
fn levels_from_table_2_1_and_2_2_and_ncg_phases() {
    let (a, _) = common::bundled_archive();
    let lines = stock_phases::lines(&a, &Filters::default(), Lang::Nl);
    // Table 2.1 (L651) on 17 July 2020 and, computed back with table 2.2, "voor 2017".
    assert_eq!(level(&lines, "opname", "2020-07-17"), Some(15967.0));
    assert_eq!(level(&lines, "opname", "2016-12-31"), Some(3970.0));
    assert_eq!(level(&lines, "beoordeling", "2016-12-31"), Some(1170.0));
    assert_eq!(level(&lines, "uitvoering_gereed", "2016-12-31"), Some(181.0));
    // Before 2020 planvorming levels belong to the old definition.
    assert_eq!(level(&lines, "project_vastgesteld", "2016-12-31"), Some(383.0));
    assert_eq!(level(&lines, "planvorming_gestart", "2016-12-31"), None);
    // NCG 31-10-2021, phases 4-6: 10.254 + 1.644 + 2.400.
    assert_eq!(level(&lines, "beoordeling", "2021-10-31"), Some(14298.0));
    // NCG 2022-2024: voldoet aan de norm as published.
    assert_eq!(level(&lines, "voldoet_norm", "2022-07-31"), Some(5832.0));
    assert_eq!(level(&lines, "voldoet_norm", "2024-12-31"), Some(16596.0));
}

#[test]
fn the_biggest_queue_is_named() {
    let (a, _) = common::bundled_archive();
    let lines = stock_phases::lines(&a, &Filters::default(), Lang::Nl);
    let (d, n, upper, lower, rough) = stock_phases::biggest_queue(&lines).unwrap();
    // 31-12-2024: assessed 27.713 − 931 = 26.782; meeting the norm 16.596 → 10.186 in between.
    assert_eq!(d.to_string(), "2024-12-31");
    assert_eq!(n, 10186.0);
    assert!(!rough, "both published exactly");
    assert_eq!((upper.as_str(), lower.as_str()), ("Beoordeling gereed", "Voldoet aan de veiligheidsnorm"));
    // Up to 2021: the queue of addresses with an advice waiting for an execution plan ("stuwmeer").
    let f = Filters { to: versterkingsmonitor::data::date::Month::parse("2021-12").ok(), ..Filters::default() };
    let (d, n, _, _, _) = stock_phases::biggest_queue(&stock_phases::lines(&a, &f, Lang::Nl)).unwrap();
    assert_eq!((d.to_string(), n), ("2021-10-31".to_string(), 10254.0));
}

#[test]
fn the_work_stock_line_is_broken_at_the_scope_change_of_2019() {
    // Regression: this chart joined the werkvoorraad's 18.000 (June 2019) to its 26.250 (end of
    // 2019), two different sets of addresses, while the event under it (and the Overzicht's chart)
    // said the line is broken there.
    let (a, _) = common::bundled_archive();
    let chart = stock_phases::build(&a, &Filters::default(), Lang::Nl);
    let wv = chart.series.iter().find(|s| s.key == "werkvoorraad").unwrap();
    let seg = |d: &str| wv.points.iter().find(|p| p.end.to_string() == d).map(|p| p.segment);
    assert_ne!(seg("2019-06-26"), None, "{:?}", wv.points.iter().map(|p| p.end.to_string()).collect::<Vec<_>>());
    assert_ne!(seg("2019-06-26"), seg("2019-12-31"));
}

#[test]
fn eemsdelta_s_queue_and_what_is_left_are_rough_and_loppersum_is_not_eemsdelta() {
    // Regression: Trends with ?gemeente=GM1979 (Eemsdelta)
    // - drew Loppersum's werkvoorraad of 20 April 2020 (4.908, one of Eemsdelta's three old
    //   gemeenten) as Eemsdelta's, joined to 15.815 of 2023, and forecast from that "growth";
    // - said "de grootste wachtrij 4.515" and "Er resten dus nog 10.815" as exact, though they are
    //   computed from the source's "ongeveer 6.300" and "ruim 5.000".
    let (a, _) = common::bundled_archive();
    let f = Filters { gemeente: Some(versterkingsmonitor::data::gemeente::GemeenteCode(1979)), ..Filters::default() };
    let lines = stock_phases::lines(&a, &f, Lang::Nl);
    assert!(lines.iter().all(|(_, _, p)| p.iter().all(|l| l.date.year() >= 2021)), "no level of before Eemsdelta existed");
    let (d, n, _, _, rough) = stock_phases::biggest_queue(&lines).unwrap();
    assert_eq!((d.to_string(), n, rough), ("2023-02-15".to_string(), 4515.0, true));
    let chart = stock_phases::build(&a, &f, Lang::Nl);
    // (And, since a later review, with two significant digits: "≈ 4.515" kept a precision that
    // "ongeveer 6.300" does not have.)
    assert!(chart.meta.summary.contains("≈ 4.500"), "{}", chart.meta.summary);
    let rest = versterkingsmonitor::analysis::trends::forecast::remaining(&a, &f.breakdown(), versterkingsmonitor::analysis::select::Vintage::Latest, Lang::Nl).unwrap();
    assert_eq!((rest.left, rest.done_flag, rest.werkvoorraad_flag), (10815.0, Flag::Approximate, Flag::Published));
    assert_eq!(versterkingsmonitor::analysis::trends::forecast_chart::left_text(&rest, Lang::Nl), "≈ 11.000");
    // The notice named Loppersum among the figures "for this selection" as if the charts used it.
    let notice = versterkingsmonitor::analysis::trends::coverage::where_published(&a, &f, Lang::Nl);
    let (used, apart) = notice.split_once("Niet getoond").expect(&notice);
    assert!(used.contains("Gemeente Eemsdelta (15 februari 2023)") && !used.contains("Loppersum"), "{notice}");
    assert!(apart.contains("Gemeente Loppersum (20 april 2020)"), "{notice}");
}

#[test]
fn a_selection_with_one_line_says_what_it_shows() {
    // Regression: Trends with ?gemeente=GM0014 (Groningen, only its werkvoorraad published) said
    // "Geen gegevens voor deze selectie" above the werkvoorraad line it drew.
    let (a, _) = common::bundled_archive();
    let f = Filters { gemeente: Some(versterkingsmonitor::data::gemeente::GemeenteCode(14)), ..Filters::default() };
    let chart = stock_phases::build(&a, &f, Lang::Nl);
    assert!(chart.series.iter().any(|s| !s.points.is_empty()));
    assert_eq!(chart.meta.summary, "Voor deze selectie zijn alleen deze stappen gepubliceerd: Werkvoorraad. Een wachtrij tussen stappen is daaruit niet af te lezen.");
}

#[test]
fn a_derived_level_above_a_later_published_one_says_so() {
    // Regression: 'Versterkingstraject afgerond' went down from 1.168 (end of 2019, derived: NCG's
    // 1.768 at the end of 2020 minus its 600 of 2020) to the 1.128 NCG published for 31 May 2020,
    // without a word. The derived level's note says that the publications contradict each other.
    let (a, _) = common::bundled_archive();
    let lines = stock_phases::lines(&a, &Filters::default(), Lang::Nl);
    let (_, _, pts) = lines.iter().find(|(k, _, _)| k == "traject_afgerond").expect("line");
    let end_2019 = pts.iter().find(|l| l.date.to_string() == "2019-12-31").expect("the derived end of 2019");
    assert_eq!(end_2019.provenance.flag, Flag::Derived);
    assert!(end_2019.provenance.note.contains("Hoger dan de gepubliceerde stand van 1.128 op 31 mei 2020"), "{}", end_2019.provenance.note);
    // A published level is never given such a note.
    assert!(pts.iter().filter(|l| l.provenance.flag == Flag::Published).all(|l| !l.provenance.note.contains("Hoger dan")));
}

#[test]
fn a_line_is_broken_where_its_levels_are_computed_another_way() {
    // Regression (review): 'Beoordeling gereed' ran straight from 14.298 (31 October 2021, fase
    // 4 + 5 + 6) to 26.782 (31 December 2024, werkvoorraad minus 'nog te beoordelen'), three years
    // without a figure, joining two ways of computing it.
    let (a, _) = common::bundled_archive();
    let chart = stock_phases::build(&a, &Filters::default(), Lang::Nl);
    let s = chart.series.iter().find(|s| s.key == "beoordeling").expect("line");
    let at = |d: &str| s.points.iter().find(|p| p.start.to_string() == d).unwrap_or_else(|| panic!("{d}: {:?}", s.points.iter().map(|p| p.start.to_string()).collect::<Vec<_>>()));
    let (a21, b24) = (at("2021-10-31"), at("2024-12-31"));
    assert_eq!((a21.value, b24.value), (14298.0, 26782.0));
    assert_ne!(a21.segment, b24.segment, "two ways of computing: not joined");
    // Published levels still join the computed ones around them.
    let published: Vec<_> = s.points.iter().filter(|p| p.provenance.flag == Flag::Published).collect();
    assert!(!published.is_empty());
}

/// Regression (a task-based review): Eemsdelta's levels computed from its rough figures read as
/// exact in their derivation: "9.515 … berekend: Werkvoorraad 15.815 min Planvorming nog niet
/// gestart 6.300" (the source: "bijna 6.300") and what was left, "10.815 … werkvoorraad 15.815 min
/// voldoet aan de norm 5.000" ("ruim 5.000"). The rough inputs keep their "≈", and what is left is
/// "≈ 11.000" in its label.
#[test]
fn a_level_computed_from_a_rough_figure_says_so() {
    use versterkingsmonitor::analysis::trends::forecast_chart;
    use versterkingsmonitor::data::gemeente::GemeenteCode;
    let (a, _) = common::bundled_archive();
    let f = Filters { gemeente: Some(GemeenteCode(1979)), ..Filters::default() };
    let chart = versterkingsmonitor::analysis::trends::stock_phases::build(&a, &f, Lang::Nl);
    let sources: Vec<&str> = chart.series.iter().flat_map(|s| s.points.iter()).map(|p| p.provenance.source.as_str()).filter(|s| s.starts_with("berekend")).collect();
    assert!(sources.iter().any(|s| s.contains("min Planvorming nog niet gestart ≈ 6.300")), "{sources:?}");
    let v = forecast_chart::build(&a, &f, 2028, None, Lang::Nl);
    let left = v.chart.series.iter().flat_map(|s| s.points.iter()).find(|p| p.provenance.source.starts_with("berekend: werkvoorraad")).expect("what was left");
    assert_eq!(left.provenance.source, "berekend: werkvoorraad 15.815 min voldoet aan de norm ≈ 5.000");
    assert!(left.label.contains("≈ 11.000"), "{}", left.label);
}
