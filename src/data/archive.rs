//! The archive: every publication with its observations, the measures, gemeenten and events —
//! parsed strictly from the canonical files in `public/data/`.

//!
//! The readers of the single files live next to this one (`measures_csv`, `gemeenten_csv`,
//! `events_csv`, `observations_csv`, `publication` for the manifest); they are re-exported here so
//! `archive::parse_measures` and friends keep working.

use super::diagnostic::{Diagnostic, RowCount, Severity};
use super::event::Event;
use super::gemeente::Registry;
use super::measure::Measure;
use super::observation::Observation;
use super::publication::{Manifest, Publication};
use super::translations::{parse_translations, Translations};

pub use super::events_csv::{parse_events, EVENTS_HEADER};
pub use super::fields::parse_value;
pub use super::gemeenten_csv::{parse_gemeenten, GEMEENTEN_HEADER};
pub use super::measures_csv::{parse_measures, MEASURES_HEADER};
pub use super::observations_csv::parse_observations;

/// Everything loaded, typed and cross-checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Archive {
    pub publications: Vec<Publication>,
    pub measures: Vec<Measure>,
    pub gemeenten: Registry,
    pub events: Vec<Event>,
    pub observations: Vec<Observation>,
    /// Our English translations of the notes (`vertalingen.csv`); empty when the manifest names none.
    pub translations: Translations,
}

/// What loading found: row accounting per file and every problem.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadReport {
    pub files: Vec<(String, RowCount)>,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadReport {
    /// Rows over all files.
    pub fn total(&self) -> RowCount {
        let mut t = RowCount::default();
        for (_, c) in &self.files {
            t.add(*c);
        }
        t
    }
    /// Number of error diagnostics.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }
    /// Number of warning diagnostics.
    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    }
    /// Add everything another report found.
    pub fn merge(&mut self, other: LoadReport) {
        self.files.extend(other.files);
        self.diagnostics.extend(other.diagnostics);
    }
}

impl Archive {
    /// Index of the measure with this code.
    pub fn measure_index(&self, code: &str) -> Option<u32> {
        self.measures.iter().position(|m| m.code == code).and_then(|i| u32::try_from(i).ok())
    }
    /// The measure at an index (as stored in `Observation::measure`).
    pub fn measure(&self, idx: u32) -> Option<&Measure> {
        self.measures.get(idx as usize)
    }
    /// The measure with this code.
    pub fn measure_by_code(&self, code: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.code == code)
    }
    /// The publication at an index (as stored in `Observation::publication`).
    pub fn publication(&self, idx: u32) -> Option<&Publication> {
        self.publications.get(idx as usize)
    }
    /// The most recent publication by peildatum.
    pub fn latest_publication(&self) -> Option<&Publication> {
        self.publications.iter().max_by_key(|p| (p.peildatum, p.published))
    }
}

/// Build the archive from the manifest and the texts of its files. `read` returns a file's text
/// (or a diagnostic when it cannot be had). Fatal (`Err`, with every diagnostic found so far):
/// maten.csv, gemeenten.csv or gebeurtenissen.csv that cannot be read or has a wrong header.
/// A publication file that cannot be read is reported and skipped.
pub fn assemble(
    manifest: &Manifest,
    mut read: impl FnMut(&str) -> Result<String, Diagnostic>,
) -> Result<(Archive, LoadReport), Vec<Diagnostic>> {
    let mut assembly = Assembly::begin(manifest, &mut read)?;
    for i in 0..manifest.publications.len() {
        assembly.add_publication(i, &mut read);
    }
    Ok(assembly.finish())
}

/// [`assemble`] in steps, so that a caller can give the event loop a turn between files (the
/// browser parses the archive in short tasks: `ui::loader`). `begin` reads the measures,
/// gemeenten and events, each publication file is added on its own, and `finish` hands over
/// the archive. The steps in order give exactly what `assemble` gives.
#[derive(Debug)]
pub struct Assembly {
    archive: Archive,
    report: LoadReport,
}

impl Assembly {
    /// Read the three files every publication refers to (and the translations of the notes). Fatal (`Err`, with every diagnostic
    /// found so far) as in [`assemble`].
    pub fn begin(manifest: &Manifest, mut read: impl FnMut(&str) -> Result<String, Diagnostic>) -> Result<Self, Vec<Diagnostic>> {
        let mut report = LoadReport::default();
        // A file that cannot be used at all ends the assembly; everything found so far is returned.
        let fatal = |mut report: LoadReport, d: Diagnostic| {
            report.diagnostics.push(d);
            report.diagnostics
        };
        let measures = match read(&manifest.measures_file).and_then(|t| parse_measures(&manifest.measures_file, &t, &mut report)) {
            Ok(m) => m,
            Err(d) => return Err(fatal(report, d)),
        };
        let gemeenten = match read(&manifest.gemeenten_file).and_then(|t| parse_gemeenten(&manifest.gemeenten_file, &t, &mut report)) {
            Ok(g) => g,
            Err(d) => return Err(fatal(report, d)),
        };
        let events = match read(&manifest.events_file).and_then(|t| parse_events(&manifest.events_file, &t, &measures, &mut report)) {
            Ok(e) => e,
            Err(d) => return Err(fatal(report, d)),
        };
        // Translations are a courtesy to English readers: a file that cannot be used is reported,
        // and the notes stay in Dutch.
        let translations = match &manifest.translations_file {
            None => Translations::default(),
            Some(f) => read(f).and_then(|t| parse_translations(f, &t, &mut report)).unwrap_or_else(|d| {
                report.diagnostics.push(d);
                Translations::default()
            }),
        };
        let archive = Archive { publications: manifest.publications.clone(), measures, gemeenten, events, observations: Vec::new(), translations };
        Ok(Assembly { archive, report })
    }

