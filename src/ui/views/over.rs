//! Over / methode (/over): what the Versterkingsmonitor is and is not, how every figure is traced
//! to its source, the honesty rules, the glossary, citing and downloading, privacy and licence.
//! Plain text from the catalogue (`i18n::over`); no data needed, so it shows even when the data
//! cannot be loaded. Its markup is mirrored by the static first paint (`ncg prerender`), so the
//! page reads without JavaScript and does not jump when the app takes over: change both together.

use leptos::prelude::*;

use super::data_bronnen::{para, sec};
use super::use_page_title;
use crate::i18n::{format, texts};
use crate::ui::url::{use_href, use_lang};
use crate::ui::dyn_view::dyn_view;


#[component]
pub fn Over() -> impl IntoView {
    let lang = use_lang();
    let here = use_href("/over");
    let data = use_href("/data");
    use_page_title(|l| texts(l).over.title.to_string());
    // One block per language change; the links follow the URL (language, data source).
    dyn_view(move || {
        let t = &texts(lang.get()).over;
        let toc = t
            .sections
            .iter()
            .map(|s| (s.id, s.title))
            .chain([("woordenlijst", t.glossary_title)])
            .map(|(id, title)| view! { <li><a href=move || format!("{}#{id}", here.get())>{title}</a></li> })
            .collect_view();
        let sections = t
            .sections
            .iter()
            .map(|s| {
                let mut children: Vec<AnyView> = s.paragraphs.iter().map(|p| para(p.to_string())).collect();
                if !s.points.is_empty() {
                    children.push(view! { <ul>{s.points.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul> }.into_any());
                }
                sec(s.id, s.title, children)
            })
            .collect_view();
        let glossary = view! {
            <dl data-testid="glossary">
                {t.glossary.iter().map(|(w, m)| view! {
                    <dt lang="nl" id=format::term_anchor(w)><strong>{*w}</strong></dt>
                    <dd class="term">{*m}</dd>
                }).collect_view()}
            </dl>
        }
        .into_any();
        view! {
            <h1>{t.title}</h1>
            <p class="lead">{t.intro}</p>
            <nav aria-label=texts(lang.get()).bronnen.toc_label><ul class="toc">{toc}</ul></nav>
            <div class="text-column">
                {sections}
                <p><a class="button secondary" href=move || data.get()>{t.see_data}</a></p>
                {sec("woordenlijst", t.glossary_title, vec![para(t.glossary_intro.into()), glossary])}
            </div>
        }
    })
}
