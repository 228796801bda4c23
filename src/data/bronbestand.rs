//! The bronbestand: one row per address with its attributes and the date of every milestone of
//! the reinforcement process, as NCG keeps it internally (SodM tables 2.1–2.5 are pivot tables of
//! it). The format is documented in `docs/bronbestand-format.md`.
//!
//! Parsing is strict ("parse, don't validate"): every accepted row becomes a compact, typed
//! [`Address`]; every rejected row is reported with line, column and reason, and rows read =
//! accepted + rejected. Doubtful but usable rows (a later milestone dated before an earlier one, a
//! merged gemeente's code used after the merger) are accepted with a warning. Missing dates are
//! allowed and counted ([`completeness`]).
//!
//! Addresses are small (about 110 bytes plus the shared strings): dates are packed into two bytes
//! each and the village, street, cluster and batch names are interned (`Arc<str>` shared by all
//! rows with the same value), so a million rows stay fast and fit comfortably in a browser tab.
//!
//! The optional events form (`id,milestone,date,recorded_on,action`) for addresses that move
//! backwards is in [`events`].

pub mod events;
pub mod sample;

use std::collections::HashMap;
use std::sync::Arc;

use super::archive::LoadReport;
use super::breakdown::{Categorie, Eigenaar, Risicoprofiel, valid_batch};
use super::date::Date;
use super::diagnostic::{Diagnostic, Message, Place, RowCount};
use super::fields::{implausible, invalid, BATCH_CHARS, CATEGORIE, EIGENAAR, GEMEENTE_CODE, LONGER_THAN_80, RISICOPROFIEL, UNKNOWN_GEMEENTE};
use super::gemeente::{GemeenteCode, Registry};
use super::table::{field_of, first_record, Row, TableReader};

/// The header of a bronbestand, in this order. `toegevoegd` may be left out (see
/// [`BRONBESTAND_HEADER_SHORT`]).
pub const BRONBESTAND_HEADER: [&str; 22] = [
    "id",
    "gemeente",
    "woonplaats",
    "pc4",
    "straat",
    "cluster",
    "batch",
    "risicoprofiel",
    "eigenaar",
    "categorie",
    "npr",
    "uitkomst",
    "toegevoegd",
    "lpa",
    "opname",
    "beoordeling",
    "normbesluit",
    "planvorming",
    "versterkingsbesluit",
    "bouw_gestart",
    "bouw_gereed",
    "afgerond",
];

/// The header without the `toegevoegd` column (a file that does not know when addresses entered
/// the werkvoorraad). Everything else is the same.
pub const BRONBESTAND_HEADER_SHORT: [&str; 21] = [
    "id",
    "gemeente",
    "woonplaats",
    "pc4",
    "straat",
    "cluster",
    "batch",
    "risicoprofiel",
    "eigenaar",
    "categorie",
    "npr",
    "uitkomst",
    "lpa",
    "opname",
    "beoordeling",
    "normbesluit",
    "planvorming",
    "versterkingsbesluit",
    "bouw_gestart",
    "bouw_gereed",
    "afgerond",
];

/// A milestone of the reinforcement process, in process order. `toegevoegd` (entry into the
/// werkvoorraad) is not a milestone and is kept apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Milestone {
    /// Taken up in the gemeente's lokaal plan van aanpak (LPA).
    Lpa,
    /// Inspection (opname) carried out.
    Opname,
    /// Assessment against the norm (beoordeling) adopted.
    Beoordeling,
    /// Norm decision: meets the norm, or a reinforcement advice (versterkingsadvies).
    Normbesluit,
    /// Planning started (planvorming voorbereiden, uitvoeringsplan opstellen, ...).
    Planvorming,
    /// Execution plan ready and reinforcement decision taken.
    Versterkingsbesluit,
    /// Construction (reinforcement or demolition and new build) started.
    BouwGestart,
    /// Construction finished: reinforced or newly built.
    BouwGereed,
    /// The whole trajectory closed (reinforced, or otherwise: meets the norm, other reason).
    Afgerond,
}

impl Milestone {
    /// All milestones in process order.
    pub const ALL: [Milestone; 9] = [
        Milestone::Lpa,
        Milestone::Opname,
        Milestone::Beoordeling,
        Milestone::Normbesluit,
        Milestone::Planvorming,
        Milestone::Versterkingsbesluit,
        Milestone::BouwGestart,
        Milestone::BouwGereed,
        Milestone::Afgerond,
    ];

    /// Position in [`Milestone::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The column name in the bronbestand (and the milestone name in the events form).
    pub fn column(self) -> &'static str {
        match self {
            Milestone::Lpa => "lpa",
            Milestone::Opname => "opname",
            Milestone::Beoordeling => "beoordeling",
            Milestone::Normbesluit => "normbesluit",
            Milestone::Planvorming => "planvorming",
            Milestone::Versterkingsbesluit => "versterkingsbesluit",
            Milestone::BouwGestart => "bouw_gestart",
            Milestone::BouwGereed => "bouw_gereed",
            Milestone::Afgerond => "afgerond",
        }
    }

    /// Parse a column name.
    pub fn parse(s: &str) -> Option<Milestone> {
        Milestone::ALL.iter().copied().find(|m| m.column() == s)
    }

    /// A Dutch label for messages.
    pub fn label_nl(self) -> &'static str {
        match self {
            Milestone::Lpa => "opgenomen in LPA",
            Milestone::Opname => "opname",
            Milestone::Beoordeling => "beoordeling",
            Milestone::Normbesluit => "normbesluit",
            Milestone::Planvorming => "planvorming gestart",
            Milestone::Versterkingsbesluit => "versterkingsbesluit",
            Milestone::BouwGestart => "bouw gestart",
            Milestone::BouwGereed => "bouw gereed",
            Milestone::Afgerond => "afgerond",
        }
    }

    /// An English label for messages.
    pub fn label_en(self) -> &'static str {
        match self {
            Milestone::Lpa => "in local plan (LPA)",
            Milestone::Opname => "inspection",
            Milestone::Beoordeling => "assessment",
            Milestone::Normbesluit => "norm decision",
            Milestone::Planvorming => "planning started",
            Milestone::Versterkingsbesluit => "reinforcement decision",
            Milestone::BouwGestart => "construction started",
            Milestone::BouwGereed => "construction finished",
            Milestone::Afgerond => "completed",
        }
    }
}

/// The outcome of the assessment (as known in the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Uitkomst {
    /// Meets the norm without reinforcement (op norm na beoordeling).
    OpNorm,
    /// Needs reinforcement (versterkingsadvies).
    Versterken,
    /// Demolition and new build.
    SloopNieuwbouw,
    /// Out of the task for another reason (e.g. fewer homes rebuilt than demolished).
    AndereReden,
}

impl Uitkomst {
    /// All outcomes.
    pub const ALL: [Uitkomst; 4] = [Uitkomst::OpNorm, Uitkomst::Versterken, Uitkomst::SloopNieuwbouw, Uitkomst::AndereReden];

    /// Parse the canonical text.
    pub fn parse(s: &str) -> Option<Uitkomst> {
        Some(match s {
            "op_norm" => Uitkomst::OpNorm,
            "versterken" => Uitkomst::Versterken,
            "sloop_nieuwbouw" => Uitkomst::SloopNieuwbouw,
            "andere_reden" => Uitkomst::AndereReden,
            _ => return None,
        })
    }

    /// The canonical text.
    pub fn as_str(self) -> &'static str {
        match self {
            Uitkomst::OpNorm => "op_norm",
            Uitkomst::Versterken => "versterken",
            Uitkomst::SloopNieuwbouw => "sloop_nieuwbouw",
            Uitkomst::AndereReden => "andere_reden",
        }
    }

    /// Reinforcement or demolition/new build: the outcomes that need construction.
    pub fn needs_construction(self) -> bool {
        matches!(self, Uitkomst::Versterken | Uitkomst::SloopNieuwbouw)
    }
}

/// Day numbers are packed into two bytes: days since 1989-12-31 (so 1990-01-01 is 1), 0 = none.
/// [`Date`] only exists from 1990 to 2100, so every date fits.
const PACK_BASE: i64 = 7304; // 1989-12-31 as days since 1970-01-01

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
struct Packed(u16);

impl Packed {
    fn pack(d: Option<Date>) -> Packed {
        match d {
            Some(d) => Packed(u16::try_from(d.to_days() - PACK_BASE).unwrap_or(0)),
            None => Packed(0),
        }
    }
    fn days(self) -> Option<i64> {
        if self.0 == 0 { None } else { Some(PACK_BASE + i64::from(self.0)) }
    }
}

/// Bytes of an id kept inside the [`AddressId`] itself; longer ids are shared on the heap.
const INLINE_ID: usize = 22;

/// A pseudonymous address id (e.g. `A000123`). Ids of up to 22 bytes (every id seen in practice)
/// are stored inline, so a million addresses do not need a million allocations; longer ones
/// (up to the 40 the format allows) are shared. Reads as a `&str`.
#[derive(Clone)]
pub struct AddressId(IdRepr);

