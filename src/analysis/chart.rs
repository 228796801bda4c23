//! Every chart kind behind one type, so one frame component (canvas, tooltip, table, summary,
//! source line, downloads) serves them all. Each kind provides its table, its tooltip and its CSV
//! from the same view model it is drawn from.

use super::bar_chart::BarChart;
use super::histogram::HistogramChart;
use super::table::TableModel;
use super::time_chart::{Marker, TimeChart};
use crate::i18n::Lang;

/// What every chart has besides its data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartMeta {
    /// Stable id: DOM ids, download names, tests.
    pub id: String,
    pub title: String,
    /// One plain-language sentence describing what the chart shows.
    pub summary: String,
    /// "Bron: …; bewerking Versterkingsmonitor".
    pub source_line: String,
    /// The method note ("toelichting met rekenmethode").
    pub method: String,
    /// Any synthetic demonstration value inside: stamped on the image, the table and the CSV.
    pub synthetic: bool,
    /// Values that are estimates (e.g. FIFO lead times from published figures).
    pub estimated: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Chart {
    Time(TimeChart),
    Histogram(HistogramChart),
    Bars(BarChart),
}

/// The text shown for one hovered or focused value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tooltip {
    pub title: String,
    /// Palette index of the series, for the swatch.
    pub style: Option<usize>,
    pub lines: Vec<String>,
}

impl Tooltip {
    /// What a screen reader hears for the value (the chart's live region), each part once: the
    /// title (series or category), then the lines (period, value, source, flag, remark).
    pub fn spoken(&self) -> String {
        format!("{}: {}", self.title, self.lines.join(", "))
    }
}

pub use super::time_chart::Side;

