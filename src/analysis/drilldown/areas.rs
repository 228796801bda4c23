//! Counting the addresses of areas below gemeente level (dorpen, clusters, straten, and groups
//! inside a gemeente) on one day, and protecting the resulting tables.
//!
//! One partition is used at every level: the six NCG fasen of 2021 (the highest reached, as in
//! [`crate::analysis::derive`]). Streets get a coarser summary of the same fasen (three groups).
//! Using one partition keeps the tables of an area consistent: two different splits of the same
//! total (say fasen and "voldoet aan de norm", which nearly coincides with fase 6) could otherwise
//! be played off against each other to recover a hidden cell. So "voldoet" is not shown below
//! gemeente level.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::suppression::{known_at_least, known_exactly, protect, Layout};
use crate::analysis::derive::{Count, Facts, Wait, SUPPRESS_BELOW};
use crate::data::bronbestand::Address;

/// Columns of a fase table: total, fase 1..6.
pub const FASE_COLUMNS: usize = 7;
/// Columns of a status summary: total, fase 1–3 (opname en beoordeling), fase 4–5 (advies,
/// plan en bouw), fase 6 (afgerond).
pub const GROUP_COLUMNS: usize = 4;
/// Which fasen (1-based) make up each status group.
pub const GROUPS: [std::ops::RangeInclusive<usize>; 3] = [1..=3, 4..=5, 6..=6];

/// Raw counts of some addresses on a day. Never shown as such below gemeente level: they go
/// through [`protect`] first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// Addresses in the werkvoorraad on the day.
    pub total: u64,
    /// Fase 1..6 (index 0 is fase 1).
    pub fases: [u64; 6],
    /// Addresses that meet the norm on the day.
    pub voldoet: u64,
    /// Days in the current fase of the open addresses with a known start of that fase.
    pub waits: Vec<i64>,
}

impl Tally {
    /// Count one address (with its facts) on day number `day`. Returns whether it was in the
    /// werkvoorraad.
    pub fn add(&mut self, f: &Facts, day: i64) -> bool {
        let Some(fase) = f.fase_on(day) else { return false };
        self.total += 1;
        if let Some(c) = self.fases.get_mut(usize::from(fase) - 1) {
            *c += 1;
        }
        if f.norm.is_some_and(|(_, d)| d <= day) {
            self.voldoet += 1;
        }
        if fase < 6
            && let Some(since) = f.fase_from.get(usize::from(fase)).copied().flatten().filter(|&s| s != i64::MIN)
        {
            self.waits.push(day - since);
        }
        true
    }

    /// Count many addresses.
    pub fn of<'a>(addresses: impl IntoIterator<Item = &'a Address>, day: i64) -> Tally {
        let mut t = Tally::default();
        for a in addresses {
            t.add(&Facts::of(a), day);
        }
        t
    }

    /// `[total, fase 1..6]`.
    pub fn fase_cells(&self) -> Vec<u64> {
        let mut v = Vec::with_capacity(FASE_COLUMNS);
        v.push(self.total);
        v.extend(self.fases);
        v
    }

    /// `[total, fase 1–3, fase 4–5, fase 6]`.
    pub fn group_cells(&self) -> Vec<u64> {
        let mut v = vec![self.total];
        v.extend(GROUPS.iter().map(|g| g.clone().filter_map(|k| self.fases.get(k - 1)).sum::<u64>()));
        v
    }

    /// Median and mean days in the current fase, shown from 5 open addresses.
    pub fn wait(&self) -> Wait {
        if (self.waits.len() as u64) < SUPPRESS_BELOW {
            return Wait::Suppressed;
        }
        let mut w = self.waits.clone();
        crate::data::sort::sort(&mut w[..]);
        let n = w.len();
        Wait::Days { n: n as u64, median: w.get(n / 2).copied().unwrap_or(0), mean: w.iter().sum::<i64>() as f64 / n as f64 }
    }
}

/// Layout of a fase table: fase 1..6 add up to the total.
pub fn fase_layout() -> Layout {
    Layout { total: Some(0), parts: (1..=6).collect() }
}

/// Layout of a status summary: the three groups add up to the total.
pub fn group_layout() -> Layout {
    Layout { total: Some(0), parts: vec![1, 2, 3] }
}

