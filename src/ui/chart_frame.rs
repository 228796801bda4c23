//! The frame every chart lives in: title, the canvas (crisp on HiDPI), a tooltip that follows the
//! mouse and the keyboard, the one-sentence summary, the source line, numbered event notes, the
//! same data as an HTML table, the method note and downloads (CSV, SVG, PNG).

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use plotters::prelude::{IntoDrawingArea, SVGBackend};

use super::any_backend::UiBackend;
use super::canvas::DprCanvas;
use super::download;
use super::url::{embedded_chart, query_pairs, use_lang};
use crate::analysis::chart::{Chart, Side, Tooltip};
use crate::analysis::embed;
use crate::analysis::filters::{BRON_EIGEN, Q_BRON};
use crate::analysis::export::file_stem;
use crate::analysis::table::TableModel;
use crate::charts::theme::{css_colour, Theme};
use crate::charts::{draw, export_height, height_for, ChartError, Hit};
use crate::i18n::{format, texts, Lang};
use crate::ui::deferred::deferred;
use crate::ui::dyn_view::dyn_view;

/// Render a chart to an SVG document with captions inside (for the download button).
fn to_svg(chart: &Chart, lang: Lang) -> Option<String> {
    svg(chart, (960, export_height(chart, 960, lang)), &Theme::export(), lang)
}

/// Draw a chart as for the SVG download, on a canvas that is never shown, at twice its size (sharp
/// in a slide or a document), and return it as a PNG `data:` URL. A synthetic chart's stamp and
/// the captions are drawn by the same code as in the SVG.
fn to_png(chart: &Chart, lang: Lang) -> Option<String> {
    use wasm_bindgen::JsCast;
    let (w, h) = (960, export_height(chart, 960, lang));
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()?.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    {
        let root = UiBackend::Canvas(DprCanvas::with_scale(&canvas, w, h, 2.0)?).into_drawing_area();
        draw(&root, chart, &Theme::export(), lang).ok()?;
        root.present().ok()?;
    }
    canvas.to_data_url_with_type("image/png").ok()
}

/// Render a chart to an SVG document of `size` pixels. plotters escapes every text it writes
/// (`&`, `<`, `>`, quotes), so data strings in it stay text.
fn svg(chart: &Chart, size: (u32, u32), theme: &Theme, lang: Lang) -> Option<String> {
    let mut out = String::new();
    {
        let backend = UiBackend::Svg(SVGBackend::with_string(&mut out, size));
        let root = backend.into_drawing_area();
        draw(&root, chart, theme, lang).ok()?;
        root.present().ok()?;
    }
    Some(out)
}

/// Our text around the sources' own words between single quotes (a figure's or an event's place
/// in its source), with the quotations marked Dutch (WCAG 3.1.2; `i18n::sources::parts`).
pub fn quoting_view(text: &str) -> AnyView {
    crate::i18n::sources::parts(text)
        .into_iter()
        .map(|(p, quoted)| if quoted { view! { <span lang="nl">{p.to_string()}</span> }.into_any() } else { p.to_string().into_any() })
        .collect_view()
        .into_any()
}

/// A cell's text; with `spoken` (the mark of a hidden count, "×"; a forecast's range with its
/// early end marked too favourable) an image named by it, so that a screen reader says
/// "verborgen" rather than "maal", and a mouse shows it as a tooltip.
pub fn cell_text(text: String, spoken: Option<String>) -> AnyView {
    match spoken {
        Some(w) => view! { <span role="img" aria-label=w.clone() title=w>{text}</span> }.into_any(),
        None => whole_dates(text),
    }
}

/// A cell's text with each of its short dates in a span that keeps it on one line (style/main.css): in
/// a narrow column on paper "(15-02-2023, benadering in bron)" broke as "(15-02-" over "2023, …".
fn whole_dates(text: String) -> AnyView {
    let ranges = format::date_ranges(&text);
    if ranges.is_empty() {
        return text.into_any();
    }
    let piece = |a: usize, b: usize| text.get(a..b).unwrap_or_default().to_string();
    let mut parts = Vec::new();
    let mut at = 0;
    for (a, b) in ranges {
        parts.push(piece(at, a).into_any());
        parts.push(view! { <span class="date">{piece(a, b)}</span> }.into_any());
        at = b;
    }
    parts.push(piece(at, text.len()).into_any());
    parts.collect_view().into_any()
}

