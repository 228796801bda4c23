//! The synthetic demonstration bronbestand: regenerated with the committed seed it must be
//! byte-identical to the committed file (determinism), read back cleanly by the real parser, and
//! reproduce every published calibration target within tolerance. The table of target vs achieved
//! is printed (`cargo test --test demo_calibration -- --nocapture`).
//!
//! The timing test is ignored by default: `cargo test --release --test demo_calibration -- --ignored --nocapture`.

use std::path::Path;
use std::time::Instant;

use versterkingsmonitor::analysis::derive::{DeriveSpec, derive_archive, snapshot};
use versterkingsmonitor::data::archive::LoadReport;
use versterkingsmonitor::data::bronbestand::events::parse_events_form;
use versterkingsmonitor::data::bronbestand::{Address, Milestone, completeness, order_violations, parse_bronbestand};
use versterkingsmonitor::data::date::Date;
use versterkingsmonitor::data::diagnostic::Severity;
use versterkingsmonitor::data::gemeente::Registry;
use versterkingsmonitor::data::gemeenten_csv::parse_gemeenten;
use versterkingsmonitor::data::measure::Measure;
use versterkingsmonitor::data::measures_csv::parse_measures;
use versterkingsmonitor::data::observation::Flag;
use versterkingsmonitor::data::period::Period;
use versterkingsmonitor::data::publication::parse_manifest;
use versterkingsmonitor::i18n::Lang;
use versterkingsmonitor::synthetic::{self, calibration};

fn data(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data").join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn registry() -> Registry {
    let mut r = LoadReport::default();
    parse_gemeenten("gemeenten.csv", &data("gemeenten.csv"), &mut r).expect("gemeenten.csv reads")
}

fn measures() -> Vec<Measure> {
    let mut r = LoadReport::default();
    parse_measures("maten.csv", &data("maten.csv"), &mut r).expect("maten.csv reads")
}

fn parse_demo(text: &str) -> Vec<Address> {
    let (addresses, report) = parse_bronbestand(synthetic::DEMO_FILE, text, &registry()).expect("the demo reads");
    let t = report.total();
    assert!(t.balanced());
    assert_eq!((t.read, t.rejected), (addresses.len() as u64, 0));
    let errors: Vec<String> = report.diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| d.render(Lang::En)).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    for d in &report.diagnostics {
        println!("{}", d.render(Lang::Nl));
    }
    addresses
}

