//! The sort order of the gemeenten table, kept in the URL (`?sorteer=-werkvoorraad`: a leading
//! minus sorts descending).

/// What the gemeenten table is sorted by; also the order of its columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Naam,
    Datum,
    Werkvoorraad,
    /// Voldoet aan de norm (op norm, versterkt and other reasons together, as published).
    Voldoet,
    OpNorm,
    Versterkt,
    /// Fase 1..6.
    Fase(u8),
    Tempo,
    Prognose,
}

/// The columns of the gemeenten table, left to right.
pub const COLUMNS: [SortKey; 14] = [
    SortKey::Naam,
    SortKey::Datum,
    SortKey::Werkvoorraad,
    SortKey::Voldoet,
    SortKey::OpNorm,
    SortKey::Versterkt,
    SortKey::Fase(1),
    SortKey::Fase(2),
    SortKey::Fase(3),
    SortKey::Fase(4),
    SortKey::Fase(5),
    SortKey::Fase(6),
    SortKey::Tempo,
    SortKey::Prognose,
];

/// The query parameter.
pub const Q_SORT: &str = "sorteer";

impl SortKey {
    /// The code in the URL.
    pub fn code(self) -> String {
        match self {
            SortKey::Naam => "naam".into(),
            SortKey::Datum => "datum".into(),
            SortKey::Werkvoorraad => "werkvoorraad".into(),
            SortKey::Voldoet => "voldoet".into(),
            SortKey::OpNorm => "op-norm".into(),
            SortKey::Versterkt => "versterkt".into(),
            SortKey::Fase(k) => format!("fase{k}"),
            SortKey::Tempo => "tempo".into(),
            SortKey::Prognose => "prognose".into(),
        }
    }
}

/// A sort order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Sort {
        Sort { key: SortKey::Naam, descending: false }
    }
}

impl Sort {
    /// Read `sorteer`; anything unknown is the default (by name).
    pub fn parse(s: &str) -> Sort {
        let (descending, code) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        COLUMNS.iter().find(|k| k.code() == code).map(|&key| Sort { key, descending }).unwrap_or_default()
    }
    /// The value for `sorteer` (empty for the default).
    pub fn code(self) -> String {
        if self == Sort::default() {
            return String::new();
        }
        format!("{}{}", if self.descending { "-" } else { "" }, self.key.code())
    }
    /// The order after clicking the header of `key`: the same column flips; a new column sorts
    /// names ascending and numbers descending (largest first) first.
    pub fn clicked(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort { key, descending: !self.descending }
        } else {
            Sort { key, descending: !matches!(key, SortKey::Naam) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_url() {
        for k in COLUMNS {
            for desc in [false, true] {
                let s = Sort { key: k, descending: desc };
                let back = Sort::parse(&s.code());
                assert_eq!(back, if s.code().is_empty() { Sort::default() } else { s });
            }
        }
        assert_eq!(Sort::parse("-fase3"), Sort { key: SortKey::Fase(3), descending: true });
        assert_eq!(Sort::parse("<script>"), Sort::default());
        assert_eq!(Sort::default().clicked(SortKey::Werkvoorraad), Sort { key: SortKey::Werkvoorraad, descending: true });
        assert_eq!(Sort::default().clicked(SortKey::Naam), Sort { key: SortKey::Naam, descending: true });
    }
}