/// The width a chart is drawn at for paper: the text width of an A4 page with the browser's
/// margins (~190 mm). The drill-down grids print in one column too (style/main.css): drawn for a
/// 340 px column and scaled to the page, the batch chart of a gemeente grew taller than a page and
/// was printed over its own table.
const PRINT_WIDTH: u32 = 700;
/// A chart's table longer than this (about a page) is printed only when the reader opened it.
const PRINT_TABLE_ROWS: usize = 40;

/// A data table, with an optional note after it (one function for every table, so that leptos's
/// generic rendering code is compiled once for them all).
pub fn table_view(t: TableModel, note: Option<String>) -> impl IntoView {
    let head = t.columns.iter().map(|c| view! { <th scope="col" class:num=c.numeric title=c.title.clone()>{c.label.clone()}</th> }).collect_view();
    let body = t
        .rows
        .into_iter()
        .map(|r| {
            let mut cells = r.cells.into_iter();
            let first = cells.next().map(|c| c.text).unwrap_or_default();
            let rest = cells
                .enumerate()
                .map(|(i, c)| match c.value {
                    Some(v) => view! { <td class="num" data-value=format::plain(v)>{whole_dates(c.text)}</td> }.into_any(),
                    // A cell of a numeric column is aligned as a number also when it holds none
                    // ("–", "×"): such a cell stood at the left of its column, away from the
                    // numbers above and below it.
                    // (A source's place: our words, with its quotations marked Dutch.)
                    None => {
                        let quoting = c.lang == Some(crate::analysis::table::QUOTING);
                        view! { <td class:num=t.columns.get(i + 1).is_some_and(|c| c.numeric) lang=c.lang.filter(|_| !quoting)>{if quoting { quoting_view(&c.text) } else { cell_text(c.text, c.spoken) }}</td> }.into_any()
                    }
                })
                .collect_view();
            let series = r.attrs.iter().find(|(k, _)| k == "series").map(|(_, v)| v.clone());
            let period = r.attrs.iter().find(|(k, _)| k == "period").map(|(_, v)| v.clone());
            let key = r.attrs.iter().find(|(k, _)| k != "series" && k != "period").map(|(_, v)| v.clone());
            view! { <tr data-series=series data-period=period data-key=key><th scope="row">{whole_dates(first)}</th>{rest}</tr> }
        })
        .collect_view();
    view! {
        <table data-testid="chart-table">
            <caption>{t.caption}</caption>
            <thead><tr>{head}</tr></thead>
            <tbody>{body}</tbody>
        </table>
        {note.map(|n| view! { <p class="table-print-note">{n}</p> })}
    }
}

/// A wide table in a box of its own that scrolls sideways and is reached with Tab: a region named
/// by the table's caption, so that a screen reader says what the box holds (it said nothing, or
/// "group"). The one such box of the app; `id`, `testid`, `mode` (`data-mode`) and `style` where a
/// view needs them.
pub fn scroll_table(t: TableModel, id: Option<&'static str>, testid: Option<&'static str>, mode: Option<&'static str>, style: Option<&'static str>) -> AnyView {
    let name = t.caption.clone();
    view! { <div class="table-scroll" tabindex="0" role="region" aria-label=name id=id data-testid=testid data-mode=mode style=style>{table_view(t, None)}</div> }.into_any()
}

/// The `<iframe>` code that embeds `chart` (its id `id`) with the current URL's state. The embed
/// box asks for it only when the data is not the reader's own file (that stays on their computer:
/// an embed cannot show it).
fn embed_code(chart: &Chart, id: &str, pairs: &[(String, String)], lang: Lang) -> Option<String> {
    let location = web_sys::window()?.location();
    let page = format!("{}{}", location.origin().ok()?, location.pathname().ok()?);
    let m = chart.meta();
    let src = super::url::build(&page, &embed::embed_pairs(pairs, id, m.synthetic));
    let t = &texts(lang).shell;
    let title = embed::frame_title(&m.title, m.synthetic.then_some(t.demo_stamp), t.app_name);
    Some(embed::iframe_code(&src, &title, embed::suggested_height(height_for(chart, 640), chart.shown_note_lines())))
}

