//! Are neighbours treated alike? Within a cluster (addresses meant to be handled together):
//! how far apart their assessments lie, how many different outcomes they got, and under how many
//! versions of the NPR 9998 they were assessed (SodM 2020, seed 000 L2150-2160). Only shown from
//! 5 addresses with the fact, and as ranges or numbers of distinct values — never one address.

use super::suppression::{known_at_least, known_exactly, protect, Layout};
use crate::analysis::derive::{Count, SUPPRESS_BELOW};
use crate::data::bronbestand::{Address, Milestone, Uitkomst};
use crate::data::date::{Date, Month};

/// The spread within one group of addresses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spread {
    /// First and last month with a beoordeling (from 5 assessed addresses).
    pub beoordeling: Option<(Month, Month)>,
    /// Different outcomes among the addresses with one (from 5 with an outcome).
    pub outcomes: Option<usize>,
    /// Different NPR versions among the assessed (from 5 with a version).
    pub npr: Option<usize>,
}

/// The spread of these addresses as known on day number `day`.
pub fn spread(addresses: &[&Address], day: i64) -> Spread {
    let dates: Vec<i64> = addresses.iter().filter_map(|a| a.day(Milestone::Beoordeling)).filter(|&d| d <= day).collect();
    let beoordeling = if (dates.len() as u64) < SUPPRESS_BELOW {
        None
    } else {
        let lo = dates.iter().min().and_then(|&d| Date::from_days(d));
        let hi = dates.iter().max().and_then(|&d| Date::from_days(d));
        lo.zip(hi).map(|(a, b)| (a.month_of(), b.month_of()))
    };
    let with: Vec<Uitkomst> = addresses.iter().filter_map(|a| a.uitkomst).collect();
    let outcomes = ((with.len() as u64) >= SUPPRESS_BELOW).then(|| Uitkomst::ALL.iter().filter(|u| with.contains(u)).count());
    let versions: Vec<u16> = addresses.iter().filter_map(|a| a.npr).collect();
    let npr = ((versions.len() as u64) >= SUPPRESS_BELOW).then(|| distinct(&versions).len());
    Spread { beoordeling, outcomes, npr }
}

/// The spread as shown beside a cluster whose fase cells are shown as `fases` (its row in the
/// dorp's table of clusters; `among`: the gemeente's werkvoorraad, as for [`npr_row`]). Each figure
/// says something of a part of the cluster, so it is left out where it could give a hidden cell
/// away (as the wait, [`super::areas::shown_wait`]): the months of assessment (from 5 assessed,
/// all in fase 3–6) only where the shown fase cells already hold 5 in fase 3–6; the number of
/// different outcomes or NPR versions only where the cluster's table of outcomes or versions
/// shows every one of them (a "1" beside two hidden outcomes said both were 0, or one was), and
/// that table is shown ([`outcomes_allowed`], [`npr_allowed`]).
pub fn shown_spread(members: &[&Address], among: &[&Address], fases: &[Count], day: i64) -> Spread {
    let Some(Count::Exact(_)) = fases.first() else { return Spread::default() };
    let s = spread(members, day);
    let all_shown = |row: &[Count], n: usize| row.iter().skip(1).take(n).all(|c| *c != Count::Suppressed);
    let (versions, npr) = npr_row(members, among, true);
    Spread {
        beoordeling: s.beoordeling.filter(|_| known_at_least(fases, &super::areas::fase_layout(), &[3, 4, 5, 6]) >= SUPPRESS_BELOW),
        outcomes: s.outcomes.filter(|_| outcomes_allowed(fases) && all_shown(&outcome_row(members, true, None), OUTCOMES.len() - 1)),
        npr: s.npr.filter(|_| npr_allowed(fases) && all_shown(&npr, versions.len())),
    }
}

/// Whether a cluster's outcome counts may be shown beside its fase cells as shown (`fases`). An
/// outcome "op norm" or "andere reden" closes the trajectory (fase 6), "versterken" and
/// "sloop/nieuwbouw" follow the norm decision (fase 4–6), and "nog geen" is fase 1–3: each
/// shown count is a bound on those fasen. With fase 6 and fase 1–3 given by the shown cells the
/// bounds are on known figures; otherwise they tell something about hidden ones. Regression:
/// cluster ZDT-09 of the demo, 5 addresses with every fase "×", showed "versterken 5, nog geen
/// 0": all five were in fase 4–6.
///
/// And only where no fase cell is hidden at all: in practice an outcome tells more than these
/// bounds. A task-based review read cluster LOP-66 (23 addresses, fasen 3–5 "×", fase 6 19,
/// every address with an NPR version and a lead time "beoordeling → planvorming –") as "all 23
/// assessed, none in planning, so fase 4 = 4": an address being assessed is in fase 3, and one in
/// fase 5 went through planning, in real data as in the demo.
pub fn outcomes_allowed(fases: &[Count]) -> bool {
    let l = super::areas::fase_layout();
    no_hidden(fases) && known_exactly(fases, &l, &[6]).is_some() && known_exactly(fases, &l, &[1, 2, 3]).is_some()
}

/// No cell of the row is hidden ("×").
pub fn no_hidden(cells: &[Count]) -> bool {
    !cells.contains(&Count::Suppressed)
}

