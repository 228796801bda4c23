//! Layer 2: pure functions from the typed model to view models (series, bins, rows, sentences).
//! No I/O, no browser; every function is tested natively.

pub mod archive_download;
pub mod bar_chart;
pub mod chart;
pub mod coverage;
pub mod derive;
pub mod drilldown;
pub mod embed;
pub mod export;
pub mod filters;
pub mod histogram;
pub mod html;
pub mod lead_time_exact;
pub mod lead_times;
pub mod norm_chart;
pub mod provenance;
pub mod select;
pub mod table;
pub mod time_chart;
pub mod trends;
