//! Phase A: the addresses and their dates up to the SodM peildatum (17-07-2020), built so that
//! the dated milestones reproduce tables 2.1, 2.2 and 2.5 exactly and the lead times of table 2.4
//! closely.
//!
//! Method. For each milestone a *pool* of dates is drawn with exactly the number of table 2.2 in
//! each period. The 1,177 completed addresses take all completion dates; their planvorming,
//! beoordeling and opname dates are taken from the pools at the slot nearest to a sampled lead
//! time (so the durations come out near SodM's means); about 70% of them lose one of those dates
//! (SodM could trace only 350). The addresses in planvorming take the remaining planvorming
//! slots, and so on down: every slot is used once, so every period count is exact. Risk profiles
//! and owners are then given per group so that tables 2.1 and 2.5 hold exactly. The lead-time
//! scales are refined in a few rounds until the means match table 2.4.

use std::collections::BTreeMap;

use super::model::{Cohort, Sim, day, month_end};
use super::rng::Rng;
use super::targets::{T21, T22, T22_PERIODS, T24_BEOORDEELD, T24_COMPLETED, T24_COVERAGE, T24_IN_PLANVORMING, T25};
use crate::data::breakdown::{Eigenaar, Risicoprofiel};
use crate::data::bronbestand::{Milestone, Uitkomst};

/// Which of opname, beoordeling, planvorming, afgerond an address has on a date.
type Sig = (bool, bool, bool, bool);

const PROFILES: [Risicoprofiel; 3] = [Risicoprofiel::P50, Risicoprofiel::P90, Risicoprofiel::Grijs];

/// A multiset of dates; slots are taken one by one.
struct Pool(BTreeMap<i64, u32>);

impl Pool {
    fn new(days: &[i64]) -> Pool {
        let mut m = BTreeMap::new();
        for d in days {
            *m.entry(*d).or_insert(0) += 1;
        }
        Pool(m)
    }

    fn take(&mut self, d: i64) {
        if let Some(c) = self.0.get_mut(&d) {
            *c -= 1;
            if *c == 0 {
                self.0.remove(&d);
            }
        }
    }

    /// Take the free slot nearest to `target` that is not after `limit`.
    fn take_nearest(&mut self, target: i64, limit: i64) -> Option<i64> {
        let below = self.0.range(..=target.min(limit)).next_back().map(|(d, _)| *d);
        let above = if target < limit { self.0.range(target..=limit).next().map(|(d, _)| *d) } else { None };
        let pick = match (below, above) {
            (Some(b), Some(a)) => Some(if target - b <= a - target { b } else { a }),
            (b, a) => b.or(a),
        }?;
        self.take(pick);
        Some(pick)
    }

    /// All remaining slots, oldest first.
    fn drain(self) -> Vec<i64> {
        let mut v = Vec::new();
        for (d, c) in self.0 {
            for _ in 0..c {
                v.push(d);
            }
        }
        v
    }
}

/// Spread `n` over the days `from..=to`, month by month with the given weight per month
/// (largest-remainder rounding), uniformly within each month.
fn spread(rng: &mut Rng, n: u32, from: i64, to: i64, weight: impl Fn(f64) -> f64) -> Vec<i64> {
    let mut months = Vec::new();
    let mut s = from;
    while s <= to {
        let e = month_end(s).min(to);
        months.push((s, e));
        s = e + 1;
    }
    let k = months.len().max(1);
    let w: Vec<f64> = (0..months.len())
        .map(|i| {
            let t = if k > 1 { i as f64 / (k - 1) as f64 } else { 0.5 };
            let (a, b) = months.get(i).copied().unwrap_or((0, 0));
            weight(t) * (b - a + 1) as f64 * (0.85 + 0.3 * rng.unit())
        })
        .collect();
    let total: f64 = w.iter().sum();
    let exact: Vec<f64> = w.iter().map(|x| x / total.max(1e-9) * f64::from(n)).collect();
    let mut counts: Vec<u32> = exact.iter().map(|x| x.floor() as u32).collect();
    let mut rest = n.saturating_sub(counts.iter().sum());
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by(|&a, &b| {
        let fa = exact.get(a).map(|x| x - x.floor()).unwrap_or(0.0);
        let fb = exact.get(b).map(|x| x - x.floor()).unwrap_or(0.0);
        fb.total_cmp(&fa).then(a.cmp(&b))
    });
    for i in order {
        if rest == 0 {
            break;
        }
        if let Some(c) = counts.get_mut(i) {
            *c += 1;
            rest -= 1;
        }
    }
    let mut out = Vec::with_capacity(n as usize);
    for ((a, b), c) in months.iter().zip(counts) {
        for _ in 0..c {
            out.push(rng.range(*a, *b));
        }
    }
    out
}

