//! Everything the Doorlooptijden view shows, computed in one pass from the loaded data, the
//! filters and the view's own choices (which addresses, which step, which fase). The view only
//! renders this value, so a native test sees exactly what the browser shows.

use super::address_filter::{below_gemeente, is_unfiltered, select};
use super::cohorts::{trend_chart, TrendInput};
use super::estimate::{self, step_code, EstimateResult};
use super::exact::{self, coverage_text, CohortChoice, ExactResult, StepResult};
use super::fifo_estimate::{step, STEPS};
use super::percentiles::Summary;
use super::{count_text, open_ages, published_means, transition_label, Stat};
use crate::analysis::bar_chart::BarChart;
use crate::analysis::chart::ChartMeta;
use crate::analysis::filters::Filters;
use crate::analysis::histogram::HistogramChart;
use crate::analysis::lead_time_exact::Transition;
use crate::analysis::provenance;
use crate::analysis::table::{Cell, Column, Row, TableModel};
use crate::analysis::time_chart::{Provenance, TimeChart};
use crate::data::archive::Archive;
use crate::data::bronbestand::Address;
use crate::data::date::Date;
use crate::data::observation::Flag;
use crate::i18n::{format, texts, Lang};

/// Query parameter of the cohort choice (`cohort=sodm`).
pub const Q_COHORT: &str = "cohort";
/// Query parameter of the chosen step (`stap=opname-beoordeling`).
pub const Q_STAP: &str = "stap";
/// Query parameter of the chosen fase of the open cases (`fase=3`).
pub const Q_FASE: &str = "fase";
/// The step shown when none is chosen: opname → beoordeling, the first step of SodM's table and
/// the one whose estimate from published figures is closest to the truth (see `validation`).
pub const DEFAULT_STEP: Transition = Transition::OpnameBeoordeling;
/// The fase shown when none is chosen: 4, waiting after the reinforcement advice.
pub const DEFAULT_FASE: u8 = 4;

/// The view's own choices, read from and written to the URL (defaults omitted).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choice {
    pub cohort: CohortChoice,
    pub step: Transition,
    pub fase: u8,
}

impl Default for Choice {
    fn default() -> Choice {
        Choice { cohort: CohortChoice::All, step: DEFAULT_STEP, fase: DEFAULT_FASE }
    }
}

/// The step with this URL code.
pub fn step_from_code(s: &str) -> Option<Transition> {
    Transition::ALL.iter().copied().find(|t| step_code(*t) == s)
}

impl Choice {
    /// Read from query pairs; unknown values fall back to the defaults.
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Choice {
        let mut c = Choice::default();
        for (k, v) in pairs {
            match k {
                Q_COHORT => c.cohort = CohortChoice::from_code(v),
                Q_STAP => c.step = step_from_code(v).unwrap_or(DEFAULT_STEP),
                Q_FASE => c.fase = v.parse().ok().filter(|f| (1..=5).contains(f)).unwrap_or(DEFAULT_FASE),
                _ => {}
            }
        }
        c
    }
    /// The query pairs of the non-default choices.
    pub fn to_query(&self) -> Vec<(String, String)> {
        let mut q = Vec::new();
        if let Some(c) = self.cohort.code() {
            q.push((Q_COHORT.to_string(), c.to_string()));
        }
        if self.step != DEFAULT_STEP {
            q.push((Q_STAP.to_string(), step_code(self.step).to_string()));
        }
        if self.fase != DEFAULT_FASE {
            q.push((Q_FASE.to_string(), self.fase.to_string()));
        }
        q
    }
}

/// Address-level data.
pub struct AddressInput<'a> {
    pub addresses: &'a [Address],
    /// The archive derived from them (monthly cumulative series: the estimator's input).
    pub derived: &'a Archive,
    /// The last date in the data.
    pub reference: Date,
    pub synthetic: bool,
}

/// What the page is computed from.
pub struct PageInput<'a> {
    /// The published archive.
    pub archive: &'a Archive,
    pub address: Option<AddressInput<'a>>,
    pub filters: &'a Filters,
    pub choice: Choice,
    pub lang: Lang,
}

/// Exact figures from address data, or estimates from published figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exact,
    Estimated,
}

