//! Reading one publication's observation file (`publicaties/<id>.csv`).
//!
//! Every row is checked on its own (types, flag rules) and against the other files: the measure
//! must be declared in `maten.csv`, the period form must suit the measure's kind (a stock on a
//! date, a flow over an interval), a gemeente must exist in `gemeenten.csv` and must have existed
//! during the period, and a (measure, period, breakdown) may occur only once per file.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

pub use super::fast_hash::FastHasher;

use super::archive::LoadReport;
use super::breakdown::{valid_batch, Breakdown, Categorie, Eigenaar, Risicoprofiel};
use super::diagnostic::{Diagnostic, Message, Place, RowCount};
use super::fields::{invalid, parse_value, Located, BATCH_CHARS, CATEGORIE, EIGENAAR, GEMEENTE_CODE, RISICOPROFIEL, UNKNOWN_GEMEENTE, UNKNOWN_MEASURE};
use super::gemeente::{GemeenteCode, Registry};
use super::measure::Measure;
use super::observation::{Flag, Observation, OBSERVATION_HEADER};
use super::period::Period;
use super::table::{field_of, Row, TableReader};


/// A second figure for one measure, period and breakdown. The breakdown is named by its codes
/// ("risicoprofiel=P50"); the total, which has none, by the message ("dubbel totaalcijfer"),
/// where it said "totaal" on English pages too.
pub fn duplicate_figure(measure: &str, period: &super::period::Period, breakdown: &Breakdown, first_line: u64) -> Message {
    if breakdown.is_total() {
        Message::Duplicate { what: ("dubbel totaalcijfer", "duplicate total figure"), key: format!("{measure} {period}"), first_line }
    } else {
        Message::Duplicate { what: ("dubbel cijfer", "duplicate figure"), key: format!("{measure} {period} {}", breakdown.key()), first_line }
    }
}

/// Parse one publication's observation file. Rows that fail are rejected and reported; the count
/// read = accepted + rejected always holds. `Err` only when the file as a whole is unusable
/// (empty, not UTF-8, wrong header). A measure used outside its definition era is accepted with
/// a warning.
pub fn parse_observations(
    file: &str,
    text: &str,
    publication: u32,
    measures: &[Measure],
    gemeenten: &Registry,
    report: &mut LoadReport,
) -> Result<Vec<Observation>, Diagnostic> {
    let mut reader = TableReader::open(file, text, &OBSERVATION_HEADER)?;
    let by_code: HashMap<&str, u32, BuildHasherDefault<FastHasher>> =
        measures.iter().enumerate().filter_map(|(i, m)| Some((m.code.as_str(), u32::try_from(i).ok()?))).collect();
    // A rough guess of the number of rows keeps the big vector from regrowing.
    let mut out: Vec<Observation> = Vec::with_capacity(text.len() / 64);
    let mut warnings: Vec<(usize, Diagnostic)> = Vec::new();
    let first_diagnostic = report.diagnostics.len();
    let mut count = RowCount::default();
    let mut row = Row::default();
    while let Some(r) = reader.next_row(&mut row) {
        if let Err(d) = r {
            report.diagnostics.push(d);
            count.rejected += 1;
            continue;
        }
        // The observation is built in place at the end of `out`: it is large, and moving it
        // around cost more than parsing it.
        match observation_row(&row, publication, measures, &by_code, gemeenten, &mut out) {
            Ok(Some((place, msg))) => {
                let field = field_of(&row, &OBSERVATION_HEADER, place);
                warnings.push((out.len() - 1, Diagnostic::warning_at(file, place, msg).in_field(field)));
            }
            Ok(None) => {}
            Err((place, msg)) => {
                report.diagnostics.push(reader.error_in(&row, place, msg));
                count.rejected += 1;
            }
        }
    }
    // A (measure, normalised period, breakdown) may occur once: later occurrences are rejected.
    let duplicates = find_duplicates(&out, fingerprint);
    let mut is_duplicate = vec![false; out.len()];
    for &(i, first_line) in &duplicates {
        let Some(o) = out.get(i) else { continue };
        let m = measures.get(o.measure as usize).map(|m| m.code.as_str()).unwrap_or("?");
        // The key starts with the measure, in column 1.
        report.diagnostics.push(
            Diagnostic::error_at(file, Place::new(o.line, 1), duplicate_figure(m, &o.period, &o.breakdown, first_line))
                .in_field(OBSERVATION_HEADER.first().map(|name| (1, *name))),
        );
        if let Some(flag) = is_duplicate.get_mut(i) {
            *flag = true;
        }
    }
    report.diagnostics.extend(warnings.into_iter().filter(|(i, _)| !is_duplicate.get(*i).copied().unwrap_or(false)).map(|(_, d)| d));
    if !duplicates.is_empty() {
        let mut i = 0;
        out.retain(|_| {
            i += 1;
            !is_duplicate.get(i - 1).copied().unwrap_or(false)
        });
    }
    // This file's problems in file order.
    if let Some(mine) = report.diagnostics.get_mut(first_diagnostic..) {
        crate::data::sort::sort_by_key(&mut mine[..], |d| (d.line, d.column));
    }
    count.rejected += duplicates.len() as u64;
    count.accepted = out.len() as u64;
    count.read = reader.rows_read();
    report.files.push((file.to_string(), count));
    Ok(out)
}

