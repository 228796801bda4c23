//! Is it getting faster? The lead time of a step per completion cohort: the addresses that
//! finished the step in the same quarter, their median (and 90th percentile) — exact from address
//! data, estimated first-in-first-out from published figures, with Little's law as a cross-check
//! and SodM's published means (table 2.4) as reference points.
//!
//! SodM's observation (report 2019-2020, L885-893): opname → beoordeling fell from 580 days (the
//! completed addresses) to 426 (those now in planvorming), while the wait after the assessment rose
//! from 43 to 575 days. Those means describe *cohorts by current state*, not by completion date;
//! they are shown as points on their peildatum, next to the quarterly medians.

use std::collections::BTreeMap;

use super::curves::day_of;
use super::estimate::EstimateResult;
use super::fifo_estimate::FifoEstimate;
use super::percentiles::{summarise, Summary};
use super::{days_text, transition_label};
use crate::analysis::chart::ChartMeta;
use crate::analysis::lead_time_exact::Transition;
use crate::analysis::provenance;
use crate::analysis::select::{series, Vintage};
use crate::analysis::time_chart::{Point, Provenance, Series, SeriesKind, TimeChart};
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::bronbestand::Address;
use crate::data::date::{Date, Month};
use crate::data::measure::Unit;
use crate::data::observation::Flag;
use crate::data::period::Period;
use crate::i18n::{format, texts, Lang};

/// A quarter needs at least this many completions for its median to be shown.
pub const MIN_PER_QUARTER: usize = 5;

/// Little's law is drawn only up to this multiple of the largest other value in the chart: above
/// it the queue mostly holds addresses that will not leave through this step (they met the norm,
/// or wait for something else), and the figure says nothing about the lead time.
pub const LITTLE_MAX_FACTOR: f64 = 2.0;

/// The published mean lead times (measure codes) that belong to a step.
pub fn published_mean_codes(t: Transition) -> &'static [&'static str] {
    match t {
        Transition::OpnameBeoordeling => {
            &["doorlooptijd_opname_beoordeling_afgerond", "doorlooptijd_opname_beoordeling_in_planvorming", "doorlooptijd_opname_beoordeling_beoordeeld"]
        }
        Transition::BeoordelingPlanvorming => &["wachttijd_beoordeling_planvorming_afgerond", "wachttijd_beoordeling_planvorming_in_planvorming"],
        Transition::PlanvormingGereed => &["doorlooptijd_planvorming_gereed_afgerond"],
        Transition::Traject => &["doorlooptijd_totaal_afgerond"],
        Transition::BesluitBouwGestart | Transition::BouwGestartGereed => &[],
    }
}

/// (year, quarter) of a day number.
fn quarter_of(day: i64) -> Option<(i32, u8)> {
    let d = Date::from_days(day)?;
    Some((d.year(), (d.month() - 1) / 3 + 1))
}

/// Summaries of durations grouped by the quarter of their end day; quarters with fewer than
/// [`MIN_PER_QUARTER`] values are left out.
pub fn by_quarter(items: impl IntoIterator<Item = (i64, f64)>) -> Vec<(Period, Summary)> {
    let mut groups: BTreeMap<(i32, u8), Vec<f64>> = BTreeMap::new();
    for (end, days) in items {
        if let Some(q) = quarter_of(end) {
            groups.entry(q).or_default().push(days);
        }
    }
    groups
        .into_iter()
        .filter(|(_, v)| v.len() >= MIN_PER_QUARTER)
        .filter_map(|((year, quarter), v)| Some((Period::Quarter { year, quarter }, summarise(&v)?)))
        .collect()
}

/// Exact durations of a step by completion quarter, for completions up to `reference`
/// (negative durations left out).
pub fn exact_by_quarter(addresses: &[Address], t: Transition, reference: Date) -> Vec<(Period, Summary)> {
    let limit = reference.to_days();
    by_quarter(addresses.iter().filter_map(|a| {
        let (s, e) = t.days(a);
        let (s, e) = (s?, e?);
        (e >= s && e <= limit).then_some((e, (e - s) as f64))
    }))
}

/// Estimated durations by completion quarter.
pub fn fifo_by_quarter(f: &FifoEstimate) -> Vec<(Period, Summary)> {
    by_quarter(f.passages.iter().map(|p| (day_of(p.exit), p.days)))
}

/// Points of one statistic per quarter; a skipped quarter starts a new segment.
fn quarter_points(rows: &[(Period, Summary)], pick: fn(&Summary) -> f64, what: &str, prov: &Provenance, lang: Lang) -> Vec<Point> {
    let mut seg = 0;
    let mut prev: Option<(i32, u8)> = None;
    rows.iter()
        .filter_map(|(p, s)| {
            let Period::Quarter { year, quarter } = *p else { return None };
            if let Some((py, pq)) = prev {
                let next = if pq == 4 { (py + 1, 1) } else { (py, pq + 1) };
                if next != (year, quarter) {
                    seg += 1;
                }
            }
            prev = Some((year, quarter));
            let v = pick(s);
            Some(Point {
                start: p.start()?,
                end: p.end(),
                value: v.round(),
                label: format!("{what}: {}, n = {}", days_text(v, lang), format::int(s.n as f64, lang)),
                period_label: format::period(p, lang),
                segment: seg,
                provenance: prov.clone(),
            })
        })
        .collect()
}

