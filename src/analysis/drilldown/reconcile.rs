//! Do the parts add up to the whole? For every measure and period that one publication gives
//! both per gemeente (harmonised to today's gemeenten) and in total, the sum over the gemeenten
//! is compared with the total; the same for risk profiles and owners. Differences are reported,
//! never smoothed away — and where only some gemeenten are published, that is reported too.

use std::collections::BTreeMap;

use crate::analysis::derive::{DEMO_PUBLICATION, OWN_PUBLICATION};
use crate::data::archive::Archive;
use crate::data::breakdown::{Eigenaar, Risicoprofiel};
use crate::data::gemeente::GemeenteCode;
use crate::data::measure::{MeasureKind, Unit};
use crate::data::observation::Observation;
use crate::data::period::Period;

/// Which breakdown is added up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    Gemeente,
    Risicoprofiel,
    Eigenaar,
}

/// The outcome for one (publication, measure, period).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Every part and the total are published, and the parts add up to the total.
    Equal,
    /// Every part and the total are published, and they differ.
    Differs,
    /// Some parts are missing (e.g. only Eemsdelta); the sum is not the whole.
    Incomplete,
    /// Every part is published but no total for the same period.
    NoTotal,
}

impl Status {
    /// A stable code (for `data-*` attributes and tests).
    pub fn code(self) -> &'static str {
        match self {
            Status::Equal => "gelijk",
            Status::Differs => "verschil",
            Status::Incomplete => "onvolledig",
            Status::NoTotal => "geen-totaal",
        }
    }
}

/// One comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub publication: u32,
    pub measure: u32,
    pub period: Period,
    /// The parts present (key: gemeente code of today, risk profile or owner) with their values.
    pub parts: Vec<(String, f64)>,
    /// The parts that are not published.
    pub missing: Vec<String>,
    pub sum: f64,
    pub total: Option<f64>,
    pub status: Status,
    /// A part or the total was given only roughly by its source ("ongeveer 14.500"): the sum and
    /// the difference are rough too, and the table says "≈".
    pub rough: bool,
}

impl Check {
    /// Sum of the parts minus the total, when every part and the total exist (the difference
    /// of an incomplete sum would only measure what is missing).
    pub fn difference(&self) -> Option<f64> {
        self.total.filter(|_| matches!(self.status, Status::Equal | Status::Differs)).map(|t| self.sum - t)
    }
}

/// Measures whose values may be added up: counts of addresses (not shares, not mean days).
pub fn additive(kind: MeasureKind, unit: Unit) -> bool {
    unit == Unit::Addresses && matches!(kind, MeasureKind::Stock | MeasureKind::Cumulative | MeasureKind::Flow | MeasureKind::Target)
}

fn part_key(archive: &Archive, o: &Observation, dim: Dimension) -> Option<String> {
    let b = &o.breakdown;
    if b.depth() != 1 {
        return None;
    }
    match dim {
        Dimension::Gemeente => b.gemeente.map(|g| g.to_string()),
        Dimension::Risicoprofiel => b.risicoprofiel.map(|r| r.as_str().to_string()),
        Dimension::Eigenaar => b.eigenaar.map(|e| e.as_str().to_string()),
    }
    .filter(|_| archive.measure(o.measure).is_some_and(|m| additive(m.kind, m.unit)))
}

