//! Tests of the quality checks, on archives built through the real parsers.

use super::*;
use crate::data::archive::{assemble, LoadReport};
use crate::data::date::Date;
use crate::data::diagnostic::Severity;
use crate::data::publication::{Manifest, Publication};

const MATEN: &str = "code,kind,unit,group,order,label_nl,label_en,definition_nl,definition_en,valid_from,valid_to,replaces,comparable_with
werkvoorraad,stock,addresses,omvang,0,Werkvoorraad,Caseload,,,,,,
opname,cumulative,addresses,mijlpaal,10,Opname,Inspection,,,,,,
beoordeling,cumulative,addresses,mijlpaal,20,Beoordeling,Assessment,,,,,,
planvorming_gestart,cumulative,addresses,mijlpaal,30,Planvorming,Planning,,,,,,
uitvoering_gereed,cumulative,addresses,mijlpaal,60,Uitvoering,Works,,,,,,
voldoet_norm,stock,addresses,norm,0,Voldoet,Meets,,,,,,
voldoet_versterkt,stock,addresses,norm,1,Versterkt,Reinforced,,,,,,
voldoet_op_norm,stock,addresses,norm,2,Op norm,On norm,,,,,,
voldoet_andere_reden,stock,addresses,norm,3,Andere reden,Other,,,,,,
";

const GEMEENTEN: &str = "code,name,valid_from,valid_to,successor,in_operation
GM0003,Appingedam,,2020-12-31,GM1979,yes
GM1979,Eemsdelta,2021-01-01,,,yes
GM0014,Groningen,,,,yes
";

const HEAD: &str = "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\n";

/// SodM table 2.1 (stand per 17 July 2020 by risk profile) and table 2.2 (flows per period; the
/// 2nd quarter of 2020 runs to the bronbestand's date), as a curator would transcribe them.
fn sodm_2020() -> String {
    let mut s = String::from(HEAD);
    let t21 = [
        ("werkvoorraad", [26716, 3418, 13351, 9947]),
        ("opname", [15967, 2945, 5290, 7732]),
        ("beoordeling", [9207, 2383, 2289, 4535]),
        ("planvorming_gestart", [5561, 1406, 1261, 2894]),
        ("uitvoering_gereed", [1177, 226, 146, 805]),
    ];
    for (m, v) in t21 {
        for (r, x) in ["", "P50", "P90", "grijs"].iter().zip(v) {
            s.push_str(&format!("{m},2020-07-17,,,{r},,,{x},published,tabel 2.1,\n"));
        }
    }
    let periods = ["2020-04-01..2020-07-17", "2020-Q1", "2019-Q4", "2019-Q3", "2019-H1", "2018", "2017", "..2016-12-31"];
    let t22 = [
        ("opname", [181, 408, 1185, 736, 287, 4059, 5141, 3970]),
        ("beoordeling", [1398, 306, 30, 21, 875, 2593, 2814, 1170]),
        ("planvorming_gestart", [535, 1809, 346, 18, 1456, 404, 610, 383]),
        ("uitvoering_gereed", [106, 3, 131, 78, 355, 240, 83, 181]),
    ];
    for (m, v) in t22 {
        for (p, x) in periods.iter().zip(v) {
            s.push_str(&format!("{m},{p},,,,,,{x},published,tabel 2.2,\n"));
        }
    }
    s
}

fn publication(id: &str, peildatum: &str) -> Publication {
    Publication {
        id: id.into(),
        peildatum: Date::parse(peildatum).unwrap(),
        published: None,
        published_at_latest: false,
        peildatum_stated: true,
        publisher: "t".into(),
        quoted_by: None,
        title: "t".into(),
        url: None,
        document: Some("d".into()),
        file: format!("publicaties/{id}.csv"),
        notes: String::new(),
    }
}

