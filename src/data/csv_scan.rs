//! Splitting CSV text into records, RFC 4180 style, with the exact place of every field.
//!
//! This is the lowest layer of every CSV reader in the project (the strict archive tables and the
//! lenient NCG importer). It knows nothing about headers or meanings; it only
//! - splits records on a separator (`,` for the archive, `;` or `,` for imported tables),
//! - handles quotes (`"a, b"`, `""` for a quote, newlines inside quotes),
//! - accepts LF and CRLF line ends, rejects a lone CR (old Mac files) and control characters,
//! - keeps for every field its 1-based line and 1-based **character** column,
//! - borrows field text from the input where it can (no allocation for unquoted fields).
//!
//! A record that cannot be split is reported as a [`Diagnostic`] and skipped up to the next line,
//! so one broken row never hides the rows after it.

use std::borrow::Cow;

use super::diagnostic::{Diagnostic, Message, Place};

/// Fields longer than this are refused: no real cell is this long, and it bounds memory per row.
pub const MAX_FIELD_BYTES: usize = 10_000;

/// One field of a record: its text (quotes removed) and where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Field<'a> {
    pub text: Cow<'a, str>,
    pub place: Place,
    /// Whether the field was written in quotes (its text then starts one column later).
    pub quoted: bool,
}

/// One record: the place it starts, its fields, and where it ends (for "a field is missing").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record<'a> {
    pub line: u64,
    pub fields: Vec<Field<'a>>,
    /// Place of the line end (just after the last character of the record).
    pub end: Place,
    /// Number of fields in the record; can exceed `fields.len()` when the scanner stopped storing.
    pub width: usize,
}

impl<'a> Record<'a> {
    /// Text and place of field `i`; an absent field is empty and placed at the end of the record.
    // Small helpers on the per-field path are always inlined: the wasm build optimises for
    // size (opt-level "z") and would otherwise call them for every field of a million rows.
    #[inline(always)]
    pub fn get(&self, i: usize) -> (&str, Place) {
        match self.fields.get(i) {
            Some(f) => (f.text.as_ref(), f.place),
            None => ("", self.end),
        }
    }
    /// The place of the character at `byte_offset` inside field `i` (for an item in a `;`-list).
    /// Exact unless the field contains an escaped quote before that offset.
    pub fn place_within(&self, i: usize, byte_offset: usize) -> Place {
        match self.fields.get(i) {
            Some(f) => {
                let before = f.text.get(..byte_offset).map(|s| s.chars().count()).unwrap_or(0) as u64;
                Place::new(f.place.line, f.place.column + u64::from(f.quoted) + before)
            }
            None => self.end,
        }
    }
    /// True when every field is empty or blank.
    pub fn is_blank(&self) -> bool {
        self.fields.iter().all(|f| f.text.trim().is_empty())
    }
}

/// Walks through a text record by record.
pub struct Scanner<'a> {
    file: String,
    text: &'a str,
    pos: usize,
    line: u64,
    column: u64,
    separator: u8,
    /// Stop storing fields after this many (the rest are only counted).
    max_fields: usize,
    /// Bytes that end the fast path of an unquoted field: the separator, line ends, quotes and
    /// control characters.
    special: [bool; 256],
}

impl<'a> Scanner<'a> {
    /// A scanner over `text` (a leading BOM is skipped) splitting on `separator` (an ASCII byte).
    pub fn new(file: &str, text: &'a str, separator: u8) -> Scanner<'a> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let separator = if separator.is_ascii() && !matches!(separator, b'"' | b'\r' | b'\n') { separator } else { b',' };
        let mut special = [false; 256];
        for (b, s) in special.iter_mut().enumerate() {
            // Bytes from 0x80 (parts of multi-byte characters) also leave the fast path, so that
            // on it one byte is one column.
            *s = !(0x20..0x7F).contains(&b) || b == usize::from(b'"') || b == usize::from(separator);
        }
        Scanner { file: file.to_string(), text, pos: 0, line: 1, column: 1, separator, max_fields: 4096, special }
    }

