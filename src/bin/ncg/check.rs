//! `ncg check FILE…`: validate a manifest (with every file it lists, plus the quality checks) or
//! single data files.
//!
//! Output: every problem as `FILE:LINE:COLUMN: error|warning: message` (English) on stdout; a
//! summary `N rows read = A accepted + R rejected; E errors, W warnings` on stderr.
//! Exit status: 0 when valid (warnings allowed), 1 when there are errors, 2 on a usage error.
//!
//! What a file is, is decided by [`file_kind::detect`] (name and header); a bronbestand is
//! recognised by its own header.
//!
//! **Single files and their context.** A publication file needs `maten.csv` and `gemeenten.csv`
//! (and `gebeurtenissen.csv` needs `maten.csv`) to check its cross-references. They are found so:
//! 1. a `manifest.json` in the file's directory, else in its parent directory: its `measures` and
//!    `gemeenten` entries are used, and when it lists the file, that publication's id and
//!    peildatum too;
//! 2. otherwise `maten.csv` / `gemeenten.csv` in the file's directory, else in its parent directory;
//! 3. otherwise the check reports that it cannot check the cross-references (an error).
//!
//! Problems in those context files are reported too; their rows are not counted in the summary.

#![allow(clippy::result_large_err)] // see src/data/mod.rs

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use versterkingsmonitor::data::archive::{self, Archive, LoadReport};
use versterkingsmonitor::data::bronbestand::{self, BRONBESTAND_HEADER, BRONBESTAND_HEADER_SHORT};
use versterkingsmonitor::data::diagnostic::{Diagnostic, Message, Severity};
use versterkingsmonitor::data::file_kind::{self, first_line_fields, FileKind};
use versterkingsmonitor::data::gemeente::Registry;
use versterkingsmonitor::data::measure::Measure;
use versterkingsmonitor::data::publication::{read_manifest, Manifest, Publication};
use versterkingsmonitor::data::quality::{self, FindingKind};
use versterkingsmonitor::data::table::{decode, DEFAULT_SIZE_LIMIT};
use versterkingsmonitor::data::translations;
use versterkingsmonitor::i18n::Lang;

const HELP: &str = "usage: ncg check FILE…

Validates manifest.json (with every file it lists, plus data-quality checks across publications)
or single files: maten.csv, gemeenten.csv, gebeurtenissen.csv, a publication CSV or a bronbestand.
A single publication file is checked against the manifest.json (or maten.csv and gemeenten.csv)
found next to it or in its parent directory.

Prints FILE:LINE:COLUMN: error|warning: message on stdout and a row summary on stderr.
Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage error.";

/// Read a file as UTF-8 text: refused above the size limit (without reading it), BOM stripped.
fn read_text(path: &Path, shown: &str) -> Result<String, Diagnostic> {
    let cannot = |e: std::io::Error| Diagnostic::error(shown, 0, 0, Message::CannotRead { reason: e.to_string() });
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > DEFAULT_SIZE_LIMIT {
        return Err(Diagnostic::error(shown, 0, 0, Message::TooLarge { bytes: size, limit: DEFAULT_SIZE_LIMIT }));
    }
    let bytes = std::fs::read(path).map_err(cannot)?;
    decode(shown, &bytes, DEFAULT_SIZE_LIMIT).map(str::to_string)
}

/// Rewrite the data-folder-relative file names of diagnostics (`publicaties/x.csv`) into paths
/// the user can open (`public/data/publicaties/x.csv`).
fn relocate(diags: Vec<Diagnostic>, dir: &Path, names: &HashSet<String>) -> Vec<Diagnostic> {
    diags
        .into_iter()
        .map(|mut d| {
            if names.contains(&d.file) {
                d.file = dir.join(&d.file).display().to_string();
            }
            d
        })
        .collect()
}

