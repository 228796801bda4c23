//! Fuzzing every parser with random bytes and with mutated valid files (proptest; stable Rust).
//!
//! Properties: no parser panics, whatever the bytes; every reader keeps rows read = accepted +
//! rejected; every diagnostic points inside the text (line ≤ lines + 1, column ≤ line length + 1);
//! the quality checks run on whatever was accepted; the importer keeps values read = written +
//! rejected.
//!
//! Runs a few hundred cases per property in `cargo test` (seconds). For a longer run:
//! `PARSE_FUZZ_CASES=20000 cargo test --release --test parse_fuzz`.

#![allow(clippy::result_large_err)] // Diagnostic is the error type of every reader; see src/data/mod.rs

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use versterkingsmonitor::data::translations::parse_translations;
use versterkingsmonitor::data::archive::{assemble, parse_events, parse_gemeenten, parse_measures, parse_observations, Archive, LoadReport};
use versterkingsmonitor::data::bronbestand::parse_bronbestand;
use versterkingsmonitor::data::csv_scan::{Record, Scanner};
use versterkingsmonitor::data::diagnostic::Diagnostic;
use versterkingsmonitor::data::file_kind::detect;
use versterkingsmonitor::data::gemeente::Registry;
use versterkingsmonitor::data::import::{import_csv, import_workbook, ImportOptions, ImportReport};
use versterkingsmonitor::data::json;
use versterkingsmonitor::data::measure::Measure;
use versterkingsmonitor::data::publication::{read_manifest, Manifest};
use versterkingsmonitor::data::quality;
use versterkingsmonitor::data::table::decode;

fn cases() -> u32 {
    std::env::var("PARSE_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

fn runner() -> TestRunner {
    TestRunner::new(Config { cases: cases(), failure_persistence: None, ..Config::default() })
}

const MATEN: &str = include_str!("data/malformed/maten.csv");
const GEMEENTEN: &str = include_str!("data/malformed/gemeenten.csv");
const EVENTS: &str = include_str!("data/malformed/gebeurtenissen.csv");
const VERTALINGEN: &str = include_str!("data/malformed/vertalingen-missing-en.csv");
const PUBLICATION: &str = "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note
werkvoorraad,2020-07-17,,,,,,26716,published,\"tabel 2.1, L651\",
opname,2020-07-17,GM0003,1467,P50,particulier,zorg,15967,published,tabel 2.1,
opname,..2016-12-31,,,,,,3970,published,tabel 2.2,
opname,2019-H1,,,,,,287,published,tabel 2.2,
herbeoordeling,2020-04-01..2020-06-30,,,,,,12,derived,s,\"som van \"\"april\"\" t/m juni\"
opname,2020-06,,,,,,,suppressed,s,
";
const MANIFEST: &str = include_str!("data/malformed/manifest-duplicate-id.json");
const BRONBESTAND: &str = "id,gemeente,woonplaats,pc4,straat,cluster,batch,risicoprofiel,eigenaar,categorie,npr,uitkomst,toegevoegd,lpa,opname,beoordeling,normbesluit,planvorming,versterkingsbesluit,bouw_gestart,bouw_gereed,afgerond
A000001,GM1979,Loppersum,9919,,LOP-07,1467,P90,particulier,,NPR2018,versterken,2016-01-04,,2016-03-01,2017-05-02,2017-05-02,,,,,
A000002,GM0014,Ten Boer,9791,Dorpsstraat,TB-1,1581,P50,corporatie,zorg,NPR2020,op_norm,2015-06-01,2015-07-01,2016-02-01,2018-01-01,2018-02-01,,,,,2018-03-01
";
const IMPORT_Q1: &[u8] = include_bytes!("data/import/ncg-resultaat-2021-q1.csv");
const IMPORT_T22: &[u8] = include_bytes!("data/import/sodm-2020-tabel-2-2.csv");
const IMPORT_XLSX: &[u8] = include_bytes!("data/import/sodm-2020-tabel-2-1.xlsx");

/// Bytes that matter to the parsers, mixed with arbitrary ones.
fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => any::<u8>(),
        1 => prop::sample::select(b",;\"\r\n\0\t.-:{}[]0123456789GMQH ".to_vec()),
        1 => prop::sample::select(vec![0xC3, 0xA9, 0xEF, 0xBB, 0xBF, 0xFF, 0x80]),
    ]
}

