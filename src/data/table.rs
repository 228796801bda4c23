//! Reading a strict CSV table of the archive: UTF-8 (a BOM is allowed), a fixed header, comma
//! separated, RFC 4180 quoting, LF or CRLF. Yields rows with their line number and the place
//! (line, 1-based character column) of every field, so every later error can point at the exact
//! place. Rows are streamed: a million-row file never exists as a million `Vec`s at once.

use super::csv_scan::{Record, Scanner};
use super::diagnostic::{Diagnostic, Message, Place};

/// Files above this size are refused instead of freezing a browser tab or a terminal.
/// The archive's files are kilobytes; a bronbestand of ~27,000 addresses is a few megabytes.
pub const DEFAULT_SIZE_LIMIT: u64 = 50_000_000;

/// One data row: its 1-based line number and its fields with their places.
pub type Row<'a> = Record<'a>;

/// Strip a UTF-8 BOM and check the encoding and size. Errors point at the first bad byte.
pub fn decode<'a>(file: &str, bytes: &'a [u8], limit: u64) -> Result<&'a str, Diagnostic> {
    if bytes.len() as u64 > limit {
        return Err(Diagnostic::error(file, 0, 0, Message::TooLarge { bytes: bytes.len() as u64, limit }));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) if s.trim().is_empty() => Err(Diagnostic::error(file, 1, 1, Message::EmptyFile)),
        Ok(s) => Ok(s),
        Err(e) => {
            let upto = bytes.get(..e.valid_up_to()).unwrap_or(&[]);
            let line = upto.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            // Count characters, not bytes: skip UTF-8 continuation bytes.
            let col = upto.iter().rev().take_while(|&&b| b != b'\n').filter(|&&b| b & 0xC0 != 0x80).count() as u64 + 1;
            Err(Diagnostic::error(file, line, col, Message::NotUtf8))
        }
    }
}

/// A strict table being read row by row. The header has been checked when this exists.
pub struct TableReader<'a> {
    scanner: Scanner<'a>,
    header: Vec<String>,
    /// The expected header (equal to `header`), for naming a field in a message.
    names: &'static [&'static str],
    rows_read: u64,
}