/// Whether a cluster's NPR versions may be shown beside its fase cells as shown: an address with
/// a version was assessed (fase 3–6), so the counts are bounds on fase 3–6 (and "onbekend" on
/// fase 1–2), known only where the shown cells give fase 3–6; and, as for the outcomes
/// ([`outcomes_allowed`]), only where no fase cell is hidden.
pub fn npr_allowed(fases: &[Count]) -> bool {
    no_hidden(fases) && known_exactly(fases, &super::areas::fase_layout(), &[3, 4, 5, 6]).is_some()
}

/// The outcomes, in the order of the outcome table.
pub const OUTCOMES: [Option<Uitkomst>; 5] =
    [Some(Uitkomst::OpNorm), Some(Uitkomst::Versterken), Some(Uitkomst::SloopNieuwbouw), Some(Uitkomst::AndereReden), None];

/// Outcome counts as one protected row: `[total, op norm, versterken, sloop/nieuwbouw, andere
/// reden, nog geen]`. `total_shown`: whether the group's total is shown elsewhere. `none_known`:
/// the number without an outcome as the reader already knows it (fase 1–3 as shown); where it is
/// that number, "nog geen" is shown and the others are protected among themselves. Regression
/// (a task-based review): cluster LOP-07, all 15 in fase 6, showed "nog geen uitkomst ×", a 0 the
/// page gave, and the protection counted on that cell to hide the small ones beside it.
pub fn outcome_row(addresses: &[&Address], total_shown: bool, none_known: Option<u64>) -> Vec<Count> {
    let mut cells = vec![addresses.len() as u64];
    cells.extend(OUTCOMES.iter().map(|o| addresses.iter().filter(|a| a.uitkomst == *o).count() as u64));
    match (none_known, cells.last().copied()) {
        (Some(k), Some(none)) if total_shown && k == none => {
            cells.pop();
            if let Some(t) = cells.first_mut() {
                *t -= k;
            }
            let mut row = protect_row(cells, true);
            if let Some(t) = row.first_mut() {
                *t = Count::Exact(addresses.len() as u64);
            }
            row.push(Count::Exact(k));
            row
        }
        _ => protect_row(cells, total_shown),
    }
}

/// NPR versions (years) present among `among` (e.g. the whole gemeente, so a column's presence
/// says nothing about the group), and the group's counts as one protected row: `[total, one per
/// version…, unknown]`.
pub fn npr_row(addresses: &[&Address], among: &[&Address], total_shown: bool) -> (Vec<u16>, Vec<Count>) {
    let mut versions = distinct(&among.iter().filter_map(|a| a.npr).collect::<Vec<u16>>());
    crate::data::sort::sort(&mut versions[..]);
    let mut cells = vec![addresses.len() as u64];
    cells.extend(versions.iter().map(|v| addresses.iter().filter(|a| a.npr == Some(*v)).count() as u64));
    cells.push(addresses.iter().filter(|a| a.npr.is_none()).count() as u64);
    (versions, protect_row(cells, total_shown))
}

/// The distinct values, in order of first appearance (few values: a linear scan is enough).
fn distinct(v: &[u16]) -> Vec<u16> {
    let mut out: Vec<u16> = Vec::new();
    for x in v {
        if !out.contains(x) {
            out.push(*x);
        }
    }
    out
}

fn protect_row(cells: Vec<u64>, total_shown: bool) -> Vec<Count> {
    let n = cells.len();
    let layout = Layout { total: Some(0), parts: (1..n).collect() };
    let mut row = protect(&[cells], &layout, None).into_iter().next().unwrap_or_default();
    if !total_shown {
        row.iter_mut().for_each(|c| *c = Count::Suppressed);
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::drilldown::testkit::{addr, d};
    use crate::data::bronbestand::Milestone::*;

    #[test]
    fn spread_of_a_cluster() {
        let mut v = Vec::new();
        for (i, date) in ["2019-01-10", "2019-02-01", "2019-02-20", "2021-03-05", "2019-01-30", "2019-02-02"].iter().enumerate() {
            let u = if i == 3 { Uitkomst::OpNorm } else { Uitkomst::Versterken };
            let mut a = addr(&format!("a{i}"), 1979, "Loppersum", Some("LOP-07"), &[(Opname, "2018-06-01"), (Beoordeling, date)], Some(u));
            a.npr = Some(if i == 3 { 2020 } else { 2015 });
            v.push(a);
        }
        let refs: Vec<&Address> = v.iter().collect();
        let s = spread(&refs, d("2025-12-31").to_days());
        assert_eq!(s.beoordeling, Some((Month::new(2019, 1).unwrap(), Month::new(2021, 3).unwrap())));
        assert_eq!(s.outcomes, Some(2));
        assert_eq!(s.npr, Some(2));
        // Counts: the single op-norm hidden together with a second cell, and since a third review
        // the 5 versterken too: "6, 5 versterken" gave the one other away as a sum (this test had
        // the 5 shown).
        let row = outcome_row(&refs, true, None);
        assert_eq!(row[0], Count::Exact(6));
        assert_eq!(row[2], Count::Suppressed);
        assert_eq!(row[1], Count::Suppressed);
        // Fewer than five assessed: no range.
        assert_eq!(spread(&refs[..4], d("2025-12-31").to_days()).beoordeling, None);
    }
}
