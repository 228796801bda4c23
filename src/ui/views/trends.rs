//! Trends: flows per month per step, the queues between the steps, targets against realisation,
//! the forecast, and revisions between publications. Everything is computed at once into one
//! `TrendsPage` (analysis) from the URL; the sections only render it.

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::use_page_title;
use crate::analysis::provenance::publisher_label;
use crate::analysis::trends::coverage;
use crate::analysis::trends::milestones::GROUPS;
use crate::analysis::chart::Chart;
use crate::analysis::trends::page::{self, TrendsPage, ViewParams, TARGET_YEARS};
use crate::analysis::trends::trend_rule::{DEFAULT_DISPERSION, K};
use crate::i18n::{format, texts};
use crate::ui::chart_frame::{scroll_table, ChartFrame};
use crate::ui::data::with_data;
use crate::ui::deferred::deferred;
use crate::ui::filter_bar::{select_field, use_set_params, FilterBar};
use crate::ui::loader::Loaded;
use crate::ui::url::{use_filters, use_href, use_lang};
use crate::ui::dyn_view::dyn_view;

/// How many Trends models are kept (by URL state) for going back to a filter state.
const MODEL_CACHE: usize = 8;

const NOTICE_STYLE: &str = "background:#fff4d6;color:#5c3d00;border-left:4px solid #5c3d00;padding:.5rem .75rem;margin:.5rem 0";

/// A chart of the model as a signal. One closure type for every chart (a function pointer picks
/// the chart), so the bundle carries one instantiation. A memo, not a derived signal: the chart
/// frame reads its chart in several places (drawing, caption, table, label, tooltip), and a
/// derived signal would clone the whole chart for each of them after every filter change.
/// Always "changed", like the model it comes from (no deep `PartialEq` in the bundle).
fn chart_of(model: Memo<Arc<TrendsPage>>, pick: fn(&TrendsPage) -> &Chart) -> Signal<Chart> {
    Memo::new_with_compare(move |_| model.with(|m| pick(m).clone()), |_, _| true).into()
}

/// A chart frame that is hidden (not removed: it keeps its width and identity) with a message
/// instead when the chart has no data for the selection.
/// `said`: whether the section's text already says why there is no chart (then no second notice).
fn chart_block(model: Memo<Arc<TrendsPage>>, chart: Signal<Chart>, empty: fn(&TrendsPage) -> bool, said: fn(&TrendsPage) -> bool) -> impl IntoView {
    let is_empty = move || model.with(|m| empty(m));
    view! {
        {dyn_view(move || (is_empty() && !model.with(|m| said(m))).then(|| view! { <p role="status" style=NOTICE_STYLE data-testid="empty-chart">{model.with_untracked(|m| m.empty_message.clone())}</p> }))}
        <div style=move || if is_empty() { "visibility:hidden;height:0;overflow:hidden" } else { "" }><ChartFrame chart=chart/></div>
    }
}

fn hidden_unless(shown: bool) -> &'static str {
    if shown { "" } else { "display:none" }
}

#[component]
pub fn Trends() -> impl IntoView {
    let lang = use_lang();
    use_page_title(|l| texts(l).trends.title.to_string());
    view! {
        <h1>{dyn_view(move || texts(lang.get()).trends.title)}</h1>
        // Before the data: the static first paint (ncg prerender) shows the same heading and lead.
        <p class="lead">{dyn_view(move || texts(lang.get()).trends.intro)}</p>
        {with_data(body)}
    }
}

