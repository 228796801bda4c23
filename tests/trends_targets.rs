//! Targets against realisation on the bundled archive.

mod common;

use versterkingsmonitor::analysis::filters::Filters;
use versterkingsmonitor::analysis::trends::targets;
use versterkingsmonitor::i18n::Lang;

#[test]
fn the_2020_targets_and_their_realisation() {
    let (a, _) = common::bundled_archive();
    let rows = targets::rows(&a, &Filters::default(), Lang::Nl);
    let get = |k: &str| rows.iter().find(|r| r.key() == k).unwrap_or_else(|| panic!("{k}"));
    // SodM L682-689: 2.000 opnames planned for H1 2020, 589 done = 29% (its two quarters); NCG's
    // table of 31 August 2020 revised the half year to 583, and "laatste stand" shows the latest
    // publication's figure. (What broke: it showed SodM's 589 and 1.704 under "laatste stand",
    // while /data listed both as revised to 583 and 1.701; "zoals toen gepubliceerd" showed 1.701.)
    let h1 = get("doel_opname:2020-H1");
    assert_eq!((h1.target, h1.realised.as_ref().unwrap().count), (2000.0, 583.0));
    assert_eq!(h1.pct().unwrap().round(), 29.0);
    // SodM L697-698, L710-711: 2.000 assessments planned for H1 2020, 1.704 done; NCG: 1.701.
    assert_eq!(get("doel_beoordeling:2020-H1").realised.as_ref().unwrap().count, 1701.0);
    // As first published: SodM's 589 (its own comparison); the assessments from NCG's first
    // figure, January-May (1.127, news item of 16 June 2020), and SodM's June (574): 1.701.
    let first = targets::rows(&a, &Filters { vintage: versterkingsmonitor::analysis::select::Vintage::FirstPublished, ..Filters::default() }, Lang::Nl);
    let first_get = |k: &str| first.iter().find(|r| r.key() == k).and_then(|r| r.realised.as_ref()).map(|r| r.count);
    assert_eq!((first_get("doel_opname:2020-H1"), first_get("doel_beoordeling:2020-H1")), (Some(589.0), Some(1701.0)));
    // NCG: 4.000 opnames planned in 2020, 2.883 done (ncg-2020-12-31).
    let y = get("doel_opname:2020");
    assert_eq!((y.target, y.realised.as_ref().unwrap().count), (4000.0, 2883.0));
    assert!(y.realised.as_ref().unwrap().full);
    // NCG 2024: 3.000 veilig verklaard expected, 4.800 realised.
    assert_eq!(get("doel_veilig_verklaard:2024").realised.as_ref().unwrap().count, 4800.0);
    // Regression (review): the LPA2020's planned assessments (2.836 / 5.731, SodM table 2.3) stood
    // against all assessments of 2020 to March 2021 (4.442), which include the LPA2019's addresses
    // (L799-801): not comparable, so no realisation is set against them.
    for k in ["plan_lpa2020_beoordeling_zonder_versnelling:2020-01-01..2021-06-30", "plan_lpa2020_beoordeling_met_versnelling:2020-01-01..2021-06-30"] {
        let r = rows.iter().find(|r| r.key() == k).unwrap_or_else(|| panic!("{k}: {:?}", rows.iter().map(|r| r.key()).collect::<Vec<_>>()));
        assert!(r.realised.is_none(), "{k}: {r:?}");
    }
    // Regression (review): only 2025's figure was called NCG's expectation, while the sources of
    // 2023's and 2024's say "De verwachting is" / "verwacht NCG" / "was de verwachting" too.
    for k in ["doel_veilig_verklaard:2024", "doel_op_norm:2023", "doel_op_norm:2024"] {
        assert!(get(k).provenance.note.contains("verwachting"), "{k}: {}", get(k).provenance.note);
    }
    // A year known only in part is shown as a partial realisation with its end date.
    let part = get("doel_op_norm:2024").realised.as_ref().unwrap();
    assert!(!part.full);
    assert_eq!(part.through.to_string(), "2024-04-30");
    let chart = targets::build(&a, &Filters::default(), Lang::Nl);
    let i = chart.category_keys.iter().position(|k| k == "doel_opname:2020-H1").unwrap();
    assert_eq!(chart.series[1].values[i].as_ref().unwrap().display, "583 (29%)");
    assert!(chart.horizontal);
    // Regression: this chart shows 'op norm' and 'veilig verklaard' but said nothing of the check
    // announced in June 2026, which the Over page promises under every chart of those figures.
    assert!(chart.meta.summary.contains("controle van beoordelingen aangekondigd"), "{}", chart.meta.summary);
    // A selection without those figures has no such sentence.
    let f = Filters { to: versterkingsmonitor::data::date::Month::parse("2020-12").ok(), ..Filters::default() };
    let early = targets::build(&a, &f, Lang::Nl);
    assert!(!early.meta.summary.contains("controle"), "{}", early.meta.summary);
}

#[test]
fn the_period_filter_keeps_only_overlapping_targets() {
    let (a, _) = common::bundled_archive();
    let f = Filters { from: versterkingsmonitor::data::date::Month::parse("2024-01").ok(), ..Filters::default() };
    let rows = targets::rows(&a, &f, Lang::Nl);
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.period.end().year() >= 2024));
}
