//! Estimated lead times from published figures: the first-in-first-out estimate of one step as a
//! histogram with its key figures, labelled as an estimate, with the method and the error measured
//! on the synthetic data in the method note.

use super::binning::bin_days;
use super::curves::{self, day_of, Curve};
use super::exact::{days_short, percentile_lines};
use super::fifo_estimate::{estimate, FifoEstimate, FifoStep};
use super::littles_law::{little, LittlePoint};
use super::percentiles::{summarise_sorted, Summary};
use super::{count_text, summary_stats, transition_label, Stat};
use crate::analysis::chart::ChartMeta;
use crate::analysis::histogram::HistogramChart;
use crate::analysis::lead_time_exact::Transition;
use crate::analysis::provenance;
use crate::analysis::select::Vintage;
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::date::{Date, Month};
use crate::i18n::{format, texts, Lang};

/// The estimate of one step.
#[derive(Clone, Debug, PartialEq)]
pub struct EstimateResult {
    pub step: FifoStep,
    pub entry: Curve,
    pub exit: Curve,
    pub fifo: FifoEstimate,
    /// Estimated days, sorted ascending.
    pub days: Vec<f64>,
    pub summary: Option<Summary>,
    /// Little's law at every quarter end where it can be computed.
    pub little: Vec<LittlePoint>,
    /// How far the median and mean move when the assumed start of a "voor …" figure does
    /// (`None` when the estimate does not rest on it).
    pub sensitivity: Option<Sensitivity>,
}

/// The median and mean of an estimate, lowest and highest, over the assumed origins of
/// [`curves::origin_range`] and [`curves::origin`]. (A review: the page gave one median to the
/// day for estimates that rest partly on our assumption that the inspections counted "voor 2017"
/// began on 1 January 2014.)
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sensitivity {
    /// The earliest and latest origin tried.
    pub origins: (Date, Date),
    pub median: (f64, f64),
    pub mean: (f64, f64),
}

/// The [`Sensitivity`] of an estimate from these curves: `None` when neither curve starts at an
/// assumed origin, or when the median moves by less than a day.
pub fn sensitivity(entry: &Curve, exit: &Curve, window: Option<(f64, f64)>, base: &Summary) -> Option<Sensitivity> {
    if !entry.assumed_origin && !exit.assumed_origin {
        return None;
    }
    let (early, late) = curves::origin_range();
    let mut median = (base.median, base.median);
    let mut mean = (base.mean, base.mean);
    for o in [early, late] {
        let mut days = estimate(&entry.with_origin(o), &exit.with_origin(o), window).days();
        super::percentiles::sort_days(&mut days);
        let Some(s) = summarise_sorted(&days) else { continue };
        median = (median.0.min(s.median), median.1.max(s.median));
        mean = (mean.0.min(s.mean), mean.1.max(s.mean));
    }
    (median.1 - median.0 >= 1.0).then_some(Sensitivity { origins: (early, late), median, mean })
}

impl EstimateResult {
    /// First and last exit day estimated.
    pub fn window(&self) -> Option<(Date, Date)> {
        let a = Date::from_days(day_of(self.fifo.passages.first()?.exit))?;
        let b = Date::from_days(day_of(self.fifo.passages.last()?.exit))?;
        Some((a, b))
    }
}

/// Quarter ends (as continuous times) between two times.
pub fn quarter_ends(from: f64, to: f64) -> Vec<f64> {
    let (Some(a), Some(b)) = (Date::from_days(day_of(from)), Date::from_days(day_of(to))) else { return Vec::new() };
    let mut m = a.month_of();
    let mut out = Vec::new();
    while m <= b.month_of() {
        if m.month() % 3 == 0 {
            out.push(curves::end_of(m.last_day()));
        }
        match m.next() {
            Some(n) => m = n,
            None => break,
        }
    }
    out
}

/// Estimate one step from the cumulative figures of `archive` for a breakdown, for the exits inside
/// `window` (continuous days; `None` = all). `None` when one of the two curves has fewer than two
/// points.
pub fn compute(archive: &Archive, step: &FifoStep, breakdown: &Breakdown, vintage: Vintage, window: Option<(f64, f64)>) -> Option<EstimateResult> {
    let entry = curves::from_archive(archive, step.entry, breakdown, vintage);
    let exit = curves::from_archive(archive, step.exit, breakdown, vintage);
    if entry.is_empty() || exit.is_empty() {
        return None;
    }
    let fifo = estimate(&entry, &exit, window);
    let mut days = fifo.days();
    super::percentiles::sort_days(&mut days);
    // Little's law, like the estimate, stops at a definition break: the stock between the two
    // curves after it mixes two definitions.
    let little = match exit.span() {
        Some((a, b)) => little(&entry, &exit, &quarter_ends(a, b.min(entry.break_time()).min(exit.break_time()))),
        None => Vec::new(),
    };
    let summary = summarise_sorted(&days);
    let sensitivity = summary.as_ref().and_then(|s| sensitivity(&entry, &exit, window, s));
    Some(EstimateResult { step: *step, summary, days, entry, exit, fifo, little, sensitivity })
}

