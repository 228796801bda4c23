//! Typed parsers for single fields of the archive's CSV files, shared by the file readers.
//! Each returns the typed value or a message naming the field; the caller adds the place.

use super::date::Date;
use super::diagnostic::{Message, Place};
use super::measure::Unit;
use super::table::Row;

/// A problem at a place, before the file name is attached.
pub type Located = (Place, Message);

/// `Message::Invalid` with the value shortened for display.
pub fn invalid(field: &str, value: &str, reason: impl Into<String>) -> Message {
    Message::Invalid { field: field.into(), value: value.chars().take(60).collect(), reason: reason.into() }
}

/// Field `i` of `row`, which must not be empty.
pub fn required<'r>(row: &'r Row<'_>, i: usize, name: &str) -> Result<(&'r str, Place), Located> {
    let (v, place) = row.get(i);
    if v.is_empty() { Err((place, Message::Missing { field: name.into() })) } else { Ok((v, place)) }
}

/// An optional `YYYY-MM-DD` field.
pub fn opt_date(field: &str, s: &str) -> Result<Option<Date>, Message> {
    if s.is_empty() { Ok(None) } else { Date::parse(s).map(Some).map_err(|e| invalid(field, s, e.to_string())) }
}

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
        return Err(invalid(field, s, "negative values are not allowed"));
    }
    if s.contains(',') {
        return Err(invalid(field, s, "a comma is not allowed: no thousands separators, decimals with '.'"));
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
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
    // Fast path for whole numbers (the common case): no float parsing.
    let v: f64 = match frac {
        None => int.bytes().fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0')) as f64,
        Some(_) => s.parse().map_err(|_| invalid(field, s, "not a number"))?,
    };
    if unit == Unit::Percent && v > 100.0 {
        return Err(invalid(field, s, "a percentage above 100"));
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
}
