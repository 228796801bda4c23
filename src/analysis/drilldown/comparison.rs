//! All gemeenten of the operation side by side: werkvoorraad, the share that meets the norm *op
//! norm* and the share *versterkt* (two different outcomes, never added up here), the share per
//! fase, the pace of the last year and a forecast — from whatever the active data holds for each
//! gemeente (published figures: very little; address-level data: everything).

use super::forecast::{pace, Pace};
use super::harmonise::{dated_series, on};
use super::sort::{Sort, SortKey, COLUMNS};
use crate::analysis::bar_chart::{BarChart, BarLayout, BarSeries, BarValue};
use crate::analysis::derive::{DEMO_PUBLICATION, OWN_PUBLICATION};
use crate::analysis::provenance;
use crate::analysis::select::Vintage;
use crate::analysis::table::{Cell, Column, Row, TableModel};
use crate::analysis::time_chart::Provenance;
use crate::data::archive::Archive;
use crate::data::date::Date;
use crate::data::gemeente::GemeenteCode;
use crate::data::observation::Flag;
use crate::i18n::{format, texts, Lang};

/// One figure of a gemeente on its date: a count, a share of the werkvoorraad, or both.
#[derive(Clone, Debug, PartialEq)]
pub struct Fig {
    pub count: Option<f64>,
    /// Percent of the werkvoorraad (computed from the count, or as published).
    pub share: Option<f64>,
    /// The share was published as such (printed without decimals).
    pub share_published: bool,
    pub provenance: Provenance,
}

/// Everything the comparison shows for one gemeente (or the total).
#[derive(Clone, Debug, PartialEq)]
pub struct GemeenteFigures {
    /// `None` for the total over all gemeenten.
    pub code: Option<GemeenteCode>,
    pub name: String,
    /// The date of the figures: the latest date with a werkvoorraad.
    pub date: Option<Date>,
    /// `date` is only the date of the plan or decision that published the figures: the source
    /// names none for them (`Publication::peildatum_stated`). Shown as such, not as "stand op".
    pub date_unstated: bool,
    pub werkvoorraad: Option<Fig>,
    pub opname: Option<Fig>,
    pub beoordeling: Option<Fig>,
    pub voldoet: Option<Fig>,
    pub op_norm: Option<Fig>,
    pub versterkt: Option<Fig>,
    /// Fase 1..6.
    pub fases: [Option<Fig>; 6],
    pub pace: Option<Pace>,
    /// For the total, when a later pace than its own was published (NCG's 2025 flow after the
    /// levels of 2024): the range in which Trends' forecast, which uses it, ends. The table shows
    /// that range instead of the finish at the older, faster pace ("mei 2027"), which the later
    /// figures already contradict. With it, whether its early end is too favourable (the fastest
    /// pace cannot come back): the table marks that end (`TOO_EARLY`).
    pub later_forecast: Option<(Date, Date, bool)>,
    /// Before the first merger date, values are sums of the old gemeenten.
    pub harmonised: bool,
}

impl GemeenteFigures {
    /// Is there any figure at all?
    pub fn is_empty(&self) -> bool {
        self.werkvoorraad.is_none() && self.voldoet.is_none() && self.op_norm.is_none() && self.versterkt.is_none()
    }
    /// Any synthetic value inside.
    pub fn synthetic(&self) -> bool {
        self.werkvoorraad.as_ref().is_some_and(|f| f.provenance.flag == Flag::Synthetic)
    }
}

/// What a figure is taken from: the archive, the gemeente, the date, the werkvoorraad then, and
/// (for address-level data) the provenance a zero gets when a breakdown has no value.
struct At<'a> {
    archive: &'a Archive,
    code: Option<GemeenteCode>,
    date: Date,
    wv: Option<f64>,
    zero: Option<&'a Provenance>,
    vintage: Vintage,
    lang: Lang,
}

