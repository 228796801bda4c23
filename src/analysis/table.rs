//! The table under every chart: the same data as the picture, accessible and downloadable.

use crate::i18n::{texts, Lang};

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub label: String,
    /// Right-aligned, tabular figures.
    pub numeric: bool,
    /// The column's full name, as the header's tooltip, where the header is short ("2 Opname":
    /// "Fase 2: opname").
    pub title: Option<String>,
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
    /// What the CSV holds instead of `value`: a date's or period's ISO form where `value` is only
    /// its sort key (a day count; "2023-02-15", "2027-H2..2030-H1"). Never a number with words.
    pub csv: Option<String>,
    /// What the screen says beside the number, for the CSV's column after this one ("<kolom> –
    /// toelichting"): "≈ (benadering in bron)", "15-02-2023", "afgeleid: 1962 + 288", "× (verborgen)".
    /// The number's own field stays a plain number (it was "15815 (15-02-2023)", "≈ 14500": text
    /// to R, pandas and Excel, which a researcher could not compute with).
    pub note: Option<String>,
    /// What a screen reader says instead of the text, and its tooltip: "verborgen" for the mark
    /// of a hidden count "×" (read out as "maal"/"times" otherwise); the forecast's sentence for
    /// a range whose early end is marked too favourable ("2027? – 2030").
    pub spoken: Option<String>,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell { text: s.into(), value: None, lang: None, csv: None, note: None, spoken: None }
    }
    pub fn num(text: impl Into<String>, value: f64) -> Cell {
        Cell { text: text.into(), value: Some(value), lang: None, csv: None, note: None, spoken: None }
    }
    /// A hidden count: the one mark "×" ([`crate::i18n::format::HIDDEN`]) on screen, read out as
    /// "verborgen"/"hidden"; in the CSV an empty field with "× (verborgen)" in its note (only the
    /// word: nothing of what is hidden).
    pub fn hidden(lang: Lang) -> Cell {
        let hidden = texts(lang).shell.hidden;
        Cell { spoken: Some(hidden.to_string()), ..Cell::text(crate::i18n::format::HIDDEN) }.noted(format!("{} ({hidden})", crate::i18n::format::HIDDEN))
    }
    /// The same cell with `csv` (a date's or period's ISO form) as its CSV field.
    pub fn in_csv(mut self, csv: impl Into<String>) -> Cell {
        self.csv = Some(csv.into());
        self
    }
    /// The same cell with `note` added to what its CSV note says (after "; ").
    pub fn noted(mut self, note: impl Into<String>) -> Cell {
        let note = note.into();
        self.note = Some(match self.note.take() {
            Some(n) => format!("{n}; {note}"),
            None => note,
        });
        self
    }
    /// The same cell for a value the source gave only roughly, when `rough`: its CSV note says so
    /// ("≈ (benadering in bron)"; a CSV wrote 5000 as if exact). The shown text carries its own mark.
    pub fn rough(self, rough: bool, lang: Lang) -> Cell {
        use crate::data::observation::Flag::Approximate;
        if rough && self.value.is_some() { self.noted(format!("{}({})", crate::i18n::format::approx(Approximate), crate::i18n::labels::flag(Approximate, lang))) } else { self }
    }
    /// A figure's place in its source ([`crate::i18n::sources`]): Dutch on the Dutch page; on the
    /// English page our words English, the quotations Dutch ([`QUOTING`]). (The whole text was
    /// marked Dutch there, our words too.)
    pub fn source(s: impl Into<String>, lang: Lang) -> Cell {
        match lang {
            Lang::Nl => Cell::as_published(s),
            Lang::En => Cell { lang: Some(QUOTING), ..Cell::text(s) },
        }
    }
    /// Text from the archive as published: a publication's title, a quotation, a curator's note.
    /// The sources and the archive's notes are Dutch in both languages of the interface.
    pub fn as_published(s: impl Into<String>) -> Cell {
        Cell { text: s.into(), value: None, lang: Some(SOURCE_LANG), csv: None, note: None, spoken: None }
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

/// [`Cell::lang`] of our text around the sources' own words between single quotes (a figure's
/// place in its source, in English on the English page: "table 'Resultaat 2021', row 'Bouw
/// gestart'"): shown with the quotations marked Dutch ([`crate::i18n::sources::parts`]).
pub const QUOTING: &str = "quoting";

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
        self.to_csv_after(if synthetic { &stamp } else { &[] }, lang)
    }

    /// The CSV of a table as downloaded: after the same "# " lines as a chart's ([`csv_head`]:
    /// the demonstration's mark, the caption as title, the source line, where and when it was
    /// downloaded), then the notes under the table ("× = verborgen: …"). The optelcontrole's CSV
    /// had no such line, and the other tables' no source nor day and address of the download,
    /// which the Over page promises of every download.
    pub fn to_csv_about(&self, synthetic: bool, source_line: &str, from: &str, notes: &[&str], lang: Lang) -> String {
        let mut head = csv_head(lang, synthetic, &self.caption, false, source_line, from);
        head.extend_from_slice(notes);
        self.to_csv_after(&head, lang)
    }

    /// The CSV after lines of text, each starting with "# " (on one line each).
    ///
    /// A numeric column's field is the plain number (dot decimal, no thousands separator), a
    /// date's ISO form ([`Cell::csv`]) or empty (no value, or hidden); what the screen says beside
    /// it is in a column right after it, "<kolom> – toelichting", written when some cell of the
    /// column has something to say ([`Cell::note`]; a numeric cell shown as words alone, such as
    /// "n.v.t.: niets open", has them there). A text column is the text as shown.
    pub fn to_csv_after(&self, head: &[&str], lang: Lang) -> String {
        let mut out = csv_comments(head);
        let numeric = |i: usize| self.columns.get(i).is_some_and(|c| c.numeric);
        let field = |i: usize, c: &Cell| c.csv.clone().or_else(|| c.value.map(crate::i18n::format::plain)).unwrap_or_else(|| if numeric(i) { String::new() } else { c.text.clone() });
        let note = |i: usize, c: &Cell| c.note.clone().or_else(|| (numeric(i) && c.value.is_none() && c.csv.is_none() && c.text != "–").then(|| c.text.clone())).filter(|n| !n.is_empty());
        let noted: Vec<bool> = (0..self.columns.len()).map(|i| self.rows.iter().any(|r| r.cells.get(i).is_some_and(|c| note(i, c).is_some()))).collect();
        let word = texts(lang).shell.col_note_after;
        let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
        let mut header = Vec::new();
        for (c, n) in self.columns.iter().zip(&noted) {
            // (Without the soft hyphens a narrow header on screen breaks at: "Beoor\u{ad}deling".)
            let label = c.label.replace('\u{ad}', "");
            if *n {
                let note = format!("{label} – {word}");
                header.extend([label, note]);
            } else {
                header.push(label);
            }
        }
        let mut ok = w.write_record(&header).is_ok();
        for r in &self.rows {
            let mut cells: Vec<String> = Vec::new();
            for (i, c) in r.cells.iter().enumerate() {
                cells.push(field(i, c));
                if noted.get(i).copied().unwrap_or(false) {
                    cells.push(note(i, c).unwrap_or_default());
                }
            }
            ok &= w.write_record(&cells).is_ok();
        }
        let bytes = w.into_inner().unwrap_or_default();
        if ok {
            out.push_str(&String::from_utf8_lossy(&bytes));
        }
        out
    }
}

