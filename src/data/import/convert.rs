//! Giving a [`Grid`] its meaning: find the header row, decide whether the columns are periods
//! (a milestone table: "Mijlpaal;Jan;Feb;Mrt;Totaal") or measures (SodM table 2.1:
//! "Risicoprofiel;Werkvoorraad;Opname gereed;…"), and turn every value cell into one canonical
//! observation — or into a rejection with its reason. Nothing is guessed: a cell that cannot be
//! read exactly is rejected, and values read = rows written + values rejected.

use super::dutch_number::{parse_dutch_number, NumberProblem};
use super::grid::{Cell, CellValue, Grid, GridRow, Origin};
use super::labels::{breakdown_for_label, is_total_label, measure_for_label};
use super::period_label::{parse_period_label, PeriodLabel};
use super::{ImportOptions, ImportReport, ImportedRow};
use crate::data::breakdown::Breakdown;
use crate::data::date::{Date, Month};
use crate::data::diagnostic::{Both, Diagnostic, Message, Place};
use crate::data::observation::Flag;
use crate::data::period::Period;

const UNKNOWN_ROW_LABEL: Both = ("onbekend rijlabel", "unknown row label");

/// What a column header means.
#[derive(Clone, Debug, PartialEq)]
enum Column {
    Measure(&'static str),
    Period(Period),
    MonthOnly(u8),
    Total,
    TotalOf(Period),
    Empty,
    Unknown(String),
}

impl Column {
    fn of(label: &str) -> Column {
        if label.trim().is_empty() {
            return Column::Empty;
        }
        if let Some(code) = measure_for_label(label) {
            return Column::Measure(code);
        }
        match parse_period_label(label) {
            Some(PeriodLabel::Period(p)) => Column::Period(p),
            Some(PeriodLabel::MonthOnly(m)) => Column::MonthOnly(m),
            Some(PeriodLabel::Total) => Column::Total,
            Some(PeriodLabel::TotalOf(p)) => Column::TotalOf(p),
            None => Column::Unknown(label.trim().chars().take(60).collect()),
        }
    }
    fn is_known(&self) -> bool {
        !matches!(self, Column::Empty | Column::Unknown(_))
    }
    fn is_time(&self) -> bool {
        matches!(self, Column::Period(_) | Column::MonthOnly(_) | Column::Total | Column::TotalOf(_))
    }
}

/// How a column resolves once the table's orientation and year are known.
#[derive(Clone, Debug)]
enum Resolved {
    Measure(&'static str),
    Period(Period),
    Skip,
    Reject(Message),
}

fn years_in(text: &str) -> impl Iterator<Item = i32> + '_ {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|t| t.len() == 4)
        .filter_map(|t| t.parse::<i32>().ok())
        .filter(|y| Date::new(*y, 1, 1).is_some())
}

/// Convert one grid, adding rows and rejections to `report`.
pub fn convert_grid(grid: &Grid, opts: &ImportOptions, report: &mut ImportReport) {
    let name = grid.name();
    let Some(h) = grid.rows.iter().position(|r| {
        let non_empty = r.cells.iter().filter(|c| !c.value.is_empty()).count();
        non_empty >= 2 && r.cells.iter().skip(1).any(|c| Column::of(&c.value.text()).is_known())
    }) else {
        if grid.rows.iter().any(|r| r.cells.iter().any(|c| !c.value.is_empty())) {
            let place = grid.rows.first().map(|r| Place::new(r.number, 1)).unwrap_or(Place::new(1, 1));
            let msg = Message::Quality {
                nl: "geen kopregel met bekende maat- of periodelabels gevonden".into(),
                en: "no header row with known measure or period labels found".into(),
            };
            // A workbook often has a sheet of notes: skipping it is worth a note, not an error.
            // A CSV file is one table, so there it is an error.
            match grid.origin {
                Origin::Sheet { .. } => report.notes.push(Diagnostic::warning_at(&name, place, msg)),
                Origin::Csv { .. } => report.problems.push(Diagnostic::error_at(&name, place, msg)),
            }
        }
        return;
    };
    let (titles, rest) = grid.rows.split_at(h);
    let Some((header, data)) = rest.split_first() else { return };
    for t in titles.iter().filter(|r| r.cells.iter().any(|c| !c.value.is_empty())) {
        let text: Vec<String> = t.cells.iter().map(|c| c.value.text()).filter(|s| !s.is_empty()).collect();
        report.notes.push(Diagnostic::warning(&name, t.number, 1, skipped("titelregel overgeslagen", "title row skipped", &text.join(" "))));
    }
    let columns: Vec<Column> = header.cells.iter().map(|c| Column::of(&c.value.text())).collect();
    let time_columns = columns.iter().skip(1).filter(|c| c.is_time()).count();
    let measure_columns = columns.iter().skip(1).filter(|c| matches!(c, Column::Measure(_))).count();
    let periods_across = time_columns > measure_columns;
    // The year of bare month labels: from the period date, else from the header and title rows.
    let title_year = header
        .cells
        .iter()
        .chain(titles.iter().flat_map(|r| r.cells.iter()))
        .flat_map(|c| years_in(&c.value.text()).collect::<Vec<_>>())
        .next();
    let resolved: Vec<Resolved> = resolve_columns(&columns, periods_across, opts.period_date, title_year);
    for row in data {
        let label = row.cell(0).map(|c| c.value.text()).unwrap_or_default();
        let width = row.cells.len().max(columns.len());
        let has_values = (1..width).any(|j| row.cell(j).is_some_and(|c| !c.value.is_empty()));
        if !has_values {
            if !label.is_empty() {
                report.notes.push(Diagnostic::warning(&name, row.number, 1, skipped("regel zonder waarden overgeslagen", "row without values skipped", &label)));
            }
            continue;
        }
        // What the row is: a measure (periods across) or a breakdown (measures across).
        let row_meaning: Result<RowMeaning, Message> = if periods_across {
            match measure_for_label(&label) {
                Some(code) => Ok(RowMeaning::Measure(code)),
                None if is_total_label(&label) => Err(Message::Quality {
                    nl: "een totaal over verschillende maten wordt niet geïmporteerd".into(),
                    en: "a total over different measures is not imported".into(),
                }),
                None => Err(Message::Unknown { what: UNKNOWN_ROW_LABEL, value: label.chars().take(60).collect() }),
            }
        } else {
            breakdown_for_label(&label, opts.gemeenten.as_ref())
                .map(RowMeaning::Breakdown)
                .ok_or_else(|| Message::Unknown { what: UNKNOWN_ROW_LABEL, value: label.chars().take(60).collect() })
        };
        for j in 1..width {
            let cell = row.cell(j);
            let empty = cell.is_none_or(|c| c.value.is_empty());
            let col = resolved.get(j).cloned().unwrap_or(Resolved::Skip);
            if matches!(col, Resolved::Skip) && empty {
                continue;
            }
            report.values_read += 1;
            let place = cell.map(|c| c.place).unwrap_or(Place::new(row.number, 0));
            match one_value(grid, row, j, cell, &col, &row_meaning, opts) {
                Ok(r) => {
                    let key = (r.measure.to_string(), r.period.normalised(), r.breakdown.clone());
                    if let Some(first) = report.seen.get(&key) {
                        report.rejected.push(Diagnostic::error_at(
                            &name,
                            place,
                            Message::Duplicate { what: crate::data::diagnostic::DUPLICATE_KEY, key: format!("{} {} {} (first at {first})", r.measure, r.period, r.breakdown.key()), first_line: row.number },
                        ));
                    } else {
                        report.seen.insert(key, r.source.clone());
                        report.rows.push(r);
                    }
                }
                Err(msg) => report.rejected.push(Diagnostic::error_at(&name, place, msg)),
            }
        }
    }
}

fn skipped(nl: &str, en: &str, text: &str) -> Message {
    let t: String = text.chars().take(80).collect();
    Message::Quality { nl: format!("{nl}: '{t}'"), en: format!("{en}: '{t}'") }
}

enum RowMeaning {
    Measure(&'static str),
    Breakdown(Breakdown),
}

fn resolve_columns(columns: &[Column], periods_across: bool, period_date: Option<Date>, title_year: Option<i32>) -> Vec<Resolved> {
    let month = |m: u8| -> Result<Period, Message> {
        let month = match (period_date, title_year) {
            // The most recent such month not after the period date.
            (Some(p), _) => Month::new(if m <= p.month() { p.year() } else { p.year() - 1 }, m),
            (None, Some(y)) => Month::new(y, m),
            (None, None) => None,
        };
        month.map(Period::Month).ok_or_else(|| Message::Missing { field: "year of the month columns (give --period-date)".into() })
    };
    let first_pass: Vec<Resolved> = columns
        .iter()
        .enumerate()
        .map(|(j, c)| {
            if j == 0 {
                return Resolved::Skip;
            }
            match (c, periods_across) {
                (Column::Empty, _) => Resolved::Skip,
                (Column::Unknown(l), _) => Resolved::Reject(Message::Unknown { what: ("onbekend kolomlabel", "unknown column label"), value: l.clone() }),
                (Column::Measure(m), false) => Resolved::Measure(m),
                (Column::Period(p) | Column::TotalOf(p), true) => Resolved::Period(*p),
                (Column::MonthOnly(m), true) => month(*m).map(Resolved::Period).unwrap_or_else(Resolved::Reject),
                (Column::Total, true) => Resolved::Skip, // resolved below
                (Column::Measure(m), true) => Resolved::Reject(Message::Unknown {
                    what: ("onbekend kolomlabel in een tabel van perioden", "unknown column label in a table of periods"),
                    value: (*m).into(),
                }),
                (_, false) => Resolved::Reject(Message::Unknown {
                    what: ("onbekend kolomlabel in een tabel van maten", "unknown column label in a table of measures"),
                    value: format!("{c:?}"),
                }),
            }
        })
        .collect();
    // "Totaal" across periods: the span of the other period columns, if they join without gaps.
    let mut spans: Vec<Period> = columns
        .iter()
        .zip(&first_pass)
        .filter(|(c, _)| matches!(c, Column::Period(_) | Column::MonthOnly(_)))
        .filter_map(|(_, r)| if let Resolved::Period(p) = r { Some(*p) } else { None })
        .collect();
    crate::data::sort::sort_by_key(&mut spans[..], |p| (p.start().map(|d| d.to_days()), p.end()));
    let contiguous = spans.windows(2).all(|w| w[0].end().add_days(1) == w[1].start());
    let total_period = match (spans.first(), spans.last()) {
        (Some(first), Some(last)) if contiguous => Some(match first.start() {
            None => Period::Until(last.end()),
            Some(start) => Period::Range { start, end: last.end() }.normalised(),
        }),
        _ => None,
    };
    columns
        .iter()
        .zip(first_pass)
        .map(|(c, r)| match (c, periods_across) {
            (Column::Total, true) => match total_period {
                Some(p) => Resolved::Period(p),
                None => Resolved::Reject(Message::Quality {
                    nl: "onduidelijk over welke periode deze totaalkolom gaat (de periodes sluiten niet op elkaar aan)".into(),
                    en: "cannot tell which period this total column covers (the periods do not join up)".into(),
                }),
            },
            _ => r,
        })
        .collect()
}

fn one_value(
    grid: &Grid,
    row: &GridRow,
    j: usize,
    cell: Option<&Cell>,
    col: &Resolved,
    row_meaning: &Result<RowMeaning, Message>,
    opts: &ImportOptions,
) -> Result<ImportedRow, Message> {
    let column_number = cell.map(|c| c.column).unwrap_or(j as u64 + 1);
    let source = grid.source(row.number, column_number);
    let (measure, period, breakdown) = match (col, row_meaning) {
        (Resolved::Skip, _) => return Err(Message::Quality { nl: "waarde onder een lege kolomkop".into(), en: "a value under an empty column header".into() }),
        (Resolved::Reject(m), _) => return Err(m.clone()),
        (_, Err(m)) => return Err(m.clone()),
        (Resolved::Period(p), Ok(RowMeaning::Measure(m))) => (*m, *p, Breakdown::default()),
        (Resolved::Measure(m), Ok(RowMeaning::Breakdown(b))) => {
            let date = opts.period_date.ok_or_else(|| Message::Missing { field: "--period-date (a table with measures in its columns is on one date)".into() })?;
            (*m, Period::At(date), b.clone())
        }
        _ => return Err(Message::Quality { nl: "rij en kolom passen niet bij elkaar".into(), en: "row and column do not fit together".into() }),
    };
    let invalid = |text: &str, reason: Both| Message::Invalid { field: "value".into(), value: text.chars().take(40).collect(), reason };
    let (value, approximate, printed) = match cell.map(|c| &c.value) {
        None | Some(CellValue::Empty) => return Err(Message::Missing { field: "value".into() }),
        Some(CellValue::Number(n)) => (*n, false, String::new()),
        Some(CellValue::Text(t)) => match parse_dutch_number(t) {
            Ok(n) => (n.value, n.approximate, t.trim().to_string()),
            Err(NumberProblem::Empty) => return Err(Message::Missing { field: "value".into() }),
            Err(p) => return Err(invalid(t.trim(), p.reason())),
        },
    };
    let shown = if printed.is_empty() { CellValue::Number(value).text() } else { printed.clone() };
    if !value.is_finite() || value < 0.0 {
        return Err(invalid(&shown, ("een negatief aantal", "a negative count")));
    }
    if value.fract() != 0.0 {
        return Err(invalid(
            &shown,
            (
                "een aantal adressen moet een geheel getal zijn ('26,716' is 26,716 in het Nederlands: een Engels scheidingsteken voor duizendtallen?)",
                "a count of addresses must be a whole number (Dutch '26,716' means 26.716: an English thousands separator?)",
            ),
        ));
    }
    if value >= 1e12 {
        return Err(invalid(&shown, ("getal te groot", "number too large")));
    }
    Ok(ImportedRow {
        measure: measure.to_string(),
        period,
        breakdown,
        value,
        flag: if approximate { Flag::Approximate } else { Flag::Published },
        source,
        note: if approximate { format!("printed as '{printed}'") } else { String::new() },
    })
}
