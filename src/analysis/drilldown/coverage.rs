//! What the published archive holds per gemeente — so the interface can say plainly what exists
//! (with its dates) and what NCG does not publish per gemeente.

use std::collections::BTreeMap;

use crate::analysis::provenance::publisher_label;
use crate::data::archive::Archive;
use crate::data::date::Date;
use crate::data::gemeente::GemeenteCode;
use crate::data::measure::MeasureKind;
use crate::i18n::{format, Lang};

/// The figures one publication gives for one gemeente (dated by the publication's peildatum).
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedSet {
    /// The gemeente as published (an old code for figures from before a merger).
    pub gemeente: GemeenteCode,
    /// Today's gemeente it belongs to.
    pub today: GemeenteCode,
    pub date: Date,
    pub publisher: String,
    pub publication_title: String,
    /// Labels of the measures, in archive order.
    pub measures: Vec<String>,
    /// The same with their values as published: "Opname uitgevoerd ≈ 14.500", "Aandeel met opname
    /// 91%", "Doel opnames 2020: 175" (a measure published more than once: its name only). The
    /// gemeente page listed only the names, so Eemsdelta's 91% inspected was nowhere on its page.
    pub figures: Vec<String>,
}

/// Every (publication, gemeente, date) with gemeente figures, by today's gemeente and date.
pub fn published_per_gemeente(archive: &Archive, lang: Lang) -> Vec<PublishedSet> {
    let mut groups: BTreeMap<(GemeenteCode, Date, u32, GemeenteCode), Vec<u32>> = BTreeMap::new();
    for o in &archive.observations {
        let b = &o.breakdown;
        let Some(g) = b.gemeente else { continue };
        if b.depth() != 1 {
            continue;
        }
        // The publication's peildatum, not the period's end: a plan's targets for 2020 are part of
        // the plan of 22 April 2020, not figures of 31 December 2020.
        let date = archive.publication(o.publication).map_or(o.period.end(), |p| p.peildatum);
        let key = (archive.gemeenten.harmonise(g), date, o.publication, g);
        let ms = groups.entry(key).or_default();
        if !ms.contains(&o.measure) {
            ms.push(o.measure);
        }
    }
    let figure = |p: u32, g: GemeenteCode, m: u32| -> Option<String> {
        let measure = archive.measure(m)?;
        let label = measure.label(lang);
        // A plain scan (a second map of its own cost 2 KB of wasm).
        let mut found = archive.observations.iter().filter(|o| o.publication == p && o.measure == m && o.breakdown.gemeente == Some(g) && o.breakdown.depth() == 1);
        let text = match (found.next(), found.next()) {
            (Some(o), None) => match o.value {
                Some(v) => {
                    let value = match measure.kind {
                        MeasureKind::Share => format::pct(v, 0, lang),
                        MeasureKind::LeadTimeMean => crate::analysis::lead_times::days_text(v, lang),
                        _ => format::int(v, lang),
                    };
                    let when = if o.period.is_date() { String::new() } else { format!(" {}", format::period(&o.period, lang)) };
                    format!("{label}{when}: {}{value}", format::approx(o.flag))
                }
                None => label.to_string(),
            },
            _ => label.to_string(),
        };
        Some(text)
    };
    groups
        .into_iter()
        .map(|((today, date, p, gemeente), mut ms)| {
            crate::data::sort::sort(&mut ms[..]);
            let publication = archive.publication(p);
            PublishedSet {
                gemeente,
                today,
                date,
                publisher: publication.map(|p| publisher_label(p, lang)).unwrap_or_default(),
                publication_title: publication.map(|p| p.title.clone()).unwrap_or_default(),
                measures: ms.iter().filter_map(|&m| archive.measure(m)).map(|m| m.label(lang).to_string()).collect(),
                figures: ms.iter().filter_map(|&m| figure(p, gemeente, m)).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::drilldown::testkit::{archive_with, obs};

    #[test]
    fn lists_what_exists_per_gemeente() {
        let a = archive_with(vec![
            obs("werkvoorraad", "2023-02-15", Some(1979), 15815.0),
            obs("opname", "2023-02-15", Some(1979), 14500.0),
            obs("werkvoorraad", "2020-07-17", Some(24), 2700.0),
            obs("werkvoorraad", "2024-12-31", None, 27713.0),
        ]);
        let v = published_per_gemeente(&a, Lang::Nl);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].gemeente, GemeenteCode(24));
        assert_eq!(v[0].today, GemeenteCode(1979));
        assert_eq!(v[1].measures, vec!["Werkvoorraad".to_string(), "Opname uitgevoerd".to_string()]);
        assert_eq!(v[1].figures, vec!["Werkvoorraad: 15.815".to_string(), "Opname uitgevoerd: 14.500".to_string()]);
    }
}
