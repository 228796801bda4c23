//! Search for a gemeente (old names included) or a dorp and go there: an ARIA 1.2 combobox —
//! a labelled input with a list of results below it, operable with the keyboard (arrow keys to
//! choose, Enter to go, Escape to close) and announced through a live region.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::url::build;
use crate::analysis::drilldown::search::{EntryKind, SearchIndex};
use crate::data::gemeente::Registry;
use crate::i18n::{format, texts, Lang};
use crate::ui::dyn_view::dyn_view;

const MAX_HITS: usize = 8;

/// One shown result: (name, hint, path).
fn hits(index: &SearchIndex, registry: &Registry, q: &str, lang: Lang) -> Vec<(String, String, String)> {
    let t = &texts(lang).gemeenten;
    let name_of = |c| registry.get(c).map(|g| g.name.clone()).unwrap_or_default();
    index
        .find(q, MAX_HITS)
        .into_iter()
        .map(|e| {
            let hint = match &e.kind {
                EntryKind::Gemeente => t.hit_gemeente.to_string(),
                EntryKind::Merged { since } => (t.hit_merged)(&name_of(e.code), &since.map(|d| format::date(d, lang)).unwrap_or_default()),
                EntryKind::Alias => (t.hit_alias)(&name_of(e.code)),
                EntryKind::Dorp => (t.hit_dorp)(&name_of(e.code)),
            };
            (e.name.clone(), hint, e.path.clone())
        })
        .collect()
}

/// The search box. `id` must be unique on the page; `keep` is the query every result link keeps.
pub fn search_box(id: &'static str, index: Arc<SearchIndex>, registry: Arc<Registry>, keep: Vec<(String, String)>, lang: Lang) -> impl IntoView {
    let t = &texts(lang).gemeenten;
    let query = RwSignal::new(String::new());
    // The query the list is shown for: empty while the list is closed (after Escape or leaving
    // the field). A second `String` signal rather than a `bool` one keeps the bundle smaller.
    let listed = RwSignal::new(String::new());
    let active = RwSignal::new(None::<usize>);
    let navigate = use_navigate();
    let list_id = format!("{id}-list");
    let hint_id = format!("{id}-hint");
    let (i2, k2) = (Arc::clone(&index), keep.clone());
    let go = move |path: &str| navigate(&build(path, &k2), Default::default());
    let go2 = go.clone();
    let on_key = move |e: ev::KeyboardEvent| {
        if listed.with_untracked(String::is_empty) && e.key() == "ArrowDown" {
            listed.set(query.get_untracked());
        }
        let q = listed.get_untracked();
        let n = i2.find(&q, MAX_HITS).len();
        match e.key().as_str() {
            "ArrowDown" if n > 0 => {
                e.prevent_default();
                active.set(Some(active.get_untracked().map(|a| (a + 1) % n).unwrap_or(0)));
            }
            "ArrowUp" if n > 0 => {
                e.prevent_default();
                active.set(Some(active.get_untracked().map(|a| (a + n - 1) % n).unwrap_or(n - 1)));
            }
            "Enter" => {
                let h = i2.find(&query.get_untracked(), MAX_HITS);
                if let Some(hit) = h.get(active.get_untracked().unwrap_or(0)) {
                    e.prevent_default();
                    let p = hit.path.clone();
                    query.set(String::new());
                    listed.set(String::new());
                    active.set(None);
                    go(&p);
                }
            }
            "Escape" => {
                // First Escape closes the list, the second clears the field.
                if listed.with_untracked(String::is_empty) {
                    query.set(String::new());
                }
                listed.set(String::new());
                active.set(None);
            }
            _ => {}
        }
    };
    let (list_id2, hint_id2) = (list_id.clone(), hint_id.clone());
    let results = dyn_view(move || {
        let q = listed.get();
        let shown = hits(&index, &registry, &q, lang);
        let act = active.get();
        let count = if q.trim().is_empty() { String::new() } else if shown.is_empty() { t.search_none.to_string() } else { (t.search_count)(shown.len()) };
        let go = go2.clone();
        let items = shown
            .into_iter()
            .enumerate()
            .map(|(i, (name, hint, path))| {
                let go = go.clone();
                let href = build(&path, &keep);
                view! {
                    <li role="option" id=format!("{id}-opt-{i}") aria-selected=if act == Some(i) { "true" } else { "false" }
                        class:active=act == Some(i)
                        on:mousedown=move |e: ev::MouseEvent| { e.prevent_default(); query.set(String::new()); listed.set(String::new()); go(&path); }>
                        <a href=href tabindex="-1"><strong>{name}</strong>" "<span class="muted">{hint}</span></a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ul role="listbox" id=list_id2.clone() class="search-results" aria-label=t.search_label>{items}</ul>
            <p class="sr-only" role="status" aria-live="polite">{count}</p>
        }
    });
    let expanded = move || if listed.with(|q| q.trim().is_empty()) { "false" } else { "true" };
    let descendant = move || active.get().map(|i| format!("{id}-opt-{i}"));
    view! {
        <div class="search-box" data-testid="search-box">
            <label for=id>{t.search_label}</label>
            <input id=id type="text" role="combobox" autocomplete="off" spellcheck="false"
                aria-autocomplete="list" aria-controls=list_id aria-describedby=hint_id aria-expanded=expanded
                aria-activedescendant=descendant placeholder=t.search_placeholder
                prop:value=move || query.get()
                on:input=move |e| { let v = event_target_value(&e); listed.set(v.clone()); query.set(v); active.set(None); }
                on:focus=move |_| listed.set(query.get_untracked())
                on:blur=move |_| { listed.set(String::new()); active.set(None); }
                on:keydown=on_key/>
            // How to choose: with the arrow keys, or on a touch screen by tapping (one of the two
            // spans shows, style/main.css; a phone said "Kies met de pijltjestoetsen").
            <p class="muted search-hint" id=hint_id2>{t.search_hint}" "<span class="hint-keys">{t.search_hint_keys}</span><span class="hint-touch">{t.search_hint_touch}</span></p>
            {results}
        </div>
    }
}
