//! Native chart tests: every chart kind renders through plotters' SVG backend, and the picture
//! says what the view model says (labels, "< 5", the definition-break marker, the demo stamp).

mod common;

use versterkingsmonitor::analysis::bar_chart::{suppressed_count, BarChart, BarLayout, BarSeries};
use versterkingsmonitor::analysis::chart::{Chart, ChartMeta};
use versterkingsmonitor::analysis::histogram::{Bin, HistogramChart, VLine};
use versterkingsmonitor::analysis::norm_chart;
use versterkingsmonitor::analysis::select::Vintage;
use versterkingsmonitor::analysis::time_chart::{Marker, Point, Provenance, Series, SeriesKind, TimeChart};
use versterkingsmonitor::charts::svg::chart_svg;
use versterkingsmonitor::data::breakdown::Breakdown;
use versterkingsmonitor::data::date::Date;
use versterkingsmonitor::data::event::EventKind;
use versterkingsmonitor::data::measure::Unit;
use versterkingsmonitor::data::observation::Flag;
use versterkingsmonitor::i18n::Lang;

fn meta(id: &str, synthetic: bool) -> ChartMeta {
    ChartMeta { id: id.into(), title: format!("Titel {id}"), summary: "Samenvatting.".into(), source_line: "Bron: test".into(), method: String::new(), synthetic, estimated: false }
}

fn point(d: &str, v: f64, seg: u32) -> Point {
    let date = Date::parse(d).unwrap();
    Point {
        start: date,
        end: date,
        value: v,
        label: format!("{v}"),
        period_label: d.into(),
        segment: seg,
        provenance: Provenance { quoted: false, publication: "p".into(), publication_title: "P".into(), peildatum: Some(date), source: String::new(), flag: Flag::Published, note: String::new() },
    }
}

#[test]
fn time_chart_svg_has_labels_marker_and_broken_line() {
    let chart = TimeChart {
        meta: meta("tijd", false),
        y_label: "adressen".into(),
        unit: Unit::Addresses,
        series: vec![Series {
            key: "planvorming".into(),
            label: "Planvorming gestart".into(),
            style: 0,
            kind: SeriesKind::Line,
            points: vec![point("2019-06-30", 364.0, 0), point("2019-12-31", 700.0, 0), point("2020-06-30", 5561.0, 1), point("2020-12-31", 6000.0, 1)],
        }],
        markers: vec![Marker { date: Date::parse("2020-01-01").unwrap(), kind: EventKind::DefinitionChange, text: "breuk".into(), source: "s".into(), number: 1 }],
        references: Vec::new(),
    };
    let svg = chart_svg(&Chart::Time(chart), 800, 450, Lang::Nl).unwrap();
    assert!(svg.contains("Planvorming gestart"), "legend label");
    // Regression: `y_label` was never drawn, so an exported image showed numbers on its axis
    // without saying what they count (addresses? days? per month?).
    assert!(texts_of(&svg).iter().any(|t| t.3 == "adressen"), "unit of the value axis");
    assert!(svg.contains("Titel tijd"), "title inside exported image");
    assert!(svg.contains("Bron: test"), "source line inside exported image");
    assert!(svg.contains(">1<") || svg.contains(">1 <") || svg.contains("\n1\n"), "numbered marker");
    assert!(svg.contains("2020"), "year tick");
    // Two segments → no single line through the break: the first run ends before the second starts.
    let lines = svg.matches("<polyline").count();
    assert!(lines >= 2, "a broken series draws separate lines ({lines})");
}

#[test]
fn a_time_chart_with_one_point_names_its_month_on_the_axis() {
    // Regression: the Eemsdelta page has one published figure (15 February 2023). Its chart's range
    // was two months, with no quarter start in it, so the time axis had no label at all: the
    // point floated without a date.
    let chart = TimeChart {
        meta: meta("een-punt", false),
        y_label: "adressen".into(),
        unit: Unit::Addresses,
        series: vec![Series { key: "werkvoorraad".into(), label: "Werkvoorraad".into(), style: 0, kind: SeriesKind::Line, points: vec![point("2023-02-15", 15815.0, 0)] }],
        markers: Vec::new(),
        references: Vec::new(),
    };
    // Regression: the first fix labelled "feb 2023" at 1 February, half a month left of the point
    // (at 1920 px a quarter of the chart away). The label is now the point's day, centred on it.
    for (lang, label) in [(Lang::Nl, "15 feb 2023"), (Lang::En, "15 Feb 2023")] {
        for width in [640, 1920] {
            let svg = chart_svg(&Chart::Time(chart.clone()), width, 400, lang).unwrap();
            let xs = text_x(&svg, label);
            assert_eq!(xs.len(), 1, "{lang:?}: one axis label {label}: {:?}", texts_of(&svg));
            let point = point_x(&svg).expect("the point is drawn");
            let centre = xs[0] + (label.chars().count() as i32 * 6) / 2;
            assert!((centre - point).abs() < 25, "{lang:?} {width}px: label centred near {centre}, point at {point}");
        }
    }
    // Regression: Het Hogeland's one figure (22 April 2020) has a quarter start (1 April) within
    // its chart's range; the axis named that month, away from the dot, not the figure's day.
    let mut hogeland = chart.clone();
    hogeland.series[0].points = vec![point("2020-04-22", 2353.0, 0)];
    for width in [360, 1920] {
        let svg = chart_svg(&Chart::Time(hogeland.clone()), width, 260, Lang::Nl).unwrap();
        assert_eq!(text_x(&svg, "22 apr 2020").len(), 1, "{width}px: {:?}", texts_of(&svg));
        assert!(text_x(&svg, "apr 2020").is_empty(), "{width}px: no month label beside the day");
    }
    // Regression: on a meeting-room screen this chart was 460 px tall for a few dots over one
    // label. One date gets at most 260 px; a series of two dates keeps the full height.
    let one = Chart::Time(chart.clone());
    assert_eq!(versterkingsmonitor::charts::height_for(&one, 1690), 260);
    assert_eq!(versterkingsmonitor::charts::height_for(&one, 360), 200);
    let mut two = chart;
    two.series[0].points.push(point("2024-02-15", 16000.0, 0));
    assert_eq!(versterkingsmonitor::charts::height_for(&Chart::Time(two), 1690), 460);
}

/// The x of the last circle of an SVG (the legend's come first, then the data's).
fn point_x(svg: &str) -> Option<i32> {
    let circle = svg.split("<circle").last().and_then(|c| c.split("cx=\"").nth(1)?.split('"').next()?.parse::<f64>().ok());
    circle.map(|x| x as i32)
}

/// The value of attribute `attr` (`x` or `y`) of each `<text …>label</text>` in an SVG.
fn text_at(svg: &str, label: &str, attr: &str) -> Vec<i32> {
    let key = format!("{attr}=\"");
    svg.split("<text")
        .skip(1)
        .filter(|t| t.split_once('>').and_then(|(_, rest)| rest.split("</text>").next()).is_some_and(|content| content.trim() == label))
        .filter_map(|t| t.split(key.as_str()).nth(1)?.split('"').next()?.parse::<f64>().ok())
        .map(|v| v as i32)
        .collect()
}

/// The x of each `<text …>label</text>` in an SVG.
fn text_x(svg: &str, label: &str) -> Vec<i32> {
    text_at(svg, label, "x")
}

/// The y of each `<text …>label</text>` in an SVG.
fn text_y(svg: &str, label: &str) -> Vec<i32> {
    text_at(svg, label, "y")
}

