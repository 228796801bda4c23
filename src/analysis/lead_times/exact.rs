//! Exact lead times from address-level data, per step, as histograms with their key figures.
//!
//! Two ways to choose the addresses ([`CohortChoice`]):
//! - **all steps taken** up to the reference date (the last date in the file): every address that
//!   reached the end of a step and has both dates counts for that step. Coverage is "addresses with
//!   both dates of all that reached the end";
//! - **SodM's method** (table 2.4): the addresses whose whole trajectory was completed on
//!   17 July 2020, and only those with every date of the chain opname → beoordeling → planvorming
//!   → gereed in order — "350 van 1.177". The steps of that chain then add up to the total.

use super::binning::{bin_days, DAYS_PER_MONTH};
use super::percentiles::{summarise_sorted, Summary};
use super::{count_text, summary_stats, transition_label, Stat};
use crate::analysis::chart::ChartMeta;
use crate::analysis::histogram::{HistogramChart, VLine};
use crate::analysis::lead_time_exact::{lead_times, Cohort, Transition};
use crate::analysis::filters::Filters;
use crate::data::bronbestand::Address;
use crate::data::date::Date;
use crate::i18n::{format, texts, Lang};

/// Which addresses the exact lead times are about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CohortChoice {
    /// Every step taken up to the reference date.
    #[default]
    All,
    /// SodM table 2.4: completed on 17-07-2020, full chain only.
    Sodm,
}

impl CohortChoice {
    /// The URL value (`cohort=sodm`); the default has none.
    pub fn code(self) -> Option<&'static str> {
        match self {
            CohortChoice::All => None,
            CohortChoice::Sodm => Some("sodm"),
        }
    }
    pub fn from_code(s: &str) -> CohortChoice {
        if s == "sodm" { CohortChoice::Sodm } else { CohortChoice::All }
    }
    /// SodM's peildatum of table 2.4 (the bronbestand of 17 July 2020).
    pub fn sodm_reference() -> Date {
        Date::new(2020, 7, 17).unwrap_or(Date::Y2K)
    }
    /// The reference date for data whose last date is `data_reference`.
    pub fn reference(self, data_reference: Date) -> Date {
        match self {
            CohortChoice::All => data_reference,
            CohortChoice::Sodm => Self::sodm_reference().min(data_reference),
        }
    }
}

/// The steps of SodM's chain (they add up to the chain total).
pub const SODM_CHAIN: [Transition; 3] = [Transition::OpnameBeoordeling, Transition::BeoordelingPlanvorming, Transition::PlanvormingGereed];

/// The exact durations of one step.
#[derive(Clone, Debug, PartialEq)]
pub struct StepResult {
    pub transition: Option<Transition>,
    /// Days, sorted ascending (never negative).
    pub days: Vec<f64>,
    pub summary: Option<Summary>,
    /// (addresses with both dates, addresses that reached the end of the step) — or under SodM's
    /// method for the chain: (addresses with the full chain, completed addresses).
    pub coverage: (u64, u64),
    /// End dated before start: reported, not plotted.
    pub negative: usize,
}

impl StepResult {
    fn new(transition: Option<Transition>, days: impl IntoIterator<Item = i64>, coverage: (u64, u64), negative: usize) -> StepResult {
        let mut days: Vec<f64> = days.into_iter().map(|d| d as f64).collect();
        super::percentiles::sort_days(&mut days);
        StepResult { transition, summary: summarise_sorted(&days), days, coverage, negative }
    }
}

/// Exact lead times of every step.
#[derive(Clone, Debug, PartialEq)]
pub struct ExactResult {
    pub reference: Date,
    pub choice: CohortChoice,
    /// Addresses in the cohort (all addresses, or the completed ones).
    pub cohort_size: u64,
    /// In [`Transition::ALL`] order.
    pub steps: Vec<StepResult>,
    /// SodM's "totaal dagen" over the chain (SodM method only).
    pub chain_total: Option<StepResult>,
}

