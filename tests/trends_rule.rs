//! The trend rule's default dispersion, checked against the published monthly series, and the
//! filter coverage messages on the bundled archive.

mod common;

use versterkingsmonitor::analysis::filters::Filters;
use versterkingsmonitor::analysis::trends::page::{self, ViewParams};
use versterkingsmonitor::analysis::trends::trend_rule::{dispersion, DEFAULT_DISPERSION};
use versterkingsmonitor::data::breakdown::Risicoprofiel;
use versterkingsmonitor::data::gemeente::GemeenteCode;
use versterkingsmonitor::data::period::Period;
use versterkingsmonitor::i18n::Lang;

#[test]
fn default_dispersion_is_the_rounded_median_of_published_monthly_series() {
    let (a, _) = common::bundled_archive();
    let mut phis = Vec::new();
    for m in &a.measures {
        let mi = a.measure_index(&m.code).unwrap();
        // Monthly values per (publication, year), breakdown total.
        let mut groups: std::collections::BTreeMap<(u32, i32), Vec<f64>> = Default::default();
        for o in a.observations.iter().filter(|o| o.measure == mi && o.breakdown.is_total()) {
            if let (Period::Month(mo), Some(v)) = (o.period, o.value) {
                groups.entry((o.publication, mo.year())).or_default().push(v);
            }
        }
        phis.extend(groups.values().filter(|g| g.len() >= 3).filter_map(|g| dispersion(&[g])));
    }
    phis.sort_by(f64::total_cmp);
    assert!(phis.len() >= 8, "{phis:?}");
    let median = (phis[phis.len() / 2 - 1] + phis[phis.len() / 2]) / 2.0;
    assert!((10.0..=25.0).contains(&median), "median {median} of {phis:?}");
    assert!((median - DEFAULT_DISPERSION).abs() <= 5.0);
}

#[test]
fn selections_without_published_figures_say_so() {
    let (a, _) = common::bundled_archive();
    // Risk profile: only SodM's table 2.1 on 17 July 2020 — no flows, but levels.
    let p = page::build(&a, &Filters { risicoprofiel: Some(Risicoprofiel::P50), ..Filters::default() }, &ViewParams::default(), Lang::Nl);
    assert!(p.flows.chart.is_empty());
    assert!(p.empty_message.contains("niet per risicoprofiel"), "{}", p.empty_message);
    assert!(p.notices.iter().any(|n| n.contains("SodM (17 juli 2020)")), "{:?}", p.notices);
    assert!(!p.phases.is_empty());
    // Batch: never published.
    let p = page::build(&a, &Filters { batch: Some("1581".into()), ..Filters::default() }, &ViewParams::default(), Lang::Nl);
    assert!(p.notices.iter().any(|n| n.contains("per batch")), "{:?}", p.notices);
    assert!(p.phases.is_empty() && p.flows.chart.is_empty() && p.targets.is_empty());
    // Loppersum (merged into Eemsdelta) is harmonised to Eemsdelta: its 2023 levels.
    let f = Filters::from_query([("gemeente", "GM0024")], Some(&a.gemeenten));
    assert_eq!(f.gemeente, Some(GemeenteCode(1979)));
    let p = page::build(&a, &f, &ViewParams::default(), Lang::Nl);
    assert!(!p.phases.is_empty());
    assert!(p.notices.iter().any(|n| n.contains("Eemsdelta")), "{:?}", p.notices);
    // Midden-Groningen has no figures of its own; the notice names the gemeenten that do, from
    // the archive (it said "alleen cijfers van Eemsdelta" after Groningen, Het Hogeland and
    // Oldambt had come in).
    let f = Filters::from_query([("gemeente", "GM1952")], Some(&a.gemeenten));
    let p = page::build(&a, &f, &ViewParams::default(), Lang::Nl);
    let n = p.notices.iter().find(|n| n.contains("Midden-Groningen")).expect("a notice for Midden-Groningen");
    for g in ["Eemsdelta", "Groningen", "Het Hogeland", "Oldambt"] {
        assert!(n.contains(g), "{n}");
    }
}
