//! Doorlooptijden (lead times): per step the distribution of the days it took, the trend per
//! completion quarter, SodM's published means, and how long the open cases have been waiting.
//! Exact from address data (`?bron=demo` or a loaded file), estimated from published figures
//! otherwise. Everything is computed into one `analysis::lead_times::page::Page` from the URL and
//! the data (the trend chart apart, when its section renders a task later); the sections only
//! render it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

use super::use_page_title;
use crate::analysis::chart::Chart;
use crate::analysis::filters::{Filters, Q_CLUSTER, Q_DORP};
use crate::analysis::lead_time_exact::Transition;
use crate::analysis::lead_times::address_filter::{cluster_options, dorp_options};
use crate::analysis::lead_times::estimate::step_code;
use crate::analysis::lead_times::page::{self, AddressInput, Choice, Mode, PageInput, Q_COHORT, Q_FASE, Q_STAP};
use crate::analysis::lead_times::{transition_label, Stat};
use crate::analysis::trends::coverage::{self, filter_options};
use crate::i18n::{format, texts, Lang};
use crate::ui::address_data::{use_address_data, use_address_set, AddressSet, AddressState, BRON_DEMO};
use crate::ui::chart_frame::{cell_text, scroll_table, ChartFrame};
use crate::ui::deferred::deferred;
use crate::ui::data::{use_data, with_data, LoadState};
use crate::ui::filter_bar::{select_field, use_set_params, FilterBar};
use crate::ui::loader::Loaded;
use crate::ui::url::{build, use_filters, use_href, use_lang};
use crate::ui::dyn_view::dyn_view;

const NOTICE_STYLE: &str = "background:#eef4fb;border-left:4px solid #1f5f99;padding:.5rem .75rem;margin:.75rem 0";
const STATS_STYLE: &str = "display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.25rem 1rem;margin:.5rem 0 1rem";
const CONTROLS_STYLE: &str = "display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end";

#[component]
pub fn Doorlooptijden() -> impl IntoView {
    let lang = use_lang();
    use_page_title(|l| texts(l).doorlooptijden.title.to_string());
    // While the demonstration (or the reader's file) loads, no published estimates under its
    // banner, as on the Gemeenten and gemeente pages: for a second the demo's page and its embed
    // showed NCG's estimate ("Schatting voor 14.576 adressen … Bron: SodM") under "Synthetische
    // demonstratiedata", and a screenshot or download then held real figures marked synthetic.
    // The hidden `data-pending` says the page is not complete yet (as `ui::deferred` does).
    let set = use_address_set();
    let state = use_address_data().state;
    let loading = move || set.with(Option::is_none) && matches!(state.get(), AddressState::Loading);
    view! {
        <h1>{dyn_view(move || texts(lang.get()).doorlooptijden.title)}</h1>
        // Before the data: the static first paint (ncg prerender) shows the same heading and lead.
        <p class="lead">{dyn_view(move || texts(lang.get()).doorlooptijden.lead)}</p>
        {source_notice()}
        {dyn_view(move || if loading() { view! { <div data-pending hidden></div> }.into_any() } else { with_data(body).into_any() })}
    }
}

