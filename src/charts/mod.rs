//! Layer 3: drawing. One function per chart kind, generic over the plotters backend: a canvas on
//! screen (through the HiDPI wrapper in `ui`), an SVG string for downloads and native tests.
//! Each draw function returns the pixel position of every data point (`Hit`), so the UI can put
//! tooltips and keyboard focus exactly on them.

pub mod axes;
pub mod bars;
pub mod frame;
pub mod histogram;
pub mod svg;
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

/// A good drawing height for a chart at a given width (CSS pixels).
pub fn height_for(chart: &Chart, width: u32) -> u32 {
    let w = f64::from(width);
    match chart {
        Chart::Bars(b) if b.horizontal => (b.categories.len() as f64 * 34.0 + 90.0).clamp(160.0, 900.0) as u32,
        _ => (w * 0.5).clamp(280.0, 460.0) as u32,
    }
}