/// The date pools of opname, beoordeling, planvorming and afgerond.
fn pools(seed: u64) -> [Vec<i64>; 4] {
    let mut rng = Rng::new(seed, 101);
    let starts = [day("2014-01-01"), day("2014-03-01"), day("2014-06-01"), day("2014-10-01")];
    let mut out: [Vec<i64>; 4] = Default::default();
    for (m, row) in T22.iter().enumerate() {
        for (p, n) in row.iter().enumerate() {
            let (_, from, to) = T22_PERIODS.get(p).copied().unwrap_or(("", "", ""));
            let from = if from.is_empty() { starts.get(m).copied().unwrap_or(0) } else { day(from) };
            let to = day(to);
            let days = if p == 0 {
                spread(&mut rng, *n, from, to, |t| 0.25 + 0.75 * t)
            } else if m == 1 && p == 7 {
                // Beoordelingen in Q2 2020: 574 in June (SodM L714); the rest before and after.
                let mut v = spread(&mut rng, 504, day("2020-04-01"), day("2020-05-31"), |_| 1.0);
                v.extend(spread(&mut rng, 574, day("2020-06-01"), day("2020-06-30"), |_| 1.0));
                v.extend(spread(&mut rng, n.saturating_sub(1078), day("2020-07-01"), to, |_| 1.0));
                v
            } else {
                spread(&mut rng, *n, from, to, |_| 1.0)
            };
            if let Some(o) = out.get_mut(m) {
                o.extend(days);
            }
        }
    }
    for o in &mut out {
        o.sort_unstable();
    }
    out
}

/// Lead-time scale factors: completed (opname→beoordeling, beoordeling→planvorming,
/// planvorming→gereed), in planvorming (opname→beoordeling, beoordeling→planvorming),
/// beoordeeld (opname→beoordeling).
type Scales = [f64; 6];
const TARGET_MEANS: [f64; 6] =
    [T24_COMPLETED[0], T24_COMPLETED[1], T24_COMPLETED[2], T24_IN_PLANVORMING[0], T24_IN_PLANVORMING[1], T24_BEOORDEELD];
const SPREAD: [f64; 6] = [0.6, 0.9, 0.5, 0.6, 0.7, 0.7];

fn mean(v: &[i64]) -> f64 {
    if v.is_empty() { 0.0 } else { v.iter().sum::<i64>() as f64 / v.len() as f64 }
}

