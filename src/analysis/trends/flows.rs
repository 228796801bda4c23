//! Flows: how many addresses reached a milestone in a stretch of time. Two kinds of source:
//!
//! - **published periods**: "181 opnames in het 2e kwartaal van 2020" (SodM table 2.2), a month,
//!   a year, NCG's "1 januari t/m 30 november";
//! - **differences between levels** of one publisher: a cumulative count at two peildata
//!   ("1.128 trajecten afgerond op 31 mei 2020", "1.769 op 31 december 2020" → 641 in June–December),
//!   or two year-to-date totals with the same start (opnames 1 jan–31 aug 1.068, 1 jan–30 nov 2.612
//!   → 1.544 in September–November). A stock such as "voldoet aan de norm" gives the flow of its
//!   member measure the same way.
//!
//! No difference is taken between two levels less than [`MIN_DIFFERENCE_DAYS`] apart, or when
//! either level is an approximation ("ruim 4.000" minus 4.053 is not a count).
//!
//! A negative difference (a correction, a backward move) is kept and reported, never hidden:
//! it ends up in [`FlowSet::negatives`]. "Voor 2017" (`..2016-12-31`) has no known start and no
//! rate: it is kept apart in [`FlowSet::before`].

use super::observe::{self, Obs};
use super::rates;
use super::sorting::sort_by_key;
use crate::analysis::select::Vintage;
use crate::analysis::time_chart::Provenance;
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::date::Date;
use crate::data::event::EventKind;
use crate::data::observation::Flag;
use crate::data::period::Period;
use crate::i18n::{format, texts, Lang};

/// A stretch of time with a count of addresses that reached the milestone in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// The series it is drawn in (a measure code; at a definition break the replaced measure).
    pub series: String,
    /// The measure as published.
    pub measure: String,
    /// Publisher family ("SodM", "NCG"): series never mix families.
    pub family: String,
    pub start: Date,
    /// Inclusive.
    pub end: Date,
    pub count: f64,
    /// The period as published, or the interval of a difference.
    pub period: Period,
    /// Publication rank (for a difference: the later publication's).
    pub rank: usize,
    /// True for a difference between two levels computed here.
    pub difference: bool,
    pub provenance: Provenance,
}

impl Piece {
    pub fn days(&self) -> i64 {
        self.start.days_until(self.end) + 1
    }
    pub fn months(&self) -> f64 {
        rates::months_between(self.start, self.end)
    }
    /// Addresses per month over the piece.
    pub fn rate(&self) -> f64 {
        rates::per_month(self.count, self.start, self.end).unwrap_or(0.0)
    }
    /// Printed in a source as it is (published or approximate), not computed by anyone.
    pub fn is_published(&self) -> bool {
        matches!(self.provenance.flag, Flag::Published | Flag::Approximate)
    }
    pub fn overlaps(&self, other: &Piece) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// Everything known about the flows of one measure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlowSet {
    /// Pieces with a known start and a count ≥ 0: the candidates for drawing.
    pub pieces: Vec<Piece>,
    /// "Voor 2017": a count up to a date, start unknown. Not a rate.
    pub before: Vec<Obs>,
    /// Differences below zero: corrections, reported in the table and the summary.
    pub negatives: Vec<Piece>,
}

/// A cumulative level: addresses that reached the milestone between `base` (or the start of the
/// operation when `None`) and `at`.
#[derive(Clone, Debug)]
struct Level {
    base: Option<Date>,
    at: Date,
    obs: Obs,
    /// A level of `level_measure`, not of the flow's own measure.
    other: bool,
}

/// Differences are only taken between levels at least this many days apart: a shorter gap between
/// two "peildata" of one report is a difference in definition, not a flow (SodM's 1.171 on 1 July
/// and 1.177 on 17 July 2020 come from tables with different peildata: data-coverage.md §3.1 #13).
pub const MIN_DIFFERENCE_DAYS: i64 = 28;

fn piece_of(archive: &Archive, measure: &str, o: &Obs, start: Date) -> Piece {
    Piece {
        series: measure.to_string(),
        measure: measure.to_string(),
        family: observe::publisher_family(archive, o.publication).to_string(),
        start,
        end: o.period.end(),
        count: o.value,
        period: o.period,
        rank: o.rank,
        difference: false,
        provenance: o.provenance.clone(),
    }
}

