//! Selecting observations: one value per (period, breakdown) for a measure, choosing between
//! publications that report the same period ("zoals toen gepubliceerd" vs "laatste stand").

use std::collections::BTreeMap;

use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::observation::Observation;
use crate::data::period::Period;

/// Which publication wins when several report the same period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Vintage {
    /// The most recent publication (by peildatum, then publication date): "laatste stand".
    #[default]
    Latest,
    /// The earliest publication: "zoals toen gepubliceerd".
    FirstPublished,
}

impl Vintage {
    pub fn code(self) -> &'static str {
        match self {
            Vintage::Latest => "laatst",
            Vintage::FirstPublished => "eerst",
        }
    }
    pub fn from_code(s: &str) -> Vintage {
        if s == "eerst" { Vintage::FirstPublished } else { Vintage::Latest }
    }
}

/// All observations of a measure with exactly this breakdown, one per (normalised) period,
/// chosen by vintage, sorted by period end. Suppressed values are kept (value `None`).
pub fn series<'a>(archive: &'a Archive, measure: &str, breakdown: &Breakdown, vintage: Vintage) -> Vec<&'a Observation> {
    let Some(m) = archive.measure_index(measure) else {
        return Vec::new();
    };
    let mut best: BTreeMap<(crate::data::date::Date, Period), &Observation> = BTreeMap::new();
    for o in archive.observations.iter().filter(|o| o.measure == m && &o.breakdown == breakdown) {
        let key = (o.period.end(), o.period.normalised());
        let rank = |o: &Observation| archive.publication(o.publication).map(|p| (p.peildatum, p.published, p.id.clone()));
        match best.get(&key) {
            Some(cur) => {
                let newer = rank(o) > rank(cur);
                if (vintage == Vintage::Latest) == newer {
                    best.insert(key, o);
                }
            }
            None => {
                best.insert(key, o);
            }
        }
    }
    best.into_values().collect()
}

/// Every publication's value for one (measure, period, breakdown): the revision history.
pub fn revisions<'a>(archive: &'a Archive, measure: &str, period: &Period, breakdown: &Breakdown) -> Vec<&'a Observation> {
    let Some(m) = archive.measure_index(measure) else {
        return Vec::new();
    };
    let target = period.normalised();
    let mut v: Vec<&Observation> = archive
        .observations
        .iter()
        .filter(|o| o.measure == m && &o.breakdown == breakdown && o.period.normalised() == target)
        .collect();
    crate::data::sort::sort_by_key(&mut v[..], |o| archive.publication(o.publication).map(|p| (p.peildatum, p.published)));
    v
}
