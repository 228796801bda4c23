//! Everything the Trends view shows, as one value computed from the archive, the filters and the
//! view's own URL parameters: the view renders it and never computes.

use super::coverage;
use super::flow_chart::{self, FlowView};
use super::forecast::DEFAULT_TARGET_YEAR;
use super::forecast_chart::{self, ForecastView};
use super::milestones::{self, GROUPS};
use super::revisions;
use super::stock_phases;
use super::targets;
use crate::analysis::chart::Chart;
use crate::analysis::filters::Filters;
use crate::analysis::provenance::publisher_label;
use crate::analysis::table::TableModel;
use crate::data::archive::Archive;
use crate::i18n::{format, texts, Lang};

/// URL parameter: the milestone group of the flows chart.
pub const Q_MIJLPAAL: &str = "mijlpaal";
/// URL parameter: the year by which the work should be done.
pub const Q_KLAAR: &str = "klaar";
/// URL parameters: the two publications compared in the revisions table.
pub const Q_A: &str = "a";
pub const Q_B: &str = "b";
/// The view's own parameters (kept when the filters change).
pub const VIEW_PARAMS: [&str; 4] = [Q_MIJLPAAL, Q_KLAAR, Q_A, Q_B];

/// Years offered for "klaar in". (2025 was offered and gave only "Eind 2025 ligt niet na 31
/// december 2025, de datum waarvandaan we rekenen": the newest figures are of the end of 2025.)
pub const TARGET_YEARS: std::ops::RangeInclusive<i32> = 2026..=2040;

/// The Trends view's own URL parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewParams {
    pub group: &'static str,
    pub year: i32,
    pub a: Option<String>,
    pub b: Option<String>,
}

impl Default for ViewParams {
    fn default() -> Self {
        ViewParams { group: GROUPS[0].key, year: DEFAULT_TARGET_YEAR, a: None, b: None }
    }
}

impl ViewParams {
    /// Read from query pairs; unknown or malformed values fall back to the defaults.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ViewParams {
        let mut p = ViewParams::default();
        for (k, v) in pairs {
            match k {
                Q_MIJLPAAL => p.group = milestones::group(v).key,
                Q_KLAAR => p.year = v.parse().ok().filter(|y| TARGET_YEARS.contains(y)).unwrap_or(DEFAULT_TARGET_YEAR),
                Q_A if crate::data::publication::valid_id(v) => p.a = Some(v.to_string()),
                Q_B if crate::data::publication::valid_id(v) => p.b = Some(v.to_string()),
                _ => {}
            }
        }
        p
    }
}

/// The revisions section.
#[derive(Clone, Debug, PartialEq)]
pub struct RevisionView {
    pub a: String,
    pub b: String,
    pub table: TableModel,
    pub empty: bool,
    /// Why these figures changed, when the sources say so.
    pub explanation: Option<&'static str>,
    /// How many of the shared figures changed (`revisions::summary`).
    pub summary: String,
    /// What an empty comparison says: nothing shared by these two, or by any two for the selection.
    pub empty_text: &'static str,
    /// Whether choosing two publications can show anything: not when no figure of the selection
    /// is in two publications (a filtered page offered two lists of 29 publications over "geen
    /// enkel cijfer van deze selectie staat in twee publicaties").
    pub choosable: bool,
}

/// The whole Trends view.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendsPage {
    pub group: &'static str,
    /// The year by which the work should be done.
    pub year: i32,
    pub flows: FlowView,
    pub flows_chart: Chart,
    pub phases: Chart,
    pub targets: Chart,
    pub forecast: ForecastView,
    pub forecast_chart: Chart,
    pub revisions: RevisionView,
    /// "NCG publiceert dit niet per …" and what exists for the selection.
    pub notices: Vec<String>,
    /// A page filtered on a gemeente: (path, text) of the link to that gemeente's page, which has
    /// everything published about it (filtered Trends showed mostly empty charts, with no way there).
    pub gemeente_page: Option<(String, String)>,
    /// Shown instead of an empty chart.
    pub empty_message: String,
    /// Whether the step select can show anything: some step has figures for the selection (a page
    /// filtered on Oldambt offered six steps above a chart that stays empty for each of them).
    pub steps_shown: bool,
}

