//! Header, navigation, footer and the page frame around every view.

use leptos::prelude::*;
use leptos_router::components::A;

use super::data::{use_data, LoadState};
use super::url::{embedded_chart, query_pairs, use_href, use_lang, use_lang_switch_href};
use crate::analysis::provenance::publisher_label;
use crate::i18n::{format, texts};
use crate::ui::dyn_view::dyn_view;

/// The main navigation's routes, and the position of Gemeenten among them.
const NAV_ROUTES: [&str; 6] = ["/", "/trends", "/doorlooptijden", "/gemeenten", "/data", "/over"];
const NAV_GEMEENTEN: usize = 3;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let lang = use_lang();
    let q = leptos_router::hooks::use_query_map();
    // A memo: the header re-renders when the embed mode changes, not on every filter change.
    let embed_memo = Memo::new(move |_| q.with(|q| embedded_chart(q).is_some()));
    let embed = move || embed_memo.get();
    // <html lang> follows the interface language; <html data-embed> marks the embed view (the
    // style sheet then shows only the embedded chart; the static first paint sets it too).
    Effect::new(move |_| {
        let code = lang.get().code();
        let embedded = embed();
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = el.set_attribute("lang", code);
            let _ = if embedded { el.set_attribute("data-embed", "") } else { el.remove_attribute("data-embed") };
        }
    });
    let home = use_href("/");
    let switch = use_lang_switch_href();
    // The drill-down pages (/gemeente/…) belong to the Gemeenten section: its item is marked as the
    // current section, `aria-current="true"` (not "page": it is not that page; the breadcrumbs
    // name the page). Only the look said so: a screen reader heard no current item there.
    // Plain links rather than `<A>` (which says "page" or nothing); the router follows them alike,
    // and their address starts with the router's base, as `<A>`'s did.
    let location = leptos_router::hooks::use_location();
    let in_section = move |i: usize| i == NAV_GEMEENTEN && location.pathname.with(|p| p.contains("/gemeente/"));
    let base = super::app::router_base();
    let hrefs = NAV_ROUTES.map(|r| {
        let (href, base) = (use_href(r), base.clone());
        Signal::derive(move || format!("{base}{}", href.get()))
    });
    // "page" where the link's own path is the current one (as `<A>` marks it).
    let current = move |i: usize| {
        let own = hrefs.get(i).is_some_and(|h| h.with(|h| location.pathname.with(|p| h.split('?').next().unwrap_or_default().trim_end_matches('/') == p.trim_end_matches('/'))));
        if own { Some("page") } else { in_section(i).then_some("true") }
    };
    // This effect clears what the share button said (ui::share) on every navigation, filters
    // included: the address it copied was the previous one. (The navigation no longer scrolls
    // sideways on a phone, style/main.css: nothing to scroll into view.)
    let share_status = RwSignal::new(String::new());
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        lang.track();
        share_status.set(String::new());
    });
    // A new page (not a filter change on the same one): follow the address's fragment.
    Effect::new(move |before: Option<String>| {
        let now = location.pathname.get();
        if before.is_some_and(|b| b != now) {
            super::deferred::scroll_to_hash_soon();
        }
        now
    });
    // One reactive block per language change (coarse-grained: small wasm, same result).
    let top = dyn_view(move || {
        let l = lang.get();
        let t = &texts(l).shell;
        if embed() {
            // The embed view: one line with the name and a link to the full page, opened outside
            // the frame; no navigation, language switch or footer.
            let full = q.with(|q| super::url::build(&location.pathname.get(), &crate::analysis::embed::full_page_pairs(&query_pairs(q))));
            return view! {
                <header class="embed-header">
                    <a class="embed-brand" href=full.clone() target="_blank" rel="noopener">{t.app_name}</a>
                    <a href=full target="_blank" rel="noopener">{t.embed_full_page}<span class="sr-only">{t.embed_new_window}</span></a>
                    <p class="embed-missing" data-testid="embed-missing">{t.embed_missing}</p>
                </header>
            }
            .into_any();
        }
        let labels = [t.nav_overzicht, t.nav_trends, t.nav_doorlooptijden, t.nav_gemeenten, t.nav_data, t.nav_over];
        let other = l.other().code();
        view! {
            <a class="skip-link" href="#inhoud" target="_self" on:click=skip_to_main>{t.skip_to_content}</a>
            <header class="site-header">
                <div class="brand">
                    <A href=move || home.get() attr:class="brand-name">{t.app_name}</A>
                    <p class="tagline">{t.tagline}</p>
                </div>
                <div class="header-actions">
                    {super::share::share_button(l, share_status)}
                    <a class="lang-switch" href=move || switch.get() hreflang=other aria-label=t.switch_language_label lang=other>
                        {t.switch_language}
                    </a>
                </div>
            </header>
            <nav class="site-nav" aria-label=t.nav_label>
                <ul>
                    {hrefs.into_iter().zip(labels).enumerate().map(|(i, (href, label))| view! {
                        <li class:section-current=move || in_section(i)><a href=move || href.get() aria-current=move || current(i)>{label}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
        }
        .into_any()
    });
    view! {
        {top}
        <DemoBanner/>
        <main id="inhoud" tabindex="-1">{children()}</main>
        <Footer/>
    }
}

/// The skip link moves focus to `<main>` itself. Left to the router, `href="#inhoud"` resolved
/// against `<base href="/">` navigated to the Overzicht ("/#inhoud") from every other view and
/// dropped the query (found by the keyboard walk, tests/e2e/keyboard.test.mjs). `target="_self"`
/// makes the router leave the click alone; this handler then cancels the browser's navigation.
fn skip_to_main(e: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    let main = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("inhoud"));
    if let Some(main) = main.and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok()) {
        e.prevent_default();
        let _ = main.focus();
        main.scroll_into_view();
    }
}