#[test]
fn marker_numbers_days_apart_do_not_cover_each_other() {
    // Regression: on the Trends charts the markers of 1 and 8 January 2018 (events 1 and 2) were
    // drawn at almost the same place, so the box of "2" hid "1". The second box then moved right,
    // off its line (on a phone, with fifteen markers, boxes ended a slot or more from their lines);
    // now it goes to a second row above the first, over its own line.
    let marker = |d: &str, n: usize| Marker { date: Date::parse(d).unwrap(), kind: EventKind::Policy, text: format!("gebeurtenis {n}"), source: "s".into(), number: n };
    let chart = TimeChart {
        meta: meta("markers", false),
        y_label: String::new(),
        unit: Unit::Addresses,
        series: vec![Series { key: "a".into(), label: "A".into(), style: 0, kind: SeriesKind::Line, points: vec![point("2014-01-31", 10.0, 0), point("2026-01-31", 20.0, 0)] }],
        markers: vec![marker("2018-01-08", 2), marker("2018-01-01", 1), marker("2022-01-01", 3)],
        references: Vec::new(),
    };
    let svg = chart_svg(&Chart::Time(chart), 800, 450, Lang::Nl).unwrap();
    let (one, two, three) = (text_x(&svg, "1"), text_x(&svg, "2"), text_x(&svg, "3"));
    assert_eq!((one.len(), two.len(), three.len()), (1, 1, 1), "each number drawn once: {one:?} {two:?} {three:?}");
    let (y1, y2) = (text_y(&svg, "1")[0], text_y(&svg, "2")[0]);
    assert!(y1 - y2 >= 10, "\"2\" is a row above \"1\": y {y2} vs {y1}");
    assert!((two[0] - one[0]).abs() < 8, "\"2\" stays over its line, next to \"1\": x {} vs {}", two[0], one[0]);
    assert_eq!(text_y(&svg, "3")[0], y1, "\"3\", far from the others, is in the first row");
    // A marker far from the others stays on its line: the year 2022 is 2/3 of the way along.
    assert!(three[0] > two[0] + 200, "\"3\" is not moved: {}", three[0]);
}

#[test]
fn synthetic_charts_are_stamped_in_the_image() {
    let mut c = TimeChart { meta: meta("demo", true), y_label: String::new(), unit: Unit::Addresses, series: Vec::new(), markers: Vec::new(), references: Vec::new() };
    c.series.push(Series { key: "a".into(), label: "A".into(), style: 0, kind: SeriesKind::Line, points: vec![point("2020-01-31", 1.0, 0)] });
    let svg = chart_svg(&Chart::Time(c.clone()), 600, 300, Lang::Nl).unwrap();
    assert!(svg.contains("SYNTHETISCHE DEMO"));
    // Regression: in a narrow chart (the small multiples on /gemeenten?bron=demo) the stamp ran
    // past the edge and read "… GEEN ECHTE CIJFER". It wraps now: its last word on a line of its own.
    let narrow = chart_svg(&Chart::Time(c.clone()), 240, 300, Lang::Nl).unwrap();
    let texts: Vec<&str> = narrow.split("<text").skip(1).filter_map(|t| t.split('>').nth(1)).map(|t| t.split('<').next().unwrap_or("")).collect();
    let first = texts.iter().find(|t| t.contains("SYNTHETISCHE")).expect("the stamp");
    assert!(!first.contains("CIJFERS") && texts.iter().any(|t| t.contains("CIJFERS")), "{texts:?}");
    let csv = Chart::Time(c).csv(Lang::En, "Downloaded on 24 November 2026 from http://127.0.0.1/trends");
    assert!(csv.starts_with("# SYNTHETIC DEMO"), "{csv}");
    // Regression: a chart's CSV said nothing of what it was or where its figures came from (a bar
    // chart's had no source at all). After the demonstration's mark: the title, the source line
    // and the page and day of the download, each on a line starting with "#".
    let head: Vec<&str> = csv.lines().take_while(|l| l.starts_with("# ")).collect();
    assert_eq!(head[1..3], ["# Titel demo", "# Bron: test"], "the title and the source line");
    assert_eq!(head.last(), Some(&"# Downloaded on 24 November 2026 from http://127.0.0.1/trends"));
}

#[test]
fn histogram_svg_shows_suppressed_bins_and_percentile_lines() {
    let bins = (0..6)
        .map(|i| Bin { lo: f64::from(i) * 6.0, hi: f64::from(i + 1) * 6.0, count: [40, 120, 80, 3, 10, 2][i as usize], label: format!("{}–{} mnd", i * 6, (i + 1) * 6), suppressed: i == 3 })
        .collect();
    let h = HistogramChart {
        meta: meta("hist", false),
        x_label: "maanden".into(),
        y_label: "adressen".into(),
        bins,
        lines: vec![VLine { x: 1.6, label: "mediaan 10 mnd".into() }],
        style: 0,
        stats: Vec::new(),
    };
    let chart = Chart::Histogram(h);
    let svg = chart_svg(&chart, 700, 400, Lang::Nl).unwrap();
    // A hidden bin carries the one mark of a hidden count, "×" (it said "< 5": false for the
    // second bin hidden so that the small one cannot be worked out from the total).
    assert!(texts_of(&svg).iter().any(|t| t.3 == "×") && !svg.contains("&lt; 5"), "{svg}");
    assert!(svg.contains("mediaan 10 mnd"));
    // Regression: the value axis's unit was in the model but never drawn (see time chart below).
    assert!(texts_of(&svg).iter().any(|t| t.3 == "adressen"), "unit of the value axis");
    let table = chart.table(Lang::Nl);
    assert_eq!(table.rows.len(), 6);
    assert_eq!(table.rows[3].cells[1].text, "×");
    assert_eq!(table.rows[3].cells[1].spoken.as_deref(), Some("verborgen"));
    assert_eq!(chart.tooltip(0, 3, Lang::Nl).unwrap().lines[0], "× adressen (verborgen)");
    assert_eq!(table.rows[3].cells[1].value, None, "a suppressed count never leaks into the CSV");
    assert!(!chart.csv(Lang::Nl, "").contains(",3,"), "suppressed value absent from CSV");
}

#[test]
fn bar_chart_svg_grouped_and_horizontal() {
    let mk = |horizontal| BarChart {
        meta: meta("bars", false),
        category_keys: vec!["GM1979".into(), "GM0014".into()],
        categories: vec!["Eemsdelta".into(), "Groningen".into()],
        series: vec![
            BarSeries { key: "a".into(), label: "Op norm".into(), style: 0, values: vec![Some(suppressed_count(1200, Lang::Nl)), Some(suppressed_count(3, Lang::Nl))] },
            BarSeries { key: "b".into(), label: "Versterkt".into(), style: 1, values: vec![Some(suppressed_count(800, Lang::Nl)), None] },
        ],
        layout: BarLayout::Grouped,
        horizontal,
        value_label: "adressen".into(),
        fixed_max: None,
    };
    for h in [false, true] {
        let svg = chart_svg(&Chart::Bars(mk(h)), 700, 400, Lang::Nl).unwrap();
        assert!(svg.contains("Eemsdelta") && svg.contains("Groningen"));
        assert!(texts_of(&svg).iter().any(|t| t.3 == "adressen"), "unit of the value axis (horizontal: {h})");
        assert!(texts_of(&svg).iter().any(|t| t.3 == "×") && !svg.contains("&lt; 5"), "hidden mark (horizontal: {h})");
    }
    let t = Chart::Bars(mk(false)).table(Lang::Nl);
    assert_eq!(t.rows[0].cells[1].text, "1.200");
    assert_eq!(t.rows[1].cells[2].text, "–");
}

#[test]
fn norm_chart_on_the_bundled_archive() {
    let (archive, _) = common::bundled_archive();
    let c = norm_chart::build(&archive, &Breakdown::default(), Vintage::Latest, Lang::Nl);
    let norm = c.series.iter().find(|s| s.key == "voldoet_norm").expect("voldoet_norm series");
    let last = norm.points.last().unwrap();
    assert_eq!(last.end.to_string(), "2024-12-31");
    assert_eq!(last.value, 16596.0);
    assert!(c.meta.summary.contains("16.596 van de 27.713"), "{}", c.meta.summary);
    let svg = chart_svg(&Chart::Time(c), 900, 500, Lang::Nl).unwrap();
    assert!(svg.contains("Voldoet aan de veiligheidsnorm"));
}

