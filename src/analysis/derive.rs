//! From a bronbestand to the same observations as the published archive.
//!
//! A loaded bronbestand (the synthetic demo or a user's own file) is turned into an [`Archive`]
//! with one pseudo-publication (`demo` or `eigen-bestand`) and the archive's own measure list, so
//! every chart, table and download treats it exactly like published data. Every value carries
//! [`Flag::Synthetic`] (demo) or [`Flag::Derived`] (own file, note "berekend uit bronbestand").
//!
//! Definitions (also in `docs/bronbestand-format.md`):
//! - **cumulative milestone** at a date: addresses with a date for the milestone on or before it;
//!   over a month: addresses whose date falls in the month. A missing date is not guessed.
//! - **werkvoorraad** at a date: addresses that entered it (`toegevoegd`, or an earlier milestone).
//! - **fasen 1–6** (NCG 2021): 6 afgerond (or met the norm when `afgerond` is missing);
//!   5 versterkingsbesluit, bouw gestart or bouw gereed; 4 normbesluit or planvorming;
//!   3 opname or beoordeling; 2 in the LPA; 1 in the werkvoorraad. The highest reached counts.
//! - **voldoet aan de norm**, three parts: versterkt (uitkomst versterken or sloop_nieuwbouw,
//!   dated by `bouw_gereed`, else `afgerond`), op norm (uitkomst op_norm, dated by `afgerond`,
//!   else `normbesluit`), andere reden (uitkomst andere_reden, dated by `afgerond`).
//! - observations are only made where the measure's definition holds (`Measure::holds_on`), like
//!   the published ones.
//!
//! Gemeente breakdowns use today's gemeenten (harmonised). For areas smaller than a gemeente
//! (dorp, pc4, straat, cluster) see [`area_rows`]: counts below 5 come back as
//! [`Count::Suppressed`], so a screen cannot show them by accident.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::lead_time_exact::{Cohort, Transition};
use crate::data::archive::Archive;
use crate::data::breakdown::{Breakdown, Categorie, Eigenaar, Risicoprofiel};
use crate::data::bronbestand::{Address, Milestone, Uitkomst};
use crate::data::date::{Date, Month};
use crate::data::gemeente::{GemeenteCode, Registry};
use crate::data::measure::{Measure, MeasureKind};
use crate::data::observation::{Flag, Observation};
use crate::data::period::Period;
use crate::data::publication::Publication;

/// Publication id of the synthetic demonstration data.
pub const DEMO_PUBLICATION: &str = "demo";
/// Publication id of a bronbestand the user loaded.
pub const OWN_PUBLICATION: &str = "eigen-bestand";

/// Where the addresses come from; decides the flag and the wording of every value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DerivedSource {
    /// The synthetic demonstration bronbestand, made with this seed.
    Demo { seed: u64 },
    /// A bronbestand the user loaded.
    EigenBestand,
}

impl DerivedSource {
    /// The flag every derived value carries.
    pub fn flag(&self) -> Flag {
        match self {
            DerivedSource::Demo { .. } => Flag::Synthetic,
            DerivedSource::EigenBestand => Flag::Derived,
        }
    }
    /// The note every derived value carries, as stored (Dutch, like the archive's notes); the
    /// derived archive carries its English as a translation, so that an English page shows it in
    /// English (every demo tooltip on the English pages ended in this Dutch sentence).
    pub fn note(&self) -> String {
        self.note_in(crate::i18n::Lang::Nl)
    }
    pub fn note_in(&self, lang: crate::i18n::Lang) -> String {
        let t = &crate::i18n::texts(lang).shell;
        match self {
            DerivedSource::Demo { seed } => (t.derived_note_demo)(*seed),
            DerivedSource::EigenBestand => t.derived_note_own.to_string(),
        }
    }
    /// The pseudo-publication's publisher as stored (Dutch, like the archive's data); screens name
    /// it in the reader's language through `provenance::publisher_label`, from the same catalogue.
    pub fn publisher(&self) -> &'static str {
        let t = &crate::i18n::texts(crate::i18n::Lang::Nl).shell;
        match self {
            DerivedSource::Demo { .. } => t.publisher_demo,
            DerivedSource::EigenBestand => t.publisher_own_file,
        }
    }
    /// The pseudo-publication id.
    pub fn publication_id(&self) -> &'static str {
        match self {
            DerivedSource::Demo { .. } => DEMO_PUBLICATION,
            DerivedSource::EigenBestand => OWN_PUBLICATION,
        }
    }
}

/// What to derive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeriveSpec {
    pub source: DerivedSource,
    /// The file the addresses came from (shown as the publication's document).
    pub file: String,
    /// Title of the pseudo-publication.
    pub title: String,
    /// First and last month of the monthly series (month-end stocks and monthly flows).
    /// `None`: from the first to the last month with a date in the data.
    pub months: Option<(Month, Month)>,
    /// Extra dates at which stocks and cumulative counts are also given (e.g. a peildatum).
    pub extra_dates: Vec<Date>,
    /// Also break every series down by gemeente, batch, risicoprofiel, eigenaar and categorie.
    pub breakdowns: bool,
}

impl DeriveSpec {
    /// The usual spec for the demo file.
    pub fn demo(seed: u64, file: &str) -> DeriveSpec {
        DeriveSpec {
            source: DerivedSource::Demo { seed },
            file: file.to_string(),
            title: "Synthetisch demonstratie-bronbestand (geen echte cijfers)".to_string(),
            months: None,
            extra_dates: Vec::new(),
            breakdowns: true,
        }
    }
    /// The usual spec for a user's own file.
    pub fn own(file: &str) -> DeriveSpec {
        DeriveSpec {
            source: DerivedSource::EigenBestand,
            file: file.to_string(),
            title: format!("Eigen bestand: {file}"),
            months: None,
            extra_dates: Vec::new(),
            breakdowns: true,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Per-address facts: every date the derivations need, computed once.

const ALWAYS: i64 = i64::MIN;

/// Everything derived about one address, as day numbers (days since 1970-01-01).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    /// Entry into the werkvoorraad; `i64::MIN` when unknown (counted at every date).
    pub entry: i64,
    /// Milestone days, indexed like [`Milestone::ALL`].
    pub day: [Option<i64>; 9],
    pub norm: Option<(Uitkomst, i64)>,
    pub closed: Option<i64>,
    /// `fase_from[k]`: first day the address is in fase `k` or higher (k = 1..=6; index 0 unused).
    pub fase_from: [Option<i64>; 7],
    /// `progress_from[m]`: first day a milestone at or after `m` has a date.
    pub progress_from: [Option<i64>; 9],
}

fn min_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

impl Facts {
    /// Compute the facts of one address.
    pub fn of(a: &Address) -> Facts {
        let mut day = [None; 9];
        for m in Milestone::ALL {
            if let Some(s) = day.get_mut(m.index()) {
                *s = a.day(m);
            }
        }
        let d = |m: Milestone| day.get(m.index()).copied().flatten();
        let closed = a.closed_day();
        let mut fase_from = [None; 7];
        fase_from[6] = closed;
        fase_from[5] =
            min_opt(min_opt(d(Milestone::Versterkingsbesluit), d(Milestone::BouwGestart)), min_opt(d(Milestone::BouwGereed), fase_from[6]));
        fase_from[4] = min_opt(min_opt(d(Milestone::Normbesluit), d(Milestone::Planvorming)), fase_from[5]);
        fase_from[3] = min_opt(min_opt(d(Milestone::Opname), d(Milestone::Beoordeling)), fase_from[4]);
        fase_from[2] = min_opt(d(Milestone::Lpa), fase_from[3]);
        let entry = a.entry_day().unwrap_or(ALWAYS);
        fase_from[1] = Some(entry);
        let mut progress_from = [None; 9];
        let mut acc = None;
        for m in Milestone::ALL.iter().rev() {
            acc = min_opt(acc, d(*m));
            if let Some(s) = progress_from.get_mut(m.index()) {
                *s = acc;
            }
        }
        Facts { entry, day, norm: a.norm_day(), closed, fase_from, progress_from }
    }

    fn d(&self, m: Milestone) -> Option<i64> {
        self.day.get(m.index()).copied().flatten()
    }

    /// The fase (1..=6) on `day`, or `None` when not (yet) in the werkvoorraad.
    pub fn fase_on(&self, day: i64) -> Option<u8> {
        (1..=6u8).rev().find(|k| self.fase_from.get(usize::from(*k)).copied().flatten().is_some_and(|f| f <= day))
    }
}

/// Which part of "voldoet aan de norm".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NormPart {
    /// Reinforced or newly built.
    Versterkt,
    /// Meets the norm after assessment.
    OpNorm,
    /// Other reason.
    AndereReden,
}

impl NormPart {
    fn of(u: Uitkomst) -> NormPart {
        match u {
            Uitkomst::Versterken | Uitkomst::SloopNieuwbouw => NormPart::Versterkt,
            Uitkomst::OpNorm => NormPart::OpNorm,
            Uitkomst::AndereReden => NormPart::AndereReden,
        }
    }
}

/// A count that is a plain value (a change on a date or in a period).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EventRule {
    Milestone(Milestone),
    AfgerondVersterkt,
    AfgerondAnders,
    Norm(Option<NormPart>),
}

