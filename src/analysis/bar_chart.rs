//! The view model of a bar chart: categories (gemeenten, phases, years, batches) × series,
//! grouped or stacked, horizontal for long category names. Small counts below gemeente level are
//! hidden ("×") in the model itself, so the picture, table and tooltip all show it.

use super::chart::{ChartMeta, Tooltip};
use super::table::{Cell, Column, Row, TableModel};
use super::time_chart::Provenance;
use crate::data::observation::Flag;
use crate::i18n::{format, labels, texts, Lang};

#[derive(Clone, Debug, PartialEq)]
pub struct BarValue {
    pub value: f64,
    /// What the reader sees: "1.398", "29%", "×" (hidden).
    pub display: String,
    pub suppressed: bool,
    pub provenance: Option<Provenance>,
    /// What the CSV keeps beside the plain number, where the shown text says more than the
    /// number: the date of a gemeente's value ("15-02-2023"), the end of a part of a period ("t/m
    /// 31-03-2021"), how many addresses a median is of ("n = 45"). The CSV wrote only 15815 and
    /// 485, of 2023 and 2020, as if of one moment.
    pub qualifier: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BarSeries {
    pub key: String,
    pub label: String,
    pub style: usize,
    /// One value per category; `None` = no figure published.
    pub values: Vec<Option<BarValue>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarLayout {
    /// Series side by side within a category.
    Grouped,
    /// Series on top of each other (parts of a whole).
    Stacked,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub meta: ChartMeta,
    /// Stable keys of the categories (e.g. GM1979), for tests and links.
    pub category_keys: Vec<String>,
    pub categories: Vec<String>,
    pub series: Vec<BarSeries>,
    pub layout: BarLayout,
    /// Bars run left to right with category names on the left (good for long names and phones).
    pub horizontal: bool,
    /// The value axis label ("adressen", "% van de werkvoorraad").
    pub value_label: String,
    /// A fixed maximum for the value axis (shared scale across small multiples), if any.
    pub fixed_max: Option<f64>,
}

impl BarChart {
    /// Does a drawn bar hold a figure the source gave only roughly ("ruim 5.000")? Such a bar has
    /// an open marker at its end, with a legend item that says so, as a rough point of a line has.
    pub fn has_approximate(&self) -> bool {
        self.series.iter().any(|s| s.values.iter().flatten().any(is_approximate))
    }

    /// Does a drawn bar hold a figure we derived ("2.250 (afgeleid)")? Such a bar has an open
    /// square at its end, with a legend item, as a derived period bar of a time chart has.
    pub fn has_derived(&self) -> bool {
        self.series.iter().any(|s| s.values.iter().flatten().any(is_derived))
    }

    /// Largest bar (sum of the stack when stacked).
    pub fn max_value(&self) -> f64 {
        let n = self.categories.len();
        (0..n)
            .map(|i| {
                let vals = self.series.iter().filter_map(|s| s.values.get(i).and_then(Option::as_ref)).map(|v| v.value);
                match self.layout {
                    BarLayout::Stacked => vals.sum::<f64>(),
                    BarLayout::Grouped => vals.fold(0.0, f64::max),
                }
            })
            .fold(0.0, f64::max)
    }

    pub fn table(&self, lang: Lang) -> TableModel {
        let t = &texts(lang).shell;
        let mut columns = vec![Column { label: t.col_category.to_string(), numeric: false, title: None }];
        columns.extend(self.series.iter().map(|s| Column { label: s.label.clone(), numeric: true, title: None }));
        let rows = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut cells = vec![Cell::text(c.clone())];
                for s in &self.series {
                    cells.push(match s.values.get(i).and_then(Option::as_ref) {
                        Some(v) if v.suppressed => Cell::hidden(lang),
                        // A figure we derived or that the source gave roughly says so here too,
                        // as it does in the tooltip: "2.250 (afgeleid)", "589 (29%, afgeleid)".
                        Some(v) => {
                            let flag = v.provenance.as_ref().map(|p| p.flag).filter(|f| *f != Flag::Published);
                            let text = match flag {
                                Some(f) => match v.display.strip_suffix(')') {
                                    Some(head) => format!("{head}, {})", labels::flag(f, lang)),
                                    None => format!("{} ({})", v.display, labels::flag(f, lang)),
                                },
                                None => v.display.clone(),
                            };
                            // The CSV: the plain number, and in the column beside it what the
                            // screen says beside it that the number alone would lose. A rough
                            // figure its "≈" (a CSV wrote 14500 as if exact), a derived one its word
                            // and how, as its tooltip says ("afgeleid: Naar rato van 4.000 per jaar
                            // (5/12)."; the CSV dropped the mark the screen's table has), a value
                            // its date or the end of its part of a period ("15-02-2023", "t/m
                            // 31-03-2021"; the CSV held Eemsdelta's 15815 of 2023 beside Oldambt's
                            // 485 of 2020 as if of one day). Synthetic figures say nothing: the
                            // file's first line says it. (These were in the number's own field,
                            // "15815 (15-02-2023)": text a spreadsheet could not compute with.)
                            let word = match (flag, v.provenance.as_ref().map(|p| p.note.as_str()).filter(|n| !n.is_empty())) {
                                (Some(Flag::Approximate) | Some(Flag::Synthetic) | None, _) => None,
                                (Some(f), Some(note)) if f == Flag::Derived => Some(format!("{}: {note}", labels::flag(f, lang))),
                                (Some(f), _) => Some(labels::flag(f, lang).to_string()),
                            };
                            let cell = Cell::num(text, v.value).rough(flag == Some(Flag::Approximate), lang);
                            v.qualifier.iter().cloned().chain(word).fold(cell, Cell::noted)
                        }
                        None => Cell::text("–"),
                    });
                }
                Row { attrs: vec![("category".into(), self.category_keys.get(i).cloned().unwrap_or_default())], cells }
            })
            .collect();
        TableModel { caption: format!("{} {}", self.meta.title, t.table_caption_suffix), columns, rows }
    }