/// What the trend chart is drawn from.
pub struct TrendInput<'a> {
    pub transition: Transition,
    /// Exact: the (filtered) addresses, the reference date and their provenance.
    pub exact: Option<(&'a [Address], Date, Provenance)>,
    /// The estimate (from the published archive, or the derived one) and the archive it came from.
    pub estimate: Option<(&'a EstimateResult, &'a Archive)>,
    /// The published archive, for SodM's means (only shown without filters).
    pub published: Option<&'a Archive>,
    /// Every archive whose publications the points may cite (published, derived).
    pub sources: Vec<&'a Archive>,
    /// The period filter (`van`, `tot`): only quarters and points inside it.
    pub period: (Option<Month>, Option<Month>),
    pub synthetic: bool,
}

/// The trend chart of one step.
pub fn trend_chart(input: &TrendInput<'_>, lang: Lang) -> TimeChart {
    let t = &texts(lang).doorlooptijden;
    let label = transition_label(input.transition, lang);
    let mut out: Vec<Series> = Vec::new();
    let mut exact_rows = Vec::new();
    if let Some((addresses, reference, prov)) = &input.exact {
        exact_rows = exact_by_quarter(addresses, input.transition, *reference);
        for (key, style, name, pick) in [("mediaan", 0, t.series_median, (|s: &Summary| s.median) as fn(&Summary) -> f64), ("p90", 1, t.series_p90, |s: &Summary| s.p90)] {
            let points = quarter_points(&exact_rows, pick, name, prov, lang);
            if !points.is_empty() {
                out.push(Series { key: key.into(), label: name.into(), style, kind: SeriesKind::Line, points });
            }
        }
    }
    let mut fifo_rows = Vec::new();
    if let Some((est, _)) = &input.estimate {
        let prov = estimate_provenance(est, lang);
        fifo_rows = fifo_by_quarter(&est.fifo);
        let points = quarter_points(&fifo_rows, |s| s.median, t.series_fifo, &prov, lang);
        if !points.is_empty() {
            out.push(Series { key: "schatting".into(), label: t.series_fifo.into(), style: 2, kind: SeriesKind::Line, points });
        }
        let little: Vec<Point> = est
            .little
            .iter()
            .filter_map(|l| {
                let d = Date::from_days(day_of(l.time))?;
                Some(Point {
                    start: d,
                    end: d,
                    value: l.wait_days.round(),
                    label: (t.little_label)(&days_text(l.wait_days, lang), &format::int(l.queue, lang), &format::dec(l.throughput_per_day * 365.25 / 12.0, 0, lang)),
                    period_label: format::date(d, lang),
                    segment: 0,
                    provenance: Provenance { note: t.little_note.to_string(), source: t.little_source.to_string(), ..prov.clone() },
                })
            })
            .collect();
        if !little.is_empty() {
            out.push(Series { key: "little".into(), label: t.series_little.into(), style: 3, kind: SeriesKind::Line, points: little });
        }
    }
    if let Some(archive) = input.published {
        // In reverse, so that the first group's point is drawn last, on top: SodM's 426 days
        // ('in planvorming medio 2020', a circle) lay wholly under the square of 409 days ('t/m
        // beoordeling gereed') drawn after it, at the same date (a review).
        for (i, code) in published_mean_codes(input.transition).iter().enumerate().rev() {
            let Some(m) = archive.measure_by_code(code) else { continue };
            let points: Vec<Point> = series(archive, code, &Breakdown::default(), Vintage::Latest)
                .into_iter()
                .filter(|o| o.period.is_date())
                .filter_map(|o| {
                    let v = o.value?;
                    let d = o.period.end();
                    Some(Point {
                        start: d,
                        end: d,
                        value: v,
                        label: format!("{}: {}", m.label(lang), days_text(v, lang)),
                        period_label: format::date(d, lang),
                        segment: 0,
                        provenance: provenance::of(archive, o, lang),
                    })
                })
                .collect();
            if !points.is_empty() {
                out.push(Series { key: (*code).to_string(), label: m.label(lang).to_string(), style: 4 + i, kind: SeriesKind::Line, points });
            }
        }
    }
    let inside = |d: Date| input.period.0.is_none_or(|m| d >= m.first_day()) && input.period.1.is_none_or(|m| d <= m.last_day());
    for s in &mut out {
        s.points.retain(|p| inside(p.end));
    }
    // The estimates start at the first published figure of both curves. Before it they rest only
    // on our assumption that a "voor 2017" count starts from zero on 1 January 2014: the chart drew
    // 2014–2016 points (Little's law up to ~1.750 days in 2016) from that assumption alone.
    if let Some((est, _)) = &input.estimate {
        let first_real = [&est.entry, &est.exit].iter().filter_map(|c| c.points.get(usize::from(c.assumed_origin)).map(|p| p.0)).fold(f64::MIN, f64::max);
        if let Some(from) = Date::from_days(day_of(first_real)) {
            for s in out.iter_mut().filter(|s| s.key == "schatting" || s.key == "little") {
                s.points.retain(|p| p.end >= from);
            }
            fifo_rows.retain(|(p, _)| p.end() >= from);
        }
    }
    let others_max = out.iter().filter(|s| s.key != "little").flat_map(|s| s.points.iter().map(|p| p.value)).fold(0.0, f64::max);
    for s in out.iter_mut().filter(|s| s.key == "little") {
        s.points.retain(|p| p.value <= LITTLE_MAX_FACTOR * others_max);
    }
    out.retain(|s| !s.points.is_empty());
    exact_rows.retain(|(p, _)| inside(p.end()));
    fifo_rows.retain(|(p, _)| inside(p.end()));
    let mut provs: Vec<&Provenance> = out.iter().flat_map(|s| s.points.iter().map(|p| &p.provenance)).collect();
    // Every publication the estimate's curves were read from, not only the one on the points.
    if let Some((est, _)) = &input.estimate {
        provs.extend(est.entry.provenance.iter().chain(&est.exit.provenance));
    }
    // The publications of every archive involved, for the source line.
    let pubs = Archive {
        publications: input.sources.iter().flat_map(|a| a.publications.iter().cloned()).collect(),
        ..Archive::default()
    };
    let source_line = provenance::source_line(&pubs, &provs, lang);
    let rows = if exact_rows.is_empty() { &fifo_rows } else { &exact_rows };
    let summary = trend_summary(rows, !exact_rows.is_empty(), lang);
    let method = if input.exact.is_some() { format!("{} {}", t.trend_method, t.trend_method_p90) } else { t.trend_method.to_string() };
    let method = match input.estimate {
        Some((est, archive)) => format!("{} {}", method, super::estimate::method_note(archive, &est.step, input.exact.is_some(), lang)),
        None => method,
    };
    TimeChart {
        meta: ChartMeta {
            id: "doorlooptijd-trend".into(),
            title: (t.trend_title)(label),
            summary,
            source_line,
            method,
            synthetic: input.synthetic,
            estimated: input.exact.is_none() && input.estimate.is_some(),
        },
        y_label: t.y_days.to_string(),
        unit: Unit::Days,
        series: out,
        markers: Vec::new(),
        references: Vec::new(),
    }
}

