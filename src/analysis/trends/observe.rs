//! Which published numbers a trend uses: the observations of one measure for the chosen breakdown
//! (gemeenten harmonised over mergers), one per period, chosen by vintage ("laatste stand" or
//! "zoals toen gepubliceerd").
//!
//! Like [`crate::analysis::select::series`], but a filter on a gemeente also matches figures
//! published for the gemeenten that merged into it (Loppersum → Eemsdelta); when all of them
//! that existed then report the same period in one publication, their sum is used (flag
//! `derived`). A part is not the whole: Loppersum's 4.908 of April 2020 alone is no figure for
//! Eemsdelta (the rule of `drilldown::harmonise`, which the gemeente page follows).

use super::sorting::sort_by_key;
use crate::analysis::provenance;
use crate::analysis::select::Vintage;
use crate::analysis::time_chart::Provenance;
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::date::Date;
use crate::data::observation::{Flag, Observation};
use crate::data::period::Period;
use crate::i18n::{texts, Lang};

/// One usable published value.
#[derive(Clone, Debug, PartialEq)]
pub struct Obs {
    pub period: Period,
    pub value: f64,
    pub flag: Flag,
    /// Index into `Archive::publications`.
    pub publication: u32,
    /// Position of the publication in time (0 = earliest by peildatum, publication date, id).
    pub rank: usize,
    pub provenance: Provenance,
}

/// Ranks of all publications: 0 for the earliest (peildatum, then publication date, then id).
pub fn publication_ranks(archive: &Archive) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..archive.publications.len()).collect();
    sort_by_key(&mut idx, |&i| {
        let p = &archive.publications[i];
        (p.peildatum, p.published, p.id.as_str())
    });
    let mut ranks = vec![0; idx.len()];
    for (r, i) in idx.into_iter().enumerate() {
        ranks[i] = r;
    }
    ranks
}

/// The publisher family of a publication ("NCG (geciteerd door …)" → "NCG"): differences between
/// levels are only taken within one family.
pub fn publisher_family(archive: &Archive, publication: u32) -> &str {
    archive.publication(publication).map(|p| p.family()).unwrap_or("")
}

/// Does an observation's breakdown match the filter, with its gemeente harmonised to today's?
pub fn matches(archive: &Archive, b: &Breakdown, filter: &Breakdown) -> bool {
    b.batch == filter.batch
        && b.risicoprofiel == filter.risicoprofiel
        && b.eigenaar == filter.eigenaar
        && b.categorie == filter.categorie
        && b.gemeente.map(|g| archive.gemeenten.harmonise(g)) == filter.gemeente
}

/// Every publication's value of `measure` for the breakdown, one per (publication, period), with
/// predecessor gemeenten summed. Suppressed values are left out. Sorted by period end.
pub fn all(archive: &Archive, measure: &str, filter: &Breakdown, lang: Lang) -> Vec<Obs> {
    let Some(m) = archive.measure_index(measure) else { return Vec::new() };
    let ranks = publication_ranks(archive);
    let mut groups: Vec<((u32, Period), Vec<&Observation>)> = Vec::new();
    for o in archive.observations.iter().filter(|o| o.measure == m && o.value.is_some() && matches(archive, &o.breakdown, filter)) {
        let key = (o.publication, o.period);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(o),
            None => groups.push((key, vec![o])),
        }
    }
    let mut out: Vec<Obs> = groups
        .into_iter()
        .filter_map(|((publication, period), parts)| {
            let first = parts.first()?;
            if !whole(archive, filter, period, &parts) {
                return None;
            }
            let value: f64 = parts.iter().filter_map(|o| o.value).sum();
            let mut prov = provenance::of(archive, first, lang);
            let flag = if parts.len() > 1 {
                prov.flag = Flag::Derived;
                prov.note = texts(lang).trends.note_summed_predecessors.to_string();
                Flag::Derived
            } else {
                first.flag
            };
            Some(Obs { period, value, flag, publication, rank: ranks.get(publication as usize).copied().unwrap_or(0), provenance: prov })
        })
        .collect();
    sort_by_key(&mut out, |o| (o.period.end(), o.period.start(), o.rank));
    out
}

/// Do `parts` (one publication's values of one period) make up the whole of the filter's gemeente?
/// Yes for the total, for a value published for that gemeente itself, and for address-level data
/// (already within today's boundaries); for the gemeenten that merged into it, only when every
/// one that existed at the period's end is there.
pub fn whole(archive: &Archive, filter: &Breakdown, period: Period, parts: &[&Observation]) -> bool {
    let Some(code) = filter.gemeente else { return true };
    if parts.iter().any(|o| o.breakdown.gemeente == Some(code)) || parts.iter().any(|o| crate::analysis::drilldown::harmonise::from_addresses(archive, o)) {
        return true;
    }
    let registry = &archive.gemeenten;
    let end = period.end();
    registry
        .predecessors_of(code)
        .into_iter()
        .filter(|&c| registry.get(c).is_some_and(|g| g.exists_on(end)))
        .all(|c| parts.iter().any(|o| o.breakdown.gemeente == Some(c)))
}

/// One value per (normalised) period: the latest or the first publication's, as the vintage says.
pub fn pick(archive: &Archive, measure: &str, filter: &Breakdown, vintage: Vintage, lang: Lang) -> Vec<Obs> {
    pick_by(archive, measure, filter, vintage, false, lang)
}

