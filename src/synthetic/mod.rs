//! The synthetic demonstration bronbestand (native only; `ncg demo` writes it).
//!
//! **Synthetic**: every address, date and id is invented. No real address, street or person is
//! in it: ids are pseudonymous (`A000123`), streets are numbered per postal area (`S9919-03`).
//! Only the *aggregates* are real: the generator is calibrated so that the file reproduces SodM's
//! tables 2.1, 2.2, 2.4 and 2.5 (bronbestand peildatum 17-07-2020) and NCG's kerncijfers 2022-2024
//! (werkvoorraad and "voldoet aan de norm" in three parts) — see [`calibration`] and
//! `docs/bronbestand-format.md`. The villages are real; their sizes are invented.
//!
//! The same seed gives the same bytes on every platform (integer arithmetic and IEEE basic
//! operations only; no hash-map iteration order is ever used).
//!
//! How it works: [`phase_a`] builds the addresses up to the peildatum from date pools with the
//! exact counts of table 2.2; [`place`] gives batches, clusters and villages; [`phase_b`] moves
//! them month by month to the end of 2025 along target curves through the published figures.

pub mod calibration;
pub mod geo;
mod model;
mod phase_a;
mod phase_b;
mod place;
pub mod rng;
pub mod targets;

use crate::data::breakdown::Eigenaar;
use crate::data::bronbestand::events::EVENTS_FORM_HEADER;
use crate::data::bronbestand::{BRONBESTAND_HEADER, Milestone, Uitkomst};
use crate::data::date::Date;
use crate::data::gemeente::{Gemeente, GemeenteCode, Registry};
use model::{Cohort, Sim, day};
use rng::Rng;

/// The seed of the committed demo file (`public/data/demo/bronbestand-demo.csv`).
pub const DEFAULT_SEED: u64 = 1;
/// Where the demo file lives, relative to the data folder.
pub const DEMO_FILE: &str = "demo/bronbestand-demo.csv";
/// The events form that goes with it (backward moves and late registrations).
pub const DEMO_EVENTS_FILE: &str = "demo/bronbestand-demo-gebeurtenissen.csv";
/// What the demo is calibrated to (also in the manifest's `demo` entry).
pub const CALIBRATED_TO: &str = "SodM tabel 2.1, 2.2, 2.4 (peildatum 17-07-2020); NCG kerncijfers 2022-2024";

/// One row of the events form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoEvent {
    pub id: String,
    pub milestone: Milestone,
    pub date: Option<i64>,
    pub recorded_on: i64,
    pub reset: bool,
}

/// The generated demo: the wide bronbestand and the events form, as CSV text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Demo {
    pub seed: u64,
    /// The bronbestand (header + one row per address).
    pub csv: String,
    /// The events form.
    pub events_csv: String,
    pub addresses: usize,
    pub events: usize,
}

fn show(d: Option<i64>) -> String {
    d.and_then(Date::from_days).map(|d| d.to_string()).unwrap_or_default()
}

/// The gemeenten the demo uses, as in `public/data/gemeenten.csv` (for use without the archive).
pub fn registry() -> Registry {
    let d = |s: &str| Date::parse(s).ok();
    let g = |code: u16, name: &str, from: Option<Date>, to: Option<Date>, succ: Option<u16>| Gemeente {
        code: GemeenteCode(code),
        name: name.to_string(),
        valid_from: from,
        valid_to: to,
        successor: succ.map(GemeenteCode),
        in_operation: true,
    };
    Registry::new(vec![
        g(3, "Appingedam", None, d("2020-12-31"), Some(1979)),
        g(10, "Delfzijl", None, d("2020-12-31"), Some(1979)),
        g(24, "Loppersum", None, d("2020-12-31"), Some(1979)),
        g(1979, "Eemsdelta", d("2021-01-01"), None, None),
        g(9, "Ten Boer", None, d("2018-12-31"), Some(14)),
        g(14, "Groningen", None, None, None),
        g(1966, "Het Hogeland", d("2019-01-01"), None, None),
        g(1952, "Midden-Groningen", d("2018-01-01"), None, None),
        g(1895, "Oldambt", d("2010-01-01"), None, None),
    ])
}

