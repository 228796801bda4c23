//! Loading a bronbestand in slices, as the "Data & bronnen" page does in the browser: the result
//! equals parsing the whole file at once, and every row is accounted for.
//!
//! `cargo test --release --test bronnen_load -- --ignored --nocapture` prints timings for a
//! million rows (made by repeating the demo file with new ids), native: parse in slices and
//! derive. Reported, never asserted.

mod common;

use std::time::Instant;

use versterkingsmonitor::analysis::derive::{derive_archive, DeriveSpec};
use versterkingsmonitor::data::bronbestand::{parse_bronbestand, BronbestandParser, ParseOptions};

fn demo_text() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/demo/bronbestand-demo.csv");
    std::fs::read_to_string(path).expect("demo file")
}

#[test]
fn the_demo_in_slices_equals_the_demo_at_once() {
    let (a, _) = common::bundled_archive();
    let text = demo_text();
    let whole = parse_bronbestand("demo.csv", &text, &a.gemeenten).unwrap();
    let mut p = BronbestandParser::new("demo.csv", &text, &a.gemeenten, &ParseOptions::default()).unwrap();
    let mut slices = 0;
    while !p.step(5_000) {
        slices += 1;
        assert!(p.bytes_read() < p.bytes_total());
    }
    assert_eq!(slices, 27_790 / 5_000);
    let sliced = p.finish();
    assert_eq!(sliced.0.len(), 27_790);
    assert!(sliced.1.total().balanced());
    assert!(sliced == whole);
}

#[test]
#[ignore = "benchmark: run with --release --ignored --nocapture"]
fn bench_a_million_rows() {
    let (a, _) = common::bundled_archive();
    let rows = 1_000_000;
    let mut text = String::new();
    // The demo rows repeated with a prefix per repetition: new, increasing ids (A000001 -> R000A000001).
    let demo = demo_text();
    let mut lines = demo.lines();
    text.push_str(lines.next().unwrap_or_default());
    text.push('\n');
    let body: Vec<&str> = lines.collect();
    let mut n = 0;
    'outer: for rep in 0.. {
        for l in &body {
            if n == rows {
                break 'outer;
            }
            text.push_str(&format!("R{rep:03}"));
            text.push_str(l);
            text.push('\n');
            n += 1;
        }
    }
    let t = Instant::now();
    let mut p = BronbestandParser::new("big.csv", &text, &a.gemeenten, &ParseOptions::default()).unwrap();
    while !p.step(50_000) {}
    let (addresses, report) = p.finish();
    let parse_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let derived = derive_archive(&addresses, &a.measures, &a.gemeenten, &DeriveSpec::own("big.csv"));
    let derive_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "bench native_load_bronbestand rows={} bytes={} parse_ms={parse_ms:.0} derive_ms={derive_ms:.0} observations={} accepted={}",
        report.total().read,
        text.len(),
        derived.observations.len(),
        addresses.len()
    );
}