/// A stock: addresses between entering and leaving a state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StockRule {
    Werkvoorraad,
    Fase(u8),
    NotReached(Milestone),
    VaGereed,
    BouwVoorbereiden,
    BouwInUitvoering,
    InVoorbereidingUitvoering,
    Voldoet(Option<NormPart>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    Event(EventRule),
    Stock(StockRule),
}

/// Which measure codes of `maten.csv` are derived, and how.
const RULES: [(&str, Rule); 34] = [
    ("lpa_opgenomen", Rule::Event(EventRule::Milestone(Milestone::Lpa))),
    ("opname", Rule::Event(EventRule::Milestone(Milestone::Opname))),
    ("beoordeling", Rule::Event(EventRule::Milestone(Milestone::Beoordeling))),
    ("normbesluit", Rule::Event(EventRule::Milestone(Milestone::Normbesluit))),
    ("planvorming_gestart", Rule::Event(EventRule::Milestone(Milestone::Planvorming))),
    ("versterkingsbesluit", Rule::Event(EventRule::Milestone(Milestone::Versterkingsbesluit))),
    ("bouw_gestart", Rule::Event(EventRule::Milestone(Milestone::BouwGestart))),
    ("bouw_gereed", Rule::Event(EventRule::Milestone(Milestone::BouwGereed))),
    ("uitvoering_gereed", Rule::Event(EventRule::Milestone(Milestone::Afgerond))),
    ("traject_afgerond", Rule::Event(EventRule::Milestone(Milestone::Afgerond))),
    ("afgerond_versterkt", Rule::Event(EventRule::AfgerondVersterkt)),
    ("afgerond_anders", Rule::Event(EventRule::AfgerondAnders)),
    ("beoordelingsrapport", Rule::Event(EventRule::Milestone(Milestone::Beoordeling))),
    ("besluit_op_norm", Rule::Event(EventRule::Norm(Some(NormPart::OpNorm)))),
    ("veilig_verklaard", Rule::Event(EventRule::Norm(None))),
    ("werkvoorraad", Rule::Stock(StockRule::Werkvoorraad)),
    ("werkvoorraad_in_fasen", Rule::Stock(StockRule::Werkvoorraad)),
    ("fase_1", Rule::Stock(StockRule::Fase(1))),
    ("fase_2", Rule::Stock(StockRule::Fase(2))),
    ("fase_3", Rule::Stock(StockRule::Fase(3))),
    ("fase_4", Rule::Stock(StockRule::Fase(4))),
    ("fase_5", Rule::Stock(StockRule::Fase(5))),
    ("fase_6", Rule::Stock(StockRule::Fase(6))),
    ("nog_op_te_nemen", Rule::Stock(StockRule::NotReached(Milestone::Opname))),
    ("nog_te_beoordelen", Rule::Stock(StockRule::NotReached(Milestone::Beoordeling))),
    ("niet_in_planvorming", Rule::Stock(StockRule::NotReached(Milestone::Planvorming))),
    ("va_gereed", Rule::Stock(StockRule::VaGereed)),
    ("bouw_voorbereiden", Rule::Stock(StockRule::BouwVoorbereiden)),
    ("bouw_in_uitvoering", Rule::Stock(StockRule::BouwInUitvoering)),
    ("in_voorbereiding_uitvoering", Rule::Stock(StockRule::InVoorbereidingUitvoering)),
    ("voldoet_norm", Rule::Stock(StockRule::Voldoet(None))),
    ("voldoet_versterkt", Rule::Stock(StockRule::Voldoet(Some(NormPart::Versterkt)))),
    ("voldoet_op_norm", Rule::Stock(StockRule::Voldoet(Some(NormPart::OpNorm)))),
    ("voldoet_andere_reden", Rule::Stock(StockRule::Voldoet(Some(NormPart::AndereReden)))),
];

#[inline(always)]
fn event_day(f: &Facts, r: EventRule) -> Option<i64> {
    match r {
        EventRule::Milestone(m) => f.d(m),
        EventRule::AfgerondVersterkt => f.d(Milestone::Afgerond).filter(|_| f.norm.is_some_and(|(u, _)| u.needs_construction())),
        EventRule::AfgerondAnders => f.d(Milestone::Afgerond).filter(|_| f.norm.is_some_and(|(u, _)| !u.needs_construction())),
        EventRule::Norm(part) => f.norm.filter(|(u, _)| part.is_none_or(|p| NormPart::of(*u) == p)).map(|(_, d)| d),
    }
}

/// (enter, exit) of a stock; `exit` is never before `enter`.
#[inline(always)]
fn stock_span(f: &Facts, r: StockRule) -> Option<(i64, Option<i64>)> {
    let d = |m| f.d(m);
    let (enter, exit) = match r {
        StockRule::Werkvoorraad => (Some(f.entry), None),
        StockRule::Fase(k) => {
            let k = usize::from(k);
            (f.fase_from.get(k).copied().flatten(), f.fase_from.get(k + 1).copied().flatten())
        }
        StockRule::NotReached(m) => (Some(f.entry), f.progress_from.get(m.index()).copied().flatten()),
        StockRule::VaGereed => (
            min_opt(d(Milestone::Normbesluit), d(Milestone::Planvorming)),
            min_opt(min_opt(d(Milestone::BouwGestart), d(Milestone::BouwGereed)), f.closed),
        ),
        StockRule::BouwVoorbereiden => {
            (d(Milestone::Versterkingsbesluit), min_opt(min_opt(d(Milestone::BouwGestart), d(Milestone::BouwGereed)), f.closed))
        }
        StockRule::BouwInUitvoering => (d(Milestone::BouwGestart), min_opt(d(Milestone::BouwGereed), f.closed)),
        StockRule::InVoorbereidingUitvoering => {
            (min_opt(d(Milestone::Versterkingsbesluit), d(Milestone::BouwGestart)), min_opt(d(Milestone::BouwGereed), f.closed))
        }
        StockRule::Voldoet(part) => (f.norm.filter(|(u, _)| part.is_none_or(|p| NormPart::of(*u) == p)).map(|(_, d)| d), None),
    };
    let enter = enter?;
    Some((enter, exit.map(|x| x.max(enter))))
}

fn counts_on(f: &Facts, rule: Rule, day: i64) -> bool {
    match rule {
        Rule::Event(r) => event_day(f, r).is_some_and(|d| d <= day),
        Rule::Stock(r) => stock_span(f, r).is_some_and(|(a, b)| a <= day && b.is_none_or(|b| b > day)),
    }
}

// ---------------------------------------------------------------------------------------------
// Direct counts at any date.

/// The three parts of "voldoet aan de veiligheidsnorm".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NormSplit {
    pub versterkt: u64,
    pub op_norm: u64,
    pub andere_reden: u64,
}

impl NormSplit {
    /// The sum of the three parts (voldoet_norm).
    pub fn total(&self) -> u64 {
        self.versterkt + self.op_norm + self.andere_reden
    }
}

/// All headline counts on one date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub date: Date,
    pub werkvoorraad: u64,
    /// Addresses with a date on or before `date`, per milestone (indexed like [`Milestone::ALL`]).
    pub reached: [u64; 9],
    /// Fase 1..=6 (index 0 is fase 1).
    pub fases: [u64; 6],
    pub norm: NormSplit,
    /// Afgerond, split by outcome: reinforced/newly built vs otherwise.
    pub afgerond_versterkt: u64,
    pub afgerond_anders: u64,
}

impl Snapshot {
    /// Count of a milestone.
    pub fn reached(&self, m: Milestone) -> u64 {
        self.reached.get(m.index()).copied().unwrap_or(0)
    }
}

/// Headline counts of some addresses on `at` (filter the iterator for a breakdown).
pub fn snapshot<'a>(addresses: impl IntoIterator<Item = &'a Address>, at: Date) -> Snapshot {
    let day = at.to_days();
    let mut s = Snapshot {
        date: at,
        werkvoorraad: 0,
        reached: [0; 9],
        fases: [0; 6],
        norm: NormSplit::default(),
        afgerond_versterkt: 0,
        afgerond_anders: 0,
    };
    for a in addresses {
        let f = Facts::of(a);
        if f.entry <= day {
            s.werkvoorraad += 1;
        }
        for m in Milestone::ALL {
            if f.d(m).is_some_and(|d| d <= day)
                && let Some(c) = s.reached.get_mut(m.index())
            {
                *c += 1;
            }
        }
        if let Some(k) = f.fase_on(day)
            && let Some(c) = s.fases.get_mut(usize::from(k) - 1)
        {
            *c += 1;
        }
        if let Some((u, d)) = f.norm
            && d <= day
        {
            match NormPart::of(u) {
                NormPart::Versterkt => s.norm.versterkt += 1,
                NormPart::OpNorm => s.norm.op_norm += 1,
                NormPart::AndereReden => s.norm.andere_reden += 1,
            }
        }
        if event_day(&f, EventRule::AfgerondVersterkt).is_some_and(|d| d <= day) {
            s.afgerond_versterkt += 1;
        }
        if event_day(&f, EventRule::AfgerondAnders).is_some_and(|d| d <= day) {
            s.afgerond_anders += 1;
        }
    }
    s
}

