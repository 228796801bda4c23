//! Turning an observation into the provenance that travels with a plotted value, and the
//! source line printed under a chart.

use super::chart::ChartMeta;
use super::time_chart::Provenance;
use crate::data::archive::Archive;
use crate::data::observation::{Flag, Observation};
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

/// The meta of a chart drawn from values with these provenances: the source line names their
/// publications, and the chart is marked synthetic when any value in it is (so the stamp on the
/// image, the table and the CSV cannot be forgotten by one chart). Not an estimate; set
/// `estimated` on the result where it is.
pub fn chart_meta(archive: &Archive, provs: &[&Provenance], lang: Lang, id: String, title: String, summary: String, method: String) -> ChartMeta {
    ChartMeta {
        id,
        title,
        summary,
        source_line: source_line(archive, provs, lang),
        method,
        synthetic: provs.iter().any(|p| p.flag == Flag::Synthetic),
        estimated: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prov(flag: Flag) -> Provenance {
        Provenance { publication: "demo".into(), publication_title: "demo".into(), peildatum: None, source: String::new(), flag, note: String::new() }
    }

    #[test]
    fn a_chart_with_one_synthetic_value_is_marked_synthetic() {
        let a = Archive::default();
        let (published, synthetic) = (prov(Flag::Published), prov(Flag::Synthetic));
        let m = chart_meta(&a, &[&published], Lang::Nl, "x".into(), "t".into(), "s".into(), "m".into());
        assert!(!m.synthetic && !m.estimated);
        assert_eq!((m.id.as_str(), m.title.as_str(), m.summary.as_str(), m.method.as_str()), ("x", "t", "s", "m"));
        assert_eq!(m.source_line, source_line(&a, &[&published], Lang::Nl));
        assert!(chart_meta(&a, &[&published, &synthetic], Lang::En, "x".into(), "t".into(), "s".into(), "m".into()).synthetic);
    }
}
