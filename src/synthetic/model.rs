//! The generator's working model of an address and a cluster, and small date helpers.

use crate::data::breakdown::{Categorie, Eigenaar, Risicoprofiel};
use crate::data::bronbestand::{Milestone, Uitkomst};
use crate::data::date::Date;

/// Day number (days since 1970-01-01) of a constant `YYYY-MM-DD`.
pub fn day(s: &str) -> i64 {
    Date::parse(s).map(Date::to_days).unwrap_or(0)
}

/// Last day of the month that contains day `d`.
pub fn month_end(d: i64) -> i64 {
    Date::from_days(d).map(|x| x.month_of().last_day().to_days()).unwrap_or(d)
}

/// Which group an address belongs to at the SodM peildatum (by its dated milestones).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cohort {
    /// No opname yet.
    S0,
    /// Opname, no beoordeling.
    S1,
    /// Beoordeeld, no planvorming.
    S2,
    /// Planvorming, not afgerond.
    S3,
    /// Afgerond.
    S4,
    /// Added after the peildatum.
    Later,
}

/// One address being generated.
#[derive(Clone, Debug)]
pub struct Sim {
    pub profile: Risicoprofiel,
    pub eigenaar: Eigenaar,
    pub categorie: Option<Categorie>,
    pub batch: &'static str,
    /// Index into `geo::DORPEN`.
    pub dorp: usize,
    pub pc4: u16,
    /// Index into the cluster list.
    pub cluster: usize,
    /// Street number within the pc4 (`S9919-03`); `None` when the file leaves the street out.
    pub straat: Option<u16>,
    pub toegevoegd: i64,
    /// Milestone days, indexed like `Milestone::ALL`.
    pub d: [Option<i64>; 9],
    pub uitkomst: Option<Uitkomst>,
    pub cohort: Cohort,
    /// Has all dates SodM needed for table 2.4 (completed addresses only).
    pub traced: bool,
    /// Day of the norm decision still to be taken (after a beoordeling).
    pub pending_nb: Option<i64>,
    /// Declared op norm after an earlier reinforcement advice.
    pub herbeoordeeld: bool,
}

impl Sim {
    pub fn new(profile: Risicoprofiel, cohort: Cohort) -> Sim {
        Sim {
            profile,
            eigenaar: Eigenaar::Particulier,
            categorie: None,
            batch: "",
            dorp: 0,
            pc4: 0,
            cluster: 0,
            straat: None,
            toegevoegd: 0,
            d: [None; 9],
            uitkomst: None,
            cohort,
            traced: false,
            pending_nb: None,
            herbeoordeeld: false,
        }
    }

    pub fn get(&self, m: Milestone) -> Option<i64> {
        self.d.get(m.index()).copied().flatten()
    }

    pub fn set(&mut self, m: Milestone, v: Option<i64>) {
        if let Some(s) = self.d.get_mut(m.index()) {
            *s = v;
        }
    }

    /// Dated on or before `day`.
    pub fn on(&self, m: Milestone, day: i64) -> bool {
        self.get(m).is_some_and(|d| d <= day)
    }

    /// The first dated milestone.
    pub fn first(&self) -> Option<i64> {
        self.d.iter().flatten().copied().min()
    }

    /// Outcome needs construction (versterken or sloop-nieuwbouw).
    pub fn is_va(&self) -> bool {
        self.uitkomst.is_some_and(Uitkomst::needs_construction)
    }

    /// The day the trajectory closed (afgerond, else the norm day), as the derivation defines it.
    pub fn closed(&self) -> Option<i64> {
        if let Some(a) = self.get(Milestone::Afgerond) {
            return Some(a);
        }
        match self.uitkomst? {
            Uitkomst::Versterken | Uitkomst::SloopNieuwbouw => self.get(Milestone::BouwGereed),
            Uitkomst::OpNorm => self.get(Milestone::Normbesluit),
            Uitkomst::AndereReden => None,
        }
    }

    /// In fase 5 (versterkingsbesluit, bouw gestart or gereed) and not closed, on `day`.
    pub fn in_fase5(&self, day: i64) -> bool {
        let reached =
            self.on(Milestone::Versterkingsbesluit, day) || self.on(Milestone::BouwGestart, day) || self.on(Milestone::BouwGereed, day);
        reached && self.closed().is_none_or(|c| c > day)
    }
}

/// A cluster: neighbouring addresses in one village and pc4 that usually move together.
#[derive(Clone, Debug)]
pub struct Cluster {
    pub dorp: usize,
    pub pc4: u16,
    /// Number within the village (`LOP-07`).
    pub seq: u32,
    /// Streets of the cluster (numbers within the pc4).
    pub streets: Vec<u16>,
    /// Last day a member reached each milestone, for "neighbours move together".
    pub last: [i64; 9],
}

impl Cluster {
    pub fn new(dorp: usize, pc4: u16, seq: u32) -> Cluster {
        Cluster { dorp, pc4, seq, streets: Vec::new(), last: [i64::MIN; 9] }
    }
}
