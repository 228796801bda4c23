//! Overzicht (home): three answers in plain words with their number, trend arrow and a link to
//! the chart behind them; the "voldoet aan de norm" chart; the latest publication and what changed
//! since the previous one. The answers are computed in `analysis::trends::overzicht`.
//!
//! The norm chart stays here (not in Trends): it is the one picture of where the operation stands
//! today, and it is the headline the answers refer to.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::use_page_title;
use crate::analysis::chart::Chart;
use crate::analysis::norm_chart;
use crate::analysis::select::Vintage;
use crate::analysis::trends::overzicht::{self, Answer};
use crate::data::breakdown::Breakdown;
use crate::i18n::texts;
use crate::ui::chart_frame::{scroll_table, ChartFrame};
use crate::ui::check_notice::check_notices;
use crate::ui::data::with_data;
use crate::ui::loader::Loaded;
use crate::ui::url::{build, global_pairs, use_lang};
use crate::ui::dyn_view::dyn_view;

const GRID_STYLE: &str = "display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,18rem),1fr));gap:1rem;margin:1rem 0 2rem";
const CARD_STYLE: &str = "border:1px solid #d0d0d0;border-radius:6px;padding:.75rem 1rem;background:#f3f6f8;min-width:0";
const NUMBER_STYLE: &str = "display:block;font-size:2.2rem;font-weight:700;line-height:1.1;color:#0b4f6c";
const TREND_STYLE: &str = "font-weight:600";
const BADGE_STYLE: &str = "display:inline-block;font-size:.8rem;border:1px solid #4a4a4a;border-radius:4px;padding:0 .35rem;color:#4a4a4a";

#[component]
pub fn Overzicht() -> impl IntoView {
    let lang = use_lang();
    use_page_title(|l| texts(l).shell.nav_overzicht.to_string());
    view! {
        <h1>{dyn_view(move || texts(lang.get()).shell.nav_overzicht)}</h1>
        <p class="lead">{dyn_view(move || texts(lang.get()).overzicht.intro)}</p>
        {with_data(body)}
    }
}

/// Paragraphs of text, one `<p>` each (one function for the card's body and for what it explains
/// under its method: one copy of the rendering code).
fn paragraphs(v: Vec<String>) -> impl IntoView + use<> {
    v.into_iter().map(|b| view! { <p>{b}</p> }).collect_view()
}

fn card(a: Answer, globals: &[(String, String)], lang: crate::i18n::Lang) -> impl IntoView + use<> {
    let o = &texts(lang).overzicht;
    let mut pairs = globals.to_vec();
    pairs.extend(a.link.params.iter().cloned());
    let href = format!("{}{}", build(a.link.path, &pairs), a.link.anchor);
    let mut first = a.body;
    let body = if first.is_empty() { Vec::new() } else { first.split_off(1) };
    let heading_id = format!("antwoord-{}", a.key);
    let labelled_by = heading_id.clone();
    view! {
        <article style=CARD_STYLE data-testid="answer" data-key=a.key aria-labelledby=labelled_by>
            <h3 id=heading_id style="margin-top:0">{a.question}</h3>
            <p>
                <span style=NUMBER_STYLE data-testid="answer-number">{a.figure}</span>
                <span>{a.figure_label}</span>
            </p>
            {a.arrow.map(|(sym, text)| view! {
                <p style=TREND_STYLE data-testid="answer-trend"><span aria-hidden="true">{sym}" "</span>{text}</p>
            })}
            // The estimate's badge after the first paragraph, above the forecast it names: under
            // the headline it marked 11.117, published arithmetic, as an estimate (a review).
            {paragraphs(first)}
            {a.estimate.then(|| view! { <p><span style=BADGE_STYLE>{o.estimate_badge}</span></p> })}
            {paragraphs(body)}
            // Where its figures come from (a review: the card named only "NCG").
            {(!a.source.is_empty()).then(|| view! { <p class="muted small" data-testid="answer-source">{a.source}</p> })}
            <details class="print-open">
                <summary>{o.method_label}</summary>
                {paragraphs(a.more)}
                <p data-testid="answer-method">{a.method}</p>
            </details>
            <p><a href=href>{a.link.text}</a></p>
        </article>
    }
}

fn body(loaded: Arc<Loaded>) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get();
    let o = &texts(l).overzicht;
    let q = use_query_map();
    let globals = q.with_untracked(global_pairs);
    let model = overzicht::build(&loaded.archive, l);
    let archive = loaded.clone();
    let chart = Signal::derive(move || Chart::Time(norm_chart::build(&archive.archive, &Breakdown::default(), Vintage::Latest, lang.get())));
    let latest = model.latest.map(|p| {
        let intro = (o.latest_intro)(&p.title, &p.publisher, &p.date);
        view! {
            <section aria-labelledby="laatste-kop" data-testid="latest-publication-section">
                <h2 id="laatste-kop">{o.latest_heading}</h2>
                <p>{intro}</p>
                {p.url.map(|u| view! { <p><a href=u rel="noopener">{o.latest_link}</a></p> })}
                {scroll_table(p.table, Some("laatste-cijfers"), None, None, None)}
            </section>
        }
    });
    view! {
        <section aria-labelledby="antwoorden-kop">
            <h2 id="antwoorden-kop">{o.answers_heading}</h2>
            {check_notices(model.checks, l)}
            <div style=GRID_STYLE>
                {model.answers.into_iter().map(|a| card(a, &globals, l)).collect_view()}
            </div>
        </section>
        <section aria-label=o.chart_heading>
            <p>{o.chart_intro}</p>
            <ChartFrame chart=chart/>
        </section>
        {latest}
        <section aria-labelledby="verschil-kop">
            <h2 id="verschil-kop">{o.changes_heading}</h2>
            <p>{o.changes_intro}</p>
            {scroll_table(model.changes, Some("verschillen"), None, None, None)}
        </section>
    }
}