/// Everything the view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub mode: Mode,
    /// The reference date of the exact figures.
    pub reference: Option<Date>,
    pub choice: Choice,
    /// The answer in a few lines, above the table (`short_answer`).
    pub answer: Vec<String>,
    /// All steps at a glance (one row per step; the SodM chain total too under SodM's method).
    pub overview: TableModel,
    /// Steps that have a chart (exact: all; estimated: those with published series).
    pub available: Vec<Transition>,
    /// The chosen step.
    pub step_chart: Option<HistogramChart>,
    pub step_stats: Vec<Stat>,
    /// Why the chosen step has no chart.
    pub step_missing: Option<String>,
    pub trend: Option<TimeChart>,
    /// SodM table 2.4 as published.
    pub sodm: Option<BarChart>,
    pub open_overview: Option<BarChart>,
    pub open_chart: Option<HistogramChart>,
    pub open_stats: Vec<Stat>,
}

/// The provenance of values computed from the addresses.
fn address_provenance(derived: &Archive, synthetic: bool, lang: Lang) -> Provenance {
    let p = derived.publications.first();
    Provenance {
        quoted: false,
        publication: p.map(|p| p.id.clone()).unwrap_or_default(),
        publication_title: p.map(|p| crate::analysis::provenance::publication_title(p, lang)).unwrap_or_default(),
        peildatum: p.map(|p| p.peildatum),
        source: texts(lang).doorlooptijden.exact_source.to_string(),
        flag: if synthetic { Flag::Synthetic } else { Flag::Derived },
        note: p.map(|p| p.notes.clone()).unwrap_or_default(),
    }
}

fn day_cell(v: Option<f64>, lang: Lang) -> Cell {
    match v {
        Some(v) => Cell::num(format::int(v, lang), (v * 10.0).round() / 10.0),
        None => Cell::text("–"),
    }
}

/// One overview row: step, median, n, coverage (or window), mean, p25, p75, p90, within 6
/// months. The median, the answer to "how long does it take?", comes first: on a 360 px phone the
/// table showed step, n and window, and every number of days lay behind a sideways scroll.
fn overview_row(key: &str, label: &str, s: Option<&Summary>, sorted: &[f64], second: Cell, suppress: bool, lang: Lang) -> Row {
    let n = s.map(|s| s.n).unwrap_or(0) as u64;
    let (nd, nv) = count_text(n, suppress, lang);
    let hidden = suppress && n < super::binning::SUPPRESS_BELOW;
    let s = s.filter(|_| !hidden);
    let share = s.and_then(|_| super::percentiles::share_at_most(sorted, 6.0 * super::binning::DAYS_PER_MONTH)).map(|x| x * 100.0);
    Row {
        attrs: vec![("step".into(), key.to_string())],
        cells: vec![
            Cell::text(label),
            day_cell(s.map(|s| s.median), lang),
            match nv {
                Some(v) => Cell::num(nd, v),
                None => Cell::text(nd),
            },
            second,
            day_cell(s.map(|s| s.mean), lang),
            day_cell(s.map(|s| s.p25), lang),
            day_cell(s.map(|s| s.p75), lang),
            day_cell(s.map(|s| s.p90), lang),
            match share {
                Some(v) => Cell::num(format::pct(v, 0, lang), (v * 10.0).round() / 10.0),
                None => Cell::text("–"),
            },
        ],
    }
}

fn overview_columns(second: &str, lang: Lang) -> Vec<Column> {
    let t = &texts(lang).doorlooptijden;
    let mut cols = vec![Column { label: t.col_step.to_string(), numeric: false, title: None }, Column { label: t.col_median.to_string(), numeric: true, title: None }, Column { label: t.stat_n.to_string(), numeric: true, title: None }];
    cols.push(Column { label: second.to_string(), numeric: false, title: None });
    for l in [t.col_mean, t.col_p25, t.col_p75, t.col_p90, t.stat_within_6m] {
        cols.push(Column { label: l.to_string(), numeric: true, title: None });
    }
    cols
}

