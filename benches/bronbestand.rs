//! Bronbestand benchmark: the address-level pipeline of a loaded file (parse → derive), on the
//! 27,790-row synthetic demo and on a 1,000,000-row file made in memory from the demo rows with
//! new, increasing ids (the same construction as the browser benchmark). Run with
//! `cargo bench --bench bronbestand`.
//!
//! Prints one stable line per measurement, e.g.
//! `bench bronbestand_derive rows=1000000 time_ms=412`. Nothing is asserted about time.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use versterkingsmonitor::analysis::derive::{derive_archive, DerivePhase, Derivation, DeriveSpec};
use versterkingsmonitor::data::archive::{assemble, Archive};
use versterkingsmonitor::data::bronbestand::{BronbestandParser, ParseOptions};
use versterkingsmonitor::data::diagnostic::{Diagnostic, Message};
use versterkingsmonitor::data::publication::parse_manifest;

fn bundled_archive(dir: &Path) -> Option<Archive> {
    let text = std::fs::read_to_string(dir.join("manifest.json")).ok()?;
    let manifest = parse_manifest("manifest.json", &text).ok()?;
    let read = |f: &str| {
        std::fs::read_to_string(dir.join(f))
            .map_err(|e| Diagnostic::error(f, 0, 0, Message::CannotRead { reason: format!("{f}: {e}") }))
    };
    assemble(&manifest, read).ok().map(|(a, _)| a)
}

/// `rows` rows from the demo rows, each copy's ids prefixed `R000`, `R001`, … (ids stay unique
/// and increasing, as in `tests/e2e/bench-bronbestand-load.test.mjs`).
fn big_file(demo: &str, rows: usize) -> String {
    let mut lines = demo.lines().filter(|l| !l.is_empty());
    let header = lines.next().unwrap_or_default();
    let body: Vec<&str> = lines.collect();
    let mut out = String::with_capacity(rows * 170);
    out.push_str(header);
    out.push('\n');
    let mut n = 0;
    let mut rep = 0;
    while n < rows && !body.is_empty() {
        for l in &body {
            if n == rows {
                break;
            }
            out.push_str(&format!("R{rep:03}{l}\n"));
            n += 1;
        }
        rep += 1;
    }
    out
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn run(name: &str, text: &str, archive: &Archive) {
    let options = ParseOptions::default();
    let t = Instant::now();
    let Ok(mut parser) = BronbestandParser::new(name, text, &archive.gemeenten, &options) else {
        eprintln!("bench: {name} does not open as a bronbestand");
        return;
    };
    while !parser.step(2_000) {}
    let (addresses, report) = parser.finish();
    let parse_ms = ms(t);
    let rows = addresses.len();
    if report.total().rejected > 0 {
        eprintln!("bench: {name}: {} rows rejected; first: {:?}", report.total().rejected, report.diagnostics.first());
    }
    let spec = DeriveSpec::own(name);
    let t = Instant::now();
    let derived = derive_archive(&addresses, &archive.measures, &archive.gemeenten, &spec);
    let derive_ms = ms(t);
    // The same in steps, timing each phase: the scan pass, the counting pass, writing out.
    let t = Instant::now();
    let mut d = Derivation::new(&addresses, &archive.measures, &archive.gemeenten, &spec);
    while d.phase() == DerivePhase::Scan {
        d.step(10_000);
    }
    let scan_ms = ms(t);
    let t = Instant::now();
    while !d.step(10_000) {}
    let count_ms = ms(t);
    let t = Instant::now();
    let again = d.finish();
    let finish_ms = ms(t);
    if again != derived {
        eprintln!("bench: {name}: the stepped derivation differs from derive_archive");
    }
    println!("bench bronbestand_parse rows={rows} bytes={} time_ms={}", text.len(), parse_ms.round() as u64);
    println!(
        "bench bronbestand_derive rows={rows} observations={} time_ms={}",
        black_box(&derived).observations.len(),
        derive_ms.round() as u64
    );
    println!(
        "bench bronbestand_derive_phases rows={rows} scan_ms={} count_ms={} finish_ms={}",
        scan_ms.round() as u64,
        count_ms.round() as u64,
        finish_ms.round() as u64
    );
    println!("bench bronbestand_parse_derive rows={rows} time_ms={}", (parse_ms + derive_ms).round() as u64);
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let Some(archive) = bundled_archive(&dir) else {
        eprintln!("bench: the bundled archive in public/data does not load");
        return;
    };
    let Ok(demo) = std::fs::read_to_string(dir.join("demo/bronbestand-demo.csv")) else {
        eprintln!("bench: the demo bronbestand is missing");
        return;
    };
    run("bronbestand-demo.csv", &demo, &archive);
    let rows = std::env::var("BENCH_BRONBESTAND_ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let big = big_file(&demo, rows);
    run("bronbestand-groot.csv", &big, &archive);
}