/// Select the whole embed code when its box gets focus, ready to copy.
fn select_all(e: ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    if let Some(area) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        area.select();
    }
}

/// Below this chart width (px) a tooltip spans the chart instead of standing beside its point.
const NARROW_TOOLTIP: u32 = 480;

#[component]
pub fn ChartFrame(#[prop(into)] chart: Signal<Chart>) -> impl IntoView {
    let lang = use_lang();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let plot_ref = NodeRef::<html::Div>::new();
    let hits = RwSignal::new(Vec::<Hit>::new());
    let active = RwSignal::new(None::<usize>);
    let width = RwSignal::new(0u32);
    let draw_error = RwSignal::new(None::<String>);
    let draws = StoredValue::new(0u32);
    let key = super::draw_queue::new_key();
    let query = leptos_router::hooks::use_query_map();

    // The container's width: on a window resize here (a changed width redraws), and in the read
    // phase of every draw (`draw_queue`: all charts read, then all draw). Set without notifying in
    // the draw, so a first draw does not trigger a second one.
    let read_width = move || plot_ref.try_get_untracked().flatten().map(|div| div.client_width().max(0) as u32).unwrap_or(0);
    let resize = window_event_listener(ev::resize, move |_| {
        let w = read_width();
        if w != width.get_untracked() {
            width.set(w);
        }
    });
    on_cleanup(move || resize.remove());

    // Paper: when the page is printed, the chart is drawn as vectors (SVG, the screen's theme)
    // at the page's width, shown instead of the canvas, whose bitmap has the screen's resolution
    // and printed blurred. Drawn only then, and removed after.
    let print_ref = NodeRef::<html::Div>::new();
    let before_print = window_event_listener_untyped("beforeprint", move |_| {
        let Some(div) = print_ref.try_get_untracked().flatten() else { return };
        let Some(l) = lang.try_get_untracked() else { return };
        let w = PRINT_WIDTH;
        let picture = chart.try_with_untracked(|c| svg(c, (w, height_for(c, w)), &Theme::for_width(w), l)).flatten();
        div.set_inner_html(picture.as_deref().unwrap_or_default());
    });
    let after_print = window_event_listener_untyped("afterprint", move |_| {
        if let Some(div) = print_ref.try_get_untracked().flatten() {
            div.set_inner_html("");
        }
    });
    on_cleanup(move || {
        before_print.remove();
        after_print.remove();
    });

    Effect::new(move |_| {
        lang.track();
        width.track();
        chart.track();
        // Every phase may run a few tasks after the job was queued (`draw_queue` slices its
        // draws), when the reader may have navigated on and this frame's signals are gone: each
        // phase then does nothing (`try_…`), instead of panicking on a disposed signal.
        let first = draws.try_get_value().unwrap_or(0) == 0;
        super::draw_queue::queue(key, first, Box::new(move || {
            // Read: the container's width.
            let measured = read_width();
            Box::new(move || {
                // Size: the canvas, for this width and the chart's height.
                let sized = (|| {
                    let canvas = canvas_ref.try_get_untracked().flatten()?;
                    if measured != 0 && measured != width.try_get_untracked()? {
                        width.try_update_untracked(|w| *w = measured);
                    }
                    let w = width.try_get_untracked()?.max(200);
                    let h = chart.try_with_untracked(|c| height_for(c, w))?;
                    let backend = DprCanvas::new(&canvas, w, h);
                    Some((canvas, backend, w))
                })();
                let Some((canvas, backend, w)) = sized else { return Box::new(|| Box::new(|| ())) };
                Box::new(move || {
                    // Draw.
                    let Some(l) = lang.try_get_untracked() else { return Box::new(|| ()) };
                    let result = match backend {
                        None => Some(Err(ChartError("canvas 2D context unavailable".to_string()))),
                        Some(backend) => chart.try_with_untracked(|c| {
                            let root = UiBackend::Canvas(backend).into_drawing_area();
                            draw(&root, c, &Theme::for_width(w), l).and_then(|h| root.present().map(|_| h).map_err(Into::into))
                        }),
                    };
                    let Some(result) = result else { return Box::new(|| ()) };
                    // How many times this canvas has been drawn: a redraw at the same size changes
                    // no other attribute (the filter-redraw benchmark watches for it).
                    if let Some(n) = draws.try_update_value(|n| {
                        *n += 1;
                        *n
                    }) {
                        let _ = canvas.set_attribute("data-draws", &n.to_string());
                    }
                    Box::new(move || {
                        // Publish: hits for the tooltips, or the error.
                        match result {
                            Ok(h) => {
                                hits.set(h);
                                draw_error.set(None);
                            }
                            // In the reader's language, with the drawing library's message for a bug report.
                            Err(ChartError(e)) => draw_error.set(Some(format!("{} {e}", texts(l).shell.draw_failed))),
                        }
                        active.set(None);
                    })
                })
            })
        }));
    });

    // Hits in reading order, for keyboard stepping: left to right; in horizontal bars top to bottom
    // (sorted by x, the arrow keys jumped between bars by their length).
    let order = Memo::new(move |_| {
        let rows = chart.with(|c| matches!(c, Chart::Bars(b) if b.horizontal));
        hits.with(|h| {
            let mut idx: Vec<usize> = (0..h.len()).collect();
            crate::data::sort::sort_by_key(&mut idx[..], |&i| h.get(i).map(|h| if rows { (h.y, h.x) } else { (h.x, h.series as i32) }).unwrap_or_default());
            idx
        })
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
    // Where the keyboard starts: the latest point of a time chart, the top bar of horizontal bars
    // (it started at the bottom bar, where ArrowDown did nothing).
    let top_first = move || chart.with_untracked(|c| matches!(c, Chart::Bars(b) if b.horizontal));
    // The position in `ord` to start from: the top bar, or the newest point of the first series
    // (a review: it started on the last series, "Voldoet…" before "Werkvoorraad").
    let start = move |ord: &[usize]| -> usize {
        if top_first() {
            return 0;
        }
        let last = ord.len().saturating_sub(1);
        hits.with_untracked(|h| {
            let x = ord.last().and_then(|&i| h.get(i)).map(|h| h.x);
            ord.iter().position(|&i| h.get(i).map(|h| h.x) == x).unwrap_or(last)
        })
    };
    // The point Escape closed, for Enter to reopen (a review: Enter after Escape jumped to the
    // newest point, away from the one the reader had walked to).
    let closed = StoredValue::new(None::<usize>);
    let on_key = move |e: ev::KeyboardEvent| {
        let ord = order.get();
        if ord.is_empty() {
            return;
        }
        let pos = active.get().and_then(|a| ord.iter().position(|&i| i == a));
        let key = e.key();
        // Up and Down change series where there are series side by side (`charts::keys`); in
        // horizontal bars they walk the bars, as Left and Right do.
        if let (Some(a), "ArrowUp" | "ArrowDown", false) = (active.get(), key.as_str(), top_first()) {
            e.prevent_default();
            if let Some(n) = hits.with(|h| crate::charts::keys::other_series(h, a, key == "ArrowDown")) {
                active.set(Some(n));
            }
            return;
        }
        let next = match key.as_str() {
            "ArrowRight" | "ArrowDown" => pos.map(|p| (p + 1).min(ord.len() - 1)).unwrap_or(0),
            "ArrowLeft" | "ArrowUp" => pos.map(|p| p.saturating_sub(1)).unwrap_or(0),
            "Home" => 0,
            "End" => ord.len() - 1,
            // Enter brings the tooltip back after Escape (keyboard users need no arrow keys to see one).
            "Enter" if pos.is_none() => closed.get_value().and_then(|c| ord.iter().position(|&i| i == c)).unwrap_or_else(|| start(&ord)),
            "Escape" => {
                closed.set_value(active.get());
                active.set(None);
                return;
            }
            _ => return,
        };
        e.prevent_default();
        active.set(ord.get(next).copied());
        // The tooltip in view once drawn: walking with the keys it ran off the screen below a
        // chart whose lower edge was at the screen's (a review).
        request_animation_frame(move || {
            if let Some(Ok(Some(tip))) = plot_ref.try_get_untracked().flatten().map(|p| p.query_selector(".tooltip")) {
                let o = web_sys::ScrollIntoViewOptions::new();
                o.set_block(web_sys::ScrollLogicalPosition::Nearest);
                tip.scroll_into_view_with_scroll_into_view_options(&o);
            }
        });
    };

    // The tooltip for the active value, from the chart's own view model.
    let tip = Memo::new(move |_| {
        let i = active.get()?;
        let hit = hits.with(|h| h.get(i).copied())?;
        let tip: Option<Tooltip> = chart.with(|c| c.tooltip(hit.series, hit.point, lang.get()));
        tip.map(|t| (hit, t))
    });

    // Ids are fixed per frame; the chart's content may change, its identity does not.
    let id = chart.with_untracked(|c| c.meta().id.clone());
    let title_id = format!("{id}-title");
    let summary_id = format!("{id}-summary");
    let hint_id = format!("{id}-hint");
    let described_by = format!("{summary_id} {hint_id}");
    // A download that could not be made says so where a drawing error would (`role=alert`); the
    // next drawing of the chart clears it.
    let failed = move |saved: bool, l: Lang| {
        if !saved {
            draw_error.set(Some(texts(l).shell.download_failed.to_string()));
        }
    };
    let over_href = crate::ui::url::use_href("/over");
    let download_csv = move |_| {
        let l = lang.get_untracked();
        let from = download::downloaded_from(l);
        let saved = chart.with_untracked(|c| download::save_csv(&format!("{}.csv", file_stem(c.meta(), l)), &c.csv(l, &from)).is_ok());
        failed(saved, l);
    };
    let download_svg = move |_| {
        let l = lang.get_untracked();
        let saved = chart.with_untracked(|c| to_svg(c, l).is_some_and(|svg| download::save(&format!("{}.svg", file_stem(c.meta(), l)), "image/svg+xml", &svg).is_ok()));
        failed(saved, l);
    };
    let download_png = move |_| {
        let l = lang.get_untracked();
        let saved = chart.with_untracked(|c| to_png(c, l).is_some_and(|url| download::save_url(&format!("{}.png", file_stem(c.meta(), l)), &url).is_ok()));
        failed(saved, l);
    };

    // Coarse-grained reactivity: each block re-renders as a whole when the chart or the language
    // changes — far less generated code than one closure per text node.
    let caption = {
        let (title_id, summary_id) = (title_id.clone(), summary_id.clone());
        dyn_view(move || {
            let (title, summary, synthetic, estimated) = chart.with(|c| {
                let m = c.meta();
                (m.title.clone(), m.summary.clone(), m.synthetic, m.estimated)
            });
            let t = &texts(lang.get()).shell;
            view! {
                <figcaption>
                    <h2 class="chart-title" id=title_id.clone()>{title}</h2>
                    {synthetic.then(|| view! { <p class="badge badge-demo">{t.demo_stamp}</p> })}
                    {estimated.then(|| view! { <p class="badge badge-estimate">{t.estimate_stamp}</p> })}
                    <p class="chart-summary" id=summary_id.clone() data-testid="chart-summary">{summary}</p>
                </figcaption>
            }
        })
    };
    let tooltip = dyn_view(move || {
        tip.get().map(|(hit, t)| {
            let w = width.get();
            // In a narrow chart the tooltip is the chart's width, above the point in the lower half
            // and below it in the upper half: beside the point it started off the screen (left
            // −25 px on Trends at 360 px, "…fgerond (NCG)") and covered most of the chart. On a
            // phone screen the style sheet puts it under the chart (it covered the points around
            // the tapped one).
            let narrow = w < NARROW_TOOLTIP;
            // In the chart's lower half it ends at the point, in the upper half it starts there:
            // centred on a low point (wide) it ran below the chart, and off the screen when walking
            // with the keys; centred on a high one it covered the chart's title.
            let above = chart.try_with_untracked(|c| hit.y as u32 > height_for(c, w) / 2).unwrap_or(false);
            let pos = if narrow { format!("top:{}px", hit.y) } else { format!("left:{}px;top:{}px", hit.x, hit.y) };
            let flip = !narrow && w as i32 - hit.x < 220;
            // The point the tooltip is about, ringed: walking with the keys, nothing in the
            // picture said which bar or point was chosen (a review).
            let mark = format!("left:{}px;top:{}px", hit.x, hit.y);
            let swatch = t.style.map(|s| view! { <span class="swatch" style=format!("background:{}", css_colour(s))></span> });
            view! {
                <span class="tip-mark" style=mark aria-hidden="true"></span>
                <div class="tooltip" class:flip=flip class:narrow=narrow class:above=above style=pos aria-hidden="true">
                    // The sources' own words between single quotes marked Dutch (a publication's
                    // title, "Tabel 2.2 noemt de stap 'Project uitgevoerd'"), as in the tables.
                    <strong>{swatch}{quoting_view(&t.title)}</strong>
                    {t.lines.into_iter().map(|l| view! { <span>{quoting_view(&l)}</span> }).collect_view()}
                </div>
            }
        })
    });
    let live = dyn_view(move || tip.get().map(|(_, t)| quoting_view(&t.spoken())));
    let below = dyn_view(move || {
        let l = lang.get();
        let t = &texts(l).shell;
        chart.with(|c| {
            // The notes to the numbered lines: those on the figures always shown, the background
            // behind a toggle (`Chart::notes`).
            // The event's source: the sources' own words (between quotes) marked Dutch on the
            // English page (WCAG 3.1.2), ours in the page's language (the whole source was marked
            // Dutch, and our "en", "t/m", "Kamerbrief" were Dutch on the English page).
            let note = |m: &crate::analysis::time_chart::Marker| view! {
                <li value=m.number.to_string()>{format!("{}: {} (", format::date(m.date, l), m.text)}{quoting_view(&m.source)}")"</li>
            };
            let (figures, background) = c.notes();
            let notes = (!figures.is_empty()).then(|| view! { <ol class="chart-notes">{figures.into_iter().map(note).collect_view()}</ol> });
            // Notes dated before or after the chart's range (a check of these figures announced
            // later): no line on the chart, so no number (`Chart::off_axis_notes`).
            let later = c.off_axis_notes().into_iter().map(|(side, m)| view! {
                <p class="chart-later" data-testid="chart-off-axis">
                    <strong>{if side == Side::Before { t.before_figures } else { t.after_figures }}</strong>
                    {format!(", {}: {} (", format::date(m.date, l), m.text)}{quoting_view(&m.source)}")"
                </p>
            }).collect_view();
            let background = (!background.is_empty()).then(|| view! {
                <details class="chart-events">
                    <summary>{(t.background_events)(background.len(), &format::number_list(&background.iter().map(|m| m.number).collect::<Vec<_>>()))}</summary>
                    <ol class="chart-notes">{background.into_iter().map(note).collect_view()}</ol>
                </details>
            });
            let m = c.meta();
            view! {
                <p class="chart-source" data-testid="chart-source">{m.source_line.clone()}</p>
                {notes}
                {later}
                {background}
                <details class="chart-table">
                    <summary>{t.show_table}</summary>
                    // Built a task after the rest of the view: the tables under the charts are
                    // closed at first and were more than half of the elements of Trends and the
                    // Overzicht, all built in the first render's one long task.
                    // On paper a closed long table gives way to a note (style/main.css): Trends
                    // printed 20 pages, eight of them one table.
                    {deferred(1, move || chart.try_with_untracked(|c| {
                        let table = c.table(l);
                        let rows = table.rows.len();
                        table_view(table, (rows > PRINT_TABLE_ROWS).then(|| (texts(l).shell.table_not_printed)(rows)))
                    }))}
                </details>
                <details class="chart-method">
                    <summary>{t.method_summary}</summary>
                    <p>{m.method.clone()}</p>
                </details>
                // One short line, also on a phone: "Download: CSV SVG PNG"; a screen reader hears
                // what each file holds.
                <div class="chart-actions">
                    <span class="chart-actions-label">{t.download_label}</span>
                    <button class="button secondary" on:click=download_csv>{t.download_csv.0}<span class="sr-only">{t.download_csv.1}</span></button>
                    <button class="button secondary" on:click=download_svg>{t.download_svg.0}<span class="sr-only">{t.download_svg.1}</span></button>
                    <button class="button secondary" on:click=download_png>{t.download_png.0}<span class="sr-only">{t.download_png.1}</span></button>
                    // A Dutch Excel opens the comma-separated file in one column (a review).
                    <a class="chart-actions-help" href=format!("{}#csv", over_href.get())>{t.download_help}</a>
                </div>
            }
        })
    });
    // Embedding (`analysis::embed`): the code for this chart with the URL's state, in a closed
    // toggle under the downloads; hidden in the embed view itself. Built a task after the rest
    // (`deferred`), like the tables: it is closed at first.
    let embed_box = {
        let (id, code_id) = (id.clone(), format!("{id}-embed"));
        deferred(1, move || {
            let open = RwSignal::new(false);
            let own_file = Memo::new(move |_| query.with(|q| q.get(Q_BRON).as_deref() == Some(BRON_EIGEN)));
            dyn_view(move || {
                let t = &texts(lang.get()).shell;
                let body = if own_file.get() {
                    view! { <p>{t.embed_own_file}</p> }.into_any()
                } else {
                    // The code follows the filters without rebuilding the box.
                    let id = id.clone();
                    // Computed only while the box is open: a filter change redraws every chart,
                    // and the closed boxes should add nothing to it.
                    let code = move || {
                        if !open.get() {
                            return String::new();
                        }
                        query.with(|q| chart.with(|c| embed_code(c, &id, &query_pairs(q), lang.get()))).unwrap_or_default()
                    };
                    view! {
                        <p>{t.embed_help}</p>
                        <label for=code_id.clone()>{t.embed_code_label}</label>
                        <textarea id=code_id.clone() class="embed-code" readonly rows="4" spellcheck="false" on:focus=select_all prop:value=code></textarea>
                    }
                    .into_any()
                };
                view! {
                    <details class="chart-embed" on:toggle=move |e: ev::Event| {
                        use wasm_bindgen::JsCast;
                        let is_open = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|d| d.has_attribute("open"));
                        open.set(is_open);
                    }>
                        <summary>{t.embed_summary}</summary>
                        {body}
                    </details>
                }
            })
        })
    };
    let is_embedded = {
        let id = id.clone();
        move || query.with(|q| embedded_chart(q).as_deref() == Some(id.as_str()))
    };
    // The keyboard's instructions, or on a touch screen how to tap (one of the two spans shows,
    // style/main.css `pointer: coarse`; phones were told about arrow keys and Escape). The
    // hidden one is no part of the picture's description either.
    let hint = dyn_view(move || {
        let t = &texts(lang.get()).shell;
        view! { <span class="hint-keys">{t.chart_keyboard_hint}</span><span class="hint-touch">{t.chart_touch_hint}</span> }
    });
    // The picture's name is the chart title, its description the summary sentence (same ids).
    let (canvas_name, canvas_desc) = (title_id.clone(), summary_id.clone());

    view! {
        <figure class="chart" class:embedded=is_embedded data-chart=id>
            {caption}
            <div class="chart-plot" node_ref=plot_ref tabindex="0" role="group"
                aria-labelledby=title_id aria-describedby=described_by
                on:mousemove=on_move on:mouseleave=move |_| active.set(None)
                on:keydown=on_key on:blur=move |_| active.set(None)
                on:focus=move |_| if active.get_untracked().is_none() { if let Some(f) = order.with_untracked(|o| o.get(start(o)).copied()) { active.set(Some(f)); } }>
                <canvas node_ref=canvas_ref role="img" aria-labelledby=canvas_name aria-describedby=canvas_desc></canvas>
                {tooltip}
                <p class="sr-only" aria-live="polite" data-testid="chart-live">{live}</p>
            </div>
            <div class="chart-print" node_ref=print_ref aria-hidden="true"></div>
            <p class="sr-only" id=hint_id>{hint}</p>
            {dyn_view(move || draw_error.get().map(|e| view! { <p class="error-inline" role="alert">{e}</p> }))}
            {below}
            {embed_box}
        </figure>
    }
}
