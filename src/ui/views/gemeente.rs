//! GemeentePage (being built).

use leptos::prelude::*;

use super::use_page_title;
use crate::i18n::texts;
use crate::ui::url::use_lang;

#[component]
pub fn GemeentePage() -> impl IntoView {
    let lang = use_lang();
    use_page_title(|l| texts(l).gemeenten.title.to_string());
    move || {
        let t = texts(lang.get());
        view! {
            <h1>{t.gemeenten.title}</h1>
            <p>{t.shell.view_placeholder}</p>
        }
    }
}