/// Which figures of a status summary a reader can work out from a parent's shown fase cells: a
/// group is known when all its fasen are shown, or when the total is shown and every hidden fase
/// lies inside that group.
pub fn group_margins_known(parent: &[Count]) -> Vec<bool> {
    let shown = |i: usize| parent.get(i).is_some_and(|c| *c != Count::Suppressed);
    let hidden_fases: Vec<usize> = (1..=6).filter(|&k| !shown(k)).collect();
    let mut v = vec![shown(0)];
    for g in GROUPS {
        let all = g.clone().all(shown);
        let inside = shown(0) && hidden_fases.iter().all(|k| g.contains(k));
        v.push(all || inside);
    }
    v
}

/// Addresses grouped by area on one day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grouped {
    /// Per area (sorted naturally: LOP-2 before LOP-10).
    pub areas: Vec<(String, Tally)>,
    /// Addresses without a value for the area (no cluster or street in the file).
    pub without: Tally,
}

/// Group the addresses in the werkvoorraad on day `day` by `key` (e.g. the cluster).
pub fn group_by<'a>(addresses: impl IntoIterator<Item = &'a Address>, day: i64, key: impl Fn(&Address) -> Option<&str>) -> Grouped {
    let mut map: BTreeMap<String, Tally> = BTreeMap::new();
    let mut without = Tally::default();
    for a in addresses {
        let f = Facts::of(a);
        match key(a) {
            Some(k) => {
                if !map.contains_key(k) {
                    let mut t = Tally::default();
                    if t.add(&f, day) {
                        map.insert(k.to_string(), t);
                    }
                } else if let Some(t) = map.get_mut(k) {
                    t.add(&f, day);
                }
            }
            None => {
                without.add(&f, day);
            }
        }
    }
    let mut areas: Vec<(String, Tally)> = map.into_iter().collect();
    crate::data::sort::sort_by(&mut areas[..], |a, b| natural_cmp(&a.0, &b.0));
    Grouped { areas, without }
}

/// Compare names with embedded numbers by value: `LOP-2` < `LOP-10`, `S9919-3` < `S9919-12`.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (None, None) => return Ordering::Equal,
            (None, _) => return Ordering::Less,
            (_, None) => return Ordering::Greater,
            (Some(p), Some(q)) if p.is_ascii_digit() && q.is_ascii_digit() => {
                let nx = x.iter().take_while(|c| c.is_ascii_digit()).count();
                let ny = y.iter().take_while(|c| c.is_ascii_digit()).count();
                let (dx, rx) = x.split_at(nx);
                let (dy, ry) = y.split_at(ny);
                let tx: &[u8] = { let z = dx.iter().take_while(|c| **c == b'0').count(); dx.get(z..).unwrap_or(&[]) };
                let ty: &[u8] = { let z = dy.iter().take_while(|c| **c == b'0').count(); dy.get(z..).unwrap_or(&[]) };
                let o = tx.len().cmp(&ty.len()).then_with(|| tx.cmp(ty));
                if o != Ordering::Equal {
                    return o;
                }
                x = rx;
                y = ry;
            }
            (Some(p), Some(q)) => {
                let o = p.to_ascii_lowercase().cmp(&q.to_ascii_lowercase());
                if o != Ordering::Equal {
                    return o;
                }
                x = x.get(1..).unwrap_or(&[]);
                y = y.get(1..).unwrap_or(&[]);
            }
        }
    }
}

/// One shown row of a protected area table.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRow {
    /// The area (`None`: the addresses without an area of this kind).
    pub key: Option<String>,
    /// The cells as shown, in the table's columns.
    pub cells: Vec<Count>,
    pub wait: Wait,
}

/// Which cells a table has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Columns {
    /// Total and fase 1..6 ([`FASE_COLUMNS`]).
    Fases,
    /// Total and the three status groups ([`GROUP_COLUMNS`]).
    Groups,
}

