//! Little's law as a cross-check of the first-in-first-out estimate: in a steady state the mean
//! time in a step equals the number of addresses in it divided by the throughput,
//! `W = L / λ`. Here `L` is the gap between the two cumulative curves on a date (entered, not yet
//! left) and `λ` the exits per day over the year before. The operation is not in a steady state
//! (it sped up and slowed down), so this is a rough, forward-looking figure: "at the current pace,
//! the queue takes this long to clear".

use super::curves::Curve;

/// Days over which the throughput is averaged.
pub const THROUGHPUT_WINDOW_DAYS: f64 = 365.0;

/// Little's law on one date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LittlePoint {
    /// Continuous time (see [`super::curves`]).
    pub time: f64,
    /// Addresses between the two milestones.
    pub queue: f64,
    /// Exits per day over the preceding year.
    pub throughput_per_day: f64,
    /// `queue / throughput`, in days.
    pub wait_days: f64,
}

/// Little's law at each of `times` where both curves are known a year back and the throughput is
/// positive.
pub fn little(entry: &Curve, exit: &Curve, times: &[f64]) -> Vec<LittlePoint> {
    times
        .iter()
        .filter_map(|&t| {
            let (e, x, x0) = (entry.at(t)?, exit.at(t)?, exit.at(t - THROUGHPUT_WINDOW_DAYS)?);
            let throughput_per_day = (x - x0) / THROUGHPUT_WINDOW_DAYS;
            let queue = (e - x).max(0.0);
            (throughput_per_day > 0.0).then(|| LittlePoint { time: t, queue, throughput_per_day, wait_days: queue / throughput_per_day })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::date::Date;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or(Date::Y2K)
    }

    #[test]
    fn steady_state_gives_the_delay() {
        // 10 per day in, the same 10 out 30 days later: the queue holds 300, throughput 10/day.
        let entry = Curve::from_dates(&[(d("2018-12-31"), 0.0), (d("2020-12-31"), 7310.0)]);
        let exit = Curve::from_dates(&[(d("2019-01-30"), 0.0), (d("2021-01-30"), 7310.0)]);
        let t = super::super::curves::end_of(d("2020-06-30"));
        let p = little(&entry, &exit, &[t]);
        assert_eq!(p.len(), 1);
        assert!((p[0].wait_days - 30.0).abs() < 1e-6, "{p:?}");
        // Not known a year back: nothing.
        assert!(little(&entry, &exit, &[super::super::curves::end_of(d("2019-03-01"))]).is_empty());
    }
}
