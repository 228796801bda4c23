//! `ncg demo`: write the synthetic demonstration bronbestand and its events form, then read them
//! back with the real parser and print the calibration table (published figure vs demo).
//!
//! ```text
//! ncg demo [--seed N] [-o FILE] [--events FILE] [--gemeenten FILE] [--no-check]
//! ```
//! Defaults: seed 1, `public/data/demo/bronbestand-demo.csv`, the events form next to it
//! (`…-gebeurtenissen.csv`), `public/data/gemeenten.csv` (the built-in list when absent).
//! Exit codes: 0 written and calibrated, 1 written but a calibration target is missed or a
//! file could not be written, 2 usage error.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use versterkingsmonitor::data::archive::LoadReport;
use versterkingsmonitor::data::bronbestand::events::parse_events_form;
use versterkingsmonitor::data::bronbestand::parse_bronbestand;
use versterkingsmonitor::data::gemeente::Registry;
use versterkingsmonitor::data::gemeenten_csv::parse_gemeenten;
use versterkingsmonitor::i18n::Lang;
use versterkingsmonitor::synthetic::{self, calibration};

const USAGE: &str = "usage: ncg demo [--seed N] [-o FILE] [--events FILE] [--gemeenten FILE] [--no-check]";

struct Args {
    seed: u64,
    out: PathBuf,
    events: Option<PathBuf>,
    gemeenten: PathBuf,
    check: bool,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut a = Args {
        seed: synthetic::DEFAULT_SEED,
        out: PathBuf::from("public/data").join(synthetic::DEMO_FILE),
        events: None,
        gemeenten: PathBuf::from("public/data/gemeenten.csv"),
        check: true,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--seed" => {
                let v = value("--seed")?;
                a.seed = v.parse().map_err(|_| format!("--seed: '{v}' is not a whole number"))?;
            }
            "-o" | "--output" => a.out = PathBuf::from(value("-o")?),
            "--events" => a.events = Some(PathBuf::from(value("--events")?)),
            "--gemeenten" => a.gemeenten = PathBuf::from(value("--gemeenten")?),
            "--no-check" => a.check = false,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    Ok(a)
}

/// `x.csv` → `x-gebeurtenissen.csv`.
fn events_path(out: &Path) -> PathBuf {
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "bronbestand".into());
    out.with_file_name(format!("{stem}-gebeurtenissen.csv"))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn registry(path: &Path) -> Registry {
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("note: {} not readable; using the built-in gemeente list", path.display());
        return synthetic::registry();
    };
    let mut report = LoadReport::default();
    match parse_gemeenten(&path.display().to_string(), &text, &mut report) {
        Ok(r) if report.errors() == 0 => r,
        _ => {
            eprintln!("note: {} has errors; using the built-in gemeente list", path.display());
            synthetic::registry()
        }
    }
}

pub fn run(args: &[String]) -> ExitCode {
    let a = match parse_args(args) {
        Ok(a) => a,
        Err(msg) => {
            if msg.is_empty() {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            eprintln!("ncg demo: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let demo = synthetic::generate(a.seed);
    let events_out = a.events.clone().unwrap_or_else(|| events_path(&a.out));
    for (path, text) in [(&a.out, &demo.csv), (&events_out, &demo.events_csv)] {
        if let Err(e) = write(path, text) {
            eprintln!("ncg demo: cannot write {e}");
            return ExitCode::from(1);
        }
    }
    println!(
        "synthetic demo (seed {}): {} addresses → {} ({} bytes); {} events → {} ({:.1} s)",
        a.seed,
        demo.addresses,
        a.out.display(),
        demo.csv.len(),
        demo.events,
        events_out.display(),
        started.elapsed().as_secs_f64()
    );
    if !a.check {
        return ExitCode::SUCCESS;
    }
    let reg = registry(&a.gemeenten);
    let t = Instant::now();
    let parsed = parse_bronbestand(&a.out.display().to_string(), &demo.csv, &reg);
    let parse_time = t.elapsed();
    let (addresses, report) = match parsed {
        Ok(x) => x,
        Err(d) => {
            eprintln!("{}", d.render(Lang::En));
            return ExitCode::from(1);
        }
    };
    let total = report.total();
    println!(
        "read back: {} rows = {} accepted + {} rejected; {} errors, {} warnings; parsed in {} ms",
        total.read,
        total.accepted,
        total.rejected,
        report.errors(),
        report.warnings(),
        parse_time.as_millis()
    );
    let events = match parse_events_form(&events_out.display().to_string(), &demo.events_csv) {
        Ok((e, r)) if r.errors() == 0 => Some(e),
        _ => {
            eprintln!("ncg demo: the events form does not read back cleanly");
            None
        }
    };
    let rows = calibration::check(&addresses, events.as_deref());
    print!("{}", calibration::render(&rows));
    let missed = rows.iter().filter(|r| r.hard() && !r.ok()).count();
    println!(
        "{} of {} calibration targets within tolerance",
        rows.iter().filter(|r| r.hard() && r.ok()).count(),
        rows.iter().filter(|r| r.hard()).count()
    );
    if missed > 0 || report.errors() > 0 {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
