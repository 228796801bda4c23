//! The page of one dorp (address-level data only): its fasen as shown in the gemeente's table of
//! dorpen, its clusters — status per fase, how long they have been waiting, and how alike the
//! neighbours in a cluster were treated — and a status summary per street.

use super::areas::{AreaRow, Columns};
use super::gemeente_page::{derived_provenance, fase_chart, FaseAbout, Tile};
use super::hierarchy::{clusters, dorpen, in_cluster, in_dorp, in_gemeente, row_of, streets};
use super::lead::{lead_chart, About};
use super::spread::shown_spread;
use super::tables::{area_table, count_label};
use crate::analysis::bar_chart::BarChart;
use crate::analysis::derive::{Count, Facts};
use crate::analysis::provenance;
use crate::analysis::table::{Cell, Column, TableModel};
use crate::data::archive::Archive;
use crate::data::bronbestand::Address;
use crate::data::date::Date;
use crate::data::gemeente::GemeenteCode;
use crate::data::observation::Flag;
use crate::i18n::{format, texts, Lang};

/// Everything the dorp page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct DorpModel {
    pub code: GemeenteCode,
    pub dorp: String,
    pub date: Date,
    /// The dorp's row as shown in the gemeente's table of dorpen.
    pub row: AreaRow,
    pub fase_chart: BarChart,
    /// Median days per step of the dorp's addresses (steps from 5 addresses), as on the gemeente
    /// and cluster pages: the dorp page, between them, had none ("hoe lang duurt het in mijn dorp?").
    pub lead_chart: BarChart,
    /// One row per cluster (row attribute `key` = cluster id) and one for addresses without.
    pub clusters: TableModel,
    /// How many clusters (the table's rows less the one of addresses without a cluster).
    pub cluster_count: usize,
    pub streets: TableModel,
    /// Clusters whose addresses got more than one outcome, of the clusters where that is shown.
    pub mixed_outcomes: (usize, usize),
    /// Clusters assessed under more than one NPR version, of the clusters where that is shown.
    pub mixed_npr: (usize, usize),
    pub synthetic: bool,
}

/// Addresses in the werkvoorraad on day number `day`.
pub fn in_werkvoorraad<'a>(v: &[&'a Address], day: i64) -> Vec<&'a Address> {
    v.iter().copied().filter(|a| Facts::of(a).fase_on(day).is_some()).collect()
}