impl ExactResult {
    pub fn step(&self, t: Transition) -> Option<&StepResult> {
        self.steps.iter().find(|s| s.transition == Some(t))
    }
}

/// Exact lead times of `addresses` (already filtered) for the chosen cohort. With
/// [`CohortChoice::All`] only steps that ended inside the period filter (`van`/`tot`) count;
/// SodM's method has its own fixed peildatum and ignores the period.
pub fn compute(addresses: &[Address], choice: CohortChoice, data_reference: Date, filters: &Filters) -> ExactResult {
    let reference = choice.reference(data_reference);
    if choice == CohortChoice::All {
        return all_steps(addresses, reference, filters);
    }
    let lt = lead_times(addresses, reference, Cohort::Completed, true);
    let steps = lt
        .transitions
        .iter()
        .map(|x| {
            let in_chain = x.transition.is_some_and(|t| SODM_CHAIN.contains(&t));
            let coverage = if in_chain { (lt.chain_complete, lt.cohort_size) } else { (x.with_both, x.reached_end) };
            StepResult::new(x.transition, x.durations.iter().copied(), coverage, x.negative.len())
        })
        .collect();
    let chain_total = Some(StepResult::new(None, lt.chain_totals.iter().copied(), (lt.chain_complete, lt.cohort_size), 0));
    ExactResult { reference, choice, cohort_size: lt.cohort_size, steps, chain_total }
}

/// Every step taken up to `reference` (and inside the period filter): the same counting as
/// `lead_time_exact::lead_times` with the cohort `All`, plus the period.
fn all_steps(addresses: &[Address], reference: Date, filters: &Filters) -> ExactResult {
    let day = reference.to_days();
    let period = filters.from.is_some() || filters.to.is_some();
    let from = filters.from.map(|m| m.first_day().to_days()).unwrap_or(i64::MIN);
    let to = filters.to.map(|m| m.last_day().to_days()).unwrap_or(i64::MAX).min(day);
    let mut acc: Vec<(Vec<i64>, u64, u64, usize)> = vec![(Vec::new(), 0, 0, 0); Transition::ALL.len()];
    for a in addresses {
        for (t, (durations, reached, both, negative)) in Transition::ALL.iter().zip(acc.iter_mut()) {
            let (s, e) = t.days(a);
            let Some(e) = e.filter(|&e| e <= to && (!period || e >= from)) else { continue };
            *reached += 1;
            let Some(s) = s.filter(|&s| s <= day) else { continue };
            *both += 1;
            if e < s {
                *negative += 1;
            } else {
                durations.push(e - s);
            }
        }
    }
    let steps = Transition::ALL
        .iter()
        .zip(acc)
        .map(|(t, (durations, reached, both, negative))| StepResult::new(Some(*t), durations, (both, reached), negative))
        .collect();
    ExactResult { reference, choice: CohortChoice::All, cohort_size: addresses.len() as u64, steps, chain_total: None }
}

/// "350 van 1.177", with suppression of small counts.
pub fn coverage_text((with, of): (u64, u64), suppress: bool, lang: Lang) -> String {
    (texts(lang).doorlooptijden.coverage)(&count_text(with, suppress, lang).0, &count_text(of, suppress, lang).0)
}

/// The key figures of a step, coverage included.
pub fn step_stats(s: &StepResult, suppress: bool, lang: Lang) -> Vec<Stat> {
    let t = &texts(lang).doorlooptijden;
    let mut out = summary_stats(s.summary.as_ref(), &s.days, suppress, lang);
    let share = (s.coverage.1 > 0).then(|| s.coverage.0 as f64 / s.coverage.1 as f64 * 100.0);
    out.insert(1, Stat { key: "dekking", label: t.stat_coverage.to_string(), display: coverage_text(s.coverage, suppress, lang), value: share });
    if s.negative > 0 {
        let (d, v) = count_text(s.negative as u64, suppress, lang);
        out.push(Stat { key: "negatief", label: t.stat_negative.to_string(), display: d, value: v });
    }
    out
}

