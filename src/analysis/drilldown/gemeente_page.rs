//! The view models of one gemeente's page: key figures, the trend (within today's boundaries,
//! with the merger marked), the werkvoorraad per fase, and the breakdowns by risicoprofiel,
//! eigenaar, bijzondere categorie and batch (from address-level data; protected like every table
//! below gemeente level, because a group inside a gemeente can be small).

use super::areas::{group_by, protected_rows, Columns, FASE_COLUMNS};
use super::comparison::{Fig, GemeenteFigures};
use super::harmonise::dated_series;
use super::resolve::merged_since;
use crate::analysis::bar_chart::{BarChart, BarLayout, BarSeries, BarValue};
use crate::analysis::chart::ChartMeta;
use crate::analysis::derive::{Count, DEMO_PUBLICATION};
use crate::analysis::provenance;
use crate::analysis::select::Vintage;
use crate::analysis::time_chart::{Marker, Point, Provenance, Series, SeriesKind, TimeChart};
use crate::data::archive::Archive;
use crate::data::bronbestand::Address;
use crate::data::event::EventKind;
use crate::data::gemeente::GemeenteCode;
use crate::data::measure::Unit;
use crate::data::observation::Flag;
use crate::i18n::{format, labels, texts, Lang};

/// Provenance of values counted directly from address-level data (the derived archive's
/// pseudo-publication).
pub fn derived_provenance(derived: &Archive, lang: Lang) -> Provenance {
    let p = derived.publications.first();
    let id = p.map(|p| p.id.clone()).unwrap_or_default();
    Provenance {
        quoted: false,
        flag: if id == DEMO_PUBLICATION { Flag::Synthetic } else { Flag::Derived },
        publication_title: p.map(|p| crate::analysis::provenance::publication_title(p, lang)).unwrap_or_default(),
        peildatum: p.map(|p| p.peildatum),
        source: p.map(|p| p.file.clone()).unwrap_or_default(),
        // In the reader's language (the derived archive carries its English).
        note: p.map(|p| crate::analysis::provenance::note_in(derived, &p.notes, lang).to_string()).unwrap_or_default(),
        publication: id,
    }
}

/// A key figure at the top of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tile {
    /// Stable id (tests, CSS).
    pub key: &'static str,
    pub label: String,
    pub value: String,
    pub detail: String,
}

/// A share's tile; `whole` is the share of "voldoet aan de norm" as its tile shows it, for the
/// tiles of its parts (op norm, versterkt), and `None` for the whole itself.
fn share_tile(key: &'static str, label: String, f: &Option<Fig>, whole: Option<&str>, lang: Lang) -> Tile {
    let t = &texts(lang).gemeenten;
    let (value, detail) = match f {
        Some(f) => (
            f.share.map(|s| format::pct(s, if f.share_published { 0 } else { 1 }, lang)).unwrap_or_else(|| "–".into()),
            match (f.count, whole) {
                // The whole says it is the whole: "≈ 5.000 adressen, in totaal".
                (Some(c), None) => format!("{}{}", (t.of_werkvoorraad)(&format::int_as(c, f.provenance.flag, lang)), t.in_total),
                (Some(c), Some(_)) => (t.of_werkvoorraad)(&format::int_as(c, f.provenance.flag, lang)),
                // A share published without a count says what the source said: Eemsdelta's 17% and
                // 15% are "van de gebouwen", not of the addresses (a review: the page called every
                // percentage one of the caseload).
                // A part says it is part of the whole: Eemsdelta's tile "Voldoet aan de norm 32%"
                // stood beside "waarvan op norm 17%", whose source says "17% van de gebouwen
                // voldoet aan de veiligheidsnorm", and a council member saw two percentages that
                // "voldoet" (the 32% is all that meets the norm, the source's "klaar met de
                // versterking"; the 17% the part that met it at its assessment).
                (None, Some(w)) if !f.provenance.note.is_empty() => (t.part_source_says)(w, &f.provenance.note),
                (None, _) if !f.provenance.note.is_empty() => (t.share_source_says)(&f.provenance.note),
                (None, _) => t.share_as_published.to_string(),
            },
        ),
        None => ("–".into(), t.not_published.to_string()),
    };
    Tile { key, label, value, detail }
}