/// The flow candidates of `measure` (a cumulative milestone or a flow), with differences between
/// the levels of `measure` itself and, when given, of the stock `level_measure` whose increase is a
/// flow of `measure` (voldoet_norm for veilig_verklaard).
pub fn candidates(archive: &Archive, measure: &str, level_measure: Option<&str>, filter: &Breakdown, vintage: Vintage, lang: Lang) -> FlowSet {
    let t = &texts(lang).trends;
    let mut set = FlowSet::default();
    let mut levels: Vec<Level> = Vec::new();
    for o in observe::pick_per_family(archive, measure, filter, vintage, lang) {
        match (o.period, o.period.start()) {
            (Period::At(d), _) => levels.push(Level { base: None, at: d, obs: o, other: false }),
            (Period::Until(_), _) => set.before.push(o),
            (p, Some(start)) => {
                set.pieces.push(piece_of(archive, measure, &o, start));
                levels.push(Level { base: Some(start), at: p.end(), obs: o, other: false });
            }
            (_, None) => {}
        }
    }
    if let Some(lm) = level_measure {
        for o in observe::pick_per_family(archive, lm, filter, vintage, lang) {
            if let Period::At(d) = o.period {
                levels.push(Level { base: None, at: d, obs: o, other: true });
            }
        }
    }
    // Differences between consecutive levels with the same base, within one publisher family.
    // (base, publisher family) → levels.
    type Group = ((Option<Date>, String), Vec<Level>);
    let mut groups: Vec<Group> = Vec::new();
    for l in levels {
        let key = (l.base, observe::publisher_family(archive, l.obs.publication).to_string());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(l),
            None => groups.push((key, vec![l])),
        }
    }
    for ((_, family), mut ls) in groups {
        sort_by_key(&mut ls, |l| (l.at, l.obs.rank));
        ls.dedup_by_key(|l| l.at);
        for w in ls.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let Some(start) = a.at.add_days(1) else { continue };
            // Too close together, or an approximation ("ruim 5.000") on either side: no flow.
            if a.at.days_until(b.at) < MIN_DIFFERENCE_DAYS || a.obs.flag == Flag::Approximate || b.obs.flag == Flag::Approximate {
                continue;
            }
            if set.pieces.iter().any(|p| p.family == family && p.start == start && p.end == b.at) {
                continue; // published as such: the published figure is used
            }
            let count = b.obs.value - a.obs.value;
            let (older, newer) = if a.obs.rank <= b.obs.rank { (&a.obs, &b.obs) } else { (&b.obs, &a.obs) };
            // Levels of another measure say which: the Trends bars of "veilig verklaard" for
            // 2022–2024 are differences of "voldoet aan de veiligheidsnorm", which counts "andere
            // reden" too; a review read them as NCG's own count of veilig verklaard.
            let of = level_measure.filter(|_| a.other || b.other).map(|lm| archive.measure_by_code(lm).map(|m| m.label(lang)).unwrap_or(lm));
            let note = (t.note_difference)(
                of,
                &format::int(b.obs.value, lang),
                &format::date(b.at, lang),
                &format::int(a.obs.value, lang),
                &format::date(a.at, lang),
                &older.provenance.publication_title,
            );
            let piece = Piece {
                series: measure.to_string(),
                measure: measure.to_string(),
                family: family.clone(),
                start,
                end: b.at,
                count,
                period: Period::Range { start, end: b.at },
                rank: newer.rank,
                difference: true,
                provenance: Provenance {
                    quoted: false,
                    publication: newer.provenance.publication.clone(),
                    publication_title: newer.provenance.publication_title.clone(),
                    peildatum: newer.provenance.peildatum,
                    source: (t.source_difference)(&older.provenance.publication, &newer.provenance.publication),
                    flag: Flag::Derived,
                    note,
                },
            };
            if count < 0.0 {
                set.negatives.push(piece);
            } else {
                set.pieces.push(piece);
            }
        }
    }
    annotate_corrections(archive, measure, &mut set.pieces, lang);
    annotate_corrections(archive, measure, &mut set.negatives, lang);
    sort_by_key(&mut set.pieces, |p| (p.start, p.end, p.rank));
    sort_by_key(&mut set.negatives, |p| (p.start, p.end));
    set
}

