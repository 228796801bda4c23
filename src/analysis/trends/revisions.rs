//! Revisions: the same figure (measure, period, breakdown) in two publications. NCG books results
//! on the real completion date, so past months change between reports, and SodM found its 2019
//! figures changed strongly between January and July 2020 (seed 000 L729-738): beoordeling
//! 2019-H1 357 → 875, 2019-H2 656 → 51; uitvoering gereed 386 → 355 and 100 → 209.

use crate::analysis::table::{Cell, Column, Row, TableModel};
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
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
}

impl RevisionRow {
    pub fn diff(&self) -> f64 {
        self.b - self.a
    }
}

type Key = (u32, Period);

/// (measure index, normalised period) → value of one publication, for the breakdown.
fn values(archive: &Archive, publication: u32, filter: &Breakdown) -> Vec<(Key, f64)> {
    archive
        .observations
        .iter()
        .filter(|o| o.publication == publication && observe::matches(archive, &o.breakdown, filter))
        .filter_map(|o| Some(((o.measure, o.period.normalised()), o.value?)))
        .collect()
}

fn get(v: &[(Key, f64)], k: &Key) -> Option<f64> {
    v.iter().find(|(x, _)| x == k).map(|(_, y)| *y)
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
        .filter_map(|&(k, x)| {
            let y = get(&vb, &k)?;
            let m = archive.measure(k.0)?;
            Some(RevisionRow { measure: m.code.clone(), label: m.label(lang).to_string(), period: k.1, a: x, b: y })
        })
        .collect();
    sort_by_key(&mut rows, |r| (archive.measure_by_code(&r.measure).map(|m| (m.group.clone(), m.order)), r.period.end(), r.period.start()));
    rows
}

/// The pair of publications (earlier, later) whose shared figures differ most often: the default
/// comparison. In the bundled archive that is SodM January 2020 against SodM September 2020.
pub fn default_pair(archive: &Archive) -> Option<(String, String)> {
    let ranks = observe::publication_ranks(archive);
    let n = archive.publications.len();
    let all: Vec<Vec<(Key, f64)>> = (0..n).map(|i| values(archive, i as u32, &Breakdown::default())).collect();
    let mut best: Option<(usize, usize, usize)> = None;
    for i in 0..n {
        for j in 0..n {
            if ranks[i] >= ranks[j] {
                continue;
            }
            let changed = all[i].iter().filter(|(k, v)| get(&all[j], k).is_some_and(|w| w != *v)).count();
            if changed > 0 && best.is_none_or(|(c, _, _)| changed > c) {
                best = Some((changed, i, j));
            }
        }
    }
    best.map(|(_, i, j)| (archive.publications[i].id.clone(), archive.publications[j].id.clone()))
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
            Row {
                attrs: vec![("series".into(), r.measure.clone()), ("period".into(), r.period.to_string()), ("key".into(), format!("{}:{}", r.measure, r.period))],
                cells: vec![
                    Cell::text(r.label.clone()),
                    Cell::text(format::period(&r.period, lang)),
                    Cell::num(format::dec(r.a, if r.a.fract() == 0.0 { 0 } else { 1 }, lang), r.a),
                    Cell::num(format::dec(r.b, if r.b.fract() == 0.0 { 0 } else { 1 }, lang), r.b),
                    Cell::num(signed(d, format::dec(d, if d.fract() == 0.0 { 0 } else { 1 }, lang)), d),
                    match pct {
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
        assert_eq!(default_pair(&a), Some(("sodm-2020-01".into(), "sodm-2020-09".into())));
        let t = table(&rows, "jan", "jul", Lang::Nl);
        assert_eq!(t.rows[0].cells[4].text, "+518");
        assert_eq!(t.rows[1].cells[5].text, "-92%");
    }
}