    /// Store at most `n` fields per record (more are counted in [`Record::width`] but not kept).
    pub fn with_max_fields(mut self, n: usize) -> Scanner<'a> {
        self.max_fields = n.max(1);
        self
    }

    /// The file name used in diagnostics.
    pub fn file(&self) -> &str {
        &self.file
    }

    #[inline(always)]
    fn place(&self) -> Place {
        Place::new(self.line, self.column)
    }

    #[inline(always)]
    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    #[inline(always)]
    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or("")
    }

    /// Move over one byte that is not a line feed, keeping the character column.
    #[inline(always)]
    fn step(&mut self) {
        if let Some(b) = self.byte(self.pos) {
            // Continuation bytes of a multi-byte character do not start a new column.
            if b & 0xC0 != 0x80 {
                self.column += 1;
            }
            self.pos += 1;
        }
    }

    fn newline(&mut self) {
        self.pos += 1;
        self.line += 1;
        self.column = 1;
    }

    /// Skip the rest of the current line (error recovery).
    fn skip_line(&mut self) {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or(&[]);
        match rest.iter().position(|&b| b == b'\n') {
            Some(i) => {
                self.pos += i;
                self.newline();
            }
            None => self.pos = self.text.len(),
        }
    }

    /// Skip blank lines (empty or only spaces/tabs). Returns false at the end of the text.
    fn skip_blank_lines(&mut self) -> bool {
        loop {
            let rest = self.text.as_bytes().get(self.pos..).unwrap_or(&[]);
            if rest.is_empty() {
                return false;
            }
            let blank = rest.iter().take_while(|&&b| b == b' ' || b == b'\t').count();
            match rest.get(blank) {
                None => {
                    self.pos = self.text.len();
                    return false;
                }
                Some(b'\n') => {
                    self.pos += blank;
                    self.newline();
                }
                Some(b'\r') if matches!(rest.get(blank + 1), Some(b'\n') | None) => {
                    self.pos += blank + 1;
                    if self.pos >= self.text.len() {
                        return false;
                    }
                    self.newline();
                }
                Some(_) => return true,
            }
        }
    }

    /// Read the next record into `rec` (reusing its storage).
    ///
    /// Returns `None` at the end of the text, `Some(Ok(()))` for a record, and `Some(Err(d))` for a
    /// record that could not be split; the scanner has then moved on to the next line.
    pub fn next_record(&mut self, rec: &mut Record<'a>) -> Option<Result<(), Diagnostic>> {
        if !self.skip_blank_lines() {
            return None;
        }
        rec.fields.clear();
        rec.line = self.line;
        rec.width = 0;
        loop {
            let field_place = self.place();
            let quoted = self.byte(self.pos) == Some(b'"');
            // Nearly every field is plain ASCII: take it without the general (and larger) path.
            let (text, multiline_open) = match self.plain_ascii_field() {
                Some(t) => (Cow::Borrowed(t), None),
                None => {
                    let field = if quoted { self.quoted_field() } else { self.plain_field().map(|t| (t, None)) };
                    match field {
                        Ok((t, open)) => (t, open),
                        Err(d) => return Some(Err(d)),
                    }
                }
            };
            if text.len() > MAX_FIELD_BYTES {
                let d = Diagnostic::error_at(
                    &self.file,
                    field_place,
                    Message::FieldTooLong { bytes: text.len() as u64, limit: MAX_FIELD_BYTES as u64 },
                );
                self.skip_rest_of_record();
                return Some(Err(d));
            }
            rec.width += 1;
            if rec.fields.len() < self.max_fields {
                rec.fields.push(Field { text, place: field_place, quoted });
            }
            match self.byte(self.pos) {
                Some(b) if b == self.separator => self.step(),
                Some(b'\r') => {
                    rec.end = self.place();
                    // plain_field/quoted_field only stop at a CR followed by LF or at the end.
                    self.pos += 1;
                    if self.byte(self.pos) == Some(b'\n') {
                        self.newline();
                    }
                    return Some(Ok(()));
                }
                Some(b'\n') => {
                    rec.end = self.place();
                    self.newline();
                    return Some(Ok(()));
                }
                None => {
                    rec.end = self.place();
                    return Some(Ok(()));
                }
                Some(_) => {
                    // Only reachable after a closing quote followed by other text. When that
                    // quoted field ran over line ends, the likelier story is a quote that was never
                    // closed and a later stray quote: report the opening quote and go on after its line.
                    if let Some((pos, line, column)) = multiline_open {
                        self.pos = pos;
                        self.line = line;
                        self.column = column;
                        self.skip_line();
                        return Some(Err(Diagnostic::error_at(&self.file, Place::new(line, column), Message::UnterminatedQuote)));
                    }
                    let d = Diagnostic::error_at(&self.file, self.place(), Message::TextAfterQuote);
                    self.skip_rest_of_record();
                    return Some(Err(d));
                }
            }
        }
    }

    /// After an error inside a record: continue at the next line.
    fn skip_rest_of_record(&mut self) {
        if self.pos < self.text.len() {
            // A record error is always detected before its line end has been consumed.
            self.skip_line();
        }
    }

    fn control_error(&mut self, b: u8) -> Diagnostic {
        let d = Diagnostic::error_at(&self.file, self.place(), Message::ControlCharacter { code: u32::from(b) });
        self.skip_rest_of_record();
        d
    }

    /// The common case of an unquoted field of ASCII characters without control characters,
    /// ended by the separator, a line end or the end of the text: taken and returned. `None`
    /// (nothing consumed) for anything else, which goes through [`Scanner::plain_field`] or
    /// [`Scanner::quoted_field`] with their exact diagnostics.
    #[inline]
    fn plain_ascii_field(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut end = start;
        while let Some(&b) = bytes.get(end) {
            if self.special[usize::from(b)] {
                break;
            }
            end += 1;
        }
        match bytes.get(end) {
            None => {}
            Some(&b) if b == self.separator || b == b'\n' => {}
            Some(b'\r') if matches!(bytes.get(end + 1), Some(b'\n') | None) => {}
            Some(_) => return None,
        }
        // Every byte passed is ASCII: one byte is one column.
        self.column += (end - start) as u64;
        self.pos = end;
        Some(self.slice(start, end))
    }

    fn plain_field(&mut self) -> Result<Cow<'a, str>, Diagnostic> {
        let start = self.pos;
        // Fast path: run over ordinary bytes, then count the characters passed in one go.
        let bytes = self.text.as_bytes();
        let mut end = self.pos;
        while let Some(&b) = bytes.get(end) {
            if self.special[usize::from(b)] {
                break;
            }
            end += 1;
        }
        let run = bytes.get(self.pos..end).unwrap_or(&[]);
        self.column += run.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64;
        self.pos = end;
        while let Some(b) = self.byte(self.pos) {
            if b == self.separator || b == b'\n' {
                break;
            }
            match b {
                b'\r' => {
                    if matches!(self.byte(self.pos + 1), Some(b'\n') | None) {
                        break;
                    }
                    let d = Diagnostic::error_at(&self.file, self.place(), Message::BareCarriageReturn);
                    self.skip_rest_of_record();
                    return Err(d);
                }
                b'"' => {
                    let d = Diagnostic::error_at(&self.file, self.place(), Message::QuoteInUnquotedField);
                    self.skip_rest_of_record();
                    return Err(d);
                }
                b'\t' => self.step(),
                0..=0x1F | 0x7F => return Err(self.control_error(b)),
                _ => self.step(),
            }
        }
        Ok(Cow::Borrowed(self.slice(start, self.pos)))
    }

    /// A field in quotes. Also returns where it opened when it ran over a line end.
    #[allow(clippy::type_complexity)]
    fn quoted_field(&mut self) -> Result<(Cow<'a, str>, Option<(usize, u64, u64)>), Diagnostic> {
        let open = (self.pos, self.line, self.column);
        self.step(); // the opening quote
        let content_start = self.pos;
        let mut owned: Option<String> = None;
        let mut segment_start = self.pos;
        loop {
            let Some(b) = self.byte(self.pos) else {
                let d = Diagnostic::error_at(&self.file, Place::new(open.1, open.2), Message::UnterminatedQuote);
                // Recover at the line after the one where the quote opened, so the rows after it
                // are still read (and counted) instead of being swallowed by the open quote.
                self.pos = open.0;
                self.line = open.1;
                self.column = open.2;
                self.skip_line();
                return Err(d);
            };
            match b {
                b'"' if self.byte(self.pos + 1) == Some(b'"') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(self.slice(segment_start, self.pos + 1));
                    self.step();
                    self.step();
                    segment_start = self.pos;
                }
                b'"' => {
                    let text = match owned {
                        Some(mut s) => {
                            s.push_str(self.slice(segment_start, self.pos));
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(self.slice(content_start, self.pos)),
                    };
                    self.step(); // the closing quote
                    let multiline = (self.line != open.1).then_some(open);
                    return Ok((text, multiline));
                }
                b'\n' => self.newline(),
                b'\r' | b'\t' => self.step(),
                0..=0x1F | 0x7F => return Err(self.control_error(b)),
                _ => self.step(),
            }
            if self.pos - content_start > MAX_FIELD_BYTES {
                let d = Diagnostic::error_at(
                    &self.file,
                    Place::new(open.1, open.2),
                    Message::FieldTooLong { bytes: (self.pos - content_start) as u64, limit: MAX_FIELD_BYTES as u64 },
                );
                self.pos = open.0;
                self.line = open.1;
                self.column = open.2;
                self.skip_line();
                return Err(d);
            }
        }
    }
}