impl<'a> TableReader<'a> {
    /// Open `text` and check that its header equals `expected` exactly (names and order).
    /// The error points at the first field that differs.
    pub fn open(file: &str, text: &'a str, expected: &'static [&'static str]) -> Result<TableReader<'a>, Diagnostic> {
        let mut scanner = Scanner::new(file, text, b',').with_max_fields(expected.len() + 1);
        let mut rec = Record::default();
        match scanner.next_record(&mut rec) {
            None => Err(Diagnostic::error(file, 1, 1, Message::EmptyFile)),
            Some(Err(d)) => Err(d),
            Some(Ok(())) => {
                let found: Vec<String> = rec.fields.iter().map(|f| f.text.to_string()).collect();
                let differs = (0..expected.len().max(rec.width)).find(|&i| found.get(i).map(String::as_str) != expected.get(i).copied());
                if let Some(i) = differs {
                    // One column holding semicolons: a CSV saved by Excel in Dutch. Say so, at the
                    // first semicolon, rather than only "wrong header".
                    if let (1, Some(f)) = (rec.width, rec.fields.first()) {
                        if let Some(at) = f.text.find(';') {
                            let column = f.place.column + f.text[..at].chars().count() as u64;
                            return Err(Diagnostic::error(file, f.place.line, column, Message::SemicolonSeparated));
                        }
                    }
                    let place = rec.fields.get(i).map(|f| f.place).unwrap_or(rec.end);
                    let mut shown = found.join(",");
                    if rec.width > found.len() {
                        shown.push_str(",…");
                    }
                    return Err(Diagnostic::error_at(
                        file,
                        place,
                        Message::WrongHeader { expected: expected.join(","), found: shown.chars().take(300).collect() },
                    )
                    .in_field(Some((u32::try_from(i + 1).unwrap_or(u32::MAX), expected.get(i).copied().unwrap_or("")))));
                }
                Ok(TableReader { scanner, header: found, names: expected, rows_read: 0 })
            }
        }
    }

    /// The header as found (equal to the expected one).
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// An error at `place` in `row`, named by its field (number and column name) when the place
    /// is in one: "regel 3, kolom 4 (pc4)" rather than only the character in the line.
    pub fn error_in(&self, row: &Row<'_>, place: Place, message: Message) -> Diagnostic {
        Diagnostic::error_at(self.scanner.file(), place, message).in_field(field_of(row, self.names, place))
    }

    /// Data rows seen so far, including the unreadable ones.
    pub fn rows_read(&self) -> u64 {
        self.rows_read
    }

    /// The next data row, or the problem that made it unreadable (wrong number of fields, bad
    /// quoting, ...). `None` at the end of the file.
    pub fn next_row(&mut self, row: &mut Row<'a>) -> Option<Result<(), Diagnostic>> {
        let r = self.scanner.next_record(row)?;
        self.rows_read += 1;
        if let Err(d) = r {
            return Some(Err(d));
        }
        let expected = self.header.len();
        if row.width != expected {
            // Too many: point at the first extra field. Too few: at the end of the line, where
            // the first missing field would be.
            let place = if row.width > expected { row.fields.get(expected).map(|f| f.place).unwrap_or(row.end) } else { row.end };
            let field = if row.width > expected { (expected + 1, "") } else { (row.width + 1, self.names.get(row.width).copied().unwrap_or("")) };
            return Some(Err(Diagnostic::error_at(self.scanner.file(), place, Message::Ragged { expected, found: row.width })
                .in_field(Some((u32::try_from(field.0).unwrap_or(u32::MAX), field.1)))));
        }
        Some(Ok(()))
    }
}

/// A whole file split into rows, with the problems that made rows unreadable. Convenient for
/// small files and tests; large files should use [`TableReader`].
pub struct Table<'a> {
    pub header: Vec<String>,
    pub rows: Vec<Row<'a>>,
    /// Problems with rows that could not be split (ragged rows, bad quoting).
    pub problems: Vec<Diagnostic>,
    /// Number of data rows seen, including the unreadable ones.
    pub rows_read: u64,
}

/// Split `text` into a table. The header must equal `expected` exactly (names and order).
pub fn read<'a>(file: &str, text: &'a str, expected: &'static [&'static str]) -> Result<Table<'a>, Diagnostic> {
    let mut reader = TableReader::open(file, text, expected)?;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    loop {
        let mut row = Row::default();
        match reader.next_row(&mut row) {
            None => break,
            Some(Ok(())) => rows.push(row),
            Some(Err(d)) => problems.push(d),
        }
    }
    Ok(Table { header: reader.header, rows, problems, rows_read: reader.rows_read })
}

/// The fields of the first non-blank record (the header), for recognising the kind of a file.
/// `None` when the text has no readable first record.
pub fn first_record(text: &str) -> Option<Vec<String>> {
    let mut scanner = Scanner::new("", text, b',').with_max_fields(64);
    let mut rec = Record::default();
    match scanner.next_record(&mut rec)? {
        Ok(()) => Some(rec.fields.iter().map(|f| f.text.to_string()).collect()),
        Err(_) => None,
    }
}

/// The place of field `i` of a row, for diagnostics.
pub fn place_of(row: &Row<'_>, i: usize) -> Place {
    row.get(i).1
}