type Key<'o> = (u32, Period, &'o Breakdown);

fn key_of(o: &Observation) -> Key<'_> {
    (o.measure, o.period.normalised(), &o.breakdown)
}

/// A well-mixed 64-bit fingerprint of an observation's key.
fn fingerprint(o: &Observation) -> u64 {
    let mut h = FastHasher::default();
    key_of(o).hash(&mut h);
    // MurmurHash3's finaliser: every input bit affects every output bit.
    let mut x = h.finish();
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// The duplicate check: every observation whose key occurred earlier in `obs`, with the line of
/// the first occurrence, as `(index, first line)`.
///
/// A hash map of a million keys is slow (every lookup misses the cache), so the fingerprints are
/// sorted instead and only observations with equal fingerprints are compared, by their full keys:
/// a fingerprint collision never makes a false duplicate.
fn find_duplicates(obs: &[Observation], fingerprint: impl Fn(&Observation) -> u64) -> Vec<(usize, u64)> {
    let mut fps: Vec<(u64, usize)> = obs.iter().enumerate().map(|(i, o)| (fingerprint(o), i)).collect();
    crate::data::sort::sort(&mut fps[..]);
    let mut out = Vec::new();
    for group in fps.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        // In file order (the sort keeps equal fingerprints by index); groups are tiny.
        let mut firsts: Vec<&Observation> = Vec::new();
        for &(_, i) in group {
            let Some(o) = obs.get(i) else { continue };
            match firsts.iter().find(|f| key_of(f) == key_of(o)) {
                Some(first) => out.push((i, first.line)),
                None => firsts.push(o),
            }
        }
    }
    crate::data::sort::sort(&mut out[..]);
    out
}