/// Like [`pick`], but one value per period *per publisher family*: SodM's bronbestand figures and
/// NCG's published figures are counted differently (SodM 2019-2020, seed 000 L921-923) and are
/// kept apart instead of replacing each other.
pub fn pick_per_family(archive: &Archive, measure: &str, filter: &Breakdown, vintage: Vintage, lang: Lang) -> Vec<Obs> {
    pick_by(archive, measure, filter, vintage, true, lang)
}

fn pick_by(archive: &Archive, measure: &str, filter: &Breakdown, vintage: Vintage, per_family: bool, lang: Lang) -> Vec<Obs> {
    let mut best: Vec<((&str, Date, Period), Obs)> = Vec::new();
    for o in all(archive, measure, filter, lang) {
        let fam = if per_family { publisher_family(archive, o.publication) } else { "" };
        let key = (fam, o.period.end(), o.period.normalised());
        match best.iter_mut().find(|(k, _)| *k == key) {
            Some((_, cur)) => {
                if (vintage == Vintage::Latest) == (o.rank > cur.rank) {
                    *cur = o;
                }
            }
            None => best.push((key, o)),
        }
    }
    let mut v: Vec<Obs> = best.into_iter().map(|(_, o)| o).collect();
    sort_by_key(&mut v, |o| (o.period.end(), o.period.start(), o.rank));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::trends::testkit::{archive, Pub};
    use crate::data::gemeente::GemeenteCode;

    #[test]
    fn vintage_chooses_between_the_january_and_july_2020_reports() {
        // SodM 2019-2020 (seed 000) L729-738: beoordeling H1 2019 was 357 in January, 875 in July.
        let a = archive(&[
            Pub { id: "jan", peildatum: "2019-12-31", publisher: "SodM", rows: "beoordeling,2019-H1,,,,,,357,published,L731,\n" },
            Pub { id: "jul", peildatum: "2020-07-17", publisher: "SodM", rows: "beoordeling,2019-H1,,,,,,875,published,L733,\n" },
        ]);
        let total = Breakdown::default();
        assert_eq!(pick(&a, "beoordeling", &total, Vintage::Latest, Lang::Nl)[0].value, 875.0);
        assert_eq!(pick(&a, "beoordeling", &total, Vintage::FirstPublished, Lang::Nl)[0].value, 357.0);
        assert_eq!(all(&a, "beoordeling", &total, Lang::Nl).len(), 2);
    }

    #[test]
    fn merged_gemeenten_count_for_their_successor() {
        // Appingedam, Delfzijl and Loppersum merged into Eemsdelta (GM1979) on 2021-01-01.
        let a = archive(&[Pub {
            id: "p",
            peildatum: "2020-12-31",
            publisher: "NCG",
            rows: "werkvoorraad,2020-12-31,GM0003,,,,,10,published,t,\nwerkvoorraad,2020-12-31,GM0010,,,,,20,published,t,\nwerkvoorraad,2020-12-31,GM0024,,,,,5,published,t,\nwerkvoorraad,2020-12-31,,,,,,26724,published,t,\n",
        }]);
        let eemsdelta = Breakdown { gemeente: Some(GemeenteCode(1979)), ..Breakdown::default() };
        let v = pick(&a, "werkvoorraad", &eemsdelta, Vintage::Latest, Lang::Nl);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].value, 35.0);
        assert_eq!(v[0].flag, Flag::Derived);
        assert_eq!(pick(&a, "werkvoorraad", &Breakdown::default(), Vintage::Latest, Lang::Nl)[0].value, 26724.0);
    }

    #[test]
    fn a_part_of_a_merged_gemeente_is_not_the_whole() {
        // Regression: Trends with ?gemeente=GM1979 drew Loppersum's werkvoorraad of 20 April 2020
        // (4.908; Gemeente Loppersum) as Eemsdelta's and joined it to Eemsdelta's 15.815 of 2023,
        // and its forecast read a growth of 322 a month "in the two years before" from it. (This
        // test used to sum two of the three old gemeenten, Appingedam and Loppersum, as Eemsdelta.)
        let a = archive(&[
            Pub { id: "lop", peildatum: "2020-04-20", publisher: "Gemeente Loppersum", rows: "werkvoorraad,2020-04-20,GM0024,,,,,4908,published,t,\n" },
            Pub { id: "two", peildatum: "2020-12-31", publisher: "NCG", rows: "werkvoorraad,2020-12-31,GM0003,,,,,10,published,t,\nwerkvoorraad,2020-12-31,GM0024,,,,,5,published,t,\n" },
            Pub { id: "eems", peildatum: "2023-02-15", publisher: "Gemeente Eemsdelta", rows: "werkvoorraad,2023-02-15,GM1979,,,,,15815,published,t,\n" },
        ]);
        let eemsdelta = Breakdown { gemeente: Some(GemeenteCode(1979)), ..Breakdown::default() };
        let v = pick(&a, "werkvoorraad", &eemsdelta, Vintage::Latest, Lang::Nl);
        assert_eq!(v.iter().map(|o| o.value).collect::<Vec<_>>(), [15815.0]);
    }
}
