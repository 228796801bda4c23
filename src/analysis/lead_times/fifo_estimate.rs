//! Lead times estimated from two cumulative curves, first-in-first-out.
//!
//! When only published totals exist — how many addresses had been inspected by each date, and how
//! many assessed — the lead time can still be estimated by assuming the addresses leave a step in
//! the order they entered it: the k-th address to be assessed is the k-th that was inspected. Its
//! lead time is then the horizontal distance between the two curves at height k. Both curves are
//! read with linear interpolation between the published points ([`super::curves`]); the k-th
//! address is taken at height k − ½ (the middle of its unit step).
//!
//! What this cannot see, and why the result is labelled an estimate:
//! - **order**: addresses that overtake others (priority for high risk, batches handled in one
//!   go) make the real spread wider than the estimate;
//! - **routes that skip a step**: an address that is completed without ever entering planning
//!   (it met the norm) still counts on the exit curve, so lead times come out too short;
//! - **resets and corrections**: an assessment taken back and redone, or milestones registered
//!   months later (NCG's data cleaning of November 2020), move the curves;
//! - **scope additions**: addresses added to the operation change the entry curve at one moment;
//! - **timing within a period**: with yearly figures every address is assumed to arrive evenly
//!   through the year.
//!
//! Exits matched to an entry *after* the exit (the exit curve above the entry curve — impossible
//! first-in-first-out) are counted apart as negative, never plotted.

use super::curves::Curve;
use crate::analysis::lead_time_exact::Transition;
use crate::data::bronbestand::Milestone;

/// The measures whose cumulative curves enter and leave a step, and the milestones of the same
/// step in a bronbestand (for validating the estimate where the exact answer is known).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FifoStep {
    pub transition: Transition,
    /// Measure codes of the entry curve (first with figures wins, others fill in).
    pub entry: &'static [&'static str],
    /// Measure codes of the exit curve.
    pub exit: &'static [&'static str],
    /// The same step in a bronbestand: (start milestone, end milestone).
    pub milestones: (Milestone, Milestone),
}

/// SodM's "uitvoering gereed" and NCG's "versterkingstraject afgerond" count the same event.
const GEREED: &[&str] = &["uitvoering_gereed", "traject_afgerond"];

/// Every step the estimator knows, in [`Transition::ALL`] order.
pub const STEPS: [FifoStep; 6] = [
    FifoStep { transition: Transition::OpnameBeoordeling, entry: &["opname"], exit: &["beoordeling"], milestones: (Milestone::Opname, Milestone::Beoordeling) },
    FifoStep {
        transition: Transition::BeoordelingPlanvorming,
        entry: &["beoordeling"],
        exit: &["planvorming_gestart"],
        milestones: (Milestone::Beoordeling, Milestone::Planvorming),
    },
    FifoStep { transition: Transition::PlanvormingGereed, entry: &["planvorming_gestart"], exit: GEREED, milestones: (Milestone::Planvorming, Milestone::Afgerond) },
    FifoStep {
        transition: Transition::BesluitBouwGestart,
        entry: &["versterkingsbesluit"],
        exit: &["bouw_gestart"],
        milestones: (Milestone::Versterkingsbesluit, Milestone::BouwGestart),
    },
    FifoStep { transition: Transition::BouwGestartGereed, entry: &["bouw_gestart"], exit: &["bouw_gereed"], milestones: (Milestone::BouwGestart, Milestone::BouwGereed) },
    FifoStep { transition: Transition::Traject, entry: &["opname"], exit: GEREED, milestones: (Milestone::Opname, Milestone::Afgerond) },
];

/// The estimator's step for a transition.
pub fn step(t: Transition) -> Option<&'static FifoStep> {
    STEPS.iter().find(|s| s.transition == t)
}

/// One estimated passage through the step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Passage {
    /// When the address left the step (continuous days, see [`super::curves`]).
    pub exit: f64,
    /// Estimated lead time in days.
    pub days: f64,
}

/// The estimate for all exits inside a window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FifoEstimate {
    /// Ordered by exit time.
    pub passages: Vec<Passage>,
    /// Exits in the window whose entry time is not known (the entry curve starts too late).
    pub not_estimable: u64,
    /// Exits matched to a later entry (the exit curve runs above the entry curve).
    pub negative: u64,
    /// Exits, or the entries matched to them, on or after a curve's definition break
    /// ([`Curve::definition_from`]): not estimated, since the curve's level there joins two
    /// definitions.
    pub after_break: u64,
}

impl FifoEstimate {
    /// The lead times in days, in exit order.
    pub fn days(&self) -> Vec<f64> {
        self.passages.iter().map(|p| p.days).collect()
    }
}

