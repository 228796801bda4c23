//! Data-quality checks over a whole archive: pure functions that look at the published numbers
//! themselves and report what does not add up. They never change a value (the archive keeps
//! figures as printed); every finding is a warning a person should look at.
//!
//! What is checked (all within one publication unless said otherwise):
//! - **parts vs total**: named parts of a total ([`SUM_RULES`]: the three parts of `voldoet_norm`,
//!   `afgerond_versterkt + afgerond_anders = traject_afgerond`, `fase_1..6 = werkvoorraad`);
//! - **breakdown vs total**: P50 + P90 + grijs, corporatie + particulier, and all gemeenten of the
//!   operation against the total of the same measure, period and remaining breakdown; incomplete
//!   sets (some gemeenten, batches, categories) only when the parts exceed the total;
//! - **cumulative decreases**: a cumulative count at a later date lower than at an earlier date;
//! - **above werkvoorraad**: a cumulative count above the werkvoorraad on the same date;
//! - **milestone order**: a later milestone (group `mijlpaal`, by `order`, parts of a total left
//!   out) above the nearest earlier one on the same date (beoordeling > opname);
//! - **flows vs cumulative**: flow periods that chain without gaps (from "voor 2017", or from a
//!   cumulative stand the day before) to the date of a cumulative total, but sum to another value;
//!   flows from the start that add up to **more** than a later cumulative stand (SodM table 2.2
//!   ends with the 2nd quarter of 2020, table 2.1 is the stand of 17 July: ≤ must hold);
//! - **periods disagree**: a period and smaller periods that tile it (2019-H2 vs Q3 + Q4);
//! - **revision** (across publications): the same measure, normalised period and breakdown with
//!   another value in a later publication (both values and both publication ids are reported);
//! - **after peildatum**: a non-target figure whose period ends after its publication's peildatum.
//!
//! Values flagged `approximate`, `estimated` or `suppressed` are left out of every comparison.
//!
//! ```
//! use versterkingsmonitor::data::{archive::Archive, quality};
//! let findings = quality::findings(&Archive::default());
//! assert!(findings.is_empty());
//! ```

use super::archive::Archive;
use super::breakdown::Breakdown;
use super::date::Date;
use super::diagnostic::{Diagnostic, Message};
use super::fast_hash::FastMap;
use super::measure::{MeasureKind, Unit};
use super::observation::{Flag, Observation};
use super::period::Period;
use super::publication::Publication;
use crate::i18n::{format, labels, Lang};

/// Totals that must equal the sum of named parts: `(totals, parts)`. The first total that is
/// published for the period is used (NCG's phase table counts "werkvoorraad verdeeld over fasen",
/// which can differ a little from the werkvoorraad; only without it are the phases compared with
/// the werkvoorraad). A rule is skipped when the archive does not declare its parts, and for a
/// given period when a part is missing.
pub const SUM_RULES: &[(&[&str], &[&str])] = &[
    (&["voldoet_norm"], &["voldoet_versterkt", "voldoet_op_norm", "voldoet_andere_reden"]),
    (&["traject_afgerond"], &["afgerond_versterkt", "afgerond_anders"]),
    (&["werkvoorraad_in_fasen", "werkvoorraad"], &["fase_1", "fase_2", "fase_3", "fase_4", "fase_5", "fase_6"]),
];

/// The measure every cumulative count is compared with.
pub const WERKVOORRAAD: &str = "werkvoorraad";
/// The group whose measures are ordered process steps.
pub const MILESTONE_GROUP: &str = "mijlpaal";

/// What kind of problem a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FindingKind {
    PartsVsTotal,
    BreakdownVsTotal,
    CumulativeDecreases,
    AboveWerkvoorraad,
    MilestoneOrder,
    FlowsVsCumulative,
    FlowsAboveLaterCumulative,
    PeriodsDisagree,
    Revision,
    AfterPeildatum,
    StandsAbovePeriod,
}

