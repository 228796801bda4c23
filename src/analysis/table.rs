//! The table under every chart: the same data as the picture, accessible and downloadable.

use crate::i18n::{texts, Lang};

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub label: String,
    /// Right-aligned, tabular figures.
    pub numeric: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    /// What the reader sees ("16.596", "×" for a hidden count, "2e kwartaal 2020").
    pub text: String,
    /// The exact number behind a numeric cell (for `data-value` and the CSV); `None` when
    /// suppressed or not a number.
    pub value: Option<f64>,
    /// The language of the text when it is not the interface's: `Some("nl")` for text as the
    /// sources printed it (titles, quotations, notes), so that a screen reader on the English page
    /// reads it as Dutch (WCAG 2.1 AA, 3.1.2 "Language of parts").
    pub lang: Option<&'static str>,
    /// What the CSV holds when it is not `value`: a date's ISO form where `value` is only its sort
    /// key (a day count), a rough figure with its "≈".
    pub csv: Option<String>,
    /// What a screen reader says instead of the text, and its tooltip: "verborgen" for the mark
    /// of a hidden count "×" (read out as "maal"/"times" otherwise).
    pub spoken: Option<&'static str>,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell { text: s.into(), value: None, lang: None, csv: None, spoken: None }
    }
    pub fn num(text: impl Into<String>, value: f64) -> Cell {
        Cell { text: text.into(), value: Some(value), lang: None, csv: None, spoken: None }
    }
    /// A hidden count: the one mark "×" ([`crate::i18n::format::HIDDEN`]) on screen and in the
    /// CSV, read out as "verborgen"/"hidden".
    pub fn hidden(lang: Lang) -> Cell {
        Cell { spoken: Some(texts(lang).shell.hidden), ..Cell::text(crate::i18n::format::HIDDEN) }
    }
    /// The same cell with `csv` as its CSV field.
    pub fn in_csv(mut self, csv: impl Into<String>) -> Cell {
        self.csv = Some(csv.into());
        self
    }
    /// The same cell for a value the source gave only roughly, when `rough`: its CSV field keeps
    /// the "≈" ("≈ 5000"; a CSV wrote 5000 as if exact). The shown text carries its own mark.
    pub fn rough(self, rough: bool) -> Cell {
        match (rough, self.value) {
            (true, Some(v)) => self.in_csv(format!("{}{}", crate::i18n::format::approx(crate::data::observation::Flag::Approximate), crate::i18n::format::plain(v))),
            _ => self,
        }
    }
    /// Text from the archive as published: a publication's title, a quotation, a curator's note.
    /// The sources and the archive's notes are Dutch in both languages of the interface.
    pub fn as_published(s: impl Into<String>) -> Cell {
        Cell { text: s.into(), value: None, lang: Some(SOURCE_LANG), csv: None, spoken: None }
    }
}

/// The lines that open every CSV download (each written after "# "): the demonstration's mark
/// when `synthetic`, the title, "Schatting uit gepubliceerde cijfers" when `estimated`, the source
/// line, and `from` ("Gedownload op <datum> van <adres>", from the interface; none when empty).
pub fn csv_head<'a>(lang: Lang, synthetic: bool, title: &'a str, estimated: bool, source_line: &'a str, from: &'a str) -> Vec<&'a str> {
    let t = &texts(lang).shell;
    let mut head: Vec<&str> = Vec::new();
    if synthetic {
        head.push(t.demo_stamp);
    }
    head.push(title);
    if estimated {
        head.push(t.estimate_stamp);
    }
    head.push(source_line);
    if !from.is_empty() {
        head.push(from);
    }
    head
}

/// Lines of text, each after "# " (on one line each), as they open a CSV.
fn csv_comments(head: &[&str]) -> String {
    let mut out = String::new();
    for line in head {
        out.push_str("# ");
        out.push_str(&line.replace(['\n', '\r'], " "));
        out.push('\n');
    }
    out
}

/// The language of the sources' texts and of the archive's notes (`Cell::as_published`).
pub const SOURCE_LANG: &str = "nl";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// `data-*` attributes for tests and scripts, e.g. ("series", "voldoet_norm").
    pub attrs: Vec<(String, String)>,
    /// The first cell is the row header.
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableModel {
    pub caption: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl TableModel {
    /// CSV of the table: numbers as plain numbers (not formatted), text as shown. Synthetic data
    /// says so on the first line.
    pub fn to_csv(&self, synthetic: bool, lang: Lang) -> String {
        let stamp = [texts(lang).shell.demo_stamp];
        self.to_csv_after(if synthetic { &stamp } else { &[] })
    }

    /// The CSV of a table as downloaded: after the same "# " lines as a chart's ([`csv_head`]:
    /// the demonstration's mark, the caption as title, the source line, where and when it was
    /// downloaded), then the notes under the table ("× = verborgen: …"). The optelcontrole's CSV
    /// had no such line, and the other tables' no source nor day and address of the download,
    /// which the Over page promises of every download.
    pub fn to_csv_about(&self, synthetic: bool, source_line: &str, from: &str, notes: &[&str], lang: Lang) -> String {
        let mut head = csv_head(lang, synthetic, &self.caption, false, source_line, from);
        head.extend_from_slice(notes);
        self.to_csv_after(&head)
    }

    /// The CSV after lines of text, each starting with "# " (on one line each).
    pub fn to_csv_after(&self, head: &[&str]) -> String {
        let mut out = csv_comments(head);
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        let mut ok = w.write_record(self.columns.iter().map(|c| c.label.as_str())).is_ok();
        for r in &self.rows {
            let cells: Vec<String> = r.cells.iter().map(|c| c.csv.clone().or_else(|| c.value.map(crate::i18n::format::plain)).unwrap_or_else(|| c.text.clone())).collect();
            ok &= w.write_record(&cells).is_ok();
        }
        let bytes = w.into_inner().unwrap_or_default();
        if ok {
            out.push_str(&String::from_utf8_lossy(&bytes));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a table's CSV opened with its caption and notes only (the optelcontrole's with
    /// nothing at all), not with the source and the day and address of the download that a
    /// chart's CSV gives and the Over page promises of every download.
    #[test]
    fn a_tables_csv_opens_as_a_charts_does() {
        let t = TableModel { caption: "Clusters in 't Zandt".into(), columns: vec![Column { label: "Cluster".into(), numeric: false }], rows: vec![Row { attrs: Vec::new(), cells: vec![Cell::text("ZDT-01")] }] };
        let csv = t.to_csv_about(true, "Bron: demo; bewerking Versterkingsmonitor", "Gedownload op 24 november 2026 van http://x/y", &["× = verborgen"], Lang::Nl);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines,
            [
                "# SYNTHETISCHE DEMO — GEEN ECHTE CIJFERS",
                "# Clusters in 't Zandt",
                "# Bron: demo; bewerking Versterkingsmonitor",
                "# Gedownload op 24 november 2026 van http://x/y",
                "# × = verborgen",
                "Cluster",
                "ZDT-01"
            ]
        );
        // Real figures: no demonstration mark; the same head as a chart's (`csv_head`).
        let csv = t.to_csv_about(false, "Bron: NCG", "", &[], Lang::En);
        assert!(csv.starts_with("# Clusters in 't Zandt\n# Bron: NCG\nCluster\n"), "{csv}");
    }
}
