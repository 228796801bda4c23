//! Flows on the bundled archive: SodM table 2.2 (seed 000 L669-678) as published and as per-month
//! rates, the January/July 2020 revisions through the vintage switch, the definition break of
//! 2020, the November 2020 data cleaning, and NCG's differences between peildata.

mod common;

use versterkingsmonitor::analysis::filters::Filters;
use versterkingsmonitor::analysis::select::Vintage;
use versterkingsmonitor::analysis::table::TableModel;
use versterkingsmonitor::analysis::time_chart::TimeChart;
use versterkingsmonitor::analysis::trends::flow_chart;
use versterkingsmonitor::analysis::trends::milestones::group;
use versterkingsmonitor::data::event::EventKind;
use versterkingsmonitor::i18n::Lang;

fn count(t: &TableModel, series: &str, period: &str) -> Option<f64> {
    t.rows
        .iter()
        .find(|r| r.attrs.iter().any(|(k, v)| k == "series" && v == series) && r.attrs.iter().any(|(k, v)| k == "period" && v == period))
        .and_then(|r| r.cells[2].value)
}

fn drawn_rate(c: &TimeChart, series: &str, end: &str) -> Option<f64> {
    c.series.iter().find(|s| s.key == series)?.points.iter().find(|p| p.end.to_string() == end).map(|p| p.value)
}

/// Table 2.2 columns, as printed (L669-678): Q2 2020, Q1 2020, Q4 2019, Q3 2019, H1 2019, 2018,
/// 2017, voor 2017.
const PERIODS: [&str; 8] = ["2020-Q2", "2020-Q1", "2019-Q4", "2019-Q3", "2019-H1", "2018", "2017", "..2016-12-31"];

#[test]
fn table_2_2_is_complete_and_correct() {
    let (a, _) = common::bundled_archive();
    let rows: [(&str, &str, [f64; 8]); 3] = [
        ("opname", "opname-sodm", [181.0, 408.0, 1185.0, 736.0, 287.0, 4059.0, 5141.0, 3970.0]),
        ("beoordeling", "beoordeling-sodm", [1398.0, 306.0, 30.0, 21.0, 875.0, 2593.0, 2814.0, 1170.0]),
        ("afgerond", "uitvoering_gereed-sodm", [106.0, 3.0, 131.0, 78.0, 355.0, 240.0, 83.0, 181.0]),
    ];
    for (g, series, values) in rows {
        let v = flow_chart::build(&a, group(g), &Filters::default(), Lang::Nl);
        for (p, want) in PERIODS.iter().zip(values) {
            assert_eq!(count(&v.table, series, p), Some(want), "{series} {p}");
        }
        // Every column but "voor 2017" is drawn, as a rate per month over its span.
        assert!((drawn_rate(&v.chart, series, "2020-06-30").unwrap() - values[0] / 3.0).abs() < 1e-9);
        assert!((drawn_rate(&v.chart, series, "2019-06-30").unwrap() - values[4] / 6.0).abs() < 1e-9);
        assert!((drawn_rate(&v.chart, series, "2018-12-31").unwrap() - values[5] / 12.0).abs() < 1e-9);
        assert!(drawn_rate(&v.chart, series, "2016-12-31").is_none(), "voor 2017 has no rate");
    }
    // Planvorming: before 2020 under the old definition, from 2020 under the new one (L744-747).
    let v = flow_chart::build(&a, group("planvorming"), &Filters::default(), Lang::Nl);
    assert_eq!(count(&v.table, "planvorming_gestart-sodm", "2020-Q2"), Some(535.0));
    assert_eq!(count(&v.table, "planvorming_gestart-sodm", "2020-Q1"), Some(1809.0));
    for (p, want) in [("2019-Q4", 346.0), ("2019-Q3", 18.0), ("2019-H1", 1456.0), ("2018", 404.0), ("2017", 610.0), ("..2016-12-31", 383.0)] {
        assert_eq!(count(&v.table, "project_vastgesteld-sodm", p), Some(want), "{p}");
    }
}

