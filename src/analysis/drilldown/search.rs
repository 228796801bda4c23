//! The search index behind the search box: today's gemeenten, merged gemeenten (which lead to
//! their successor), a few alternative names, and — with address-level data — the dorpen.
//! Matching ignores case, spaces, hyphens and apostrophes (`'t zandt`, `middengroningen`).

use super::paths;
use crate::data::bronbestand::Address;
use crate::data::date::Date;
use crate::data::gemeente::{GemeenteCode, Registry};

/// Other names people type for a gemeente (minvws dashboard PR #4800 had the same need).
pub const ALIASES: [(&str, u16); 2] = [("Hogeland", 1966), ("Stad Groningen", 14)];

/// What an entry is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// A gemeente of today.
    Gemeente,
    /// A former gemeente, merged into `code` of the entry since the given day.
    Merged { since: Option<Date> },
    /// Another name of a gemeente of today.
    Alias,
    /// A dorp (village or wijk) of the gemeente `code`.
    Dorp,
}

/// One thing that can be found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The name as written (`Loppersum`, `'t Zandt`).
    pub name: String,
    /// The gemeente of today the entry leads to.
    pub code: GemeenteCode,
    pub kind: EntryKind,
    /// Where the entry leads (a drill-down path, without query).
    pub path: String,
    folded: String,
}

/// Lower-case ASCII letters and digits only: `'t Zandt` → `tzandt`, `Midden-Groningen` →
/// `middengroningen`. ASCII folding keeps Unicode tables out of the wasm bundle; the place names
/// of the area are ASCII.
pub fn fold(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// The dorpen (gemeente of today, woonplaats) present in address-level data, unique, in order of
/// first appearance. Village names are shared (`Arc`), so comparing the pointer first is cheap.
pub fn dorpen_of(addresses: &[Address]) -> Vec<(GemeenteCode, String)> {
    let mut seen: Vec<(GemeenteCode, &std::sync::Arc<str>)> = Vec::new();
    for a in addresses {
        if !seen.iter().any(|(g, d)| *g == a.gemeente_nu && (std::sync::Arc::ptr_eq(d, &a.woonplaats) || d[..] == a.woonplaats[..])) {
            seen.push((a.gemeente_nu, &a.woonplaats));
        }
    }
    seen.into_iter().map(|(g, d)| (g, d.to_string())).collect()
}

/// Everything searchable.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    pub entries: Vec<Entry>,
}

impl SearchIndex {
    /// Build the index from the registry (current and merged gemeenten), the aliases, and dorpen.
    pub fn build(registry: &Registry, dorpen: &[(GemeenteCode, String)]) -> SearchIndex {
        let mut entries = Vec::new();
        let mut push = |name: &str, code: GemeenteCode, kind: EntryKind, path: String| {
            entries.push(Entry { name: name.to_string(), code, kind, path, folded: fold(name) });
        };
        for g in registry.current() {
            push(&g.name, g.code, EntryKind::Gemeente, paths::gemeente(g.code));
        }
        for g in registry.all().iter().filter(|g| g.successor.is_some()) {
            let to = registry.harmonise(g.code);
            push(&g.name, to, EntryKind::Merged { since: super::resolve::merged_since(registry, g.code) }, paths::gemeente(to));
        }
        for (name, code) in ALIASES {
            let code = GemeenteCode(code);
            if registry.get(code).is_some() {
                push(name, code, EntryKind::Alias, paths::gemeente(code));
            }
        }
        for (code, dorp) in dorpen {
            push(dorp, *code, EntryKind::Dorp, paths::dorp(*code, dorp));
        }
        SearchIndex { entries }
    }

    /// The best `limit` matches: exact name first, then names starting with the query, then
    /// names containing it; gemeenten before former gemeenten before dorpen at equal rank.
    pub fn find(&self, query: &str, limit: usize) -> Vec<&Entry> {
        let q = fold(query);
        if q.is_empty() {
            return Vec::new();
        }
        let rank = |e: &Entry| -> Option<u8> {
            if e.folded == q {
                Some(0)
            } else if e.folded.starts_with(&q) {
                Some(1)
            } else if e.folded.contains(&q) {
                Some(2)
            } else {
                None
            }
        };
        let kind = |e: &Entry| match e.kind {
            EntryKind::Gemeente => 0u8,
            EntryKind::Merged { .. } => 1,
            EntryKind::Dorp => 2,
            EntryKind::Alias => 3,
        };
        // Buckets in order of (rank, kind); within a bucket the index order (registry order,
        // dorpen sorted). No sort: the index is small and every sort adds code to the bundle.
        let ranked: Vec<(u8, &Entry)> = self.entries.iter().filter_map(|e| rank(e).map(|r| (r * 4 + kind(e), e))).collect();
        (0..12u8).flat_map(|b| ranked.iter().filter(move |(x, _)| *x == b).map(|(_, e)| *e)).take(limit).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The real registry (public/data/gemeenten.csv), shared with the other drill-down tests.
    use crate::analysis::drilldown::testkit::registry;

    #[test]
    fn finds_old_names_dorpen_and_aliases() {
        let idx = SearchIndex::build(&registry(), &[(GemeenteCode(1979), "Loppersum".into()), (GemeenteCode(1979), "'t Zandt".into())]);
        let hits = idx.find("loppersum", 5);
        // The former gemeente first (it leads to Eemsdelta), then the village.
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].kind, EntryKind::Merged { since: Date::parse("2021-01-01").ok() });
        assert_eq!(hits[0].path, "/gemeente/GM1979");
        assert_eq!(hits[1].path, "/gemeente/GM1979/dorp/Loppersum");
        assert_eq!(idx.find("t zandt", 5)[0].name, "'t Zandt");
        assert_eq!(idx.find("middengron", 5)[0].code, GemeenteCode(1952));
        let g = idx.find("groningen", 5);
        assert_eq!(g[0].name, "Groningen", "exact match first");
        assert_eq!(g[1].name, "Midden-Groningen");
        assert_eq!(idx.find("hogeland", 5).iter().map(|e| e.code).collect::<Vec<_>>(), vec![GemeenteCode(1966); 2]);
        assert!(idx.find("  ", 5).is_empty());
        assert!(idx.find("xyz", 5).is_empty());
    }
}
