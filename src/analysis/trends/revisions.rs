//! Revisions: the same figure (measure, period, breakdown) in two publications. NCG books results
//! on the real completion date, so past months change between reports, and SodM found its 2019
//! figures changed strongly between January and July 2020 (seed 000 L729-738): beoordeling
//! 2019-H1 357 → 875, 2019-H2 656 → 51; uitvoering gereed 386 → 355 and 100 → 209.

use crate::analysis::table::{Cell, Column, Row, TableModel};
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::observation::Flag;
use crate::data::period::Period;
use crate::i18n::{format, texts, Lang};

use super::observe;
use super::sorting::sort_by_key;

/// One figure reported by both publications.
#[derive(Clone, Debug, PartialEq)]
pub struct RevisionRow {
    pub measure: String,
    pub label: String,
    pub period: Period,
    pub a: f64,
    pub b: f64,
    /// Either value only approximate in its source ("ruim 4000"): no difference is computed. (The
    /// table showed "4.000 → 4.253, +253, +6%" for NCG's "ruim 4000" planning starts of 2020 as a
    /// revision, without the "≈"; the quality findings on Data & bronnen rightly leave it out.)
    pub a_rough: bool,
    pub b_rough: bool,
}

impl RevisionRow {
    pub fn diff(&self) -> f64 {
        self.b - self.a
    }
    /// Whether the figure changed: both values exact and different.
    pub fn changed(&self) -> bool {
        !self.a_rough && !self.b_rough && self.a != self.b
    }
}

type Key = (u32, Period);

/// (measure index, normalised period) → value of one publication and whether it is approximate,
/// for the breakdown.
fn values(archive: &Archive, publication: u32, filter: &Breakdown) -> Vec<(Key, f64, bool)> {
    archive
        .observations
        .iter()
        .filter(|o| o.publication == publication && observe::matches(archive, &o.breakdown, filter))
        .filter_map(|o| Some(((o.measure, o.period.normalised()), o.value?, o.flag == Flag::Approximate)))
        .collect()
}

fn get(v: &[(Key, f64, bool)], k: &Key) -> Option<(f64, bool)> {
    v.iter().find(|(x, ..)| x == k).map(|(_, y, r)| (*y, *r))
}

fn index_of(archive: &Archive, id: &str) -> Option<u32> {
    archive.publications.iter().position(|p| p.id == id).and_then(|i| u32::try_from(i).ok())
}

/// Every figure that both publications report, with both values, in measure and period order.
pub fn compare(archive: &Archive, a: &str, b: &str, filter: &Breakdown, lang: Lang) -> Vec<RevisionRow> {
    let (Some(ia), Some(ib)) = (index_of(archive, a), index_of(archive, b)) else { return Vec::new() };
    let (va, vb) = (values(archive, ia, filter), values(archive, ib, filter));
    let mut rows: Vec<RevisionRow> = va
        .iter()
        .filter_map(|&(k, x, a_rough)| {
            let (y, b_rough) = get(&vb, &k)?;
            let m = archive.measure(k.0)?;
            Some(RevisionRow { measure: m.code.clone(), label: m.label(lang).to_string(), period: k.1, a: x, b: y, a_rough, b_rough })
        })
        .collect();
    sort_by_key(&mut rows, |r| (archive.measure_by_code(&r.measure).map(|m| (m.group.clone(), m.order)), r.period.end(), r.period.start()));
    rows
}

/// The pair of publications (earlier, later) whose shared figures of a selection differ most
/// often (where none differ, the pair that shares the most): the default comparison. In the bundled archive that is SodM January 2020 against SodM
/// September 2020 for the whole area. (Trends filtered on a gemeente compared that pair too, which
/// has no figure of any gemeente, and said only that the two had nothing in common.)
pub fn default_pair(archive: &Archive, filter: &Breakdown) -> Option<(String, String)> {
    let ranks = observe::publication_ranks(archive);
    let n = archive.publications.len();
    let all: Vec<Vec<(Key, f64, bool)>> = (0..n).map(|i| values(archive, i as u32, filter)).collect();
    // (changed, shared, i, j): the most changed figures, else the most shared ones.
    let mut best: Option<(usize, usize, usize, usize)> = None;
    for i in 0..n {
        for j in 0..n {
            if ranks[i] >= ranks[j] {
                continue;
            }
            let (mut changed, mut shared) = (0, 0);
            for (k, v, r) in &all[i] {
                if let Some((w, rw)) = get(&all[j], k) {
                    shared += 1;
                    changed += usize::from(!r && !rw && w != *v);
                }
            }
            if shared > 0 && best.is_none_or(|(c, s, _, _)| (changed, shared) > (c, s)) {
                best = Some((changed, shared, i, j));
            }
        }
    }
    best.map(|(_, _, i, j)| (archive.publications[i].id.clone(), archive.publications[j].id.clone()))
}