    /// Read and add the observations of the manifest's publication at `index`. A file that cannot
    /// be read or parsed is reported and skipped; an index outside the manifest adds nothing.
    pub fn add_publication(&mut self, index: usize, mut read: impl FnMut(&str) -> Result<String, Diagnostic>) {
        let Some(p) = self.archive.publications.get(index) else { return };
        let idx = u32::try_from(index).unwrap_or(u32::MAX);
        let text = match read(&p.file) {
            Ok(t) => t,
            Err(d) => {
                self.report.diagnostics.push(d);
                return;
            }
        };
        let a = &self.archive;
        match parse_observations(&p.file, &text, idx, &a.measures, &a.gemeenten, &mut self.report) {
            Ok(obs) => self.archive.observations.extend(obs),
            Err(d) => self.report.diagnostics.push(d),
        }
    }

    /// The archive and what loading it found.
    pub fn finish(self) -> (Archive, LoadReport) {
        (self.archive, self.report)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::data::publication::parse_manifest;

    /// A tiny but complete archive, as the files of `public/data/` would be.
    pub(crate) fn files(name: &str) -> Result<String, Diagnostic> {
        let text = match name {
            "maten.csv" => "code,kind,unit,group,order,label_nl,label_en,definition_nl,definition_en,valid_from,valid_to,replaces,comparable_with\nwerkvoorraad,stock,addresses,omvang,0,Werkvoorraad,Caseload,,,,,,\nopname,cumulative,addresses,mijlpaal,10,Opname,Inspection,,,,,,\n",
            "gemeenten.csv" => "code,name,valid_from,valid_to,successor,in_operation\nGM0014,Groningen,,,,yes\n",
            "gebeurtenissen.csv" => "date,kind,measures,text_nl,text_en,source\n2019-05-22,earthquake,,Beving,Earthquake,KNMI\n",
            "publicaties/a.csv" => "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\nwerkvoorraad,2020-07-17,,,,,,26716,published,t,\nopname,2020-07-17,GM0014,,,,,15967,published,t,\nopname,2020-07-17,,,,,,x,published,t,\n",
            _ => return Err(Diagnostic::error(name, 0, 0, crate::data::diagnostic::Message::CannotRead { reason: "not found".into() })),
        };
        Ok(text.to_string())
    }

    /// The manifest of `files`: two publications, the second without a file.
    fn manifest() -> Manifest {
        parse_manifest("manifest.json", r#"{"format": "versterkingsmonitor-archief", "version": 1, "measures": "maten.csv",
            "gemeenten": "gemeenten.csv", "events": "gebeurtenissen.csv", "publications": [
            {"id": "a", "peildatum": "2020-07-17", "publisher": "SodM", "title": "t", "document": "d", "file": "publicaties/a.csv"},
            {"id": "b", "peildatum": "2020-08-17", "publisher": "SodM", "title": "t", "document": "d", "file": "publicaties/b.csv"}]}"#).unwrap()
    }

    #[test]
    fn assembles_and_counts_every_row() {
        let m = manifest();
        let (a, r) = assemble(&m, files).unwrap();
        assert_eq!(a.observations.len(), 2);
        assert_eq!(r.total(), RowCount { read: 7, accepted: 6, rejected: 1 });
        assert_eq!(r.errors(), 2); // the bad value and the missing file
    }

    #[test]
    fn assembly_in_steps_is_assemble() {
        let m = manifest();
        let whole = assemble(&m, files).unwrap();
        let mut steps = Assembly::begin(&m, files).unwrap();
        steps.add_publication(0, files);
        steps.add_publication(1, files);
        steps.add_publication(2, files); // not in the manifest: nothing happens
        assert_eq!(steps.finish(), whole);
        // A head file that cannot be read ends the assembly at `begin`, as in `assemble`.
        let no_measures = |f: &str| if f == "maten.csv" { files("missing") } else { files(f) };
        assert_eq!(Assembly::begin(&m, no_measures).err(), assemble(&m, no_measures).err());
    }
}
