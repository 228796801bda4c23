//! A HiDPI-aware drawing backend: plotters-canvas draws in backing-store pixels and knows nothing
//! of devicePixelRatio, so charts are blurry on phones and retina screens. This wrapper sizes the
//! backing store to CSS size × DPR, scales the context once, and reports the CSS size to plotters,
//! so all chart code works in CSS pixels and stays crisp.
//!
//! It draws with the same canvas calls as plotters-canvas (same paths, same half-pixel shift of
//! horizontal and vertical lines), but sets the stroke, fill, font and text alignment only when
//! they change: plotters-canvas formats and sends an `rgba(…)` string and a font string to the
//! browser for every dash and every label, which was a large part of redrawing the Trends charts
//! after a filter change (issue 5). Skipping a setter that would store the value the context
//! already holds cannot change a pixel.

use std::cell::RefCell;
use std::collections::HashMap;

use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontTransform};
use plotters_backend::text_anchor::{HPos, VPos};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

thread_local! {
    /// Text sizes measured so far, by font and text. plotters measures text by inserting a `<span>`
    /// into the document and reading its `offsetWidth`/`offsetHeight`: a forced layout of the
    /// whole page per label, which was two thirds of the time of redrawing the Trends charts after a
    /// filter change (issue 5). The same labels (axis ticks, legends, months) recur on every
    /// redraw, and the page's fonts do not change, so the first answer is kept (now measured
    /// without the page, [`measure`], but still thousands of calls into the browser per draw).
    static TEXT_SIZES: RefCell<HashMap<String, (u32, u32)>> = RefCell::new(HashMap::new());
}

thread_local! {
    /// The context text is measured with: of a canvas that is never added to the page.
    static MEASURER: RefCell<Option<CanvasRenderingContext2d>> = const { RefCell::new(None) };
}

/// The width and height of a text in a style, measured with the canvas's own `measureText`, in
/// the font the text is drawn with: the advance width, and the font's ascent plus descent (what a
/// line of `line-height: normal` takes), rounded to whole pixels as plotters expects.
///
/// plotters measures text by putting it in a `<span>` in the page and reading `offsetWidth` and
/// `offsetHeight`; this backend did that too, in one span inside a box with `contain: strict`.
/// But each first measurement after the page had changed (a chart's canvas sized, a table added)
/// made the browser lay out the whole page again, inside the draw: on this project's slower CI
/// machine (2026-11-23) those forced layouts were about a quarter of the draw time of the Trends
/// view's first render (CPU profile, `offsetWidth`). `measureText` needs no layout at all.
/// No `unwrap`: without a document or a 2D context there is no measurement (an error for plotters).
fn measure<T: BackendTextStyle>(text: &str, s: &T) -> Option<(u32, u32)> {
    let ctx = MEASURER.with(|m| {
        if let Some(ctx) = m.borrow().as_ref() {
            return Some(ctx.clone());
        }
        let doc = web_sys::window()?.document()?;
        let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        *m.borrow_mut() = Some(ctx.clone());
        Some(ctx)
    })?;
    ctx.set_font(&format!("{} {}px {}", s.style().as_str(), s.size(), s.family().as_str()));
    let m = ctx.measure_text(text).ok()?;
    let (w, h) = (m.width(), m.font_bounding_box_ascent() + m.font_bounding_box_descent());
    let px = |v: f64| if v.is_finite() && v > 0.0 { v.round() as u32 } else { 0 };
    Some((px(w), px(h)))
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

/// The error of a canvas call (the exception's text).
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasError {}

fn js_err(e: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(e.as_string().unwrap_or_else(|| "canvas error".into())))
}

/// The context state last set by this backend (`None`: unknown, set it next time).
#[derive(Default)]
struct State {
    stroke: Option<(ColorKey, u32)>,
    fill: Option<ColorKey>,
    font: Option<String>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

/// A colour as a comparable value.
type ColorKey = ((u8, u8, u8), u64);

fn key(c: BackendColor) -> ColorKey {
    (c.rgb, c.alpha.to_bits())
}

fn css_color(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    format!("rgba({},{},{},{})", r, g, b, c.alpha)
}

pub struct DprCanvas {
    ctx: CanvasRenderingContext2d,
    css: (u32, u32),
    state: State,
}

impl DprCanvas {
    /// Prepare `canvas` for drawing at `css_w × css_h` CSS pixels. `None` if it has no 2D context.
    pub fn new(canvas: &HtmlCanvasElement, css_w: u32, css_h: u32) -> Option<DprCanvas> {
        let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).filter(|d| d.is_finite() && *d > 0.0).unwrap_or(1.0);
        DprCanvas::with_scale(canvas, css_w, css_h, dpr)
    }

