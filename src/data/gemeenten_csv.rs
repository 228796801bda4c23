//! Reading `gemeenten.csv`: the gemeente registry with validity and successors.

use std::collections::HashMap;

use super::archive::LoadReport;
use super::diagnostic::{Diagnostic, Message, Place, RowCount};
use super::fields::{invalid, opt_date, Located, BEFORE_VALID_FROM, GEMEENTE_CODE, UNKNOWN_GEMEENTE};
use super::gemeente::{Gemeente, GemeenteCode, Registry};
use super::table::{Row, TableReader};

pub const GEMEENTEN_HEADER: [&str; 6] = ["code", "name", "valid_from", "valid_to", "successor", "in_operation"];

/// Parse `gemeenten.csv`. Rows that fail (including a successor that is not in the file, or a
/// duplicate code) are rejected and reported; `Err` only when the file as a whole is unusable.
pub fn parse_gemeenten(file: &str, text: &str, report: &mut LoadReport) -> Result<Registry, Diagnostic> {
    let mut reader = TableReader::open(file, text, &GEMEENTEN_HEADER)?;
    let mut count = RowCount::default();
    let mut parsed: Vec<(Gemeente, Place)> = Vec::new();
    let mut seen: HashMap<GemeenteCode, u64> = HashMap::new();
    let mut row = Row::default();
    while let Some(r) = reader.next_row(&mut row) {
        let outcome = r.map_err(|d| (Place::new(d.line, d.column), d.message)).and_then(|()| {
            let g = gemeente_row(&row)?;
            if let Some(first) = seen.get(&g.code) {
                return Err((row.get(0).1, Message::Duplicate { what: ("dubbele gemeente", "duplicate gemeente"), key: g.code.to_string(), first_line: *first }));
            }
            Ok(g)
        });
        match outcome {
            Ok(g) => {
                seen.insert(g.code, row.line);
                parsed.push((g, row.get(4).1));
            }
            Err((place, msg)) => {
                report.diagnostics.push(Diagnostic::error_at(file, place, msg));
                count.rejected += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(parsed.len());
    for (g, successor_at) in parsed {
        match g.successor {
            Some(s) if s == g.code => {
                report.diagnostics.push(Diagnostic::error_at(file, successor_at, invalid("successor", &s.to_string(), ("een gemeente kan niet zichzelf opvolgen", "a gemeente cannot succeed itself"))));
                count.rejected += 1;
            }
            Some(s) if !seen.contains_key(&s) => {
                report.diagnostics.push(Diagnostic::error_at(file, successor_at, Message::Unknown { what: UNKNOWN_GEMEENTE, value: s.to_string() }));
                count.rejected += 1;
            }
            _ => {
                out.push(g);
                count.accepted += 1;
            }
        }
    }
    count.read = reader.rows_read();
    report.files.push((file.to_string(), count));
    Ok(Registry::new(out))
}

fn gemeente_row(row: &Row<'_>) -> Result<Gemeente, Located> {
    let (code_s, c) = row.get(0);
    let code = GemeenteCode::parse(code_s).ok_or_else(|| (c, invalid("code", code_s, GEMEENTE_CODE)))?;
    let (name, c) = row.get(1);
    if name.is_empty() {
        return Err((c, Message::Missing { field: "name".into() }));
    }
    let (vf, c2) = row.get(2);
    let valid_from = opt_date("valid_from", vf).map_err(|m| (c2, m))?;
    let (vt, c3) = row.get(3);
    let valid_to = opt_date("valid_to", vt).map_err(|m| (c3, m))?;
    if let (Some(a), Some(b)) = (valid_from, valid_to)
        && b < a
    {
        return Err((c3, invalid("valid_to", vt, BEFORE_VALID_FROM)));
    }
    let (s, c4) = row.get(4);
    let successor = if s.is_empty() {
        None
    } else {
        Some(GemeenteCode::parse(s).ok_or_else(|| (c4, invalid("successor", s, GEMEENTE_CODE)))?)
    };
    if successor.is_some() && valid_to.is_none() {
        return Err((c3, Message::Missing { field: "valid_to".into() }));
    }
    let (op, c5) = row.get(5);
    let in_operation = match op {
        "yes" => true,
        "no" => false,
        _ => return Err((c5, invalid("in_operation", op, ("yes of no", "yes or no")))),
    };
    Ok(Gemeente { code, name: name.to_string(), valid_from, valid_to, successor, in_operation })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn successors_must_exist() {
        let mut r = LoadReport::default();
        let text = "code,name,valid_from,valid_to,successor,in_operation\nGM0003,Appingedam,,2020-12-31,GM1979,yes\nGM0010,Delfzijl,,2020-12-31,GM1978,yes\nGM1979,Eemsdelta,2021-01-01,,,yes\n";
        let reg = parse_gemeenten("g.csv", text, &mut r).unwrap();
        assert_eq!(reg.all().len(), 2);
        assert_eq!((r.diagnostics[0].line, r.diagnostics[0].column), (3, 29));
        assert!(r.total().balanced());
    }
}