#[test]
fn the_definition_break_is_two_series_with_a_marker() {
    let (a, _) = common::bundled_archive();
    let v = flow_chart::build(&a, group("planvorming"), &Filters::default(), Lang::Nl);
    let old = v.chart.series.iter().find(|s| s.key == "project_vastgesteld-sodm").unwrap();
    let new = v.chart.series.iter().find(|s| s.key == "planvorming_gestart-sodm").unwrap();
    assert!(old.points.iter().all(|p| p.end.to_string().as_str() < "2020-01-01"));
    assert!(new.points.iter().all(|p| p.start.to_string().as_str() >= "2020-01-01"));
    let m = v.chart.markers.iter().find(|m| m.kind == EventKind::DefinitionChange).expect("definition change marker");
    assert_eq!(m.date.to_string(), "2020-01-01");
}

#[test]
fn the_vintage_switch_shows_the_january_or_july_2020_figures() {
    // SodM L729-738: beoordeling 2019-H1 357 → 875 and 2019-H2 656 → 51.
    let (a, _) = common::bundled_archive();
    let latest = flow_chart::build(&a, group("beoordeling"), &Filters::default(), Lang::Nl);
    assert_eq!(drawn_rate(&latest.chart, "beoordeling-sodm", "2019-06-30").map(|r| r * 6.0), Some(875.0));
    assert_eq!(drawn_rate(&latest.chart, "beoordeling-sodm", "2019-09-30").map(|r| r * 3.0), Some(21.0));
    let first = flow_chart::build(&a, group("beoordeling"), &Filters { vintage: Vintage::FirstPublished, ..Filters::default() }, Lang::Nl);
    assert_eq!(drawn_rate(&first.chart, "beoordeling-sodm", "2019-06-30").map(|r| r * 6.0), Some(357.0));
    assert_eq!(drawn_rate(&first.chart, "beoordeling-sodm", "2019-12-31").map(|r| r * 6.0), Some(656.0));
    let first = flow_chart::build(&a, group("afgerond"), &Filters { vintage: Vintage::FirstPublished, ..Filters::default() }, Lang::Nl);
    assert_eq!(drawn_rate(&first.chart, "uitvoering_gereed-sodm", "2019-06-30").map(|r| (r * 6.0).round()), Some(386.0));
    assert_eq!(drawn_rate(&first.chart, "uitvoering_gereed-sodm", "2019-12-31").map(|r| (r * 6.0).round()), Some(100.0));
}

#[test]
fn ncg_levels_give_flows_and_the_data_cleaning_is_marked() {
    let (a, _) = common::bundled_archive();
    let v = flow_chart::build(&a, group("opname"), &Filters::default(), Lang::Nl);
    // ncg-2020-08-31 and ncg-2020-11-30: 2.612 − 1.068 = 1.544 opnames in September-November 2020.
    assert_eq!(count(&v.table, "opname-ncg", "2020-09-01..2020-11-30"), Some(1544.0));
    let s = v.chart.series.iter().find(|s| s.key == "opname-ncg").unwrap();
    let p = s.points.iter().find(|p| p.end.to_string() == "2020-11-30").unwrap();
    assert!(p.provenance.note.contains("Dataschoning"), "{}", p.provenance.note);
    assert!(v.chart.markers.iter().any(|m| m.kind == EventKind::DataCorrection && m.date.to_string() == "2020-11-30"));
    // The three-month mean where NCG published months: June-August 2020 (121, 179, 306) → 202.
    let roll = v.chart.series.iter().find(|s| s.key == "opname-ncg-gemiddelde").unwrap();
    assert_eq!(roll.points.iter().find(|p| p.end.to_string() == "2020-08-31").map(|p| p.value), Some(202.0));
}

