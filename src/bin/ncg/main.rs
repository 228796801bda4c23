//! `ncg`: the native command-line tool of the Versterkingsmonitor.
//!
//! ```text
//! ncg check FILE…     validate data files or a manifest; FILE:LINE:COLUMN: error|warning: message
//! ```
//! Exit codes: 0 valid, 1 problems found, 2 usage error. It never panics, whatever the bytes.

mod check;

use std::process::ExitCode;

const USAGE: &str = "usage: ncg check FILE…\n\n  check   validate a manifest.json (and every file it lists) or single data files";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() > 1 => check::run(&args[1..]),
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
