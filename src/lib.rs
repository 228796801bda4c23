//! Versterkingsmonitor Groningen.
//!
//! Data flows one way, and the modules show it:
//!
//! ```text
//! public/data/*.csv, manifest.json
//!   → data      (parse → typed model; strict, with line/column errors)
//!   → analysis  (pure functions → view models: series, bins, rows, summaries)
//!   → charts    (plotters drawing code, generic over the backend: canvas or SVG)
//!   → ui        (leptos components; browser only)
//! ```
//!
//! `i18n` (the translation catalogue and number/date formatting) is used by every layer.
//! Everything except `ui` compiles natively and imports neither leptos nor web-sys.

pub mod analysis;
pub mod charts;
pub mod data;
pub mod i18n;
#[cfg(not(target_arch = "wasm32"))]
pub mod synthetic;

#[cfg(target_arch = "wasm32")]
pub mod ui;
