//! The archive: every publication with its observations, the measures, gemeenten and events —
//! parsed strictly from the canonical files in `public/data/`.

use std::collections::HashMap;

use super::breakdown::{valid_batch, Breakdown, Categorie, Eigenaar, Risicoprofiel};
use super::date::Date;
use super::diagnostic::{Diagnostic, Message, RowCount, Severity};
use super::event::{Event, EventKind};
use super::gemeente::{Gemeente, GemeenteCode, Registry};
use super::measure::{Measure, MeasureKind, Unit};
use super::observation::{Flag, Observation, OBSERVATION_HEADER};
use super::period::Period;
use super::publication::{Manifest, Publication};
use super::table::{self, Row};

pub const MEASURES_HEADER: [&str; 13] = [
    "code", "kind", "unit", "group", "order", "label_nl", "label_en", "definition_nl", "definition_en",
    "valid_from", "valid_to", "replaces", "comparable_with",
];
pub const GEMEENTEN_HEADER: [&str; 6] = ["code", "name", "valid_from", "valid_to", "successor", "in_operation"];
pub const EVENTS_HEADER: [&str; 6] = ["date", "kind", "measures", "text_nl", "text_en", "source"];

/// Everything loaded, typed and cross-checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Archive {
    pub publications: Vec<Publication>,
    pub measures: Vec<Measure>,
    pub gemeenten: Registry,
    pub events: Vec<Event>,
    pub observations: Vec<Observation>,
}

/// What loading found: row accounting per file and every problem.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadReport {
    pub files: Vec<(String, RowCount)>,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadReport {
    pub fn total(&self) -> RowCount {
        let mut t = RowCount::default();
        for (_, c) in &self.files {
            t.add(*c);
        }
        t
    }
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }
}

impl Archive {
    pub fn measure_index(&self, code: &str) -> Option<u32> {
        self.measures.iter().position(|m| m.code == code).and_then(|i| u32::try_from(i).ok())
    }
    pub fn measure(&self, idx: u32) -> Option<&Measure> {
        self.measures.get(idx as usize)
    }
    pub fn measure_by_code(&self, code: &str) -> Option<&Measure> {
        self.measures.iter().find(|m| m.code == code)
    }
    pub fn publication(&self, idx: u32) -> Option<&Publication> {
        self.publications.get(idx as usize)
    }
    /// The most recent publication by peildatum.
    pub fn latest_publication(&self) -> Option<&Publication> {
        self.publications.iter().max_by_key(|p| (p.peildatum, p.published))
    }
}

// ---------------------------------------------------------------------------------------------
// Field parsers: each returns a typed value or a message naming the field.

fn invalid(field: &str, value: &str, reason: impl Into<String>) -> Message {
    Message::Invalid { field: field.into(), value: value.chars().take(60).collect(), reason: reason.into() }
}

fn opt_date(field: &str, s: &str) -> Result<Option<Date>, Message> {
    if s.is_empty() { Ok(None) } else { Date::parse(s).map(Some).map_err(|e| invalid(field, s, e.to_string())) }
}

/// Parse a canonical value: plain digits with an optional `.` and decimals. No signs, no
/// thousands separators, no exponents. Whole numbers for counts of addresses.
pub fn parse_value(s: &str, unit: Unit) -> Result<f64, Message> {
    let field = "value";
    if s.is_empty() {
        return Err(Message::Missing { field: field.into() });
    }
    if s.starts_with('-') {
        return Err(invalid(field, s, "negative values are not allowed"));
    }
    if s.contains(',') {
        return Err(invalid(field, s, "a comma is not allowed: no thousands separators, decimals with '.'"));
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return Err(invalid(field, s, "not a number"));
    }
    if int.len() > 12 {
        return Err(invalid(field, s, "number too large"));
    }
    if unit == Unit::Addresses && frac.is_some() {
        return Err(invalid(
            field,
            s,
            "a count of addresses must be a whole number (a Dutch thousands separator? write 1234, not 1.234)",
        ));
    }
    let v: f64 = s.parse().map_err(|_| invalid(field, s, "not a number"))?;
    if unit == Unit::Percent && v > 100.0 {
        return Err(invalid(field, s, "a percentage above 100"));
    }
    Ok(v)
}