/// Measure labels of a step's curves, for the method note.
fn measure_label<'a>(archive: &'a Archive, codes: &[&'a str], lang: Lang) -> &'a str {
    codes.first().map(|c| archive.measure_by_code(c).map(|m| m.label(lang)).unwrap_or(c)).unwrap_or("")
}

/// "690 – 800 dagen" / "690 – 800 days".
pub fn range_text((a, b): (f64, f64), lang: Lang) -> String {
    (texts(lang).doorlooptijden.days_range)(&format::int(a, lang), &format::int(b, lang))
}

/// The key figures of an estimate: n, its window, the median and the mean (with how far they move
/// with the assumed start), that the spread cannot be estimated, Little's law, the exits that
/// could not be matched, the negative ones.
///
/// No quartiles, no "1 in 10 longer than" and no share within six months: tested on the
/// demonstration data at the dates of the published figures, the estimate's distance from the
/// 25th to the 90th percentile was less than half the real one for every step
/// (`tests/lead_times_validation.rs`), since first-in-first-out cannot see addresses overtaking
/// others. (A review read "0% binnen 6 maanden" and a 90th percentile to the day as measured.)
pub fn estimate_stats(r: &EstimateResult, lang: Lang) -> Vec<Stat> {
    let t = &texts(lang).doorlooptijden;
    let mut out: Vec<Stat> = summary_stats(r.summary.as_ref(), &r.days, false, lang).into_iter().filter(|s| matches!(s.key, "n" | "mediaan" | "gemiddelde")).collect();
    // The median first, as in the overview table.
    if let Some(i) = out.iter().position(|s| s.key == "mediaan") {
        let m = out.remove(i);
        out.insert(1, m);
    }
    if let Some((a, b)) = r.window() {
        out.insert(1, Stat { key: "periode", label: t.stat_window.to_string(), display: format!("{} – {}", format::month(a.month_of(), lang), format::month(b.month_of(), lang)), value: None });
    }
    if let Some(s) = &r.sensitivity {
        let (a, b) = (format::month(s.origins.0.month_of(), lang), format::month(s.origins.1.month_of(), lang));
        out.push(Stat { key: "ander_begin", label: (t.stat_other_origin)(&a, &b), display: (t.other_origin_display)(&range_text(s.median, lang), &range_text(s.mean, lang)), value: None });
    }
    if r.summary.is_some() {
        out.push(Stat { key: "spreiding", label: t.stat_spread.to_string(), display: t.spread_not_estimable.to_string(), value: None });
    }
    if let Some(l) = r.little.last() {
        let d = Date::from_days(day_of(l.time)).map(|d| format::date(d, lang)).unwrap_or_default();
        out.push(Stat { key: "little", label: (t.stat_little)(&d), display: super::days_text(l.wait_days, lang), value: Some(l.wait_days) });
    }
    for (key, label, n) in [("niet_te_schatten", t.stat_not_estimable, r.fifo.not_estimable), ("negatief", t.stat_negative_fifo, r.fifo.negative)] {
        if n > 0 {
            let (d, v) = count_text(n, false, lang);
            out.push(Stat { key, label: label.to_string(), display: d, value: v });
        }
    }
    if r.fifo.after_break > 0 {
        let date = r.exit.definition_from.or(r.entry.definition_from).map(|d| format::date(d, lang)).unwrap_or_default();
        let (d, v) = count_text(r.fifo.after_break, false, lang);
        out.push(Stat { key: "na_definitiewijziging", label: (t.stat_after_break)(&date), display: d, value: v });
    }
    out
}

/// The definition break of a step's curves, if any: (new measure, old measure, first day).
pub fn definition_break<'a>(archive: &'a Archive, step: &FifoStep, lang: Lang) -> Option<(&'a str, &'a str, Date)> {
    [step.exit, step.entry].iter().filter_map(|codes| archive.measure_by_code(codes.first()?)).find_map(|m| {
        let old = archive.measure_by_code(m.replaces.as_deref()?)?;
        Some((m.label(lang), old.label(lang), m.new_definition_from()?))
    })
}

/// The code of a step in URLs and in the validation table of the catalogue.
pub fn step_code(t: Transition) -> &'static str {
    match t {
        Transition::OpnameBeoordeling => "opname-beoordeling",
        Transition::BeoordelingPlanvorming => "beoordeling-planvorming",
        Transition::PlanvormingGereed => "planvorming-gereed",
        Transition::BesluitBouwGestart => "besluit-bouw",
        Transition::BouwGestartGereed => "bouw",
        Transition::Traject => "traject",
    }
}

/// The measured error of the estimator for a step, from the catalogue:
/// (on monthly series, at the published dates), each (median, mean) in days.
pub fn validation_figures(t: Transition) -> (Option<(i32, i32)>, Option<(i32, i32)>) {
    crate::i18n::doorlooptijden::VALIDATION.iter().find(|v| v.0 == step_code(t)).map(|v| (v.1, v.2)).unwrap_or((None, None))
}