/// Build an archive from publications `(id, peildatum, observation text)`; no parse errors allowed.
fn archive(pubs: &[(&str, &str, String)]) -> Archive {
    let manifest = Manifest {
        measures_file: "maten.csv".into(),
        gemeenten_file: "gemeenten.csv".into(),
        events_file: "gebeurtenissen.csv".into(),
        translations_file: None,
        publications: pubs.iter().map(|(id, d, _)| publication(id, d)).collect(),
        demo: None,
        documents: Vec::new(),
    };
    let (a, report): (Archive, LoadReport) = assemble(&manifest, |f| {
        Ok(match f {
            "maten.csv" => MATEN.to_string(),
            "gemeenten.csv" => GEMEENTEN.to_string(),
            "gebeurtenissen.csv" => "date,kind,measures,text_nl,text_en,source\n".to_string(),
            _ => pubs.iter().find(|(id, _, _)| f == format!("publicaties/{id}.csv")).map(|p| p.2.clone()).unwrap_or_default(),
        })
    })
    .unwrap();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    a
}

fn kinds(f: &[QualityFinding]) -> Vec<FindingKind> {
    f.iter().map(|f| f.kind).collect()
}

/// The finding's sentence in English and in Dutch.
fn says(f: &QualityFinding, en: &str, nl: &str) {
    assert_eq!(f.text(Lang::En), en);
    assert_eq!(f.text(Lang::Nl), nl);
}

#[test]
fn sodm_tables_2_1_and_2_2_add_up() {
    let a = archive(&[("sodm-2020-09", "2020-07-17", sodm_2020())]);
    assert_eq!(findings(&a), vec![]);
}

#[test]
fn a_flow_typo_is_found_against_the_cumulative_total() {
    let text = sodm_2020().replace("opname,2018,,,,,,4059", "opname,2018,,,,,,4058");
    let a = archive(&[("sodm-2020-09", "2020-07-17", text)]);
    let f = findings(&a);
    assert_eq!(kinds(&f), [FindingKind::FlowsVsCumulative]);
    assert_eq!(f[0].measure, "opname");
    assert_eq!(f[0].diff, -1.0);
    assert_eq!(f[0].values.len(), 9); // the total and the eight periods
    assert_eq!((f[0].file.as_str(), f[0].line), ("publicaties/sodm-2020-09.csv", 6));
}

#[test]
fn risk_profiles_must_add_up_to_the_total() {
    let text = sodm_2020().replace("werkvoorraad,2020-07-17,,,P90,,,13351", "werkvoorraad,2020-07-17,,,P90,,,13352");
    let a = archive(&[("sodm-2020-09", "2020-07-17", text)]);
    let f = findings(&a);
    assert_eq!(kinds(&f), [FindingKind::BreakdownVsTotal]);
    assert_eq!(f[0].diff, 1.0);
    assert_eq!(f[0].values[0], ("totaal".to_string(), 26716.0));
    assert_eq!(f[0].values[1], ("P50".to_string(), 3418.0));
    // The parts by the names the app uses, no breakdown key.
    says(
        &f[0],
        "Caseload, 17 July 2020: the parts Elevated (P50) + Slightly elevated (P90) + Normal (grey) add up to 26,717, the total is 26,716 (difference +1) [sodm-2020-09]",
        "Werkvoorraad, 17 juli 2020: de delen Verhoogd (P50) + Licht verhoogd (P90) + Normaal (grijs) tellen op tot 26.717, het totaal is 26.716 (verschil +1) [sodm-2020-09]",
    );
}