fn fig(at: &At, measure: &str, share_measure: Option<&str>) -> Option<Fig> {
    let (archive, code, date, wv, vintage, lang) = (at.archive, at.code, at.date, at.wv, at.vintage, at.lang);
    let s = dated_series(archive, measure, code, vintage, lang);
    let share = |v: f64| wv.filter(|w| *w > 0.0).map(|w| v / w * 100.0);
    if let Some(v) = on(&s, date) {
        let mut f = Fig { count: Some(v.value), share: share(v.value), share_published: false, provenance: v.provenance.clone() };
        // A count the source gave roughly ("ruim 5.000 adressen") next to a share it gave exactly
        // ("32%"): the share shown is the published one, not ours from the rough count (31,6%).
        if v.provenance.flag == Flag::Approximate
            && let Some(p) = share_measure.and_then(|sm| on(&dated_series(archive, sm, code, vintage, lang), date).map(|p| p.value))
        {
            f.share = Some(p);
            f.share_published = true;
        }
        return Some(f);
    }
    // Derived from addresses: a breakdown without a value on a date where the measure is defined
    // had no address there (derive leaves out leading zeros).
    if let Some(p) = at.zero
        && archive.measure_by_code(measure).is_some_and(|m| m.holds_on(date))
    {
        return Some(Fig { count: Some(0.0), share: share(0.0), share_published: false, provenance: p.clone() });
    }
    let sm = share_measure?;
    let s = dated_series(archive, sm, code, vintage, lang);
    on(&s, date).map(|v| Fig { count: None, share: Some(v.value), share_published: true, provenance: v.provenance.clone() })
}

/// The figures of one gemeente (today's boundaries) or, with `None`, of the whole operation.
pub fn figures(archive: &Archive, code: Option<GemeenteCode>, vintage: Vintage, lang: Lang) -> GemeenteFigures {
    let name = match code {
        Some(c) => archive.gemeenten.get(c).map(|g| g.name.clone()).unwrap_or_else(|| c.to_string()),
        None => texts(lang).gemeenten.total_row.to_string(),
    };
    let wv_series = dated_series(archive, "werkvoorraad", code, vintage, lang);
    let done_series = dated_series(archive, "voldoet_norm", code, vintage, lang);
    let harmonised = code.is_some_and(|c| archive.gemeenten.predecessors_of(c).len() > 1);
    let mut g = GemeenteFigures {
        code,
        name,
        date: None,
        date_unstated: false,
        werkvoorraad: None,
        opname: None,
        beoordeling: None,
        voldoet: None,
        op_norm: None,
        versterkt: None,
        fases: Default::default(),
        pace: pace(&done_series, &wv_series),
        later_forecast: None,
        harmonised,
    };
    let Some(last) = wv_series.last() else { return g };
    let date = last.date;
    let wv = Some(last.value);
    g.date = Some(date);
    g.date_unstated = archive.publications.iter().any(|p| p.id == last.provenance.publication && !p.peildatum_stated);
    g.werkvoorraad = Some(Fig { count: wv, share: Some(100.0), share_published: false, provenance: last.provenance.clone() });
    let derived = [DEMO_PUBLICATION, OWN_PUBLICATION].contains(&last.provenance.publication.as_str());
    let at = At { archive, code, date, wv, zero: derived.then_some(&last.provenance), vintage, lang };
    let f = |m: &str, s: Option<&str>| fig(&at, m, s);
    g.opname = f("opname", Some("aandeel_opname"));
    g.beoordeling = f("beoordeling", Some("aandeel_beoordeling"));
    g.voldoet = f("voldoet_norm", Some("aandeel_voldoet_norm"));
    g.op_norm = f("voldoet_op_norm", Some("aandeel_voldoet_op_norm"));
    g.versterkt = f("voldoet_versterkt", Some("aandeel_voldoet_versterkt"));
    for (k, slot) in g.fases.iter_mut().enumerate() {
        *slot = f(&format!("fase_{}", k + 1), None);
    }
    g
}

/// Every gemeente of the operation (by name) and, last, the total.
#[inline(never)]
pub fn all(archive: &Archive, vintage: Vintage, lang: Lang) -> Vec<GemeenteFigures> {
    let mut v: Vec<GemeenteFigures> = archive.gemeenten.current().map(|g| figures(archive, Some(g.code), vintage, lang)).collect();
    let mut total = figures(archive, None, vintage, lang);
    total.later_forecast = total.pace.as_ref().and_then(|p| super::forecast::later_range(archive, p, vintage, lang));
    v.push(total);
    sort(&mut v, Sort::default());
    v
}