#[test]
fn completed_tracks_are_three_definitions_never_joined() {
    let (a, _) = common::bundled_archive();
    let v = flow_chart::build(&a, group("afgerond"), &Filters::default(), Lang::Nl);
    let keys: Vec<&str> = v.chart.series.iter().filter(|s| !s.key.ends_with("gemiddelde")).map(|s| s.key.as_str()).collect();
    assert_eq!(keys, vec!["uitvoering_gereed-sodm", "traject_afgerond-ncg", "veilig_verklaard-ncg"]);
    // Voldoet aan de norm 5.832 (31-07-2022) → 8.065 (31-12-2022): 2.233 in five months.
    assert_eq!(count(&v.table, "veilig_verklaard-ncg", "2022-08-01..2022-12-31"), Some(2233.0));
    assert_eq!(drawn_rate(&v.chart, "veilig_verklaard-ncg", "2025-12-31"), Some(2275.0 / 12.0));
    assert!(v.chart.meta.summary.contains("2025"), "{}", v.chart.meta.summary);
}

#[test]
fn approximate_levels_give_no_differences() {
    // NCG's "ruim 4.000" planvorming in 2020 (news item of 22 January 2021, the version first
    // published) minus 4.053 (1 jan-30 nov) would be −53: not a count.
    let (a, _) = common::bundled_archive();
    let first = Filters { vintage: versterkingsmonitor::analysis::select::Vintage::FirstPublished, ..Filters::default() };
    let v = flow_chart::build(&a, group("planvorming"), &first, Lang::Nl);
    assert!(count(&v.table, "planvorming_gestart-ncg", "2020-12").is_none());
    // The latest version is the annual report's exact 4.253 (published by 7 June 2021; before its
    // date was in the manifest it counted as the earlier version): December 2020 is 4.253 − 4.053.
    let v = flow_chart::build(&a, group("planvorming"), &Filters::default(), Lang::Nl);
    assert_eq!(count(&v.table, "planvorming_gestart-ncg", "2020-12"), Some(200.0));
}

#[test]
fn the_fourth_quarter_of_2021_shows_as_the_jump_it_was() {
    // Before the year-to-date figures of July and September 2021 were in the archive, the chart
    // spread the year's 1.804 completed tracks evenly over April-December (190 a month). With them:
    // 287 by 31 July, 346 by 30 September, 1.804 in the year → 1.458 in October-December (486 a
    // month), each difference derived from two publications and saying so.
    let (a, _) = common::bundled_archive();
    let v = flow_chart::build(&a, group("afgerond"), &Filters::default(), Lang::Nl);
    assert_eq!(count(&v.table, "traject_afgerond-ncg", "2021-04-01..2021-07-31"), Some(197.0));
    assert_eq!(count(&v.table, "traject_afgerond-ncg", "2021-08-01..2021-09-30"), Some(59.0));
    assert_eq!(count(&v.table, "traject_afgerond-ncg", "2021-Q4"), Some(1458.0));
    assert_eq!(drawn_rate(&v.chart, "traject_afgerond-ncg", "2021-12-31"), Some(486.0));
    let s = v.chart.series.iter().find(|s| s.key == "traject_afgerond-ncg").unwrap();
    let q4 = s.points.iter().find(|p| p.end.to_string() == "2021-12-31").unwrap();
    assert_eq!(q4.provenance.flag, versterkingsmonitor::data::observation::Flag::Derived);
    assert!(q4.provenance.source.contains("ncg-2021-09-30"), "{}", q4.provenance.source);
    // The note on NCG's late registration (GBB quoting NCG) is a data correction, always shown.
    assert!(v.chart.markers.iter().any(|m| m.kind == EventKind::DataCorrection && m.date.to_string() == "2021-12-31"));
}

