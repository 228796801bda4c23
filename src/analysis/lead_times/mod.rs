//! Lead times (doorlooptijden): how long the steps of the reinforcement take, for how many
//! addresses that is known, and how long the addresses still waiting have been waiting.
//!
//! Two sources, one view, clearly labelled:
//! - **exact**, from address-level data (the synthetic demo or a loaded bronbestand): the days
//!   between two milestones per address ([`crate::analysis::lead_time_exact`]), as histograms with
//!   percentiles ([`percentiles`], [`binning`], [`exact`]);
//! - **estimated** from published cumulative figures, first-in-first-out ([`curves`],
//!   [`fifo_estimate`], [`estimate`]), with Little's law as a cross-check ([`littles_law`]) and
//!   the estimator's error measured on the synthetic data, where the exact answer is known
//!   ([`validation`]).
//!
//! Reading order: [`percentiles`] → [`binning`] → [`address_filter`] → [`exact`] → [`curves`] →
//! [`fifo_estimate`] → [`littles_law`] → [`estimate`] → [`cohorts`] (is it getting faster?) →
//! [`published_means`] (SodM table 2.4) → [`open_ages`] (how long the open cases have waited) →
//! [`validation`] → [`short_answer`] (the page's answer in a few lines) → [`page`] (everything the
//! Doorlooptijden view shows).

pub mod address_filter;
pub mod binning;
pub mod curves;
pub mod fifo_estimate;
pub mod littles_law;
pub mod percentiles;
pub mod validation;
pub mod estimate;
pub mod exact;
pub mod cohorts;
pub mod open_ages;
pub mod page;
pub mod published_means;
pub mod short_answer;

use crate::analysis::lead_time_exact::Transition;
use crate::i18n::{format, texts, Lang};
use binning::{DAYS_PER_MONTH, SUPPRESS_BELOW};
use percentiles::Summary;

/// One key figure beside a chart: shown as a description list, read by tests through `key`.
#[derive(Clone, Debug, PartialEq)]
pub struct Stat {
    /// Stable key: `n`, `dekking`, `gemiddelde`, `mediaan`, `p25`, `p75`, `p90`, `binnen_6_mnd`, …
    pub key: &'static str,
    pub label: String,
    /// What the reader sees: "580 dagen (19,1 mnd)", "350 van 1.177", "×" (hidden).
    pub display: String,
    /// The number behind it (days, count or share 0–100), `None` when suppressed or not a number.
    pub value: Option<f64>,
}

/// The label of a step in the chosen language.
pub fn transition_label(t: Transition, lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => t.label_nl(),
        Lang::En => t.label_en(),
    }
}

/// "580 dagen (19,1 mnd)".
pub fn days_text(days: f64, lang: Lang) -> String {
    (texts(lang).doorlooptijden.days)(&format::int(days, lang), &format::dec(days / DAYS_PER_MONTH, 1, lang))
}

/// A count as shown: the number, or hidden ("×", the one mark of a hidden count on every page)
/// when suppression applies and it is 1–4.
pub fn count_text(n: u64, suppress: bool, lang: Lang) -> (String, Option<f64>) {
    if suppress && n > 0 && n < SUPPRESS_BELOW {
        (crate::i18n::format::HIDDEN.to_string(), None)
    } else {
        (format::int(n as f64, lang), Some(n as f64))
    }
}

/// The key figures of a distribution of days: n, mean, median, 25th/75th/90th percentile and the
/// share within six months. With `suppress` and fewer than 5 values only "n: ×" is shown.
pub fn summary_stats(s: Option<&Summary>, sorted_days: &[f64], suppress: bool, lang: Lang) -> Vec<Stat> {
    let t = &texts(lang).doorlooptijden;
    let n = s.map(|s| s.n).unwrap_or(0) as u64;
    let (nd, nv) = count_text(n, suppress, lang);
    let mut out = vec![Stat { key: "n", label: t.stat_n.to_string(), display: nd, value: nv }];
    let Some(s) = s.filter(|_| !(suppress && n < SUPPRESS_BELOW)) else { return out };
    let day_stat = |key, label: &str, v: f64| Stat { key, label: label.to_string(), display: days_text(v, lang), value: Some(v) };
    out.push(day_stat("gemiddelde", t.stat_mean, s.mean));
    out.push(day_stat("mediaan", t.stat_median, s.median));
    out.push(day_stat("p25", t.stat_p25, s.p25));
    out.push(day_stat("p75", t.stat_p75, s.p75));
    out.push(day_stat("p90", t.stat_p90, s.p90));
    if let Some(share) = percentiles::share_at_most(sorted_days, 6.0 * DAYS_PER_MONTH) {
        out.push(Stat { key: "binnen_6_mnd", label: t.stat_within_6m.to_string(), display: format::pct(share * 100.0, 0, lang), value: Some(share * 100.0) });
    }
    out
}