#[test]
fn three_parts_of_voldoet_norm() {
    let ok = format!("{HEAD}voldoet_norm,2024-12-31,,,,,,16596,published,s,\nvoldoet_versterkt,2024-12-31,,,,,,5687,published,s,\nvoldoet_op_norm,2024-12-31,,,,,,10719,published,s,\nvoldoet_andere_reden,2024-12-31,,,,,,190,published,s,\n");
    assert_eq!(findings(&archive(&[("ncg-2024-12-31", "2024-12-31", ok.clone())])), vec![]);
    let bad = ok.replace("16596", "16597");
    let f = findings(&archive(&[("ncg-2024-12-31", "2024-12-31", bad)]));
    assert_eq!(kinds(&f), [FindingKind::PartsVsTotal]);
    assert_eq!(f[0].diff, -1.0);
    says(
        &f[0],
        "Meets, 31 December 2024: the parts Reinforced + On norm + Other add up to 16,596, the total is 16,597 (difference -1) [ncg-2024-12-31]",
        "Voldoet, 31 december 2024: de delen Versterkt + Op norm + Andere reden tellen op tot 16.596, het totaal is 16.597 (verschil -1) [ncg-2024-12-31]",
    );
    // Approximate values are never compared.
    let approx = ok.replace("16596,published", "16000,approximate");
    assert_eq!(findings(&archive(&[("ncg-2024-12-31", "2024-12-31", approx)])), vec![]);
}

#[test]
fn revisions_between_publications_name_both() {
    // SodM's interim report (January 2020) and the 2020 report disagree about 2019-H1.
    let interim = format!("{HEAD}beoordeling,2019-H1,,,,,,357,published,interim,\nuitvoering_gereed,2019-H1,,,,,,386,published,interim,\n");
    let a = archive(&[("sodm-2020-01", "2020-01-15", interim), ("sodm-2020-09", "2020-07-17", sodm_2020())]);
    let f = findings(&a);
    assert_eq!(kinds(&f), [FindingKind::Revision, FindingKind::Revision]);
    let b = f.iter().find(|f| f.measure == "beoordeling").unwrap();
    assert_eq!(b.publications, ["sodm-2020-01", "sodm-2020-09"]);
    assert_eq!(b.values, [("sodm-2020-01".to_string(), 357.0), ("sodm-2020-09".to_string(), 875.0)]);
    assert_eq!(b.diff, 518.0);
    assert_eq!(b.to_diagnostic().severity, Severity::Warning);
    assert!(b.to_diagnostic().to_string().starts_with("publicaties/sodm-2020-09.csv:"), "{}", b.to_diagnostic());
    says(&b, "Assessment, H1 2019: revised from 357 in sodm-2020-01 to 875 in sodm-2020-09 (difference +518)", "Beoordeling, 1e helft 2019: herzien van 357 in sodm-2020-01 naar 875 in sodm-2020-09 (verschil +518)");
    // The CLI warning carries both sentences.
    assert_eq!(b.to_diagnostic().message.text(Lang::Nl), b.text(Lang::Nl));
}

