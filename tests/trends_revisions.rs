//! Revisions between publications on the bundled archive (SodM 2019-2020, seed 000 L729-738).

mod common;

use versterkingsmonitor::analysis::filters::Filters;
use versterkingsmonitor::analysis::trends::page::{self, ViewParams};
use versterkingsmonitor::analysis::trends::revisions;
use versterkingsmonitor::data::breakdown::Breakdown;
use versterkingsmonitor::i18n::Lang;

#[test]
fn january_against_july_2020_is_the_default_comparison() {
    let (a, _) = common::bundled_archive();
    assert_eq!(revisions::default_pair(&a), Some(("sodm-2020-01".to_string(), "sodm-2020-09".to_string())));
    let rows = revisions::compare(&a, "sodm-2020-01", "sodm-2020-09", &Breakdown::default(), Lang::Nl);
    let get = |m: &str, p: &str| rows.iter().find(|r| r.measure == m && r.period.to_string() == p).map(|r| (r.a, r.b));
    assert_eq!(get("beoordeling", "2019-H1"), Some((357.0, 875.0)));
    assert_eq!(get("beoordeling", "2019-H2"), Some((656.0, 51.0)));
    assert_eq!(get("uitvoering_gereed", "2019-H1"), Some((386.0, 355.0)));
    assert_eq!(get("uitvoering_gereed", "2019-H2"), Some((100.0, 209.0)));
    let p = page::build(&a, &Filters::default(), &ViewParams::default(), Lang::Nl);
    assert!(p.revisions.explanation.unwrap().contains("357"));
    assert!(!p.revisions.empty);
}

#[test]
fn chosen_publications_are_compared_and_unknown_ids_fall_back() {
    let (a, _) = common::bundled_archive();
    // NCG's news of 22 January 2021 against its annual report: 4.178 → 4.133 assessments in 2020.
    let rows = revisions::compare(&a, "ncg-2020-12-31", "ncg-jaarverslag-2020", &Breakdown::default(), Lang::Nl);
    assert!(rows.iter().any(|r| r.measure == "beoordeling" && r.a == 4178.0 && r.b == 4133.0));
    let p = page::build(&a, &Filters::default(), &ViewParams::from_query([("a", "bestaat-niet"), ("b", "ncg-2020-12-31")]), Lang::Nl);
    assert_eq!(p.revisions.a, "sodm-2020-01");
    assert_eq!(p.revisions.b, "ncg-2020-12-31");
}
