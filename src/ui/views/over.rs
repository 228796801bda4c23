//! Over view (being built).

use leptos::prelude::*;

use super::use_page_title;
use crate::i18n::texts;
use crate::ui::url::use_lang;

#[component]
pub fn Over() -> impl IntoView {
    let lang = use_lang();
    use_page_title(|l| texts(l).shell.nav_over.to_string());
    view! {
        <h1>{move || texts(lang.get()).shell.nav_over}</h1>
        <p>{move || texts(lang.get()).shell.view_placeholder}</p>
    }
}