/// Guess the separator of an exported table from its first non-blank line: `;` (Dutch Excel),
/// `,` or a tab, whichever occurs most outside quotes. Ties prefer `;`.
///
/// ```
/// use versterkingsmonitor::data::csv_scan::detect_separator;
/// assert_eq!(detect_separator("Fase;Jan;Feb\nOpname;1.234;5"), b';');
/// assert_eq!(detect_separator("a,b,\"c;d\"\n"), b',');
/// ```
pub fn detect_separator(text: &str) -> u8 {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let (mut semi, mut comma, mut tab, mut quoted) = (0usize, 0usize, 0usize, false);
    for b in line.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b';' if !quoted => semi += 1,
            b',' if !quoted => comma += 1,
            b'\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if semi >= comma && semi >= tab && semi > 0 {
        b';'
    } else if tab > comma {
        b'\t'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each record as its fields with their places, or the error's place and message.
    type Scanned = Result<Vec<(String, u64, u64)>, (u64, u64, Message)>;

    fn all(text: &str) -> Vec<Scanned> {
        let mut s = Scanner::new("t", text, b',');
        let mut rec = Record::default();
        let mut out = Vec::new();
        while let Some(r) = s.next_record(&mut rec) {
            out.push(match r {
                Ok(()) => Ok(rec.fields.iter().map(|f| (f.text.to_string(), f.place.line, f.place.column)).collect()),
                Err(d) => Err((d.line, d.column, d.message)),
            });
        }
        out
    }

    #[test]
    fn fields_have_character_columns() {
        let r = all("é,ü\"\n");
        // é is two bytes but one column: the quote in the second field is at column 4.
        assert_eq!(r, vec![Err((1, 4, Message::QuoteInUnquotedField))]);
        let r = all("ëë,b\n");
        assert_eq!(r, vec![Ok(vec![("ëë".into(), 1, 1), ("b".into(), 1, 4)])]);
    }

    #[test]
    fn quotes_and_multiline_fields() {
        let r = all("\"a,\"\"b\"\"\",\"x\ny\",z\nnext,1\n");
        assert_eq!(
            r,
            vec![
                Ok(vec![("a,\"b\"".into(), 1, 1), ("x\ny".into(), 1, 11), ("z".into(), 2, 4)]),
                Ok(vec![("next".into(), 3, 1), ("1".into(), 3, 6)]),
            ]
        );
    }

    #[test]
    fn crlf_and_blank_lines() {
        let r = all("a,b\r\n\r\n\n1,2\r\n");
        assert_eq!(r.len(), 2);
        assert_eq!(r[1], Ok(vec![("1".into(), 4, 1), ("2".into(), 4, 3)]));
    }

    #[test]
    fn errors_recover_at_the_next_line() {
        let r = all("a\rb,c\n\"open,1\n2,3\nx,\"y\"z\nq\0\n");
        assert_eq!(r[0], Err((1, 2, Message::BareCarriageReturn)));
        assert_eq!(r[1], Err((2, 1, Message::UnterminatedQuote)));
        assert_eq!(r[2], Ok(vec![("2".into(), 3, 1), ("3".into(), 3, 3)]));
        assert_eq!(r[3], Err((4, 6, Message::TextAfterQuote)));
        assert_eq!(r[4], Err((5, 2, Message::ControlCharacter { code: 0 })));
        assert_eq!(r.len(), 5);
    }

    /// The ASCII fast path and the general path agree on columns around non-ASCII text, tabs,
    /// CRLF line ends and the end of the text.
    #[test]
    fn fast_and_general_paths_agree_on_columns() {
        let r = all("ab,é1,cd\r\nx\ty,,z\n\"q\",ü,w");
        assert_eq!(
            r,
            vec![
                Ok(vec![("ab".into(), 1, 1), ("é1".into(), 1, 4), ("cd".into(), 1, 7)]),
                Ok(vec![("x\ty".into(), 2, 1), ("".into(), 2, 5), ("z".into(), 2, 6)]),
                Ok(vec![("q".into(), 3, 1), ("ü".into(), 3, 5), ("w".into(), 3, 7)]),
            ]
        );
        let r = all("a,b\x7f,c\n");
        assert_eq!(r, vec![Err((1, 4, Message::ControlCharacter { code: 0x7F }))]);
        let mut s = Scanner::new("t", "a\tbé\tc\n", b'\t');
        let mut rec = Record::default();
        assert_eq!(s.next_record(&mut rec), Some(Ok(())));
        let cols: Vec<_> = rec.fields.iter().map(|f| (f.text.to_string(), f.place.column)).collect();
        assert_eq!(cols, vec![("a".into(), 1), ("bé".into(), 3), ("c".into(), 6)]);
    }

    #[test]
    fn trailing_separator_gives_an_empty_field() {
        assert_eq!(all("a,\n"), vec![Ok(vec![("a".into(), 1, 1), ("".into(), 1, 3)])]);
    }

    #[test]
    fn long_fields_are_refused() {
        let long = "x".repeat(MAX_FIELD_BYTES + 1);
        let r = all(&format!("a,{long}\nb,c\n"));
        assert!(matches!(r[0], Err((1, 3, Message::FieldTooLong { .. }))));
        assert_eq!(r[1], Ok(vec![("b".into(), 2, 1), ("c".into(), 2, 3)]));
    }
}
