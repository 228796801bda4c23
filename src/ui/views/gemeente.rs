//! One gemeente on one page (`/gemeente/GM1979`), for a council meeting: key figures, the trend
//! within today's boundaries, the werkvoorraad per fase, lead times, breakdowns and the dorpen.
//! Published figures where they exist (very few per gemeente: said plainly), address-level data
//! otherwise. Old codes and names (`/gemeente/GM0024`, `/gemeente/loppersum`) are replaced by
//! today's gemeente with a note.
//!
//! Also the helpers the dorp and cluster pages share: the kept query, the redirect of old codes,
//! the offer of the demo or an own file, tables with links and a CSV download.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::use_page_title;
use crate::analysis::bar_chart::BarChart;
use crate::analysis::chart::Chart;
use crate::analysis::derive::Count;
use crate::analysis::drilldown::areas::Columns;
use crate::analysis::drilldown::breadcrumbs::trail;
use crate::analysis::drilldown::comparison::figures;
use crate::analysis::drilldown::coverage::published_per_gemeente;
use crate::analysis::drilldown::gemeente_page::{breakdown_chart, derived_provenance, fase_chart, merger_text, region_near, stale_notice, tiles_in, tiles_source, trend_chart, Dim, FaseAbout};
use crate::analysis::drilldown::hierarchy::{dorpen, in_gemeente};
use crate::analysis::drilldown::lead::{lead_chart, About};
use crate::analysis::drilldown::paths;
use crate::analysis::drilldown::resolve::{merged_since, resolve, Resolved};
use crate::analysis::drilldown::search::{dorpen_of, SearchIndex};
use crate::analysis::drilldown::tables::area_table;
use crate::analysis::filters::{Q_CLUSTER, Q_DORP, Q_GEMEENTE};
use crate::analysis::provenance;
use crate::analysis::table::TableModel;
use crate::data::gemeente::{GemeenteCode, Registry};
use crate::i18n::{format, texts, Lang};
use crate::ui::address_data::{use_address_data, use_address_set, AddressSet, AddressState, SourceKind, BRON_DEMO};
use crate::ui::breadcrumbs::breadcrumbs;
use crate::ui::chart_frame::{cell_text, ChartFrame};
use crate::ui::data::{use_loaded, with_data};
use crate::ui::download;
use crate::ui::search_box::search_box;
use crate::ui::url::{build, use_filters, use_lang};
use crate::ui::dyn_view::dyn_view;

/// Query parameter naming the old gemeente a link used (set by the redirect, read for the note).
pub const Q_OUD: &str = "oud";

/// The query pairs drill-down links keep: everything but the view's own state (sort order, the
/// redirect note).
pub fn use_keep() -> Memo<Vec<(String, String)>> {
    let q = use_query_map();
    Memo::new(move |_| {
        q.with(|q| q.clone().into_iter().filter(|(k, _)| k != Q_OUD && k != crate::analysis::drilldown::sort::Q_SORT).map(|(k, v)| (k.to_string(), v)).collect())
    })
}

/// Replace an old or misspelt gemeente in the path by today's (history entry replaced), keeping
/// the dorp and cluster segments and the query, and noting the old gemeente in `oud`.
pub fn use_gemeente_redirect() {
    let params = use_params_map();
    let loaded = use_loaded();
    let keep = use_keep();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some(l) = loaded.get() else { return };
        let (code, dorp, cluster) = params.with(|p| (p.get("code").unwrap_or_default(), p.get("dorp"), p.get("cluster")));
        if let Resolved::Redirect { to, merged } = resolve(&l.archive.gemeenten, &code) {
            let path = match (dorp, cluster) {
                (Some(d), Some(c)) => paths::cluster(to, &d, &c),
                (Some(d), None) => paths::dorp(to, &d),
                _ => paths::gemeente(to),
            };
            let mut pairs = keep.get_untracked();
            if let Some(m) = merged {
                pairs.push((Q_OUD.into(), m.to_string()));
            }
            navigate(&build(&path, &pairs), leptos_router::NavigateOptions { replace: true, ..Default::default() });
        }
    });
}

