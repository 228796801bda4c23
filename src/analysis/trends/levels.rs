//! Cumulative levels at peildata: how many addresses had reached a milestone by a date. Published
//! levels, plus three ways to compute one from published figures of **one** publication:
//!
//! - **backwards through its flows**: SodM's table 2.2 adds up to table 2.1's level on
//!   17 July 2020, so 15.967 opnames minus 181 (Q2 2020) is the level on 31 March 2020, and so on
//!   back to "voor 2017" (3.970 = the level on 31 December 2016);
//! - **a complement**: werkvoorraad minus "nog te beoordelen" is the number assessed;
//! - **a sum of phases**: NCG's phases 4 to 6 on 31 October 2021 are the addresses past assessment.

use super::observe::{self, Obs};
use super::sorting::sort_unique;
use crate::analysis::select::Vintage;
use crate::analysis::time_chart::Provenance;
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::date::Date;
use crate::data::observation::Flag;
use crate::data::period::Period;
use crate::i18n::{format, texts, Lang};

/// A level at a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Level {
    pub date: Date,
    pub value: f64,
    pub provenance: Provenance,
    /// How the level was obtained: a line is broken between two computed levels obtained in
    /// different ways (`stock_phases`).
    pub how: How,
}

/// How a level was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    Published,
    /// Back from a publication's level through its own flows.
    Backwards,
    /// Total minus a part (werkvoorraad − nog te beoordelen).
    Complement,
    /// A sum of parts (NCG's phases).
    Sum,
}

fn derived(o: &Obs, source: String, note: String) -> Provenance {
    Provenance { quoted: false, flag: Flag::Derived, source, note, ..o.provenance.clone() }
}

/// Published levels (values at a date), one per date by vintage.
pub fn published(archive: &Archive, measure: &str, filter: &Breakdown, vintage: Vintage, lang: Lang) -> Vec<Level> {
    observe::pick(archive, measure, filter, vintage, lang)
        .into_iter()
        .filter_map(|o| match o.period {
            Period::At(d) => Some(Level { date: d, value: o.value, provenance: o.provenance, how: How::Published }),
            _ => None,
        })
        .collect()
}

/// Levels computed backwards from each publication's latest level through that publication's own
/// flows. The first flow may end up to 31 days before the level's date (SodM's "2e kwartaal 2020"
/// runs to 17 July: data-coverage.md §3.1 #14).
pub fn reconstructed(archive: &Archive, measure: &str, filter: &Breakdown, lang: Lang) -> Vec<Level> {
    let t = &texts(lang).trends;
    let obs = observe::all(archive, measure, filter, lang);
    let mut pubs: Vec<u32> = obs.iter().map(|o| o.publication).collect();
    sort_unique(&mut pubs);
    let mut out = Vec::new();
    for p in pubs {
        let own: Vec<&Obs> = obs.iter().filter(|o| o.publication == p).collect();
        let Some(anchor) = own.iter().filter(|o| o.period.is_date()).max_by_key(|o| o.period.end()) else { continue };
        let flows: Vec<&Obs> = own.iter().copied().filter(|o| o.period.start().is_some() && !o.period.is_date()).collect();
        let mut value = anchor.value;
        let mut used: Vec<String> = Vec::new();
        for f in chain(&flows, anchor.period.end(), true) {
            let Some(before) = f.period.start().and_then(|s| s.add_days(-1)) else { break };
            value -= f.value;
            used.push(format::period(&f.period, lang));
            let source = (t.level_backwards_source)(&format::int(anchor.value, lang), &format::date(anchor.period.end(), lang), &used.join(", "));
            out.push(Level { date: before, value, provenance: derived(anchor, source, String::new()), how: How::Backwards });
        }
    }
    out
}

/// The chain of flows ending at `date` and going back without gaps that covers the most days
/// (then uses the most, i.e. the finest, flows). The first may end up to 31 days before `date`.
fn chain<'a>(flows: &[&'a Obs], date: Date, first: bool) -> Vec<&'a Obs> {
    let mut best: (i64, usize, Vec<&'a Obs>) = (0, 0, Vec::new());
    for f in flows.iter().copied() {
        let end = f.period.end();
        let fits = end == date || (first && end < date && date.days_until(end) >= -31);
        let (Some(start), true) = (f.period.start(), fits) else { continue };
        let Some(before) = start.add_days(-1) else { continue };
        let rest = chain(flows, before, false);
        let days = f.period.days().unwrap_or(0) + rest.iter().filter_map(|r| r.period.days()).sum::<i64>();
        let n = rest.len() + 1;
        if (days, n) > (best.0, best.1) {
            let mut v = vec![f];
            v.extend(rest);
            best = (days, n, v);
        }
    }
    best.2
}