// ---------------------------------------------------------------------------------------------

fn rows_of(file: &str, text: &str, header: &[&str], report: &mut LoadReport) -> Result<Vec<Row>, Diagnostic> {
    let t = table::read(file, text, header)?;
    let mut count = RowCount { read: t.rows_read, accepted: 0, rejected: t.problems.len() as u64 };
    count.accepted = 0;
    report.diagnostics.extend(t.problems);
    report.files.push((file.to_string(), count));
    Ok(t.rows)
}

fn finish_count(report: &mut LoadReport, file: &str, accepted: u64, rejected: u64) {
    if let Some((_, c)) = report.files.iter_mut().rev().find(|(f, _)| f == file) {
        c.accepted += accepted;
        c.rejected += rejected;
    }
}

/// Parse `maten.csv`.
pub fn parse_measures(file: &str, text: &str, report: &mut LoadReport) -> Result<Vec<Measure>, Diagnostic> {
    let rows = rows_of(file, text, &MEASURES_HEADER, report)?;
    let mut out: Vec<Measure> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let (mut ok, mut bad) = (0, 0);
    for row in rows {
        match measure_row(&row) {
            Ok(m) => {
                if let Some(first) = seen.get(&m.code) {
                    report.diagnostics.push(Diagnostic::error(file, row.line, 1, Message::Duplicate { key: m.code.clone(), first_line: *first }));
                    bad += 1;
                    continue;
                }
                seen.insert(m.code.clone(), row.line);
                out.push(m);
                ok += 1;
            }
            Err((col, msg)) => {
                report.diagnostics.push(Diagnostic::error(file, row.line, col, msg));
                bad += 1;
            }
        }
    }
    // Cross references: `replaces` and `comparable_with` must name declared measures.
    for m in &out {
        let line = seen.get(&m.code).copied().unwrap_or(0);
        for r in m.replaces.iter().chain(m.comparable_with.iter()) {
            if !seen.contains_key(r) {
                report.diagnostics.push(Diagnostic::error(file, line, 1, Message::Unknown { what: "measure".into(), value: r.clone() }));
            }
        }
    }
    finish_count(report, file, ok, bad);
    Ok(out)
}

fn measure_row(row: &Row) -> Result<Measure, (u64, Message)> {
    let f = |i: usize| row.get(i);
    let req = |i: usize, name: &str| -> Result<(String, u64), (u64, Message)> {
        let (v, c) = f(i);
        if v.is_empty() { Err((c, Message::Missing { field: name.into() })) } else { Ok((v.to_string(), c)) }
    };
    let (code, c) = req(0, "code")?;
    if !code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        return Err((c, invalid("code", &code, "use a-z, 0-9 and _")));
    }
    let (kind_s, c) = req(1, "kind")?;
    let kind = MeasureKind::parse(&kind_s).ok_or((c, invalid("kind", &kind_s, "cumulative, stock, flow, target, lead_time_mean or share")))?;
    let (unit_s, c) = req(2, "unit")?;
    let unit = Unit::parse(&unit_s).ok_or((c, invalid("unit", &unit_s, "addresses, days or percent")))?;
    let (group, _) = req(3, "group")?;
    let (order_s, c) = req(4, "order")?;
    let order: u32 = order_s.parse().map_err(|_| (c, invalid("order", &order_s, "a whole number")))?;
    let (label_nl, _) = req(5, "label_nl")?;
    let (label_en, _) = req(6, "label_en")?;
    let (vf, c9) = f(9);
    let valid_from = opt_date("valid_from", vf).map_err(|m| (c9, m))?;
    let (vt, c10) = f(10);
    let valid_to = opt_date("valid_to", vt).map_err(|m| (c10, m))?;
    if let (Some(a), Some(b)) = (valid_from, valid_to) {
        if b < a {
            return Err((c10, invalid("valid_to", vt, "before valid_from")));
        }
    }
    let replaces = Some(f(11).0.to_string()).filter(|s| !s.is_empty());
    let comparable_with = f(12).0.split(';').filter(|s| !s.is_empty()).map(str::to_string).collect();
    Ok(Measure {
        code,
        kind,
        unit,
        label_nl,
        label_en,
        definition_nl: f(7).0.to_string(),
        definition_en: f(8).0.to_string(),
        valid_from,
        valid_to,
        replaces,
        comparable_with,
        group,
        order,
    })
}

