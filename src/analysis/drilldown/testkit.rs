//! Test helpers: small archives with the real measure list and gemeente registry.

use crate::data::archive::{parse_gemeenten, parse_measures, Archive, LoadReport};
use crate::data::breakdown::Breakdown;
use crate::data::bronbestand::{Address, Milestone, Uitkomst};
use crate::data::breakdown::{Eigenaar, Risicoprofiel};
use crate::data::date::Date;
use crate::data::gemeente::{GemeenteCode, Registry};
use crate::data::measure::Measure;
use crate::data::observation::{Flag, Observation};
use crate::data::period::Period;
use crate::data::publication::Publication;

pub fn registry() -> Registry {
    let mut r = LoadReport::default();
    parse_gemeenten("gemeenten.csv", include_str!("../../../public/data/gemeenten.csv"), &mut r).unwrap_or_default()
}

pub fn measures() -> Vec<Measure> {
    let mut r = LoadReport::default();
    parse_measures("maten.csv", include_str!("../../../public/data/maten.csv"), &mut r).unwrap_or_default()
}

pub fn d(s: &str) -> Date {
    Date::parse(s).unwrap_or(Date::Y2K)
}

/// An observation waiting for its measure index (resolved by [`archive_with`]).
pub struct Obs(pub String, pub Period, pub Option<u16>, pub f64);

pub fn obs(measure: &str, period: &str, gemeente: Option<u16>, value: f64) -> Obs {
    Obs(measure.to_string(), Period::parse(period).unwrap_or(Period::At(Date::Y2K)), gemeente, value)
}

/// One publication "proef" holding these observations.
pub fn archive_with(list: Vec<Obs>) -> Archive {
    let measures = measures();
    let observations = list
        .into_iter()
        .filter_map(|Obs(m, period, g, value)| {
            let measure = measures.iter().position(|x| x.code == m)? as u32;
            Some(Observation {
                publication: 0,
                measure,
                period,
                breakdown: Breakdown { gemeente: g.map(GemeenteCode), ..Breakdown::default() },
                value: Some(value),
                flag: Flag::Published,
                source: "tabel 1".into(),
                note: "".into(),
                line: 1,
            })
        })
        .collect();
    Archive {
        publications: vec![Publication {
            id: "proef".into(),
            peildatum: d("2024-12-31"),
            published: None,
            published_at_latest: false,
            peildatum_stated: true,
            publisher: "NCG".into(),
            quoted_by: None,
            title: "Proefpublicatie".into(),
            url: None,
            document: Some("proef".into()),
            file: "proef.csv".into(),
            notes: String::new(),
        }],
        measures,
        gemeenten: registry(),
        events: Vec::new(),
        observations,
        translations: Default::default(),
    }
}

/// An address in gemeente `g`, village `dorp`, cluster `cluster`, with milestone dates.
pub fn addr(id: &str, g: u16, dorp: &str, cluster: Option<&str>, dates: &[(Milestone, &str)], uitkomst: Option<Uitkomst>) -> Address {
    let mut a = Address::new(id, GemeenteCode(g), dorp, 9919, Risicoprofiel::P90, Eigenaar::Particulier);
    a.set_toegevoegd(Some(d("2015-01-01")));
    a.cluster = cluster.map(std::sync::Arc::from);
    for (m, s) in dates {
        a.set_date(*m, Some(d(s)));
    }
    a.uitkomst = uitkomst;
    a
}
