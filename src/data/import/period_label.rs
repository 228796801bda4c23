//! Period labels of NCG and SodM column headers: "Jan", "2e kw 2020", "1e en 2e kw 2019",
//! "Voor 2017", "2018", "Eindtotaal", "Totaal Q1 2021", and the canonical forms (`2020-Q2`).

use super::labels::{normalise, TOTAL_LABELS};
use crate::data::date::{Date, Month, MAX_YEAR, MIN_YEAR};
use crate::data::period::Period;

/// What a column header says about time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodLabel {
    Period(Period),
    /// A month without a year ("Jan"): the year comes from the rest of the table or the options.
    MonthOnly(u8),
    /// "Totaal" / "Eindtotaal": the span of the other period columns.
    Total,
    /// "Totaal Q1 2021": a total over a named period.
    TotalOf(Period),
}

const MONTHS: [(&str, u8); 27] = [
    ("jan", 1), ("januari", 1), ("feb", 2), ("februari", 2), ("mrt", 3), ("maart", 3), ("mar", 3),
    ("apr", 4), ("april", 4), ("mei", 5), ("jun", 6), ("juni", 6), ("jul", 7), ("juli", 7),
    ("aug", 8), ("augustus", 8), ("sep", 9), ("sept", 9), ("september", 9), ("okt", 10), ("oktober", 10),
    ("oct", 10), ("nov", 11), ("november", 11), ("dec", 12), ("december", 12), ("may", 5),
];

fn month(token: &str) -> Option<u8> {
    let t = token.trim_end_matches('.');
    MONTHS.iter().find(|(n, _)| *n == t).map(|(_, m)| *m)
}

fn year(token: &str) -> Option<i32> {
    if token.len() != 4 || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok().filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))
}

/// "1e", "2de", "1ste", "4", "derde" → 1..=4 (quarters, halves).
fn ordinal(token: &str) -> Option<u8> {
    match token {
        "eerste" => return Some(1),
        "tweede" => return Some(2),
        "derde" => return Some(3),
        "vierde" => return Some(4),
        _ => {}
    }
    let d = token.strip_suffix("ste").or_else(|| token.strip_suffix("de")).or_else(|| token.strip_suffix('e')).unwrap_or(token);
    d.parse::<u8>().ok().filter(|n| (1..=4).contains(n))
}

fn quarter(year: i32, q: u8) -> Option<Period> {
    (1..=4).contains(&q).then_some(Period::Quarter { year, quarter: q })
}

/// Two or more consecutive quarters of one year as one period (Q1+Q2 = H1).
fn quarters(year: i32, from: u8, to: u8) -> Option<Period> {
    if !(1..=4).contains(&from) || !(1..=4).contains(&to) || to < from {
        return None;
    }
    let start = Date::new(year, (from - 1) * 3 + 1, 1)?;
    let end = quarter(year, to)?.end();
    Some(Period::Range { start, end }.normalised())
}

fn is_quarter_word(t: &str) -> bool {
    matches!(t, "kw" | "kw." | "kwartaal")
}

fn until_end_of(year: i32) -> Option<Period> {
    Date::new(year, 12, 31).map(Period::Until)
}

/// Read a period label. `None` when the label is not about time.
///
/// ```
/// use versterkingsmonitor::data::import::period_label::{parse_period_label, PeriodLabel};
/// use versterkingsmonitor::data::period::Period;
/// let p = |s| match parse_period_label(s) { Some(PeriodLabel::Period(p)) => p.to_string(), other => format!("{other:?}") };
/// assert_eq!(p("2e kw 2020"), "2020-Q2");
/// assert_eq!(p("1e en 2e kw 2019"), "2019-H1");
/// assert_eq!(p("Voor 2017"), "..2016-12-31");
/// assert_eq!(parse_period_label("Eindtotaal"), Some(PeriodLabel::Total));
/// ```
pub fn parse_period_label(label: &str) -> Option<PeriodLabel> {
    if let Ok(p) = Period::parse(label.trim()) {
        return Some(PeriodLabel::Period(p));
    }
    let n = normalise(label);
    if TOTAL_LABELS.contains(&n.as_str()) {
        return Some(PeriodLabel::Total);
    }
    let spaced = n.replace('-', " ");
    let tokens: Vec<&str> = spaced.split(' ').filter(|t| !t.is_empty()).collect();
    if let Some((first, rest)) = tokens.split_first()
        && matches!(*first, "totaal" | "eindtotaal" | "total")
        && !rest.is_empty()
    {
        return match period_tokens(rest)? {
            PeriodLabel::Period(p) => Some(PeriodLabel::TotalOf(p)),
            _ => None,
        };
    }
    period_tokens(&tokens)
}