fn sort_value(g: &GemeenteFigures, key: SortKey) -> Option<f64> {
    let share = |f: &Option<Fig>| f.as_ref().and_then(|f| f.share);
    match key {
        SortKey::Naam => None,
        SortKey::Datum => g.date.map(|d| d.to_days() as f64),
        SortKey::Werkvoorraad => g.werkvoorraad.as_ref().and_then(|f| f.count),
        SortKey::Voldoet => share(&g.voldoet),
        SortKey::OpNorm => share(&g.op_norm),
        SortKey::Versterkt => share(&g.versterkt),
        SortKey::Fase(k) => g.fases.get(usize::from(k).wrapping_sub(1)).and_then(share),
        SortKey::Tempo => g.pace.as_ref().map(|p| p.per_month),
        SortKey::Prognose => g.pace.as_ref().and_then(|p| p.done_by).map(|m| m.index() as f64),
    }
}

/// Sort the gemeenten (the total stays last). Gemeenten without the figure go last in either
/// direction; ties by name.
pub fn sort(rows: &mut Vec<GemeenteFigures>, s: Sort) {
    let total = rows.iter().position(|g| g.code.is_none()).map(|i| rows.remove(i));
    crate::data::sort::sort_by(&mut rows[..], |a, b| {
        let o = if s.key == SortKey::Naam {
            a.name.cmp(&b.name)
        } else {
            match (sort_value(a, s.key), sort_value(b, s.key)) {
                (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
                (Some(_), None) => return std::cmp::Ordering::Less,
                (None, Some(_)) => return std::cmp::Ordering::Greater,
                (None, None) => return a.name.cmp(&b.name),
            }
        };
        let o = if s.descending { o.reverse() } else { o };
        o.then_with(|| a.name.cmp(&b.name))
    });
    rows.extend(total);
}

/// The end of a pace's period, short: "2024" for the last day of a year, else "mei 2024".
fn until(d: Date, lang: Lang) -> String {
    if d.month() == 12 && d.day() == 31 { d.year().to_string() } else { format::month_short(d.month_of(), lang) }
}

fn share_cell(f: &Option<Fig>, lang: Lang) -> Cell {
    match f {
        // A published share is exact even when the count beside it was rough ("32%", "ruim 5.000").
        Some(Fig { share: Some(s), share_published, provenance, .. }) => {
            let mark = if *share_published { "" } else { format::approx(provenance.flag) };
            // (A share we computed to one decimal, as shown: 59.9, not 59.8853; the CSV's header
            // says "%": a column of 32 and 59.9 read as addresses.)
            let shown = if *share_published { *s } else { (*s * 10.0).round() / 10.0 };
            Cell::num(format!("{mark}{}", format::pct(*s, if *share_published { 0 } else { 1 }, lang)), *s).in_csv(format::plain(shown)).rough(!mark.is_empty(), lang)
        }
        _ => Cell::text("–"),
    }
}

/// The columns the table shows: the six fasen only when some row has one. NCG publishes no fasen
/// per gemeente, and six columns of "–" in every row filled a meeting-room screen with nothing
/// (the demonstration and a reader's own file have them).
pub fn columns(rows: &[GemeenteFigures]) -> Vec<SortKey> {
    let fases = rows.iter().any(|g| g.fases.iter().any(Option::is_some));
    COLUMNS.iter().copied().filter(|k| fases || !matches!(k, SortKey::Fase(_))).collect()
}

/// The sort order as the table can show it: by a column it leaves out (`?sorteer=-fase3` on
/// published figures, an old link), the default order, so that a header shows the order used
/// (the rows were sorted by a hidden column and no header had an arrow).
pub fn shown_sort(rows: &[GemeenteFigures], s: Sort) -> Sort {
    if columns(rows).contains(&s.key) { s } else { Sort::default() }
}

/// The source line of the table (its CSV's "# Bron: …"): the publications of its figures and of
/// the levels its paces are measured between.
pub fn table_source(archive: &Archive, rows: &[GemeenteFigures], lang: Lang) -> String {
    let mut ids: Vec<&str> = Vec::new();
    for g in rows {
        let figs = [&g.werkvoorraad, &g.voldoet, &g.op_norm, &g.versterkt].into_iter().chain(&g.fases).flatten();
        ids.extend(figs.map(|f| f.provenance.publication.as_str()));
        ids.extend(g.pace.iter().flat_map(|p| p.publications.iter().map(String::as_str)));
    }
    provenance::source_line_of(archive, &ids, lang)
}

/// The comparison as a table: one row per gemeente, the total last. Row attribute `key` is the
/// gemeente code (`totaal` for the total).
pub fn table(rows: &[GemeenteFigures], lang: Lang) -> TableModel {
    let t = &texts(lang).gemeenten;
    let shown = columns(rows);
    let with_fases = shown.len() == COLUMNS.len();
    // (The screen's headers are `column_label`'s; these are the CSV's, whose shares are plain
    // numbers: "Voldoet (%)".)
    let columns = shown
        .iter()
        .map(|&k| Column { label: if matches!(k, SortKey::Voldoet | SortKey::OpNorm | SortKey::Versterkt | SortKey::Fase(_)) { format!("{} (%)", column_label(k, lang)) } else { column_label(k, lang) }, numeric: k != SortKey::Naam, title: column_title(k, lang).map(str::to_string) })
        .collect();
    let rows = rows
        .iter()
        .map(|g| {
            let mut cells = vec![Cell::text(g.name.clone())];
            cells.push(match g.date {
                // The day count sorts; the CSV gets the date (it got 19403 for 15-02-2023).
                // A date the source does not give for its figures is marked, and the note under
                // the table says what it is (Eemsdelta's 15-02-2023 is its council's decision).
                // (And the CSV, beside the date, what "*" says: "*, de datum van het plan of besluit".)
                Some(d) => {
                    let cell = Cell::num(format!("{}{}", format::date_short(d, lang), if g.date_unstated { "*" } else { "" }), d.to_days() as f64).in_csv(d.to_string());
                    if g.date_unstated { cell.noted((t.plan_date)("*")) } else { cell }
                }
                None => Cell::text("–"),
            });
            cells.push(match &g.werkvoorraad {
                Some(Fig { count: Some(c), provenance, .. }) => Cell::num(format::int_as(*c, provenance.flag, lang), *c).rough(provenance.flag == Flag::Approximate, lang),
                _ => Cell::text("–"),
            });
            cells.push(share_cell(&g.voldoet, lang));
            cells.push(share_cell(&g.op_norm, lang));
            cells.push(share_cell(&g.versterkt, lang));
            if with_fases {
                for f in &g.fases {
                    cells.push(share_cell(f, lang));
                }
            }
            cells.push(match &g.pace {
                // With its period: the total's "394 per maand" is of 2024, and a screenshot of the
                // table alone did not say so (NCG's 2025 was 190 a month; the note under the table
                // says it, the cell now says of when it is).
                // The CSV keeps the period too, beside the number (394.5 and "t/m 2024"; it had
                // 394.5 alone).
                Some(p) => {
                    let (tenths, to) = ((p.per_month * 10.0).round() / 10.0, until(p.to, lang));
                    Cell::num((t.pace_cell_period)(&format::int(p.per_month, lang), &to), tenths).noted((t.pace_cell_period)("", &to).trim_start().replace('\u{a0}', " "))
                }
                None => Cell::text("–"),
            });
            cells.push(match (g.later_forecast, g.pace.as_ref().and_then(|p| p.done_by)) {
                (Some((first, last, too_early)), _) => {
                    let (a, b) = (crate::analysis::trends::forecast_chart::half_year(first), crate::analysis::trends::forecast_chart::half_year(last));
                    // Years only, to fit the column ("2027 – 2030"); the half-years are in the
                    // note under the table and in the CSV.
                    // An early end too favourable is marked ("2027? – 2030"; the note under the
                    // table says what "?" means), and the forecast's sentence saying so is the
                    // cell's tooltip, what a screen reader says and the CSV's note: a screenshot
                    // of the table alone read "2027 – 2030" as "possibly on time for 2028".
                    let mark = if too_early { TOO_EARLY } else { "" };
                    let text = if a == b {
                        format::period(&a, lang)
                    } else if first.year() == last.year() {
                        format!("{}{mark}", first.year())
                    } else {
                        format!("{}{mark} – {}", first.year(), last.year())
                    };
                    let cell = Cell::num(text, first.month_of().index() as f64).in_csv(format!("{a}..{b}"));
                    if too_early {
                        let why = (texts(lang).trends.finish_range_too_early)(&format::period(&a, lang), &format::period(&b, lang));
                        Cell { spoken: Some(why.clone()), ..cell.noted(why) }
                    } else {
                        cell
                    }
                }
                (None, Some(m)) => Cell::num(format::month_short(m, lang), m.index() as f64).in_csv(m.to_string()),
                (None, None) => Cell::text("–"),
            });
            Row { attrs: vec![("key".into(), g.code.map(|c| c.to_string()).unwrap_or_else(|| "totaal".into()))], cells }
        })
        .collect();
    TableModel { caption: t.table_caption.to_string(), columns, rows }
}

/// The mark of a forecast's early end that is too favourable (`GemeenteFigures::later_forecast`);
/// the note under the table says what it means.
pub const TOO_EARLY: &str = "?";

/// The full name of a column whose header is short (a fase's: "Fase 2: opname" for "2 Opname"),
/// for the header's tooltip.
pub fn column_title(k: SortKey, lang: Lang) -> Option<&'static str> {
    match k {
        SortKey::Fase(k) => texts(lang).gemeenten.fase_full.get(usize::from(k).wrapping_sub(1)).copied(),
        _ => None,
    }
}