/// Parse `gemeenten.csv`.
pub fn parse_gemeenten(file: &str, text: &str, report: &mut LoadReport) -> Result<Registry, Diagnostic> {
    let rows = rows_of(file, text, &GEMEENTEN_HEADER, report)?;
    let mut out = Vec::new();
    let mut seen: HashMap<GemeenteCode, u64> = HashMap::new();
    let (mut ok, mut bad) = (0, 0);
    for row in rows {
        let parsed = (|| -> Result<Gemeente, (u64, Message)> {
            let (code_s, c) = row.get(0);
            let code = GemeenteCode::parse(code_s).ok_or((c, invalid("code", code_s, "expected GM and four digits")))?;
            let (name, c) = row.get(1);
            if name.is_empty() {
                return Err((c, Message::Missing { field: "name".into() }));
            }
            let (vf, c2) = row.get(2);
            let valid_from = opt_date("valid_from", vf).map_err(|m| (c2, m))?;
            let (vt, c3) = row.get(3);
            let valid_to = opt_date("valid_to", vt).map_err(|m| (c3, m))?;
            let (s, c4) = row.get(4);
            let successor = if s.is_empty() {
                None
            } else {
                Some(GemeenteCode::parse(s).ok_or((c4, invalid("successor", s, "expected GM and four digits")))?)
            };
            if successor.is_some() && valid_to.is_none() {
                return Err((c3, Message::Missing { field: "valid_to".into() }));
            }
            let (op, c5) = row.get(5);
            let in_operation = match op {
                "yes" => true,
                "no" => false,
                _ => return Err((c5, invalid("in_operation", op, "yes or no"))),
            };
            Ok(Gemeente { code, name: name.to_string(), valid_from, valid_to, successor, in_operation })
        })();
        match parsed {
            Ok(g) => {
                if let Some(first) = seen.get(&g.code) {
                    report.diagnostics.push(Diagnostic::error(file, row.line, 1, Message::Duplicate { key: g.code.to_string(), first_line: *first }));
                    bad += 1;
                } else {
                    seen.insert(g.code, row.line);
                    out.push(g);
                    ok += 1;
                }
            }
            Err((col, msg)) => {
                report.diagnostics.push(Diagnostic::error(file, row.line, col, msg));
                bad += 1;
            }
        }
    }
    for g in &out {
        if let Some(s) = g.successor {
            if !seen.contains_key(&s) {
                let line = seen.get(&g.code).copied().unwrap_or(0);
                report.diagnostics.push(Diagnostic::error(file, line, 1, Message::Unknown { what: "gemeente".into(), value: s.to_string() }));
            }
        }
    }
    finish_count(report, file, ok, bad);
    Ok(Registry::new(out))
}

/// Parse `gebeurtenissen.csv` (events).
pub fn parse_events(file: &str, text: &str, measures: &[Measure], report: &mut LoadReport) -> Result<Vec<Event>, Diagnostic> {
    let rows = rows_of(file, text, &EVENTS_HEADER, report)?;
    let mut out = Vec::new();
    let (mut ok, mut bad) = (0, 0);
    for row in rows {
        let parsed = (|| -> Result<Event, (u64, Message)> {
            let (d, c) = row.get(0);
            let date = Date::parse(d).map_err(|e| (c, invalid("date", d, e.to_string())))?;
            let (k, c) = row.get(1);
            let kind = EventKind::parse(k).ok_or((c, invalid("kind", k, "definition_change, data_correction, earthquake, policy or reporting_change")))?;
            let (ms, c) = row.get(2);
            let list: Vec<String> = ms.split(';').filter(|s| !s.is_empty()).map(str::to_string).collect();
            for m in &list {
                if !measures.iter().any(|x| &x.code == m) {
                    return Err((c, Message::Unknown { what: "measure".into(), value: m.clone() }));
                }
            }
            let (nl, c) = row.get(3);
            if nl.is_empty() {
                return Err((c, Message::Missing { field: "text_nl".into() }));
            }
            let (en, c) = row.get(4);
            if en.is_empty() {
                return Err((c, Message::Missing { field: "text_en".into() }));
            }
            let (src, c) = row.get(5);
            if src.is_empty() {
                return Err((c, Message::Missing { field: "source".into() }));
            }
            Ok(Event { date, kind, measures: list, text_nl: nl.into(), text_en: en.into(), source: src.into() })
        })();
        match parsed {
            Ok(e) => {
                out.push(e);
                ok += 1;
            }
            Err((col, msg)) => {
                report.diagnostics.push(Diagnostic::error(file, row.line, col, msg));
                bad += 1;
            }
        }
    }
    out.sort_by_key(|e| e.date);
    finish_count(report, file, ok, bad);
    Ok(out)
}