    /// The table as downloaded: after the figures, for every series the publication and the
    /// place in it of the row's figure, as a time chart's CSV has them per row (a researcher had
    /// the targets' CSV with only the file's source line: which of the 14 publications gave which
    /// target?). None for a hidden count.
    pub fn table_with_sources(&self, lang: Lang) -> TableModel {
        let t = &texts(lang).shell;
        let mut table = self.table(lang);
        for s in &self.series {
            for what in [t.col_publication, t.col_source] {
                table.columns.push(Column { label: format!("{what} ({})", s.label), numeric: false, title: None });
            }
        }
        for (i, row) in table.rows.iter_mut().enumerate() {
            for s in &self.series {
                let p = s.values.get(i).and_then(Option::as_ref).filter(|v| !v.suppressed).and_then(|v| v.provenance.as_ref());
                row.cells.push(Cell::text(p.map(|p| p.publication_title.clone()).unwrap_or_default()));
                row.cells.push(Cell::text(p.map(|p| p.source.clone()).unwrap_or_default()));
            }
        }
        table
    }

    pub fn tooltip(&self, series: usize, category: usize, lang: Lang) -> Option<Tooltip> {
        let s = self.series.get(series)?;
        let v = s.values.get(category)?.as_ref()?;
        // A hidden count says what its mark means: "× (verborgen)".
        let value = if v.suppressed { format!("{} ({})", v.display, texts(lang).shell.hidden) } else { v.display.clone() };
        let mut lines = vec![s.label.clone(), value];
        if let Some(p) = &v.provenance {
            lines.push(p.source_line(lang));
            if !p.source.is_empty() {
                lines.push(p.source.clone());
            }
            lines.push(labels::flag(p.flag, lang).to_string());
            // The source's own remark, as the time charts' tooltips give it (not for a suppressed
            // count: a remark must not carry what "×" hides).
            if !p.note.is_empty() && !v.suppressed {
                lines.push(p.note.clone());
            }
        }
        Some(Tooltip { title: self.categories.get(category)?.clone(), style: Some(s.style), lines })
    }
}

/// A drawn bar of a figure the source gave only roughly (a hidden "×" is not drawn).
pub fn is_approximate(v: &BarValue) -> bool {
    !v.suppressed && v.provenance.as_ref().is_some_and(|p| p.flag == Flag::Approximate)
}

/// A drawn bar of a figure we derived from published ones.
pub fn is_derived(v: &BarValue) -> bool {
    !v.suppressed && v.provenance.as_ref().is_some_and(|p| p.flag == Flag::Derived)
}

/// A count as shown below gemeente level: hidden ("×", the one mark of a hidden count on every
/// page) when 1 to 4 addresses.
pub fn suppressed_count(n: u64, lang: Lang) -> BarValue {
    if n < 5 && n > 0 {
        BarValue { value: 0.0, display: format::HIDDEN.into(), suppressed: true, provenance: None, qualifier: None }
    } else {
        BarValue { value: n as f64, display: format::int(n as f64, lang), suppressed: false, provenance: None, qualifier: None }
    }
}
