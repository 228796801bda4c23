//! `ncg demo`: write the synthetic demonstration bronbestand. (Being built.)
use std::process::ExitCode;

pub fn run(_args: &[String]) -> ExitCode {
    eprintln!("ncg demo: not yet implemented");
    ExitCode::from(2)
}
