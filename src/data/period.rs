//! The period an observation refers to: a single day for stocks ("on the peildatum"), or an
//! interval for flows ("in Q2 2020", "before 2017"). NCG and SodM mix granularities in one table
//! (quarters next to a half year next to whole years), so the period is part of every figure.

use std::fmt;

use super::date::{days_in_month, Date, DateError, Month};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// A stock on a date: `2020-07-17`.
    At(Date),
    /// A calendar month: `2020-06`.
    Month(Month),
    /// A quarter: `2020-Q2`.
    Quarter { year: i32, quarter: u8 },
    /// A half year: `2019-H1`.
    Half { year: i32, half: u8 },
    /// A calendar year: `2018`.
    Year(i32),
    /// An explicit inclusive interval: `2023-01-01..2023-11-30` (e.g. year-to-date figures).
    Range { start: Date, end: Date },
    /// Everything up to and including a date, start unknown: `..2016-12-31` ("voor 2017").
    Until(Date),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeriodError {
    Empty,
    Syntax(String),
    Date(DateError),
    Reversed,
}

impl PeriodError {
    /// Why, in Dutch and English, for a diagnostic about the field (which shows the value itself).
    pub fn reason(&self) -> super::diagnostic::Both {
        match self {
            PeriodError::Empty => ("periode is leeg", "period is empty"),
            PeriodError::Syntax(_) => (
                "onbekende periode: gebruik JJJJ-MM-DD (een datum), JJJJ-MM, JJJJ-Qn, JJJJ-Hn, JJJJ, JJJJ-MM-DD..JJJJ-MM-DD of ..JJJJ-MM-DD",
                "unknown period: use YYYY-MM-DD (a date), YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY, YYYY-MM-DD..YYYY-MM-DD or ..YYYY-MM-DD",
            ),
            PeriodError::Date(e) => e.reason(),
            PeriodError::Reversed => ("periode eindigt voordat hij begint", "period ends before it starts"),
        }
    }
}

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeriodError::Empty => write!(f, "period is empty"),
            PeriodError::Syntax(s) => write!(
                f,
                "unknown period '{s}': use YYYY-MM-DD (a date), YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY, \
                 YYYY-MM-DD..YYYY-MM-DD or ..YYYY-MM-DD"
            ),
            PeriodError::Date(e) => write!(f, "{e}"),
            PeriodError::Reversed => write!(f, "period ends before it starts"),
        }
    }
}

fn parse_year(s: &str) -> Option<i32> {
    if s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()) {
        let y: i32 = s.parse().ok()?;
        Date::new(y, 1, 1).map(|d| d.year())
    } else {
        None
    }
}

