//! Phase B: from the peildatum to the end of 2025, month by month.
//!
//! Each month the number of addresses that reach each milestone is set by a target curve through
//! the published figures (NCG kerncijfers; linear between them, and a stated guess where nothing
//! was published), and *which* addresses move is decided by a priority: waiting time, risk profile
//! (P50 first), an LPA for the opname, and neighbours — an address whose cluster moved in the last
//! two months goes first, so clusters keep moving together. The "voldoet aan de norm" parts are
//! hit exactly: versterkt by completing construction, op norm by norm decisions (new assessments
//! under NPR 2020 and the typology approach) and by reassessments of older advices, andere reden
//! by demolitions that are not rebuilt.

use super::model::{Cluster, Cohort, Sim, day, month_end};
use super::place::{Geo, place_additions};
use super::rng::Rng;
use super::targets::{END, PEILDATUM, VERSTERKT_2022, VOLDOET, WERKVOORRAAD, indicative};
use crate::data::breakdown::{Eigenaar, Risicoprofiel};
use crate::data::bronbestand::{Milestone, Uitkomst};

/// A piecewise-linear cumulative target.
struct Curve(Vec<(i64, f64)>);

impl Curve {
    fn at(&self, d: i64) -> f64 {
        let mut prev: Option<(i64, f64)> = None;
        for &(x, y) in &self.0 {
            if d <= x {
                return match prev {
                    Some((px, py)) if x > px => py + (y - py) * (d - px) as f64 / (x - px) as f64,
                    _ => y,
                };
            }
            prev = Some((x, y));
        }
        prev.map(|p| p.1).unwrap_or(0.0)
    }
    /// Starting value (at the peildatum) followed by `(date, value)` points.
    fn from(start: f64, points: &[(&str, f64)]) -> Curve {
        let mut v = vec![(day(PEILDATUM), start)];
        v.extend(points.iter().map(|(d, y)| (day(d), *y)));
        Curve(v)
    }
    /// Starting value followed by increments per date.
    fn increments(start: f64, points: &[(&str, f64)]) -> Curve {
        let mut acc = start;
        let mut v = vec![(day(PEILDATUM), start)];
        for (d, inc) in points {
            acc += inc;
            v.push((day(d), acc));
        }
        Curve(v)
    }
}

fn count(sims: &[Sim], f: impl Fn(&Sim) -> bool) -> f64 {
    sims.iter().filter(|s| f(s)).count() as f64
}

fn versterkt_by(s: &Sim, d: i64) -> bool {
    s.is_va() && (s.on(Milestone::BouwGereed, d) || s.on(Milestone::Afgerond, d))
}
fn op_norm_by(s: &Sim, d: i64) -> bool {
    s.uitkomst == Some(Uitkomst::OpNorm)
        && (s.on(Milestone::Afgerond, d) || (s.get(Milestone::Afgerond).is_none() && s.on(Milestone::Normbesluit, d)))
}
fn andere_by(s: &Sim, d: i64) -> bool {
    s.uitkomst == Some(Uitkomst::AndereReden) && s.on(Milestone::Afgerond, d)
}
fn progress_from(s: &Sim, m: Milestone, d: i64) -> bool {
    Milestone::ALL.iter().skip(m.index()).any(|x| s.on(*x, d))
}

/// Share of new norm decisions that find the address meets the norm, by year (NPR 2020 and the
/// typology approach from 2022).
fn op_norm_share(d: i64) -> f64 {
    if d < day("2021-01-01") {
        0.03
    } else if d < day("2022-01-01") {
        0.1
    } else if d < day("2023-01-01") {
        0.9
    } else if d < day("2024-01-01") {
        0.8
    } else {
        0.9
    }
}

fn profile_weight(p: Risicoprofiel, p50: f64, p90: f64, grijs: f64) -> f64 {
    match p {
        Risicoprofiel::P50 => p50,
        Risicoprofiel::P90 => p90,
        Risicoprofiel::Grijs => grijs,
    }
}

/// Pick up to `n` of the candidates with the highest score (ties by index: deterministic).
fn pick(mut cand: Vec<(f64, usize)>, n: f64) -> Vec<usize> {
    let n = if n.is_finite() && n > 0.0 { n.round() as usize } else { 0 };
    cand.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    cand.into_iter().take(n).map(|c| c.1).collect()
}