/// Addresses whose date for `m` falls in `start..=end` (a flow).
pub fn flow<'a>(addresses: impl IntoIterator<Item = &'a Address>, m: Milestone, start: Date, end: Date) -> u64 {
    let (a, b) = (start.to_days(), end.to_days());
    addresses.into_iter().filter(|x| x.day(m).is_some_and(|d| a <= d && d <= b)).count() as u64
}

/// Addresses that met the norm (any part, or one part) in `start..=end`.
pub fn norm_flow<'a>(addresses: impl IntoIterator<Item = &'a Address>, part: Option<NormPart>, start: Date, end: Date) -> u64 {
    let (a, b) = (start.to_days(), end.to_days());
    addresses
        .into_iter()
        .filter_map(Address::norm_day)
        .filter(|(u, d)| part.is_none_or(|p| NormPart::of(*u) == p) && a <= *d && *d <= b)
        .count() as u64
}

// ---------------------------------------------------------------------------------------------
// The archive.

/// Breakdown slots: the total plus one per value of each dimension present in the data.
struct Slots {
    list: Vec<Breakdown>,
    gemeente: BTreeMap<GemeenteCode, usize>,
    batch: BTreeMap<Arc<str>, usize>,
    /// The slot of each value of `Risicoprofiel::ALL`, `Eigenaar::ALL`, `Categorie::ALL` present.
    profiel: [Option<usize>; 3],
    eigenaar: [Option<usize>; 2],
    categorie: [Option<usize>; 5],
}

/// Position of a value in its `ALL` list.
fn pos<T: PartialEq>(all: &[T], x: &T) -> Option<usize> {
    all.iter().position(|y| y == x)
}

/// The values of `all` marked in `seen`, in their `Ord` order (the order of a `BTreeSet`).
fn present<T: Copy + Ord>(all: &[T], seen: &[bool]) -> Vec<T> {
    let mut v: Vec<T> = all.iter().zip(seen).filter(|(_, s)| **s).map(|(x, _)| *x).collect();
    crate::data::sort::sort(&mut v);
    v
}

/// The last lookups of [`Slots::of`]: neighbouring rows usually share gemeente and (interned) batch.
#[derive(Default)]
struct SlotCache {
    gemeente: Option<(GemeenteCode, Option<usize>)>,
    batch: Option<(Arc<str>, Option<usize>)>,
}

impl Slots {
    fn build(scan: &Scan, with_breakdowns: bool) -> Slots {
        let mut s = Slots {
            list: vec![Breakdown::default()],
            gemeente: BTreeMap::new(),
            batch: BTreeMap::new(),
            profiel: [None; 3],
            eigenaar: [None; 2],
            categorie: [None; 5],
        };
        if !with_breakdowns {
            return s;
        }
        for x in &scan.gemeenten {
            s.gemeente.insert(*x, s.list.len());
            s.list.push(Breakdown { gemeente: Some(*x), ..Breakdown::default() });
        }
        for x in &scan.batches {
            s.batch.insert(Arc::clone(x), s.list.len());
            s.list.push(Breakdown { batch: Some(Arc::clone(x)), ..Breakdown::default() });
        }
        for x in present(&Risicoprofiel::ALL, &scan.profielen) {
            if let Some(slot) = pos(&Risicoprofiel::ALL, &x).and_then(|i| s.profiel.get_mut(i)) {
                *slot = Some(s.list.len());
            }
            s.list.push(Breakdown { risicoprofiel: Some(x), ..Breakdown::default() });
        }
        for x in present(&Eigenaar::ALL, &scan.eigenaren) {
            if let Some(slot) = pos(&Eigenaar::ALL, &x).and_then(|i| s.eigenaar.get_mut(i)) {
                *slot = Some(s.list.len());
            }
            s.list.push(Breakdown { eigenaar: Some(x), ..Breakdown::default() });
        }
        for x in present(&Categorie::ALL, &scan.categorieen) {
            if let Some(slot) = pos(&Categorie::ALL, &x).and_then(|i| s.categorie.get_mut(i)) {
                *slot = Some(s.list.len());
            }
            s.list.push(Breakdown { categorie: Some(x), ..Breakdown::default() });
        }
        s
    }

    /// Counters beyond the slots: with breakdowns, one per (gemeente, risicoprofiel, eigenaar)
    /// "cell". Every address has exactly one of each, so it is counted once in its cell, and the
    /// total and the gemeente, profile and owner slots are sums of cells (see
    /// [`Counting::fill_cells`]): two increments per address and rule instead of five.
    fn cells(&self) -> usize {
        if self.list.len() == 1 { 0 } else { self.gemeente.len() * Risicoprofiel::ALL.len() * Eigenaar::ALL.len() }
    }

    /// The counters an address is counted in: without breakdowns the total; with breakdowns its
    /// cell, its batch and its categorie. Returns how many of `out` are used.
    fn of(&self, a: &Address, out: &mut [usize; 3], cache: &mut SlotCache) -> usize {
        if self.list.len() == 1 {
            out[0] = 0;
            return 1;
        }
        let mut n = 0;
        let mut put = |x: Option<usize>| {
            if let (Some(x), Some(slot)) = (x, out.get_mut(n)) {
                *slot = x;
                n += 1;
            }
        };
        // The gemeente slots come first after the total: the gemeente's ordinal is slot - 1.
        let g = match cache.gemeente {
            Some((c, i)) if c == a.gemeente_nu => i,
            _ => {
                let i = self.gemeente.get(&a.gemeente_nu).copied();
                cache.gemeente = Some((a.gemeente_nu, i));
                i
            }
        };
        let p = pos(&Risicoprofiel::ALL, &a.risicoprofiel);
        let e = pos(&Eigenaar::ALL, &a.eigenaar);
        if let (Some(g), Some(p), Some(e)) = (g, p, e) {
            put(Some(self.list.len() + ((g - 1) * Risicoprofiel::ALL.len() + p) * Eigenaar::ALL.len() + e));
        }
        if let Some(b) = &a.batch {
            let hit = match &cache.batch {
                Some((lb, i)) if Arc::ptr_eq(lb, b) => *i,
                _ => {
                    let i = self.batch.get(b).copied();
                    cache.batch = Some((Arc::clone(b), i));
                    i
                }
            };
            put(hit);
        }
        if let Some(c) = a.categorie {
            put(pos(&Categorie::ALL, &c).and_then(|i| self.categorie.get(i).copied().flatten()));
        }
        n
    }
}

/// Lead-time measures: (code, cohort, transition or total). Every transition is a step of its
/// cohort's chain (a test checks this), so its mean is one of the chain sums.
const LEAD_TIMES: [(&str, Cohort, Option<Transition>); 9] = [
    ("doorlooptijd_opname_beoordeling_afgerond", Cohort::Completed, Some(Transition::OpnameBeoordeling)),
    ("wachttijd_beoordeling_planvorming_afgerond", Cohort::Completed, Some(Transition::BeoordelingPlanvorming)),
    ("doorlooptijd_planvorming_gereed_afgerond", Cohort::Completed, Some(Transition::PlanvormingGereed)),
    ("doorlooptijd_totaal_afgerond", Cohort::Completed, None),
    ("doorlooptijd_opname_beoordeling_in_planvorming", Cohort::InPlanvorming, Some(Transition::OpnameBeoordeling)),
    ("wachttijd_beoordeling_planvorming_in_planvorming", Cohort::InPlanvorming, Some(Transition::BeoordelingPlanvorming)),
    ("doorlooptijd_totaal_in_planvorming", Cohort::InPlanvorming, None),
    ("doorlooptijd_opname_beoordeling_beoordeeld", Cohort::Beoordeeld, Some(Transition::OpnameBeoordeling)),
    ("doorlooptijd_totaal_beoordeeld", Cohort::Beoordeeld, None),
];

/// The cohorts of [`LEAD_TIMES`].
const LEAD_COHORTS: [Cohort; 3] = [Cohort::Completed, Cohort::InPlanvorming, Cohort::Beoordeeld];

/// Per lead date: addresses with the whole chain, the sum of each step and of the total.
type ChainSums = [i64; 5];

/// What the first pass finds: the month range, the latest milestone, the breakdown values.
#[derive(Default)]
struct Scan {
    lo: Option<i64>,
    hi: Option<i64>,
    latest: Option<i64>,
    gemeenten: BTreeSet<GemeenteCode>,
    batches: BTreeSet<Arc<str>>,
    /// Seen, per value of `Risicoprofiel::ALL`, `Eigenaar::ALL`, `Categorie::ALL`.
    profielen: [bool; 3],
    eigenaren: [bool; 2],
    categorieen: [bool; 5],
    last_gemeente: Option<GemeenteCode>,
    last_batch: Option<Arc<str>>,
}

fn mark(seen: &mut [bool], i: Option<usize>) {
    if let Some(s) = i.and_then(|i| seen.get_mut(i)) {
        *s = true;
    }
}

