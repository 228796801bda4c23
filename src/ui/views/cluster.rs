//! The page of one cluster (`/gemeente/GM1979/dorp/Loppersum/cluster/LOP-07`): its fasen, its
//! lead times, and whether its addresses were treated alike (assessment months, outcomes, NPR
//! versions; counts protected). Address-level data only.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::gemeente::{current_code, drill_table, frame, offer, source_note_below, use_gemeente_redirect, use_keep};
use super::use_page_title;
use crate::analysis::chart::Chart;
use crate::analysis::drilldown::breadcrumbs::trail;
use crate::analysis::drilldown::cluster::cluster_model;
use crate::analysis::drilldown::paths;
use crate::analysis::filters::{Q_CLUSTER, Q_DORP, Q_GEMEENTE};
use crate::i18n::{format, texts};
use crate::ui::address_data::use_address_set;
use crate::ui::breadcrumbs::breadcrumbs;
use crate::ui::data::with_data;
use crate::ui::url::{build, use_lang};
use crate::ui::dyn_view::dyn_view;

#[component]
pub fn ClusterPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    use_page_title(move |l| params.with(|p| p.get("cluster")).map(|c| (texts(l).gemeenten.crumb_cluster)(&c)).unwrap_or_default());
    use_gemeente_redirect();
    let set = use_address_set();
    let keep = use_keep();
    with_data(move |data| {
        dyn_view(move || {
            let l = lang.get();
            let t = &texts(l).gemeenten;
            let registry = &data.archive.gemeenten;
            let (param, dorp, cluster) =
                params.with(|p| (p.get("code").unwrap_or_default(), p.get("dorp").unwrap_or_default(), p.get("cluster").unwrap_or_default()));
            let keep = keep.get();
            let label = (t.crumb_cluster)(&cluster);
            let Some(code) = current_code(registry, &param) else {
                return view! { <h1>{label}</h1> }.into_any();
            };
            let set = set.get();
            let header = view! {
                {breadcrumbs(trail(registry, code, Some(&dorp), Some(&cluster), l), t.crumb_label, &keep)}
                <h1>{label.clone()}<span class="muted drill-sub">" · "{dorp.clone()}</span></h1>
                <p class="muted">{source_note_below(set.as_deref(), l)}</p>
            };
            let Some(s) = set else {
                // While address data loads, no "NCG publiceert niets per dorp" beside the banner
                // that says the demonstration is loading.
                let loading = matches!(crate::ui::address_data::use_address_data().state.get(), crate::ui::address_data::AddressState::Loading);
                return view! {
                    {header}
                    <p class="drill-note" data-testid="no-address-data" hidden=loading>{t.needs_address_data}</p>
                    {offer(&paths::cluster(code, &dorp, &cluster), &keep, l)}
                }
                .into_any();
            };
            let Some(m) = cluster_model(&s.addresses, code, &dorp, &cluster, s.reference, &s.derived, l) else {
                return view! { {header}<p class="drill-note" data-testid="not-in-data">{(t.not_in_data)(&label)}</p> }.into_any();
            };
            let range = match m.beoordeling {
                Some((a, b)) => (t.beoordeling_range)(&format::month(a, l), &format::month(b, l)),
                None => t.beoordeling_none.to_string(),
            };
            let source = m.fase_chart.meta.source_line.clone();
            let mut detail_q = keep.clone();
            detail_q.retain(|(k, _)| k != Q_GEMEENTE && k != Q_DORP && k != Q_CLUSTER);
            detail_q.extend([(Q_GEMEENTE.to_string(), code.to_string()), (Q_DORP.to_string(), dorp.clone()), (Q_CLUSTER.to_string(), cluster.clone())]);
            view! {
                {header}
                <div class="drill-grid drill-grid-2">
                    {frame(Chart::Bars(m.fase_chart))}
                    {frame(Chart::Bars(m.lead_chart))}
                </div>
                <section class="drill-alike" data-testid="alike" aria-labelledby="gelijk">
                    <h2 id="gelijk">{t.alike_title}</h2>
                    <p>{t.alike_intro}</p>
                    <p data-testid="beoordeling-range">{range}</p>
                    {drill_table(m.alike, None, &|_| None, format!("versterkingsmonitor-cluster-{cluster}{}.csv", crate::analysis::export::demo_suffix(m.synthetic, l)), m.synthetic, "alike-table", &[t.suppression_note, t.alike_note], source, l)}
                </section>
                <p class="drill-more">
                    <a href=build(&paths::dorp(code, &dorp), &keep)>{dorp.clone()}</a>" · "
                    <a href=build("/doorlooptijden", &detail_q)>{texts(l).shell.nav_doorlooptijden}</a>
                </p>
            }
            .into_any()
        })
    })
}
