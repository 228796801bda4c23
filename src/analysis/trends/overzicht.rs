//! The Overzicht (home page) in plain words: three answers with their number, a trend arrow in
//! text and symbol, and a link to the chart behind them — (a) is the monthly number of completed
//! tracks going up or down, (b) how long a track takes, (c) how much is left and when it is done —
//! plus the headline figures of the latest publication and what changed since the one before.

use super::flow_chart;
use super::forecast::DEFAULT_TARGET_YEAR;
use super::forecast_chart;
use super::observe::{self, Obs};
use super::sorting::sort_by_key;
use super::trend_rule::{Direction, K};
use crate::analysis::filters::Filters;
use crate::analysis::provenance::{self, publisher_label};
use crate::analysis::select::Vintage;
use crate::analysis::table::{Cell, Column, Row, TableModel};
use crate::data::archive::Archive;
use crate::data::breakdown::Breakdown;
use crate::data::observation::Flag;
use crate::data::period::Period;
use crate::i18n::{format, labels, texts, Lang};

/// Measures compared between the two latest publications that report them.
pub const HEADLINE: [&str; 8] = ["werkvoorraad", "voldoet_norm", "voldoet_versterkt", "voldoet_op_norm", "nog_te_beoordelen", "veilig_verklaard", "bouw_gestart", "bouw_gereed"];

/// Where an answer's link goes: a path, query parameters and an anchor.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub path: &'static str,
    pub params: Vec<(String, String)>,
    pub anchor: &'static str,
    pub text: &'static str,
}

/// One answer card.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// Stable key for tests: `trend`, `doorlooptijd`, `rest`.
    pub key: &'static str,
    pub question: &'static str,
    /// The number in large type.
    pub figure: String,
    /// What the number is, in words.
    pub figure_label: String,
    /// Arrow symbol and its meaning in words (never the symbol or a colour alone).
    pub arrow: Option<(&'static str, String)>,
    pub body: Vec<String>,
    /// Paragraphs that explain rather than answer, shown under "Hoe is dit berekend?" before the
    /// method: on a 360 px phone the three cards were 3.500 px high (2.760 px since).
    pub more: Vec<String>,
    /// How the answer is computed, in words.
    pub method: String,
    pub estimate: bool,
    pub link: Link,
    /// Where the card's figures come from ("Bron: …"), under its answer; empty without figures.
    pub source: String,
}

/// The latest publication and its figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Latest {
    pub title: String,
    pub publisher: String,
    pub date: String,
    pub url: Option<String>,
    pub table: TableModel,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OverzichtModel {
    /// Checks of the answers' figures announced since (the ACVG's of June 2026), one notice each,
    /// shown above the answers.
    pub checks: Vec<super::markers::CheckNotice>,
    pub answers: Vec<Answer>,
    pub latest: Option<Latest>,
    pub changes: TableModel,
}

