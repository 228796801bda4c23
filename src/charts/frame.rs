//! What surrounds the data in every chart image: title and source line (in exported images),
//! the synthetic-data stamp (always), and the legend.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::{polyline, text_style};
use super::text_fit::fit_lines;
use super::theme::{dash, shape, Shape, Theme, PALETTE};
use super::ChartError;
use crate::analysis::chart::ChartMeta;
use crate::i18n::{texts, Lang};

pub fn colour(style: usize) -> RGBColor {
    PALETTE[style % PALETTE.len()]
}

/// Draw title, stamp (top) and source line (bottom) as the theme asks. Returns the pixel rows
/// left for the chart: (top, bottom).
pub fn draw_captions<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, meta: &ChartMeta, theme: &Theme, lang: Lang) -> Result<(i32, i32), ChartError>
where
    DB::ErrorType: 'static,
{
    let (_, h) = area.dim_in_pixel();
    let fs = theme.font_size;
    let mut top = 6;
    let mut bottom = h as i32;
    if theme.captions {
        // Title and source line wrap inside the image (up to 2 and 3 lines): an exported image must
        // never lose the end of its source line when more publishers or publications are cited.
        let (w, _) = area.dim_in_pixel();
        let room = w as i32 - 20;
        let title_style = text_style(theme, fs * 1.3, theme.text);
        let title = fit_lines(area, &meta.title, &title_style, room, 2)?;
        let title_h = (fs * 1.6) as i32;
        for (i, line) in title.iter().enumerate() {
            area.draw(&Text::new(line.clone(), (10, top + i as i32 * title_h), title_style.clone()))?;
        }
        top += (fs * 1.9) as i32 + title_h * (title.len() as i32 - 1).max(0);
        let source_style = text_style(theme, fs * 0.85, theme.muted_text);
        let source = fit_lines(area, &meta.source_line, &source_style, room, 3)?;
        let source_h = (fs * 1.1) as i32;
        let extra = source_h * (source.len() as i32 - 1).max(0);
        for (i, line) in source.iter().enumerate() {
            area.draw(&Text::new(line.clone(), (10, h as i32 - (fs * 1.4) as i32 - extra + i as i32 * source_h), source_style.clone()))?;
        }
        bottom -= (fs * 1.8) as i32 + extra;
    }
    // The stamps wrap in a narrow chart: the small multiples on /gemeenten?bron=demo read
    // "SYNTHETISCHE DEMO — GEEN ECHTE CIJFER", the mark that must survive a screenshot cut off.
    let room = area.dim_in_pixel().0 as i32 - 20;
    for (on, text, style, line_h) in [
        (meta.synthetic, texts(lang).shell.demo_stamp, text_style(theme, fs * 1.05, theme.stamp), fs * 1.6),
        (meta.estimated, texts(lang).shell.estimate_stamp, text_style(theme, fs, theme.muted_text), fs * 1.5),
    ] {
        if !on {
            continue;
        }
        for line in fit_lines(area, text, &style, room, 3)? {
            area.draw(&Text::new(line, (10, top), style.clone()))?;
            top += line_h as i32;
        }
    }
    Ok((top, bottom))
}

/// How a legend item is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendMark {
    Line,
    Bar,
    /// An open circle in the text colour: "a value the source gave only roughly".
    Open,
    /// An open square in the text colour: "a value we derived".
    Derived,
    /// A period bar as time charts draw it: a light fill (every other style hatched) under a
    /// strong top line. (A solid swatch stood for light bars with a dark top.)
    Span,
}

/// A marker shape at (x, y).
pub fn marker<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, (x, y): (i32, i32), s: Shape, c: RGBColor) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    match s {
        Shape::Cross => {
            let st = c.stroke_width(2);
            area.draw(&PathElement::new(vec![(x - 4, y - 4), (x + 4, y + 4)], st))?;
            area.draw(&PathElement::new(vec![(x - 4, y + 4), (x + 4, y - 4)], st))?;
            Ok(())
        }
        _ => filled_shape(area, (x, y), s, 4, c),
    }
}

/// A filled circle, square, triangle or diamond of radius `r` at (x, y) (a cross is lines: none).
fn filled_shape<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, (x, y): (i32, i32), s: Shape, r: i32, c: RGBColor) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let fill = c.filled();
    match s {
        Shape::Circle => area.draw(&Circle::new((x, y), r as u32, fill))?,
        Shape::Square => area.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], fill))?,
        Shape::Triangle => area.draw(&Polygon::new(vec![(x, y - r - 1), (x - r - 1, y + r), (x + r + 1, y + r)], fill))?,
        Shape::Diamond => area.draw(&Polygon::new(vec![(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)], fill))?,
        Shape::Cross => {}
    }
    Ok(())
}