impl FindingKind {
    pub const ALL: [FindingKind; 11] = [
        FindingKind::PartsVsTotal,
        FindingKind::BreakdownVsTotal,
        FindingKind::CumulativeDecreases,
        FindingKind::AboveWerkvoorraad,
        FindingKind::MilestoneOrder,
        FindingKind::FlowsVsCumulative,
        FindingKind::FlowsAboveLaterCumulative,
        FindingKind::PeriodsDisagree,
        FindingKind::Revision,
        FindingKind::AfterPeildatum,
        FindingKind::StandsAbovePeriod,
    ];
    /// A short name for a table column or a filter.
    pub fn label(self, lang: Lang) -> &'static str {
        let nl = lang == Lang::Nl;
        match self {
            FindingKind::PartsVsTotal => if nl { "delen ≠ totaal" } else { "parts ≠ total" },
            FindingKind::BreakdownVsTotal => if nl { "uitsplitsing ≠ totaal" } else { "breakdown ≠ total" },
            FindingKind::CumulativeDecreases => if nl { "cumulatief daalt" } else { "cumulative decreases" },
            FindingKind::AboveWerkvoorraad => if nl { "boven werkvoorraad" } else { "above caseload" },
            FindingKind::MilestoneOrder => if nl { "volgorde mijlpalen" } else { "milestone order" },
            FindingKind::FlowsVsCumulative => if nl { "periodes ≠ stand" } else { "periods ≠ cumulative" },
            FindingKind::FlowsAboveLaterCumulative => if nl { "periodes > latere stand" } else { "periods > later cumulative" },
            FindingKind::PeriodsDisagree => if nl { "periodes onderling ≠" } else { "periods disagree" },
            FindingKind::Revision => if nl { "herziening" } else { "revision" },
            FindingKind::AfterPeildatum => if nl { "na peildatum" } else { "after reference date" },
            FindingKind::StandsAbovePeriod => if nl { "standen > periode" } else { "levels > period" },
        }
    }
}

/// A finding in a reader's words, in one language: the names the archive gives the measure, the
/// period, the breakdown and each compared value (measure names, gemeente names, periods and
/// dates in words). Made with the finding, so that its sentence needs no archive.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    pub measure: String,
    pub period: String,
    /// The breakdown in words; `None` for the total.
    pub breakdown: Option<String>,
    /// One name for each entry of [`QualityFinding::values`] (a publication id stays an id).
    pub values: Vec<String>,
}

/// One finding, structured so the app can show it as a table row and the CLI as a warning.
#[derive(Clone, Debug, PartialEq)]
pub struct QualityFinding {
    pub kind: FindingKind,
    /// The measure the finding is about (the total, the later milestone, the revised measure).
    pub measure: String,
    pub period: Period,
    pub breakdown: Breakdown,
    /// Publication ids involved (two for a revision: earlier, later).
    pub publications: Vec<String>,
    /// The values compared, each with a label (a measure code, a breakdown, a publication id,
    /// a period or a date). The first is the reference (the total, the earlier value).
    pub values: Vec<(String, f64)>,
    /// Found minus expected (parts − total, later − earlier, flows − cumulative, ...).
    pub diff: f64,
    /// File and line of the observation to look at.
    pub file: String,
    pub line: u64,
    /// The same in words: Dutch, English (see [`QualityFinding::words`]).
    pub words: [Words; 2],
}

/// A number as the reader's language writes it: `26.716` / `26,716`, `3,25` / `3.25`.
fn num(v: f64, lang: Lang) -> String {
    if v.fract() == 0.0 { format::int(v, lang) } else { format::dec(v, 2, lang) }
}

fn signed(v: f64, lang: Lang) -> String {
    if v > 0.0 { format!("+{}", num(v, lang)) } else { num(v, lang) }
}

impl QualityFinding {
    /// The names of the measure, period, breakdown and values in `lang`.
    pub fn words(&self, lang: Lang) -> &Words {
        &self.words[usize::from(lang == Lang::En)]
    }

