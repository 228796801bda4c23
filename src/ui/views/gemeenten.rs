//! The Gemeenten view (`/gemeenten`): every gemeente of the operation side by side — a sortable
//! table (order in the URL: `?sorteer=-werkvoorraad`), one chart on a shared scale, small
//! multiples per fase, what is (not) published per gemeente, the mergers, and whether the
//! gemeenten add up to the total. A search box finds gemeenten (old names too) and dorpen.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::gemeente::{drill_table, frame, offer, search_for, source_note, use_keep};
use super::use_page_title;
use crate::analysis::chart::Chart;
use crate::analysis::trends::markers::{announced_checks, ASSESSMENT_OUTCOMES};
use crate::ui::check_notice::check_notices;
use crate::analysis::drilldown::comparison::{all, column_label, column_title, columns, overview_chart, shown_sort, sort, table, table_source, GemeenteFigures};
use crate::analysis::drilldown::coverage::published_per_gemeente;
use crate::analysis::drilldown::forecast::later_pace_note;
use crate::analysis::drilldown::gemeente_page::region_then;
use crate::analysis::drilldown::paths;
use crate::analysis::drilldown::reconcile::overview;
use crate::analysis::drilldown::resolve::merged_since;
use crate::analysis::drilldown::small_multiples::fase_panels;
use crate::analysis::drilldown::sort::{Sort, Q_SORT};
use crate::data::archive::Archive;
use crate::i18n::{format, texts, Lang};
use crate::ui::address_data::{use_address_data, use_address_set, AddressSet, AddressState};
use crate::ui::chart_frame::scroll_table;
use crate::ui::data::with_data;
use crate::ui::deferred::deferred;
use crate::ui::download;
use crate::ui::loader::Loaded;
use crate::ui::search_box::search_box;
use crate::ui::url::{build, use_filters, use_lang};
use crate::ui::dyn_view::dyn_view;

/// Rows of the reconciliation shown on the page (the CSV has them all).
const RECONCILE_ROWS: usize = 12;

/// The archive the view compares: the address-level data when active, else the published one.
fn active<'a>(data: &'a Loaded, set: &'a Option<Arc<AddressSet>>) -> &'a Archive {
    set.as_ref().map(|s| &s.derived).unwrap_or(&data.archive)
}

fn csv_name(stem: &str, set: &Option<Arc<AddressSet>>, l: Lang) -> String {
    format!("versterkingsmonitor-{stem}{}.csv", crate::analysis::export::demo_suffix(set.as_ref().is_some_and(|s| s.is_demo()), l))
}

/// The comparison table with sort buttons in the column headers.
fn comparison_table(rows: &[GemeenteFigures], archive: &Archive, s: Sort, keep: &[(String, String)], set: &Option<Arc<AddressSet>>, l: Lang) -> impl IntoView + use<> {
    let t = &texts(l).gemeenten;
    let navigate = use_navigate();
    let tm = table(rows, l);
    let synthetic = rows.iter().any(GemeenteFigures::synthetic);
    let head = columns(rows)
        .into_iter()
        .enumerate()
        .map(|(i, k)| {
            let sorted = (s.key == k).then_some(if s.descending { "descending" } else { "ascending" });
            let arrow = match sorted {
                Some("descending") => " ▼",
                Some(_) => " ▲",
                None => "",
            };
            let next = s.clicked(k);
            let mut pairs = keep.to_vec();
            if !next.code().is_empty() {
                pairs.push((Q_SORT.into(), next.code()));
            }
            let href = build(paths::GEMEENTEN, &pairs);
            let nav = navigate.clone();
            let numeric = i > 0;
            view! {
                <th scope="col" aria-sort=sorted class:num=numeric title=column_title(k, l)>
                    <button type="button" class="sort-button" data-sort=k.code()
                        on:click=move |_| nav(&href, NavigateOptions { replace: true, scroll: false, ..Default::default() })>
                        {column_label(k, l)}<span aria-hidden="true">{arrow}</span>
                    </button>
                </th>
            }
        })
        .collect_view()
        .into_any();
    let keep = keep.to_vec();
    let link = move |key: &str| crate::data::gemeente::GemeenteCode::parse(key).map(|c| build(&paths::gemeente(c), &keep));
    view! {
        <p class="muted no-print">{t.sort_hint}</p>
        {drill_table(tm, Some(head), &link, csv_name("gemeenten", set, l), synthetic, "gemeenten-table", &[t.table_note], table_source(archive, rows, l), l)}
    }
}