/// One sentence above the table: how many of the shared figures changed, and that an approximate
/// one gets no difference. (A review read every row as a revision, the unchanged ones too.)
pub fn summary(rows: &[RevisionRow], lang: Lang) -> String {
    let changed = rows.iter().filter(|r| r.changed()).count();
    let rough = rows.iter().filter(|r| r.a_rough || r.b_rough).count();
    (texts(lang).trends.revisions_summary)(changed, rows.len(), rough)
}

/// The comparison as a table: figure, period, value in A, value in B, difference.
pub fn table(rows: &[RevisionRow], a_label: &str, b_label: &str, lang: Lang) -> TableModel {
    let t = &texts(lang).trends;
    let sh = &texts(lang).shell;
    let columns = [(sh.col_series, false), (sh.col_period, false), (a_label, true), (b_label, true), (t.col_difference, true), (t.col_difference_pct, true)]
        .into_iter()
        .map(|(l, n)| Column { label: l.to_string(), numeric: n, title: None })
        .collect();
    let rows = rows
        .iter()
        .map(|r| {
            let d = r.diff();
            let pct = (r.a != 0.0).then(|| d / r.a * 100.0);
            let signed = |v: f64, s: String| if v > 0.0 { format!("+{s}") } else { s };
            let value = |v: f64, rough: bool| {
                let flag = if rough { Flag::Approximate } else { Flag::Published };
                Cell::num(format!("{}{}", format::approx(flag), format::dec(v, if v.fract() == 0.0 { 0 } else { 1 }, lang)), v).rough(rough, lang)
            };
            let exact = !r.a_rough && !r.b_rough;
            Row {
                attrs: vec![("series".into(), r.measure.clone()), ("period".into(), r.period.to_string()), ("key".into(), format!("{}:{}", r.measure, r.period))],
                cells: vec![
                    Cell::text(r.label.clone()),
                    Cell::text(format::period(&r.period, lang)),
                    value(r.a, r.a_rough),
                    value(r.b, r.b_rough),
                    if exact { Cell::num(signed(d, format::dec(d, if d.fract() == 0.0 { 0 } else { 1 }, lang)), d) } else { Cell::text("–") },
                    match pct.filter(|_| exact) {
                        Some(p) => Cell::num(signed(p, format::pct(p, 0, lang)), (p * 10.0).round() / 10.0),
                        None => Cell::text("–"),
                    },
                ],
            }
        })
        .collect();
    TableModel { caption: t.revisions_caption.to_string(), columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::trends::testkit::{archive, Pub};

    #[test]
    fn the_january_and_july_2020_figures_differ() {
        // Seed 000 L729-738.
        let a = archive(&[
            Pub {
                id: "sodm-2020-01",
                peildatum: "2019-12-31",
                publisher: "SodM",
                rows: "beoordeling,2019-H1,,,,,,357,published,t,\nbeoordeling,2019-H2,,,,,,656,published,t,\nuitvoering_gereed,2019-H1,,,,,,386,published,t,\nuitvoering_gereed,2019-H2,,,,,,100,published,t,\nwerkvoorraad,2019-12-31,,,,,,26250,approximate,t,\n",
            },
            Pub {
                id: "sodm-2020-09",
                peildatum: "2020-07-17",
                publisher: "SodM",
                rows: "beoordeling,2019-H1,,,,,,875,published,t,\nbeoordeling,2019-H2,,,,,,51,published,t,\nuitvoering_gereed,2019-H1,,,,,,355,published,t,\nuitvoering_gereed,2019-H2,,,,,,209,published,t,\n",
            },
        ]);
        let rows = compare(&a, "sodm-2020-01", "sodm-2020-09", &Breakdown::default(), Lang::Nl);
        let got: Vec<(String, String, f64, f64)> = rows.iter().map(|r| (r.measure.clone(), r.period.to_string(), r.a, r.b)).collect();
        assert_eq!(
            got,
            vec![
                ("beoordeling".into(), "2019-H1".into(), 357.0, 875.0),
                ("beoordeling".into(), "2019-H2".into(), 656.0, 51.0),
                ("uitvoering_gereed".into(), "2019-H1".into(), 386.0, 355.0),
                ("uitvoering_gereed".into(), "2019-H2".into(), 100.0, 209.0),
            ]
        );
        assert_eq!(rows[1].diff(), -605.0);
        assert_eq!(default_pair(&a, &Breakdown::default()), Some(("sodm-2020-01".into(), "sodm-2020-09".into())));
        let t = table(&rows, "jan", "jul", Lang::Nl);
        assert_eq!(t.rows[0].cells[4].text, "+518");
        assert_eq!(t.rows[1].cells[5].text, "-92%");
    }
}