impl Scan {
    fn add(&mut self, a: &Address, breakdowns: bool) {
        let mut lo = self.lo.unwrap_or(i64::MAX);
        let mut hi = self.hi.unwrap_or(i64::MIN);
        let mut latest = self.latest;
        for m in Milestone::ALL {
            if let Some(d) = a.day(m) {
                lo = lo.min(d);
                hi = hi.max(d);
                latest = Some(latest.map_or(d, |l: i64| l.max(d)));
            }
        }
        if let Some(d) = a.toegevoegd_day() {
            lo = lo.min(d);
            hi = hi.max(d);
        }
        if lo <= hi {
            (self.lo, self.hi) = (Some(lo), Some(hi));
        }
        self.latest = latest;
        if !breakdowns {
            return;
        }
        if self.last_gemeente != Some(a.gemeente_nu) {
            self.gemeenten.insert(a.gemeente_nu);
            self.last_gemeente = Some(a.gemeente_nu);
        }
        if let Some(x) = &a.batch
            && !self.last_batch.as_ref().is_some_and(|l| Arc::ptr_eq(l, x))
        {
            self.batches.insert(Arc::clone(x));
            self.last_batch = Some(Arc::clone(x));
        }
        mark(&mut self.profielen, pos(&Risicoprofiel::ALL, &a.risicoprofiel));
        mark(&mut self.eigenaren, pos(&Eigenaar::ALL, &a.eigenaar));
        if let Some(x) = a.categorie {
            mark(&mut self.categorieen, pos(&Categorie::ALL, &x));
        }
    }

    /// The month range of the data: first and last month with any date.
    fn months(&self) -> Option<(Month, Month)> {
        let (lo, hi) = (self.lo?, self.hi?);
        Some((Date::from_days(lo)?.month_of(), Date::from_days(hi)?.month_of()))
    }
}

/// The data's last stand is on its last date (`hi`, the latest date of any kind in the data), not
/// on the end of that month: a file whose last date is 1 January 2020 has no figures "on 31
/// January 2020". (The gemeente page's tiles said "op 31 januari 2020" while its phase chart,
/// counted from the addresses, said "Op 1 januari 2020".) Only when the month range is the
/// data's own (`spec.months` is `None`).
fn cap_last_end(ends: &mut [i64], spec: &DeriveSpec, hi: Option<i64>) {
    if spec.months.is_none()
        && let (Some(hi), Some(last)) = (hi, ends.last_mut())
        && hi < *last
    {
        *last = hi;
    }
}

/// Rules that always give the same counts share one histogram: a "voldoet" stock part
/// never ends, so it is the cumulative count of the same norm event.
fn histogram_rule(r: Rule) -> Rule {
    match r {
        Rule::Event(EventRule::Norm(p)) => Rule::Stock(StockRule::Voldoet(p)),
        r => r,
    }
}

/// The second pass: per (slot, distinct rule) the enters and exits per month bucket, the
/// counts on the extra dates, and the lead-time chain sums per lead date (as differences along
/// the dates).
struct Counting {
    months: Vec<Month>,
    ends: Vec<i64>,
    /// `bucket_of[d - ends[0] - 1]`: the month bucket of day `d` in `ends[0] + 1 ..= ends[last]`.
    bucket_of: Vec<u32>,
    slots: Slots,
    /// The rules that apply: measure index, rule, index of its histogram in `rules`.
    active: Vec<(u32, Rule, usize)>,
    /// The distinct histograms.
    rules: Vec<Rule>,
    enter: Vec<u32>,
    exit: Vec<u32>,
    extra_days: Vec<i64>,
    extra_counts: Vec<u64>,
    lead_dates: Vec<Date>,
    lead_days: Vec<i64>,
    /// Per cohort of [`LEAD_COHORTS`], per lead date (plus one): differences of [`ChainSums`].
    lead: [Vec<ChainSums>; 3],
    cache: SlotCache,
}

impl Counting {
    fn new(scan: &Scan, measures: &[Measure], spec: &DeriveSpec) -> Counting {
        let (first, last) = match spec.months.or_else(|| scan.months()) {
            Some(r) => r,
            None => (Date::Y2K.month_of(), Date::Y2K.month_of()),
        };
        let last = last.max(first);
        // Month ends, starting one month before `first` so that the first month has a flow.
        let month_count = usize::try_from(last.index() - first.index() + 2).unwrap_or(1);
        let months: Vec<Month> = (0..month_count).filter_map(|i| first.add(i as i64 - 1)).collect();
        let mut ends: Vec<i64> = months.iter().map(|m| m.last_day().to_days()).collect();
        cap_last_end(&mut ends, spec, scan.hi);
        let mut bucket_of = Vec::new();
        for (i, w) in ends.windows(2).enumerate() {
            if let [a, b] = w {
                let n = usize::try_from(b - a).unwrap_or(0);
                bucket_of.extend(std::iter::repeat_n(u32::try_from(i + 1).unwrap_or(u32::MAX), n));
            }
        }
        let slots = Slots::build(scan, spec.breakdowns);
        let mut rules: Vec<Rule> = Vec::new();
        let active: Vec<(u32, Rule, usize)> = RULES
            .iter()
            .filter_map(|(code, rule)| {
                let i = measures.iter().position(|m| m.code == *code)?;
                let h = histogram_rule(*rule);
                let hi = match rules.iter().position(|r| *r == h) {
                    Some(x) => x,
                    None => {
                        rules.push(h);
                        rules.len() - 1
                    }
                };
                Some((u32::try_from(i).ok()?, *rule, hi))
            })
            .collect();
        let counters = slots.list.len() + slots.cells();
        let size = rules.len() * counters * ends.len();
        let extra_days: Vec<i64> = spec.extra_dates.iter().map(|d| d.to_days()).collect();
        let extra_counts = vec![0u64; rules.len() * counters * extra_days.len()];
        // Mean lead times (totals only) at every year end, the last month end and the extra dates.
        let peildatum = ends.last().and_then(|d| Date::from_days(*d)).unwrap_or(Date::Y2K);
        let mut lead_dates: Vec<Date> =
            months.iter().skip(1).filter(|m| m.month() == 12).map(|m| m.last_day()).filter(|d| *d <= peildatum).collect();
        lead_dates.push(peildatum);
        lead_dates.extend(spec.extra_dates.iter().copied());
        crate::data::sort::sort(&mut lead_dates);
        lead_dates.dedup();
        let lead_days: Vec<i64> = lead_dates.iter().map(|d| d.to_days()).collect();
        let sums = vec![[0i64; 5]; lead_days.len() + 1];
        Counting {
            months,
            ends,
            bucket_of,
            slots,
            active,
            rules,
            enter: vec![0; size],
            exit: vec![0; size],
            extra_days,
            extra_counts,
            lead_dates,
            lead_days,
            lead: [sums.clone(), sums.clone(), sums],
            cache: SlotCache::default(),
        }
    }

    /// The month bucket of a day: the first month end on or after it.
    #[inline(always)]
    fn bucket(&self, d: i64) -> Option<usize> {
        let first = *self.ends.first()?;
        if d <= first {
            return Some(0);
        }
        self.bucket_of.get(usize::try_from(d - first - 1).ok()?).map(|&b| b as usize)
    }

    fn add(&mut self, a: &Address) {
        let f = Facts::of(a);
        let mut my = [0usize; 3];
        let n = self.slots.of(a, &mut my, &mut self.cache);
        let my = my.get(..n).unwrap_or(&[]);
        let nb = self.ends.len();
        let nr = self.rules.len();
        let ne = self.extra_days.len();
        for (ri, rule) in self.rules.iter().enumerate() {
            let (en, ex) = match *rule {
                Rule::Event(r) => (event_day(&f, r), None),
                Rule::Stock(r) => match stock_span(&f, r) {
                    Some((a, b)) => (Some(a), b),
                    None => (None, None),
                },
            };
            let Some(en) = en else { continue };
            if let Some(b) = self.bucket(en) {
                for &s in my {
                    if let Some(c) = self.enter.get_mut((s * nr + ri) * nb + b) {
                        *c += 1;
                    }
                }
            }
            if let Some(b) = ex.and_then(|x| self.bucket(x)) {
                for &s in my {
                    if let Some(c) = self.exit.get_mut((s * nr + ri) * nb + b) {
                        *c += 1;
                    }
                }
            }
            for (k, &day) in self.extra_days.iter().enumerate() {
                if counts_on(&f, *rule, day) {
                    for &s in my {
                        if let Some(c) = self.extra_counts.get_mut((s * nr + ri) * ne + k) {
                            *c += 1;
                        }
                    }
                }
            }
        }
        for (cohort, sums) in LEAD_COHORTS.iter().zip(self.lead.iter_mut()) {
            let Some(c) = cohort.chain_contribution(a, &f) else { continue };
            let i0 = self.lead_days.partition_point(|&d| d < c.from);
            let i1 = c.until.map_or(self.lead_days.len(), |u| self.lead_days.partition_point(|&d| d < u));
            if i0 >= i1 {
                continue;
            }
            let [s0, s1, s2] = c.steps;
            let v = [1, s0, s1, s2, c.total];
            if let Some(x) = sums.get_mut(i0) {
                x.iter_mut().zip(v).for_each(|(x, v)| *x += v);
            }
            if let Some(x) = sums.get_mut(i1) {
                x.iter_mut().zip(v).for_each(|(x, v)| *x -= v);
            }
        }
    }

    /// Every observation, in order, to `push(measure, period, breakdown, value)`
    /// ([`Derivation::finish`] first sizes its vector with [`Counting::emitted`], so that it
    /// is written without the copies of a growing one).
    fn emit(&self, measures: &[Measure], spec: &DeriveSpec, push: impl FnMut(u32, Period, &Breakdown, f64)) {
        self.walk(measures, spec, false, push, |_| {});
    }

