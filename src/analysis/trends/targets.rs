//! Targets against realisation: every published target (`doel_*`, plans) next to what was done
//! in exactly that period, measured with the measures it is `comparable_with` (maten.csv). When the
//! realisation is only known for part of the period (NCG's year-to-date figures), that part is
//! shown as such, never stretched to the whole period. E.g. 2.000 opnames planned for the first half
//! of 2020, 589 done: 29% (SodM 2019-2020, seed 000 L682-689).

use super::flows::{self, Piece};
use super::milestones::GROUPS;
use super::observe;
use super::sorting::{sort_by_key, sort_unique};
use super::tiling;
use crate::analysis::bar_chart::{BarChart, BarLayout, BarSeries, BarValue};
use crate::analysis::filters::Filters;
use crate::analysis::provenance;
use crate::analysis::select::Vintage;
use crate::analysis::time_chart::Provenance;
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::date::Date;
use crate::data::measure::MeasureKind;
use crate::data::observation::Flag;
use crate::data::period::Period;
use crate::i18n::{format, texts, Lang};

/// What was done against a target.
#[derive(Clone, Debug, PartialEq)]
pub struct Realised {
    pub measure: String,
    pub count: f64,
    /// The last day the count covers; before the period's end for a partial realisation.
    pub through: Date,
    pub full: bool,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TargetRow {
    pub target_measure: String,
    pub period: Period,
    pub target: f64,
    pub provenance: Provenance,
    pub realised: Option<Realised>,
}

impl TargetRow {
    /// Realised as a percentage of the target.
    pub fn pct(&self) -> Option<f64> {
        let r = self.realised.as_ref()?;
        (self.target > 0.0).then(|| r.count / self.target * 100.0)
    }
    /// Stable key: `doel_opname:2020-H1`.
    pub fn key(&self) -> String {
        format!("{}:{}", self.target_measure, self.period.normalised())
    }
}

fn level_for(flow: &str) -> Option<&'static str> {
    GROUPS.iter().flat_map(|g| g.members.iter()).find(|m| m.flow == flow).and_then(|m| m.level)
}

fn combined(pieces: &[Piece], idx: &[usize], lang: Lang) -> Provenance {
    let mut p = idx.first().and_then(|&k| pieces.get(k)).map(|p| p.provenance.clone()).unwrap_or_else(|| Provenance {
        quoted: false,
        publication: String::new(),
        publication_title: String::new(),
        peildatum: None,
        source: String::new(),
        flag: Flag::Derived,
        note: String::new(),
    });
    if idx.len() > 1 {
        let parts: Vec<String> = idx.iter().filter_map(|&k| pieces.get(k)).map(|q| format!("{} {}", format::int(q.count, lang), format::period(&q.period.normalised(), lang))).collect();
        p.flag = Flag::Derived;
        p.source = (texts(lang).trends.target_sum_source)(&parts.join(" + "));
        p.quoted = false;
        p.note = String::new();
    }
    p
}

/// The realisation of `measure` over `start..=end`: the whole period if it can be measured exactly,
/// else the longest measurable part from the start.
pub fn realisation(archive: &Archive, measure: &str, start: Date, end: Date, filter: &Breakdown, vintage: Vintage, lang: Lang) -> Option<Realised> {
    let set = flows::candidates(archive, measure, level_for(measure), filter, vintage, lang);
    let p = &set.pieces;
    if let Some(idx) = tiling::exact(p, start, end, vintage, true) {
        return Some(Realised { measure: measure.to_string(), count: tiling::total(p, &idx), through: end, full: true, provenance: combined(p, &idx, lang) });
    }
    let mut ends: Vec<Date> = p.iter().map(|q| q.end).filter(|&d| d > start && d < end).collect();
    sort_unique(&mut ends);
    ends.into_iter().rev().find_map(|d| {
        let idx = tiling::exact(p, start, d, vintage, true)?;
        Some(Realised { measure: measure.to_string(), count: tiling::total(p, &idx), through: d, full: false, provenance: combined(p, &idx, lang) })
    })
}

