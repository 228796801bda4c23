//! `ncg import FILE… [--publication ID] [--period-date YYYY-MM-DD] [--gemeenten FILE] [-o OUT.csv]`:
//! NCG/SodM tables (CSV exports or Excel workbooks) → one canonical publication CSV.
//!
//! The canonical CSV goes to `OUT.csv` (or stdout); every rejected value, every note and the
//! summary "N values read = W written + R rejected" go to stderr. Exit status: 0 when every value
//! was imported, 1 when values were rejected or a file could not be read, 2 on a usage error.

#![allow(clippy::result_large_err)] // see src/data/mod.rs

use std::path::Path;
use std::process::ExitCode;

use versterkingsmonitor::data::archive::{parse_gemeenten, LoadReport};
use versterkingsmonitor::data::date::Date;
use versterkingsmonitor::data::diagnostic::{Diagnostic, Message};
use versterkingsmonitor::data::import::{import_csv, import_workbook, write_canonical_csv, ImportOptions, ImportReport};
use versterkingsmonitor::data::publication::valid_id;
use versterkingsmonitor::data::table::{decode, DEFAULT_SIZE_LIMIT};
use versterkingsmonitor::i18n::Lang;

const HELP: &str = "usage: ncg import FILE… [--publication ID] [--period-date YYYY-MM-DD] [--gemeenten FILE] [-o OUT.csv]

Converts NCG/SodM tables into one canonical publication CSV (flag published, source = the cell).
  FILE               a CSV export (; or , separated, Dutch numbers, BOM and CRLF are fine)
                     or an Excel workbook (.xlsx, .xls, .xlsb, .ods; every sheet is read)
  --period-date D    the date of a table with measures in its columns (e.g. SodM table 2.1),
                     and the year of bare month columns (Jan, Feb, ...)
  --publication ID   the publication id; prints a manifest entry to complete
  --gemeenten FILE   gemeenten.csv, to recognise gemeente names as row labels
  -o OUT.csv         write there instead of stdout

Exit status: 0 all values imported, 1 values rejected, 2 usage error.";

struct Args {
    files: Vec<String>,
    publication: Option<String>,
    period_date: Option<Date>,
    gemeenten: Option<String>,
    out: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut a = Args { files: Vec::new(), publication: None, period_date: None, gemeenten: None, out: None };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--publication" => {
                let id = value(arg)?;
                if !valid_id(&id) {
                    return Err(format!("invalid publication id '{id}': use a-z, 0-9, - and _"));
                }
                a.publication = Some(id);
            }
            "--period-date" => {
                let d = value(arg)?;
                a.period_date = Some(Date::parse(&d).map_err(|e| format!("--period-date '{d}': {e}"))?);
            }
            "--gemeenten" => a.gemeenten = Some(value(arg)?),
            "-o" | "--output" => a.out = Some(value(arg)?),
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option '{s}'")),
            _ => a.files.push(arg.clone()),
        }
    }
    if a.files.is_empty() {
        return Err("no input files".into());
    }
    Ok(a)
}

fn cannot(file: &str, e: impl ToString) -> Diagnostic {
    Diagnostic::error(file, 0, 0, Message::CannotRead { reason: e.to_string() })
}

fn read_bytes(file: &str) -> Result<Vec<u8>, Diagnostic> {
    let size = std::fs::metadata(file).map_err(|e| cannot(file, e))?.len();
    if size > DEFAULT_SIZE_LIMIT {
        return Err(Diagnostic::error(file, 0, 0, Message::TooLarge { bytes: size, limit: DEFAULT_SIZE_LIMIT }));
    }
    std::fs::read(file).map_err(|e| cannot(file, e))
}

fn is_workbook(file: &str) -> bool {
    let ext = Path::new(file).extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
}

pub fn run(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{HELP}");
        return ExitCode::SUCCESS;
    }
    let args = match parse_args(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("ncg import: {e}\n\n{HELP}");
            return ExitCode::from(2);
        }
    };
    let mut opts = ImportOptions { period_date: args.period_date, gemeenten: None };
    let mut report = ImportReport::default();
    if let Some(g) = &args.gemeenten {
        let mut scratch = LoadReport::default();
        match read_bytes(g).and_then(|b| decode(g, &b, DEFAULT_SIZE_LIMIT).map(str::to_string)).and_then(|t| parse_gemeenten(g, &t, &mut scratch)) {
            Ok(reg) => opts.gemeenten = Some(reg),
            Err(d) => report.problems.push(d),
        }
        report.problems.extend(scratch.diagnostics);
    }
    for f in &args.files {
        let result = read_bytes(f).and_then(|bytes| {
            if is_workbook(f) { import_workbook(f, &bytes, &opts, &mut report) } else { import_csv(f, &bytes, &opts, &mut report) }
        });
        if let Err(d) = result {
            report.problems.push(d);
        }
    }
    for d in report.notes.iter().chain(&report.rejected).chain(&report.problems) {
        eprintln!("{}", d.render(Lang::En));
    }
    let csv = write_canonical_csv(&report.rows);
    match &args.out {
        Some(path) => {
            if let Err(e) = std::fs::write(path, csv) {
                eprintln!("ncg import: cannot write {path}: {e}");
                return ExitCode::from(1);
            }
        }
        None => print!("{csv}"),
    }
    eprintln!(
        "import: {} values read = {} written + {} rejected; {} files with problems",
        report.values_read,
        report.rows.len(),
        report.rejected.len(),
        report.problems.len()
    );
    if let Some(id) = &args.publication {
        let peildatum = args.period_date.map(|d| d.to_string()).unwrap_or_else(|| "YYYY-MM-DD".into());
        eprintln!(
            "manifest entry to complete:\n  {{\"id\": \"{id}\", \"peildatum\": \"{peildatum}\", \"publisher\": \"…\", \"title\": \"…\", \"url\": \"https://…\", \"file\": \"publicaties/{id}.csv\"}}"
        );
    }
    if report.ok() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