/// Compare the parts with the total for every (publication, measure, period) that has parts.
///
/// In an archive derived from address-level data (`demo`, `eigen-bestand`) a missing part is a
/// zero: `derive_archive` leaves out a breakdown's values before its first address, and nothing
/// else. In published archives a missing part is missing.
pub fn reconcile(archive: &Archive, dim: Dimension) -> Vec<Check> {
    type Key = (u32, u32, Period);
    let mut parts: BTreeMap<Key, BTreeMap<String, f64>> = BTreeMap::new();
    let mut totals: BTreeMap<Key, f64> = BTreeMap::new();
    let mut rough: Vec<Key> = Vec::new();
    for o in &archive.observations {
        let Some(v) = o.value else { continue };
        let key = (o.publication, o.measure, o.period.normalised());
        if o.flag == crate::data::observation::Flag::Approximate && !rough.contains(&key) {
            rough.push(key);
        }
        if o.breakdown.is_total() {
            totals.insert(key, v);
        } else if let Some(k) = part_key(archive, o, dim) {
            parts.entry(key).or_default().insert(k, v);
        }
    }
    let registry = &archive.gemeenten;
    let members: Vec<String> = match dim {
        Dimension::Gemeente => registry.current().map(|g| g.code.to_string()).collect(),
        Dimension::Risicoprofiel => Risicoprofiel::ALL.iter().map(|r| r.as_str().to_string()).collect(),
        Dimension::Eigenaar => Eigenaar::ALL.iter().map(|e| e.as_str().to_string()).collect(),
    };
    parts
        .into_iter()
        .map(|(key, got)| {
            let derived = archive.publication(key.0).is_some_and(|p| p.id == DEMO_PUBLICATION || p.id == OWN_PUBLICATION);
            let (got, missing) = match dim {
                Dimension::Gemeente if !derived => harmonise_parts(archive, &key.2, got, &members),
                _ if derived => (got, Vec::new()),
                _ => {
                    let missing = members.iter().filter(|m| !got.contains_key(*m)).cloned().collect();
                    (got, missing)
                }
            };
            let sum: f64 = got.values().sum();
            let total = totals.get(&key).copied();
            let status = match (missing.is_empty(), total) {
                (false, _) => Status::Incomplete,
                (true, None) => Status::NoTotal,
                (true, Some(t)) if (sum - t).abs() < 0.5 => Status::Equal,
                (true, Some(_)) => Status::Differs,
            };
            let rough = rough.contains(&key);
            Check { publication: key.0, measure: key.1, period: key.2, parts: got.into_iter().collect(), missing, sum, total, status, rough }
        })
        .collect()
}

