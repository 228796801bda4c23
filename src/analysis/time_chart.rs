//! The view model of every chart with a time axis. Analysis builds it; the chart draws it, the
//! table renders it, the summary sentence describes it and the CSV download serialises it —
//! four outputs of one value, so they cannot disagree.

use crate::data::date::Date;
use crate::data::event::EventKind;
use crate::data::measure::Unit;
use crate::data::observation::Flag;
use crate::i18n::{format, labels, texts, Lang};

use super::chart::{ChartMeta, Tooltip};
use super::table::{Cell, Column, Row, TableModel};

/// Where one plotted value comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Provenance {
    /// Publication id (e.g. `sodm-2020-09`), or `demo` / `eigen-bestand`.
    pub publication: String,
    /// Human title of the publication.
    pub publication_title: String,
    pub peildatum: Option<Date>,
    /// Place in the source (table, page, line) or how it was derived.
    pub source: String,
    pub flag: Flag,
    pub note: String,
    /// `source` is the archive's own text (a place in a Dutch source, a quotation), not written by
    /// the app (a derivation, an estimate): a table marks it as Dutch (`Cell::as_published`).
    pub quoted: bool,
}

impl Provenance {
    /// A tooltip's line naming the publication: "Bron: <titel>". On the English page a published
    /// title is between single quotes, the sources' own words, and marked Dutch on the page
    /// (`i18n::sources::parts`; it was read out as English); ours (the demonstration's, an own
    /// file's, an estimate's) is not.
    pub fn source_line(&self, lang: Lang) -> String {
        let ours = lang == Lang::Nl || self.flag == Flag::Estimated || [crate::analysis::derive::DEMO_PUBLICATION, crate::analysis::derive::OWN_PUBLICATION].contains(&self.publication.as_str());
        let q = if ours { "" } else { "'" };
        format!("{} {q}{}{q}", texts(lang).shell.source_prefix, self.publication_title)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesKind {
    /// Values at dates joined by lines (stocks, cumulative counts).
    Line,
    /// A value spread over its interval, drawn as a horizontal bar over the span (rates).
    Span,
}

/// One plotted value.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// For a value at a date, `start == end`.
    pub start: Date,
    pub end: Date,
    pub value: f64,
    /// The value as the reader should see it in a tooltip/table, e.g. "1.398 in 2e kwartaal 2020
    /// (466 per maand)". Filled by analysis in the chosen language.
    pub label: String,
    /// The period in words, for tables.
    pub period_label: String,
    /// Consecutive points with the same segment are joined; a new segment starts after a
    /// definition break or a gap.
    pub segment: u32,
    pub provenance: Provenance,
}

impl Point {
    pub fn mid(&self) -> f64 {
        (self.start.as_month_float() + self.end.as_month_float()) / 2.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Stable key (measure code or similar), used in CSV and tests.
    pub key: String,
    pub label: String,
    /// Index into the palette / marker shapes / dash patterns.
    pub style: usize,
    pub kind: SeriesKind,
    pub points: Vec<Point>,
}

/// A dated marker on the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub date: Date,
    pub kind: EventKind,
    /// Short text shown in the tooltip / footnote.
    pub text: String,
    pub source: String,
    /// Footnote number shown on the chart (1-based).
    pub number: usize,
}

/// Where a dated note lies against a chart's time axis: drawn on it, or before or after its range
/// (then its note has no numbered line to refer to).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Before,
    On,
    After,
}

/// The first start and the last end of the plotted values: the range whose events a chart notes
/// (`trends::markers::for_measures`).
pub fn data_range(series: &[Series]) -> Option<(Date, Date)> {
    let lo = series.iter().flat_map(|s| s.points.iter().map(|p| p.start)).min()?;
    let hi = series.iter().flat_map(|s| s.points.iter().map(|p| p.end)).max()?;
    Some((lo, hi))
}

