//! Which addresses of a bronbestand the filters of the view select, and whether the selection is
//! below gemeente level (then small counts are suppressed).

use crate::analysis::filters::Filters;
use crate::data::bronbestand::Address;

/// Whether an address is inside the filters: gemeente (today's, harmonised), batch, risicoprofiel,
/// eigenaar, dorp (woonplaats) and cluster. The period filter (`van`/`tot`) is not applied here:
/// it selects steps by their end date, see [`Filters::in_period`].
pub fn matches(a: &Address, f: &Filters) -> bool {
    f.gemeente.is_none_or(|g| a.gemeente_nu == g)
        && f.batch.as_deref().is_none_or(|b| a.batch.as_deref() == Some(b))
        && f.risicoprofiel.is_none_or(|r| a.risicoprofiel == r)
        && f.eigenaar.is_none_or(|e| a.eigenaar == e)
        && f.dorp.as_deref().is_none_or(|d| &*a.woonplaats == d)
        && f.cluster.as_deref().is_none_or(|c| a.cluster.as_deref() == Some(c))
}

/// The selected addresses (cloned: the lead-time functions take a slice).
pub fn select(addresses: &[Address], f: &Filters) -> Vec<Address> {
    if is_unfiltered(f) {
        return addresses.to_vec();
    }
    addresses.iter().filter(|a| matches(a, f)).cloned().collect()
}

/// No address filter set (the period filter does not count).
pub fn is_unfiltered(f: &Filters) -> bool {
    f.gemeente.is_none() && f.batch.is_none() && f.risicoprofiel.is_none() && f.eigenaar.is_none() && f.dorp.is_none() && f.cluster.is_none()
}

/// Below gemeente level: a dorp or cluster is chosen. Counts of 1–4 are then suppressed.
pub fn below_gemeente(f: &Filters) -> bool {
    f.dorp.is_some() || f.cluster.is_some()
}

/// The villages (dorpen) in the data, within the chosen gemeente if any, sorted.
pub fn dorp_options(addresses: &[Address], f: &Filters) -> Vec<String> {
    let mut v: Vec<&str> = addresses.iter().filter(|a| f.gemeente.is_none_or(|g| a.gemeente_nu == g)).map(|a| &*a.woonplaats).collect();
    crate::data::sort::sort(&mut v[..]);
    v.dedup();
    v.into_iter().map(str::to_string).collect()
}

/// The clusters in the data, within the chosen gemeente and dorp if any, sorted.
pub fn cluster_options(addresses: &[Address], f: &Filters) -> Vec<String> {
    let mut v: Vec<&str> = addresses
        .iter()
        .filter(|a| f.gemeente.is_none_or(|g| a.gemeente_nu == g) && f.dorp.as_deref().is_none_or(|d| &*a.woonplaats == d))
        .filter_map(|a| a.cluster.as_deref())
        .collect();
    crate::data::sort::sort(&mut v[..]);
    v.dedup();
    v.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::breakdown::{Eigenaar, Risicoprofiel};
    use crate::data::gemeente::GemeenteCode;
    use std::sync::Arc;

    #[test]
    fn filters_select_addresses() {
        let mut a = Address::new("a", GemeenteCode(24), "Loppersum", 9919, Risicoprofiel::P90, Eigenaar::Particulier);
        a.gemeente_nu = GemeenteCode(1979);
        a.cluster = Some(Arc::from("LOP-07"));
        let b = Address::new("b", GemeenteCode(14), "Ten Boer", 9791, Risicoprofiel::P50, Eigenaar::Corporatie);
        let all = vec![a, b];
        let f = Filters { gemeente: Some(GemeenteCode(1979)), ..Filters::default() };
        assert_eq!(select(&all, &f).len(), 1, "today's gemeente counts, not the code in the file");
        let f = Filters { cluster: Some("LOP-07".into()), ..Filters::default() };
        assert_eq!(select(&all, &f).len(), 1);
        assert!(below_gemeente(&f));
        let f = Filters { eigenaar: Some(Eigenaar::Corporatie), dorp: Some("Loppersum".into()), ..Filters::default() };
        assert!(select(&all, &f).is_empty());
        assert_eq!(select(&all, &Filters::default()).len(), 2);
        assert_eq!(dorp_options(&all, &Filters::default()), vec!["Loppersum".to_string(), "Ten Boer".to_string()]);
        assert_eq!(cluster_options(&all, &Filters { dorp: Some("Ten Boer".into()), ..Filters::default() }), Vec::<String>::new());
    }
}
