//! Plot areas, scales and axes drawn with plotters primitives. We do not use plotters'
//! `ChartBuilder`: our own small scale keeps full control over Dutch/English labels, year ticks and
//! hit positions, and keeps the wasm bundle small (one instantiation of simple code).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::theme::Theme;
use super::ChartError;
use crate::i18n::{format, Lang};

/// A text style in the theme's font.
pub fn text_style(theme: &Theme, size: f64, colour: RGBColor) -> TextStyle<'static> {
    let mut ts = TextStyle::from((theme.font, size).into_font());
    ts.color = colour.to_backend_color();
    ts
}

/// The value axis's unit ("adressen", "dagen", "per maand") above its top left corner, so a number
/// on the axis never stands without what it counts (in exported images too). Returns the first
/// free row below it; nothing is drawn for an empty unit.
pub fn draw_unit_label<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, unit: &str, top: i32, theme: &Theme) -> Result<i32, ChartError>
where
    DB::ErrorType: 'static,
{
    if unit.is_empty() {
        return Ok(top);
    }
    area.draw(&Text::new(unit.to_string(), (4, top), text_style(theme, theme.font_size * 0.85, theme.muted_text)))?;
    Ok(top + (theme.font_size * 1.3) as i32)
}

/// The rectangle data is drawn in, with linear scales for both axes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotFrame {
    /// Pixel edges (left, top, right, bottom), in the drawing area's coordinates.
    pub left: i32,
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
    /// Data ranges.
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
}

impl PlotFrame {
    pub fn x(&self, v: f64) -> i32 {
        let span = (self.x1 - self.x0).max(f64::EPSILON);
        self.left + ((v - self.x0) / span * f64::from(self.right - self.left)).round() as i32
    }
    pub fn y(&self, v: f64) -> i32 {
        let span = (self.y1 - self.y0).max(f64::EPSILON);
        self.bottom - ((v - self.y0) / span * f64::from(self.bottom - self.top)).round() as i32
    }
    pub fn width(&self) -> i32 {
        self.right - self.left
    }
    pub fn height(&self) -> i32 {
        self.bottom - self.top
    }
}

/// "Nice" ticks from 0 to at least `max`: about `n` steps of 1, 2, 2.5 or 5 × 10^k.
/// Returns the ticks (first is 0) — the last one is the axis maximum.
pub fn nice_ticks(max: f64, n: usize) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 { max } else { 1.0 };
    let raw = max / n.max(1) as f64;
    let exp = raw.log10().floor();
    let base = 10f64.powf(exp);
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].into_iter().map(|m| m * base).find(|s| *s >= raw).unwrap_or(10.0 * base);
    let step = if step < 1.0 && max >= 1.0 { 1.0 } else { step };
    let mut ticks = vec![0.0];
    let mut t = 0.0;
    while t < max - 1e-9 && ticks.len() < 30 {
        t += step;
        ticks.push(t);
    }
    ticks
}

/// Width in pixels the y labels need.
pub fn y_label_width<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, ticks: &[f64], theme: &Theme, lang: Lang) -> Result<i32, ChartError>
where
    DB::ErrorType: 'static,
{
    let style = text_style(theme, theme.font_size, theme.text);
    let mut w = 0;
    for t in ticks {
        let (tw, _) = area.estimate_text_size(&format::int(*t, lang), &style)?;
        w = w.max(tw as i32);
    }
    Ok(w + 10)
}

/// Horizontal grid lines and value labels on the left, with an axis line at 0.
pub fn draw_value_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    ticks: &[f64],
    theme: &Theme,
    lang: Lang,
    percent: bool,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let style = text_style(theme, theme.font_size, theme.text);
    for t in ticks {
        let y = frame.y(*t);
        let colour = if *t == 0.0 { theme.axis } else { theme.grid };
        area.draw(&PathElement::new(vec![(frame.left, y), (frame.right, y)], colour.stroke_width(1)))?;
        let label = if percent { format!("{}%", format::int(*t, lang)) } else { format::int(*t, lang) };
        let (tw, th) = area.estimate_text_size(&label, &style)?;
        area.draw(&Text::new(label, (frame.left - 6 - tw as i32, y - th as i32 / 2), style.clone()))?;
    }
    Ok(())
}

/// Vertical value axis for horizontal bar charts: grid lines and labels along the bottom.
pub fn draw_value_axis_horizontal<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &PlotFrame,
    ticks: &[f64],
    theme: &Theme,
    lang: Lang,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let style = text_style(theme, theme.font_size, theme.text);
    let width = area.dim_in_pixel().0 as i32;
    // Where the last drawn label ends: a label that would run into it is left out (its grid line stays).
    let mut drawn_to = i32::MIN;
    for t in ticks {
        let x = frame.x(*t);
        let colour = if *t == 0.0 { theme.axis } else { theme.grid };
        area.draw(&PathElement::new(vec![(x, frame.top), (x, frame.bottom)], colour.stroke_width(1)))?;
        let label = format::int(*t, lang);
        let (tw, _) = area.estimate_text_size(&label, &style)?;
        // Centred under its grid line, but never past the right edge: the last label ("15.000")
        // was cut off at the edge of narrow charts on the gemeente page.
        let lx = (x - tw as i32 / 2).min(width - tw as i32 - 2).max(0);
        if lx < drawn_to.saturating_add(6) {
            continue;
        }
        drawn_to = lx + tw as i32;
        area.draw(&Text::new(label, (lx, frame.bottom + 6), style.clone()))?;
    }
    Ok(())
}

/// A polyline, solid or dashed, in pixel coordinates.
pub fn polyline<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, pts: &[(i32, i32)], style: ShapeStyle, pattern: Option<(u32, u32)>) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    match pattern {
        None => area.draw(&PathElement::new(pts.to_vec(), style))?,
        Some((on, off)) => {
            for w in pts.windows(2) {
                let [(x0, y0), (x1, y1)] = [w[0], w[1]];
                let (dx, dy) = (f64::from(x1 - x0), f64::from(y1 - y0));
                let len = (dx * dx + dy * dy).sqrt();
                if len < 0.5 {
                    continue;
                }
                let mut t = 0.0;
                while t < len {
                    let t2 = (t + f64::from(on)).min(len);
                    let p = |t: f64| (x0 + (dx * t / len).round() as i32, y0 + (dy * t / len).round() as i32);
                    area.draw(&PathElement::new(vec![p(t), p(t2)], style))?;
                    t = t2 + f64::from(off);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_nice_and_cover_the_maximum() {
        assert_eq!(nice_ticks(27713.0, 5), vec![0.0, 10000.0, 20000.0, 30000.0]);
        assert_eq!(nice_ticks(9.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(nice_ticks(0.0, 5), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(f64::NAN, 5), vec![0.0, 1.0]);
        let t = nice_ticks(1398.0, 5);
        assert!(*t.last().unwrap() >= 1398.0 && t.len() <= 8);
    }

    #[test]
    fn frame_maps_data_to_pixels() {
        let f = PlotFrame { left: 50, top: 10, right: 450, bottom: 310, x0: 0.0, x1: 100.0, y0: 0.0, y1: 1000.0 };
        assert_eq!(f.x(0.0), 50);
        assert_eq!(f.x(100.0), 450);
        assert_eq!(f.y(0.0), 310);
        assert_eq!(f.y(500.0), 160);
    }
}