// WCAG 2.1 AA, 3.1.2 "Language of parts": on the English page a chart table's publication titles
// and the sources' own words (Dutch) were read by a screen reader as English. They are now marked
// `lang="nl"`; what the app wrote itself ("calculated: A → B") is in the page's language and is not.
#[test]
fn the_sources_own_words_in_a_chart_table_are_marked_dutch_and_the_apps_are_not() {
    use versterkingsmonitor::analysis::chart::Chart;
    let (a, _) = common::bundled_archive();
    let v = flow_chart::build(&a, group("afgerond"), &Filters::default(), Lang::En);
    let table = Chart::Time(v.chart).table(Lang::En);
    let cells = |series: &str, period: &str| {
        let row = table.rows.iter().find(|r| r.attrs.iter().any(|(k, v)| k == "series" && v == series) && r.attrs.iter().any(|(k, v)| k == "period" && v == period));
        row.map(|r| (r.cells[3].lang, r.cells[4].lang, r.cells[4].text.clone())).unwrap_or_else(|| panic!("{series} {period}: {:?}", table.rows.iter().map(|r| &r.attrs).collect::<Vec<_>>()))
    };
    // The fourth quarter of 2021 is derived by the app: the title is NCG's, the source line is ours.
    let (title, source, text) = cells("traject_afgerond-ncg", "2021-12-31");
    assert_eq!(title, Some("nl"));
    assert_eq!(source, None, "{text}");
    // A value as published: its source (a place in a Dutch document) is marked too. Since then
    // only the source's own words in it (between quotes) are, and ours are English: the whole of
    // "tabel 2.2, L672" was marked Dutch and said "tabel" on the English page.
    let (title, source, text) = cells("uitvoering_gereed-sodm", "2020-06-30");
    assert_eq!((title, source), (Some("nl"), Some(versterkingsmonitor::analysis::table::QUOTING)), "{text}");
    assert!(text.starts_with("table "), "{text}");
    assert_eq!(Chart::Time(flow_chart::build(&a, group("afgerond"), &Filters::default(), Lang::Nl).chart).table(Lang::Nl).rows.iter().find(|r| r.cells[4].text.starts_with("tabel ")).map(|r| r.cells[4].lang), Some(Some("nl")), "Dutch page: as written");
}

#[test]
fn a_period_filter_keeps_only_periods_inside_it() {
    // Regression: with "t/m 2019" SodM's 1 July 2019 – 30 June 2020 (26 a month) was drawn past
    // the filter's end and, with the quarters of 2020 dropped, won over the quarters of 2019 inside
    // the window; the trend sentence then compared it with H1 2019 ("56% minder ... duidelijke
    // daling"). Only periods wholly inside the filter are kept.
    let (a, _) = common::bundled_archive();
    let f = Filters { to: versterkingsmonitor::data::date::Month::parse("2019-12").ok(), ..Filters::default() };
    let v = flow_chart::build(&a, group("afgerond"), &f, Lang::Nl);
    let last = v.chart.series.iter().flat_map(|s| s.points.iter()).map(|p| p.end).max();
    assert_eq!(last.map(|d| d.to_string()), Some("2019-12-31".to_string()));
    let pts: Vec<(String, String, f64)> = v.chart.series.iter().flat_map(|s| s.points.iter().map(move |p| (s.key.clone(), p.end.to_string(), p.value))).collect();
    assert_eq!(drawn_rate(&v.chart, "uitvoering_gereed-sodm", "2019-09-30"), Some(26.0), "{pts:?}");
    assert!(!v.trend_text.contains("30-06-2020"), "{}", v.trend_text);
}

/// Regression (a task-based review): Trends filtered on a gemeente showed mostly empty charts and
/// no way to the gemeente's own page, which has everything published about it. The page links
/// there; unfiltered it has no such link.
#[test]
fn a_page_filtered_on_a_gemeente_links_to_its_page() {
    use versterkingsmonitor::analysis::trends::page::{self, ViewParams};
    use versterkingsmonitor::data::gemeente::GemeenteCode;
    let (a, _) = common::bundled_archive();
    let f = Filters { gemeente: Some(GemeenteCode(1895)), ..Filters::default() };
    let p = page::build(&a, &f, &ViewParams::default(), Lang::Nl);
    assert_eq!(p.gemeente_page, Some(("/gemeente/GM1895".to_string(), "Alles wat over Oldambt gepubliceerd is, op één pagina".to_string())));
    assert_eq!(page::build(&a, &Filters::default(), &ViewParams::default(), Lang::En).gemeente_page, None);
}