fn body(loaded: Arc<Loaded>) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get();
    let t = &texts(l).trends;
    let filters = use_filters();
    let q = use_query_map();
    let set = use_set_params();
    let data_href = use_href("/data");
    let data = loaded.clone();
    // The whole view model, recomputed when the URL (filters, view parameters) or language changes.
    // Always "changed": the URL only changes when something on the page does, and skipping the
    // equality check keeps a deep `PartialEq` of the whole model out of the bundle.
    // The last few models are kept by URL state: going back to a filter state (switching a filter
    // back and forth, or history back) redraws without recomputing the analysis (issue 5). The
    // model is a pure function of the archive, the query and the language, and the archive is fixed
    // for the lifetime of this view (a reload renders a new one), so a kept model is exact.
    let cache: Arc<Mutex<Vec<(String, Arc<TrendsPage>)>>> = Arc::default();
    let model = Memo::new_with_compare(move |_| {
        let f = filters.get();
        let l = lang.get();
        let mut pairs: Vec<(String, String)> = q.with(|q| q.clone().into_iter().map(|(k, v)| (k.to_string(), v)).collect());
        crate::data::sort::sort(&mut pairs[..]);
        let mut key = String::from(l.code());
        for (k, v) in &pairs {
            key.push('&');
            key.push_str(k);
            key.push('=');
            key.push_str(v);
        }
        if let Some(hit) = cache.lock().ok().and_then(|c| c.iter().find(|(k, _)| *k == key).map(|(_, m)| m.clone())) {
            return hit;
        }
        let p = ViewParams::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let m = Arc::new(page::build(&data.archive, &f, &p, l));
        if let Ok(mut c) = cache.lock() {
            if c.len() >= MODEL_CACHE {
                c.remove(0);
            }
            c.push((key, m.clone()));
        }
        m
    }, |_, _| true);
    let flows = chart_of(model, |m| &m.flows_chart);
    let phases = chart_of(model, |m| &m.phases);
    let targets = chart_of(model, |m| &m.targets);
    let forecast = chart_of(model, |m| &m.forecast_chart);
    let group_options: Vec<(String, String)> = GROUPS.iter().map(|g| (g.key.to_string(), t.group_label(g.key).to_string())).collect();
    let year_options: Vec<(String, String)> = TARGET_YEARS.map(|y| (y.to_string(), y.to_string())).collect();
    let mut pubs: Vec<&crate::data::publication::Publication> = loaded.archive.publications.iter().collect();
    crate::analysis::trends::sorting::sort_by_key(&mut pubs, |p| (p.peildatum, p.published, p.id.clone()));
    let pub_options: Vec<(String, String)> = pubs.iter().map(|p| (p.id.clone(), format!("{} {} ({})", publisher_label(p, l), format::date_short(p.peildatum, l), p.id))).collect();
    let (s1, s2, s3, s4) = (set.clone(), set.clone(), set.clone(), set);

    view! {
        <FilterBar options=coverage::filter_options(&loaded.archive)/>
        {dyn_view(move || model.with(|m| view! {
            {m.notices.iter().map(|n| view! { <p role="status" style=NOTICE_STYLE data-testid="notice">{n.clone()}</p> }).collect_view()}
            {m.gemeente_page.clone().map(|(path, text)| view! {
                <p data-testid="gemeente-page-link"><a href=crate::ui::url::build(&path, &q.with_untracked(crate::ui::url::global_pairs))>{text}</a></p>
            })}
        }))}

        <section id="stroom" aria-labelledby="stroom-kop">
            <h2 id="stroom-kop">{t.flows_heading}</h2>
            <p>{t.flows_intro}</p>
            // Selects only where choosing can show something (`TrendsPage::steps_shown`, the
            // forecast's chart, `RevisionView::choosable`); hidden, not removed.
            <div style=move || hidden_unless(model.with(|m| m.steps_shown))>
            {select_field("mijlpaal", t.group_select.to_string(), group_options, Signal::derive(move || model.with(|m| m.group.to_string())),
                Box::new(move |v| s1(&[(page::Q_MIJLPAAL, if v == GROUPS[0].key { String::new() } else { v })])))}
            </div>
            {chart_block(model, flows, |m| m.flows.chart.is_empty(), |_| false)}
            // The rule, its result and the counts only where there are counts: a filtered page
            // said under its empty chart's notice how a change is judged, "Geen gegevens voor deze
            // selectie" and an empty table.
            {dyn_view(move || model.with(|m| (!m.flows.chart.is_empty()).then(|| {
                let t = &texts(lang.get_untracked()).trends;
                view! {
                    <h3>{t.rule_heading}</h3>
                    <p data-testid="trend-rule">{(t.rule_text)(&format::dec(K, 0, l), &format::int(DEFAULT_DISPERSION, l))}</p>
                    <p data-testid="trend-result"><strong>{m.flows.trend_text.clone()}</strong></p>
                    <details id="stroom-aantallen">
                        <summary>{t.counts_heading}</summary>
                        {scroll_table(m.flows.table.clone(), None, None, None, None)}
                    </details>
                }
            })))}
        </section>

        // The lower sections follow in their own tasks (ui::deferred), one per section.
        {deferred(1, move || view! {
            <section id="fasen" aria-labelledby="fasen-kop">
                <h2 id="fasen-kop">{t.phases_heading}</h2>
                <p>{t.phases_intro}</p>
                {chart_block(model, phases, |m| m.phases.is_empty(), |_| false)}
            </section>
        })}

        {deferred(2, move || view! {
            <section id="doelen" aria-labelledby="doelen-kop">
                <h2 id="doelen-kop">{t.targets_heading}</h2>
                <p>{t.targets_intro}</p>
                {chart_block(model, targets, |m| m.targets.is_empty(), |_| false)}
            </section>
        })}

        {deferred(3, move || view! {
            <section id="prognose" aria-labelledby="prognose-kop">
                <h2 id="prognose-kop">{t.forecast_heading}</h2>
                <div style=move || hidden_unless(model.with(|m| !m.forecast.chart.is_empty()))>
                {select_field("klaar", t.year_select.to_string(), year_options, Signal::derive(move || model.with(|m| m.year.to_string())),
                    Box::new(move |v| s2(&[(page::Q_KLAAR, v)])))}
                </div>
                {dyn_view(move || model.with(|m| view! {
                    <div data-testid="forecast-text">{m.forecast.paragraphs.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}</div>
                }))}
                // Its text says why there is no forecast; the chart's notice said it a second time.
                {chart_block(model, forecast, |m| m.forecast.chart.is_empty(), |m| !m.forecast.paragraphs.is_empty())}
            </section>
        })}

        {deferred(4, move || view! {
            <section id="herzieningen" aria-labelledby="herzieningen-kop">
                <h2 id="herzieningen-kop">{t.revisions_heading}</h2>
                // "Kies twee publicaties" only where the selects are there (filtered on Oldambt the
                // page asked to choose, with the selects hidden).
                <p>{t.revisions_intro}" "<span style=move || hidden_unless(model.with(|m| m.revisions.choosable))>{t.revisions_choose}</span></p>
                <div style=move || if model.with(|m| m.revisions.choosable) { "display:flex;flex-wrap:wrap;gap:.5rem 1rem" } else { "display:none" }>
                    {select_field("herziening-a", t.revisions_a.to_string(), pub_options.clone(), Signal::derive(move || model.with(|m| m.revisions.a.clone())), Box::new(move |v| s3(&[(page::Q_A, v)])))}
                    {select_field("herziening-b", t.revisions_b.to_string(), pub_options, Signal::derive(move || model.with(|m| m.revisions.b.clone())), Box::new(move |v| s4(&[(page::Q_B, v)])))}
                </div>
                {dyn_view(move || model.with(|m| {
                    let r = &m.revisions;
                    let t = &texts(lang.get_untracked()).trends;
                    view! {
                        {r.explanation.map(|e| view! { <p data-testid="revision-explanation">{e}</p> })}
                        <p class="muted">{t.revisions_vintage_hint}" "<a href=format!("{}#kwaliteit", data_href.get())>{t.revisions_all}</a>"."</p>
                        {(!r.empty).then(|| view! { <p role="status" data-testid="revision-summary">{r.summary.clone()}</p> })}
                        {if r.empty {
                            view! { <p role="status" style=NOTICE_STYLE data-testid="revisions-empty">{r.empty_text}</p> }.into_any()
                        } else {
                            scroll_table(r.table.clone(), Some("herzieningen-tabel"), None, None, None)
                        }}
                    }
                }))}
            </section>
        })}
    }
}
