//! Drawing a [`TimeChart`]: lines for values at dates, bars over their span for per-month rates,
//! numbered vertical markers for events and definition breaks, dashed reference lines.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::{draw_unit_label, draw_value_axis, nice_ticks, polyline, text_style, y_label_width, PlotFrame};
use super::frame::{colour, draw_captions, draw_legend, hatch, marker, open_marker, LegendMark};
use super::text_fit::fit_lines;
use super::theme::{dash, shape, Shape, Theme};
use super::{ChartError, Hit};
use crate::analysis::time_chart::{SeriesKind, Side, TimeChart};
use crate::data::date::Month;
use crate::data::event::EventKind;
use crate::data::observation::Flag;
use crate::i18n::{format, texts, Lang};

/// Key points for the x axis: every year start, or every quarter/half year for short ranges.

/// How far, at least, the top line of a period bar above zero stays above the axis (px): its
/// 3 px stroke is then clear of the axis line.
const MIN_SPAN_TOP: i32 = 3;
fn x_keys(x0: f64, x1: f64, width_px: i32) -> Vec<f64> {
    let span = x1 - x0;
    let mut step = if span <= 18.0 { 3 } else if span <= 48.0 { 6 } else { 12 };
    let shortest_step = step;
    // About one label per 70 px.
    while (span / f64::from(step)) > f64::from(width_px.max(70) / 70) && step < 120 {
        step *= 2;
    }
    let mut k = (x0 / f64::from(step)).ceil() as i64 * i64::from(step);
    let mut out = Vec::new();
    while (k as f64) <= x1 && out.len() < 60 {
        out.push(k as f64);
        k += i64::from(step);
    }
    // A range shorter than one step (a gemeente with one published figure) has no step in it; its
    // axis names the day in its middle, where a single figure is drawn ("15 feb 2023"), instead of
    // no date at all. (A first fix put "feb 2023" at 1 February, half a month left of the point:
    // on a 1920 px screen the label stood a quarter of the chart away from the only figure.)
    // Also when a quarter start falls in that short range: Het Hogeland's one figure, of 22 April
    // 2020, had "apr 2020" under 1 April, a third of a phone's chart left of its dot.
    // (Shorter than the shortest step, not than the step widened for a narrow chart: ten months
    // on a narrow chart keep their year label.)
    if span < f64::from(shortest_step) && x0.is_finite() && x1.is_finite() {
        out.clear();
        out.push((x0 + x1) / 2.0);
    }
    out
}

/// A month start is named by its month (January by its year); any other key by its day.
fn x_label(x: f64, lang: Lang) -> String {
    let month = x.floor();
    let fraction = x - month;
    let Some(m) = Month::from_index(month as i64) else { return String::new() };
    if fraction.abs() < 1e-9 {
        return if m.month() == 1 { m.year().to_string() } else { format::month_short(m, lang) };
    }
    // The inverse of Date::as_month_float: day = 1 + fraction × days in the month.
    let days = i64::from(m.last_day().day());
    let day = (1 + (fraction * days as f64).round() as i64).clamp(1, days);
    format!("{day} {}", format::month_short(m, lang))
}

/// Where the numbered box of each event marker goes: (row, left edge). `boxes` are (x of the
/// marker's line, width of its box) in date order. A box is centred over its line in the first
/// row; if it would cover the box before it there (events days apart, such as 1 and 8 January
/// 2018, where "1" was hidden under "2"), it goes to the second row, above; only when both rows
/// are taken at its line does it move right, to just after the box of the row that ends first.
/// (With one row and every box moved right, fifteen markers on a 360 px phone left boxes 10–15 a
/// slot or more away from their lines.)
pub fn box_rows(boxes: &[(i32, i32)]) -> Vec<(usize, i32)> {
    const GAP: i32 = 2;
    let mut right = [i32::MIN / 2; 2];
    boxes
        .iter()
        .map(|&(x, w)| {
            let ideal = x - w / 2;
            let row = if ideal >= right[0] + GAP {
                0
            } else if ideal >= right[1] + GAP {
                1
            } else if right[0] <= right[1] {
                0
            } else {
                1
            };
            let left = ideal.max(right[row] + GAP);
            right[row] = left + w;
            (row, left)
        })
        .collect()
}

