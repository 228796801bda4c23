//! Turning an observation into the provenance that travels with a plotted value, and the
//! source line printed under a chart.

use super::chart::ChartMeta;
use super::time_chart::Provenance;
use crate::data::archive::Archive;
use crate::data::observation::{Flag, Observation};
use crate::data::publication::Publication;
use super::derive::{DEMO_PUBLICATION, OWN_PUBLICATION};
use crate::i18n::{format, texts, Lang};

/// The provenance of an observation as the reader sees it: the archive's note in Dutch, or on the
/// English page our translation of it (`vertalingen.csv`) where there is one.
pub fn of(archive: &Archive, o: &Observation, lang: Lang) -> Provenance {
    let p = archive.publication(o.publication);
    Provenance {
        quoted: true,
        publication: p.map(|p| p.id.clone()).unwrap_or_default(),
        publication_title: p.map(|p| publication_title(p, lang)).unwrap_or_default(),
        peildatum: p.map(|p| p.peildatum),
        // Our words around the source's own in the reader's language ("tabel" → "table").
        source: crate::i18n::sources::in_lang(&o.source, lang),
        flag: o.flag,
        note: note_in(archive, &o.note, lang).to_string(),
    }
}

/// A note of the archive in the reader's language: on the English page our translation, if
/// `vertalingen.csv` has one; otherwise the Dutch note as written.
pub fn note_in<'a>(archive: &'a Archive, nl: &'a str, lang: Lang) -> &'a str {
    translation(archive, nl, lang).unwrap_or(nl)
}

/// Our translation of a Dutch note for a reader of `lang`: `Some` only on the English page and
/// when `vertalingen.csv` has one (for a page that says when a note is ours).
pub fn translation<'a>(archive: &'a Archive, nl: &str, lang: Lang) -> Option<&'a str> {
    match lang {
        Lang::En => archive.translations.english(nl),
        Lang::Nl => None,
    }
}

/// A publication's title as the reader sees it: the source's own title as written (Dutch), but
/// the demonstration file's, which is ours, in the reader's language ("Exact lead times, computed
/// per address from Synthetisch demonstratie-bronbestand" on the English page).
pub fn publication_title(p: &Publication, lang: Lang) -> String {
    if p.id == DEMO_PUBLICATION { texts(lang).shell.demo_title.to_string() } else { p.title.clone() }
}

/// Who published a publication's figures, in the reader's language: "NCG", or "NCG (geciteerd door
/// RTV Noord)" / "NCG (quoted by RTV Noord)" when only a quotation of them was found.
/// The figures derived in the browser (the demonstration file, the reader's own file) are named from
/// the catalogue as well.
pub fn publisher_label(p: &Publication, lang: Lang) -> String {
    let t = &texts(lang).shell;
    match (&p.quoted_by, p.id.as_str()) {
        (Some(by), _) => (t.quoted_by)(&p.publisher, by),
        (None, DEMO_PUBLICATION) => t.publisher_demo.to_string(),
        (None, OWN_PUBLICATION) => t.publisher_own_file.to_string(),
        (None, _) => p.publisher.clone(),
    }
}

/// The newest publication's date when `d` is more than a year before it: figures of `d` are then
/// old, and the page says so (a gemeente's figures, the stand a required pace is reckoned from).
pub fn newest_if_old(archive: &Archive, d: crate::data::date::Date) -> Option<crate::data::date::Date> {
    let newest = archive.latest_publication()?.peildatum;
    (newest.to_days() - d.to_days() > 365).then_some(newest)
}

/// "Bron: NCG (publicatie 31-12-2024), SodM (17-07-2020); bewerking Versterkingsmonitor"
pub fn source_line(archive: &Archive, provs: &[&Provenance], lang: Lang) -> String {
    let ids: Vec<&str> = provs.iter().map(|p| p.publication.as_str()).collect();
    source_line_of(archive, &ids, lang)
}