#[derive(Clone)]
enum IdRepr {
    Inline { len: u8, bytes: [u8; INLINE_ID] },
    Shared(Arc<str>),
}

impl AddressId {
    /// An id with this text.
    pub fn new(s: &str) -> AddressId {
        let mut bytes = [0u8; INLINE_ID];
        match (bytes.get_mut(..s.len()), u8::try_from(s.len())) {
            (Some(dst), Ok(len)) => {
                dst.copy_from_slice(s.as_bytes());
                AddressId(IdRepr::Inline { len, bytes })
            }
            _ => AddressId(IdRepr::Shared(Arc::from(s))),
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Always whole characters of a `&str` (see `new`), so this never fails.
            IdRepr::Inline { len, bytes } => bytes.get(..usize::from(*len)).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or(""),
            IdRepr::Shared(s) => s,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            IdRepr::Inline { len, bytes } => bytes.get(..usize::from(*len)).unwrap_or(&[]),
            IdRepr::Shared(s) => s.as_bytes(),
        }
    }
}

impl std::ops::Deref for AddressId {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for AddressId {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for AddressId {
    fn eq(&self, other: &AddressId) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for AddressId {}

impl PartialOrd for AddressId {
    fn partial_cmp(&self, other: &AddressId) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for AddressId {
    /// The order of the texts.
    fn cmp(&self, other: &AddressId) -> std::cmp::Ordering {
        self.as_bytes().cmp(other.as_bytes())
    }
}

impl std::hash::Hash for AddressId {
    /// Hashes like the text, so a map keyed by ids can be asked with a `&str`.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl std::fmt::Debug for AddressId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for AddressId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for AddressId {
    fn from(s: &str) -> AddressId {
        AddressId::new(s)
    }
}

/// One address of the bronbestand, typed and compact.
///
/// Dates are read with [`Address::date`] (or [`Address::day`] for day numbers in hot loops).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    /// Pseudonymous id (e.g. `A000123`); never a street address or a name.
    pub id: AddressId,
    /// The CBS code as written in the file (valid at the time, e.g. GM0024 Loppersum before 2021).
    pub gemeente: GemeenteCode,
    /// The same gemeente within today's boundaries (`Registry::harmonise`).
    pub gemeente_nu: GemeenteCode,
    /// Village or town (woonplaats / dorp).
    pub woonplaats: Arc<str>,
    /// Four-digit postal code area.
    pub pc4: u16,
    /// Street, if given (a pseudonymous street id in the demo).
    pub straat: Option<Arc<str>>,
    /// Cluster of addresses reinforced together (e.g. `LOP-07`), if given.
    pub cluster: Option<Arc<str>>,
    /// Batch (`1467`, `1581`, `Q2-2018`, `opname_op_verzoek`, ...), if given.
    pub batch: Option<Arc<str>>,
    pub risicoprofiel: Risicoprofiel,
    pub eigenaar: Eigenaar,
    pub categorie: Option<Categorie>,
    /// Year of the NPR 9998 version used for the assessment (2015, 2018, 2020), if given.
    pub npr: Option<u16>,
    /// Outcome of the assessment, if known.
    pub uitkomst: Option<Uitkomst>,
    /// Line in the file (0 for addresses made in code).
    pub line: u32,
    toegevoegd: Packed,
    dates: [Packed; 9],
}

impl Address {
    /// An address without any dates, for tests and generators.
    pub fn new(id: &str, gemeente: GemeenteCode, woonplaats: &str, pc4: u16, risicoprofiel: Risicoprofiel, eigenaar: Eigenaar) -> Address {
        Address {
            id: AddressId::new(id),
            gemeente,
            gemeente_nu: gemeente,
            woonplaats: Arc::from(woonplaats),
            pc4,
            straat: None,
            cluster: None,
            batch: None,
            risicoprofiel,
            eigenaar,
            categorie: None,
            npr: None,
            uitkomst: None,
            line: 0,
            toegevoegd: Packed(0),
            dates: [Packed(0); 9],
        }
    }

    /// The date a milestone was reached, if known.
    pub fn date(&self, m: Milestone) -> Option<Date> {
        self.day(m).and_then(Date::from_days)
    }

    /// The same as a day number (days since 1970-01-01), cheaper in loops over many addresses.
    pub fn day(&self, m: Milestone) -> Option<i64> {
        self.dates.get(m.index()).and_then(|p| p.days())
    }

    /// Set (or clear) a milestone date.
    pub fn set_date(&mut self, m: Milestone, d: Option<Date>) {
        if let Some(slot) = self.dates.get_mut(m.index()) {
            *slot = Packed::pack(d);
        }
    }

    /// The date the address was added to the werkvoorraad, if the file says.
    pub fn toegevoegd(&self) -> Option<Date> {
        self.toegevoegd.days().and_then(Date::from_days)
    }

    /// The same as a day number (days since 1970-01-01).
    pub fn toegevoegd_day(&self) -> Option<i64> {
        self.toegevoegd.days()
    }

    /// Set (or clear) the date the address was added to the werkvoorraad.
    pub fn set_toegevoegd(&mut self, d: Option<Date>) {
        self.toegevoegd = Packed::pack(d);
    }

    /// Day the address entered the werkvoorraad: `toegevoegd`, or an earlier dated milestone
    /// (an address that already has a milestone is part of the operation). `None` when the file
    /// gives neither: such an address counts at every date.
    pub fn entry_day(&self) -> Option<i64> {
        let first = self.dates.iter().filter_map(|p| p.days()).min();
        match (self.toegevoegd.days(), first) {
            (Some(t), Some(f)) => Some(t.min(f)),
            (t, f) => t.or(f),
        }
    }

    /// The latest milestone reached on or before `day` (by the dates in the file).
    pub fn progress(&self, day: i64) -> Option<Milestone> {
        Milestone::ALL.iter().rev().copied().find(|m| self.day(*m).is_some_and(|d| d <= day))
    }

    /// The day the address meets the norm, and how: reinforced/newly built (`bouw_gereed`, else
    /// `afgerond`), op norm (`afgerond`, else `normbesluit`), other reason (`afgerond`).
    /// `None` when the outcome is unknown or the date is missing.
    pub fn norm_day(&self) -> Option<(Uitkomst, i64)> {
        let u = self.uitkomst?;
        let d = match u {
            Uitkomst::Versterken | Uitkomst::SloopNieuwbouw => self.day(Milestone::BouwGereed).or(self.day(Milestone::Afgerond)),
            Uitkomst::OpNorm => self.day(Milestone::Afgerond).or(self.day(Milestone::Normbesluit)),
            Uitkomst::AndereReden => self.day(Milestone::Afgerond),
        }?;
        Some((u, d))
    }

