//! "Hoeveel adressen per maand?" — the flows of one milestone group, drawn as per-month rates over
//! the span of each published (or computed) period, a 3-month rolling mean where months are
//! published, numbered events, and a table with every count as published.

use super::flows::{self, FlowSet, Piece};
use super::markers;
use super::milestones::Group;
use super::observe::{self, Obs};
use super::rolling;
use super::sorting::sort_by_key;
use super::tiling;
use super::trend_rule::{self, Trend};
use crate::analysis::chart::ChartMeta;
use crate::analysis::filters::Filters;
use crate::analysis::provenance;
use crate::analysis::select::Vintage;
use crate::analysis::table::{Cell, Column, Row, TableModel};
use crate::analysis::time_chart::{Point, Series, SeriesKind, TimeChart};
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::date::Date;
use crate::data::measure::Unit;
use crate::data::observation::Flag;
use crate::i18n::trends::TrendWords;
use crate::i18n::{format, labels, texts, Lang};

/// The flows of one series: one definition, one publisher family.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesFlows {
    /// Stable key: measure code and family, e.g. `opname-sodm`.
    pub key: String,
    pub measure: String,
    pub family: String,
    pub label: String,
    pub set: FlowSet,
    /// Indices into `set.pieces` that are drawn.
    pub drawn: Vec<usize>,
}

/// `opname` + `SodM` → `opname-sodm`.
pub fn series_key(measure: &str, family: &str) -> String {
    let slug: String = family.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    format!("{measure}-{slug}")
}

fn series_label(label: &str, family: &str) -> String {
    if label.contains(family) { label.to_string() } else { format!("{label} ({family})") }
}

/// Split a measure's flows by publisher family, families in order of their first period.
fn split(archive: &Archive, measure: &str, label: &str, set: FlowSet) -> Vec<SeriesFlows> {
    let mut fams: Vec<(Date, String)> = Vec::new();
    let mut note = |f: &str, d: Date| match fams.iter_mut().find(|(_, x)| x == f) {
        Some(e) => e.0 = e.0.min(d),
        None => fams.push((d, f.to_string())),
    };
    for p in set.pieces.iter().chain(&set.negatives) {
        note(&p.family, p.start);
    }
    for o in &set.before {
        note(observe::publisher_family(archive, o.publication), Date::Y2K);
    }
    sort_by_key(&mut fams, |f| f.0);
    fams.into_iter()
        .map(|(_, f)| SeriesFlows {
            key: series_key(measure, &f),
            measure: measure.to_string(),
            label: series_label(label, &f),
            set: FlowSet {
                pieces: set.pieces.iter().filter(|p| p.family == f).cloned().collect(),
                before: set.before.iter().filter(|o| observe::publisher_family(archive, o.publication) == f).cloned().collect(),
                negatives: set.negatives.iter().filter(|p| p.family == f).cloned().collect(),
            },
            family: f,
            drawn: Vec::new(),
        })
        .collect()
}

/// The series of a group, one per measure and publisher family, with pieces published under a new
/// name but dated before that name's definition started moved to the measure it replaced (SodM
/// table 2.2 prints "planvorming gestart" for 2016-2019, when the step was still "project
/// vastgesteld": seed 000 L744-747).
pub fn series_flows(archive: &Archive, group: &Group, filter: &Breakdown, vintage: Vintage, lang: Lang) -> Vec<SeriesFlows> {
    let t = &texts(lang).trends;
    let mut out: Vec<SeriesFlows> = Vec::new();
    for m in group.members {
        let Some(measure) = archive.measure_by_code(m.flow) else { continue };
        let set = flows::candidates(archive, m.flow, m.level, filter, vintage, lang);
        out.extend(split(archive, m.flow, measure.label(lang), set));
    }
    let mut i = 0;
    while i < out.len() {
        i += 1;
        let i = i - 1;
        let Some(measure) = archive.measure_by_code(&out[i].measure) else { continue };
        let (Some(from), Some(old)) = (measure.valid_from, measure.replaces.clone()) else { continue };
        let Some(old_measure) = archive.measure_by_code(&old) else { continue };
        if !group.members.iter().any(|m| m.flow == old) {
            continue;
        }
        let moved: Vec<Piece> = take_where(&mut out[i].set.pieces, |p| p.end < from);
        let moved_neg: Vec<Piece> = take_where(&mut out[i].set.negatives, |p| p.end < from);
        let moved_before: Vec<Obs> = take_where(&mut out[i].set.before, |o| o.period.end() < from);
        if moved.is_empty() && moved_neg.is_empty() && moved_before.is_empty() {
            continue;
        }
        let family = out[i].family.clone();
        let note = (t.note_old_name)(measure.label(lang), old_measure.label(lang));
        let j = match out.iter().position(|s| s.measure == old && s.family == family) {
            Some(j) => j,
            None => {
                out.push(SeriesFlows { key: series_key(&old, &family), measure: old.clone(), label: series_label(old_measure.label(lang), &family), family: family.clone(), set: FlowSet::default(), drawn: Vec::new() });
                out.len() - 1
            }
        };
        let relabel = |mut p: Piece| {
            p.series = old.clone();
            p.provenance.note = if p.provenance.note.is_empty() { note.clone() } else { format!("{note} {}", p.provenance.note) };
            p
        };
        let target = &mut out[j].set;
        // A published value of the old measure itself wins over a moved one for the same span.
        for p in moved.into_iter().map(relabel) {
            if !target.pieces.iter().any(|q| q.start == p.start && q.end == p.end) {
                target.pieces.push(p);
            }
        }
        target.negatives.extend(moved_neg.into_iter().map(relabel));
        target.before.extend(moved_before);
        sort_by_key(&mut target.pieces, |p| (p.start, p.end, p.rank));
    }
    out.retain(|s| !(s.set.pieces.is_empty() && s.set.negatives.is_empty() && s.set.before.is_empty()));
    // Members in group order, then families in order of appearance.
    let order = |s: &SeriesFlows| group.members.iter().position(|m| m.flow == s.measure).unwrap_or(usize::MAX);
    sort_by_key(&mut out, order);
    for s in &mut out {
        s.drawn = tiling::choose(&s.set.pieces, vintage);
    }
    out
}