#[derive(Clone, Debug)]
enum Mutation {
    Set(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), byte()).prop_map(|(p, b)| Mutation::Set(p, b)),
        (any::<usize>(), byte()).prop_map(|(p, b)| Mutation::Insert(p, b)),
        (any::<usize>(), 1usize..40).prop_map(|(p, n)| Mutation::Delete(p, n)),
        (any::<usize>(), 1usize..80).prop_map(|(p, n)| Mutation::Duplicate(p, n)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(seed: &[u8], ops: &[Mutation]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for op in ops {
        let len = v.len().max(1);
        match *op {
            Mutation::Set(p, b) => {
                if let Some(x) = v.get_mut(p % len) {
                    *x = b;
                }
            }
            Mutation::Insert(p, b) => v.insert(p % (v.len() + 1), b),
            Mutation::Delete(p, n) => {
                let s = p % len;
                let e = (s + n).min(v.len());
                if s < e {
                    v.drain(s..e);
                }
            }
            Mutation::Duplicate(p, n) => {
                let s = p % len;
                let e = (s + n).min(v.len());
                if s < e {
                    let chunk: Vec<u8> = v[s..e].to_vec();
                    v.splice(e..e, chunk);
                }
            }
            Mutation::Truncate(p) => v.truncate(p % (v.len() + 1)),
        }
    }
    v
}

/// Input: either random bytes or a valid seed file with a few mutations.
fn input(seed: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(byte(), 0..400),
        prop::collection::vec(mutation(), 1..8).prop_map(move |ops| mutate(seed, &ops)),
    ]
}

/// Every diagnostic about `text` must point inside it.
fn assert_places(text: &str, diags: &[Diagnostic]) {
    let lines: Vec<&str> = text.split('\n').collect();
    for d in diags {
        if d.line == 0 {
            continue;
        }
        let line = lines.get(d.line as usize - 1).unwrap_or_else(|| panic!("line {} outside the text ({} lines): {d}", d.line, lines.len()));
        let chars = line.chars().count() as u64;
        assert!(d.column >= 1 && d.column <= chars + 1, "column {} outside line {} of {chars} characters: {d}", d.column, d.line);
    }
}

fn context() -> (Vec<Measure>, Registry) {
    let mut r = LoadReport::default();
    let m = parse_measures("maten.csv", MATEN, &mut r).expect("valid context");
    let g = parse_gemeenten("gemeenten.csv", GEMEENTEN, &mut r).expect("valid context");
    assert_eq!(r.errors(), 0);
    (m, g)
}

/// Decode like `ncg check` does; `None` when the bytes are refused as a whole.
fn text_of(bytes: &[u8]) -> Option<String> {
    decode("f", bytes, 1_000_000).ok().map(str::to_string)
}

