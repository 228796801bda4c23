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
use crate::i18n::Lang;

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
}

impl FindingKind {
    pub const ALL: [FindingKind; 10] = [
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
    ];
    /// A short name for a table column or a filter.
    pub fn label(self, lang: Lang) -> &'static str {
        let nl = lang == Lang::Nl;
        match self {
            FindingKind::PartsVsTotal => if nl { "delen ≠ totaal" } else { "parts ≠ total" },
            FindingKind::BreakdownVsTotal => if nl { "uitsplitsing ≠ totaal" } else { "breakdown ≠ total" },
            FindingKind::CumulativeDecreases => if nl { "cumulatief daalt" } else { "cumulative decreases" },
            FindingKind::AboveWerkvoorraad => if nl { "boven werkvoorraad" } else { "above work stock" },
            FindingKind::MilestoneOrder => if nl { "volgorde mijlpalen" } else { "milestone order" },
            FindingKind::FlowsVsCumulative => if nl { "periodes ≠ stand" } else { "periods ≠ cumulative" },
            FindingKind::FlowsAboveLaterCumulative => if nl { "periodes > latere stand" } else { "periods > later cumulative" },
            FindingKind::PeriodsDisagree => if nl { "periodes onderling ≠" } else { "periods disagree" },
            FindingKind::Revision => if nl { "herziening" } else { "revision" },
            FindingKind::AfterPeildatum => if nl { "na peildatum" } else { "after reference date" },
        }
    }
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
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v:.2}") }
}

fn signed(v: f64) -> String {
    if v > 0.0 { format!("+{}", num(v)) } else { num(v) }
}

