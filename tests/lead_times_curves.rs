//! Cumulative curves read from the bundled published archive: hand-checked against SodM's table
//! 2.2 (report 2019-2020; flows per period up to 17-07-2020, summing to table 2.1's stocks) and
//! NCG's year totals.

mod common;

use versterkingsmonitor::analysis::lead_times::curves::{end_of, from_archive};
use versterkingsmonitor::analysis::lead_times::fifo_estimate::{estimate, step};
use versterkingsmonitor::analysis::lead_time_exact::Transition;
use versterkingsmonitor::analysis::select::Vintage;
use versterkingsmonitor::data::breakdown::Breakdown;
use versterkingsmonitor::data::date::Date;

fn at(c: &versterkingsmonitor::analysis::lead_times::curves::Curve, d: &str) -> Option<f64> {
    c.at(end_of(Date::parse(d).ok()?))
}

#[test]
fn opname_and_beoordeling_curves_follow_sodm_table_2_2() {
    let (archive, _) = common::bundled_archive();
    let total = Breakdown::default();
    let opname = from_archive(&archive, &["opname"], &total, Vintage::Latest);
    // "voor 2017" 3,970; + 2017 5,141; + 2018 4,059; + 2019-H1 287; + Q3 736 + Q4 1,185 (tabel 2.2).
    assert_eq!(at(&opname, "2016-12-31"), Some(3970.0));
    assert_eq!(at(&opname, "2017-12-31"), Some(9111.0));
    assert_eq!(at(&opname, "2018-12-31"), Some(13170.0));
    assert_eq!(at(&opname, "2019-12-31"), Some(15378.0));
    // Table 2.1: 15,967 inspected on 17-07-2020.
    assert_eq!(at(&opname, "2020-07-17"), Some(15967.0));
    // NCG: 2,883 inspections in 2020.
    assert_eq!(at(&opname, "2020-12-31"), Some(15378.0 + 2883.0));
    // Before 2017 only the total is known: the curve starts from zero on 1 January 2014 (assumed).
    assert!(opname.assumed_origin);
    assert_eq!(at(&opname, "2013-12-31"), Some(0.0));
    let beoordeling = from_archive(&archive, &["beoordeling"], &total, Vintage::Latest);
    assert_eq!(at(&beoordeling, "2020-07-17"), Some(9207.0));
    assert_eq!(at(&beoordeling, "2016-12-31"), Some(1170.0));
    // The FIFO estimate never matches an assessment to a later inspection here.
    let e = estimate(&opname, &beoordeling, None);
    assert_eq!(e.negative, 0);
    assert!(e.passages.iter().all(|p| p.days > 0.0));
}

#[test]
fn steps_without_anchored_series_have_no_curve() {
    let (archive, _) = common::bundled_archive();
    let s = step(Transition::BesluitBouwGestart).expect("step");
    // Versterkingsbesluiten are only published as monthly flows in 2021, without a stock to anchor them.
    assert!(from_archive(&archive, s.entry, &Breakdown::default(), Vintage::Latest).is_empty());
}

#[test]
fn the_planning_steps_stop_at_the_2020_definition_break() {
    // Regression: 'beoordeling → planvorming' was estimated for exits to December 2020, matching
    // 2020's broader 'planvorming gestart' (SodM: almost nine times as many addresses, seed 000
    // L744-750) against a level counted up to 2019 as 'project vastgesteld'. Trends never joins
    // the two; the estimate now stops at 1 January 2020 and says so.
    use versterkingsmonitor::analysis::lead_times::estimate::{compute, estimate_stats, method_note};
    use versterkingsmonitor::i18n::Lang;
    let (archive, _) = common::bundled_archive();
    let total = Breakdown::default();
    let s = step(Transition::BeoordelingPlanvorming).expect("step");
    let r = compute(&archive, s, &total, Vintage::Latest, None).expect("estimate");
    assert_eq!(r.exit.definition_from, Date::parse("2020-01-01").ok());
    let (_, last) = r.window().expect("window");
    assert!(last < Date::parse("2020-01-01").expect("date"), "{last:?}");
    assert!(r.fifo.after_break > 0);
    assert!(r.little.iter().all(|l| l.time <= end_of(Date::parse("2019-12-31").expect("date"))));
    assert!(estimate_stats(&r, Lang::Nl).iter().any(|st| st.key == "na_definitiewijziging" && st.label.contains("1 januari 2020")));
    assert!(method_note(&archive, s, false, Lang::Nl).contains("niet aan elkaar te koppelen"));
    assert!(method_note(&archive, s, false, Lang::En).contains("cannot be joined"));
    // Planning → done: only exits matched to a planning start before 2020.
    let s = step(Transition::PlanvormingGereed).expect("step");
    let r = compute(&archive, s, &total, Vintage::Latest, None).expect("estimate");
    assert!(r.fifo.after_break > 0);
    // Steps without a break are untouched.
    let s = step(Transition::OpnameBeoordeling).expect("step");
    let r = compute(&archive, s, &total, Vintage::Latest, None).expect("estimate");
    assert_eq!(r.fifo.after_break, 0);
    assert!(!method_note(&archive, s, false, Lang::Nl).contains("koppelen"));
}

