//! Layer 1: the typed model and strict parsing of the data files.
//! Nothing here knows about the browser; everything is tested natively.
//!
//! Reading order for a newcomer: `csv_scan` (records with places) → `table` (strict header,
//! row by row) → `fields` (typed fields) → one reader per file (`measures_csv`, `gemeenten_csv`,
//! `events_csv`, `observations_csv`, `publication` for the manifest, via `json`) → `archive`
//! (assembling everything) → `quality` (warnings about the numbers themselves). `file_kind`
//! recognises a single file; `import` turns NCG tables into canonical CSV.

// Diagnostics are the error values of every reader here (one per rejected row or unusable
// file), and every layer above matches on them. Boxing them to please this size lint would make
// that API clumsier for no measurable gain (benches/parse.rs parses a million rows in ~0.5 s).
#![allow(clippy::result_large_err)]

pub mod archive;
pub mod breakdown;
pub mod bronbestand;
pub mod csv_scan;
pub mod date;
pub mod diagnostic;
pub mod event;
pub mod events_csv;
pub mod fast_hash;
pub mod fields;
pub mod file_kind;
pub mod gemeente;
pub mod gemeenten_csv;
pub mod import;
pub mod json;
pub mod measure;
pub mod measures_csv;
pub mod observation;
pub mod observations_csv;
pub mod period;
pub mod publication;
pub mod sort;
pub mod quality;
pub mod table;
pub mod translations;
