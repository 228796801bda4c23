//! "Neemt het aantal afgeronde trajecten per maand toe of af?" (SodM 2019-2020, seed 000 L2355)
//! answered with a rule that can also say "geen duidelijke verandering".
//!
//! **The rule.** Compare the mean monthly rate of the last 6 months with that of the 6 months
//! before. When the published periods do not allow that (NCG publishes only yearly figures since
//! 2025), compare the last published period with the equally long period before it (or, failing
//! that, with the previous published period). The change is *clear* only when the difference of
//! the two rates is more than [`K`] = 2 standard errors. The standard error treats the counts as
//! Poisson counts, widened by a dispersion factor φ for the extra month-to-month variation:
//! `SE = √(φ · (N₁/t₁² + N₀/t₀²))` for N addresses in t months. φ is measured from the monthly
//! values in both windows when each has at least 3 of them; otherwise it is [`DEFAULT_DISPERSION`],
//! the rounded median of what the archive's published monthly series show (see the tests).

use super::flows::Piece;
use super::rates;
use super::tiling;
use crate::analysis::select::Vintage;
use crate::data::date::Date;
use crate::data::period::Period;

/// Number of standard errors a difference must exceed to count as a clear change.
pub const K: f64 = 2.0;

/// Dispersion factor used when the windows have no monthly values: month-to-month variance
/// divided by the mean. The published monthly triples of 2020-2021 (opname, beoordeling,
/// normbesluit, versterkingsbesluit, bouw gestart, traject afgerond) give 3 to 57, median 17.
pub const DEFAULT_DISPERSION: f64 = 20.0;

/// Months per comparison window when monthly resolution allows.
pub const WINDOW_MONTHS: i64 = 6;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    /// The difference is within normal month-to-month variation.
    NoClearChange,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The last 6 months against the 6 before.
    SixMonths,
    /// The last published period against the period before it.
    LastPeriods,
}

/// One side of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    pub start: Date,
    pub end: Date,
    pub count: f64,
    pub months: f64,
    /// Addresses per month.
    pub rate: f64,
    /// The monthly counts inside the window, when it consists of whole months only.
    pub monthly: Vec<f64>,
    /// How many pieces (published or computed periods) make up the window.
    pub pieces: usize,
    /// Its count is, at least in part, a difference between two published levels computed here
    /// (not a published count): the sentence says so.
    pub derived: bool,
}

