//! The filter bar every view can reuse: labelled `<select>`s for gemeente, batch, risicoprofiel,
//! eigenaar, period and vintage. It offers only values that occur in the data
//! (`analysis::trends::coverage::filter_options`), reads the filters with `url::use_filters` and
//! writes them to the URL — keeping the view's own parameters (`?mijlpaal=…`), the language and
//! the data source. No history entry per change, no scrolling.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

use super::url::{build, use_filters, use_lang};
use crate::analysis::filters::{Filters, FILTER_BAR_PARAMS};
use crate::analysis::select::Vintage;
use crate::analysis::trends::coverage::{FilterOptions, Fixed};
use crate::data::breakdown::{Eigenaar, Risicoprofiel};
use crate::data::date::Month;
use crate::data::gemeente::GemeenteCode;
use crate::i18n::{labels, selection, texts};
use crate::ui::dyn_view::dyn_view;

/// Layout of the bar (kept here so the component works without extra stylesheet rules).
const BAR_STYLE: &str = "display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;border:1px solid #d0d0d0;border-top:0;border-radius:0 0 6px 6px;padding:.5rem .75rem .75rem;margin:0;min-width:0";
const FIELD_STYLE: &str = "display:flex;flex-direction:column;align-items:flex-start;gap:.15rem;font-size:.9rem;max-width:100%;margin:.25rem 0";
const SELECT_STYLE: &str = "font:inherit;padding:.3rem .4rem;max-width:100%;min-width:7rem";

/// Replace query parameters (an empty value removes one), keeping all others.
pub fn use_set_params() -> impl Fn(&[(&str, String)]) + Clone + Send + Sync + 'static {
    let q = use_query_map();
    let loc = use_location();
    let navigate = use_navigate();
    move |changes: &[(&str, String)]| {
        let path = loc.pathname.get_untracked();
        let mut pairs: Vec<(String, String)> = q.with_untracked(|q| q.clone().into_iter().map(|(k, v)| (k.to_string(), v)).collect());
        for (k, v) in changes {
            pairs.retain(|(pk, _)| pk != k);
            if !v.is_empty() {
                pairs.push(((*k).to_string(), v.clone()));
            }
        }
        navigate(&build(&path, &pairs), leptos_router::NavigateOptions { replace: true, scroll: false, ..Default::default() });
    }
}

/// Write new filters, keeping every parameter that is not a filter.
fn write(set: &(impl Fn(&[(&str, String)]) + Clone), f: &Filters) {
    let q = f.to_query();
    let get = |k: &str| q.iter().find(|(qk, _)| qk == k).map(|(_, v)| v.clone()).unwrap_or_default();
    set(&FILTER_BAR_PARAMS.map(|k| (k, get(k))));
}