fn period_tokens(t: &[&str]) -> Option<PeriodLabel> {
    let p = |p: Option<Period>| p.map(PeriodLabel::Period);
    match t {
        [m] if month(m).is_some() => month(m).map(PeriodLabel::MonthOnly),
        [y] if year(y).is_some() => p(year(y).map(Period::Year)),
        [m, y] if month(m).is_some() && year(y).is_some() => p(Month::new(year(y)?, month(m)?).map(Period::Month)),
        [y, m] if month(m).is_some() && year(y).is_some() => p(Month::new(year(y)?, month(m)?).map(Period::Month)),
        // "2e kw 2020", "2e kwartaal 2020"
        [q, k, y] if is_quarter_word(k) => p(quarter(year(y)?, ordinal(q)?)),
        // "kw 2 2020"
        [k, q, y] if is_quarter_word(k) => p(quarter(year(y)?, ordinal(q)?)),
        // "1e en 2e kw 2019", "1e t/m 3e kw 2019"
        [a, "en" | "t/m" | "tm", b, k, y] if is_quarter_word(k) => p(quarters(year(y)?, ordinal(a)?, ordinal(b)?)),
        // "1e helft 2019", "2e halfjaar 2019"
        [h, "helft" | "halfjaar", y] => {
            let half = ordinal(h).filter(|h| *h <= 2)?;
            p(Some(Period::Half { year: year(y)?, half }))
        }
        // "q2 2020", "kw2 2020", "h1 2019" and the other way round
        [a, b] => {
            let (code, y) = if year(a).is_some() { (*b, year(a)?) } else { (*a, year(b)?) };
            let digit = |prefix: &str| code.strip_prefix(prefix).and_then(|d| d.parse::<u8>().ok());
            if let Some(q) = digit("q").or_else(|| digit("kw")) {
                p(quarter(y, q))
            } else if let Some(h) = digit("h").filter(|h| (1..=2).contains(h)) {
                p(Some(Period::Half { year: y, half: h }))
            } else {
                match code {
                    "voor" | "vóór" | "before" | "tot" => p(until_end_of(y - 1)),
                    "t/m" | "tm" | "until" => p(until_end_of(y)),
                    _ => None,
                }
            }
        }
        ["tot", "en", "met", y] => p(until_end_of(year(y)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        match parse_period_label(s) {
            Some(PeriodLabel::Period(p)) => p.to_string(),
            Some(PeriodLabel::TotalOf(p)) => format!("total {p}"),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn sodm_table_2_2_headers() {
        let headers = ["2e kw 2020", "1e kw 2020", "4e kw 2019", "3e kw 2019", "1e en 2e kw 2019", "2018", "2017", "Voor 2017"];
        let got: Vec<String> = headers.iter().map(|h| p(h)).collect();
        assert_eq!(got, ["2020-Q2", "2020-Q1", "2019-Q4", "2019-Q3", "2019-H1", "2018", "2017", "..2016-12-31"]);
    }

    #[test]
    fn months_halves_and_totals() {
        assert_eq!(parse_period_label("Jan"), Some(PeriodLabel::MonthOnly(1)));
        assert_eq!(parse_period_label("Mrt"), Some(PeriodLabel::MonthOnly(3)));
        assert_eq!(p("maart 2021"), "2021-03");
        assert_eq!(p("Q1 2021"), "2021-Q1");
        assert_eq!(p("2021 Q1"), "2021-Q1");
        assert_eq!(p("2019-H2"), "2019-H2");
        assert_eq!(p("2019-h2"), "2019-H2");
        assert_eq!(p("1e t/m 3e kw 2019"), "2019-01-01..2019-09-30");
        assert_eq!(p("2e helft 2019"), "2019-H2");
        assert_eq!(p("t/m 2016"), "..2016-12-31");
        assert_eq!(p("Totaal Q1 2021"), "total 2021-Q1");
        assert_eq!(parse_period_label("Totaal"), Some(PeriodLabel::Total));
        assert_eq!(parse_period_label("Opname uitgevoerd"), None);
        assert_eq!(parse_period_label("5e kw 2019"), None);
        assert_eq!(parse_period_label("Voor 1990"), None);
    }
}