/// One round: the completed, planvorming, beoordeeld and opname groups with their dates.
fn attempt(seed: u64, k: &Scales) -> (Vec<Sim>, [f64; 6]) {
    use Milestone::*;
    let [opn, beo, pl, afg] = pools(seed);
    let (mut p_opn, mut p_beo, mut p_pl) = (Pool::new(&opn), Pool::new(&beo), Pool::new(&pl));
    let mut rng = Rng::new(seed, 102);
    let lead = |rng: &mut Rng, i: usize| -> i64 {
        rng.duration(TARGET_MEANS.get(i).copied().unwrap_or(0.0) * k.get(i).copied().unwrap_or(1.0), SPREAD.get(i).copied().unwrap_or(0.5))
    };

    // --- The completed addresses (S4), oldest completion first.
    let mut sims: Vec<Sim> = afg
        .iter()
        .map(|&a| {
            let mut s = Sim::new(Risicoprofiel::Grijs, Cohort::S4);
            s.set(Afgerond, Some(a));
            s
        })
        .collect();
    // ~60 of them met the norm otherwise (old scheme: straight to "gereed"); mostly early ones.
    let mut keys: Vec<(f64, usize)> = sims
        .iter()
        .enumerate()
        .filter(|(_, s)| s.get(Afgerond).is_some_and(|a| a < day("2019-07-01")))
        .map(|(i, s)| (rng.unit() * if s.get(Afgerond).is_some_and(|a| a < day("2017-01-01")) { 1.6 } else { 1.0 }, i))
        .collect();
    keys.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (n, (_, i)) in keys.iter().take(60).enumerate() {
        if let Some(s) = sims.get_mut(*i) {
            s.uitkomst = Some(if n < 40 { Uitkomst::OpNorm } else { Uitkomst::AndereReden });
        }
    }
    for s in sims.iter_mut().filter(|s| s.uitkomst.is_none()) {
        s.uitkomst = Some(if rng.chance(0.22) { Uitkomst::SloopNieuwbouw } else { Uitkomst::Versterken });
    }
    // 350 traceable ones, more likely among recent completions.
    let w = |a: i64| -> f64 {
        if a < day("2017-01-01") {
            0.05
        } else if a < day("2018-01-01") {
            0.15
        } else if a < day("2019-01-01") {
            0.3
        } else if a < day("2019-07-01") {
            0.45
        } else if a < day("2020-01-01") {
            0.5
        } else {
            0.55
        }
    };
    let mut keys: Vec<(f64, usize)> =
        sims.iter().enumerate().filter(|(_, s)| s.is_va()).map(|(i, s)| (w(s.get(Afgerond).unwrap_or(0)) * rng.unit(), i)).collect();
    keys.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in keys.iter().take(T24_COVERAGE as usize) {
        if let Some(s) = sims.get_mut(*i) {
            s.traced = true;
        }
    }
    let (mut m_s4, mut m_s3, mut m_s2): ([Vec<i64>; 3], [Vec<i64>; 2], Vec<i64>) = Default::default();
    for s in sims.iter_mut() {
        let a = s.get(Afgerond).unwrap_or(0);
        let old = a < day("2018-01-01");
        // Which of opname / beoordeling / planvorming is missing.
        let (mut miss_o, mut miss_b, mut miss_p) = (false, false, false);
        if !s.is_va() {
            miss_p = true;
            miss_o = rng.chance(0.4);
        } else if !s.traced {
            let r = rng.unit();
            let (ro, rp) = if old { (0.5, 0.85) } else { (0.3, 0.8) };
            if r < ro {
                miss_o = true
            } else if r < rp {
                miss_p = true
            } else {
                miss_b = true
            }
            if rng.chance(0.12) {
                match rng.below(3) {
                    0 => miss_o = true,
                    1 => miss_p = true,
                    _ => miss_b = true,
                }
            }
        }
        let gereed = a - rng.range(0, 45);
        if s.is_va() {
            let v_pl = a - lead(&mut rng, 2);
            let pld = if miss_p { None } else { p_pl.take_nearest(v_pl, a - 60) };
            let anchor = pld.unwrap_or(v_pl);
            let v_beo = anchor - lead(&mut rng, 1);
            let beod = if miss_b { None } else { p_beo.take_nearest(v_beo, anchor) };
            let anchor_b = beod.unwrap_or(v_beo);
            let v_opn = anchor_b - lead(&mut rng, 0);
            let opnd = if miss_o { None } else { p_opn.take_nearest(v_opn, anchor_b - 30) };
            s.set(Planvorming, pld);
            s.set(Beoordeling, beod);
            s.set(Opname, opnd);
            // Execution dates between planvorming and completion; often missing for old dossiers.
            let p0 = pld.unwrap_or(v_pl);
            let vb = p0 + ((a - p0) as f64 * (0.2 + 0.2 * rng.unit())) as i64;
            let bg = vb + ((a - vb) as f64 * (0.1 + 0.2 * rng.unit())) as i64;
            let bgr = gereed.max(bg + 30).min(a);
            let pre2019 = a < day("2019-01-01");
            let keep = |rng: &mut Rng, p_old: f64, p_new: f64| s.traced || !rng.chance(if pre2019 { p_old } else { p_new });
            let (kv, kg, kr) = (keep(&mut rng, 0.6, 0.3), keep(&mut rng, 0.5, 0.25), keep(&mut rng, 0.5, 0.2));
            s.set(Versterkingsbesluit, kv.then_some(vb));
            s.set(BouwGestart, kg.then_some(bg));
            s.set(BouwGereed, kr.then_some(bgr));
            if let (Some(o), Some(b), Some(p)) = (opnd, beod, pld) {
                let g = if kr { bgr } else { a };
                if let Some(x) = m_s4.get_mut(0) {
                    x.push(b - o);
                }
                if let Some(x) = m_s4.get_mut(1) {
                    x.push(p - b);
                }
                if let Some(x) = m_s4.get_mut(2) {
                    x.push(g - p);
                }
            }
        } else {
            let v_beo = a - rng.range(0, 60);
            let beod = if miss_b { None } else { p_beo.take_nearest(v_beo, a) };
            let anchor_b = beod.unwrap_or(v_beo);
            let v_opn = anchor_b - lead(&mut rng, 0);
            let opnd = if miss_o { None } else { p_opn.take_nearest(v_opn, anchor_b - 30) };
            s.set(Beoordeling, beod);
            s.set(Opname, opnd);
        }
        let nb = s.get(Beoordeling);
        s.set(Normbesluit, nb);
    }

    // --- In planvorming (S3): the remaining planvorming slots.
    for p in std::mem::replace(&mut p_pl, Pool::new(&[])).drain() {
        let mut s = Sim::new(Risicoprofiel::Grijs, Cohort::S3);
        s.set(Planvorming, Some(p));
        let v_beo = p - lead(&mut rng, 4);
        let beod = p_beo.take_nearest(v_beo, p - 7);
        let anchor = beod.unwrap_or(v_beo);
        let opnd = p_opn.take_nearest(anchor - lead(&mut rng, 3), anchor - 30);
        s.set(Beoordeling, beod);
        s.set(Normbesluit, beod);
        s.set(Opname, opnd);
        s.uitkomst = Some(if rng.chance(0.12) { Uitkomst::SloopNieuwbouw } else { Uitkomst::Versterken });
        if let (Some(o), Some(b)) = (opnd, beod)
            && let Some(x) = m_s3.get_mut(0)
        {
            x.push(b - o);
        }
        if let Some(b) = beod
            && let Some(x) = m_s3.get_mut(1)
        {
            x.push(p - b);
        }
        sims.push(s);
    }
    // --- Beoordeeld (S2): the remaining beoordeling slots.
    for b in std::mem::replace(&mut p_beo, Pool::new(&[])).drain() {
        let mut s = Sim::new(Risicoprofiel::Grijs, Cohort::S2);
        s.set(Beoordeling, Some(b));
        s.set(Normbesluit, Some(b));
        let opnd = p_opn.take_nearest(b - lead(&mut rng, 5), b - 30);
        s.set(Opname, opnd);
        s.uitkomst = Some(if rng.chance(0.12) { Uitkomst::SloopNieuwbouw } else { Uitkomst::Versterken });
        if let Some(o) = opnd {
            m_s2.push(b - o);
        }
        sims.push(s);
    }
    // --- Opgenomen (S1): the remaining opname slots.
    for o in std::mem::replace(&mut p_opn, Pool::new(&[])).drain() {
        let mut s = Sim::new(Risicoprofiel::Grijs, Cohort::S1);
        s.set(Opname, Some(o));
        sims.push(s);
    }
    let measured = [
        mean(m_s4.first().map(Vec::as_slice).unwrap_or(&[])),
        mean(m_s4.get(1).map(Vec::as_slice).unwrap_or(&[])),
        mean(m_s4.get(2).map(Vec::as_slice).unwrap_or(&[])),
        mean(m_s3.first().map(Vec::as_slice).unwrap_or(&[])),
        mean(m_s3.get(1).map(Vec::as_slice).unwrap_or(&[])),
        mean(&m_s2),
    ];
    (sims, measured)
}

