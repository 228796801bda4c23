//! Cumulative curves from published figures: how many addresses had reached a milestone by any
//! moment, as a piecewise-linear curve through the known points.
//!
//! Known points come from three kinds of figures for a cumulative measure:
//! - a stock on a date (`2020-07-17`: 15,967 inspected) is a point;
//! - a flow with an unknown start ("voor 2017": 3,970) is a point at its end (counted from zero);
//! - a flow over an interval (`2017`: 5,141) links the day before its start to its end:
//!   `C(end) = C(start − 1) + flow`. Flows are applied from known points outward, shortest
//!   periods first, until nothing changes; where published figures disagree by a few addresses
//!   (a month flow against a year-to-date figure), the first value found is kept.
//!
//! Points that would make the curve go down are dropped (and counted). Between known points the
//! curve is a straight line: arrivals are assumed evenly spread within each period. Before the
//! first known point nothing is known, except when that point is a "voor …" figure: then the curve
//! starts from zero at [`origin`] (1 January 2014, the first inspections of batch 1467) — an
//! assumption, stated in the method note.
//!
//! Time is continuous, in days since 1970-01-01: the count at the end of day `d` sits at `d + 1`.

use std::collections::BTreeMap;

use crate::analysis::provenance;
use crate::i18n::Lang;
use crate::analysis::select::{series, Vintage};
use crate::analysis::time_chart::Provenance;
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::date::Date;
use crate::data::period::Period;

/// Where a curve fed by a "voor …" figure starts from zero: 2014-01-01.
pub fn origin() -> Date {
    Date::new(2014, 1, 1).unwrap_or(Date::Y2K)
}

/// The earliest and latest start we think plausible for the work counted in a "voor …" figure,
/// around [`origin`]: January 2013 (NAM's first inspections after the Huizinge earthquake of
/// August 2012) and January 2016 (all of it in the last year before 2017). Estimates that rest on
/// the assumed origin are also computed from these two, and say how far they move
/// (`estimate::Sensitivity`).
pub fn origin_range() -> (Date, Date) {
    (Date::new(2013, 1, 1).unwrap_or(Date::Y2K), Date::new(2016, 1, 1).unwrap_or(Date::Y2K))
}

/// A non-decreasing piecewise-linear cumulative curve.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Curve {
    /// (time in days, cumulative count), time strictly increasing, count non-decreasing.
    pub points: Vec<(f64, f64)>,
    /// One provenance per publication that contributed a figure (for the source line).
    pub provenance: Vec<Provenance>,
    /// Points dropped because they would make the curve decrease.
    pub dropped: usize,
    /// Whether the curve starts at the assumed [`origin`].
    pub assumed_origin: bool,
    /// The first day of a new definition of the curve's measure, which replaced an older one
    /// ('planvorming gestart' from 1 January 2020, after 'project vastgesteld'): the curve counts
    /// under the old definition before it and under the new one after, so its level after that
    /// day joins two definitions (`fifo_estimate` estimates nothing past it).
    pub definition_from: Option<Date>,
}

impl Curve {
    /// The continuous time where [`Curve::definition_from`] begins (the end of the day before);
    /// infinity without a break.
    pub fn break_time(&self) -> f64 {
        self.definition_from.map_or(f64::INFINITY, |d| end_of(d) - 1.0)
    }
}

/// The continuous time of the end of a day.
pub fn end_of(d: Date) -> f64 {
    (d.to_days() + 1) as f64
}

/// The day a continuous time falls in (the day whose end is at or after `t`).
pub fn day_of(t: f64) -> i64 {
    t.ceil() as i64 - 1
}

impl Curve {
    /// The same curve counted from zero at another assumed origin (unchanged when it has none, or
    /// when `origin` is not before its first known point).
    pub fn with_origin(&self, origin: Date) -> Curve {
        let mut c = self.clone();
        let t = origin.to_days() as f64;
        if c.assumed_origin && c.points.get(1).is_some_and(|p| t < p.0) {
            if let Some(first) = c.points.first_mut() {
                first.0 = t;
            }
        }
        c
    }