/// Werkvoorraad; "voldoet aan de norm" and its two parts (op norm na beoordeling, versterkt), each
/// as published (the parts are not summed into the whole, nor the whole split); pace and forecast.
pub fn tiles(g: &GemeenteFigures, lang: Lang) -> Vec<Tile> {
    let t = &texts(lang).gemeenten;
    let wv = match (&g.werkvoorraad, g.date) {
        (Some(f @ Fig { count: Some(c), .. }), Some(d)) => Tile {
            key: "werkvoorraad",
            label: t.col_werkvoorraad.into(),
            value: format::int_as(*c, f.provenance.flag, lang),
            detail: (t.on_date)(&format::date(d, lang)),
        },
        _ => Tile { key: "werkvoorraad", label: t.col_werkvoorraad.into(), value: "–".into(), detail: t.not_published.into() },
    };
    let pace = match &g.pace {
        Some(p) => Tile {
            key: "tempo",
            label: t.col_pace.into(),
            value: (t.pace_cell)(&format::int(p.per_month, lang)),
            detail: (t.pace_detail)(&format::date_short(p.from, lang), &format::date_short(p.to, lang)),
        },
        None => Tile { key: "tempo", label: t.col_pace.into(), value: "–".into(), detail: t.pace_unknown.into() },
    };
    let forecast = match g.pace.as_ref().and_then(|p| p.done_by.map(|m| (p, m))) {
        Some((p, m)) => Tile {
            key: "prognose",
            label: t.col_forecast.into(),
            // A half year, as the forecast on Trends gives it (a review: the demonstration's
            // "december 2035" at 5 a month claimed a precision no straight line has).
            value: format::period(&crate::analysis::trends::forecast_chart::half_year(m.last_day()), lang),
            detail: (t.forecast_detail)(&format::int(p.remaining.unwrap_or(0.0), lang)),
        },
        // No pace (one published date): the pace needed to be done by the end of the target
        // year, as Trends filtered on the gemeente gives it (a review: Eemsdelta's page said
        // "Prognose klaar – niet te berekenen" where Trends said "≈ 150 per maand" was needed).
        None => match required(g, lang) {
            Some((year, pace, from)) => Tile { key: "nodig", label: (t.tile_required)(year), value: (t.pace_cell)(&pace), detail: (t.required_detail)(&format::date(from, lang)) },
            None => Tile { key: "prognose", label: t.col_forecast.into(), value: "–".into(), detail: t.pace_unknown.into() },
        },
    };
    let whole = share_tile("voldoet", t.tile_voldoet.into(), &g.voldoet, None, lang);
    let of = g.voldoet.as_ref().and_then(|f| f.share).map(|_| whole.value.clone());
    vec![
        wv,
        whole,
        share_tile("op-norm", t.tile_op_norm.into(), &g.op_norm, of.as_deref(), lang),
        share_tile("versterkt", t.tile_versterkt.into(), &g.versterkt, of.as_deref(), lang),
        pace,
        forecast,
    ]
}

/// (target year, pace per month as shown, from which date) needed to be done by the end of the
/// forecast's default year, from the gemeente's stand: werkvoorraad minus 'voldoet aan de norm',
/// "≈" with two significant digits when either is rough (`format::int_from`).
fn required(g: &GemeenteFigures, lang: Lang) -> Option<(i32, String, crate::data::date::Date)> {
    use crate::analysis::trends::forecast::{required_pace, Remaining, DEFAULT_TARGET_YEAR};
    let (d, w, v) = (g.date?, g.werkvoorraad.as_ref()?, g.voldoet.as_ref()?);
    let (werkvoorraad, done) = (w.count?, v.count?);
    // The forecast's own remaining and pace needed, with no growth known (one published date).
    let rem = Remaining { date: d, werkvoorraad, done, left: werkvoorraad - done, provenance: v.provenance.clone(), werkvoorraad_flag: w.provenance.flag, done_flag: v.provenance.flag };
    let pace = required_pace(&rem, 0.0, DEFAULT_TARGET_YEAR).filter(|_| rem.left > 0.0)?;
    Some((DEFAULT_TARGET_YEAR, format::int_from(pace, rem.left_flag(), lang), d))
}