fn take_where<T>(v: &mut Vec<T>, pred: impl Fn(&T) -> bool) -> Vec<T> {
    let mut taken = Vec::new();
    let mut keep = Vec::with_capacity(v.len());
    for x in v.drain(..) {
        if pred(&x) { taken.push(x) } else { keep.push(x) }
    }
    *v = keep;
    taken
}

/// Restrict a series to the filter's period: pieces that lie wholly inside it. (Pieces that only
/// overlapped it were kept: with "t/m 2019" SodM's 1 July 2019 – 30 June 2020 was drawn past the
/// filter's end, and since the quarters of 2020 were dropped, it won the tiling over the quarters
/// of 2019 inside the window, which the table then called "overlapt met een fijnere periode".)
fn in_period(s: &mut SeriesFlows, filters: &Filters) {
    let from = filters.from.map(|m| m.first_day());
    let to = filters.to.map(|m| m.last_day());
    let keep = |start: Option<Date>, end: Date| from.is_none_or(|f| start.is_some_and(|s| s >= f)) && to.is_none_or(|t| end <= t);
    s.set.pieces.retain(|p| keep(Some(p.start), p.end));
    s.set.negatives.retain(|p| keep(Some(p.start), p.end));
    s.set.before.retain(|o| keep(o.period.start(), o.period.end()));
}

/// Everything the flows section shows.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowView {
    pub chart: TimeChart,
    /// Every count of the group's series, drawn or not, as published or computed.
    pub table: TableModel,
    /// The rule applied to the most recent series.
    pub trend: Option<(String, Trend)>,
    /// The trend in one sentence (also the chart's summary).
    pub trend_text: String,
}

/// The trend sentence for a series.
pub fn trend_sentence(label: &str, tr: &Trend, lang: Lang) -> String {
    let t = &texts(lang).trends;
    let w = TrendWords {
        series: label,
        recent: &format::period(&tr.recent.period(), lang),
        recent_rate: &format::int(tr.recent.rate, lang),
        previous: &format::period(&tr.previous.period(), lang),
        previous_rate: &format::int(tr.previous.rate, lang),
        recent_count: &format::int(tr.recent.count, lang),
        previous_count: &format::int(tr.previous.count, lang),
        recent_derived: tr.recent.derived,
        previous_derived: tr.previous.derived,
        pct: tr.change_pct.map(|p| format::pct(p.abs(), 0, lang)),
        lower: tr.change < 0.0,
        direction: tr.direction,
    };
    (t.trend_sentence)(&w)
}

