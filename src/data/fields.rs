//! Typed parsers for single fields of the archive's CSV files, shared by the file readers.
//! Each returns the typed value or a message naming the field; the caller adds the place.

use super::date::Date;
use super::diagnostic::{Both, Message, Place};
use super::measure::Unit;
use super::table::Row;

/// A problem at a place, before the file name is attached.
pub type Located = (Place, Message);

// Reasons and names used by more than one reader, in Dutch and English.
pub const GEMEENTE_CODE: Both = ("verwacht GM en vier cijfers", "expected GM and four digits");
pub const BATCH_CHARS: Both = ("alleen letters, cijfers, - en _ (hoogstens 40)", "letters, digits, - and _ only (at most 40)");
pub const RISICOPROFIEL: Both = ("P50, P90 of grijs", "P50, P90 or grijs");
pub const EIGENAAR: Both = ("corporatie of particulier", "corporatie or particulier");
pub const CATEGORIE: Both = ("zorg, school, dorpshuis, agro of eigen_initiatief", "zorg, school, dorpshuis, agro or eigen_initiatief");
pub const LONGER_THAN_80: Both = ("langer dan 80 tekens", "longer than 80 characters");
pub const BEFORE_VALID_FROM: Both = ("vóór valid_from", "before valid_from");
pub const EMPTY_IN_LIST: Both = ("een lege code in de ;-lijst", "an empty code in the ;-list");
pub const UNKNOWN_GEMEENTE: Both = ("onbekende gemeente", "unknown gemeente");
pub const UNKNOWN_MEASURE: Both = ("onbekende maat", "unknown measure");
pub const UNKNOWN_FILE: Both = ("onbekend bestand", "unknown file");

/// `Message::Invalid` with the value shortened for display; the reason in Dutch and English.
pub fn invalid(field: &str, value: &str, reason: Both) -> Message {
    Message::Invalid { field: field.into(), value: value.chars().take(60).collect(), reason }
}

/// `Message::Implausible`: a date outside `earliest..=latest`, value shortened for display.
pub fn implausible(field: &str, value: &str, earliest: Date, latest: Date) -> Message {
    Message::Implausible { field: field.into(), value: value.chars().take(60).collect(), earliest, latest }
}

/// Field `i` of `row`, which must not be empty.
pub fn required<'r>(row: &'r Row<'_>, i: usize, name: &str) -> Result<(&'r str, Place), Located> {
    let (v, place) = row.get(i);
    if v.is_empty() { Err((place, Message::Missing { field: name.into() })) } else { Ok((v, place)) }
}

/// An optional `YYYY-MM-DD` field.
pub fn opt_date(field: &str, s: &str) -> Result<Option<Date>, Message> {
    if s.is_empty() { Ok(None) } else { Date::parse(s).map(Some).map_err(|e| invalid(field, s, e.reason())) }
}

const NOT_A_NUMBER: Both = ("geen getal", "not a number");

/// Parse a canonical value: plain digits with an optional `.` and decimals. No signs, no
/// thousands separators, no exponents. Whole numbers for counts of addresses.
///
/// ```
/// use versterkingsmonitor::data::fields::parse_value;
/// use versterkingsmonitor::data::measure::Unit;
/// assert_eq!(parse_value("26716", Unit::Addresses), Ok(26716.0));
/// assert!(parse_value("26.716", Unit::Addresses).is_err()); // a Dutch thousands separator
/// assert!(parse_value("26,716", Unit::Addresses).is_err()); // an English one
/// ```
pub fn parse_value(s: &str, unit: Unit) -> Result<f64, Message> {
    let field = "value";
    if s.is_empty() {
        return Err(Message::Missing { field: field.into() });
    }
    if s.starts_with('-') {
        return Err(invalid(field, s, ("negatieve waarden zijn niet toegestaan", "negative values are not allowed")));
    }
    if s.contains(',') {
        return Err(invalid(
            field,
            s,
            ("een komma is niet toegestaan: geen scheidingstekens voor duizendtallen, decimalen met '.'", "a comma is not allowed: no thousands separators, decimals with '.'"),
        ));
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(invalid(field, s, NOT_A_NUMBER));
    }
    if int.len() > 12 {
        return Err(invalid(field, s, ("getal te groot", "number too large")));
    }
    if unit == Unit::Addresses && frac.is_some() {
        return Err(invalid(
            field,
            s,
            (
                "een aantal adressen moet een geheel getal zijn (een punt als scheidingsteken voor duizendtallen? schrijf 1234, niet 1.234)",
                "a count of addresses must be a whole number (a Dutch thousands separator? write 1234, not 1.234)",
            ),
        ));
    }
    // Fast path for whole numbers (the common case): no float parsing.
    let v: f64 = match frac {
        None => int.bytes().fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0')) as f64,
        Some(_) => s.parse().map_err(|_| invalid(field, s, NOT_A_NUMBER))?,
    };
    if unit == Unit::Percent && v > 100.0 {
        return Err(invalid(field, s, ("een percentage boven 100", "a percentage above 100")));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_strict() {
        assert_eq!(parse_value("26716", Unit::Addresses), Ok(26716.0));
        assert_eq!(parse_value("3.4", Unit::Days), Ok(3.4));
        assert_eq!(parse_value("000", Unit::Addresses), Ok(0.0));
        assert_eq!(parse_value("999999999999", Unit::Addresses), Ok(999_999_999_999.0));
        for bad in ["26.716", "26,716", "-5", "1e3", "", " 5", "5 ", "+5", "0x10", ".5", "5.", "1234567890123", "٣"] {
            assert!(parse_value(bad, Unit::Addresses).is_err(), "{bad}");
        }
        assert!(parse_value("100.5", Unit::Percent).is_err());
    }

    /// Regression: a Dutch page showed "(not a number)", "(number too large)", "(negative values
    /// are not allowed)" after Dutch text. Every reason is now given in both languages; the
    /// English (what `ncg check` prints) is unchanged.
    #[test]
    fn value_reasons_are_dutch_on_dutch_pages() {
        use crate::i18n::Lang;
        let text = |s: &str, lang| parse_value(s, Unit::Addresses).err().map(|m| m.text(lang)).unwrap_or_default();
        assert_eq!(text("abc", Lang::Nl), "veld 'value': 'abc' is ongeldig (geen getal)");
        assert_eq!(text("abc", Lang::En), "field 'value': 'abc' is invalid (not a number)");
        assert_eq!(text("1234567890123", Lang::Nl), "veld 'value': '1234567890123' is ongeldig (getal te groot)");
        assert_eq!(text("-5", Lang::Nl), "veld 'value': '-5' is ongeldig (negatieve waarden zijn niet toegestaan)");
        assert_eq!(text("-5", Lang::En), "field 'value': '-5' is invalid (negative values are not allowed)");
        assert!(text("26,716", Lang::Nl).contains("een komma is niet toegestaan"));
        assert!(text("26.716", Lang::Nl).contains("een aantal adressen moet een geheel getal zijn"));
        let pct = parse_value("100.5", Unit::Percent).err().map(|m| m.text(Lang::Nl)).unwrap_or_default();
        assert!(pct.ends_with("(een percentage boven 100)"), "{pct}");
        assert_eq!(opt_date("opname", "2020-13-01").err().map(|m| m.text(Lang::Nl)).as_deref(), Some("veld 'opname': '2020-13-01' is ongeldig (die dag bestaat niet)"));
    }
}