/// Add old gemeenten into today's (the rule of [`super::harmonise::dated_series`]): on the period's
/// end day, today's gemeente is the sum of every gemeente of that day that later merged into it,
/// itself included if it existed then; a value published for it before it existed counts as
/// already harmonised. Returns the parts and the gemeenten not published, in `members`' order.
/// Where only some of a gemeente's old gemeenten were published (Loppersum in April 2020, without
/// Appingedam and Delfzijl), those count as parts under their own code and the others are the
/// missing ones: the sum holds what was published, and the table names what was not.
fn harmonise_parts(archive: &Archive, period: &Period, got: BTreeMap<String, f64>, members: &[String]) -> (BTreeMap<String, f64>, Vec<String>) {
    let registry = &archive.gemeenten;
    let end = period.end();
    let exists = |c: GemeenteCode| registry.get(c).is_some_and(|g| g.exists_on(end));
    let value = |c: GemeenteCode| got.get(&c.to_string()).copied();
    let mut todays: Vec<GemeenteCode> = Vec::new();
    for c in got.keys().filter_map(|k| GemeenteCode::parse(k)).map(|c| registry.harmonise(c)) {
        if !todays.contains(&c) {
            todays.push(c);
        }
    }
    let mut out = BTreeMap::new();
    let mut missing_old = Vec::new();
    for &t in &todays {
        let olds: Vec<GemeenteCode> = registry.predecessors_of(t).into_iter().filter(|&p| p != t && exists(p)).collect();
        match value(t) {
            Some(v) if olds.is_empty() || !exists(t) => {
                out.insert(t.to_string(), v);
            }
            _ => {
                let needed: Vec<GemeenteCode> = olds.iter().copied().chain(exists(t).then_some(t)).collect();
                if needed.iter().all(|&c| value(c).is_some()) {
                    out.insert(t.to_string(), needed.iter().filter_map(|&c| value(c)).sum());
                } else {
                    for c in needed {
                        match value(c) {
                            Some(v) => {
                                out.insert(c.to_string(), v);
                            }
                            None => missing_old.push(c.to_string()),
                        }
                    }
                }
            }
        }
    }
    let mut missing: Vec<String> = members.iter().filter(|m| GemeenteCode::parse(m).is_some_and(|c| !todays.contains(&c))).cloned().collect();
    missing.extend(missing_old);
    (out, missing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::drilldown::testkit::{archive_with, obs};

    #[test]
    fn sums_are_compared_with_totals() {
        let a = archive_with(vec![
            obs("werkvoorraad", "2020-07-17", Some(3), 3000.0),
            obs("werkvoorraad", "2020-07-17", Some(10), 6000.0),
            obs("werkvoorraad", "2020-07-17", Some(24), 2700.0),
            obs("werkvoorraad", "2020-07-17", Some(14), 5000.0),
            obs("werkvoorraad", "2020-07-17", Some(1966), 1500.0),
            obs("werkvoorraad", "2020-07-17", Some(1952), 6000.0),
            obs("werkvoorraad", "2020-07-17", Some(1895), 500.0),
            obs("werkvoorraad", "2020-07-17", None, 24700.0),
            obs("opname", "2020-07-17", Some(14), 100.0),
            obs("opname", "2020-07-17", None, 100.0),
            obs("aandeel_opname", "2020-07-17", Some(14), 10.0),
        ]);
        let c = reconcile(&a, Dimension::Gemeente);
        assert_eq!(c.len(), 2, "{c:#?}");
        let wv = c.iter().find(|x| x.parts.len() == 5).unwrap();
        assert_eq!(wv.status, Status::Equal);
        assert_eq!(wv.sum, 24700.0);
        let op = c.iter().find(|x| x.parts.len() == 1).unwrap();
        assert_eq!(op.status, Status::Incomplete);
        assert_eq!(op.missing.len(), 4);
        assert_eq!(op.difference(), None, "no difference for an incomplete sum");
    }

    #[test]
    fn an_absorbing_gemeente_needs_its_old_parts_before_the_merger() {
        // 2018: Groningen without Ten Boer and Haren is only part of today's Groningen.
        let a = archive_with(vec![
            obs("werkvoorraad", "2018-06-30", Some(14), 4000.0),
            obs("werkvoorraad", "2018-06-30", Some(9), 1000.0),
            obs("werkvoorraad", "2018-06-30", Some(1979), 9000.0),
            obs("werkvoorraad", "2018-06-30", Some(1966), 1500.0),
            obs("werkvoorraad", "2018-06-30", Some(1952), 6000.0),
            obs("werkvoorraad", "2018-06-30", Some(1895), 500.0),
            obs("werkvoorraad", "2018-06-30", None, 22000.0),
        ]);
        let c = reconcile(&a, Dimension::Gemeente);
        assert_eq!(c[0].status, Status::Incomplete, "Haren is missing: {c:?}");
        // The old Groningen and Ten Boer count as parts; the table names Haren as not published.
        assert_eq!(c[0].missing, vec!["GM0017"]);
        assert_eq!(c[0].sum, 22000.0);
    }

    #[test]
    fn a_published_old_gemeente_counts_in_the_sum() {
        // Regression: Loppersum's own publication (April 2020, before Eemsdelta) showed "sum of the
        // parts 0" with Eemsdelta "not published", though Loppersum had published 4,908.
        let a = archive_with(vec![obs("werkvoorraad", "2020-04-20", Some(24), 4908.0)]);
        let c = reconcile(&a, Dimension::Gemeente);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].status, Status::Incomplete);
        assert_eq!(c[0].sum, 4908.0);
        assert_eq!(c[0].parts, vec![("GM0024".to_string(), 4908.0)]);
        // Today's other gemeenten, then Eemsdelta's other two old gemeenten.
        assert!(c[0].missing.ends_with(&["GM0003".to_string(), "GM0010".to_string()]), "{:?}", c[0].missing);
        assert!(!c[0].missing.contains(&"GM1979".to_string()), "Eemsdelta is partly published: {:?}", c[0].missing);
        assert!(c[0].missing.contains(&"GM0014".to_string()));
    }
}