#[test]
fn english_findings_use_names_and_english_numbers() {
    // A revision above a thousand, plus one finding of every kind the fixtures can make.
    let interim = format!("{HEAD}beoordeling,2019-H1,,,,,,357,published,interim,\nplanvorming_gestart,2019-H1,,,,,,1200,published,interim,\n");
    let a = archive(&[("sodm-2020-01", "2020-01-15", interim), ("sodm-2020-09", "2020-07-17", sodm_2020())]);
    let f = findings(&a);
    let p = f.iter().find(|f| f.measure == "planvorming_gestart").unwrap();
    says(&p, "Planning, H1 2019: revised from 1,200 in sodm-2020-01 to 1,456 in sodm-2020-09 (difference +256)", "Planvorming, 1e helft 2019: herzien van 1.200 in sodm-2020-01 naar 1.456 in sodm-2020-09 (verschil +256)");
    let mut all = f;
    let more = [
        sodm_2020().replace("werkvoorraad,2020-07-17,,,P90,,,13351", "werkvoorraad,2020-07-17,,,P90,,,13352"),
        sodm_2020().replace("opname,2018,,,,,,4059", "opname,2018,,,,,,4058"),
        sodm_2020_curator_style().replace("opname,2018,,,,,,4059", "opname,2018,,,,,,4060"),
        sodm_2020_curator_style().replace("opname,2019-H2,,,,,,1921", "opname,2019-H2,,,,,,1920"),
        format!("{HEAD}voldoet_norm,2020-07-17,,,,,,16597,published,s,\nvoldoet_versterkt,2020-07-17,,,,,,5687,published,s,\nvoldoet_op_norm,2020-07-17,,,,,,10719,published,s,\nvoldoet_andere_reden,2020-07-17,,,,,,190,published,s,\n"),
        format!("{HEAD}werkvoorraad,2020-07-17,,,,,,1080,published,s,\nopname,2020-06-30,,,,,,1100,published,s,\nopname,2020-07-17,,,,,,1090,published,s,\nbeoordeling,2020-07-17,,,,,,1095,published,s,\nopname,2020-08,,,,,,5,published,s,\n"),
        format!("{HEAD}opname,2019-12-31,,,,,,1000,published,s,\nopname,2020-H1,,,,,,600,published,s,\nopname,2020-06-30,,,,,,1700,published,s,\n"),
    ];
    for text in more {
        all.extend(findings(&archive(&[("sodm-2020-09", "2020-07-17", text)])));
    }
    let mut seen: Vec<FindingKind> = all.iter().map(|f| f.kind).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen, FindingKind::ALL, "every kind of finding is checked");
    let codes: Vec<&str> = a.measures.iter().map(|m| m.code.as_str()).collect();
    for f in &all {
        let en = f.text(Lang::En);
        // No measure code (every measure here has a name), no breakdown key, no ISO date or period code.
        for code in &codes {
            assert!(!en.contains(code), "{code} in {en}");
        }
        assert!(!en.contains("totaal") && !en.contains("2019-H") && !en.contains("2020-07-17"), "{en}");
        // No Dutch number format (1.200), and every value from 1,000 on has its comma.
        assert!(!en.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit()), "Dutch number in {en}");
        let sum: f64 = f.values.iter().skip(1).map(|(_, v)| v).sum();
        for v in f.values.iter().map(|(_, v)| *v).chain([sum, f.diff]).filter(|v| v.abs() >= 1000.0) {
            assert!(!en.contains(&format!("{v}")), "{v} without separator in {en}");
        }
        let reference = f.values[0].1;
        if reference >= 1000.0 {
            assert!(en.contains(&crate::i18n::format::int(reference, Lang::En)), "{reference} in {en}");
            let nl = f.text(Lang::Nl);
            assert!(nl.contains(&crate::i18n::format::int(reference, Lang::Nl)), "{reference} in {nl}");
        }
    }
}

#[test]
fn order_monotonicity_and_werkvoorraad() {
    let text = format!(
        "{HEAD}werkvoorraad,2020-07-31,,,,,,80,published,s,\nopname,2020-06-30,,,,,,100,published,s,\nopname,2020-07-31,,,,,,90,published,s,\nbeoordeling,2020-07-31,,,,,,95,published,s,\n"
    );
    let f = findings(&archive(&[("p", "2020-07-31", text)]));
    let mut k = kinds(&f);
    k.sort();
    assert_eq!(k, [FindingKind::CumulativeDecreases, FindingKind::AboveWerkvoorraad, FindingKind::AboveWerkvoorraad, FindingKind::MilestoneOrder]);
    let dec = f.iter().find(|f| f.kind == FindingKind::CumulativeDecreases).unwrap();
    assert_eq!((dec.line, dec.diff), (4, -10.0));
    let order = f.iter().find(|f| f.kind == FindingKind::MilestoneOrder).unwrap();
    assert_eq!((order.measure.as_str(), order.line, order.diff), ("beoordeling", 5, 5.0));
}