/// (a) Is the monthly number of completed tracks going up or down?
pub fn trend_answer(archive: &Archive, lang: Lang) -> Answer {
    let o = &texts(lang).overzicht;
    let link = Link { path: "/trends", params: vec![("mijlpaal".into(), "afgerond".into())], anchor: "#stroom", text: o.trend_link };
    let method = (o.trend_rule)(&format::dec(K, 0, lang), &format::int(super::trend_rule::DEFAULT_DISPERSION, lang));
    match flow_chart::completed_trend_with_sources(archive, Vintage::Latest, lang) {
        Some((label, tr, provs)) => {
            let prev = (format::period(&tr.previous.period(), lang), format::int(tr.previous.rate, lang));
            let arrow = match tr.direction {
                Direction::Up => ("↑", (o.arrow_up)(&prev.0, &prev.1)),
                Direction::Down => ("↓", (o.arrow_down)(&prev.0, &prev.1)),
                Direction::NoClearChange => ("→", (o.arrow_flat)(&prev.0, &prev.1)),
            };
            Answer {
                key: "trend",
                question: o.q_trend,
                figure: format::int(tr.recent.rate, lang),
                figure_label: (o.trend_figure_label)(&lower_first(&label), &format::period(&tr.recent.period(), lang)),
                arrow: Some(arrow),
                body: {
                    let mut body = vec![flow_chart::trend_sentence(&label, &tr, lang)];
                    // Why it fell, where the earlier pace cannot come back (a review read "53%
                    // minder" as the work slowing down; 2024 was mostly assessments finding
                    // addresses already safe, with 931 left to assess).
                    if tr.direction == Direction::Down
                        && let Some(f) = super::forecast_chart::fastest_unrepeatable(archive, &super::forecast::paces(&tr), lang).filter(|f| f.basis == tr.previous.period())
                    {
                        // The gain's two stands (a review: 3.553 is of 13 months, November 2023
                        // to December 2024, not of the year it explains).
                        body.push((o.trend_why_lower)(&format::period(&f.basis, lang), &format::int(f.gain, lang), &format::date(f.from, lang), &format::date(f.to, lang), &format::date(f.at, lang), &format::int(f.left, lang)));
                    }
                    // "Duidelijk minder" beside what was foreseen for the same period: NCG expected
                    // 1.775 for 2025 and 2.275 came; the answer said only "een duidelijke daling".
                    let period = tr.recent.period().normalised();
                    let same = super::targets::rows(archive, &Filters::default(), lang).into_iter().find(|r| {
                        r.period.normalised() == period
                            && r.realised.as_ref().is_some_and(|x| x.full && archive.measure_by_code(&x.measure).is_some_and(|m| label.starts_with(m.label(lang))))
                    });
                    if let (Some(r), Some(pct)) = (&same, same.as_ref().and_then(|r| r.pct())) {
                        let count = r.realised.as_ref().map(|x| x.count).unwrap_or_default();
                        body.push((o.trend_target)(&format::period(&period, lang), &format::int(r.target, lang), &format::int(count, lang), &format::pct(pct, 0, lang), &r.provenance.note));
                    }
                    body.push(o.trend_definition.to_string());
                    body
                },
                more: vec![],
                method,
                estimate: false,
                link,
                source: provenance::source_line(archive, &provs.iter().collect::<Vec<_>>(), lang),
            }
        }
        None => Answer { key: "trend", question: o.q_trend, figure: "–".into(), figure_label: o.no_answer.into(), arrow: None, body: vec![], more: vec![], method, estimate: false, link, source: String::new() },
    }
}

/// "Veilig verklaard (NCG)" → "veilig verklaard (NCG)": for a label inside a sentence.
pub fn lower_first(s: &str) -> String {
    // ASCII only: keeps Unicode case tables out of the wasm bundle (labels start with a Latin letter).
    let mut c = s.chars();
    match c.next() {
        Some(f) => std::iter::once(f.to_ascii_lowercase()).chain(c).collect(),
        None => String::new(),
    }
}

/// A note that says the source gives no date for the figure, so the archive's date is assumed
/// ("Peildatum niet vermeld …" in the archive, "Reference date not stated …" in its English
/// translation). Like `sample_size`, a convention of the archive's notes (docs/data-format.md).
pub fn date_unstated(note: &str) -> bool {
    note.contains("Peildatum niet vermeld") || note.contains("Reference date not stated")
}

/// The years the source printed beside its days, from the archive's note ("Tabel drukt ook 'Totaal
/// jaar' 3,4 af" → "3,4"; in the English translation "'Totaal jaar' [total, years] 3.4" → "3.4").
pub fn printed_years(note: &str) -> Option<&str> {
    let rest = note[note.find("'Totaal jaar' ")? + 14..].trim_start();
    let rest = match rest.strip_prefix('[') {
        Some(r) => r[r.find(']')? + 1..].trim_start(),
        None => rest,
    };
    let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(rest.len());
    let digits = rest[..end].trim_end_matches(['.', ',']);
    (!digits.is_empty()).then_some(digits)
}

