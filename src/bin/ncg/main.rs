//! `ncg`: the native command-line tool of the Versterkingsmonitor.
//!
//! ```text
//! ncg check FILE…            validate data files or a manifest; FILE:LINE:COLUMN: error|warning: message
//! ncg import FILE… [-o DIR]  convert NCG tables (CSV/XLSX) to the canonical format
//! ncg demo [--seed N] [-o FILE]  write the synthetic demonstration bronbestand
//! ```
//! Exit codes: 0 success/valid, 1 problems found, 2 usage error. It never panics, whatever the bytes.

mod check;
mod demo;
mod import;

use std::process::ExitCode;

const USAGE: &str = "usage: ncg <command> [args]

commands:
  check FILE…                 validate a manifest.json (and every file it lists) or single data files
  import FILE… [-o DIR]       convert NCG tables (CSV or XLSX) to canonical CSV
  demo [--seed N] [-o FILE]   write the synthetic demonstration bronbestand";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    match args.first().map(String::as_str) {
        Some("check") if !rest.is_empty() => check::run(rest),
        Some("import") if !rest.is_empty() => import::run(rest),
        Some("demo") => demo::run(rest),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
