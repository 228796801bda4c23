//! "Hoeveel adressen voldoen aan de veiligheidsnorm?" — the werkvoorraad and the stock of
//! addresses that meet the safety norm, split in its three published parts. The first chart of
//! the app (the proof of the stack) and the headline of the Overzicht.

use super::chart::ChartMeta;
use super::provenance;
use super::select::{series, Vintage};
use super::time_chart::{Point, Series, SeriesKind, TimeChart};
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::measure::Unit;
use crate::data::observation::Flag;
use crate::i18n::{format, texts, Lang};

/// Measure codes in drawing order.
pub const MEASURES: [&str; 5] = ["werkvoorraad", "voldoet_norm", "voldoet_op_norm", "voldoet_versterkt", "voldoet_andere_reden"];

pub fn build(archive: &Archive, breakdown: &Breakdown, vintage: Vintage, lang: Lang) -> TimeChart {
    let t = &texts(lang).norm;
    let mut out = Vec::new();
    for (style, code) in MEASURES.iter().enumerate() {
        let Some(m) = archive.measure_by_code(code) else { continue };
        let obs = series(archive, code, breakdown, vintage);
        let points: Vec<Point> = obs
            .iter()
            .filter(|o| o.period.is_date())
            .filter_map(|o| {
                let v = o.value?;
                let d = o.period.end();
                Some(Point {
                    start: d,
                    end: d,
                    value: v,
                    label: format!("{}: {} {}", m.label(lang), format::int(v, lang), t.addresses),
                    period_label: format::date(d, lang),
                    segment: super::trends::markers::definition_segment(archive, code, d),
                    provenance: provenance::of(archive, o, lang),
                })
            })
            .collect();
        if points.is_empty() {
            continue;
        }
        out.push(Series { key: (*code).to_string(), label: m.label(lang).to_string(), style, kind: SeriesKind::Line, points });
    }
    // The events on these figures, as on the Trends charts; a check of them announced after the
    // last value (the ACVG's of June 2026) is kept as a note under the chart.
    let markers = crate::analysis::time_chart::data_range(&out).map(|(a, b)| super::trends::markers::for_measures(archive, &MEASURES, a, b, lang)).unwrap_or_default();
    let provs: Vec<_> = out.iter().flat_map(|s| s.points.iter().map(|p| &p.provenance)).collect();
    let source_line = provenance::source_line(archive, &provs, lang);
    let synthetic = provs.iter().any(|p| p.flag == Flag::Synthetic);
    let summary = summary(&out, lang);
    TimeChart {
        meta: ChartMeta {
            id: "voldoet-norm".into(),
            title: t.title.into(),
            summary,
            source_line,
            method: t.method.into(),
            synthetic,
            estimated: false,
        },
        y_label: t.addresses.into(),
        unit: Unit::Addresses,
        series: out,
        markers,
        references: Vec::new(),
    }
}

/// One sentence: the latest share meeting the norm, and the change over the year before.
fn summary(series: &[Series], lang: Lang) -> String {
    let t = &texts(lang).norm;
    let last = |key: &str| series.iter().find(|s| s.key == key).and_then(|s| s.points.last());
    let (Some(norm), Some(wv)) = (last("voldoet_norm"), last("werkvoorraad")) else {
        return texts(lang).shell.no_data.to_string();
    };
    let share = if wv.value > 0.0 { norm.value / wv.value * 100.0 } else { 0.0 };
    let earlier = series
        .iter()
        .find(|s| s.key == "voldoet_norm")
        .and_then(|s| s.points.iter().rev().find(|p| p.end.days_until(norm.end) >= 300));
    (t.summary)(
        &format::date(norm.end, lang),
        &format::int(norm.value, lang),
        &format::int(wv.value, lang),
        &format::pct(share, 1, lang),
        earlier.map(|e| (format::date(e.end, lang), format::int(e.value, lang))),
    )
}

#[cfg(test)]
mod definition_tests {
    use super::*;

    #[test]
    fn the_werkvoorraad_line_is_broken_where_the_scope_was_extended() {
        // Regression: the line joined SodM's "zo'n 18.000" (June 2019) to "ongeveer 26.250" (end
        // of 2019) as if the operation had grown, where the minister had added every address
        // inspected before (SodM 2019-2020 L564-570; gebeurtenissen.csv 2019-12-31).
        let archive = crate::analysis::derive::tests::bundled();
        let chart = build(archive, &Breakdown::default(), Vintage::Latest, Lang::Nl);
        let wv = chart.series.iter().find(|s| s.key == "werkvoorraad").unwrap_or_else(|| panic!("werkvoorraad"));
        let seg = |d: &str| wv.points.iter().find(|p| p.end.to_string() == d).map(|p| p.segment);
        assert_eq!(seg("2019-06-26"), Some(0));
        assert_eq!(seg("2019-12-31"), Some(1));
        assert_eq!(seg("2024-12-31"), Some(1), "one break only");
    }
}
