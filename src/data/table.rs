//! Reading a strict CSV table: UTF-8 (a BOM is allowed), a fixed header, comma separated,
//! RFC 4180 quoting, LF or CRLF. Yields rows with their line number and the column (1-based
//! character position) of every field, so every later error can point at the exact place.

use super::diagnostic::{Diagnostic, Message};

/// Files above this size are refused instead of freezing a browser tab.
pub const DEFAULT_SIZE_LIMIT: u64 = 200_000_000;

/// One data row: its 1-based line number and its fields with their 1-based columns.
#[derive(Debug)]
pub struct Row {
    pub line: u64,
    pub fields: Vec<(String, u64)>,
}

impl Row {
    pub fn get(&self, i: usize) -> (&str, u64) {
        self.fields.get(i).map(|(s, c)| (s.as_str(), *c)).unwrap_or(("", 0))
    }
}

/// A whole file split into rows, with the problems that made rows unreadable.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    /// Problems with the file as a whole or with rows that could not be split (ragged rows).
    pub problems: Vec<Diagnostic>,
    /// Number of data rows seen, including the unreadable ones.
    pub rows_read: u64,
}

/// Strip a UTF-8 BOM and check the encoding.
pub fn decode<'a>(file: &str, bytes: &'a [u8], limit: u64) -> Result<&'a str, Diagnostic> {
    if bytes.len() as u64 > limit {
        return Err(Diagnostic::error(file, 0, 0, Message::TooLarge { bytes: bytes.len() as u64, limit }));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) if s.trim().is_empty() => Err(Diagnostic::error(file, 1, 1, Message::EmptyFile)),
        Ok(s) => Ok(s),
        Err(e) => {
            let upto = &bytes[..e.valid_up_to()];
            let line = upto.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            let col = upto.iter().rev().take_while(|&&b| b != b'\n').count() as u64 + 1;
            Err(Diagnostic::error(file, line, col, Message::NotUtf8))
        }
    }
}

/// Columns (1-based characters) where each field of the record starting at `start` begins.
fn field_columns(text: &str, start: usize) -> Vec<u64> {
    let mut cols = vec![1u64];
    let mut col = 1u64;
    let mut in_quotes = false;
    let rest = text.get(start..).unwrap_or("");
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        col += 1;
        match c {
            '"' if in_quotes && chars.peek() == Some(&'"') => {
                chars.next();
                col += 1;
            }
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => cols.push(col),
            '\n' if !in_quotes => break,
            '\n' => col = 1,
            _ => {}
        }
    }
    cols
}

/// Split `text` into a table. The header must equal `expected` exactly (names and order).
pub fn read(file: &str, text: &str, expected: &[&str]) -> Result<Table, Diagnostic> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rec = csv::StringRecord::new();
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut rows_read = 0u64;
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                let msg = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => Message::NotUtf8,
                    _ => Message::CsvSyntax(e.to_string()),
                };
                if header.is_none() {
                    return Err(Diagnostic::error(file, line, 1, msg));
                }
                rows_read += 1;
                problems.push(Diagnostic::error(file, line, 1, msg));
                continue;
            }
        }
        let (line, byte) = rec.position().map(|p| (p.line(), p.byte() as usize)).unwrap_or((0, 0));
        // A blank line (possible at the end of a hand-edited file) is not a row.
        if rec.len() == 1 && rec.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue;
        }
        match &header {
            None => {
                let found: Vec<String> = rec.iter().map(|s| s.trim_end_matches('\r').to_string()).collect();
                if found.iter().map(String::as_str).ne(expected.iter().copied()) {
                    return Err(Diagnostic::error(
                        file,
                        line,
                        1,
                        Message::WrongHeader { expected: expected.join(","), found: found.join(",") },
                    ));
                }
                header = Some(found);
            }
            Some(h) => {
                rows_read += 1;
                if rec.len() != h.len() {
                    let cols = field_columns(text, byte);
                    let col = cols.get(h.len().min(rec.len())).copied().unwrap_or(1);
                    problems.push(Diagnostic::error(
                        file,
                        line,
                        col,
                        Message::Ragged { expected: h.len(), found: rec.len() },
                    ));
                    continue;
                }
                let cols = field_columns(text, byte);
                let fields = rec
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (f.trim_end_matches('\r').to_string(), cols.get(i).copied().unwrap_or(0)))
                    .collect();
                rows.push(Row { line, fields });
            }
        }
    }
    let Some(header) = header else {
        return Err(Diagnostic::error(file, 1, 1, Message::EmptyFile));
    };
    Ok(Table { header, rows, problems, rows_read })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_with_lines_and_columns() {
        let t = read("t.csv", "a,b,c\n1,\"x,y\",3\r\n4,5,6\n", &["a", "b", "c"]).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[0].get(1), ("x,y", 3));
        assert_eq!(t.rows[0].get(2), ("3", 9));
        assert_eq!(t.rows[1].get(2), ("6", 5));
    }

    #[test]
    fn ragged_rows_are_reported_not_dropped() {
        let t = read("t.csv", "a,b\n1,2\n3\n4,5,6\n", &["a", "b"]).unwrap();
        assert_eq!(t.rows_read, 3);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.problems.len(), 2);
        assert_eq!(t.problems[0].line, 3);
    }

    #[test]
    fn wrong_header_is_an_error_on_line_one() {
        let e = read("t.csv", "a;b\n1;2\n", &["a", "b"]).err().unwrap();
        assert_eq!((e.line, e.column), (1, 1));
    }

    #[test]
    fn bom_and_bad_utf8() {
        assert!(decode("t", b"\xEF\xBB\xBFa\n", 100).is_ok());
        let e = decode("t", b"a,b\n1,\xff\n", 100).err().unwrap();
        assert_eq!((e.line, e.column), (2, 3));
        assert!(decode("t", b"", 100).is_err());
        assert!(decode("t", b"abc", 2).is_err());
    }
}
