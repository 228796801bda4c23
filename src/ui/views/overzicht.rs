//! Overzicht (home): the headline answers and the first chart.

use leptos::prelude::*;

use super::use_page_title;
use crate::analysis::norm_chart;
use crate::analysis::select::Vintage;
use crate::data::breakdown::Breakdown;
use crate::i18n::texts;
use crate::analysis::chart::Chart;
use crate::ui::chart_frame::ChartFrame;
use crate::ui::data::with_data;
use crate::ui::url::use_lang;

#[component]
pub fn Overzicht() -> impl IntoView {
    let lang = use_lang();
    use_page_title(|l| texts(l).shell.nav_overzicht.to_string());
    view! {
        <h1>{move || texts(lang.get()).shell.nav_overzicht}</h1>
        <p class="lead">{move || texts(lang.get()).shell.tagline}</p>
        {with_data(move |loaded| {
            let chart = Signal::derive(move || Chart::Time(norm_chart::build(&loaded.archive, &Breakdown::default(), Vintage::Latest, lang.get())));
            view! { <ChartFrame chart=chart/> }
        })}
    }
}
