//! A gemeente's series within today's boundaries. Figures published for gemeenten that later
//! merged are added up into their successor: a value for Eemsdelta before 2021 is the sum of
//! Appingedam, Delfzijl and Loppersum on that date, flagged as derived with a note naming them.
//! A date on which one of the old gemeenten is missing gets no harmonised value (a part is not
//! the whole). Address-level data is already harmonised when it is derived
//! (`Address::gemeente_nu`); its series pass through unchanged.

use std::collections::BTreeMap;

use crate::analysis::derive::{DEMO_PUBLICATION, OWN_PUBLICATION};
use crate::analysis::provenance;
use crate::analysis::select::{series, Vintage};
use crate::analysis::time_chart::Provenance;
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::date::Date;
use crate::data::gemeente::GemeenteCode;
use crate::data::observation::{Flag, Observation};
use crate::i18n::{texts, Lang};

/// One value on a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Dated {
    pub date: Date,
    pub value: f64,
    pub provenance: Provenance,
    /// The old gemeenten added up for this value (empty: published for the gemeente itself).
    pub summed: Vec<GemeenteCode>,
}

/// The breakdown of a gemeente (or the total with `None`).
pub fn breakdown(gemeente: Option<GemeenteCode>) -> Breakdown {
    Breakdown { gemeente, ..Breakdown::default() }
}

/// Is this observation from address-level data (already within today's boundaries)?
pub(crate) fn from_addresses(archive: &Archive, o: &Observation) -> bool {
    archive.publication(o.publication).is_some_and(|p| p.id == DEMO_PUBLICATION || p.id == OWN_PUBLICATION)
}

/// The values on dates of a measure for one gemeente (today's boundaries) or the total,
/// sorted by date.
///
/// On a date when old gemeenten that later merged into `gemeente` existed, the value is the sum
/// of all of them — and of `gemeente` itself if it existed then too (Groningen before 2019 is
/// Groningen + Ten Boer + Haren) — and only when every one of them is published. A value published
/// for `gemeente` on a date before it existed (Eemsdelta in 2020) is taken as already harmonised,
/// and so is every value derived from address-level data.
pub fn dated_series(archive: &Archive, measure: &str, gemeente: Option<GemeenteCode>, vintage: Vintage, lang: Lang) -> Vec<Dated> {
    // Inserted one by one, not collected: `BTreeMap::from_iter` sorts with the standard library's
    // sort, a copy of it in the wasm for this one call (see data::sort). The last of equal dates
    // wins either way.
    let direct = |b: &Breakdown| -> BTreeMap<Date, &Observation> {
        let mut m = BTreeMap::new();
        for o in series(archive, measure, b, vintage).into_iter().filter(|o| o.period.is_date() && o.value.is_some()) {
            m.insert(o.period.end(), o);
        }
        m
    };
    let plain = |o: &Observation| Dated { date: o.period.end(), value: o.value.unwrap_or(0.0), provenance: provenance::of(archive, o, lang), summed: Vec::new() };
    let Some(code) = gemeente else {
        return direct(&Breakdown::default()).values().map(|o| plain(o)).collect();
    };
    let registry = &archive.gemeenten;
    let exists = |c: GemeenteCode, d: Date| registry.get(c).is_some_and(|g| g.exists_on(d));
    let own = direct(&breakdown(Some(code)));
    let olds: Vec<(GemeenteCode, BTreeMap<Date, &Observation>)> =
        registry.predecessors_of(code).into_iter().filter(|&p| p != code).map(|p| (p, direct(&breakdown(Some(p))))).collect();
    let mut dates: Vec<Date> = own.keys().copied().chain(olds.iter().flat_map(|(_, m)| m.keys().copied())).collect();
    crate::data::sort::sort(&mut dates[..]);
    dates.dedup();
    let mut out = Vec::new();
    for d in dates {
        let existing: Vec<&(GemeenteCode, BTreeMap<Date, &Observation>)> = olds.iter().filter(|(p, _)| exists(*p, d)).collect();
        let mine = own.get(&d).copied();
        if let Some(o) = mine
            && (existing.is_empty() || !exists(code, d) || from_addresses(archive, o))
        {
            out.push(plain(o));
            continue;
        }
        // Sum the gemeenten of that day: the old ones, and this one if it existed then.
        let mut parts: Vec<(GemeenteCode, &Observation)> = Vec::new();
        if exists(code, d) {
            match mine {
                Some(o) => parts.push((code, o)),
                None => continue,
            }
        }
        let olds_there: Vec<(GemeenteCode, &Observation)> = existing.iter().filter_map(|(p, m)| m.get(&d).map(|o| (*p, *o))).collect();
        if existing.is_empty() || olds_there.len() != existing.len() {
            continue;
        }
        parts.extend(olds_there);
        let names: Vec<String> = parts.iter().map(|(p, _)| registry.get(*p).map(|g| g.name.clone()).unwrap_or_else(|| p.to_string())).collect();
        let Some((_, first)) = parts.first() else { continue };
        let mut prov = provenance::of(archive, first, lang);
        prov.flag = if prov.flag == Flag::Synthetic { Flag::Synthetic } else { Flag::Derived };
        prov.note = (texts(lang).gemeenten.summed_note)(&names.join(", "));
        out.push(Dated { date: d, value: parts.iter().filter_map(|(_, o)| o.value).sum(), provenance: prov, summed: parts.iter().map(|(p, _)| *p).collect() });
    }
    out
}