#[test]
fn gemeenten_against_the_total() {
    // Complete set on 2021-06-30: Eemsdelta and Groningen (Appingedam no longer exists).
    let ok = format!("{HEAD}opname,2021-06-30,,,,,,100,published,s,\nopname,2021-06-30,GM1979,,,,,40,published,s,\nopname,2021-06-30,GM0014,,,,,60,published,s,\n");
    assert_eq!(findings(&archive(&[("p", "2021-06-30", ok.clone())])), vec![]);
    let f = findings(&archive(&[("p", "2021-06-30", ok.replace(",60,", ",61,"))]));
    assert_eq!(kinds(&f), [FindingKind::BreakdownVsTotal]);
    // Gemeenten by name.
    assert_eq!(f[0].text(Lang::En), "Inspection, 30 June 2021: the parts Eemsdelta + Groningen add up to 101, the total is 100 (difference +1) [p]");
    // An incomplete set is only reported when it exceeds the total.
    let partial = format!("{HEAD}opname,2021-06-30,,,,,,100,published,s,\nopname,2021-06-30,GM0014,,,,,60,published,s,\n");
    assert_eq!(findings(&archive(&[("p", "2021-06-30", partial.clone())])), vec![]);
    let f = findings(&archive(&[("p", "2021-06-30", partial.replace(",60,", ",160,"))]));
    assert_eq!((kinds(&f), f[0].diff), (vec![FindingKind::BreakdownVsTotal], 60.0));
}

#[test]
fn flows_chain_from_a_cumulative_stand() {
    // stand on 31 March + flows April..June = stand on 30 June.
    let text = format!(
        "{HEAD}opname,2021-03-31,,,,,,1000,published,s,\nopname,2021-04,,,,,,10,published,s,\nopname,2021-05,,,,,,20,published,s,\nopname,2021-06,,,,,,30,published,s,\nopname,2021-06-30,,,,,,1060,published,s,\n"
    );
    assert_eq!(findings(&archive(&[("p", "2021-06-30", text.clone())])), vec![]);
    let f = findings(&archive(&[("p", "2021-06-30", text.replace(",1060,", ",1061,"))]));
    assert_eq!(kinds(&f), [FindingKind::FlowsVsCumulative]);
    assert_eq!(f[0].diff, -1.0);
}

#[test]
fn figures_after_the_peildatum() {
    let text = format!("{HEAD}werkvoorraad,2020-08-01,,,,,,5,published,s,\n");
    let f = findings(&archive(&[("p", "2020-07-17", text)]));
    assert_eq!(kinds(&f), [FindingKind::AfterPeildatum]);
    says(&f[0], "Caseload, 1 August 2020: the period ends after 17 July 2020, the publication's reference date [p]", "Werkvoorraad, 1 augustus 2020: de periode eindigt na 17 juli 2020, de peildatum van de publicatie [p]");
}

/// Table 2.2 as the curator transcribed it: "2e kw 2020" as `2020-Q2` (ending 30 June), next to
/// the stand of 17 July from table 2.1, plus SodM's own half-year sums from the text.
fn sodm_2020_curator_style() -> String {
    sodm_2020().replace("2020-04-01..2020-07-17", "2020-Q2")
        + "opname,2019-H2,,,,,,1921,published,tekst L683,\nopname,2020-H1,,,,,,589,published,tekst L684,\n"
}

#[test]
fn table_2_2_is_compared_with_the_later_stand_of_table_2_1() {
    let a = archive(&[("sodm-2020-09", "2020-07-17", sodm_2020_curator_style())]);
    assert_eq!(findings(&a), vec![]);
    // One more opname in 2018: the periods up to 30 June now exceed the stand of 17 July.
    let text = sodm_2020_curator_style().replace("opname,2018,,,,,,4059", "opname,2018,,,,,,4060");
    let f = findings(&archive(&[("sodm-2020-09", "2020-07-17", text)]));
    assert_eq!(kinds(&f), [FindingKind::FlowsAboveLaterCumulative]);
    assert_eq!((f[0].measure.as_str(), f[0].diff), ("opname", 1.0));
    says(
        &f[0],
        "Inspection, 17 July 2020: the periods up to and including H1 2020 add up to 15,968, more than this later cumulative total of 15,967 (difference +1) [sodm-2020-09]",
        "Opname, 17 juli 2020: de periodes t/m 1e helft 2020 tellen op tot 15.968, meer dan deze latere cumulatieve stand van 15.967 (verschil +1) [sodm-2020-09]",
    );
    // One fewer cannot be told apart from opnames between 1 and 17 July: no finding.
    let text = sodm_2020_curator_style().replace("opname,2018,,,,,,4059", "opname,2018,,,,,,4058");
    assert_eq!(findings(&archive(&[("sodm-2020-09", "2020-07-17", text)])), vec![]);
}

