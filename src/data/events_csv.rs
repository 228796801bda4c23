//! Reading `gebeurtenissen.csv`: dated events (definition changes, corrections, earthquakes, ...).

use std::collections::HashMap;

use super::archive::LoadReport;
use super::date::Date;
use super::diagnostic::{Diagnostic, Message, Place, RowCount};
use super::event::{Event, EventKind};
use super::fields::{invalid, required, Located, EMPTY_IN_LIST, UNKNOWN_MEASURE};
use super::measure::Measure;
use super::table::{Row, TableReader};

pub const EVENTS_HEADER: [&str; 6] = ["date", "kind", "measures", "text_nl", "text_en", "source"];

/// Parse `gebeurtenissen.csv`. Every measure an event names must be declared in `measures`;
/// the same (date, kind, text_nl) twice is a duplicate. Events are returned sorted by date.
pub fn parse_events(file: &str, text: &str, measures: &[Measure], report: &mut LoadReport) -> Result<Vec<Event>, Diagnostic> {
    let mut reader = TableReader::open(file, text, &EVENTS_HEADER)?;
    let mut count = RowCount::default();
    let mut out = Vec::new();
    let mut seen: HashMap<(Date, EventKind, String), u64> = HashMap::new();
    let mut row = Row::default();
    while let Some(r) = reader.next_row(&mut row) {
        let outcome = r.map_err(|d| (Place::new(d.line, d.column), d.message)).and_then(|()| {
            let e = event_row(&row, measures)?;
            let key = (e.date, e.kind, e.text_nl.clone());
            if let Some(first) = seen.get(&key) {
                return Err((row.get(0).1, Message::Duplicate { what: ("dubbele gebeurtenis", "duplicate event"), key: format!("{} {} '{}'", e.date, e.kind.as_str(), e.text_nl.chars().take(40).collect::<String>()), first_line: *first }));
            }
            seen.insert(key, row.line);
            Ok(e)
        });
        match outcome {
            Ok(e) => {
                out.push(e);
                count.accepted += 1;
            }
            Err((place, msg)) => {
                report.diagnostics.push(Diagnostic::error_at(file, place, msg));
                count.rejected += 1;
            }
        }
    }
    crate::data::sort::sort_by_key(&mut out[..], |e| e.date);
    count.read = reader.rows_read();
    report.files.push((file.to_string(), count));
    Ok(out)
}

fn event_row(row: &Row<'_>, measures: &[Measure]) -> Result<Event, Located> {
    let (d, c) = required(row, 0, "date")?;
    let date = Date::parse(d).map_err(|e| (c, invalid("date", d, e.reason())))?;
    let (k, c) = required(row, 1, "kind")?;
    let kind = EventKind::parse(k)
        .ok_or_else(|| (c, invalid(
            "kind",
            k,
            (
                "definition_change, data_correction, earthquake, policy, reporting_change of under_review",
                "definition_change, data_correction, earthquake, policy, reporting_change or under_review",
            ),
        )))?;
    let (ms, _) = row.get(2);
    let mut list: Vec<String> = Vec::new();
    let mut offset = 0usize;
    for code in ms.split(';') {
        let at = row.place_within(2, offset);
        offset += code.len() + 1;
        if code.is_empty() {
            if ms.is_empty() {
                break;
            }
            return Err((at, invalid("measures", ms, EMPTY_IN_LIST)));
        }
        if !measures.iter().any(|x| x.code == code) {
            return Err((at, Message::Unknown { what: UNKNOWN_MEASURE, value: code.chars().take(60).collect() }));
        }
        list.push(code.to_string());
    }
    let (nl, _) = required(row, 3, "text_nl")?;
    let (en, _) = required(row, 4, "text_en")?;
    let (src, _) = required(row, 5, "source")?;
    Ok(Event { date, kind, measures: list, text_nl: nl.into(), text_en: en.into(), source: src.into() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::measure::{MeasureKind, Unit};

    fn m(code: &str) -> Measure {
        Measure {
            code: code.into(),
            kind: MeasureKind::Stock,
            unit: Unit::Addresses,
            label_nl: code.into(),
            label_en: code.into(),
            definition_nl: String::new(),
            definition_en: String::new(),
            valid_from: None,
            valid_to: None,
            replaces: None,
            comparable_with: vec![],
            group: "g".into(),
            order: 0,
        }
    }

    #[test]
    fn unknown_measure_in_a_list_is_pointed_at() {
        let mut r = LoadReport::default();
        let text = "date,kind,measures,text_nl,text_en,source\n2020-01-01,policy,\"a;zz\",x,y,z\n2020-01-01,policy,a,x,y,z\n2020-01-01,policy,,x,y,z\n";
        let ev = parse_events("e.csv", text, &[m("a")], &mut r).unwrap();
        assert_eq!(ev.len(), 1);
        // The field starts at column 19 with a quote; "zz" starts at column 22.
        assert_eq!((r.diagnostics[0].line, r.diagnostics[0].column), (2, 22));
        // Same date, kind and text: a duplicate.
        assert_eq!((r.diagnostics[1].line, r.diagnostics[1].column), (4, 1));
        assert!(r.total().balanced());
    }
}