#[component]
pub fn Gemeenten() -> impl IntoView {
    let lang = use_lang();
    use_page_title(|l| texts(l).gemeenten.title.to_string());
    let set = use_address_set();
    // While the demonstration (or the reader's file) loads, no published figures under its banner:
    // the page showed NCG's table, charts and "de gepubliceerde cijfers" as its source, and a page
    // printed then mixed the two (as the gemeente page did).
    let state = use_address_data().state;
    let loading = move || set.with(Option::is_none) && matches!(state.get(), AddressState::Loading);
    let keep = use_keep();
    let q = use_query_map();
    let filters = use_filters();
    view! {
        <h1>{dyn_view(move || texts(lang.get()).gemeenten.title)}</h1>
        // Before the data: the static first paint (ncg prerender) shows the same heading and lead.
        <p class="lead">{dyn_view(move || texts(lang.get()).gemeenten.lead)}</p>
        {with_data(move |data| {
            let (d1, d2) = (Arc::clone(&data), Arc::clone(&data));
            // Introduction and search: with language and data.
            let top = dyn_view(move || {
                let l = lang.get();
                let set = set.get();
                let keep = keep.get();
                let registry = &d1.archive.gemeenten;
                // The published shares "op norm" are under the check announced in June 2026 (the
                // bars and the table below say nothing of it).
                let checks = if set.is_none() { announced_checks(&d1.archive, &ASSESSMENT_OUTCOMES, l) } else { Vec::new() };
                if loading() {
                    return offer(paths::GEMEENTEN, &keep, l).into_any();
                }
                view! {
                    {search_box("zoek", search_for(registry, set.as_deref()), Arc::new(registry.clone()), keep.clone(), l)}
                    <p class="muted">{source_note(set.as_deref(), l)}</p>
                    {check_notices(checks, l)}
                }
                .into_any()
            });
            // The chart of the comparison, then the table (also with the sort order), built a task
            // after the top (ui::deferred: below what is on screen, nothing shifts). The chart was
            // under the table and what is published per gemeente (that list now follows the
            // table's notes): on a 1920×1080 meeting-room screen it began below the fold.
            let middle = deferred(1, move || {
                let d4 = Arc::clone(&data);
                let picture = dyn_view(move || {
                    if loading() {
                        return ().into_any();
                    }
                    let l = lang.get();
                    let set = set.get();
                    let archive = active(&d4, &set);
                    frame(Chart::Bars(overview_chart(archive, &all(archive, filters.with(|f| f.vintage), l), l))).into_any()
                });
                let table = dyn_view(move || {
                    if loading() {
                        return ().into_any();
                    }
                    let l = lang.get();
                    let s = Sort::parse(&q.with(|q| q.get(Q_SORT)).unwrap_or_default());
                    let set = set.get();
                    let archive = active(&data, &set);
                    let mut rows = all(archive, filters.with(|f| f.vintage), l);
                    let s = shown_sort(&rows, s);
                    sort(&mut rows, s);
                    comparison_table(&rows, archive, s, &keep.get(), &set, l).into_any()
                });
                view! { {picture}{table} }
            });
            // The table's notes, what is published per gemeente, the small multiples, mergers and
            // the reconciliation: built a task after the table (ui::deferred). In one task with the
            // top and the table, the render was the longest task of the page's start (40–120 ms on
            // the test machine, three to four times that on a phone).
            let bottom = deferred(1, move || dyn_view(move || {
                    if loading() {
                        return ().into_any();
                    }
                    let l = lang.get();
                    let t = &texts(l).gemeenten;
                    let set = set.get();
                    let keep = keep.get();
                    let archive = active(&d2, &set);
                    let registry = &d2.archive.gemeenten;
                    let rows = all(archive, filters.with(|f| f.vintage), l);
                    // What is published per gemeente (published figures only), after the table.
                    let coverage = set.is_none().then(|| {
                        let items: Vec<String> = published_per_gemeente(&d2.archive, l)
                            .into_iter()
                            .map(|p| {
                                let g = registry.get(p.gemeente).map(|g| g.name.clone()).unwrap_or_default();
                                (t.coverage_item)(&g, &format::date(p.date, l), &p.publisher, &p.measures.join(", "))
                            })
                            .collect();
                        view! {
                            <section class="drill-coverage" data-testid="coverage" aria-labelledby="dekking">
                                <h2 id="dekking">{t.coverage_title}</h2>
                                <p>{if items.is_empty() { t.coverage_none } else { t.coverage_intro }}</p>
                                <ul>{items.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                                <p>{t.coverage_missing}</p>
                                {offer(paths::GEMEENTEN, &keep, l)}
                            </section>
                        }
                    });
                    let panels = fase_panels(archive, &rows, l);
                    let mut mergers: Vec<(String, String)> = registry
                        .all()
                        .iter()
                        .filter(|g| g.successor.is_some())
                        .map(|g| {
                            let to = registry.get(registry.harmonise(g.code)).map(|n| n.name.clone()).unwrap_or_default();
                            let line = (t.merger_line)(&g.name, &to, &merged_since(registry, g.code).map(|d| format::date(d, l)).unwrap_or_default());
                            (format!("{to}\u{0}{}", g.name), line)
                        })
                        .collect();
                    // By the gemeente of today, then by name (the registry's order was no order).
                    crate::data::sort::sort_by(&mut mergers, |a, b| a.0.cmp(&b.0));
                    let mergers: Vec<String> = mergers.into_iter().map(|(_, line)| line).collect();
                    let ov = overview(archive, l, RECONCILE_ROWS);
                    let (full_archive, file) = (set.clone(), csv_name("optelcontrole", &set, l));
                    let d3 = Arc::clone(&d2);
                    let save = move |_| {
                        let a = active(&d3, &full_archive);
                        let full = overview(a, l, usize::MAX);
                        // The same first lines as every download (there were none): title, source, day and address.
                        let demo = full_archive.as_ref().is_some_and(|s| s.is_demo());
                        let _ = download::save_csv(&file, &full.table.to_csv_about(demo, &full.source_line, &download::downloaded_from(l), &[], l));
                    };
                    // The total's pace is of the year up to its last level; a later, published
                    // pace (NCG's 2025 year figures) is said right under the table.
                    // A gemeente whose figures are older than the total: the region at its date.
                    let vintage = filters.with(|f| f.vintage);
                    let region: Vec<String> = rows.iter().filter(|g| g.code.is_some()).filter_map(|g| region_then(archive, g, vintage, l)).collect();
                    let later = set.is_none().then(|| rows.iter().find(|g| g.code.is_none()).and_then(|g| g.pace.as_ref()).and_then(|p| later_pace_note(archive, p, filters.with(|f| f.vintage), l))).flatten();
                    view! {
                        {region.into_iter().map(|r| view! { <p class="drill-note" role="note" data-testid="region-then">{r}</p> }).collect_view()}
                        {later.map(|n| view! {
                            <p class="drill-note" role="note" data-testid="later-pace">
                                {n}" "<a href=format!("{}#prognose", build("/trends", &keep))>{t.later_pace_link}</a>"."
                            </p>
                        })}
                        {coverage}
                        <h2>{t.panels_title}</h2>
                        {if panels.is_empty() {
                            view! { <p data-testid="panels-none">{t.panels_none}</p> }.into_any()
                        } else {
                            view! { <div class="drill-multiples" data-testid="panels">{panels.into_iter().map(|c| frame(Chart::Bars(c))).collect_view()}</div> }.into_any()
                        }}
                        <h2>{t.mergers_title}</h2>
                        <ul data-testid="mergers">{mergers.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                        <p>{t.harmonised_note}</p>
                        <section data-testid="reconcile" aria-labelledby="optelcontrole">
                            <h2 id="optelcontrole">{t.reconcile_title}</h2>
                            <p>{t.reconcile_intro}</p>
                            <ul>
                                <li data-testid="reconcile-equal">{(t.reconcile_equal)(ov.equal)}</li>
                                <li data-testid="reconcile-differs">{(t.reconcile_differs)(ov.differs)}</li>
                                <li data-testid="reconcile-incomplete">{(t.reconcile_incomplete)(ov.incomplete)}</li>
                                <li>{(t.reconcile_no_total)(ov.no_total)}</li>
                            </ul>
                            {(!ov.table.rows.is_empty()).then(|| scroll_table(ov.table, None, None, None, None))}
                            {(ov.more > 0).then(|| view! { <p class="muted">{(t.reconcile_more)(ov.more)}</p> })}
                            <p><button class="button secondary" on:click=save>{t.download_table}</button></p>
                        </section>
                    }
                    .into_any()
            }));
            view! { {top}{middle}{bottom} }
        })}
    }
}
