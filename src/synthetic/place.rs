//! Batches, clusters and villages.
//!
//! Addresses with similar histories are grouped into clusters of 5-60 neighbours (corporation
//! complexes larger), and each cluster is placed in one village and pc4 — so neighbours usually
//! share their dates, as the cluster-wise approach of the LPAs intends. Villages are chosen in
//! proportion to their remaining size and to how early their region entered the operation.

use std::collections::BTreeMap;

use super::geo::DORPEN;
use super::model::{Cluster, Cohort, Sim, day};
use super::rng::Rng;
use crate::data::breakdown::{Categorie, Eigenaar, Risicoprofiel};
use crate::data::bronbestand::Milestone;

/// Remaining room per village, cluster numbers and street numbers.
pub struct Geo {
    remaining: Vec<[f64; 2]>,
    seq: Vec<u32>,
    streets: BTreeMap<u16, u16>,
}

impl Geo {
    pub fn new() -> Geo {
        Geo {
            remaining: DORPEN.iter().map(|d| [f64::from(d.size - d.corporatie), f64::from(d.corporatie)]).collect(),
            seq: vec![0; DORPEN.len()],
            streets: BTreeMap::new(),
        }
    }

    /// Choose a village for `n` addresses of one owner type from an era (0 early, 1, 2 late).
    fn choose(&mut self, rng: &mut Rng, n: usize, corp: bool, era: usize) -> usize {
        let k = usize::from(corp);
        let weights: Vec<f64> =
            DORPEN.iter().zip(&self.remaining).map(|(d, r)| d.region.era_weight(era) * r.get(k).copied().unwrap_or(0.0).max(0.0)).collect();
        let i = if weights.iter().any(|w| *w > 0.0) {
            rng.weighted(&weights)
        } else {
            // Every village is full for this owner type: take the one with most room left.
            (0..DORPEN.len())
                .max_by(|&a, &b| {
                    let ra = self.remaining.get(a).map(|r| r[0] + r[1]).unwrap_or(0.0);
                    let rb = self.remaining.get(b).map(|r| r[0] + r[1]).unwrap_or(0.0);
                    ra.total_cmp(&rb).then(b.cmp(&a))
                })
                .unwrap_or(0)
        };
        if let Some(r) = self.remaining.get_mut(i).and_then(|r| r.get_mut(k)) {
            *r -= n as f64;
        }
        i
    }

    /// A new cluster in village `dorp` with one to three streets.
    fn cluster(&mut self, rng: &mut Rng, dorp: usize) -> Cluster {
        let d = DORPEN.get(dorp).copied().unwrap_or(DORPEN[0]);
        let pc4 = d.pc4.get(rng.below(d.pc4.len() as u64) as usize).copied().unwrap_or(9999);
        let seq = self.seq.get_mut(dorp).map(|s| {
            *s += 1;
            *s
        });
        let mut c = Cluster::new(dorp, pc4, seq.unwrap_or(1));
        let next = self.streets.entry(pc4).or_insert(0);
        let n = 1 + rng.below(3) as u16;
        if *next > 0 && rng.chance(0.3) {
            c.streets.push(*next); // shares a street with the previous cluster
        }
        for _ in 0..n {
            *next += 1;
            c.streets.push(*next);
        }
        c
    }
}

