//! One published (or derived) number: publication × measure × period × breakdown → value.

use std::sync::Arc;

use super::breakdown::Breakdown;
use super::period::Period;

/// Where a value comes from and how much to trust it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flag {
    /// Printed in the source exactly like this.
    Published,
    /// Printed in the source as an approximation ("ruim 26.000", "zo'n 6.600").
    Approximate,
    /// Computed by us from published values; the note says how.
    Derived,
    /// An estimate by us; the note says how.
    Estimated,
    /// Not shown: too few addresses (< 5) or not legible in the source. Value is empty.
    Suppressed,
    /// Synthetic demonstration data, never a real figure.
    Synthetic,
}

impl Flag {
    /// Parse the `flag` column.
    pub fn parse(s: &str) -> Option<Flag> {
        Some(match s {
            "published" => Flag::Published,
            "approximate" => Flag::Approximate,
            "derived" => Flag::Derived,
            "estimated" => Flag::Estimated,
            "suppressed" => Flag::Suppressed,
            "synthetic" => Flag::Synthetic,
            _ => return None,
        })
    }
    /// The `flag` as written in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Published => "published",
            Flag::Approximate => "approximate",
            Flag::Derived => "derived",
            Flag::Estimated => "estimated",
            Flag::Suppressed => "suppressed",
            Flag::Synthetic => "synthetic",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    /// Index into `Archive::publications`.
    pub publication: u32,
    /// Index into `Archive::measures`.
    pub measure: u32,
    pub period: Period,
    pub breakdown: Breakdown,
    /// `None` only for suppressed values.
    pub value: Option<f64>,
    pub flag: Flag,
    /// Place in the source: table, page, line. Shared (`Arc<str>`): every observation derived
    /// from one bronbestand has the same source and note, and there are ~100,000 of them.
    pub source: Arc<str>,
    pub note: Arc<str>,
    /// Line in the observation file, for messages.
    pub line: u64,
}

/// The header of every publication file, in this order.
pub const OBSERVATION_HEADER: [&str; 11] =
    ["measure", "period", "gemeente", "batch", "risicoprofiel", "eigenaar", "categorie", "value", "flag", "source", "note"];
