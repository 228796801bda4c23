//! Reading an NCG "Brontabel als csv" (or any CSV export of a table) into a [`Grid`]:
//! UTF-8 with or without BOM, LF or CRLF, `;` or `,` separated (detected), RFC 4180 quotes.

use super::grid::{Cell, CellValue, Grid, GridRow, Origin};
use crate::data::csv_scan::{detect_separator, Record, Scanner};
use crate::data::diagnostic::Diagnostic;
use crate::data::table::{decode, DEFAULT_SIZE_LIMIT};

/// Bytes of a CSV export → a grid, plus the rows that could not be split (each an error).
/// `Err` when the file is not usable at all (too large, not UTF-8, empty).
pub fn read_csv_grid(file: &str, bytes: &[u8]) -> Result<(Grid, Vec<Diagnostic>), Diagnostic> {
    let text = decode(file, bytes, DEFAULT_SIZE_LIMIT)?;
    let separator = detect_separator(text);
    let mut scanner = Scanner::new(file, text, separator).with_max_fields(1000);
    let mut rec = Record::default();
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    while let Some(r) = scanner.next_record(&mut rec) {
        match r {
            Ok(()) => rows.push(GridRow {
                number: rec.line,
                cells: rec
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(i, f)| Cell {
                        value: if f.text.trim().is_empty() { CellValue::Empty } else { CellValue::Text(f.text.to_string()) },
                        column: i as u64 + 1,
                        place: f.place,
                    })
                    .collect(),
            }),
            Err(d) => problems.push(d),
        }
    }
    Ok((Grid { origin: Origin::Csv { file: file.to_string() }, rows }, problems))
}
