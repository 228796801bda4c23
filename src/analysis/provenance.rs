//! Turning an observation into the provenance that travels with a plotted value, and the
//! source line printed under a chart.

use super::time_chart::Provenance;
use crate::data::archive::Archive;
use crate::data::observation::Observation;
use crate::i18n::{format, texts, Lang};

pub fn of(archive: &Archive, o: &Observation) -> Provenance {
    let p = archive.publication(o.publication);
    Provenance {
        publication: p.map(|p| p.id.clone()).unwrap_or_default(),
        publication_title: p.map(|p| p.title.clone()).unwrap_or_default(),
        peildatum: p.map(|p| p.peildatum),
        source: o.source.to_string(),
        flag: o.flag,
        note: o.note.to_string(),
    }
}

/// "Bron: NCG (publicatie 31-12-2024), SodM (17-07-2020); bewerking Versterkingsmonitor"
pub fn source_line(archive: &Archive, provs: &[&Provenance], lang: Lang) -> String {
    let t = &texts(lang).shell;
    let mut pubs: Vec<(String, Option<crate::data::date::Date>)> = Vec::new();
    for pr in provs {
        if let Some(p) = archive.publications.iter().find(|p| p.id == pr.publication) {
            let e = (p.publisher.clone(), Some(p.peildatum));
            if !pubs.contains(&e) {
                pubs.push(e);
            }
        }
    }
    // Group by publisher: "NCG (31-05-2020 t/m 31-12-2024)".
    let mut by_pub: Vec<(String, Vec<crate::data::date::Date>)> = Vec::new();
    for (publisher, d) in pubs {
        let Some(d) = d else { continue };
        match by_pub.iter_mut().find(|(p, _)| *p == publisher) {
            Some((_, ds)) => ds.push(d),
            None => by_pub.push((publisher, vec![d])),
        }
    }
    let parts: Vec<String> = by_pub
        .into_iter()
        .map(|(p, mut ds)| {
            crate::data::sort::sort(&mut ds[..]);
            let first = ds.first().copied();
            let last = ds.last().copied();
            match (first, last) {
                (Some(a), Some(b)) if a == b => format!("{p} ({} {})", if lang == Lang::Nl { "peildatum" } else { "reference date" }, format::date_short(a, lang)),
                (Some(a), Some(b)) => format!(
                    "{p} ({} {} {} {})",
                    ds.len(),
                    if lang == Lang::Nl { "publicaties," } else { "publications," },
                    format::date_short(a, lang),
                    format!("– {}", format::date_short(b, lang))
                ),
                _ => p,
            }
        })
        .collect();
    if parts.is_empty() {
        return format!("{} {}", t.source_prefix, t.processing);
    }
    format!("{} {}; {}", t.source_prefix, parts.join(", "), t.processing)
}