    /// The day the trajectory closed: `afgerond`, or when that date is missing the day the
    /// address met the norm (see [`Address::norm_day`]).
    pub fn closed_day(&self) -> Option<i64> {
        self.day(Milestone::Afgerond).or_else(|| self.norm_day().map(|(_, d)| d))
    }
}

/// FNV-1a: a fast hash for short keys (ids, village names). The keys come from a file the user
/// chose to open, so hash flooding is not a concern; speed is (a million rows).
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Interns strings so that equal values share one allocation. Rows of one village or cluster
/// usually follow each other, so the last value per column is checked first.
#[derive(Default)]
struct Interner {
    map: FastMap<Box<str>, Arc<str>>,
    last: [Option<Arc<str>>; 4],
}

impl Interner {
    fn get(&mut self, column: usize, s: &str) -> Arc<str> {
        if let Some(Some(a)) = self.last.get(column)
            && &**a == s
        {
            return Arc::clone(a);
        }
        let a = match self.map.get(s) {
            Some(a) => Arc::clone(a),
            None => {
                let a: Arc<str> = Arc::from(s);
                self.map.insert(Box::from(s), Arc::clone(&a));
                a
            }
        };
        if let Some(slot) = self.last.get_mut(column) {
            *slot = Some(Arc::clone(&a));
        }
        a
    }
}

/// Options for [`parse_bronbestand_with`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    /// Earliest plausible date (the operation started after the Huizinge quake of August 2012).
    pub earliest: Date,
    /// Latest plausible date. The app passes today plus a month; the default is a fixed
    /// 2035-12-31 because the data layer has no clock.
    pub latest: Date,
}

impl Default for ParseOptions {
    fn default() -> ParseOptions {
        ParseOptions { earliest: Date::new(2012, 1, 1).unwrap_or(Date::Y2K), latest: Date::new(2035, 12, 31).unwrap_or(Date::Y2K) }
    }
}

/// At most this many warnings of one kind are listed one by one; the rest are summed up.
pub const MAX_WARNINGS_PER_KIND: usize = 100;

/// Collects warnings, listing the first [`MAX_WARNINGS_PER_KIND`] of each kind and counting the rest.
#[derive(Default)]
pub(crate) struct WarningSink {
    counts: HashMap<String, (u64, u64)>,
    /// The kinds in the order first seen: (Dutch, English) names.
    order: Vec<(String, String)>,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl WarningSink {
    /// `kind`: its name in Dutch and English (the summary of an English page named it in Dutch).
    pub(crate) fn warn(&mut self, kind: (&str, &str), d: impl FnOnce() -> Diagnostic) {
        let entry = self.counts.entry(kind.0.to_string()).or_insert_with(|| (0, 0));
        entry.0 += 1;
        if entry.0 as usize <= MAX_WARNINGS_PER_KIND {
            self.diagnostics.push(d());
        } else {
            entry.1 += 1;
        }
        if entry.0 == 1 {
            self.order.push((kind.0.to_string(), kind.1.to_string()));
        }
    }

    /// Append a summary warning per kind with more than the listed number.
    pub(crate) fn finish(mut self, file: &str) -> Vec<Diagnostic> {
        for (kind, kind_en) in &self.order {
            if let Some(&(total, hidden)) = self.counts.get(kind)
                && hidden > 0
            {
                self.diagnostics.push(Diagnostic::warning(
                    file,
                    0,
                    0,
                    Message::Quality {
                        nl: format!("en nog {hidden} waarschuwingen van deze soort ({kind}; {total} in totaal)"),
                        en: format!("and {hidden} more warnings of this kind ({kind_en}; {total} in total)"),
                    },
                ));
            }
        }
        self.diagnostics
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

fn parse_pc4(s: &str) -> Option<u16> {
    let b = s.as_bytes();
    if b.len() != 4 || !b.iter().all(u8::is_ascii_digit) || b.first() == Some(&b'0') {
        return None;
    }
    s.parse().ok()
}

/// `NPR2018` → 2018.
fn parse_npr(s: &str) -> Option<u16> {
    let y = s.strip_prefix("NPR")?;
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: u16 = y.parse().ok()?;
    (2010..=2035).contains(&y).then_some(y)
}

type Located = (Place, Message);

/// Day number (days since 1970-01-01) of a well-formed `YYYY-MM-DD` that is a real calendar day
/// in the years [`Date`] accepts; `None` for anything else (the caller then uses [`Date::parse`]
/// for the diagnostic). The same days as `Date::parse(s).map(Date::to_days)`, without its error.
#[inline]
fn plain_day(s: &str) -> Option<i64> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = s.as_bytes() else { return None };
    let digit = |c: u8| -> Option<u32> {
        let v = c.wrapping_sub(b'0');
        (v < 10).then_some(u32::from(v))
    };
    let y = ((digit(y0)? * 10 + digit(y1)?) * 10 + digit(y2)?) * 10 + digit(y3)?;
    let m = digit(m0)? * 10 + digit(m1)?;
    let d = digit(d0)? * 10 + digit(d1)?;
    let date = Date::new(i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?)?;
    Some(date.to_days())
}

/// Duplicate-id detection. Exports are usually sorted by id: while every id is larger than the
/// one before, no id can repeat and nothing needs to be stored. At the first id out of order the
/// ids seen so far go into a hash map (a million-entry map costs more time in cache misses than
/// all the other checks of a row together).
enum Seen {
    Sorted(Option<AddressId>),
    Hashed(FastMap<AddressId, u32>),
}

impl Seen {
    /// The line of an earlier row with the same id, or `None` (and `a` is remembered).
    fn first_line(&mut self, a: &Address, earlier: &[Address]) -> Option<u32> {
        if let Seen::Sorted(last) = self {
            if last.as_ref().is_none_or(|l| *l < a.id) {
                *last = Some(a.id.clone());
                return None;
            }
            let mut map = FastMap::with_capacity_and_hasher(earlier.len() * 2, Default::default());
            for e in earlier {
                map.entry(e.id.clone()).or_insert(e.line);
            }
            *self = Seen::Hashed(map);
        }
        match self {
            Seen::Hashed(map) => {
                if let Some(first) = map.get(&a.id) {
                    return Some(*first);
                }
                map.insert(a.id.clone(), a.line);
                None
            }
            Seen::Sorted(_) => None,
        }
    }
}

/// Column indices of one header variant.
struct Columns {
    /// The header, for naming a field in a message.
    names: &'static [&'static str],
    toegevoegd: Option<usize>,
    first_date: usize,
}

/// Parse a bronbestand with the default [`ParseOptions`].
///
/// Returns the accepted addresses and a report (rows read = accepted + rejected, every rejection
/// with line, column and reason; warnings for doubtful rows and a count of missing dates). Only a
/// file that cannot be read at all (empty, wrong header) is an `Err`.
///
/// ```
/// use versterkingsmonitor::data::bronbestand::{parse_bronbestand, Milestone};
/// use versterkingsmonitor::data::gemeente::{Gemeente, GemeenteCode, Registry};
/// let reg = Registry::new(vec![Gemeente { code: GemeenteCode(1979), name: "Eemsdelta".into(), valid_from: None,
///     valid_to: None, successor: None, in_operation: true }]);
/// let text = "id,gemeente,woonplaats,pc4,straat,cluster,batch,risicoprofiel,eigenaar,categorie,npr,uitkomst,\
/// toegevoegd,lpa,opname,beoordeling,normbesluit,planvorming,versterkingsbesluit,bouw_gestart,bouw_gereed,afgerond\n\
/// A000001,GM1979,Loppersum,9919,,LOP-07,1467,P90,particulier,,NPR2018,versterken,2016-01-04,,2016-03-01,2017-05-02,2017-05-02,,,,,\n";
/// let (addresses, report) = parse_bronbestand("demo.csv", text, &reg).unwrap();
/// assert_eq!(addresses.len(), 1);
/// assert_eq!(addresses[0].date(Milestone::Opname).unwrap().to_string(), "2016-03-01");
/// assert!(report.total().balanced());
/// ```
// `Diagnostic` is the data layer's error type (as for `TableReader::open`); kept for one API.
#[allow(clippy::result_large_err)]
pub fn parse_bronbestand(file: &str, text: &str, gemeenten: &Registry) -> Result<(Vec<Address>, LoadReport), Diagnostic> {
    parse_bronbestand_with(file, text, gemeenten, &ParseOptions::default())
}

/// Parse a bronbestand (see [`parse_bronbestand`]) with explicit options.
// `Diagnostic` is the data layer's error type (as for `TableReader::open`); kept for one API.
#[allow(clippy::result_large_err)]
pub fn parse_bronbestand_with(
    file: &str,
    text: &str,
    gemeenten: &Registry,
    options: &ParseOptions,
) -> Result<(Vec<Address>, LoadReport), Diagnostic> {
    // Two header variants: with and without `toegevoegd`. The one that matches decides; otherwise
    // the full header is expected, so the error points at the first differing column.
    let short = first_record(text).is_some_and(|h| h.iter().map(String::as_str).eq(BRONBESTAND_HEADER_SHORT.iter().copied()));
    let (header, cols): (&'static [&'static str], Columns) = if short {
        (&BRONBESTAND_HEADER_SHORT, Columns { names: &BRONBESTAND_HEADER_SHORT, toegevoegd: None, first_date: 12 })
    } else {
        (&BRONBESTAND_HEADER, Columns { names: &BRONBESTAND_HEADER, toegevoegd: Some(12), first_date: 13 })
    };
    let mut reader = TableReader::open(file, text, header)?;
    let mut report = LoadReport::default();
    let mut warnings = WarningSink::default();
    let mut addresses: Vec<Address> = Vec::with_capacity(text.len() / 160 + 1);
    let mut seen = Seen::Sorted(None);
    let mut names = Interner::default();
    let mut rejected = 0u64;
    let mut complete = Completeness::default();
    let mut row = Row::default();
    loop {
        match reader.next_row(&mut row) {
            None => break,
            Some(Err(d)) => {
                report.diagnostics.push(d);
                rejected += 1;
            }
            Some(Ok(())) => match address_row(&row, &cols, gemeenten, options, &mut names) {
                Ok(a) => {
                    if let Some(first) = seen.first_line(&a, &addresses) {
                        report.diagnostics.push(reader.error_in(
                            &row,
                            row.get(0).1,
                            Message::Duplicate { what: ("dubbel adres", "duplicate address"), key: a.id.to_string(), first_line: u64::from(first) },
                        ));
                        rejected += 1;
                        continue;
                    }
                    check_row(file, &row, &cols, &a, gemeenten, &mut warnings);
                    complete.add(&a);
                    addresses.push(a);
                }
                Err((place, msg)) => {
                    report.diagnostics.push(reader.error_in(&row, place, msg));
                    rejected += 1;
                }
            },
        }
    }
    let count = RowCount { read: reader.rows_read(), accepted: addresses.len() as u64, rejected };
    report.files.push((file.to_string(), count));
    report.diagnostics.extend(warnings.finish(file));
    report.diagnostics.extend(completeness_warnings(file, &complete));
    Ok((addresses, report))
}

/// A bronbestand parsed a slice of rows at a time, so a caller (the browser) can give control
/// back between slices, show progress and stop. The result equals [`parse_bronbestand_with`] for
/// the same text, whatever the slice sizes (tested below).
///
/// ```
/// use versterkingsmonitor::data::bronbestand::{BronbestandParser, ParseOptions, BRONBESTAND_HEADER};
/// use versterkingsmonitor::data::gemeente::{Gemeente, GemeenteCode, Registry};
/// let reg = Registry::new(vec![Gemeente { code: GemeenteCode(1979), name: "Eemsdelta".into(), valid_from: None,
///     valid_to: None, successor: None, in_operation: true }]);
/// let mut text = BRONBESTAND_HEADER.join(",");
/// for i in 1..=5 {
///     text.push_str(&format!("\nA{i},GM1979,Loppersum,9919,,,,P90,particulier,,,,,,,,,,,,,"));
/// }
/// let mut p = BronbestandParser::new("demo.csv", &text, &reg, &ParseOptions::default()).unwrap();
/// while !p.step(2) {}
/// assert_eq!(p.rows_read(), 5);
/// let (addresses, report) = p.finish();
/// assert_eq!(addresses.len(), 5);
/// assert!(report.total().balanced());
/// ```
pub struct BronbestandParser<'a> {
    file: String,
    text: &'a str,
    gemeenten: &'a Registry,
    options: ParseOptions,
    reader: TableReader<'a>,
    cols: Columns,
    report: LoadReport,
    warnings: WarningSink,
    addresses: Vec<Address>,
    seen: Seen,
    names: Interner,
    rejected: u64,
    complete: Completeness,
    row: Row<'a>,
    /// Byte offset in `text` of the last row read (for progress).
    position: usize,
    done: bool,
}

impl<'a> BronbestandParser<'a> {
    /// Check the header and get ready to read rows. `Err` when the file cannot be read at all
    /// (empty, wrong header), as for [`parse_bronbestand_with`].
    // `Diagnostic` is the data layer's error type (as for `TableReader::open`); kept for one API.
    #[allow(clippy::result_large_err)]
    pub fn new(file: &str, text: &'a str, gemeenten: &'a Registry, options: &ParseOptions) -> Result<BronbestandParser<'a>, Diagnostic> {
        let short = first_record(text).is_some_and(|h| h.iter().map(String::as_str).eq(BRONBESTAND_HEADER_SHORT.iter().copied()));
        let (header, cols): (&'static [&'static str], Columns) = if short {
            (&BRONBESTAND_HEADER_SHORT, Columns { names: &BRONBESTAND_HEADER_SHORT, toegevoegd: None, first_date: 12 })
        } else {
            (&BRONBESTAND_HEADER, Columns { names: &BRONBESTAND_HEADER, toegevoegd: Some(12), first_date: 13 })
        };
        let reader = TableReader::open(file, text, header)?;
        Ok(BronbestandParser {
            file: file.to_string(),
            text,
            gemeenten,
            options: *options,
            reader,
            cols,
            report: LoadReport::default(),
            warnings: WarningSink::default(),
            addresses: Vec::with_capacity(text.len() / 160 + 1),
            seen: Seen::Sorted(None),
            names: Interner::default(),
            rejected: 0,
            complete: Completeness::default(),
            row: Row::default(),
            position: 0,
            done: false,
        })
    }

    /// Read at most `max_rows` more rows. Returns `true` once the end of the text is reached.
    pub fn step(&mut self, max_rows: usize) -> bool {
        if self.done {
            return true;
        }
        let file = self.file.as_str();
        for _ in 0..max_rows {
            match self.reader.next_row(&mut self.row) {
                None => {
                    self.done = true;
                    self.position = self.text.len();
                    return true;
                }
                Some(Err(d)) => {
                    self.report.diagnostics.push(d);
                    self.rejected += 1;
                }
                Some(Ok(())) => match address_row(&self.row, &self.cols, self.gemeenten, &self.options, &mut self.names) {
                    Ok(a) => {
                        if let Some(first) = self.seen.first_line(&a, &self.addresses) {
                            self.report.diagnostics.push(self.reader.error_in(
                                &self.row,
                                self.row.get(0).1,
                                Message::Duplicate { what: ("dubbel adres", "duplicate address"), key: a.id.to_string(), first_line: u64::from(first) },
                            ));
                            self.rejected += 1;
                            continue;
                        }
                        check_row(file, &self.row, &self.cols, &a, self.gemeenten, &mut self.warnings);
                        self.complete.add(&a);
                        self.addresses.push(a);
                    }
                    Err((place, msg)) => {
                        self.report.diagnostics.push(self.reader.error_in(&self.row, place, msg));
                        self.rejected += 1;
                    }
                },
            }
        }
        self.position = self.row_offset().unwrap_or(self.position);
        false
    }

    /// Byte offset of the last row read, from a field that borrows from the text.
    fn row_offset(&self) -> Option<usize> {
        let base = self.text.as_ptr() as usize;
        self.row.fields.iter().find_map(|f| match &f.text {
            std::borrow::Cow::Borrowed(s) => (s.as_ptr() as usize).checked_sub(base).filter(|&o| o <= self.text.len()),
            std::borrow::Cow::Owned(_) => None,
        })
    }

    /// True once every row has been read.
    pub fn is_done(&self) -> bool {
        self.done
    }
    /// Data rows read so far (accepted + rejected).
    pub fn rows_read(&self) -> u64 {
        self.reader.rows_read()
    }
    /// Rows accepted so far.
    pub fn accepted(&self) -> u64 {
        self.addresses.len() as u64
    }
    /// Rows rejected so far.
    pub fn rejected(&self) -> u64 {
        self.rejected
    }
    /// About how far the reading is, in bytes of the text (exact at row starts).
    pub fn bytes_read(&self) -> usize {
        self.position
    }
    /// Size of the text in bytes.
    pub fn bytes_total(&self) -> usize {
        self.text.len()
    }

    /// The accepted addresses and the report, as [`parse_bronbestand_with`] returns them. Rows
    /// not yet read (when stopped early) are left out of the counts.
    pub fn finish(self) -> (Vec<Address>, LoadReport) {
        let mut report = self.report;
        let count = RowCount { read: self.reader.rows_read(), accepted: self.addresses.len() as u64, rejected: self.rejected };
        report.files.push((self.file.clone(), count));
        report.diagnostics.extend(self.warnings.finish(&self.file));
        report.diagnostics.extend(completeness_warnings(&self.file, &self.complete));
        (self.addresses, report)
    }
}