fn exact_overview(r: &ExactResult, suppress: bool, lang: Lang) -> TableModel {
    let t = &texts(lang).doorlooptijden;
    let row = |s: &StepResult, key: &str, label: &str| {
        let share = (s.coverage.1 > 0).then(|| s.coverage.0 as f64 / s.coverage.1 as f64 * 100.0);
        let cov = match share {
            Some(v) if !suppress => Cell::num(coverage_text(s.coverage, suppress, lang), (v * 10.0).round() / 10.0),
            _ => Cell::text(coverage_text(s.coverage, suppress, lang)),
        };
        overview_row(key, label, s.summary.as_ref(), &s.days, cov, suppress, lang)
    };
    let mut rows: Vec<Row> = r.steps.iter().filter_map(|s| Some(row(s, step_code(s.transition?), transition_label(s.transition?, lang)))).collect();
    if let Some(c) = &r.chain_total {
        rows.push(row(c, "keten", t.chain_total_label));
    }
    let caption = match r.choice {
        CohortChoice::All => (t.overview_caption_all)(&format::date(r.reference, lang)),
        CohortChoice::Sodm => t.overview_caption_sodm.to_string(),
    };
    TableModel { caption, columns: overview_columns(t.stat_coverage, lang), rows }
}

fn estimated_overview(archive: &Archive, estimates: &[(Transition, Option<EstimateResult>)], lang: Lang) -> TableModel {
    let t = &texts(lang).doorlooptijden;
    let rows = estimates
        .iter()
        .map(|(tr, e)| {
            // A window that ends before its measure's definition changed says which definition it
            // counts (a review read "beoordeling → planvorming 696 dagen, jan 2017 – dec 2019",
            // which counts 'project vastgesteld', against SodM's 43 days as a contradiction).
            let window = e.as_ref().and_then(|e| Some((e.window()?, e))).map(|((a, b), e)| {
                let span = format!("{} – {}", format::month_short(a.month_of(), lang), format::month_short(b.month_of(), lang));
                match estimate::definition_break(archive, &e.step, lang) {
                    // (Without the label's own "(oude definitie)": the cell read "(oude definitie:
                    // Project vastgesteld (oude definitie))" and pushed the table off the screen.)
                    Some((_, old, from)) if b < from => (t.old_definition)(&span, old.strip_suffix(t.old_definition_mark).unwrap_or(old)),
                    _ => span,
                }
            });
            let cell = Cell::text(window.unwrap_or_else(|| t.not_estimable_short.to_string()));
            let (s, d) = match e {
                Some(e) => (e.summary.as_ref(), e.days.as_slice()),
                None => (None, &[][..]),
            };
            let mut row = overview_row(step_code(*tr), transition_label(*tr, lang), s, d, cell, false, lang);
            // Step, median, n, window, mean; no quartiles, 90th percentile or share within six
            // months (`estimate::estimate_stats` says why), but the median with another assumed
            // start where the estimate rests on one.
            row.cells.truncate(5);
            row.cells.push(match e.as_ref().and_then(|e| e.sensitivity) {
                Some(x) => Cell::text(format!("{} – {}", format::int(x.median.0, lang), format::int(x.median.1, lang))),
                None => Cell::text("–"),
            });
            row
        })
        .collect();
    let mut columns = overview_columns(t.stat_window, lang);
    columns.truncate(5);
    let (a, b) = crate::analysis::lead_times::curves::origin_range();
    let title = (t.col_other_origin_title)(&format::month(a.month_of(), lang), &format::month(b.month_of(), lang));
    columns.push(Column { label: t.col_other_origin.to_string(), numeric: true, title: Some(title) });
    TableModel { caption: t.overview_caption_estimated.to_string(), columns, rows }
}

/// The validation table: per step the exact and estimated median and mean on the derived monthly
/// series, and the differences when only the dates of the published figures are used (for
/// synthetic data, where the exact answer is the real one). Independent of filters and choices,
/// so the view computes it once per data set and language.
pub fn validation_table(addresses: &[Address], derived: &Archive, published: &Archive, lang: Lang) -> TableModel {
    let t = &texts(lang).doorlooptijden;
    let label = |m: crate::data::bronbestand::Milestone| if lang == Lang::Nl { m.label_nl() } else { m.label_en() };
    let rows = super::validation::validate(addresses, derived, Some(published))
        .into_iter()
        .map(|r| {
            let s = step(r.transition);
            let name = s.map(|s| format!("{} → {}", label(s.milestones.0), label(s.milestones.1))).unwrap_or_default();
            let m = |f: fn(&super::validation::Comparison) -> f64| day_cell(r.monthly.as_ref().map(f), lang);
            let p = |f: fn(&super::validation::Comparison) -> f64| day_cell(r.as_published.as_ref().map(f), lang);
            Row {
                attrs: vec![("step".into(), step_code(r.transition).to_string())],
                cells: vec![
                    Cell::text(name),
                    m(|c| c.exact.median),
                    m(|c| c.estimated.median),
                    m(|c| c.median_error()),
                    m(|c| c.exact.mean),
                    m(|c| c.estimated.mean),
                    m(|c| c.mean_error()),
                    p(|c| c.median_error()),
                    p(|c| c.mean_error()),
                ],
            }
        })
        .collect();
    let columns = t.validation_columns.iter().enumerate().map(|(i, l)| Column { label: (*l).to_string(), numeric: i > 0, title: None }).collect();
    TableModel { caption: t.validation_caption.to_string(), columns, rows }
}