/// Every target with its realisation, in time order.
pub fn rows(archive: &Archive, filters: &Filters, lang: Lang) -> Vec<TargetRow> {
    let bd = filters.breakdown();
    let mut out = Vec::new();
    for m in archive.measures.iter().filter(|m| m.kind == MeasureKind::Target) {
        for o in observe::pick(archive, &m.code, &bd, filters.vintage, lang) {
            let Some(start) = o.period.start() else { continue };
            let end = o.period.end();
            let from_ok = filters.from.is_none_or(|f| end >= f.first_day());
            let to_ok = filters.to.is_none_or(|t| start <= t.last_day());
            if !(from_ok && to_ok) {
                continue;
            }
            let mut realised: Option<Realised> = None;
            for c in &m.comparable_with {
                match realisation(archive, c, start, end, &bd, filters.vintage, lang) {
                    Some(r) if r.full => {
                        realised = Some(r);
                        break;
                    }
                    Some(r) if realised.as_ref().is_none_or(|cur| r.through > cur.through) => realised = Some(r),
                    _ => {}
                }
            }
            out.push(TargetRow { target_measure: m.code.clone(), period: o.period, target: o.value, provenance: o.provenance, realised });
        }
    }
    sort_by_key(&mut out, |r| (r.period.start(), r.period.end(), archive.measure_by_code(&r.target_measure).map(|m| m.order)));
    out
}

/// A period in few words for a chart category: whole months as "jan–mei 2020", else as usual.
pub fn short_period(p: &Period, lang: Lang) -> String {
    if let Period::Range { start, end } = *p {
        let whole = start.day() == 1 && end == end.month_of().last_day();
        if whole {
            let (a, b) = (format::month_short(start.month_of(), lang), format::month_short(end.month_of(), lang));
            if start.year() == end.year() {
                let a = a.split(' ').next().unwrap_or("").to_string();
                return format!("{a}–{b}");
            }
            return format!("{a}–{b}");
        }
    }
    format::period(p, lang)
}

