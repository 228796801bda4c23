//! The levels below a gemeente, protected consistently from the top down: the gemeente's own
//! figures (exact), its dorpen (protected under the gemeente's figures), a dorp's clusters and
//! streets (protected under the dorp's row *as shown* in the dorpen table), a cluster's row as
//! shown in its dorp's cluster table. Every page takes a lower level's figures from the table one
//! level up, so the same number is never shown one way here and another way there.

use super::areas::{group_by, group_margins_known, protected_rows, AreaRow, Columns, Grouped, Tally, FASE_COLUMNS};
use crate::analysis::derive::Count;
use crate::data::bronbestand::Address;
use crate::data::gemeente::GemeenteCode;

/// The addresses of one gemeente (today's boundaries).
pub fn in_gemeente(addresses: &[Address], code: GemeenteCode) -> Vec<&Address> {
    addresses.iter().filter(|a| a.gemeente_nu == code).collect()
}

/// The addresses of one dorp of a gemeente.
pub fn in_dorp<'a>(gemeente: &[&'a Address], dorp: &str) -> Vec<&'a Address> {
    gemeente.iter().copied().filter(|a| &*a.woonplaats == dorp).collect()
}

/// The addresses of one cluster of a dorp.
pub fn in_cluster<'a>(dorp: &[&'a Address], cluster: &str) -> Vec<&'a Address> {
    dorp.iter().copied().filter(|a| a.cluster.as_deref() == Some(cluster)).collect()
}

/// A gemeente's dorpen on day `day`: the gemeente's own tally (shown exactly) and the protected
/// row per dorp.
pub fn dorpen(gemeente: &[&Address], day: i64) -> (Tally, Vec<AreaRow>) {
    let all = Tally::of(gemeente.iter().copied(), day);
    let g = group_by(gemeente.iter().copied(), day, |a| Some(&*a.woonplaats));
    (all, protected_rows(&g, Columns::Fases, &[true; FASE_COLUMNS]))
}

/// Which of a parent's cells the reader sees.
pub fn shown(row: &AreaRow) -> Vec<bool> {
    row.cells.iter().map(|c| *c != Count::Suppressed).collect()
}

/// A dorp's clusters (and the addresses without a cluster), under the dorp's shown row.
pub fn clusters(dorp: &[&Address], day: i64, dorp_row: &AreaRow) -> (Grouped, Vec<AreaRow>) {
    let g = group_by(dorp.iter().copied(), day, |a| a.cluster.as_deref());
    let rows = protected_rows(&g, Columns::Fases, &shown(dorp_row));
    (g, rows)
}

/// A dorp's streets (and the addresses without a street) as a status summary in three groups,
/// under what the dorp's shown fasen reveal of those groups.
pub fn streets(dorp: &[&Address], day: i64, dorp_row: &AreaRow) -> Vec<AreaRow> {
    let g = group_by(dorp.iter().copied(), day, |a| a.straat.as_deref());
    protected_rows(&g, Columns::Groups, &group_margins_known(&dorp_row.cells))
}

/// The row of one area in a protected table.
pub fn row_of<'a>(rows: &'a [AreaRow], key: &str) -> Option<&'a AreaRow> {
    rows.iter().find(|r| r.key.as_deref() == Some(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::drilldown::suppression::determined;
    use crate::analysis::drilldown::testkit::{addr, d};
    use crate::data::bronbestand::Milestone::*;

    #[test]
    fn a_dorp_with_few_addresses_cannot_be_recovered_from_the_gemeente() {
        let mut v = Vec::new();
        for i in 0..30 {
            v.push(addr(&format!("a{i}"), 1979, "Loppersum", Some("LOP-01"), &[(Opname, "2016-03-01")], None));
        }
        for i in 0..12 {
            v.push(addr(&format!("b{i}"), 1979, "Zeerijp", Some("ZEE-01"), &[(Opname, "2016-03-01"), (Beoordeling, "2017-01-01")], None));
        }
        for i in 0..3 {
            v.push(addr(&format!("c{i}"), 1979, "Eenum", None, &[], None));
        }
        let g = in_gemeente(&v, GemeenteCode(1979));
        let day = d("2020-07-17").to_days();
        let (all, rows) = dorpen(&g, day);
        assert_eq!(all.total, 45);
        let eenum = row_of(&rows, "Eenum").unwrap();
        assert_eq!(eenum.cells[0], Count::Suppressed);
        // The gemeente total is shown, so one more dorp total is hidden.
        assert_eq!(rows.iter().filter(|r| r.cells[0] == Count::Suppressed).count(), 2);
        let hidden: Vec<Vec<bool>> = rows.iter().map(|r| r.cells.iter().map(|c| *c == Count::Suppressed).collect()).collect();
        assert!(determined(&hidden, &super::super::areas::fase_layout(), Some(&[true; FASE_COLUMNS]), FASE_COLUMNS).is_empty());
    }
}
