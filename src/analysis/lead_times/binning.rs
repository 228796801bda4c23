//! Histogram bins in months, chosen for reading, with the tail kept visible.
//!
//! Durations are counted in days and shown in months of 365.25 / 12 = 30.44 days. The bin width
//! is a calendar-friendly 1, 3, 6 or 12 months: the smallest for which at most
//! [`MAX_REGULAR_BINS`] bins reach the 95th percentile. Everything from that edge on goes into one
//! open-ended last bin ("≥ 48 mnd"), so one address that waited ten years does not squeeze the
//! rest of the picture into two bars, and is still counted.
//!
//! Below gemeente level (dorp, cluster) a bin with 1–4 addresses is hidden ("×"); when that
//! would hide exactly one bin, the smallest other non-empty bin is hidden too, so the hidden count
//! cannot be found by subtracting the shown bins from the total. Suppressed bins carry count 0 in
//! the view model, so no share, table cell, tooltip or CSV can reveal them.

use super::percentiles::percentile_sorted;
use crate::analysis::histogram::Bin;
use crate::i18n::{texts, Lang};

/// Days in an average month (365.25 / 12).
pub const DAYS_PER_MONTH: f64 = 365.25 / 12.0;

/// At most this many regular bins before the open-ended one.
pub const MAX_REGULAR_BINS: u32 = 12;

/// Counts below this are suppressed when suppression applies.
pub const SUPPRESS_BELOW: u64 = 5;

/// Bin widths to choose from, in months.
const WIDTHS: [u32; 4] = [1, 3, 6, 12];

/// How durations are binned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binning {
    /// Width of a regular bin, in months.
    pub width: u32,
    /// Number of regular bins: they cover `0 .. regular × width` months.
    pub regular: u32,
    /// Whether an open-ended bin "≥ regular × width" follows (only when a value reaches it).
    pub open: bool,
}

impl Binning {
    /// Start of the open-ended bin, in months.
    pub fn edge(&self) -> f64 {
        f64::from(self.regular * self.width)
    }
    /// Number of bins drawn.
    pub fn len(&self) -> usize {
        self.regular as usize + usize::from(self.open)
    }
    /// Whether there is no bin at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Bin index of a duration in months (values below 0 go in the first bin).
    pub fn index(&self, months: f64) -> usize {
        if months >= self.edge() {
            return self.regular as usize;
        }
        ((months.max(0.0) / f64::from(self.width)) as usize).min(self.regular.saturating_sub(1) as usize)
    }
    /// Position on the drawn x axis (in bin widths, as the histogram drawing expects) of a
    /// duration in months; a value in the open bin is drawn in its middle.
    pub fn position(&self, months: f64) -> f64 {
        if months >= self.edge() {
            self.regular as f64 + 0.5
        } else {
            months.max(0.0) / f64::from(self.width)
        }
    }
}

/// Choose the bins for durations in months, sorted ascending.
pub fn choose(sorted_months: &[f64]) -> Binning {
    let p95 = percentile_sorted(sorted_months, 0.95).unwrap_or(0.0).max(0.0);
    let max = sorted_months.last().copied().unwrap_or(0.0).max(0.0);
    let width = WIDTHS.iter().copied().find(|w| (p95 / f64::from(*w)).floor() < f64::from(MAX_REGULAR_BINS)).unwrap_or(12);
    // Regular bins up to the 95th percentile (at least one), capped; the open bin takes the rest.
    let needed = (max / f64::from(width)).floor() as u32 + 1;
    let up_to_p95 = (p95 / f64::from(width)).floor() as u32 + 1;
    let regular = needed.min(up_to_p95.max(1)).min(MAX_REGULAR_BINS).max(1);
    let open = max >= f64::from(regular * width);
    Binning { width, regular, open }
}

/// "12–18 mnd" / "≥ 48 mnd".
fn label(lo: u32, hi: Option<u32>, lang: Lang) -> String {
    let unit = texts(lang).doorlooptijden.months_short;
    match hi {
        Some(hi) => format!("{lo}–{hi} {unit}"),
        None => format!("≥ {lo} {unit}"),
    }
}