/// The key figures of a gemeente whose figures are more than a year older than the archive's
/// newest publication: the pace needed is said as what was needed then. (A review: Eemsdelta's
/// tile "Nodig om eind 2028 klaar te zijn ≈ 150 per maand", from the stand of February 2023, was
/// read in 2026 beside the whole area's 272 a month from December 2025.)
pub fn tiles_in(archive: &Archive, g: &GemeenteFigures, lang: Lang) -> Vec<Tile> {
    let mut out = tiles(g, lang);
    if let (Some((year, _, from)), Some(_)) = (required(g, lang), g.date.and_then(|d| provenance::newest_if_old(archive, d))) {
        for t in out.iter_mut().filter(|t| t.key == "nodig") {
            t.label = (texts(lang).gemeenten.tile_required_then)(year, &format::date(from, lang));
        }
    }
    out
}

/// The line under the key figures: their date (the pace and forecast have their own period) and
/// their publications. `None` without figures.
pub fn tiles_source(archive: &Archive, g: &GemeenteFigures, lang: Lang) -> Option<String> {
    let d = g.date?;
    let provs: Vec<&Provenance> = [&g.werkvoorraad, &g.voldoet, &g.op_norm, &g.versterkt].into_iter().flatten().map(|f| &f.provenance).collect();
    // "or as the source gives them" only where a share has no count (the demonstration's line
    // wrapped, and its page no longer fit a 1920×1080 screen down to its charts).
    let as_published = [&g.voldoet, &g.op_norm, &g.versterkt].into_iter().flatten().any(|f| f.count.is_none() && f.share.is_some());
    Some((texts(lang).gemeenten.tiles_source)(&format::date(d, lang), g.date_unstated, as_published, &provenance::source_line(archive, &provs, lang)))
}

/// The whole region's share meeting the norm at the published stands nearest a gemeente's date,
/// one before and one after (each within a year), for comparison: the Gemeenten table set
/// Eemsdelta's 32% of 15 February 2023 beside the region's 59,9% of 31 December 2024, which read as
/// Eemsdelta lagging far behind, while the region stood at 30% and 32% around that day. `None`
/// when the gemeente's own stand is the region's (the total) or there is no stand near it.
pub fn region_near(archive: &Archive, g: &GemeenteFigures, vintage: Vintage, lang: Lang) -> Option<String> {
    let (d, own) = (g.date?, g.voldoet.as_ref()?);
    g.code?;
    let wv = dated_series(archive, "werkvoorraad", None, vintage, lang);
    let done = dated_series(archive, "voldoet_norm", None, vintage, lang);
    // (date, share, rough, provenances, (meets the norm, werkvoorraad))
    let shares: Vec<(crate::data::date::Date, f64, bool, [&Provenance; 2], (f64, f64))> = done
        .iter()
        .filter_map(|v| {
            let w = wv.iter().find(|w| w.date == v.date && w.value > 0.0)?;
            let rough = v.provenance.flag == Flag::Approximate || w.provenance.flag == Flag::Approximate;
            Some((v.date, v.value / w.value * 100.0, rough, [&v.provenance, &w.provenance], (v.value, w.value)))
        })
        .collect();
    let near = |before: bool| {
        shares
            .iter()
            .filter(|(x, ..)| if before { *x <= d } else { *x > d })
            .filter(|(x, ..)| (x.to_days() - d.to_days()).abs() <= 365)
            .min_by_key(|(x, ..)| (x.to_days() - d.to_days()).abs())
    };
    let (before, after) = (near(true), near(false));
    let used: Vec<_> = [before, after].into_iter().flatten().collect();
    let said: Vec<String> = used
        .iter()
        .map(|(x, share, rough, ..)| (texts(lang).gemeenten.share_on)(&format!("{}{}", if *rough { "≈ " } else { "" }, format::pct(*share, 0, lang)), &format::date(*x, lang)))
        .collect();
    // Only for a gemeente whose stand is older than the region's latest (the table's total).
    let latest = shares.last()?;
    if said.is_empty() || own.share.is_none() || d >= latest.0 {
        return None;
    }
    // Where the figures come from, and that the shares are ours (a review: "not traceable").
    let mut provs: Vec<&Provenance> = used.iter().flat_map(|u| u.3).collect();
    let t = &texts(lang).gemeenten;
    let date = if g.date_unstated { (t.plan_date)(&format::date(d, lang)) } else { format::date(d, lang) };
    // The rest of the region without this gemeente, at the stands around its date: a review found
    // Eemsdelta compared with a whole area of which it is more than half (15.815 of about 27.000
    // addresses). At each stand, not drawn through to the gemeente's date: a fourth review showed
    // that the rest ran from ≈ 27% to ≈ 33% between the two stands, and that Eemsdelta's figures
    // are not of a stated date, so one interpolated "≈ 29%" ranked what cannot be ranked.
    let rest = match (own.count, g.werkvoorraad.as_ref().and_then(|w| w.count)) {
        (Some(own_done), Some(own_wv)) => {
            let mut shares = Vec::new();
            for u in &used {
                let (done, wv) = (u.4 .0 - own_done, u.4 .1 - own_wv);
                if done >= 0.0 && wv > 0.0 {
                    shares.push((u.0, done / wv * 100.0));
                }
            }
            let (lo, hi) = shares.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), s| (lo.min(s.1), hi.max(s.1)));
            let said: Vec<String> = shares.iter().map(|(x, v)| (t.share_on)(&format!("≈ {}", format::pct(*v, 0, lang)), &format::date(*x, lang))).collect();
            let own_share = own.share.unwrap_or(f64::NAN);
            let place = if shares.len() < 2 || (own_share >= lo && own_share <= hi) {
                if g.date_unstated { t.region_rest_between } else { t.region_rest_within }
            } else if own_share > hi {
                t.region_rest_above
            } else {
                t.region_rest_below
            };
            (!said.is_empty()).then(|| format!("{} {}", (t.region_rest)(&g.name, &said.join(t.and)), (place)(&g.name, &format::pct(own_share, 0, lang))))
        }
        _ => None,
    };
    // With the rest of the region, the gemeente's own figures are a source too.
    if rest.is_some() {
        provs.extend([&own.provenance].into_iter().chain(g.werkvoorraad.as_ref().map(|w| &w.provenance)));
    }
    let source = provenance::source_line(archive, &provs, lang);
    Some((t.region_near)(&said.join(t.and), &date, &rest.unwrap_or_default(), &format::pct(latest.1, 1, lang), &format::date(latest.0, lang), &source))
}