/// Counts per status over the three breakdowns, and a table of the checks that are not equal
/// (differences first), at most `limit` rows; `more` says how many were left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub equal: usize,
    pub differs: usize,
    pub incomplete: usize,
    pub no_total: usize,
    pub table: crate::analysis::table::TableModel,
    pub more: usize,
    /// The publications of the rows of `table` ("Bron: …", the first lines of its CSV).
    pub source_line: String,
}

/// The reconciliation as the Gemeenten view shows it.
pub fn overview(archive: &Archive, lang: crate::i18n::Lang, limit: usize) -> Overview {
    use crate::analysis::table::{Cell, Column, Row, TableModel};
    use crate::i18n::{format, texts};
    let t = &texts(lang).gemeenten;
    let mut all: Vec<(usize, Check)> = Vec::new();
    for (i, dim) in [Dimension::Gemeente, Dimension::Risicoprofiel, Dimension::Eigenaar].into_iter().enumerate() {
        all.extend(reconcile(archive, dim).into_iter().map(|c| (i, c)));
    }
    let n = |s: Status| all.iter().filter(|(_, c)| c.status == s).count();
    let (equal, differs, incomplete, no_total) = (n(Status::Equal), n(Status::Differs), n(Status::Incomplete), n(Status::NoTotal));
    // Differences first, then incomplete sums, then missing totals (no sort: three passes).
    let shown: Vec<&(usize, Check)> =
        [Status::Differs, Status::Incomplete, Status::NoTotal].iter().flat_map(|s| all.iter().filter(move |(_, c)| c.status == *s)).collect();
    let more = shown.len().saturating_sub(limit);
    let name = |k: &str| match GemeenteCode::parse(k) {
        Some(c) => archive.gemeenten.get(c).map(|g| g.name.clone()).unwrap_or_else(|| k.to_string()),
        None => k.to_string(),
    };
    let shown: Vec<&(usize, Check)> = shown.into_iter().take(limit).collect();
    let ids: Vec<&str> = shown.iter().filter_map(|(_, c)| archive.publication(c.publication)).map(|p| p.id.as_str()).collect();
    let source_line = crate::analysis::provenance::source_line_of(archive, &ids, lang);
    let rows = shown
        .into_iter()
        .map(|(i, c)| {
            // "≈ 5.000" for a sum of rough parts (it showed "Som van de delen 5.000" for "ruim 5.000").
            let flag = if c.rough { crate::data::observation::Flag::Approximate } else { crate::data::observation::Flag::Published };
            let num = |v: f64| Cell::num(format::int_as(v, flag, lang), v).rough(c.rough, lang);
            Row {
            attrs: vec![("status".into(), c.status.code().into())],
            cells: vec![
                Cell::text(t.dim_names.get(*i).copied().unwrap_or_default()),
                Cell::text(archive.measure(c.measure).map(|m| m.label(lang).to_string()).unwrap_or_default()),
                Cell::text(format::period(&c.period, lang)),
                num(c.sum),
                c.total.map(num).unwrap_or_else(|| Cell::text("–")),
                c.difference().map(num).unwrap_or_else(|| Cell::text("–")),
                Cell::text(c.missing.iter().map(|m| name(m)).collect::<Vec<_>>().join(", ")),
                // The title as published (Dutch): marked so on the English page (WCAG 3.1.2).
                Cell::as_published(archive.publication(c.publication).map(|p| p.title.clone()).unwrap_or_default()),
            ],
        }
        })
        .collect();
    let columns = [t.col_dimension, t.col_measure, t.col_period, t.col_sum, t.col_total, t.col_difference, t.col_missing, t.col_publication]
        .iter()
        .enumerate()
        .map(|(i, l)| Column { label: (*l).to_string(), numeric: (3..=5).contains(&i), title: None })
        .collect();
    Overview { equal, differs, incomplete, no_total, table: TableModel { caption: t.reconcile_caption.into(), columns, rows }, more, source_line }
}
