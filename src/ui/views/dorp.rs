//! The page of one dorp (`/gemeente/GM1979/dorp/Loppersum`): its clusters — status per fase,
//! waiting time, how alike the neighbours were treated — and a status summary per street.
//! Address-level data only: NCG publishes nothing per dorp, which the page says, offering the
//! demo or an own file.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::gemeente::{current_code, drill_table, frame, offer, source_note_below, tiles_view, use_gemeente_redirect, use_keep};
use super::use_page_title;
use crate::analysis::chart::Chart;
use crate::analysis::drilldown::breadcrumbs::trail;
use crate::analysis::drilldown::dorp::{dorp_model, tiles};
use crate::analysis::drilldown::paths;
use crate::analysis::filters::{Q_CLUSTER, Q_DORP, Q_GEMEENTE};
use crate::i18n::texts;
use crate::ui::address_data::use_address_set;
use crate::ui::breadcrumbs::breadcrumbs;
use crate::ui::data::with_data;
use crate::ui::url::{build, use_lang};
use crate::ui::dyn_view::dyn_view;

#[component]
pub fn DorpPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    use_page_title(move |l| params.with(|p| p.get("dorp")).unwrap_or_else(|| texts(l).gemeenten.title.to_string()));
    use_gemeente_redirect();
    let set = use_address_set();
    let keep = use_keep();
    with_data(move |data| {
        dyn_view(move || {
            let l = lang.get();
            let t = &texts(l).gemeenten;
            let registry = &data.archive.gemeenten;
            let (param, dorp) = params.with(|p| (p.get("code").unwrap_or_default(), p.get("dorp").unwrap_or_default()));
            let keep = keep.get();
            let Some(code) = current_code(registry, &param) else {
                return view! { <h1>{dorp}</h1> }.into_any();
            };
            let set = set.get();
            let crumbs = breadcrumbs(trail(registry, code, Some(&dorp), None, l), t.crumb_label, &keep);
            let gname = registry.get(code).map(|g| g.name.clone()).unwrap_or_default();
            let header = view! {
                {crumbs}
                <h1>{dorp.clone()}<span class="muted drill-sub">" · "{gname}</span></h1>
                <p class="muted">{source_note_below(set.as_deref(), l)}</p>
            };
            let Some(s) = set else {
                // While address data loads, no "NCG publiceert niets per dorp" beside the banner
                // that says the demonstration is loading.
                let loading = matches!(crate::ui::address_data::use_address_data().state.get(), crate::ui::address_data::AddressState::Loading);
                return view! {
                    {header}
                    <p class="drill-note" data-testid="no-address-data" hidden=loading>{t.needs_address_data}</p>
                    {offer(&paths::dorp(code, &dorp), &keep, l)}
                }
                .into_any();
            };
            let Some(m) = dorp_model(&s.addresses, code, &dorp, s.reference, &s.derived, l) else {
                return view! { {header}<p class="drill-note" data-testid="not-in-data">{(t.not_in_data)(&dorp)}</p> }.into_any();
            };
            let mut detail_q = keep.clone();
            detail_q.retain(|(k, _)| k != Q_GEMEENTE && k != Q_DORP && k != Q_CLUSTER);
            detail_q.extend([(Q_GEMEENTE.to_string(), code.to_string()), (Q_DORP.to_string(), dorp.clone())]);
            let (k1, d1) = (keep.clone(), dorp.clone());
            let link = move |c: &str| Some(build(&paths::cluster(code, &d1, c), &k1));
            let demo = crate::analysis::export::demo_suffix(m.synthetic, l);
            let source = m.fase_chart.meta.source_line.clone();
            let key_figures = tiles(&m, l);
            view! {
                {header}
                // With their source line, as the gemeente page's key figures have.
                {tiles_view(key_figures, t.tiles_label, Some(source.clone()))}
                <div class="drill-grid drill-grid-2">
                    {frame(Chart::Bars(m.fase_chart))}
                    {frame(Chart::Bars(m.lead_chart))}
                </div>
                <section class="drill-alike">
                    <h2>{t.alike_title}</h2>
                    <p>{t.alike_intro}</p>
                    <p data-testid="alike-summary">{(t.alike_summary)(m.mixed_outcomes.0, m.mixed_outcomes.1, m.mixed_npr.0, m.mixed_npr.1)}</p>
                </section>
                {drill_table(m.clusters, None, &link, format!("versterkingsmonitor-clusters-{dorp}{demo}.csv"), m.synthetic, "clusters-table", &[t.suppression_note, t.wait_note], source.clone(), l)}
                {drill_table(m.streets, None, &|_| None, format!("versterkingsmonitor-straten-{dorp}{demo}.csv"), m.synthetic, "streets-table", &[t.suppression_note, t.wait_note], source, l)}
                <p class="drill-more"><a href=build("/doorlooptijden", &detail_q)>{texts(l).shell.nav_doorlooptijden}</a></p>
            }
            .into_any()
        })
    })
}