/// The key to the numbered event markers, one line each in number order, for images that carry
/// their captions (exports): on screen the list is HTML under the chart; an exported image is
/// shared on its own, and its numbers must say what they mark. The markers inside the time range,
/// then, without a number, those before or after it (`Chart::off_axis_notes`).
pub fn marker_key(chart: &TimeChart, lang: Lang) -> Vec<String> {
    let sh = &texts(lang).shell;
    let sides = chart.sides();
    let mut ms: Vec<&crate::analysis::time_chart::Marker> = chart.markers.iter().collect();
    crate::data::sort::sort_by_key(&mut ms[..], |m| (m.number, m.date));
    let on = ms.iter().filter(|m| sides(m) == Side::On).map(|m| format!("[{}] {}: {}", m.number, format::date(m.date, lang), m.text));
    let off = ms.iter().filter_map(|m| match sides(m) {
        Side::Before => Some(format!("{}, {}: {}", sh.before_figures, format::date(m.date, lang), m.text)),
        Side::After => Some(format!("{}, {}: {}", sh.after_figures, format::date(m.date, lang), m.text)),
        Side::On => None,
    });
    on.chain(off).collect()
}

/// Height of one line of the marker key, for `marker_key` and the export's height.
pub fn marker_key_line(theme: &Theme) -> i32 {
    (theme.font_size * 1.1) as i32
}

/// At most this many lines per note of the marker key. Cut to one line, an exported image lost a
/// note's caveat ("de lijn is hier onderbroken", "kan daardoor nog veranderen").
pub const KEY_NOTE_LINES: usize = 4;

/// The marker key's lines at `width` px, estimated from the text's length (for the export's
/// height, before there is an area to measure on): each note wraps onto up to `KEY_NOTE_LINES`.
pub fn marker_key_rows(key: &[String], width: u32, theme: &Theme) -> usize {
    let room = f64::from(width.saturating_sub(20).max(1));
    let per_char = theme.font_size * 0.8 * 0.55;
    key.iter().map(|k| ((k.chars().count() as f64 * per_char / room).ceil() as usize).clamp(1, KEY_NOTE_LINES)).sum()
}

