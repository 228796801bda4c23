//! Trends over time: monthly flows from published periods and cumulative stocks, the "is it going
//! up or down" rule, the stock per phase (queues), targets against realisation, a forecast of when
//! the work is done, revisions between publications, and the three answers of the Overzicht.
//!
//! Reading order: [`observe`] (which published numbers count, per filter and vintage) →
//! [`flows`] (published periods plus differences between levels, as pieces of time with a count) →
//! [`tiling`] (which pieces are drawn when periods overlap; exact tilings of a window) →
//! [`rates`] and [`rolling`] (per-month rates, rolling means) → [`trend_rule`] → [`forecast`].
//! The view models are built by [`flow_chart`], [`stock_phases`], [`targets`], [`forecast_chart`],
//! [`revisions`] and [`overzicht`]; [`page`] bundles everything the Trends view shows.
//!
//! Every function is pure and native; hand-checked examples from the sources are in the unit
//! tests next to each concept and in `tests/trends_*.rs`.

pub mod coverage;
pub mod flow_chart;
pub mod flows;
pub mod forecast;
pub mod forecast_chart;
pub mod levels;
pub mod markers;
pub mod milestones;
pub mod observe;
pub mod overzicht;
pub mod page;
pub mod rates;
pub mod revisions;
pub mod rolling;
pub mod sorting;
pub mod stock_phases;
pub mod targets;
pub mod tiling;
pub mod trend_rule;

#[cfg(test)]
pub(crate) mod testkit;
