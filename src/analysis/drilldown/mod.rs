//! Drill-downs: from all gemeenten to one gemeente, its dorpen, clusters and streets, and its
//! breakdowns by batch, risicoprofiel, eigenaar and bijzondere categorie.
//!
//! Reading order: [`harmonise`] (a gemeente's series within today's boundaries) →
//! [`comparison`] (the gemeenten side by side, [`sort`] kept in the URL, [`small_multiples`]) and
//! [`reconcile`] (do the gemeenten add up to the total?) and [`coverage`] (what is published per
//! gemeente at all). Below gemeente level everything comes from address-level data:
//! [`areas`] counts, [`suppression`] hides small counts so that none can be recovered by
//! subtraction, [`hierarchy`] applies it level by level, and the page models are
//! [`gemeente_page`], [`dorp`] and [`cluster`] (with [`spread`] and [`lead`]). Navigation:
//! [`paths`], [`resolve`] (old codes and names), [`breadcrumbs`], [`search`].

pub mod areas;
pub mod breadcrumbs;
pub mod cluster;
pub mod comparison;
pub mod coverage;
pub mod dorp;
pub mod forecast;
pub mod gemeente_page;
pub mod harmonise;
pub mod hierarchy;
pub mod lead;
pub mod paths;
pub mod reconcile;
pub mod resolve;
pub mod search;
pub mod small_multiples;
pub mod sort;
pub mod spread;
pub mod suppression;
pub mod tables;

#[cfg(test)]
pub(crate) mod testkit;