/// Median and 90th-percentile lines on a histogram binned by `bin_days`.
pub fn percentile_lines(s: Option<&Summary>, binning: &super::binning::Binning, lang: Lang) -> Vec<VLine> {
    let t = &texts(lang).doorlooptijden;
    let Some(s) = s else { return Vec::new() };
    [(s.median, t.line_median), (s.p90, t.line_p90)]
        .into_iter()
        .map(|(days, label)| {
            let m = days / DAYS_PER_MONTH;
            VLine { x: binning.position(m), label: format!("{label} {} {}", format::dec(m, 0, lang), t.months_short) }
        })
        .collect()
}

/// The histogram of one step. `meta` carries id, source line and flags; title, summary and
/// method are filled in here.
pub fn histogram(s: &StepResult, reference: Date, choice: CohortChoice, suppress: bool, mut meta: ChartMeta, lang: Lang) -> HistogramChart {
    let t = &texts(lang).doorlooptijden;
    let label = s.transition.map(|x| transition_label(x, lang)).unwrap_or(t.chain_total_label);
    let (bins, binning) = bin_days(&s.days, suppress, lang);
    let hidden = suppress && (s.days.len() as u64) < super::binning::SUPPRESS_BELOW;
    meta.title = (t.hist_title)(label);
    meta.summary = match s.summary.as_ref().filter(|_| !hidden) {
        // The n of the half and the addresses with both dates differ by those whose end lies
        // before their start (a review of the demo: "de helft van de 26.972 … Beide datums bekend:
        // 26.977" with nothing between them). A hidden count is said in words, not "×".
        Some(sum) => {
            let neg = (s.negative > 0).then(|| match count_text(s.negative as u64, suppress, lang) {
                (_, None) => texts(lang).gemeenten.hidden_number.to_string(),
                (d, Some(_)) => d,
            });
            (t.hist_summary)(&format::int(sum.n as f64, lang), &days_short(sum.median, lang), &days_short(sum.p90, lang), &coverage_text(s.coverage, suppress, lang), neg.as_deref())
        }
        None => texts(lang).shell.no_data.to_string(),
    };
    let cohort = match choice {
        CohortChoice::All => (t.cohort_all_text)(&format::date(reference, lang)),
        CohortChoice::Sodm => t.cohort_sodm_text.to_string(),
    };
    meta.method = (t.hist_method)(label, &cohort);
    let stats = step_stats(s, suppress, lang).into_iter().map(|x| (x.label, x.display)).collect();
    HistogramChart {
        meta,
        x_label: t.x_months.to_string(),
        y_label: t.y_addresses.to_string(),
        lines: if hidden { Vec::new() } else { percentile_lines(s.summary.as_ref(), &binning, lang) },
        bins,
        style: 0,
        stats,
    }
}