/// The value on exactly this date, if any.
pub fn on(series: &[Dated], date: Date) -> Option<&Dated> {
    series.iter().find(|d| d.date == date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::drilldown::testkit::{archive_with, obs};

    #[test]
    fn old_gemeenten_add_up_into_their_successor() {
        // Before 2021 Appingedam, Delfzijl and Loppersum; after, Eemsdelta itself.
        let a = archive_with(vec![
            obs("werkvoorraad", "2020-07-17", Some(3), 3000.0),
            obs("werkvoorraad", "2020-07-17", Some(10), 6000.0),
            obs("werkvoorraad", "2020-07-17", Some(24), 2700.0),
            obs("werkvoorraad", "2019-12-31", Some(24), 2600.0), // Appingedam and Delfzijl missing
            obs("werkvoorraad", "2023-02-15", Some(1979), 15815.0),
        ]);
        let s = dated_series(&a, "werkvoorraad", Some(GemeenteCode(1979)), Vintage::Latest, Lang::Nl);
        assert_eq!(s.len(), 2, "{s:#?}");
        assert_eq!(s[0].value, 11700.0);
        assert_eq!(s[0].summed.len(), 3);
        assert_eq!(s[0].provenance.flag, Flag::Derived);
        assert!(s[0].provenance.note.contains("Appingedam, Delfzijl, Loppersum"), "{}", s[0].provenance.note);
        assert_eq!(s[1].value, 15815.0);
        assert!(s[1].summed.is_empty());
        // Groningen absorbed Ten Boer and Haren in 2019: before, Groningen's own figure is only
        // a part; with all three published it is their sum; without them there is no value.
        let g = archive_with(vec![
            obs("werkvoorraad", "2018-06-30", Some(14), 4000.0),
            obs("werkvoorraad", "2018-06-30", Some(9), 1000.0),
            obs("werkvoorraad", "2018-06-30", Some(17), 0.0),
            obs("werkvoorraad", "2017-06-30", Some(14), 3900.0),
            obs("werkvoorraad", "2020-06-30", Some(14), 5100.0),
        ]);
        let s = dated_series(&g, "werkvoorraad", Some(GemeenteCode(14)), Vintage::Latest, Lang::Nl);
        let v: Vec<(String, f64)> = s.iter().map(|x| (x.date.to_string(), x.value)).collect();
        assert_eq!(v, vec![("2018-06-30".to_string(), 5000.0), ("2020-06-30".to_string(), 5100.0)]);
    }

    #[test]
    fn an_old_gemeente_keeps_its_own_series() {
        let a = archive_with(vec![obs("werkvoorraad", "2020-07-17", Some(24), 2700.0), obs("werkvoorraad", "2019-12-31", Some(24), 2600.0)]);
        assert_eq!(dated_series(&a, "werkvoorraad", Some(GemeenteCode(24)), Vintage::Latest, Lang::Nl).len(), 2);
    }
}
