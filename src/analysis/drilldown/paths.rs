//! The route paths of the drill-down levels. Levels are path segments
//! (`/gemeente/GM1979/dorp/Loppersum/cluster/LOP-07`); filters stay query parameters, so a link
//! between levels changes the path and keeps the query.

use crate::data::gemeente::GemeenteCode;

/// The overview of all gemeenten.
pub const GEMEENTEN: &str = "/gemeenten";

/// Percent-encode one path segment (everything but `A-Z a-z 0-9 - . _ ~`), UTF-8 byte-wise.
///
/// ```
/// use versterkingsmonitor::analysis::drilldown::paths::encode_segment;
/// assert_eq!(encode_segment("'t Zandt"), "%27t%20Zandt");
/// assert_eq!(encode_segment("LOP-07"), "LOP-07");
/// ```
pub fn encode_segment(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// `/gemeente/GM1979`
pub fn gemeente(code: GemeenteCode) -> String {
    format!("/gemeente/{code}")
}

/// `/gemeente/GM1979/dorp/Loppersum`
pub fn dorp(code: GemeenteCode, dorp: &str) -> String {
    format!("/gemeente/{code}/dorp/{}", encode_segment(dorp))
}

/// `/gemeente/GM1979/dorp/Loppersum/cluster/LOP-07`
pub fn cluster(code: GemeenteCode, dorp_name: &str, cluster: &str) -> String {
    format!("{}/cluster/{}", dorp(code, dorp_name), encode_segment(cluster))
}

/// Whether the view at `path` shows address data (the synthetic demonstration or a reader's own
/// file) while it is active: Doorlooptijden, Gemeenten, every drill-down level and Data & bronnen.
/// The others (Overzicht, Trends, Over) show only published figures, so their banner must not say
/// that the reader is looking at synthetic data.
///
/// ```
/// use versterkingsmonitor::analysis::drilldown::paths::shows_address_data;
/// assert!(shows_address_data("/gemeente/GM1979/dorp/Loppersum"));
/// assert!(!shows_address_data("/trends"));
/// ```
pub fn shows_address_data(path: &str) -> bool {
    let p = path.trim_end_matches('/');
    matches!(p, GEMEENTEN | "/doorlooptijden" | "/data") || p.starts_with("/gemeente/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_encode_their_segments() {
        let g = GemeenteCode(1979);
        assert_eq!(gemeente(g), "/gemeente/GM1979");
        assert_eq!(dorp(g, "'t Zandt"), "/gemeente/GM1979/dorp/%27t%20Zandt");
        assert_eq!(cluster(g, "Loppersum", "LOP-07"), "/gemeente/GM1979/dorp/Loppersum/cluster/LOP-07");
        assert_eq!(encode_segment("Zeerijp/é"), "Zeerijp%2F%C3%A9");
    }

    #[test]
    fn views_with_address_data() {
        for p in ["/doorlooptijden", "/doorlooptijden/", "/gemeenten", "/gemeente/GM1979", "/gemeente/GM1979/dorp/Loppersum/cluster/LOP-07", "/data"] {
            assert!(shows_address_data(p), "{p}");
        }
        // Published figures only, and an unknown address (the not-found page).
        for p in ["/", "", "/trends", "/over", "/gemeentenx", "/bestaat-niet", "/trends/gemeente/"] {
            assert!(!shows_address_data(p), "{p}");
        }
    }
}