/// Draw the chart on `area` and return where every value landed (in `area` coordinates).
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, chart: &TimeChart, theme: &Theme, lang: Lang) -> Result<Vec<Hit>, ChartError>
where
    DB::ErrorType: 'static,
{
    area.fill(&theme.background)?;
    let (w, _) = area.dim_in_pixel();
    let fs = theme.font_size;
    let (top, mut bottom) = draw_captions(area, &chart.meta, theme, lang)?;
    if theme.captions {
        let key = marker_key(chart, lang);
        if !key.is_empty() {
            let line = marker_key_line(theme);
            let key_style = text_style(theme, fs * 0.8, theme.muted_text);
            let mut rows = Vec::new();
            for k in &key {
                rows.extend(fit_lines(area, k, &key_style, w as i32 - 20, KEY_NOTE_LINES)?);
            }
            bottom -= line * rows.len() as i32 + (fs * 0.4) as i32;
            for (i, text) in rows.into_iter().enumerate() {
                area.draw(&Text::new(text, (10, bottom + (fs * 0.4) as i32 + i as i32 * line), key_style.clone()))?;
            }
        }
    }
    let mut legend: Vec<(String, usize, LegendMark)> = chart
        .series
        .iter()
        .filter(|s| !s.points.is_empty())
        .map(|s| (s.label.clone(), s.style, if s.kind == SeriesKind::Span { LegendMark::Span } else { LegendMark::Line }))
        .collect();
    if chart.has_approximate() {
        legend.push((texts(lang).shell.approx_legend.to_string(), 0, LegendMark::Open));
    }
    if chart.has_derived_span() {
        legend.push((texts(lang).shell.derived_legend.to_string(), 0, LegendMark::Derived));
    }
    let top = draw_legend(area, &legend, top, theme)?;
    let top = draw_unit_label(area, &chart.y_label, top, theme)?;

    let (x0, x1) = chart.x_range();
    let ticks = nice_ticks(chart.y_max(), 5);
    let y1 = ticks.last().copied().unwrap_or(1.0);
    let left = y_label_width(area, &ticks, theme, lang)?.max(28) + 4;
    let frame = PlotFrame { left, top: top + 16, right: w as i32 - 16, bottom: bottom - (fs * 2.0) as i32, x0, x1, y0: 0.0, y1 };
    if frame.width() < 20 || frame.height() < 20 {
        return Ok(Vec::new());
    }

    // The numbered boxes of the event markers, placed before anything is drawn: a second row of
    // boxes needs room above the plot (x does not depend on the top, so the frame can grow).
    let marker_style = |is_break: bool| text_style(theme, fs * 0.85, if is_break { theme.stamp } else { theme.text });
    let mut order: Vec<&crate::analysis::time_chart::Marker> = chart.markers.iter().filter(|m| (x0..=x1).contains(&m.date.as_month_float())).collect();
    crate::data::sort::sort_by_key(&mut order[..], |m| (m.date, m.number));
    let mut sized: Vec<(i32, i32)> = Vec::with_capacity(order.len());
    for m in &order {
        let (tw, th) = area.estimate_text_size(&m.number.to_string(), &marker_style(false))?;
        sized.push((tw as i32, th as i32));
    }
    let boxes: Vec<(i32, i32)> = order.iter().zip(&sized).map(|(m, (tw, _))| (frame.x(m.date.as_month_float()), tw + 6)).collect();
    let places = box_rows(&boxes);
    let row_h = sized.iter().map(|(_, th)| th + 5).max().unwrap_or(0);
    let frame = if places.iter().any(|(row, _)| *row == 1) { PlotFrame { top: frame.top + row_h, ..frame } } else { frame };
    if frame.height() < 20 {
        return Ok(Vec::new());
    }
    draw_value_axis(area, &frame, &ticks, theme, lang, false)?;

    // Time axis: a tick, a light grid line and a label at every key point.
    let label_style = text_style(theme, fs, theme.text);
    for k in x_keys(x0, x1, frame.width()) {
        let x = frame.x(k);
        area.draw(&PathElement::new(vec![(x, frame.top), (x, frame.bottom)], theme.grid.stroke_width(1)))?;
        area.draw(&PathElement::new(vec![(x, frame.bottom), (x, frame.bottom + 5)], theme.axis.stroke_width(1)))?;
        let lab = x_label(k, lang);
        let (tw, _) = area.estimate_text_size(&lab, &label_style)?;
        area.draw(&Text::new(lab, (x - tw as i32 / 2, frame.bottom + 8), label_style.clone()))?;
    }

    // Event markers under the data: a dashed line and a numbered box (the number refers to the
    // notes under the chart). Definition breaks are drawn stronger, in the stamp colour. A box
    // that would cover the one before it goes to a second row, above, still over its own line
    // (`box_rows`); a box moves right of its line only when both rows are taken there.
    for ((m, (tw, th)), (row, bx0)) in order.iter().zip(sized).zip(places) {
        let x = frame.x(m.date.as_month_float());
        let is_break = m.kind == EventKind::DefinitionChange;
        let st = if is_break { theme.stamp.stroke_width(2) } else { theme.marker_line.stroke_width(1) };
        let by0 = frame.top - 16 - row as i32 * row_h;
        let by1 = by0 + th + 3;
        // The line reaches up to its box (through the first row when the box is in the second).
        let line_top = if row == 0 { frame.top } else { by1 };
        polyline(area, &[(x, line_top), (x, frame.bottom)], st, Some(if is_break { (6, 3) } else { (2, 3) }))?;
        let bx1 = bx0 + tw + 6;
        area.draw(&Rectangle::new([(bx0, by0), (bx1, by1)], theme.background.filled()))?;
        area.draw(&Rectangle::new([(bx0, by0), (bx1, by1)], st))?;
        area.draw(&Text::new(m.number.to_string(), (bx0 + 3, by0 + 1), marker_style(is_break)))?;
    }

    for r in &chart.references {
        let y = frame.y(r.value);
        polyline(area, &[(frame.left, y), (frame.right, y)], theme.axis.stroke_width(1), Some((5, 4)))?;
        area.draw(&Text::new(r.label.clone(), (frame.left + 4, y - (fs * 1.2) as i32), text_style(theme, fs * 0.85, theme.muted_text)))?;
    }

    // Estimates under observations: the series of estimates first (the forecast's lines at the
    // recent paces and the one needed, which start at the last observed stand), then the rest.
    // The required line, drawn last, covered the last observed point with its start. Their hits
    // come after the observations' (`under`), so a pointer on a shared point names the observed one.
    let mut hits = Vec::new();
    let mut under = Vec::new();
    for estimates in [true, false] {
        for (si, s) in chart.series.iter().enumerate() {
            if s.points.first().is_some_and(|p| p.provenance.flag == Flag::Estimated) != estimates {
                continue;
            }
            let hits = if estimates { &mut under } else { &mut hits };
            let c = colour(s.style);
            match s.kind {
                SeriesKind::Span => {
                    for (pi, p) in s.points.iter().enumerate() {
                        let xa = frame.x(p.start.as_month_float());
                        let xb = frame.x(p.end.add_days(1).map(|d| d.as_month_float()).unwrap_or_else(|| p.end.as_month_float()));
                        let (l, r) = (xa.min(xb), xa.max(xb).max(xa.min(xb) + 3));
                        // A small rate above zero keeps its strong top clear of the axis: SodM's 1 a
                        // month in the first quarter of 2020 drew its top line on the axis, half under
                        // it, and looked like no bar at all. (Its exact value is in the tooltip and table.)
                        let y = frame.y(p.value);
                        let y = if p.value > 0.0 { y.min(frame.bottom - MIN_SPAN_TOP) } else { y };
                        // Every other style hatched, as its legend item, not filled: where two publishers'
                        // periods overlap (SodM and NCG in 2020) two fills mixed into a grey that was not
                        // in the legend; now one fill shows through the other's hatching.
                        if s.style % 2 == 1 {
                            hatch(area, (l + 1, y), (r - 1, frame.bottom), c.mix(0.6).stroke_width(1))?;
                        } else {
                            area.draw(&Rectangle::new([(l + 1, y), (r - 1, frame.bottom)], c.mix(0.30).filled()))?;
                        }
                        area.draw(&PathElement::new(vec![(l + 1, y), (r - 1, y)], c.stroke_width(3)))?;
                        // A rate the source gave only roughly (NCG's "ruim 4000" in planvorming over
                        // 2020) has an open marker in the middle of its top, as a rough point of a line
                        // has: only its tooltip and table said so.
                        if p.provenance.flag == Flag::Approximate {
                            open_marker(area, ((l + r) / 2, y), shape(s.style), c, theme.background)?;
                        } else if p.provenance.flag == Flag::Derived {
                            open_marker(area, ((l + r) / 2, y), Shape::Square, theme.text, theme.background)?;
                        }
                        hits.push(Hit { series: si, point: pi, x: (l + r) / 2, y });
                    }
                }
                SeriesKind::Line => {
                    let mut run: Vec<(i32, i32)> = Vec::new();
                    let mut seg = None;
                    for p in &s.points {
                        if seg.is_some() && seg != Some(p.segment) {
                            if run.len() > 1 {
                                polyline(area, &run, c.stroke_width(2), dash(s.style))?;
                            }
                            run.clear();
                        }
                        seg = Some(p.segment);
                        run.push((frame.x(p.mid()), frame.y(p.value)));
                    }
                    if run.len() > 1 {
                        polyline(area, &run, c.stroke_width(2), dash(s.style))?;
                    }
                    // A marker on every point, unless points lie closer than 10 px (a monthly series
                    // over years on a narrow chart): then every k-th point and the last, about 24 px
                    // apart, so the line stays readable and its shape still tells the series apart.
                    // Every point keeps its hit (tooltip, keyboard focus).
                    let n = s.points.len();
                    let span = match (s.points.first(), s.points.last()) {
                        (Some(a), Some(b)) if n > 1 => (frame.x(b.mid()) - frame.x(a.mid())).abs() as f64 / (n - 1) as f64,
                        _ => f64::INFINITY,
                    };
                    let every = if span < 10.0 { (24.0 / span.max(0.5)).ceil() as usize } else { 1 };
                    for (pi, p) in s.points.iter().enumerate() {
                        let (x, y) = (frame.x(p.mid()), frame.y(p.value));
                        // A value the source gave only roughly is drawn open, and always (it was an
                        // ordinary point: only the tooltip and the table said "bij benadering").
                        if p.provenance.flag == Flag::Approximate {
                            open_marker(area, (x, y), shape(s.style), c, theme.background)?;
                        } else if pi % every == 0 || pi + 1 == n {
                            marker(area, (x, y), shape(s.style), c)?;
                        }
                        hits.push(Hit { series: si, point: pi, x, y });
                    }
                }
            }
        }
    }
    hits.append(&mut under);
    Ok(hits)
}