fn address_row(
    row: &Row<'_>,
    cols: &Columns,
    gemeenten: &Registry,
    options: &ParseOptions,
    names: &mut Interner,
) -> Result<Address, Located> {
    let req = |i: usize, name: &str| -> Result<(&str, Place), Located> {
        let (v, p) = row.get(i);
        if v.is_empty() { Err((p, Message::Missing { field: name.into() })) } else { Ok((v, p)) }
    };
    let (id, p) = req(0, "id")?;
    if !is_id(id) {
        return Err((p, invalid(
            "id",
            id,
            (
                "een pseudoniem id van letters, cijfers, '-', '_' of '.' (hoogstens 40), nooit een adres",
                "a pseudonymous id of letters, digits, '-', '_' or '.' (at most 40), never an address",
            ),
        )));
    }
    let (g, p) = req(1, "gemeente")?;
    let code = GemeenteCode::parse(g).ok_or_else(|| (p, invalid("gemeente", g, GEMEENTE_CODE)))?;
    if gemeenten.get(code).is_none() {
        return Err((p, Message::Unknown { what: UNKNOWN_GEMEENTE, value: g.into() }));
    }
    let (woonplaats, p) = req(2, "woonplaats")?;
    if woonplaats.len() > 80 && woonplaats.chars().count() > 80 {
        return Err((p, invalid("woonplaats", woonplaats, LONGER_THAN_80)));
    }
    let (pc4_s, p) = req(3, "pc4")?;
    let pc4 = parse_pc4(pc4_s).ok_or_else(|| (p, invalid("pc4", pc4_s, ("vier cijfers, 1000-9999", "four digits, 1000-9999"))))?;
    let (straat, p) = row.get(4);
    if straat.len() > 80 && straat.chars().count() > 80 {
        return Err((p, invalid("straat", straat, LONGER_THAN_80)));
    }
    let (cluster, p) = row.get(5);
    if !cluster.is_empty() && !valid_batch(cluster) {
        return Err((p, invalid("cluster", cluster, BATCH_CHARS)));
    }
    let (batch, p) = row.get(6);
    if !batch.is_empty() && !valid_batch(batch) {
        return Err((p, invalid("batch", batch, BATCH_CHARS)));
    }
    let (r, p) = req(7, "risicoprofiel")?;
    let risicoprofiel = Risicoprofiel::parse(r).ok_or_else(|| (p, invalid("risicoprofiel", r, RISICOPROFIEL)))?;
    let (e, p) = req(8, "eigenaar")?;
    let eigenaar = Eigenaar::parse(e).ok_or_else(|| (p, invalid("eigenaar", e, EIGENAAR)))?;
    let (c, p) = row.get(9);
    let categorie = if c.is_empty() {
        None
    } else {
        Some(Categorie::parse(c).ok_or_else(|| (p, invalid("categorie", c, CATEGORIE)))?)
    };
    let (n, p) = row.get(10);
    let npr = if n.is_empty() { None } else { Some(parse_npr(n).ok_or_else(|| (p, invalid("npr", n, ("NPR en een jaartal, bijv. NPR2018", "NPR and a year, e.g. NPR2018"))))?) };
    let (u, p) = row.get(11);
    let uitkomst = if u.is_empty() {
        None
    } else {
        Some(Uitkomst::parse(u).ok_or_else(|| (p, invalid("uitkomst", u, ("op_norm, versterken, sloop_nieuwbouw of andere_reden", "op_norm, versterken, sloop_nieuwbouw or andere_reden"))))?)
    };
    let (earliest, latest) = (options.earliest.to_days(), options.latest.to_days());
    let date = |i: usize, name: &str| -> Result<Packed, Located> {
        let (s, p) = row.get(i);
        if s.is_empty() {
            return Ok(Packed(0));
        }
        // Fast path: a valid, plausible date. Anything else goes the general way below, which
        // gives the exact diagnostic.
        if let Some(day) = plain_day(s)
            && (earliest..=latest).contains(&day)
            && let Ok(packed) = u16::try_from(day - PACK_BASE)
        {
            return Ok(Packed(packed));
        }
        let d = Date::parse(s).map_err(|e| (p, invalid(name, s, e.reason())))?;
        if d < options.earliest || d > options.latest {
            return Err((p, implausible(name, s, options.earliest, options.latest)));
        }
        Ok(Packed::pack(Some(d)))
    };
    let toegevoegd = match cols.toegevoegd {
        Some(i) => date(i, "toegevoegd")?,
        None => Packed(0),
    };
    let mut dates = [Packed(0); 9];
    for (k, m) in Milestone::ALL.iter().enumerate() {
        if let Some(slot) = dates.get_mut(k) {
            *slot = date(cols.first_date + k, m.column())?;
        }
    }
    Ok(Address {
        id: AddressId::new(id),
        gemeente: code,
        gemeente_nu: gemeenten.harmonise(code),
        woonplaats: names.get(0, woonplaats),
        pc4,
        straat: (!straat.is_empty()).then(|| names.get(1, straat)),
        cluster: (!cluster.is_empty()).then(|| names.get(2, cluster)),
        batch: (!batch.is_empty()).then(|| names.get(3, batch)),
        risicoprofiel,
        eigenaar,
        categorie,
        npr,
        uitkomst,
        line: u32::try_from(row.line).unwrap_or(u32::MAX),
        toegevoegd,
        dates,
    })
}