/// Build the dorp page; `None` when the gemeente has no such dorp in the data.
pub fn dorp_model(addresses: &[Address], code: GemeenteCode, dorp: &str, reference: Date, derived: &Archive, lang: Lang) -> Option<DorpModel> {
    let t = &texts(lang).gemeenten;
    let day = reference.to_days();
    let g = in_gemeente(addresses, code);
    let (_, rows) = dorpen(&g, day);
    let row = row_of(&rows, dorp)?.clone();
    let d = in_werkvoorraad(&in_dorp(&g, dorp), day);
    let (_, crows) = clusters(&d, day, &row);
    let p = derived_provenance(derived, lang);
    let source_line = provenance::source_line(derived, &[&p], lang);
    let mut ct = area_table(&crows, Columns::Fases, (t.clusters_caption)(dorp), t.col_cluster, t.without_cluster, lang);
    ct.columns.extend([t.col_spread_beoordeling, t.col_outcomes, t.col_npr].iter().map(|l| Column { label: (*l).to_string(), numeric: false, title: None }));
    let (mut mixed_outcomes, mut mixed_npr) = ((0, 0), (0, 0));
    let gemeente_wv = in_werkvoorraad(&g, day);
    for (r, tr) in crows.iter().zip(ct.rows.iter_mut()) {
        let s = r.key.as_ref().map(|k| shown_spread(&in_cluster(&d, k), &gemeente_wv, &r.cells, day));
        let s = s.unwrap_or_default();
        for (n, acc) in [(s.outcomes, &mut mixed_outcomes), (s.npr, &mut mixed_npr)] {
            if let Some(n) = n {
                acc.1 += 1;
                acc.0 += usize::from(n > 1);
            }
        }
        tr.cells.push(Cell::text(match s.beoordeling {
            Some((a, b)) if a == b => format::month(a, lang),
            Some((a, b)) => format!("{} – {}", format::month_short(a, lang), format::month_short(b, lang)),
            None => "–".into(),
        }));
        tr.cells.push(s.outcomes.map(|n| Cell::num((t.n_outcomes)(n), n as f64)).unwrap_or_else(|| Cell::text("–")));
        tr.cells.push(s.npr.map(|n| Cell::num((t.n_npr)(n), n as f64)).unwrap_or_else(|| Cell::text("–")));
    }
    let st = area_table(&streets(&d, day, &row), Columns::Groups, (t.streets_caption)(dorp), t.col_straat, t.without_straat, lang);
    let total = row.cells.first().copied().unwrap_or(Count::Suppressed);
    let cluster_count = crows.iter().filter(|r| r.key.is_some()).count();
    let fase_chart = fase_chart(
        &row.cells,
        FaseAbout {
            id: "fasen-dorp".into(),
            title: (t.fase_title)(dorp),
            summary: (t.dorp_summary)(dorp, &count_label(total, lang), &format::date(reference, lang), cluster_count),
            provenance: p.clone(),
            source_line,
        },
        lang,
    );
    let all_in_dorp = in_dorp(&g, dorp);
    let lead_chart = lead_chart(
        &all_in_dorp,
        reference,
        About { id: "doorlooptijden-dorp".into(), title: (t.lead_title)(dorp), source_line: provenance::source_line(derived, &[&p], lang), synthetic: p.flag == Flag::Synthetic, shown: Some(row.cells.clone()) },
        lang,
    );
    Some(DorpModel {
        code,
        dorp: dorp.to_string(),
        date: reference,
        row,
        fase_chart,
        lead_chart,
        clusters: ct,
        cluster_count,
        streets: st,
        mixed_outcomes,
        mixed_npr,
        synthetic: p.flag == Flag::Synthetic,
    })
}

/// The dorp's key figures, as the gemeente page has them (a council member on a dorp page had to
/// read them from a sentence and a chart): werkvoorraad, the share in fase 6 (afgerond), the rest
/// (fase 1 t/m 5) and the clusters. Only from the row's shown cells: a share or a rest only where
/// the total and fase 6 are both shown, so no tile says more than the table (rest = total − fase 6).
pub fn tiles(m: &DorpModel, lang: Lang) -> Vec<Tile> {
    let t = &texts(lang).gemeenten;
    let cell = |i: usize| m.row.cells.get(i).copied().unwrap_or(Count::Suppressed);
    let (total, done) = (cell(0), cell(6));
    let both = match (total, done) {
        (Count::Exact(a), Count::Exact(b)) if a > 0 && b <= a => Some((a, b)),
        _ => None,
    };
    let tile = |key, label: &str, value: String, detail: String| Tile { key, label: label.to_string(), value, detail };
    vec![
        tile("werkvoorraad", t.col_werkvoorraad, count_label(total, lang), (t.on_date)(&format::date(m.date, lang))),
        match both {
            Some((a, b)) => tile("afgerond", t.tile_afgerond, format::pct(b as f64 / a as f64 * 100.0, 0, lang), (t.of_werkvoorraad)(&format::int(b as f64, lang))),
            None => tile("afgerond", t.tile_afgerond, count_label(done, lang), String::new()),
        },
        tile("open", t.tile_open, both.map(|(a, b)| format::int((a - b) as f64, lang)).unwrap_or_else(|| "–".into()), t.tile_open_detail.to_string()),
        tile("clusters", t.tile_clusters, format::int(m.cluster_count as f64, lang), String::new()),
        tile("prognose", t.col_forecast, "–".into(), t.dorp_forecast_detail.to_string()),
    ]
}
