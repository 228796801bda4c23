//! Helpers for the component tests in `tests/web.rs` (mounting a component into a fresh element).

use leptos::prelude::*;
use leptos_router::components::Router;

use super::chart_frame::ChartFrame;
use crate::analysis::chart::{Chart, ChartMeta};
use crate::analysis::time_chart::{Point, Provenance, Series, SeriesKind, TimeChart};
use crate::data::date::Date;
use crate::data::measure::Unit;
use crate::data::observation::Flag;

/// A small chart with three published werkvoorraad values.
pub fn sample_chart() -> TimeChart {
    let pt = |d: &str, v: f64| {
        let date = Date::parse(d).unwrap_or(Date::Y2K);
        Point {
            start: date,
            end: date,
            value: v,
            label: format!("{} adressen", crate::i18n::format::int(v, crate::i18n::Lang::Nl)),
            period_label: d.to_string(),
            segment: 0,
            provenance: Provenance {
                quoted: false,
                publication: "proef".into(),
                publication_title: "Proefpublicatie".into(),
                peildatum: Some(date),
                source: "tabel 1".into(),
                flag: Flag::Published,
                note: String::new(),
            },
        }
    };
    TimeChart {
        meta: ChartMeta {
            id: "proef".into(),
            title: "Proefgrafiek".into(),
            summary: "Een proefgrafiek met drie standen.".into(),
            source_line: "Bron: proef".into(),
            method: "Geen.".into(),
            synthetic: false,
            estimated: false,
        },
        y_label: "adressen".into(),
        unit: Unit::Addresses,
        series: vec![Series {
            key: "werkvoorraad".into(),
            label: "Werkvoorraad".into(),
            style: 0,
            kind: SeriesKind::Line,
            points: vec![pt("2020-07-17", 26716.0), pt("2022-12-31", 27234.0), pt("2024-12-31", 27713.0)],
        }],
        markers: Vec::new(),
        references: Vec::new(),
    }
}

/// Mount a chart frame (inside a router, as in the app) into a new element appended to `body`.
pub fn mount_chart_frame(chart: TimeChart) -> web_sys::HtmlElement {
    use wasm_bindgen::JsCast;
    let doc = web_sys::window().and_then(|w| w.document()).expect("browser document");
    let host: web_sys::HtmlElement = doc.create_element("section").expect("element").unchecked_into();
    host.style().set_property("width", "800px").ok();
    doc.body().expect("body").append_child(&host).ok();
    let chart = Signal::stored(Chart::Time(chart));
    let handle = leptos::mount::mount_to(host.clone(), move || view! { <Router><ChartFrame chart=chart/></Router> });
    handle.forget();
    host
}

/// Draw through the app's canvas backend on a fresh 100×40 canvas (DPR as the page): a red filled
/// square at (0,0)-(20,20), blue rotated text at (30,30), then a blue filled square at
/// (40,0)-(60,20). Returns the canvas, or `None` without a 2D context.
pub fn draw_style_probe() -> Option<web_sys::HtmlCanvasElement> {
    use plotters::style::{Color, IntoFont, TextStyle, BLUE, RED};
    use plotters_backend::{DrawingBackend, FontTransform};
    use wasm_bindgen::JsCast;
    let doc = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    doc.body()?.append_child(&canvas).ok()?;
    let mut b = super::canvas::DprCanvas::new(&canvas, 100, 40)?;
    b.draw_rect((0, 0), (20, 20), &RED.filled(), true).ok()?;
    let text = TextStyle::from(("sans-serif", 12).into_font()).color(&BLUE).transform(FontTransform::Rotate90);
    b.draw_text("x", &text, (30, 30)).ok()?;
    b.draw_rect((40, 0), (60, 20), &BLUE.filled(), true).ok()?;
    Some(canvas)
}

/// Wait, turn after turn of the event loop, until no `[data-pending]` is left in the document:
/// the parts of a view rendered later (`ui::deferred`, such as the tables under the charts) and
/// the chart draws (`ui::draw_queue`, `<html data-pending="charts">`). At most 500 turns.
pub async fn settled() {
    for _ in 0..500 {
        let pending = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector("[data-pending]").ok().flatten()).is_some();
        if !pending {
            return;
        }
        super::address_data::next_tick().await;
    }
}

/// The size the app's canvas backend gives a text in `size` px sans-serif (what plotters lays
/// labels out with).
pub fn measure_probe(text: &str, size: f64) -> Option<(u32, u32)> {
    use plotters::style::{IntoFont, TextStyle};
    use plotters_backend::DrawingBackend;
    use wasm_bindgen::JsCast;
    let doc = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    let b = super::canvas::DprCanvas::new(&canvas, 10, 10)?;
    b.estimate_text_size(text, &TextStyle::from(("sans-serif", size).into_font())).ok()
}
