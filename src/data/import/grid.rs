//! A table of cells as read from a CSV export or a spreadsheet, before any meaning is given to
//! it. Every cell remembers where it was, so each imported number can name its source cell.

use crate::data::diagnostic::Place;

/// The contents of one cell.
#[derive(Clone, Debug, PartialEq)]
pub enum CellValue {
    Empty,
    Text(String),
    /// A number typed as such in a spreadsheet (CSV cells are always text).
    Number(f64),
}

impl CellValue {
    /// True for an empty cell or one with only spaces.
    pub fn is_empty(&self) -> bool {
        match self {
            CellValue::Empty => true,
            CellValue::Text(t) => t.trim().is_empty(),
            CellValue::Number(_) => false,
        }
    }
    /// The cell as text (numbers printed plainly), for labels and messages.
    pub fn text(&self) -> String {
        match self {
            CellValue::Empty => String::new(),
            CellValue::Text(t) => t.trim().to_string(),
            CellValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            CellValue::Number(n) => n.to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub value: CellValue,
    /// 1-based column number in the table (A = 1).
    pub column: u64,
    /// Where a diagnostic should point: line and character column for CSV, row and column
    /// number for a sheet.
    pub place: Place,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    /// 1-based line (CSV) or sheet row number.
    pub number: u64,
    pub cells: Vec<Cell>,
}

impl GridRow {
    /// The cell in table column `i` (0-based position in the row).
    pub fn cell(&self, i: usize) -> Option<&Cell> {
        self.cells.get(i)
    }
}

/// Where a grid came from, to write `source` values and diagnostics.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    Csv { file: String },
    Sheet { file: String, sheet: String },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub origin: Origin,
    pub rows: Vec<GridRow>,
}

/// 1 → A, 26 → Z, 27 → AA.
pub fn column_letters(mut n: u64) -> String {
    let mut s = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        s.push(b'A' + r);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

impl Grid {
    /// The name diagnostics use: the file, or `file[sheet]`.
    pub fn name(&self) -> String {
        match &self.origin {
            Origin::Csv { file } => file.clone(),
            Origin::Sheet { file, sheet } => format!("{file}[{sheet}]"),
        }
    }
    /// The `source` text of an imported value: `FILE row N col M` or `FILE sheet 'S' cell B3`.
    pub fn source(&self, row: u64, column: u64) -> String {
        match &self.origin {
            Origin::Csv { file } => format!("{file} row {row} col {column}"),
            Origin::Sheet { file, sheet } => format!("{file} sheet '{sheet}' cell {}{row}", column_letters(column)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(703), "AAA");
        assert_eq!(column_letters(0), "");
    }
}