/// "19 mnd" for summaries.
pub fn days_short(days: f64, lang: Lang) -> String {
    format!("{} {}", format::dec(days / DAYS_PER_MONTH, 0, lang), texts(lang).doorlooptijden.months_short)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::breakdown::{Eigenaar, Risicoprofiel};
    use crate::data::bronbestand::{Milestone, Uitkomst};
    use crate::data::gemeente::GemeenteCode;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or(Date::Y2K)
    }

    fn addr(id: &str, dates: &[(Milestone, &str)]) -> Address {
        let mut a = Address::new(id, GemeenteCode(1979), "Loppersum", 9919, Risicoprofiel::P90, Eigenaar::Particulier);
        for (m, s) in dates {
            a.set_date(*m, Some(d(s)));
        }
        a.uitkomst = Some(Uitkomst::Versterken);
        a
    }

    #[test]
    fn empty_input_gives_empty_steps() {
        let r = compute(&[], CohortChoice::All, d("2025-12-31"), &Filters::default());
        assert_eq!(r.steps.len(), 6);
        assert!(r.steps.iter().all(|s| s.summary.is_none() && s.coverage == (0, 0)));
        let h = histogram(&r.steps[0], r.reference, r.choice, false, ChartMeta::default(), Lang::Nl);
        assert_eq!(h.total(), 0);
        assert_eq!(h.meta.summary, texts(Lang::Nl).shell.no_data);
    }

    #[test]
    fn one_address_missing_dates_and_a_reset() {
        use Milestone::*;
        let v = vec![
            addr("a", &[(Opname, "2016-01-01"), (Beoordeling, "2016-04-10"), (Planvorming, "2016-04-20"), (Afgerond, "2016-11-06")]),
            // no opname: reached the end of opname → beoordeling without a start (coverage).
            addr("b", &[(Beoordeling, "2017-01-01")]),
            // assessment dated before the inspection: negative, reported, not plotted.
            addr("c", &[(Opname, "2017-05-01"), (Beoordeling, "2017-04-10")]),
        ];
        let r = compute(&v, CohortChoice::All, d("2025-12-31"), &Filters::default());
        let ob = r.step(Transition::OpnameBeoordeling).unwrap();
        assert_eq!(ob.days, vec![100.0]);
        assert_eq!(ob.coverage, (2, 3), "a and c have both dates; a, b and c reached beoordeling");
        assert_eq!(ob.negative, 1);
        let stats = step_stats(ob, false, Lang::Nl);
        assert_eq!(stats.iter().find(|s| s.key == "negatief").and_then(|s| s.value), Some(1.0));
        assert_eq!(stats.iter().find(|s| s.key == "mediaan").and_then(|s| s.value), Some(100.0));
        let h = histogram(ob, r.reference, r.choice, false, ChartMeta::default(), Lang::Nl);
        assert_eq!(h.total(), 1, "the negative duration is not in the histogram");
        // SodM's method: only a has the full chain, 1 of 1 completed.
        let r = compute(&v, CohortChoice::Sodm, d("2025-12-31"), &Filters::default());
        assert_eq!(r.cohort_size, 1);
        assert_eq!(r.step(Transition::OpnameBeoordeling).unwrap().coverage, (1, 1));
        assert_eq!(r.chain_total.as_ref().and_then(|c| c.summary).map(|s| s.mean), Some(310.0));
    }

    #[test]
    fn the_period_filter_selects_steps_by_their_end_date() {
        use Milestone::*;
        let v = vec![
            addr("a", &[(Opname, "2016-01-01"), (Beoordeling, "2016-04-10")]),
            addr("b", &[(Opname, "2019-01-01"), (Beoordeling, "2020-03-01")]),
        ];
        let f = Filters { from: crate::data::date::Month::parse("2020-01").ok(), to: crate::data::date::Month::parse("2020-12").ok(), ..Filters::default() };
        let r = compute(&v, CohortChoice::All, d("2025-12-31"), &f);
        let ob = r.step(Transition::OpnameBeoordeling).unwrap();
        assert_eq!(ob.days, vec![425.0]);
        assert_eq!(ob.coverage, (1, 1));
        // SodM's method has its own peildatum: the period does not apply.
        let r = compute(&v, CohortChoice::Sodm, d("2025-12-31"), &f);
        assert_eq!(r.reference, d("2020-07-17"));
    }

    #[test]
    fn small_selections_show_no_figures() {
        use Milestone::*;
        let v: Vec<Address> = (0..3).map(|i| addr(&format!("a{i}"), &[(Opname, "2016-01-01"), (Beoordeling, "2016-04-10")])).collect();
        let r = compute(&v, CohortChoice::All, d("2025-12-31"), &Filters::default());
        let ob = r.step(Transition::OpnameBeoordeling).unwrap();
        let stats = step_stats(ob, true, Lang::Nl);
        // The one mark of a hidden count on every page (was "< 5"; see `format::HIDDEN`).
        assert_eq!(stats.iter().find(|s| s.key == "n").map(|s| s.display.as_str()), Some("×"));
        assert!(stats.iter().all(|s| s.key != "mediaan"), "no median of fewer than 5 addresses");
        let h = histogram(ob, r.reference, r.choice, true, ChartMeta::default(), Lang::Nl);
        assert!(h.bins.iter().all(|b| b.count == 0));
        assert!(h.lines.is_empty());
    }
}
