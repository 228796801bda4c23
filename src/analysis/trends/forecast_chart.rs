//! The forecast as a burn-down chart: what is left over time (werkvoorraad minus "voldoet aan de
//! norm"), straight lines to zero at the two recent paces, and the line needed to be done by the
//! chosen year. Everything after the last peildatum is an estimate and is drawn and labelled so.

use super::forecast::{self, Projection, Remaining};
use super::markers;
use super::observe;
use super::trend_rule::{Basis, Trend};
use crate::analysis::chart::ChartMeta;
use crate::analysis::filters::Filters;
use crate::analysis::provenance;
use crate::analysis::time_chart::{Point, Provenance, Series, SeriesKind, TimeChart};
use crate::data::archive::Archive;
use crate::data::date::Date;
use crate::data::measure::Unit;
use crate::data::observation::Flag;
use crate::data::period::Period;
use crate::i18n::{format, texts, Lang};

/// What the forecast section shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ForecastView {
    pub chart: TimeChart,
    pub remaining: Option<Remaining>,
    pub projections: Vec<Projection>,
    /// (year, pace per month needed).
    pub required: Option<(i32, f64)>,
    pub growth: Option<f64>,
    /// The method and the result in words, one paragraph each.
    pub paragraphs: Vec<String>,
    /// Those of `paragraphs` that explain rather than answer (the caseload's growth, why the
    /// fastest pace cannot come back): the Overzicht's answer puts them under "Hoe is dit
    /// berekend?", where they made its card the page's longest block on a phone.
    pub secondary: Vec<String>,
    /// The range in one sentence ("tussen de 1e helft van 2027 en de 1e helft van 2030").
    pub range_text: Option<String>,
    /// The range's early end is too favourable, and `range_text` says so: the fastest pace
    /// cannot come back (`fastest_cannot_recur`).
    pub early_too_favourable: bool,
    /// The scenario in which everything left is reinforced, at the pace of reinforcement alone
    /// (`forecast::building_pace`), its projection and where it finishes (only where it does).
    pub building: Option<(forecast::BuildingPace, Projection, Date)>,
}

/// A date as the half year it falls in: the forecast does not pretend to know the month.
pub fn half_year(d: Date) -> Period {
    Period::Half { year: d.year(), half: if d.month() <= 6 { 1 } else { 2 } }
}

fn estimated(title: &str, source: String, note: String) -> Provenance {
    Provenance { quoted: false, publication: String::new(), publication_title: title.to_string(), peildatum: None, source, flag: Flag::Estimated, note }
}

/// Build the forecast for the completed tracks, with `trend` the rule's result on that series.
/// The early end of the forecast's range rests on its fastest pace. When most of that pace was
/// addresses found to meet the norm at their assessment ('op norm na beoordeling'), and fewer
/// addresses were left to assess than that gain, the pace cannot come back; say so. NCG's 4.800
/// declared safe in 2024 (400 a month) held +3.553 'op norm' between the stands of 30 November
/// 2023 and 31 December 2024, with 931 left to assess: the range "2e helft 2027 – 1e helft 2030"
/// gave its early end without a word of it.
fn fastest_cannot_recur(archive: &Archive, paces: &[(Period, f64)], lang: Lang) -> Option<String> {
    let f = fastest_unrepeatable(archive, paces, lang)?;
    Some((texts(lang).trends.fastest_cannot_recur)(
        &format::period(&f.basis, lang),
        &format::int(f.pace, lang),
        &format::int(f.gain, lang),
        &format::date(f.from, lang),
        &format::date(f.to, lang),
        &format::date(f.at, lang),
        &format::int(f.left, lang),
    ))
}

/// The figures behind [`fastest_cannot_recur`]: the fastest pace's period and pace, the gain in
/// 'op norm' between two stands around it, and how many were left to assess at the second.
pub struct Unrepeatable {
    pub basis: Period,
    pub pace: f64,
    pub gain: f64,
    pub from: Date,
    pub to: Date,
    pub at: Date,
    pub left: f64,
}

/// [`Unrepeatable`] when the fastest of `paces` came mostly from 'op norm na beoordeling' and
/// fewer addresses were left to assess than that gain.
pub fn fastest_unrepeatable(archive: &Archive, paces: &[(Period, f64)], lang: Lang) -> Option<Unrepeatable> {
    use crate::analysis::select::Vintage;
    use crate::data::breakdown::Breakdown;
    // Plain loops: with iterator adaptors and closures this cost 1.6 KB of wasm.
    let mut fastest: Option<(Period, f64)> = None;
    for &(p, v) in paces {
        if fastest.is_none_or(|f| v > f.1) {
            fastest = Some((p, v));
        }
    }
    let (basis, pace) = fastest?;
    let op_norm = observe::pick(archive, "voldoet_op_norm", &Breakdown::default(), Vintage::Latest, lang);
    let (from, a) = stand_near(&op_norm, basis.start()?.add_days(-1)?)?;
    let (to, b) = stand_near(&op_norm, basis.end())?;
    let (at, left) = stand_near(&observe::pick(archive, "nog_te_beoordelen", &Breakdown::default(), Vintage::Latest, lang), to)?;
    let months = from.days_until(to) as f64 / 30.44;
    let gain = b - a;
    // "A large part": more than half of the pace; "cannot come back": fewer left than that gain.
    if !(months > 0.0 && gain / months > 0.5 * pace && left < gain) {
        return None;
    }
    Some(Unrepeatable { basis, pace, gain, from, to, at, left })
}