fn revision_view(archive: &Archive, filters: &Filters, params: &ViewParams, lang: Lang) -> RevisionView {
    let t = &texts(lang).trends;
    let exists = |id: &Option<String>| id.as_ref().filter(|i| archive.publications.iter().any(|p| &p.id == *i)).cloned();
    // The selection's own most revised pair; the whole area's where the selection has none.
    let bd = filters.breakdown();
    let own = revisions::default_pair(archive, &bd);
    let none_here = own.is_none() && bd != Default::default();
    let default = own.or_else(|| revisions::default_pair(archive, &Default::default())).unwrap_or_default();
    let a = exists(&params.a).unwrap_or(default.0);
    let b = exists(&params.b).unwrap_or(default.1);
    let rows = revisions::compare(archive, &a, &b, &bd, lang);
    let label = |id: &str| {
        archive.publications.iter().find(|p| p.id == id).map(|p| format!("{} {}", publisher_label(p, lang), format::date_short(p.peildatum, lang))).unwrap_or_else(|| id.to_string())
    };
    // Two publications of one publisher and date (NCG's report and its annual report of 31
    // December 2020) were both headed "NCG 31-12-2020": then their titles.
    let (mut la, mut lb) = (label(&a), label(&b));
    if la == lb {
        let title = |id: &str| archive.publications.iter().find(|p| p.id == id).map(|p| crate::analysis::provenance::publication_title(p, lang)).unwrap_or_else(|| id.to_string());
        (la, lb) = (title(&a), title(&b));
    }
    // What the source says of a pair's revisions, where the selection has figures in both.
    let explanation = t.revision_explanations.iter().find(|(x, y, _)| !rows.is_empty() && ((*x == a && *y == b) || (*x == b && *y == a))).map(|(_, _, e)| *e);
    let empty_text = if none_here { t.revisions_none_here } else { t.revisions_empty };
    RevisionView { table: revisions::table(&rows, &la, &lb, lang), empty: rows.is_empty(), summary: revisions::summary(&rows, lang), a, b, explanation, empty_text, choosable: !none_here }
}

/// Build the Trends view for the filters and parameters.
pub fn build(archive: &Archive, filters: &Filters, params: &ViewParams, lang: Lang) -> TrendsPage {
    let t = &texts(lang).trends;
    let group = milestones::group(params.group);
    let flows = flow_chart::build(archive, group, filters, lang);
    // The forecast always concerns completed tracks, whatever group the flows chart shows, and
    // always runs from the latest stand at the latest pace: a period filter does not apply to it
    // (with "t/m 2019" it projected SodM's 2019 pace of 'uitvoering gereed' from the stand of 2024,
    // another definition, and found the work done in the past), and says so.
    let whole = Filters { from: None, to: None, ..filters.clone() };
    let completed = if group.key == milestones::COMPLETED && whole == *filters {
        flows.trend.clone()
    } else {
        flow_chart::build(archive, milestones::group(milestones::COMPLETED), &whole, lang).trend
    };
    let mut forecast = forecast_chart::build(archive, &whole, params.year, completed.as_ref().map(|(_, tr)| tr), lang);
    if whole != *filters {
        forecast.paragraphs.insert(0, t.forecast_whole_period.to_string());
    }
    let steps_shown = !flows.chart.is_empty()
        || filters.breakdown() == Default::default()
        || GROUPS.iter().any(|g| g.key != group.key && !flow_chart::build(archive, g, filters, lang).chart.is_empty());
    let mut notices = coverage::notices(archive, filters, lang);
    notices.dedup();
    TrendsPage {
        group: group.key,
        year: params.year,
        flows_chart: Chart::Time(flows.chart.clone()),
        flows,
        phases: Chart::Time(stock_phases::build(archive, filters, lang)),
        targets: Chart::Bars(targets::build(archive, filters, lang)),
        forecast_chart: Chart::Time(forecast.chart.clone()),
        forecast,
        revisions: revision_view(archive, filters, params, lang),
        notices,
        steps_shown,
        gemeente_page: filters.gemeente.and_then(|g| archive.gemeenten.get(g)).map(|g| (crate::analysis::drilldown::paths::gemeente(g.code), (t.gemeente_page_link)(&g.name))),
        empty_message: {
            let set = [filters.gemeente.is_some(), filters.batch.is_some(), filters.risicoprofiel.is_some(), filters.eigenaar.is_some()];
            let dims: Vec<&str> = t.dims.iter().zip(set).filter(|(_, on)| *on).map(|(d, _)| *d).collect();
            if dims.is_empty() { t.empty_chart.to_string() } else { (t.empty_by)(&dims.join(" / ")) }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_round_trip_and_reject_rubbish() {
        let p = ViewParams::from_query([("mijlpaal", "bouw"), ("klaar", "2030"), ("a", "sodm-2020-01"), ("b", "../x")]);
        assert_eq!(p.group, "bouw");
        assert_eq!(p.year, 2030);
        assert_eq!(p.a.as_deref(), Some("sodm-2020-01"));
        assert_eq!(p.b, None);
        assert_eq!(ViewParams::from_query([("klaar", "1999")]).year, DEFAULT_TARGET_YEAR);
        // Regression: 2025 was offered, and the newest figures are of 31 December 2025, so it only
        // gave "Eind 2025 ligt niet na 31 december 2025". An old link falls back to the default.
        assert!(!TARGET_YEARS.contains(&2025) && TARGET_YEARS.contains(&DEFAULT_TARGET_YEAR));
        assert_eq!(ViewParams::from_query([("klaar", "2025")]).year, DEFAULT_TARGET_YEAR);
    }
}
