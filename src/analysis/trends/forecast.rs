//! "Wanneer is het klaar?" — how much is left, and when it is done at the recent pace.
//!
//! - **Left**: the werkvoorraad minus the addresses that meet the safety norm, on the latest
//!   peildatum where both are published (NCG, 31 December 2024: 27.713 − 16.596 = 11.117).
//! - **Carried**: a period published after that date with only its flow (NCG's 2025: 2.275 came to
//!   meet the norm) is subtracted, with the growth over it added: 9.082 on 31 December 2025, an
//!   estimate, and the projections start there ([`carry`]).
//! - **Growth**: the werkvoorraad still grows (addresses are added); its increase per month over
//!   the two years before that date is subtracted from every pace.
//! - **Paces**: the two paces of the trend rule — the last 6 and the 6 months before when months
//!   are published, otherwise the last published period and the one before (NCG: 2025 and 2024).
//! - **Finish**: left ÷ (pace − growth) months after the peildatum, for each pace. The range
//!   between the earliest and the latest is an estimate, not a plan.
//! - **Required**: the pace needed to finish by the end of a chosen year (default 2028, the MJVP
//!   horizon): (left + growth × months) ÷ months.

use super::observe;
use super::rates;
use super::trend_rule::{Basis, Trend};
use crate::analysis::select::Vintage;
use crate::analysis::time_chart::Provenance;
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::date::Date;
use crate::data::period::Period;
use crate::data::observation::Flag;
use crate::i18n::Lang;

/// The default year by which the work should be done: the MJVP's "klaar in 2028"
/// (gebeurtenissen.csv, 2021-11-08).
pub const DEFAULT_TARGET_YEAR: i32 = 2028;

#[derive(Clone, Debug, PartialEq)]
pub struct Remaining {
    pub date: Date,
    pub werkvoorraad: f64,
    pub done: f64,
    pub left: f64,
    pub provenance: Provenance,
    /// The flags of werkvoorraad and done: a rough one ("ruim 5.000") makes the sentences say "≈"
    /// (Eemsdelta's 10.815 left read as exact).
    pub werkvoorraad_flag: Flag,
    pub done_flag: Flag,
}

impl Remaining {
    /// What is left is rough when either figure it is computed from is.
    pub fn left_flag(&self) -> Flag {
        rough_of(self.werkvoorraad_flag, self.done_flag)
    }
}

/// A difference of two figures is rough when either is: `Approximate`, else `Published`.
pub fn rough_of(a: Flag, b: Flag) -> Flag {
    if a == Flag::Approximate || b == Flag::Approximate { Flag::Approximate } else { Flag::Published }
}

/// Werkvoorraad minus "voldoet aan de norm" on the latest date where both are known.
pub fn remaining(archive: &Archive, filter: &Breakdown, vintage: Vintage, lang: Lang) -> Option<Remaining> {
    let wv = observe::pick(archive, "werkvoorraad", filter, vintage, lang);
    let done = observe::pick(archive, "voldoet_norm", filter, vintage, lang);
    done.iter()
        .rev()
        .filter(|d| d.period.is_date())
        .find_map(|d| {
            let w = wv.iter().find(|w| w.period == d.period)?;
            Some(Remaining {
                date: d.period.end(),
                werkvoorraad: w.value,
                done: d.value,
                left: w.value - d.value,
                provenance: d.provenance.clone(),
                werkvoorraad_flag: w.flag,
                done_flag: d.flag,
            })
        })
}

/// Werkvoorraad growth per month before `at`: from the published level closest to 24 months
/// earlier (at least 12 months earlier) to the level at `at`. `None` without two such levels.
pub fn growth(archive: &Archive, filter: &Breakdown, vintage: Vintage, at: Date, lang: Lang) -> Option<(f64, Date)> {
    let wv = observe::pick(archive, "werkvoorraad", filter, vintage, lang);
    let now = wv.iter().find(|w| w.period == Period::At(at))?;
    let target = rates::add_months(at, -24);
    let earlier = wv
        .iter()
        .filter(|w| w.period.is_date() && rates::months_between(w.period.end(), at) >= 12.0)
        .min_by_key(|w| w.period.end().days_until(target).abs())?;
    let months = rates::months_from(earlier.period.end(), at);
    (months > 0.0).then(|| ((now.value - earlier.value) / months, earlier.period.end()))
}

