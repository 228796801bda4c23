//! "Waar staan de adressen?" — a cumulative-flow chart: the werkvoorraad and, below it, how many
//! addresses had reached each step by each peildatum. The vertical gap between two lines is the
//! queue between two steps: the "stuwmeer" before execution that the housing associations
//! complained about (SodM 2019-2020, seed 000 L2141-2144).

use super::levels::{self, How, Level};
use super::markers;
use super::sorting::{sort_by_key, sort_unique};
use crate::analysis::filters::Filters;
use crate::analysis::provenance;
use crate::analysis::time_chart::{Point, Series, SeriesKind, TimeChart};
use crate::data::archive::Archive;
use crate::data::date::Date;
use crate::data::observation::Flag;
use crate::data::measure::Unit;
use crate::i18n::{format, texts, Lang};

/// One line of the chart: a measure, and how else its level can be computed.
struct Line {
    key: &'static str,
    /// Sums of stocks (NCG's phases) that equal this level.
    sums: &'static [&'static [&'static str]],
    /// A stock that, subtracted from the werkvoorraad, gives this level.
    complement: Option<&'static str>,
}

/// In process order, from the werkvoorraad down to "voldoet aan de norm".
const LINES: &[Line] = &[
    Line { key: "werkvoorraad", sums: &[], complement: None },
    Line { key: "opname", sums: &[&["fase_3", "fase_4", "fase_5", "fase_6"]], complement: Some("nog_op_te_nemen") },
    Line { key: "beoordeling", sums: &[&["fase_4", "fase_5", "fase_6"]], complement: Some("nog_te_beoordelen") },
    Line { key: "project_vastgesteld", sums: &[], complement: None },
    Line { key: "planvorming_gestart", sums: &[], complement: Some("niet_in_planvorming") },
    Line { key: "versterkingsbesluit", sums: &[&["fase_5", "fase_6"]], complement: None },
    Line { key: "uitvoering_gereed", sums: &[], complement: None },
    Line { key: "traject_afgerond", sums: &[&["fase_6"]], complement: None },
    Line { key: "voldoet_norm", sums: &[], complement: None },
];

/// Levels per line: published first; computed levels only on dates without a published one.
/// Levels dated before a measure's definition started go to the measure it replaced.
pub fn lines(archive: &Archive, filters: &Filters, lang: Lang) -> Vec<(String, String, Vec<Level>)> {
    let t = &texts(lang).trends;
    let bd = filters.breakdown();
    let mut out: Vec<(String, String, Vec<Level>)> = Vec::new();
    for l in LINES {
        let Some(m) = archive.measure_by_code(l.key) else { continue };
        let mut pts = levels::published(archive, l.key, &bd, filters.vintage, lang);
        let mut extra = levels::reconstructed(archive, l.key, &bd, lang);
        for s in l.sums {
            extra.extend(levels::sum_of(archive, s, &bd, lang));
        }
        if let Some(c) = l.complement {
            extra.extend(levels::complement(archive, "werkvoorraad", c, &bd, lang));
        }
        for e in extra {
            if !pts.iter().any(|p| p.date == e.date) {
                pts.push(e);
            }
        }
        out.push((l.key.to_string(), m.label(lang).to_string(), pts));
    }
    // Definition breaks: move levels dated before `valid_from` to the replaced measure.
    for i in 0..out.len() {
        let Some(m) = archive.measure_by_code(&out[i].0) else { continue };
        let (Some(from), Some(old)) = (m.valid_from, m.replaces.as_deref()) else { continue };
        let Some(j) = out.iter().position(|(k, _, _)| k == old) else { continue };
        let note = (t.note_old_name)(&out[i].1, &out[j].1);
        let (moved, kept): (Vec<Level>, Vec<Level>) = std::mem::take(&mut out[i].2).into_iter().partition(|l| l.date < from);
        out[i].2 = kept;
        for mut l in moved {
            if !out[j].2.iter().any(|p| p.date == l.date) {
                l.provenance.note = if l.provenance.note.is_empty() { note.clone() } else { format!("{note} {}", l.provenance.note) };
                out[j].2.push(l);
            }
        }
    }
    for (_, _, pts) in &mut out {
        pts.retain(|p| filters.in_period(p.date));
        sort_by_key(pts, |p| p.date);
        contradicted(pts, lang);
    }
    out
}

/// A level we derived that lies above a published level of a later date (a count of addresses
/// that reached a step cannot fall) says so in its note: NCG's annual report gives 600 completed
/// tracks in 2020, so its 1.768 at the end of 2020 puts the end of 2019 at 1.168, above the
/// 1.128 NCG published for 31 May 2020; the line went down there without a word. Both stay, as
/// published; the contradiction is also in the quality report (`StandsAbovePeriod`).
fn contradicted(pts: &mut [Level], lang: Lang) {
    let t = &texts(lang).trends;
    for i in 0..pts.len() {
        if pts[i].provenance.flag != Flag::Derived {
            continue;
        }
        let later = pts[i + 1..].iter().find(|p| matches!(p.provenance.flag, Flag::Published | Flag::Approximate) && p.value < pts[i].value);
        if let Some(p) = later {
            let note = (t.level_contradicted)(&format::int(p.value, lang), &format::date(p.date, lang));
            let l = &mut pts[i].provenance.note;
            *l = if l.is_empty() { note } else { format!("{l} {note}") };
        }
    }
}

/// For each level, how many times the way it was computed changed before it between two computed
/// levels (a published level between them joins both).
fn derivation_breaks(pts: &[Level]) -> Vec<u32> {
    let mut n = 0u32;
    let mut out = Vec::with_capacity(pts.len());
    for (i, l) in pts.iter().enumerate() {
        if let Some(prev) = i.checked_sub(1).and_then(|j| pts.get(j)) {
            if prev.how != How::Published && l.how != How::Published && prev.how != l.how {
                n = n.saturating_add(1);
            }
        }
        out.push(n);
    }
    out
}

/// The biggest queue on the latest date with at least three lines: (date, count, upper, lower,
/// rough). `rough` when either line's value there was given only roughly by its source (Eemsdelta's
/// "ongeveer 6.300" minus "ruim 5.000" is no exact 4.515).
pub fn biggest_queue(lines: &[(String, String, Vec<Level>)]) -> Option<(Date, f64, String, String, bool)> {
    let mut dates: Vec<Date> = lines.iter().flat_map(|(_, _, p)| p.iter().map(|l| l.date)).collect();
    sort_unique(&mut dates);
    for d in dates.into_iter().rev() {
        let at: Vec<(&str, f64, bool)> = lines
            .iter()
            .filter_map(|(_, label, p)| p.iter().find(|l| l.date == d).map(|l| (label.as_str(), l.value, l.provenance.flag == Flag::Approximate)))
            .collect();
        if at.len() < 3 {
            continue;
        }
        return at
            .windows(2)
            .map(|w| (d, w[0].1 - w[1].1, w[0].0.to_string(), w[1].0.to_string(), w[0].2 || w[1].2))
            .max_by(|a, b| a.1.total_cmp(&b.1));
    }
    None
}

/// Build the cumulative-flow chart.
pub fn build(archive: &Archive, filters: &Filters, lang: Lang) -> TimeChart {
    let t = &texts(lang).trends;
    let lines = lines(archive, filters, lang);
    let summary = match biggest_queue(&lines) {
        Some((d, n, a, b, rough)) => (t.phases_summary)(&format::date(d, lang), &format::int_from(n, if rough { Flag::Approximate } else { Flag::Published }, lang), &a, &b),
        // Fewer than three lines on any date (a gemeente with only its werkvoorraad): the chart
        // still draws them, so the summary must not say there is nothing ("Geen gegevens" stood
        // above Groningen's line).
        None => {
            let drawn: Vec<&str> = lines.iter().filter(|(_, _, p)| !p.is_empty()).map(|(_, label, _)| label.as_str()).collect();
            if drawn.is_empty() { texts(lang).shell.no_data.to_string() } else { (t.phases_only)(&drawn.join(", ")) }
        }
    };
    let series: Vec<Series> = lines
        .iter()
        .enumerate()
        .filter(|(_, (_, _, p))| !p.is_empty())
        .map(|(i, (key, label, pts))| Series {
            key: key.clone(),
            label: label.clone(),
            style: i,
            kind: SeriesKind::Line,
            points: pts
                .iter()
                .zip(derivation_breaks(pts))
                .map(|(l, breaks)| Point {
                    start: l.date,
                    end: l.date,
                    value: l.value,
                    label: format!("{label}: {} {}", format::int(l.value, lang), t.addresses),
                    period_label: format::date(l.date, lang),
                    // Broken at a definition change, as on the Overzicht: this chart joined the
                    // werkvoorraad's 18.000 (June 2019) to its 26.250 (end of 2019), different sets
                    // of addresses, while the event under it said the line is broken there.
                    // And between two levels we computed in different ways (a review: 'Beoordeling
                    // gereed' ran straight from fase 4+5+6 of October 2021 to werkvoorraad minus
                    // 'nog te beoordelen' of December 2024, three years without a figure).
                    segment: markers::definition_segment(archive, key, l.date).saturating_mul(1000).saturating_add(breaks),
                    provenance: l.provenance.clone(),
                })
                .collect(),
        })
        .collect();
    let keys: Vec<&str> = LINES.iter().map(|l| l.key).collect();
    let markers = crate::analysis::time_chart::data_range(&series).map(|(a, b)| markers::for_measures(archive, &keys, a, b, lang)).unwrap_or_default();
    let provs: Vec<_> = series.iter().flat_map(|s| s.points.iter().map(|p| &p.provenance)).collect();
    TimeChart {
        meta: provenance::chart_meta(archive, &provs, lang, "trends-fasen".into(), t.phases_title.into(), summary, t.phases_method.into()),
        y_label: t.addresses.into(),
        unit: Unit::Addresses,
        series,
        markers,
        references: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::trends::testkit::{archive, Pub};

    #[test]
    fn a_tooltip_names_its_series_once() {
        // Regression: the point's label repeats its series' name, and the tooltip's title is that
        // name: keyboard focus on a point of Trends read out "Werkvoorraad: 31 december 2019,
        // Werkvoorraad: 26.250 adressen, Bron: …", and the box showed the name twice.
        let a = archive(&[Pub { id: "ncg", peildatum: "2019-12-31", publisher: "NCG", rows: "werkvoorraad,2019-12-31,,,,,,26250,published,t,\n" }]);
        let chart = build(&a, &Filters::default(), Lang::Nl);
        let s = &chart.series[0];
        let tip = chart.tooltip(0, 0, Lang::Nl).unwrap();
        assert_eq!(tip.title, s.label);
        let spoken = tip.spoken();
        // Series, period, value, source, flag: each once.
        assert_eq!(spoken.matches(s.label.as_str()).count(), 1, "{spoken}");
        assert!(spoken.starts_with(&format!("{}: 31 december 2019, 26.250 adressen, Bron: ", s.label)), "{spoken}");
        assert!(spoken.ends_with(", gepubliceerd"), "{spoken}");
        assert_eq!(tip.lines[1], "26.250 adressen");
    }
}
