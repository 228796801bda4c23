//! Lead times of a gemeente or a cluster, from address-level data: per step the median number of
//! days of the addresses that completed it (all addresses with both dates, on the reference
//! date, [`lead_time_exact::lead_times`] with the `All` cohort). Below gemeente level a step is
//! only shown from 5 addresses.
//!
//! Built here from `lead_time_exact` because no shared lead-time view model existed when the
//! drill-downs were written; the Doorlooptijden view may later offer a richer one.

use crate::analysis::bar_chart::{BarChart, BarLayout, BarSeries, BarValue};
use crate::analysis::chart::ChartMeta;
use crate::analysis::derive::SUPPRESS_BELOW;
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
    /// Below gemeente level: steps with fewer than 5 addresses are not shown.
    pub small_area: bool,
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
            if n == 0 {
                return None;
            }
            if about.small_area && n < SUPPRESS_BELOW {
                return Some(BarValue { value: 0.0, display: t.too_few.to_string(), suppressed: true, provenance: None, qualifier: None });
            }
            let mut d = tt.durations.clone();
            crate::data::sort::sort(&mut d[..]);
            let median = d.get(d.len() / 2).copied().unwrap_or(0) as f64;
            shown.push((s, median, n));
            Some(BarValue { value: median, display: (t.days_n)(&format::int(median, lang), &format::int(n as f64, lang)), suppressed: false, provenance: None, qualifier: Some(format!("n = {}", format::plain(n as f64))) })
        })
        .collect();
    let summary = match shown.iter().find(|(s, ..)| **s == Transition::Traject).or(shown.first()) {
        // "3.375 dagen" read poorly: from a year on, the years come first.
        Some((s, m, n)) => {
            let years = (*m >= 365.0).then(|| format::dec(*m / 365.25, 1, lang));
            (t.lead_summary)(&label(**s, lang), &format::int(*m, lang), years.as_deref(), &format::int(*n as f64, lang))
        }
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
