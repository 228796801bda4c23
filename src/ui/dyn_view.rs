//! One type for every reactive block of the interface, to keep the wasm bundle small.
//!
//! tachys instantiates its render-effect machinery (build, rebuild, mount, unmount, …) once per
//! closure type, and every `move || view! { … }` is a type of its own: that was the largest part
//! of the bundle. Boxing each block as `Box<dyn FnMut() -> AnyView + Send>` gives the whole app a
//! single instantiation; the view inside is type-erased once with `into_any()`. Rendering is the
//! same: the block re-runs when a signal it reads changes, and replaces or rebuilds its content.

use leptos::prelude::*;

/// A reactive block of view, type-erased.
pub type DynView = Box<dyn FnMut() -> AnyView + Send>;

/// Box a reactive block (`move || view! { … }`) as a [`DynView`].
pub fn dyn_view<V: IntoAny + 'static>(mut f: impl FnMut() -> V + Send + 'static) -> DynView {
    Box::new(move || f().into_any())
}