/// Source notice: exact data, loading, or the invitation to view the demo / load a file. Its text
/// needs no data, so it shows at once (the static first paint, `ncg prerender`, has the same block
/// when the URL asks for no address data); the notices about unpublished filter values follow when
/// the archive has loaded.
fn source_notice() -> impl IntoView {
    let lang = use_lang();
    let filters = use_filters();
    let q = use_query_map();
    let loc = use_location();
    let set_addr = use_address_set();
    let addr_state = use_address_data().state;
    let data_href = use_href("/data");
    let d = use_data();
    let demo_href = move || {
        let path = loc.pathname.get();
        let mut pairs: Vec<(String, String)> = q.with(|q| q.clone().into_iter().filter(|(k, _)| k != "bron").map(|(k, v)| (k.to_string(), v)).collect());
        pairs.push(("bron".into(), BRON_DEMO.into()));
        build(&path, &pairs)
    };
    dyn_view(move || {
        let t = &texts(lang.get()).doorlooptijden;
        if let Some(s) = set_addr.get() {
            let title = s.derived.publications.first().map(|p| crate::analysis::provenance::publication_title(p, lang.get())).unwrap_or_default();
            return view! {
                <p class="notice-info" data-testid="source-notice" data-mode="exact">
                    {(t.exact_intro)(&title, &format::int(s.addresses.len() as f64, lang.get()), &format::date(s.reference, lang.get()))}
                </p>
            }
            .into_any();
        }
        let loading = addr_state.with(|s| *s == AddressState::Loading);
        // Which filter values NCG does not publish (the estimate then has no series).
        let missing = match d.state.get() {
            LoadState::Ready(loaded) => filters.with(|f| coverage::notices(&loaded.archive, f, lang.get())),
            _ => Vec::new(),
        };
        view! {
            <div class="notice-info" data-testid="source-notice" data-mode="estimated">
                {loading.then(|| view! { <p role="status">{t.address_loading}</p> })}
                <p>{t.published_intro}</p>
                {missing.into_iter().map(|n| view! { <p role="status" data-testid="notice">{n}</p> }).collect_view()}
                <p>
                    <a href=demo_href data-testid="demo-link">{t.invite_demo}</a>
                    {format!(" {} ", t.invite_or)}
                    <a href=move || data_href.get()>{t.invite_load}</a>
                    "."
                </p>
            </div>
        }
        .into_any()
    })
}