fn check_manifest(path: &Path, shown: &str, text: &str, out: &mut LoadReport) {
    let reading = read_manifest(shown, text);
    out.diagnostics.extend(reading.diagnostics.iter().cloned());
    let Some(manifest) = &reading.manifest else { return };
    let dir: PathBuf = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut names: HashSet<String> = manifest.publications.iter().map(|p| p.file.clone()).collect();
    names.extend([manifest.measures_file.clone(), manifest.gemeenten_file.clone(), manifest.events_file.clone()]);
    names.extend(manifest.translations_file.clone());
    let read = |f: &str| {
        let p = dir.join(f);
        read_text(&p, f).map_err(|mut d| {
            // A file that cannot be opened is a problem of the manifest entry that names it.
            if let Message::CannotRead { reason } = &d.message {
                let place = reading.place_of(f);
                d = Diagnostic::error_at(shown, place, Message::CannotRead { reason: format!("{}: {reason}", p.display()) });
            }
            d
        })
    };
    match archive::assemble(manifest, read) {
        Ok((archive, loaded)) => {
            out.files.extend(loaded.files.into_iter().map(|(f, c)| (dir.join(&f).display().to_string(), c)));
            out.diagnostics.extend(relocate(loaded.diagnostics, &dir, &names));
            out.diagnostics.extend(relocate(quality::check(&archive), &dir, &names));
            if let Some(tf) = &manifest.translations_file {
                out.diagnostics.extend(relocate(translations::coverage(&archive, shown, tf), &dir, &names));
            }
        }
        Err(ds) => out.diagnostics.extend(relocate(ds, &dir, &names)),
    }
}