/// Phase A: addresses with dates, profiles, owners, entry dates and LPA dates up to the peildatum.
pub fn run(seed: u64) -> Vec<Sim> {
    let mut k: Scales = [1.0; 6];
    let mut sims = Vec::new();
    for round in 0..10 {
        let (s, measured) = attempt(seed, &k);
        sims = s;
        if round == 9 {
            break;
        }
        for i in 0..6 {
            let (t, m) = (TARGET_MEANS.get(i).copied().unwrap_or(1.0), measured.get(i).copied().unwrap_or(1.0));
            if let Some(x) = k.get_mut(i)
                && m > 0.0
            {
                *x *= (t / m).clamp(0.6, 1.6);
            }
        }
    }
    let mut rng = Rng::new(seed, 103);
    assign_profiles(&mut sims, &mut rng);
    assign_entry(&mut sims, &mut rng);
    assign_owners(&mut sims, &mut rng);
    assign_lpa(&mut sims, &mut rng);
    assign_execution(&mut sims, &mut rng);
    sims
}

fn profile_index(p: Risicoprofiel) -> usize {
    match p {
        Risicoprofiel::P50 => 0,
        Risicoprofiel::P90 => 1,
        Risicoprofiel::Grijs => 2,
    }
}

/// Give the members of `idx` profiles with exactly `counts` (P50, P90, grijs); P90 leans to
/// later dates (the HRA-2018 list), grijs to older ones.
fn give_profiles(sims: &mut [Sim], idx: &[usize], counts: [i64; 3], key_day: impl Fn(&Sim) -> i64, rng: &mut Rng) {
    if idx.is_empty() {
        return;
    }
    let days: Vec<i64> = idx.iter().map(|&i| sims.get(i).map(&key_day).unwrap_or(0)).collect();
    let (lo, hi) = (days.iter().copied().min().unwrap_or(0), days.iter().copied().max().unwrap_or(1));
    let span = (hi - lo).max(1) as f64;
    let mut scored: Vec<(f64, usize)> = idx.iter().zip(&days).map(|(&i, &d)| (0.8 * (d - lo) as f64 / span + rng.unit(), i)).collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let n90 = counts[1].max(0) as usize;
    let (p90, rest) = scored.split_at(n90.min(scored.len()));
    let mut rest: Vec<usize> = rest.iter().map(|x| x.1).collect();
    rng.shuffle(&mut rest);
    let n50 = (counts[0].max(0) as usize).min(rest.len());
    for &(_, i) in p90 {
        if let Some(s) = sims.get_mut(i) {
            s.profile = Risicoprofiel::P90;
        }
    }
    for (j, i) in rest.iter().enumerate() {
        if let Some(s) = sims.get_mut(*i) {
            s.profile = if j < n50 { Risicoprofiel::P50 } else { Risicoprofiel::Grijs };
        }
    }
}

