//! Per-month rates: a total over a period of any length (a month, a quarter, 2019-H1, "1 januari
//! t/m 30 november") becomes "per maand", so periods of different lengths can be compared and drawn
//! side by side instead of as spikes. Months are calendar months, fractional at the edges.

use crate::data::date::{days_in_month, Date, Month};

/// Length in (fractional) months of the inclusive interval `start..=end`.
///
/// ```
/// use versterkingsmonitor::analysis::trends::rates::months_between;
/// use versterkingsmonitor::data::date::Date;
/// let d = |s| Date::parse(s).unwrap();
/// assert_eq!(months_between(d("2020-04-01"), d("2020-06-30")), 3.0);
/// assert_eq!(months_between(d("2022-08-01"), d("2022-12-31")), 5.0);
/// ```
pub fn months_between(start: Date, end: Date) -> f64 {
    let after = end.add_days(1).map(|d| d.as_month_float()).unwrap_or_else(|| end.as_month_float() + 1.0 / 31.0);
    (after - start.as_month_float()).max(0.0)
}

/// Months from one date to another (point to point, not inclusive): 2022-12-31 → 2024-12-31 is 24.
pub fn months_from(a: Date, b: Date) -> f64 {
    b.as_month_float() - a.as_month_float()
}

/// A total over `start..=end` as a rate per month; `None` for an empty interval.
pub fn per_month(count: f64, start: Date, end: Date) -> Option<f64> {
    let m = months_between(start, end);
    (m > 0.0).then(|| count / m)
}

/// The same day `n` months later (earlier for negative `n`), clamped to the month's last day.
pub fn add_months(d: Date, n: i64) -> Date {
    let Some(m) = Month::from_index(d.month_of().index() + n) else { return d };
    let day = d.day().min(days_in_month(m.year(), m.month()));
    Date::new(m.year(), m.month(), day).unwrap_or(d)
}

/// The `months` months that end on `end` (inclusive): e.g. 6 months ending 2025-12-31 are
/// 2025-07-01..=2025-12-31.
pub fn window_ending(end: Date, months: i64) -> (Date, Date) {
    let after = end.add_days(1).unwrap_or(end);
    let start = add_months(after, -months);
    (start, end)
}

/// Is the interval exactly one calendar month?
pub fn is_month(start: Date, end: Date) -> bool {
    start.day() == 1 && start.month_of() == end.month_of() && end == start.month_of().last_day()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn rates_of_table_2_2_periods() {
        // SodM table 2.2 (seed 000 L672): 181 opnames in Q2 2020 = 60,3 per month; 287 in H1 2019
        // = 47,8 per month; 4.059 in 2018 = 338,3 per month.
        assert!((per_month(181.0, d("2020-04-01"), d("2020-06-30")).unwrap() - 60.333).abs() < 0.001);
        assert!((per_month(287.0, d("2019-01-01"), d("2019-06-30")).unwrap() - 47.833).abs() < 0.001);
        assert!((per_month(4059.0, d("2018-01-01"), d("2018-12-31")).unwrap() - 338.25).abs() < 0.001);
        // NCG year to date: 1 January to 30 November 2020 is 11 months.
        assert!((months_between(d("2020-01-01"), d("2020-11-30")) - 11.0).abs() < 1e-9);
        // Half a month.
        assert!((months_between(d("2020-07-01"), d("2020-07-16")) - 16.0 / 31.0).abs() < 1e-9);
    }

    #[test]
    fn month_arithmetic_on_days() {
        assert_eq!(add_months(d("2020-03-31"), -1), d("2020-02-29"));
        assert_eq!(add_months(d("2025-01-01"), -6), d("2024-07-01"));
        assert_eq!(window_ending(d("2025-12-31"), 6), (d("2025-07-01"), d("2025-12-31")));
        assert_eq!(window_ending(d("2020-07-17"), 6), (d("2020-01-18"), d("2020-07-17")));
        assert!(is_month(d("2020-06-01"), d("2020-06-30")));
        assert!(!is_month(d("2020-06-01"), d("2020-07-31")));
    }
}