#[test]
fn a_half_year_must_equal_its_quarters() {
    let text = sodm_2020_curator_style().replace("opname,2019-H2,,,,,,1921", "opname,2019-H2,,,,,,1920");
    let f = findings(&archive(&[("sodm-2020-09", "2020-07-17", text)]));
    assert_eq!(kinds(&f), [FindingKind::PeriodsDisagree]);
    assert_eq!((f[0].period.to_string(), f[0].diff), ("2019-H2".to_string(), 1.0));
    assert_eq!(f[0].values[1..], [("2019-Q3".to_string(), 736.0), ("2019-Q4".to_string(), 1185.0)]);
}

#[test]
fn the_reader_sees_the_largest_difference_of_a_kind_first() {
    // Data & bronnen listed its findings in the order of the files, so SodM's revision of 2019's
    // assessments by −605 came after ones of −6 and −3. `ncg check` keeps the files' order.
    let text = sodm_2020_curator_style().replace("opname,2019-H2,,,,,,1921", "opname,2019-H2,,,,,,1920");
    let one = findings(&archive(&[("sodm-2020-09", "2020-07-17", text)])).remove(0);
    let with = |kind, diff: f64, line| QualityFinding { kind, diff, line, ..one.clone() };
    let mut f = vec![
        with(FindingKind::Revision, -6.0, 3),
        with(FindingKind::PartsVsTotal, 63.0, 9),
        with(FindingKind::Revision, -605.0, 56),
        with(FindingKind::Revision, 518.0, 34),
        with(FindingKind::Revision, 518.0, 20),
    ];
    largest_first(&mut f);
    let order: Vec<(FindingKind, f64, u64)> = f.iter().map(|f| (f.kind, f.diff, f.line)).collect();
    assert_eq!(order, [(FindingKind::PartsVsTotal, 63.0, 9), (FindingKind::Revision, -605.0, 56), (FindingKind::Revision, 518.0, 20), (FindingKind::Revision, 518.0, 34), (FindingKind::Revision, -6.0, 3)]);
}

#[test]
fn two_stands_further_apart_than_the_period_between_them() {
    // Regression: NCG's annual report gives 600 "traject afgerond" for 2020 and 1.768 at its end;
    // its news item of June 2020 gave 1.128 on 31 May. Seven months then hold 640, more than the
    // whole year: the Trends line went down (1.168 derived for the end of 2019, then 1.128), and
    // the report on /data, which promises to find such things, found nothing.
    let news = format!("{HEAD}opname,2020-05-31,,,,,,1128,published,s,\n");
    let report = format!("{HEAD}opname,2020,,,,,,600,published,s,\nopname,2020-12-31,,,,,,1768,published,s,\n");
    let f = findings(&archive(&[("ncg-2020-05-31", "2020-05-31", news.clone()), ("jaarverslag", "2020-12-31", report.clone())]));
    assert_eq!(kinds(&f), [FindingKind::StandsAbovePeriod]);
    assert_eq!((f[0].diff, f[0].publications.clone()), (40.0, vec!["jaarverslag".to_string(), "ncg-2020-05-31".to_string()]));
    says(
        &f[0],
        "Inspection, 2020: 600 in the whole period, but the levels of 1,128 on 31 May 2020 and 1,768 on 31 December 2020 are already 640 apart (difference +40) [jaarverslag, ncg-2020-05-31]",
        "Opname, 2020: 600 in de hele periode, maar de standen 1.128 op 31 mei 2020 en 1.768 op 31 december 2020 liggen al 640 uit elkaar (verschil +40) [jaarverslag, ncg-2020-05-31]",
    );
    // 1.168 in May fits in the year: no finding.
    let fits = news.replace("1128", "1168");
    assert_eq!(findings(&archive(&[("ncg-2020-05-31", "2020-05-31", fits), ("jaarverslag", "2020-12-31", report)])), vec![]);
}