    /// How many observations [`Counting::emit`] makes, without making them (to size the vector).
    fn emitted(&self, measures: &[Measure], spec: &DeriveSpec) -> usize {
        let mut n = 0usize;
        let mut more = 0usize;
        self.walk(measures, spec, true, |_, _, _, _| n += 1, |k| more += k);
        n + more
    }

    /// [`Counting::emit`]; with `count_only`, the series values are not made but only counted
    /// (`skipped(how many)` per measure and breakdown).
    fn walk(
        &self,
        measures: &[Measure],
        spec: &DeriveSpec,
        count_only: bool,
        mut push: impl FnMut(u32, Period, &Breakdown, f64),
        mut skipped: impl FnMut(usize),
    ) {
        let nb = self.ends.len();
        let nr = self.rules.len();
        let ne = self.extra_days.len();
        // Per month (the same for every breakdown of a measure): its end, and whether the
        // measure gives a value at the end and a flow over the month; the extra dates it counts on.
        let mut months: Vec<(Date, bool, bool)> = Vec::with_capacity(self.months.len());
        let mut extras: Vec<(usize, Date)> = Vec::with_capacity(spec.extra_dates.len());
        // `after[b]`: the values made in months `b..` (month 0 excluded) once a breakdown has started.
        let mut after: Vec<usize> = Vec::with_capacity(self.months.len() + 1);
        for (mi, rule, ri) in self.active.iter() {
            let ri = *ri;
            let Some(measure) = measures.get(*mi as usize) else { continue };
            let at = measure.kind.allows_date();
            let flows = matches!(rule, Rule::Event(_))
                && measure.kind.allows_interval()
                && matches!(measure.kind, MeasureKind::Cumulative | MeasureKind::Flow);
            months.clear();
            months.extend(self.months.iter().zip(&self.ends).map(|(m, e)| {
                let end = Date::from_days(*e).unwrap_or_else(|| m.last_day());
                let holds = measure.holds_on(end);
                (end, at && holds, flows && holds && measure.holds_on(m.first_day()))
            }));
            extras.clear();
            extras.extend(
                spec.extra_dates
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| at && measure.holds_on(**d) && !self.ends.contains(&d.to_days()))
                    .map(|(k, d)| (k, *d)),
            );
            if count_only {
                after.clear();
                after.resize(months.len() + 1, 0);
                for (b, &(_, at_end, flow)) in months.iter().enumerate().skip(1).rev() {
                    let next = after.get(b + 1).copied().unwrap_or(0);
                    if let Some(x) = after.get_mut(b) {
                        *x = next + usize::from(at_end) + usize::from(flow);
                    }
                }
            }
            for (s, breakdown) in self.slots.list.iter().enumerate() {
                let base = (s * nr + ri) * nb;
                let en = self.enter.get(base..base + nb).unwrap_or(&[]);
                let ex = self.exit.get(base..base + nb).unwrap_or(&[]);
                if count_only {
                    // The first month with a value: month 1 for the total, else the first with
                    // a non-zero level or inflow (the same rule as below).
                    let mut level = 0i64;
                    let mut first = None;
                    for b in 0..months.len() {
                        let e_in = i64::from(en.get(b).copied().unwrap_or(0));
                        let e_out = i64::from(ex.get(b).copied().unwrap_or(0));
                        level += e_in - e_out;
                        if b > 0 && (s == 0 || level != 0 || e_in != 0) {
                            first = Some(b);
                            break;
                        }
                    }
                    skipped(first.and_then(|b| after.get(b).copied()).unwrap_or(0) + extras.len());
                    continue;
                }
                let mut level = 0i64;
                let mut started = s == 0;
                for (b, (month, &(end, at_end, flow))) in self.months.iter().zip(&months).enumerate() {
                    let e_in = i64::from(en.get(b).copied().unwrap_or(0));
                    let e_out = i64::from(ex.get(b).copied().unwrap_or(0));
                    level += e_in - e_out;
                    if b == 0 {
                        continue; // the bucket before the first month only carries the history
                    }
                    started |= level != 0 || e_in != 0;
                    if !started {
                        continue; // no leading zeros for breakdowns
                    }
                    if at_end {
                        push(*mi, Period::At(end), breakdown, level.max(0) as f64);
                    }
                    if flow {
                        push(*mi, Period::Month(*month), breakdown, e_in as f64);
                    }
                }
                for &(k, d) in &extras {
                    let v = self.extra_counts.get((s * nr + ri) * ne + k).copied().unwrap_or(0);
                    push(*mi, Period::At(d), breakdown, v as f64);
                }
            }
        }

        // Mean lead times (totals only): the chain sums, accumulated along the lead dates.
        let mut sums: [Vec<ChainSums>; 3] = Default::default();
        for (out, diff) in sums.iter_mut().zip(&self.lead) {
            let mut acc = [0i64; 5];
            for d in diff.iter().take(self.lead_days.len()) {
                acc.iter_mut().zip(d).for_each(|(a, d)| *a += d);
                out.push(acc);
            }
        }
        for (code, cohort, transition) in LEAD_TIMES {
            let Some(mi) = measures.iter().position(|m| m.code == code).and_then(|i| u32::try_from(i).ok()) else { continue };
            let Some(ci) = LEAD_COHORTS.iter().position(|x| *x == cohort) else { continue };
            let column = match transition {
                Some(t) => match cohort.chain_steps().iter().position(|x| *x == t) {
                    Some(i) => i + 1,
                    None => continue,
                },
                None => 4,
            };
            let Some(per_date) = sums.get(ci) else { continue };
            for (d, x) in self.lead_dates.iter().zip(per_date) {
                let n = x[0];
                let Some(sum) = x.get(column).copied() else { continue };
                if n > 0 {
                    let v = sum as f64 / n as f64;
                    push(mi, Period::At(*d), &Breakdown::default(), (v * 10.0).round() / 10.0);
                }
            }
        }

    }

    /// With breakdowns: add every (gemeente, risicoprofiel, eigenaar) cell's histograms and
    /// extra counts to the total and to its gemeente, profile and owner slots.
    fn fill_cells(&mut self) {
        let slots = self.slots.list.len();
        let per = self.rules.len() * self.ends.len();
        let per_extra = self.rules.len() * self.extra_days.len();
        let (np, ne) = (Risicoprofiel::ALL.len(), Eigenaar::ALL.len());
        for c in 0..self.slots.cells() {
            let (g, p, e) = (c / (np * ne), (c / ne) % np, c % ne);
            let targets = [
                Some(0),
                Some(1 + g),
                self.slots.profiel.get(p).copied().flatten(),
                self.slots.eigenaar.get(e).copied().flatten(),
            ];
            for t in targets.into_iter().flatten() {
                for (v, per) in [(&mut self.enter, per), (&mut self.exit, per)] {
                    add_block(v, slots + c, t, per);
                }
                add_block(&mut self.extra_counts, slots + c, t, per_extra);
            }
        }
    }
}

/// `v[to block] += v[from block]`, blocks of `per` values (`to` < `from`).
fn add_block<T: Copy + std::ops::AddAssign>(v: &mut [T], from: usize, to: usize, per: usize) {
    let at = (from * per).min(v.len());
    let (head, tail) = v.split_at_mut(at);
    if let (Some(dst), Some(src)) = (head.get_mut(to * per..(to + 1) * per), tail.get(..per)) {
        dst.iter_mut().zip(src).for_each(|(d, x)| *d += *x);
    }
}

/// Which pass a [`Derivation`] is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DerivePhase {
    /// First pass: month range and breakdown values.
    Scan,
    /// Second pass: counts per month, breakdown and lead date.
    Count,
    /// Both passes done; [`Derivation::finish`] makes the archive.
    Done,
}

/// [`derive_archive`] in steps, so that a caller (the browser) can give the event loop a turn
/// between them: two passes over the addresses, then the observations are written out.
///
/// ```
/// # use versterkingsmonitor::analysis::derive::{Derivation, DeriveSpec};
/// # use versterkingsmonitor::data::gemeente::Registry;
/// let (addresses, measures, registry) = (Vec::new(), Vec::new(), Registry::default());
/// let spec = DeriveSpec::own("x.csv");
/// let mut d = Derivation::new(&addresses, &measures, &registry, &spec);
/// while !d.step(10_000) {}
/// let archive = d.finish();
/// assert_eq!(archive.publications.len(), 1);
/// ```
pub struct Derivation<'a> {
    addresses: &'a [Address],
    measures: &'a [Measure],
    gemeenten: &'a Registry,
    spec: &'a DeriveSpec,
    phase: DerivePhase,
    position: usize,
    scan: Scan,
    count: Option<Counting>,
}

