//! A HiDPI-aware drawing backend: plotters-canvas draws in backing-store pixels and knows nothing
//! of devicePixelRatio, so charts are blurry on phones and retina screens. This wrapper sizes the
//! backing store to CSS size × DPR, scales the context once, and reports the CSS size to plotters,
//! so all chart code works in CSS pixels and stays crisp.

use std::cell::RefCell;
use std::collections::HashMap;

use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform};
use plotters_canvas::CanvasBackend;

/// plotters-canvas does not export its error type; name it through the trait.
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

thread_local! {
    /// Text sizes measured so far, by font and text. plotters measures text by inserting a `<span>`
    /// into the document and reading its `offsetWidth`/`offsetHeight`: a forced layout of the
    /// whole page per label, which was two thirds of the time of redrawing the Trends charts after a
    /// filter change (issue 5). The same labels (axis ticks, legends, months) recur on every
    /// redraw, and the page's fonts do not change, so the first answer is kept.
    static TEXT_SIZES: RefCell<HashMap<String, (u32, u32)>> = RefCell::new(HashMap::new());
}

/// The cache key of a text in a style: everything `layout_box` looks at.
fn text_key<T: BackendTextStyle>(text: &str, s: &T) -> String {
    let rot = match s.transform() {
        FontTransform::None => '0',
        FontTransform::Rotate90 => '1',
        FontTransform::Rotate180 => '2',
        FontTransform::Rotate270 => '3',
    };
    let mut k = String::with_capacity(text.len() + 40);
    k.push_str(s.family().as_str());
    k.push('|');
    k.push_str(s.style().as_str());
    k.push('|');
    k.push_str(&s.size().to_bits().to_string());
    k.push(rot);
    k.push('|');
    k.push_str(text);
    k
}

pub struct DprCanvas {
    inner: CanvasBackend,
    css: (u32, u32),
}

impl DprCanvas {
    /// Prepare `canvas` for drawing at `css_w × css_h` CSS pixels. `None` if it has no 2D context.
    pub fn new(canvas: &HtmlCanvasElement, css_w: u32, css_h: u32) -> Option<DprCanvas> {
        let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).filter(|d| d.is_finite() && *d > 0.0).unwrap_or(1.0);
        canvas.set_width((f64::from(css_w) * dpr).round() as u32);
        canvas.set_height((f64::from(css_h) * dpr).round() as u32);
        let style = canvas.style();
        let _ = style.set_property("width", &format!("{css_w}px"));
        let _ = style.set_property("height", &format!("{css_h}px"));
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        // Setting width/height resets the context state; scale once for everything that follows.
        ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).ok()?;
        let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(DprCanvas { inner, css: (css_w, css_h) })
    }
}

impl DrawingBackend for DprCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.css
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.present()
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_pixel(p, c)
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_line(a, b, s)
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S, fill: bool) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_rect(a, b, s, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_path(path, s)
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_circle(c, r, s, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, v: I, s: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.fill_polygon(v, s)
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, s: &T, pos: BackendCoord) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.inner.draw_text(text, s, pos)
    }
    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, s: &T) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let key = text_key(text, s);
        if let Some(size) = TEXT_SIZES.with(|c| c.borrow().get(&key).copied()) {
            return Ok(size);
        }
        let size = self.inner.estimate_text_size(text, s)?;
        TEXT_SIZES.with(|c| {
            let mut c = c.borrow_mut();
            // Bounded: labels are few, but user data could bring many distinct texts.
            if c.len() > 4096 {
                c.clear();
            }
            c.insert(key, size);
        });
        Ok(size)
    }
}
