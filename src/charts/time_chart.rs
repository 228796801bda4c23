//! Drawing a [`TimeChart`]: lines for values at dates, bars over their span for per-month rates,
//! numbered vertical markers for events and definition breaks, dashed reference lines.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::theme::{dash, shape, Shape, Theme, PALETTE};
use super::{ChartError, Hit};
use crate::analysis::time_chart::{SeriesKind, TimeChart};
use crate::data::date::Month;
use crate::data::event::EventKind;
use crate::i18n::{format, texts, Lang};

fn colour(style: usize) -> RGBColor {
    PALETTE[style % PALETTE.len()]
}

/// Key points for the x axis: every year start, or every quarter for short ranges.
fn x_keys(x0: f64, x1: f64) -> Vec<f64> {
    let span = x1 - x0;
    let step = if span <= 18.0 { 3 } else if span <= 48.0 { 6 } else if span <= 144.0 { 12 } else { 24 };
    let mut k = (x0 / step as f64).ceil() as i64 * step;
    let mut out = Vec::new();
    while (k as f64) <= x1 && out.len() < 40 {
        out.push(k as f64);
        k += step;
    }
    out
}

fn x_label(x: f64, lang: Lang) -> String {
    let i = x.round() as i64;
    match Month::from_index(i) {
        Some(m) if m.month() == 1 => m.year().to_string(),
        Some(m) => format::month_short(m, lang),
        None => String::new(),
    }
}

fn draw_marker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
    s: Shape,
    c: RGBColor,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let fill = c.filled();
    match s {
        Shape::Circle => area.draw(&Circle::new((x, y), 4, fill))?,
        Shape::Square => area.draw(&Rectangle::new([(x - 4, y - 4), (x + 4, y + 4)], fill))?,
        Shape::Triangle => area.draw(&Polygon::new(vec![(x, y - 5), (x - 5, y + 4), (x + 5, y + 4)], fill))?,
        Shape::Diamond => area.draw(&Polygon::new(vec![(x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y)], fill))?,
        Shape::Cross => {
            let st = c.stroke_width(2);
            area.draw(&PathElement::new(vec![(x - 4, y - 4), (x + 4, y + 4)], st))?;
            area.draw(&PathElement::new(vec![(x - 4, y + 4), (x + 4, y - 4)], st))?;
        }
    }
    Ok(())
}

/// A polyline, solid or dashed, in pixel coordinates.
fn draw_polyline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    pts: &[(i32, i32)],
    style: ShapeStyle,
    pattern: Option<(u32, u32)>,
) -> Result<(), ChartError>
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