/// Regression: the last value label of a horizontal bar chart ("15.000") was centred under its
/// grid line near the right edge and cut off in narrow charts (gemeente page at 1920 px). Every
/// text must now start far enough left to fit its estimated width.
#[test]
fn horizontal_bar_value_labels_stay_inside_the_image() {
    let chart = BarChart {
        meta: meta("bars", false),
        category_keys: vec!["a".into(), "b".into()],
        categories: vec!["1 nog te starten".into(), "6 afgerond".into()],
        series: vec![BarSeries { key: "n".into(), label: "adressen".into(), style: 0, values: vec![Some(suppressed_count(90, Lang::Nl)), Some(suppressed_count(14_600, Lang::Nl))] }],
        layout: BarLayout::Stacked,
        horizontal: true,
        value_label: "adressen".into(),
        fixed_max: None,
    };
    let width = 300;
    let svg = chart_svg(&Chart::Bars(chart), width, 260, Lang::Nl).unwrap();
    let mut labels = 0;
    for part in svg.split("<text").skip(1) {
        let x: f64 = part.split("x=\"").nth(1).and_then(|r| r.split('"').next()).and_then(|v| v.parse().ok()).unwrap();
        let size: f64 = part.split("font-size=\"").nth(1).and_then(|r| r.split('"').next()).and_then(|v| v.parse().ok()).unwrap_or(12.0);
        let text = part.split('>').nth(1).and_then(|r| r.split('<').next()).unwrap_or("").trim();
        if text.chars().all(|c| c.is_ascii_digit() || c == '.') && !text.is_empty() {
            labels += 1;
            // ~0.55 em per digit is a conservative width for the sans-serif used.
            assert!(x + 0.55 * size * text.len() as f64 <= width as f64 + 0.5, "label {text} at x={x} (font {size}) runs past {width}");
        }
    }
    assert!(labels >= 3, "value labels found: {labels}\n{svg}");
}

/// Every `<text>` of an SVG: (x, y, font size, content with the entities SVG needs decoded; the
/// quotes too, or a text with 'op norm' measured ten characters too wide).
/// The font size is the one the chart code laid the text out with: plotters' SVG backend writes
/// `font-size` as that size / 1.24, so it is multiplied back here (measuring at the written size
/// would make every width check in this file 24% too lenient).
fn texts_of(svg: &str) -> Vec<(f64, f64, f64, String)> {
    let attr = |part: &str, name: &str| part.split(&format!(" {name}=\"")).nth(1).and_then(|r| r.split('"').next()).and_then(|v| v.parse::<f64>().ok());
    svg.split("<text")
        .skip(1)
        .filter_map(|part| {
            let content = part.split_once('>')?.1.split("</text>").next()?.trim().replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&quot;", "\"").replace("&amp;", "&");
            Some((attr(part, "x")?, attr(part, "y")?, attr(part, "font-size").map_or(13.0, |size| size * 1.24), content))
        })
        .collect()
}

/// Width of a text as the chart code estimates it (the same SVG backend and theme font).
fn estimated_width(text: &str, size: f64) -> i32 {
    let mut sink = String::new();
    use plotters::prelude::IntoDrawingArea;
    let area = plotters::prelude::SVGBackend::with_string(&mut sink, (10, 10)).into_drawing_area();
    let theme = versterkingsmonitor::charts::theme::Theme::default();
    let style = versterkingsmonitor::charts::axes::text_style(&theme, size, theme.text);
    area.estimate_text_size(text, &style).map(|s| s.0 as i32).unwrap_or(i32::MAX)
}

/// Every text of an SVG lies inside an image `width` px wide, measured as the chart code measures.
fn assert_texts_inside(svg: &str, width: u32) {
    for (x, _, size, text) in texts_of(svg) {
        let right = x as i32 + estimated_width(&text, size);
        assert!(x >= 0.0 && right <= width as i32, "{text:?} spans {x}–{right}, outside the {width} px image");
    }
}

/// Regression: on a 360 px phone the category labels of the targets chart ("LPA2020 without
/// acceleration Jan 2020–Jun 2021") were drawn in full over the bars, because the label column is
/// at most half the width. Now a long label wraps onto two lines or is shortened with "…", and no
/// label reaches into the bars.
#[test]
fn long_bar_labels_on_a_phone_stay_in_their_column() {
    let long = "LPA2020 without acceleration Jan 2020–Jun 2021";
    let chart = BarChart {
        meta: meta("targets", false),
        category_keys: vec!["a".into(), "b".into(), "c".into()],
        categories: vec!["Inspections 2020".into(), long.into(), "Declared safe in the whole of the year 2024 as published".into()],
        series: vec![
            BarSeries { key: "t".into(), label: "Target".into(), style: 0, values: vec![Some(suppressed_count(900, Lang::En)), Some(suppressed_count(1400, Lang::En)), Some(suppressed_count(2000, Lang::En))] },
            BarSeries { key: "r".into(), label: "Realised".into(), style: 1, values: vec![Some(suppressed_count(800, Lang::En)), Some(suppressed_count(1500, Lang::En)), Some(suppressed_count(2100, Lang::En))] },
        ],
        layout: BarLayout::Grouped,
        horizontal: true,
        value_label: "addresses".into(),
        fixed_max: None,
    };
    let width = 360;
    let c = Chart::Bars(chart);
    let svg = chart_svg(&c, width, versterkingsmonitor::charts::height_for(&c, width), Lang::En).unwrap();
    let labels: Vec<_> = texts_of(&svg).into_iter().filter(|t| t.0 == 6.0).collect();
    assert!(labels.iter().any(|t| t.3 == "Inspections 2020"), "a short label is drawn whole: {labels:?}");
    assert!(!labels.iter().any(|t| t.3 == long), "the long label is not drawn on one line: {labels:?}");
    assert!(labels.iter().any(|t| t.3.starts_with("LPA2020")), "its start is drawn: {labels:?}");
    for (x, _, size, text) in &labels {
        let right = *x as i32 + estimated_width(text, *size);
        assert!(right <= width as i32 / 2, "label {text:?} ends at {right}, past the label column ({})", width / 2);
    }
}

/// Regression: on a 360 px phone a legend item longer than the image ("Needed to be done by the
/// end of 2028 (252 per month)") ran out of the picture on the right. It now wraps onto rows of
/// its own, and the chart is made taller for the legend's extra rows.
#[test]
fn long_legend_items_on_a_phone_wrap_inside_the_image() {
    let long = "Needed to be done by the end of 2028 (252 per month), from the reference date";
    let series = |key: &str, label: &str, style| Series {
        key: key.into(),
        label: label.into(),
        style,
        kind: SeriesKind::Line,
        points: vec![point("2023-12-31", 100.0, 0), point("2024-12-31", 200.0, 0)],
    };
    let chart = TimeChart {
        meta: meta("forecast", false),
        y_label: "addresses".into(),
        unit: Unit::Addresses,
        series: vec![series("a", "Not yet meeting the norm", 0), series("b", long, 1), series("c", "At the pace of 2024", 2)],
        markers: Vec::new(),
        references: Vec::new(),
    };
    let width = 360;
    let c = Chart::Time(chart);
    let narrow = versterkingsmonitor::charts::height_for(&c, width);
    // 280 px is the height of a time chart at 360 px without extra legend rows.
    assert!(narrow > 280, "taller on a phone for the legend rows: {narrow}");
    let svg = chart_svg(&c, width, narrow, Lang::En).unwrap();
    let all = texts_of(&svg);
    assert!(!all.iter().any(|t| t.3 == long), "not on one line");
    let parts: Vec<_> = all.iter().filter(|t| long.contains(t.3.trim_end_matches('…')) && t.3.len() > 3).collect();
    assert!(parts.len() >= 2, "wrapped onto two rows or more: {all:?}");
    assert_texts_inside(&svg, width);
}