/// The grouped bar chart: target, realised over the whole period, realised over part of it.
pub fn build(archive: &Archive, filters: &Filters, lang: Lang) -> BarChart {
    let t = &texts(lang).trends;
    let rows = rows(archive, filters, lang);
    let label_of = |code: &str| archive.measure_by_code(code).map(|m| m.label(lang).to_string()).unwrap_or_else(|| code.to_string());
    let mut categories = Vec::new();
    let mut keys = Vec::new();
    let (mut target, mut full, mut part) = (Vec::new(), Vec::new(), Vec::new());
    for r in &rows {
        let what = t.target_short.iter().find(|(k, _)| *k == r.target_measure).map(|(_, v)| v.to_string()).unwrap_or_else(|| label_of(&r.target_measure));
        categories.push((t.target_category)(&what, &short_period(&r.period.normalised(), lang)));
        keys.push(r.key());
        target.push(Some(BarValue { value: r.target, display: format::int(r.target, lang), suppressed: false, provenance: Some(r.provenance.clone()), qualifier: None }));
        let pct = r.pct().map(|p| format::pct(p, 0, lang));
        let value = |x: &Realised| {
            let (display, qualifier) = if x.full {
                (format!("{} ({})", format::int(x.count, lang), pct.clone().unwrap_or_default()), None)
            } else {
                let through = format::date_short(x.through, lang);
                ((t.target_partial)(&format::int(x.count, lang), &through, &pct.clone().unwrap_or_default()), Some((t.target_partial)("", &through, "").trim().to_string()))
            };
            BarValue { value: x.count, display, suppressed: false, provenance: Some(x.provenance.clone()), qualifier }
        };
        full.push(r.realised.as_ref().filter(|x| x.full).map(value));
        part.push(r.realised.as_ref().filter(|x| !x.full).map(value));
    }
    let full_rows: Vec<&TargetRow> = rows.iter().filter(|r| r.realised.as_ref().is_some_and(|x| x.full)).collect();
    let met = full_rows.iter().filter(|r| r.pct().is_some_and(|p| p >= 100.0)).count();
    let summary = match full_rows.last() {
        Some(r) => {
            let x = r.realised.as_ref().map(|x| (label_of(&x.measure), x.count)).unwrap_or_default();
            // The source's own word on the target ("Verwachting van NCG, geen formele
            // doelstelling") goes with it into the sentence.
            let note = &r.provenance.note;
            let sentence = (t.targets_summary)(
                full_rows.len(),
                met,
                &format::period(&r.period.normalised(), lang),
                &x.0,
                &format::int(x.1, lang),
                &format::int(r.target, lang),
                &r.pct().map(|p| format::pct(p, 0, lang)).unwrap_or_default(),
            );
            if note.is_empty() { sentence } else { format!("{sentence} {note}") }
        }
        None if rows.is_empty() => texts(lang).shell.no_data.to_string(),
        None => t.targets_none_full.to_string(),
    };
    // An announced check of figures this chart shows (the ACVG's of June 2026 on 'op norm' and
    // 'veilig verklaard') is said under it, as the time charts' notes say it; the Over page
    // promises it for every chart of those figures, and this one had none.
    let shown: Vec<&str> = rows.iter().filter_map(|r| r.realised.as_ref().map(|x| x.measure.as_str())).collect();
    let summary = match super::markers::announced_checks(archive, &shown, lang).into_iter().next() {
        Some(check) => format!("{summary} {}", check.notice),
        None => summary,
    };
    let provs: Vec<&Provenance> = rows.iter().flat_map(|r| std::iter::once(&r.provenance).chain(r.realised.as_ref().map(|x| &x.provenance))).collect();
    let series = vec![
        BarSeries { key: "doel".into(), label: t.series_target.into(), style: 0, values: target },
        BarSeries { key: "gerealiseerd".into(), label: t.series_realised.into(), style: 1, values: full },
        BarSeries { key: "deels".into(), label: t.series_partial.into(), style: 2, values: part },
    ];
    BarChart {
        meta: provenance::chart_meta(archive, &provs, lang, "trends-doelen".into(), t.targets_title.into(), summary, t.targets_method.into()),
        category_keys: keys,
        categories,
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
    use crate::analysis::trends::testkit::{archive, Pub};
    use crate::analysis::table::{download_field, read_download};

    #[test]
    fn opnames_in_the_first_half_of_2020_reached_29_percent() {
        // SodM 2019-2020 L682-689: 2.000 planned for H1 2020; table 2.2: 408 (Q1) + 181 (Q2) = 589.
        let a = archive(&[Pub {
            id: "sodm",
            peildatum: "2020-07-17",
            publisher: "SodM",
            rows: "opname,2020-Q1,,,,,,408,published,t,\nopname,2020-Q2,,,,,,181,published,t,\ndoel_opname,2020-H1,,,,,,2000,published,t,\ndoel_opname,2020,,,,,,4000,published,t,\n",
        }]);
        let r = rows(&a, &Filters::default(), Lang::Nl);
        let h1 = r.iter().find(|r| r.key() == "doel_opname:2020-H1").unwrap();
        let x = h1.realised.as_ref().unwrap();
        assert!(x.full);
        assert_eq!(x.count, 589.0);
        assert_eq!(h1.pct().unwrap().round(), 29.0);
        // For the whole year only the first half is known: a partial realisation through 30 June.
        let y = r.iter().find(|r| r.key() == "doel_opname:2020").unwrap().realised.as_ref().unwrap();
        assert!(!y.full);
        assert_eq!(y.through.to_string(), "2020-06-30");
        let chart = build(&a, &Filters::default(), Lang::Nl);
        assert_eq!(chart.categories.len(), 2);
        assert!(chart.series[1].values.iter().flatten().any(|v| v.display == "589 (29%)"));
        assert_eq!(chart.categories[0], "Opnames 1e helft 2020");
        let range = Period::parse("2020-01-01..2020-05-31").unwrap();
        assert_eq!(short_period(&range, Lang::Nl), "jan–mei 2020");
        assert_eq!(short_period(&Period::parse("2020-01-01..2021-06-30").unwrap(), Lang::Nl), "jan 2020–jun 2021");
        // Regression: the CSV held the year's partial 589 without "t/m 30-06-2020" (the table
        // says it), so a download read as 589 of the whole of 2020 against 4.000.
        // (Since then the number stays a number, with what the screen says beside it in the column
        // after it: "589 (t/m 30-06-2020, afgeleid)" in one field was text to a spreadsheet.)
        let csv = read_download(&chart.table(Lang::Nl).to_csv(false, Lang::Nl));
        let part = "Gerealiseerd in een deel van de periode";
        assert_eq!(download_field(&csv, "Opnames 2020", part), Some("589"), "{csv:?}");
        assert_eq!(download_field(&csv, "Opnames 2020", &format!("{part} – toelichting")), Some("t/m 30-06-2020; afgeleid"), "{csv:?}");
        assert_eq!(download_field(&csv, "Opnames 1e helft 2020", "Gerealiseerd"), Some("589"));
        assert_eq!(download_field(&csv, "Opnames 1e helft 2020", "Gerealiseerd – toelichting"), Some("afgeleid"), "the whole half year (408 + 181) has no date: {csv:?}");
        let en = read_download(&build(&a, &Filters::default(), Lang::En).table(Lang::En).to_csv(false, Lang::En));
        assert!(en.1.iter().any(|r| r.iter().any(|f| f == "589") && r.iter().any(|f| f == "up to 30 Jun 2020; derived")), "{en:?}");
    }

    #[test]
    fn an_expectation_says_so_and_derived_figures_are_marked_in_the_table() {
        // Regression: NCG's "verwacht dat in 2025 nog eens 1.775 adressen aan de norm voldoen" was
        // counted and summed up as a target ("2.275 tegen een doel van 1.775") without the source's
        // own remark, and derived targets (1.962 + 288) were not marked in the table.
        let a = archive(&[Pub {
            id: "ncg",
            peildatum: "2025-12-31",
            publisher: "NCG",
            rows: "doel_veilig_verklaard,2025,,,,,,1775,published,t,\"Verwachting van NCG, geen formele doelstelling.\"\nveilig_verklaard,2025,,,,,,2275,published,t,\ndoel_bouw_gestart,2025,,,,,,2250,derived,,1962 + 288\nbouw_gestart,2025,,,,,,1962,published,t,\n",
        }]);
        let chart = build(&a, &Filters::default(), Lang::Nl);
        // (The announced check of 'veilig verklaard' follows it: `contains`, not `ends_with`.)
        assert!(chart.meta.summary.contains("(128%). Verwachting van NCG, geen formele doelstelling. Let op:"), "{}", chart.meta.summary);
        let table = chart.table(Lang::Nl);
        let cells: Vec<String> = table.rows.iter().flat_map(|r| r.cells.iter().map(|c| c.text.clone())).collect();
        assert!(cells.contains(&"2.250 (afgeleid)".to_string()), "{cells:?}");
        assert!(cells.contains(&"1.775".to_string()), "published: no mark");
        // And in the picture: an open square on the derived bar, with its legend item.
        assert!(chart.has_derived());
        // Regression: the CSV wrote the derived 2.250 as a plain 2250.
        // (And since then how: the note, as the tooltip gives it; since then too in the column
        // beside the number, which stays a number: "2250 (afgeleid: 1962 + 288)" was text.)
        let csv = read_download(&table.to_csv(false, Lang::Nl));
        assert_eq!(download_field(&csv, "Bouw gestart 2025", "Doel"), Some("2250"), "{csv:?}");
        assert_eq!(download_field(&csv, "Bouw gestart 2025", "Doel – toelichting"), Some("afgeleid: 1962 + 288"), "{csv:?}");
        assert_eq!(download_field(&csv, "Veilig verklaard 2025", "Doel"), Some("1775"));
        assert_eq!(download_field(&csv, "Veilig verklaard 2025", "Doel – toelichting"), Some(""), "published: no note");
        let i = chart.category_keys.iter().position(|k| k == "doel_veilig_verklaard:2025").unwrap();
        assert!(chart.tooltip(0, i, Lang::Nl).unwrap().lines.iter().any(|l| l == "Verwachting van NCG, geen formele doelstelling."));
    }
}
