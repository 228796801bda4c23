//! Rolling averages where there are monthly values: the mean of the last `window` calendar months,
//! given only when every one of those months has its own published (or derived) value. Longer
//! periods are never split into invented months.

use super::flows::Piece;
use super::rates;
use crate::data::date::Month;

/// The monthly values among the pieces: (month, count), sorted.
pub fn monthly(pieces: &[&Piece]) -> Vec<(Month, f64)> {
    let mut v: Vec<(Month, f64)> = pieces.iter().filter(|p| rates::is_month(p.start, p.end)).map(|p| (p.start.month_of(), p.count)).collect();
    super::sorting::sort_by_key(&mut v, |(m, _)| *m);
    v.dedup_by_key(|(m, _)| *m);
    v
}

/// Trailing mean over `window` consecutive months, at every month where the whole window exists.
///
/// ```
/// use versterkingsmonitor::analysis::trends::rolling::rolling_mean;
/// use versterkingsmonitor::data::date::Month;
/// let m = |s| Month::parse(s).unwrap();
/// let v = [(m("2021-01"), 49.0), (m("2021-02"), 32.0), (m("2021-03"), 9.0)];
/// assert_eq!(rolling_mean(&v, 3), vec![(m("2021-03"), 30.0)]);
/// ```
pub fn rolling_mean(values: &[(Month, f64)], window: usize) -> Vec<(Month, f64)> {
    if window == 0 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for i in (window - 1)..values.len() {
        let slice = &values[i + 1 - window..=i];
        let consecutive = slice.windows(2).all(|w| w[1].0.index() == w[0].0.index() + 1);
        if consecutive {
            out.push((values[i].0, slice.iter().map(|(_, v)| v).sum::<f64>() / window as f64));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    #[test]
    fn three_month_means_of_published_months() {
        // NCG 2020 (ncg-2020-08-31): beoordelingen June 574, July 583, August 292 → mean 483 at August.
        let v = [(m("2020-06"), 574.0), (m("2020-07"), 583.0), (m("2020-08"), 292.0), (m("2021-01"), 100.0), (m("2021-02"), 84.0), (m("2021-03"), 125.0)];
        let r = rolling_mean(&v, 3);
        assert_eq!(r.len(), 2, "no window across the gap September-December 2020");
        assert_eq!(r[0], (m("2020-08"), 483.0));
        assert!((r[1].1 - 103.0).abs() < 1e-9);
    }
}
