//! Importing the sample tables in `tests/data/import/` and checking the values, the accounting
//! and that the output is valid canonical CSV for the strict parser.

use super::*;
use crate::data::archive::{parse_observations, LoadReport};
use crate::data::breakdown::Risicoprofiel;
use crate::data::diagnostic::Message;
use crate::data::measure::{Measure, MeasureKind, Unit};

const Q1_2021: &[u8] = include_bytes!("../../../tests/data/import/ncg-resultaat-2021-q1.csv");
const T2_2: &[u8] = include_bytes!("../../../tests/data/import/sodm-2020-tabel-2-2.csv");
const T2_1_XLSX: &[u8] = include_bytes!("../../../tests/data/import/sodm-2020-tabel-2-1.xlsx");

fn opts(date: &str) -> ImportOptions {
    ImportOptions { period_date: Date::parse(date).ok(), gemeenten: None }
}

fn value(r: &ImportReport, measure: &str, period: &str, risk: Option<Risicoprofiel>) -> Option<f64> {
    r.rows
        .iter()
        .find(|x| x.measure == measure && x.period.to_string() == period && x.breakdown.risicoprofiel == risk)
        .map(|x| x.value)
}

/// Parse the canonical output with the archive's strict reader: every row must be accepted.
fn strict_roundtrip(rows: &[ImportedRow]) {
    let codes = ["werkvoorraad", "lpa_opgenomen", "opname", "beoordeling", "normbesluit", "versterkingsbesluit", "bouw_gestart", "planvorming_gestart", "uitvoering_gereed", "traject_afgerond"];
    let measures: Vec<Measure> = codes
        .iter()
        .map(|c| Measure {
            code: (*c).into(),
            kind: if *c == "werkvoorraad" { MeasureKind::Stock } else { MeasureKind::Cumulative },
            unit: Unit::Addresses,
            label_nl: String::new(),
            label_en: String::new(),
            definition_nl: String::new(),
            definition_en: String::new(),
            valid_from: None,
            valid_to: None,
            replaces: None,
            comparable_with: vec![],
            group: "mijlpaal".into(),
            order: 0,
        })
        .collect();
    let mut report = LoadReport::default();
    let text = write_canonical_csv(rows);
    let obs = parse_observations("out.csv", &text, 0, &measures, &Default::default(), &mut report).unwrap();
    assert_eq!(report.errors(), 0, "{:#?}", report.diagnostics);
    assert_eq!(obs.len(), rows.len());
}

#[test]
fn ncg_q1_2021_milestone_table() {
    let mut r = ImportReport::default();
    import_csv("q1.csv", Q1_2021, &opts("2021-03-31"), &mut r).unwrap();
    assert!(r.balanced());
    assert_eq!((r.values_read, r.rows.len(), r.rejected.len()), (32, 28, 4));
    assert_eq!(value(&r, "opname", "2021-01", None), Some(187.0));
    assert_eq!(value(&r, "normbesluit", "2021-02", None), Some(176.0));
    assert_eq!(value(&r, "traject_afgerond", "2021-Q1", None), Some(90.0)); // "Totaal" = Jan..Mrt
    assert_eq!(value(&r, "lpa_opgenomen", "2021-03", None), Some(0.0));
    // "Bouw gereed" is garbled in the source ("?"): rejected, cell by cell, with the place.
    assert!(r.rejected.iter().all(|d| d.line == 9 && matches!(&d.message, Message::Invalid { value, .. } if value == "?")));
    assert_eq!(r.rejected.iter().map(|d| d.column).collect::<Vec<_>>(), [13, 15, 17, 19]);
    assert_eq!(r.rows[4].source, "q1.csv row 4 col 2");
    // The title row is a note, not a rejection.
    assert_eq!(r.notes.len(), 1);
    strict_roundtrip(&r.rows);
}

#[test]
fn months_need_a_year() {
    let mut r = ImportReport::default();
    import_csv("q1.csv", b"Mijlpaal;Jan\nOpname uitgevoerd;187\n", &ImportOptions::default(), &mut r).unwrap();
    assert_eq!((r.rows.len(), r.rejected.len()), (0, 1));
    // With a period date, a month after it belongs to the year before.
    let mut r = ImportReport::default();
    import_csv("q1.csv", b"Mijlpaal;Nov;Jan\nOpname uitgevoerd;1;2\n", &opts("2021-01-31"), &mut r).unwrap();
    assert_eq!(r.rows.iter().map(|x| x.period.to_string()).collect::<Vec<_>>(), ["2020-11", "2021-01"]);
}