/// The exit window of the period filter, in continuous days (see `curves`).
pub fn window(f: &Filters) -> Option<(f64, f64)> {
    if f.from.is_none() && f.to.is_none() {
        return None;
    }
    let a = f.from.map(|m| m.first_day().to_days() as f64).unwrap_or(f64::NEG_INFINITY);
    let b = f.to.map(|m| super::curves::end_of(m.last_day())).unwrap_or(f64::INFINITY);
    Some((a, b))
}

/// Compute the page.
pub fn build(input: &PageInput<'_>) -> Page {
    Page { trend: trend(input), ..build_without_trend(input) }
}

/// The page without its trend chart (`trend` is `None`): the view builds the trend chart, which is
/// further down the page, a task later with [`trend`]. Together they were one task of about 125 ms
/// in the view's first render on the project's slower CI machine (2026-11-23), four times that in
/// Lighthouse's phone emulation.
pub fn build_without_trend(input: &PageInput<'_>) -> Page {
    let lang = input.lang;
    let t = &texts(lang).doorlooptijden;
    let f = input.filters;
    let suppress = below_gemeente(f);
    let mut sodm = published_means::chart(input.archive, lang);
    // Regression: with a gemeente chosen (the gemeente page links here with `?gemeente=`), SodM's
    // means of the whole area stood under "Selectie: Eemsdelta" as if they were Eemsdelta's.
    let whole_area = !is_unfiltered(f);
    if let Some(c) = sodm.as_mut().filter(|_| whole_area) {
        c.meta.summary = format!("{} {}", t.means_whole_area, c.meta.summary);
    }
    match &input.address {
        Some(a) => {
            let sel = select(a.addresses, f);
            let ex = exact::compute(&sel, input.choice.cohort, a.reference, f);
            let prov = address_provenance(a.derived, a.synthetic, lang);
            let source_line = provenance::source_line(a.derived, &[&prov], lang);
            let meta = |id: &str| ChartMeta { id: id.into(), source_line: source_line.clone(), synthetic: a.synthetic, ..ChartMeta::default() };
            let chosen = ex.step(input.choice.step);
            let step_chart = chosen.map(|s| exact::histogram(s, ex.reference, ex.choice, suppress, meta("doorlooptijd-stap"), lang));
            let step_stats = chosen.map(|s| exact::step_stats(s, suppress, lang)).unwrap_or_default();
            let ages = open_ages::compute(&sel, ex.reference);
            let open_overview = open_ages::overview_chart(&ages, input.archive, suppress, meta("doorlooptijd-open"), lang);
            let fase = ages.iter().find(|x| x.fase == input.choice.fase);
            let open_chart = fase.map(|x| open_ages::histogram(x, input.archive, ex.reference, suppress, meta("doorlooptijd-open-fase"), lang));
            let open_stats = fase.map(|x| open_ages::stats(x, suppress, lang)).unwrap_or_default();
            Page {
                mode: Mode::Exact,
                reference: Some(ex.reference),
                choice: input.choice,
                answer: super::short_answer::exact(&ex, input.choice.step, suppress, lang),
                overview: exact_overview(&ex, suppress, lang),
                available: Transition::ALL.to_vec(),
                step_chart,
                step_stats,
                step_missing: None,
                trend: None,
                sodm,
                open_overview: Some(open_overview),
                open_chart,
                open_stats,
            }
        }
        None => {
            // Only here is there an estimate at the top of the page to compare SodM's mean with
            // (with the demonstration the text pointed to an estimate that was not there).
            // (And only when the estimate is of the whole area too.)
            if let Some(c) = sodm.as_mut().filter(|_| !whole_area) {
                c.meta.summary = format!("{} {}", c.meta.summary, t.means_vs_estimate);
            }
            let estimates: Vec<(Transition, Option<EstimateResult>)> =
                STEPS.iter().map(|s| (s.transition, estimate::compute(input.archive, s, &f.breakdown(), f.vintage, window(f)))).collect();
            let chosen = estimates.iter().find(|(tr, _)| *tr == input.choice.step).and_then(|(_, e)| e.as_ref());
            Page {
                mode: Mode::Estimated,
                reference: None,
                choice: input.choice,
                answer: super::short_answer::estimated(&estimates, input.choice.step, f, lang),
                overview: estimated_overview(input.archive, &estimates, lang),
                available: estimates.iter().filter(|(_, e)| e.is_some()).map(|(t, _)| *t).collect(),
                step_chart: chosen.map(|e| estimate::histogram(input.archive, e, lang)),
                step_stats: chosen.map(|e| estimate::estimate_stats(e, lang)).unwrap_or_default(),
                step_missing: chosen.is_none().then(|| t.not_estimable.to_string()),
                trend: None,
                sodm,
                open_overview: None,
                open_chart: None,
                open_stats: Vec::new(),
            }
        }
    }
}

