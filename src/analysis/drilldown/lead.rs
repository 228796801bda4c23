//! Lead times of a gemeente or a cluster, from address-level data: per step the median number of
//! days of the addresses that completed it (all addresses with both dates, on the reference
//! date, [`lead_time_exact::lead_times`] with the `All` cohort). Below gemeente level a step is
//! only shown from 5 addresses, and only as far as the area's shown fase cells allow
//! ([`step_shown`]).
//!
//! Built here from `lead_time_exact` because no shared lead-time view model existed when the
//! drill-downs were written; the Doorlooptijden view may later offer a richer one.

use crate::analysis::bar_chart::{BarChart, BarLayout, BarSeries, BarValue};
use crate::analysis::chart::ChartMeta;
use crate::analysis::derive::{Count, SUPPRESS_BELOW};
use crate::analysis::drilldown::areas::fase_layout;
use crate::analysis::drilldown::suppression::{known_at_least, known_exactly};
use crate::analysis::lead_time_exact::{lead_times, Cohort, Transition};
use crate::data::bronbestand::Address;
use crate::data::date::Date;
use crate::i18n::{format, texts, Lang};

/// Stable keys of the steps, in `Transition::ALL` order.
const STEP_KEYS: [&str; 6] = ["opname-beoordeling", "beoordeling-planvorming", "planvorming-gereed", "besluit-bouw", "bouw", "traject"];

/// What the chart is about, for its meta.
#[derive(Clone, Debug, PartialEq)]
pub struct About {
    pub id: String,
    pub title: String,
    pub source_line: String,
    pub synthetic: bool,
    /// Below gemeente level: the area's fase cells as its page shows them (total, fase 1..6;
    /// [`fase_layout`]). A step is then shown only as far as these allow ([`step_shown`]).
    /// `None` at gemeente level, where every count is shown.
    pub shown: Option<Vec<Count>>,
}

/// The fasen (columns of [`fase_layout`]) an address is in on the reference date once it has
/// completed a step: the step's end date puts it there (`derive::Facts::fase_from`). So a step's
/// number of addresses is at most these fasen's count.
pub fn step_fasen(s: Transition) -> &'static [usize] {
    match s {
        Transition::OpnameBeoordeling => &[3, 4, 5, 6],
        Transition::BeoordelingPlanvorming => &[4, 5, 6],
        Transition::PlanvormingGereed | Transition::BesluitBouwGestart | Transition::BouwGestartGereed => &[5, 6],
        Transition::Traject => &[6],
    }
}

/// How a step of `n` addresses may be shown beside an area's shown fase cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepShown {
    /// No addresses completed it, and saying so tells nothing about a hidden cell.
    Nothing,
    /// "te weinig": fewer than 5, or the shown cells do not already hold 5 in its fasen.
    TooFew,
    /// The median, with its number of addresses where the shown cells give that number's fasen
    /// exactly (`true`), else without it (`false`).
    Median(bool),
}

/// A step's median needs 5 addresses, and those addresses lie in the step's fasen
/// ([`step_fasen`]); its `n` is at most their count. So showing a median says "at least 5 in these
/// fasen", and showing `n` says "at least n". Below gemeente level both may only say what the
/// area's shown cells already say (as for the wait, [`super::areas::shown_wait`]). Regression:
/// the demo's dorp and cluster pages showed "n = …" per step beside fasen hidden as "×", so a
/// step's n was a lower bound on hidden cells (and "–" for n = 0 beside "te weinig" for 1–4 told a
/// hidden 0 from a hidden 1–4).
pub fn step_shown(n: u64, shown: Option<&[Count]>, s: Transition) -> StepShown {
    let Some(cells) = shown else {
        return if n == 0 { StepShown::Nothing } else { StepShown::Median(true) };
    };
    let (layout, fasen) = (fase_layout(), step_fasen(s));
    let exactly = known_exactly(cells, &layout, fasen);
    // With a hidden cell in the row, neither a step's exact n nor its "none" (n = 0) is shown: in
    // practice they tell more than the bounds of its fasen. A task-based review read cluster
    // LOP-113 (7 addresses, fasen 3–5 "×", fase 6 6) with "opname → beoordeling: n = 6" as "one
    // not yet assessed, so in fase 3", and LOP-66's "beoordeling → planvorming –" as "nobody in
    // fase 5": an address being assessed is in fase 3, one in fase 5 went through planning.
    let hidden = !super::spread::no_hidden(cells);
    if exactly == Some(0) || (!hidden && n == 0 && known_at_least(cells, &layout, fasen) >= SUPPRESS_BELOW) {
        return StepShown::Nothing;
    }
    if n < SUPPRESS_BELOW || known_at_least(cells, &layout, fasen) < SUPPRESS_BELOW {
        return StepShown::TooFew;
    }
    StepShown::Median(!hidden && exactly.is_some())
}