/// `total − part` where one publication gives both at the same date (werkvoorraad minus
/// "nog te beoordelen" = assessed).
pub fn complement(archive: &Archive, total: &str, part: &str, filter: &Breakdown, lang: Lang) -> Vec<Level> {
    let t = &texts(lang).trends;
    let totals = observe::all(archive, total, filter, lang);
    let parts = observe::all(archive, part, filter, lang);
    let (Some(tm), Some(pm)) = (archive.measure_by_code(total), archive.measure_by_code(part)) else { return Vec::new() };
    totals
        .iter()
        .filter(|o| o.period.is_date())
        .filter_map(|a| {
            let b = parts.iter().find(|b| b.publication == a.publication && b.period == a.period)?;
            let approx = a.flag == Flag::Approximate || b.flag == Flag::Approximate;
            // A rough input keeps its "≈" in the derivation (a review read "berekend: Werkvoorraad
            // 15.815 min Planvorming nog niet gestart 6.300" as exact; the source said "bijna 6.300").
            let source = (t.level_complement_source)(tm.label(lang), &format::int_as(a.value, a.flag, lang), pm.label(lang), &format::int_as(b.value, b.flag, lang));
            let note = if approx { t.level_approx_note.to_string() } else { String::new() };
            Some(Level { date: a.period.end(), value: a.value - b.value, provenance: derived(a, source, note), how: How::Complement })
        })
        .collect()
}

/// The sum of `parts` where one publication gives all of them at the same date (NCG's phases).
pub fn sum_of(archive: &Archive, parts: &[&str], filter: &Breakdown, lang: Lang) -> Vec<Level> {
    let t = &texts(lang).trends;
    let Some((first, rest)) = parts.split_first() else { return Vec::new() };
    let others: Vec<Vec<Obs>> = rest.iter().map(|p| observe::all(archive, p, filter, lang)).collect();
    observe::all(archive, first, filter, lang)
        .into_iter()
        .filter(|o| o.period.is_date())
        .filter_map(|a| {
            let mut value = a.value;
            for list in &others {
                value += list.iter().find(|b| b.publication == a.publication && b.period == a.period)?.value;
            }
            let labels: Vec<&str> = parts.iter().filter_map(|p| archive.measure_by_code(p)).map(|m| m.label(lang)).collect();
            let source = (t.level_sum_source)(&labels.join(" + "));
            Some(Level { date: a.period.end(), value, provenance: derived(&a, source, String::new()), how: How::Sum })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::trends::testkit::{archive, Pub};

    const SODM: &str = "opname,2020-07-17,,,,,,15967,published,t2.1,\n\
opname,2020-Q2,,,,,,181,published,t2.2,\nopname,2020-Q1,,,,,,408,published,t2.2,\nopname,2019-Q4,,,,,,1185,published,t2.2,\n\
opname,2019-Q3,,,,,,736,published,t2.2,\nopname,2019-H1,,,,,,287,published,t2.2,\nopname,2018,,,,,,4059,published,t2.2,\n\
opname,2017,,,,,,5141,published,t2.2,\nopname,..2016-12-31,,,,,,3970,published,t2.2,\nopname,2020-H1,,,,,,589,published,text,\n\
werkvoorraad,2020-07-17,,,,,,26716,published,t2.1,\nnog_op_te_nemen,2020-07-17,,,,,,10700,approximate,text,\n";

    #[test]
    fn table_2_2_walks_back_from_the_17_july_level() {
        // Seed 000 L651 and L672: 15.967 − 181 − 408 − 1.185 − 736 − 287 − 4.059 − 5.141 = 3.970,
        // the "voor 2017" column.
        let a = archive(&[Pub { id: "sodm", peildatum: "2020-07-17", publisher: "SodM", rows: SODM }]);
        let l = reconstructed(&a, "opname", &Breakdown::default(), Lang::Nl);
        let got: Vec<(String, f64)> = l.iter().map(|l| (l.date.to_string(), l.value)).collect();
        assert_eq!(
            got,
            vec![
                ("2020-03-31".into(), 15786.0),
                ("2019-12-31".into(), 15378.0),
                ("2019-09-30".into(), 14193.0),
                ("2019-06-30".into(), 13457.0),
                ("2018-12-31".into(), 13170.0),
                ("2017-12-31".into(), 9111.0),
                ("2016-12-31".into(), 3970.0),
            ]
        );
        assert!(l.iter().all(|l| l.provenance.flag == Flag::Derived));
    }

    #[test]
    fn complements_and_sums_within_one_publication() {
        let a = archive(&[
            Pub { id: "sodm", peildatum: "2020-07-17", publisher: "SodM", rows: SODM },
            Pub {
                id: "ncg",
                peildatum: "2021-10-31",
                publisher: "NCG",
                rows: "fase_4,2021-10-31,,,,,,10254,published,t,\nfase_5,2021-10-31,,,,,,1644,published,t,\nfase_6,2021-10-31,,,,,,2400,published,t,\n",
            },
        ]);
        let c = complement(&a, "werkvoorraad", "nog_op_te_nemen", &Breakdown::default(), Lang::Nl);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].value, 16016.0);
        assert!(!c[0].provenance.note.is_empty(), "approximate input is said");
        // NCG 31-10-2021: phases 4-6 = 10.254 + 1.644 + 2.400 = 14.298 addresses past assessment.
        let s = sum_of(&a, &["fase_4", "fase_5", "fase_6"], &Breakdown::default(), Lang::Nl);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].value, 14298.0);
        assert!(sum_of(&a, &["fase_4", "fase_1"], &Breakdown::default(), Lang::Nl).is_empty());
    }
}
