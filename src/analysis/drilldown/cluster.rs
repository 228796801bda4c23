//! The page of one cluster (address-level data only): its fasen as shown in its dorp's table of
//! clusters, its lead times (steps with at least 5 addresses), and how alike its addresses were
//! treated: the months of their assessments, their outcomes and NPR versions (protected counts).

use super::areas::AreaRow;
use super::dorp::in_werkvoorraad;
use super::gemeente_page::{derived_provenance, fase_chart, FaseAbout};
use super::hierarchy::{clusters, dorpen, in_cluster, in_dorp, in_gemeente, row_of};
use super::lead::{lead_chart, About};
use super::spread::{npr_allowed, npr_row, outcome_row, outcomes_allowed, shown_spread, OUTCOMES};
use super::tables::{count_cell, count_label};
use crate::analysis::bar_chart::BarChart;
use crate::analysis::derive::Count;
use crate::analysis::provenance;
use crate::analysis::table::{Cell, Column, Row, TableModel};
use crate::data::archive::Archive;
use crate::data::bronbestand::Address;
use crate::data::date::{Date, Month};
use crate::data::gemeente::GemeenteCode;
use crate::data::observation::Flag;
use crate::i18n::{format, texts, Lang};

/// Everything the cluster page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterModel {
    pub code: GemeenteCode,
    pub dorp: String,
    pub cluster: String,
    pub date: Date,
    /// The cluster's row as shown in its dorp's table of clusters.
    pub row: AreaRow,
    pub fase_chart: BarChart,
    pub lead_chart: BarChart,
    /// Outcomes and NPR versions, counts protected (row attribute `group`: uitkomst / npr).
    pub alike: TableModel,
    /// First and last month of assessment (from 5 assessed addresses).
    pub beoordeling: Option<(Month, Month)>,
    pub synthetic: bool,
}

/// Build the cluster page; `None` when the dorp has no such cluster in the data.
pub fn cluster_model(addresses: &[Address], code: GemeenteCode, dorp: &str, cluster: &str, reference: Date, derived: &Archive, lang: Lang) -> Option<ClusterModel> {
    let t = &texts(lang).gemeenten;
    let day = reference.to_days();
    let g = in_gemeente(addresses, code);
    let (_, rows) = dorpen(&g, day);
    let dorp_row = row_of(&rows, dorp)?;
    let d = in_werkvoorraad(&in_dorp(&g, dorp), day);
    let (_, crows) = clusters(&d, day, dorp_row);
    let row = row_of(&crows, cluster)?.clone();
    let members = in_cluster(&d, cluster);
    let gemeente_wv = in_werkvoorraad(&g, day);
    let total_shown = row.cells.first() != Some(&Count::Suppressed);
    let p = derived_provenance(derived, lang);
    let source_line = provenance::source_line(derived, &[&p], lang);
    let label = (t.crumb_cluster)(cluster);
    let fase_chart = fase_chart(
        &row.cells,
        FaseAbout {
            id: "fasen-cluster".into(),
            title: (t.fase_title)(&label),
            summary: (t.cluster_summary)(&label, dorp, &count_label(row.cells.first().copied().unwrap_or(Count::Suppressed), lang), &format::date(reference, lang)),
            provenance: p.clone(),
            source_line: source_line.clone(),
        },
        lang,
    );
    let all_members: Vec<&Address> = in_cluster(&in_dorp(&g, dorp), cluster);
    let lead_chart = lead_chart(
        &all_members,
        reference,
        About { id: "doorlooptijden-cluster".into(), title: (t.lead_title)(&label), source_line, synthetic: p.flag == Flag::Synthetic, shown: Some(row.cells.clone()) },
        lang,
    );
    // Outcomes and NPR versions.
    // Only where the shown fase cells already give the fasen these counts bound.
    let allowed = total_shown && outcomes_allowed(&row.cells);
    let none_known = super::suppression::known_exactly(&row.cells, &super::areas::fase_layout(), &[1, 2, 3]);
    let outcomes = outcome_row(&members, allowed, none_known.filter(|_| allowed));
    let (versions, npr) = npr_row(&members, &gemeente_wv, total_shown && npr_allowed(&row.cells));
    let mut rows_out = Vec::new();
    for (i, o) in OUTCOMES.iter().enumerate() {
        let name = match o {
            Some(u) => t.outcome_labels.get(*u as usize).copied().unwrap_or_default().to_string(),
            None => t.no_outcome.to_string(),
        };
        rows_out.push(Row { attrs: vec![("group".into(), "uitkomst".into())], cells: vec![Cell::text(name), count_cell(outcomes.get(i + 1).copied().unwrap_or(Count::Suppressed), lang)] });
    }
    for (i, v) in versions.iter().enumerate() {
        rows_out.push(Row { attrs: vec![("group".into(), "npr".into())], cells: vec![Cell::text((t.npr_version)(*v)), count_cell(npr.get(i + 1).copied().unwrap_or(Count::Suppressed), lang)] });
    }
    rows_out.push(Row {
        attrs: vec![("group".into(), "npr".into())],
        cells: vec![Cell::text(t.npr_unknown), count_cell(npr.last().copied().unwrap_or(Count::Suppressed), lang)],
    });
    let alike = TableModel {
        caption: (t.alike_caption)(&label),
        columns: vec![Column { label: t.col_group.into(), numeric: false, title: None }, Column { label: t.col_werkvoorraad.into(), numeric: true, title: None }],
        rows: rows_out,
    };
    let beoordeling = shown_spread(&members, &gemeente_wv, &row.cells, day).beoordeling;
    Some(ClusterModel {
        code,
        dorp: dorp.to_string(),
        cluster: cluster.to_string(),
        date: reference,
        row,
        fase_chart,
        lead_chart,
        alike,
        beoordeling,
        synthetic: p.flag == Flag::Synthetic,
    })
}