/// An exported image carries its title and source line inside the picture; a source line longer
/// than the image (many publishers and publications cited) wraps instead of losing its end.
#[test]
fn exported_source_lines_wrap_inside_the_image() {
    let source = "Bron: SodM (peildatum 17-07-2020), NCG (10 publicaties, 31-12-2020 – 31-12-2025), NCG (geciteerd door Groninger Bodem Beweging) (peildatum 31-12-2021), Gemeente Eemsdelta (peildatum 15-02-2023), Gemeente Groningen (peildatum 01-01-2024); bewerking Versterkingsmonitor";
    let mut m = meta("bron", false);
    m.source_line = source.into();
    let chart = TimeChart {
        meta: m,
        y_label: "adressen".into(),
        unit: Unit::Addresses,
        series: vec![Series { key: "a".into(), label: "Werkvoorraad".into(), style: 0, kind: SeriesKind::Line, points: vec![point("2023-12-31", 100.0, 0), point("2024-12-31", 200.0, 0)] }],
        markers: Vec::new(),
        references: Vec::new(),
    };
    let width = 960;
    let svg = chart_svg(&Chart::Time(chart), width, 540, Lang::Nl).unwrap();
    let all = texts_of(&svg);
    let parts: Vec<_> = all.iter().filter(|t| source.contains(t.3.as_str()) && t.3.len() > 20).collect();
    assert!(parts.len() >= 2, "the source line is wrapped: {all:?}");
    assert_eq!(parts.iter().map(|t| t.3.as_str()).collect::<Vec<_>>().join(" "), source, "and nothing of it is lost");
    assert_texts_inside(&svg, width);
}

/// An exported image is shared on its own: the numbers on its event markers must say what they
/// mark. Below the chart it carries one line per marker ("[1] 1 januari 2020: …"), and the image is
/// made taller for them, so the plot keeps its size.
#[test]
fn exported_time_charts_carry_the_key_to_their_markers() {
    let marker = |d: &str, n: usize, text: &str, kind| Marker { date: Date::parse(d).unwrap(), kind, text: text.into(), source: "s".into(), number: n };
    let chart = TimeChart {
        meta: meta("key", false),
        y_label: "adressen".into(),
        unit: Unit::Addresses,
        series: vec![Series { key: "a".into(), label: "Werkvoorraad".into(), style: 0, kind: SeriesKind::Line, points: vec![point("2019-12-31", 100.0, 0), point("2024-12-31", 200.0, 0)] }],
        markers: vec![
            marker("2020-01-01", 1, "Definitie 'project vastgesteld' wordt 'planvorming gestart'", EventKind::DefinitionChange),
            marker("2021-01-01", 2, "Eemsdelta gevormd uit Appingedam, Delfzijl en Loppersum", EventKind::DefinitionChange),
            // Announced 18 months after the last value: no line on the chart, so its line in the
            // key has no number either (it came with the check of the assessments, ACVG 2026).
            marker("2026-06-24", 3, "Controle aangekondigd", EventKind::UnderReview),
        ],
        references: Vec::new(),
    };
    let plain = Chart::Time(TimeChart { markers: Vec::new(), ..chart.clone() });
    let c = Chart::Time(chart);
    let h = versterkingsmonitor::charts::export_height(&c, 960, Lang::Nl);
    assert!(h > versterkingsmonitor::charts::export_height(&plain, 960, Lang::Nl), "taller for the key");
    let svg = chart_svg(&c, 960, h, Lang::Nl).unwrap();
    let all = texts_of(&svg);
    assert!(all.iter().any(|t| t.3.starts_with("[1] 1 januari 2020: Definitie")), "{all:?}");
    assert!(all.iter().any(|t| t.3.starts_with("[2] 1 januari 2021: Eemsdelta")), "{all:?}");
    assert!(all.iter().any(|t| t.3 == "Na deze cijfers, 24 juni 2026: Controle aangekondigd"), "{all:?}");
    assert!(!all.iter().any(|t| t.3 == "3"), "no numbered box for it: {all:?}");
    assert_texts_inside(&svg, 960);
    assert!(all.iter().all(|t| t.1 <= f64::from(h)), "every line above the image's bottom: {all:?}");
    // Regression: a long note was cut to one line ("… Het oordeel…"), so an exported image lost its
    // caveat. It wraps onto more lines now, all of its words kept, and the image is taller for it.
    let long = "Controle aangekondigd: NCG bekijkt bij ruim 8.000 adressen of hun beoordeling aanvullend gecontroleerd moet worden (ACVG-advies). Het oordeel 'op norm' kan daardoor nog veranderen";
    let mut with_long = match &c { Chart::Time(t) => t.clone(), _ => unreachable!() };
    with_long.markers[2].text = long.into();
    let lc = Chart::Time(with_long);
    let lh = versterkingsmonitor::charts::export_height(&lc, 960, Lang::Nl);
    assert!(lh > h, "taller for the wrapped note: {lh} > {h}");
    let svg = chart_svg(&lc, 960, lh, Lang::Nl).unwrap();
    let all = texts_of(&svg);
    let joined = all.iter().map(|t| t.3.as_str()).collect::<Vec<_>>().join(" ");
    assert!(joined.contains("kan daardoor nog veranderen"), "{all:?}");
    assert_texts_inside(&svg, 960);
    assert!(all.iter().all(|t| t.1 <= f64::from(lh)), "every line above the image's bottom: {all:?}");
}

/// Regression: a monthly series over eight years on a 400 px chart (a gemeente page at 1920 px)
/// had a marker on every point, 3 px apart: the markers merged into a thick band. Dense series now
/// get a marker about every 24 px (and on the last point); every point still has its hit for the
/// tooltip and keyboard focus.
#[test]
fn dense_series_get_fewer_markers_but_every_point_keeps_its_hit() {
    let points: Vec<Point> = (0..96).map(|i| point(&format!("{}-{:02}-28", 2018 + i / 12, i % 12 + 1), 100.0 + i as f64, 0)).collect();
    let chart = TimeChart {
        meta: meta("dicht", false),
        y_label: "adressen".into(),
        unit: Unit::Addresses,
        series: vec![Series { key: "a".into(), label: "Werkvoorraad".into(), style: 0, kind: SeriesKind::Line, points }],
        markers: Vec::new(),
        references: Vec::new(),
    };
    let sparse = TimeChart { series: vec![Series { key: "b".into(), label: "B".into(), style: 0, kind: SeriesKind::Line, points: vec![point("2019-06-30", 1.0, 0), point("2020-06-30", 2.0, 0), point("2021-06-30", 3.0, 0)] }], ..chart.clone() };
    let c = Chart::Time(chart);
    let svg = chart_svg(&c, 400, 300, Lang::Nl).unwrap();
    // Style 0 draws circles; one more is the legend's.
    let circles = svg.matches("<circle").count() - 1;
    assert!((5..=30).contains(&circles), "markers drawn: {circles}");
    let mut sink = String::new();
    let area = plotters::prelude::SVGBackend::with_string(&mut sink, (400, 300));
    use plotters::prelude::IntoDrawingArea;
    let hits = versterkingsmonitor::charts::draw(&area.into_drawing_area(), &c, &versterkingsmonitor::charts::theme::Theme::default(), Lang::Nl).unwrap();
    assert_eq!(hits.len(), 96, "every point keeps its hit");
    // Sparse series keep a marker on every point.
    let sparse = chart_svg(&Chart::Time(sparse), 800, 400, Lang::Nl).unwrap();
    assert_eq!(sparse.matches("<circle").count() - 1, 3);
}

/// Regression: the category labels of a vertical bar chart are centred under their bars, so the
/// first and last label of a narrow chart reached past the image's left and right edges.
#[test]
fn vertical_bar_labels_stay_inside_the_image() {
    let chart = BarChart {
        meta: meta("vert", false),
        category_keys: vec!["a".into(), "b".into(), "c".into()],
        categories: vec!["a".into(), "b".into(), "Voldoet aan de norm (beoordeeld)".into()],
        series: vec![BarSeries { key: "n".into(), label: "adressen".into(), style: 0, values: vec![Some(suppressed_count(10, Lang::Nl)), Some(suppressed_count(20, Lang::Nl)), Some(suppressed_count(30, Lang::Nl))] }],
        layout: BarLayout::Grouped,
        horizontal: false,
        value_label: "adressen".into(),
        fixed_max: None,
    };
    let width = 360;
    let svg = chart_svg(&Chart::Bars(chart), width, 300, Lang::Nl).unwrap();
    assert_texts_inside(&svg, width);
}

