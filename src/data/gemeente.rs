//! The gemeente registry: CBS codes, names, validity and successors, so a series per gemeente runs
//! through the mergers (Appingedam, Delfzijl, Loppersum → Eemsdelta on 2021-01-01; Ten Boer and
//! Haren → Groningen on 2019-01-01).

use std::fmt;

use super::date::Date;

/// A CBS gemeente code, `GM0003` ↔ `GemeenteCode(3)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GemeenteCode(pub u16);

impl GemeenteCode {
    /// Parse `GM` followed by exactly four digits.
    ///
    /// ```
    /// use versterkingsmonitor::data::gemeente::GemeenteCode;
    /// assert_eq!(GemeenteCode::parse("GM1979"), Some(GemeenteCode(1979)));
    /// assert_eq!(GemeenteCode::parse("1979"), None);
    /// ```
    pub fn parse(s: &str) -> Option<GemeenteCode> {
        let digits = s.strip_prefix("GM")?;
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().map(GemeenteCode)
    }
}

impl fmt::Display for GemeenteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GM{:04}", self.0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Gemeente {
    pub code: GemeenteCode,
    pub name: String,
    /// First day the gemeente existed (inclusive), if it matters.
    pub valid_from: Option<Date>,
    /// Last day it existed (inclusive), for merged gemeenten.
    pub valid_to: Option<Date>,
    /// The gemeente it merged into.
    pub successor: Option<GemeenteCode>,
    /// Whether it is one of the gemeenten of the reinforcement operation.
    pub in_operation: bool,
}

impl Gemeente {
    /// Did the gemeente exist on this date?
    pub fn exists_on(&self, d: Date) -> bool {
        self.valid_from.is_none_or(|f| f <= d) && self.valid_to.is_none_or(|t| d <= t)
    }
}

/// All gemeenten ever used in the data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Registry {
    gemeenten: Vec<Gemeente>,
}

impl Registry {
    /// A registry of these gemeenten (sorted by code for lookups).
    pub fn new(mut gemeenten: Vec<Gemeente>) -> Registry {
        crate::data::sort::sort_by_key(&mut gemeenten[..], |g| g.code);
        Registry { gemeenten }
    }
    /// Every gemeente, sorted by code.
    pub fn all(&self) -> &[Gemeente] {
        &self.gemeenten
    }
    /// The gemeente with this code.
    pub fn get(&self, code: GemeenteCode) -> Option<&Gemeente> {
        self.gemeenten.binary_search_by_key(&code, |g| g.code).ok().and_then(|i| self.gemeenten.get(i))
    }
    /// Gemeenten that exist today (no end date) and are part of the operation.
    pub fn current(&self) -> impl Iterator<Item = &Gemeente> {
        self.gemeenten.iter().filter(|g| g.valid_to.is_none() && g.in_operation)
    }
    /// Today's gemeente for a code: follows successors until a gemeente without an end date.
    /// Unknown codes map to themselves. Loops in bad data stop after a few steps.
    pub fn harmonise(&self, code: GemeenteCode) -> GemeenteCode {
        let mut c = code;
        for _ in 0..8 {
            match self.get(c).and_then(|g| g.successor) {
                Some(next) => c = next,
                None => break,
            }
        }
        c
    }
    /// The gemeenten that were merged (directly or indirectly) into `code`, itself included.
    pub fn predecessors_of(&self, code: GemeenteCode) -> Vec<GemeenteCode> {
        self.gemeenten.iter().map(|g| g.code).filter(|&c| self.harmonise(c) == code).collect()
    }
    /// Find gemeenten by (part of) their name, old names included, case-insensitively.
    pub fn search(&self, query: &str) -> Vec<&Gemeente> {
        // ASCII case folding is enough for Dutch place names and keeps Unicode case tables out of
        // the wasm bundle.
        let q = query.trim().to_ascii_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        self.gemeenten.iter().filter(|g| g.name.to_ascii_lowercase().contains(&q) || g.code.to_string().to_ascii_lowercase() == q).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reg() -> Registry {
        let d = |s| Date::parse(s).ok();
        let g = |c, n: &str, to: Option<Date>, s: Option<u16>| Gemeente {
            code: GemeenteCode(c),
            name: n.into(),
            valid_from: None,
            valid_to: to,
            successor: s.map(GemeenteCode),
            in_operation: true,
        };
        Registry::new(vec![
            g(1979, "Eemsdelta", None, None),
            g(3, "Appingedam", d("2020-12-31"), Some(1979)),
            g(10, "Delfzijl", d("2020-12-31"), Some(1979)),
            g(24, "Loppersum", d("2020-12-31"), Some(1979)),
            g(14, "Groningen", None, None),
            g(9, "Ten Boer", d("2018-12-31"), Some(14)),
        ])
    }

    #[test]
    fn merged_gemeenten_harmonise_to_their_successor() {
        let r = reg();
        assert_eq!(r.harmonise(GemeenteCode(24)), GemeenteCode(1979));
        assert_eq!(r.harmonise(GemeenteCode(1979)), GemeenteCode(1979));
        assert_eq!(r.harmonise(GemeenteCode(9)), GemeenteCode(14));
        assert_eq!(r.harmonise(GemeenteCode(4242)), GemeenteCode(4242));
        let mut p = r.predecessors_of(GemeenteCode(1979));
        crate::data::sort::sort(&mut p[..]);
        assert_eq!(p, vec![GemeenteCode(3), GemeenteCode(10), GemeenteCode(24), GemeenteCode(1979)]);
    }

    #[test]
    fn search_finds_old_names() {
        let r = reg();
        let hits = r.search("loppers");
        assert_eq!(hits.len(), 1);
        assert_eq!(r.harmonise(hits[0].code).to_string(), "GM1979");
    }
}
