//! Which gemeente a `/gemeente/:code` link means. Links stay valid across mergers: an old code
//! (`GM0024`) or an old or current name (`Loppersum`, `eemsdelta`) leads to today's gemeente,
//! and the page says why ("Loppersum is sinds 1 januari 2021 deel van Eemsdelta").

use super::search::fold;
use crate::data::date::Date;
use crate::data::gemeente::{GemeenteCode, Registry};

/// The outcome of reading the route parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A current gemeente, written as its code: show it.
    Current(GemeenteCode),
    /// Go to `to` instead (replace the history entry). `merged` is the old gemeente the link
    /// named, when it merged into `to`; `None` when the link only used a name instead of the code.
    Redirect { to: GemeenteCode, merged: Option<GemeenteCode> },
    /// Not a gemeente we know.
    Unknown,
}

/// Resolve a code (`GM0024`, also written `gm0024`, `0024` or `24` as in CBS tables) or a name
/// (any case, spaces and hyphens optional).
pub fn resolve(registry: &Registry, param: &str) -> Resolved {
    let code = GemeenteCode::parse(param.trim()).or_else(|| loose_code(param)).or_else(|| {
        let f = fold(param);
        (!f.is_empty()).then(|| registry.all().iter().find(|g| fold(&g.name) == f).map(|g| g.code)).flatten()
    });
    let Some(code) = code else { return Resolved::Unknown };
    if registry.get(code).is_none() {
        return Resolved::Unknown;
    }
    let to = registry.harmonise(code);
    if to != code {
        Resolved::Redirect { to, merged: Some(code) }
    } else if param.trim() != code.to_string() {
        Resolved::Redirect { to, merged: None }
    } else {
        Resolved::Current(code)
    }
}

/// A CBS code written another way: `gm` in any case or no prefix, and one to four digits.
fn loose_code(param: &str) -> Option<GemeenteCode> {
    let p = param.trim();
    let digits = match p.get(..2) {
        Some(prefix) if prefix.eq_ignore_ascii_case("gm") => p.get(2..)?,
        _ => p,
    };
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().map(GemeenteCode)
}

/// The first day an old gemeente was part of its successor (the day after its last day).
pub fn merged_since(registry: &Registry, old: GemeenteCode) -> Option<Date> {
    registry.get(old)?.valid_to?.add_days(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The real registry (public/data/gemeenten.csv), shared with the other drill-down tests.
    use crate::analysis::drilldown::testkit::registry;

    #[test]
    fn old_codes_and_names_lead_to_the_successor() {
        let r = registry();
        assert_eq!(resolve(&r, "GM1979"), Resolved::Current(GemeenteCode(1979)));
        assert_eq!(resolve(&r, "GM0024"), Resolved::Redirect { to: GemeenteCode(1979), merged: Some(GemeenteCode(24)) });
        assert_eq!(resolve(&r, "loppersum"), Resolved::Redirect { to: GemeenteCode(1979), merged: Some(GemeenteCode(24)) });
        assert_eq!(resolve(&r, "midden groningen"), Resolved::Redirect { to: GemeenteCode(1952), merged: None });
        assert_eq!(resolve(&r, "GM9999"), Resolved::Unknown);
        assert_eq!(resolve(&r, "Atlantis"), Resolved::Unknown);
        assert_eq!(merged_since(&r, GemeenteCode(24)), Date::parse("2021-01-01").ok());
    }

    // A link with the CBS code as many tables write it (`/gemeente/1979`, `gm1979`, `24`) said
    // "Gemeente niet gevonden"; it now leads to the gemeente's own address.
    #[test]
    fn codes_written_without_gm_or_in_lower_case_lead_to_the_gemeente() {
        let r = registry();
        assert_eq!(resolve(&r, "1979"), Resolved::Redirect { to: GemeenteCode(1979), merged: None });
        assert_eq!(resolve(&r, "gm1979"), Resolved::Redirect { to: GemeenteCode(1979), merged: None });
        assert_eq!(resolve(&r, " 14 "), Resolved::Redirect { to: GemeenteCode(14), merged: None });
        assert_eq!(resolve(&r, "0024"), Resolved::Redirect { to: GemeenteCode(1979), merged: Some(GemeenteCode(24)) });
        assert_eq!(resolve(&r, "12345"), Resolved::Unknown);
        assert_eq!(resolve(&r, "gm"), Resolved::Unknown);
        assert_eq!(resolve(&r, "9999"), Resolved::Unknown);
        assert_eq!(resolve(&r, "gé"), Resolved::Unknown);
    }
}