/// The current gemeente from the route (`None` while unknown or being redirected).
pub fn current_code(registry: &Registry, param: &str) -> Option<GemeenteCode> {
    match resolve(registry, param) {
        Resolved::Current(c) => Some(c),
        _ => None,
    }
}

/// "Loppersum is sinds 1 januari 2021 deel van Eemsdelta", when the link named an old gemeente.
pub fn merger_note(registry: &Registry, code: GemeenteCode, oud: Option<String>, lang: Lang) -> Option<String> {
    let old = GemeenteCode::parse(&oud?)?;
    if old == code || registry.harmonise(old) != code {
        return None;
    }
    let name = |c| registry.get(c).map(|g| g.name.clone()).unwrap_or_default();
    Some((texts(lang).gemeenten.merger_line)(&name(old), &name(code), &merged_since(registry, old).map(|d| format::date(d, lang)).unwrap_or_default()))
}

/// The page's search index: gemeenten, old names and (with address data) dorpen.
pub fn search_for(registry: &Registry, set: Option<&AddressSet>) -> Arc<SearchIndex> {
    let dorpen = set.map(|s| dorpen_of(&s.addresses)).unwrap_or_default();
    Arc::new(SearchIndex::build(registry, &dorpen))
}

/// The line saying where the figures come from, below gemeente level: nothing without address
/// data, as a dorp or cluster page then shows no figures. (It said "de gepubliceerde cijfers van
/// NCG, SodM en gemeenten" above a page without any; while the demo loaded, under its banner.)
pub fn source_note_below(set: Option<&AddressSet>, lang: Lang) -> &'static str {
    set.map(|s| source_note(Some(s), lang)).unwrap_or("")
}

pub fn source_note(set: Option<&AddressSet>, lang: Lang) -> &'static str {
    let t = &texts(lang).gemeenten;
    match set.map(|s| &s.kind) {
        None => t.source_published,
        Some(SourceKind::Demo) => t.source_demo,
        Some(SourceKind::Own { .. }) => t.source_own,
    }
}

/// Links to the same page with the demo, and to the page where an own file is loaded.
pub fn offer(path: &str, keep: &[(String, String)], lang: Lang) -> impl IntoView + use<> {
    let t = &texts(lang).gemeenten;
    let mut demo = keep.to_vec();
    demo.retain(|(k, _)| k != "bron");
    demo.push(("bron".into(), BRON_DEMO.into()));
    let own: Vec<(String, String)> = keep.iter().filter(|(k, _)| k == "lang").cloned().collect();
    let loading = matches!(use_address_data().state.get(), AddressState::Loading);
    // While loading, only that: the offer linked to the page that was already loading.
    view! {
        <div class="drill-offer" data-testid="address-offer">
            {loading.then(|| view! { <p role="status">{t.loading_addresses}</p> })}
            {(!loading).then(|| view! {
                <p>{t.offer_intro}</p>
                <ul>
                    <li><a href=build(path, &demo) data-testid="demo-link">{t.demo_link}</a></li>
                    <li><a href=build("/data", &own)>{t.own_link}</a></li>
                </ul>
            })}
        </div>
    }
}

