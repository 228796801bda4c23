//! The frame every time chart lives in: title, the canvas (crisp on HiDPI), a tooltip that follows
//! the mouse and the keyboard, the one-sentence summary, the source line, numbered event notes,
//! the same data as an HTML table, the method note and downloads (CSV, SVG).

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;

use super::canvas::DprCanvas;
use super::download;
use super::url::use_lang;
use crate::analysis::export::{file_stem, time_chart_csv};
use crate::analysis::time_chart::TimeChart;
use crate::charts::svg::time_chart_svg;
use crate::charts::theme::{css_colour, Theme};
use crate::charts::{time_chart, Hit};
use crate::i18n::{format, labels, texts};

/// Canvas height for a given width: wide on desktops, taller relative to width on phones.
fn height_for(width: u32) -> u32 {
    let w = f64::from(width);
    (w * 0.5).clamp(280.0, 460.0) as u32
}

#[component]
pub fn TimeChartFrame(#[prop(into)] chart: Signal<TimeChart>) -> impl IntoView {
    let lang = use_lang();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let plot_ref = NodeRef::<html::Div>::new();
    let hits = RwSignal::new(Vec::<Hit>::new());
    let active = RwSignal::new(None::<usize>);
    let width = RwSignal::new(0u32);
    let draw_error = RwSignal::new(None::<String>);

    let measure = move || {
        if let Some(div) = plot_ref.get_untracked() {
            let w = div.client_width().max(0) as u32;
            if w != width.get_untracked() {
                width.set(w);
            }
        }
    };
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    Effect::new(move |_| {
        let c = chart.get();
        let l = lang.get();
        let mut w = width.get();
        let Some(canvas) = canvas_ref.get() else { return };
        if w == 0 {
            measure();
            w = width.get_untracked();
        }
        let w = w.max(200);
        let h = height_for(w);
        let Some(backend) = DprCanvas::new(&canvas, w, h) else {
            draw_error.set(Some("canvas 2D context unavailable".into()));
            return;
        };
        let root = backend.into_drawing_area();
        match time_chart::draw(&root, &c, &Theme::default(), l).and_then(|h| root.present().map(|_| h).map_err(Into::into)) {
            Ok(h) => {
                hits.set(h);
                draw_error.set(None);
            }
            Err(e) => draw_error.set(Some(e.to_string())),
        }
        active.set(None);
    });

    // Hits sorted left to right, for keyboard stepping.
    let order = Memo::new(move |_| {
        let mut idx: Vec<usize> = (0..hits.with(Vec::len)).collect();
        hits.with(|h| idx.sort_by_key(|&i| h.get(i).map(|h| (h.x, h.series)).unwrap_or_default()));
        idx
    });

    let on_move = move |e: ev::MouseEvent| {
        let (x, y) = (e.offset_x(), e.offset_y());
        let best = hits.with(|h| {
            h.iter()
                .enumerate()
                .map(|(i, hit)| (i, (hit.x - x).abs() * 4 + (hit.y - y).abs()))
                .filter(|(_, d)| *d < 400)
                .min_by_key(|(_, d)| *d)
                .map(|(i, _)| i)
        });
        active.set(best);
    };
    let on_key = move |e: ev::KeyboardEvent| {
        let ord = order.get();
        if ord.is_empty() {
            return;
        }
        let pos = active.get().and_then(|a| ord.iter().position(|&i| i == a));
        let next = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some(pos.map(|p| (p + 1).min(ord.len() - 1)).unwrap_or(0)),
            "ArrowLeft" | "ArrowUp" => Some(pos.map(|p| p.saturating_sub(1)).unwrap_or(0)),
            "Home" => Some(0),
            "End" => Some(ord.len() - 1),
            "Escape" => {
                active.set(None);
                return;
            }
            _ => return,
        };
        e.prevent_default();
        active.set(next.and_then(|p| ord.get(p).copied()));
    };

    // The tooltip content for the active hit.
    let tip = Memo::new(move |_| {
        let i = active.get()?;
        let hit = hits.with(|h| h.get(i).copied())?;
        chart.with(|c| {
            let s = c.series.get(hit.series)?;
            let p = s.points.get(hit.point)?;
            Some((hit, s.label.clone(), s.style, p.clone()))
        })
    });

    // Ids are fixed per frame; the chart's content may change, its identity does not.
    let id = chart.with_untracked(|c| c.id.clone());
    let title_id = format!("{id}-title");
    let summary_id = format!("{id}-summary");
    let hint_id = format!("{id}-hint");
    let described_by = format!("{summary_id} {hint_id}");
    let download_csv = move |_| {
        let c = chart.get_untracked();
        let _ = download::save(&format!("{}.csv", file_stem(&c)), "text/csv;charset=utf-8", &time_chart_csv(&c, lang.get_untracked()));
    };
    let download_svg = move |_| {
        let c = chart.get_untracked();
        if let Ok(svg) = time_chart_svg(&c, 960, 540, lang.get_untracked()) {
            let _ = download::save(&format!("{}.svg", file_stem(&c)), "image/svg+xml", &svg);
        }
    };

    // Coarse-grained reactivity: each block re-renders as a whole when the chart or the language
    // changes. Far less generated code than one closure per text node.
    let caption = {
        let (title_id, summary_id) = (title_id.clone(), summary_id.clone());
        move || {
            let (title, summary) = chart.with(|c| (c.title.clone(), c.summary.clone()));
            view! {
                <figcaption>
                    <h2 class="chart-title" id=title_id.clone()>{title}</h2>
                    <p class="chart-summary" id=summary_id.clone() data-testid="chart-summary">{summary}</p>
                </figcaption>
            }
        }
    };
    let tooltip = move || {
        tip.get().map(|(hit, label, style, p)| {
            let l = lang.get();
            let pos = format!("left:{}px;top:{}px", hit.x, hit.y);
            let flip = width.get() as i32 - hit.x < 220;
            view! {
                <div class="tooltip" class:flip=flip style=pos aria-hidden="true">
                    <strong><span class="swatch" style=format!("background:{}", css_colour(style))></span>{label}</strong>
                    <span>{p.period_label.clone()}</span>
                    <span class="tip-value">{p.label.clone()}</span>
                    <span class="tip-source">{format!("{} {}", texts(l).shell.source_prefix, p.provenance.publication_title)}</span>
                    <span class="tip-source">{p.provenance.source.clone()}</span>
                    <span class="tip-flag">{labels::flag(p.provenance.flag, l)}</span>
                </div>
            }
        })
    };
    let live = move || tip.get().map(|(_, label, _, p)| format!("{label}, {}: {}", p.period_label, p.label)).unwrap_or_default();
    let below = move || {
        let l = lang.get();
        let t = &texts(l).shell;
        chart.with(|c| {
            let notes = (!c.markers.is_empty()).then(|| view! {
                <ol class="chart-notes">
                    {c.markers.iter().map(|m| view! {
                        <li value=m.number.to_string()>{format!("{}: {} ({})", format::date(m.date, l), m.text, m.source)}</li>
                    }).collect_view()}
                </ol>
            });
            let rows = c.series.iter().flat_map(|s| s.points.iter().map(move |p| (s, p))).map(|(s, p)| view! {
                <tr data-series=s.key.clone() data-period=p.end.to_string()>
                    <th scope="row">{s.label.clone()}</th>
                    <td>{p.period_label.clone()}</td>
                    <td class="num" data-value=p.value.to_string()>{format::dec(p.value, if p.value.fract() == 0.0 { 0 } else { 1 }, l)}</td>
                    <td>{p.provenance.publication_title.clone()}</td>
                    <td>{p.provenance.source.clone()}</td>
                    <td>{labels::flag(p.provenance.flag, l)}</td>
                </tr>
            }).collect_view();
            view! {
                <p class="chart-source" data-testid="chart-source">{c.source_line.clone()}</p>
                {notes}
                <details class="chart-table">
                    <summary>{t.show_table}</summary>
                    <table data-testid="chart-table">
                        <caption>{format!("{} {}", c.title, t.table_caption_suffix)}</caption>
                        <thead><tr>
                            <th scope="col">{t.col_series}</th>
                            <th scope="col">{t.col_period}</th>
                            <th scope="col" class="num">{t.col_value}</th>
                            <th scope="col">{t.col_publication}</th>
                            <th scope="col">{t.col_source}</th>
                            <th scope="col">{t.col_flag}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </details>
                <details class="chart-method">
                    <summary>{t.method_summary}</summary>
                    <p>{c.method.clone()}</p>
                </details>
                <div class="chart-actions">
                    <button class="button secondary" on:click=download_csv>{t.download_csv}</button>
                    <button class="button secondary" on:click=download_svg>{t.download_svg}</button>
                </div>
            }
        })
    };
    let hint = move || texts(lang.get()).shell.chart_keyboard_hint;
    let canvas_label = move || chart.with(|c| format!("{}. {}", c.title, c.summary));

    view! {
        <figure class="chart" data-chart=id>
            {caption}
            <div class="chart-plot" node_ref=plot_ref tabindex="0" role="group"
                aria-labelledby=title_id aria-describedby=described_by
                on:mousemove=on_move on:mouseleave=move |_| active.set(None)
                on:keydown=on_key on:blur=move |_| active.set(None)
                on:focus=move |_| if active.get_untracked().is_none() { if let Some(&f) = order.get_untracked().last() { active.set(Some(f)); } }>
                <canvas node_ref=canvas_ref role="img" aria-label=canvas_label></canvas>
                {tooltip}
                <p class="sr-only" aria-live="polite" data-testid="chart-live">{live}</p>
            </div>
            <p class="sr-only" id=hint_id>{hint}</p>
            {move || draw_error.get().map(|e| view! { <p class="error-inline" role="alert">{e}</p> })}
            {below}
        </figure>
    }
}
