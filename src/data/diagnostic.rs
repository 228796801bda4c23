//! Problems found while reading a data file, with the place they were found.
//! Printed as `FILE:LINE:COLUMN: error|warning: message` by `ncg check`, shown translated in the app.

use std::fmt;

use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The row (or file) is rejected.
    Error,
    /// Accepted, but a person should look (a revision, a sum that does not add up).
    Warning,
}

/// One problem at one place. `line` and `column` are 1-based; 0 means "the whole file" / "the whole line".
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub file: String,
    pub line: u64,
    pub column: u64,
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
    /// A field could not be read as its type.
    Invalid { field: String, value: String, reason: String },
    /// A code refers to something unknown (measure, publication, gemeente, ...).
    Unknown { what: String, value: String },
    /// The same key occurs twice.
    Duplicate { key: String, first_line: u64 },
    /// A data-quality finding (revision, sums, monotonicity); free text in both languages.
    Quality { nl: String, en: String },
    /// A JSON manifest problem.
    Json(String),
}

impl Message {
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
                format!("veld '{field}': '{value}' is ongeldig ({reason})")
            } else {
                format!("field '{field}': '{value}' is invalid ({reason})")
            },
            Message::Unknown { what, value } => if nl {
                format!("onbekende {what} '{value}'")
            } else {
                format!("unknown {what} '{value}'")
            },
            Message::Duplicate { key, first_line } => if nl {
                format!("dubbele sleutel {key} (eerder op regel {first_line})")
            } else {
                format!("duplicate key {key} (first on line {first_line})")
            },
            Message::Quality { nl: n, en } => if nl { n.clone() } else { en.clone() },
            Message::Json(s) => if nl { format!("JSON-fout: {s}") } else { format!("JSON error: {s}") },
        }
    }
}

impl Diagnostic {
    pub fn error(file: &str, line: u64, column: u64, message: Message) -> Diagnostic {
        Diagnostic { file: file.to_string(), line, column, severity: Severity::Error, message }
    }
    pub fn warning(file: &str, line: u64, column: u64, message: Message) -> Diagnostic {
        Diagnostic { file: file.to_string(), line, column, severity: Severity::Warning, message }
    }
    /// `FILE:LINE:COLUMN: error: message` in the given language.
    pub fn render(&self, lang: Lang) -> String {
        let sev = match (self.severity, lang) {
            (Severity::Error, Lang::Nl) => "fout",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Nl) => "waarschuwing",
            (Severity::Warning, Lang::En) => "warning",
        };
        format!("{}:{}:{}: {}: {}", self.file, self.line, self.column, sev, self.message.text(lang))
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
