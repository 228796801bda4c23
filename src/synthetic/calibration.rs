//! Calibration: every published figure the demo is meant to reproduce, next to what the parsed
//! demo file actually gives (computed with the real parser and the real derivations, not with
//! the generator's own bookkeeping).
//!
//! Tolerances: counts within 2% or 30 addresses (whichever is larger), mean lead times within 5%.
//! Indicative figures (NCG 2020-2021 and 2025, fasen) are printed with a looser tolerance
//! (10% or 100) and are not asserted.

use super::targets::*;
use crate::analysis::derive::{flow, norm_flow, snapshot};
use crate::analysis::lead_time_exact::{Cohort, Transition, lead_times};
use crate::data::breakdown::{Eigenaar, Risicoprofiel};
use crate::data::bronbestand::events::{MilestoneEvent, state_as_known};
use crate::data::bronbestand::{Address, Milestone};
use crate::data::date::Date;

/// How close is close enough.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tolerance {
    /// A count: within 2% or 30 addresses.
    Count,
    /// A mean: within 5%.
    Mean,
    /// Indicative: within 10% or 100; not asserted.
    Indicative,
}

/// One calibration target and what the demo gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub group: &'static str,
    pub name: String,
    pub target: f64,
    pub achieved: f64,
    pub tolerance: Tolerance,
}

impl Row {
    /// Within tolerance?
    pub fn ok(&self) -> bool {
        let diff = (self.achieved - self.target).abs();
        match self.tolerance {
            Tolerance::Count => diff <= (0.02 * self.target).max(30.0),
            Tolerance::Mean => diff <= 0.05 * self.target,
            Tolerance::Indicative => diff <= (0.10 * self.target).max(100.0),
        }
    }
    /// Asserted (not indicative)?
    pub fn hard(&self) -> bool {
        self.tolerance != Tolerance::Indicative
    }
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap_or(Date::Y2K)
}

const PROFILES: [(Risicoprofiel, &str); 3] = [(Risicoprofiel::P50, "P50"), (Risicoprofiel::P90, "P90"), (Risicoprofiel::Grijs, "grijs")];
const STEPS: [&str; 5] = ["werkvoorraad", "opname", "beoordeling", "planvorming", "uitvoering gereed"];
const STEP_MILESTONES: [Milestone; 4] = [Milestone::Opname, Milestone::Beoordeling, Milestone::Planvorming, Milestone::Afgerond];

fn step_counts<'a>(addresses: impl IntoIterator<Item = &'a Address>, at: Date) -> [u64; 5] {
    let s = snapshot(addresses, at);
    [
        s.werkvoorraad,
        s.reached(Milestone::Opname),
        s.reached(Milestone::Beoordeling),
        s.reached(Milestone::Planvorming),
        s.reached(Milestone::Afgerond),
    ]
}