#[cfg(test)]
mod tests {
    use super::{box_rows, x_keys};

    #[test]
    fn a_short_range_is_named_by_its_middle_day_only_when_shorter_than_a_quarter() {
        // One date (±1 month, with 1 April in it): the middle, not the quarter start.
        let april = 2020.0 * 12.0 + 3.0;
        assert_eq!(x_keys(april - 0.3, april + 1.7, 300), vec![april + 0.7]);
        // Review of the fix above: ten months on a narrow plot widen the step to a year; that is
        // not a short range, and its January keeps its label.
        let january = 2021.0 * 12.0;
        assert_eq!(x_keys(january - 6.0, january + 4.0, 100), vec![january]);
    }

    #[test]
    fn boxes_stay_over_their_lines_in_two_rows_and_move_right_only_when_both_are_taken() {
        // Apart: one row, each box centred on its line.
        assert_eq!(box_rows(&[(10, 10), (40, 10)]), vec![(0, 5), (0, 35)]);
        // 1 and 8 January 2018, a few px apart: the second box goes up a row, over its own line
        // (it moved right, a box away from its line, before).
        assert_eq!(box_rows(&[(100, 12), (104, 12)]), vec![(0, 94), (1, 98)]);
        // A third one there: both rows taken, it moves right in the row that ends first.
        assert_eq!(box_rows(&[(100, 12), (104, 12), (106, 12)]), vec![(0, 94), (1, 98), (0, 108)]);
        // Fifteen markers on a phone-sized axis (the Trends flow chart at 360 px): no box is more
        // than half a box from its line, and boxes in one row never overlap.
        let xs = [40, 41, 62, 72, 85, 96, 108, 128, 130, 156, 176, 198, 218, 232, 250];
        let boxes: Vec<(i32, i32)> = xs.iter().enumerate().map(|(i, &x)| (x, if i < 9 { 12 } else { 18 })).collect();
        let placed = box_rows(&boxes);
        for ((x, w), (_, left)) in boxes.iter().zip(&placed) {
            assert!((left + w / 2 - x).abs() <= w / 2 + 2, "box at {left} (width {w}) for the line at {x}: {placed:?}");
        }
        for row in 0..2 {
            let spans: Vec<(i32, i32)> = boxes.iter().zip(&placed).filter(|(_, p)| p.0 == row).map(|((_, w), (_, l))| (*l, l + w)).collect();
            assert!(spans.windows(2).all(|p| p[1].0 >= p[0].1), "row {row} overlaps: {spans:?}");
        }
    }
}