/// Batches of the addresses known on the peildatum, by their history (see docs): 1581 (old
/// advices waiting, Bouwimpuls 2020), 1467 (the first, 2014-2016), 1588 (inspected 2016-2017,
/// assessment suspended), 3260, Q2-2018, other CVW-era addresses, the HRA-2018 P50/P90 list and
/// the LPA 2019 addresses.
pub fn assign_batches(sims: &mut [Sim]) {
    use Milestone::*;
    let take = |sims: &mut [Sim], name: &'static str, cap: usize, keep: &dyn Fn(&Sim) -> bool, key: &dyn Fn(&Sim) -> i64| {
        let mut c: Vec<(i64, usize)> =
            sims.iter().enumerate().filter(|(_, s)| s.batch.is_empty() && keep(s)).map(|(i, s)| (key(s), i)).collect();
        c.sort();
        for (_, i) in c.into_iter().take(cap) {
            if let Some(s) = sims.get_mut(i) {
                s.batch = name;
            }
        }
    };
    let before = |m: Milestone, d: &str| {
        let d = day(d);
        move |s: &Sim| s.get(m).is_some_and(|x| x < d)
    };
    let b18 = before(Beoordeling, "2018-01-01");
    take(
        sims,
        "1581",
        1550,
        &|s| b18(s) && (s.cohort == Cohort::S2 || (s.cohort == Cohort::S3 && s.get(Planvorming).is_some_and(|p| p >= day("2020-01-01")))),
        &|s| s.get(Beoordeling).unwrap_or(0),
    );
    take(sims, "1467", 1480, &|s| s.first().is_some_and(|f| f < day("2016-07-01")), &|s| s.first().unwrap_or(0));
    take(
        sims,
        "1588",
        1590,
        &|s| {
            s.get(Opname).is_some_and(|o| (day("2016-01-01")..=day("2017-12-31")).contains(&o))
                && s.get(Beoordeling).is_none_or(|b| b >= day("2019-01-01"))
        },
        &|s| s.get(Opname).unwrap_or(0),
    );
    take(sims, "3260", 3260, &|s| s.get(Opname).is_some_and(|o| (day("2016-07-01")..=day("2018-03-31")).contains(&o)), &|s| {
        s.get(Opname).unwrap_or(0)
    });
    take(sims, "Q2-2018", 2200, &|s| s.get(Opname).is_some_and(|o| (day("2018-04-01")..=day("2019-06-30")).contains(&o)), &|s| {
        s.get(Opname).unwrap_or(0)
    });
    take(sims, "CVW-overig", usize::MAX, &|s| s.first().is_some_and(|f| f < day("2019-07-01")), &|s| s.first().unwrap_or(0));
    take(sims, "HRA2018", usize::MAX, &|s| s.profile != Risicoprofiel::Grijs, &|s| s.toegevoegd);
    take(sims, "LPA2019", usize::MAX, &|_| true, &|s| s.toegevoegd);
}

fn batch_rank(b: &str) -> u8 {
    match b {
        "1467" => 0,
        "1581" => 1,
        "1588" => 2,
        "3260" => 3,
        "Q2-2018" => 4,
        "CVW-overig" => 5,
        "HRA2018" => 6,
        "LPA2019" => 7,
        _ => 8,
    }
}

fn era(d: Option<i64>) -> usize {
    match d {
        Some(d) if d < day("2017-01-01") => 0,
        Some(d) if d < day("2019-01-01") => 1,
        _ => 2,
    }
}

/// Group the addresses known on the peildatum into clusters and place every cluster.
pub fn form_clusters(sims: &mut [Sim], clusters: &mut Vec<Cluster>, geo: &mut Geo, rng: &mut Rng) {
    let mut order: Vec<(u8, u8, Cohort, i64, u8, u64, usize)> = sims
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let month = s.first().unwrap_or(s.toegevoegd) / 30;
            let p = match s.profile {
                Risicoprofiel::P50 => 0,
                Risicoprofiel::P90 => 1,
                Risicoprofiel::Grijs => 2,
            };
            (batch_rank(s.batch), u8::from(s.eigenaar == Eigenaar::Corporatie), s.cohort, month, p, rng.next_u64() >> 40, i)
        })
        .collect();
    order.sort();
    let mut i = 0;
    while i < order.len() {
        let group = order.get(i).map(|o| (o.0, o.1)).unwrap_or((0, 0));
        let corp = group.1 == 1;
        let size = if corp { 10 + rng.below(51) as usize } else { 5 + (rng.unit() * rng.unit() * 31.0) as usize };
        let mut j = i;
        while j < order.len() && j - i < size && order.get(j).map(|o| (o.0, o.1)) == Some(group) {
            j += 1;
        }
        // A short tail joins the cluster before it when that stays within 60.
        let tail = order.iter().skip(j).take_while(|o| (o.0, o.1) == group).count();
        if tail > 0 && tail < 5 && j - i + tail <= 64 {
            j += tail;
        }
        let members: Vec<usize> = order.get(i..j).map(|s| s.iter().map(|o| o.6).collect()).unwrap_or_default();
        let mut firsts: Vec<i64> = members.iter().filter_map(|&m| sims.get(m).and_then(Sim::first)).collect();
        firsts.sort();
        let median = if firsts.len() * 2 >= members.len() { firsts.get(firsts.len() / 2).copied() } else { None };
        let dorp = geo.choose(rng, members.len(), corp, era(median));
        let c = geo.cluster(rng, dorp);
        let idx = clusters.len();
        for &m in &members {
            if let Some(s) = sims.get_mut(m) {
                place(s, &c, idx, rng);
            }
        }
        clusters.push(c);
        i = j;
    }
}