/// One row → an observation pushed onto `out`, plus an optional warning that does not reject
/// the row. Nothing is pushed when the row is rejected.
fn observation_row(
    row: &Row<'_>,
    publication: u32,
    measures: &[Measure],
    by_code: &HashMap<&str, u32, BuildHasherDefault<FastHasher>>,
    gemeenten: &Registry,
    out: &mut Vec<Observation>,
) -> Result<Option<Located>, Located> {
    let (code, c) = row.get(0);
    if code.is_empty() {
        return Err((c, Message::Missing { field: "measure".into() }));
    }
    let unknown = || (c, Message::Unknown { what: UNKNOWN_MEASURE, value: code.chars().take(60).collect() });
    let midx = *by_code.get(code).ok_or_else(unknown)?;
    let measure = measures.get(midx as usize).ok_or_else(unknown)?;
    let (p, cp) = row.get(1);
    let period = Period::parse(p).map_err(|e| (cp, invalid("period", p, e.reason())))?;
    if period.is_date() && !measure.kind.allows_date() {
        return Err((cp, Message::PeriodKind { measure: measure.code.clone(), kind: measure.kind.as_str().into(), needs: "an interval" }));
    }
    if !period.is_date() && !measure.kind.allows_interval() {
        return Err((cp, Message::PeriodKind { measure: measure.code.clone(), kind: measure.kind.as_str().into(), needs: "a date" }));
    }
    let mut b = Breakdown::default();
    let (g, c) = row.get(2);
    if !g.is_empty() {
        let code = GemeenteCode::parse(g).ok_or_else(|| (c, invalid("gemeente", g, GEMEENTE_CODE)))?;
        let gm = gemeenten.get(code).ok_or_else(|| (c, Message::Unknown { what: UNKNOWN_GEMEENTE, value: g.into() }))?;
        // It must have existed at some point during the period.
        let starts_in_time = gm.valid_from.is_none_or(|f| f <= period.end());
        let ends_in_time = gm.valid_to.is_none_or(|t| period.start().is_none_or(|s| s <= t));
        if !(starts_in_time && ends_in_time) {
            return Err((c, Message::GemeenteNotInPeriod { code: g.into(), name: gm.name.clone(), period: period.to_string() }));
        }
        b.gemeente = Some(code);
    }
    let (batch, c) = row.get(3);
    if !batch.is_empty() {
        if !valid_batch(batch) {
            return Err((c, invalid("batch", batch, BATCH_CHARS)));
        }
        b.batch = Some(std::sync::Arc::from(batch));
    }
    let (r, c) = row.get(4);
    if !r.is_empty() {
        b.risicoprofiel = Some(Risicoprofiel::parse(r).ok_or_else(|| (c, invalid("risicoprofiel", r, RISICOPROFIEL)))?);
    }
    let (e, c) = row.get(5);
    if !e.is_empty() {
        b.eigenaar = Some(Eigenaar::parse(e).ok_or_else(|| (c, invalid("eigenaar", e, EIGENAAR)))?);
    }
    let (k, c) = row.get(6);
    if !k.is_empty() {
        b.categorie = Some(Categorie::parse(k).ok_or_else(|| (c, invalid("categorie", k, CATEGORIE)))?);
    }
    let (f, cf) = row.get(8);
    let flag = Flag::parse(f).ok_or_else(|| (cf, invalid(
            "flag",
            f,
            ("published, approximate, derived, estimated, suppressed of synthetic", "published, approximate, derived, estimated, suppressed or synthetic"),
        )))?;
    let (v, cv) = row.get(7);
    let value = if flag == Flag::Suppressed {
        if !v.is_empty() {
            return Err((cv, invalid("value", v, ("een onderdrukte waarde (suppressed) moet leeg zijn", "a suppressed value must be empty"))));
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
    let in_era = measure.valid_from.is_none_or(|f| f <= period.end())
        && measure.valid_to.is_none_or(|t| period.start().is_none_or(|s| s <= t));
    let warning = (!in_era).then(|| {
        let era = match (measure.valid_from, measure.valid_to) {
            (Some(a), Some(b)) => format!("{a}..{b}"),
            (Some(a), None) => format!("{a}.."),
            (None, Some(b)) => format!("..{b}"),
            (None, None) => String::new(),
        };
        (cp, Message::OutsideDefinition { measure: measure.code.clone(), period: period.to_string(), era })
    });
    out.push(Observation {
        publication,
        measure: midx,
        period,
        breakdown: b,
        value,
        flag,
        source: source.into(),
        note: note.into(),
        line: row.line,
    });
    Ok(warning)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::date::Date;
    use crate::data::gemeente::Gemeente;
    use crate::data::measure::{MeasureKind, Unit};

    fn m(code: &str, kind: MeasureKind) -> Measure {
        Measure {
            code: code.into(),
            kind,
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

    fn reg() -> Registry {
        Registry::new(vec![
            Gemeente { code: GemeenteCode(1979), name: "Eemsdelta".into(), valid_from: Date::new(2021, 1, 1), valid_to: None, successor: None, in_operation: true },
            Gemeente { code: GemeenteCode(3), name: "Appingedam".into(), valid_from: None, valid_to: Date::new(2020, 12, 31), successor: Some(GemeenteCode(1979)), in_operation: true },
        ])
    }

    const HEAD: &str = "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note\n";

    fn run(body: &str) -> (Vec<Observation>, LoadReport) {
        let ms = vec![m("werkvoorraad", MeasureKind::Stock), m("opname", MeasureKind::Cumulative), m("herbeoordeling", MeasureKind::Flow)];
        let mut r = LoadReport::default();
        let o = parse_observations("p.csv", &format!("{HEAD}{body}"), 0, &ms, &reg(), &mut r).unwrap();
        assert!(r.total().balanced());
        (o, r)
    }

    fn places(r: &LoadReport) -> Vec<(u64, u64)> {
        r.diagnostics.iter().map(|d| (d.line, d.column)).collect()
    }

    #[test]
    fn cross_references_and_kinds() {
        let (o, r) = run(concat!(
            "werkvoorraad,2019-06-30,GM1979,,,,,5,published,s,\n", // Eemsdelta did not exist in 2019
            "werkvoorraad,2021-06-30,GM1979,,,,,5,published,s,\n",
            "werkvoorraad,2021-Q2,,,,,,5,published,s,\n",        // a stock over an interval
            "herbeoordeling,2021-06-30,,,,,,5,published,s,\n",   // a flow on a date
            "opname,2020-07-01..2021-06-30,GM0003,,,,,5,published,s,\n", // overlaps Appingedam's life
            "opname,..2021-06-30,GM1979,,,,,5,published,s,\n",
            "bouw,2021-06-30,,,,,,5,published,s,\n",
            "werkvoorraad,2021-06-30,GM1979,,,,,6,published,s,\n", // duplicate of line 3
        ));
        assert_eq!(o.len(), 3);
        // Eemsdelta in 2019 (gemeente field), stock over an interval and flow on a date (period
        // field), an unknown measure and a duplicate key (start of the row).
        assert_eq!(places(&r), [(2, 25), (4, 14), (5, 16), (8, 1), (9, 1)]);
    }

    /// Regression: a Dutch page said "onbekende measure 'onbekend'" and "(not a number)", and
    /// placed them at "kolom 51", a character in the line. The messages are now Dutch on a Dutch
    /// page and name the field (number and column name); the English is unchanged.
    #[test]
    fn rejections_are_dutch_on_dutch_pages_and_name_the_column() {
        use crate::i18n::Lang;
        let (_, r) = run(concat!(
            "onbekend,2021-06-30,,,,,,5,published,s,\n",
            "werkvoorraad,2021-06-30,,,,,,vijf,published,s,\n",
            "werkvoorraad,2021-13,,,,,,5,published,s,\n",
            "werkvoorraad,2021-06-30,,,,,,5,published,s,\n",
            "werkvoorraad,2021-06-30,,,,,,6,published,s,\n",
        ));
        let nl: Vec<String> = r.diagnostics.iter().map(|d| d.describe(Lang::Nl)).collect();
        assert_eq!(
            nl,
            [
                "p.csv, regel 2, kolom 1 (measure): fout: onbekende maat 'onbekend'",
                "p.csv, regel 3, kolom 8 (value): fout: veld 'value': 'vijf' is ongeldig (geen getal)",
                "p.csv, regel 4, kolom 2 (period): fout: veld 'period': '2021-13' is ongeldig (die dag bestaat niet)",
                "p.csv, regel 6, kolom 1 (measure): fout: dubbel totaalcijfer werkvoorraad 2021-06-30 (eerder op regel 5)",
            ]
        );
        assert_eq!(r.diagnostics[0].message.text(Lang::En), "unknown measure 'onbekend'");
        // Regression: the duplicate said "totaal" on English pages too (the breakdown's key).
        assert_eq!(r.diagnostics[3].message.text(Lang::En), "duplicate total figure werkvoorraad 2021-06-30 (first on line 5)");
        assert_eq!(r.diagnostics[1].render(Lang::En), "p.csv:3:30: error: field 'value': 'vijf' is invalid (not a number)");
        let (_, r) = run("werkvoorraad,2021-06-30,GM1979,,,,,5,published,s,\nwerkvoorraad,2021-06-30,GM1979,,,,,6,published,s,\n");
        assert_eq!(r.diagnostics[0].message.text(Lang::Nl), "dubbel cijfer werkvoorraad 2021-06-30 gemeente=GM1979 (eerder op regel 2)");
    }

    #[test]
    fn colliding_fingerprints_never_make_false_duplicates() {
        let (o, _) = run("werkvoorraad,2021-06-30,,,,,,5,published,s,\nopname,2021-06-30,,,,,,6,published,s,\nopname,2021-Q2,,,,,,7,published,s,\n");
        assert_eq!(o.len(), 3);
        let again = [o[0].clone(), o[1].clone(), o[2].clone(), Observation { line: 9, ..o[1].clone() }];
        // Every observation gets the same fingerprint: only the true duplicate is found.
        assert_eq!(find_duplicates(&again, |_| 42), [(3, 3)]);
        assert_eq!(find_duplicates(&again, fingerprint), [(3, 3)]);
    }

    #[test]
    fn values_and_flags() {
        let (o, r) = run(concat!(
            "opname,2021-06-30,,,,,,26.716,published,s,\n",
            "opname,2021-05-31,,,,,,,suppressed,s,\n",
            "opname,2021-04-30,,,,,,3,suppressed,s,\n",
            "opname,2021-03-31,,,,,,3,published,,\n",
            "opname,2021-02-28,,,,,,3,derived,s,\n",
            "opname,2021-01-31,,,,,,-3,published,s,\n",
        ));
        assert_eq!(o.len(), 1);
        assert_eq!(places(&r), [(2, 24), (4, 24), (5, 36), (6, 36), (7, 24)]);
    }
}