/// Carry what is left forward over a published flow that lies wholly after its date (NCG's 2025,
/// after the stand of 31 December 2024): left − flow + growth × months, dated the flow's last
/// day. An estimate: the werkvoorraad on that day is not published. `None` when the flow does not
/// start after the stand or does not end after it.
pub fn carry(rem: &Remaining, growth_per_month: f64, start: Date, end: Date, flow: f64) -> Option<Remaining> {
    if start <= rem.date || end <= rem.date {
        return None;
    }
    let months = rates::months_from(rem.date, end);
    // Whole addresses: the forecast table showed "9.081,5" adressen where the text said 9.082.
    Some(Remaining { date: end, left: (rem.left - flow + growth_per_month * months).round(), ..rem.clone() })
}

/// The pace of reinforcement alone: 'voldoet_versterkt' (reinforced or rebuilt) between two
/// published levels about a year apart, the later one at most two months before `at`.
#[derive(Clone, Debug, PartialEq)]
pub struct BuildingPace {
    pub from: Date,
    pub to: Date,
    /// Addresses per month reinforced or rebuilt.
    pub pace: f64,
    /// The two published levels' provenance, for the forecast's source line.
    pub provenance: [Provenance; 2],
}

/// [`BuildingPace`] before `at`: from the level nearest 12 months before the latest (at least 6
/// months before it) to the latest level at or before `at`. For the scenario in which everything
/// left has to be reinforced: a review found no forecast without the addresses that met the norm
/// after their assessment, which made 2024's pace and cannot come back (931 left to assess).
pub fn building_pace(archive: &Archive, filter: &Breakdown, vintage: Vintage, at: Date, lang: Lang) -> Option<BuildingPace> {
    let levels: Vec<observe::Obs> = observe::pick(archive, "voldoet_versterkt", filter, vintage, lang).into_iter().filter(|o| o.period.is_date()).collect();
    let last = levels.iter().filter(|o| o.period.end() <= at && o.period.end().days_until(at) <= 62).max_by_key(|o| o.period.end())?;
    let to = last.period.end();
    let target = rates::add_months(to, -12);
    let first = levels.iter().filter(|o| rates::months_from(o.period.end(), to) >= 6.0).min_by_key(|o| o.period.end().days_until(target).abs())?;
    let (from, months) = (first.period.end(), rates::months_from(first.period.end(), to));
    (months > 0.0 && last.value >= first.value)
        .then(|| BuildingPace { from, to, pace: (last.value - first.value) / months, provenance: [first.provenance.clone(), last.provenance.clone()] })
}

/// One pace and where the work ends at that pace.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// The period the pace was measured over.
    pub basis: Period,
    /// Addresses per month coming to meet the norm.
    pub pace: f64,
    /// Pace minus werkvoorraad growth.
    pub net: f64,
    /// Months after the remaining's date; `None` when the net pace is not positive.
    pub months: Option<f64>,
    pub finish: Option<Date>,
}

/// Project the remaining work at each pace.
pub fn project(rem: &Remaining, growth_per_month: f64, paces: &[(Period, f64)]) -> Vec<Projection> {
    paces
        .iter()
        .map(|&(basis, pace)| {
            let net = pace - growth_per_month;
            let months = (net > 0.0).then(|| rem.left.max(0.0) / net);
            // A finish past the calendar's end (2100) is no finish: `add_months` then gives back
            // the start, and a pace of 9 a month was "done in the 2nd half of 2024".
            let finish = months.and_then(|m| {
                let f = rates::add_months(rem.date, m.ceil() as i64);
                (f > rem.date || m.ceil() <= 0.0).then_some(f)
            });
            Projection { basis, pace, net, months, finish }
        })
        .collect()
}

