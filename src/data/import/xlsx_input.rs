//! Reading NCG Excel workbooks (.xlsx, and whatever else calamine opens: .xls, .xlsb, .ods) into
//! one [`Grid`] per non-empty sheet. Works on bytes only: no file system in the library.

use std::io::Cursor;
use std::panic::{catch_unwind, AssertUnwindSafe};

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use super::grid::{Cell, CellValue, Grid, GridRow, Origin};
use crate::data::diagnostic::{Diagnostic, Message, Place};
use crate::data::table::DEFAULT_SIZE_LIMIT;

/// Sheets with more cells than this are refused (a real NCG table has a few hundred).
pub const MAX_SHEET_CELLS: usize = 2_000_000;

fn cannot(file: &str, reason: String) -> Diagnostic {
    Diagnostic::error(file, 0, 0, Message::CannotRead { reason })
}

/// Bytes of a workbook → one grid per sheet that has cells.
///
/// calamine is a third-party parser of untrusted zip/XML; a panic inside it is caught and turned
/// into an error (in builds with `panic = "unwind"`, which the native tool and tests use).
pub fn read_workbook_grids(file: &str, bytes: &[u8]) -> Result<Vec<Grid>, Diagnostic> {
    if bytes.len() as u64 > DEFAULT_SIZE_LIMIT {
        return Err(Diagnostic::error(file, 0, 0, Message::TooLarge { bytes: bytes.len() as u64, limit: DEFAULT_SIZE_LIMIT }));
    }
    let owned = bytes.to_vec();
    let result = catch_unwind(AssertUnwindSafe(|| -> Result<Vec<Grid>, Diagnostic> {
        let mut book = open_workbook_auto_from_rs(Cursor::new(owned))
            .map_err(|e| cannot(file, format!("not a workbook calamine can open ({e})")))?;
        let mut grids = Vec::new();
        for sheet in book.sheet_names() {
            let range = book.worksheet_range(&sheet).map_err(|e| cannot(file, format!("sheet '{sheet}': {e}")))?;
            let (h, w) = range.get_size();
            if h.saturating_mul(w) > MAX_SHEET_CELLS {
                return Err(cannot(file, format!("sheet '{sheet}' has {h}×{w} cells; at most {MAX_SHEET_CELLS} are read")));
            }
            let Some((row0, col0)) = range.start() else { continue };
            let rows = range
                .rows()
                .enumerate()
                .map(|(i, cells)| {
                    let number = u64::from(row0) + i as u64 + 1;
                    GridRow {
                        number,
                        cells: cells
                            .iter()
                            .enumerate()
                            .map(|(j, d)| {
                                let column = u64::from(col0) + j as u64 + 1;
                                Cell { value: cell_value(d), column, place: Place::new(number, column) }
                            })
                            .collect(),
                    }
                })
                .collect();
            grids.push(Grid { origin: Origin::Sheet { file: file.to_string(), sheet }, rows });
        }
        Ok(grids)
    }));
    result.unwrap_or_else(|_| Err(cannot(file, "the workbook reader crashed on this file".into())))
}

fn cell_value(d: &Data) -> CellValue {
    match d {
        Data::Empty => CellValue::Empty,
        Data::Int(i) => CellValue::Number(*i as f64),
        Data::Float(f) => CellValue::Number(*f),
        Data::String(s) => CellValue::Text(s.clone()),
        Data::Bool(b) => CellValue::Text(b.to_string()),
        Data::DateTime(dt) => CellValue::Text(format!("(date {})", dt.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => CellValue::Text(s.clone()),
        Data::Error(e) => CellValue::Text(format!("#{e}")),
    }
}