    /// One sentence describing the finding, with the archive's names of measures, numbers in the
    /// reader's format and publication ids in square brackets (as on the publication list).
    pub fn text(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let w = self.words(lang);
        // "Beoordeling gereed" or "Beoordeling gereed, Verhoogd (P50)"; with the period for `what`.
        let who = match &w.breakdown {
            Some(b) => format!("{}, {b}", w.measure),
            None => w.measure.clone(),
        };
        let what = match &w.breakdown {
            Some(b) => format!("{}, {}, {b}", w.measure, w.period),
            None => format!("{}, {}", w.measure, w.period),
        };
        let name = |i: usize| w.values.get(i).map(String::as_str).unwrap_or("?");
        let value = |i: usize| self.values.get(i).map(|(_, v)| num(*v, lang)).unwrap_or_else(|| "?".into());
        let rest = || w.values.iter().skip(1).map(String::as_str).collect::<Vec<_>>().join(" + ");
        let sum = num(self.values.iter().skip(1).map(|(_, v)| v).sum(), lang);
        let d = signed(self.diff, lang);
        let pubs = self.publications.join(", ");
        match self.kind {
            FindingKind::PartsVsTotal | FindingKind::BreakdownVsTotal => {
                let total = value(0);
                if nl {
                    format!("{what}: de delen {} tellen op tot {sum}, het totaal is {total} (verschil {d}) [{pubs}]", rest())
                } else {
                    format!("{what}: the parts {} add up to {sum}, the total is {total} (difference {d}) [{pubs}]", rest())
                }
            }
            FindingKind::CumulativeDecreases => {
                let (d0, a, d1, b) = (name(0), value(0), name(1), value(1));
                if nl {
                    format!("{who}: daalt van {a} op {d0} naar {b} op {d1} (verschil {d}) [{pubs}]")
                } else {
                    format!("{who}: goes down from {a} on {d0} to {b} on {d1} (difference {d}) [{pubs}]")
                }
            }
            FindingKind::AboveWerkvoorraad => {
                let (wv, x) = (value(0), value(1));
                if nl {
                    format!("{what}: {x} is meer dan de werkvoorraad van {wv} op dezelfde datum (verschil {d}) [{pubs}]")
                } else {
                    format!("{what}: {x} is more than the caseload of {wv} on the same date (difference {d}) [{pubs}]")
                }
            }
            FindingKind::MilestoneOrder => {
                let (step, a, b) = (name(0), value(0), value(1));
                if nl {
                    format!("{what}: {b} is meer dan de {a} van de eerdere stap {step} (verschil {d}) [{pubs}]")
                } else {
                    format!("{what}: {b} is more than the {a} of the earlier step {step} (difference {d}) [{pubs}]")
                }
            }
            FindingKind::FlowsVsCumulative => {
                let total = value(0);
                if nl {
                    format!("{what}: {} tellen op tot {sum}, de cumulatieve stand is {total} (verschil {d}) [{pubs}]", rest())
                } else {
                    format!("{what}: {} add up to {sum}, the cumulative total is {total} (difference {d}) [{pubs}]", rest())
                }
            }
            FindingKind::FlowsAboveLaterCumulative => {
                let (total, end) = (value(0), w.values.last().map(String::as_str).unwrap_or("?"));
                if nl {
                    format!("{what}: de periodes t/m {end} tellen op tot {sum}, meer dan deze latere cumulatieve stand van {total} (verschil {d}) [{pubs}]")
                } else {
                    format!("{what}: the periods up to and including {end} add up to {sum}, more than this later cumulative total of {total} (difference {d}) [{pubs}]")
                }
            }
            FindingKind::PeriodsDisagree => {
                let total = value(0);
                if nl {
                    format!("{what}: {} tellen op tot {sum}, de periode zelf is {total} (verschil {d}) [{pubs}]", rest())
                } else {
                    format!("{what}: {} add up to {sum}, the period itself is {total} (difference {d}) [{pubs}]", rest())
                }
            }
            FindingKind::Revision => {
                let (p0, a, p1, b) = (name(0), value(0), name(1), value(1));
                if nl {
                    format!("{what}: herzien van {a} in {p0} naar {b} in {p1} (verschil {d})")
                } else {
                    format!("{what}: revised from {a} in {p0} to {b} in {p1} (difference {d})")
                }
            }
            FindingKind::StandsAbovePeriod => {
                let (total, d1, v1, d2, v2) = (value(0), name(1), value(1), name(2), value(2));
                let between = num(self.values.get(2).map(|v| v.1).unwrap_or(0.0) - self.values.get(1).map(|v| v.1).unwrap_or(0.0), lang);
                if nl {
                    format!("{what}: {total} in de hele periode, maar de standen {v1} op {d1} en {v2} op {d2} liggen al {between} uit elkaar (verschil {d}) [{pubs}]")
                } else {
                    format!("{what}: {total} in the whole period, but the levels of {v1} on {d1} and {v2} on {d2} are already {between} apart (difference {d}) [{pubs}]")
                }
            }
            FindingKind::AfterPeildatum => {
                let p = name(0);
                if nl {
                    format!("{what}: de periode eindigt na {p}, de peildatum van de publicatie [{pubs}]")
                } else {
                    format!("{what}: the period ends after {p}, the publication's reference date [{pubs}]")
                }
            }
        }
    }

    /// The finding as a warning for `ncg check`, at column 1 of the observation's line.
    pub fn to_diagnostic(&self) -> Diagnostic {
        Diagnostic::warning(&self.file, self.line, 1, Message::Quality { nl: self.text(Lang::Nl), en: self.text(Lang::En) })
    }
}

/// Run every check; findings are sorted by file and line.
pub fn findings(archive: &Archive) -> Vec<QualityFinding> {
    let ix = Index::new(archive);
    let mut out = Vec::new();
    parts_vs_total(&ix, &mut out);
    breakdown_vs_total(&ix, &mut out);
    cumulative_decreases(&ix, &mut out);
    above_werkvoorraad(&ix, &mut out);
    milestone_order(&ix, &mut out);
    flows_vs_cumulative(&ix, &mut out);
    revisions(&ix, &mut out);
    after_peildatum(&ix, &mut out);
    stands_above_period(&ix, &mut out);
    crate::data::sort::sort_by(&mut out[..], |a, b| (&a.file, a.line, a.kind).cmp(&(&b.file, b.line, b.kind)));
    out
}

/// The findings as a reader looks them over: by kind, the largest difference first (SodM's
/// revision of 2019's assessments by −605 before one of −3), then by file and line. `findings`
/// keeps the order of the files, which is the order to fix them in (`ncg check`).
pub fn largest_first(findings: &mut [QualityFinding]) {
    crate::data::sort::sort_by(findings, |a, b| a.kind.cmp(&b.kind).then(b.diff.abs().total_cmp(&a.diff.abs())).then((&a.file, a.line).cmp(&(&b.file, b.line))));
}