/// Profiles per group so that table 2.1 holds exactly (the counts are of dated milestones).
fn assign_profiles(sims: &mut Vec<Sim>, rng: &mut Rng) {
    use Milestone::*;
    let p = day(super::targets::PEILDATUM);
    let of = |sims: &[Sim], c: Cohort| -> Vec<usize> { sims.iter().enumerate().filter(|(_, s)| s.cohort == c).map(|(i, _)| i).collect() };
    // S4: 226 / 146 / 805, random.
    let s4 = of(sims, Cohort::S4);
    let t = |p: usize, c: usize| i64::from(T21.get(p).and_then(|r| r.get(c)).copied().unwrap_or(0));
    give_profiles(sims, &s4, [t(0, 4), t(1, 4), t(2, 4)], |s| s.get(Afgerond).unwrap_or(0), rng);
    // Dated milestones of the groups that already have their profiles.
    let dated_in = |sims: &[Sim], m: Milestone, pi: usize, cs: &[Cohort]| -> i64 {
        sims.iter().filter(|s| cs.contains(&s.cohort) && profile_index(s.profile) == pi && s.on(m, p)).count() as i64
    };
    let s3 = of(sims, Cohort::S3);
    let c3 = [0, 1, 2].map(|pi| t(pi, 3) - dated_in(sims, Planvorming, pi, &[Cohort::S4]));
    give_profiles(sims, &s3, c3, |s| s.get(Planvorming).unwrap_or(0), rng);
    let s2 = of(sims, Cohort::S2);
    let c2 = [0, 1, 2].map(|pi| t(pi, 2) - dated_in(sims, Beoordeling, pi, &[Cohort::S4, Cohort::S3]));
    give_profiles(sims, &s2, c2, |s| s.get(Beoordeling).unwrap_or(0), rng);
    let s1 = of(sims, Cohort::S1);
    let c1 = [0, 1, 2].map(|pi| t(pi, 1) - dated_in(sims, Opname, pi, &[Cohort::S4, Cohort::S3, Cohort::S2]));
    give_profiles(sims, &s1, c1, |s| s.get(Opname).unwrap_or(0), rng);
    // S0: whatever is left of the werkvoorraad.
    let have = |sims: &[Sim], pi: usize| sims.iter().filter(|s| profile_index(s.profile) == pi).count() as i64;
    let c0 = [0, 1, 2].map(|pi| (t(pi, 0) - have(sims, pi)).max(0));
    for (pi, n) in c0.iter().enumerate() {
        for _ in 0..*n {
            sims.push(Sim::new(PROFILES.get(pi).copied().unwrap_or(Risicoprofiel::Grijs), Cohort::S0));
        }
    }
}