impl Columns {
    fn cells(self, t: &Tally) -> Vec<u64> {
        match self {
            Columns::Fases => t.fase_cells(),
            Columns::Groups => t.group_cells(),
        }
    }
    /// The parts of the open addresses (fase 1–5).
    pub fn open(self) -> Vec<usize> {
        match self {
            Columns::Fases => (1..=5).collect(),
            Columns::Groups => vec![1, 2],
        }
    }
    pub fn layout(self) -> Layout {
        match self {
            Columns::Fases => fase_layout(),
            Columns::Groups => group_layout(),
        }
    }
}

/// Protect grouped counts as one table under a parent whose shown cells (in the same columns)
/// are `margins_known`. The "without area" row is part of the table when it has addresses.
pub fn protected_rows(g: &Grouped, columns: Columns, margins_known: &[bool]) -> Vec<AreaRow> {
    protected_rows_under(g, columns, Some(margins_known))
}

/// [`protected_rows`], or without any parent (`None`).
pub fn protected_rows_under(g: &Grouped, columns: Columns, margins: Option<&[bool]>) -> Vec<AreaRow> {
    let mut keys: Vec<Option<&str>> = g.areas.iter().map(|(k, _)| Some(k.as_str())).collect();
    let mut tallies: Vec<&Tally> = g.areas.iter().map(|(_, t)| t).collect();
    if g.without.total > 0 {
        keys.push(None);
        tallies.push(&g.without);
    }
    let cells: Vec<Vec<u64>> = tallies.iter().map(|t| columns.cells(t)).collect();
    let shown = protect(&cells, &columns.layout(), margins);
    keys.into_iter()
        .zip(shown)
        .zip(tallies)
        .map(|((k, cells), t)| {
            let wait = shown_wait(&cells, columns, t);
            AreaRow { key: k.map(str::to_string), cells, wait }
        })
        .collect()
}

/// The wait shown in a protected row (`cells` as shown) of `columns`. The wait is computed from 5
/// open addresses, so showing it says "at least 5 open"; it is shown only where the shown cells
/// already say so ([`known_at_least`]), for the same rule in the dorpen, clusters and streets
/// tables (ZDT-05 of the demo: 5 addresses, every fase "×", a wait of 59 months, so none in fase 6).
/// "Niets open" only where the shown cells say that too (ZDT-01: all 15 in fase 6 showed
/// "te weinig"). Otherwise, and for a row whose total is hidden: "te weinig", which then says
/// nothing about the hidden cells.
pub fn shown_wait(cells: &[Count], columns: Columns, t: &Tally) -> Wait {
    let (layout, open) = (columns.layout(), columns.open());
    if cells.first() != Some(&Count::Exact(t.total)) {
        return Wait::Suppressed;
    }
    if known_exactly(cells, &layout, &open) == Some(0) {
        return Wait::NoneOpen;
    }
    if known_at_least(cells, &layout, &open) < SUPPRESS_BELOW {
        return Wait::Suppressed;
    }
    t.wait()
}

