//! Parsing benchmark: one million canonical observation rows, generated in memory and parsed
//! with the real reader (`parse_observations`: CSV scanning, typed fields, cross-references,
//! the duplicate-key check). Run with `cargo bench --bench parse`.
//!
//! Prints one stable line per measurement, e.g.
//! `bench parse_observations rows=1000000 bytes=64000000 time_ms=812 rows_per_s=1231527`.
//! Nothing is asserted about time.

use std::hint::black_box;
use std::time::Instant;

use versterkingsmonitor::data::archive::{parse_gemeenten, parse_measures, parse_observations, Archive, LoadReport};
use versterkingsmonitor::data::csv_scan::{Record, Scanner};
use versterkingsmonitor::data::date::Date;
use versterkingsmonitor::data::quality;

const ROWS: usize = 1_000_000;
const MEASURES: [&str; 5] = ["werkvoorraad", "opname", "beoordeling", "planvorming_gestart", "uitvoering_gereed"];
const RISK: [&str; 4] = ["", "P50", "P90", "grijs"];
const GEMEENTEN: [&str; 8] = ["GM0014", "GM0003", "GM0010", "GM0024", "GM1895", "GM1952", "GM1966", "GM1979"];

fn maten() -> String {
    let mut s = String::from("code,kind,unit,group,order,label_nl,label_en,definition_nl,definition_en,valid_from,valid_to,replaces,comparable_with\n");
    for (i, m) in MEASURES.iter().enumerate() {
        let kind = if i == 0 { "stock" } else { "cumulative" };
        s.push_str(&format!("{m},{kind},addresses,mijlpaal,{i},{m},{m},,,,,,\n"));
    }
    s
}

fn gemeenten() -> String {
    let mut s = String::from("code,name,valid_from,valid_to,successor,in_operation\n");
    for g in GEMEENTEN {
        s.push_str(&format!("{g},Gemeente {g},,,,yes\n"));
    }
    s
}

/// 5 measures × 6,250 days × 4 risk profiles × 8 gemeenten = 1,000,000 distinct rows.
fn observations() -> String {
    let start = Date::new(2008, 1, 1).map(Date::to_days).unwrap_or(0);
    let mut s = String::with_capacity(ROWS * 70);
    s.push_str("measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\n");
    let mut n = 0u64;
    for day in 0..6250 {
        let date = Date::from_days(start + day).map(|d| d.to_string()).unwrap_or_default();
        for m in MEASURES {
            for g in GEMEENTEN {
                for r in RISK {
                    n += 1;
                    let value = (n * 7919) % 30_000;
                    s.push_str(&format!("{m},{date},{g},,{r},,,{value},published,\"tabel 2.1, L651\",\n"));
                }
            }
        }
    }
    s
}

fn report(name: &str, rows: usize, bytes: usize, ms: f64) {
    let per_s = if ms > 0.0 { (rows as f64 / (ms / 1000.0)).round() as u64 } else { 0 };
    println!("bench {name} rows={rows} bytes={bytes} time_ms={} rows_per_s={per_s}", ms.round() as u64);
}

fn main() {
    let mut setup = LoadReport::default();
    let measures = parse_measures("maten.csv", &maten(), &mut setup).unwrap_or_default();
    let registry = parse_gemeenten("gemeenten.csv", &gemeenten(), &mut setup).unwrap_or_default();
    let text = observations();

    // The CSV layer alone.
    let t = Instant::now();
    let mut scanner = Scanner::new("bench.csv", &text, b',');
    let mut rec = Record::default();
    let mut records = 0usize;
    while let Some(r) = scanner.next_record(&mut rec) {
        if r.is_ok() {
            records += 1;
        }
    }
    report("csv_scan", black_box(records) - 1, text.len(), t.elapsed().as_secs_f64() * 1000.0);

    // The full reader.
    let mut r = LoadReport::default();
    let t = Instant::now();
    let obs = parse_observations("bench.csv", &text, 0, &measures, &registry, &mut r).unwrap_or_default();
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    let total = r.total();
    if total.accepted != ROWS as u64 || r.errors() > 0 {
        eprintln!("bench: expected {ROWS} accepted rows, got {total:?}; first problem: {:?}", r.diagnostics.first());
    }
    report("parse_observations", black_box(obs.len()), text.len(), ms);

    if std::env::var_os("BENCH_PARSE_ONLY").is_some() {
        return;
    }
    // The quality checks over the result.
    let archive = Archive { publications: vec![], measures, gemeenten: registry, events: vec![], observations: obs, translations: Default::default() };
    let t = Instant::now();
    let findings = quality::findings(&archive);
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    // The generated values are random, so most figures produce a finding: this measures the
    // worst case, not a real archive (a few thousand rows, checked in milliseconds).
    report("quality_findings", archive.observations.len(), 0, ms);
    println!("bench quality_findings findings={}", black_box(findings).len());
}