/// A downloaded CSV read back (after its "# " lines): its header and its rows, for tests and
/// scripts that check what a spreadsheet gets.
pub fn read_download(csv: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body: String = csv.trim_start_matches('\u{feff}').lines().skip_while(|l| l.starts_with("# ")).map(|l| format!("{l}\n")).collect();
    let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(body.as_bytes());
    let mut records = r.records().filter_map(Result::ok).map(|rec| rec.iter().map(str::to_string).collect::<Vec<String>>());
    let header = records.next().unwrap_or_default();
    (header, records.collect())
}

/// The field of a read-back CSV ([`read_download`]) in the row whose first field is `row` and
/// the column named `column`.
pub fn download_field<'a>(read: &'a (Vec<String>, Vec<Vec<String>>), row: &str, column: &str) -> Option<&'a str> {
    let i = read.0.iter().position(|h| h == column)?;
    read.1.iter().find(|r| r.first().is_some_and(|f| f == row))?.get(i).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a table's CSV opened with its caption and notes only (the optelcontrole's with
    /// nothing at all), not with the source and the day and address of the download that a
    /// chart's CSV gives and the Over page promises of every download.
    #[test]
    fn a_tables_csv_opens_as_a_charts_does() {
        let t = TableModel { caption: "Clusters in 't Zandt".into(), columns: vec![Column { label: "Cluster".into(), numeric: false, title: None }], rows: vec![Row { attrs: Vec::new(), cells: vec![Cell::text("ZDT-01")] }] };
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
