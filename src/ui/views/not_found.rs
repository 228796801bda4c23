//! Fallback for unknown routes.

use leptos::prelude::*;

use super::use_page_title;
use crate::i18n::texts;
use crate::ui::url::{use_href, use_lang};
use crate::ui::dyn_view::dyn_view;

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let home = use_href("/");
    use_page_title(|l| texts(l).shell.not_found_title.to_string());
    view! {
        <h1>{dyn_view(move || texts(lang.get()).shell.not_found_title)}</h1>
        <p>{dyn_view(move || texts(lang.get()).shell.not_found_body)}</p>
        <p><a href=move || home.get()>{dyn_view(move || texts(lang.get()).shell.back_home)}</a></p>
    }
}