impl Window {
    pub fn new(start: Date, end: Date, count: f64, monthly: Vec<f64>, pieces: usize) -> Window {
        let months = rates::months_between(start, end);
        Window { start, end, count, months, rate: if months > 0.0 { count / months } else { 0.0 }, monthly, pieces, derived: false }
    }
    /// The window as a period ("2025", "1e helft 2024", or an explicit interval).
    pub fn period(&self) -> Period {
        Period::Range { start: self.start, end: self.end }.normalised()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    pub recent: Window,
    pub previous: Window,
    pub basis: Basis,
    pub direction: Direction,
    /// recent.rate − previous.rate, per month.
    pub change: f64,
    /// The change in percent of the previous rate.
    pub change_pct: Option<f64>,
    pub se: f64,
    pub dispersion: f64,
    /// φ measured from monthly values (true) or the default (false).
    pub dispersion_measured: bool,
}

/// Month-to-month variance over mean, pooled over groups of monthly counts (each group around its
/// own mean). `None` when a group has fewer than 3 values or the mean is 0.
pub fn dispersion(groups: &[&[f64]]) -> Option<f64> {
    if groups.is_empty() || groups.iter().any(|g| g.len() < 3) {
        return None;
    }
    let mut ss = 0.0;
    let mut df = 0.0;
    let mut sum = 0.0;
    let mut n = 0.0;
    for g in groups {
        let mean = g.iter().sum::<f64>() / g.len() as f64;
        ss += g.iter().map(|x| (x - mean).powi(2)).sum::<f64>();
        df += (g.len() - 1) as f64;
        sum += g.iter().sum::<f64>();
        n += g.len() as f64;
    }
    let mean = sum / n;
    (mean > 0.0 && df > 0.0).then(|| ss / df / mean)
}

/// Apply the rule to two windows.
pub fn judge(recent: Window, previous: Window, basis: Basis) -> Trend {
    let measured = dispersion(&[&recent.monthly, &previous.monthly]);
    let dispersion = measured.unwrap_or(DEFAULT_DISPERSION).max(1.0);
    let var = |w: &Window| if w.months > 0.0 { w.count.max(0.0) / (w.months * w.months) } else { 0.0 };
    let se = (dispersion * (var(&recent) + var(&previous))).sqrt();
    let change = recent.rate - previous.rate;
    let direction = if change.abs() > K * se && change != 0.0 {
        if change > 0.0 { Direction::Up } else { Direction::Down }
    } else {
        Direction::NoClearChange
    };
    let change_pct = (previous.rate > 0.0).then(|| change / previous.rate * 100.0);
    Trend { recent, previous, basis, direction, change, change_pct, se, dispersion, dispersion_measured: measured.is_some() }
}

/// Measure a window from the candidate pieces: the count from the tiling that prefers published
/// totals, the monthly values from the finest tiling. `None` when no exact tiling exists.
pub fn measure(pieces: &[Piece], start: Date, end: Date, vintage: Vintage) -> Option<Window> {
    let published = tiling::exact(pieces, start, end, vintage, true)?;
    let finest = tiling::exact(pieces, start, end, vintage, false).unwrap_or_else(|| published.clone());
    let monthly: Vec<f64> = if finest.iter().all(|&k| rates::is_month(pieces[k].start, pieces[k].end)) {
        finest.iter().map(|&k| pieces[k].count).collect()
    } else {
        Vec::new()
    };
    let mut w = Window::new(start, end, tiling::total(pieces, &published), monthly, published.len());
    w.derived = published.iter().any(|&k| pieces[k].difference);
    Some(w)
}

/// The rule on one series: `pieces` are all candidates, `drawn` the indices chosen for drawing.
pub fn trend(pieces: &[Piece], drawn: &[usize], vintage: Vintage) -> Option<Trend> {
    let last = drawn.iter().filter_map(|&k| pieces.get(k)).max_by_key(|p| (p.end, std::cmp::Reverse(p.start)))?;
    let (s1, e1) = rates::window_ending(last.end, WINDOW_MONTHS);
    let prev_end = s1.add_days(-1)?;
    let (s0, e0) = rates::window_ending(prev_end, WINDOW_MONTHS);
    if let (Some(w1), Some(w0)) = (measure(pieces, s1, e1, vintage), measure(pieces, s0, e0, vintage)) {
        return Some(judge(w1, w0, Basis::SixMonths));
    }
    // The last published period against the equally long period before it.
    let recent = measure(pieces, last.start, last.end, vintage)?;
    let n = last.months().round().max(1.0) as i64;
    let before_end = last.start.add_days(-1)?;
    let before_start = rates::add_months(last.start, -n);
    if let Some(w0) = measure(pieces, before_start, before_end, vintage) {
        return Some(judge(recent, w0, Basis::LastPeriods));
    }
    // Or against the drawn period right before it, whatever its length.
    let prev = drawn.iter().filter_map(|&k| pieces.get(k)).filter(|p| p.end == before_end).min_by_key(|p| p.days())?;
    let w0 = measure(pieces, prev.start, prev.end, vintage)?;
    Some(judge(recent, w0, Basis::LastPeriods))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn clear_decline_from_2024_to_2025() {
        // NCG: 4.800 addresses declared safe in 2024 (ncg-2024-12-31), 2.275 in 2025
        // (ncg-2025-12-31). 400 → 189,6 per month. SE = √(20·(2275/144 + 4800/144)) = 31,3;
        // the difference −210,4 is far more than 2 SE: a clear decline.
        let t = judge(Window::new(d("2025-01-01"), d("2025-12-31"), 2275.0, vec![], 1), Window::new(d("2024-01-01"), d("2024-12-31"), 4800.0, vec![], 1), Basis::LastPeriods);
        assert_eq!(t.direction, Direction::Down);
        assert!((t.recent.rate - 189.58).abs() < 0.01);
        assert!((t.se - 31.35).abs() < 0.05, "{}", t.se);
        assert!((t.change_pct.unwrap() + 52.6).abs() < 0.1);
        assert!(!t.dispersion_measured);
    }

    #[test]
    fn a_rate_computed_from_two_levels_says_so() {
        // Regression: the trend sentence gave a rate we computed as the difference of two
        // published levels ("(400 per maand)") like a published one, where the chart marks that
        // bar as derived.
        let mut previous = Window::new(d("2024-01-01"), d("2024-12-31"), 4800.0, vec![], 1);
        previous.derived = true;
        let t = judge(Window::new(d("2025-01-01"), d("2025-12-31"), 2275.0, vec![], 1), previous, Basis::LastPeriods);
        let nl = crate::analysis::trends::flow_chart::trend_sentence("Veilig verklaard (NCG)", &t, crate::i18n::Lang::Nl);
        assert!(nl.contains("gemiddeld 190 adressen per maand (2.275 in totaal), 53% minder dan in 2024 (4.800 in totaal: 400 per maand, door ons berekend uit gepubliceerde standen)"), "{nl}");
        let en = crate::analysis::trends::flow_chart::trend_sentence("Declared safe (NCG)", &t, crate::i18n::Lang::En);
        assert!(en.contains("(4,800 in all: 400 per month, computed by us from published levels)"), "{en}");
        // A published count says nothing of the kind.
        let t = judge(Window::new(d("2025-01-01"), d("2025-12-31"), 2275.0, vec![], 1), Window::new(d("2024-01-01"), d("2024-12-31"), 4800.0, vec![], 1), Basis::LastPeriods);
        assert!(!crate::analysis::trends::flow_chart::trend_sentence("x", &t, crate::i18n::Lang::Nl).contains("berekend"));
    }

    #[test]
    fn small_differences_are_no_clear_change() {
        // Opnames: 2.840 in April-December 2021 (315,6 per month) against 2.876 in July 2020 -
        // March 2021 (319,6 per month): a difference of 4 per month is noise.
        let t = judge(Window::new(d("2021-04-01"), d("2021-12-31"), 2840.0, vec![], 1), Window::new(d("2020-07-01"), d("2021-03-31"), 2876.0, vec![], 7), Basis::LastPeriods);
        assert_eq!(t.direction, Direction::NoClearChange);
    }

    #[test]
    fn monthly_values_give_the_dispersion() {
        // Trajecten afgerond January-March 2021 (ncg-2021-03-31): 49, 32, 9 → variance 403 over
        // mean 30 = 13,4.
        let phi = dispersion(&[&[49.0, 32.0, 9.0]]).unwrap();
        assert!((phi - 13.433).abs() < 0.01);
        // Two windows, each around its own mean.
        let up = judge(
            Window::new(d("2021-01-01"), d("2021-03-31"), 300.0, vec![95.0, 100.0, 105.0], 3),
            Window::new(d("2020-10-01"), d("2020-12-31"), 150.0, vec![45.0, 50.0, 55.0], 3),
            Basis::SixMonths,
        );
        assert!(up.dispersion_measured);
        assert_eq!(up.direction, Direction::Up);
        assert!(dispersion(&[&[1.0, 2.0]]).is_none());
    }
}
