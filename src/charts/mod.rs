//! Layer 3: drawing. One function per chart kind, generic over the plotters backend: a canvas on
//! screen (through the HiDPI wrapper in `ui`), an SVG string for downloads and native tests.
//! Each draw function returns the pixel position of every data point (`Hit`), so the UI can put
//! tooltips and keyboard focus exactly on them.

pub mod svg;
pub mod theme;
pub mod time_chart;

/// Pixel position of one drawn value, in the backend's coordinates (CSS pixels on screen).
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