/// "n = 350" in a note → 350.
pub fn sample_size(note: &str) -> Option<u64> {
    let rest = &note[note.find("n = ")? + 4..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.').filter(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

fn latest_total(archive: &Archive, measure: &str, lang: Lang) -> Option<Obs> {
    observe::pick(archive, measure, &Breakdown::default(), Vintage::Latest, lang).into_iter().filter(|o| o.period.is_date()).max_by_key(|o| (o.period.end(), o.rank))
}

/// (b) How long does a track take?
pub fn lead_time_answer(archive: &Archive, lang: Lang) -> Answer {
    let o = &texts(lang).overzicht;
    // To the whole trajectory, the question's step, and SodM's means that hold this answer's
    // figure: the link opened on "opname → beoordeling" (24 months) under "3,3 jaar".
    let link = Link {
        path: "/doorlooptijden",
        params: vec![(crate::analysis::lead_times::page::Q_STAP.into(), crate::analysis::lead_times::estimate::step_code(crate::analysis::lead_time_exact::Transition::Traject).into())],
        anchor: "#sodm",
        text: o.lead_link,
    };
    let Some(lt) = latest_total(archive, "doorlooptijd_totaal_afgerond", lang) else {
        return Answer { key: "doorlooptijd", question: o.q_lead, figure: "–".into(), figure_label: o.no_answer.into(), arrow: None, body: vec![], more: vec![], method: o.lead_method.into(), estimate: false, link, source: String::new() };
    };
    let years = format::years(lt.value, lang);
    let n = sample_size(&lt.provenance.note);
    let assumed = date_unstated(&lt.provenance.note);
    // The number of completed tracks at the same date in the same publication.
    let total = observe::all(archive, "uitvoering_gereed", &Breakdown::default(), lang).into_iter().find(|x| x.publication == lt.publication && x.period == lt.period);
    let publisher = archive.publication(lt.publication).map(|p| publisher_label(p, lang)).unwrap_or_default();
    let mut body = vec![(o.lead_sentence)(
        &publisher,
        &format::int(lt.value, lang),
        &years,
        n.map(|n| format::int(n as f64, lang)).as_deref(),
        total.map(|t| format::int(t.value, lang)).as_deref(),
        &format::date(lt.period.end(), lang),
        assumed,
        // SodM prints 3,4 years beside 1.209 days, which are 3,3: both are said where they differ.
        printed_years(&lt.provenance.note).filter(|p| *p != years),
    )];
    if let Some(run) = observe::all(archive, "doorlooptijd_totaal_in_planvorming", &Breakdown::default(), lang).into_iter().find(|x| x.publication == lt.publication) {
        body.push((o.lead_running)(&format::int(run.value, lang), &format::years(run.value, lang)));
    }
    // The estimate of the whole track on Doorlooptijden, with its figure (a review: the card said
    // only that it "comes out higher", and a resident had to go and find 5,7 years).
    body.push(whole_track_estimate(archive, lang).unwrap_or_else(|| o.lead_later.to_string()));
    Answer {
        // The estimate's error on the demonstration in months, from the validation (it said "8 à 9
        // maanden", where the median's error is 283 days, 9,3 months: a review).
        more: vec![(o.lead_later_why)(&crate::analysis::lead_times::estimate::bias_months(crate::analysis::lead_time_exact::Transition::Traject, lang).unwrap_or_default())],
        key: "doorlooptijd",
        question: o.q_lead,
        figure: (o.years)(&years),
        figure_label: (o.lead_figure_label)(&format::int(lt.value, lang), &format::date(lt.period.end(), lang), assumed),
        arrow: None,
        body,
        method: o.lead_method.into(),
        estimate: false,
        link,
        source: provenance::source_line(archive, &[&lt.provenance], lang),
    }
}

/// The Doorlooptijden page's estimate of the whole track (opname → afgerond) in one sentence, with
/// how far it moves with another assumed start; `None` when it cannot be estimated.
fn whole_track_estimate(archive: &Archive, lang: Lang) -> Option<String> {
    use crate::analysis::lead_times::{estimate, fifo_estimate};
    let step = fifo_estimate::step(crate::analysis::lead_time_exact::Transition::Traject)?;
    let r = estimate::compute(archive, step, &Breakdown::default(), Vintage::Latest, None)?;
    let (s, (a, b)) = (r.summary.as_ref()?, r.window()?);
    let range = r.sensitivity.map(|x| format!("{} – {}", format::years(x.median.0, lang), format::years(x.median.1, lang)));
    let text = (texts(lang).overzicht.lead_estimate)(&format::int(s.n as f64, lang), &format::month(a.month_of(), lang), &format::month(b.month_of(), lang), &format::years(s.median, lang), range.as_deref());
    Some(match estimate::bias_sentence(step.transition, lang) {
        Some(b) => format!("{text} {b}"),
        None => text,
    })
}

/// (c) How much is left, and when is it done at the current pace?
pub fn rest_answer(archive: &Archive, lang: Lang) -> Answer {
    let o = &texts(lang).overzicht;
    let link = Link { path: "/trends", params: vec![], anchor: "#prognose", text: o.rest_link };
    let trend = flow_chart::completed_trend(archive, Vintage::Latest, lang).map(|(_, t)| t);
    let f = forecast_chart::build(archive, &Filters::default(), DEFAULT_TARGET_YEAR, trend.as_ref(), lang);
    match &f.remaining {
        Some(r) => Answer {
            key: "rest",
            question: o.q_rest,
            figure: forecast_chart::left_text(r, lang),
            figure_label: (o.rest_figure_label)(&format::date(r.date, lang)),
            arrow: None,
            body: f.paragraphs.iter().filter(|p| !f.secondary.contains(p)).cloned().collect(),
            more: f.secondary.clone(),
            method: texts(lang).trends.forecast_method.to_string(),
            estimate: true,
            link,
            source: f.chart.meta.source_line.clone(),
        },
        None => Answer { key: "rest", question: o.q_rest, figure: "–".into(), figure_label: o.no_answer.into(), arrow: None, body: vec![], more: vec![], method: String::new(), estimate: true, link, source: String::new() },
    }
}

/// The kind of a figure; for one we derived or the source gave roughly, with the note that says
/// how ("afgeleid: 1.962 gestart + 288 … = 2.250"; it said only "afgeleid").
fn flag_cell(archive: &Archive, o: &crate::data::observation::Observation, lang: Lang) -> Cell {
    let label = labels::flag(o.flag, lang);
    if o.flag == Flag::Published || o.note.is_empty() {
        return Cell::text(label);
    }
    Cell::text(format!("{label}: {}", crate::analysis::provenance::note_in(archive, &o.note, lang)))
}

/// The latest publication with every figure in it.
pub fn latest(archive: &Archive, lang: Lang) -> Option<Latest> {
    let sh = &texts(lang).shell;
    let p = archive.latest_publication()?;
    let idx = archive.publications.iter().position(|q| q.id == p.id)? as u32;
    let mut obs: Vec<_> = archive.observations.iter().filter(|o| o.publication == idx && o.value.is_some()).collect();
    sort_by_key(&mut obs, |o| (archive.measure(o.measure).map(|m| (m.group.clone(), m.order)), o.period.end()));
    let rows = obs
        .iter()
        .filter_map(|o| {
            let m = archive.measure(o.measure)?;
            let v = o.value?;
            Some(Row {
                attrs: vec![("series".into(), m.code.clone()), ("period".into(), o.period.to_string()), ("publication".into(), p.id.clone())],
                cells: vec![Cell::text(m.label(lang)), Cell::text(format::period(&o.period, lang)), Cell::num(format::int(v, lang), v), flag_cell(archive, o, lang)],
            })
        })
        .collect();
    let columns = [(sh.col_series, false), (sh.col_period, false), (sh.col_value, true), (sh.col_flag, false)].into_iter().map(|(l, n)| Column { label: l.into(), numeric: n, title: None }).collect();
    let publisher = publisher_label(p, lang);
    Some(Latest {
        title: p.title.clone(),
        date: format::date(p.peildatum, lang),
        url: p.url.clone(),
        table: TableModel { caption: (texts(lang).overzicht.latest_caption)(&publisher, &format::date(p.peildatum, lang)), columns, rows },
        publisher,
    })
}

/// Per headline measure: its value in the two latest publications that report it, and the change
/// when the two are comparable (both a stock at a date, or flows over equally long periods).
pub fn changes(archive: &Archive, lang: Lang) -> TableModel {
    let o = &texts(lang).overzicht;
    let sh = &texts(lang).shell;
    let mut rows = Vec::new();
    for code in HEADLINE {
        let Some(m) = archive.measure_by_code(code) else { continue };
        let all = observe::all(archive, code, &Breakdown::default(), lang);
        let mut pubs: Vec<(usize, u32)> = all.iter().map(|x| (x.rank, x.publication)).collect();
        sort_by_key(&mut pubs, |p| *p);
        pubs.dedup();
        let pick = |p: u32| all.iter().filter(|x| x.publication == p).max_by_key(|x| (x.period.end(), x.period.days()));
        let Some(&(_, last_pub)) = pubs.last() else { continue };
        let Some(last) = pick(last_pub) else { continue };
        let prev = pubs.iter().rev().nth(1).and_then(|&(_, p)| pick(p));
        // A figure the source gave roughly keeps its "≈", and so does a change computed from it:
        // "circa 1.280" (30 June 2024) was shown as 1.280, and the change as an exact −349.
        let title = |x: &Obs| format!("{}{} ({})", format::approx(x.provenance.flag), format::int(x.value, lang), format::period(&x.period, lang));
        let comparable = |a: &Obs, b: &Obs| match (a.period, b.period) {
            (Period::At(_), Period::At(_)) => true,
            (p, q) => p.months().zip(q.months()).is_some_and(|(x, y)| (x - y).abs() < 0.01),
        };
        let change = prev.filter(|p| comparable(last, p)).map(|p| last.value - p.value);
        rows.push(Row {
            attrs: vec![("key".into(), code.to_string())],
            // The figures first, so that on a phone the latest value, the previous one and the
            // change are on the screen without scrolling sideways (the change was the sixth
            // column, off a 360 px screen); the publications after them.
            cells: vec![
                Cell::text(m.label(lang)),
                Cell::num(title(last), last.value),
                match prev {
                    Some(p) => Cell::num(title(p), p.value),
                    None => Cell::text("–"),
                },
                match (change, prev) {
                    (Some(c), _) => {
                        let rough = prev.is_some_and(|p| p.provenance.flag == Flag::Approximate);
                        let r = format::approx(if rough { Flag::Approximate } else { last.provenance.flag });
                        Cell::num(if c > 0.0 { format!("{r}+{}", format::int(c, lang)) } else { format!("{r}{}", format::int(c, lang)) }, c)
                    }
                    (None, Some(_)) => Cell::text(o.not_comparable),
                    (None, None) => Cell::text("–"),
                },
                Cell::as_published(last.provenance.publication_title.clone()),
                Cell::as_published(prev.map(|p| p.provenance.publication_title.clone()).unwrap_or_default()),
            ],
        });
    }
    let columns = [(sh.col_series, false), (o.col_latest, true), (o.col_previous, true), (o.col_change, true), (o.col_pub_latest, false), (o.col_pub_previous, false)]
        .into_iter()
        .map(|(l, n)| Column { label: l.into(), numeric: n, title: None })
        .collect();
    TableModel { caption: o.changes_caption.into(), columns, rows }
}

/// Everything the Overzicht shows besides its chart.
pub fn build(archive: &Archive, lang: Lang) -> OverzichtModel {
    OverzichtModel {
        checks: super::markers::announced_checks(archive, &super::markers::ASSESSMENT_OUTCOMES, lang),
        answers: vec![trend_answer(archive, lang), lead_time_answer(archive, lang), rest_answer(archive, lang)],
        latest: latest(archive, lang),
        changes: changes(archive, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_size_from_a_note() {
        assert_eq!(sample_size("n = 350 van ca. 1.177 afgeronde adressen (L881-884)."), Some(350));
        assert_eq!(sample_size("geen steekproef"), None);
        assert_eq!(lower_first("Veilig verklaard (NCG)"), "veilig verklaard (NCG)");
    }
}
