//! `ncg check`: validate a manifest (with every file it lists) or single data files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use versterkingsmonitor::data::archive::{self, LoadReport};
use versterkingsmonitor::data::diagnostic::{Diagnostic, Message, Severity};
use versterkingsmonitor::data::publication::parse_manifest;
use versterkingsmonitor::data::table::{decode, DEFAULT_SIZE_LIMIT};
use versterkingsmonitor::i18n::Lang;

fn read_text(path: &Path, shown: &str) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(shown, 0, 0, Message::Invalid { field: "file".into(), value: shown.into(), reason: e.to_string() }))?;
    decode(shown, &bytes, DEFAULT_SIZE_LIMIT).map(str::to_string)
}

fn check_manifest(path: &Path, report: &mut LoadReport) {
    let shown = path.display().to_string();
    let text = match read_text(path, &shown) {
        Ok(t) => t,
        Err(d) => return report.diagnostics.push(d),
    };
    let manifest = match parse_manifest(&shown, &text) {
        Ok(m) => m,
        Err(ds) => return report.diagnostics.extend(ds),
    };
    let dir: PathBuf = path.parent().map(Path::to_path_buf).unwrap_or_default();
    match archive::assemble(&manifest, |f| {
        let p = dir.join(f);
        read_text(&p, &p.display().to_string())
    }) {
        Ok((_, r)) => {
            report.files.extend(r.files);
            report.diagnostics.extend(r.diagnostics);
        }
        Err(ds) => report.diagnostics.extend(ds),
    }
}

pub fn run(files: &[String]) -> ExitCode {
    let mut report = LoadReport::default();
    for f in files {
        let path = Path::new(f);
        if path.extension().is_some_and(|e| e == "json") {
            check_manifest(path, &mut report);
        } else {
            report.diagnostics.push(Diagnostic::error(f, 0, 0, Message::Invalid {
                field: "file".into(),
                value: f.clone(),
                reason: "only manifest.json can be checked so far".into(),
            }));
        }
    }
    for d in &report.diagnostics {
        println!("{}", d.render(Lang::En));
    }
    let total = report.total();
    eprintln!(
        "{} rows read = {} accepted + {} rejected; {} errors, {} warnings",
        total.read,
        total.accepted,
        total.rejected,
        report.errors(),
        report.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    );
    if report.errors() > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
