//! The filters of a view (gemeente, batch, risicoprofiel, eigenaar, period, vintage), as one typed
//! value read from and written to the URL query. Components never hold a second copy.

use crate::data::breakdown::{valid_batch, Breakdown, Eigenaar, Risicoprofiel};
use crate::data::date::Month;
use crate::data::gemeente::{GemeenteCode, Registry};

use super::select::Vintage;

/// Query parameter names, in Dutch like the rest of the URL.
pub const Q_GEMEENTE: &str = "gemeente";
pub const Q_BATCH: &str = "batch";
pub const Q_RISICO: &str = "risico";
pub const Q_EIGENAAR: &str = "eigenaar";
pub const Q_VAN: &str = "van";
pub const Q_TOT: &str = "tot";
pub const Q_VERSIE: &str = "versie";
/// The parameters the filter bar sets (`ui::filter_bar`), in its order.
pub const FILTER_BAR_PARAMS: [&str; 7] = [Q_GEMEENTE, Q_BATCH, Q_RISICO, Q_EIGENAAR, Q_VAN, Q_TOT, Q_VERSIE];
pub const Q_DORP: &str = "dorp";
pub const Q_CLUSTER: &str = "cluster";
/// Where address-level data comes from (`bron`): the synthetic demo, or the reader's own file.
pub const Q_BRON: &str = "bron";
/// The `bron` query value of the synthetic demo.
pub const BRON_DEMO: &str = "demo";
/// The `bron` query value of a user's own file.
pub const BRON_EIGEN: &str = "eigen";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Harmonised to today's gemeente when read with a registry.
    pub gemeente: Option<GemeenteCode>,
    pub batch: Option<String>,
    pub risicoprofiel: Option<Risicoprofiel>,
    pub eigenaar: Option<Eigenaar>,
    /// First month shown (inclusive).
    pub from: Option<Month>,
    /// Last month shown (inclusive).
    pub to: Option<Month>,
    pub vintage: Vintage,
    /// Address-level data only.
    pub dorp: Option<String>,
    pub cluster: Option<String>,
}

impl Filters {
    /// Read from query pairs; unknown or malformed values are ignored (a broken link still shows
    /// the view, unfiltered). Old gemeente codes are harmonised to their successor.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>, registry: Option<&Registry>) -> Filters {
        let mut f = Filters::default();
        for (k, v) in pairs {
            match k {
                Q_GEMEENTE => f.gemeente = GemeenteCode::parse(v).map(|c| registry.map(|r| r.harmonise(c)).unwrap_or(c)),
                Q_BATCH if valid_batch(v) => f.batch = Some(v.to_string()),
                Q_RISICO => f.risicoprofiel = Risicoprofiel::parse(v),
                Q_EIGENAAR => f.eigenaar = Eigenaar::parse(v),
                Q_VAN => f.from = Month::parse(v).ok(),
                Q_TOT => f.to = Month::parse(v).ok(),
                Q_VERSIE => f.vintage = Vintage::from_code(v),
                Q_DORP if !v.is_empty() && v.len() <= 80 => f.dorp = Some(v.to_string()),
                Q_CLUSTER if !v.is_empty() && v.len() <= 80 => f.cluster = Some(v.to_string()),
                _ => {}
            }
        }
        f
    }

    /// The query pairs for this filter (defaults omitted), in a stable order.
    pub fn to_query(&self) -> Vec<(String, String)> {
        let mut q = Vec::new();
        let mut push = |k: &str, v: String| q.push((k.to_string(), v));
        if let Some(g) = self.gemeente {
            push(Q_GEMEENTE, g.to_string());
        }
        if let Some(b) = &self.batch {
            push(Q_BATCH, b.clone());
        }
        if let Some(r) = self.risicoprofiel {
            push(Q_RISICO, r.as_str().to_string());
        }
        if let Some(e) = self.eigenaar {
            push(Q_EIGENAAR, e.as_str().to_string());
        }
        if let Some(m) = self.from {
            push(Q_VAN, m.to_string());
        }
        if let Some(m) = self.to {
            push(Q_TOT, m.to_string());
        }
        if self.vintage != Vintage::Latest {
            push(Q_VERSIE, self.vintage.code().to_string());
        }
        if let Some(d) = &self.dorp {
            push(Q_DORP, d.clone());
        }
        if let Some(c) = &self.cluster {
            push(Q_CLUSTER, c.clone());
        }
        q
    }

    /// The breakdown of published figures these filters select (dorp/cluster are not published).
    pub fn breakdown(&self) -> Breakdown {
        Breakdown { gemeente: self.gemeente, batch: self.batch.as_deref().map(std::sync::Arc::from), risicoprofiel: self.risicoprofiel, eigenaar: self.eigenaar, categorie: None }
    }

    /// Whether a date falls inside the chosen period.
    pub fn in_period(&self, d: crate::data::date::Date) -> bool {
        let m = d.month_of();
        self.from.is_none_or(|f| f <= m) && self.to.is_none_or(|t| m <= t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_query() {
        let f = Filters::from_query(
            [("gemeente", "GM1979"), ("risico", "P50"), ("eigenaar", "corporatie"), ("van", "2020-01"), ("versie", "eerst"), ("batch", "1581")],
            None,
        );
        assert_eq!(f.gemeente, Some(GemeenteCode(1979)));
        let q = f.to_query();
        let back = Filters::from_query(q.iter().map(|(k, v)| (k.as_str(), v.as_str())), None);
        assert_eq!(back, f);
    }

    #[test]
    fn broken_values_are_ignored() {
        let f = Filters::from_query([("gemeente", "Eemsdelta"), ("risico", "hoog"), ("van", "2020-13"), ("batch", "<script>")], None);
        assert_eq!(f, Filters::default());
    }
}