fn place(s: &mut Sim, c: &Cluster, idx: usize, rng: &mut Rng) {
    s.dorp = c.dorp;
    s.pc4 = c.pc4;
    s.cluster = idx;
    s.straat = if rng.chance(0.08) { None } else { c.streets.get(rng.below(c.streets.len() as u64) as usize).copied() };
}

/// Place addresses added after the peildatum: in new clusters of 5-20, a few into existing ones.
pub fn place_additions(sims: &mut [Sim], new: &[usize], clusters: &mut Vec<Cluster>, geo: &mut Geo, rng: &mut Rng) {
    let mut i = 0;
    while i < new.len() {
        let left = new.len() - i;
        if left < 5 {
            for &m in new.get(i..).unwrap_or(&[]) {
                let corp = sims.get(m).is_some_and(|s| s.eigenaar == Eigenaar::Corporatie);
                let dorp = geo.choose(rng, 1, corp, 2);
                let here: Vec<usize> = clusters.iter().enumerate().filter(|(_, c)| c.dorp == dorp).map(|(k, _)| k).collect();
                let idx = match here.get(rng.below(here.len() as u64) as usize) {
                    Some(&k) => k,
                    None => {
                        clusters.push(geo.cluster(rng, dorp));
                        clusters.len() - 1
                    }
                };
                if let (Some(s), Some(c)) = (sims.get_mut(m), clusters.get(idx)) {
                    place(s, c, idx, rng);
                }
            }
            break;
        }
        let size = (5 + rng.below(16) as usize).min(left);
        let size = if left - size < 5 { left } else { size };
        let members = new.get(i..i + size).unwrap_or(&[]);
        let dorp = geo.choose(rng, members.len(), false, 2);
        let c = geo.cluster(rng, dorp);
        let idx = clusters.len();
        for &m in members {
            if let Some(s) = sims.get_mut(m) {
                place(s, &c, idx, rng);
            }
        }
        clusters.push(c);
        i += size;
    }
}

/// Special categories: agro in the small villages, a few care homes, schools and village halls,
/// and "eigen initiatief" (Heft in eigen hand) among private owners added or inspected later.
pub fn assign_categories(sims: &mut [Sim], rng: &mut Rng) {
    for s in sims.iter_mut() {
        let small = DORPEN.get(s.dorp).is_some_and(|d| d.size < 500);
        let part = s.eigenaar == Eigenaar::Particulier;
        let late = s.toegevoegd >= day("2019-01-01") || s.get(Milestone::Opname).is_some_and(|o| o >= day("2019-01-01"));
        let r = rng.unit();
        s.categorie = if part && small && r < 0.07 {
            Some(Categorie::Agro)
        } else if r > 0.994 || (!part && r > 0.99) {
            Some(Categorie::Zorg)
        } else if (0.5..0.502).contains(&r) {
            Some(Categorie::School)
        } else if part && late && (0.3..0.33).contains(&r) {
            Some(Categorie::EigenInitiatief)
        } else {
            None
        };
    }
    // One village hall in about half of the villages.
    for d in 0..DORPEN.len() {
        if !rng.chance(0.5) {
            continue;
        }
        let here: Vec<usize> = sims.iter().enumerate().filter(|(_, s)| s.dorp == d && s.categorie.is_none()).map(|(i, _)| i).collect();
        if let Some(&i) = here.get(rng.below(here.len() as u64) as usize)
            && let Some(s) = sims.get_mut(i)
        {
            s.categorie = Some(Categorie::Dorpshuis);
        }
    }
}