/// An open marker, for a value the source gave only roughly ("ruim 5.000"): the shape with its
/// inside in the background colour (a cross gets a ring around it).
pub fn open_marker<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, (x, y): (i32, i32), s: Shape, c: RGBColor, background: RGBColor) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    marker(area, (x, y), s, c)?;
    match s {
        Shape::Cross => area.draw(&Circle::new((x, y), 6, c.stroke_width(1)))?,
        _ => filled_shape(area, (x, y), s, 2, background)?,
    }
    Ok(())
}

/// A bar fill that differs per style not only in colour: every other style is hatched.
pub fn bar<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, (l, t): (i32, i32), (r, b): (i32, i32), style: usize) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let c = colour(style);
    let (l, r) = (l.min(r), l.max(r));
    let (t, b) = (t.min(b), t.max(b));
    if r <= l || b <= t {
        return Ok(());
    }
    area.draw(&Rectangle::new([(l, t), (r, b)], c.filled()))?;
    if style % 2 == 1 {
        // Diagonal white hatching so neighbouring series differ in texture as well as colour.
        hatch(area, (l, t), (r, b), WHITE.mix(0.55).stroke_width(1))?;
    }
    Ok(())
}

/// Diagonal lines 6 px apart over the rectangle (l, t)–(r, b).
pub fn hatch<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, (l, t): (i32, i32), (r, b): (i32, i32), line: ShapeStyle) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    if r <= l || b <= t {
        return Ok(());
    }
    let mut k = l - (b - t);
    while k < r {
        let (x0, y0) = (k.max(l), b - (k.max(l) - k));
        let x1 = (k + (b - t)).min(r);
        let y1 = b - (x1 - k);
        area.draw(&PathElement::new(vec![(x0, y0), (x1, y1)], line))?;
        k += 6;
    }
    Ok(())
}

/// Legend items in rows from `top`; returns the first free row below the legend.
pub fn draw_legend<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, items: &[(String, usize, LegendMark)], top: i32, theme: &Theme) -> Result<i32, ChartError>
where
    DB::ErrorType: 'static,
{
    if items.is_empty() {
        return Ok(top);
    }
    let (w, _) = area.dim_in_pixel();
    let fs = theme.font_size;
    let style = text_style(theme, fs, theme.text);
    let row = (fs * 1.6) as i32;
    // Room for a label on a row of its own: a label wider than that (a long series name on a
    // phone) wraps onto up to three rows instead of running out of the image.
    let room = w as i32 - 10 - 32 - 10;
    let mut x = 10;
    let mut y = top;
    for (label, st, mark) in items {
        let (tw, _) = area.estimate_text_size(label, &style)?;
        let lines = if tw as i32 > room { fit_lines(area, label, &style, room, 3)? } else { vec![label.clone()] };
        let item = 34 + (tw as i32).min(room) + 18;
        if x + item > w as i32 - 10 && x > 10 {
            x = 10;
            y += row;
        }
        let mid = y + (fs * 0.6) as i32;
        let c = colour(*st);
        match mark {
            LegendMark::Line => {
                polyline(area, &[(x, mid), (x + 26, mid)], c.stroke_width(2), dash(*st))?;
                marker(area, (x + 13, mid), shape(*st), c)?;
            }
            LegendMark::Bar => bar(area, (x + 4, mid - 6), (x + 22, mid + 6), *st)?,
            LegendMark::Open => open_marker(area, (x + 13, mid), Shape::Circle, theme.text, theme.background)?,
            LegendMark::Derived => open_marker(area, (x + 13, mid), Shape::Square, theme.text, theme.background)?,
            LegendMark::Span => {
                let (l, t, r, b) = (x + 4, mid - 6, x + 22, mid + 6);
                if *st % 2 == 1 {
                    hatch(area, (l, t), (r, b), c.mix(0.6).stroke_width(1))?;
                } else {
                    area.draw(&Rectangle::new([(l, t), (r, b)], c.mix(0.30).filled()))?;
                }
                area.draw(&PathElement::new(vec![(l, t), (r, t)], c.stroke_width(3)))?;
            }
        }
        for (i, line) in lines.iter().enumerate() {
            area.draw(&Text::new(line.clone(), (x + 32, y + i as i32 * (fs * 1.25) as i32), style.clone()))?;
        }
        if lines.len() > 1 {
            // A wrapped item fills its rows; the next item starts on a new row below it.
            y += (fs * 1.25) as i32 * (lines.len() as i32 - 1);
            x = w as i32;
        } else {
            x += item;
        }
    }
    Ok(y + (fs * 1.8) as i32)
}