/// [`source_line`] of the publications with these ids.
pub fn source_line_of(archive: &Archive, ids: &[&str], lang: Lang) -> String {
    let t = &texts(lang).shell;
    let mut pubs: Vec<(String, Option<crate::data::date::Date>)> = Vec::new();
    // Publishers whose date is that of a plan or decision, the source naming none for its figures.
    let mut unstated: Vec<String> = Vec::new();
    for id in ids {
        if let Some(p) = archive.publications.iter().find(|p| p.id == *id) {
            if !p.peildatum_stated {
                unstated.push(publisher_label(p, lang));
            }
            let e = (publisher_label(p, lang), Some(p.peildatum));
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
                // "Gemeente Eemsdelta (plan of besluit 15-02-2023)": the source gives no date for
                // its figures, and "peildatum 15-02-2023" stated the council's decision as theirs.
                (Some(a), Some(b)) if a == b && unstated.contains(&p) => format!("{p} ({} {})", t.source_plan_date, format::date_short(a, lang)),
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

    #[test]
    fn the_demonstration_file_is_named_in_the_reader_s_language() {
        // Regression: Doorlooptijden in English said "Exact lead times, computed per address from
        // Synthetisch demonstratie-bronbestand (geen echte cijfers)"; that title is ours, not a
        // source's. A source's own title stays as written.
        let date = crate::data::date::Date::parse("2024-12-31").unwrap_or_else(|_| unreachable!());
        let publication = |id: &str, title: &str| Publication {
            id: id.into(),
            peildatum: date,
            published: None,
            published_at_latest: false,
            peildatum_stated: true,
            publisher: "p".into(),
            quoted_by: None,
            title: title.into(),
            url: None,
            document: None,
            file: "f.csv".into(),
            notes: String::new(),
        };
        let demo = publication(DEMO_PUBLICATION, "Synthetisch demonstratie-bronbestand (geen echte cijfers)");
        assert_eq!(publication_title(&demo, Lang::En), "the synthetic demonstration file (no real figures)");
        assert_eq!(publication_title(&demo, Lang::Nl), "Synthetisch demonstratie-bronbestand (geen echte cijfers)");
        let ncg = publication("ncg-2024-12-31", "Jaarcijfers 2024");
        assert_eq!(publication_title(&ncg, Lang::En), "Jaarcijfers 2024");
    }

    fn prov(flag: Flag) -> Provenance {
        Provenance { quoted: false, publication: "demo".into(), publication_title: "demo".into(), peildatum: None, source: String::new(), flag, note: String::new() }
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

    #[test]
    fn a_quotation_is_named_in_the_readers_language() {
        // The English source line said "NCG (geciteerd door RTV Noord)": the words were part of
        // the publisher's name in the manifest. They come from the catalogue now.
        let mut a = Archive::default();
        for (id, day, by) in [("x", 31, Some("RTV Noord")), ("y", 30, None)] {
            a.publications.push(Publication {
                id: id.into(),
                peildatum: crate::data::date::Date::new(2021, if day == 31 { 7 } else { 9 }, day).unwrap_or(crate::data::date::Date::Y2K),
                published: None,
                published_at_latest: false,
                peildatum_stated: true,
                publisher: "NCG".into(),
                quoted_by: by.map(String::from),
                title: "t".into(),
                url: None,
                document: Some("d".into()),
                file: format!("{id}.csv"),
                notes: String::new(),
            });
        }
        assert_eq!(publisher_label(&a.publications[0], Lang::Nl), "NCG (geciteerd door RTV Noord)");
        assert_eq!(publisher_label(&a.publications[0], Lang::En), "NCG (quoted by RTV Noord)");
        assert_eq!(publisher_label(&a.publications[1], Lang::En), "NCG");
        let p = |id: &str| Provenance { quoted: false, publication: id.into(), publication_title: "t".into(), peildatum: None, source: String::new(), flag: Flag::Published, note: String::new() };
        let (x, y) = (p("x"), p("y"));
        let en = source_line(&a, &[&x, &y], Lang::En);
        assert!(en.contains("NCG (quoted by RTV Noord) (reference date 31 Jul 2021)") && en.contains("NCG (reference date 30 Sep 2021)"), "{en}");
        assert!(!en.contains("geciteerd"), "{en}");
        // The demonstration's figures said "Versterkingsmonitor (synthetisch)" in English too.
        a.publications[1].id = DEMO_PUBLICATION.into();
        assert_eq!(publisher_label(&a.publications[1], Lang::En), "Versterkingsmonitor (synthetic)");
        a.publications[1].id = OWN_PUBLICATION.into();
        assert_eq!(publisher_label(&a.publications[1], Lang::Nl), "Eigen bestand");
    }
}