/// A piece that spans a data correction (the November 2020 "dataschoning") says so in its note:
/// its count contains milestones that were dated back.
fn annotate_corrections(archive: &Archive, measure: &str, pieces: &mut [Piece], lang: Lang) {
    let t = &texts(lang).trends;
    for e in archive.events.iter().filter(|e| e.kind == EventKind::DataCorrection && e.affects(measure)) {
        for p in pieces.iter_mut().filter(|p| p.start <= e.date && e.date <= p.end) {
            let extra = (t.note_correction)(&format::date(e.date, lang), e.text(lang));
            if p.provenance.note.is_empty() {
                p.provenance.note = extra;
            } else {
                p.provenance.note = format!("{} {extra}", p.provenance.note);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::trends::testkit::{archive, Pub};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn differences_between_peildata_are_flows() {
        // NCG: 1.128 trajecten afgerond on 31-05-2020 (ncg-2020-05-31), 1.769 on 31-12-2020
        // (ncg-2020-12-31), 1.865 on 31-03-2021 (ncg-2021-03-31): 641 in June-December 2020 and
        // 96 in Q1 2021 (while NCG's own month table gives 49 + 32 + 9 = 90).
        let a = archive(&[
            Pub { id: "mei", peildatum: "2020-05-31", publisher: "NCG", rows: "traject_afgerond,2020-05-31,,,,,,1128,published,t,\n" },
            Pub { id: "dec", peildatum: "2020-12-31", publisher: "NCG", rows: "traject_afgerond,2020-12-31,,,,,,1769,published,t,\n" },
            Pub { id: "mrt", peildatum: "2021-03-31", publisher: "NCG", rows: "traject_afgerond,2021-03-31,,,,,,1865,published,t,\ntraject_afgerond,2021-Q1,,,,,,90,published,t,\n" },
        ]);
        let s = candidates(&a, "traject_afgerond", None, &Breakdown::default(), Vintage::Latest, Lang::Nl);
        let diffs: Vec<(Date, Date, f64)> = s.pieces.iter().filter(|p| p.difference).map(|p| (p.start, p.end, p.count)).collect();
        assert_eq!(diffs, vec![(d("2020-06-01"), d("2020-12-31"), 641.0)]);
        // Q1 2021 is published (90), so the difference 96 over the same span is not added.
        let q1: Vec<f64> = s.pieces.iter().filter(|p| p.start == d("2021-01-01")).map(|p| p.count).collect();
        assert_eq!(q1, vec![90.0]);
        assert!((s.pieces[0].rate() - 641.0 / 7.0).abs() < 1e-9);
        assert!(s.negatives.is_empty());
    }

    #[test]
    fn year_to_date_totals_give_the_months_between_them() {
        // NCG 2020 (ncg-2020-08-31, ncg-2020-11-30): opnames 1 jan-31 aug 1.068, 1 jan-30 nov 2.612
        // → 1.544 in September-November, which contains the November 2020 data cleaning.
        let a = archive(&[
            Pub { id: "aug", peildatum: "2020-08-31", publisher: "NCG", rows: "opname,2020-01-01..2020-08-31,,,,,,1068,published,t,\n" },
            Pub { id: "nov", peildatum: "2020-11-30", publisher: "NCG", rows: "opname,2020-01-01..2020-11-30,,,,,,2612,published,t,\n" },
        ]);
        let s = candidates(&a, "opname", None, &Breakdown::default(), Vintage::Latest, Lang::Nl);
        let p = s.pieces.iter().find(|p| p.difference).unwrap();
        assert_eq!((p.start, p.end, p.count), (d("2020-09-01"), d("2020-11-30"), 1544.0));
        assert_eq!(p.provenance.flag, Flag::Derived);
        assert!(p.provenance.note.contains("Dataschoning"), "{}", p.provenance.note);
    }

    #[test]
    fn a_stock_gives_the_flow_of_its_member_and_negative_deltas_are_kept() {
        // voldoet_norm 5.832 (31-07-2022) → 8.065 (31-12-2022): 2.233 addresses came to meet the
        // norm in August-December 2022. A made-up decrease afterwards is reported, not dropped.
        let a = archive(&[
            Pub { id: "jul", peildatum: "2022-07-31", publisher: "NCG", rows: "voldoet_norm,2022-07-31,,,,,,5832,published,t,\n" },
            Pub { id: "dec", peildatum: "2022-12-31", publisher: "NCG", rows: "voldoet_norm,2022-12-31,,,,,,8065,published,t,\n" },
            Pub { id: "x", peildatum: "2023-01-31", publisher: "NCG", rows: "voldoet_norm,2023-01-31,,,,,,8000,published,t,\n" },
        ]);
        let s = candidates(&a, "veilig_verklaard", Some("voldoet_norm"), &Breakdown::default(), Vintage::Latest, Lang::Nl);
        assert_eq!(s.pieces.len(), 1);
        assert_eq!(s.pieces[0].count, 2233.0);
        assert_eq!(s.pieces[0].series, "veilig_verklaard");
        // Regression: the note said only "Verschil van de standen 8.065 … en 5.832 …", and a
        // review read the bars as NCG's own count of veilig verklaard: it names the other measure.
        assert!(s.pieces[0].provenance.note.starts_with("Verschil van de standen van '") && s.pieces[0].provenance.note.contains("een andere maat"), "{}", s.pieces[0].provenance.note);
        assert_eq!(s.negatives.len(), 1);
        assert_eq!(s.negatives[0].count, -65.0);
    }

    #[test]
    fn before_2017_has_no_rate_and_other_publishers_are_not_mixed() {
        let a = archive(&[
            Pub { id: "sodm", peildatum: "2020-07-17", publisher: "SodM", rows: "opname,..2016-12-31,,,,,,3970,published,t,\nopname,2020-07-17,,,,,,15967,published,t,\n" },
            Pub { id: "ncg", peildatum: "2020-12-31", publisher: "NCG", rows: "opname,2020-12-31,,,,,,18000,published,t,\n" },
        ]);
        let s = candidates(&a, "opname", None, &Breakdown::default(), Vintage::Latest, Lang::Nl);
        assert_eq!(s.before.len(), 1);
        assert_eq!(s.before[0].value, 3970.0);
        assert!(s.pieces.is_empty(), "no difference between a SodM and an NCG level");
    }
}