/// Match the k-th exit to the k-th entry for every exit with a known time inside `window`
/// (continuous days, inclusive; `None` = everything). Exits before the first real point of an
/// exit curve that starts at an assumed origin are not estimated (their timing is assumed too).
pub fn estimate(entry: &Curve, exit: &Curve, window: Option<(f64, f64)>) -> FifoEstimate {
    let mut out = FifoEstimate::default();
    let Some(&(_, top)) = exit.points.last() else { return out };
    let first_real = if exit.assumed_origin { exit.points.get(1).map(|p| p.0).unwrap_or(f64::INFINITY) } else { f64::NEG_INFINITY };
    let n = top.floor() as u64;
    let (entry_break, exit_break) = (entry.break_time(), exit.break_time());
    for k in 1..=n {
        let level = k as f64 - 0.5;
        let Some(t_out) = exit.time_of(level) else { continue };
        if t_out < first_real || window.is_some_and(|(a, b)| t_out < a || t_out > b) {
            continue;
        }
        // Regression: 'beoordeling → planvorming' was estimated for exits to the end of 2020,
        // matching 2020's broader 'planvorming gestart' against a level counted as 'project
        // vastgesteld' up to 2019: a join of two definitions the rest of the site refuses.
        if t_out > exit_break {
            out.after_break += 1;
            continue;
        }
        match entry.time_of(level) {
            Some(t_in) if t_in > entry_break => out.after_break += 1,
            None => out.not_estimable += 1,
            Some(t_in) if t_in > t_out => out.negative += 1,
            Some(t_in) => out.passages.push(Passage { exit: t_out, days: t_out - t_in }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::date::Date;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or(Date::Y2K)
    }

    #[test]
    fn a_constant_delay_is_recovered() {
        // 10 entries per day from 1 Jan, the same 10 leave exactly 30 days later.
        let entry = Curve::from_dates(&[(d("2019-12-31"), 0.0), (d("2020-12-31"), 3660.0)]);
        let exit = Curve::from_dates(&[(d("2020-01-30"), 0.0), (d("2021-01-30"), 3660.0)]);
        let e = estimate(&entry, &exit, None);
        assert_eq!(e.passages.len(), 3660);
        assert!(e.passages.iter().all(|p| (p.days - 30.0).abs() < 1e-9));
        assert_eq!((e.not_estimable, e.negative), (0, 0));
    }

    #[test]
    fn a_window_selects_exits_and_a_late_entry_curve_is_not_estimable() {
        let entry = Curve::from_dates(&[(d("2020-01-01"), 50.0), (d("2020-12-31"), 150.0)]);
        let exit = Curve::from_dates(&[(d("2019-12-31"), 0.0), (d("2021-12-31"), 100.0)]);
        let e = estimate(&entry, &exit, None);
        // Exits 1..=50 match entries before the entry curve is known.
        assert_eq!(e.not_estimable, 50);
        assert_eq!(e.passages.len(), 50);
        let w = (super::super::curves::end_of(d("2021-01-01")), super::super::curves::end_of(d("2021-12-31")));
        assert!(estimate(&entry, &exit, Some(w)).passages.iter().all(|p| p.exit >= w.0));
    }

    #[test]
    fn nothing_is_estimated_past_a_definition_break() {
        // 10 a day in, the same 10 out 30 days later; the exit measure changed definition on
        // 1 March 2020: exits from that day on are not estimated, the earlier ones are.
        let entry = Curve::from_dates(&[(d("2019-12-31"), 0.0), (d("2020-12-31"), 3660.0)]);
        let mut exit = Curve::from_dates(&[(d("2020-01-30"), 0.0), (d("2021-01-30"), 3660.0)]);
        exit.definition_from = Some(d("2020-03-01"));
        let e = estimate(&entry, &exit, None);
        assert_eq!(e.passages.len(), 300, "30 days of February, 10 a day");
        assert_eq!(e.after_break, 3360);
        assert!(e.passages.iter().all(|p| p.exit <= super::super::curves::end_of(d("2020-02-29"))));
        // The entry measure's break: exits whose matched entry lies on or after it.
        let mut entry = entry;
        entry.definition_from = Some(d("2020-03-01"));
        exit.definition_from = None;
        let e = estimate(&entry, &exit, None);
        assert_eq!((e.passages.len(), e.after_break), (600, 3060), "entries of January and February");
    }

    #[test]
    fn exits_above_entries_are_negative_and_empty_curves_give_nothing() {
        let entry = Curve::from_dates(&[(d("2020-06-30"), 0.0), (d("2020-12-31"), 100.0)]);
        let exit = Curve::from_dates(&[(d("2019-12-31"), 0.0), (d("2020-06-30"), 100.0)]);
        let e = estimate(&entry, &exit, None);
        assert_eq!((e.passages.len(), e.negative), (0, 100));
        assert_eq!(estimate(&Curve::default(), &Curve::default(), None), FifoEstimate::default());
    }
}