#[test]
fn sodm_table_2_2_with_dutch_thousands() {
    let mut r = ImportReport::default();
    import_csv("t22.csv", T2_2, &ImportOptions::default(), &mut r).unwrap();
    assert!(r.balanced() && r.ok(), "{:#?}", r.rejected);
    assert_eq!(r.rows.len(), 36);
    assert_eq!(value(&r, "opname", "2019-Q4", None), Some(1185.0));
    assert_eq!(value(&r, "beoordeling", "2019-H1", None), Some(875.0)); // "1e en 2e kw 2019"
    assert_eq!(value(&r, "uitvoering_gereed", "..2016-12-31", None), Some(181.0)); // "Voor 2017"
    // "Eindtotaal" covers everything up to the end of the last quarter.
    assert_eq!(value(&r, "opname", "..2020-06-30", None), Some(15967.0));
    strict_roundtrip(&r.rows);
}

#[test]
fn sodm_table_2_1_workbook() {
    let mut r = ImportReport::default();
    import_workbook("t21.xlsx", T2_1_XLSX, &opts("2020-07-17"), &mut r).unwrap();
    assert!(r.balanced() && r.ok(), "{:#?}", r.rejected);
    assert_eq!(r.rows.len(), 20);
    assert_eq!(value(&r, "werkvoorraad", "2020-07-17", Some(Risicoprofiel::P90)), Some(13351.0));
    assert_eq!(value(&r, "uitvoering_gereed", "2020-07-17", Some(Risicoprofiel::Grijs)), Some(805.0));
    assert_eq!(value(&r, "opname", "2020-07-17", None), Some(15967.0));
    assert_eq!(r.rows[0].source, "t21.xlsx sheet 'Tabel 2.1' cell B4");
    // The notes sheet has no table: a note, not an error.
    assert!(r.notes.iter().any(|d| d.file == "t21.xlsx[Toelichting]"));
    strict_roundtrip(&r.rows);
}

#[test]
fn a_table_of_measures_needs_a_date() {
    let mut r = ImportReport::default();
    import_workbook("t21.xlsx", T2_1_XLSX, &ImportOptions::default(), &mut r).unwrap();
    assert!(r.balanced());
    assert_eq!((r.rows.len(), r.rejected.len()), (0, 20));
}

#[test]
fn rejections_have_reasons() {
    let text = "Risicoprofiel,Werkvoorraad,Onbekende kolom\nP50,\"26,716\",1\nP90,-5,2\nOnbekend,1,3\ngrijs,1,4\ngrijs,2,5\n";
    let mut r = ImportReport::default();
    import_csv("x.csv", text.as_bytes(), &opts("2020-07-17"), &mut r).unwrap();
    assert!(r.balanced());
    let reasons: Vec<String> = r.rejected.iter().map(|d| d.to_string()).collect();
    assert_eq!(r.rows.len(), 1, "{reasons:#?}");
    assert!(reasons[0].starts_with("x.csv:2:5: error: field 'value': '26,716' is invalid (a count of addresses must be a whole number"), "{}", reasons[0]);
    assert!(reasons[1].contains("x.csv:2:14") && reasons[1].contains("unknown column label 'Onbekende kolom'"), "{}", reasons[1]);
    assert!(reasons.iter().any(|r| r.contains("x.csv:3:5") && r.contains("negative")));
    assert!(reasons.iter().any(|r| r.contains("x.csv:4:10") && r.contains("unknown row label 'Onbekend'")));
    assert!(reasons.iter().any(|r| r.contains("x.csv:6:7") && r.contains("duplicate")));
}

#[test]
fn garbage_bytes_are_refused_cleanly() {
    let mut r = ImportReport::default();
    assert!(import_workbook("x.xlsx", b"PK\x03\x04 not really a zip", &ImportOptions::default(), &mut r).is_err());
    assert!(import_csv("x.csv", b"\xff\xfe", &ImportOptions::default(), &mut r).is_err());
}