impl<'a> Derivation<'a> {
    pub fn new(addresses: &'a [Address], measures: &'a [Measure], gemeenten: &'a Registry, spec: &'a DeriveSpec) -> Derivation<'a> {
        Derivation { addresses, measures, gemeenten, spec, phase: DerivePhase::Scan, position: 0, scan: Scan::default(), count: None }
    }

    /// Process at most `max_addresses` more addresses. Returns `true` once both passes are done.
    pub fn step(&mut self, max_addresses: usize) -> bool {
        let mut budget = max_addresses;
        while budget > 0 {
            let end = self.position.saturating_add(budget).min(self.addresses.len());
            let chunk = self.addresses.get(self.position..end).unwrap_or(&[]);
            budget -= chunk.len();
            match self.phase {
                DerivePhase::Done => return true,
                DerivePhase::Scan => chunk.iter().for_each(|a| self.scan.add(a, self.spec.breakdowns)),
                DerivePhase::Count => {
                    if let Some(c) = self.count.as_mut() {
                        chunk.iter().for_each(|a| c.add(a));
                    }
                }
            }
            self.position = end;
            if self.position >= self.addresses.len() {
                self.position = 0;
                self.phase = match self.phase {
                    DerivePhase::Scan => {
                        self.count = Some(Counting::new(&self.scan, self.measures, self.spec));
                        DerivePhase::Count
                    }
                    _ => DerivePhase::Done,
                };
            }
        }
        self.phase == DerivePhase::Done
    }

    /// The pass under way.
    pub fn phase(&self) -> DerivePhase {
        self.phase
    }

    /// Addresses done in both passes together, out of twice the number of addresses.
    pub fn progress(&self) -> (usize, usize) {
        let n = self.addresses.len();
        let done = match self.phase {
            DerivePhase::Scan => self.position,
            DerivePhase::Count => n + self.position,
            DerivePhase::Done => 2 * n,
        };
        (done, 2 * n)
    }

    /// The latest milestone date of any address (known after the first pass).
    pub fn latest_milestone(&self) -> Option<Date> {
        self.scan.latest.and_then(Date::from_days)
    }

    /// The archive (finishing any pass still under way first).
    pub fn finish(mut self) -> Archive {
        while !self.step(usize::MAX) {}
        let spec = self.spec;
        let flag = spec.source.flag();
        let note = spec.source.note();
        // One allocation each, shared by every observation.
        let source: Arc<str> = Arc::from(spec.file.as_str());
        let shared_note: Arc<str> = Arc::from(note.as_str());
        let Some(mut c) = self.count.take() else {
            // Unreachable: the first pass always ends by making the counts.
            return Archive::default();
        };
        let peildatum = c.ends.last().and_then(|d| Date::from_days(*d)).unwrap_or(Date::Y2K);
        let publication = Publication {
            id: spec.source.publication_id().to_string(),
            peildatum,
            published: None,
            published_at_latest: false,
            peildatum_stated: true,
            publisher: spec.source.publisher().to_string(),
            quoted_by: None,
            title: spec.title.clone(),
            url: None,
            document: Some(spec.file.clone()),
            file: spec.file.clone(),
            notes: note.clone(),
        };
        let measures = self.measures;
        c.fill_cells();
        let own_measures = without_breaks(measures);
        let expected = c.emitted(measures, spec);
        let mut observations = Vec::with_capacity(expected);
        c.emit(measures, spec, |measure, period, breakdown, value| {
            observations.push(Observation {
                publication: 0,
                measure,
                period,
                breakdown: breakdown.clone(),
                value: Some(value),
                flag,
                source: Arc::clone(&source),
                note: Arc::clone(&shared_note),
                line: 0,
            });
        });
        debug_assert_eq!(observations.len(), expected, "emitted() counts what emit() makes");

        Archive {
            publications: vec![publication],
            measures: own_measures,
            gemeenten: self.gemeenten.clone(),
            events: Vec::new(),
            observations,
            translations: crate::data::translations::Translations::one(note, spec.source.note_in(crate::i18n::Lang::En)),
        }
    }
}

/// The measures of a derived archive. Counted from one address file, every milestone has one
/// definition throughout: the published archive's definition breaks ('planvorming gestart'
/// replacing 'project vastgesteld' in 2020) do not hold there. (Regression: with them, the
/// lead-time estimate on the demonstration stopped at 1 January 2020 like the published one.)
pub fn without_breaks(measures: &[Measure]) -> Vec<Measure> {
    measures.iter().cloned().map(|mut m| {
        m.replaces = None;
        m
    }).collect()
}

/// Derive an [`Archive`] from addresses: one pseudo-publication, the given measures (only those
/// that can be derived get observations), monthly month-end stocks and cumulative counts, monthly
/// flows, values on `spec.extra_dates`, mean lead times at year ends, and (optionally)
/// breakdowns by gemeente (harmonised), batch, risicoprofiel, eigenaar and categorie.
///
/// Two passes over the addresses, whatever the number of measures, dates and breakdowns (see
/// [`Derivation`] to run them in steps).
pub fn derive_archive(addresses: &[Address], measures: &[Measure], gemeenten: &Registry, spec: &DeriveSpec) -> Archive {
    Derivation::new(addresses, measures, gemeenten, spec).finish()
}

// ---------------------------------------------------------------------------------------------
// Areas smaller than a gemeente, with small-count suppression.

/// Counts below this are suppressed for areas smaller than a gemeente.
pub const SUPPRESS_BELOW: u64 = 5;

/// A count for a small area: exact, or suppressed because it is below [`SUPPRESS_BELOW`] (zero
/// included, so an empty cell cannot be told apart from a small one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    Exact(u64),
    Suppressed,
}

impl Count {
    /// Suppress below [`SUPPRESS_BELOW`].
    pub fn of(n: u64) -> Count {
        if n < SUPPRESS_BELOW { Count::Suppressed } else { Count::Exact(n) }
    }
    /// The value, if it may be shown.
    pub fn value(self) -> Option<u64> {
        match self {
            Count::Exact(n) => Some(n),
            Count::Suppressed => None,
        }
    }
    /// What to print: the number, or the mark of a hidden count ("×", [`crate::i18n::format::HIDDEN`]):
    /// a hidden cell may hold 5 or more (complementary suppression), so it never says "< 5".
    pub fn label(self) -> String {
        match self {
            Count::Exact(n) => n.to_string(),
            Count::Suppressed => crate::i18n::format::HIDDEN.to_string(),
        }
    }
}

/// Waiting time in the current fase of the open addresses of an area.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wait {
    /// Fewer than [`SUPPRESS_BELOW`] open addresses with a known entry date.
    Suppressed,
    /// Days since entering the current fase.
    Days { n: u64, median: i64, mean: f64 },
    /// No open address, as the shown cells say (all in fase 6): "n.v.t.: niets open", not
    /// "te weinig", which read as too little data.
    NoneOpen,
}

/// The level of an area.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AreaLevel {
    Dorp,
    Pc4,
    Straat,
    Cluster,
}

/// One area: its counts per fase, meeting the norm, and waiting time, all suppressed below 5.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRow {
    /// The area: village name, pc4, street or cluster id.
    pub key: String,
    /// Today's gemeente (of most of its addresses).
    pub gemeente: GemeenteCode,
    /// The village (of most of its addresses).
    pub woonplaats: String,
    /// Addresses in the werkvoorraad on the date.
    pub total: Count,
    /// Fase 1..=6 (index 0 is fase 1).
    pub fases: [Count; 6],
    /// Addresses that meet the norm (any of the three parts).
    pub voldoet: Count,
    pub wait: Wait,
}

/// All areas of one level on one date.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaTable {
    pub level: AreaLevel,
    pub date: Date,
    pub rows: Vec<AreaRow>,
    /// Addresses without a value for this level (no street or cluster in the file).
    pub without_area: u64,
}

#[derive(Default)]
struct AreaAcc {
    total: u64,
    fases: [u64; 6],
    voldoet: u64,
    waits: Vec<i64>,
    gemeenten: BTreeMap<GemeenteCode, u64>,
    dorpen: BTreeMap<Arc<str>, u64>,
}

fn most<K: Clone + Ord>(m: &BTreeMap<K, u64>) -> Option<K> {
    m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(k, _)| k.clone())
}

