//! Layer 3: drawing. One function per chart kind, generic over the plotters backend: a canvas on
//! screen (through the HiDPI wrapper in `ui`), an SVG string for downloads and native tests.
//! Each draw function returns the pixel position of every data point (`Hit`), so the UI can put
//! tooltips and keyboard focus exactly on them.

pub mod axes;
pub mod bars;
pub mod frame;
pub mod histogram;
pub mod keys;
pub mod svg;
pub mod text_fit;
pub mod theme;
pub mod time_chart;

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::analysis::chart::Chart;
use crate::i18n::Lang;
use theme::Theme;

/// Pixel position of one drawn value, in the drawing area's coordinates (CSS pixels on screen).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    pub series: usize,
    pub point: usize,
    pub x: i32,
    pub y: i32,
}

/// A drawing failure, as text (backend errors differ per backend).
#[derive(Clone, Debug, PartialEq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart could not be drawn: {}", self.0)
    }
}

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: plotters::drawing::DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

/// Draw any chart.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &Chart, theme: &Theme, lang: Lang) -> Result<Vec<Hit>, ChartError>
where
    DB::ErrorType: 'static,
{
    match chart {
        Chart::Time(c) => time_chart::draw(area, c, theme, lang),
        Chart::Histogram(c) => histogram::draw(area, c, theme, lang),
        Chart::Bars(c) => bars::draw(area, c, theme, lang),
    }
}

/// A good drawing height for a chart at a given width (CSS pixels): room for the data and for two
/// legend rows, plus the rows a longer legend needs (on a phone every series name takes a row of
/// its own, and before this the plot of an eight-series chart was squeezed to a quarter of the
/// image). Only rows beyond two are added, so the four charts of a gemeente page still fit one
/// 1920×1080 meeting-room screen (e2e test in gemeenten.test.mjs).
pub fn height_for(chart: &Chart, width: u32) -> u32 {
    let w = f64::from(width);
    let fs = theme::Theme::for_width(width).font_size;
    let (base, legend): (f64, Vec<&str>) = match chart {
        Chart::Bars(b) => {
            // Horizontal grouped bars: a band high enough for each of its bars to be read, a bar
            // 8 to 13 px thick as the chart widens. At 34 px a band the four bars of a gemeente on
            // the Gemeenten page were 5 px thick at 1920 px, unreadable from across a meeting
            // room; a chart of one series keeps its 34 px. (13 px: the Gemeenten chart's five
            // gemeenten then end on the first screen of a 1920×1080 screen.)
            let groups = if b.layout == crate::analysis::bar_chart::BarLayout::Grouped { b.series.len().max(1) } else { 1 };
            let band = (groups as f64 * (w / 130.0).clamp(8.0, 13.0) / 0.75).max(34.0);
            let base = if b.horizontal { (b.categories.len() as f64 * band + 90.0).clamp(160.0, 900.0) } else { (w * 0.5).clamp(280.0, 460.0) };
            let mut legend: Vec<&str> = if b.series.len() > 1 { b.series.iter().map(|s| s.label.as_str()).collect() } else { Vec::new() };
            if b.has_approximate() {
                legend.push(crate::i18n::texts(Lang::Nl).shell.approx_legend);
            }
            if b.has_derived() {
                legend.push(crate::i18n::texts(Lang::Nl).shell.derived_legend);
            }
            (base, legend)
        }
        Chart::Time(t) => {
            // Figures of one date only (a gemeente that published once) are a few dots over one
            // axis label: half the height is enough. At 460 px they filled a meeting-room screen.
            let one_date = crate::analysis::time_chart::data_range(&t.series).is_some_and(|(a, b)| a == b);
            let base = if one_date { (w * 0.25).clamp(200.0, 260.0) } else { (w * 0.5).clamp(280.0, 460.0) };
            let mut legend: Vec<&str> = t.series.iter().filter(|s| !s.points.is_empty()).map(|s| s.label.as_str()).collect();
            if t.has_approximate() {
                legend.push(crate::i18n::texts(Lang::Nl).shell.approx_legend);
            }
            if t.has_derived_span() {
                legend.push(crate::i18n::texts(Lang::Nl).shell.derived_legend);
            }
            (base, legend)
        }
        Chart::Histogram(_) => ((w * 0.5).clamp(280.0, 460.0), Vec::new()),
    };
    let extra_rows = legend_rows(&legend, width, fs).saturating_sub(2);
    (base + f64::from(extra_rows) * fs * 1.6) as u32
}

/// The size of an exported image (SVG download) at `width`: the chart's height, at least 540 px,
/// plus the key to its numbered event markers, which an exported image carries below the chart.
pub fn export_height(chart: &Chart, width: u32, lang: Lang) -> u32 {
    let base = height_for(chart, width).max(540);
    match chart {
        Chart::Time(t) => {
            let theme = theme::Theme::export();
            let key = time_chart::marker_key_rows(&time_chart::marker_key(t, lang), width, &theme) as i32;
            let extra = if key > 0 { key * time_chart::marker_key_line(&theme) + (theme.font_size * 0.4) as i32 } else { 0 };
            base + extra as u32
        }
        _ => base,
    }
}

/// How many rows the legend takes at this width, estimated from the labels' lengths (about 0.5 em
/// per character for the sans-serif used; measured on screen: 0.46), packed as
/// `frame::draw_legend` packs them.
fn legend_rows(labels: &[&str], width: u32, fs: f64) -> u32 {
    if labels.is_empty() {
        return 0;
    }
    let w = f64::from(width);
    let room = w - 52.0;
    let (mut rows, mut x) = (1u32, 10.0);
    for label in labels {
        let tw = label.chars().count() as f64 * 0.5 * fs;
        if tw > room {
            // Wraps onto up to three rows of its own.
            let lines = (tw / room.max(1.0)).ceil().clamp(2.0, 3.0) as u32;
            rows += if x > 10.0 { lines } else { lines - 1 };
            x = w;
            continue;
        }
        let item = 52.0 + tw;
        if x + item > w - 10.0 && x > 10.0 {
            rows += 1;
            x = 10.0;
        }
        x += item;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::legend_rows;

    #[test]
    fn legend_rows_grow_on_a_phone() {
        let labels = ["Werkvoorraad", "Opname uitgevoerd", "Beoordeling gereed", "Planvorming gestart"];
        assert_eq!(legend_rows(&[], 360, 13.0), 0);
        assert_eq!(legend_rows(&labels, 1600, 13.0), 1);
        assert!(legend_rows(&labels, 360, 13.0) >= 3);
        // A label longer than a phone's row wraps onto rows of its own.
        let long = ["Nodig om eind 2028 klaar te zijn (252 per maand), vanaf de peildatum"];
        assert!(legend_rows(&long, 360, 13.0) >= 2);
    }
}
