//! Header, navigation, footer and the page frame around every view.

use leptos::prelude::*;
use leptos_router::components::A;

use super::data::{use_data, LoadState};
use super::url::{use_href, use_lang, use_lang_switch_href};
use crate::i18n::{format, texts};

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let lang = use_lang();
    let t = move || &texts(lang.get()).shell;
    // <html lang> follows the interface language.
    Effect::new(move |_| {
        let code = lang.get().code();
        if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = el.set_attribute("lang", code);
        }
    });
    let home = use_href("/");
    let nav = [
        ("/", use_href("/"), 0usize),
        ("/trends", use_href("/trends"), 1),
        ("/doorlooptijden", use_href("/doorlooptijden"), 2),
        ("/gemeenten", use_href("/gemeenten"), 3),
        ("/data", use_href("/data"), 4),
        ("/over", use_href("/over"), 5),
    ];
    let label = move |i: usize| {
        let t = t();
        [t.nav_overzicht, t.nav_trends, t.nav_doorlooptijden, t.nav_gemeenten, t.nav_data, t.nav_over][i.min(5)]
    };
    let switch = use_lang_switch_href();
    view! {
        <a class="skip-link" href="#inhoud">{move || t().skip_to_content}</a>
        <header class="site-header">
            <div class="brand">
                <A href=move || home.get() attr:class="brand-name">{move || t().app_name}</A>
                <p class="tagline">{move || t().tagline}</p>
            </div>
            <a class="lang-switch" href=move || switch.get() hreflang=move || lang.get().other().code()
               aria-label=move || t().switch_language_label lang=move || lang.get().other().code()>
                {move || t().switch_language}
            </a>
        </header>
        <nav class="site-nav" aria-label=move || t().nav_label>
            <ul>
                {nav.into_iter().map(|(path, href, i)| view! {
                    <li><A href=move || href.get() exact={path == "/"}>{move || label(i)}</A></li>
                }).collect_view()}
            </ul>
        </nav>
        <main id="inhoud" tabindex="-1">{children()}</main>
        <Footer/>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let lang = use_lang();
    let d = use_data();
    let over = use_href("/over");
    let latest = move || {
        let t = &texts(lang.get()).shell;
        match d.state.get() {
            LoadState::Ready(l) => match l.archive.latest_publication() {
                Some(p) => format!("{} {} ({}, {})", t.footer_latest, p.title, p.publisher, format::date(p.peildatum, lang.get())),
                None => t.footer_no_data.to_string(),
            },
            _ => t.footer_no_data.to_string(),
        }
    };
    view! {
        <footer class="site-footer">
            <p>{move || texts(lang.get()).shell.footer_source}</p>
            <p data-testid="latest-publication">{latest}</p>
            <p>{move || texts(lang.get()).shell.footer_open_source} " " <a href=move || over.get()>{move || texts(lang.get()).shell.footer_method}</a></p>
        </footer>
    }
}