/// Regression (a task-based review): Trends filtered on Oldambt offered six steps above a flows
/// chart that stays empty for every one of them, a "klaar in" year over "geen prognose", two lists
/// of 29 publications over "geen enkel cijfer van deze selectie staat in twee publicaties", and a
/// second notice under the forecast's own. The model says where choosing can show something.
#[test]
fn a_filtered_page_offers_choices_only_where_they_can_show_something() {
    use versterkingsmonitor::analysis::trends::page::{self, ViewParams};
    use versterkingsmonitor::data::gemeente::GemeenteCode;
    let (a, _) = common::bundled_archive();
    let whole = page::build(&a, &Filters::default(), &ViewParams::default(), Lang::Nl);
    assert!(whole.steps_shown && whole.revisions.choosable && !whole.forecast.chart.is_empty());
    let oldambt = page::build(&a, &Filters { gemeente: Some(GemeenteCode(1895)), ..Filters::default() }, &ViewParams::default(), Lang::Nl);
    assert!(!oldambt.steps_shown && !oldambt.revisions.choosable, "Oldambt has no flows and no figure in two publications");
    // No forecast: its text says why (the view then shows no second notice, nor the year select).
    assert!(oldambt.forecast.chart.is_empty() && !oldambt.forecast.paragraphs.is_empty(), "{:?}", oldambt.forecast.paragraphs);
    // A step with no figures for a selection that has others keeps the select: the reader must be
    // able to go back to a step with figures.
    for code in [1979, 14, 1966, 1952, 1895] {
        let f = Filters { gemeente: Some(GemeenteCode(code)), ..Filters::default() };
        let any = versterkingsmonitor::analysis::trends::milestones::GROUPS.iter().any(|g| !flow_chart::build(&a, g, &f, Lang::Nl).chart.is_empty());
        for g in versterkingsmonitor::analysis::trends::milestones::GROUPS {
            let p = page::build(&a, &f, &ViewParams::from_query([("mijlpaal", g.key)]), Lang::Nl);
            assert_eq!(p.steps_shown, any, "GM{code} {}", g.key);
        }
    }
}

#[test]
fn the_flows_chart_csv_gives_each_period_its_count_and_months() {
    // Regression (a third review): the flows chart's CSV held only the rates it draws ("6,9" per
    // month for SodM's 83 completed in 2017), which no source printed; the counts were only in
    // the tooltips and in the separate table of counts. Each period row now has its count and
    // its length in months beside the rate.
    let (a, _) = common::bundled_archive();
    let v = flow_chart::build(&a, group("afgerond"), &Filters::default(), Lang::Nl);
    let csv = versterkingsmonitor::analysis::chart::Chart::Time(v.chart.clone()).csv(Lang::Nl, "");
    let body: String = csv.trim_start_matches('\u{feff}').lines().filter(|l| !l.starts_with('#')).map(|l| format!("{l}\n")).collect();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("{name} in {header:?}"));
    let (count, months, period) = (col("Aantal in de periode"), col("Maanden in de periode"), col("Periode"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let row = rows.iter().find(|r| r.get(period) == Some("2017-01-01..2017-12-31") && r.get(0).is_some_and(|s| s.contains("SodM"))).expect("SodM's 2017 row");
    assert_eq!((row.get(count), row.get(months)), (Some("83"), Some("12")), "{row:?}");
    // (And the period's first and last day in columns of their own, as the archive download has
    // them: R and pandas had to split "2017-01-01..2017-12-31".)
    assert_eq!((row.get(col("Begin")), row.get(col("Einde"))), (Some("2017-01-01"), Some("2017-12-31")), "{row:?}");
    let en = versterkingsmonitor::analysis::chart::Chart::Time(flow_chart::build(&a, group("afgerond"), &Filters::default(), Lang::En).chart).csv(Lang::En, "");
    assert!(en.contains("Number in the period") && en.contains("Months in the period"));
}
