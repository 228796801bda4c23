//! A small JSON reader that keeps the line and column of every value and key.
//!
//! `serde_json` reports where the *syntax* breaks, but once a manifest parses it cannot say where
//! a bad peildatum or an unknown field is. This reader builds a tree in which every node knows its
//! [`Place`], so every manifest problem can be printed as `manifest.json:LINE:COLUMN`.
//! It follows RFC 8259, keeps duplicate keys (the manifest reader reports them), limits nesting
//! depth, and never panics.

use super::diagnostic::Place;
use crate::i18n::Lang;

/// What a parser expects where an object's key should be.
const KEY: super::diagnostic::Both = ("een sleutel tussen dubbele aanhalingstekens", "a key in double quotes");

/// Deeper nesting than this is refused (the manifest needs 3 levels).
pub const MAX_DEPTH: usize = 64;

/// A JSON value with the place where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub place: Place,
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number as written (already checked against the JSON grammar).
    Number(String),
    String(String),
    Array(Vec<Node>),
    /// Members in file order, duplicates kept; each key with its own place.
    Object(Vec<(Key, Node)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub name: String,
    pub place: Place,
}

impl Value {
    /// "an object", "a string", ... for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// What is wrong with the JSON text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonProblem {
    UnexpectedEnd,
    /// `expected` in both languages, e.g. ("een waarde", "a value").
    Unexpected { found: char, expected: super::diagnostic::Both },
    BadEscape,
    BadNumber,
    ControlInString,
    LoneSurrogate,
    TooDeep,
    TrailingText,
}

impl JsonProblem {
    /// The problem in Dutch or English.
    pub fn text(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            JsonProblem::UnexpectedEnd => if nl { "onverwacht einde van het bestand".into() } else { "unexpected end of the file".into() },
            JsonProblem::Unexpected { found, expected } => {
                let f = found.escape_debug();
                if nl { format!("onverwacht teken '{f}', verwacht {}", expected.0) } else { format!("unexpected character '{f}', expected {}", expected.1) }
            }
            JsonProblem::BadEscape => if nl { "ongeldige escape in tekst".into() } else { "invalid escape in a string".into() },
            JsonProblem::BadNumber => if nl { "ongeldig getal".into() } else { "invalid number".into() },
            JsonProblem::ControlInString => if nl {
                "stuurteken of regeleinde binnen een tekst (gebruik \\n)".into()
            } else {
                "control character or line break inside a string (use \\n)".into()
            },
            JsonProblem::LoneSurrogate => if nl { "losse UTF-16-surrogaat in \\u-escape".into() } else { "lone UTF-16 surrogate in a \\u escape".into() },
            JsonProblem::TooDeep => if nl { format!("te diep genest (maximaal {MAX_DEPTH} niveaus)") } else { format!("nested too deeply (at most {MAX_DEPTH} levels)") },
            JsonProblem::TrailingText => if nl { "tekst na het einde van de JSON-waarde".into() } else { "text after the end of the JSON value".into() },
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    line: u64,
    column: u64,
}

type Res<T> = Result<T, (Place, JsonProblem)>;

/// Parse a JSON document. A leading BOM is skipped.
///
/// ```
/// use versterkingsmonitor::data::json::{parse, Value};
/// let n = parse("{\n  \"a\": [1, true]\n}").unwrap();
/// let Value::Object(members) = &n.value else { panic!() };
/// assert_eq!((members[0].1.place.line, members[0].1.place.column), (2, 8));
/// ```
pub fn parse(text: &str) -> Result<Node, (Place, JsonProblem)> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut p = Parser { text, pos: 0, line: 1, column: 1 };
    p.skip_ws();
    let node = p.value(0)?;
    p.skip_ws();
    if p.pos < p.text.len() {
        return Err((p.place(), JsonProblem::TrailingText));
    }
    Ok(node)
}