/// "; netto 170" for a pace line drawn at `net` where `gross` is its key's pace; empty where they
/// round alike. A review: the key said "190 per maand" of a line that fell by 170 a month (the
/// werkvoorraad's growth taken off), and "272" of one that fell by 252.
fn net_text(gross: f64, net: f64, flag: Flag, lang: Lang) -> String {
    let n = format::int_from(net, flag, lang);
    if n == format::int_from(gross, flag, lang) { String::new() } else { (texts(lang).trends.net_pace)(&n) }
}

/// The stand on a date nearest `d`, at most two months away.
fn stand_near(obs: &[observe::Obs], d: Date) -> Option<(Date, f64)> {
    let mut best: Option<(i64, Date, f64)> = None;
    for o in obs {
        if !o.period.is_date() {
            continue;
        }
        let x = o.period.end();
        let gap = x.days_until(d).abs();
        if gap <= 62 && best.is_none_or(|b| gap < b.0) {
            best = Some((gap, x, o.value));
        }
    }
    best.map(|b| (b.1, b.2))
}

pub fn build(archive: &Archive, filters: &Filters, year: i32, trend: Option<&Trend>, lang: Lang) -> ForecastView {
    let t = &texts(lang).trends;
    let bd = filters.breakdown();
    let rem = forecast::remaining(archive, &bd, filters.vintage, lang);
    let growth_from = rem.as_ref().and_then(|r| forecast::growth(archive, &bd, filters.vintage, r.date, lang));
    let growth = growth_from.map(|(g, _)| g);
    let g = growth.unwrap_or(0.0);
    // A period published after the stand with only its flow (NCG's 2025) is carried in first: the
    // projections start at its end, not at the stand with a pace that period did not have.
    let carried = match (&rem, trend) {
        (Some(r), Some(tr)) => forecast::carry(r, g, tr.recent.start, tr.recent.end, tr.recent.count),
        _ => None,
    };
    let from = carried.as_ref().or(rem.as_ref());
    let projections = match (from, trend) {
        (Some(r), Some(tr)) => forecast::project(r, g, &forecast::paces(tr)),
        _ => Vec::new(),
    };
    // Beside the paces: reinforcement alone, measured up to the stand, from where the paces start.
    let building = match (rem.as_ref(), from) {
        (Some(r), Some(f)) if !projections.is_empty() => forecast::building_pace(archive, &bd, filters.vintage, r.date, lang).and_then(|b| {
            let p = forecast::project(f, g, &[(Period::Range { start: b.from, end: b.to }, b.pace)]).into_iter().next()?;
            let finish = p.finish?;
            Some((b, p, finish))
        }),
        _ => None,
    };
    let required = from.and_then(|r| forecast::required_pace(r, g, year)).map(|p| (year, p));

    // History: what was left at every peildatum with both figures.
    let wv = observe::pick(archive, "werkvoorraad", &bd, filters.vintage, lang);
    let done = observe::pick(archive, "voldoet_norm", &bd, filters.vintage, lang);
    let history: Vec<Point> = done
        .iter()
        .filter(|d| d.period.is_date())
        .filter_map(|d| {
            let w = wv.iter().find(|w| w.period == d.period)?;
            let left = w.value - d.value;
            let date = d.period.end();
            // From a rough figure ("ruim 5.000"): "≈ 11.000" and the inputs with their "≈" (a
            // review: "10.815 … berekend: werkvoorraad 15.815 min voldoet aan de norm 5.000").
            let rough = forecast::rough_of(w.flag, d.flag);
            Some(Point {
                start: date,
                end: date,
                value: left,
                label: format!("{}: {} {}", t.left_label, format::int_from(left, rough, lang), t.addresses),
                period_label: format::date(date, lang),
                segment: 0,
                provenance: Provenance {
                    quoted: false,
                    flag: Flag::Derived,
                    source: (t.left_source)(&format::int_as(w.value, w.flag, lang), &format::int_as(d.value, d.flag, lang)),
                    note: if rough == Flag::Approximate { texts(lang).trends.level_approx_note.to_string() } else { d.provenance.note.clone() },
                    ..d.provenance.clone()
                },
            })
        })
        .collect();
    let mut series = Vec::new();
    if !history.is_empty() {
        series.push(Series { key: "nog-te-doen".into(), label: t.left_label.into(), style: 0, kind: SeriesKind::Line, points: history });
    }
    // Every estimated line starts at the stand, passes the carried estimate if there is one, and
    // ends at zero.
    let line = |key: &str, label: String, style: usize, from: (Date, f64), to: Date, note: String| Series {
        key: key.to_string(),
        label: label.clone(),
        style,
        kind: SeriesKind::Line,
        points: std::iter::once((from.0, from.1))
            .chain(carried.as_ref().map(|c| (c.date, c.left)))
            .chain(std::iter::once((to, 0.0)))
            .map(|(d, v)| Point {
                start: d,
                end: d,
                value: v,
                label: format!("{label}: {} {}", format::int(v, lang), t.addresses),
                period_label: format::date(d, lang),
                segment: 0,
                provenance: estimated(t.estimate_title, t.forecast_source.to_string(), note.clone()),
            })
            .collect(),
    };
    if let Some(r) = &rem {
        for (i, p) in projections.iter().enumerate() {
            if let Some(f) = p.finish {
                let label = (t.projection_label)(&format::period(&p.basis, lang), &format::int(p.pace, lang), &net_text(p.pace, p.net, Flag::Published, lang));
                // Every estimate dashed: style 2 (after 1) was a solid line, which read as
                // observed; 4 is a long dash in another colour.
                series.push(line(&format!("tempo-{}", i + 1), label, [1, 4][i % 2], (r.date, r.left), f, String::new()));
            }
        }
        if let Some((y, pace)) = required && let Some(end) = Date::new(y, 12, 31) {
            let label = (t.required_label)(y, &format::int_from(pace, r.left_flag(), lang), &net_text(pace, pace - g.max(0.0), r.left_flag(), lang));
            series.push(line("nodig", label, 3, (r.date, r.left), end, String::new()));
        }
        if let Some((b, p, f)) = &building {
            let label = (t.building_label)(&format::int(b.pace, lang), &net_text(b.pace, p.net, Flag::Published, lang));
            series.push(line("versterken", label, 6, (r.date, r.left), *f, String::new()));
        }
    }

    let range = forecast::finish_range(&projections);
    // The fastest pace cannot come back (whole area only): the range's early end says so where it
    // is given, not only two paragraphs further down. A council member read "tussen de 2e helft
    // 2027 en de 1e helft 2030" as "possibly on time for 2028".
    let whole = filters.gemeente.is_none() && filters.batch.is_none() && filters.risicoprofiel.is_none() && filters.eigenaar.is_none();
    let caveat = if range.is_some() && whole { trend.and_then(|tr| fastest_cannot_recur(archive, &forecast::paces(tr), lang)) } else { None };
    let mut early_too_favourable = false;
    let range_text = range.map(|(a, b)| {
        let (a, b) = (format::period(&half_year(a), lang), format::period(&half_year(b), lang));
        match (a == b, caveat.is_some()) {
            (true, _) => (t.finish_single)(&a),
            (false, false) => (t.finish_range)(&a, &b),
            (false, true) => {
                early_too_favourable = true;
                (t.finish_range_too_early)(&a, &b)
            }
        }
    });
    let mut paragraphs = Vec::new();
    let mut secondary = Vec::new();
    if let Some(r) = &rem {
        paragraphs.push((t.left_sentence)(
            &format::date(r.date, lang),
            &format::int_as(r.done, r.done_flag, lang),
            &format::int_as(r.werkvoorraad, r.werkvoorraad_flag, lang),
            &left_text(r, lang),
        ));
    }
    if let Some(tr) = trend {
        let basis = if tr.basis == Basis::SixMonths { t.basis_six_months } else { t.basis_periods };
        let p = forecast::paces(tr);
        if let [(p1, r1), (p2, r2)] = p.as_slice() {
            paragraphs.push((t.pace_sentence)(&format::period(p1, lang), &format::int(*r1, lang), &format::period(p2, lang), &format::int(*r2, lang), basis));
        }
    }
    // Between the two levels it was read from (about two years apart, at least one; the sentence
    // said "in the two years before" whatever the gap).
    if let (Some((g, from)), Some(r)) = (growth_from, &rem) {
        paragraphs.push((t.growth_sentence)(&format::int(g, lang), &format::date(from, lang), &format::date(r.date, lang)));
        secondary.extend(paragraphs.last().cloned());
    }
    if let (Some(c), Some(tr)) = (&carried, trend) {
        paragraphs.push((t.carried_sentence)(&format::period(&tr.recent.period(), lang), &format::int(tr.recent.count, lang), &format::date(c.date, lang), &format::int(c.left, lang)));
    }
    match (&range_text, projections.iter().any(|p| p.finish.is_none())) {
        (Some(rt), false) => paragraphs.push(rt.clone()),
        (Some(rt), true) => paragraphs.push(format!("{rt} {}", t.finish_never_slowest)),
        (None, _) if rem.is_some() && !projections.is_empty() => paragraphs.push(t.finish_never.to_string()),
        _ => {}
    }
    if let Some(c) = caveat {
        secondary.push(c.clone());
        paragraphs.push(c);
    }
    if let Some((b, _, f)) = &building {
        paragraphs.push((t.building_sentence)(&format::date(b.from, lang), &format::date(b.to, lang), &format::int(b.pace, lang), &format::period(&half_year(*f), lang)));
        secondary.extend(paragraphs.last().cloned());
    }
    if let Some((y, pace)) = required {
        let recent = trend.map(|tr| tr.recent.rate).unwrap_or(0.0);
        let times = if recent > 0.0 { Some(format::dec(pace / recent, 1, lang)) } else { None };
        // From the date it is reckoned from ("vanaf die datum" pointed two sentences back).
        let since = from.map(|r| format::date(r.date, lang)).unwrap_or_default();
        let rough = from.map_or(Flag::Published, |r| r.left_flag());
        paragraphs.push((t.required_sentence)(y, &format::int_from(pace, rough, lang), &since, times.as_deref()));
        // A stand more than a year older than the newest publication (Eemsdelta's of 15 February
        // 2023, read in 2026) says so: the required pace read as today's requirement.
        if let Some(newest) = from.and_then(|r| provenance::newest_if_old(archive, r.date)) {
            paragraphs.push((t.required_old_stand)(&since, &format::date(newest, lang)));
        }
    } else if let Some(r) = from
        && Date::new(year, 12, 31).is_some_and(|end| end <= r.date)
    {
        // A chosen year that ended before the stand (2025 after the estimate of its end): the
        // sentence disappeared without a word.
        paragraphs.push((t.required_past)(year, &format::date(r.date, lang)));
    }
    if rem.is_none() {
        paragraphs.push(t.forecast_no_data.to_string());
    }

    let markers = crate::analysis::time_chart::data_range(&series).map(|(a, b)| markers::for_measures(archive, &["werkvoorraad", "voldoet_norm", "veilig_verklaard"], a, b, lang)).unwrap_or_default();
    // The carried period's publication (NCG's 2025 figures) is a source of the lines too.
    let carried_source = carried.as_ref().zip(trend).and_then(|(_, tr)| {
        observe::pick(archive, "veilig_verklaard", &bd, filters.vintage, lang).into_iter().find(|o| o.period.start() == Some(tr.recent.start) && o.period.end() == tr.recent.end).map(|o| o.provenance)
    });
    // So are the two published levels of the reinforcement-only scenario's pace (it was only by
    // chance that their publications were in the line, through the other series).
    let building_sources = building.iter().flat_map(|(b, ..)| b.provenance.iter());
    let provs: Vec<&Provenance> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| &p.provenance))
        .chain(carried_source.as_ref())
        .chain(building_sources)
        .filter(|p| !p.publication.is_empty())
        .collect();
    // The scenario's end after the range (a review: the chart ran to 2033 under a summary that
    // ended in 2030).
    let building_short = building.as_ref().map(|(.., f)| format!(" {}", (t.building_short)(&format::period(&half_year(*f), lang)))).unwrap_or_default();
    let summary = match (&range_text, &rem) {
        (Some(rt), Some(r)) => format!("{} {rt}{building_short}", (t.left_short)(&left_text(r, lang), &format::date(r.date, lang))),
        (None, Some(r)) => (t.left_short)(&left_text(r, lang), &format::date(r.date, lang)),
        _ => texts(lang).shell.no_data.to_string(),
    };
    let chart = TimeChart {
        meta: ChartMeta { estimated: true, ..provenance::chart_meta(archive, &provs, lang, "trends-prognose".into(),
            // Regression (review): with no pace (Eemsdelta) the title promised "wanneer het bij het
            // huidige tempo klaar is" over a chart with only the pace needed.
            if projections.iter().any(|p| p.finish.is_some()) { t.forecast_title } else { t.forecast_title_needed }.into(), summary, t.forecast_method.into()) },
        y_label: t.addresses.into(),
        unit: Unit::Addresses,
        series,
        markers,
        references: Vec::new(),
    };
    ForecastView { chart, remaining: rem, projections, required, growth, paragraphs, secondary, range_text, early_too_favourable, building }
}

/// What is left, with "≈ " when it is computed from a rough figure (Eemsdelta: 15.815 − "ruim
/// 5.000" read as an exact 10.815).
pub fn left_text(r: &forecast::Remaining, lang: Lang) -> String {
    format::int_from(r.left, r.left_flag(), lang)
}