/// The gemeente code an address carries: the code valid on its opname (or first dated
/// milestone), so Appingedam, Delfzijl and Loppersum addresses inspected before 2021 (and Ten Boer
/// addresses before 2019) keep their old code; addresses without a milestone get today's code.
fn gemeente_code(s: &Sim) -> u16 {
    let dorp = geo::DORPEN.get(s.dorp).copied().unwrap_or(geo::DORPEN[0]);
    let reference = s.get(Milestone::Opname).or_else(|| s.first());
    match (dorp.before, reference) {
        (Some((old, until)), Some(r)) if r <= day(until) => old,
        _ => dorp.gemeente,
    }
}

fn npr(s: &Sim) -> Option<u16> {
    let b = s.get(Milestone::Beoordeling).or(s.get(Milestone::Normbesluit))?;
    let late_op_norm = s.uitkomst == Some(Uitkomst::OpNorm) && s.get(Milestone::Normbesluit).is_some_and(|n| n >= day("2020-09-01"));
    Some(if s.herbeoordeeld || late_op_norm || b >= day("2020-09-01") {
        2020
    } else if b < day("2018-01-01") {
        2015
    } else {
        2018
    })
}

/// A handful of data-entry errors, as in every real file: a beoordeling dated a few days before
/// its opname (about one in a thousand addresses inspected after 2021). They show up as warnings
/// and as negative durations.
fn entry_errors(sims: &mut [Sim], rng: &mut Rng) {
    for s in sims.iter_mut() {
        let (Some(o), Some(b)) = (s.get(Milestone::Opname), s.get(Milestone::Beoordeling)) else { continue };
        if o >= day("2021-06-01") && rng.chance(0.001) {
            let wrong = o - rng.range(1, 30);
            s.set(Milestone::Beoordeling, Some(wrong.min(b)));
        }
    }
}

/// The events form: SodM's January-2020 figures differed from July's (table REV, L729-738):
/// 518 beoordelingen of H1 2019 were only registered in 2020, and 605 addresses shown as
/// "beoordeeld" in H2 2019 were reset to "opname" by NCG (L913-919). Folding the events as known
/// on 15-01-2020 gives SodM's interim 357 and 656.
fn events(sims: &[Sim], ids: &[String], rng: &mut Rng) -> Vec<DemoEvent> {
    use Milestone::*;
    let mut out = Vec::new();
    let h1 = (day("2019-01-01"), day("2019-06-30"));
    let mut late: Vec<(u64, usize)> = sims
        .iter()
        .enumerate()
        .filter(|(_, s)| s.get(Beoordeling).is_some_and(|b| b >= h1.0 && b <= h1.1))
        .map(|(i, _)| (rng.next_u64(), i))
        .collect();
    late.sort();
    for &(_, i) in late.iter().take(518) {
        let (Some(s), Some(id)) = (sims.get(i), ids.get(i)) else { continue };
        out.push(DemoEvent {
            id: id.clone(),
            milestone: Beoordeling,
            date: s.get(Beoordeling),
            recorded_on: rng.range(day("2020-01-16"), day("2020-06-30")),
            reset: false,
        });
    }
    let p = day(targets::PEILDATUM);
    let mut reset: Vec<(u64, usize)> = sims
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.cohort == Cohort::S1 && s.get(Opname).is_some_and(|o| o < day("2019-05-01")) && s.get(Beoordeling).is_none_or(|b| b > p)
        })
        .map(|(i, _)| (rng.next_u64(), i))
        .collect();
    reset.sort();
    for &(_, i) in reset.iter().take(605) {
        let (Some(s), Some(id)) = (sims.get(i), ids.get(i)) else { continue };
        let x = rng.range(day("2019-07-01").max(s.get(Opname).unwrap_or(0) + 60), day("2019-12-20"));
        out.push(DemoEvent {
            id: id.clone(),
            milestone: Beoordeling,
            date: Some(x),
            recorded_on: (x + rng.range(5, 40)).min(day("2020-01-10")),
            reset: false,
        });
        out.push(DemoEvent {
            id: id.clone(),
            milestone: Beoordeling,
            date: Some(x),
            recorded_on: rng.range(day("2020-02-01"), day("2020-06-30")),
            reset: true,
        });
        if let Some(b) = s.get(Beoordeling) {
            out.push(DemoEvent { id: id.clone(), milestone: Beoordeling, date: Some(b), recorded_on: b + rng.range(3, 30), reset: false });
        }
    }
    out.sort_by(|a, b| (a.recorded_on, &a.id, a.reset).cmp(&(b.recorded_on, &b.id, b.reset)));
    out
}

