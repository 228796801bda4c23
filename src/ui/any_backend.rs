//! One backend type for both outputs of the app (the HiDPI canvas on screen and the SVG string
//! for downloads), so the drawing code is instantiated once in the wasm instead of twice.

use plotters::prelude::SVGBackend;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

use super::canvas::DprCanvas;

pub enum UiBackend<'a> {
    Canvas(DprCanvas),
    Svg(SVGBackend<'a>),
}

#[derive(Debug)]
pub struct UiBackendError(String);

impl std::fmt::Display for UiBackendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UiBackendError {}

fn conv<E: std::error::Error + Send + Sync + 'static>(e: DrawingErrorKind<E>) -> DrawingErrorKind<UiBackendError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(UiBackendError(e.to_string())),
        DrawingErrorKind::FontError(f) => DrawingErrorKind::FontError(f),
    }
}

macro_rules! both {
    ($self:ident, $b:ident => $e:expr) => {
        match $self {
            UiBackend::Canvas($b) => $e.map_err(conv),
            UiBackend::Svg($b) => $e.map_err(conv),
        }
    };
}

impl DrawingBackend for UiBackend<'_> {
    type ErrorType = UiBackendError;

    fn get_size(&self) -> (u32, u32) {
        match self {
            UiBackend::Canvas(b) => b.get_size(),
            UiBackend::Svg(b) => b.get_size(),
        }
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<UiBackendError>> {
        both!(self, b => b.ensure_prepared())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<UiBackendError>> {
        both!(self, b => b.present())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<UiBackendError>> {
        both!(self, b => b.draw_pixel(p, c))
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, c: BackendCoord, s: &S) -> Result<(), DrawingErrorKind<UiBackendError>> {
        both!(self, b => b.draw_line(a, c, s))
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, c: BackendCoord, s: &S, fill: bool) -> Result<(), DrawingErrorKind<UiBackendError>> {
        both!(self, b => b.draw_rect(a, c, s, fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> Result<(), DrawingErrorKind<UiBackendError>> {
        let path: Vec<BackendCoord> = path.into_iter().collect();
        both!(self, b => b.draw_path(path, s))
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Result<(), DrawingErrorKind<UiBackendError>> {
        both!(self, b => b.draw_circle(c, r, s, fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, v: I, s: &S) -> Result<(), DrawingErrorKind<UiBackendError>> {
        let v: Vec<BackendCoord> = v.into_iter().collect();
        both!(self, b => b.fill_polygon(v, s))
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, s: &T, pos: BackendCoord) -> Result<(), DrawingErrorKind<UiBackendError>> {
        both!(self, b => b.draw_text(text, s, pos))
    }
    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, s: &T) -> Result<(u32, u32), DrawingErrorKind<UiBackendError>> {
        both!(self, b => b.estimate_text_size(text, s))
    }
}
