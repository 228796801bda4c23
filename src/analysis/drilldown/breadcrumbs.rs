//! The breadcrumb trail of a drill-down page: Groningen-gebied › Eemsdelta › Loppersum ›
//! cluster LOP-07. The last crumb is the current page.

use super::paths;
use crate::data::gemeente::{GemeenteCode, Registry};
use crate::i18n::{texts, Lang};

/// One step of the trail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crumb {
    pub label: String,
    /// The path of the level (without query; the UI keeps the query).
    pub path: String,
}

/// The trail down to a gemeente, optionally a dorp in it, optionally a cluster in that dorp.
pub fn trail(registry: &Registry, code: GemeenteCode, dorp: Option<&str>, cluster: Option<&str>, lang: Lang) -> Vec<Crumb> {
    let t = &texts(lang).gemeenten;
    let name = registry.get(code).map(|g| g.name.clone()).unwrap_or_else(|| code.to_string());
    let mut v = vec![Crumb { label: t.crumb_root.to_string(), path: paths::GEMEENTEN.to_string() }, Crumb { label: name, path: paths::gemeente(code) }];
    if let Some(d) = dorp {
        v.push(Crumb { label: d.to_string(), path: paths::dorp(code, d) });
        if let Some(c) = cluster {
            v.push(Crumb { label: (t.crumb_cluster)(c), path: paths::cluster(code, d, c) });
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::gemeente::Gemeente;

    #[test]
    fn trail_down_to_a_cluster() {
        let r = Registry::new(vec![Gemeente {
            code: GemeenteCode(1979),
            name: "Eemsdelta".into(),
            valid_from: None,
            valid_to: None,
            successor: None,
            in_operation: true,
        }]);
        let t = trail(&r, GemeenteCode(1979), Some("Loppersum"), Some("LOP-07"), Lang::Nl);
        let labels: Vec<&str> = t.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Groningen-gebied", "Eemsdelta", "Loppersum", "cluster LOP-07"]);
        assert_eq!(t[3].path, "/gemeente/GM1979/dorp/Loppersum/cluster/LOP-07");
        assert_eq!(t[0].path, "/gemeenten");
        assert_eq!(trail(&r, GemeenteCode(1979), None, Some("x"), Lang::En).len(), 2);
    }
}