impl Parser<'_> {
    fn place(&self) -> Place {
        Place::new(self.line, self.column)
    }
    fn peek(&self) -> Option<char> {
        self.text.get(self.pos..).and_then(|s| s.chars().next())
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }
    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.bump();
        }
    }
    fn unexpected(&self, expected: super::diagnostic::Both) -> (Place, JsonProblem) {
        match self.peek() {
            None => (self.place(), JsonProblem::UnexpectedEnd),
            Some(found) => (self.place(), JsonProblem::Unexpected { found, expected }),
        }
    }
    fn expect(&mut self, c: char, expected: super::diagnostic::Both) -> Res<()> {
        if self.peek() == Some(c) {
            self.bump();
            Ok(())
        } else {
            Err(self.unexpected(expected))
        }
    }

    fn value(&mut self, depth: usize) -> Res<Node> {
        let place = self.place();
        if depth >= MAX_DEPTH {
            return Err((place, JsonProblem::TooDeep));
        }
        let value = match self.peek() {
            Some('{') => self.object(depth)?,
            Some('[') => self.array(depth)?,
            Some('"') => Value::String(self.string()?),
            Some('t') => self.word("true", Value::Bool(true))?,
            Some('f') => self.word("false", Value::Bool(false))?,
            Some('n') => self.word("null", Value::Null)?,
            Some('-' | '0'..='9') => self.number()?,
            _ => return Err(self.unexpected(("een waarde", "a value"))),
        };
        Ok(Node { place, value })
    }

    fn word(&mut self, w: &'static str, v: Value) -> Res<Value> {
        for expected in w.chars() {
            if self.peek() != Some(expected) {
                return Err(self.unexpected((w, w)));
            }
            self.bump();
        }
        Ok(v)
    }

    fn object(&mut self, depth: usize) -> Res<Value> {
        self.bump(); // {
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some('}') {
            self.bump();
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            let kplace = self.place();
            if self.peek() != Some('"') {
                return Err(self.unexpected(KEY));
            }
            let name = self.string()?;
            self.skip_ws();
            self.expect(':', ("':'", "':'"))?;
            self.skip_ws();
            let v = self.value(depth + 1)?;
            members.push((Key { name, place: kplace }, v));
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some('}') => {
                    self.bump();
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.unexpected(("',' of '}'", "',' or '}'"))),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Res<Value> {
        self.bump(); // [
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(']') {
            self.bump();
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(',') => {
                    self.bump();
                }
                Some(']') => {
                    self.bump();
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected(("',' of ']'", "',' or ']'"))),
            }
        }
    }

    fn hex4(&mut self) -> Res<u32> {
        let mut v = 0u32;
        for _ in 0..4 {
            let place = self.place();
            let d = self.bump().and_then(|c| c.to_digit(16)).ok_or((place, JsonProblem::BadEscape))?;
            v = v * 16 + d;
        }
        Ok(v)
    }

    fn string(&mut self) -> Res<String> {
        self.bump(); // "
        let mut out = String::new();
        loop {
            let place = self.place();
            let c = self.bump().ok_or((place, JsonProblem::UnexpectedEnd))?;
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let e = self.bump().ok_or((place, JsonProblem::UnexpectedEnd))?;
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if self.bump() != Some('\\') || self.bump() != Some('u') {
                                    return Err((place, JsonProblem::LoneSurrogate));
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err((place, JsonProblem::LoneSurrogate));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(char::from_u32(code).ok_or((place, JsonProblem::LoneSurrogate))?);
                        }
                        _ => return Err((place, JsonProblem::BadEscape)),
                    }
                }
                c if (c as u32) < 0x20 => return Err((place, JsonProblem::ControlInString)),
                c => out.push(c),
            }
        }
    }

    fn number(&mut self) -> Res<Value> {
        let start = self.pos;
        let place = self.place();
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        let digits = |i: &mut usize| {
            let s = *i;
            while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i - s
        };
        if bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        let int_start = i;
        let n = digits(&mut i);
        if n == 0 || (n > 1 && bytes.get(int_start) == Some(&b'0')) {
            return Err((place, JsonProblem::BadNumber));
        }
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            if digits(&mut i) == 0 {
                return Err((place, JsonProblem::BadNumber));
            }
        }
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(bytes.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if digits(&mut i) == 0 {
                return Err((place, JsonProblem::BadNumber));
            }
        }
        // Everything consumed is ASCII, so columns advance one per byte.
        self.column += (i - start) as u64;
        self.pos = i;
        Ok(Value::Number(self.text.get(start..i).unwrap_or("").to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> (u64, u64, JsonProblem) {
        let (p, e) = parse(s).unwrap_err();
        (p.line, p.column, e)
    }

    #[test]
    fn values_and_places() {
        let n = parse("[1, -2.5e3, \"a\\u00e9\\ud83d\\ude00\", null, {\"k\": false}]").unwrap();
        let Value::Array(items) = n.value else { panic!() };
        assert_eq!(items[1].value, Value::Number("-2.5e3".into()));
        assert_eq!(items[2].value, Value::String("aé😀".into()));
        assert_eq!(items[4].place, Place::new(1, 42));
    }

    #[test]
    fn errors_have_places() {
        assert_eq!(err("{\"a\": 1,}"), (1, 9, JsonProblem::Unexpected { found: '}', expected: KEY }));
        assert_eq!(err("{\n\"a\" 1}"), (2, 5, JsonProblem::Unexpected { found: '1', expected: ("':'", "':'") }));
        assert_eq!(err("[01]").2, JsonProblem::BadNumber);
        assert_eq!(err("\"a\nb\"").2, JsonProblem::ControlInString);
        assert_eq!(err("\"\\ud800\"").2, JsonProblem::LoneSurrogate);
        assert_eq!(err("{} x"), (1, 4, JsonProblem::TrailingText));
        assert_eq!(err("").2, JsonProblem::UnexpectedEnd);
        assert_eq!(err(&"[".repeat(100_000)).2, JsonProblem::TooDeep);
    }
}
