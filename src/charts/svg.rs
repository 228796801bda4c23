//! Rendering any chart to an SVG string: for downloads ("Download afbeelding") and native tests.

use plotters::prelude::*;

use super::theme::Theme;
use super::time_chart;
use super::ChartError;
use crate::analysis::time_chart::TimeChart;
use crate::i18n::Lang;

/// A time chart as a standalone SVG document of `width × height` pixels, with title, legend,
/// source line (and the synthetic-data stamp when applicable) inside the picture.
pub fn time_chart_svg(chart: &TimeChart, width: u32, height: u32, lang: Lang) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        time_chart::draw(&root, chart, &Theme::export(), lang)?;
        root.present()?;
    }
    Ok(out)
}
