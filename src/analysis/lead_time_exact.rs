//! Exact lead times from a bronbestand: per address the days between consecutive milestones.
//!
//! This module returns plain data — the durations per transition, how many addresses had both
//! dates (coverage, e.g. SodM's "350 van 1.177"), the negative durations apart (a later milestone
//! dated before an earlier one: reported, never plotted) and the age of open cases per fase.
//! Histograms and statistics are made elsewhere (the lead-time view).
//!
//! Cohorts follow SodM table 2.4 (peildatum 17-07-2020): addresses that completed the whole
//! trajectory, addresses now in "planvorming gestart", and addresses that so far only have an
//! assessment. With `chain_only`, only addresses with every date of the cohort's chain (in order)
//! count, so the per-step means add up to the total, as in SodM's table.

use std::sync::Arc;

use super::derive::Facts;
use crate::data::bronbestand::{Address, Milestone};
use crate::data::date::Date;

/// A step between two milestones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Transition {
    /// Opname → beoordeling gereed.
    OpnameBeoordeling,
    /// Beoordeling gereed → planvorming gestart (the "wachttijd").
    BeoordelingPlanvorming,
    /// Planvorming gestart → bouw gereed (or afgerond when bouw gereed has no date).
    PlanvormingGereed,
    /// Versterkingsbesluit → bouw gestart.
    BesluitBouwGestart,
    /// Bouw gestart → bouw gereed.
    BouwGestartGereed,
    /// The whole trajectory: opname → afgerond (or the day the norm was met when `afgerond` is missing).
    Traject,
}

impl Transition {
    /// All transitions.
    pub const ALL: [Transition; 6] = [
        Transition::OpnameBeoordeling,
        Transition::BeoordelingPlanvorming,
        Transition::PlanvormingGereed,
        Transition::BesluitBouwGestart,
        Transition::BouwGestartGereed,
        Transition::Traject,
    ];

    /// Start and end day of the step for one address, when both are known.
    pub fn days(self, a: &Address) -> (Option<i64>, Option<i64>) {
        let d = |m| a.day(m);
        match self {
            Transition::OpnameBeoordeling => (d(Milestone::Opname), d(Milestone::Beoordeling)),
            Transition::BeoordelingPlanvorming => (d(Milestone::Beoordeling), d(Milestone::Planvorming)),
            Transition::PlanvormingGereed => (d(Milestone::Planvorming), gereed(a)),
            Transition::BesluitBouwGestart => (d(Milestone::Versterkingsbesluit), d(Milestone::BouwGestart)),
            Transition::BouwGestartGereed => (d(Milestone::BouwGestart), d(Milestone::BouwGereed)),
            Transition::Traject => (d(Milestone::Opname), a.closed_day()),
        }
    }

    /// Short Dutch label.
    pub fn label_nl(self) -> &'static str {
        match self {
            Transition::OpnameBeoordeling => "opname → beoordeling",
            Transition::BeoordelingPlanvorming => "beoordeling → planvorming",
            Transition::PlanvormingGereed => "planvorming → gereed",
            Transition::BesluitBouwGestart => "versterkingsbesluit → bouw gestart",
            Transition::BouwGestartGereed => "bouw gestart → bouw gereed",
            Transition::Traject => "opname → afgerond",
        }
    }

    /// Short English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Transition::OpnameBeoordeling => "inspection → assessment",
            Transition::BeoordelingPlanvorming => "assessment → planning",
            Transition::PlanvormingGereed => "planning → finished",
            Transition::BesluitBouwGestart => "reinforcement decision → construction started",
            Transition::BouwGestartGereed => "construction started → finished",
            Transition::Traject => "inspection → completed",
        }
    }
}

/// "Gereed": bouw gereed, or afgerond when bouw gereed has no date.
fn gereed(a: &Address) -> Option<i64> {
    a.day(Milestone::BouwGereed).or(a.day(Milestone::Afgerond))
}

/// Which addresses (on the reference date).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cohort {
    /// Every address.
    All,
    /// The trajectory is completed (afgerond, or met the norm when `afgerond` is missing).
    Completed,
    /// Planvorming started, not completed.
    InPlanvorming,
    /// Assessed, planvorming not started, not completed.
    Beoordeeld,
    /// In the werkvoorraad and not completed.
    Open,
}

impl Cohort {
    fn contains(self, a: &Address, f: &Facts, day: i64) -> bool {
        let on = |m: Milestone| a.day(m).is_some_and(|d| d <= day);
        let closed = f.closed.is_some_and(|d| d <= day);
        match self {
            Cohort::All => true,
            Cohort::Completed => closed,
            Cohort::InPlanvorming => on(Milestone::Planvorming) && !closed,
            Cohort::Beoordeeld => on(Milestone::Beoordeling) && !on(Milestone::Planvorming) && !closed,
            Cohort::Open => f.entry <= day && !closed,
        }
    }