/// A notice when a gemeente's newest figures are more than a year older than the archive's newest
/// publication. (Regression: Eemsdelta's page led with "15.815 / 32%" of 15 February 2023 in
/// large type, the date only in small grey text; on a meeting-room screen it read as today's.)
pub fn stale_notice(archive: &Archive, g: &GemeenteFigures, lang: Lang) -> Option<String> {
    let (d, _) = (g.date?, g.code?);
    let newest = provenance::newest_if_old(archive, d)?;
    let years = format::dec((newest.to_days() - d.to_days()) as f64 / 365.25, 1, lang);
    // Short: as one long block it became the page's largest element, painted only after the data,
    // and Lighthouse's LCP went from 1.1 to 5.4 s (the tiles' source line says what the date is).
    Some((texts(lang).gemeenten.stale_notice)(&g.name, &format::date(d, lang), &years, &format::date(newest, lang)))
}

/// [`region_near`] for a row of the Gemeenten table, led by the gemeente and its own share:
/// "Eemsdelta (32% op 15-02-2023*): ter vergelijking, …". (A council member's review: in the table
/// Eemsdelta's 32% of February 2023 stood right above the total's 59,9% of December 2024 and read
/// as half as far, while the region stood at 30–32% then.)
pub fn region_then(archive: &Archive, g: &GemeenteFigures, vintage: Vintage, lang: Lang) -> Option<String> {
    let text = region_near(archive, g, vintage, lang)?;
    let own = format::pct(g.voldoet.as_ref()?.share?, 0, lang);
    let d = format::date_short(g.date?, lang);
    Some((texts(lang).gemeenten.region_then)(&g.name, &own, &format!("{d}{}", if g.date_unstated { "*" } else { "" }), &text))
}

/// "Appingedam, Delfzijl, Loppersum zijn sinds 1 januari 2021 deel van Eemsdelta. …", with the
/// day of the last merger; `None` for a gemeente without predecessors.
pub fn merger_text(registry: &crate::data::gemeente::Registry, code: GemeenteCode, lang: Lang) -> Option<(crate::data::date::Date, String)> {
    let olds: Vec<GemeenteCode> = registry.predecessors_of(code).into_iter().filter(|&p| p != code).collect();
    let since = olds.iter().filter_map(|&o| merged_since(registry, o)).max()?;
    let name = registry.get(code).map(|g| g.name.clone()).unwrap_or_else(|| code.to_string());
    let names: Vec<String> = olds.iter().filter_map(|&o| registry.get(o).map(|g| g.name.clone())).collect();
    Some((since, (texts(lang).gemeenten.merger_note)(&name, &names.join(", "), &format::date(since, lang))))
}