/// Median days per step, as a horizontal bar chart.
pub fn lead_chart(addresses: &[&Address], reference: Date, about: About, lang: Lang) -> BarChart {
    let t = &texts(lang).gemeenten;
    let owned: Vec<Address> = addresses.iter().map(|a| (*a).clone()).collect();
    let lt = lead_times(&owned, reference, Cohort::All, false);
    let steps = Transition::ALL;
    let mut shown = Vec::new();
    let values: Vec<Option<BarValue>> = steps
        .iter()
        .map(|s| {
            let tt = lt.transition(*s)?;
            let n = tt.durations.len() as u64;
            let with_n = match step_shown(n, about.shown.as_deref(), *s) {
                StepShown::Nothing => return None,
                StepShown::TooFew => return Some(BarValue { value: 0.0, display: t.too_few.to_string(), suppressed: true, provenance: None, qualifier: None }),
                StepShown::Median(with_n) => with_n,
            };
            let mut d = tt.durations.clone();
            crate::data::sort::sort(&mut d[..]);
            let median = d.get(d.len() / 2).copied().unwrap_or(0) as f64;
            let count = with_n.then(|| format::int(n as f64, lang));
            let qualifier = if with_n { format!("n = {}", format::plain(n as f64)) } else { format!("n ≥ {SUPPRESS_BELOW}") };
            let display = (t.days_n)(&format::int(median, lang), count.as_deref());
            shown.push((s, median, count.unwrap_or_else(|| t.at_least_5.to_string())));
            Some(BarValue { value: median, display, suppressed: false, provenance: None, qualifier: Some(qualifier) })
        })
        .collect();
    let summary = match shown.iter().find(|(s, ..)| **s == Transition::Traject).or(shown.first()) {
        // "3.375 dagen" read poorly: from a year on, the years come first.
        Some((s, m, n)) => {
            let years = (*m >= 365.0).then(|| format::years(*m, lang));
            let mut text = (t.lead_summary)(&label(**s, lang), &format::int(*m, lang), years.as_deref(), n);
            // The whole track mixes addresses found safe at their assessment (fast) with those
            // reinforced (slow): a review read Loppersum's "2,0 jaar" beside "planvorming → gereed
            // 1.306 dagen" as the wait for a house to be reinforced.
            if let (Transition::Traject, Some((_, pg, _))) = (**s, shown.iter().find(|(x, ..)| **x == Transition::PlanvormingGereed)) {
                if pg > m {
                    // In years too, as the whole track's figure (a review: residents read days).
                    text.push_str(&(t.lead_mix)(&format::int(*pg, lang), &format::years(*pg, lang)));
                }
            }
            text
        }
        None if values.iter().any(Option::is_some) => t.lead_all_too_few.to_string(),
        None => texts(lang).shell.no_data.to_string(),
    };
    BarChart {
        meta: ChartMeta {
            id: about.id,
            title: about.title,
            summary,
            source_line: about.source_line,
            method: t.lead_method.into(),
            synthetic: about.synthetic,
            estimated: false,
        },
        category_keys: STEP_KEYS.iter().map(|k| (*k).to_string()).collect(),
        categories: steps.iter().map(|s| label(*s, lang)).collect(),
        series: vec![BarSeries { key: "mediaan".into(), label: t.median_days.into(), style: 0, values }],
        layout: BarLayout::Grouped,
        horizontal: true,
        value_label: t.days.into(),
        fixed_max: None,
    }
}

/// The step's name as on Doorlooptijden (a review: "beoordeling → plan" here, "beoordeling →
/// planvorming" there, for the same step).
fn label(s: Transition, lang: Lang) -> String {
    crate::analysis::lead_times::transition_label(s, lang).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Count::{Exact, Suppressed};

    // Cluster DZL-13 of the demo: 26 addresses, fasen 3–5 hidden, 25 in fase 6. Its page said
    // "beoordeling → planvorming: 761 dagen (n = 26)": 26 in fase 4–6, so fase 3 was 0 and fasen
    // 4 and 5 held 1 together.
    #[test]
    fn a_step_says_no_more_than_the_shown_cells() {
        let dzl13 = [Exact(26), Exact(0), Exact(0), Suppressed, Suppressed, Suppressed, Exact(25)];
        let s = |n, t| step_shown(n, Some(&dzl13[..]), t);
        assert_eq!(s(26, Transition::BeoordelingPlanvorming), StepShown::Median(false), "fase 4–6 is not shown exactly");
        // Stricter since a later review (cluster LOP-113: "n = 6" of 7 in fase 3–6 read as "one in
        // fase 3"): with any hidden cell in the row no exact n, even where the step's fasen are
        // given exactly, and no "–" for none.
        assert_eq!(s(26, Transition::OpnameBeoordeling), StepShown::Median(false), "fase 3–6 is 26 − 0 − 0, but fase 3 is hidden");
        assert_eq!(s(25, Transition::Traject), StepShown::Median(false), "fase 6 is shown, fasen 3–5 are not");
        assert_eq!(s(0, Transition::BesluitBouwGestart), StepShown::TooFew, "none beside hidden fasen");
        let all_shown = [Exact(30), Exact(0), Exact(0), Exact(5), Exact(0), Exact(0), Exact(25)];
        assert_eq!(step_shown(30, Some(&all_shown[..]), Transition::OpnameBeoordeling), StepShown::Median(true), "fase 3–6 is 30, every cell shown");
        assert_eq!(step_shown(0, Some(&all_shown[..]), Transition::BesluitBouwGestart), StepShown::Nothing, "25 in fase 5–6, none took the step");
        assert_eq!(s(3, Transition::Traject), StepShown::TooFew);
        // Fasen 3–6 hidden and only 4 in the shown ones: no median, even from 20 addresses, and
        // no "–" for none: that would tell a hidden 0 from a hidden 1–4.
        let hidden = [Exact(24), Exact(20), Exact(0), Suppressed, Suppressed, Suppressed, Suppressed];
        assert_eq!(step_shown(20, Some(&hidden[..]), Transition::Traject), StepShown::TooFew);
        assert_eq!(step_shown(0, Some(&hidden[..]), Transition::Traject), StepShown::TooFew);
        // Nothing in the step's fasen, shown: "–".
        let none = [Exact(20), Exact(20), Exact(0), Exact(0), Exact(0), Exact(0), Exact(0)];
        assert_eq!(step_shown(0, Some(&none[..]), Transition::Traject), StepShown::Nothing);
        // At gemeente level every count is shown.
        assert_eq!(step_shown(3, None, Transition::Traject), StepShown::Median(true));
        assert_eq!(step_shown(0, None, Transition::Traject), StepShown::Nothing);
    }
}