/// The footer's line that says, on paper, when and from where the page was printed.
const PRINTED_FROM_ID: &str = "afgedrukt";

#[component]
fn Footer() -> impl IntoView {
    let lang = use_lang();
    let d = use_data();
    let over = use_href("/over");
    // No footer in the embed view (`analysis::embed`): the chart's frame has its own source line.
    let q = leptos_router::hooks::use_query_map();
    let loc = leptos_router::hooks::use_location();
    let embedded = Memo::new(move |_| q.with(|q| embedded_chart(q).is_some()));
    // On paper: the date and the address the page was printed from, written when printing starts
    // (a printed page is read later, when the figures may have changed).
    // (Found by its id rather than a `NodeRef`: a node reference of a new element type costs
    // the bundle a copy of leptos's generic code.)
    let before_print = window_event_listener_untyped("beforeprint", move |_| {
        let Some(l) = lang.try_get_untracked() else { return };
        let Some(window) = web_sys::window() else { return };
        let (Some(p), Ok(url)) = (window.document().and_then(|d| d.get_element_by_id(PRINTED_FROM_ID)), window.location().href()) else { return };
        p.set_text_content(Some(&(texts(l).shell.printed_from)(&format::date(super::address_data::today(), l), &url)));
    });
    on_cleanup(move || before_print.remove());
    let latest = move || {
        let t = &texts(lang.get()).shell;
        match d.state.get() {
            LoadState::Ready(l) => match l.archive.latest_publication() {
                // The title as published (Dutch), marked so on the English page (WCAG 3.1.2).
                Some(p) => (format!("{} ", t.footer_latest), crate::analysis::provenance::publication_title(p, lang.get()), format!(" ({}, {})", publisher_label(p, lang.get()), format::date(p.peildatum, lang.get()))),
                None => (t.footer_no_data.to_string(), String::new(), String::new()),
            },
            _ => (t.footer_no_data.to_string(), String::new(), String::new()),
        }
    };
    dyn_view(move || {
        if embedded.get() {
            return None;
        }
        let t = &texts(lang.get()).shell;
        // On a view of the demonstration's or the reader's own address data, the footer says so
        // (it said "publications of NCG and SodM" under synthetic figures).
        // (Not when that data could not be loaded: the page then shows the published figures,
        // and the footer called them "het synthetische demonstratiebestand".)
        let failed = matches!(super::address_data::use_address_data().state.get(), super::address_data::AddressState::Failed(_));
        let here = crate::analysis::drilldown::paths::shows_address_data(&loc.pathname.get()) && !failed;
        let source = match q.with(|q| q.get(crate::analysis::filters::Q_BRON)).as_deref() {
            Some(super::address_data::BRON_DEMO) if here => t.footer_source_demo,
            Some(super::address_data::BRON_EIGEN) if here => t.footer_source_own,
            _ => t.footer_source,
        };
        Some(view! {
            <footer class="site-footer">
                <p data-testid="footer-source">{source}</p>
                <p data-testid="latest-publication">{let (a, title, b) = latest(); view! { {a}<span lang="nl">{title}</span>{b} }}</p>
                // Not on paper: a link to follow on screen (and one line less under a page's
                // content, which put the footer alone on a last page more than once).
                <p class="no-print">{t.footer_open_source} " " <a href=format!("{}#herleiden", over.get())>{t.footer_method}</a></p>
                <p class="print-only" id=PRINTED_FROM_ID data-testid="printed-from"></p>
            </footer>
        })
    })
}