    /// A curve through points given as (date, count at the end of that day).
    pub fn from_dates(points: &[(Date, f64)]) -> Curve {
        let mut known: BTreeMap<i64, f64> = BTreeMap::new();
        for (d, v) in points {
            known.entry(d.to_days()).or_insert(*v);
        }
        let mut c = Curve::default();
        c.set_points(known);
        c
    }

    fn set_points(&mut self, known: BTreeMap<i64, f64>) {
        let mut last = f64::NEG_INFINITY;
        for (day, v) in known {
            if !v.is_finite() || v < last {
                self.dropped += 1;
                continue;
            }
            last = v;
            self.points.push(((day + 1) as f64, v));
        }
    }

    pub fn is_empty(&self) -> bool {
        self.points.len() < 2
    }
    /// First and last time with a known value.
    pub fn span(&self) -> Option<(f64, f64)> {
        Some((self.points.first()?.0, self.points.last()?.0))
    }
    /// The count at time `t` (linear between points); `None` outside the known span.
    pub fn at(&self, t: f64) -> Option<f64> {
        let (a, b) = self.span()?;
        if t < a || t > b {
            return None;
        }
        let i = self.points.partition_point(|p| p.0 <= t);
        let (t1, v1) = *self.points.get(i.checked_sub(1)?)?;
        match self.points.get(i) {
            Some(&(t2, v2)) if t2 > t1 => Some(v1 + (v2 - v1) * (t - t1) / (t2 - t1)),
            _ => Some(v1),
        }
    }
    /// The first time the curve reaches `level`; `None` when it is below the first known point
    /// (not known when it was reached) or above the last.
    pub fn time_of(&self, level: f64) -> Option<f64> {
        let first = self.points.first()?;
        if level < first.1 || level > self.points.last()?.1 {
            return None;
        }
        if level == first.1 {
            // Reached at or before the first point: only known when nothing came before it.
            return (first.1 == 0.0).then_some(first.0);
        }
        let i = self.points.partition_point(|p| p.1 < level);
        let (t2, v2) = *self.points.get(i)?;
        let (t1, v1) = *self.points.get(i.checked_sub(1)?)?;
        Some(if v2 > v1 { t1 + (t2 - t1) * (level - v1) / (v2 - v1) } else { t2 })
    }
    /// The curve's values at the given times only (inside its span): the same quantity as seen
    /// through coarser publications.
    pub fn resample(&self, times: &[f64]) -> Curve {
        let mut c = Curve { provenance: self.provenance.clone(), ..Curve::default() };
        let mut ts: Vec<f64> = times.iter().copied().filter(|t| self.at(*t).is_some()).collect();
        super::percentiles::sort_days(&mut ts);
        ts.dedup();
        c.points = ts.into_iter().filter_map(|t| Some((t, self.at(t)?))).collect();
        c
    }
}