/// Bonus for an address whose cluster reached `m` in the two months before `hi`.
fn pull(clusters: &[Cluster], s: &Sim, m: Milestone, hi: i64) -> f64 {
    match clusters.get(s.cluster).and_then(|c| c.last.get(m.index())) {
        Some(&last) if last != i64::MIN && hi - last <= 62 => 1.5,
        _ => 0.0,
    }
}

fn mark(clusters: &mut [Cluster], s: &Sim, m: Milestone, d: i64) {
    if let Some(l) = clusters.get_mut(s.cluster).and_then(|c| c.last.get_mut(m.index())) {
        *l = (*l).max(d);
    }
}

/// The targets of phase B.
struct Targets {
    werkvoorraad: Curve,
    opname: Curve,
    beoordeling: Curve,
    planvorming: Curve,
    vb_until_2021_03: Curve,
    fase5: Curve,
    bouw_gestart: Curve,
    versterkt: Curve,
    op_norm: Curve,
    andere: Curve,
}

fn targets(sims: &[Sim]) -> Targets {
    use Milestone::*;
    let p = day(PEILDATUM);
    let at = |m: Milestone| count(sims, |s| s.on(m, p));
    let wv: Vec<(&str, f64)> = WERKVOORRAAD.iter().map(|(d, v)| (*d, f64::from(*v))).chain([(END, 27790.0)]).collect();
    // Fasen 1-3 on 31-10-2021: fase >= 3 is 26,919 - 2,894 - 3,184; addresses past the opname
    // without an opname date count there too.
    let f = indicative::FASEN_2021_10;
    let blank_opname = count(sims, |s| s.get(Opname).is_none() && progress_from(s, Beoordeling, p));
    let opname_2021_10 = 26919.0 - f64::from(f[0] + f[1]) - blank_opname;
    let blank_beo = count(sims, |s| s.get(Beoordeling).is_none() && progress_from(s, Normbesluit, p));
    let beo_2024 = 27713.0 - f64::from(indicative::NOG_TE_BEOORDELEN_2024) - blank_beo;
    let [ytd_o, ytd_b] = indicative::YTD_2020_11.map(f64::from);
    let [y_o, y_b] = indicative::YEAR_2020.map(f64::from);
    let q = indicative::Q1_2021.map(|r| r.map(f64::from));
    // 2020 up to the peildatum, from table 2.2: 589 opnames and 1,704 beoordelingen.
    let (o0, b0) = (at(Opname), at(Beoordeling));
    let (o20, b20) = (o0 - 589.0, b0 - 1704.0);
    let opname = Curve::from(
        o0,
        &[
            ("2020-11-30", o20 + ytd_o),
            ("2020-12-31", o20 + y_o),
            ("2021-01-31", o20 + y_o + q[0][0]),
            ("2021-02-28", o20 + y_o + q[0][0] + q[0][1]),
            ("2021-03-31", o20 + y_o + q[0][0] + q[0][1] + q[0][2]),
            ("2021-10-31", opname_2021_10),
            ("2021-12-31", opname_2021_10 + 560.0),
            ("2022-12-31", 24000.0),
            ("2023-12-31", 25900.0),
            ("2024-12-31", beo_2024 + 420.0),
            (END, 27400.0),
        ],
    );
    let beoordeling = Curve::from(
        b0,
        &[
            ("2020-07-31", b0 + 263.0), // July 2020: 583 in the whole month (SodM L715)
            ("2020-11-30", b20 + ytd_b),
            ("2020-12-31", b20 + y_b),
            ("2021-01-31", b20 + y_b + q[1][0]),
            ("2021-02-28", b20 + y_b + q[1][0] + q[1][1]),
            ("2021-03-31", b20 + y_b + q[1][0] + q[1][1] + q[1][2]),
            ("2021-10-31", 14730.0),
            ("2021-12-31", 15400.0),
            ("2022-12-31", 19800.0),
            ("2023-12-31", 24300.0),
            ("2024-12-31", beo_2024),
            (END, 27300.0),
        ],
    );
    // Planvorming: "projectplan gestart" 4,053 in 2020 up to November (NCG 18-12-2020).
    let pl0 = at(Planvorming);
    let pl20 = pl0 - 2344.0;
    let planvorming = Curve::from(
        pl0,
        &[
            ("2020-11-30", pl20 + 4053.0),
            ("2020-12-31", pl20 + 4200.0),
            ("2021-12-31", 9000.0),
            ("2022-12-31", 10200.0),
            ("2023-12-31", 11200.0),
            ("2024-12-31", 12100.0),
            (END, 12900.0),
        ],
    );
    let vb0 = at(Versterkingsbesluit);
    let vb_until_2021_03 =
        Curve::increments(vb0, &[("2020-12-31", 300.0), ("2021-01-31", q[3][0]), ("2021-02-28", q[3][1]), ("2021-03-31", q[3][2])]);
    let f5_now = count(sims, |s| s.in_fase5(p));
    let fase5 = Curve::from(
        f5_now,
        &[
            ("2021-03-31", f5_now * 0.7),
            ("2021-10-31", f64::from(f[4])),
            ("2022-12-31", 2000.0),
            ("2024-03-31", f64::from(indicative::IN_UITVOERING_2024_03)),
            ("2024-12-31", 2900.0),
            (END, 3300.0),
        ],
    );
    let bouw_gestart = Curve::increments(
        at(BouwGestart),
        &[
            ("2020-12-31", 450.0),
            ("2021-01-31", q[4][0]),
            ("2021-02-28", q[4][1]),
            ("2021-03-31", q[4][2]),
            ("2021-12-31", 750.0),
            ("2022-12-31", 1150.0),
            ("2023-12-31", 1250.0),
            ("2024-03-31", 309.0),
            ("2024-12-31", 1191.0),
            (END, f64::from(indicative::YEAR_2025[1])),
        ],
    );
    let v0 = count(sims, |s| versterkt_by(s, p));
    let n0 = count(sims, |s| op_norm_by(s, p));
    let a0 = count(sims, |s| andere_by(s, p));
    let parts = |i: usize| -> Vec<(&str, f64)> {
        VOLDOET.iter().filter_map(|(d, _, parts)| parts.map(|p| (*d, f64::from(p.get(i).copied().unwrap_or(0))))).collect()
    };
    let [_, versterkt21, anders21] = indicative::AFGEROND_2021_03.map(f64::from);
    let mut vp: Vec<(&str, f64)> =
        vec![("2020-12-31", 1700.0), ("2021-03-31", versterkt21), ("2021-10-31", 2200.0), (VERSTERKT_2022.0, f64::from(VERSTERKT_2022.1))];
    vp.extend(parts(0));
    vp.push((END, 6750.0));
    vp.sort_by_key(|x| day(x.0));
    // 2024-04-30: only the total (13,898) was published; versterkt and andere are interpolated.
    let versterkt = Curve::from(v0, &vp);
    let v_apr24 = versterkt.at(day("2024-04-30"));
    let andere_pts = [
        ("2020-12-31", 40.0),
        ("2021-03-31", 49.0),
        ("2021-10-31", 70.0),
        ("2022-12-31", 160.0),
        ("2023-04-30", 163.0),
        ("2023-06-30", 163.0),
        ("2023-11-30", 165.0),
        ("2024-03-31", 165.0),
        ("2024-04-30", 165.0),
        ("2024-12-31", 190.0),
        (END, 205.0),
    ];
    let andere = Curve::from(a0, &andere_pts);
    let total_2022 = VOLDOET.first().map(|v| f64::from(v.1)).unwrap_or(8065.0);
    let total_apr24 = VOLDOET.iter().find(|v| v.0 == "2024-04-30").map(|v| f64::from(v.1)).unwrap_or(13898.0);
    let mut np: Vec<(&str, f64)> = vec![
        ("2020-12-31", anders21 - 49.0 - 20.0),
        ("2021-03-31", anders21 - 49.0),
        ("2021-10-31", 175.0),
        ("2022-12-31", total_2022 - f64::from(VERSTERKT_2022.1) - 160.0),
        ("2024-04-30", total_apr24 - v_apr24 - 165.0),
    ];
    np.extend(parts(1));
    np.push((END, 11900.0));
    np.sort_by_key(|x| day(x.0));
    Targets {
        werkvoorraad: Curve::from(26716.0, &wv),
        opname,
        beoordeling,
        planvorming,
        vb_until_2021_03,
        fase5,
        bouw_gestart,
        versterkt,
        op_norm: Curve::from(n0, &np),
        andere,
    }
}