/// Every cell of a gemeente-level row is shown (no suppression at gemeente level).
pub fn exact(cells: &[u64]) -> Vec<Count> {
    cells.iter().map(|&v| Count::Exact(v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_of_cluster_ids() {
        let mut v = vec!["LOP-10", "LOP-2", "LOP-01", "DZL-3", "lop-3"];
        crate::data::sort::sort_by(&mut v[..], |a, b| natural_cmp(a, b));
        assert_eq!(v, ["DZL-3", "LOP-01", "LOP-2", "lop-3", "LOP-10"]);
    }

    fn tally(fases: [u64; 6], waits: &[i64]) -> Tally {
        Tally { total: fases.iter().sum(), fases, voldoet: 0, waits: waits.to_vec() }
    }

    /// Regression: cluster ZDT-05 of the demo ('t Zandt) had 5 addresses, every fase "×", and a
    /// wait of 59 months; a wait needs 5 open addresses, so it said all 5 were open and fase 6
    /// was 0. The wait is now shown only where the shown cells already hold 5 open addresses.
    #[test]
    fn a_wait_does_not_give_away_the_hidden_fasen() {
        use Count::*;
        let t = tally([0, 2, 3, 0, 0, 0], &[1800, 1800, 1800, 1700, 1900]);
        let all_hidden = [Exact(5), Suppressed, Suppressed, Suppressed, Suppressed, Suppressed, Suppressed];
        assert_eq!(shown_wait(&all_hidden, Columns::Fases, &t), Wait::Suppressed);
        // 12 addresses, fase 2 and 6 "×": the shown fase 3 alone holds 5 open ones, so a wait
        // tells nothing new; with fase 3 "×" as well it would.
        let t = tally([0, 4, 5, 0, 0, 3], &[10, 20, 30, 40, 50, 60, 70, 80, 90]);
        let cells = [Exact(12), Exact(0), Suppressed, Exact(5), Exact(0), Exact(0), Suppressed];
        assert!(matches!(shown_wait(&cells, Columns::Fases, &t), Wait::Days { n: 9, .. }));
        let cells = [Exact(12), Exact(0), Suppressed, Suppressed, Exact(0), Exact(0), Suppressed];
        assert_eq!(shown_wait(&cells, Columns::Fases, &t), Wait::Suppressed);
        // ... whereas with fase 6 shown, the open count is the total minus fase 6.
        let t = tally([0, 2, 3, 0, 0, 20], &[10, 20, 30, 40, 50]);
        let cells = [Exact(25), Suppressed, Suppressed, Suppressed, Exact(0), Exact(0), Exact(20)];
        assert!(matches!(shown_wait(&cells, Columns::Fases, &t), Wait::Days { n: 5, .. }));
        // A hidden total: never a wait.
        let cells = [Suppressed; 7];
        assert_eq!(shown_wait(&cells, Columns::Fases, &tally([1, 1, 1, 1, 1, 0], &[1, 2, 3, 4, 5])), Wait::Suppressed);
        // Streets (three groups): the open groups are fase 1–3 and 4–5.
        let t = tally([3, 0, 0, 3, 0, 0], &[1, 2, 3, 4, 5, 6]);
        assert_eq!(shown_wait(&[Exact(6), Suppressed, Suppressed, Exact(0)], Columns::Groups, &t), Wait::Days { n: 6, median: 4, mean: 3.5 }, "fase 6 shown as 0: 6 open");
        assert_eq!(shown_wait(&[Exact(6), Suppressed, Suppressed, Suppressed], Columns::Groups, &t), Wait::Suppressed);
    }

    /// Regression: ZDT-01 of the demo, all 15 addresses in fase 6 (shown), read "te weinig" as
    /// if there were too little data; nobody waits there. "Niets open" only where the shown cells
    /// say so.
    #[test]
    fn a_row_with_nothing_open_says_so_when_its_cells_do() {
        use Count::*;
        let t = tally([0, 0, 0, 0, 0, 15], &[]);
        assert_eq!(shown_wait(&[Exact(15), Exact(0), Exact(0), Exact(0), Exact(0), Exact(0), Exact(15)], Columns::Fases, &t), Wait::NoneOpen);
        assert_eq!(shown_wait(&[Exact(15), Exact(0), Exact(0), Exact(15)], Columns::Groups, &t), Wait::NoneOpen);
        // Fase 6 hidden: whether anything is open is not for the wait to say.
        let t = tally([0, 0, 0, 0, 0, 7], &[]);
        let cells = [Exact(7), Suppressed, Suppressed, Suppressed, Suppressed, Suppressed, Suppressed];
        assert_eq!(shown_wait(&cells, Columns::Fases, &t), Wait::Suppressed);
        // Something open, too few for a wait.
        let t = tally([0, 0, 2, 0, 0, 13], &[5, 6]);
        assert_eq!(shown_wait(&[Exact(15), Suppressed, Suppressed, Suppressed, Suppressed, Suppressed, Exact(13)], Columns::Fases, &t), Wait::Suppressed);
    }

    #[test]
    fn group_margins_follow_the_parents_hidden_cells() {
        use Count::*;
        // Hidden fase 2 and 3 only: both in group 1–3, so every group is known.
        let p = [Exact(40), Exact(10), Suppressed, Suppressed, Exact(10), Exact(8), Exact(9)];
        assert_eq!(group_margins_known(&p), vec![true, true, true, true]);
        // Hidden fase 2 and 5: groups 1–3 and 4–5 unknown.
        let p = [Exact(40), Exact(10), Suppressed, Exact(7), Exact(10), Suppressed, Exact(9)];
        assert_eq!(group_margins_known(&p), vec![true, false, false, true]);
    }
}
