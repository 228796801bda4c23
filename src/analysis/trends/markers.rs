//! Dated events (public/data/gebeurtenissen.csv) as numbered markers on a time axis: only the
//! events inside the chart's time range that concern one of its measures (or all measures).
//! Definition changes are kept as `DefinitionChange`, which the chart draws stronger. A check of
//! published figures (`UnderReview`, such as the ACVG's of June 2026) concerns the figures before
//! it, so it is kept when it is dated after the chart's last value.

use crate::analysis::time_chart::Marker;
use crate::data::archive::Archive;
use crate::data::date::Date;
use crate::data::event::EventKind;
use crate::i18n::Lang;

/// Markers for `measures` between `from` and `to` (inclusive), and the checks of their figures
/// announced after `to`, numbered 1, 2, … in date order.
pub fn for_measures(archive: &Archive, measures: &[&str], from: Date, to: Date, lang: Lang) -> Vec<Marker> {
    numbered(archive, measures, from, to, true, lang)
}

/// As `for_measures`, without the events on all measures (mergers of gemeenten, earthquakes,
/// national decisions): for one gemeente's chart, which notes its own merger itself.
pub fn specific_to(archive: &Archive, measures: &[&str], from: Date, to: Date, lang: Lang) -> Vec<Marker> {
    numbered(archive, measures, from, to, false, lang)
}

/// Which stretch of a measure's line a date falls in: the number of definition changes of that
/// measure (gebeurtenissen.csv, kind `definition_change`) on or before it. A line is broken there,
/// never joined: the werkvoorraad of about 18.000 (June 2019) and of about 26.250 (end of 2019)
/// count different sets of addresses, since the minister added every address inspected before.
pub fn definition_segment(archive: &Archive, code: &str, date: Date) -> u32 {
    let n = archive.events.iter().filter(|e| e.kind == EventKind::DefinitionChange && e.date <= date && e.measures.iter().any(|m| m == code)).count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Measures whose counts rest on the outcome of an assessment ("op norm"): completed tracks and
/// addresses meeting the norm, as the Overzicht's answers and the Gemeenten overview show them.
pub const ASSESSMENT_OUTCOMES: [&str; 4] = ["veilig_verklaard", "traject_afgerond", "voldoet_norm", "voldoet_op_norm"];

/// An announced check (event `under_review`) of figures a page shows, for the top of that page (a
/// chart says it in its notes): a short notice with the date, and the event's text with its source.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckNotice {
    pub notice: String,
    pub details: String,
}

/// The announced checks of any of `measures`.
pub fn announced_checks(archive: &Archive, measures: &[&str], lang: Lang) -> Vec<CheckNotice> {
    let sh = &crate::i18n::texts(lang).shell;
    archive
        .events
        .iter()
        .filter(|e| e.kind == EventKind::UnderReview && measures.iter().any(|m| e.affects(m)))
        .map(|e| CheckNotice { notice: (sh.check_notice)(&crate::i18n::format::date(e.date, lang)), details: format!("{} ({})", e.text(lang), crate::i18n::sources::in_lang(&e.source, lang)) })
        .collect()
}

fn numbered(archive: &Archive, measures: &[&str], from: Date, to: Date, general: bool, lang: Lang) -> Vec<Marker> {
    let mut ev: Vec<_> = archive
        .events
        .iter()
        .filter(|e| e.date >= from && (e.date <= to || e.kind == EventKind::UnderReview))
        // Without `general`, only events that name one of the measures: `Event::affects` is true
        // for an event on all measures too, so Groningen's chart carried Eemsdelta's merger.
        .filter(|e| if general { measures.iter().any(|m| e.affects(m)) } else { measures.iter().any(|m| e.measures.iter().any(|x| x == m)) })
        .collect();
    super::sorting::sort_by_key(&mut ev, |e| e.date);
    ev.into_iter()
        .enumerate()
        .map(|(i, e)| Marker { date: e.date, kind: e.kind, text: e.text(lang).to_string(), source: crate::i18n::sources::in_lang(&e.source, lang), number: i + 1 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::trends::testkit::{archive, Pub};

    #[test]
    fn the_planvorming_break_and_the_data_cleaning_are_marked() {
        let a = archive(&[Pub { id: "p", peildatum: "2020-12-31", publisher: "NCG", rows: "" }]);
        let d = |s| Date::parse(s).unwrap();
        let m = for_measures(&a, &["planvorming_gestart"], d("2019-07-01"), d("2020-12-31"), Lang::Nl);
        let def = m.iter().find(|m| m.kind == EventKind::DefinitionChange).expect("definition change 2020-01-01");
        assert_eq!(def.date, d("2020-01-01"));
        assert!(m.iter().any(|m| m.kind == EventKind::DataCorrection && m.date == d("2020-11-30")));
        // Numbered in date order from 1.
        assert_eq!(m.iter().map(|m| m.number).collect::<Vec<_>>(), (1..=m.len()).collect::<Vec<_>>());
        // An event about other measures only is left out.
        assert!(!for_measures(&a, &["uitvoering_gereed"], d("2019-07-01"), d("2020-12-31"), Lang::Nl).iter().any(|m| m.kind == EventKind::DefinitionChange));
    }
}
