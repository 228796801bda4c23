//! The URL is the state: route, language, data source and filters are read from it, and every
//! link is built to keep them. Components never hold a second copy.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

use crate::analysis::filters::FILTER_BAR_PARAMS;
use crate::i18n::Lang;

/// Query parameters that belong to the whole app, not to one view: kept on every link.
pub const GLOBAL_PARAMS: [&str; 2] = ["lang", "bron"];

/// The interface language from `?lang=`, Dutch by default.
pub fn use_lang() -> Memo<Lang> {
    let q = use_query_map();
    Memo::new(move |_| q.with(|q| q.get("lang").map(|l| Lang::from_code(&l)).unwrap_or_default()))
}

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).as_string().unwrap_or_default()
}

/// Build `path?k=v&…` from pairs, skipping empty values and `lang=nl` (the default).
pub fn build(path: &str, pairs: &[(String, String)]) -> String {
    let q: Vec<String> = pairs
        .iter()
        .filter(|(k, v)| !v.is_empty() && !(k == "lang" && v == "nl"))
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    if q.is_empty() { path.to_string() } else { format!("{path}?{}", q.join("&")) }
}

/// The global parameters of the current URL, as pairs.
pub fn global_pairs(q: &ParamsMap) -> Vec<(String, String)> {
    GLOBAL_PARAMS.iter().filter_map(|k| q.get(k).map(|v| ((*k).to_string(), v))).collect()
}

/// The views with the filter bar (`FILTER_BAR_PARAMS`): a link from one to the other keeps the
/// filters (a gemeente chosen on Trends was gone on Doorlooptijden, one click later).
const FILTERED_VIEWS: [&str; 2] = ["/trends", "/doorlooptijden"];

/// A reactive href to `path` that keeps the global parameters (language, data source), and the
/// filters on a link to a view that has them.
pub fn use_href(path: &'static str) -> Signal<String> {
    let q = use_query_map();
    let filtered = FILTERED_VIEWS.contains(&path);
    let here = leptos_router::hooks::use_location().pathname;
    Signal::derive(move || {
        q.with(|q| {
            let mut pairs = global_pairs(q);
            // From one of the two views only (a `?gemeente=` on another page is not their filter).
            if filtered && here.with(|h| FILTERED_VIEWS.contains(&h.as_str())) {
                pairs.extend(FILTER_BAR_PARAMS.iter().filter_map(|k| q.get(k).map(|v| ((*k).to_string(), v))));
            }
            build(path, &pairs)
        })
    })
}

/// A reactive href to the current path with the language switched.
pub fn use_lang_switch_href() -> Signal<String> {
    let q = use_query_map();
    let loc = leptos_router::hooks::use_location();
    Signal::derive(move || {
        let path = loc.pathname.get();
        q.with(|q| {
            let current = q.get("lang").map(|l| Lang::from_code(&l)).unwrap_or_default();
            let mut pairs: Vec<(String, String)> = q.clone().into_iter().filter(|(k, _)| k != "lang").map(|(k, v)| (k.to_string(), v)).collect();
            pairs.insert(0, ("lang".into(), current.other().code().into()));
            build(&path, &pairs)
        })
    })
}

/// The view's filters, read from the URL (old gemeente codes harmonised when data is loaded).
pub fn use_filters() -> Memo<crate::analysis::filters::Filters> {
    let q = use_query_map();
    let loaded = super::data::use_loaded();
    Memo::new(move |_| {
        let data = loaded.get();
        let registry = data.as_ref().map(|d| &d.archive.gemeenten);
        q.with(|q| {
            let pairs: Vec<(String, String)> = q.clone().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            crate::analysis::filters::Filters::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), registry)
        })
    })
}

/// The chart the URL embeds (`?insluiten=<chart id>`, `analysis::embed`): the view then shows only
/// that chart, without the site's header, navigation and footer. A plain function of the query
/// map, not a memo of its own (one memo type less in the wasm).
pub fn embedded_chart(q: &ParamsMap) -> Option<String> {
    q.get(crate::analysis::embed::EMBED_PARAM).filter(|id| !id.is_empty())
}

/// All query pairs of the current URL, in order.
pub fn query_pairs(q: &ParamsMap) -> Vec<(String, String)> {
    q.clone().into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}
