//! SodM's table 2.4, as published: the mean lead time between the phases, in days, for three
//! groups of addresses on 17 July 2020 — the only published lead times of the operation. Means
//! only, no medians or spread; the first row is computed on only 350 of the 1,177 completed
//! addresses (those with every date), rows 2 and 3 are still running ("right-censored").

use super::days_text;
use crate::analysis::bar_chart::{BarChart, BarLayout, BarSeries, BarValue};
use crate::analysis::chart::ChartMeta;
use crate::analysis::provenance;
use crate::analysis::select::{series, Vintage};
use crate::analysis::time_chart::Provenance;
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::period::Period;
use crate::i18n::{format, texts, Lang};

/// Completed addresses with every date of the chain in SodM's table 2.4 (report L881-884).
pub const SODM_CHAIN_COMPLETE: u64 = 350;

/// Columns of the table (categories of the chart): key and the measure per row.
const STEPS: [&str; 4] = ["opname-beoordeling", "beoordeling-planvorming", "planvorming-gereed", "totaal"];

/// Rows of the table (series): key, style and the measure code per step (`None` = not applicable).
const ROWS: [(&str, [Option<&str>; 4]); 3] = [
    (
        "afgerond",
        [
            Some("doorlooptijd_opname_beoordeling_afgerond"),
            Some("wachttijd_beoordeling_planvorming_afgerond"),
            Some("doorlooptijd_planvorming_gereed_afgerond"),
            Some("doorlooptijd_totaal_afgerond"),
        ],
    ),
    (
        "in_planvorming",
        [Some("doorlooptijd_opname_beoordeling_in_planvorming"), Some("wachttijd_beoordeling_planvorming_in_planvorming"), None, Some("doorlooptijd_totaal_in_planvorming")],
    ),
    ("beoordeeld", [Some("doorlooptijd_opname_beoordeling_beoordeeld"), None, None, Some("doorlooptijd_totaal_beoordeeld")]),
];

/// The published value of a mean lead time (total, latest vintage) and where it comes from.
pub fn published_mean(archive: &Archive, code: &str, lang: Lang) -> Option<(f64, Provenance, Period)> {
    series(archive, code, &Breakdown::default(), Vintage::Latest)
        .into_iter()
        .filter(|o| o.period.is_date())
        .last()
        .and_then(|o| Some((o.value?, provenance::of(archive, o, lang), o.period)))
}

/// The completed addresses on SodM's peildatum (`uitvoering_gereed` on 17-07-2020).
pub fn completed_on_peildatum(archive: &Archive, period: Period) -> Option<f64> {
    series(archive, "uitvoering_gereed", &Breakdown::default(), Vintage::Latest).into_iter().find(|o| o.period == period).and_then(|o| o.value)
}

/// The chart of table 2.4; `None` when the archive has none of its figures.
pub fn chart(archive: &Archive, lang: Lang) -> Option<BarChart> {
    let t = &texts(lang).doorlooptijden;
    let mut provs: Vec<Provenance> = Vec::new();
    let mut peil = None;
    let mut out = Vec::new();
    for (style, (key, codes)) in ROWS.iter().enumerate() {
        let values: Vec<Option<BarValue>> = codes
            .iter()
            .map(|c| {
                let (v, p, period) = published_mean(archive, (*c)?, lang)?;
                peil = Some(period);
                provs.push(p.clone());
                Some(BarValue { value: v, display: days_text(v, lang), suppressed: false, provenance: Some(p), qualifier: None })
            })
            .collect();
        if values.iter().all(Option::is_none) {
            continue;
        }
        let label = match *key {
            "afgerond" => {
                let of = peil.and_then(|p| completed_on_peildatum(archive, p)).map(|v| format::int(v, lang)).unwrap_or_else(|| "–".into());
                (t.means_row_completed)(&format::int(SODM_CHAIN_COMPLETE as f64, lang), &of)
            }
            "in_planvorming" => t.means_row_planvorming.to_string(),
            _ => t.means_row_beoordeeld.to_string(),
        };
        out.push(BarSeries { key: (*key).to_string(), label, style, values });
    }
    if out.is_empty() {
        return None;
    }
    let get = |row: &str, step: usize| out.iter().find(|s| s.key == row).and_then(|s| s.values.get(step).cloned().flatten()).map(|v| v.value);
    let summary = match (get("afgerond", 3), get("afgerond", 0), get("in_planvorming", 0), get("afgerond", 1), get("in_planvorming", 1)) {
        (Some(total), Some(ob_done), Some(ob_now), Some(w_done), Some(w_now)) => (t.means_summary)(
            &format::int(total, lang),
            &format::years(total, lang),
            &format::int(ob_done, lang),
            &format::int(ob_now, lang),
            &format::int(w_done, lang),
            &format::int(w_now, lang),
        ),
        _ => texts(lang).shell.no_data.to_string(),
    };
    let prov_refs: Vec<&Provenance> = provs.iter().collect();
    Some(BarChart {
        meta: ChartMeta {
            id: "doorlooptijd-sodm".into(),
            title: t.means_title.to_string(),
            summary,
            source_line: provenance::source_line(archive, &prov_refs, lang),
            method: t.means_method.to_string(),
            synthetic: false,
            estimated: false,
        },
        category_keys: STEPS.iter().map(|s| (*s).to_string()).collect(),
        categories: t.means_steps.iter().map(|s| (*s).to_string()).collect(),
        series: out,
        layout: BarLayout::Grouped,
        horizontal: true,
        value_label: t.y_days.to_string(),
        fixed_max: None,
    })
}