/// Batch of an address added in month `d`.
fn addition_batch(d: i64, rng: &mut Rng) -> &'static str {
    if d < day("2022-01-01") {
        if rng.chance(0.5) { "opname_op_verzoek" } else { "LPA2021" }
    } else if d < day("2023-01-01") {
        "LPA2022"
    } else if d < day("2024-01-01") {
        "LPA2023"
    } else if d < day("2025-01-01") {
        "LPA2024"
    } else {
        "LPA2025"
    }
}

/// Run phase B on the addresses of phase A (already in clusters).
pub fn run(seed: u64, sims: &mut Vec<Sim>, clusters: &mut Vec<Cluster>, geo: &mut Geo) {
    use Milestone::*;
    let mut rng = Rng::new(seed, 201);
    let t = targets(sims);
    let p = day(PEILDATUM);
    let end = day(END);
    let mut lo = p + 1;
    while lo <= end {
        let hi = month_end(lo);
        // 1. Addresses added to the werkvoorraad.
        let n_add = (t.werkvoorraad.at(hi).round() - count(sims, |s| s.toegevoegd <= hi)).max(0.0) as usize;
        let mut new = Vec::new();
        for _ in 0..n_add {
            let r = rng.unit();
            let profile = if r < 0.05 {
                Risicoprofiel::P50
            } else if r < 0.25 {
                Risicoprofiel::P90
            } else {
                Risicoprofiel::Grijs
            };
            let mut s = Sim::new(profile, Cohort::Later);
            s.toegevoegd = rng.range(lo, hi);
            s.eigenaar = if rng.chance(0.05) { Eigenaar::Corporatie } else { Eigenaar::Particulier };
            s.batch = addition_batch(lo, &mut rng);
            new.push(sims.len());
            sims.push(s);
        }
        place_additions(sims, &new, clusters, geo, &mut rng);

        // 2. Norm decisions due this month: op norm (up to the target) or a reinforcement advice.
        let due: Vec<usize> = sims.iter().enumerate().filter(|(_, s)| s.pending_nb.is_some_and(|d| d <= hi)).map(|(i, _)| i).collect();
        let q = t.op_norm.at(hi).round() - count(sims, |s| op_norm_by(s, hi));
        let n_op = q.min((due.len() as f64 * op_norm_share(hi)).floor()).max(0.0);
        let cand: Vec<(f64, usize)> =
            due.iter().map(|&i| (sims.get(i).map(|s| profile_weight(s.profile, 0.7, 2.0, 3.0)).unwrap_or(1.0) * rng.unit(), i)).collect();
        let op: std::collections::BTreeSet<usize> = pick(cand, n_op).into_iter().collect();
        for &i in &due {
            let sloop = rng.chance(0.13);
            if let Some(s) = sims.get_mut(i) {
                let nb = s.pending_nb.take();
                s.set(Normbesluit, nb);
                if op.contains(&i) {
                    s.uitkomst = Some(Uitkomst::OpNorm);
                    s.set(Afgerond, nb);
                } else {
                    s.uitkomst = Some(if sloop { Uitkomst::SloopNieuwbouw } else { Uitkomst::Versterken });
                }
            }
        }
        // 3. Reassessments of older advices fill the rest of the op-norm target.
        let q = t.op_norm.at(hi).round() - count(sims, |s| op_norm_by(s, hi));
        if q > 0.0 {
            let cand: Vec<(f64, usize)> = sims
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.is_va()
                        && s.get(BouwGestart).is_none()
                        && s.get(Versterkingsbesluit).is_none()
                        && s.get(BouwGereed).is_none()
                        && s.get(Afgerond).is_none()
                        && s.get(Normbesluit).is_some_and(|nb| nb <= hi - 120)
                })
                .map(|(i, s)| {
                    let wait = (hi - s.get(Normbesluit).unwrap_or(hi)) as f64 / 730.0;
                    (profile_weight(s.profile, 0.4, 2.0, 3.0) * (1.0 + wait) * rng.unit() + pull(clusters, s, Afgerond, hi), i)
                })
                .collect();
            for i in pick(cand, q) {
                let d = sims.get(i).map(|s| rng.range(lo.max(s.get(Normbesluit).unwrap_or(lo) + 120), hi)).unwrap_or(hi);
                if let Some(s) = sims.get_mut(i) {
                    s.uitkomst = Some(Uitkomst::OpNorm);
                    s.herbeoordeeld = true;
                    s.set(Afgerond, Some(d));
                    mark(clusters, s, Afgerond, d);
                }
            }
        }
        // 4. Other reasons: demolished and not rebuilt (or bought up).
        let q = t.andere.at(hi).round() - count(sims, |s| andere_by(s, hi));
        if q > 0.0 {
            let cand: Vec<(f64, usize)> = sims
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.is_va()
                        && s.get(BouwGereed).is_none()
                        && s.get(Afgerond).is_none()
                        && s.get(Normbesluit).is_some_and(|nb| nb <= hi - 60)
                })
                .map(|(i, s)| {
                    let sloop = s.uitkomst == Some(Uitkomst::SloopNieuwbouw) && s.on(BouwGestart, hi - 60);
                    (if sloop { 2.0 } else { 0.0 } + rng.unit(), i)
                })
                .collect();
            for i in pick(cand, q) {
                let from =
                    sims.get(i).map(|s| s.get(BouwGestart).map(|b| b + 60).unwrap_or(s.get(Normbesluit).unwrap_or(lo) + 60)).unwrap_or(lo);
                let d = rng.range(lo.max(from), hi);
                if let Some(s) = sims.get_mut(i) {
                    s.uitkomst = Some(Uitkomst::AndereReden);
                    s.set(Afgerond, Some(d));
                }
            }
        }
        // 5. Construction finished (versterkt), then afgerond a few weeks later.
        let q = t.versterkt.at(hi).round() - count(sims, |s| versterkt_by(s, hi));
        if q > 0.0 {
            let min_dur = |s: &Sim| if s.uitkomst == Some(Uitkomst::SloopNieuwbouw) { 300 } else { 150 };
            let cand: Vec<(f64, usize)> = sims
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.is_va()
                        && s.get(BouwGereed).is_none()
                        && s.get(Afgerond).is_none()
                        && s.get(BouwGestart).is_some_and(|b| b + min_dur(s) <= hi)
                })
                .map(|(i, s)| {
                    ((hi - s.get(BouwGestart).unwrap_or(hi)) as f64 / 365.0 + 0.5 * rng.unit() + pull(clusters, s, BouwGereed, hi), i)
                })
                .collect();
            for i in pick(cand, q) {
                let from = sims.get(i).map(|s| s.get(BouwGestart).unwrap_or(lo) + min_dur(s)).unwrap_or(lo);
                let d = rng.range(lo.max(from), hi);
                let a = d + rng.range(7, 60);
                if let Some(s) = sims.get_mut(i) {
                    s.set(BouwGereed, Some(d));
                    s.set(Afgerond, (a <= end).then_some(a));
                    mark(clusters, s, BouwGereed, d);
                }
            }
        }
        // 6. Construction started.
        let q = t.bouw_gestart.at(hi).round() - count(sims, |s| s.on(BouwGestart, hi));
        select(sims, clusters, &mut rng, q, BouwGestart, lo, hi, |s| {
            (s.is_va() && s.get(Afgerond).is_none()).then(|| s.get(Versterkingsbesluit).map(|v| v + 20)).flatten()
        });
        // 7. Versterkingsbesluit: a fixed number until March 2021, then enough to keep fase 5 on target.
        let q = if hi <= day("2021-03-31") {
            t.vb_until_2021_03.at(hi).round() - count(sims, |s| s.on(Versterkingsbesluit, hi))
        } else {
            t.fase5.at(hi).round() - count(sims, |s| s.in_fase5(hi))
        };
        select(sims, clusters, &mut rng, q, Versterkingsbesluit, lo, hi, |s| {
            (s.is_va() && s.get(Afgerond).is_none()).then(|| s.get(Planvorming).map(|v| v + 90)).flatten()
        });
        // 8. Planvorming.
        let q = t.planvorming.at(hi).round() - count(sims, |s| s.on(Planvorming, hi));
        select(sims, clusters, &mut rng, q, Planvorming, lo, hi, |s| {
            (s.is_va() && s.get(Afgerond).is_none()).then(|| s.get(Normbesluit).map(|v| v + 14)).flatten()
        });
        // 9. Beoordeling; the norm decision follows (from 1 September 2020 by NCG, weeks later).
        let q = t.beoordeling.at(hi).round() - count(sims, |s| s.on(Beoordeling, hi));
        let chosen = select(sims, clusters, &mut rng, q, Beoordeling, lo, hi, |s| {
            (s.get(Afgerond).is_none() && s.pending_nb.is_none()).then(|| s.get(Opname).map(|v| v + 45)).flatten()
        });
        for i in chosen {
            let b = sims.get(i).and_then(|s| s.get(Beoordeling)).unwrap_or(hi);
            let nb = if b < day("2020-09-01") { b } else { b + rng.range(14, 40) + rng.duration(30.0, 1.0) };
            if let Some(s) = sims.get_mut(i) {
                s.pending_nb = (nb <= end).then_some(nb);
            }
        }
        // 10. Opname.
        let q = t.opname.at(hi).round() - count(sims, |s| s.on(Opname, hi));
        select(sims, clusters, &mut rng, q, Opname, lo, hi, |s| Some(s.toegevoegd.max(s.get(Lpa).unwrap_or(i64::MIN))));
        // 11. LPAs: a new LPA every spring; in October 2021 as many as NCG's fase 2 (31-10-2021).
        if [day("2022-04-30"), day("2023-04-30"), day("2024-04-30"), day("2025-04-30")].contains(&hi) {
            for s in sims.iter_mut().filter(|s| s.get(Opname).is_none() && s.get(Lpa).is_none() && s.toegevoegd < lo) {
                if rng.chance(0.6) {
                    s.set(Lpa, Some(rng.range(lo, hi)));
                }
            }
        }
        if hi == day("2021-10-31") {
            let fase2 = count(sims, |s| s.on(Lpa, hi) && !progress_from(s, Opname, hi));
            let need = f64::from(indicative::FASEN_2021_10[1]) - fase2;
            let cand: Vec<(f64, usize)> = sims
                .iter()
                .enumerate()
                .filter(|(_, s)| s.get(Lpa).is_none() && !progress_from(s, Opname, hi) && s.toegevoegd < day("2021-05-01"))
                .map(|(i, s)| (profile_weight(s.profile, 3.0, 1.0, 1.5) * rng.unit(), i))
                .collect();
            for i in pick(cand, need) {
                let d = rng.range(day("2021-05-01"), day("2021-05-31"));
                if let Some(s) = sims.get_mut(i) {
                    s.set(Lpa, Some(d));
                }
            }
        }
        lo = hi + 1;
    }
    // Decisions still pending at the end: beoordeeld, no decision yet.
    for s in sims.iter_mut() {
        s.pending_nb = None;
    }
}

