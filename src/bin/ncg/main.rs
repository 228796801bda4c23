//! `ncg`: the native command-line tool of the Versterkingsmonitor.
//!
//! ```text
//! ncg check FILE…            validate data files or a manifest; FILE:LINE:COLUMN: error|warning: message
//! ncg import FILE… [-o DIR]  convert NCG tables (CSV/XLSX) to the canonical format
//! ncg demo [--seed N] [-o FILE]  write the synthetic demonstration bronbestand
//! ncg prerender DIST         write the static first paint of the main views into a release build
//! ```
//! Exit codes: 0 success/valid, 1 problems found, 2 usage error. It never panics, whatever the bytes.

// The tool is native only; on wasm32 (e.g. when cargo builds every binary for the browser
// tests) it compiles to an empty program.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod demo;
#[cfg(not(target_arch = "wasm32"))]
mod import;
#[cfg(not(target_arch = "wasm32"))]
mod prerender;

use std::process::ExitCode;

#[cfg(target_arch = "wasm32")]
fn main() {}

const USAGE: &str = "usage: ncg <command> [args]

commands:
  check FILE…                 validate a manifest.json (and every file it lists) or single data files
  import FILE… [-o DIR]       convert NCG tables (CSV or XLSX) to canonical CSV
  demo [--seed N] [-o FILE]   write the synthetic demonstration bronbestand
  prerender DIST              write the static first paint of the main views into a release build";

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    match args.first().map(String::as_str) {
        Some("check") if !rest.is_empty() => check::run(rest),
        Some("import") if !rest.is_empty() => import::run(rest),
        Some("demo") => demo::run(rest),
        Some("prerender") => prerender::run(rest),
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