#[test]
fn csv_scanner_never_panics_and_points_inside_the_text() {
    runner()
        .run(&input(PUBLICATION.as_bytes()), |bytes| {
            let text = String::from_utf8_lossy(&bytes);
            for sep in [b',', b';'] {
                let mut s = Scanner::new("f", &text, sep);
                let mut rec = Record::default();
                let mut diags = Vec::new();
                let mut records = 0;
                while let Some(r) = s.next_record(&mut rec) {
                    records += 1;
                    prop_assert!(records <= text.len() + 1, "the scanner must make progress");
                    match r {
                        Ok(()) => diags.extend(rec.fields.iter().map(|f| Diagnostic::error("f", f.place.line, f.place.column, versterkingsmonitor::data::diagnostic::Message::EmptyFile))),
                        Err(d) => diags.push(d),
                    }
                }
                assert_places(text.strip_prefix('\u{FEFF}').unwrap_or(&text), &diags);
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn observation_reader_keeps_its_accounting() {
    let (measures, gemeenten) = context();
    runner()
        .run(&input(PUBLICATION.as_bytes()), |bytes| {
            let Some(text) = text_of(&bytes) else { return Ok(()) };
            let mut r = LoadReport::default();
            let result = parse_observations("p.csv", &text, 0, &measures, &gemeenten, &mut r);
            prop_assert!(r.total().balanced(), "{:?}", r.files);
            assert_places(&text, &r.diagnostics);
            if let Err(d) = &result {
                assert_places(&text, std::slice::from_ref(d));
            }
            // The quality checks run on whatever was accepted.
            let obs = result.unwrap_or_default();
            prop_assert_eq!(obs.len() as u64, r.total().accepted);
            let a = Archive { publications: vec![], measures: measures.clone(), gemeenten: gemeenten.clone(), events: vec![], observations: obs, translations: Default::default() };
            let _ = quality::findings(&a);
            Ok(())
        })
        .unwrap();
}

#[test]
fn measures_gemeenten_events_and_translations_readers_keep_their_accounting() {
    let (measures, _) = context();
    for (seed, which) in [(MATEN, 0), (GEMEENTEN, 1), (EVENTS, 2), (VERTALINGEN, 3)] {
        runner()
            .run(&input(seed.as_bytes()), |bytes| {
                let Some(text) = text_of(&bytes) else { return Ok(()) };
                let mut r = LoadReport::default();
                let fatal = match which {
                    0 => parse_measures("m.csv", &text, &mut r).err(),
                    1 => parse_gemeenten("g.csv", &text, &mut r).err(),
                    2 => parse_events("e.csv", &text, &measures, &mut r).err(),
                    _ => parse_translations("v.csv", &text, &mut r).err(),
                };
                prop_assert!(r.total().balanced(), "{:?}", r.files);
                assert_places(&text, &r.diagnostics);
                assert_places(&text, fatal.as_slice());
                let _ = detect("x.csv", &text);
                Ok(())
            })
            .unwrap();
    }
}

#[test]
fn manifest_and_json_readers_never_panic() {
    runner()
        .run(&input(MANIFEST.as_bytes()), |bytes| {
            let Some(text) = text_of(&bytes) else { return Ok(()) };
            let _ = json::parse(&text);
            let reading = read_manifest("manifest.json", &text);
            assert_places(&text, &reading.diagnostics);
            // Assemble whatever manifest came out against the valid context files.
            if let Some(m) = reading.manifest {
                let m: Manifest = m;
                let files = |f: &str| -> Result<String, Diagnostic> {
                    Ok(match f {
                        "maten.csv" => MATEN.into(),
                        "gemeenten.csv" => GEMEENTEN.into(),
                        "gebeurtenissen.csv" => EVENTS.into(),
                        _ => PUBLICATION.into(),
                    })
                };
                if let Ok((a, r)) = assemble(&m, files) {
                    prop_assert!(r.total().balanced());
                    let _ = quality::findings(&a);
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn bronbestand_reader_keeps_its_accounting() {
    let (_, gemeenten) = context();
    runner()
        .run(&input(BRONBESTAND.as_bytes()), |bytes| {
            let Some(text) = text_of(&bytes) else { return Ok(()) };
            match parse_bronbestand("b.csv", &text, &gemeenten) {
                Ok((addresses, r)) => {
                    prop_assert!(r.total().balanced(), "{:?}", r.files);
                    prop_assert_eq!(addresses.len() as u64, r.total().accepted);
                }
                Err(d) => assert_places(&text, std::slice::from_ref(&d)),
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn csv_importer_keeps_its_accounting() {
    for seed in [IMPORT_Q1, IMPORT_T22] {
        runner()
            .run(&input(seed), |bytes| {
                let mut r = ImportReport::default();
                let opts = ImportOptions { period_date: versterkingsmonitor::data::date::Date::new(2021, 3, 31), gemeenten: None };
                let _ = import_csv("t.csv", &bytes, &opts, &mut r);
                prop_assert!(r.balanced(), "{} read, {} written, {} rejected", r.values_read, r.rows.len(), r.rejected.len());
                Ok(())
            })
            .unwrap();
    }
}

#[test]
fn workbook_importer_never_panics() {
    // Mutated zips are slower to reject; fewer cases keep `cargo test` quick.
    let mut runner = TestRunner::new(Config { cases: (cases() / 4).max(16), failure_persistence: None, ..Config::default() });
    runner
        .run(&input(IMPORT_XLSX), |bytes| {
            let mut r = ImportReport::default();
            let _ = import_workbook("t.xlsx", &bytes, &ImportOptions::default(), &mut r);
            prop_assert!(r.balanced());
            Ok(())
        })
        .unwrap();
}
