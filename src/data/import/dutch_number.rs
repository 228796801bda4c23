//! Numbers as NCG prints them: Dutch format (`26.716` = twenty-six thousand, `12,5` = twelve and a
//! half), sometimes with a word of approximation ("ruim 26.000", "zo'n 6.600").

/// A number read from a table cell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DutchNumber {
    pub value: f64,
    /// Printed with "ruim", "circa", "zo'n", "bijna", "ongeveer", ...: an approximation.
    pub approximate: bool,
}

/// Why a cell is not a number we import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberProblem {
    Empty,
    /// '?', '-', 'n.b.' and the like: the source shows no number.
    NoNumber,
    Negative,
    Percentage,
    /// `1,234.5`: an English number in a Dutch table.
    EnglishFormat,
    /// `1.5`, `1.23.4`: a dot that is not a thousands separator.
    BadGrouping,
    NotANumber,
    TooLarge,
}

impl NumberProblem {
    /// Why, in a few words, for the rejection message (Dutch, English).
    pub fn reason(self) -> crate::data::diagnostic::Both {
        match self {
            NumberProblem::Empty => ("lege cel", "empty cell"),
            NumberProblem::NoNumber => ("de bron geeft hier geen getal", "the source shows no number here"),
            NumberProblem::Negative => ("een negatief aantal", "a negative count"),
            NumberProblem::Percentage => ("een percentage; alleen aantallen worden ingelezen", "a percentage; only counts are imported"),
            NumberProblem::EnglishFormat => ("Engelse getalnotatie (1,234.5); verwacht Nederlands (1.234,5)", "English number format (1,234.5); expected Dutch (1.234,5)"),
            NumberProblem::BadGrouping => (
                "een punt die geen scheidingsteken voor duizendtallen is (1.234 = duizend tweehonderdvierendertig)",
                "a dot that is not a thousands separator (Dutch: 1.234 = one thousand two hundred thirty-four)",
            ),
            NumberProblem::NotANumber => ("geen getal", "not a number"),
            NumberProblem::TooLarge => ("getal te groot", "number too large"),
        }
    }
}

const APPROXIMATE: [&str; 10] = ["ruim", "circa", "ca.", "ca", "zo'n", "bijna", "ongeveer", "about", "~", "±"];

fn groups_of_three(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let first_ok = parts.next().is_some_and(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    first_ok && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Read a Dutch-formatted number.
///
/// ```
/// use versterkingsmonitor::data::import::dutch_number::{parse_dutch_number, NumberProblem};
/// assert_eq!(parse_dutch_number("26.716").unwrap().value, 26716.0);
/// assert_eq!(parse_dutch_number("12,5").unwrap().value, 12.5);
/// assert!(parse_dutch_number("ruim 26.000").unwrap().approximate);
/// assert_eq!(parse_dutch_number("?"), Err(NumberProblem::NoNumber));
/// ```
pub fn parse_dutch_number(cell: &str) -> Result<DutchNumber, NumberProblem> {
    let norm: String = cell.replace(['\u{a0}', '\u{202f}', '\u{2009}'], " ").replace('’', "'");
    let mut s = norm.trim();
    if s.is_empty() {
        return Err(NumberProblem::Empty);
    }
    let mut approximate = false;
    'words: loop {
        for word in APPROXIMATE {
            // ASCII-only comparison on a checked slice: never splits a character.
            let Some(rest) = s.get(word.len()..).filter(|_| s.get(..word.len()).is_some_and(|p| p.eq_ignore_ascii_case(word))) else {
                continue;
            };
            let ends_word = !word.ends_with(|c: char| c.is_alphabetic()) || rest.is_empty() || rest.starts_with(' ');
            if ends_word {
                approximate = true;
                s = rest.trim_start();
                continue 'words;
            }
        }
        break;
    }
    if matches!(s.to_lowercase().as_str(), "?" | "-" | "–" | "—" | "n.b." | "nb" | "n.v.t." | "nvt" | "x" | "*" | "..") {
        return Err(NumberProblem::NoNumber);
    }
    if s.starts_with('-') || s.starts_with('−') {
        return Err(NumberProblem::Negative);
    }
    if s.ends_with('%') {
        return Err(NumberProblem::Percentage);
    }
    let (int, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.contains('.') || f.contains(',')) {
        return Err(if int.contains('.') { NumberProblem::BadGrouping } else { NumberProblem::EnglishFormat });
    }
    let whole: String = if digits(int) {
        int.to_string()
    } else if int.contains('.') && groups_of_three(int, '.') {
        int.replace('.', "")
    } else if int.contains(' ') && groups_of_three(int, ' ') {
        int.replace(' ', "")
    } else if int.contains('.') && int.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(NumberProblem::BadGrouping);
    } else {
        return Err(NumberProblem::NotANumber);
    };
    if frac.is_some_and(|f| !digits(f)) {
        return Err(NumberProblem::NotANumber);
    }
    if whole.len() > 12 {
        return Err(NumberProblem::TooLarge);
    }
    let text = match frac {
        Some(f) => format!("{whole}.{f}"),
        None => whole,
    };
    let value: f64 = text.parse().map_err(|_| NumberProblem::NotANumber)?;
    Ok(DutchNumber { value, approximate })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Result<(f64, bool), NumberProblem> {
        parse_dutch_number(s).map(|n| (n.value, n.approximate))
    }

    #[test]
    fn dutch_forms() {
        assert_eq!(v("1.234"), Ok((1234.0, false)));
        assert_eq!(v("1.234.567"), Ok((1_234_567.0, false)));
        assert_eq!(v(" 26 716 "), Ok((26716.0, false)));
        assert_eq!(v("1.234,5"), Ok((1234.5, false)));
        assert_eq!(v("0"), Ok((0.0, false)));
        assert_eq!(v("zo’n 6.600"), Ok((6600.0, true)));
        assert_eq!(v("ca. 80"), Ok((80.0, true)));
        assert_eq!(v("Ruim 19.000"), Ok((19000.0, true)));
    }

    #[test]
    fn what_is_refused() {
        assert_eq!(v(""), Err(NumberProblem::Empty));
        assert_eq!(v("?"), Err(NumberProblem::NoNumber));
        assert_eq!(v("-5"), Err(NumberProblem::Negative));
        assert_eq!(v("34%"), Err(NumberProblem::Percentage));
        assert_eq!(v("1,234.5"), Err(NumberProblem::EnglishFormat));
        assert_eq!(v("1.5"), Err(NumberProblem::BadGrouping));
        assert_eq!(v("12.34.5"), Err(NumberProblem::BadGrouping));
        assert_eq!(v("abc"), Err(NumberProblem::NotANumber));
        assert_eq!(v("circa"), Err(NumberProblem::NotANumber));
        // "26,716" is Dutch for 26.716: a decimal, which the importer refuses for a count.
        assert_eq!(v("26,716"), Ok((26.716, false)));
    }
}
