//! Problems found while reading a data file, with the place they were found.
//! Printed as `FILE:LINE:COLUMN: error|warning: message` by `ncg check`, shown translated in the app.

use std::fmt;

use super::date::Date;
use crate::i18n::Lang;

/// A fixed text in Dutch and English, in that order: how a reason or a name travels in a
/// [`Message`] (a pair of static strings, no allocation, no new type).
pub type Both = (&'static str, &'static str);

/// The Dutch or the English half of a [`Both`].
pub fn pick(both: Both, lang: Lang) -> &'static str {
    if lang == Lang::Nl { both.0 } else { both.1 }
}

/// What `Message::Duplicate` names (a key of every kind, in both languages).
pub const DUPLICATE_KEY: Both = ("dubbele sleutel", "duplicate key");
/// A JSON type a field should have, in both languages (`Message::WrongType`).
pub const JSON_OBJECT: Both = ("een object", "an object");
pub const JSON_STRING: Both = ("een tekst", "a string");
pub const JSON_NUMBER: Both = ("een getal", "a number");
pub const JSON_ARRAY: Both = ("een lijst", "an array");

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The row (or file) is rejected.
    Error,
    /// Accepted, but a person should look (a revision, a sum that does not add up).
    Warning,
}

/// A place in a text file: 1-based line and 1-based character column (not byte).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub line: u64,
    pub column: u64,
}

impl Place {
    /// A place at 1-based `line` and `column`.
    pub const fn new(line: u64, column: u64) -> Place {
        Place { line, column }
    }
}

/// One problem at one place. `line` and `column` are 1-based; 0 means "the whole file" / "the whole line".
/// `column` counts characters in the line (the `FILE:LINE:COLUMN` of compilers and editors); when
/// the place is a field of a CSV row, `field` is that field's 1-based number and its column name
/// (empty when the header has no name for it), which is what a person looks for in a spreadsheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub field: Option<(u32, &'static str)>,
    pub severity: Severity,
    pub message: Message,
}