/// Generate the demo for a seed. Deterministic: the same seed gives the same bytes.
pub fn generate(seed: u64) -> Demo {
    let mut sims = phase_a::run(seed);
    place::assign_batches(&mut sims);
    let mut rng = Rng::new(seed, 301);
    let mut geo = place::Geo::new();
    let mut clusters = Vec::new();
    place::form_clusters(&mut sims, &mut clusters, &mut geo, &mut rng);
    phase_b::run(seed, &mut sims, &mut clusters, &mut geo);
    let mut rng = Rng::new(seed, 302);
    place::assign_categories(&mut sims, &mut rng);
    entry_errors(&mut sims, &mut rng);

    // Order by village, cluster and history; then number the ids.
    let mut order: Vec<usize> = (0..sims.len()).collect();
    order.sort_by_key(|&i| {
        let s = sims.get(i);
        let seq = s.and_then(|s| clusters.get(s.cluster)).map(|c| c.seq).unwrap_or(0);
        (s.map(|s| s.dorp).unwrap_or(0), seq, s.map(|s| s.first().unwrap_or(s.toegevoegd)).unwrap_or(0), i)
    });
    let mut ids = vec![String::new(); sims.len()];
    for (n, &i) in order.iter().enumerate() {
        if let Some(id) = ids.get_mut(i) {
            *id = format!("A{:06}", n + 1);
        }
    }
    let mut csv = String::with_capacity(sims.len() * 200);
    csv.push_str(&BRONBESTAND_HEADER.join(","));
    csv.push('\n');
    for &i in &order {
        let (Some(s), Some(id)) = (sims.get(i), ids.get(i)) else { continue };
        let dorp = geo::DORPEN.get(s.dorp).copied().unwrap_or(geo::DORPEN[0]);
        let cluster = clusters.get(s.cluster).map(|c| format!("{}-{:02}", dorp.code, c.seq)).unwrap_or_default();
        let straat = s.straat.map(|n| format!("S{}-{:02}", s.pc4, n)).unwrap_or_default();
        let fields: Vec<String> = [
            id.clone(),
            GemeenteCode(gemeente_code(s)).to_string(),
            dorp.name.to_string(),
            s.pc4.to_string(),
            straat,
            cluster,
            s.batch.to_string(),
            s.profile.as_str().to_string(),
            match s.eigenaar {
                Eigenaar::Corporatie => "corporatie".to_string(),
                Eigenaar::Particulier => "particulier".to_string(),
            },
            s.categorie.map(|c| c.as_str().to_string()).unwrap_or_default(),
            npr(s).map(|y| format!("NPR{y}")).unwrap_or_default(),
            s.uitkomst.map(|u| u.as_str().to_string()).unwrap_or_default(),
            show(Some(s.toegevoegd)),
        ]
        .into_iter()
        .chain(Milestone::ALL.iter().map(|m| show(s.get(*m))))
        .collect();
        for (k, f) in fields.iter().enumerate() {
            if k > 0 {
                csv.push(',');
            }
            // Only "'t Zandt" has a special character, and an apostrophe needs no quoting.
            csv.push_str(f);
        }
        csv.push('\n');
    }
    let mut rng = Rng::new(seed, 303);
    let evs = events(&sims, &ids, &mut rng);
    let mut events_csv = EVENTS_FORM_HEADER.join(",");
    events_csv.push('\n');
    for e in &evs {
        events_csv.push_str(&format!(
            "{},{},{},{},{}\n",
            e.id,
            e.milestone.column(),
            show(e.date),
            show(Some(e.recorded_on)),
            if e.reset { "reset" } else { "set" }
        ));
    }
    Demo { seed, csv, events_csv, addresses: sims.len(), events: evs.len() }
}