/// A horizontal reference line (e.g. a target pace).
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceLine {
    pub value: f64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimeChart {
    pub meta: ChartMeta,
    /// Label of the y axis, e.g. "adressen" or "adressen per maand".
    pub y_label: String,
    pub unit: Unit,
    pub series: Vec<Series>,
    pub markers: Vec<Marker>,
    pub references: Vec<ReferenceLine>,
}

impl TimeChart {
    /// Does any value come from a source that gave it only roughly ("ruim 5.000", "zo'n 18.000",
    /// "ruim 4000" over a year)? Such a point of a line is drawn as an open marker, and a period
    /// bar has one in the middle of its top, with a legend item that says so.
    pub fn has_approximate(&self) -> bool {
        self.series.iter().any(|s| s.points.iter().any(|p| p.provenance.flag == crate::data::observation::Flag::Approximate))
    }

    /// Is a period bar a figure we derived (NCG's "veilig verklaard" per period, the difference of
    /// two published stands)? It has an open square on its top, with a legend item: drawn as the
    /// published bars, it read as NCG's own figure per period in a downloaded picture.
    pub fn has_derived_span(&self) -> bool {
        self.series.iter().any(|s| s.kind == SeriesKind::Span && s.points.iter().any(|p| p.provenance.flag == crate::data::observation::Flag::Derived))
    }

    /// One row per plotted value, with its provenance.
    pub fn table(&self, lang: Lang) -> TableModel {
        let t = &texts(lang).shell;
        // The value's unit in its header ("Waarde (adressen per maand)"): a rate read as a count.
        let value = if self.y_label.is_empty() { t.col_value.to_string() } else { format!("{} ({})", t.col_value, self.y_label) };
        let columns = [(t.col_series, false), (t.col_period, false), (t.col_value, true), (t.col_publication, false), (t.col_source, false), (t.col_flag, false)]
            .into_iter()
            .map(|(l, n)| Column { label: if l == t.col_value { value.clone() } else { l.to_string() }, numeric: n, title: None })
            .collect();
        let rows = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(move |p| (s, p)))
            .map(|(s, p)| Row {
                attrs: vec![("series".into(), s.key.clone()), ("period".into(), p.end.to_string())],
                cells: vec![
                    Cell::text(s.label.clone()),
                    // The CSV gets the date or period as the archive writes it ("2019-06-26",
                    // "2020-01-01..2020-05-31"): "26 juni 2019" and "01-08-2022 – 31-12-2022" were
                    // text a spreadsheet could not sort or read as dates.
                    Cell::text(p.period_label.clone()).in_csv(if p.start == p.end { p.end.to_string() } else { format!("{}..{}", p.start, p.end) }),
                    // A rough figure says "≈" in its own cell on screen, and in the CSV's column
                    // beside the value, as the Gemeenten table and the summaries do (it said
                    // "18.000", with "benadering in bron" only in the last column).
                    Cell::num(format!("{}{}", format::approx(p.provenance.flag), format::dec(p.value, if p.value.fract() == 0.0 { 0 } else { 1 }, lang)), p.value)
                        .rough(p.provenance.flag == crate::data::observation::Flag::Approximate, lang),
                    // The demonstration file's title is ours, in the reader's language.
                    // (An estimate's "publication" is ours too: "Versterkingsmonitor, berekend uit …".)
                    if p.provenance.publication == crate::analysis::derive::DEMO_PUBLICATION || p.provenance.flag == crate::data::observation::Flag::Estimated { Cell::text(p.provenance.publication_title.clone()) } else { Cell::as_published(p.provenance.publication_title.clone()) },
                    if p.provenance.quoted { Cell::source(p.provenance.source.clone(), lang) } else { Cell::text(p.provenance.source.clone()) },
                    // A period's count drawn as a monthly rate is no longer the published figure
                    // (SodM's 83 in 2017 is 6,9 a month): the kind says so, and the tooltip
                    // gives the count.
                    if s.kind == SeriesKind::Span && p.start.days_until(p.end) > 31 {
                        Cell::text(format!("{}; {}", labels::flag(p.provenance.flag, lang), t.rate_derived))
                    } else {
                        Cell::text(labels::flag(p.provenance.flag, lang))
                    },
                ],
            })
            .collect();
        TableModel { caption: format!("{} {}", self.meta.title, t.table_caption_suffix), columns, rows }
    }

    /// The table with one more column for the CSV: each value's note, as its tooltip gives it
    /// (SodM's "kolom '2e kw 2020' loopt dus mogelijk t/m 17 juli", a contradiction between two
    /// publications). On screen the notes are in the tooltips; the CSV had none of them.
    ///
    /// A chart of periods drawn as rates gets the count of each period and its length in months
    /// before the note: a review found only "6,9" per month for SodM's 83 in 2017, which the
    /// screen gives in the tooltip ("83 in 2017 (6,9 per maand)").
    pub fn table_with_notes(&self, lang: Lang) -> TableModel {
        let t = &texts(lang).shell;
        let mut table = self.table(lang);
        let spans = self.series.iter().any(|s| s.kind == SeriesKind::Span);
        if spans {
            table.columns.push(Column { label: t.col_period_count.to_string(), numeric: true, title: None });
            table.columns.push(Column { label: t.col_period_months.to_string(), numeric: true, title: None });
        }
        table.columns.push(Column { label: t.col_note.to_string(), numeric: false, title: None });
        // The period's first and last day in columns of their own after it (a review: R and
        // pandas had to split "2017-01-01..2017-12-31" themselves; the archive download has them).
        table.columns.insert(2, Column { label: t.col_period_start.to_string(), numeric: false, title: None });
        table.columns.insert(3, Column { label: t.col_period_end.to_string(), numeric: false, title: None });
        let points = self.series.iter().flat_map(|s| s.points.iter().map(move |p| (s.kind, p)));
        for (row, (kind, p)) in table.rows.iter_mut().zip(points) {
            row.cells.insert(2, Cell::text(p.start.to_string()));
            row.cells.insert(3, Cell::text(p.end.to_string()));
            if spans {
                let months = crate::analysis::trends::rates::months_between(p.start, p.end);
                let round = |v: f64| (v * 10.0).round() / 10.0;
                let (count, months) = if kind == SeriesKind::Span { (Some(round(p.value * months)), Some(round(months))) } else { (None, None) };
                for v in [count, months] {
                    row.cells.push(match v {
                        Some(v) => Cell::num(format::dec(v, if v.fract() == 0.0 { 0 } else { 1 }, lang), v),
                        None => Cell::text(""),
                    });
                }
            }
            row.cells.push(Cell::text(p.provenance.note.clone()));
        }
        table
    }

    pub fn tooltip(&self, series: usize, point: usize, lang: Lang) -> Option<Tooltip> {
        let s = self.series.get(series)?;
        let p = s.points.get(point)?;
        // A point's label starts with its series' name ("Werkvoorraad: 26.250 adressen"), which is
        // the tooltip's title: said once (a screen reader heard "Werkvoorraad: 31 december 2019,
        // Werkvoorraad: 26.250 adressen, …").
        let value = p.label.strip_prefix(s.label.as_str()).and_then(|v| v.strip_prefix(": ")).unwrap_or(&p.label);
        let mut lines = vec![p.period_label.clone(), value.to_string(), p.provenance.source_line(lang)];
        if !p.provenance.source.is_empty() {
            lines.push(p.provenance.source.clone());
        }
        lines.push(labels::flag(p.provenance.flag, lang).to_string());
        if !p.provenance.note.is_empty() {
            lines.push(p.provenance.note.clone());
        }
        Some(Tooltip { title: s.label.clone(), style: Some(s.style), lines })
    }

    pub fn is_empty(&self) -> bool {
        self.series.iter().all(|s| s.points.is_empty())
    }
    /// Where a dated note lies against the drawn time axis (`x_range`, computed once here: it reads
    /// every point, and the notes are listed on every filter change).
    pub fn sides(&self) -> impl Fn(&Marker) -> Side {
        let (x0, x1) = self.x_range();
        move |m: &Marker| {
            let x = m.date.as_month_float();
            if x < x0 {
                Side::Before
            } else if x > x1 {
                Side::After
            } else {
                Side::On
            }
        }
    }
    /// The time range covered by all points and markers, as month floats, padded a little.
    pub fn x_range(&self) -> (f64, f64) {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for p in self.series.iter().flat_map(|s| &s.points) {
            lo = lo.min(p.start.as_month_float());
            hi = hi.max(p.end.as_month_float());
        }
        if !lo.is_finite() {
            return (2020.0 * 12.0, 2021.0 * 12.0);
        }
        for m in &self.markers {
            let x = m.date.as_month_float();
            if x >= lo - 6.0 && x <= hi + 6.0 {
                lo = lo.min(x);
                hi = hi.max(x);
            }
        }
        let pad = ((hi - lo) * 0.03).max(1.0);
        (lo - pad, hi + pad)
    }
    /// 0 to a rounded maximum.
    pub fn y_max(&self) -> f64 {
        let m = self
            .series
            .iter()
            .flat_map(|s| &s.points)
            .map(|p| p.value)
            .chain(self.references.iter().map(|r| r.value))
            .fold(0.0f64, f64::max);
        nice_ceiling(m * 1.05)
    }
}

/// The next "nice" number (1, 2, 2.5, 5 × 10^k) at or above `v`.
pub fn nice_ceiling(v: f64) -> f64 {
    if !(v.is_finite()) || v <= 0.0 {
        return 1.0;
    }
    let exp = v.log10().floor();
    let base = 10f64.powf(exp);
    for m in [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] {
        if m * base >= v {
            return m * base;
        }
    }
    10.0 * base
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(26716.0), 30000.0);
        assert_eq!(nice_ceiling(17000.0), 20000.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(230.0), 250.0);
    }
}