/// What went wrong, as data, so the app can show it in Dutch or English.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    /// The file is empty.
    EmptyFile,
    /// The bytes are not UTF-8.
    NotUtf8,
    /// File is larger than the limit (bytes, limit).
    TooLarge { bytes: u64, limit: u64 },
    /// Header differs from the expected one.
    WrongHeader { expected: String, found: String },
    /// A row has a different number of fields than the header.
    Ragged { expected: usize, found: usize },
    /// Low-level CSV syntax problem.
    CsvSyntax(String),
    /// A required field is empty.
    Missing { field: String },
    /// A field could not be read as its type; the reason in Dutch and English.
    Invalid { field: String, value: String, reason: Both },
    /// A date outside the plausible range (`earliest` to `latest`).
    Implausible { field: String, value: String, earliest: Date, latest: Date },
    /// A code refers to something unknown (measure, publication, gemeente, ...): `what` is the
    /// whole phrase in both languages, e.g. ("onbekende maat", "unknown measure").
    Unknown { what: Both, value: String },
    /// The same key occurs twice: `what` names it in both languages, e.g. ("dubbele sleutel",
    /// "duplicate key"), and `key` is the key as written (codes, dates; no words of one language).
    Duplicate { what: Both, key: String, first_line: u64 },
    /// A data-quality finding (revision, sums, monotonicity); free text in both languages.
    Quality { nl: String, en: String },
    /// A JSON manifest problem.
    Json(String),
    /// A carriage return that is not followed by a line feed (old Mac line endings).
    BareCarriageReturn,
    /// A control character (NUL, ...) in the text: usually a binary file or a bad export.
    ControlCharacter { code: u32 },
    /// A quoted field whose closing quote never comes; reported where the quote opens.
    UnterminatedQuote,
    /// A `"` inside a field that does not start with one.
    QuoteInUnquotedField,
    /// Characters between a closing quote and the next separator.
    TextAfterQuote,
    /// A field longer than the limit (in bytes).
    FieldTooLong { bytes: u64, limit: u64 },
    /// The kind of file could not be recognised from its name or header (`ncg check`, which
    /// reads every kind of the archive's files).
    UnknownFileKind { header: String },
    /// In the browser: a file that is neither a publication file nor a bronbestand.
    NotLoadableHere { header: String },
    /// In the browser: one of the archive's own files (`maten.csv`, ...), which the site has already.
    ArchiveOwnFile { name: &'static str },
    /// In the browser: the events form of a bronbestand (`id,milestone,date,recorded_on,action`),
    /// which only the native tools read.
    EventsFormNotLoadable,
    /// The first line separates its columns with semicolons (Excel's CSV in Dutch), not commas.
    SemicolonSeparated,
    /// The file could not be opened or read.
    CannotRead { reason: String },
    /// A single-file check needs another file (maten.csv, gemeenten.csv) that was not found.
    NoContext { needs: String },
    /// A JSON syntax problem.
    JsonSyntax(super::json::JsonProblem),
    /// A JSON object has a key that is not part of the format.
    UnknownField { field: String, known: String },
    /// A JSON value has the wrong type.
    /// `expected` in both languages, e.g. ("een tekst", "a string").
    WrongType { field: String, expected: Both },
    /// A required JSON field is absent.
    MissingField { field: String },
    /// An observation whose period lies outside the era in which its measure's definition holds.
    OutsideDefinition { measure: String, period: String, era: String },
    /// A gemeente used in a period in which it did not exist.
    GemeenteNotInPeriod { code: String, name: String, period: String },
    /// A period form the measure's kind does not allow (a stock over an interval, a flow on a date).
    PeriodKind { measure: String, kind: String, needs: &'static str },
}

impl Message {
    /// The message in Dutch or English.
    pub fn text(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            Message::EmptyFile => if nl { "het bestand is leeg".into() } else { "the file is empty".into() },
            Message::NotUtf8 => if nl {
                "het bestand is geen geldige UTF-8-tekst (sla het op als UTF-8)".into()
            } else {
                "the file is not valid UTF-8 text (save it as UTF-8)".into()
            },
            Message::TooLarge { bytes, limit } => if nl {
                format!("het bestand is te groot ({} MB; maximum {} MB)", bytes / 1_000_000, limit / 1_000_000)
            } else {
                format!("the file is too large ({} MB; limit {} MB)", bytes / 1_000_000, limit / 1_000_000)
            },
            Message::WrongHeader { expected, found } => if nl {
                format!("onverwachte kopregel '{found}'; verwacht '{expected}'")
            } else {
                format!("unexpected header '{found}'; expected '{expected}'")
            },
            Message::Ragged { expected, found } => if nl {
                format!("regel heeft {found} velden, de kopregel {expected}")
            } else {
                format!("row has {found} fields, the header has {expected}")
            },
            Message::CsvSyntax(s) => if nl { format!("CSV-fout: {s}") } else { format!("CSV error: {s}") },
            Message::Missing { field } => if nl { format!("veld '{field}' is leeg") } else { format!("field '{field}' is empty") },
            Message::Invalid { field, value, reason } => if nl {
                format!("veld '{field}': '{value}' is ongeldig ({})", reason.0)
            } else {
                format!("field '{field}': '{value}' is invalid ({})", reason.1)
            },
            Message::Implausible { field, value, earliest, latest } => if nl {
                format!("veld '{field}': '{value}' is ongeldig (geen plausibele datum: verwacht {earliest} tot en met {latest})")
            } else {
                format!("field '{field}': '{value}' is invalid (not a plausible date: expected {earliest} to {latest})")
            },
            Message::Unknown { what, value } => format!("{} '{value}'", pick(*what, lang)),
            Message::Duplicate { what, key, first_line } => if nl {
                format!("{} {key} (eerder op regel {first_line})", what.0)
            } else {
                format!("{} {key} (first on line {first_line})", what.1)
            },
            Message::Quality { nl: n, en } => if nl { n.clone() } else { en.clone() },
            Message::Json(s) => if nl { format!("JSON-fout: {s}") } else { format!("JSON error: {s}") },
            Message::BareCarriageReturn => if nl {
                "regeleinde met alleen CR (oude Mac-stijl); gebruik LF of CRLF".into()
            } else {
                "line ending with a lone CR (old Mac style); use LF or CRLF".into()
            },
            Message::ControlCharacter { code } => if nl {
                format!("stuurteken U+{code:04X} in de tekst (binair bestand of kapotte export?)")
            } else {
                format!("control character U+{code:04X} in the text (a binary file or a broken export?)")
            },
            Message::UnterminatedQuote => if nl {
                "aanhalingsteken wordt hier geopend maar nergens gesloten".into()
            } else {
                "quote opened here is never closed".into()
            },
            Message::QuoteInUnquotedField => if nl {
                "aanhalingsteken midden in een veld; zet het hele veld tussen aanhalingstekens en verdubbel het (\"\")".into()
            } else {
                "quote inside an unquoted field; quote the whole field and double the quote (\"\")".into()
            },
            Message::TextAfterQuote => if nl {
                "tekens na het sluitende aanhalingsteken; verwacht een scheidingsteken of regeleinde".into()
            } else {
                "characters after the closing quote; expected a separator or the end of the line".into()
            },
            Message::FieldTooLong { bytes, limit } => if nl {
                format!("veld is te lang ({bytes} bytes; maximum {limit})")
            } else {
                format!("field is too long ({bytes} bytes; limit {limit})")
            },
            Message::UnknownFileKind { header } => if nl {
                format!("onbekend soort bestand met kopregel '{header}' (verwacht manifest.json, maten.csv, gemeenten.csv, gebeurtenissen.csv, een publicatie of een bronbestand)")
            } else {
                format!("unknown kind of file with header '{header}' (expected manifest.json, maten.csv, gemeenten.csv, gebeurtenissen.csv, a publication or a bronbestand)")
            },
            Message::NotLoadableHere { header } => if nl {
                format!("onbekend soort bestand met kopregel '{header}'; hier kunt u alleen een bronbestand (één regel per adres) of een publicatiebestand in de indeling van het archief laden")
            } else {
                format!("unknown kind of file with header '{header}'; here you can only load a bronbestand (one line per address) or a publication file in the archive's format")
            },
            Message::ArchiveOwnFile { name } => if nl {
                format!("dit is {name}, een van de eigen bestanden van het archief; de website heeft dat bestand al. Hier kunt u alleen een bronbestand (één regel per adres) of een publicatiebestand in de indeling van het archief laden")
            } else {
                format!("this is {name}, one of the archive's own files; the site already has it. Here you can only load a bronbestand (one line per address) or a publication file in the archive's format")
            },
            Message::EventsFormNotLoadable => if nl {
                "dit is de gebeurtenissenvorm van een bronbestand (id,milestone,date,recorded_on,action); de website leest alleen de brede vorm met één regel per adres".into()
            } else {
                "this is the events form of a bronbestand (id,milestone,date,recorded_on,action); the site reads only the wide form, one line per address".into()
            },
            Message::SemicolonSeparated => if nl {
                "kolommen gescheiden door puntkomma's, zoals Excel in het Nederlands CSV opslaat; sla het op als ‘CSV UTF-8 (door komma's gescheiden)’".into()
            } else {
                "columns separated by semicolons, as Excel saves CSV in Dutch; save it as ‘CSV UTF-8 (Comma delimited)’".into()
            },
            Message::CannotRead { reason } => if nl {
                format!("kan het bestand niet lezen: {reason}")
            } else {
                format!("cannot read the file: {reason}")
            },
            Message::NoContext { needs } => if nl {
                format!("kan de verwijzingen niet controleren: geen {needs} gevonden naast het bestand of in de map erboven")
            } else {
                format!("cannot check cross-references: no {needs} found next to the file or in its parent directory")
            },
            Message::JsonSyntax(p) => if nl { format!("JSON-fout: {}", p.text(lang)) } else { format!("JSON error: {}", p.text(lang)) },
            Message::UnknownField { field, known } => if nl {
                format!("onbekend veld '{field}' (bekend: {known})")
            } else {
                format!("unknown field '{field}' (known: {known})")
            },
            Message::WrongType { field, expected } => if nl {
                format!("veld '{field}' heeft het verkeerde type; verwacht {}", expected.0)
            } else {
                format!("field '{field}' has the wrong type; expected {}", expected.1)
            },
            Message::MissingField { field } => if nl { format!("veld '{field}' ontbreekt") } else { format!("field '{field}' is missing") },
            Message::OutsideDefinition { measure, period, era } => if nl {
                format!("maat {measure} in periode {period}, maar de definitie geldt alleen {era}")
            } else {
                format!("measure {measure} in period {period}, but its definition holds only {era}")
            },
            Message::GemeenteNotInPeriod { code, name, period } => if nl {
                format!("gemeente {code} ({name}) bestond niet in {period}")
            } else {
                format!("gemeente {code} ({name}) did not exist in {period}")
            },
            Message::PeriodKind { measure, kind, needs } => {
                let needs_nl = if *needs == "a date" { "een datum" } else { "een periode" };
                if nl {
                    format!("{measure} is een maat van soort {kind} en heeft {needs_nl} nodig")
                } else {
                    format!("{measure} is a {kind} measure and needs {needs}")
                }
            }
        }
    }
}