/// The 1-based number and the column name (from `names`, the header) of the field of `row` that
/// holds `place` (its start or a character inside it), for a message a person can find in a
/// spreadsheet. `None` when the place is in no field (after the end of the line).
pub fn field_of(row: &Row<'_>, names: &'static [&'static str], place: Place) -> Option<(u32, &'static str)> {
    let last_starts_here = row.fields.last().is_some_and(|f| f.place == place);
    if place >= row.end && !last_starts_here {
        return None;
    }
    let i = row.fields.iter().rposition(|f| f.place <= place)?;
    Some((u32::try_from(i + 1).ok()?, names.get(i).copied().unwrap_or("")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A place is named by its field: the number and the header's name of the field it starts
    /// or lies in. (The table of rejected rows showed the character in the line as "Kolom".)
    #[test]
    fn places_are_named_by_their_field() {
        const H: [&str; 3] = ["a", "b", "c"];
        let t = read("t.csv", "a,b,c\n1,\"x,y\",3\n4,5,\n", &H).unwrap();
        let (r0, r1) = (&t.rows[0], &t.rows[1]);
        assert_eq!(field_of(r0, &H, r0.get(0).1), Some((1, "a")));
        assert_eq!(field_of(r0, &H, r0.get(2).1), Some((3, "c")));
        // A character inside a field (an item of a ;-list) belongs to that field.
        assert_eq!(field_of(r0, &H, r0.place_within(1, 2)), Some((2, "b")));
        // An empty last field starts at the end of the line.
        assert_eq!(field_of(r1, &H, r1.get(2).1), Some((3, "c")));
        // Past the end of the line: no field.
        let after = Place::new(r1.end.line, r1.end.column + 1);
        assert_eq!(field_of(r1, &H, after), None);
        // A wrong header names the column that differs.
        let e = read("t.csv", "a,x,c\n", &H).err().unwrap();
        assert_eq!(e.field, Some((2, "b")));
    }

    #[test]
    fn reads_rows_with_lines_and_columns() {
        let t = read("t.csv", "a,b,c\n1,\"x,y\",3\r\n4,5,6\n", &["a", "b", "c"]).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[0].get(1), ("x,y", Place::new(2, 3)));
        assert_eq!(t.rows[0].get(2), ("3", Place::new(2, 9)));
        // Regression: after a CRLF line the csv crate's byte offsets made this column 0.
        assert_eq!(t.rows[1].get(2), ("6", Place::new(3, 5)));
    }

    #[test]
    fn ragged_rows_are_reported_not_dropped() {
        let t = read("t.csv", "a,b\n1,2\n3\n4,5,6\n", &["a", "b"]).unwrap();
        assert_eq!(t.rows_read, 3);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.problems.len(), 2);
        // Too few fields: at the end of the line. Too many: at the first extra field.
        assert_eq!((t.problems[0].line, t.problems[0].column), (3, 2));
        assert_eq!((t.problems[1].line, t.problems[1].column), (4, 5));
    }

    #[test]
    fn wrong_header_points_at_the_first_differing_field() {
        // A header with semicolons and no comma (Excel's Dutch CSV) says so, at its first
        // semicolon; it was only "wrong header" at column 1 (ncg check on a hand-edited maten.csv).
        let e = read("t.csv", "ab;b\n1;2\n", &["a", "b"]).err().unwrap();
        assert_eq!((e.line, e.column, e.message), (1, 3, Message::SemicolonSeparated));
        let e = read("t.csv", "\u{FEFF}é;b\n", &["a", "b"]).err().unwrap();
        assert_eq!((e.line, e.column, e.message), (1, 2, Message::SemicolonSeparated));
        let e = read("t.csv", "a;b,c\n", &["a", "b"]).err().unwrap();
        assert!(matches!(e.message, Message::WrongHeader { .. }), "a comma file with a ';' in a name: {e:?}");
        let e = read("t.csv", "a,x\n1,2\n", &["a", "b"]).err().unwrap();
        assert_eq!((e.line, e.column), (1, 3));
        let e = read("t.csv", "a\n1\n", &["a", "b"]).err().unwrap();
        assert_eq!((e.line, e.column), (1, 2));
    }

    #[test]
    fn bom_and_bad_utf8() {
        assert!(decode("t", b"\xEF\xBB\xBFa\n", 100).is_ok());
        let e = decode("t", b"a,b\n1,\xff\n", 100).err().unwrap();
        assert_eq!((e.line, e.column), (2, 3));
        // Regression: the column counted bytes, so a preceding 'é' shifted it by one.
        let e = decode("t", "é,".as_bytes().iter().copied().chain([0xff]).collect::<Vec<u8>>().as_slice(), 100).err().unwrap();
        assert_eq!((e.line, e.column), (1, 3));
        assert!(decode("t", b"", 100).is_err());
        assert!(decode("t", b"\xEF\xBB\xBF", 100).is_err());
        assert!(decode("t", b"abc", 2).is_err());
    }
}
