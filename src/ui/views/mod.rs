//! One file per view (route).

pub mod cluster;
pub mod data_bronnen;
pub mod doorlooptijden;
pub mod dorp;
pub mod gemeente;
pub mod gemeenten;
pub mod not_found;
pub mod over;
pub mod overzicht;
pub mod trends;

use leptos::prelude::*;

use super::url::use_lang;
use crate::i18n::{texts, Lang};

/// Keep `document.title` in step with the view and language.
pub fn use_page_title(title: impl Fn(Lang) -> String + Send + Sync + 'static) {
    let lang = use_lang();
    Effect::new(move |_| {
        let l = lang.get();
        let full = format!("{} — {}", title(l), texts(l).shell.page_title_suffix);
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&full);
        }
    });
}