/// Every finding as a warning diagnostic.
pub fn check(archive: &Archive) -> Vec<Diagnostic> {
    findings(archive).iter().map(QualityFinding::to_diagnostic).collect()
}

// ---------------------------------------------------------------------------------------------

type Key<'a> = (u32, u32, Period, &'a Breakdown);

struct Index<'a> {
    a: &'a Archive,
    by_key: FastMap<Key<'a>, &'a Observation>,
    /// Observations that take part in comparisons (a value, not approximate/estimated).
    usable: Vec<&'a Observation>,
}

fn usable(o: &Observation) -> Option<f64> {
    match o.flag {
        Flag::Approximate | Flag::Estimated | Flag::Suppressed => None,
        _ => o.value.filter(|v| v.is_finite()),
    }
}

impl<'a> Index<'a> {
    fn new(a: &'a Archive) -> Index<'a> {
        let usable: Vec<&Observation> = a.observations.iter().filter(|o| usable(o).is_some()).collect();
        let by_key = usable.iter().map(|o| ((o.publication, o.measure, o.period.normalised(), &o.breakdown), *o)).collect();
        Index { a, by_key, usable }
    }
    fn get(&self, publication: u32, measure: u32, period: Period, b: &Breakdown) -> Option<(&'a Observation, f64)> {
        let o = *self.by_key.get(&(publication, measure, period.normalised(), b))?;
        Some((o, usable(o)?))
    }
    fn code(&self, m: u32) -> String {
        self.a.measure(m).map(|m| m.code.clone()).unwrap_or_default()
    }
    /// The measure's name in `lang` (its code when it has none).
    fn measure_name(&self, m: u32, lang: Lang) -> String {
        match self.a.measure(m) {
            Some(x) if !x.label(lang).is_empty() => x.label(lang).to_string(),
            _ => self.code(m),
        }
    }
    /// One dimension of a breakdown in words: the gemeente's name, "batch 1588", "Verhoogd (P50)".
    fn dim_name(&self, dim: Dim, b: &Breakdown, lang: Lang) -> Option<String> {
        Some(match dim {
            Dim::Gemeente => {
                let g = b.gemeente?;
                self.a.gemeenten.get(g).map(|x| x.name.clone()).unwrap_or_else(|| g.to_string())
            }
            Dim::Batch => format!("batch {}", b.batch.as_deref()?),
            Dim::Risicoprofiel => labels::risicoprofiel(b.risicoprofiel?, lang).to_string(),
            Dim::Eigenaar => labels::eigenaar(b.eigenaar?, lang).to_string(),
            Dim::Categorie => labels::categorie(b.categorie?, lang).to_string(),
        })
    }
    /// A breakdown in words, `None` for the total.
    fn breakdown_name(&self, b: &Breakdown, lang: Lang) -> Option<String> {
        let parts: Vec<String> = Dim::ALL.iter().filter_map(|d| self.dim_name(*d, b, lang)).collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
    /// What a compared value is called in messages and downloads (codes, ids, ISO dates).
    fn label_code(&self, l: &Label<'_>) -> String {
        match l {
            Label::Measure(m) => self.code(*m),
            Label::Breakdown(b) => b.key(),
            Label::Part(dim, b) => dim.label(b).unwrap_or_default(),
            Label::Date(d) => d.to_string(),
            Label::Period(p) => p.to_string(),
            Label::Publication(p) => self.pub_id(*p),
        }
    }
    /// What a compared value is called for a reader.
    fn label_name(&self, l: &Label<'_>, lang: Lang) -> String {
        match l {
            Label::Measure(m) => self.measure_name(*m, lang),
            Label::Breakdown(b) => self.breakdown_name(b, lang).unwrap_or_else(|| self.label_code(l)),
            Label::Part(dim, b) => self.dim_name(*dim, b, lang).unwrap_or_default(),
            Label::Date(d) => format::date(*d, lang),
            Label::Period(p) => format::period(p, lang),
            Label::Publication(p) => self.pub_id(*p),
        }
    }
    fn is_count(&self, m: u32) -> bool {
        self.a.measure(m).is_some_and(|m| m.unit == Unit::Addresses)
    }
    fn kind(&self, m: u32) -> Option<MeasureKind> {
        self.a.measure(m).map(|m| m.kind)
    }
    fn pub_id(&self, p: u32) -> String {
        self.a.publication(p).map(|p| p.id.clone()).unwrap_or_default()
    }
    fn file(&self, p: u32) -> String {
        self.a.publication(p).map(|p| p.file.clone()).unwrap_or_default()
    }
    fn finding(&self, kind: FindingKind, at: &Observation, values: Vec<(Label<'_>, f64)>, diff: f64) -> QualityFinding {
        let words = |lang: Lang| Words {
            measure: self.measure_name(at.measure, lang),
            period: format::period(&at.period, lang),
            breakdown: self.breakdown_name(&at.breakdown, lang),
            values: values.iter().map(|(l, _)| self.label_name(l, lang)).collect(),
        };
        QualityFinding {
            kind,
            measure: self.code(at.measure),
            period: at.period,
            breakdown: at.breakdown.clone(),
            publications: vec![self.pub_id(at.publication)],
            values: values.iter().map(|(l, v)| (self.label_code(l), *v)).collect(),
            diff,
            file: self.file(at.publication),
            line: at.line,
            words: [words(Lang::Nl), words(Lang::En)],
        }
    }
}

/// What a compared value is: named by a code in [`QualityFinding::values`] and in words in
/// [`Words::values`].
enum Label<'b> {
    Measure(u32),
    /// A whole breakdown (the total of a breakdown's parts).
    Breakdown(&'b Breakdown),
    /// One dimension of a breakdown (a gemeente, a risicoprofiel, ...).
    Part(Dim, &'b Breakdown),
    Date(Date),
    Period(Period),
    Publication(u32),
}

/// Whole addresses: a difference below one half is rounding noise of derived values.
fn differs(a: f64, b: f64) -> bool {
    (a - b).abs() > 0.5
}

fn parts_vs_total(ix: &Index<'_>, out: &mut Vec<QualityFinding>) {
    for (totals, parts) in SUM_RULES {
        let Some(ps) = parts.iter().map(|p| ix.a.measure_index(p)).collect::<Option<Vec<u32>>>() else { continue };
        let totals: Vec<u32> = totals.iter().filter_map(|t| ix.a.measure_index(t)).collect();
        let Some(&first_part) = ps.first() else { continue };
        // Walk the first part's observations; find the preferred total of the same period.
        for p0 in ix.usable.iter().filter(|o| o.measure == first_part) {
            let Some((o, tv)) = totals.iter().find_map(|&t| ix.get(p0.publication, t, p0.period, &p0.breakdown)) else { continue };
            let Some(vals) = ps.iter().map(|&p| ix.get(o.publication, p, o.period, &o.breakdown).map(|(_, v)| (Label::Measure(p), v))).collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let sum: f64 = vals.iter().map(|(_, v)| v).sum();
            if differs(sum, tv) {
                let mut values = vec![(Label::Measure(o.measure), tv)];
                values.extend(vals);
                out.push(ix.finding(FindingKind::PartsVsTotal, o, values, sum - tv));
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Dim {
    Gemeente,
    Batch,
    Risicoprofiel,
    Eigenaar,
    Categorie,
}

impl Dim {
    const ALL: [Dim; 5] = [Dim::Gemeente, Dim::Batch, Dim::Risicoprofiel, Dim::Eigenaar, Dim::Categorie];
    /// The part's label, or `None` when the breakdown does not split on this dimension.
    fn label(self, b: &Breakdown) -> Option<String> {
        match self {
            Dim::Gemeente => b.gemeente.map(|g| g.to_string()),
            Dim::Batch => b.batch.as_deref().map(str::to_string),
            Dim::Risicoprofiel => b.risicoprofiel.map(|r| r.as_str().to_string()),
            Dim::Eigenaar => b.eigenaar.map(|e| e.as_str().to_string()),
            Dim::Categorie => b.categorie.map(|c| c.as_str().to_string()),
        }
    }
    fn cleared(self, b: &Breakdown) -> Breakdown {
        let mut b = b.clone();
        match self {
            Dim::Gemeente => b.gemeente = None,
            Dim::Batch => b.batch = None,
            Dim::Risicoprofiel => b.risicoprofiel = None,
            Dim::Eigenaar => b.eigenaar = None,
            Dim::Categorie => b.categorie = None,
        }
        b
    }
}

fn breakdown_vs_total(ix: &Index<'_>, out: &mut Vec<QualityFinding>) {
    struct Group<'a> {
        parts: Vec<(String, &'a Breakdown, f64)>,
        any_unusable: bool,
        first: &'a Observation,
    }
    // (publication, measure, period, breakdown without the dimension, dimension) → parts
    let mut groups: FastMap<(u32, u32, Period, Breakdown, u8), Group<'_>> = FastMap::default();
    for o in &ix.a.observations {
        if !ix.is_count(o.measure) || !matches!(ix.kind(o.measure), Some(MeasureKind::Cumulative | MeasureKind::Stock | MeasureKind::Flow)) {
            continue;
        }
        for (di, dim) in Dim::ALL.iter().enumerate() {
            let Some(label) = dim.label(&o.breakdown) else { continue };
            let key = (o.publication, o.measure, o.period.normalised(), dim.cleared(&o.breakdown), di as u8);
            let g = groups.entry(key).or_insert(Group { parts: Vec::new(), any_unusable: false, first: o });
            match usable(o) {
                Some(v) => g.parts.push((label, &o.breakdown, v)),
                None => g.any_unusable = true,
            }
        }
    }
    for ((p, m, period, base, di), g) in groups {
        let Some((total_obs, tv)) = ix.get(p, m, period, &base) else { continue };
        let sum: f64 = g.parts.iter().map(|(_, _, v)| v).sum();
        let dim = Dim::ALL.get(di as usize).copied();
        let complete = !g.any_unusable
            && match dim {
                Some(Dim::Risicoprofiel) => g.parts.len() == 3,
                Some(Dim::Eigenaar) => g.parts.len() == 2,
                Some(Dim::Gemeente) => {
                    let needed = ix.a.gemeenten.all().iter().filter(|gm| gm.in_operation && gm.exists_on(period.end()));
                    let mut n = 0;
                    let all_there = needed.into_iter().all(|gm| {
                        n += 1;
                        g.parts.iter().any(|(l, _, _)| *l == gm.code.to_string())
                    });
                    all_there && n > 0
                }
                _ => false,
            };
        if (complete && differs(sum, tv)) || (!complete && sum > tv + 0.5) {
            let Some(dim) = dim else { continue };
            let mut values = vec![(Label::Breakdown(&base), tv)];
            values.extend(g.parts.iter().map(|(_, b, v)| (Label::Part(dim, b), *v)));
            let _ = g.first;
            out.push(ix.finding(FindingKind::BreakdownVsTotal, total_obs, values, sum - tv));
        }
    }
}

fn at_date(o: &Observation) -> Option<Date> {
    match o.period {
        Period::At(d) => Some(d),
        _ => None,
    }
}

fn cumulative_decreases(ix: &Index<'_>, out: &mut Vec<QualityFinding>) {
    // (publication, measure, breakdown) → the cumulative stands on dates
    type Series<'a> = Vec<(Date, f64, &'a Observation)>;
    let mut series: FastMap<(u32, u32, &Breakdown), Series<'_>> = FastMap::default();
    for o in &ix.usable {
        if ix.kind(o.measure) != Some(MeasureKind::Cumulative) {
            continue;
        }
        if let (Some(d), Some(v)) = (at_date(o), usable(o)) {
            series.entry((o.publication, o.measure, &o.breakdown)).or_default().push((d, v, o));
        }
    }
    for s in series.values_mut() {
        crate::data::sort::sort_by_key(&mut s[..], |(d, _, _)| *d);
        for w in s.windows(2) {
            let [(d0, v0, _), (d1, v1, o1)] = w else { continue };
            if v1 + 0.5 < *v0 {
                out.push(ix.finding(FindingKind::CumulativeDecreases, o1, vec![(Label::Date(*d0), *v0), (Label::Date(*d1), *v1)], v1 - v0));
            }
        }
    }
}

fn above_werkvoorraad(ix: &Index<'_>, out: &mut Vec<QualityFinding>) {
    let Some(wv) = ix.a.measure_index(WERKVOORRAAD) else { return };
    for o in &ix.usable {
        if ix.kind(o.measure) != Some(MeasureKind::Cumulative) || !ix.is_count(o.measure) || at_date(o).is_none() {
            continue;
        }
        let (Some(v), Some((_, w))) = (usable(o), ix.get(o.publication, wv, o.period, &o.breakdown)) else { continue };
        if v > w + 0.5 {
            out.push(ix.finding(FindingKind::AboveWerkvoorraad, o, vec![(Label::Measure(wv), w), (Label::Measure(o.measure), v)], v - w));
        }
    }
}

fn milestone_order(ix: &Index<'_>, out: &mut Vec<QualityFinding>) {
    // (publication, date, breakdown) → the steps: (order, observation, value)
    type Steps<'a> = Vec<(u32, &'a Observation, f64)>;
    let mut steps: FastMap<(u32, Date, &Breakdown), Steps<'_>> = FastMap::default();
    for o in &ix.usable {
        let Some(m) = ix.a.measure(o.measure) else { continue };
        let (Some(d), Some(v)) = (at_date(o), usable(o)) else { continue };
        // Parts of a total (afgerond_versterkt, afgerond_anders) are not process steps.
        let is_part = SUM_RULES.iter().any(|(_, parts)| parts.contains(&m.code.as_str()));
        if m.group != MILESTONE_GROUP || m.kind != MeasureKind::Cumulative || !m.holds_on(d) || m.unit != Unit::Addresses || is_part {
            continue;
        }
        steps.entry((o.publication, d, &o.breakdown)).or_default().push((m.order, o, v));
    }
    for s in steps.values_mut() {
        crate::data::sort::sort_by_key(&mut s[..], |(order, o, _)| (*order, o.measure));
        // Compare each step with every step of the nearest lower order.
        let mut prev: Vec<(u32, &Observation, f64)> = Vec::new();
        let mut i = 0;
        while i < s.len() {
            let order = s[i].0;
            let group: Vec<_> = s[i..].iter().take_while(|(o, _, _)| *o == order).copied().collect();
            for (_, later, lv) in &group {
                for (_, earlier, ev) in &prev {
                    if *lv > ev + 0.5 {
                        out.push(ix.finding(
                            FindingKind::MilestoneOrder,
                            later,
                            vec![(Label::Measure(earlier.measure), *ev), (Label::Measure(later.measure), *lv)],
                            lv - ev,
                        ));
                    }
                }
            }
            i += group.len();
            prev = group;
        }
    }
}

/// Stand on a day (as days since 1970) → the observation and its value.
type Stands<'a> = FastMap<i64, (&'a Observation, f64)>;
/// Day after a chain of flows → the chain's start value plus its flows, and what it used.
type Reach<'a> = FastMap<i64, (f64, Vec<&'a Observation>)>;

/// Chains of flow periods without gaps (intervals sorted by start). A chain starts at `origin`
/// (a day; `None` = the open start of "voor 2017"), or — with `stands` — right after a
/// cumulative stand, whose value it then starts from. `skip` is left out, and nothing ending
/// after `until` is used.
fn chains<'a>(intervals: &[&'a Observation], origin: Option<i64>, until: i64, skip: Option<&Observation>, stands: Option<&Stands<'a>>) -> Reach<'a> {
    let mut reach: Reach<'a> = FastMap::default();
    if let Some(s) = origin {
        reach.insert(s, (0.0, Vec::new()));
    }
    for iv in intervals {
        let end = iv.period.end().to_days();
        if skip.is_some_and(|k| std::ptr::eq(*iv, k)) || end > until {
            continue;
        }
        let Some(v) = usable(iv) else { continue };
        let base = match iv.period.start().map(Date::to_days) {
            None if origin.is_none() => Some((0.0, Vec::new())),
            None => None,
            Some(s) if origin.is_some_and(|o| s < o) => None,
            Some(s) => reach.get(&s).cloned().or_else(|| stands.and_then(|m| m.get(&(s - 1))).map(|(o, v)| (*v, vec![*o]))),
        };
        if let Some((b, mut path)) = base {
            path.push(iv);
            reach.entry(end + 1).or_insert((b + v, path));
        }
    }
    reach
}

fn labelled<'b>(path: &[&Observation]) -> Vec<(Label<'b>, f64)> {
    path.iter().map(|o| (Label::Period(o.period), usable(o).unwrap_or(0.0))).collect()
}

fn flows_vs_cumulative(ix: &Index<'_>, out: &mut Vec<QualityFinding>) {
    let mut groups: FastMap<(u32, u32, &Breakdown), Vec<&Observation>> = FastMap::default();
    for o in &ix.usable {
        if ix.kind(o.measure) == Some(MeasureKind::Cumulative) && ix.is_count(o.measure) {
            groups.entry((o.publication, o.measure, &o.breakdown)).or_default().push(o);
        }
    }
    for obs in groups.values() {
        let mut intervals: Vec<&Observation> = obs.iter().copied().filter(|o| !o.period.is_date()).collect();
        if intervals.is_empty() {
            continue;
        }
        crate::data::sort::sort_by_key(&mut intervals[..], |o| (o.period.start().map(Date::to_days), o.period.end()));
        let stands: Stands<'_> = obs.iter().filter_map(|o| Some((at_date(o)?.to_days(), (*o, usable(o)?)))).collect();
        // 1. Flows chaining exactly to a cumulative stand, or to "everything up to" a date.
        for target in obs.iter().filter(|o| matches!(o.period, Period::At(_) | Period::Until(_))) {
            let Some(tv) = usable(target) else { continue };
            let end = target.period.end().to_days();
            let reach = chains(&intervals, None, end, Some(target), Some(&stands));
            let Some((sum, path)) = reach.get(&(end + 1)) else { continue };
            if differs(*sum, tv) {
                let mut values = vec![(Label::Period(target.period), tv)];
                values.extend(labelled(path));
                out.push(ix.finding(FindingKind::FlowsVsCumulative, target, values, sum - tv));
            }
        }
        // 2. Flows from the start up to a day before a later stand can never be more than it
        //    (SodM table 2.2 ends with the 2nd quarter, table 2.1 is the stand of 17 July).
        let from_start = chains(&intervals, None, i64::MAX, None, None);
        for (&day, (stand, value)) in &stands {
            let nearest = from_start.iter().filter(|(n, _)| **n <= day && !stands.contains_key(&(**n - 1))).max_by_key(|(n, _)| **n);
            let Some((_, (sum, path))) = nearest else { continue };
            if *sum > value + 0.5 {
                let mut values = vec![(Label::Period(stand.period), *value)];
                values.extend(labelled(path));
                out.push(ix.finding(FindingKind::FlowsAboveLaterCumulative, stand, values, sum - value));
            }
        }
        // 3. A period and the smaller periods that tile it (2019-H2 and 2019-Q3 + 2019-Q4).
        for target in &intervals {
            let (Some(start), Some(tv)) = (target.period.start().map(Date::to_days), usable(target)) else { continue };
            let end = target.period.end().to_days();
            let reach = chains(&intervals, Some(start), end, Some(target), None);
            let Some((sum, path)) = reach.get(&(end + 1)) else { continue };
            if path.len() >= 2 && differs(*sum, tv) {
                let mut values = vec![(Label::Period(target.period), tv)];
                values.extend(labelled(path));
                out.push(ix.finding(FindingKind::PeriodsDisagree, target, values, sum - tv));
            }
        }
    }
}

fn revisions(ix: &Index<'_>, out: &mut Vec<QualityFinding>) {
    let mut vintages: FastMap<(u32, Period, &Breakdown), Vec<&Observation>> = FastMap::default();
    for o in &ix.usable {
        vintages.entry((o.measure, o.period.normalised(), &o.breakdown)).or_default().push(o);
    }
    for list in vintages.values_mut() {
        if list.len() < 2 {
            continue;
        }
        crate::data::sort::sort_by_key(&mut list[..], |o| ix.a.publication(o.publication).map(|p| (p.peildatum, p.published, p.id.clone())));
        for w in list.windows(2) {
            let [old, new] = w else { continue };
            let (Some(a), Some(b)) = (usable(old), usable(new)) else { continue };
            let tolerance = if ix.is_count(new.measure) { 0.5 } else { 1e-9 };
            if (a - b).abs() > tolerance {
                let mut f = ix.finding(FindingKind::Revision, new, vec![(Label::Publication(old.publication), a), (Label::Publication(new.publication), b)], b - a);
                f.publications = vec![ix.pub_id(old.publication), ix.pub_id(new.publication)];
                out.push(f);
            }
        }
    }
}

/// Two cumulative stands inside a period, from publications of one publisher, that lie further
/// apart than that period's own count: NCG's 600 "traject afgerond" in 2020 (annual report)
/// against its 1.128 on 31 May 2020 (news item) and 1.768 at the end of 2020, 640 in seven months.
/// One of them is wrong, or they count differently; neither is "fixed". Per period, the pair that
/// exceeds it most.
fn stands_above_period(ix: &Index<'_>, out: &mut Vec<QualityFinding>) {
    // Plain loops over the few hundred observations: a map and a sort of their own cost the wasm
    // 1.8 KB gzip.
    let family = |p: u32| ix.a.publication(p).map(Publication::family);
    for f in &ix.usable {
        let (Some(start), Some(total)) = (f.period.start(), usable(f)) else { continue };
        if f.period.is_date() || ix.kind(f.measure) != Some(MeasureKind::Cumulative) || !ix.is_count(f.measure) {
            continue;
        }
        let (Some(before), end, fam) = (start.add_days(-1), f.period.end(), family(f.publication)) else { continue };
        let inside: Vec<(Date, f64, u32)> = ix
            .usable
            .iter()
            .filter(|o| o.measure == f.measure && o.breakdown == f.breakdown && family(o.publication) == fam)
            .filter_map(|o| Some((at_date(o).filter(|d| *d >= before && *d <= end)?, usable(o)?, o.publication)))
            .collect();
        let mut worst: Option<(f64, (Date, f64, u32), (Date, f64, u32))> = None;
        for &a in &inside {
            for &b in &inside {
                let excess = (b.1 - a.1) - total;
                if b.0 > a.0 && excess > 0.5 && worst.is_none_or(|(w, _, _)| excess > w) {
                    worst = Some((excess, a, b));
                }
            }
        }
        if let Some((excess, (d1, v1, p1), (d2, v2, p2))) = worst {
            let mut finding = ix.finding(FindingKind::StandsAbovePeriod, f, vec![(Label::Period(f.period), total), (Label::Date(d1), v1), (Label::Date(d2), v2)], excess);
            for p in [p1, p2] {
                let id = ix.pub_id(p);
                if !finding.publications.contains(&id) {
                    finding.publications.push(id);
                }
            }
            out.push(finding);
        }
    }
}

fn after_peildatum(ix: &Index<'_>, out: &mut Vec<QualityFinding>) {
    for o in &ix.a.observations {
        if ix.kind(o.measure) == Some(MeasureKind::Target) {
            continue;
        }
        let Some(p) = ix.a.publication(o.publication) else { continue };
        if o.period.end() > p.peildatum {
            out.push(ix.finding(FindingKind::AfterPeildatum, o, vec![(Label::Date(p.peildatum), 0.0)], 0.0));
        }
    }
}

#[cfg(test)]
mod tests;
