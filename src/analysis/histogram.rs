//! The view model of a histogram: lead times, ages of open cases. Bins are chosen for reading
//! (months), the last bin may be open-ended so the tail stays visible, and reference lines mark
//! the median and other percentiles.

use super::chart::{ChartMeta, Tooltip};
use super::table::{Cell, Column, Row, TableModel};
use crate::i18n::{format, texts, Lang};

#[derive(Clone, Debug, PartialEq)]
pub struct Bin {
    /// Lower edge (inclusive), in the unit of the x axis (e.g. months).
    pub lo: f64,
    /// Upper edge (exclusive); for an open-ended last bin the edge the bar is drawn to.
    pub hi: f64,
    pub count: u64,
    /// "12–18 mnd", "≥ 60 mnd".
    pub label: String,
    /// Hidden ("×") instead of the count: a small number below gemeente level, or a second bin
    /// hidden so that it cannot be worked out from the total.
    pub suppressed: bool,
}

/// A vertical line over the histogram (median, 90th percentile, a guideline).
#[derive(Clone, Debug, PartialEq)]
pub struct VLine {
    pub x: f64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HistogramChart {
    pub meta: ChartMeta,
    /// "doorlooptijd in maanden".
    pub x_label: String,
    /// "adressen".
    pub y_label: String,
    pub bins: Vec<Bin>,
    pub lines: Vec<VLine>,
    /// Palette index.
    pub style: usize,
    /// Key figures as (label, value) pairs, shown beside the chart and in the table caption area:
    /// n, coverage, mean, median, percentiles.
    pub stats: Vec<(String, String)>,
}

impl HistogramChart {
    pub fn total(&self) -> u64 {
        self.bins.iter().map(|b| b.count).sum()
    }
    pub fn max_count(&self) -> u64 {
        self.bins.iter().map(|b| b.count).max().unwrap_or(0)
    }

    pub fn table(&self, lang: Lang) -> TableModel {
        let t = &texts(lang).shell;
        let total = self.total().max(1) as f64;
        let columns = vec![
            Column { label: self.x_label.clone(), numeric: false, title: None },
            Column { label: self.y_label.clone(), numeric: true, title: None },
            Column { label: t.col_share.to_string(), numeric: true, title: None },
        ];
        let rows = self
            .bins
            .iter()
            .map(|b| {
                let (count, share) = if b.suppressed {
                    (Cell::hidden(lang), Cell::text("–"))
                } else {
                    let pct = b.count as f64 / total * 100.0;
                    (Cell::num(format::int(b.count as f64, lang), b.count as f64), Cell::num(format::pct(pct, 1, lang), pct))
                };
                Row { attrs: vec![("bin".into(), format!("{}", b.lo))], cells: vec![Cell::text(b.label.clone()), count, share] }
            })
            .collect();
        TableModel { caption: format!("{} {}", self.meta.title, t.table_caption_suffix), columns, rows }
    }

    pub fn tooltip(&self, bin: usize, lang: Lang) -> Option<Tooltip> {
        let b = self.bins.get(bin)?;
        let total = self.total().max(1) as f64;
        let value = if b.suppressed {
            format!("{} {} ({})", format::HIDDEN, self.y_label, texts(lang).shell.hidden)
        } else {
            format!("{} {} ({})", format::int(b.count as f64, lang), self.y_label, format::pct(b.count as f64 / total * 100.0, 1, lang))
        };
        let mut lines = vec![value];
        if self.meta.estimated {
            lines.push(texts(lang).shell.estimate_note.to_string());
        }
        Some(Tooltip { title: b.label.clone(), style: Some(self.style), lines })
    }
}