/// The header of a column.
pub fn column_label(k: SortKey, lang: Lang) -> String {
    let t = &texts(lang).gemeenten;
    match k {
        SortKey::Naam => t.col_gemeente.into(),
        SortKey::Datum => t.col_date.into(),
        SortKey::Werkvoorraad => t.col_werkvoorraad.into(),
        SortKey::Voldoet => t.col_voldoet.into(),
        SortKey::OpNorm => t.col_op_norm.into(),
        SortKey::Versterkt => t.col_versterkt.into(),
        SortKey::Fase(k) => t.col_fases.get(usize::from(k).wrapping_sub(1)).copied().unwrap_or_default().into(),
        SortKey::Tempo => t.col_pace_table.into(),
        SortKey::Prognose => t.col_forecast.into(),
    }
}

/// Werkvoorraad, opname, beoordeling and meeting the norm per gemeente, on one scale.
pub fn overview_chart(archive: &Archive, rows: &[GemeenteFigures], lang: Lang) -> BarChart {
    let t = &texts(lang).gemeenten;
    let gemeenten: Vec<&GemeenteFigures> = rows.iter().filter(|g| g.code.is_some()).collect();
    type Pick = fn(&GemeenteFigures) -> &Option<Fig>;
    let pick: [(&str, Pick); 4] =
        [("werkvoorraad", |g| &g.werkvoorraad), ("opname", |g| &g.opname), ("beoordeling", |g| &g.beoordeling), ("voldoet_norm", |g| &g.voldoet)];
    let series: Vec<BarSeries> = pick
        .iter()
        .enumerate()
        .map(|(style, (code, get))| BarSeries {
            key: (*code).to_string(),
            label: archive.measure_by_code(code).map(|m| m.label(lang).to_string()).unwrap_or_else(|| (*code).to_string()),
            style,
            values: gemeenten
                .iter()
                .map(|g| {
                    let f = get(g).as_ref()?;
                    let c = f.count?;
                    Some(BarValue {
                        value: c,
                        display: format!("{}{}{}", format::approx(f.provenance.flag), format::int(c, lang), g.date.map(|d| format!(" ({})", format::date_short(d, lang))).unwrap_or_default()),
                        suppressed: false,
                        provenance: Some(f.provenance.clone()),
                        qualifier: g.date.map(|d| format::date_short(d, lang)),
                    })
                })
                .collect(),
        })
        .collect();
    let provs: Vec<&Provenance> = series.iter().flat_map(|s| s.values.iter().flatten().filter_map(|v| v.provenance.as_ref())).collect();
    let with_figures = gemeenten.iter().filter(|g| g.werkvoorraad.is_some()).count();
    let mut summary = (t.overview_summary)(with_figures, gemeenten.len());
    // The gemeenten published on different days (plans of approach of 2020, 2022, 2023): one
    // scale must not read as one moment.
    let dates: Vec<Date> = gemeenten.iter().filter(|g| g.werkvoorraad.is_some()).filter_map(|g| g.date).collect();
    if let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max())
        && first != last
    {
        summary.push_str(&(t.overview_dates_differ)(&format::date(*first, lang), &format::date(*last, lang)));
    }
    BarChart {
        meta: provenance::chart_meta(archive, &provs, lang, "gemeenten-overzicht".into(), t.overview_title.into(), summary, t.overview_method.into()),
        category_keys: gemeenten.iter().map(|g| g.code.map(|c| c.to_string()).unwrap_or_default()).collect(),
        categories: gemeenten.iter().map(|g| g.name.clone()).collect(),
        series,
        layout: BarLayout::Grouped,
        horizontal: true,
        value_label: t.addresses.into(),
        fixed_max: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::drilldown::testkit::{archive_with, obs};

    #[test]
    fn eemsdelta_2023_as_published() {
        // Gemeente Eemsdelta, LPA 2023: 15.815 addresses, 17% op norm, 15% versterkt.
        let a = archive_with(vec![
            obs("werkvoorraad", "2023-02-15", Some(1979), 15815.0),
            obs("aandeel_voldoet_op_norm", "2023-02-15", Some(1979), 17.0),
            obs("aandeel_voldoet_versterkt", "2023-02-15", Some(1979), 15.0),
            obs("werkvoorraad", "2024-12-31", None, 27713.0),
            obs("voldoet_op_norm", "2024-12-31", None, 10719.0),
        ]);
        let rows = all(&a, Vintage::Latest, Lang::Nl);
        assert_eq!(rows.len(), 6, "five gemeenten and the total");
        let e = rows.iter().find(|g| g.code == Some(GemeenteCode(1979))).unwrap();
        assert_eq!(e.op_norm.as_ref().and_then(|f| f.share), Some(17.0));
        assert!(e.harmonised);
        let total = rows.last().unwrap();
        assert!((total.op_norm.as_ref().and_then(|f| f.share).unwrap() - 38.679).abs() < 0.001);
        let tm = table(&rows, Lang::Nl);
        let er = tm.rows.iter().find(|r| r.attrs[0].1 == "GM1979").unwrap();
        assert_eq!(er.cells[2].text, "15.815");
        // Voldoet (column 3, added 2026-11-24) is not published here: not made from its parts.
        assert_eq!(er.cells[3].text, "–");
        assert_eq!(er.cells[4].text, "17%");
        assert_eq!(er.cells[5].text, "15%");
        // Regression: six columns of "–" for the fasen, which NCG does not publish per gemeente,
        // filled a meeting-room screen with nothing. Without a fase in any row they are left out.
        assert!(!tm.columns.iter().any(|c| c.label.starts_with("Fase")), "{:?}", tm.columns);
        // And a sort by a column left out falls back to the default order the headers can show.
        assert_eq!(shown_sort(&rows, Sort { key: SortKey::Fase(3), descending: true }), Sort::default());
        assert_eq!(shown_sort(&rows, Sort { key: SortKey::Werkvoorraad, descending: true }).key, SortKey::Werkvoorraad);
        assert!(tm.rows.iter().all(|r| r.cells.len() == tm.columns.len()));
        let g = tm.rows.iter().find(|r| r.attrs[0].1 == "GM0014").unwrap();
        assert_eq!(g.cells[2].text, "–", "Groningen: nothing published");
        // Sorting by werkvoorraad descending: Eemsdelta first, the ones without figures after,
        // the total last.
        let mut r = rows.clone();
        sort(&mut r, Sort { key: SortKey::Werkvoorraad, descending: true });
        assert_eq!(r[0].name, "Eemsdelta");
        assert_eq!(r.last().unwrap().code, None);
        let chart = overview_chart(&a, &rows, Lang::Nl);
        assert_eq!(chart.categories.len(), 5);
        assert_eq!(chart.series[0].values.iter().flatten().count(), 1);
        // Regression: the chart's CSV held 15815 without its date (the table and tooltip give
        // "15.815 (15-02-2023)"), beside other gemeenten' figures of 2020 as if of one day.
        // (Since then the date is in the column beside the number, which stays a number.)
        let csv = crate::analysis::table::read_download(&chart.table(Lang::Nl).to_csv(false, Lang::Nl));
        assert_eq!(crate::analysis::table::download_field(&csv, "Eemsdelta", "Werkvoorraad"), Some("15815"), "{csv:?}");
        assert_eq!(crate::analysis::table::download_field(&csv, "Eemsdelta", "Werkvoorraad – toelichting"), Some("15-02-2023"), "{csv:?}");
    }
}