/// Move up to `q` addresses to milestone `m` this month. `ready` gives the earliest day an
/// address may reach `m` (or `None` when it is not eligible). Returns the chosen addresses.
#[allow(clippy::too_many_arguments)]
fn select(
    sims: &mut [Sim],
    clusters: &mut [Cluster],
    rng: &mut Rng,
    q: f64,
    m: Milestone,
    lo: i64,
    hi: i64,
    ready: impl Fn(&Sim) -> Option<i64>,
) -> Vec<usize> {
    if q <= 0.0 {
        return Vec::new();
    }
    let cand: Vec<(f64, usize)> = sims
        .iter()
        .enumerate()
        .filter(|(_, s)| s.get(m).is_none() && Milestone::ALL.iter().skip(m.index() + 1).all(|x| s.get(*x).is_none()))
        .filter_map(|(i, s)| {
            let r = ready(s)?;
            if r > hi {
                return None;
            }
            let wait = (hi - r).max(0) as f64 / 365.0;
            let lpa = if m == Milestone::Opname && s.get(Milestone::Lpa).is_some() { 1.0 } else { 0.0 };
            let prof = profile_weight(s.profile, 0.8, 0.3, 0.0);
            Some((wait.min(3.0) + lpa + prof + 1.2 * rng.unit() + pull(clusters, s, m, hi), i))
        })
        .collect();
    let chosen = pick(cand, q);
    for &i in &chosen {
        let r = sims.get(i).and_then(&ready).unwrap_or(lo);
        let d = rng.range(lo.max(r), hi);
        if let Some(s) = sims.get_mut(i) {
            s.set(m, Some(d));
            if let Some(l) = clusters.get_mut(s.cluster).and_then(|c| c.last.get_mut(m.index())) {
                *l = (*l).max(d);
            }
        }
    }
    chosen
}