/// All calibration rows for the parsed demo (and its events form, if given).
pub fn check(addresses: &[Address], events: Option<&[MilestoneEvent]>) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut row = |group: &'static str, name: String, target: f64, achieved: f64, tolerance: Tolerance| {
        rows.push(Row { group, name, target, achieved, tolerance });
    };
    let peil = d(PEILDATUM);
    // Table 2.1.
    let mut total = [0u64; 5];
    for (pi, (p, label)) in PROFILES.iter().enumerate() {
        let c = step_counts(addresses.iter().filter(|a| a.risicoprofiel == *p), peil);
        for k in 0..5 {
            let t = T21.get(pi).and_then(|r| r.get(k)).copied().unwrap_or(0);
            let a = c.get(k).copied().unwrap_or(0);
            if let Some(x) = total.get_mut(k) {
                *x += a;
            }
            row("SodM 2.1", format!("{label} {}", STEPS.get(k).unwrap_or(&"")), f64::from(t), a as f64, Tolerance::Count);
        }
    }
    for k in 0..5 {
        let t: u32 = T21.iter().filter_map(|r| r.get(k)).sum();
        row(
            "SodM 2.1",
            format!("totaal {}", STEPS.get(k).unwrap_or(&"")),
            f64::from(t),
            total.get(k).copied().unwrap_or(0) as f64,
            Tolerance::Count,
        );
    }
    // Table 2.2.
    for (mi, m) in STEP_MILESTONES.iter().enumerate() {
        for (pi, (label, from, to)) in T22_PERIODS.iter().enumerate() {
            let from = if from.is_empty() { d("2012-01-01") } else { d(from) };
            let t = T22.get(mi).and_then(|r| r.get(pi)).copied().unwrap_or(0);
            let name = format!("{} {label}", STEPS.get(mi + 1).unwrap_or(&""));
            row("SodM 2.2", name, f64::from(t), flow(addresses, *m, from, d(to)) as f64, Tolerance::Count);
        }
    }
    // Table 2.4.
    let done = lead_times(addresses, peil, Cohort::Completed, true);
    let mean = |lt: &crate::analysis::lead_time_exact::LeadTimes, t: Transition| lt.transition(t).and_then(|x| x.mean()).unwrap_or(0.0);
    row("SodM 2.4", "afgerond: opname→beoordeling".into(), T24_COMPLETED[0], mean(&done, Transition::OpnameBeoordeling), Tolerance::Mean);
    row(
        "SodM 2.4",
        "afgerond: beoordeling→planvorming".into(),
        T24_COMPLETED[1],
        mean(&done, Transition::BeoordelingPlanvorming),
        Tolerance::Mean,
    );
    row("SodM 2.4", "afgerond: planvorming→gereed".into(), T24_COMPLETED[2], mean(&done, Transition::PlanvormingGereed), Tolerance::Mean);
    row("SodM 2.4", "afgerond: totaal".into(), T24_COMPLETED[3], done.chain_total_mean().unwrap_or(0.0), Tolerance::Mean);
    row("SodM 2.4", "afgerond: herleidbaar (van 1.177)".into(), f64::from(T24_COVERAGE), done.chain_complete as f64, Tolerance::Count);
    let inpl = lead_times(addresses, peil, Cohort::InPlanvorming, true);
    row(
        "SodM 2.4",
        "in planvorming: opname→beoordeling".into(),
        T24_IN_PLANVORMING[0],
        mean(&inpl, Transition::OpnameBeoordeling),
        Tolerance::Mean,
    );
    row(
        "SodM 2.4",
        "in planvorming: beoordeling→planvorming".into(),
        T24_IN_PLANVORMING[1],
        mean(&inpl, Transition::BeoordelingPlanvorming),
        Tolerance::Mean,
    );
    row("SodM 2.4", "in planvorming: totaal".into(), T24_IN_PLANVORMING[2], inpl.chain_total_mean().unwrap_or(0.0), Tolerance::Mean);
    let beo = lead_times(addresses, peil, Cohort::Beoordeeld, true);
    row("SodM 2.4", "beoordeeld: opname→beoordeling".into(), T24_BEOORDEELD, mean(&beo, Transition::OpnameBeoordeling), Tolerance::Mean);
    // Table 2.5.
    let t25 = d(PEILDATUM_T25);
    for (pi, (p, label)) in PROFILES.iter().enumerate() {
        let c = step_counts(addresses.iter().filter(|a| a.risicoprofiel == *p && a.eigenaar == Eigenaar::Corporatie), t25);
        for k in 0..5 {
            let t = T25.get(pi).and_then(|r| r.get(k)).copied().unwrap_or(0);
            row(
                "SodM 2.5",
                format!("corporatie {label} {}", STEPS.get(k).unwrap_or(&"")),
                f64::from(t),
                c.get(k).copied().unwrap_or(0) as f64,
                Tolerance::Count,
            );
        }
    }
    // NCG headline figures.
    for (date, v) in WERKVOORRAAD {
        row("NCG", format!("werkvoorraad {date}"), f64::from(v), snapshot(addresses, d(date)).werkvoorraad as f64, Tolerance::Count);
    }
    for (date, total, parts) in VOLDOET {
        let n = snapshot(addresses, d(date)).norm;
        row("NCG", format!("voldoet aan norm {date}"), f64::from(total), n.total() as f64, Tolerance::Count);
        if let Some([v, o, a]) = parts {
            row("NCG", format!("  versterkt {date}"), f64::from(v), n.versterkt as f64, Tolerance::Count);
            row("NCG", format!("  op norm {date}"), f64::from(o), n.op_norm as f64, Tolerance::Count);
            row("NCG", format!("  andere reden {date}"), f64::from(a), n.andere_reden as f64, Tolerance::Count);
        }
    }
    row(
        "NCG",
        format!("  versterkt {}", VERSTERKT_2022.0),
        f64::from(VERSTERKT_2022.1),
        snapshot(addresses, d(VERSTERKT_2022.0)).norm.versterkt as f64,
        Tolerance::Count,
    );
    // SodM's interim figures, from the events form.
    if let Some(evs) = events {
        let (known, _) = state_as_known(addresses, evs, d(REV_KNOWN_ON));
        for (from, to, t) in REV_BEOORDELING {
            row(
                "SodM REV",
                format!("beoordeling {from}..{to} zoals bekend op {REV_KNOWN_ON}"),
                f64::from(t),
                flow(&known, Milestone::Beoordeling, d(from), d(to)) as f64,
                Tolerance::Count,
            );
        }
    }
    // Indicative.
    use super::targets::indicative::*;
    let ind = Tolerance::Indicative;
    row(
        "indicatief",
        "opnames 2020 t/m november".into(),
        f64::from(YTD_2020_11[0]),
        flow(addresses, Milestone::Opname, d("2020-01-01"), d("2020-11-30")) as f64,
        ind,
    );
    row(
        "indicatief",
        "beoordelingen 2020 t/m november".into(),
        f64::from(YTD_2020_11[1]),
        flow(addresses, Milestone::Beoordeling, d("2020-01-01"), d("2020-11-30")) as f64,
        ind,
    );
    row(
        "indicatief",
        "opnames 2020".into(),
        f64::from(YEAR_2020[0]),
        flow(addresses, Milestone::Opname, d("2020-01-01"), d("2020-12-31")) as f64,
        ind,
    );
    row(
        "indicatief",
        "beoordelingen 2020".into(),
        f64::from(YEAR_2020[1]),
        flow(addresses, Milestone::Beoordeling, d("2020-01-01"), d("2020-12-31")) as f64,
        ind,
    );
    row(
        "indicatief",
        "beoordelingen juni 2020".into(),
        f64::from(BEOORDELING_JUNI_2020),
        flow(addresses, Milestone::Beoordeling, d("2020-06-01"), d("2020-06-30")) as f64,
        ind,
    );
    row(
        "indicatief",
        "afgerond 31-12-2020".into(),
        f64::from(AFGEROND_2020),
        snapshot(addresses, d("2020-12-31")).reached(Milestone::Afgerond) as f64,
        ind,
    );
    let s = snapshot(addresses, d("2021-03-31"));
    row("indicatief", "afgerond 31-03-2021".into(), f64::from(AFGEROND_2021_03[0]), s.reached(Milestone::Afgerond) as f64, ind);
    row("indicatief", "  bouwkundig versterkt".into(), f64::from(AFGEROND_2021_03[1]), s.afgerond_versterkt as f64, ind);
    row("indicatief", "  anders afgerond".into(), f64::from(AFGEROND_2021_03[2]), s.afgerond_anders as f64, ind);
    let months = [("2021-01-01", "2021-01-31"), ("2021-02-01", "2021-02-28"), ("2021-03-01", "2021-03-31")];
    let q1 = [
        Milestone::Opname,
        Milestone::Beoordeling,
        Milestone::Normbesluit,
        Milestone::Versterkingsbesluit,
        Milestone::BouwGestart,
        Milestone::Afgerond,
    ];
    for (mi, m) in q1.iter().enumerate() {
        let t: u32 = Q1_2021.get(mi).map(|r| r.iter().sum()).unwrap_or(0);
        let a: u64 = months.iter().map(|(f, e)| flow(addresses, *m, d(f), d(e))).sum();
        row("indicatief", format!("{} 1e kw 2021", m.label_nl()), f64::from(t), a as f64, ind);
    }
    let s = snapshot(addresses, d("2021-10-31"));
    for (k, t) in FASEN_2021_10.iter().enumerate() {
        row("indicatief", format!("fase {} op 31-10-2021", k + 1), f64::from(*t), s.fases.get(k).copied().unwrap_or(0) as f64, ind);
    }
    let at = d("2024-03-31").to_days();
    let in_uitv = addresses
        .iter()
        .filter(|a| {
            let started =
                a.day(Milestone::Versterkingsbesluit).is_some_and(|x| x <= at) || a.day(Milestone::BouwGestart).is_some_and(|x| x <= at);
            started && a.day(Milestone::BouwGereed).is_none_or(|x| x > at) && a.closed_day().is_none_or(|x| x > at)
        })
        .count();
    row("indicatief", "in voorbereiding/uitvoering 31-03-2024".into(), f64::from(IN_UITVOERING_2024_03), in_uitv as f64, ind);
    let s = snapshot(addresses, d("2024-12-31"));
    let beoordeeld_of_verder = addresses
        .iter()
        .filter(|a| {
            Milestone::ALL.iter().skip(Milestone::Beoordeling.index()).any(|m| a.day(*m).is_some_and(|x| x <= d("2024-12-31").to_days()))
        })
        .count() as u64;
    row(
        "indicatief",
        "nog te beoordelen 31-12-2024".into(),
        f64::from(NOG_TE_BEOORDELEN_2024),
        s.werkvoorraad.saturating_sub(beoordeeld_of_verder) as f64,
        ind,
    );
    row(
        "indicatief",
        "veilig verklaard 2025".into(),
        f64::from(YEAR_2025[0]),
        norm_flow(addresses, None, d("2025-01-01"), d("2025-12-31")) as f64,
        ind,
    );
    row(
        "indicatief",
        "bouw gestart 2025".into(),
        f64::from(YEAR_2025[1]),
        flow(addresses, Milestone::BouwGestart, d("2025-01-01"), d("2025-12-31")) as f64,
        ind,
    );
    rows
}

/// The rows as a plain-text table: group, name, target, achieved, difference, ok.
pub fn render(rows: &[Row]) -> String {
    let mut out = format!("{:<11} {:<52} {:>9} {:>9} {:>8}  {}\n", "bron", "doel", "doel", "bereikt", "verschil", "ok");
    for r in rows {
        let diff = r.achieved - r.target;
        let pct = if r.target != 0.0 { diff / r.target * 100.0 } else { 0.0 };
        let (t, a) = if r.tolerance == Tolerance::Mean {
            (format!("{:.1}", r.target), format!("{:.1}", r.achieved))
        } else {
            (format!("{:.0}", r.target), format!("{:.0}", r.achieved))
        };
        let mark = match (r.ok(), r.hard()) {
            (true, _) => "ja",
            (false, true) => "NEE",
            (false, false) => "(nee)",
        };
        out.push_str(&format!("{:<11} {:<52} {:>9} {:>9} {:>+7.1}%  {}\n", r.group, r.name, t, a, pct, mark));
    }
    out
}
