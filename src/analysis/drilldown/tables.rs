//! Protected area rows as tables (HTML and CSV): counts as shown ("×" for hidden cells), the
//! median waiting time in months.

use super::areas::{AreaRow, Columns};
use crate::analysis::derive::{Count, Wait};
use crate::analysis::table::{Cell, Column, Row, TableModel};
use crate::i18n::{format, texts, Lang};

/// A shown count as a cell: the number, or "×" (hidden).
pub fn count_cell(c: Count, lang: Lang) -> Cell {
    match c {
        Count::Exact(v) => Cell::num(format::int(v as f64, lang), v as f64),
        Count::Suppressed => Cell::hidden(lang),
    }
}

/// A shown count in a sentence: "1.460", or "een verborgen aantal" ("×" in a sentence says
/// nothing; "< 5" was false for a total hidden to protect another cell).
pub fn count_label(c: Count, lang: Lang) -> String {
    match c {
        Count::Exact(v) => format::int(v as f64, lang),
        Count::Suppressed => texts(lang).gemeenten.hidden_number.to_string(),
    }
}

/// Median waiting time in months as a cell.
pub fn wait_cell(w: Wait, lang: Lang) -> Cell {
    let t = &texts(lang).gemeenten;
    match w {
        Wait::Days { median, .. } => Cell::num((t.months)(&format::int(median as f64 / 30.44, lang)), median as f64),
        Wait::Suppressed => Cell::text(t.too_few),
        Wait::NoneOpen => Cell::text(t.none_open),
    }
}

/// The columns of a kind of area table (after the area column). A fase's header is its number and
/// short name ("2 Opname"), its full name the header's tooltip: "Fase 1" … "Fase 6" told a resident
/// nothing.
pub fn headers(columns: Columns, lang: Lang) -> Vec<Column> {
    let t = &texts(lang).gemeenten;
    let column = |label: &str, title: Option<&str>| Column { label: label.to_string(), numeric: true, title: title.map(str::to_string) };
    let mut v = vec![column(t.col_werkvoorraad, None)];
    match columns {
        Columns::Fases => v.extend(t.col_fases.iter().zip(t.fase_full).map(|(l, f)| column(l, Some(f)))),
        Columns::Groups => v.extend(t.groups.iter().map(|s| column(s, None))),
    }
    v.push(column(t.col_wait, None));
    v
}

/// Rows of areas as a table. The row attribute `key` holds the area's key (for links); the row
/// of addresses without an area has none and is labelled `without`.
pub fn area_table(rows: &[AreaRow], columns: Columns, caption: String, area_header: &str, without: &str, lang: Lang) -> TableModel {
    let mut cols = vec![Column { label: area_header.to_string(), numeric: false, title: None }];
    cols.extend(headers(columns, lang));
    let rows = rows
        .iter()
        .map(|r| {
            let mut cells = vec![Cell::text(r.key.clone().unwrap_or_else(|| without.to_string()))];
            cells.extend(r.cells.iter().map(|c| count_cell(*c, lang)));
            cells.push(wait_cell(r.wait, lang));
            Row { attrs: r.key.iter().map(|k| ("key".to_string(), k.clone())).collect(), cells }
        })
        .collect();
    TableModel { caption, columns: cols, rows }
}
