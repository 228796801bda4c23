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
    assert_eq!(revisions::default_pair(&a, &Default::default()), Some(("sodm-2020-01".to_string(), "sodm-2020-09".to_string())));
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

/// Regression (a task-based review): NCG's news of 22 January 2021 against its annual report
/// showed "Planvorming gestart 2020: 4.000 → 4.253, +253, +6%" as a revision, without the "≈" of
/// the source's "bij ruim 4000 adressen"; rows that did not change read as revisions too; and both
/// columns were headed "NCG 31-12-2020". Now the rough value keeps its "≈" and gets no
/// difference, a sentence says how many figures changed, and the columns carry the titles.
#[test]
fn an_approximate_figure_is_no_revision_and_two_publications_of_one_day_are_told_apart() {
    let (a, _) = common::bundled_archive();
    let rows = revisions::compare(&a, "ncg-2020-12-31", "ncg-jaarverslag-2020", &Breakdown::default(), Lang::Nl);
    let plan = rows.iter().find(|r| r.measure == "planvorming_gestart").expect("planning starts in both");
    assert!(plan.a_rough && !plan.b_rough && !plan.changed());
    let table = revisions::table(&rows, "a", "b", Lang::Nl);
    let row = table.rows.iter().find(|r| r.attrs.iter().any(|(k, v)| k == "series" && v == "planvorming_gestart")).unwrap();
    assert_eq!(row.cells[2].text, "≈ 4.000");
    assert_eq!((row.cells[4].text.as_str(), row.cells[5].text.as_str()), ("–", "–"));
    let changed = rows.iter().filter(|r| r.changed()).count();
    assert!(changed >= 1 && changed < rows.len(), "{changed} of {}", rows.len());
    let p = page::build(&a, &Filters::default(), &ViewParams::from_query([("a", "ncg-2020-12-31"), ("b", "ncg-jaarverslag-2020")]), Lang::Nl);
    assert_eq!(p.revisions.summary, format!("{changed} van de {} gedeelde cijfers {} veranderd. Bij een benadering in de bron (≈) is geen verschil berekend.", rows.len(), if changed == 1 { "is" } else { "zijn" }));
    let (ca, cb) = (&p.revisions.table.columns[2].label, &p.revisions.table.columns[3].label);
    assert_ne!(ca, cb, "two publications of 31 December 2020");
    // The default pair (SodM, two dates) keeps its short headers.
    let d = page::build(&a, &Filters::default(), &ViewParams::default(), Lang::Nl);
    assert!(d.revisions.table.columns[2].label.starts_with("SodM "), "{}", d.revisions.table.columns[2].label);
}

/// Regression (a task-based review): Trends filtered on a gemeente compared the whole area's
/// default pair (SodM January against September 2020), which holds no figure of any gemeente,
/// under SodM's explanation of its 2019 revisions, and then said only that the two publications
/// had nothing in common. A selection gets its own most revised pair where it has one, and no
/// explanation of a pair without its figures.
#[test]
fn a_filtered_selection_compares_its_own_publications() {
    use versterkingsmonitor::data::gemeente::GemeenteCode;
    let (a, _) = common::bundled_archive();
    // The whole area still compares SodM's two.
    let p = page::build(&a, &Filters::default(), &ViewParams::default(), Lang::Nl);
    assert_eq!((p.revisions.a.as_str(), p.revisions.b.as_str()), ("sodm-2020-01", "sodm-2020-09"));
    for code in [1979u16, 1895, 14, 1966, 24] {
        let f = Filters { gemeente: Some(GemeenteCode(code)), ..Filters::default() };
        let p = page::build(&a, &f, &ViewParams::default(), Lang::Nl);
        let own = revisions::default_pair(&a, &f.breakdown());
        match own {
            Some((x, y)) => {
                assert_eq!((p.revisions.a.as_str(), p.revisions.b.as_str()), (x.as_str(), y.as_str()), "GM{code}");
                assert!(!p.revisions.empty, "GM{code}: its own pair shares figures");
            }
            // Every breakdown of the bundled archive is in one publication (SodM's of September
            // 2020), so no gemeente has a pair: the section says so, not "these two share nothing".
            None => {
                assert!(p.revisions.empty, "GM{code}");
                assert!(p.revisions.empty_text.starts_with("Geen enkel cijfer van deze selectie staat in twee publicaties"), "GM{code}");
            }
        }
        if p.revisions.empty {
            assert!(p.revisions.explanation.is_none(), "GM{code}: {:?}", p.revisions.explanation);
        }
    }
}