/// The sentence on a step's measured error at the published dates (its median against the exact
/// answer on the demonstration data): a review found the whole track's "5,7 jaar (4,8 – 6,1)" on
/// Doorlooptijden and the Overzicht without the 283 days too high its own method note reports.
/// `None` when the step was not tested.
pub fn bias_sentence(t: Transition, lang: Lang) -> Option<String> {
    let (median, _) = validation_figures(t).1?;
    Some((texts(lang).doorlooptijden.answer_bias)(&format::int(f64::from(median.abs()), lang), &bias_months(t, lang)?, median > 0))
}

/// The size of a step's measured error at the published dates, in months ("9,3"), as
/// [`bias_sentence`] and the Overzicht's explanation give it.
pub fn bias_months(t: Transition, lang: Lang) -> Option<String> {
    let (median, _) = validation_figures(t).1?;
    Some(format::dec(f64::from(median.abs()) / super::binning::DAYS_PER_MONTH, 1, lang))
}

/// The method note of an estimate (with the measured error at the given granularity).
pub fn method_note(archive: &Archive, step: &FifoStep, monthly: bool, lang: Lang) -> String {
    let t = &texts(lang).doorlooptijden;
    let (m, p) = validation_figures(step.transition);
    let error = if monthly { m } else { p };
    let entry = measure_label(archive, step.entry, lang);
    let exit = measure_label(archive, step.exit, lang);
    let note = (t.estimate_method)(entry, exit, error.map(|(a, b)| (signed(a, lang), signed(b, lang))), monthly);
    // The exit curve fills SodM's 'uitvoering gereed' in with NCG's 'traject afgerond'
    // (`curves::from_archive`): the note names both, not only the first.
    let with_figures = step.exit.iter().filter(|c| archive.measure_index(c).is_some_and(|i| archive.observations.iter().any(|o| o.measure == i))).count();
    let note = if with_figures > 1 { format!("{note} {}", t.estimate_joined) } else { note };
    let note = format!("{note} {}", t.estimate_spread_note);
    match definition_break(archive, step, lang) {
        Some((new, old, d)) => format!("{note} {}", (t.estimate_break)(new, old, &format::date(d, lang))),
        None => note,
    }
}

/// The estimated histogram of one step.
pub fn histogram(archive: &Archive, r: &EstimateResult, lang: Lang) -> HistogramChart {
    let t = &texts(lang).doorlooptijden;
    let label = transition_label(r.step.transition, lang);
    let (bins, binning) = bin_days(&r.days, false, lang);
    let provs: Vec<_> = r.entry.provenance.iter().chain(&r.exit.provenance).collect();
    let synthetic = provs.iter().any(|p| p.flag == crate::data::observation::Flag::Synthetic);
    let summary = match (&r.summary, r.window()) {
        (Some(s), Some((a, b))) => (t.estimate_summary)(&format::int(s.n as f64, lang), &month_text(a.month_of(), lang), &month_text(b.month_of(), lang), &days_short(s.median, lang)),
        _ => texts(lang).shell.no_data.to_string(),
    };
    // Only the median's line: the estimate's 90th percentile lay 148 to 428 days below the real
    // one in the test at the published dates (see `estimate_stats`).
    let mut lines = percentile_lines(r.summary.as_ref(), &binning, lang);
    lines.truncate(1);
    HistogramChart {
        meta: ChartMeta {
            id: "doorlooptijd-stap".into(),
            title: (t.estimate_title)(label),
            summary,
            source_line: provenance::source_line(archive, &provs, lang),
            method: method_note(archive, &r.step, false, lang),
            synthetic,
            estimated: true,
        },
        x_label: t.x_months.to_string(),
        y_label: t.y_addresses.to_string(),
        lines,
        bins,
        style: 2,
        stats: estimate_stats(r, lang).into_iter().map(|s| (s.label, s.display)).collect(),
    }
}

/// "+26" / "−64" / "0".
fn signed(v: i32, lang: Lang) -> String {
    match v {
        0 => "0".to_string(),
        v if v > 0 => format!("+{}", format::int(f64::from(v), lang)),
        v => format!("−{}", format::int(f64::from(-v), lang)),
    }
}

fn month_text(m: Month, lang: Lang) -> String {
    format::month(m, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lead_times::fifo_estimate::step;

    #[test]
    fn a_joined_exit_curve_is_named_in_the_method() {
        // Regression: the estimate "opname → afgerond" fills SodM's 'uitvoering gereed' in with
        // NCG's 'traject afgerond', but its method named only SodM's, while Trends said the two
        // are never joined. The note now says which two series are put one after the other.
        let archive = crate::analysis::derive::tests::bundled();
        let (Some(traject), Some(opname)) = (step(Transition::Traject), step(Transition::OpnameBeoordeling)) else { panic!("steps") };
        let nl = method_note(archive, traject, false, Lang::Nl);
        assert!(nl.contains("twee reeksen achter elkaar") && nl.contains("Versterkingstraject afgerond"), "{nl}");
        assert!(method_note(archive, traject, false, Lang::En).contains("two series are put one after the other"));
        assert!(!method_note(archive, opname, false, Lang::Nl).contains("achter elkaar"), "one series: no such note");
    }
}