/// The process chain checked for order: each dated milestone must not precede an earlier dated
/// one. LPA is left out (older inspections predate the LPAs).
const ORDER_CHAIN: [Milestone; 8] = [
    Milestone::Opname,
    Milestone::Beoordeling,
    Milestone::Normbesluit,
    Milestone::Planvorming,
    Milestone::Versterkingsbesluit,
    Milestone::BouwGestart,
    Milestone::BouwGereed,
    Milestone::Afgerond,
];

/// Milestones that are out of order in an address: (earlier milestone, its day, later milestone,
/// its day) for each dated milestone that precedes the dated milestone before it in the chain.
pub fn order_violations(a: &Address) -> Vec<(Milestone, i64, Milestone, i64)> {
    let mut out = Vec::new();
    let mut prev: Option<(Milestone, i64)> = None;
    for m in ORDER_CHAIN {
        let Some(d) = a.day(m) else { continue };
        if let Some((pm, pd)) = prev
            && d < pd
        {
            out.push((pm, pd, m, d));
            continue; // keep the later date as the reference
        }
        prev = Some((m, d));
    }
    out
}

fn show(day: i64) -> String {
    Date::from_days(day).map(|d| d.to_string()).unwrap_or_default()
}

/// Warnings for an accepted row: milestones out of order, a merged gemeente's code used after the
/// merger, outcomes that do not fit the dates.
/// A warning at `place` in `row`, named by its field (number and column name).
fn warning_in(file: &str, row: &Row<'_>, cols: &Columns, place: Place, message: Message) -> Diagnostic {
    Diagnostic::warning_at(file, place, message).in_field(field_of(row, cols.names, place))
}

fn check_row(file: &str, row: &Row<'_>, cols: &Columns, a: &Address, gemeenten: &Registry, sink: &mut WarningSink) {
    for (pm, pd, m, d) in order_violations(a) {
        let kind = (format!("{} vóór {}", m.column(), pm.column()), format!("{} before {}", m.column(), pm.column()));
        let place = row.get(cols.first_date + m.index()).1;
        sink.warn((&kind.0, &kind.1), || {
            warning_in(
                file,
                row,
                cols,
                place,
                Message::Quality {
                    nl: format!(
                        "{} ({}) ligt vóór {} ({}): de volgorde klopt niet; de doorlooptijd wordt apart gemeld",
                        m.label_nl(),
                        show(d),
                        pm.label_nl(),
                        show(pd)
                    ),
                    en: format!(
                        "{} ({}) is before {} ({}): out of order; the lead time is reported separately",
                        m.label_en(),
                        show(d),
                        pm.label_en(),
                        show(pd)
                    ),
                },
            )
        });
    }
    if let Some(g) = gemeenten.get(a.gemeente) {
        let place = row.get(1).1;
        if !g.in_operation {
            sink.warn(("gemeente buiten de operatie", "gemeente outside the operation"), || {
                warning_in(
                    file,
                    row,
                    cols,
                    place,
                    Message::Quality {
                        nl: format!("gemeente {} ({}) hoort niet bij de versterkingsoperatie", g.code, g.name),
                        en: format!("gemeente {} ({}) is not part of the reinforcement operation", g.code, g.name),
                    },
                )
            });
        }
        // The code must have been valid when the address first appears: a merged gemeente's code
        // used for an address that only appears after the merger is a mistake (but harmless:
        // it is harmonised).
        let first = Milestone::ALL.iter().filter_map(|m| a.day(*m)).min().or(a.toegevoegd.days());
        if let (Some(to), Some(day)) = (g.valid_to, first)
            && day > to.to_days()
        {
            sink.warn(("gemeente na samenvoeging", "gemeente after a merger"), || {
                warning_in(
                    file,
                    row,
                    cols,
                    place,
                    Message::GemeenteNotInPeriod { code: g.code.to_string(), name: g.name.clone(), period: show(day) },
                )
            });
        }
    }
    let outcome_place = row.get(11).1;
    match a.uitkomst {
        Some(u)
            if a.day(Milestone::Beoordeling).is_none()
                && a.day(Milestone::Normbesluit).is_none()
                && a.day(Milestone::Afgerond).is_none() =>
        {
            sink.warn(("uitkomst zonder beoordeling", "outcome without assessment"), || {
                warning_in(
                    file,
                    row,
                    cols,
                    outcome_place,
                    Message::Quality {
                        nl: format!("uitkomst {} zonder datum van beoordeling, normbesluit of afronding", u.as_str()),
                        en: format!("outcome {} without a date of assessment, norm decision or completion", u.as_str()),
                    },
                )
            });
        }
        Some(Uitkomst::OpNorm) if a.day(Milestone::BouwGereed).is_some() => {
            sink.warn(("op_norm met bouw gereed", "op_norm with construction done"), || {
                warning_in(
                    file,
                    row,
                    cols,
                    outcome_place,
                    Message::Quality {
                        nl: "uitkomst op_norm maar er is een datum 'bouw gereed'".into(),
                        en: "outcome op_norm but there is a 'construction finished' date".into(),
                    },
                )
            });
        }
        None if a.day(Milestone::Afgerond).is_some() => {
            sink.warn(("afgerond zonder uitkomst", "completed without outcome"), || {
                warning_in(
                    file,
                    row,
                    cols,
                    outcome_place,
                    Message::Quality {
                        nl: "afgerond zonder uitkomst: telt niet mee in 'voldoet aan de norm'".into(),
                        en: "completed without an outcome: not counted in 'meets the norm'".into(),
                    },
                )
            });
        }
        _ => {}
    }
}

/// How complete one milestone's dates are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MilestoneCompleteness {
    /// Addresses with a date for this milestone.
    pub present: u64,
    /// Addresses without a date for it although a later milestone of the process has one (the
    /// milestone was passed but its date is missing). LPA is never counted as passed.
    pub missing_but_passed: u64,
}

/// Counts of present and missing dates per milestone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Completeness {
    pub addresses: u64,
    pub without_toegevoegd: u64,
    /// Indexed like [`Milestone::ALL`].
    pub milestones: [MilestoneCompleteness; 9],
}

