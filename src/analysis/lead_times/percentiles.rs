//! Summary statistics of lead times: n, mean, median and the 25th, 75th and 90th percentile.
//!
//! **Percentile definition** (one, used everywhere in the view, in the tables and in the tests):
//! linear interpolation between the order statistics, "type 7" in Hyndman & Fan (1996) — the
//! default of R's `quantile`, NumPy's `percentile` and Excel's `PERCENTIEL.INC`. Sort the `n`
//! values `x[0] ≤ … ≤ x[n−1]`, put `h = (n − 1) · p`, and take
//! `x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋])`. The median is `p = 0.5`: the middle value, or
//! the mean of the two middle values when `n` is even. With one value every percentile is that
//! value; with none there is no summary.
//!
//! ```
//! use versterkingsmonitor::analysis::lead_times::percentiles::{percentile_sorted, summarise};
//! let days = [10.0, 20.0, 30.0, 40.0];
//! assert_eq!(percentile_sorted(&days, 0.5), Some(25.0));
//! assert_eq!(percentile_sorted(&days, 0.9), Some(37.0)); // h = 2.7 → 30 + 0.7 × 10
//! let s = summarise(&days).unwrap();
//! assert_eq!((s.n, s.mean, s.p25, s.p75), (4, 25.0, 17.5, 32.5));
//! ```

/// Key figures of a set of durations (in the unit they were given in, usually days).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub mean: f64,
    pub median: f64,
    pub p25: f64,
    pub p75: f64,
    pub p90: f64,
    pub min: f64,
    pub max: f64,
}

/// The `p`-th quantile (0 ≤ p ≤ 1) of values sorted ascending, by linear interpolation (type 7).
/// `None` for an empty slice; `p` outside 0..=1 is clamped.
pub fn percentile_sorted(sorted: &[f64], p: f64) -> Option<f64> {
    let n = sorted.len();
    let first = *sorted.first()?;
    if n == 1 {
        return Some(first);
    }
    let p = if p.is_nan() { 0.5 } else { p.clamp(0.0, 1.0) };
    let h = (n - 1) as f64 * p;
    let lo = h.floor() as usize;
    let x_lo = sorted.get(lo).copied().unwrap_or(first);
    let x_hi = sorted.get(lo + 1).copied().unwrap_or(x_lo);
    Some(x_lo + (h - lo as f64) * (x_hi - x_lo))
}

/// Sort durations ascending (`total_cmp`'s order), with the crate's radix sort for numbers.
pub fn sort_days(v: &mut [f64]) {
    crate::data::sort::sort_f64(v);
}

/// Summary of `values` (any order; non-finite values are ignored). `None` when nothing is left.
pub fn summarise(values: &[f64]) -> Option<Summary> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    sort_days(&mut v);
    summarise_sorted(&v)
}

/// Summary of values already sorted ascending (all finite).
pub fn summarise_sorted(v: &[f64]) -> Option<Summary> {
    let q = |p| percentile_sorted(v, p);
    Some(Summary {
        n: v.len(),
        mean: v.iter().sum::<f64>() / v.len().max(1) as f64,
        median: q(0.5)?,
        p25: q(0.25)?,
        p75: q(0.75)?,
        p90: q(0.9)?,
        min: *v.first()?,
        max: *v.last()?,
    })
}

/// Summary of whole days.
pub fn summarise_days(days: &[i64]) -> Option<Summary> {
    let v: Vec<f64> = days.iter().map(|&d| d as f64).collect();
    summarise(&v)
}

/// Share (0–1) of sorted values at or below `limit` (e.g. "binnen zes maanden", as IMG reports).
pub fn share_at_most(sorted: &[f64], limit: f64) -> Option<f64> {
    (!sorted.is_empty()).then(|| sorted.partition_point(|&x| x <= limit) as f64 / sorted.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_single_value() {
        assert_eq!(summarise(&[]), None);
        assert_eq!(percentile_sorted(&[], 0.5), None);
        let s = summarise(&[42.0]).unwrap();
        assert_eq!((s.n, s.mean, s.median, s.p25, s.p90, s.min, s.max), (1, 42.0, 42.0, 42.0, 42.0, 42.0, 42.0));
    }

    #[test]
    fn type_7_by_hand() {
        // n = 5: h = 4p. p25 → h = 1 → x1; p90 → h = 3.6 → x3 + 0.6 (x4 − x3).
        let v = [1.0, 2.0, 4.0, 8.0, 16.0];
        assert_eq!(percentile_sorted(&v, 0.25), Some(2.0));
        assert_eq!(percentile_sorted(&v, 0.5), Some(4.0));
        assert_eq!(percentile_sorted(&v, 0.75), Some(8.0));
        assert!((percentile_sorted(&v, 0.9).unwrap() - 12.8).abs() < 1e-12);
        assert_eq!(percentile_sorted(&v, 0.0), Some(1.0));
        assert_eq!(percentile_sorted(&v, 1.0), Some(16.0));
        // Even n: the median is the mean of the two middle values (not nearest rank).
        assert_eq!(percentile_sorted(&[1.0, 2.0, 3.0, 10.0], 0.5), Some(2.5));
        // Out-of-range p is clamped.
        assert_eq!(percentile_sorted(&v, 2.0), Some(16.0));
    }

    #[test]
    fn unsorted_input_and_non_finite_values() {
        let s = summarise(&[30.0, f64::NAN, 10.0, 20.0]).unwrap();
        assert_eq!((s.n, s.median, s.min, s.max), (3, 20.0, 10.0, 30.0));
        assert_eq!(summarise_days(&[3, 1, 2]).map(|s| s.mean), Some(2.0));
    }

    #[test]
    fn share_within_a_limit() {
        let v = [10.0, 100.0, 182.0, 183.0, 400.0];
        assert_eq!(share_at_most(&v, 182.0), Some(0.6));
        assert_eq!(share_at_most(&[], 182.0), None);
    }
}