/// One labelled select. `options` are (value, label); the current value is marked selected when
/// rendered and kept in step with the URL afterwards. Not generic (a `Signal` and a boxed
/// handler), so every select of the app shares one instantiation of this view.
pub fn select_field(id: &'static str, label: String, options: Vec<(String, String)>, value: Signal<String>, on_change: Box<dyn Fn(String) + Send + Sync>) -> impl IntoView {
    let now = value.get_untracked();
    view! {
        <label for=id style=FIELD_STYLE>
            <span>{label}</span>
            <select id=id style=SELECT_STYLE prop:value=value on:change=move |ev| on_change(event_target_value(&ev))>
                {options.into_iter().map(|(v, l)| {
                    let selected = v == now;
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// A field that offers no choice (`FilterOptions::fixed`): its label and its one value as text,
/// where a select held only "alle" ("Batch: niet gepubliceerd").
fn fixed_field(label: &str, fixed: Fixed, none_published: &str) -> AnyView {
    let value = match fixed {
        Fixed::NotPublished => none_published.to_string(),
        Fixed::Year(y) => y.to_string(),
    };
    view! { <p style=FIELD_STYLE data-testid="filter-fixed"><span>{label.to_string()}</span><strong>{value}</strong></p> }.into_any()
}

/// Below this width (px) the bar starts folded: on a 360 px phone its eight fields filled the
/// whole first screen, above the chart the reader came for.
const FOLD_BELOW_PX: f64 = 640.0;

/// Whether the window is narrower than [`FOLD_BELOW_PX`] (false when it cannot be told).
fn narrow_window() -> bool {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_some_and(|w| w < FOLD_BELOW_PX)
}

/// The filter bar, in a `<details>` whose summary says the selection in one line
/// (`i18n::selection`): open on wider screens, folded on a phone, and on paper only the line.
/// The fields re-render only when the language changes; the selects and the line follow the URL.
#[component]
pub fn FilterBar(options: FilterOptions) -> impl IntoView {
    let lang = use_lang();
    let filters = use_filters();
    let names = options.gemeenten.clone();
    // One block (ui::dyn_view) for the whole line: two reactive texts of their own cost 7 KB of wasm.
    let line = dyn_view(move || {
        let l = lang.get();
        let text = filters.with(|f| selection::summary(f, &names, l));
        view! { <strong>{texts(l).trends.filter.legend}</strong>": "<span data-testid="selection-summary">{text}</span> }
    });
    view! {
        <details class="filter-panel" data-testid="filter-panel" open=!narrow_window()>
            <summary>{line}</summary>
            {fields(options)}
        </details>
    }
}

/// The fields of the bar: one select per filter and the reset button.
fn fields(options: FilterOptions) -> impl IntoView {
    let lang = use_lang();
    let filters = use_filters();
    let set = use_set_params();
    dyn_view(move || {
        let l = lang.get();
        let t = &texts(l).trends.filter;
        let f0 = filters.get_untracked();
        // A field whose options would all show the same figures is said, not offered.
        let fx = options.fixed(&f0);
        let np = t.none_published;
        let all = || (String::new(), t.all.to_string());
        let with_current = |mut v: Vec<(String, String)>, cur: Option<String>| {
            if let Some(c) = cur.filter(|c| !v.iter().any(|(x, _)| x == c)) {
                v.push((c.clone(), format!("{c} ({})", t.none_published)));
            }
            v
        };
        let gemeenten = with_current(
            std::iter::once(all()).chain(options.gemeenten.iter().map(|(c, n)| (c.to_string(), n.clone()))).collect(),
            f0.gemeente.map(|g| g.to_string()),
        );
        let batches = with_current(std::iter::once(all()).chain(options.batches.iter().map(|b| (b.clone(), crate::i18n::labels::batch(b, l)))).collect(), f0.batch.clone());
        let risico: Vec<(String, String)> =
            std::iter::once(all()).chain(options.risicoprofielen.iter().map(|r| (r.as_str().to_string(), labels::risicoprofiel(*r, l).to_string()))).collect();
        let risico = with_current(risico, f0.risicoprofiel.filter(|r| !options.risicoprofielen.contains(r)).map(|r| r.as_str().to_string()));
        let eigenaar: Vec<(String, String)> =
            std::iter::once(all()).chain(options.eigenaren.iter().map(|e| (e.as_str().to_string(), labels::eigenaar(*e, l).to_string()))).collect();
        let eigenaar = with_current(eigenaar, f0.eigenaar.filter(|e| !options.eigenaren.contains(e)).map(|e| e.as_str().to_string()));
        let years: Vec<i32> = options.years.map(|(a, b)| (a..=b).collect()).unwrap_or_default();
        let year_opts = |suffix: &str| -> Vec<(String, String)> {
            std::iter::once((String::new(), t.all_years.to_string())).chain(years.iter().map(|y| (format!("{y}-{suffix}"), y.to_string()))).collect()
        };
        let vintage = vec![(Vintage::Latest.code().to_string(), t.latest.to_string()), (Vintage::FirstPublished.code().to_string(), t.first.to_string())];
        let batch_label = if options.batches.is_empty() { format!("{} ({})", t.batch, t.none_published) } else { t.batch.to_string() };

        let (s1, s2, s3, s4, s5, s6, s7, s8) = (set.clone(), set.clone(), set.clone(), set.clone(), set.clone(), set.clone(), set.clone(), set.clone());
        view! {
            <fieldset class="filter-bar" style=BAR_STYLE data-testid="filter-bar">
                // The summary above says "Selectie" on screen; the legend names the group for
                // assistive technology.
                <legend class="sr-only">{t.legend}</legend>
                {match fx[0] { Some(x) => fixed_field(t.gemeente, x, np), None => select_field("filter-gemeente", t.gemeente.to_string(), gemeenten, Signal::derive(move || filters.with(|f| f.gemeente.map(|g| g.to_string()).unwrap_or_default())),
                    Box::new(move |v| { let mut f = filters.get_untracked(); f.gemeente = GemeenteCode::parse(&v); write(&s1, &f); })).into_any() }}
                {match fx[1] { Some(x) => fixed_field(t.batch, x, np), None => select_field("filter-batch", batch_label, batches, Signal::derive(move || filters.with(|f| f.batch.clone().unwrap_or_default())),
                    Box::new(move |v| { let mut f = filters.get_untracked(); f.batch = (!v.is_empty()).then_some(v); write(&s2, &f); })).into_any() }}
                {match fx[2] { Some(x) => fixed_field(t.risico, x, np), None => select_field("filter-risico", t.risico.to_string(), risico, Signal::derive(move || filters.with(|f| f.risicoprofiel.map(|r| r.as_str().to_string()).unwrap_or_default())),
                    Box::new(move |v| { let mut f = filters.get_untracked(); f.risicoprofiel = Risicoprofiel::parse(&v); write(&s3, &f); })).into_any() }}
                {match fx[3] { Some(x) => fixed_field(t.eigenaar, x, np), None => select_field("filter-eigenaar", t.eigenaar.to_string(), eigenaar, Signal::derive(move || filters.with(|f| f.eigenaar.map(|e| e.as_str().to_string()).unwrap_or_default())),
                    Box::new(move |v| { let mut f = filters.get_untracked(); f.eigenaar = Eigenaar::parse(&v); write(&s4, &f); })).into_any() }}
                {match fx[4] { Some(x) => fixed_field(t.from, x, np), None => select_field("filter-van", t.from.to_string(), year_opts("01"), Signal::derive(move || filters.with(|f| f.from.map(|m| format!("{}-01", m.year())).unwrap_or_default())),
                    Box::new(move |v| { let mut f = filters.get_untracked(); f.from = Month::parse(&v).ok(); write(&s5, &f); })).into_any() }}
                {match fx[5] { Some(x) => fixed_field(t.to, x, np), None => select_field("filter-tot", t.to.to_string(), year_opts("12"), Signal::derive(move || filters.with(|f| f.to.map(|m| format!("{}-12", m.year())).unwrap_or_default())),
                    Box::new(move |v| { let mut f = filters.get_untracked(); f.to = Month::parse(&v).ok(); write(&s6, &f); })).into_any() }}
                {select_field("filter-versie", t.vintage.to_string(), vintage, Signal::derive(move || filters.with(|f| f.vintage.code().to_string())),
                    Box::new(move |v| { let mut f = filters.get_untracked(); f.vintage = Vintage::from_code(&v); write(&s7, &f); }))}
                <button type="button" class="button secondary" on:click=move |_| write(&s8, &Filters::default())>{t.reset}</button>
            </fieldset>
        }
    })
}
