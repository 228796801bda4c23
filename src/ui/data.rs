//! The loaded data as app-wide context, and the one place that renders the loading and error
//! states, so every view shows them the same way.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::loader::{self, LoadError, Loaded};
use super::url::use_lang;
use crate::i18n::{texts, Lang};
use crate::ui::dyn_view::dyn_view;

#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading { done: usize, total: usize },
    Ready(Arc<Loaded>),
    Failed(LoadError),
}

#[derive(Clone, Copy)]
pub struct DataContext {
    pub state: RwSignal<LoadState>,
    /// Incremented by the retry button; loading re-runs when it changes.
    pub attempt: RwSignal<u32>,
}

/// Provide the context and start loading (again on every retry).
pub fn provide_data() {
    let state = RwSignal::new(LoadState::Loading { done: 0, total: 0 });
    let attempt = RwSignal::new(0u32);
    provide_context(DataContext { state, attempt });
    Effect::new(move |_| {
        attempt.track();
        state.set(LoadState::Loading { done: 0, total: 0 });
        spawn_local(async move {
            let result = loader::load(move |done, total| state.set(LoadState::Loading { done, total })).await;
            // The files were parsed in a task of their own (ui::loader); render them in the next,
            // so that parsing and the first render are not one long task that blocks a tap
            // (Lighthouse's total blocking time).
            super::address_data::next_tick().await;
            // The static first paint goes now, before the views render the data in this same task
            // (ui::boot): one change on screen. The charts draw a task or a few later (ui::draw_queue).
            super::boot::remove();
            state.set(match result {
                Ok(l) => LoadState::Ready(Arc::new(l)),
                Err(e) => LoadState::Failed(e),
            });
        });
    });
}

pub fn use_data() -> DataContext {
    // Provided by App before any view renders; a fresh, empty context keeps a mistake visible
    // (endless loading) instead of panicking.
    use_context::<DataContext>().unwrap_or_else(|| DataContext {
        state: RwSignal::new(LoadState::Loading { done: 0, total: 0 }),
        attempt: RwSignal::new(0),
    })
}

/// The loaded data once ready.
pub fn use_loaded() -> Signal<Option<Arc<Loaded>>> {
    let d = use_data();
    Signal::derive(move || match d.state.get() {
        LoadState::Ready(l) => Some(l),
        _ => None,
    })
}

fn error_lines(e: &LoadError, lang: Lang) -> Vec<String> {
    let nl = lang == Lang::Nl;
    match e {
        LoadError::Http { file, status } => vec![if nl {
            format!("{file}: de server antwoordde met status {status}{}", if *status == 404 { " (bestand niet gevonden)" } else { "" })
        } else {
            format!("{file}: the server answered with status {status}{}", if *status == 404 { " (file not found)" } else { "" })
        }],
        LoadError::Network { file, message } => vec![if nl {
            format!("{file}: geen verbinding ({message})")
        } else {
            format!("{file}: no connection ({message})")
        }],
        LoadError::Data(ds) => ds.iter().take(20).map(|d| d.render(lang)).collect(),
    }
}

/// Render `ready` once the data is loaded; a progress indication before, an error panel with a
/// retry button on failure.
pub fn with_data<V: IntoView + 'static>(ready: impl Fn(Arc<Loaded>) -> V + Send + Sync + 'static) -> impl IntoView {
    let d = use_data();
    let lang = use_lang();
    dyn_view(move || {
        let t = &texts(lang.get()).shell;
        match d.state.get() {
            LoadState::Loading { done, total } => view! {
                <div class="loading" role="status" aria-live="polite">
                    <p>{t.loading}</p>
                    <progress max=total.max(1).to_string() value=done.to_string()></progress>
                    <p class="muted">{(t.loading_files)(done, total.max(1))}</p>
                </div>
            }
            .into_any(),
            LoadState::Failed(e) => {
                let lines = error_lines(&e, lang.get());
                view! {
                    <div class="error-panel" role="alert">
                        <h2>{t.load_error_title}</h2>
                        <p>{t.load_error_intro}</p>
                        <ul class="diagnostics">{lines.into_iter().map(|l| view! { <li><code>{l}</code></li> }).collect_view()}</ul>
                        <button class="button" on:click=move |_| d.attempt.update(|a| *a += 1)>{t.retry}</button>
                    </div>
                }
                .into_any()
            }
            LoadState::Ready(l) => ready(l).into_any(),
        }
    })
}