#[test]
fn estimates_say_how_far_the_assumed_start_moves_them_and_give_no_spread() {
    // Regression (a review of Doorlooptijden): estimates that rest partly on our assumption that
    // the inspections counted "voor 2017" began on 1 January 2014 gave one median to the day, and
    // a 90th percentile, quartiles and "0% binnen 6 maanden" that first-in-first-out cannot know
    // (tested at the published dates, its spread was less than half the real one). The estimate
    // now gives the median and mean with how far they move for a start in January 2013 or
    // January 2016, and says the spread cannot be estimated.
    use versterkingsmonitor::analysis::lead_times::estimate::{compute, estimate_stats, histogram};
    use versterkingsmonitor::i18n::Lang;
    let (archive, _) = common::bundled_archive();
    let total = Breakdown::default();
    let s = step(Transition::OpnameBeoordeling).expect("step");
    let r = compute(&archive, s, &total, Vintage::Latest, None).expect("estimate");
    let base = r.summary.expect("summary");
    let x = r.sensitivity.expect("the entry curve starts at the assumed origin");
    assert!(x.median.0 <= base.median && base.median <= x.median.1 && x.median.1 - x.median.0 >= 1.0, "{x:?} {base:?}");
    assert!(x.mean.0 <= base.mean && base.mean <= x.mean.1, "{x:?}");
    let stats = estimate_stats(&r, Lang::Nl);
    let keys: Vec<&str> = stats.iter().map(|s| s.key).collect();
    assert_eq!(&keys[..4], ["n", "periode", "mediaan", "gemiddelde"], "{keys:?}");
    for gone in ["p25", "p75", "p90", "binnen_6_mnd"] {
        assert!(!keys.contains(&gone), "{gone} in {keys:?}");
    }
    let other = stats.iter().find(|s| s.key == "ander_begin").expect("the other start");
    assert!(other.label.contains("januari 2013") && other.label.contains("januari 2016"), "{}", other.label);
    assert!(other.display.starts_with("mediaan ") && other.display.contains(" dagen, gemiddelde "), "{}", other.display);
    assert!(stats.iter().any(|s| s.key == "spreiding" && s.value.is_none()));
    let h = histogram(&archive, &r, Lang::Nl);
    assert_eq!(h.lines.len(), 1, "only the median's line");
    assert!(!h.meta.summary.contains("één op de tien") && h.meta.summary.contains("verder uiteen"), "{}", h.meta.summary);
    assert!(h.meta.method.contains("minder dan de helft van de echte"));
    // The answer at the top of the page says the range once in full, then shortly.
    let estimates: Vec<_> = versterkingsmonitor::analysis::lead_times::fifo_estimate::STEPS.iter().map(|s| (s.transition, compute(&archive, s, &total, Vintage::Latest, None))).collect();
    let answer = versterkingsmonitor::analysis::lead_times::short_answer::estimated(&estimates, Transition::OpnameBeoordeling, &Default::default(), Lang::Nl);
    assert!(answer[0].contains("januari 2013 of januari 2016") && answer[0].contains(" jaar."), "{}", answer[0]);
    assert!(answer[1].contains("Met een ander begin zoals hierboven: ") && answer[1].ends_with(" dagen."), "{}", answer[1]);
    // A step whose curves both lack an assumed start has no such range.
    for s in versterkingsmonitor::analysis::lead_times::fifo_estimate::STEPS.iter() {
        if let Some(r) = compute(&archive, s, &total, Vintage::Latest, None) {
            if !r.entry.assumed_origin && !r.exit.assumed_origin {
                assert_eq!(r.sensitivity, None, "{:?}", s.transition);
            }
        }
    }
}