/// The cumulative curve of the first measure in `codes` that has figures, filled in with the
/// others (aliases such as SodM's `uitvoering_gereed` and NCG's `traject_afgerond`).
pub fn from_archive(archive: &Archive, codes: &[&str], breakdown: &Breakdown, vintage: Vintage) -> Curve {
    let mut known: BTreeMap<i64, f64> = BTreeMap::new();
    let mut flows: Vec<(i64, i64, f64)> = Vec::new();
    let mut provs: Vec<Provenance> = Vec::new();
    let mut until_days: Vec<i64> = Vec::new();
    for code in codes {
        for o in series(archive, code, breakdown, vintage) {
            let Some(v) = o.value else { continue };
            let used = match o.period {
                Period::At(d) => {
                    known.entry(d.to_days()).or_insert(v);
                    true
                }
                Period::Until(d) => {
                    known.entry(d.to_days()).or_insert(v);
                    until_days.push(d.to_days());
                    true
                }
                p => match p.start() {
                    Some(s) => {
                        flows.push((s.to_days() - 1, p.end().to_days(), v));
                        true
                    }
                    None => false,
                },
            };
            if used && !provs.iter().any(|p| archive.publication(o.publication).is_some_and(|q| q.id == p.publication)) {
                // Only the publication is read from these (the source line), never the note.
                provs.push(provenance::of(archive, o, Lang::Nl));
            }
        }
    }
    // Flows from known points outward, shortest first.
    crate::data::sort::sort_by_key(&mut flows[..], |(a, b, _)| (b - a, *a));
    loop {
        let mut changed = false;
        for &(before, end, v) in &flows {
            match (known.get(&before).copied(), known.get(&end).copied()) {
                (Some(a), None) => {
                    known.insert(end, a + v);
                    changed = true;
                }
                (None, Some(b)) if b - v >= 0.0 => {
                    known.insert(before, b - v);
                    changed = true;
                }
                _ => {}
            }
        }
        if !changed {
            break;
        }
    }
    // The definition break of the measure that leads the curve (the first code).
    let definition_from = codes.first().and_then(|c| archive.measure_by_code(c)).and_then(|m| m.new_definition_from());
    let mut c = Curve { provenance: provs, definition_from, ..Curve::default() };
    // A "voor …" figure as the earliest point: count from zero at the origin.
    let origin = origin().to_days() - 1;
    let first = known.iter().next().map(|(d, v)| (*d, *v));
    if first.is_some_and(|(d, v)| v > 0.0 && d > origin && until_days.contains(&d)) {
        known.insert(origin, 0.0);
        c.assumed_origin = true;
    }
    c.set_points(known);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or(Date::Y2K)
    }

    #[test]
    fn interpolates_and_inverts() {
        let c = Curve::from_dates(&[(d("2020-01-01"), 0.0), (d("2020-01-11"), 100.0), (d("2020-01-21"), 100.0), (d("2020-01-31"), 300.0)]);
        let t0 = end_of(d("2020-01-01"));
        assert_eq!(c.at(t0 + 5.0), Some(50.0));
        assert_eq!(c.time_of(50.0), Some(t0 + 5.0));
        // A flat stretch: the level 100 is first reached at its start.
        assert_eq!(c.time_of(100.0), Some(t0 + 10.0));
        assert_eq!(c.time_of(200.0), Some(t0 + 25.0));
        assert_eq!(c.time_of(301.0), None);
        assert_eq!(c.at(t0 - 1.0), None);
        assert_eq!(day_of(t0), d("2020-01-01").to_days());
    }

    #[test]
    fn a_curve_not_starting_at_zero_does_not_know_its_early_levels() {
        let c = Curve::from_dates(&[(d("2020-01-01"), 500.0), (d("2020-12-31"), 900.0)]);
        assert_eq!(c.time_of(400.0), None);
        assert_eq!(c.time_of(500.0), None);
        assert!(c.time_of(700.0).is_some());
    }

    #[test]
    fn another_origin_moves_only_the_assumed_point() {
        let mut c = Curve::from_dates(&[(origin().add_days(-1).unwrap_or(Date::Y2K), 0.0), (d("2016-12-31"), 3970.0), (d("2017-12-31"), 9111.0)]);
        c.assumed_origin = true;
        let (early, late) = origin_range();
        let e = c.with_origin(early);
        assert_eq!(e.points[0], (early.to_days() as f64, 0.0));
        assert_eq!(&e.points[1..], &c.points[1..]);
        assert_eq!(c.with_origin(late).time_of(0.0), Some(late.to_days() as f64));
        // Not past the first known point, and never on a curve without an assumed origin.
        assert_eq!(c.with_origin(d("2017-06-01")), c);
        let plain = Curve::from_dates(&[(d("2020-01-01"), 0.0), (d("2020-12-31"), 10.0)]);
        assert_eq!(plain.with_origin(early), plain);
    }

    #[test]
    fn decreasing_points_are_dropped() {
        let c = Curve::from_dates(&[(d("2020-01-01"), 0.0), (d("2020-02-01"), 50.0), (d("2020-03-01"), 40.0), (d("2020-04-01"), 60.0)]);
        assert_eq!(c.points.len(), 3);
        assert_eq!(c.dropped, 1);
    }
}