impl QualityFinding {
    /// One sentence describing the finding.
    pub fn text(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let what = format!("{} {} ({})", self.measure, self.period, self.breakdown.key());
        let v = |i: usize| self.values.get(i).map(|(l, v)| (l.as_str(), num(*v))).unwrap_or(("?", "?".into()));
        let rest = || self.values.iter().skip(1).map(|(l, _)| l.as_str()).collect::<Vec<_>>().join(" + ");
        let rest_sum: f64 = self.values.iter().skip(1).map(|(_, v)| v).sum();
        let d = signed(self.diff);
        let pubs = self.publications.join(", ");
        match self.kind {
            FindingKind::PartsVsTotal | FindingKind::BreakdownVsTotal => {
                let (_, total) = v(0);
                if nl {
                    format!("{what}: de delen {} tellen op tot {}, het totaal is {total} (verschil {d}) [{pubs}]", rest(), num(rest_sum))
                } else {
                    format!("{what}: the parts {} add up to {}, the total is {total} (difference {d}) [{pubs}]", rest(), num(rest_sum))
                }
            }
            FindingKind::CumulativeDecreases => {
                let ((d0, a), (d1, b)) = (v(0), v(1));
                if nl {
                    format!("{} ({}) daalt van {a} op {d0} naar {b} op {d1} (verschil {d}) [{pubs}]", self.measure, self.breakdown.key())
                } else {
                    format!("{} ({}) goes down from {a} on {d0} to {b} on {d1} (difference {d}) [{pubs}]", self.measure, self.breakdown.key())
                }
            }
            FindingKind::AboveWerkvoorraad => {
                let ((_, wv), (_, x)) = (v(0), v(1));
                if nl {
                    format!("{what}: {x} is meer dan de werkvoorraad {wv} op dezelfde datum (verschil {d}) [{pubs}]")
                } else {
                    format!("{what}: {x} is more than the work stock {wv} on the same date (difference {d}) [{pubs}]")
                }
            }
            FindingKind::MilestoneOrder => {
                let ((m0, a), (m1, b)) = (v(0), v(1));
                if nl {
                    format!("{what}: {m1} = {b} is hoger dan de eerdere processtap {m0} = {a} (verschil {d}) [{pubs}]")
                } else {
                    format!("{what}: {m1} = {b} is higher than the earlier step {m0} = {a} (difference {d}) [{pubs}]")
                }
            }
            FindingKind::FlowsVsCumulative => {
                let (_, total) = v(0);
                if nl {
                    format!("{what}: {} tellen op tot {}, de cumulatieve stand is {total} (verschil {d}) [{pubs}]", rest(), num(rest_sum))
                } else {
                    format!("{what}: {} add up to {}, the cumulative total is {total} (difference {d}) [{pubs}]", rest(), num(rest_sum))
                }
            }
            FindingKind::FlowsAboveLaterCumulative => {
                let ((date, total), end) = (v(0), self.values.last().map(|(l, _)| l.as_str()).unwrap_or("?"));
                if nl {
                    format!("{what}: {} tellen op tot {} (t/m {end}), meer dan de latere cumulatieve stand {total} op {date} (verschil {d}) [{pubs}]", rest(), num(rest_sum))
                } else {
                    format!("{what}: {} add up to {} (through {end}), more than the later cumulative total {total} on {date} (difference {d}) [{pubs}]", rest(), num(rest_sum))
                }
            }
            FindingKind::PeriodsDisagree => {
                let (_, total) = v(0);
                if nl {
                    format!("{what}: {} tellen op tot {}, de periode zelf is {total} (verschil {d}) [{pubs}]", rest(), num(rest_sum))
                } else {
                    format!("{what}: {} add up to {}, the period itself is {total} (difference {d}) [{pubs}]", rest(), num(rest_sum))
                }
            }
            FindingKind::Revision => {
                let ((p0, a), (p1, b)) = (v(0), v(1));
                if nl {
                    format!("{what} herzien: {a} in {p0}, {b} in {p1} (verschil {d})")
                } else {
                    format!("{what} revised: {a} in {p0}, {b} in {p1} (difference {d})")
                }
            }
            FindingKind::AfterPeildatum => {
                let (p, _) = v(0);
                if nl {
                    format!("{what}: de periode eindigt na de peildatum {p} van de publicatie [{pubs}]")
                } else {
                    format!("{what}: the period ends after the publication's reference date {p} [{pubs}]")
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
    crate::data::sort::sort_by(&mut out[..], |a, b| (&a.file, a.line, a.kind).cmp(&(&b.file, b.line, b.kind)));
    out
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
    fn finding(&self, kind: FindingKind, at: &Observation, values: Vec<(String, f64)>, diff: f64) -> QualityFinding {
        QualityFinding {
            kind,
            measure: self.code(at.measure),
            period: at.period,
            breakdown: at.breakdown.clone(),
            publications: vec![self.pub_id(at.publication)],
            values,
            diff,
            file: self.file(at.publication),
            line: at.line,
        }
    }
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
            let total = ix.code(o.measure);
            let Some(vals) = ps.iter().map(|&p| ix.get(o.publication, p, o.period, &o.breakdown).map(|(_, v)| (ix.code(p), v))).collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let sum: f64 = vals.iter().map(|(_, v)| v).sum();
            if differs(sum, tv) {
                let mut values = vec![(total, tv)];
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
        parts: Vec<(String, f64)>,
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
                Some(v) => g.parts.push((label, v)),
                None => g.any_unusable = true,
            }
        }
    }
    for ((p, m, period, base, di), g) in groups {
        let Some((total_obs, tv)) = ix.get(p, m, period, &base) else { continue };
        let sum: f64 = g.parts.iter().map(|(_, v)| v).sum();
        let complete = !g.any_unusable
            && match Dim::ALL.get(di as usize) {
                Some(Dim::Risicoprofiel) => g.parts.len() == 3,
                Some(Dim::Eigenaar) => g.parts.len() == 2,
                Some(Dim::Gemeente) => {
                    let needed = ix.a.gemeenten.all().iter().filter(|gm| gm.in_operation && gm.exists_on(period.end()));
                    let mut n = 0;
                    let all_there = needed.into_iter().all(|gm| {
                        n += 1;
                        g.parts.iter().any(|(l, _)| *l == gm.code.to_string())
                    });
                    all_there && n > 0
                }
                _ => false,
            };
        if (complete && differs(sum, tv)) || (!complete && sum > tv + 0.5) {
            let mut values = vec![(base.key(), tv)];
            values.extend(g.parts);
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
                out.push(ix.finding(FindingKind::CumulativeDecreases, o1, vec![(d0.to_string(), *v0), (d1.to_string(), *v1)], v1 - v0));
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
            out.push(ix.finding(FindingKind::AboveWerkvoorraad, o, vec![(WERKVOORRAAD.into(), w), (ix.code(o.measure), v)], v - w));
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
                            vec![(ix.code(earlier.measure), *ev), (ix.code(later.measure), *lv)],
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

fn labelled(path: &[&Observation]) -> Vec<(String, f64)> {
    path.iter().map(|o| (o.period.to_string(), usable(o).unwrap_or(0.0))).collect()
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
                let mut values = vec![(target.period.to_string(), tv)];
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
                let mut values = vec![(stand.period.to_string(), *value)];
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
                let mut values = vec![(target.period.to_string(), tv)];
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
                let mut f = ix.finding(FindingKind::Revision, new, vec![(ix.pub_id(old.publication), a), (ix.pub_id(new.publication), b)], b - a);
                f.publications = vec![ix.pub_id(old.publication), ix.pub_id(new.publication)];
                out.push(f);
            }
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
            out.push(ix.finding(FindingKind::AfterPeildatum, o, vec![(p.peildatum.to_string(), 0.0)], 0.0));
        }
    }
}

#[cfg(test)]
mod tests;