    /// Prepare `canvas` for drawing at `css_w × css_h` pixels with `dpr` backing-store pixels per
    /// pixel (the PNG download draws at 2 on a canvas that is never shown).
    pub fn with_scale(canvas: &HtmlCanvasElement, css_w: u32, css_h: u32, dpr: f64) -> Option<DprCanvas> {
        let (px_w, px_h) = ((f64::from(css_w) * dpr).round() as u32, (f64::from(css_h) * dpr).round() as u32);
        // A redraw at the same size (a filter change) clears the bitmap instead of resizing it:
        // resizing marks the page for layout, and the next measurement (of the next chart's width
        // or of a label) would lay the whole page out again.
        let same = canvas.width() == px_w && canvas.height() == px_h;
        if !same {
            canvas.set_width(px_w);
            canvas.set_height(px_h);
            let style = canvas.style();
            let _ = style.set_property("width", &format!("{css_w}px"));
            let _ = style.set_property("height", &format!("{css_h}px"));
        }
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        if same {
            // What setting width/height did: a blank bitmap. The styles need no reset: the state
            // below starts empty, so every style is set again before its first use.
            ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0).ok()?;
            ctx.clear_rect(0.0, 0.0, f64::from(px_w), f64::from(px_h));
        }
        // Scale once for everything that follows.
        ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).ok()?;
        Some(DprCanvas { ctx, css: (css_w, css_h), state: State::default() })
    }

    fn line_style<S: BackendStyle>(&mut self, s: &S) {
        let want = (key(s.color()), s.stroke_width());
        if self.state.stroke != Some(want) {
            self.ctx.set_stroke_style_str(&css_color(s.color()));
            self.ctx.set_line_width(f64::from(want.1));
            self.state.stroke = Some(want);
        }
    }

    fn fill_style(&mut self, c: BackendColor) {
        if self.state.fill != Some(key(c)) {
            self.ctx.set_fill_style_str(&css_color(c));
            self.state.fill = Some(key(c));
        }
    }
}

/// Move a horizontal or vertical line onto the middle of a pixel so it is crisp (as plotters-canvas).
fn fine_hor_ver_lines(from: BackendCoord, end: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let mut from = (f64::from(from.0), f64::from(from.1));
    let mut end = (f64::from(end.0), f64::from(end.1));
    if from.0 == end.0 {
        from.0 -= 0.5;
        end.0 -= 0.5;
    }
    if from.1 == end.1 {
        from.1 -= 0.5;
        end.1 -= 0.5;
    }
    (from, end)
}

impl DrawingBackend for DprCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.css
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<CanvasError>> {
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.fill_style(c);
        self.ctx.fill_rect(f64::from(p.0), f64::from(p.1), 1.0, 1.0);
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let (a, b) = fine_hor_ver_lines(a, b);
        self.line_style(s);
        self.ctx.begin_path();
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        self.ctx.stroke();
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, s: &S, fill: bool) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y, w, h) = (f64::from(a.0), f64::from(a.1), f64::from(b.0 - a.0), f64::from(b.1 - a.1));
        if fill {
            self.fill_style(s.color());
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.line_style(s);
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let mut path = path.into_iter();
        self.ctx.begin_path();
        if let Some(start) = path.next() {
            self.line_style(s);
            self.ctx.move_to(f64::from(start.0), f64::from(start.1));
            for next in path {
                self.ctx.line_to(f64::from(next.0), f64::from(next.1));
            }
        }
        self.ctx.stroke();
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.fill_style(s.color());
        } else {
            self.line_style(s);
        }
        self.ctx.begin_path();
        self.ctx.arc(f64::from(c.0), f64::from(c.1), f64::from(r), 0.0, std::f64::consts::PI * 2.0).map_err(js_err)?;
        if fill {
            self.ctx.fill();
        } else {
            self.ctx.stroke();
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, v: I, s: &S) -> Result<(), DrawingErrorKind<CanvasError>> {
        if s.color().alpha == 0.0 {
            return Ok(());
        }
        let mut path = v.into_iter();
        self.ctx.begin_path();
        if let Some(start) = path.next() {
            self.fill_style(s.color());
            self.ctx.move_to(f64::from(start.0), f64::from(start.1));
            for next in path {
                self.ctx.line_to(f64::from(next.0), f64::from(next.1));
            }
            self.ctx.close_path();
        }
        self.ctx.fill();
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, s: &T, pos: BackendCoord) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = s.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (mut x, mut y) = (pos.0, pos.1);
        let degree = match s.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 90.0,
            FontTransform::Rotate180 => 180.0,
            FontTransform::Rotate270 => 270.0,
        } / 180.0
            * std::f64::consts::PI;
        if degree != 0.0 {
            self.ctx.save();
            self.ctx.translate(f64::from(x), f64::from(y)).map_err(js_err)?;
            self.ctx.rotate(degree).map_err(js_err)?;
            x = 0;
            y = 0;
        }
        let baseline = match s.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.state.baseline != Some(baseline) {
            self.ctx.set_text_baseline(baseline);
            self.state.baseline = Some(baseline);
        }
        let align = match s.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.state.align != Some(align) {
            self.ctx.set_text_align(align);
            self.state.align = Some(align);
        }
        self.fill_style(color);
        let font = format!("{} {}px {}", s.style().as_str(), s.size(), s.family().as_str());
        if self.state.font.as_deref() != Some(font.as_str()) {
            self.ctx.set_font(&font);
            self.state.font = Some(font);
        }
        let r = self.ctx.fill_text(text, f64::from(x), f64::from(y)).map_err(js_err);
        if degree != 0.0 {
            self.ctx.restore();
            // restore() brings back the state from before save(): forget what was set since.
            self.state = State::default();
        }
        r
    }
    fn estimate_text_size<T: BackendTextStyle>(&self, text: &str, s: &T) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        let key = text_key(text, s);
        if let Some(size) = TEXT_SIZES.with(|c| c.borrow().get(&key).copied()) {
            return Ok(size);
        }
        // No document, or the browser refused an element.
        let size = measure(text, s).ok_or_else(|| DrawingErrorKind::FontError(Box::new(CanvasError("text could not be measured".into()))))?;
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
