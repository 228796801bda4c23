//! Reading `maten.csv`: the measures, their kinds, units, eras and definition breaks.

use std::collections::HashMap;

use super::archive::LoadReport;
use super::diagnostic::{Diagnostic, Message, Place, RowCount};
use super::fields::{invalid, opt_date, required, Located, BEFORE_VALID_FROM, EMPTY_IN_LIST, UNKNOWN_MEASURE};
use super::measure::{Measure, MeasureKind, Unit};
use super::table::{Row, TableReader};

pub const MEASURES_HEADER: [&str; 13] = [
    "code", "kind", "unit", "group", "order", "label_nl", "label_en", "definition_nl", "definition_en",
    "valid_from", "valid_to", "replaces", "comparable_with",
];

/// Parse `maten.csv`. Rows that fail (including a `replaces`/`comparable_with` naming an unknown
/// measure, or a duplicate code) are rejected and reported; `Err` only when the file as a whole
/// is unusable (empty, wrong header).
pub fn parse_measures(file: &str, text: &str, report: &mut LoadReport) -> Result<Vec<Measure>, Diagnostic> {
    let mut reader = TableReader::open(file, text, &MEASURES_HEADER)?;
    let mut count = RowCount::default();
    // First pass: each row on its own.
    let mut parsed: Vec<(Measure, u64, Place, Place)> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut row = Row::default();
    while let Some(r) = reader.next_row(&mut row) {
        let outcome = r.map_err(|d| (Place::new(d.line, d.column), d.message)).and_then(|()| {
            let m = measure_row(&row)?;
            if let Some(first) = seen.get(&m.code) {
                return Err((row.get(0).1, Message::Duplicate { what: ("dubbele maat", "duplicate measure"), key: m.code.clone(), first_line: *first }));
            }
            Ok(m)
        });
        match outcome {
            Ok(m) => {
                seen.insert(m.code.clone(), row.line);
                parsed.push((m, row.line, row.get(11).1, row.get(12).1));
            }
            Err((place, msg)) => {
                report.diagnostics.push(Diagnostic::error_at(file, place, msg));
                count.rejected += 1;
            }
        }
    }
    // Second pass: `replaces` and `comparable_with` must name measures declared in this file.
    let mut out = Vec::with_capacity(parsed.len());
    for (m, _line, replaces_at, comparable_at) in parsed {
        let bad = m
            .replaces
            .iter()
            .map(|r| (r, replaces_at))
            .chain(m.comparable_with.iter().map(|c| (c, comparable_at)))
            .find(|(r, _)| !seen.contains_key(r.as_str()) || **r == m.code);
        match bad {
            Some((r, place)) if *r == m.code => {
                report.diagnostics.push(Diagnostic::error_at(file, place, invalid("replaces", r, ("een maat kan niet naar zichzelf verwijzen", "a measure cannot refer to itself"))));
                count.rejected += 1;
            }
            Some((r, place)) => {
                report.diagnostics.push(Diagnostic::error_at(file, place, Message::Unknown { what: UNKNOWN_MEASURE, value: r.clone() }));
                count.rejected += 1;
            }
            None => {
                out.push(m);
                count.accepted += 1;
            }
        }
    }
    count.read = reader.rows_read();
    report.files.push((file.to_string(), count));
    Ok(out)
}

fn measure_row(row: &Row<'_>) -> Result<Measure, Located> {
    let (code, c) = required(row, 0, "code")?;
    if code.len() > 60 || !code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        return Err((c, invalid("code", code, ("gebruik a-z, 0-9 en _ (hoogstens 60)", "use a-z, 0-9 and _ (at most 60)"))));
    }
    let (kind_s, c) = required(row, 1, "kind")?;
    let kind = MeasureKind::parse(kind_s).ok_or_else(|| (c, invalid("kind", kind_s, ("cumulative, stock, flow, target, lead_time_mean of share", "cumulative, stock, flow, target, lead_time_mean or share"))))?;
    let (unit_s, c) = required(row, 2, "unit")?;
    let unit = Unit::parse(unit_s).ok_or_else(|| (c, invalid("unit", unit_s, ("addresses, days of percent", "addresses, days or percent"))))?;
    let (group, _) = required(row, 3, "group")?;
    let (order_s, c) = required(row, 4, "order")?;
    let order: u32 = if order_s.bytes().all(|b| b.is_ascii_digit()) { order_s.parse().ok() } else { None }
        .ok_or_else(|| (c, invalid("order", order_s, ("een geheel getal", "a whole number"))))?;
    let (label_nl, _) = required(row, 5, "label_nl")?;
    let (label_en, _) = required(row, 6, "label_en")?;
    let (vf, c9) = row.get(9);
    let valid_from = opt_date("valid_from", vf).map_err(|m| (c9, m))?;
    let (vt, c10) = row.get(10);
    let valid_to = opt_date("valid_to", vt).map_err(|m| (c10, m))?;
    if let (Some(a), Some(b)) = (valid_from, valid_to)
        && b < a
    {
        return Err((c10, invalid("valid_to", vt, BEFORE_VALID_FROM)));
    }
    let replaces = Some(row.get(11).0.to_string()).filter(|s| !s.is_empty());
    let (cw, c12) = row.get(12);
    let comparable_with: Vec<String> = cw.split(';').filter(|s| !s.is_empty()).map(str::to_string).collect();
    if cw.split(';').any(str::is_empty) && !cw.is_empty() {
        return Err((c12, invalid("comparable_with", cw, EMPTY_IN_LIST)));
    }
    Ok(Measure {
        code: code.to_string(),
        kind,
        unit,
        label_nl: label_nl.to_string(),
        label_en: label_en.to_string(),
        definition_nl: row.get(7).0.to_string(),
        definition_en: row.get(8).0.to_string(),
        valid_from,
        valid_to,
        replaces,
        comparable_with,
        group: group.to_string(),
        order,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "code,kind,unit,group,order,label_nl,label_en,definition_nl,definition_en,valid_from,valid_to,replaces,comparable_with\n";

    fn run(body: &str) -> (Vec<Measure>, LoadReport) {
        let mut r = LoadReport::default();
        let m = parse_measures("maten.csv", &format!("{HEAD}{body}"), &mut r).unwrap();
        (m, r)
    }

    #[test]
    fn cross_references_point_at_their_field() {
        let (m, r) = run("a,stock,addresses,g,1,A,A,,,,,,\nb,stock,addresses,g,2,B,B,,,,,zz,a\n");
        assert_eq!(m.len(), 1);
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!((r.diagnostics[0].line, r.diagnostics[0].column), (3, 31));
        assert_eq!(r.files[0].1, RowCount { read: 2, accepted: 1, rejected: 1 });
    }

    #[test]
    fn duplicates_and_bad_fields() {
        let (m, r) = run("a,stock,addresses,g,1,A,A,,,,,,\na,stock,addresses,g,1,A,A,,,,,,\nc,stok,addresses,g,1,C,C,,,,,,\n");
        assert_eq!(m.len(), 1);
        let at: Vec<_> = r.diagnostics.iter().map(|d| (d.line, d.column)).collect();
        assert_eq!(at, [(3, 1), (4, 3)]);
        assert!(r.total().balanced());
    }
}