    /// The milestones every address of the cohort must have (in order) with `chain_only`.
    fn chain(self) -> &'static [Transition] {
        match self {
            Cohort::Completed => &[Transition::OpnameBeoordeling, Transition::BeoordelingPlanvorming, Transition::PlanvormingGereed],
            Cohort::InPlanvorming => &[Transition::OpnameBeoordeling, Transition::BeoordelingPlanvorming],
            Cohort::Beoordeeld => &[Transition::OpnameBeoordeling],
            Cohort::All | Cohort::Open => &[],
        }
    }
}

/// The durations of one step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TransitionTimes {
    pub transition: Option<Transition>,
    /// Days, zero or more, one per address with both dates in order.
    pub durations: Vec<i64>,
    /// Addresses whose end is dated before their start: (id, days). Reported, not plotted.
    pub negative: Vec<(Arc<str>, i64)>,
    /// Addresses of the cohort that reached the end of the step by the reference date
    /// (with or without a start date): the denominator of the coverage.
    pub reached_end: u64,
    /// Of those, the ones with a start date too (durations + negatives).
    pub with_both: u64,
}

impl TransitionTimes {
    /// The mean in days, if there is any duration.
    pub fn mean(&self) -> Option<f64> {
        (!self.durations.is_empty()).then(|| self.durations.iter().sum::<i64>() as f64 / self.durations.len() as f64)
    }
}

/// Lead times of one cohort on one date.
#[derive(Clone, Debug, PartialEq)]
pub struct LeadTimes {
    pub reference: Date,
    pub cohort: Cohort,
    pub chain_only: bool,
    /// Addresses in the cohort.
    pub cohort_size: u64,
    /// Addresses with the full chain of dates, in order (e.g. 350 of the 1,177 completed).
    pub chain_complete: u64,
    /// Per transition, in [`Transition::ALL`] order.
    pub transitions: Vec<TransitionTimes>,
    /// Total days over the chain (first start to last end) of the addresses with the full chain.
    pub chain_totals: Vec<i64>,
}

impl LeadTimes {
    /// The times of one transition.
    pub fn transition(&self, t: Transition) -> Option<&TransitionTimes> {
        self.transitions.iter().find(|x| x.transition == Some(t))
    }
    /// Mean total over the chain (SodM's "Totaal dagen"), if any address has the full chain.
    pub fn chain_total_mean(&self) -> Option<f64> {
        (!self.chain_totals.is_empty()).then(|| self.chain_totals.iter().sum::<i64>() as f64 / self.chain_totals.len() as f64)
    }
}

/// Lead times of the addresses in `cohort` on `reference`. Only dates on or before the reference
/// date count. With `chain_only`, only addresses with every date of the cohort's chain in order
/// contribute durations (SodM's method; the coverage then says how many that were).
pub fn lead_times(addresses: &[Address], reference: Date, cohort: Cohort, chain_only: bool) -> LeadTimes {
    let day = reference.to_days();
    let mut out = LeadTimes {
        reference,
        cohort,
        chain_only,
        cohort_size: 0,
        chain_complete: 0,
        transitions: Transition::ALL.iter().map(|t| TransitionTimes { transition: Some(*t), ..TransitionTimes::default() }).collect(),
        chain_totals: Vec::new(),
    };
    let chain = cohort.chain();
    for a in addresses {
        let f = Facts::of(a);
        if !cohort.contains(a, &f, day) {
            continue;
        }
        out.cohort_size += 1;
        let known = |x: Option<i64>| x.filter(|&d| d <= day);
        let full_chain = !chain.is_empty()
            && chain.iter().all(|t| {
                let (s, e) = t.days(a);
                matches!((known(s), known(e)), (Some(s), Some(e)) if e >= s)
            });
        if full_chain {
            out.chain_complete += 1;
            let first = chain.first().and_then(|t| known(t.days(a).0));
            let last = chain.last().and_then(|t| known(t.days(a).1));
            if let (Some(s), Some(e)) = (first, last) {
                out.chain_totals.push(e - s);
            }
        }
        for (t, times) in Transition::ALL.iter().zip(out.transitions.iter_mut()) {
            let (s, e) = t.days(a);
            let Some(e) = known(e) else { continue };
            times.reached_end += 1;
            let Some(s) = known(s) else { continue };
            times.with_both += 1;
            if chain_only && !chain.is_empty() && chain.contains(t) && !full_chain {
                continue;
            }
            if e < s {
                times.negative.push((Arc::from(a.id.as_str()), e - s));
            } else {
                times.durations.push(e - s);
            }
        }
    }
    out
}