/// Parse one publication's observation file. Rows that fail are rejected and reported;
/// the count read = accepted + rejected always holds.
pub fn parse_observations(
    file: &str,
    text: &str,
    publication: u32,
    measures: &[Measure],
    gemeenten: &Registry,
    report: &mut LoadReport,
) -> Result<Vec<Observation>, Diagnostic> {
    let rows = rows_of(file, text, &OBSERVATION_HEADER, report)?;
    let by_code: HashMap<&str, u32> =
        measures.iter().enumerate().filter_map(|(i, m)| Some((m.code.as_str(), u32::try_from(i).ok()?))).collect();
    let mut out = Vec::with_capacity(rows.len());
    let mut seen: HashMap<(u32, Period, Breakdown), u64> = HashMap::with_capacity(rows.len());
    let (mut ok, mut bad) = (0u64, 0u64);
    for row in rows {
        match observation_row(&row, publication, measures, &by_code, gemeenten) {
            Ok(o) => {
                let key = (o.measure, o.period.normalised(), o.breakdown.clone());
                if let Some(first) = seen.get(&key) {
                    let m = measures.get(o.measure as usize).map(|m| m.code.as_str()).unwrap_or("?");
                    report.diagnostics.push(Diagnostic::error(
                        file,
                        row.line,
                        1,
                        Message::Duplicate { key: format!("{m} {} {}", o.period, o.breakdown.key()), first_line: *first },
                    ));
                    bad += 1;
                    continue;
                }
                seen.insert(key, row.line);
                out.push(o);
                ok += 1;
            }
            Err((col, msg)) => {
                report.diagnostics.push(Diagnostic::error(file, row.line, col, msg));
                bad += 1;
            }
        }
    }
    finish_count(report, file, ok, bad);
    Ok(out)
}