#[test]
fn demo_is_reproducible_calibrated_and_flows_through_the_archive_code() {
    let started = Instant::now();
    let demo = synthetic::generate(synthetic::DEFAULT_SEED);
    println!("generated {} addresses in {:.1} s", demo.addresses, started.elapsed().as_secs_f64());
    // Determinism: the committed file is exactly what the committed seed gives.
    let committed = data(synthetic::DEMO_FILE);
    assert!(
        demo.csv == committed,
        "public/data/{} differs from seed {}: run `ncg demo --seed {}`",
        synthetic::DEMO_FILE,
        synthetic::DEFAULT_SEED,
        synthetic::DEFAULT_SEED
    );
    assert!(demo.events_csv == data(synthetic::DEMO_EVENTS_FILE), "public/data/{} differs: run `ncg demo`", synthetic::DEMO_EVENTS_FILE);

    // The manifest points at it and says what it is calibrated to.
    let manifest = parse_manifest("manifest.json", &data("manifest.json")).expect("manifest reads");
    let entry = manifest.demo.expect("manifest has a demo entry");
    assert_eq!(entry.file, synthetic::DEMO_FILE);
    assert_eq!(entry.seed, synthetic::DEFAULT_SEED);
    assert_eq!(entry.calibrated_to, synthetic::CALIBRATED_TO);

    let addresses = parse_demo(&committed);
    let (events, report) = parse_events_form(synthetic::DEMO_EVENTS_FILE, &demo.events_csv).expect("the events form reads");
    assert_eq!(report.errors(), 0);
    let c = completeness(&addresses);
    let missing: u64 = c.milestones.iter().map(|m| m.missing_but_passed).sum();
    println!("{} addresses; {missing} milestone dates missing on the way; {} events", c.addresses, events.len());

    // Regression: phase B once gave completed addresses without an opname date a new opname (and
    // reassessed completed ones), which put milestones after `afgerond`. The only out-of-order
    // dates in the demo are the deliberate entry errors: a beoordeling a few days before its opname.
    let violations: Vec<_> = addresses.iter().flat_map(|a| order_violations(a).into_iter().map(move |v| (a.id.clone(), v))).collect();
    assert!(violations.iter().all(|(_, (earlier, _, later, _))| *earlier == Milestone::Opname && *later == Milestone::Beoordeling), "{violations:?}");
    assert!(violations.len() < 30, "{}", violations.len());

    let rows = calibration::check(&addresses, Some(&events));
    println!("{}", calibration::render(&rows));
    let missed: Vec<&calibration::Row> = rows.iter().filter(|r| r.hard() && !r.ok()).collect();
    assert!(missed.is_empty(), "calibration targets missed: {missed:#?}");

    // The same numbers through the archive code path, flagged synthetic.
    let ms = measures();
    let spec = DeriveSpec {
        extra_dates: vec![Date::parse("2020-07-17").expect("date")],
        ..DeriveSpec::demo(synthetic::DEFAULT_SEED, synthetic::DEMO_FILE)
    };
    let t = Instant::now();
    let archive = derive_archive(&addresses, &ms, &registry(), &spec);
    println!("derived {} observations in {} ms", archive.observations.len(), t.elapsed().as_millis());
    assert!(archive.observations.iter().all(|o| o.flag == Flag::Synthetic));
    let value = |code: &str, p: Period| {
        let m = archive.measure_index(code).expect("measure");
        archive.observations.iter().find(|o| o.measure == m && o.period == p && o.breakdown.is_total()).and_then(|o| o.value)
    };
    let end24 = Date::parse("2024-12-31").expect("date");
    assert_eq!(value("voldoet_norm", Period::At(end24)), Some(snapshot(&addresses, end24).norm.total() as f64));
    let peil = Date::parse("2020-07-17").expect("date");
    assert_eq!(value("werkvoorraad", Period::At(peil)), Some(26716.0));
    assert_eq!(value("uitvoering_gereed", Period::At(peil)), Some(1177.0));
    assert_eq!(value("doorlooptijd_totaal_afgerond", Period::At(peil)).map(f64::round), Some(1209.0));
}

/// Parse time natively for the demo and for a million rows (the demo repeated with new ids).
#[test]
#[ignore]
fn parse_speed() {
    let text = data(synthetic::DEMO_FILE);
    let reg = registry();
    let t = Instant::now();
    let (a, _) = parse_bronbestand("demo.csv", &text, &reg).expect("reads");
    println!("{} rows parsed in {} ms", a.len(), t.elapsed().as_millis());
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    let rows: Vec<&str> = lines.collect();
    let mut big = String::with_capacity(170_000_000);
    big.push_str(header);
    big.push('\n');
    for i in 0..1_000_000usize {
        let r = rows[i % rows.len()];
        let rest = r.split_once(',').map(|x| x.1).unwrap_or("");
        big.push_str(&format!("B{i:07},{rest}\n"));
    }
    // The CSV scanning alone (the shared strict table reader), for comparison.
    let t = Instant::now();
    let mut reader =
        versterkingsmonitor::data::table::TableReader::open("big.csv", &big, &versterkingsmonitor::data::bronbestand::BRONBESTAND_HEADER)
            .expect("header");
    let mut row = versterkingsmonitor::data::table::Row::default();
    let mut n = 0u64;
    while let Some(r) = reader.next_row(&mut row) {
        n += u64::from(r.is_ok());
    }
    println!("{n} rows scanned (no typing) in {} ms", t.elapsed().as_millis());
    let t = Instant::now();
    let (a, report) = parse_bronbestand("big.csv", &big, &reg).expect("reads");
    let parse = t.elapsed();
    println!("{} rows ({} MB) parsed in {} ms; {} warnings", a.len(), big.len() / 1_000_000, parse.as_millis(), report.warnings());
    let t = Instant::now();
    let s = snapshot(&a, Date::parse("2024-12-31").expect("date"));
    println!("snapshot of 1M rows in {} ms (werkvoorraad {})", t.elapsed().as_millis(), s.werkvoorraad);
    assert_eq!(a.len(), 1_000_000);
    assert!(a.iter().all(|x| x.day(Milestone::Opname).is_none_or(|d| d > 0)));
}