/// Counts per fase, meeting the norm and waiting time per dorp, pc4, street or cluster on `at`.
///
/// Every count below 5 is [`Count::Suppressed`]; when exactly one fase of a row is suppressed
/// while its total is shown, the smallest other fase is suppressed too, so the hidden one cannot
/// be worked out by subtraction.
pub fn area_rows(addresses: &[Address], level: AreaLevel, at: Date) -> AreaTable {
    let day = at.to_days();
    let mut acc: BTreeMap<String, AreaAcc> = BTreeMap::new();
    let mut without_area = 0u64;
    for a in addresses {
        let f = Facts::of(a);
        let Some(fase) = f.fase_on(day) else { continue };
        let key = match level {
            AreaLevel::Dorp => Some(a.woonplaats.to_string()),
            AreaLevel::Pc4 => Some(a.pc4.to_string()),
            AreaLevel::Straat => a.straat.as_ref().map(|s| format!("{} · {}", a.woonplaats, s)),
            AreaLevel::Cluster => a.cluster.as_ref().map(|c| c.to_string()),
        };
        let Some(key) = key else {
            without_area += 1;
            continue;
        };
        let e = acc.entry(key).or_default();
        e.total += 1;
        if let Some(c) = e.fases.get_mut(usize::from(fase) - 1) {
            *c += 1;
        }
        if f.norm.is_some_and(|(_, d)| d <= day) {
            e.voldoet += 1;
        }
        if fase < 6
            && let Some(since) = f.fase_from.get(usize::from(fase)).copied().flatten().filter(|&s| s != ALWAYS)
        {
            e.waits.push(day - since);
        }
        *e.gemeenten.entry(a.gemeente_nu).or_default() += 1;
        *e.dorpen.entry(Arc::clone(&a.woonplaats)).or_default() += 1;
    }
    let mut rows: Vec<AreaRow> = acc
        .into_iter()
        .map(|(key, mut e)| {
            let mut fases = e.fases.map(Count::of);
            let total = Count::of(e.total);
            let hidden = fases.iter().filter(|c| **c == Count::Suppressed).count();
            if hidden == 1 && total != Count::Suppressed {
                // Complementary suppression: hide the smallest shown fase as well.
                let smallest = fases.iter().enumerate().filter_map(|(i, c)| c.value().map(|v| (v, i))).min();
                if let Some((_, i)) = smallest
                    && let Some(c) = fases.get_mut(i)
                {
                    *c = Count::Suppressed;
                }
            }
            if total == Count::Suppressed {
                fases = [Count::Suppressed; 6];
            }
            let wait = if (e.waits.len() as u64) < SUPPRESS_BELOW {
                Wait::Suppressed
            } else {
                crate::data::sort::sort(&mut e.waits);
                let n = e.waits.len();
                let median = e.waits.get(n / 2).copied().unwrap_or(0);
                let mean = e.waits.iter().sum::<i64>() as f64 / n as f64;
                Wait::Days { n: n as u64, median, mean }
            };
            AreaRow {
                key,
                gemeente: most(&e.gemeenten).unwrap_or(GemeenteCode(0)),
                woonplaats: most(&e.dorpen).map(|d| d.to_string()).unwrap_or_default(),
                total,
                fases,
                voldoet: if total == Count::Suppressed { Count::Suppressed } else { Count::of(e.voldoet) },
                wait,
            }
        })
        .collect();
    crate::data::sort::sort_by(&mut rows, |a, b| (a.gemeente, &a.woonplaats, &a.key).cmp(&(b.gemeente, &b.woonplaats, &b.key)));
    AreaTable { level, date: at, rows, without_area }
}