/// Build the flows view of `group`.
pub fn build(archive: &Archive, group: &Group, filters: &Filters, lang: Lang) -> FlowView {
    let t = &texts(lang).trends;
    let breakdown = filters.breakdown();
    let mut all = series_flows(archive, group, &breakdown, filters.vintage, lang);
    for s in &mut all {
        in_period(s, filters);
        s.drawn = tiling::choose(&s.set.pieces, filters.vintage);
    }
    let n = all.len();
    let mut series = Vec::new();
    let mut rolling_series = Vec::new();
    let (mut lo, mut hi): (Option<Date>, Option<Date>) = (None, None);
    for (i, s) in all.iter().enumerate() {
        let points: Vec<Point> = s
            .drawn
            .iter()
            .filter_map(|&k| s.set.pieces.get(k))
            .map(|p| {
                lo = Some(lo.map_or(p.start, |l| l.min(p.start)));
                hi = Some(hi.map_or(p.end, |h| h.max(p.end)));
                let period = format::period(&p.period.normalised(), lang);
                Point {
                    start: p.start,
                    end: p.end,
                    value: p.rate(),
                    label: (t.flow_point)(&format::int(p.count, lang), &period, &format::dec(p.rate(), 1, lang)),
                    period_label: period,
                    segment: 0,
                    provenance: p.provenance.clone(),
                }
            })
            .collect();
        if points.is_empty() {
            continue;
        }
        series.push(Series { key: s.key.clone(), label: s.label.clone(), style: i, kind: SeriesKind::Span, points });
        let refs: Vec<&Piece> = s.set.pieces.iter().collect();
        let monthly = rolling::monthly(&refs);
        let roll = rolling::rolling_mean(&monthly, 3);
        if !roll.is_empty() {
            let label = (t.rolling_label)(&s.label);
            let points = roll
                .iter()
                .map(|(m, v)| Point {
                    start: m.first_day(),
                    end: m.last_day(),
                    value: *v,
                    label: format!("{label}: {} {}", format::dec(*v, 1, lang), t.per_month),
                    period_label: format::month(*m, lang),
                    segment: 0,
                    provenance: crate::analysis::time_chart::Provenance {
                        quoted: false,
                        publication: String::new(),
                        publication_title: t.computed_here.to_string(),
                        peildatum: None,
                        source: t.rolling_source.to_string(),
                        flag: Flag::Derived,
                        note: String::new(),
                    },
                })
                .collect();
            rolling_series.push(Series { key: format!("{}-gemiddelde", s.key), label, style: n + i, kind: SeriesKind::Line, points });
        }
    }
    series.extend(rolling_series);

    // The rule on the most recent series that has drawn pieces.
    let trend = all
        .iter()
        .filter(|s| !s.drawn.is_empty())
        .max_by_key(|s| s.drawn.iter().filter_map(|&k| s.set.pieces.get(k)).map(|p| p.end).max())
        .and_then(|s| trend_rule::trend(&s.set.pieces, &s.drawn, filters.vintage).map(|tr| (s.label.clone(), tr)));
    let negatives: usize = all.iter().map(|s| s.set.negatives.len()).sum();
    let mut trend_text = match &trend {
        Some((label, tr)) => trend_sentence(label, tr, lang),
        None if series.is_empty() => texts(lang).shell.no_data.to_string(),
        None => t.trend_insufficient.to_string(),
    };
    if negatives > 0 {
        trend_text = format!("{trend_text} {}", (t.flow_negatives)(negatives));
    }

    let measures: Vec<&str> = group.members.iter().flat_map(|m| std::iter::once(m.flow).chain(m.level)).collect();
    let markers = match (lo, hi) {
        (Some(a), Some(b)) => markers::for_measures(archive, &measures, a, b, lang),
        _ => Vec::new(),
    };
    let provs: Vec<_> = series.iter().flat_map(|s| s.points.iter().map(|p| &p.provenance)).filter(|p| !p.publication.is_empty()).collect();
    let source_line = provenance::source_line(archive, &provs, lang);
    let synthetic = provs.iter().any(|p| p.flag == Flag::Synthetic);
    let chart = TimeChart {
        meta: ChartMeta {
            id: "trends-stroom".into(),
            title: (t.flow_title)(t.group_label(group.key)),
            summary: trend_text.clone(),
            source_line,
            method: t.flow_method.to_string(),
            synthetic,
            estimated: false,
        },
        y_label: t.per_month.to_string(),
        unit: Unit::Addresses,
        series,
        markers,
        references: Vec::new(),
    };
    FlowView { table: counts_table(&all, group, lang), chart, trend, trend_text }
}