fn observation_row(
    row: &Row,
    publication: u32,
    measures: &[Measure],
    by_code: &HashMap<&str, u32>,
    gemeenten: &Registry,
) -> Result<Observation, (u64, Message)> {
    let (code, c) = row.get(0);
    if code.is_empty() {
        return Err((c, Message::Missing { field: "measure".into() }));
    }
    let midx = *by_code.get(code).ok_or((c, Message::Unknown { what: "measure".into(), value: code.chars().take(60).collect() }))?;
    let measure = measures.get(midx as usize).ok_or((c, Message::Unknown { what: "measure".into(), value: code.into() }))?;
    let (p, c) = row.get(1);
    let period = Period::parse(p).map_err(|e| (c, invalid("period", p, e.to_string())))?;
    if period.is_date() && !measure.kind.allows_date() {
        return Err((c, invalid("period", p, format!("{} is a {} measure and needs an interval", measure.code, measure.kind.as_str()))));
    }
    if !period.is_date() && !measure.kind.allows_interval() {
        return Err((c, invalid("period", p, format!("{} is a {} measure and needs a date", measure.code, measure.kind.as_str()))));
    }
    let mut b = Breakdown::default();
    let (g, c) = row.get(2);
    if !g.is_empty() {
        let code = GemeenteCode::parse(g).ok_or((c, invalid("gemeente", g, "expected GM and four digits")))?;
        let gm = gemeenten.get(code).ok_or((c, Message::Unknown { what: "gemeente".into(), value: g.into() }))?;
        if !gm.exists_on(period.end()) && period.start().is_none_or(|s| !gm.exists_on(s)) {
            return Err((c, invalid("gemeente", g, format!("{} did not exist in {period}", gm.name))));
        }
        b.gemeente = Some(code);
    }
    let (batch, c) = row.get(3);
    if !batch.is_empty() {
        if !valid_batch(batch) {
            return Err((c, invalid("batch", batch, "letters, digits, - and _ only")));
        }
        b.batch = Some(batch.to_string());
    }
    let (r, c) = row.get(4);
    if !r.is_empty() {
        b.risicoprofiel = Some(Risicoprofiel::parse(r).ok_or((c, invalid("risicoprofiel", r, "P50, P90 or grijs")))?);
    }
    let (e, c) = row.get(5);
    if !e.is_empty() {
        b.eigenaar = Some(Eigenaar::parse(e).ok_or((c, invalid("eigenaar", e, "corporatie or particulier")))?);
    }
    let (k, c) = row.get(6);
    if !k.is_empty() {
        b.categorie = Some(Categorie::parse(k).ok_or((c, invalid("categorie", k, "zorg, school, dorpshuis, agro or eigen_initiatief")))?);
    }
    let (f, cf) = row.get(8);
    let flag = Flag::parse(f).ok_or((cf, invalid("flag", f, "published, approximate, derived, estimated, suppressed or synthetic")))?;
    let (v, cv) = row.get(7);
    let value = if flag == Flag::Suppressed {
        if !v.is_empty() {
            return Err((cv, invalid("value", v, "a suppressed value must be empty")));
        }
        None
    } else {
        Some(parse_value(v, measure.unit).map_err(|m| (cv, m))?)
    };
    let (source, cs) = row.get(9);
    if source.is_empty() && matches!(flag, Flag::Published | Flag::Approximate) {
        return Err((cs, Message::Missing { field: "source".into() }));
    }
    let (note, cn) = row.get(10);
    if note.is_empty() && matches!(flag, Flag::Derived | Flag::Estimated) {
        return Err((cn, Message::Missing { field: "note".into() }));
    }
    Ok(Observation {
        publication,
        measure: midx,
        period,
        breakdown: b,
        value,
        flag,
        source: source.to_string(),
        note: note.to_string(),
        line: row.line,
    })
}

/// Build the archive from the manifest and the texts of its files. `read` returns a file's text
/// (or a diagnostic when it cannot be had). Fatal: manifest-level files that cannot be parsed.
pub fn assemble(
    manifest: &Manifest,
    mut read: impl FnMut(&str) -> Result<String, Diagnostic>,
) -> Result<(Archive, LoadReport), Vec<Diagnostic>> {
    let mut report = LoadReport::default();
    let measures_text = read(&manifest.measures_file).map_err(|d| vec![d])?;
    let measures = parse_measures(&manifest.measures_file, &measures_text, &mut report).map_err(|d| vec![d])?;
    let gem_text = read(&manifest.gemeenten_file).map_err(|d| vec![d])?;
    let gemeenten = parse_gemeenten(&manifest.gemeenten_file, &gem_text, &mut report).map_err(|d| vec![d])?;
    let ev_text = read(&manifest.events_file).map_err(|d| vec![d])?;
    let events = parse_events(&manifest.events_file, &ev_text, &measures, &mut report).map_err(|d| vec![d])?;
    let mut observations = Vec::new();
    for (i, p) in manifest.publications.iter().enumerate() {
        let idx = u32::try_from(i).unwrap_or(u32::MAX);
        let text = match read(&p.file) {
            Ok(t) => t,
            Err(d) => {
                report.diagnostics.push(d);
                continue;
            }
        };
        match parse_observations(&p.file, &text, idx, &measures, &gemeenten, &mut report) {
            Ok(obs) => observations.extend(obs),
            Err(d) => report.diagnostics.push(d),
        }
    }
    Ok((Archive { publications: manifest.publications.clone(), measures, gemeenten, events, observations }, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_strict() {
        assert_eq!(parse_value("26716", Unit::Addresses), Ok(26716.0));
        assert_eq!(parse_value("3.4", Unit::Days), Ok(3.4));
        for bad in ["26.716", "26,716", "-5", "1e3", "", " 5", "5 ", "+5", "0x10", ".5", "5."] {
            assert!(parse_value(bad, Unit::Addresses).is_err(), "{bad}");
        }
        assert!(parse_value("100.5", Unit::Percent).is_err());
    }
}