/// What one address adds to the `chain_only` lead times of a cohort, for every reference date
/// at once: it counts on the days `from..until` (`until` `None`: from then on), with these
/// durations per step of the cohort's chain and over the whole chain.
///
/// Over one reference date, [`lead_times`] with `chain_only` gives per chain step exactly the
/// durations of the addresses whose span holds that date (all of them in order, so none
/// negative), and `chain_totals` their totals: summing these contributions per date gives the
/// same means without a pass over all addresses per date (see `analysis::derive`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChainContribution {
    /// First day the address is in the cohort with its whole chain dated (in order).
    pub from: i64,
    /// First day it no longer is (leaves the cohort), if ever.
    pub until: Option<i64>,
    /// Duration of each step of [`Cohort::chain_steps`] (unused entries are 0).
    pub steps: [i64; 3],
    /// First start to last end of the chain.
    pub total: i64,
}

impl Cohort {
    /// The steps of the chain (`chain_only`), in order.
    pub fn chain_steps(self) -> &'static [Transition] {
        self.chain()
    }

    /// The days on which an address is in the cohort: `from..until`.
    fn span(self, a: &Address, f: &Facts) -> Option<(i64, Option<i64>)> {
        let min_opt = |x: Option<i64>, y: Option<i64>| match (x, y) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        match self {
            Cohort::All => Some((i64::MIN, None)),
            Cohort::Completed => Some((f.closed?, None)),
            Cohort::InPlanvorming => Some((a.day(Milestone::Planvorming)?, f.closed)),
            Cohort::Beoordeeld => Some((a.day(Milestone::Beoordeling)?, min_opt(a.day(Milestone::Planvorming), f.closed))),
            Cohort::Open => Some((f.entry, f.closed)),
        }
    }

    /// What `a` adds to this cohort's `chain_only` lead times (see [`ChainContribution`]);
    /// `None` when it never has the whole chain in order while in the cohort.
    pub fn chain_contribution(self, a: &Address, f: &Facts) -> Option<ChainContribution> {
        let chain = self.chain();
        if chain.is_empty() || chain.len() > 3 {
            return None;
        }
        let (mut from, until) = self.span(a, f)?;
        let mut steps = [0i64; 3];
        for (t, slot) in chain.iter().zip(steps.iter_mut()) {
            let (s, e) = t.days(a);
            let (s, e) = (s?, e?);
            if e < s {
                return None;
            }
            from = from.max(e).max(s);
            *slot = e - s;
        }
        if until.is_some_and(|u| u <= from) {
            return None;
        }
        let first = chain.first().and_then(|t| t.days(a).0)?;
        let last = chain.last().and_then(|t| t.days(a).1)?;
        Some(ChainContribution { from, until, steps, total: last - first })
    }
}

/// How long the open addresses of one fase have been in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenAges {
    /// Fase 1..=5.
    pub fase: u8,
    /// Days since entering the fase, one per address with a known entry day.
    pub ages: Vec<i64>,
    /// Open addresses in the fase whose entry day is unknown (no `toegevoegd` and no milestone).
    pub without_entry: u64,
}