/// Draw the chart on `root` and return where every value landed.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &TimeChart,
    theme: &Theme,
    lang: Lang,
) -> Result<Vec<Hit>, ChartError>
where
    DB::ErrorType: 'static,
{
    root.fill(&theme.background)?;
    let (w, h) = root.dim_in_pixel();
    let fs = theme.font_size;
    let text = |size: f64, c: RGBColor| {
        let mut ts = TextStyle::from((theme.font, size).into_font());
        ts.color = c.to_backend_color();
        ts
    };
    let mut top = 6i32;
    let mut bottom = h as i32;

    if theme.captions {
        root.draw(&Text::new(chart.title.clone(), (10, top), text(fs * 1.3, theme.text)))?;
        top += (fs * 1.9) as i32;
        let src = text(fs * 0.85, theme.muted_text);
        root.draw(&Text::new(chart.source_line.clone(), (10, h as i32 - (fs * 1.4) as i32), src))?;
        bottom -= (fs * 1.8) as i32;
    }
    if chart.synthetic {
        let stamp = texts(lang).shell.demo_stamp;
        root.draw(&Text::new(stamp.to_string(), (10, top), text(fs * 1.05, theme.stamp)))?;
        top += (fs * 1.6) as i32;
    }

    // Legend: marker, line sample and label per series, wrapping over lines.
    let legend_style = text(fs, theme.text);
    let mut lx = 10i32;
    let mut ly = top;
    for s in chart.series.iter().filter(|s| !s.points.is_empty()) {
        let (tw, _) = root.estimate_text_size(&s.label, &legend_style)?;
        let item = 34 + tw as i32 + 18;
        if lx + item > w as i32 - 10 && lx > 10 {
            lx = 10;
            ly += (fs * 1.6) as i32;
        }
        let c = colour(s.style);
        let mid = ly + (fs * 0.6) as i32;
        match s.kind {
            SeriesKind::Line => {
                draw_polyline(root, &[(lx, mid), (lx + 26, mid)], c.stroke_width(2), dash(s.style))?;
                draw_marker(root, (lx + 13, mid), shape(s.style), c)?;
            }
            SeriesKind::Span => {
                root.draw(&Rectangle::new([(lx, mid - 5), (lx + 26, mid + 5)], c.mix(0.35).filled()))?;
                root.draw(&PathElement::new(vec![(lx, mid - 5), (lx + 26, mid - 5)], c.stroke_width(2)))?;
            }
        }
        root.draw(&Text::new(s.label.clone(), (lx + 32, ly), legend_style.clone()))?;
        lx += item;
    }
    top = ly + (fs * 1.8) as i32;

    let plot_area = root.margin(top.max(0) as u32, (h as i32 - bottom).max(0) as u32, 0, 0);
    let (x0, x1) = chart.x_range();
    let y1 = chart.y_max();
    let keys = x_keys(x0, x1);
    let y_label_w = {
        let (tw, _) = root.estimate_text_size(&format::int(y1, lang), &text(fs, theme.text))?;
        tw as i32 + 14
    };
    let mut cc = ChartBuilder::on(&plot_area)
        .margin_right(16)
        .margin_left(4)
        .margin_top(4)
        .x_label_area_size((fs * 2.2) as u32)
        .y_label_area_size(y_label_w.max(30) as u32)
        .build_cartesian_2d(x0..x1, 0f64..y1)?;
    cc.configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_label_formatter(&|y| format::int(*y, lang))
        .y_labels(6)
        .light_line_style(theme.background)
        .bold_line_style(theme.grid)
        .axis_style(theme.axis)
        .label_style(text(fs, theme.text))
        .draw()?;

    // From here on everything is drawn in pixels on `root`: `px` maps data to backend pixels,
    // `local` maps backend pixels to root-relative ones.
    let area = root;
    let px = |x: f64, y: f64| cc.backend_coord(&(x, y));
    let (ox, oy) = root.get_base_pixel();
    let local = |p: (i32, i32)| (p.0 - ox, p.1 - oy);

    // x axis: grid line and label at every key point (year starts, or quarters for short ranges).
    let label_style = text(fs, theme.text);
    for k in &keys {
        let (kx, ky0) = px(*k, 0.0);
        let (_, ky1) = px(*k, y1);
        area.draw(&PathElement::new(vec![local((kx, ky1)), local((kx, ky0))], theme.grid.stroke_width(1)))?;
        area.draw(&PathElement::new(vec![local((kx, ky0)), local((kx, ky0 + 5))], theme.axis.stroke_width(1)))?;
        let lab = x_label(*k, lang);
        let (tw, _) = root.estimate_text_size(&lab, &label_style)?;
        area.draw(&Text::new(lab, local((kx - tw as i32 / 2, ky0 + 8)), label_style.clone()))?;
    }

    // Event markers first, so data is drawn on top.
    let y_top = px(x0, y1).1;
    let y_bottom = px(x0, 0.0).1;
    for m in &chart.markers {
        let x = m.date.as_month_float();
        if x < x0 || x > x1 {
            continue;
        }
        let (mx, _) = px(x, 0.0);
        let is_break = m.kind == EventKind::DefinitionChange;
        let st = if is_break { theme.stamp.stroke_width(2) } else { theme.marker_line.stroke_width(1) };
        draw_polyline(&area, &[local((mx, y_top + 14)), local((mx, y_bottom))], st, Some(if is_break { (6, 3) } else { (2, 3) }))?;
        let label = m.number.to_string();
        let ts = text(fs * 0.85, if is_break { theme.stamp } else { theme.text });
        let (tw, _) = root.estimate_text_size(&label, &ts)?;
        area.draw(&Rectangle::new([local((mx - tw as i32 / 2 - 3, y_top)), local((mx + tw as i32 / 2 + 3, y_top + 14))], ShapeStyle::from(&theme.background).filled()))?;
        area.draw(&Rectangle::new([local((mx - tw as i32 / 2 - 3, y_top)), local((mx + tw as i32 / 2 + 3, y_top + 14))], st))?;
        area.draw(&Text::new(label, local((mx - tw as i32 / 2, y_top + 1)), ts))?;
    }

    for r in &chart.references {
        let (ax, ay) = px(x0, r.value);
        let (bx, _) = px(x1, r.value);
        draw_polyline(&area, &[local((ax, ay)), local((bx, ay))], theme.axis.stroke_width(1), Some((5, 4)))?;
        area.draw(&Text::new(r.label.clone(), local((ax + 4, ay - (fs * 1.2) as i32)), text(fs * 0.85, theme.muted_text)))?;
    }

    let mut hits = Vec::new();
    for (si, s) in chart.series.iter().enumerate() {
        let c = colour(s.style);
        match s.kind {
            SeriesKind::Span => {
                for (pi, p) in s.points.iter().enumerate() {
                    let a = px(p.start.as_month_float(), p.value);
                    let b = px(p.end.add_days(1).map(|d| d.as_month_float()).unwrap_or(p.end.as_month_float()), 0.0);
                    let (l, r) = (a.0.min(b.0), a.0.max(b.0).max(a.0.min(b.0) + 2));
                    area.draw(&Rectangle::new([local((l + 1, a.1)), local((r - 1, b.1))], c.mix(0.30).filled()))?;
                    area.draw(&PathElement::new(vec![local((l + 1, a.1)), local((r - 1, a.1))], c.stroke_width(3)))?;
                    hits.push(Hit { series: si, point: pi, x: (l + r) / 2, y: a.1 });
                }
            }
            SeriesKind::Line => {
                let mut seg_start = 0;
                for i in 0..=s.points.len() {
                    let boundary = i == s.points.len() || (i > 0 && s.points[i].segment != s.points[i - 1].segment);
                    if !boundary {
                        continue;
                    }
                    let run: Vec<(i32, i32)> = s.points[seg_start..i].iter().map(|p| local(px(p.mid(), p.value))).collect();
                    if run.len() > 1 {
                        draw_polyline(&area, &run, c.stroke_width(2), dash(s.style))?;
                    }
                    seg_start = i;
                }
                for (pi, p) in s.points.iter().enumerate() {
                    let (x, y) = px(p.mid(), p.value);
                    draw_marker(&area, local((x, y)), shape(s.style), c)?;
                    hits.push(Hit { series: si, point: pi, x, y });
                }
            }
        }
    }
    // Hits are reported in root coordinates.
    for hit in &mut hits {
        hit.x -= ox;
        hit.y -= oy;
    }
    Ok(hits)
}