/// The files a single file is checked against (see the module documentation).
#[derive(Default)]
struct Context {
    measures: Option<PathBuf>,
    gemeenten: Option<PathBuf>,
    /// The publication this file is in the manifest as, if any.
    publication: Option<Publication>,
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

fn find_context(path: &Path) -> Context {
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let dirs: Vec<PathBuf> = [Some(dir.clone()), dir.parent().map(Path::to_path_buf)].into_iter().flatten().collect();
    let dirs: Vec<PathBuf> = dirs.into_iter().map(|d| if d.as_os_str().is_empty() { PathBuf::from(".") } else { d }).collect();
    for d in &dirs {
        let m = d.join("manifest.json");
        if !m.is_file() {
            continue;
        }
        let Ok(text) = read_text(&m, &m.display().to_string()) else { continue };
        let Some(manifest): Option<Manifest> = read_manifest("manifest.json", &text).manifest else { continue };
        let publication = manifest.publications.iter().find(|p| same_file(&d.join(&p.file), path)).cloned();
        return Context {
            measures: Some(d.join(&manifest.measures_file)).filter(|p| p.is_file()),
            gemeenten: Some(d.join(&manifest.gemeenten_file)).filter(|p| p.is_file()),
            publication,
        };
    }
    let find = |name: &str| dirs.iter().map(|d| d.join(name)).find(|p| p.is_file());
    Context { measures: find("maten.csv"), gemeenten: find("gemeenten.csv"), publication: None }
}

/// Load a context file's measures; its problems are reported, its rows not counted.
fn context_measures(ctx: &Context, shown: &str, out: &mut LoadReport) -> Option<Vec<Measure>> {
    let Some(p) = &ctx.measures else {
        out.diagnostics.push(Diagnostic::error(shown, 0, 0, Message::NoContext { needs: "manifest.json or maten.csv".into() }));
        return None;
    };
    let name = p.display().to_string();
    let mut scratch = LoadReport::default();
    let result = read_text(p, &name).and_then(|t| archive::parse_measures(&name, &t, &mut scratch));
    out.diagnostics.extend(scratch.diagnostics);
    result.map_err(|d| out.diagnostics.push(d)).ok()
}

fn context_gemeenten(ctx: &Context, shown: &str, out: &mut LoadReport) -> Option<Registry> {
    let Some(p) = &ctx.gemeenten else {
        out.diagnostics.push(Diagnostic::error(shown, 0, 0, Message::NoContext { needs: "manifest.json or gemeenten.csv".into() }));
        return None;
    };
    let name = p.display().to_string();
    let mut scratch = LoadReport::default();
    let result = read_text(p, &name).and_then(|t| archive::parse_gemeenten(&name, &t, &mut scratch));
    out.diagnostics.extend(scratch.diagnostics);
    result.map_err(|d| out.diagnostics.push(d)).ok()
}

fn check_observations(path: &Path, shown: &str, text: &str, out: &mut LoadReport) {
    let ctx = find_context(path);
    let (Some(measures), Some(gemeenten)) = (context_measures(&ctx, shown, out), context_gemeenten(&ctx, shown, out)) else {
        return;
    };
    match archive::parse_observations(shown, text, 0, &measures, &gemeenten, out) {
        Ok(observations) => {
            // The within-publication quality checks. Without a manifest the peildatum is unknown,
            // so the "after peildatum" check is left out.
            let known = ctx.publication.is_some();
            let mut publication = ctx.publication.unwrap_or_else(|| Publication {
                id: path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
                peildatum: observations.iter().map(|o| o.period.end()).max().unwrap_or(versterkingsmonitor::data::date::Date::Y2K),
                published: None,
                published_at_latest: false,
                peildatum_stated: true,
                publisher: String::new(),
                quoted_by: None,
                title: String::new(),
                url: None,
                document: None,
                file: String::new(),
                notes: String::new(),
            });
            publication.file = shown.to_string();
            let a = Archive { publications: vec![publication], measures, gemeenten, events: vec![], observations, translations: Default::default() };
            out.diagnostics.extend(
                quality::findings(&a).iter().filter(|f| known || f.kind != FindingKind::AfterPeildatum).map(|f| f.to_diagnostic()),
            );
        }
        Err(d) => out.diagnostics.push(d),
    }
}

fn check_one(f: &str, out: &mut LoadReport) {
    let path = Path::new(f);
    let text = match read_text(path, f) {
        Ok(t) => t,
        Err(d) => return out.diagnostics.push(d),
    };
    match file_kind::detect(f, &text) {
        FileKind::Manifest => check_manifest(path, f, &text, out),
        FileKind::Measures => {
            if let Err(d) = archive::parse_measures(f, &text, out) {
                out.diagnostics.push(d);
            }
        }
        FileKind::Gemeenten => {
            if let Err(d) = archive::parse_gemeenten(f, &text, out) {
                out.diagnostics.push(d);
            }
        }
        FileKind::Events => {
            let ctx = find_context(path);
            if let Some(measures) = context_measures(&ctx, f, out)
                && let Err(d) = archive::parse_events(f, &text, &measures, out)
            {
                out.diagnostics.push(d);
            }
        }
        FileKind::Observations => check_observations(path, f, &text, out),
        FileKind::Translations => {
            if let Err(d) = translations::parse_translations(f, &text, out) {
                out.diagnostics.push(d);
            }
        }
        FileKind::Unknown => {
            // Hook: the bronbestand (address-level CSV, src/data/bronbestand.rs) is recognised by
            // its header (with or without the `toegevoegd` column, or at least half its columns)
            // and checked against the gemeenten found like for a publication file.
            let fields = first_line_fields(&text);
            let is_bron = |h: &[&str]| fields.iter().map(String::as_str).eq(h.iter().copied());
            let overlap = BRONBESTAND_HEADER.iter().filter(|h| fields.iter().any(|f| f == *h)).count();
            if is_bron(&BRONBESTAND_HEADER) || is_bron(&BRONBESTAND_HEADER_SHORT) || overlap * 2 >= BRONBESTAND_HEADER.len() {
                let ctx = find_context(path);
                if let Some(gemeenten) = context_gemeenten(&ctx, f, out) {
                    match bronbestand::parse_bronbestand(f, &text, &gemeenten) {
                        Ok((_, report)) => out.merge(report),
                        Err(d) => out.diagnostics.push(d),
                    }
                }
                return;
            }
            let (at, message) = file_kind::unknown_kind(&text);
            out.diagnostics.push(Diagnostic::error_at(f, at, message));
        }
    }
}

pub fn run(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{HELP}");
        return ExitCode::SUCCESS;
    }
    if let Some(flag) = args.iter().find(|a| a.starts_with('-') && a.len() > 1) {
        eprintln!("ncg check: unknown option '{flag}'\n\n{HELP}");
        return ExitCode::from(2);
    }
    if args.is_empty() {
        eprintln!("{HELP}");
        return ExitCode::from(2);
    }
    let mut out = LoadReport::default();
    for f in args {
        check_one(f, &mut out);
    }
    // The same problem can be found twice (a context file that is also checked itself).
    let mut printed = HashSet::new();
    let (mut errors, mut warnings) = (0usize, 0usize);
    for d in &out.diagnostics {
        let line = d.render(Lang::En);
        if printed.insert(line.clone()) {
            println!("{line}");
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
        }
    }
    let total = out.total();
    eprintln!("{} rows read = {} accepted + {} rejected; {errors} errors, {warnings} warnings", total.read, total.accepted, total.rejected);
    if errors > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