/// Age of every open case per fase (1..=5) on `reference`.
pub fn open_ages(addresses: &[Address], reference: Date) -> Vec<OpenAges> {
    let day = reference.to_days();
    let mut out: Vec<OpenAges> = (1..=5u8).map(|fase| OpenAges { fase, ..OpenAges::default() }).collect();
    for a in addresses {
        let f = Facts::of(a);
        let Some(fase) = f.fase_on(day) else { continue };
        let Some(slot) = out.get_mut(usize::from(fase).wrapping_sub(1)) else { continue };
        match f.fase_from.get(usize::from(fase)).copied().flatten() {
            Some(since) if since != i64::MIN => slot.ages.push(day - since),
            _ => slot.without_entry += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::breakdown::{Eigenaar, Risicoprofiel};
    use crate::data::bronbestand::Uitkomst;
    use crate::data::gemeente::GemeenteCode;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or(Date::Y2K)
    }

    fn addr(id: &str, dates: &[(Milestone, &str)], u: Option<Uitkomst>) -> Address {
        let mut a = Address::new(id, GemeenteCode(1979), "Loppersum", 9919, Risicoprofiel::P90, Eigenaar::Particulier);
        for (m, s) in dates {
            a.set_date(*m, Some(d(s)));
        }
        a.uitkomst = u;
        a
    }

    #[test]
    fn completed_chain_coverage_and_means_add_up() {
        use Milestone::*;
        let v = vec![
            // full chain: 100 + 10 + 200 = 310
            addr(
                "a",
                &[(Opname, "2016-01-01"), (Beoordeling, "2016-04-10"), (Planvorming, "2016-04-20"), (Afgerond, "2016-11-06")],
                Some(Uitkomst::Versterken),
            ),
            // no planvorming date: completed, but not in the chain
            addr("b", &[(Opname, "2016-01-01"), (Beoordeling, "2016-04-10"), (Afgerond, "2017-01-01")], Some(Uitkomst::Versterken)),
            // beoordeling before opname: a negative duration, not in the chain
            addr(
                "c",
                &[(Opname, "2016-05-01"), (Beoordeling, "2016-04-10"), (Planvorming, "2016-04-20"), (Afgerond, "2017-01-01")],
                Some(Uitkomst::Versterken),
            ),
            // completed after the reference date: not in the cohort
            addr(
                "e",
                &[(Opname, "2016-01-01"), (Beoordeling, "2016-04-10"), (Planvorming, "2016-04-20"), (Afgerond, "2021-01-01")],
                Some(Uitkomst::Versterken),
            ),
        ];
        let lt = lead_times(&v, d("2020-07-17"), Cohort::Completed, true);
        assert_eq!((lt.cohort_size, lt.chain_complete), (3, 1));
        let ob = lt.transition(Transition::OpnameBeoordeling).unwrap();
        assert_eq!(ob.durations, vec![100]);
        assert_eq!(ob.reached_end, 3);
        assert_eq!(ob.with_both, 3);
        assert_eq!(ob.negative.len(), 0); // c is outside the chain with chain_only
        assert_eq!(lt.chain_total_mean(), Some(310.0));
        // Without chain_only the negative one is reported apart.
        let lt = lead_times(&v, d("2020-07-17"), Cohort::Completed, false);
        let ob = lt.transition(Transition::OpnameBeoordeling).unwrap();
        assert_eq!(ob.durations, vec![100, 100]);
        assert_eq!(&*ob.negative[0].0, "c");
        assert_eq!(ob.negative[0].1, -21);
        // The whole trajectory runs to afgerond.
        let tr = lt.transition(Transition::Traject).unwrap();
        assert_eq!(tr.durations, vec![310, 366, 245]);
    }

    #[test]
    fn open_cases_have_an_age_per_fase() {
        use Milestone::*;
        let mut a = addr("a", &[(Opname, "2020-01-01")], None);
        a.set_toegevoegd(Some(d("2019-01-01")));
        let mut b = addr("b", &[], None);
        b.set_toegevoegd(Some(d("2019-07-17")));
        let c = addr("c", &[], None); // unknown entry
        let ages = open_ages(&[a, b, c], d("2020-07-17"));
        assert_eq!(ages[2].ages, vec![198]); // fase 3 since the opname
        assert_eq!(ages[0].ages, vec![366]); // fase 1 since it was added
        assert_eq!(ages[0].without_entry, 1);
    }

    proptest::proptest! {
        /// `chain_contribution` summed over the addresses whose span holds a date gives exactly
        /// what `lead_times(.., chain_only = true)` gives on that date (the derivation relies on it).
        #[test]
        fn chain_contributions_match_lead_times(
            raws in proptest::collection::vec((proptest::array::uniform9(proptest::option::weighted(0.6, 0i64..4000)), 0u8..5), 0..60),
            refs in proptest::collection::vec(0i64..4400, 1..6),
        ) {
            let base = d("2014-01-01").to_days();
            let v: Vec<Address> = raws.iter().enumerate().map(|(i, (days, u))| {
                let mut a = addr(&format!("a{i}"), &[], Uitkomst::ALL.get(usize::from(*u)).copied());
                for (m, x) in Milestone::ALL.iter().zip(days) {
                    a.set_date(*m, x.and_then(|x| Date::from_days(base + x)));
                }
                a
            }).collect();
            for cohort in [Cohort::Completed, Cohort::InPlanvorming, Cohort::Beoordeeld] {
                for r in &refs {
                    let Some(reference) = Date::from_days(base + r) else { continue };
                    let day = reference.to_days();
                    let lt = lead_times(&v, reference, cohort, true);
                    let (mut n, mut steps, mut total) = (0u64, [0i64; 3], 0i64);
                    for a in &v {
                        let f = Facts::of(a);
                        let Some(c) = cohort.chain_contribution(a, &f) else { continue };
                        if c.from <= day && c.until.is_none_or(|u| day < u) {
                            n += 1;
                            steps.iter_mut().zip(c.steps).for_each(|(s, x)| *s += x);
                            total += c.total;
                        }
                    }
                    proptest::prop_assert_eq!(n, lt.chain_complete);
                    proptest::prop_assert_eq!(total, lt.chain_totals.iter().sum::<i64>());
                    for (i, t) in cohort.chain_steps().iter().enumerate() {
                        let times = lt.transition(*t).map(|x| x.durations.clone()).unwrap_or_default();
                        proptest::prop_assert_eq!(times.len() as u64, n);
                        proptest::prop_assert_eq!(times.iter().sum::<i64>(), steps[i]);
                    }
                }
            }
        }
    }
}