impl Diagnostic {
    /// An error (the row or file is rejected) at `line`:`column` of `file`.
    pub fn error(file: &str, line: u64, column: u64, message: Message) -> Diagnostic {
        Diagnostic { file: file.to_string(), line, column, field: None, severity: Severity::Error, message }
    }
    /// A warning (accepted, but worth a look) at `line`:`column` of `file`.
    pub fn warning(file: &str, line: u64, column: u64, message: Message) -> Diagnostic {
        Diagnostic { file: file.to_string(), line, column, field: None, severity: Severity::Warning, message }
    }
    /// An error at a [`Place`].
    pub fn error_at(file: &str, place: Place, message: Message) -> Diagnostic {
        Diagnostic::error(file, place.line, place.column, message)
    }
    /// A warning at a [`Place`].
    pub fn warning_at(file: &str, place: Place, message: Message) -> Diagnostic {
        Diagnostic::warning(file, place.line, place.column, message)
    }
    /// The same diagnostic, placed in field `field` (number and column name) of its row.
    pub fn in_field(mut self, field: Option<(u32, &'static str)>) -> Diagnostic {
        self.field = field;
        self
    }
    /// The column of the place, for a person: "4 (pc4)", the field's number and column name, when
    /// the place is a field of a row ("4" when the header has no name for it); "teken 51" (the
    /// character in the line) when it is not; empty for a whole line or file.
    pub fn column_text(&self, lang: Lang) -> String {
        match (self.field, self.column) {
            (Some((n, "")), _) => n.to_string(),
            (Some((n, name)), _) => format!("{n} ({name})"),
            (None, 0) => String::new(),
            (None, c) => format!("{} {c}", if lang == Lang::Nl { "teken" } else { "character" }),
        }
    }
    /// Where, in words, for a person: "regel 3, kolom 4 (pc4)" when the place is a field of a
    /// row, "regel 1, teken 3" (the character in the line) otherwise, "regel 3" for a whole line,
    /// empty for the whole file.
    pub fn place_text(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let line = if nl { "regel" } else { "line" };
        let column = self.column_text(lang);
        match (self.line, self.field.is_some(), column.is_empty()) {
            (0, _, _) => String::new(),
            (l, _, true) => format!("{line} {l}"),
            (l, true, false) => format!("{line} {l}, {} {column}", if nl { "kolom" } else { "column" }),
            (l, false, false) => format!("{line} {l}, {column}"),
        }
    }
    /// `FILE, regel 3, kolom 4 (pc4): fout: message` in the given language: [`Diagnostic::render`]
    /// with the place in words ([`Diagnostic::place_text`]), for the app's own-file report.
    pub fn describe(&self, lang: Lang) -> String {
        let place = self.place_text(lang);
        let file = if place.is_empty() { self.file.clone() } else { format!("{}, {place}", self.file) };
        format!("{file}: {}: {}", self.severity_text(lang), self.message.text(lang))
    }
    fn severity_text(&self, lang: Lang) -> &'static str {
        match (self.severity, lang) {
            (Severity::Error, Lang::Nl) => "fout",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Nl) => "waarschuwing",
            (Severity::Warning, Lang::En) => "warning",
        }
    }
    /// `FILE:LINE:COLUMN: error: message` in the given language.
    pub fn render(&self, lang: Lang) -> String {
        format!("{}:{}:{}: {}: {}", self.file, self.line, self.column, self.severity_text(lang), self.message.text(lang))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Rows read = rows accepted + rows rejected, always reported together.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RowCount {
    pub read: u64,
    pub accepted: u64,
    pub rejected: u64,
}

impl RowCount {
    /// Add another file's counts.
    pub fn add(&mut self, other: RowCount) {
        self.read += other.read;
        self.accepted += other.accepted;
        self.rejected += other.rejected;
    }
    /// The invariant every reader must keep.
    pub fn balanced(&self) -> bool {
        self.read == self.accepted + self.rejected
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The place in words: the field when the place is one ("kolom 4 (pc4)"), else the character
    /// in the line, said as such ("teken 3"), never a character counted as a column.
    #[test]
    fn places_in_words() {
        let d = Diagnostic::error("a.csv", 3, 51, Message::Missing { field: "pc4".into() }).in_field(Some((4, "pc4")));
        assert_eq!(d.describe(Lang::Nl), "a.csv, regel 3, kolom 4 (pc4): fout: veld 'pc4' is leeg");
        assert_eq!(d.describe(Lang::En), "a.csv, line 3, column 4 (pc4): error: field 'pc4' is empty");
        assert_eq!(d.column_text(Lang::Nl), "4 (pc4)");
        // The native tool's line keeps the character column.
        assert_eq!(d.render(Lang::En), "a.csv:3:51: error: field 'pc4' is empty");
        let semi = Diagnostic::error("excel.csv", 1, 3, Message::SemicolonSeparated);
        assert_eq!(semi.place_text(Lang::Nl), "regel 1, teken 3");
        assert_eq!(semi.column_text(Lang::En), "character 3");
        assert_eq!(Diagnostic::error("a.csv", 5, 0, Message::EmptyFile).place_text(Lang::Nl), "regel 5");
        assert_eq!(Diagnostic::warning("a.csv", 0, 0, Message::EmptyFile).describe(Lang::Nl), "a.csv: waarschuwing: het bestand is leeg");
        let extra = Diagnostic::error("a.csv", 8, 60, Message::Ragged { expected: 22, found: 23 }).in_field(Some((23, "")));
        assert_eq!(extra.place_text(Lang::Nl), "regel 8, kolom 23");
    }

    /// Regression: "onbekende measure 'onbekend'" on a Dutch page.
    #[test]
    fn unknown_things_are_named_in_the_pages_language() {
        let m = Message::Unknown { what: crate::data::fields::UNKNOWN_MEASURE, value: "onbekend".into() };
        assert_eq!(m.text(Lang::Nl), "onbekende maat 'onbekend'");
        assert_eq!(m.text(Lang::En), "unknown measure 'onbekend'");
    }
}
