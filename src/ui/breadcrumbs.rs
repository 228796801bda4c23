//! The breadcrumb trail of the drill-down pages, as a `nav` landmark with the current page
//! marked `aria-current="page"`. Drill-down levels are path segments; every link keeps the query
//! (language, data source, filters) it is given.

use leptos::prelude::*;

use super::url::build;
use crate::analysis::drilldown::breadcrumbs::Crumb;

/// Render a trail. `keep` are the query pairs every link keeps.
pub fn breadcrumbs(crumbs: Vec<Crumb>, label: &'static str, keep: &[(String, String)]) -> impl IntoView {
    let last = crumbs.len().saturating_sub(1);
    let items = crumbs
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let href = build(&c.path, keep);
            if i == last {
                view! { <li><a href=href aria-current="page">{c.label}</a></li> }.into_any()
            } else {
                view! { <li><a href=href>{c.label}</a></li> }.into_any()
            }
        })
        .collect_view();
    view! {
        <nav class="breadcrumbs" aria-label=label data-testid="breadcrumbs">
            <ol>{items}</ol>
        </nav>
    }
}