/// A table whose rows link to a deeper level (row attribute `key`), with caption, scope, a note
/// under it and a CSV download. `head` replaces the plain header row (the sortable gemeenten
/// table). One non-generic function for every drill-down table keeps the bundle small.
#[allow(clippy::too_many_arguments)]
pub fn drill_table(t: TableModel, head: Option<AnyView>, link: &dyn Fn(&str) -> Option<String>, file: String, synthetic: bool, testid: &'static str, notes: &[&'static str], source: String, lang: Lang) -> AnyView {
    let note = notes.join(" ");
    // The CSV says what it is and what its marks mean, as a chart's CSV does: the demonstration's
    // mark, the caption, the source, the day and address of the download, and the notes under the
    // table ("× = verborgen: …"; a download of the streets table was a page of "×" that nothing
    // explained). The address is the page's when the button is pressed.
    let (csv_table, notes) = (t.clone(), notes.to_vec());
    // A table of demonstration data says so in its caption, as every chart's table and picture do
    // (the dorpen, clusters and streets tables did not; on paper a page of them had no mark).
    // A table long enough to scroll in its own box (26 rows or more, style/main.css) says how many
    // rows it has: on a meeting-room screen 20 of Eemsdelta's 32 dorpen showed, and nothing said
    // there were more.
    let caption = if t.rows.len() >= 26 { format!("{} — {}", t.caption, (texts(lang).gemeenten.n_rows)(t.rows.len())) } else { t.caption.clone() };
    let caption = if synthetic { format!("{caption} ({})", texts(lang).shell.demo_stamp) } else { caption };
    let head = head.unwrap_or_else(|| t.columns.iter().map(|c| view! { <th scope="col" class:num=c.numeric title=c.title.clone()>{c.label.clone()}</th> }).collect_view().into_any());
    let body = t
        .rows
        .into_iter()
        .map(|r| {
            let key = r.attrs.iter().find(|(k, _)| k == "key").map(|(_, v)| v.clone());
            let mut cells = r.cells.into_iter();
            let first = cells.next().map(|c| c.text).unwrap_or_default();
            let href = key.as_deref().and_then(link);
            // A code or a one-word name ("APD-01", "S9901-01", "Nieuw-Scheemda") stays on one line; a
            // hyphen broke it in two on a phone.
            let one_word = !first.contains(char::is_whitespace);
            let rest = cells.map(|c| view! { <td class="num" data-value=c.value.map(format::plain)>{cell_text(c.text, c.spoken)}</td> }).collect_view();
            view! { <tr data-key=key><th scope="row" class:nowrap=one_word>{match href { Some(h) => view! { <a href=h>{first}</a> }.into_any(), None => first.into_any() }}</th>{rest}</tr> }
        })
        .collect_view();
    let save = move |_| {
        let csv = csv_table.to_csv_about(synthetic, &source, &download::downloaded_from(lang), &notes, lang);
        let _ = download::save_csv(&file, &csv);
    };
    // The box scrolls on its own and is reached with Tab: a named region (its table's caption),
    // so a screen reader says what it is on (it said only "group" or nothing).
    let label = caption.clone();
    view! {
        <div class="table-scroll drill-table" tabindex="0" role="region" aria-label=label data-testid=testid>
            <table>
                <caption>{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <p class="muted small">{note}</p>
        <p><button class="button secondary" on:click=save>{texts(lang).gemeenten.download_table}</button></p>
    }
    .into_any()
}

/// A chart in the standard frame.
pub fn frame(c: Chart) -> impl IntoView {
    view! { <ChartFrame chart=Signal::stored(c)/> }
}

/// The key figures.
pub(super) fn tiles_view(list: Vec<crate::analysis::drilldown::gemeente_page::Tile>, label: &'static str, source: Option<String>) -> impl IntoView {
    view! {
        <section class="drill-tiles" aria-label=label data-testid="tiles">
            {list.into_iter().map(|t| view! {
                <div class="drill-tile" data-key=t.key>
                    <span class="drill-tile-label">{t.label}</span>
                    <span class="drill-tile-value">{t.value}</span>
                    <span class="drill-tile-detail">{t.detail}</span>
                </div>
            }).collect_view()}
        </section>
        {source.map(|s| view! { <p class="muted small drill-tiles-source" data-testid="tiles-source">{s}</p> })}
    }
}

#[component]
pub fn GemeentePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let loaded = use_loaded();
    use_page_title(move |l| {
        let code = params.with(|p| p.get("code")).unwrap_or_default();
        loaded.with(|d| d.as_ref().and_then(|d| current_code(&d.archive.gemeenten, &code)).and_then(|c| d.as_ref()?.archive.gemeenten.get(c).map(|g| g.name.clone())))
            .unwrap_or_else(|| texts(l).gemeenten.title.to_string())
    });
    use_gemeente_redirect();
    let set = use_address_set();
    let keep = use_keep();
    let q = use_query_map();
    let filters = use_filters();
    with_data(move |data| {
        dyn_view(move || {
            let l = lang.get();
            let t = &texts(l).gemeenten;
            let registry = &data.archive.gemeenten;
            let param = params.with(|p| p.get("code")).unwrap_or_default();
            let keep = keep.get();
            let set = set.get();
            let Some(code) = current_code(registry, &param) else {
                return match resolve(registry, &param) {
                    Resolved::Unknown => view! {
                        <h1>{t.unknown_title}</h1>
                        <p>{(t.unknown_body)(&param)}</p>
                        {search_box("zoek-gemeente", search_for(registry, set.as_deref()), Arc::new(registry.clone()), keep.clone(), l)}
                    }
                    .into_any(),
                    // Being redirected.
                    _ => view! { <h1>{t.title}</h1> }.into_any(),
                };
            };
            let name = registry.get(code).map(|g| g.name.clone()).unwrap_or_default();
            let note = merger_note(registry, code, q.with(|q| q.get(Q_OUD)), l);
            let vintage = filters.with(|f| f.vintage);
            let archive = set.as_ref().map(|s| &s.derived).unwrap_or(&data.archive);
            let g = figures(archive, Some(code), vintage, l);
            let trend = trend_chart(archive, code, vintage, l);
            let mut detail_q = keep.clone();
            detail_q.retain(|(k, _)| k != Q_GEMEENTE && k != Q_DORP && k != Q_CLUSTER);
            detail_q.push((Q_GEMEENTE.into(), code.to_string()));
            // While the demonstration (or the reader's file) loads, the published figures are not
            // shown: under the banner "Synthetische demonstratiegegevens … laden" the tiles showed
            // NCG's 15.815 and 32%, and a page printed then mixed the two.
            let loading = set.is_none() && matches!(use_address_data().state.get(), AddressState::Loading);
            let header = view! {
                {breadcrumbs(trail(registry, code, None, None, l), t.crumb_label, &keep)}
                <h1>{name.clone()}</h1>
                {note.map(|n| view! { <p class="drill-note" role="note" data-testid="merger-note">{n}</p> })}
                {merger_text(registry, code, l).map(|(_, m)| view! { <p class="muted small" data-testid="harmonised">{m}</p> })}
                <p class="muted">{if loading { "" } else { source_note(set.as_deref(), l) }}</p>
                {(!loading).then(|| stale_notice(archive, &g, l)).flatten().map(|n| view! { <p class="drill-note" role="note" data-testid="stale-notice">{n}</p> })}
                {(!g.is_empty() && !loading).then(|| tiles_view(tiles_in(archive, &g, l), t.tiles_label, tiles_source(archive, &g, l)))}
                {(!loading).then(|| region_near(archive, &g, vintage, l)).flatten().map(|r| view! { <p class="muted small" data-testid="region-near">{r}</p> })}
            };
            let body = match set.as_deref() {
                Some(s) => address_body(s, code, &name, trend, &keep, l).into_any(),
                None if loading => offer(&paths::gemeente(code), &keep, l).into_any(),
                None => {
                    let own: Vec<String> = published_per_gemeente(&data.archive, l)
                        .into_iter()
                        .filter(|p| p.today == code)
                        .map(|p| {
                            let gname = registry.get(p.gemeente).map(|g| g.name.clone()).unwrap_or_default();
                            // A former gemeente's figures are a part, not the whole (Loppersum's under Eemsdelta).
                            let part = if p.gemeente != code { (t.coverage_part)(&name) } else { String::new() };
                            format!("{}{part}", (t.coverage_item)(&gname, &format::date(p.date, l), &p.publisher, &p.figures.join("; ")))
                        })
                        .collect();
                    let intro = if own.is_empty() { (t.nothing_published)(&name) } else { (t.only_published)(&name) };
                    let has_trend = !Chart::Time(trend.clone()).is_empty();
                    view! {
                        <section class="drill-coverage" data-testid="coverage">
                            <p>{intro}</p>
                            <ul>{own.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                            <p>{t.address_only}</p>
                        </section>
                        {has_trend.then(|| frame(Chart::Time(trend)))}
                        {offer(&paths::gemeente(code), &keep, l)}
                    }
                    .into_any()
                }
            };
            view! {
                {header}
                {body}
                <p class="drill-more">
                    <a href=build("/trends", &detail_q)>{texts(l).shell.nav_trends}</a>" · "
                    <a href=build("/doorlooptijden", &detail_q)>{texts(l).shell.nav_doorlooptijden}</a>" · "
                    <a href=build(paths::GEMEENTEN, &keep)>{t.title}</a>
                </p>
            }
            .into_any()
        })
    })
}

/// The gemeente page with address-level data: fasen, lead times, breakdowns and dorpen.
fn address_body(s: &AddressSet, code: GemeenteCode, name: &str, trend: crate::analysis::time_chart::TimeChart, keep: &[(String, String)], l: Lang) -> impl IntoView + use<> {
    let t = &texts(l).gemeenten;
    let day = s.reference.to_days();
    let gem = in_gemeente(&s.addresses, code);
    let (all, rows) = dorpen(&gem, day);
    let p = derived_provenance(&s.derived, l);
    let source_line = provenance::source_line(&s.derived, &[&p], l);
    let cells: Vec<Count> = all.fase_cells().into_iter().map(Count::Exact).collect();
    let fases: BarChart = fase_chart(
        &cells,
        FaseAbout {
            id: format!("fasen-{code}"),
            title: (t.fase_title)(name),
            summary: (t.gemeente_fase_summary)(name, &format::int(all.total as f64, l), &format::date(s.reference, l)),
            provenance: p.clone(),
            source_line: source_line.clone(),
        },
        l,
    );
    let lead = lead_chart(
        &gem,
        s.reference,
        About { id: format!("doorlooptijden-{code}"), title: (t.lead_title)(name), source_line: source_line.clone(), synthetic: s.is_demo(), shown: None },
        l,
    );
    let breakdowns: Vec<BarChart> = Dim::ALL.iter().map(|d| breakdown_chart(&gem, day, *d, name, &p, &source_line, l)).collect();
    let mut breakdowns = breakdowns.into_iter();
    let first = breakdowns.next();
    let table = area_table(&rows, Columns::Fases, (t.dorpen_caption)(name), t.col_dorp, "", l);
    let keep2 = keep.to_vec();
    let link = move |dorp: &str| Some(build(&paths::dorp(code, dorp), &keep2));
    let demo = s.is_demo();
    view! {
        <div class="drill-grid">
            {frame(Chart::Time(trend))}
            {frame(Chart::Bars(fases))}
            {frame(Chart::Bars(lead))}
            {first.map(|c| frame(Chart::Bars(c)))}
        </div>
        <h2>{t.section_breakdowns}</h2>
        <div class="drill-grid">{breakdowns.map(|c| frame(Chart::Bars(c))).collect_view()}</div>
        <h2>{t.section_dorpen}</h2>
        {drill_table(table, None, &link, format!("versterkingsmonitor-dorpen-{code}{}.csv", crate::analysis::export::demo_suffix(demo, l)), demo, "dorpen-table", &[t.suppression_note, t.wait_note], source_line, l)}
    }
}
