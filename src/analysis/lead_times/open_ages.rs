//! How long have the addresses that are still waiting been waiting? Per fase (NCG's phases 1–5 of
//! 2021) the age of every open case: the days since it entered its current fase, as IMG shows
//! "openstaande dossiers naar leeftijd". One stacked bar per fase with the counts under one year,
//! one to two, two to three and over three years, and a histogram per fase.
//!
//! The entry day of a fase is the first milestone of that fase (fase 1: the day the address was
//! added to the werkvoorraad). Addresses without a known entry day are counted apart.

use super::binning::bin_days;
use super::exact::percentile_lines;
use super::percentiles::{summarise_sorted, Summary};
use super::{count_text, summary_stats, Stat};
use crate::analysis::bar_chart::{suppressed_count, BarChart, BarLayout, BarSeries, BarValue};
use crate::analysis::chart::ChartMeta;
use crate::analysis::histogram::HistogramChart;
use crate::analysis::lead_time_exact::open_ages;
use crate::data::archive::Archive;
use crate::data::bronbestand::Address;
use crate::data::date::Date;
use crate::i18n::{format, texts, Lang};

/// Age buckets in whole years: under 1, 1–2, 2–3, 3 and more.
pub const BUCKETS: usize = 4;

/// The open cases of one fase.
#[derive(Clone, Debug, PartialEq)]
pub struct FaseAges {
    /// 1..=5.
    pub fase: u8,
    /// Days in the fase, sorted ascending.
    pub days: Vec<f64>,
    pub summary: Option<Summary>,
    /// Counts under 1 year, 1–2, 2–3 and 3 years and more (a year = 365 days).
    pub buckets: [u64; BUCKETS],
    /// Open addresses without a known entry day.
    pub without_entry: u64,
}

impl FaseAges {
    /// Open cases waiting longer than `years` years (more than 365 × years days).
    pub fn over(&self, years: usize) -> u64 {
        self.buckets.iter().skip(years).sum()
    }
}

/// The age of every open case per fase on `reference`.
pub fn compute(addresses: &[Address], reference: Date) -> Vec<FaseAges> {
    open_ages(addresses, reference)
        .into_iter()
        .map(|o| {
            let mut days: Vec<f64> = o.ages.iter().map(|&d| d as f64).collect();
            super::percentiles::sort_days(&mut days);
            let mut buckets = [0u64; BUCKETS];
            for &d in &o.ages {
                // 0–365 days: under a year; 366–730: one to two; …
                let i = usize::try_from((d.max(1) - 1) / 365).unwrap_or(0).min(BUCKETS - 1);
                if let Some(b) = buckets.get_mut(i) {
                    *b += 1;
                }
            }
            FaseAges { fase: o.fase, summary: summarise_sorted(&days), days, buckets, without_entry: o.without_entry }
        })
        .collect()
}

/// The name of a fase from the archive's measures (`fase_3` → "Fase 3: beoordeling").
pub fn fase_label(archive: &Archive, fase: u8, lang: Lang) -> String {
    archive.measure_by_code(&format!("fase_{fase}")).map(|m| m.label(lang).to_string()).unwrap_or_else(|| format!("{} {fase}", texts(lang).doorlooptijden.fase))
}

/// One stacked bar per fase, split by age.
pub fn overview_chart(ages: &[FaseAges], archive: &Archive, suppress: bool, mut meta: ChartMeta, lang: Lang) -> BarChart {
    let t = &texts(lang).doorlooptijden;
    let series = t
        .age_buckets
        .iter()
        .enumerate()
        .map(|(i, label)| BarSeries {
            key: format!("leeftijd_{i}"),
            label: (*label).to_string(),
            style: i,
            values: ages
                .iter()
                .map(|a| {
                    let n = a.buckets.get(i).copied().unwrap_or(0);
                    Some(if suppress { suppressed_count(n, lang) } else { BarValue { value: n as f64, display: format::int(n as f64, lang), suppressed: false, provenance: None, qualifier: None } })
                })
                .collect(),
        })
        .collect();
    let open: u64 = ages.iter().map(|a| a.days.len() as u64).sum();
    let over3: u64 = ages.iter().map(|a| a.over(3)).sum();
    meta.title = t.open_title.to_string();
    meta.summary = if open == 0 {
        texts(lang).shell.no_data.to_string()
    } else {
        (t.open_summary)(&count_text(open, suppress, lang).0, &count_text(over3, suppress, lang).0)
    };
    meta.method = t.open_method.to_string();
    BarChart {
        meta,
        category_keys: ages.iter().map(|a| format!("fase_{}", a.fase)).collect(),
        categories: ages.iter().map(|a| t.fase_short.get(usize::from(a.fase).wrapping_sub(1)).map(|s| (*s).to_string()).unwrap_or_else(|| fase_label(archive, a.fase, lang))).collect(),
        series,
        layout: BarLayout::Stacked,
        horizontal: true,
        value_label: t.y_addresses.to_string(),
        fixed_max: None,
    }
}

/// The key figures of one fase: n, median and mean age, and the counts over 1, 2 and 3 years.
pub fn stats(a: &FaseAges, suppress: bool, lang: Lang) -> Vec<Stat> {
    let t = &texts(lang).doorlooptijden;
    let mut out = summary_stats(a.summary.as_ref(), &a.days, suppress, lang);
    out.retain(|s| s.key != "binnen_6_mnd");
    for (k, (key, label)) in [("over_1_jaar", t.stat_over_1y), ("over_2_jaar", t.stat_over_2y), ("over_3_jaar", t.stat_over_3y)].into_iter().enumerate() {
        let (display, value) = count_text(a.over(k + 1), suppress, lang);
        out.push(Stat { key, label: label.to_string(), display, value });
    }
    if a.without_entry > 0 {
        let (display, value) = count_text(a.without_entry, suppress, lang);
        out.push(Stat { key: "zonder_startdatum", label: t.stat_without_entry.to_string(), display, value });
    }
    out
}

/// The histogram of the ages in one fase.
pub fn histogram(a: &FaseAges, archive: &Archive, reference: Date, suppress: bool, mut meta: ChartMeta, lang: Lang) -> HistogramChart {
    let t = &texts(lang).doorlooptijden;
    let label = fase_label(archive, a.fase, lang);
    let (bins, binning) = bin_days(&a.days, suppress, lang);
    let hidden = suppress && (a.days.len() as u64) < super::binning::SUPPRESS_BELOW;
    meta.title = (t.open_hist_title)(&label);
    meta.summary = match a.summary.as_ref().filter(|_| !hidden) {
        Some(s) => (t.open_hist_summary)(
            &format::int(s.n as f64, lang),
            &format::date(reference, lang),
            // In words in a sentence: "41 maanden", not "41 mnd".
            &format!("{} {}", format::dec(s.median / super::binning::DAYS_PER_MONTH, 0, lang), t.months_long),
            &count_text(a.over(1), suppress, lang).0,
            &count_text(a.over(3), suppress, lang).0,
        ),
        None => texts(lang).shell.no_data.to_string(),
    };
    meta.method = t.open_method.to_string();
    HistogramChart {
        meta,
        x_label: t.x_age_months.to_string(),
        y_label: t.y_addresses.to_string(),
        lines: if hidden { Vec::new() } else { percentile_lines(a.summary.as_ref(), &binning, lang) },
        bins,
        style: 5,
        stats: stats(a, suppress, lang).into_iter().map(|s| (s.label, s.display)).collect(),
    }
}