/// The key figures beside a chart, readable by tests (`data-stat`, `data-value`). A hidden count
/// ("×") is read out as `hidden` ("verborgen").
fn stats_view(stats: Vec<Stat>, testid: &'static str, caption: &'static str, hidden: &'static str) -> impl IntoView {
    view! {
        <dl class="stats" data-testid=testid aria-label=caption style=STATS_STYLE>
            {stats.into_iter().map(|s| view! {
                <div data-stat=s.key data-value=s.value.map(format::plain)>
                    <dt class="muted">{s.label}</dt>
                    <dd style="margin:0;font-weight:600">{cell_text(s.display.clone(), (s.display == format::HIDDEN).then(|| hidden.to_string()))}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// What the page is computed from, as signals: the view model and the trend chart read the same.
#[derive(Clone, Copy)]
struct Inputs {
    filters: Memo<Filters>,
    set_addr: Signal<Option<Arc<AddressSet>>>,
    choice: Memo<Choice>,
    lang: Memo<Lang>,
}

impl Inputs {
    /// Read every input (tracked) and hand the page's input to `compute`.
    fn with<R>(self, loaded: &Loaded, compute: impl FnOnce(&PageInput<'_>) -> R) -> R {
        let filters = self.filters.get();
        let set = self.set_addr.get();
        let address = set.as_ref().map(|s| AddressInput { addresses: &s.addresses, derived: &s.derived, reference: s.reference, synthetic: s.is_demo() });
        compute(&PageInput { archive: &loaded.archive, address, filters: &filters, choice: self.choice.get(), lang: self.lang.get() })
    }
}

fn body(loaded: Arc<Loaded>) -> impl IntoView {
    let lang = use_lang();
    let l = lang.get_untracked();
    let t = &texts(l).doorlooptijden;
    let filters = use_filters();
    let q = use_query_map();
    let set = use_set_params();
    let set_addr = use_address_set();

    let choice = Memo::new(move |_| {
        q.with(|q| {
            let pairs: Vec<(String, String)> = q.clone().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            Choice::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        })
    });
    let inputs = Inputs { filters, set_addr, choice, lang };
    let data = loaded.clone();
    // The whole view model: recomputed when the URL, the address data or the language changes.
    let model = Memo::new_with_compare(move |_| inputs.with(&data, page::build_without_trend), |_, _| true);
    // The trend chart, further down: computed when its section (a later task) first reads it.
    let trend_data = loaded.clone();
    let trend = Memo::new_with_compare(move |_| inputs.with(&trend_data, page::trend), |_, _| true);
    // The estimator against the real answer: synthetic data only, once per data set and language.
    let archive_v = loaded.clone();
    let validation = Memo::new(move |_| {
        let set = set_addr.get()?;
        set.is_demo().then(|| page::validation_table(&set.addresses, &set.derived, &archive_v.archive, lang.get()))
    });

    // The published archive's filter options, or the address data's (derived) when active.
    let published_options = filter_options(&loaded.archive);
    let options = move || set_addr.with(|s| s.as_ref().map(|s| filter_options(&s.derived))).unwrap_or_else(|| published_options.clone());

    // Dorp and cluster: address data only (NCG publishes nothing below gemeente level).
    let (s_dorp, s_cluster, s_cohort, s_step, s_fase) = (set.clone(), set.clone(), set.clone(), set.clone(), set);
    let filter_block = dyn_view(move || {
        let bar = view! { <FilterBar options=options()/> };
        let Some(s) = set_addr.get() else { return view! { {bar} }.into_any() };
        let l = lang.get();
        let all = texts(l).trends.filter.all.to_string();
        let f = filters.get_untracked();
        let opts = |v: Vec<String>| std::iter::once((String::new(), all.clone())).chain(v.into_iter().map(|x| (x.clone(), x))).collect::<Vec<_>>();
        let dorpen = opts(dorp_options(&s.addresses, &f));
        let clusters = opts(cluster_options(&s.addresses, &f));
        let (a, b) = (s_dorp.clone(), s_cluster.clone());
        let t = &texts(l).doorlooptijden;
        view! {
            {bar}
            <div style=CONTROLS_STYLE data-testid="area-filters">
                {select_field("filter-dorp", t.filter_dorp.to_string(), dorpen, Signal::derive(move || filters.with(|f| f.dorp.clone().unwrap_or_default())),
                    Box::new(move |v| a(&[(Q_DORP, v), (Q_CLUSTER, String::new())])))}
                {select_field("filter-cluster", t.filter_cluster.to_string(), clusters, Signal::derive(move || filters.with(|f| f.cluster.clone().unwrap_or_default())),
                    Box::new(move |v| b(&[(Q_CLUSTER, v)])))}
            </div>
        }
        .into_any()
    });

    // Which addresses (address data only) and which step.
    let cohort_select = dyn_view(move || {
        let s = set_addr.get()?;
        let l = lang.get();
        let t = &texts(l).doorlooptijden;
        let options = vec![(String::new(), (t.cohort_all_option)(&format::date(s.reference, l))), ("sodm".to_string(), t.cohort_sodm_option.to_string())];
        let set = s_cohort.clone();
        Some(select_field("cohort", t.cohort_label.to_string(), options, Signal::derive(move || choice.with(|c| c.cohort.code().unwrap_or_default().to_string())),
            Box::new(move |v| set(&[(Q_COHORT, v)]))))
    });
    let step_options: Vec<(String, String)> = Transition::ALL.iter().map(|tr| (step_code(*tr).to_string(), transition_label(*tr, l).to_string())).collect();
    let fase_options: Vec<(String, String)> = (1..=5u8).map(|k| (k.to_string(), crate::analysis::lead_times::open_ages::fase_label(&loaded.archive, k, l))).collect();

    // Coarse blocks: each section re-renders as a whole when the model changes; the controls stay.
    // The answer in a few lines, then every step's figures; the step select after them, above the
    // one step's chart it chooses (it stood above the table, which it does not change).
    let overview_block = dyn_view(move || {
        model.with(|m| {
            let t = &texts(lang.get_untracked()).doorlooptijden;
            let mode = if m.mode == Mode::Exact { "exact" } else { "estimated" };
            view! {
                {(!m.answer.is_empty()).then(|| view! {
                    <div class="short-answer" data-testid="short-answer">
                        <h3>{t.answer_heading}</h3>
                        <ul>{m.answer.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view()}</ul>
                    </div>
                })}
                {scroll_table(m.overview.clone(), None, Some("overview"), Some(mode), None)}
                <p class="muted">{if m.mode == Mode::Exact { t.percentile_note } else { t.estimate_note }}</p>
            }
        })
    });
    let steps_block = dyn_view(move || {
        model.with(|m| {
            let l = lang.get_untracked();
            let t = &texts(l).doorlooptijden;
            view! {
                {m.step_missing.clone().map(|msg| view! { <p role="status" style=NOTICE_STYLE data-testid="step-missing">{msg}</p> })}
                {m.step_chart.clone().map(|c| view! {
                    <ChartFrame chart=Chart::Histogram(c)/>
                    {stats_view(m.step_stats.clone(), "step-stats", t.stats_caption, texts(l).shell.hidden)}
                })}
            }
        })
    });
    let trend_block = dyn_view(move || match trend.with(|c| c.clone().filter(|c| !c.is_empty())) {
        Some(c) => view! { <ChartFrame chart=Chart::Time(c)/> }.into_any(),
        None => view! { <p role="status" style=NOTICE_STYLE data-testid="trend-missing">{texts(lang.get_untracked()).shell.no_data}</p> }.into_any(),
    });
    let sodm_block = dyn_view(move || model.with(|m| m.sodm.clone().map(|c| view! { <ChartFrame chart=Chart::Bars(c)/> })));
    let open_chart_block = move || {
        model.with(|m| {
            let all = texts(lang.get_untracked());
            let t = &all.doorlooptijden;
            m.open_chart.clone().map(|c| view! {
                <ChartFrame chart=Chart::Histogram(c)/>
                {stats_view(m.open_stats.clone(), "open-stats", t.stats_caption, all.shell.hidden)}
            })
        })
    };
    let open_block = dyn_view(move || {
        let t = &texts(lang.get()).doorlooptijden;
        match model.with(|m| m.open_overview.clone()) {
            None => view! { <p style=NOTICE_STYLE data-testid="open-needs-addresses">{t.open_needs_addresses}</p> }.into_any(),
            Some(c) => {
                let set = s_fase.clone();
                view! {
                    <ChartFrame chart=Chart::Bars(c)/>
                    {select_field("fase", t.fase_label.to_string(), fase_options.clone(), Signal::derive(move || choice.with(|c| c.fase.to_string())),
                        Box::new(move |v: String| set(&[(Q_FASE, if v == page::DEFAULT_FASE.to_string() { String::new() } else { v })])))}
                    {open_chart_block}
                }
                .into_any()
            }
        }
    });
    let validation_block = dyn_view(move || {
        validation.get().map(|table| {
            let t = &texts(lang.get()).doorlooptijden;
            view! {
                <section id="toets" aria-labelledby="toets-kop">
                    <h2 id="toets-kop">{t.section_validation}</h2>
                    <p>{t.validation_intro}</p>
                    {scroll_table(table, None, Some("validation"), None, None)}
                </section>
            }
        })
    });

    view! {
        {filter_block}
        <section id="stappen" aria-labelledby="stappen-kop">
            <h2 id="stappen-kop">{t.section_steps}</h2>
            {cohort_select}
            {overview_block}
            <div style=CONTROLS_STYLE>
                {select_field("stap", t.step_label.to_string(), step_options, Signal::derive(move || step_code(choice.with(|c| c.step)).to_string()),
                    Box::new(move |v| s_step(&[(Q_STAP, if v == step_code(page::DEFAULT_STEP) { String::new() } else { v })])))}
            </div>
            {steps_block}
        </section>
        // The lower sections follow in their own tasks (ui::deferred), as on Trends: the page with
        // its five charts was built in one task of ~270 ms at Lighthouse's 4× CPU slowdown.
        {deferred(1, move || view! {
            <section id="trend" aria-labelledby="trend-kop">
                <h2 id="trend-kop">{t.section_trend}</h2>
                {trend_block}
            </section>
        })}
        {deferred(2, move || view! {
            <section id="sodm" aria-labelledby="sodm-kop">
                <h2 id="sodm-kop">{t.section_sodm}</h2>
                {sodm_block}
            </section>
        })}
        {deferred(3, move || view! {
            <section id="open" aria-labelledby="open-kop">
                <h2 id="open-kop">{t.section_open}</h2>
                {open_block}
            </section>
            {validation_block}
        })}
    }
}
