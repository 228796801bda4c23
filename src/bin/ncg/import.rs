//! `ncg import`: NCG tables (CSV/XLSX) → canonical CSV. (Being built.)
use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("ncg import: not yet implemented");
    ExitCode::from(2)
}
