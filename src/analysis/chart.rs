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
    pub fn notes(&self) -> (Vec<&Marker>, Vec<&Marker>) {
        self.markers().iter().partition(|m| m.kind.affects_figures())
    }
    /// Lines of notes under the chart as first shown: the notes on the figures, and the one line of
    /// the background's toggle if there is a background.
    pub fn shown_note_lines(&self) -> usize {
        let (figures, background) = self.notes();
        figures.len() + usize::from(!background.is_empty())
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
    /// The chart's data as CSV (the table, with provenance columns where the kind has them).
    pub fn csv(&self, lang: Lang) -> String {
        self.table(lang).to_csv(self.meta().synthetic, lang)
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
            .map(|(i, &kind)| Marker { date: Date::Y2K, kind, text: format!("noot {i}"), source: String::new(), number: i + 1 })
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
}
