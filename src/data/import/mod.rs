//! Importing NCG and SodM tables into the archive's canonical observation format.
//!
//! Two inputs, one path:
//! ```text
//! CSV export ("Brontabel als csv": ; or , separated, Dutch numbers, BOM, CRLF) ─┐
//!                                                                               ├→ Grid → convert → ImportedRow → canonical CSV
//! Excel workbook (.xlsx via calamine, native only; one grid per sheet)  ────────┘
//! ```
//! The label tables are in [`labels`] (rows/columns → measures and breakdowns) and
//! [`period_label`] ("2e kw 2020" → `2020-Q2`). Every value read is either written (flag
//! `published`, or `approximate` for "ruim 26.000", with `source` = the cell it came from) or
//! rejected with a reason; nothing is guessed.
//!
//! ```
//! use versterkingsmonitor::data::import::{import_csv, write_canonical_csv, ImportOptions, ImportReport};
//! let mut report = ImportReport::default();
//! let csv = "Mijlpaal;Jan;Feb\r\nOpname uitgevoerd;1.187;153\r\n";
//! let opts = ImportOptions { period_date: versterkingsmonitor::data::date::Date::new(2021, 3, 31), gemeenten: None };
//! import_csv("t.csv", csv.as_bytes(), &opts, &mut report).unwrap();
//! assert_eq!(report.rows.len(), 2);
//! assert!(write_canonical_csv(&report.rows).contains("opname,2021-01,,,,,,1187,published,t.csv row 2 col 2,"));
//! ```

pub mod convert;
pub mod csv_input;
pub mod dutch_number;
pub mod grid;
pub mod labels;
pub mod period_label;
#[cfg(not(target_arch = "wasm32"))]
pub mod xlsx_input;

use std::collections::HashMap;

use super::breakdown::Breakdown;
use super::date::Date;
use super::diagnostic::Diagnostic;
use super::gemeente::Registry;
use super::observation::{Flag, OBSERVATION_HEADER};
use super::period::Period;

/// Choices the table itself does not state.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The date of a table with measures in its columns (SodM table 2.1 "per 17 juli 2020"), and
    /// the year of bare month columns ("Jan", "Feb": the latest such month not after this date).
    pub period_date: Option<Date>,
    /// To recognise gemeente names as row labels.
    pub gemeenten: Option<Registry>,
}

/// One imported value, ready to be written as a canonical observation row.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedRow {
    pub measure: String,
    pub period: Period,
    pub breakdown: Breakdown,
    pub value: f64,
    pub flag: Flag,
    pub source: String,
    pub note: String,
}

/// What an import did: rows written, values rejected (each with its place and reason), notes
/// (skipped title rows) and whole-table problems. `values_read = rows + rejected` always.
#[derive(Clone, Debug, Default)]
pub struct ImportReport {
    pub rows: Vec<ImportedRow>,
    pub values_read: u64,
    pub rejected: Vec<Diagnostic>,
    pub notes: Vec<Diagnostic>,
    pub problems: Vec<Diagnostic>,
    /// (measure, normalised period, breakdown) → source of the first value, across all inputs.
    pub(crate) seen: HashMap<(String, Period, Breakdown), String>,
}

impl ImportReport {
    /// The accounting every import must keep.
    pub fn balanced(&self) -> bool {
        self.values_read == self.rows.len() as u64 + self.rejected.len() as u64
    }
    /// True when every value was imported and every file could be read.
    pub fn ok(&self) -> bool {
        self.rejected.is_empty() && self.problems.is_empty()
    }
}

/// Import a CSV export of a table. `Err` when the file cannot be used at all.
pub fn import_csv(file: &str, bytes: &[u8], opts: &ImportOptions, report: &mut ImportReport) -> Result<(), Diagnostic> {
    let (grid, unsplittable) = csv_input::read_csv_grid(file, bytes)?;
    // A line that cannot be split counts as one value read and rejected.
    report.values_read += unsplittable.len() as u64;
    report.rejected.extend(unsplittable);
    convert::convert_grid(&grid, opts, report);
    Ok(())
}

/// Import every sheet of an Excel workbook (bytes of .xlsx/.xls/.xlsb/.ods). Native only.
#[cfg(not(target_arch = "wasm32"))]
pub fn import_workbook(file: &str, bytes: &[u8], opts: &ImportOptions, report: &mut ImportReport) -> Result<(), Diagnostic> {
    for grid in xlsx_input::read_workbook_grids(file, bytes)? {
        convert::convert_grid(&grid, opts, report);
    }
    Ok(())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { v.to_string() }
}

/// The rows as a canonical publication file (header included), ready for `publicaties/<id>.csv`.
pub fn write_canonical_csv(rows: &[ImportedRow]) -> String {
    let mut out = OBSERVATION_HEADER.join(",");
    out.push('\n');
    for r in rows {
        let b = &r.breakdown;
        let fields = [
            r.measure.clone(),
            r.period.to_string(),
            b.gemeente.map(|g| g.to_string()).unwrap_or_default(),
            b.batch.as_deref().unwrap_or_default().to_string(),
            b.risicoprofiel.map(|x| x.as_str().to_string()).unwrap_or_default(),
            b.eigenaar.map(|x| x.as_str().to_string()).unwrap_or_default(),
            b.categorie.map(|x| x.as_str().to_string()).unwrap_or_default(),
            number(r.value),
            r.flag.as_str().to_string(),
            r.source.clone(),
            r.note.clone(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests;