#[test]
fn percentile_labels_never_cross_a_percentile_line() {
    // Regression: on Doorlooptijden at 360 px the p90 label, drawn left of its line near the right
    // edge, sat in the second label row, which lay below the top of the lines: the median's dashed
    // line ran through "p90 30 mnd". Both label rows now lie above the lines.
    // (And with the plain words that replaced "p90" since a review: "1 op 10 langer dan 30 mnd",
    // longer; it must not cross a line either.)
    for p90 in ["p90 30 mnd", "1 op 10 langer dan 30 mnd", "1 in 10 longer than 30 mo"] {
    let bins = (0..12).map(|i| Bin { lo: f64::from(i) * 3.0, hi: f64::from(i + 1) * 3.0, count: 100 + i as u64 * 10, label: format!("{}–{} mnd", i * 3, (i + 1) * 3), suppressed: false }).collect();
    let h = HistogramChart {
        meta: meta("hist2", false),
        x_label: "doorlooptijd in maanden".into(),
        y_label: "adressen".into(),
        bins,
        lines: vec![VLine { x: 7.7, label: "mediaan 23 mnd".into() }, VLine { x: 10.0, label: p90.into() }],
        style: 0,
        stats: Vec::new(),
    };
    let svg = chart_svg(&Chart::Histogram(h), 340, 360, Lang::Nl).unwrap();
    // The percentile lines: dashed, 2 px, vertical; their tops.
    let line_top = svg
        .split("<polyline")
        .skip(1)
        .filter(|p| p.contains(r#"stroke-width="2""#))
        .filter_map(|p| {
            let pts: Vec<(i32, i32)> = p.split("points=\"").nth(1)?.split('"').next()?.split_whitespace().filter_map(|xy| xy.split_once(',').and_then(|(x, y)| Some((x.parse().ok()?, y.parse().ok()?)))).collect();
            (pts.len() == 2 && pts[0].0 == pts[1].0).then(|| pts[0].1.min(pts[1].1))
        })
        .min()
        .unwrap();
    let labels: Vec<_> = texts_of(&svg).into_iter().filter(|t| t.3 == "mediaan 23 mnd" || t.3 == p90).collect();
    assert_eq!(labels.len(), 2);
    for (_, y, height, text) in &labels {
        assert!(y + height <= f64::from(line_top), "{text}: from {y} to {} reaches below the lines' top {line_top}", y + height);
    }
    }
}

/// The printed page puts a chart's SVG into the document as markup (ui/chart_frame.rs, "Paper"),
/// so every data string in it must arrive as text: plotters escapes what it writes.
#[test]
fn data_strings_in_the_svg_are_text_not_markup() {
    let evil = "<img src=x onerror=alert(1)> & \"Zeerijp\"";
    let mut series = Series { key: "s".into(), label: evil.into(), style: 0, kind: SeriesKind::Line, points: vec![point("2024-06-30", 10.0, 0), point("2024-12-31", 20.0, 0)] };
    series.points[1].label = evil.into();
    let chart = TimeChart {
        meta: ChartMeta { title: evil.into(), source_line: evil.into(), ..meta("escape", false) },
        y_label: evil.into(),
        unit: Unit::Addresses,
        series: vec![series],
        markers: vec![Marker { date: Date::parse("2024-09-01").unwrap(), kind: EventKind::DefinitionChange, text: evil.into(), source: evil.into(), number: 1 }],
        references: Vec::new(),
    };
    let svg = chart_svg(&Chart::Time(chart), 700, 400, Lang::Nl).unwrap();
    assert!(!svg.contains("<img"), "markup from data: {svg}");
    assert!(svg.contains("&lt;img"), "the data string is there, escaped");
    // Every element in the picture is one plotters writes.
    let tags: std::collections::BTreeSet<&str> = svg.split('<').skip(1).filter_map(|s| s.split([' ', '>', '/', '\n']).next()).filter(|t| !t.is_empty()).collect();
    assert!(tags.iter().all(|t| ["svg", "rect", "line", "polyline", "polygon", "circle", "text", "path", "g", "tspan", "?xml"].contains(t)), "{tags:?}");
}

/// A stacked bar chart of counts: (key, label) per category, counts per series.
fn stacked(id: &str, categories: &[(&str, &str)], series: Vec<BarSeries>, horizontal: bool, unit: &str) -> BarChart {
    BarChart {
        meta: meta(id, false),
        category_keys: categories.iter().map(|c| c.0.to_string()).collect(),
        categories: categories.iter().map(|c| c.1.to_string()).collect(),
        series,
        layout: BarLayout::Stacked,
        horizontal,
        value_label: unit.into(),
        fixed_max: None,
    }
}

/// Regression: in a narrow horizontal bar chart (the gemeente page's four columns at 1920 px) the
/// value labels ran into each other ("15.00020.000"). Now there are only as many as fit.
#[test]
fn value_labels_of_a_narrow_bar_chart_do_not_run_into_each_other() {
    let categories = [("Agrarisch", "Agrarisch"), ("Dorpshuizen", "Dorpshuizen"), ("Eigen initiatief", "Eigen initiatief"), ("geen", "geen bijzondere categorie")];
    let counts = [3, 2, 40, 15_700].iter().map(|&v| Some(suppressed_count(v, Lang::Nl))).collect();
    let chart = stacked("cat", &categories, vec![BarSeries { key: "n".into(), label: "adressen".into(), style: 0, values: counts }], true, "adressen");
    for width in [300, 340, 400, 700] {
        let c = Chart::Bars(chart.clone());
        let svg = chart_svg(&c, width, versterkingsmonitor::charts::height_for(&c, width), Lang::Nl).unwrap();
        // The value labels: the numbers on the axis row, the lowest row of numbers (a thin bar's
        // own number sits beside the bar, higher up).
        let numbers: Vec<_> = texts_of(&svg).into_iter().filter(|t| !t.3.is_empty() && t.3.chars().all(|c| c.is_ascii_digit() || c == '.')).collect();
        let axis_y = numbers.iter().map(|t| t.1).fold(f64::MIN, f64::max);
        let mut labels: Vec<(i32, i32)> = numbers
            .into_iter()
            .filter(|t| t.1 == axis_y)
            .map(|(x, _, size, text)| (x as i32, x as i32 + estimated_width(&text, size)))
            .collect();
        labels.sort();
        assert!(labels.len() >= 2, "at least 0 and one more value at {width} px: {labels:?}");
        for pair in labels.windows(2) {
            assert!(pair[0].1 + 4 <= pair[1].0, "value labels overlap at {width} px: {labels:?}");
        }
    }
}

/// Regression: in a stacked bar every part under 5 drew its own "< 5" at the same place, on top
/// of each other and under the next part's bar (the batch chart of the gemeente page). Now only a
/// stack too thin to see is labelled, once: "×" (hidden) for one or several hidden parts, "≥ n"
/// for drawn parts beside them. The table gives every part. (The labels were "< 5" and "each
/// < 5": the one mark of a hidden count is now "×" on every page, see `format::HIDDEN`.)
#[test]
fn a_stack_with_parts_under_five_says_so_once() {
    let marks = |chart: BarChart, width, height, keep: fn(&str) -> bool| -> Vec<String> {
        texts_of(&chart_svg(&Chart::Bars(chart), width, height, Lang::En).unwrap()).into_iter().map(|t| t.3).filter(|t| keep(t)).collect()
    };
    let under_five: fn(&str) -> bool = |t| t.contains('×') || t.contains("< 5");
    let part = |key: &str, style, values: [u64; 3]| BarSeries { key: key.into(), label: key.into(), style, values: values.iter().map(|&v| Some(suppressed_count(v, Lang::En))).collect() };
    for horizontal in [true, false] {
        let batches = [("LPA2023", "LPA2023"), ("HRA2018", "HRA2018"), ("LPA2021", "LPA2021")];
        let series = vec![part("fase 1", 0, [2, 400, 3]), part("fase 2", 1, [30, 900, 0]), part("fase 3", 2, [3, 1200, 4]), part("fase 4", 3, [4, 800, 0])];
        let chart = stacked("batch", &batches, series, horizontal, "addresses");
        assert_eq!(marks(chart.clone(), 600, 320, under_five), ["×"], "LPA2021 only, once (horizontal: {horizontal})");
        // A stack with a single part under 5 and nothing else says "×" too.
        let mut one = chart;
        one.series.truncate(1);
        assert_eq!(marks(one, 600, 320, under_five), ["×", "×"], "LPA2023 and LPA2021 (horizontal: {horizontal})");
    }
    // A stack too thin to see (114 of 15,000 addresses, in the gemeente page's narrow column) says
    // what it holds; the parts under 5 make it "at least".
    let categories = [("zorg", "Zorg"), ("scholen", "Scholen"), ("geen", "geen bijzondere categorie")];
    let series = vec![part("fase 1", 0, [2, 3, 4]), part("fase 4", 3, [20, 0, 3000]), part("fase 5", 4, [13, 0, 1500]), part("fase 6", 5, [81, 21, 10_500])];
    let chart = stacked("categorie", &categories, series, true, "addresses");
    assert_eq!(marks(chart, 340, 260, |t| t.starts_with('≥')), ["≥ 114", "≥ 21"]);
}

#[test]
fn a_value_the_source_gave_roughly_is_an_open_marker_with_a_legend_item() {
    // Regression: "ruim 5.000" (Eemsdelta, 2023) and "zo'n 18.000" (2019) were drawn as ordinary
    // points; only the tooltip and the table said "bij benadering".
    let mut rough = point("2023-02-15", 5000.0, 0);
    rough.provenance.flag = Flag::Approximate;
    let chart = TimeChart {
        meta: meta("ruw", false),
        y_label: "adressen".into(),
        unit: Unit::Addresses,
        series: vec![Series { key: "voldoet_norm".into(), label: "Voldoet".into(), style: 0, kind: SeriesKind::Line, points: vec![point("2022-02-15", 4000.0, 0), rough] }],
        markers: Vec::new(),
        references: Vec::new(),
    };
    let svg = chart_svg(&Chart::Time(chart.clone()), 800, 450, Lang::Nl).unwrap();
    assert!(texts_of(&svg).iter().any(|t| t.3 == "open punt: bij benadering in de bron"), "{:?}", texts_of(&svg));
    // The open marker: the series' shape with a white inside over it.
    // The open marker: the series' shape (a circle) with a white inside, once in the legend and
    // once on the rough value; the exact value stays a filled dot.
    let open = |svg: &str| svg.lines().filter(|l| l.contains("<circle") && l.contains("r=\"2\"") && l.contains("fill=\"#FFFFFF\"")).count();
    assert_eq!(open(&svg), 2, "{svg}");
    let en = chart_svg(&Chart::Time(chart.clone()), 800, 450, Lang::En).unwrap();
    assert!(texts_of(&en).iter().any(|t| t.3 == "open marker: approximate in the source"));
    // Regression: the table and its CSV wrote the rough value as "5.000" (only the last column
    // said "benadering in bron"), and the value's header had no unit.
    let table = chart.table(Lang::Nl);
    assert_eq!(table.columns[2].label, "Waarde (adressen)");
    assert_eq!(table.rows[1].cells[2].text, "≈ 5.000");
    assert_eq!(table.rows[0].cells[2].text, "4.000");
    let csv = table.to_csv(false, Lang::Nl);
    // (Since then the "≈" is in the column beside the value, which stays a number: "≈ 5000" was
    // text to a spreadsheet.)
    let read = versterkingsmonitor::analysis::table::read_download(&csv);
    let rough = read.1.iter().find(|r| r.get(1).is_some_and(|p| p == "2023-02-15")).cloned().unwrap_or_default();
    assert_eq!(read.0[2..4], ["Waarde (adressen)", "Waarde (adressen) – toelichting"], "{csv}");
    assert_eq!(rough[2..4], ["5000", "≈ (benadering in bron)"], "{csv}");
    // Regression: the CSV wrote the date as shown ("15 februari 2023"), text a spreadsheet cannot
    // sort; it has the archive's ISO date.
    assert!(csv.contains(",2023-02-15,") && !csv.contains("februari"), "{csv}");
    // Regression: a value's note (in its tooltip) was not in the CSV at all. The chart's CSV has
    // it in a last column, "Toelichting".
    let mut noted = chart.clone();
    noted.series[0].points[1].provenance.note = "Gemeente: 'ruim 5.000'.".into();
    let csv = Chart::Time(noted).csv(Lang::Nl, "");
    assert!(csv.lines().any(|l| l.ends_with(",Toelichting")), "{csv}");
    assert!(csv.contains("Gemeente: 'ruim 5.000'."), "{csv}");
    // (The tooltip says it in its kind line, "benadering in bron"; a "≈" before the label stood
    // before the series' name: "≈ Werkvoorraad: 18.000 adressen".)
    // Without a rough value, no such legend item.
    let mut exact = chart;
    exact.series[0].points[1].provenance.flag = Flag::Published;
    let svg = chart_svg(&Chart::Time(exact), 800, 450, Lang::Nl).unwrap();
    assert!(!svg.contains("bij benadering"));
    assert_eq!(open(&svg), 0);
}

#[test]
fn overlapping_spans_of_two_publishers_do_not_mix_into_a_colour_outside_the_legend() {
    // Regression: SodM's and NCG's periods of 2020 overlap on the Trends flow chart; both were
    // drawn as 30% fills, which mixed into a grey that the legend did not have. The second style is
    // hatched (as its legend item), so the first shows through it.
    let span = |from: &str, to: &str, v: f64| {
        let mut p = point(to, v, 0);
        p.start = Date::parse(from).unwrap();
        p
    };
    let series = |key: &str, style: usize| Series { key: key.into(), label: key.into(), style, kind: SeriesKind::Span, points: vec![span("2020-01-01", "2020-06-30", 50.0)] };
    let chart = TimeChart { meta: meta("spans", false), y_label: "adressen per maand".into(), unit: Unit::Addresses, series: vec![series("sodm", 0), series("ncg", 1)], markers: Vec::new(), references: Vec::new() };
    let svg = chart_svg(&Chart::Time(chart), 800, 450, Lang::Nl).unwrap();
    let fills = svg.lines().filter(|l| l.contains("<rect") && l.contains("opacity=\"0.3\"")).count();
    // The first style's bar and its legend swatch (drawn as the bar is: light fill, strong top);
    // the second style has no fill of its own, in the chart or the legend.
    assert_eq!(fills, 2, "translucent fills only for the first style");
    let hatching = svg.lines().filter(|l| l.contains("opacity=\"0.6\"")).count();
    assert!(hatching > 5, "the second style's hatching ({hatching} lines)");
}

/// A time chart of one period bar (`p`, a span) in one series, in addresses per month.
fn one_bar_chart(id: &str, key: &str, label: &str, p: Point) -> TimeChart {
    TimeChart {
        meta: meta(id, false),
        y_label: "adressen per maand".into(),
        unit: Unit::Addresses,
        series: vec![Series { key: key.into(), label: label.into(), style: 0, kind: SeriesKind::Span, points: vec![p] }],
        markers: Vec::new(),
        references: Vec::new(),
    }
}

#[test]
fn a_rough_period_bar_has_an_open_marker_and_its_legend_item() {
    // Regression, twice: Trends' planvorming chart first showed "open punt: bij benadering in de
    // bron" over bars only (NCG's "ruim 4000" of 2020), with no open marker anywhere in the chart;
    // then the legend item was dropped and the rough bar looked as exact as the others (only its
    // tooltip and table said "bij benadering"). A rough bar now has an open marker on its top, and
    // the legend item is there because of it; an exact bar has neither.
    let mut p = point("2020-12-31", 333.3, 0);
    p.start = Date::parse("2020-01-01").unwrap();
    p.provenance.flag = Flag::Approximate;
    let chart = one_bar_chart("ruwe-balk", "planvorming", "Planvorming", p);
    let open = |svg: &str| svg.lines().filter(|l| l.contains("<circle") && l.contains("r=\"2\"") && l.contains("fill=\"#FFFFFF\"")).count();
    let svg = chart_svg(&Chart::Time(chart.clone()), 800, 450, Lang::Nl).unwrap();
    assert!(texts_of(&svg).iter().any(|t| t.3 == "open punt: bij benadering in de bron"), "{:?}", texts_of(&svg));
    assert_eq!(open(&svg), 2, "one in the legend, one on the bar: {svg}");
    // Regression: the table called a period's count drawn as a monthly rate "gepubliceerd" (SodM's
    // 83 in 2017 as 6,9, with no unit).
    let table = chart.table(Lang::Nl);
    assert_eq!(table.columns[2].label, "Waarde (adressen per maand)");
    assert_eq!(table.rows[0].cells[5].text, "benadering in bron; omgerekend naar een aantal per maand");
    let mut exact = chart;
    exact.series[0].points[0].provenance.flag = Flag::Published;
    let svg = chart_svg(&Chart::Time(exact), 800, 450, Lang::Nl).unwrap();
    assert!(!svg.contains("bij benadering"));
    assert_eq!(open(&svg), 0);
}

#[test]
fn a_small_rate_keeps_its_bar_top_clear_of_the_axis() {
    // Regression: SodM's 1 a month over the first quarter of 2020, on the Trends flow chart beside
    // bars of hundreds, drew its 3 px top line on the axis, half under it: no bar to be seen. A
    // rate above zero keeps its top 3 px above the axis; a zero stays on it.
    let span = |from: &str, to: &str, v: f64| {
        let mut p = point(to, v, 0);
        p.start = Date::parse(from).unwrap();
        p
    };
    let points = vec![span("2019-07-01", "2019-12-31", 0.0), span("2020-01-01", "2020-03-31", 1.0), span("2020-04-01", "2020-06-30", 900.0)];
    let chart = TimeChart { meta: meta("klein", false), y_label: "adressen per maand".into(), unit: Unit::Addresses, series: vec![Series { key: "sodm".into(), label: "SodM".into(), style: 0, kind: SeriesKind::Span, points }], markers: Vec::new(), references: Vec::new() };
    let svg = chart_svg(&Chart::Time(chart), 360, 300, Lang::Nl).unwrap();
    // The top lines (3 px strokes), left to right, by their y.
    let mut tops: Vec<(f64, f64)> = svg
        .lines()
        .filter(|l| l.contains("stroke-width=\"3\"") && l.contains("points=\""))
        .filter_map(|l| {
            let pts = l.split("points=\"").nth(1)?.split('"').next()?;
            let first = pts.split_whitespace().next()?;
            let (x, y) = first.split_once(',')?;
            Some((x.parse().ok()?, y.parse().ok()?))
        })
        .collect();
    tops.sort_by(|a, b| a.0.total_cmp(&b.0));
    let ys: Vec<f64> = tops.iter().map(|t| t.1).collect();
    assert!(ys.len() >= 3, "{svg}");
    let n = ys.len();
    let (zero, one) = (ys[n - 3], ys[n - 2]);
    assert!(one <= zero - 3.0, "the rate of 1 at y {one}, the axis at {zero}");
}

#[test]
fn a_derived_period_bar_and_a_derived_bar_have_an_open_square_and_its_legend_item() {
    // Regression: the Trends flow chart drew NCG's "veilig verklaard" per period of 2022–2024,
    // each the difference of two published stands (derived by us), exactly like the one period
    // NCG published (2025); in a downloaded PNG or SVG nothing said which bars NCG never printed.
    // The targets chart did the same with "2.250 (afgeleid)".
    let mut p = point("2024-04-30", 901.0, 0);
    p.start = Date::parse("2024-04-01").unwrap();
    p.provenance.flag = Flag::Derived;
    let chart = one_bar_chart("afgeleide-balk", "veilig_verklaard", "Veilig verklaard", p);
    // An open square: a white square inside a dark one.
    let squares = |svg: &str| svg.lines().filter(|l| l.contains("<rect") && l.contains("fill=\"#FFFFFF\"") && !l.contains("width=\"800\"") && !l.contains("width=\"600\"")).count();
    let svg = chart_svg(&Chart::Time(chart.clone()), 800, 450, Lang::Nl).unwrap();
    assert!(texts_of(&svg).iter().any(|t| t.3 == "open vierkant: afgeleid, door ons berekend uit gepubliceerde cijfers"), "{:?}", texts_of(&svg));
    assert_eq!(squares(&svg), 2, "one in the legend, one on the bar: {svg}");
    let en = chart_svg(&Chart::Time(chart.clone()), 800, 450, Lang::En).unwrap();
    assert!(texts_of(&en).iter().any(|t| t.3 == "open square: derived, computed by us from published figures"));
    let mut published = chart;
    published.series[0].points[0].provenance.flag = Flag::Published;
    let svg = chart_svg(&Chart::Time(published), 800, 450, Lang::Nl).unwrap();
    assert!(!svg.contains("afgeleid, door ons"));
    assert_eq!(squares(&svg), 0);
}

/// Regression: on a 1920 px meeting-room screen the Gemeenten comparison (four bars per gemeente:
/// werkvoorraad, opname, beoordeling, voldoet) drew each bar 5 px thick, unreadable from across
/// the room: every band was 34 px high whatever the number of bars in it. A band of grouped bars
/// now grows with the bars in it and with the chart's width; a chart of one series keeps its
/// height, and a phone's bars are no thinner than before.
#[test]
fn grouped_horizontal_bars_are_thick_enough_to_read_on_a_wide_screen() {
    use plotters::prelude::IntoDrawingArea;
    use versterkingsmonitor::analysis::bar_chart::BarValue;
    let names = ["Eemsdelta", "Groningen", "Het Hogeland", "Midden-Groningen", "Oldambt"];
    let value = |v: f64| Some(BarValue { value: v, display: format!("{v}"), suppressed: false, provenance: None, qualifier: None });
    let series: Vec<BarSeries> = ["Werkvoorraad", "Opname", "Beoordeling", "Voldoet"]
        .iter()
        .enumerate()
        .map(|(i, l)| BarSeries { key: format!("s{i}"), label: (*l).into(), style: i, values: names.iter().map(|_| value(1000.0 * (i + 1) as f64)).collect() })
        .collect();
    let chart = BarChart {
        meta: meta("gemeenten-overzicht", false),
        category_keys: names.iter().map(|n| (*n).to_string()).collect(),
        categories: names.iter().map(|n| (*n).to_string()).collect(),
        series,
        layout: BarLayout::Grouped,
        horizontal: true,
        value_label: "adressen".into(),
        fixed_max: None,
    };
    // The thickness of a bar as drawn on screen at `width`: the distance between two bars of one
    // gemeente (their hits are at the middle of each bar).
    let thickness = |c: &BarChart, width: u32| {
        let chart = Chart::Bars(c.clone());
        let height = versterkingsmonitor::charts::height_for(&chart, width);
        let mut sink = String::new();
        let area = plotters::prelude::SVGBackend::with_string(&mut sink, (width, height)).into_drawing_area();
        let hits = versterkingsmonitor::charts::draw(&area, &chart, &versterkingsmonitor::charts::theme::Theme::for_width(width), Lang::Nl).unwrap();
        let y = |s: usize| hits.iter().find(|h| h.series == s && h.point == 0).map(|h| h.y).unwrap();
        (y(1) - y(0), height)
    };
    // The chart's width on a 1920 px screen (1.684 px), on a 1280 px laptop, on paper, on a phone.
    let (wide, tall) = thickness(&chart, 1684);
    assert!(wide >= 12, "bars {wide} px thick at 1920 px");
    assert!(tall <= 450, "the chart's plot fits the first screen at 1920×1080: {tall} px");
    assert!(thickness(&chart, 1230).0 >= 9, "a laptop's bars");
    assert!(thickness(&chart, 700).0 >= 7, "paper's bars");
    let (phone, phone_h) = thickness(&chart, 328);
    assert!(phone >= 7 && phone_h <= 320, "a phone's bars {phone} px, chart {phone_h} px");
    // One series: 34 px a band, as before (the gemeente page's charts fit one screen).
    let one = BarChart { series: chart.series[..1].to_vec(), ..chart.clone() };
    assert_eq!(versterkingsmonitor::charts::height_for(&Chart::Bars(one), 1684), 5 * 34 + 90);
}

/// Regression: on the forecast chart (Trends) the last observed stand, 31 December 2024, was hidden
/// under the start of the pink "nodig" line (the pace needed to be done by the end of 2028), which
/// starts at that point and was drawn after it. Estimates are drawn first now: in the picture the
/// observed point's marker comes after (on top of) every estimated line and marker that starts
/// there, and a pointer on that point names the observed stand.
#[test]
fn the_last_observed_point_is_drawn_over_the_estimated_lines_that_start_there() {
    use plotters::prelude::IntoDrawingArea;
    use versterkingsmonitor::analysis::filters::Filters;
    use versterkingsmonitor::analysis::trends::{flow_chart, forecast_chart};
    let (a, _) = common::bundled_archive();
    let trend = flow_chart::completed_trend(&a, Vintage::Latest, Lang::Nl).map(|(_, t)| t);
    let f = forecast_chart::build(&a, &Filters::default(), 2028, trend.as_ref(), Lang::Nl);
    let series = |key: &str| f.chart.series.iter().position(|s| s.key == key).unwrap_or_else(|| panic!("series {key}"));
    let (observed, needed) = (series("nog-te-doen"), series("nodig"));
    let last = f.chart.series[observed].points.len() - 1;
    assert_eq!(f.chart.series[observed].points[last].start, f.chart.series[needed].points[0].start, "the needed line starts at the last stand");
    let chart = Chart::Time(f.chart.clone());
    let mut svg = String::new();
    let hits = {
        let area = plotters::prelude::SVGBackend::with_string(&mut svg, (960, 540)).into_drawing_area();
        let hits = versterkingsmonitor::charts::draw(&area, &chart, &versterkingsmonitor::charts::theme::Theme::export(), Lang::Nl).unwrap();
        area.present().unwrap();
        hits
    };
    let hit = |s: usize, p: usize| hits.iter().find(|h| h.series == s && h.point == p).copied().unwrap();
    let (stand, start) = (hit(observed, last), hit(needed, 0));
    assert_eq!((stand.x, stand.y), (start.x, start.y), "one place");
    // The observed series' markers are circles; where the circle of the last stand is in the
    // document, against the last element drawn from that place by any estimated series (a line
    // through it, the needed line's diamond).
    let circle = svg.find(&format!("<circle cx=\"{}\" cy=\"{}\"", stand.x, stand.y)).unwrap_or_else(|| panic!("no circle at {stand:?}"));
    let at = format!("{},{}", stand.x, stand.y);
    let estimated = svg.match_indices(&at).map(|(i, _)| i).filter(|&i| svg[..i].rfind('<').is_some_and(|t| svg[t..].starts_with("<polyline") || svg[t..].starts_with("<polygon"))).max();
    let estimated = estimated.expect("estimated lines start at the stand");
    assert!(circle > estimated, "the observed point (at {circle}) is drawn under an estimate (at {estimated})");
    // A pointer on the shared place finds the observed point first.
    assert_eq!(hits.iter().position(|h| (h.x, h.y) == (stand.x, stand.y)).map(|i| hits[i].series), Some(observed));
}

/// Regression (review): the forecast chart's key said "Bij het tempo van 2025 (190 per maand)" of
/// a line that fell by about 170 a month, and "(272 per maand)" of one that fell by about 250: the
/// lines are drawn at the pace minus the werkvoorraad's growth. The key now gives that net pace
/// too, and it is the slope of the line as drawn.
#[test]
fn a_pace_lines_key_gives_the_net_pace_it_is_drawn_at() {
    use versterkingsmonitor::analysis::filters::Filters;
    use versterkingsmonitor::analysis::trends::{flow_chart, forecast_chart};
    let (a, _) = common::bundled_archive();
    let trend = flow_chart::completed_trend(&a, Vintage::Latest, Lang::Nl).map(|(_, t)| t);
    let f = forecast_chart::build(&a, &Filters::default(), 2028, trend.as_ref(), Lang::Nl);
    let mut checked = 0;
    for s in f.chart.series.iter().filter(|s| s.key.starts_with("tempo-") || s.key == "nodig") {
        let (first, last) = (&s.points[s.points.len() - 2], &s.points[s.points.len() - 1]);
        let months = first.start.days_until(last.start) as f64 / (365.25 / 12.0);
        let slope = (first.value - last.value) / months;
        let net: f64 = s.label.split("netto ").nth(1).and_then(|r| r.trim_end_matches(')').replace('.', "").parse().ok()).unwrap_or_else(|| panic!("no net pace in {:?}", s.label));
        assert!((slope - net).abs() <= 0.03 * net + 2.0, "{}: drawn at {slope:.0} a month", s.label);
        checked += 1;
    }
    assert_eq!(checked, 3, "two paces and the pace needed");
    // The scenario in which everything left is reinforced (a third review: no forecast without
    // the 'op norm' that made 2024's pace): drawn at its net pace as well, dashed like every
    // estimate (the second pace's line was solid, as observed lines are).
    let b = f.chart.series.iter().find(|s| s.key == "versterken").expect("the building scenario's line");
    let (first, last) = (&b.points[b.points.len() - 2], &b.points[b.points.len() - 1]);
    let slope = (first.value - last.value) / (first.start.days_until(last.start) as f64 / (365.25 / 12.0));
    let net = f.building.as_ref().map(|(_, p, _)| p.net).expect("its projection");
    assert!((slope - net).abs() <= 0.03 * net + 2.0, "{}: drawn at {slope:.0} a month, net {net:.0}", b.label);
    for s in f.chart.series.iter().filter(|s| s.key != "nog-te-doen") {
        assert!(versterkingsmonitor::charts::theme::dash(s.style).is_some(), "{} is solid", s.label);
    }
    let en = forecast_chart::build(&a, &Filters::default(), 2028, trend.as_ref(), Lang::En);
    assert!(en.chart.series.iter().any(|s| s.label.contains("per month; net ")), "{:?}", en.chart.series.iter().map(|s| &s.label).collect::<Vec<_>>());
}

/// Regression (a fourth review, on a meeting-room screen): on Gemeenten, the row of a gemeente
/// without any published figure (Midden-Groningen) was simply empty and read as zero. It now
/// says "niet gepubliceerd" where its bars would start.
#[test]
fn a_bar_row_without_figures_says_not_published() {
    use versterkingsmonitor::analysis::drilldown::comparison;
    let (a, _) = common::bundled_archive();
    let rows = comparison::all(&a, Vintage::Latest, Lang::Nl);
    let chart = comparison::overview_chart(&a, &rows, Lang::Nl);
    let empty = chart.categories.iter().enumerate().filter(|(i, _)| chart.series.iter().all(|s| s.values.get(*i).is_none_or(Option::is_none))).count();
    assert!(empty > 0, "a gemeente without figures");
    let svg = chart_svg(&Chart::Bars(chart), 1200, 700, Lang::Nl).expect("draws");
    assert_eq!(svg.matches(">\nniet gepubliceerd\n<").count(), empty, "one per empty row");
    let en = chart_svg(&Chart::Bars(comparison::overview_chart(&a, &comparison::all(&a, Vintage::Latest, Lang::En), Lang::En)), 1200, 700, Lang::En).expect("draws");
    assert!(en.contains(">\nnot published\n<"));
}