/// Werkvoorraad and the three parts of "voldoet aan de norm" for one gemeente, within today's
/// boundaries; the merger is a numbered note on the time axis.
pub fn trend_chart(archive: &Archive, code: GemeenteCode, vintage: Vintage, lang: Lang) -> TimeChart {
    let t = &texts(lang).gemeenten;
    let registry = &archive.gemeenten;
    let name = registry.get(code).map(|g| g.name.clone()).unwrap_or_else(|| code.to_string());
    let codes = ["werkvoorraad", "voldoet_norm", "voldoet_op_norm", "voldoet_versterkt", "voldoet_andere_reden"];
    let mut series = Vec::new();
    for (style, m) in codes.iter().enumerate() {
        let Some(measure) = archive.measure_by_code(m) else { continue };
        let points: Vec<Point> = dated_series(archive, m, Some(code), vintage, lang)
            .into_iter()
            .map(|v| Point {
                start: v.date,
                end: v.date,
                value: v.value,
                label: format!("{}: {} {}", measure.label(lang), format::int(v.value, lang), t.addresses),
                period_label: format::date(v.date, lang),
                segment: crate::analysis::trends::markers::definition_segment(archive, m, v.date),
                provenance: v.provenance,
            })
            .collect();
        if !points.is_empty() {
            series.push(Series { key: (*m).to_string(), label: measure.label(lang).to_string(), style, kind: SeriesKind::Line, points });
        }
    }
    // The archive's events on these measures (a later check of them included; not those on all
    // measures, such as other gemeenten's mergers), with the gemeente's own merger in date order.
    let mut markers = crate::analysis::time_chart::data_range(&series).map(|(a, b)| crate::analysis::trends::markers::specific_to(archive, &codes, a, b, lang)).unwrap_or_default();
    let mut method = t.trend_method.to_string();
    if let Some((since, text)) = merger_text(registry, code, lang) {
        method = format!("{method} {text}");
        let at = markers.iter().position(|m| m.date > since).unwrap_or(markers.len());
        markers.insert(at, Marker { date: since, kind: EventKind::ReportingChange, text, source: "gemeenten.csv".into(), number: 0 });
    }
    for (i, m) in markers.iter_mut().enumerate() {
        m.number = i + 1;
    }
    let provs: Vec<&Provenance> = series.iter().flat_map(|s| s.points.iter().map(|p| &p.provenance)).collect();
    let last = |k: &str| series.iter().find(|s| s.key == k).and_then(|s| s.points.last());
    let approx = |p: &Point| format::approx(p.provenance.flag);
    let summary = match (last("voldoet_norm"), last("werkvoorraad")) {
        (Some(n), Some(w)) => (t.trend_summary)(
            &name,
            &format::date(n.end, lang),
            &format!("{}{}", approx(n), format::int(n.value, lang)),
            &format!("{}{}", approx(w), format::int(w.value, lang)),
        ),
        // Only the caseload (the plans of approach of 2020): the chart shows it, so the
        // summary must not say there is nothing.
        (None, Some(w)) => (t.trend_stock_only)(&name, &format::date(w.end, lang), &format!("{}{}", approx(w), format::int(w.value, lang))),
        _ => (t.trend_none)(&name),
    };
    TimeChart {
        meta: provenance::chart_meta(archive, &provs, lang, format!("trend-{code}"), (t.trend_title)(&name), summary, method),
        y_label: t.addresses.into(),
        unit: Unit::Addresses,
        series,
        markers,
        references: Vec::new(),
    }
}

/// What a fase chart is about.
#[derive(Clone, Debug, PartialEq)]
pub struct FaseAbout {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub provenance: Provenance,
    pub source_line: String,
}

fn bar_value(c: Count, p: &Provenance, lang: Lang) -> BarValue {
    match c {
        Count::Exact(v) => BarValue { value: v as f64, display: format::int(v as f64, lang), suppressed: false, provenance: Some(p.clone()), qualifier: None },
        Count::Suppressed => BarValue { value: 0.0, display: Count::Suppressed.label(), suppressed: true, provenance: Some(p.clone()), qualifier: None },
    }
}