/// Milestones that every address passes on its way to a later one. Normbesluit, planvorming and
/// the construction milestones are skipped by addresses that meet the norm, so they only count
/// as passed when a later milestone of the same route has a date.
fn passed_without_date(a: &Address, m: Milestone) -> bool {
    if m == Milestone::Lpa || a.day(m).is_some() {
        return false;
    }
    let later = |ms: &[Milestone]| ms.iter().any(|x| a.day(*x).is_some());
    match m {
        Milestone::Opname => later(&Milestone::ALL[2..]),
        Milestone::Beoordeling => later(&Milestone::ALL[3..]),
        Milestone::Normbesluit | Milestone::Planvorming | Milestone::Versterkingsbesluit | Milestone::BouwGestart => {
            let after: &[Milestone] = Milestone::ALL.get(m.index() + 1..8).unwrap_or(&[]);
            later(after) || (a.uitkomst.is_some_and(Uitkomst::needs_construction) && a.day(Milestone::BouwGereed).is_some())
        }
        Milestone::BouwGereed => a.uitkomst.is_some_and(Uitkomst::needs_construction) && a.day(Milestone::Afgerond).is_some(),
        Milestone::Lpa | Milestone::Afgerond => false,
    }
}

/// Count present dates and dates missing although a later milestone was reached.
pub fn completeness(addresses: &[Address]) -> Completeness {
    let mut c = Completeness::default();
    addresses.iter().for_each(|a| c.add(a));
    c
}

impl Completeness {
    /// Count one more address (the parsers count each row as they accept it, instead of a
    /// pass over all addresses at the end).
    pub fn add(&mut self, a: &Address) {
        self.addresses += 1;
        if a.toegevoegd.days().is_none() {
            self.without_toegevoegd += 1;
        }
        for m in Milestone::ALL {
            if let Some(slot) = self.milestones.get_mut(m.index()) {
                if a.day(m).is_some() {
                    slot.present += 1;
                } else if passed_without_date(a, m) {
                    slot.missing_but_passed += 1;
                }
            }
        }
    }
}