/// The two paces of a trend: with monthly figures the last 6 and the last 12 months; otherwise
/// the last published period and the one before it.
pub fn paces(tr: &Trend) -> Vec<(Period, f64)> {
    match tr.basis {
        Basis::SixMonths => {
            let months = tr.recent.months + tr.previous.months;
            let year = Period::Range { start: tr.previous.start, end: tr.recent.end }.normalised();
            vec![(tr.recent.period(), tr.recent.rate), (year, if months > 0.0 { (tr.recent.count + tr.previous.count) / months } else { 0.0 })]
        }
        Basis::LastPeriods => vec![(tr.recent.period(), tr.recent.rate), (tr.previous.period(), tr.previous.rate)],
    }
}

/// The pace per month needed to be done by 31 December of `year`; `None` if that is not after
/// the remaining's date.
pub fn required_pace(rem: &Remaining, growth_per_month: f64, year: i32) -> Option<f64> {
    let end = Date::new(year, 12, 31)?;
    if end <= rem.date {
        return None;
    }
    let months = rates::months_from(rem.date, end);
    (months > 0.0).then(|| (rem.left.max(0.0) + growth_per_month.max(0.0) * months) / months)
}

/// The earliest and latest finish of the projections (`None` if no pace ever finishes).
pub fn finish_range(p: &[Projection]) -> Option<(Date, Date)> {
    let f: Vec<Date> = p.iter().filter_map(|x| x.finish).collect();
    Some((*f.iter().min()?, *f.iter().max()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::trends::testkit::{archive, Pub};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn ncg() -> Archive {
        archive(&[
            Pub { id: "a", peildatum: "2022-12-31", publisher: "NCG", rows: "werkvoorraad,2022-12-31,,,,,,27234,published,t,\nvoldoet_norm,2022-12-31,,,,,,8065,published,t,\n" },
            Pub { id: "b", peildatum: "2024-12-31", publisher: "NCG", rows: "werkvoorraad,2024-12-31,,,,,,27713,published,t,\nvoldoet_norm,2024-12-31,,,,,,16596,published,t,\n" },
        ])
    }

    #[test]
    fn what_is_left_at_the_end_of_2024() {
        // NCG jaarcijfers 2024: 27.713 − 16.596 = 11.117 addresses did not yet meet the norm.
        let a = ncg();
        let r = remaining(&a, &Breakdown::default(), Vintage::Latest, Lang::Nl).unwrap();
        assert_eq!((r.date, r.left), (d("2024-12-31"), 11117.0));
        // The werkvoorraad grew 27.234 → 27.713 in 24 months: 19,96 per month.
        let (g, from) = growth(&a, &Breakdown::default(), Vintage::Latest, r.date, Lang::Nl).unwrap();
        assert_eq!(from, d("2022-12-31"));
        assert!((g - 19.958).abs() < 0.01, "{g}");
    }

    #[test]
    fn finish_dates_at_the_2024_and_2025_paces() {
        // Paces: 2.275 in 2025 (189,6 per month) and 4.800 in 2024 (400 per month), minus 20 growth.
        let a = ncg();
        let r = remaining(&a, &Breakdown::default(), Vintage::Latest, Lang::Nl).unwrap();
        let p = project(&r, 20.0, &[(Period::Year(2025), 2275.0 / 12.0), (Period::Year(2024), 400.0)]);
        // 11.117 / 169,6 = 65,6 months → June 2030; 11.117 / 380 = 29,3 months → June 2027.
        assert_eq!(p[0].finish, Some(d("2030-06-30")));
        assert_eq!(p[1].finish, Some(d("2027-06-30")));
        assert_eq!(finish_range(&p), Some((d("2027-06-30"), d("2030-06-30"))));
        // To be done by the end of 2028 (48 months): (11.117 + 20·48) / 48 = 251,6 per month.
        assert!((required_pace(&r, 20.0, 2028).unwrap() - 251.6).abs() < 0.1);
        assert!(required_pace(&r, 20.0, 2024).is_none());
        // A pace below the growth never finishes.
        assert_eq!(project(&r, 20.0, &[(Period::Year(2025), 10.0)])[0].finish, None);
    }

    #[test]
    fn a_published_year_after_the_stand_is_carried_forward() {
        // Regression: the forecast ran from 31 December 2024 at 2024's pace (400 a month) through
        // 2025, though NCG published 2025's 2.275 (190 a month): its early end, "1e helft 2027",
        // was contradicted by its own figures. 11.117 − 2.275 + 12 × 20 = 9.082 on 31 December 2025.
        let a = ncg();
        let r = remaining(&a, &Breakdown::default(), Vintage::Latest, Lang::Nl).unwrap();
        let c = carry(&r, 20.0, d("2025-01-01"), d("2025-12-31"), 2275.0).unwrap();
        assert_eq!(c.date, d("2025-12-31"));
        assert!((c.left - 9082.0).abs() < 0.5, "{}", c.left);
        let p = project(&c, 20.0, &[(Period::Year(2025), 2275.0 / 12.0), (Period::Year(2024), 400.0)]);
        assert_eq!(finish_range(&p), Some((d("2027-12-31"), d("2030-06-30"))));
        assert!((required_pace(&c, 20.0, 2028).unwrap() - 272.3).abs() < 0.1);
        // A flow that is not wholly after the stand is not carried.
        assert!(carry(&r, 20.0, d("2024-01-01"), d("2024-12-31"), 4800.0).is_none());
    }

    #[test]
    fn the_pace_of_reinforcement_alone_over_about_a_year() {
        // NCG: 4.120 reinforced or rebuilt on 30 November 2023, 5.687 on 31 December 2024: 1.567
        // in 13 months, 120,5 a month (the level of 31 March 2024 is further from a year before).
        let a = archive(&[
            Pub { id: "a", peildatum: "2023-11-30", publisher: "NCG", rows: "voldoet_versterkt,2023-11-30,,,,,,4120,published,t,\n" },
            Pub { id: "b", peildatum: "2024-03-31", publisher: "NCG", rows: "voldoet_versterkt,2024-03-31,,,,,,4537,published,t,\n" },
            Pub { id: "c", peildatum: "2024-12-31", publisher: "NCG", rows: "voldoet_versterkt,2024-12-31,,,,,,5687,published,t,\n" },
        ]);
        let p = building_pace(&a, &Breakdown::default(), Vintage::Latest, d("2024-12-31"), Lang::Nl).unwrap();
        assert_eq!((p.from, p.to), (d("2023-11-30"), d("2024-12-31")));
        assert!((p.pace - 1567.0 / 13.0).abs() < 0.01, "{}", p.pace);
        // Not from a level more than two months before the stand, nor over less than 6 months.
        assert!(building_pace(&a, &Breakdown::default(), Vintage::Latest, d("2025-12-31"), Lang::Nl).is_none());
        assert!(building_pace(&a, &Breakdown::default(), Vintage::Latest, d("2024-03-31"), Lang::Nl).is_none());
    }

    #[test]
    fn paces_of_the_last_6_and_12_months_with_monthly_figures() {
        use crate::analysis::trends::trend_rule::{judge, Window};
        let t = judge(Window::new(d("2021-01-01"), d("2021-06-30"), 600.0, vec![], 6), Window::new(d("2020-07-01"), d("2020-12-31"), 300.0, vec![], 6), Basis::SixMonths);
        let p = paces(&t);
        assert_eq!(p[0], (Period::Half { year: 2021, half: 1 }, 100.0));
        assert_eq!(p[1].0.to_string(), "2020-07-01..2021-06-30");
        assert_eq!(p[1].1, 75.0);
    }
}