impl Period {
    /// Parse the canonical text form.
    ///
    /// ```
    /// use versterkingsmonitor::data::period::Period;
    /// assert_eq!(Period::parse("2020-Q2").unwrap().to_string(), "2020-Q2");
    /// assert!(Period::parse("2020-Q5").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Period, PeriodError> {
        if s.is_empty() {
            return Err(PeriodError::Empty);
        }
        let syntax = || PeriodError::Syntax(s.chars().take(40).collect());
        if let Some(rest) = s.strip_prefix("..") {
            return Date::parse(rest).map(Period::Until).map_err(PeriodError::Date);
        }
        if let Some((a, b)) = s.split_once("..") {
            let start = Date::parse(a).map_err(PeriodError::Date)?;
            let end = Date::parse(b).map_err(PeriodError::Date)?;
            if end < start {
                return Err(PeriodError::Reversed);
            }
            return Ok(Period::Range { start, end });
        }
        match s.len() {
            10 => Date::parse(s).map(Period::At).map_err(PeriodError::Date),
            7 => {
                // Seven bytes are not seven characters: "ss\u{feff}Re" has a character across
                // byte 4, and `split_at(4)` panicked on it (found by the importer's fuzz test).
                let (Some(y), Some(rest)) = (s.get(..4), s.get(4..)) else { return Err(syntax()) };
                let year = parse_year(y).ok_or_else(syntax)?;
                match rest.as_bytes() {
                    [b'-', b'Q', q @ b'1'..=b'4'] => Ok(Period::Quarter { year, quarter: q - b'0' }),
                    [b'-', b'H', h @ b'1'..=b'2'] => Ok(Period::Half { year, half: h - b'0' }),
                    [b'-', b'0'..=b'9', b'0'..=b'9'] => Month::parse(s).map(Period::Month).map_err(PeriodError::Date),
                    _ => Err(syntax()),
                }
            }
            4 => parse_year(s).map(Period::Year).ok_or_else(syntax),
            _ => Err(syntax()),
        }
    }

    /// True for a single day (a stock); false for an interval (a flow).
    pub fn is_date(&self) -> bool {
        matches!(self, Period::At(_))
    }

    /// First day, or `None` when the start is unknown ("voor 2017").
    pub fn start(&self) -> Option<Date> {
        match *self {
            Period::At(d) => Some(d),
            Period::Month(m) => Some(m.first_day()),
            Period::Quarter { year, quarter } => Date::new(year, (quarter - 1) * 3 + 1, 1),
            Period::Half { year, half } => Date::new(year, (half - 1) * 6 + 1, 1),
            Period::Year(y) => Date::new(y, 1, 1),
            Period::Range { start, .. } => Some(start),
            Period::Until(_) => None,
        }
    }

    /// Last day (inclusive).
    pub fn end(&self) -> Date {
        // The constructors above only build valid periods, so the fallbacks are never taken; they
        // keep this function total without a panic path.
        let last = |y: i32, m: u8| Date::new(y, m, days_in_month(y, m));
        match *self {
            Period::At(d) => d,
            Period::Month(m) => m.last_day(),
            Period::Quarter { year, quarter } => last(year, quarter * 3).unwrap_or_else(|| self.fallback()),
            Period::Half { year, half } => last(year, half * 6).unwrap_or_else(|| self.fallback()),
            Period::Year(y) => last(y, 12).unwrap_or_else(|| self.fallback()),
            Period::Range { end, .. } => end,
            Period::Until(d) => d,
        }
    }

    fn fallback(&self) -> Date {
        self.start().unwrap_or(Date::Y2K)
    }

    /// Length in days (inclusive), `None` for an open start.
    pub fn days(&self) -> Option<i64> {
        Some(self.start()?.days_until(self.end()) + 1)
    }

    /// Length in (fractional) months, for turning a total into a per-month rate.
    /// `None` for a date or an open start.
    pub fn months(&self) -> Option<f64> {
        match *self {
            Period::At(_) | Period::Until(_) => None,
            Period::Month(_) => Some(1.0),
            Period::Quarter { .. } => Some(3.0),
            Period::Half { .. } => Some(6.0),
            Period::Year(_) => Some(12.0),
            Period::Range { start, end } => {
                let a = start.as_month_float();
                let b = end.add_days(1).map(|d| d.as_month_float()).unwrap_or(a);
                Some(b - a)
            }
        }
    }

    /// Whether two interval periods overlap in time.
    pub fn overlaps(&self, other: &Period) -> bool {
        let s1 = self.start().map(|d| d.to_days()).unwrap_or(i64::MIN);
        let s2 = other.start().map(|d| d.to_days()).unwrap_or(i64::MIN);
        s1 <= other.end().to_days() && s2 <= self.end().to_days()
    }

    /// The smallest standard period equal to this one, so `2020-01-01..2020-03-31` and `2020-Q1`
    /// compare equal when revisions between publications are matched.
    pub fn normalised(&self) -> Period {
        if let Period::Range { start, end } = *self {
            for p in [
                Period::Month(start.month_of()),
                Period::Quarter { year: start.year(), quarter: (start.month() - 1) / 3 + 1 },
                Period::Half { year: start.year(), half: (start.month() - 1) / 6 + 1 },
                Period::Year(start.year()),
            ] {
                if p.start() == Some(start) && p.end() == end {
                    return p;
                }
            }
        }
        *self
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::At(d) => write!(f, "{d}"),
            Period::Month(m) => write!(f, "{m}"),
            Period::Quarter { year, quarter } => write!(f, "{year}-Q{quarter}"),
            Period::Half { year, half } => write!(f, "{year}-H{half}"),
            Period::Year(y) => write!(f, "{y}"),
            Period::Range { start, end } => write!(f, "{start}..{end}"),
            Period::Until(d) => write!(f, "..{d}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_round_trips() {
        for s in ["2020-07-17", "2020-06", "2020-Q2", "2019-H1", "2018", "2023-01-01..2023-11-30", "..2016-12-31"] {
            assert_eq!(Period::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn rejects_bad_periods() {
        for s in ["", "2020-Q0", "2020-H3", "2020-13", "20201", "2020-12-31..2020-01-01", "Q2 2020", "2020-q2", "..2016"] {
            assert!(Period::parse(s).is_err(), "{s}");
        }
    }

    #[test]
    fn a_character_across_byte_four_is_a_syntax_error_not_a_panic() {
        // Regression: the importer's fuzz test found "ss\u{feff}Re" (seven bytes, a byte order
        // mark across byte 4): `split_at(4)` panicked, and a panic in the browser stops the app.
        for s in ["ss\u{feff}Re", "20\u{e9}-Q1", "\u{20ac}2020Q"] {
            assert!(matches!(Period::parse(s), Err(PeriodError::Syntax(_))), "{s:?}");
        }
    }

    #[test]
    fn spans_and_months() {
        let h = Period::parse("2019-H1").unwrap();
        assert_eq!(h.start().unwrap().to_string(), "2019-01-01");
        assert_eq!(h.end().to_string(), "2019-06-30");
        assert_eq!(h.months(), Some(6.0));
        let ytd = Period::parse("2023-01-01..2023-11-30").unwrap();
        assert!((ytd.months().unwrap() - 11.0).abs() < 1e-9);
        assert_eq!(Period::parse("..2016-12-31").unwrap().months(), None);
    }

    #[test]
    fn ranges_normalise_to_standard_periods() {
        assert_eq!(Period::parse("2020-04-01..2020-06-30").unwrap().normalised().to_string(), "2020-Q2");
        assert_eq!(Period::parse("2020-01-01..2020-12-31").unwrap().normalised().to_string(), "2020");
        assert_eq!(Period::parse("2020-01-01..2020-05-31").unwrap().normalised().to_string(), "2020-01-01..2020-05-31");
    }
}