/// Bin durations given in days (negative values are not binned: report them apart).
/// With `suppress`, small counts are hidden as described in the module documentation.
pub fn bin_days(days: &[f64], suppress: bool, lang: Lang) -> (Vec<Bin>, Binning) {
    let mut months: Vec<f64> = days.iter().copied().filter(|d| d.is_finite() && *d >= 0.0).map(|d| d / DAYS_PER_MONTH).collect();
    super::percentiles::sort_days(&mut months);
    let b = choose(&months);
    let mut counts = vec![0u64; b.len().max(1)];
    for m in &months {
        if let Some(c) = counts.get_mut(b.index(*m)) {
            *c += 1;
        }
    }
    let mut bins: Vec<Bin> = counts
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let lo = i as u32 * b.width;
            let regular = (i as u32) < b.regular;
            Bin {
                lo: f64::from(lo),
                hi: f64::from(lo + b.width),
                count,
                label: label(lo, regular.then_some(lo + b.width), lang),
                suppressed: false,
            }
        })
        .collect();
    if suppress {
        suppress_small(&mut bins);
    }
    (bins, b)
}

/// Hide bins with 1–4 addresses, and one more when only one would be hidden.
pub fn suppress_small(bins: &mut [Bin]) {
    for b in bins.iter_mut() {
        if b.count > 0 && b.count < SUPPRESS_BELOW {
            b.suppressed = true;
        }
    }
    if bins.iter().filter(|b| b.suppressed).count() == 1 {
        let smallest = bins.iter().enumerate().filter(|(_, b)| !b.suppressed && b.count > 0).min_by_key(|(_, b)| b.count).map(|(i, _)| i);
        if let Some(b) = smallest.and_then(|i| bins.get_mut(i)) {
            b.suppressed = true;
        }
    }
    for b in bins.iter_mut().filter(|b| b.suppressed) {
        b.count = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(v: &[f64]) -> Vec<f64> {
        v.iter().map(|m| m * DAYS_PER_MONTH).collect()
    }

    #[test]
    fn short_durations_get_monthly_bins() {
        let (bins, b) = bin_days(&months(&[0.2, 1.5, 1.7, 2.1, 5.9]), false, Lang::Nl);
        assert_eq!(b.width, 1);
        assert_eq!(bins.iter().map(|b| b.count).collect::<Vec<_>>(), vec![1, 2, 1, 0, 0, 1]);
        assert_eq!(bins[0].label, "0–1 mnd");
        assert!(!b.open);
    }

    #[test]
    fn long_tail_goes_into_an_open_bin() {
        // 40 values between 0 and 39 months and one at 140: p95 ≈ 37 → 6-month bins up to 42,
        // the outlier in "≥ 42 mnd" instead of 17 empty bars.
        let mut v: Vec<f64> = (0..40).map(f64::from).collect();
        v.push(140.0);
        let (bins, b) = bin_days(&months(&v), false, Lang::En);
        assert_eq!((b.width, b.regular, b.open), (6, 7, true));
        assert_eq!(bins.len(), 8);
        assert_eq!(bins.last().map(|b| (b.label.as_str(), b.count)), Some(("≥ 42 mo", 1)));
        assert_eq!(bins.iter().map(|b| b.count).sum::<u64>(), 41);
        assert!((b.position(18.0) - 3.0).abs() < 1e-12);
        assert_eq!(b.position(200.0), 7.5);
    }

    #[test]
    fn empty_and_negative_input() {
        let (bins, b) = bin_days(&[], false, Lang::Nl);
        assert_eq!(bins.len(), 1);
        assert_eq!(bins[0].count, 0);
        assert!(!b.open);
        let (bins, _) = bin_days(&[-30.0, f64::NAN], false, Lang::Nl);
        assert_eq!(bins.iter().map(|b| b.count).sum::<u64>(), 0, "negative durations are not binned");
    }

    #[test]
    fn small_counts_are_suppressed_with_a_complement() {
        let mut v = vec![0.5; 20];
        v.extend([1.5; 3]);
        v.extend([2.5; 7]);
        let (bins, _) = bin_days(&months(&v), true, Lang::Nl);
        // 20 / 3 / 7: the 3 is hidden, and the 7 too (else 30 − 20 − 7 = 3).
        assert_eq!(bins.iter().map(|b| (b.count, b.suppressed)).collect::<Vec<_>>(), vec![(20, false), (0, true), (0, true)]);
        // Without suppression nothing is hidden.
        let (bins, _) = bin_days(&months(&v), false, Lang::Nl);
        assert!(bins.iter().all(|b| !b.suppressed));
    }
}
