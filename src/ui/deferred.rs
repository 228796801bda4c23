//! A part of a view rendered a few turns of the event loop later than the rest.
//!
//! A view with several charts and tables (Trends) built its whole page in one task after the data
//! had arrived: about 400–560 ms of main thread at the 4× CPU slowdown with which Lighthouse
//! emulates a phone, all of it "blocking time" for a tap. Its lower sections now come in
//! separate tasks, so the browser paints the top and can answer input in between. Doorlooptijden
//! does the same with its sections below the first chart. The order of
//! the page does not change: each part has its place from the start (an empty, hidden element
//! marked `data-pending`, which the end-to-end tests wait for to be gone), and parts only ever
//! appear below what is on screen, so nothing shifts.

use leptos::prelude::*;

use super::address_data::next_tick;
use super::dyn_view::{dyn_view, DynView};

/// The element the URL's fragment (`#prognose`) names, if it is on the page.
fn hash_target() -> Option<web_sys::Element> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    window.document()?.get_element_by_id(id)
}

/// After a navigation to an address with a fragment, once the new view is there: scroll to it.
/// The router scrolled before the view was rendered, so a link from another page to a section
/// ("/over#herleiden" in the footer, "/over#csv" under every chart) opened the page at the top
/// (a review). Sections in a deferred part are scrolled to by that part ([`deferred`]).
pub fn scroll_to_hash_soon() {
    leptos::task::spawn_local(async {
        next_tick().await;
        if let Some(target) = hash_target() {
            target.scroll_into_view();
        }
    });
}

/// `build`'s view after `turns` turns of the event loop. `build` runs once, untracked: the part
/// reacts to signals through the blocks inside it, like any other view.
pub fn deferred<V: IntoAny + 'static>(turns: u32, build: impl FnOnce() -> V + Send + 'static) -> DynView {
    deferred_any(turns, Box::new(move || build().into_any()))
}

/// The work of [`deferred`], compiled once for all its callers (one boxed type instead of one copy
/// of the task and the view block per call site: smaller wasm).
#[inline(never)]
fn deferred_any(turns: u32, build: Box<dyn FnOnce() -> AnyView + Send>) -> DynView {
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        for _ in 0..turns {
            next_tick().await;
        }
        // The view may be gone by now (the reader navigated on): then there is nothing to show.
        let before = hash_target();
        // Nobody scrolled yet: a link from another view to a section above the deferred parts
        // (the Overzicht's "/trends?mijlpaal=afgerond#stroom") was left at the top of the page,
        // as the router scrolled before the view was there (a task-based review).
        let at_top = web_sys::window().and_then(|w| w.scroll_y().ok()) == Some(0.0);
        if ready.try_set(true).is_none() && (before.is_none() || at_top) {
            // A link to a section in this part (`/trends#prognose` from the Overzicht) could not
            // be followed while the part was not there: follow it once it is rendered.
            leptos::task::tick().await;
            if let Some(target) = hash_target() {
                target.scroll_into_view();
            }
        }
    });
    let mut build = Some(build);
    dyn_view(move || {
        // Only `ready` is tracked, and it changes once: this block renders twice at most.
        match (ready.get(), build.take()) {
            (true, Some(b)) => untrack(b).into_any(),
            (false, b) => {
                build = b;
                view! { <div data-pending="" hidden></div> }.into_any()
            }
            (true, None) => ().into_any(),
        }
    })
}