fn completeness_warnings(file: &str, c: &Completeness) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for m in Milestone::ALL {
        let Some(s) = c.milestones.get(m.index()) else { continue };
        if s.missing_but_passed > 0 {
            out.push(Diagnostic::warning(
                file,
                0,
                0,
                Message::Quality {
                    nl: format!(
                        "{} adressen missen de datum van '{}' terwijl een latere mijlpaal wel een datum heeft; zij tellen niet mee in die mijlpaal en niet in doorlooptijden die die datum nodig hebben",
                        s.missing_but_passed,
                        m.label_nl()
                    ),
                    en: format!(
                        "{} addresses lack the date of '{}' although a later milestone has one; they are left out of that milestone and of lead times that need the date",
                        s.missing_but_passed,
                        m.label_en()
                    ),
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_of_many_warnings_names_their_kind_in_the_page_s_language() {
        // Regression: on an English page "and 5 more warnings of this kind (gemeente buiten de
        // operatie; 105 in total)" named the kind in Dutch.
        let mut sink = WarningSink::default();
        for _ in 0..MAX_WARNINGS_PER_KIND + 5 {
            sink.warn(("gemeente buiten de operatie", "gemeente outside the operation"), || Diagnostic::warning("f.csv", 2, 1, Message::Quality { nl: "n".into(), en: "e".into() }));
        }
        let all = sink.finish("f.csv");
        let last = all.last().map(|d| (d.message.text(crate::i18n::Lang::Nl), d.message.text(crate::i18n::Lang::En)));
        assert_eq!(
            last,
            Some((
                "en nog 5 waarschuwingen van deze soort (gemeente buiten de operatie; 105 in totaal)".to_string(),
                "and 5 more warnings of this kind (gemeente outside the operation; 105 in total)".to_string()
            ))
        );
    }
    use crate::data::gemeente::Gemeente;

    pub(crate) fn registry() -> Registry {
        let d = |s| Date::parse(s).ok();
        let g = |c: u16, n: &str, to: Option<Date>, s: Option<u16>, op: bool| Gemeente {
            code: GemeenteCode(c),
            name: n.into(),
            valid_from: None,
            valid_to: to,
            successor: s.map(GemeenteCode),
            in_operation: op,
        };
        Registry::new(vec![
            g(1979, "Eemsdelta", None, None, true),
            g(24, "Loppersum", d("2020-12-31"), Some(1979), true),
            g(14, "Groningen", None, None, true),
            g(17, "Haren", d("2018-12-31"), Some(14), false),
        ])
    }

    fn file(rows: &[&str]) -> String {
        let mut s = BRONBESTAND_HEADER.join(",");
        s.push('\n');
        for r in rows {
            s.push_str(r);
            s.push('\n');
        }
        s
    }

    const GOOD: &str = "A1,GM0024,Loppersum,9919,S-1,LOP-07,1467,P90,particulier,,NPR2018,versterken,2016-01-04,,2016-03-01,2017-05-02,2017-05-02,2018-01-01,,,,";

    #[test]
    fn reads_a_good_row() {
        let (a, r) = parse_bronbestand("t.csv", &file(&[GOOD]), &registry()).unwrap();
        assert_eq!(a.len(), 1);
        let a = &a[0];
        assert_eq!(a.gemeente, GemeenteCode(24));
        assert_eq!(a.gemeente_nu, GemeenteCode(1979));
        assert_eq!(&*a.woonplaats, "Loppersum");
        assert_eq!(a.pc4, 9919);
        assert_eq!(a.npr, Some(2018));
        assert_eq!(a.uitkomst, Some(Uitkomst::Versterken));
        assert_eq!(a.toegevoegd().map(|d| d.to_string()), Some("2016-01-04".into()));
        assert_eq!(a.date(Milestone::Planvorming).map(|d| d.to_string()), Some("2018-01-01".into()));
        assert_eq!(a.date(Milestone::Afgerond), None);
        assert_eq!(a.line, 2);
        assert_eq!(r.total(), RowCount { read: 1, accepted: 1, rejected: 0 });
        assert_eq!(r.errors(), 0);
    }

    #[test]
    fn every_bad_row_is_rejected_with_its_place_and_counted() {
        let rows = [
            GOOD,
            "A2,GM9999,Loppersum,9919,,,,P90,particulier,,,,,,,,,,,,,", // unknown gemeente
            "A3,GM0024,Loppersum,991,,,,P90,particulier,,,,,,,,,,,,,",  // pc4
            "A4,GM0024,Loppersum,9919,,,,P70,particulier,,,,,,,,,,,,,", // profile
            "A5,GM0024,Loppersum,9919,,,,P90,particulier,,,,,,2009-01-01,,,,,,,", // implausible
            "A6,GM0024,Loppersum,9919,,,,P90,particulier,,,,,,2020-02-30,,,,,,,", // no such day
            "A1,GM0024,Loppersum,9919,,,,P90,particulier,,,,,,,,,,,,,", // duplicate id
            "A8,GM0024,Loppersum,9919,,,,P90",                          // ragged
            "Dorpsstraat 1,GM0024,Loppersum,9919,,,,P90,particulier,,,,,,,,,,,,,", // not an id
            "A9,GM0024,,9919,,,,P90,particulier,,,,,,,,,,,,,",          // missing woonplaats
            "A10,GM0024,Loppersum,9919,,,,P90,particulier,,NPR18,,,,,,,,,,,", // npr
        ];
        let (a, r) = parse_bronbestand("t.csv", &file(&rows), &registry()).unwrap();
        assert_eq!(a.len(), 1);
        let t = r.total();
        assert_eq!((t.read, t.accepted, t.rejected), (11, 1, 10));
        assert!(t.balanced());
        let errs: Vec<_> = r.diagnostics.iter().filter(|d| d.severity == super::super::diagnostic::Severity::Error).collect();
        assert_eq!(errs.len(), 10);
        // GM9999 at column 4 of line 3; the implausible date in the opname column.
        assert_eq!((errs[0].line, errs[0].column), (3, 4));
        let opname_col = file(&[rows[4]]).lines().nth(1).unwrap().split(',').take(14).map(|f| f.len() + 1).sum::<usize>() + 1;
        assert_eq!((errs[3].line, errs[3].column), (6, opname_col as u64));
        assert!(matches!(errs[5].message, Message::Duplicate { first_line: 2, .. }));
    }

    /// Regression: on a Dutch page the loader's messages were part English ("veld 'opname':
    /// '2020-13-01' is ongeldig (no such calendar day)", "(four digits, 1000-9999)"), and the
    /// table's "Kolom 51" was the character in the line, in a file of 22 columns. Each message
    /// is now wholly Dutch or wholly English and names the field: its column number and name.
    /// (`column` stays the character in the line: `ncg check` prints FILE:LINE:COLUMN, as
    /// compilers do, and its English is unchanged.)
    #[test]
    fn rejections_are_in_one_language_and_name_the_column() {
        use crate::i18n::Lang;
        let rows = [
            "A2,GM9999,Loppersum,9919,,,,P90,particulier,,,,,,,,,,,,,",
            "A3,GM0024,Loppersum,991,,,,P90,particulier,,,,,,,,,,,,,",
            "A5,GM0024,Loppersum,9919,,,,P90,particulier,,,,,,2009-01-01,,,,,,,",
            "A6,GM0024,Loppersum,9919,,,,P90,particulier,,,,,,2020-13-01,,,,,,,",
            "A7,GM0024,Loppersum,9919,,,,P90,particulier,,,,,,2020/01/01,,,,,,,",
            "A8,GM0024,Loppersum,9919,,,,P90",
            "A9,GM0024,Loppersum,9919,,,,P90,particulier,,,,,,,,,,,,,,extra",
            "A10,GM0024,Loppersum,9919,,,,P90,eigen,,,,,,,,,,,,,",
        ];
        let (_, r) = parse_bronbestand("t.csv", &file(&rows), &registry()).unwrap();
        let nl: Vec<String> = r.diagnostics.iter().map(|d| d.describe(Lang::Nl)).collect();
        let en: Vec<String> = r.diagnostics.iter().map(|d| d.describe(Lang::En)).collect();
        assert_eq!(
            nl,
            [
                "t.csv, regel 2, kolom 2 (gemeente): fout: onbekende gemeente 'GM9999'",
                "t.csv, regel 3, kolom 4 (pc4): fout: veld 'pc4': '991' is ongeldig (vier cijfers, 1000-9999)",
                "t.csv, regel 4, kolom 15 (opname): fout: veld 'opname': '2009-01-01' is ongeldig (geen plausibele datum: verwacht 2012-01-01 tot en met 2035-12-31)",
                "t.csv, regel 5, kolom 15 (opname): fout: veld 'opname': '2020-13-01' is ongeldig (die dag bestaat niet)",
                "t.csv, regel 6, kolom 15 (opname): fout: veld 'opname': '2020/01/01' is ongeldig (verwacht een datum als JJJJ-MM-DD)",
                // Too few fields: where the first missing one would be.
                "t.csv, regel 7, kolom 9 (eigenaar): fout: regel heeft 8 velden, de kopregel 22",
                // Too many: the first extra field, which has no name.
                "t.csv, regel 8, kolom 23: fout: regel heeft 23 velden, de kopregel 22",
                "t.csv, regel 9, kolom 9 (eigenaar): fout: veld 'eigenaar': 'eigen' is ongeldig (corporatie of particulier)",
            ]
        );
        assert_eq!(en[3], "t.csv, line 5, column 15 (opname): error: field 'opname': '2020-13-01' is invalid (no such calendar day)");
        assert_eq!(en[2], "t.csv, line 4, column 15 (opname): error: field 'opname': '2009-01-01' is invalid (not a plausible date: expected 2012-01-01 to 2035-12-31)");
        // The table's column cell and the native tool's line (the character in the line: 50).
        assert_eq!(r.diagnostics[3].column_text(Lang::Nl), "15 (opname)");
        assert_eq!(r.diagnostics[3].render(Lang::En), "t.csv:5:50: error: field 'opname': '2020-13-01' is invalid (no such calendar day)");
        // Warnings name their column too.
        let (_, w) = parse_bronbestand("t.csv", &file(&["W1,GM0024,Loppersum,9919,,,,P90,particulier,,,,,,2017-05-02,2016-03-01,,,,,,"]), &registry()).unwrap();
        let first = w.diagnostics.iter().find(|d| d.severity == super::super::diagnostic::Severity::Warning).map(|d| d.place_text(Lang::Nl));
        assert_eq!(first.as_deref(), Some("regel 2, kolom 16 (beoordeling)"));
    }

    #[test]
    fn order_and_gemeente_warnings_do_not_reject() {
        let rows = [
            // beoordeling before opname
            "B1,GM1979,Loppersum,9919,,,,P90,particulier,,,,,,2019-03-01,2019-01-01,,,,,,",
            // Loppersum's code for an address that first appears in 2022
            "B2,GM0024,Loppersum,9919,,,,P90,particulier,,,,,,2022-03-01,,,,,,,",
            // Haren is not part of the operation
            "B3,GM0017,Haren,9751,,,,grijs,particulier,,,,,,2017-03-01,,,,,,,",
        ];
        let (a, r) = parse_bronbestand("t.csv", &file(&rows), &registry()).unwrap();
        assert_eq!(a.len(), 3);
        assert_eq!(r.errors(), 0);
        assert_eq!(r.warnings(), 3);
        assert_eq!(order_violations(&a[0]).len(), 1);
    }

    #[test]
    fn short_header_without_toegevoegd_is_accepted() {
        let mut s = BRONBESTAND_HEADER_SHORT.join(",");
        s.push_str("\nC1,GM1979,Loppersum,9919,,,,P50,corporatie,zorg,,,,2016-03-01,,,,,,,\n");
        let (a, r) = parse_bronbestand("t.csv", &s, &registry()).unwrap();
        assert_eq!(r.errors(), 0);
        assert_eq!(a[0].toegevoegd(), None);
        assert_eq!(a[0].date(Milestone::Opname).map(|d| d.to_string()), Some("2016-03-01".into()));
        assert_eq!(a[0].entry_day(), a[0].day(Milestone::Opname));
    }

    #[test]
    fn duplicates_are_found_in_sorted_and_unsorted_files() {
        let row = |id: &str| format!("{id},GM1979,Loppersum,9919,,,,P90,particulier,,,,,,,,,,,,,");
        // Sorted until the duplicate; unsorted before a later duplicate; an exact repeat.
        for (ids, dup_line, first_line) in
            [(vec!["A1", "A2", "A3", "A2"], 5, 3), (vec!["B9", "B1", "B5", "B7", "B5"], 6, 4), (vec!["C1", "C1"], 3, 2)]
        {
            let rows: Vec<String> = ids.iter().map(|i| row(i)).collect();
            let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
            let (a, r) = parse_bronbestand("t.csv", &file(&refs), &registry()).unwrap();
            assert_eq!(a.len(), ids.len() - 1, "{ids:?}");
            let d = &r.diagnostics[0];
            assert_eq!(d.line, dup_line);
            assert!(matches!(d.message, Message::Duplicate { first_line: f, .. } if f == first_line), "{ids:?}: {d:?}");
        }
    }

    /// The chunked parser gives exactly the whole-file result, whatever the slice size.
    #[test]
    fn chunked_parsing_equals_whole_file_parsing() {
        let rows = [
            GOOD,
            "A2,GM9999,Loppersum,9919,,,,P90,particulier,,,,,,,,,,,,,",
            "B1,GM1979,Loppersum,9919,,,,P90,particulier,,,,,,2019-03-01,2019-01-01,,,,,,",
            "A1,GM0024,Loppersum,9919,,,,P90,particulier,,,,,,,,,,,,,",
            "A8,GM0024,Loppersum,9919,,,,P90",
            "\"A9\",GM0024,\"Zeerijp, 't\",9919,,,,P90,particulier,,,,,,,,,,,,,",
            "A0,GM1979,Loppersum,9919,,,,P90,particulier,,,,,,,,,,,,,",
            "C1,GM0024,Loppersum,9919,,,,P90,particulier,,,versterken,,,2016-03-01,,,,,,,2017-01-01",
        ];
        let text = file(&rows);
        let whole = parse_bronbestand("t.csv", &text, &registry()).unwrap();
        for size in [1, 2, 3, 7, 1000] {
            let reg = registry();
            let mut p = BronbestandParser::new("t.csv", &text, &reg, &ParseOptions::default()).unwrap();
            let mut last = 0;
            let mut steps = 0;
            while !p.step(size) {
                assert!(p.bytes_read() >= last && p.bytes_read() <= p.bytes_total());
                assert_eq!(p.rows_read(), p.accepted() + p.rejected());
                last = p.bytes_read();
                steps += 1;
            }
            assert!(p.is_done());
            assert_eq!(p.bytes_read(), p.bytes_total());
            assert!(steps >= rows.len() / size, "size {size}");
            assert_eq!(p.finish(), whole, "size {size}");
        }
        assert!(BronbestandParser::new("t.csv", "id;gemeente\n", &registry(), &ParseOptions::default()).is_err());
    }

    /// The completeness warnings are counted row by row as rows are accepted: they must equal
    /// those of a count over the accepted addresses (rejected rows and duplicates left out).
    #[test]
    fn completeness_is_counted_over_the_accepted_rows_only() {
        let rows = [
            "D1,GM1979,Loppersum,9919,,,,P90,corporatie,,,versterken,,,,2016-01-01,2016-01-01,,,,2017-01-01,2017-02-01",
            // rejected (unknown gemeente), with a date missing on the way
            "D2,GM9999,Loppersum,9919,,,,P90,corporatie,,,versterken,,,,2016-01-01,,,,,,2017-02-01",
            // a duplicate of D1 (rejected), also missing its opname date
            "D1,GM1979,Loppersum,9919,,,,P90,corporatie,,,versterken,,,,2016-01-01,,,,,,2017-02-01",
            "D3,GM1979,Loppersum,9919,,,,P90,particulier,,,op_norm,,,2016-01-01,2016-05-01,2016-05-01,,,,,2016-05-01",
        ];
        let text = file(&rows);
        let (addresses, report) = parse_bronbestand("t.csv", &text, &registry()).unwrap();
        assert_eq!(report.total(), RowCount { read: 4, accepted: 2, rejected: 2 });
        let expected = completeness_warnings("t.csv", &completeness(&addresses));
        assert!(!expected.is_empty());
        let reported: Vec<&Diagnostic> = report.diagnostics.iter().filter(|d| expected.contains(d)).collect();
        assert_eq!(reported.len(), expected.len());
        let reg = registry();
        let mut p = BronbestandParser::new("t.csv", &text, &reg, &ParseOptions::default()).unwrap();
        while !p.step(1) {}
        assert_eq!(p.complete, completeness(&addresses));
    }

    #[test]
    fn wrong_header_is_fatal() {
        assert!(parse_bronbestand("t.csv", "id;gemeente\n", &registry()).is_err());
        assert!(parse_bronbestand("t.csv", "", &registry()).is_err());
    }

    #[test]
    fn strings_are_interned() {
        let rows = [GOOD, "A2,GM0024,Loppersum,9919,S-1,LOP-07,1467,P90,particulier,,,,,,,,,,,,,"];
        let (a, _) = parse_bronbestand("t.csv", &file(&rows), &registry()).unwrap();
        assert!(Arc::ptr_eq(&a[0].woonplaats, &a[1].woonplaats));
        assert!(Arc::ptr_eq(a[0].cluster.as_ref().unwrap(), a[1].cluster.as_ref().unwrap()));
    }

    #[test]
    fn completeness_counts_dates_missing_on_the_way() {
        let rows = [
            // afgerond, versterkt, but no opname and no planvorming date
            "D1,GM1979,Loppersum,9919,,,,P90,corporatie,,,versterken,,,,2016-01-01,2016-01-01,,,,2017-01-01,2017-02-01",
            // op norm: skipping planvorming is not a missing date
            "D2,GM1979,Loppersum,9919,,,,P90,particulier,,,op_norm,,,2016-01-01,2016-05-01,2016-05-01,,,,,2016-05-01",
        ];
        let (a, r) = parse_bronbestand("t.csv", &file(&rows), &registry()).unwrap();
        let c = completeness(&a);
        assert_eq!(c.milestones[Milestone::Opname.index()].missing_but_passed, 1);
        assert_eq!(c.milestones[Milestone::Planvorming.index()].missing_but_passed, 1);
        assert_eq!(c.milestones[Milestone::BouwGestart.index()].missing_but_passed, 1);
        assert_eq!(c.milestones[Milestone::Opname.index()].present, 1);
        assert!(r.warnings() >= 2);
    }

    proptest::proptest! {
        /// Whatever the text after the header, parsing never panics and every row is accounted for.
        #[test]
        fn never_panics_and_balances(body in "[ -~\n\r,\"é]{0,600}") {
            let text = format!("{}\n{body}", BRONBESTAND_HEADER.join(","));
            if let Ok((a, r)) = parse_bronbestand("t.csv", &text, &registry()) {
                let t = r.total();
                proptest::prop_assert!(t.balanced());
                proptest::prop_assert_eq!(t.accepted, a.len() as u64);
            }
        }

        /// Rows built from plausible and broken field values: accepted + rejected = read.
        #[test]
        fn mixed_rows_balance(picks in proptest::collection::vec(proptest::collection::vec(0usize..4, 22), 1..20)) {
            let options: [[&str; 4]; 22] = [
                ["A1", "A2", "", "x y"], ["GM1979", "GM0024", "GM9999", "1979"], ["Loppersum", "", "Zeerijp", "'t Zandt"],
                ["9919", "0999", "99199", "abcd"], ["", "S1", "S-2", "s"], ["", "LOP-07", "a b", "X"], ["", "1467", "Q2-2018", "?"],
                ["P50", "P90", "grijs", "P70"], ["corporatie", "particulier", "", "anders"], ["", "zorg", "agro", "kerk"],
                ["", "NPR2018", "NPR18", "NPR2099"], ["", "op_norm", "versterken", "ja"], ["", "2016-01-04", "2011-12-31", "2016-13-01"],
                ["", "2019-05-01", "x", "2036-01-01"], ["", "2016-03-01", "2017-05-02", "2015-02-29"], ["", "2017-05-02", "2016-01-01", "bad"],
                ["", "2017-05-02", "2018-01-01", "2020-02-30"], ["", "2018-01-01", "2012-01-01", "-"], ["", "2018-06-01", "2017-01-01", "2018"],
                ["", "2018-07-01", "2016-01-01", "2018-07"], ["", "2019-01-01", "2017-01-01", " 2019-01-01"], ["", "2019-02-01", "2016-01-01", "2019-02-01 "],
            ];
            let rows: Vec<String> = picks.iter().map(|p| p.iter().zip(options.iter()).map(|(i, o)| o[*i]).collect::<Vec<_>>().join(",")).collect();
            let refs: Vec<&str> = rows.iter().map(String::as_str).collect();
            let (a, r) = parse_bronbestand("t.csv", &file(&refs), &registry()).unwrap();
            let t = r.total();
            proptest::prop_assert!(t.balanced());
            proptest::prop_assert_eq!(t.read, rows.len() as u64);
            proptest::prop_assert_eq!(t.accepted, a.len() as u64);
        }
    }

    /// The fast date path gives the same day as the general parser, and nothing where the
    /// general parser refuses (so the diagnostic still comes from it).
    #[test]
    fn plain_day_agrees_with_date_parse() {
        for s in [
            "2016-01-04", "1990-01-01", "2100-12-31", "2020-02-29", "2021-02-29", "2019-13-01", "2019-00-10", "2019-01-00",
            "2019-01-32", "1989-12-31", "2101-01-01", "2019-1-01", "2019/01/01", "20190101", "", "2019-01-0a", "٢٠١٩-01-01",
            " 2019-01-01", "2019-01-01 ", "+019-01-01", "2000-02-29", "1900-02-29",
        ] {
            assert_eq!(plain_day(s), Date::parse(s).ok().map(Date::to_days), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_day_agrees_with_date_parse_anywhere(s in "[0-9]{4}-[0-9]{2}-[0-9]{2}|[ -~]{0,12}") {
            proptest::prop_assert_eq!(plain_day(&s), Date::parse(&s).ok().map(Date::to_days));
        }
    }

    /// Inline and shared ids read, compare, order and hash like their text.
    #[test]
    fn address_ids_behave_like_their_text() {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let long = "X".repeat(40);
        let ids = ["", "A1", "A000123", "R999A000123", "a234567890123456789012", "a2345678901234567890123", long.as_str()];
        let h = BuildHasherDefault::<Fnv>::default();
        for a in ids {
            let ia = AddressId::new(a);
            assert_eq!(&*ia, a);
            assert_eq!(ia.to_string(), a);
            assert_eq!(format!("{ia:?}"), format!("{a:?}"));
            assert_eq!(h.hash_one(&ia), h.hash_one(a));
            for b in ids {
                let ib = AddressId::new(b);
                assert_eq!(ia == ib, a == b, "{a} {b}");
                assert_eq!(ia.cmp(&ib), a.cmp(b), "{a} {b}");
            }
        }
        let mut map: FastMap<AddressId, u32> = FastMap::default();
        map.insert(AddressId::new(&long), 7);
        assert_eq!(map.get(long.as_str()), Some(&7));
    }

    #[test]
    fn packed_dates_round_trip_over_the_whole_range() {
        let mut a = Address::new("x", GemeenteCode(14), "Ten Boer", 9791, Risicoprofiel::Grijs, Eigenaar::Particulier);
        for s in ["1990-01-01", "2012-08-16", "2100-12-31"] {
            let d = Date::parse(s).unwrap();
            a.set_date(Milestone::Opname, Some(d));
            assert_eq!(a.date(Milestone::Opname), Some(d));
        }
        a.set_date(Milestone::Opname, None);
        assert_eq!(a.date(Milestone::Opname), None);
    }

    #[test]
    fn norm_day_follows_the_outcome() {
        let mut a = Address::new("x", GemeenteCode(14), "Ten Boer", 9791, Risicoprofiel::Grijs, Eigenaar::Particulier);
        let d = |s| Date::parse(s).ok();
        a.set_date(Milestone::Normbesluit, d("2022-01-10"));
        assert_eq!(a.norm_day(), None);
        a.uitkomst = Some(Uitkomst::OpNorm);
        assert_eq!(a.norm_day().map(|x| x.1), d("2022-01-10").map(Date::to_days));
        a.set_date(Milestone::Afgerond, d("2022-02-01"));
        assert_eq!(a.norm_day().map(|x| x.1), d("2022-02-01").map(Date::to_days));
        a.uitkomst = Some(Uitkomst::Versterken);
        assert_eq!(a.norm_day().map(|x| x.1), d("2022-02-01").map(Date::to_days));
        a.set_date(Milestone::BouwGereed, d("2022-01-20"));
        assert_eq!(a.norm_day().map(|x| x.1), d("2022-01-20").map(Date::to_days));
    }
}
