//! Drawing a [`BarChart`]: grouped or stacked bars, vertical or horizontal, with "×" for
//! suppressed values and every other series hatched (never colour alone).

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::{draw_unit_label, draw_value_axis, draw_value_axis_horizontal, nice_ticks, text_style, y_label_width, PlotFrame};
use super::frame::{bar, draw_captions, draw_legend, open_marker, LegendMark};
use super::text_fit::{fit_line, fit_lines};
use super::theme::{Shape, Theme};
use super::{ChartError, Hit};
use crate::analysis::bar_chart::{is_approximate, is_derived, BarChart, BarLayout};
use crate::i18n::{format, Lang};

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &BarChart, theme: &Theme, lang: Lang) -> Result<Vec<Hit>, ChartError>
where
    DB::ErrorType: 'static,
{
    area.fill(&theme.background)?;
    let (w, _) = area.dim_in_pixel();
    let fs = theme.font_size;
    let (top, bottom) = draw_captions(area, &chart.meta, theme, lang)?;
    let mut legend: Vec<(String, usize, LegendMark)> = if chart.series.len() > 1 {
        chart.series.iter().map(|s| (s.label.clone(), s.style, LegendMark::Bar)).collect()
    } else {
        Vec::new()
    };
    // A bar of a rough figure has an open marker at its end and the legend says what it means
    // (Eemsdelta's "ruim 5.000" on the Gemeenten overview was drawn, and exported, as exact).
    if chart.has_approximate() {
        legend.push((crate::i18n::texts(lang).shell.approx_legend.to_string(), 0, LegendMark::Open));
    }
    if chart.has_derived() {
        legend.push((crate::i18n::texts(lang).shell.derived_legend.to_string(), 0, LegendMark::Derived));
    }
    let top = draw_legend(area, &legend, top, theme)?;
    let n = chart.categories.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    let max = chart.fixed_max.unwrap_or_else(|| chart.max_value());
    let ticks = nice_ticks(max, if chart.horizontal { 4 } else { 5 });
    let vmax = ticks.last().copied().unwrap_or(1.0);
    let label_style = text_style(theme, fs, theme.text);
    let small = text_style(theme, fs * 0.8, theme.muted_text);
    let groups = if chart.layout == BarLayout::Grouped { chart.series.len().max(1) } else { 1 };
    let mut hits = Vec::new();

    if chart.horizontal {
        // The unit of the value axis, under its tick labels at the right end.
        let unit_row = if chart.value_label.is_empty() { 0 } else { (fs * 1.3) as i32 };
        let bottom = bottom - unit_row;
        if unit_row > 0 {
            let unit_style = text_style(theme, fs * 0.85, theme.muted_text);
            let (uw, _) = area.estimate_text_size(&chart.value_label, &unit_style)?;
            area.draw(&Text::new(chart.value_label.clone(), (w as i32 - 16 - uw as i32, bottom + 2), unit_style))?;
        }
        let mut widest = 0;
        for c in &chart.categories {
            widest = widest.max(area.estimate_text_size(c, &label_style)?.0 as i32);
        }
        let left = (widest + 12).min(w as i32 / 2);
        let right = w as i32 - 16;
        // As many value labels as fit side by side under the bars: at four steps the labels of a
        // narrow chart ran into each other ("15.00020.000" on the gemeente page at 1920 px).
        let label_w = area.estimate_text_size(&format::int(vmax, lang), &label_style)?.0 as i32 + 12;
        let steps = ((right - left) / label_w.max(1)).clamp(1, 4) as usize;
        let ticks = nice_ticks(max, steps);
        let vmax = ticks.last().copied().unwrap_or(1.0);
        let frame = PlotFrame { left, top: top + 4, right, bottom: bottom - (fs * 2.0) as i32, x0: 0.0, x1: vmax, y0: 0.0, y1: n as f64 };
        if frame.width() < 20 || frame.height() < 10 {
            return Ok(Vec::new());
        }
        draw_value_axis_horizontal(area, &frame, &ticks, theme, lang)?;
        let band = frame.height() as f64 / n as f64;
        for (ci, c) in chart.categories.iter().enumerate() {
            let band_top = frame.top as f64 + band * ci as f64;
            // A label wider than its column (long category names on a phone) wraps onto a second
            // line when the band is high enough, and is shortened with "…" otherwise.
            let line_h = fs * 1.2;
            let max_lines = ((band / line_h).floor() as usize).clamp(1, 2);
            let lines = fit_lines(area, c, &label_style, left - 12, max_lines)?;
            let (_, th) = area.estimate_text_size(c, &label_style)?;
            let block = th as i32 + ((lines.len() as f64 - 1.0) * line_h) as i32;
            let first = (band_top + band / 2.0) as i32 - block / 2;
            for (i, line) in lines.into_iter().enumerate() {
                area.draw(&Text::new(line, (6, first + (i as f64 * line_h) as i32), label_style.clone()))?;
            }
            let inner = band * 0.75;
            let thick = inner / groups as f64;
            let mut acc = 0.0;
            let mut stack_suppressed = 0;
            for (si, s) in chart.series.iter().enumerate() {
                let Some(Some(v)) = s.values.get(ci) else { continue };
                let slot = if chart.layout == BarLayout::Grouped { si } else { 0 };
                let y0 = (band_top + (band - inner) / 2.0 + thick * slot as f64) as i32;
                let y1 = (y0 as f64 + thick).round() as i32 - 1;
                let (a, b) = if chart.layout == BarLayout::Stacked { (acc, acc + v.value) } else { (0.0, v.value) };
                acc = b;
                let (xa, xb) = (frame.x(a), frame.x(b));
                if v.suppressed && chart.layout == BarLayout::Stacked {
                    stack_suppressed += 1;
                } else if v.suppressed {
                    area.draw(&Text::new(format::HIDDEN.to_string(), (frame.x(a) + 3, y0), small.clone()))?;
                } else {
                    bar(area, (xa, y0), (xb, y1), s.style)?;
                    if is_approximate(v) {
                        open_marker(area, (xb, (y0 + y1) / 2), Shape::Circle, theme.text, theme.background)?;
                    } else if is_derived(v) {
                        open_marker(area, (xb, (y0 + y1) / 2), Shape::Square, theme.text, theme.background)?;
                    }
                }
                hits.push(Hit { series: si, point: ci, x: xb.max(xa + 2), y: (y0 + y1) / 2 });
            }
            // A category without any figure says so: Midden-Groningen's empty row on Gemeenten
            // read as zero (a review, on a meeting-room screen).
            if chart.series.iter().all(|s| s.values.get(ci).is_none_or(Option::is_none)) {
                let text = crate::i18n::texts(lang).gemeenten.not_published;
                let (_, th) = area.estimate_text_size(text, &small)?;
                area.draw(&Text::new(text.to_string(), (frame.x(0.0) + 3, (band_top + band / 2.0) as i32 - th as i32 / 2), small.clone()))?;
            }
            // A stack too thin to see gets one label (`stack_mark`). Each hidden part drew its
            // own mark before, on top of each other and under the next part's bar.
            let length = frame.x(acc) - frame.x(0.0);
            if let Some(mark) = (chart.layout == BarLayout::Stacked).then(|| stack_mark(stack_suppressed, acc, length, lang)).flatten() {
                let (_, th) = area.estimate_text_size(&mark, &small)?;
                area.draw(&Text::new(mark, (frame.x(acc) + 3, (band_top + band / 2.0) as i32 - th as i32 / 2), small.clone()))?;
            }
        }
    } else {
        let top = draw_unit_label(area, &chart.value_label, top, theme)?;
        let ticks_w = y_label_width(area, &ticks, theme, lang)?.max(28) + 4;
        let frame = PlotFrame { left: ticks_w, top: top + 8, right: w as i32 - 12, bottom: bottom - (fs * 2.2) as i32, x0: 0.0, x1: n as f64, y0: 0.0, y1: vmax };
        if frame.width() < 20 || frame.height() < 20 {
            return Ok(Vec::new());
        }
        draw_value_axis(area, &frame, &ticks, theme, lang, false)?;
        let slot = frame.width() / n as i32;
        let mut widest = 0;
        for c in &chart.categories {
            widest = widest.max(area.estimate_text_size(c, &label_style)?.0 as i32);
        }
        let every = ((widest + 8) / slot.max(1) + 1).max(1) as usize;
        for (ci, c) in chart.categories.iter().enumerate() {
            let l = frame.x(ci as f64);
            let inner = (f64::from(slot) * 0.75) as i32;
            let thick = (inner / groups as i32).max(2);
            let start = l + (slot - inner) / 2;
            let mut acc = 0.0;
            let mut stack_suppressed = 0;
            for (si, s) in chart.series.iter().enumerate() {
                let Some(Some(v)) = s.values.get(ci) else { continue };
                let k = if chart.layout == BarLayout::Grouped { si as i32 } else { 0 };
                let x0 = start + thick * k;
                let x1 = x0 + thick - 1;
                let (a, b) = if chart.layout == BarLayout::Stacked { (acc, acc + v.value) } else { (0.0, v.value) };
                acc = b;
                let (ya, yb) = (frame.y(a), frame.y(b));
                if v.suppressed && chart.layout == BarLayout::Stacked {
                    stack_suppressed += 1;
                } else if v.suppressed {
                    area.draw(&Text::new(format::HIDDEN.to_string(), (x0, ya - (fs * 1.1) as i32), small.clone()))?;
                } else {
                    bar(area, (x0, yb), (x1, ya), s.style)?;
                    if is_approximate(v) {
                        open_marker(area, ((x0 + x1) / 2, yb), Shape::Circle, theme.text, theme.background)?;
                    } else if is_derived(v) {
                        open_marker(area, ((x0 + x1) / 2, yb), Shape::Square, theme.text, theme.background)?;
                    }
                }
                hits.push(Hit { series: si, point: ci, x: (x0 + x1) / 2, y: yb.min(ya - 2) });
            }
            // One label on a stack too thin to see (see the horizontal bars).
            let length = frame.y(0.0) - frame.y(acc);
            if let Some(mark) = (chart.layout == BarLayout::Stacked).then(|| stack_mark(stack_suppressed, acc, length, lang)).flatten() {
                area.draw(&Text::new(mark, (start, frame.y(acc) - (fs * 1.1) as i32), small.clone()))?;
            }
            if ci % every == 0 {
                // Centred under its bars, but never past the image's edges (the first and last
                // label of a narrow chart), and shortened with "…" if wider than the image.
                let line = fit_line(area, c, &label_style, w as i32 - 4)?;
                let (tw, _) = area.estimate_text_size(&line, &label_style)?;
                let x = (l + slot / 2 - tw as i32 / 2).clamp(2, (w as i32 - 2 - tw as i32).max(2));
                area.draw(&Text::new(line, (x, frame.bottom + 6), label_style.clone()))?;
            }
        }
    }
    Ok(hits)
}

/// The label of a stacked bar too thin to see: its hidden parts (`suppressed` of them) and its
/// drawn parts adding up to `drawn`, `length` pixels long. A row that looks empty says what it
/// holds: "×" (hidden) for one or more hidden parts and nothing else, the sum of the drawn parts,
/// "≥ sum" when hidden parts come on top (true whatever they hold). A bar long enough to see has
/// none: the table and the tooltips give its parts. ("< 5" and "elk < 5" before: the one mark of
/// a hidden count is "×" on every page.)
fn stack_mark(suppressed: usize, drawn: f64, length: i32, lang: Lang) -> Option<String> {
    if length >= 3 {
        return None;
    }
    match (suppressed, drawn > 0.0) {
        (0, false) => None,
        (0, true) => Some(format::int(drawn, lang)),
        (_, true) => Some(format!("≥ {}", format::int(drawn, lang))),
        (_, false) => Some(format::HIDDEN.to_string()),
    }
}