#[cfg(test)]
mod reference;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::data::measure::Unit;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap_or(Date::Y2K)
    }

    fn addr(id: &str, dorp: &str, dates: &[(Milestone, &str)], uitkomst: Option<Uitkomst>) -> Address {
        let mut a = Address::new(id, GemeenteCode(1979), dorp, 9919, Risicoprofiel::P90, Eigenaar::Particulier);
        a.set_toegevoegd(Some(d("2015-01-01")));
        for (m, s) in dates {
            a.set_date(*m, Some(d(s)));
        }
        a.uitkomst = uitkomst;
        a
    }

    fn measure(code: &str, kind: MeasureKind, valid_from: Option<Date>) -> Measure {
        Measure {
            code: code.into(),
            kind,
            unit: Unit::Addresses,
            label_nl: code.into(),
            label_en: code.into(),
            definition_nl: String::new(),
            definition_en: String::new(),
            valid_from,
            valid_to: None,
            replaces: None,
            comparable_with: Vec::new(),
            group: "test".into(),
            order: 0,
        }
    }

    fn sample() -> Vec<Address> {
        use Milestone::*;
        vec![
            addr("a", "Loppersum", &[], None),
            addr("b", "Loppersum", &[(Lpa, "2019-05-01")], None),
            addr("c", "Loppersum", &[(Opname, "2016-03-01")], None),
            addr(
                "d",
                "Loppersum",
                &[(Opname, "2016-03-01"), (Beoordeling, "2017-01-01"), (Normbesluit, "2017-01-01")],
                Some(Uitkomst::Versterken),
            ),
            addr(
                "e",
                "Loppersum",
                &[
                    (Opname, "2016-03-01"),
                    (Beoordeling, "2017-01-01"),
                    (Planvorming, "2017-02-01"),
                    (BouwGestart, "2018-01-01"),
                    (BouwGereed, "2018-09-01"),
                    (Afgerond, "2018-10-01"),
                ],
                Some(Uitkomst::Versterken),
            ),
            addr(
                "f",
                "Zeerijp",
                &[(Opname, "2016-03-01"), (Beoordeling, "2017-01-01"), (Normbesluit, "2017-01-01"), (Afgerond, "2022-03-01")],
                Some(Uitkomst::OpNorm),
            ),
        ]
    }

    #[test]
    fn snapshot_counts_fases_and_norm_parts() {
        let s = snapshot(&sample(), d("2020-07-17"));
        assert_eq!(s.werkvoorraad, 6);
        assert_eq!(s.fases, [1, 1, 1, 2, 0, 1]); // f is still fase 4 (VA) until its herbeoordeling in 2022
        assert_eq!(s.reached(Milestone::Opname), 4);
        assert_eq!(s.norm, NormSplit { versterkt: 1, op_norm: 0, andere_reden: 0 });
        let s = snapshot(&sample(), d("2022-12-31"));
        assert_eq!(s.fases, [1, 1, 1, 1, 0, 2]);
        assert_eq!(s.norm.total(), 2);
        assert_eq!(flow(&sample(), Milestone::Opname, d("2016-01-01"), d("2016-12-31")), 4);
    }

    #[test]
    fn archive_has_month_end_stocks_and_monthly_flows_flagged() {
        let measures = vec![
            measure("werkvoorraad", MeasureKind::Stock, None),
            measure("opname", MeasureKind::Cumulative, None),
            measure("voldoet_norm", MeasureKind::Stock, Some(d("2022-01-01"))),
            measure("fase_4", MeasureKind::Stock, None),
        ];
        let spec = DeriveSpec {
            months: Some((Month::parse("2016-01").unwrap(), Month::parse("2022-12").unwrap())),
            ..DeriveSpec::demo(7, "demo.csv")
        };
        let ar = derive_archive(&sample(), &measures, &Registry::default(), &spec);
        assert_eq!(ar.publications[0].id, "demo");
        assert!(ar.observations.iter().all(|o| o.flag == Flag::Synthetic && !o.note.is_empty()));
        let at = |code: &str, p: Period| {
            let m = ar.measure_index(code).unwrap();
            ar.observations.iter().find(|o| o.measure == m && o.period == p && o.breakdown.is_total()).and_then(|o| o.value)
        };
        assert_eq!(at("werkvoorraad", Period::At(d("2016-01-31"))), Some(6.0));
        assert_eq!(at("opname", Period::At(d("2016-02-29"))), Some(0.0));
        assert_eq!(at("opname", Period::At(d("2016-03-31"))), Some(4.0));
        assert_eq!(at("opname", Period::Month(Month::parse("2016-03").unwrap())), Some(4.0));
        assert_eq!(at("fase_4", Period::At(d("2020-07-31"))), Some(2.0));
        // Outside its definition era: none.
        assert_eq!(at("voldoet_norm", Period::At(d("2021-12-31"))), None);
        assert_eq!(at("voldoet_norm", Period::At(d("2022-12-31"))), Some(2.0));
        // Breakdowns: by gemeente, harmonised.
        let m = ar.measure_index("werkvoorraad").unwrap();
        assert!(ar.observations.iter().any(|o| o.measure == m && o.breakdown.gemeente == Some(GemeenteCode(1979))));
        // Derived own file: flag derived with the note.
        let ar = derive_archive(&sample(), &measures, &Registry::default(), &DeriveSpec::own("mijn.csv"));
        assert!(ar.observations.iter().all(|o| o.flag == Flag::Derived && &*o.note == "berekend uit bronbestand"));
        assert_eq!(ar.publications[0].id, "eigen-bestand");
    }

    #[test]
    fn derived_values_agree_with_direct_snapshots() {
        let measures = vec![measure("werkvoorraad", MeasureKind::Stock, None), measure("fase_3", MeasureKind::Stock, None)];
        let spec = DeriveSpec { extra_dates: vec![d("2016-05-17")], ..DeriveSpec::own("x.csv") };
        let ar = derive_archive(&sample(), &measures, &Registry::default(), &spec);
        let m = ar.measure_index("fase_3").unwrap();
        let v = ar
            .observations
            .iter()
            .find(|o| o.measure == m && o.period == Period::At(d("2016-05-17")) && o.breakdown.is_total())
            .and_then(|o| o.value);
        assert_eq!(v, Some(snapshot(&sample(), d("2016-05-17")).fases[2] as f64));
    }

    #[test]
    fn small_areas_are_suppressed_including_by_subtraction() {
        let mut v = sample();
        for i in 0..6 {
            v.push(addr(&format!("z{i}"), "Zeerijp", &[(Milestone::Opname, "2016-03-01")], None));
        }
        let t = area_rows(&v, AreaLevel::Dorp, d("2020-07-17"));
        let lop = t.rows.iter().find(|r| r.key == "Loppersum").unwrap();
        assert_eq!(lop.total, Count::Exact(5));
        assert!(lop.fases.iter().all(|c| *c == Count::Suppressed));
        let zee = t.rows.iter().find(|r| r.key == "Zeerijp").unwrap();
        // 6 in fase 3, 1 in fase 4 (f): only fase 3 can be shown.
        assert_eq!(zee.total, Count::Exact(7));
        assert_eq!(zee.fases[2], Count::Exact(6));
        assert_eq!(zee.fases[3], Count::Suppressed);
        assert_eq!(zee.voldoet, Count::Suppressed);
        assert!(matches!(zee.wait, Wait::Days { n: 7, .. }));
        // Was "< 5": false for a cell hidden only to protect a small one (it may hold 39). Every
        // hidden count carries the one neutral mark "×".
        assert_eq!(Count::of(4).label(), "×");
        let t = area_rows(&v, AreaLevel::Cluster, d("2020-07-17"));
        assert_eq!(t.without_area, 12);
    }

    // ---- The single-pass derivation against the reference (the code as it was) -------------

    /// The bundled archive (measures and gemeenten of public/data), loaded once.
    pub(crate) fn bundled() -> &'static Archive {
        static A: std::sync::OnceLock<Archive> = std::sync::OnceLock::new();
        A.get_or_init(|| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
            let text = std::fs::read_to_string(dir.join("manifest.json")).unwrap_or_default();
            let manifest = crate::data::publication::parse_manifest("manifest.json", &text).unwrap();
            let read = |f: &str| {
                std::fs::read_to_string(dir.join(f)).map_err(|e| {
                    crate::data::diagnostic::Diagnostic::error(
                        f,
                        0,
                        0,
                        crate::data::diagnostic::Message::CannotRead { reason: format!("{f}: {e}") },
                    )
                })
            };
            crate::data::archive::assemble(&manifest, read).unwrap().0
        })
    }

    #[test]
    fn every_lead_time_measure_is_a_step_of_its_cohorts_chain() {
        for (code, cohort, t) in LEAD_TIMES {
            assert!(LEAD_COHORTS.contains(&cohort), "{code}");
            if let Some(t) = t {
                assert!(cohort.chain_steps().contains(&t), "{code}");
            }
        }
    }

    /// Regression/equivalence: the two-pass derivation (lead times as chain sums along the
    /// dates instead of ~45 calls of `lead_times`) gives exactly the archive of the old code on
    /// the synthetic demo, value for value and in the same order.
    #[test]
    fn demo_archive_is_identical_to_the_reference() {
        let ar = bundled();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/demo/bronbestand-demo.csv");
        let text = std::fs::read_to_string(dir).unwrap();
        let (addresses, _) = crate::data::bronbestand::parse_bronbestand("demo.csv", &text, &ar.gemeenten).unwrap();
        assert_eq!(addresses.len(), 27_790);
        for spec in [
            DeriveSpec::demo(1, "demo.csv"),
            DeriveSpec { extra_dates: vec![d("2020-07-17"), d("2021-10-31"), d("2020-01-15")], ..DeriveSpec::own("x.csv") },
        ] {
            let new = derive_archive(&addresses, &ar.measures, &ar.gemeenten, &spec);
            let old = reference::derive_archive_reference(&addresses, &ar.measures, &ar.gemeenten, &spec);
            assert_eq!(new.observations.len(), old.observations.len());
            for (i, (a, b)) in new.observations.iter().zip(&old.observations).enumerate() {
                assert_eq!(a, b, "observation {i}");
            }
            assert_eq!(new, old);
        }
    }

    /// Regression: with a file whose last date is 1 March 2022, the gemeente page's tiles said
    /// "op 31 maart 2022" (the derived stocks stood on the end of the last month) while its phase
    /// chart, counted from the addresses on the file's last date, said "Op 1 maart 2022". The
    /// last stand is now on the file's last date, and the app's reference date is that day.
    #[test]
    fn the_last_stand_is_on_the_files_last_date_not_the_end_of_its_month() {
        let v = sample();
        let ar = bundled();
        let derived = derive_archive(&v, &ar.measures, &ar.gemeenten, &DeriveSpec::own("eigen.csv"));
        assert_eq!(derived.publications.first().map(|p| p.peildatum), Some(d("2022-03-01")));
        let Some(mi) = derived.measures.iter().position(|m| m.code == "werkvoorraad") else { panic!("no werkvoorraad") };
        let last = derived.observations.iter().filter(|o| o.measure as usize == mi).map(|o| o.period.end()).max();
        assert_eq!(last, Some(d("2022-03-01")));
        assert!(!derived.observations.iter().any(|o| o.period == crate::data::period::Period::At(d("2022-03-31"))));
        // The month's flow is still the month's (what the file holds of it).
        assert!(derived.observations.iter().any(|o| o.period == crate::data::period::Period::Month(d("2022-03-01").month_of())));
        // The tile's date is the file's last date.
        let g = crate::analysis::drilldown::comparison::figures(&derived, Some(GemeenteCode(1979)), crate::analysis::select::Vintage::Latest, crate::i18n::Lang::Nl);
        assert_eq!(g.date, Some(d("2022-03-01")));
        let tiles = crate::analysis::drilldown::gemeente_page::tiles(&g, crate::i18n::Lang::Nl);
        assert_eq!(tiles.first().map(|t| t.detail.as_str()), Some("op 1 maart 2022"));
        // A month range given by the caller is kept as it is.
        let spec = DeriveSpec { months: Some((d("2022-01-01").month_of(), d("2022-03-01").month_of())), ..DeriveSpec::own("eigen.csv") };
        let fixed = derive_archive(&v, &ar.measures, &ar.gemeenten, &spec);
        assert_eq!(fixed.publications.first().map(|p| p.peildatum), Some(d("2022-03-31")));
    }

    /// Stepping in small slices gives the same archive as one go, and reports its progress.
    #[test]
    fn stepping_gives_the_same_archive() {
        let v = sample();
        let ar = bundled();
        let spec = DeriveSpec::demo(1, "demo.csv");
        let mut dv = Derivation::new(&v, &ar.measures, &ar.gemeenten, &spec);
        assert_eq!(dv.progress(), (0, 12));
        assert!(!dv.step(4));
        assert_eq!((dv.phase(), dv.progress()), (DerivePhase::Scan, (4, 12)));
        assert!(!dv.step(4));
        assert_eq!(dv.phase(), DerivePhase::Count);
        assert_eq!(dv.latest_milestone(), Some(d("2022-03-01")));
        while !dv.step(1) {}
        assert_eq!(dv.progress(), (12, 12));
        assert_eq!(dv.finish(), derive_archive(&v, &ar.measures, &ar.gemeenten, &spec));
        // No addresses at all: one pseudo-publication, nothing panics.
        let empty = derive_archive(&[], &ar.measures, &ar.gemeenten, &spec);
        assert_eq!(empty, reference::derive_archive_reference(&[], &ar.measures, &ar.gemeenten, &spec));
    }

    type Raw = (u8, u8, u8, u8, bool, u8, [Option<i64>; 10]);

    fn raw_address(i: usize, r: &Raw) -> Address {
        let (g, b, c, p, e, u, days) = r;
        let gem = [GemeenteCode(1979), GemeenteCode(14), GemeenteCode(1952), GemeenteCode(1966)];
        let profiel = [Risicoprofiel::P50, Risicoprofiel::P90, Risicoprofiel::Grijs];
        let mut a = Address::new(
            &format!("A{i:05}"),
            gem.get(usize::from(*g)).copied().unwrap_or(GemeenteCode(1979)),
            "Loppersum",
            9919,
            profiel.get(usize::from(*p)).copied().unwrap_or(Risicoprofiel::Grijs),
            if *e { Eigenaar::Corporatie } else { Eigenaar::Particulier },
        );
        let batches = ["1467", "1581", "LPA2020", "Q2-2018"];
        a.batch = batches.get(usize::from(*b)).map(|s| Arc::from(*s));
        a.categorie = Categorie::ALL.get(usize::from(*c)).copied();
        a.uitkomst = Uitkomst::ALL.get(usize::from(*u)).copied();
        let base = d("2012-01-01").to_days();
        let day = |x: &Option<i64>| x.and_then(|x| Date::from_days(base + x));
        a.set_toegevoegd(day(&days[9]));
        for (m, x) in Milestone::ALL.iter().zip(days.iter()) {
            a.set_date(*m, day(x));
        }
        a
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..proptest::prelude::ProptestConfig::default() })]
        /// Equivalence on random addresses (dates missing, out of order, outcomes without dates,
        /// breakdowns present or not): the new derivation equals the reference exactly.
        #[test]
        fn random_addresses_derive_like_the_reference(
            raws in proptest::collection::vec(
                (0u8..5, 0u8..5, 0u8..7, 0u8..3, proptest::bool::ANY, 0u8..6,
                 proptest::array::uniform10(proptest::option::weighted(0.55, 0i64..5200))),
                0..120),
            breakdowns in proptest::bool::ANY,
            window in proptest::bool::ANY,
        ) {
            let v: Vec<Address> = raws.iter().enumerate().map(|(i, r)| raw_address(i, r)).collect();
            let ar = bundled();
            let spec = DeriveSpec {
                breakdowns,
                months: window.then(|| (Month::parse("2016-03").unwrap(), Month::parse("2021-02").unwrap())),
                extra_dates: vec![d("2017-07-17"), d("2020-12-31"), d("2011-05-05")],
                ..DeriveSpec::own("x.csv")
            };
            let new = derive_archive(&v, &ar.measures, &ar.gemeenten, &spec);
            let old = reference::derive_archive_reference(&v, &ar.measures, &ar.gemeenten, &spec);
            proptest::prop_assert_eq!(new, old);
        }
    }
}