/// Entry into the werkvoorraad: shortly before the first milestone; for addresses without one
/// the date their list came (HRA 2018 for P50/P90, 2015-2019 for grijs), and 466 addresses added
/// in 2020 (26,250 on 29-01-2020 → 26,716 on the peildatum, SodM L564-571).
fn assign_entry(sims: &mut [Sim], rng: &mut Rng) {
    let p = day(super::targets::PEILDATUM);
    let mut s0: Vec<(f64, usize)> = sims
        .iter()
        .enumerate()
        .filter(|(_, s)| s.cohort == Cohort::S0)
        .map(|(i, s)| (rng.unit() * if s.profile == Risicoprofiel::Grijs { 2.0 } else { 1.0 }, i))
        .collect();
    s0.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let added: std::collections::BTreeSet<usize> = s0.iter().take(466).map(|x| x.1).collect();
    for (i, s) in sims.iter_mut().enumerate() {
        s.toegevoegd = match s.first() {
            Some(f) => (f - rng.range(30, 400)).max(day("2013-09-01")),
            None if added.contains(&i) => {
                s.batch = "LPA2020";
                rng.range(day("2020-01-29"), p)
            }
            None if s.profile == Risicoprofiel::Grijs => rng.range(day("2015-01-01"), day("2019-12-31")),
            None => rng.range(day("2018-01-01"), day("2019-06-30")),
        };
    }
}

/// Owners so that table 2.5 (corporations per profile and step on 01-07-2020) holds.
fn assign_owners(sims: &mut [Sim], rng: &mut Rng) {
    use Milestone::*;
    let t = day(super::targets::PEILDATUM_T25);
    for (pi, target) in T25.iter().enumerate() {
        let [w_c, o_c, b_c, p_c, g_c] = target.map(i64::from);
        let members: Vec<usize> =
            sims.iter().enumerate().filter(|(_, s)| profile_index(s.profile) == pi && s.toegevoegd <= t).map(|(i, _)| i).collect();
        let sig = |s: &Sim| (s.on(Opname, t), s.on(Beoordeling, t), s.on(Planvorming, t), s.on(Afgerond, t));
        let mut groups: BTreeMap<Sig, Vec<usize>> = BTreeMap::new();
        for &i in &members {
            if let Some(s) = sims.get(i) {
                groups.entry(sig(s)).or_default().push(i);
            }
        }
        for g in groups.values_mut() {
            rng.shuffle(g);
        }
        let mut corp: Vec<usize> = Vec::new();
        let (mut o, mut b, mut pl) = (0i64, 0i64, 0i64);
        let add = |list: &[usize], n: i64, corp: &mut Vec<usize>, key: Sig| {
            let n = n.clamp(0, list.len() as i64) as usize;
            corp.extend(list.iter().take(n));
            let n = n as i64;
            (if key.0 { n } else { 0 }, if key.1 { n } else { 0 }, if key.2 { n } else { 0 })
        };
        // Completed by 01-07: exactly g_c, spread over their signatures.
        let done: Vec<(Sig, Vec<usize>)> = groups.iter().filter(|(k, _)| k.3).map(|(k, v)| (*k, v.clone())).collect();
        let total_done: i64 = done.iter().map(|(_, v)| v.len() as i64).sum();
        let mut left = g_c;
        for (n, (k, v)) in done.iter().enumerate() {
            let take = if n + 1 == done.len() { left } else { (g_c * v.len() as i64 + total_done / 2) / total_done.max(1) };
            let take = take.min(left);
            left -= take;
            let (x, y, z) = add(v, take, &mut corp, *k);
            o += x;
            b += y;
            pl += z;
        }
        // Other irregular signatures (a missing date): about a third corporate.
        let monotone = [(false, false, false, false), (true, false, false, false), (true, true, false, false), (true, true, true, false)];
        for (k, v) in groups.iter().filter(|(k, _)| !k.3 && !monotone.contains(k)) {
            let n = (v.len() as i64 + 1) / 3;
            let (x, y, z) = add(v, n, &mut corp, *k);
            o += x;
            b += y;
            pl += z;
        }
        let get = |k: Sig| groups.get(&k).cloned().unwrap_or_default();
        let x1110 = p_c - pl;
        let (x, y, _) = add(&get(monotone[3]), x1110, &mut corp, monotone[3]);
        o += x;
        b += y;
        let x1100 = b_c - b;
        let (x, _, _) = add(&get(monotone[2]), x1100, &mut corp, monotone[2]);
        o += x;
        let x1000 = o_c - o;
        add(&get(monotone[1]), x1000, &mut corp, monotone[1]);
        let x0000 = w_c - corp.len() as i64;
        add(&get(monotone[0]), x0000, &mut corp, monotone[0]);
        for i in corp {
            if let Some(s) = sims.get_mut(i) {
                s.eigenaar = Eigenaar::Corporatie;
            }
        }
    }
}

