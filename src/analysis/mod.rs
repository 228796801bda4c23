//! Layer 2: pure functions from the typed model to view models (series, bins, rows, sentences).
//! No I/O, no browser; every function is tested natively.

pub mod export;
pub mod norm_chart;
pub mod provenance;
pub mod select;
pub mod time_chart;