impl Chart {
    pub fn meta(&self) -> &ChartMeta {
        match self {
            Chart::Time(c) => &c.meta,
            Chart::Histogram(c) => &c.meta,
            Chart::Bars(c) => &c.meta,
        }
    }
    pub fn is_empty(&self) -> bool {
        match self {
            Chart::Time(c) => c.is_empty(),
            Chart::Histogram(c) => c.bins.iter().all(|b| b.count == 0),
            Chart::Bars(c) => c.categories.is_empty(),
        }
    }
    /// Dated notes shown under the chart (numbered markers on time axes).
    pub fn markers(&self) -> &[Marker] {
        match self {
            Chart::Time(c) => &c.markers,
            _ => &[],
        }
    }
    /// The notes under the chart in two parts: those that change how the figures read (definition
    /// changes, corrections, reporting changes: always shown), and the background (earthquakes,
    /// decisions: behind a toggle; on a phone four Trends charts repeated 13 notes each).
    /// Only the markers drawn on the axis: the others are `off_axis_notes`.
    pub fn notes(&self) -> (Vec<&Marker>, Vec<&Marker>) {
        let side = self.sides();
        self.markers().iter().filter(|m| side(m) == Side::On).partition(|m| m.kind.affects_figures())
    }
    /// Notes without a line on the chart, always shown, each with the side of the chart's time
    /// range it lies on: a check of these figures announced after it (`markers::for_measures`
    /// keeps it; the Overzicht's norm chart ends in December 2024, the ACVG's check was announced
    /// in June 2026), a merger long before a gemeente's first figure.
    pub fn off_axis_notes(&self) -> Vec<(Side, &Marker)> {
        let side = self.sides();
        self.markers().iter().map(|m| (side(m), m)).filter(|(s, _)| *s != Side::On).collect()
    }
    /// Where a marker lies against the drawn time axis (`TimeChart::sides`; only time charts have
    /// markers).
    fn sides(&self) -> impl Fn(&Marker) -> Side {
        let time = match self {
            Chart::Time(c) => Some(c.sides()),
            _ => None,
        };
        move |m: &Marker| time.as_ref().map_or(Side::On, |side| side(m))
    }
    /// Lines of notes under the chart as first shown: the notes on the figures, those off the
    /// axis, and the one line of the background's toggle if there is a background.
    pub fn shown_note_lines(&self) -> usize {
        let (figures, background) = self.notes();
        figures.len() + self.off_axis_notes().len() + usize::from(!background.is_empty())
    }
    pub fn table(&self, lang: Lang) -> TableModel {
        match self {
            Chart::Time(c) => c.table(lang),
            Chart::Histogram(c) => c.table(lang),
            Chart::Bars(c) => c.table(lang),
        }
    }
    /// Tooltip for the value at (series, point) as reported by the drawing's hits.
    pub fn tooltip(&self, series: usize, point: usize, lang: Lang) -> Option<Tooltip> {
        match self {
            Chart::Time(c) => c.tooltip(series, point, lang),
            Chart::Histogram(c) => c.tooltip(point, lang),
            Chart::Bars(c) => c.tooltip(series, point, lang),
        }
    }
    /// The chart's data as CSV (the table, with provenance columns where the kind has them),
    /// after lines starting with "#" that say what the file is: the demonstration's mark, the
    /// title, "Schatting uit gepubliceerde cijfers" for an estimate, the source line, and `from`
    /// (the page and the day it was downloaded, from the interface). A downloaded bar chart's CSV
    /// had no source at all, and an estimate's CSV did not say it was one.
    pub fn csv(&self, lang: Lang, from: &str) -> String {
        let m = self.meta();
        let mut head = super::table::csv_head(lang, m.synthetic, &m.title, m.estimated, &m.source_line, from);
        // An estimate's file ends its head with the chart's sentence, which says what the estimate
        // can and cannot tell (a review: the estimated lead times' CSV let a reader compute the
        // quartiles the page withholds, without "the addresses spread out further").
        if m.estimated && !m.summary.is_empty() {
            head.push(&m.summary);
        }
        let table = match self {
            Chart::Time(c) => c.table_with_notes(lang),
            Chart::Bars(c) => c.table_with_sources(lang),
            Chart::Histogram(_) => self.table(lang),
        };
        table.to_csv_after(&head, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::time_chart::TimeChart;
    use crate::data::date::Date;
    use crate::data::event::EventKind;
    use crate::data::measure::Unit;

    fn chart(kinds: &[EventKind]) -> Chart {
        let markers = kinds
            .iter()
            .enumerate()
            .map(|(i, &kind)| Marker { date: Date::new(2020, 6, 1).unwrap_or(Date::Y2K), kind, text: format!("noot {i}"), source: String::new(), number: i + 1 })
            .collect();
        Chart::Time(TimeChart { meta: ChartMeta::default(), y_label: String::new(), unit: Unit::Addresses, series: Vec::new(), markers, references: Vec::new() })
    }

    #[test]
    fn notes_on_the_figures_are_shown_and_the_background_is_one_toggle() {
        let c = chart(&[EventKind::Earthquake, EventKind::DefinitionChange, EventKind::Policy, EventKind::DataCorrection]);
        let (figures, background) = c.notes();
        assert_eq!(figures.iter().map(|m| m.number).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(background.iter().map(|m| m.number).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(c.shown_note_lines(), 3, "two notes and the toggle's line");
        assert_eq!(chart(&[EventKind::ReportingChange]).shown_note_lines(), 1, "no toggle without a background");
        assert_eq!(chart(&[EventKind::Earthquake, EventKind::Earthquake]).shown_note_lines(), 1, "only the toggle");
        assert_eq!(chart(&[]).shown_note_lines(), 0);
    }

    // A check of the figures announced long after them (the ACVG's of June 2026 under the
    // Overzicht's chart, which ends in December 2024) has no line on the chart: its note is shown
    // without a number, never numbered in a list whose number points at nothing.
    #[test]
    fn a_later_check_off_the_axis_is_a_note_without_a_number() {
        let mut c = chart(&[EventKind::ReportingChange]);
        let Chart::Time(t) = &mut c else { unreachable!() };
        let d = |s| Date::parse(s).unwrap();
        t.series.push(crate::analysis::time_chart::Series {
            key: "voldoet_norm".into(),
            label: String::new(),
            style: 0,
            kind: crate::analysis::time_chart::SeriesKind::Line,
            points: vec![crate::analysis::time_chart::Point {
                start: d("2020-01-31"),
                end: d("2020-12-31"),
                value: 1.0,
                label: String::new(),
                period_label: String::new(),
                segment: 0,
                provenance: crate::analysis::time_chart::Provenance { quoted: false, publication: String::new(), publication_title: String::new(), peildatum: None, source: String::new(), flag: crate::data::observation::Flag::Published, note: String::new() },
            }],
        });
        t.markers.push(Marker { date: d("2026-06-24"), kind: EventKind::UnderReview, text: "controle".into(), source: String::new(), number: 2 });
        let (figures, background) = c.notes();
        assert_eq!(figures.iter().map(|m| m.number).collect::<Vec<_>>(), [1]);
        assert!(background.is_empty());
        assert_eq!(c.off_axis_notes().iter().map(|(s, m)| (*s, m.text.as_str())).collect::<Vec<_>>(), [(Side::After, "controle")]);
        assert_eq!(c.shown_note_lines(), 2);
        // Near the data it is on the axis, numbered like any other note on the figures.
        let Chart::Time(t) = &mut c else { unreachable!() };
        t.markers[1].date = d("2021-03-01");
        assert_eq!(c.notes().0.len(), 2);
        assert!(c.off_axis_notes().is_empty());
    }
}