/// The werkvoorraad per fase from a row of shown cells (`[total, fase 1..6]`).
pub fn fase_chart(cells: &[Count], about: FaseAbout, lang: Lang) -> BarChart {
    let t = &texts(lang).gemeenten;
    let values = (1..=6).map(|k| cells.get(k).map(|c| bar_value(*c, &about.provenance, lang))).collect();
    BarChart {
        meta: ChartMeta {
            id: about.id,
            title: about.title,
            summary: about.summary,
            source_line: about.source_line,
            method: t.fase_method.into(),
            synthetic: about.provenance.flag == Flag::Synthetic,
            estimated: false,
        },
        category_keys: (1..=6).map(|k| format!("fase_{k}")).collect(),
        categories: t.fase_short.iter().map(|s| (*s).to_string()).collect(),
        series: vec![BarSeries { key: "adressen".into(), label: t.addresses.into(), style: 0, values }],
        layout: BarLayout::Grouped,
        horizontal: true,
        value_label: t.addresses.into(),
        fixed_max: None,
    }
}

/// A breakdown inside a gemeente.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dim {
    Risicoprofiel,
    Eigenaar,
    Categorie,
    Batch,
}

impl Dim {
    pub const ALL: [Dim; 4] = [Dim::Risicoprofiel, Dim::Eigenaar, Dim::Categorie, Dim::Batch];
    fn code(self) -> &'static str {
        match self {
            Dim::Risicoprofiel => "risicoprofiel",
            Dim::Eigenaar => "eigenaar",
            Dim::Categorie => "categorie",
            Dim::Batch => "batch",
        }
    }
}

fn dim_key(dim: Dim, a: &Address) -> Option<&str> {
    match dim {
        Dim::Risicoprofiel => Some(a.risicoprofiel.as_str()),
        Dim::Eigenaar => Some(a.eigenaar.as_str()),
        Dim::Categorie => a.categorie.map(|c| c.as_str()),
        Dim::Batch => a.batch.as_deref(),
    }
}

/// The werkvoorraad per fase for each group of a breakdown inside the gemeente, stacked;
/// protected under the gemeente's (shown) figures.
pub fn breakdown_chart(gemeente: &[&Address], day: i64, dim: Dim, name: &str, p: &Provenance, source_line: &str, lang: Lang) -> BarChart {
    let t = &texts(lang).gemeenten;
    let g = group_by(gemeente.iter().copied(), day, |a| dim_key(dim, a));
    let rows = protected_rows(&g, Columns::Fases, &[true; FASE_COLUMNS]);
    let label = |k: &Option<String>| -> String {
        match (dim, k.as_deref()) {
            (Dim::Risicoprofiel, Some(s)) => crate::data::breakdown::Risicoprofiel::parse(s).map(|r| labels::risicoprofiel(r, lang).to_string()).unwrap_or_default(),
            (Dim::Eigenaar, Some(s)) => crate::data::breakdown::Eigenaar::parse(s).map(|e| labels::eigenaar(e, lang).to_string()).unwrap_or_default(),
            (Dim::Categorie, Some(s)) => crate::data::breakdown::Categorie::parse(s).map(|c| labels::categorie(c, lang).to_string()).unwrap_or_default(),
            (Dim::Batch, Some(s)) => labels::batch(s, lang),
            (Dim::Categorie, None) => t.no_categorie.to_string(),
            (_, None) => t.no_batch.to_string(),
        }
    };
    let series = (1..=6)
        .map(|k| BarSeries {
            key: format!("fase_{k}"),
            label: t.fase_short.get(k - 1).copied().unwrap_or_default().to_string(),
            style: k - 1,
            values: rows.iter().map(|r| r.cells.get(k).map(|c| bar_value(*c, p, lang))).collect(),
        })
        .collect();
    let title = (t.breakdown_title)(t.dims.get(dim as usize).copied().unwrap_or_default(), name);
    BarChart {
        meta: ChartMeta {
            id: format!("uitsplitsing-{}", dim.code()),
            summary: (t.breakdown_summary)(rows.len()),
            title,
            source_line: source_line.to_string(),
            method: t.breakdown_method.into(),
            synthetic: p.flag == Flag::Synthetic,
            estimated: false,
        },
        category_keys: rows.iter().map(|r| r.key.clone().unwrap_or_default()).collect(),
        categories: rows.iter().map(|r| label(&r.key)).collect(),
        series,
        layout: BarLayout::Stacked,
        horizontal: true,
        value_label: t.addresses.into(),
        fixed_max: None,
    }
}
