//! Small multiples: one small bar chart of the werkvoorraad per fase for each gemeente, all on
//! the same scale (`fixed_max`), so a longer bar is more addresses in every panel.

use super::comparison::GemeenteFigures;
use crate::analysis::bar_chart::{BarChart, BarLayout, BarSeries, BarValue};
use crate::analysis::provenance;
use crate::analysis::time_chart::{nice_ceiling, Provenance};
use crate::data::archive::Archive;
use crate::i18n::{format, texts, Lang};

/// One chart per gemeente that has fase figures, sharing one value axis.
pub fn fase_panels(archive: &Archive, rows: &[GemeenteFigures], lang: Lang) -> Vec<BarChart> {
    let t = &texts(lang).gemeenten;
    let with: Vec<&GemeenteFigures> = rows.iter().filter(|g| g.code.is_some() && g.fases.iter().any(|f| f.as_ref().and_then(|f| f.count).is_some())).collect();
    let max = with.iter().flat_map(|g| g.fases.iter().flatten().filter_map(|f| f.count)).fold(0.0, f64::max);
    let fixed_max = Some(nice_ceiling(max));
    with.into_iter()
        .map(|g| {
            let values: Vec<Option<BarValue>> = g
                .fases
                .iter()
                .map(|f| {
                    let f = f.as_ref()?;
                    let c = f.count?;
                    let display = match f.share {
                        Some(s) => format!("{} ({})", format::int(c, lang), format::pct(s, 1, lang)),
                        None => format::int(c, lang),
                    };
                    Some(BarValue { value: c, display, suppressed: false, provenance: Some(f.provenance.clone()), qualifier: None })
                })
                .collect();
            let provs: Vec<&Provenance> = values.iter().flatten().filter_map(|v| v.provenance.as_ref()).collect();
            let code = g.code.map(|c| c.to_string()).unwrap_or_default();
            BarChart {
                meta: provenance::chart_meta(archive, &provs, lang, format!("fasen-{code}"), g.name.clone(), (t.panel_summary)(&g.name, &g.date.map(|d| format::date(d, lang)).unwrap_or_default(), &format::int(g.werkvoorraad.as_ref().and_then(|f| f.count).unwrap_or(0.0), lang)), t.panels_method.into()),
                category_keys: (1..=6).map(|k| format!("fase_{k}")).collect(),
                categories: t.fase_short.iter().map(|s| (*s).to_string()).collect(),
                series: vec![BarSeries { key: "adressen".into(), label: t.addresses.into(), style: 0, values }],
                layout: BarLayout::Grouped,
                horizontal: true,
                value_label: t.addresses.into(),
                fixed_max,
            }
        })
        .collect()
}