/// The trend chart of the chosen step: exact lead times by cohort from address data, with the
/// estimate from its derived series where that describes the same addresses; from published
/// figures the estimate alone (none when the step cannot be estimated).
pub fn trend(input: &PageInput<'_>) -> Option<TimeChart> {
    let lang = input.lang;
    let f = input.filters;
    let suppress = below_gemeente(f);
    let published_means = is_unfiltered(f).then_some(input.archive);
    match &input.address {
        Some(a) => {
            let sel = select(a.addresses, f);
            let prov = address_provenance(a.derived, a.synthetic, lang);
            // The estimate from the derived monthly series, where it describes the same addresses.
            let est = (!suppress).then(|| step(input.choice.step)).flatten().and_then(|s| estimate::compute(a.derived, s, &f.breakdown(), f.vintage, window(f)));
            Some(trend_chart(
                &TrendInput {
                    transition: input.choice.step,
                    exact: Some((&sel, a.reference, prov)),
                    estimate: est.as_ref().map(|e| (e, a.derived)),
                    published: published_means,
                    sources: vec![input.archive, a.derived],
                    period: (f.from, f.to),
                    synthetic: a.synthetic,
                },
                lang,
            ))
        }
        None => {
            let chosen = step(input.choice.step).and_then(|s| estimate::compute(input.archive, s, &f.breakdown(), f.vintage, window(f)))?;
            Some(trend_chart(
                &TrendInput {
                    transition: input.choice.step,
                    exact: None,
                    estimate: Some((&chosen, input.archive)),
                    published: published_means,
                    sources: vec![input.archive],
                    period: (f.from, f.to),
                    synthetic: false,
                },
                lang,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_round_trip_through_the_query() {
        let c = Choice { cohort: CohortChoice::Sodm, step: Transition::BouwGestartGereed, fase: 2 };
        let q = c.to_query();
        assert_eq!(q, vec![("cohort".to_string(), "sodm".to_string()), ("stap".to_string(), "bouw".to_string()), ("fase".to_string(), "2".to_string())]);
        assert_eq!(Choice::from_query(q.iter().map(|(k, v)| (k.as_str(), v.as_str()))), c);
        assert!(Choice::default().to_query().is_empty(), "defaults are not written");
        // Broken values fall back to the defaults.
        assert_eq!(Choice::from_query([("cohort", "x"), ("stap", "<b>"), ("fase", "9")]), Choice::default());
    }

    #[test]
    fn the_period_filter_is_a_window_of_exit_days() {
        assert_eq!(window(&Filters::default()), None);
        let f = Filters { from: crate::data::date::Month::parse("2020-01").ok(), ..Filters::default() };
        let (a, b) = window(&f).unwrap_or_default();
        assert_eq!(a, Date::parse("2020-01-01").map(|d| d.to_days() as f64).unwrap_or_default());
        assert!(b.is_infinite());
    }
}
