//! Drawing a [`HistogramChart`]: one bar per bin (equal widths, labels under the bars), vertical
//! lines for median and percentiles, "×" for hidden bins.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::{draw_unit_label, draw_value_axis, nice_ticks, polyline, text_style, y_label_width, PlotFrame};
use super::frame::{bar, draw_captions};
use super::theme::Theme;
use super::{ChartError, Hit};
use crate::analysis::histogram::HistogramChart;
use crate::i18n::Lang;

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &HistogramChart, theme: &Theme, lang: Lang) -> Result<Vec<Hit>, ChartError>
where
    DB::ErrorType: 'static,
{
    area.fill(&theme.background)?;
    let (w, _) = area.dim_in_pixel();
    let fs = theme.font_size;
    let (top, bottom) = draw_captions(area, &chart.meta, theme, lang)?;
    let top = draw_unit_label(area, &chart.y_label, top, theme)?;
    let n = chart.bins.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    let ticks = nice_ticks(chart.max_count() as f64 * 1.08, 5);
    let y1 = ticks.last().copied().unwrap_or(1.0);
    let left = y_label_width(area, &ticks, theme, lang)?.max(28) + 4;
    // Room above the plot for the percentile labels: one row, or two when there are two or more
    // lines (staggered, so that neither label crosses the other's line).
    let label_rows = if chart.lines.len() > 1 { 2 } else { 1 };
    let frame = PlotFrame { left, top: top + 10 + 12 * label_rows, right: w as i32 - 12, bottom: bottom - (fs * 3.4) as i32, x0: 0.0, x1: n as f64, y0: 0.0, y1 };
    if frame.width() < 20 || frame.height() < 20 {
        return Ok(Vec::new());
    }
    draw_value_axis(area, &frame, &ticks, theme, lang, false)?;
    let label_style = text_style(theme, fs * 0.9, theme.text);
    // Label every k-th bin so labels never overlap.
    let mut widest = 0;
    for b in &chart.bins {
        widest = widest.max(area.estimate_text_size(&b.label, &label_style)?.0 as i32);
    }
    let slot = (frame.width() / n as i32).max(1);
    let every = ((widest + 8) / slot + 1).max(1) as usize;
    let mut hits = Vec::new();
    for (i, b) in chart.bins.iter().enumerate() {
        let (l, r) = (frame.x(i as f64) + 1, frame.x(i as f64 + 1.0) - 1);
        let y = if b.suppressed { frame.bottom - 3 } else { frame.y(b.count as f64) };
        bar(area, (l, y), (r, frame.bottom), chart.style)?;
        if b.suppressed {
            let ts = text_style(theme, fs * 0.8, theme.muted_text);
            area.draw(&Text::new(crate::i18n::format::HIDDEN.to_string(), (l, y - (fs * 1.2) as i32), ts))?;
        }
        if i % every == 0 {
            let (tw, _) = area.estimate_text_size(&b.label, &label_style)?;
            area.draw(&Text::new(b.label.clone(), ((l + r) / 2 - tw as i32 / 2, frame.bottom + 6), label_style.clone()))?;
        }
        hits.push(Hit { series: 0, point: i, x: (l + r) / 2, y });
    }
    // x axis title.
    let title_style = text_style(theme, fs * 0.9, theme.muted_text);
    let (tw, _) = area.estimate_text_size(&chart.x_label, &title_style)?;
    area.draw(&Text::new(chart.x_label.clone(), (frame.left + frame.width() / 2 - tw as i32 / 2, frame.bottom + (fs * 1.9) as i32), title_style))?;
    // Percentile lines, with their labels staggered so they do not collide. Both rows lie above
    // the lines' tops: the second row used to sit lower, where a label near the right edge (p90,
    // drawn to the left of its line) ran across the median's line (Doorlooptijden at 360 px).
    for (k, line) in chart.lines.iter().enumerate() {
        let x = frame.x(line.x.clamp(0.0, n as f64));
        polyline(area, &[(x, frame.top - 4), (x, frame.bottom)], theme.text.stroke_width(2), Some((5, 3)))?;
        let ts = text_style(theme, fs * 0.85, theme.text);
        let (tw, _) = area.estimate_text_size(&line.label, &ts)?;
        let lx = if x + tw as i32 + 4 > frame.right { x - tw as i32 - 4 } else { x + 4 };
        area.draw(&Text::new(line.label.clone(), (lx, frame.top - 20 - (k as i32 % 2) * 12), ts))?;
    }
    Ok(hits)
}