/// Persistent banner while synthetic demonstration data is active (`bron=demo`), on every view.
#[component]
fn DemoBanner() -> impl IntoView {
    let lang = use_lang();
    let q = leptos_router::hooks::use_query_map();
    let loc = leptos_router::hooks::use_location();
    let state = super::address_data::use_address_data().state;
    dyn_view(move || {
        let demo = q.with(|q| q.get("bron").as_deref() == Some(super::address_data::BRON_DEMO));
        if !demo {
            return None;
        }
        let all = texts(lang.get());
        let t = &all.shell;
        let path = loc.pathname.get();
        let exit = q.with(|q| {
            let pairs: Vec<(String, String)> = q.clone().into_iter().filter(|(k, _)| k != "bron").map(|(k, v)| (k.to_string(), v)).collect();
            super::url::build(&path, &pairs)
        });
        // Overzicht, Trends and Over show only published figures: there the banner says so, and
        // that the demonstration is on, instead of "you are viewing synthetic data".
        let here = crate::analysis::drilldown::paths::shows_address_data(&path);
        let (label, say, more, leave) = if here {
            (t.demo_banner_short, t.demo_banner, "", t.demo_exit)
        } else {
            (all.bronnen.demo_title, t.demo_on, t.published_only, all.bronnen.demo_exit)
        };
        let (status, failed) = match state.get() {
            super::address_data::AddressState::Loading => (Some(t.demo_loading), false),
            super::address_data::AddressState::Failed(_) => (Some(t.demo_failed), true),
            _ => (None, false),
        };
        // On paper, the demonstration's mark at the top of every page (style/main.css: a fixed
        // element is printed on each page): a printed dorp page was 15 pages, and those with only
        // the clusters' and streets' tables had no "synthetisch" on them. Only where the page
        // shows the demonstration (not when it failed and the page shows published figures).
        let mark = (here && !failed).then(|| view! { <p class="print-only demo-print-mark" data-testid="demo-print-mark">{t.demo_stamp}</p> });
        // In an embedded chart, one short line and no way out: the link to the published figures
        // opened the page without the chart inside the other site's frame, and at 400×300 the
        // long banner filled the frame. The chart's own stamp says the rest.
        if q.with(|q| super::url::embedded_chart(q).is_some()) {
            return Some(view! {
                <aside class="demo-banner" aria-label=t.demo_banner_short data-testid="demo-banner" data-here="embedded">
                    <p>{t.demo_banner_short}</p>
                    {status.map(|s| view! { <p role="status">{s}</p> })}
                    {mark}
                </aside>
            }
            .into_any());
        }
        Some(view! {
            // A named complementary landmark, so that the warning is not content outside every landmark.
            <aside class="demo-banner" aria-label=label data-testid="demo-banner" data-here=here.to_string()>
                <p>{say} " " {more}</p>
                {status.map(|s| view! { <p role="status">{s}</p> })}
                <p><a href=exit>{leave}</a></p>
                {mark}
            </aside>
        }
        .into_any())
    })
}