/// LPA dates: the LPA 2019 (spring 2019) and LPA 2020 (spring 2020) for addresses that were
/// still to be inspected then.
fn assign_lpa(sims: &mut [Sim], rng: &mut Rng) {
    use Milestone::*;
    for s in sims.iter_mut() {
        let opname = s.get(Opname);
        let lpa19 = || (day("2019-04-01"), day("2019-07-31"));
        let lpa20 = || (day("2020-03-01"), day("2020-06-30"));
        let pick = |rng: &mut Rng, (a, b): (i64, i64), limit: Option<i64>| {
            let b = limit.map(|l| b.min(l - 1)).unwrap_or(b);
            (b >= a).then(|| rng.range(a, b))
        };
        match (s.cohort, opname) {
            (Cohort::S1 | Cohort::S2, Some(o)) if o >= day("2019-08-01") && rng.chance(0.6) => s.set(Lpa, pick(rng, lpa19(), Some(o))),
            (Cohort::S0, None) => {
                let p19 = match s.profile {
                    Risicoprofiel::P50 => 0.7,
                    Risicoprofiel::P90 => 0.12,
                    Risicoprofiel::Grijs => 0.2,
                };
                if s.toegevoegd < day("2019-04-01") && rng.chance(p19) {
                    s.set(Lpa, pick(rng, lpa19(), None));
                } else if s.toegevoegd < day("2020-03-01") && rng.chance(0.22) {
                    s.set(Lpa, pick(rng, lpa20(), None));
                }
            }
            _ => {}
        }
    }
}

/// Execution already under way on the peildatum: versterkingsbesluit and bouw gestart for the
/// addresses that entered planvorming earliest.
fn assign_execution(sims: &mut [Sim], rng: &mut Rng) {
    use Milestone::*;
    let p = day(super::targets::PEILDATUM);
    let mut s3: Vec<(i64, usize)> = sims
        .iter()
        .enumerate()
        .filter(|(_, s)| s.cohort == Cohort::S3 && s.get(Planvorming).is_some_and(|d| d <= p - 120))
        .map(|(i, s)| (s.get(Planvorming).unwrap_or(0), i))
        .collect();
    s3.sort();
    let mut vbs: Vec<(i64, usize)> = Vec::new();
    for (pl, i) in s3.iter().take(1400) {
        let vb = pl + rng.range(60, (p - 10 - pl).clamp(60, 400));
        if vb <= p - 10
            && let Some(s) = sims.get_mut(*i)
        {
            s.set(Versterkingsbesluit, Some(vb));
            vbs.push((vb, *i));
        }
    }
    vbs.sort();
    for (vb, i) in vbs.iter().take(1100) {
        let bg = vb + rng.range(15, (p - vb).clamp(15, 150));
        if bg <= p
            && let Some(s) = sims.get_mut(*i)
        {
            s.set(BouwGestart, Some(bg));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_hit_table_2_2_exactly() {
        let p = pools(1);
        for (m, row) in T22.iter().enumerate() {
            assert_eq!(p[m].len() as u32, row.iter().sum::<u32>());
        }
        let mut pool = Pool::new(&[10, 20, 30]);
        assert_eq!(pool.take_nearest(24, 100), Some(20));
        assert_eq!(pool.take_nearest(24, 100), Some(30));
        assert_eq!(pool.take_nearest(24, 5), None);
        assert_eq!(pool.take_nearest(24, 15), Some(10));
    }
}