/// The provenance of an estimated value.
fn estimate_provenance(est: &EstimateResult, lang: Lang) -> Provenance {
    let base = est.exit.provenance.last().or(est.entry.provenance.last()).cloned();
    let t = &texts(lang).doorlooptijden;
    Provenance {
        quoted: false,
        flag: Flag::Estimated,
        source: t.estimate_source.to_string(),
        note: texts(lang).shell.estimate_note.to_string(),
        // Ours, from every publication of the curves (the source line names them): it named the
        // last one, a GBB article about 2021, as the publication of an estimate for 2017.
        publication_title: t.estimate_publication.to_string(),
        ..base.unwrap_or(Provenance { quoted: false, publication: String::new(), publication_title: String::new(), peildatum: None, source: String::new(), flag: Flag::Estimated, note: String::new() })
    }
}

/// "Wie de stap in 4e kwartaal 2025 afrondde, deed er mediaan 426 dagen (14,0 mnd) over; in 4e kwartaal 2024 was dat 517 dagen (17,0 mnd)."
fn trend_summary(rows: &[(Period, Summary)], exact: bool, lang: Lang) -> String {
    let t = &texts(lang).doorlooptijden;
    let Some((last_p, last)) = rows.last() else { return texts(lang).shell.no_data.to_string() };
    let year_before = rows.iter().rev().find(|(p, _)| match (*p, *last_p) {
        (Period::Quarter { year, quarter }, Period::Quarter { year: ly, quarter: lq }) => (year, quarter) <= (ly - 1, lq),
        _ => false,
    });
    // In days, as the chart's axis (it said "10 mnd" beside an axis in days), with the months after.
    (t.trend_summary)(
        &format::period(last_p, lang),
        &super::days_text(last.median, lang),
        year_before.map(|(p, s)| (format::period(p, lang), super::days_text(s.median, lang))),
        exact,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_need_five_completions() {
        let q1 = Date::parse("2020-02-01").map(|d| d.to_days()).unwrap_or(0);
        let q2 = Date::parse("2020-05-01").map(|d| d.to_days()).unwrap_or(0);
        let mut items: Vec<(i64, f64)> = (0..5).map(|i| (q1, f64::from(i) * 10.0)).collect();
        items.extend((0..4).map(|_| (q2, 1.0)));
        let rows = by_quarter(items);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].0, Period::Quarter { year: 2020, quarter: 1 });
        assert_eq!(rows[0].1.median, 20.0);
    }
}
