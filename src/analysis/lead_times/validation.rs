//! How good is the first-in-first-out estimate? Measured on the synthetic demonstration data,
//! where the exact answer is known: run the estimator on the demo's cumulative series and compare
//! its median and mean with the exact lead times of the demo's addresses that left the step in the
//! same window.
//!
//! Two granularities:
//! - **monthly**: the demo's derived archive (month-end cumulative counts, as the app derives them
//!   when the demo is active);
//! - **as published**: the demo's counts taken only on the dates the published archive has points
//!   for (SodM's periods "voor 2017", 2017, 2018, half years, quarters; NCG's year totals), with
//!   the same assumed origin — the situation of the estimate shown without address data.
//!
//! The measured differences are written into the method note of the estimated charts
//! (`i18n::doorlooptijden::VALIDATION`); `tests/lead_times_validation.rs` recomputes them and fails
//! when the text is out of date.

use super::curves::{self, day_of, Curve};
use super::fifo_estimate::{estimate, FifoStep, STEPS};
use super::percentiles::{summarise, Summary};
use crate::analysis::lead_time_exact::Transition;
use crate::analysis::select::Vintage;
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::bronbestand::{Address, Milestone};
use crate::data::date::Date;

/// Exact and estimated lead times of the exits in one window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Comparison {
    /// First and last exit day of the window.
    pub window: (i64, i64),
    pub exact: Summary,
    pub estimated: Summary,
}

impl Comparison {
    /// Estimated minus exact median, in days.
    pub fn median_error(&self) -> f64 {
        self.estimated.median - self.exact.median
    }
    /// Estimated minus exact mean, in days.
    pub fn mean_error(&self) -> f64 {
        self.estimated.mean - self.exact.mean
    }
}

/// The validation of one step.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationRow {
    pub transition: Transition,
    /// On the demo's monthly derived series.
    pub monthly: Option<Comparison>,
    /// On the demo's counts at the published dates.
    pub as_published: Option<Comparison>,
}

/// Exact durations (days) of the step for addresses that left it on a day inside `window`.
pub fn exact_days(addresses: &[Address], (from, to): (Milestone, Milestone), window: (i64, i64)) -> Vec<f64> {
    addresses
        .iter()
        .filter_map(|a| {
            let (s, e) = (a.day(from)?, a.day(to)?);
            (e >= s && e >= window.0 && e <= window.1).then_some((e - s) as f64)
        })
        .collect()
}

/// Compare the estimate from two curves with the exact durations in the estimate's exit window.
pub fn compare(addresses: &[Address], step: &FifoStep, entry: &Curve, exit: &Curve) -> Option<Comparison> {
    let est = estimate(entry, exit, None);
    let window = (day_of(est.passages.first()?.exit), day_of(est.passages.last()?.exit));
    Some(Comparison { window, exact: summarise(&exact_days(addresses, step.milestones, window))?, estimated: summarise(&est.days())? })
}

/// The demo's count of addresses with milestone `m` on or before each time of `like` (a published
/// curve), keeping `like`'s assumed origin.
pub fn counts_like(addresses: &[Address], m: Milestone, like: &Curve) -> Curve {
    let mut days: Vec<i64> = addresses.iter().filter_map(|a| a.day(m)).collect();
    crate::data::sort::sort(&mut days[..]);
    let skip = usize::from(like.assumed_origin);
    let points: Vec<(Date, f64)> = like
        .points
        .iter()
        .skip(skip)
        .filter_map(|&(t, _)| {
            let d = day_of(t);
            Some((Date::from_days(d)?, days.partition_point(|&x| x <= d) as f64))
        })
        .collect();
    let mut c = Curve::from_dates(&points);
    if like.assumed_origin {
        let mut with_origin = vec![(curves::origin().add_days(-1).unwrap_or(Date::Y2K), 0.0)];
        with_origin.extend(points);
        c = Curve::from_dates(&with_origin);
        c.assumed_origin = true;
    }
    c
}

/// Validate every step: on the demo's derived archive (`derived`), and at the dates of the
/// published archive (`published`) when given.
pub fn validate(addresses: &[Address], derived: &Archive, published: Option<&Archive>) -> Vec<ValidationRow> {
    let total = Breakdown::default();
    STEPS
        .iter()
        .map(|step| {
            let entry = curves::from_archive(derived, step.entry, &total, Vintage::Latest);
            let exit = curves::from_archive(derived, step.exit, &total, Vintage::Latest);
            let monthly = compare(addresses, step, &entry, &exit);
            let as_published = published.and_then(|p| {
                let pe = curves::from_archive(p, step.entry, &total, Vintage::Latest);
                let px = curves::from_archive(p, step.exit, &total, Vintage::Latest);
                if pe.is_empty() || px.is_empty() {
                    return None;
                }
                compare(addresses, step, &counts_like(addresses, step.milestones.0, &pe), &counts_like(addresses, step.milestones.1, &px))
            });
            ValidationRow { transition: step.transition, monthly, as_published }
        })
        .collect()
}
