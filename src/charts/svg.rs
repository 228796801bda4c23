//! Rendering any chart to an SVG string: for downloads ("Download afbeelding") and native tests.

use plotters::prelude::*;

use super::theme::Theme;
use super::{draw, ChartError};
use crate::analysis::chart::Chart;
use crate::i18n::Lang;

/// A chart as a standalone SVG document of `width × height` pixels, with title, legend, source line
/// (and the synthetic-data stamp when applicable) inside the picture.
pub fn chart_svg(chart: &Chart, width: u32, height: u32, lang: Lang) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&root, chart, &Theme::export(), lang)?;
        root.present()?;
    }
    Ok(out)
}