/// Every count of the group's series: drawn or not, published or computed, "voor 2017", negative.
pub fn counts_table(all: &[SeriesFlows], group: &Group, lang: Lang) -> TableModel {
    let t = &texts(lang).trends;
    let sh = &texts(lang).shell;
    let columns = [
        (sh.col_series, false),
        (sh.col_period, false),
        (t.col_count, true),
        (t.col_months, true),
        (t.col_rate, true),
        (t.col_drawn, false),
        (sh.col_publication, false),
        (sh.col_source, false),
        (sh.col_flag, false),
    ]
    .into_iter()
    .map(|(l, n)| Column { label: l.to_string(), numeric: n, title: None })
    .collect();
    let mut rows = Vec::new();
    for s in all {
        let mut items: Vec<(Date, Row)> = Vec::new();
        let drawn_pieces = s.set.pieces.iter().enumerate().map(|(k, p)| (p, if s.drawn.contains(&k) { t.drawn_yes } else { t.drawn_overlap }));
        for (p, drawn) in drawn_pieces.chain(s.set.negatives.iter().map(|p| (p, t.drawn_negative))) {
            let source = if p.provenance.note.is_empty() { p.provenance.source.clone() } else { format!("{} — {}", p.provenance.source, p.provenance.note) };
            items.push((
                p.start,
                Row {
                    attrs: vec![("series".into(), s.key.clone()), ("period".into(), p.period.normalised().to_string()), ("publication".into(), p.provenance.publication.clone())],
                    cells: vec![
                        Cell::text(s.label.clone()),
                        Cell::text(format::period(&p.period.normalised(), lang)),
                        // "≈" on a count the source gave roughly and on its rate (NCG's "ruim 4000").
                        Cell::num(format::int_as(p.count, p.provenance.flag, lang), p.count).rough(p.provenance.flag == crate::data::observation::Flag::Approximate, lang),
                        Cell::num(format::dec(p.months(), 1, lang), (p.months() * 100.0).round() / 100.0),
                        Cell::num(format!("{}{}", format::approx(p.provenance.flag), format::dec(p.rate(), 1, lang)), (p.rate() * 10.0).round() / 10.0).rough(p.provenance.flag == crate::data::observation::Flag::Approximate, lang),
                        Cell::text(drawn),
                        Cell::as_published(p.provenance.publication_title.clone()),
                        // A note holds the sources' own words between single quotes (a derived
                        // flow's the title of its earlier level's publication, "Tabel 2.2 noemt de
                        // stap 'Project uitgevoerd'"): on the English page marked Dutch (they were
                        // not), our words around them English.
                        if p.provenance.quoted || !p.provenance.note.is_empty() { Cell::source(source, lang) } else { Cell::text(source) },
                        Cell::text(labels::flag(p.provenance.flag, lang)),
                    ],
                },
            ));
        }
        for o in &s.set.before {
            items.push((
                Date::Y2K,
                Row {
                    attrs: vec![("series".into(), s.key.clone()), ("period".into(), o.period.to_string()), ("publication".into(), o.provenance.publication.clone())],
                    cells: vec![
                        Cell::text(s.label.clone()),
                        Cell::text(format::period(&o.period, lang)),
                        Cell::num(format::int(o.value, lang), o.value),
                        Cell::text("–"),
                        Cell::text("–"),
                        Cell::text(t.drawn_before),
                        Cell::as_published(o.provenance.publication_title.clone()),
                        match (o.provenance.quoted, o.provenance.note.is_empty()) {
                            (true, true) => Cell::as_published(o.provenance.source.clone()),
                            (_, true) => Cell::text(o.provenance.source.clone()),
                            // The note may be the app's ("summed over predecessors"): only its
                            // quotations are marked.
                            (_, false) => Cell::source(format!("{} — {}", o.provenance.source, o.provenance.note), lang),
                        },
                        Cell::text(labels::flag(o.provenance.flag, lang)),
                    ],
                },
            ));
        }
        sort_by_key(&mut items, |(d, _)| *d);
        rows.extend(items.into_iter().map(|(_, r)| r));
    }
    TableModel { caption: (t.counts_caption)(t.group_label(group.key)), columns, rows }
}

/// The trend of the completed-tracks group, for the Overzicht.
pub fn completed_trend(archive: &Archive, vintage: Vintage, lang: Lang) -> Option<(String, Trend)> {
    completed_trend_with_sources(archive, vintage, lang).map(|(l, t, _)| (l, t))
}

/// [`completed_trend`] with the provenance of the drawn periods inside its two windows: the
/// Overzicht's pace card names them (a review: its 2.275, 4.800 and 1.775 had no source but
/// "NCG", the card no link to a publication).
pub fn completed_trend_with_sources(archive: &Archive, vintage: Vintage, lang: Lang) -> Option<(String, Trend, Vec<crate::analysis::time_chart::Provenance>)> {
    let g = super::milestones::group(super::milestones::COMPLETED);
    let all = series_flows(archive, g, &Breakdown::default(), vintage, lang);
    let s = all.iter().filter(|s| !s.drawn.is_empty()).max_by_key(|s| s.drawn.iter().filter_map(|&k| s.set.pieces.get(k)).map(|p| p.end).max())?;
    let tr = trend_rule::trend(&s.set.pieces, &s.drawn, vintage)?;
    let provs = s.drawn.iter().filter_map(|&k| s.set.pieces.get(k)).filter(|p| p.start >= tr.previous.start && p.end <= tr.recent.end).map(|p| p.provenance.clone()).collect();
    Some((s.label.clone(), tr, provs))
}
