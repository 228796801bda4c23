//! Which pieces are drawn when published periods overlap (a quarter inside a half year inside a
//! year, NCG's year-to-date totals next to SodM's quarters), and how a window of time is measured.
//!
//! **Drawing** ([`choose`]): the set of non-overlapping pieces that
//! 1. covers the most days;
//! 2. then, for "laatste stand", is the finest (smallest sum of squared lengths: even, short
//!    periods beat one long one — SodM's two quarters of 2020 beat NCG's "1 jan–31 mei" plus June),
//!    and uses the latest publications; for "zoals toen gepubliceerd", uses the earliest
//!    publications first (SodM's January 2020 half years of 2019 beat its later quarters), then the
//!    finest.
//!
//! **Measuring a window** ([`exact`]): the pieces that tile the window exactly, preferring
//! published totals (NCG's "4.800 in 2024") over sums of computed differences, then the latest
//! publications (for "laatste stand"; the earliest for "zoals toen gepubliceerd"), then the finest.

use super::flows::Piece;
use super::sorting::sort_unique;
use crate::analysis::select::Vintage;
use crate::data::date::Date;

/// Lexicographic score of a choice; larger is better.
type Score = (i64, i64, i64);

fn add(a: Score, b: Score) -> Score {
    (a.0 + b.0, a.1 + b.1, a.2 + b.2)
}

fn piece_score(p: &Piece, vintage: Vintage) -> Score {
    let len = p.days();
    let fine = -(len * len);
    let rank = len * p.rank as i64;
    match vintage {
        Vintage::Latest => (len, fine, rank),
        Vintage::FirstPublished => (len, -rank, fine),
    }
}

/// Indices of the pieces to draw: non-overlapping, sorted by start (see the module doc).
pub fn choose(pieces: &[Piece], vintage: Vintage) -> Vec<usize> {
    let mut starts: Vec<i64> = pieces.iter().map(|p| p.start.to_days()).collect();
    sort_unique(&mut starts);
    // best[i]: the best choice using pieces that start at or after starts[i].
    let n = starts.len();
    let mut best: Vec<(Score, Vec<usize>)> = vec![((0, 0, 0), Vec::new()); n + 1];
    for i in (0..n).rev() {
        let mut cand = best[i + 1].clone();
        for (k, p) in pieces.iter().enumerate().filter(|(_, p)| p.start.to_days() == starts[i]) {
            let next = starts.partition_point(|&s| s <= p.end.to_days());
            let (s, ref rest) = best[next];
            let total = add(piece_score(p, vintage), s);
            if total > cand.0 {
                let mut v = vec![k];
                v.extend_from_slice(rest);
                cand = (total, v);
            }
        }
        best[i] = cand;
    }
    best.swap_remove(0).1
}

/// Indices of pieces that tile `start..=end` exactly (no gap, no overlap), or `None`. With
/// `prefer_published`, the tiling with the most days covered by published figures wins, then the
/// finest; otherwise the finest.
pub fn exact(pieces: &[Piece], start: Date, end: Date, vintage: Vintage, prefer_published: bool) -> Option<Vec<usize>> {
    let inside: Vec<usize> = (0..pieces.len()).filter(|&k| pieces[k].start >= start && pieces[k].end <= end).collect();
    // Positions: the days a piece may start on, plus the day after the window.
    let mut pos: Vec<i64> = inside.iter().map(|&k| pieces[k].start.to_days()).collect();
    pos.push(end.to_days() + 1);
    sort_unique(&mut pos);
    // best[i]: the best tiling from pos[i] to the end of the window, if any.
    let mut best: Vec<Option<(Score, Vec<usize>)>> = vec![None; pos.len()];
    if let Some(last) = best.last_mut() {
        *last = Some(((0, 0, 0), Vec::new()));
    }
    for i in (0..pos.len().saturating_sub(1)).rev() {
        for &k in inside.iter().filter(|&&k| pieces[k].start.to_days() == pos[i]) {
            let p = &pieces[k];
            let Ok(j) = pos.binary_search(&(p.end.to_days() + 1)) else { continue };
            let Some((s, rest)) = &best[j] else { continue };
            let base = piece_score(p, vintage);
            // Measured against a target, "laatste stand" takes the latest publication's figures
            // before the finest split, as "zoals toen gepubliceerd" takes the earliest: the first
            // half of 2020 was SodM's quarters (589) though NCG revised the half year to 583.
            let published = if p.is_published() { p.days() } else { 0 };
            let own = match (prefer_published, vintage) {
                (true, Vintage::Latest) => (published, base.2, base.1),
                (true, Vintage::FirstPublished) => (published, base.1, base.2),
                (false, _) => (base.1, base.2, 0),
            };
            let total = add(own, *s);
            if best[i].as_ref().is_none_or(|(b, _)| total > *b) {
                let mut v = vec![k];
                v.extend_from_slice(rest);
                best[i] = Some((total, v));
            }
        }
    }
    if pos.first() != Some(&start.to_days()) {
        return None;
    }
    best.swap_remove(0).map(|(_, v)| v)
}

/// The total count of the pieces with these indices.
pub fn total(pieces: &[Piece], idx: &[usize]) -> f64 {
    idx.iter().filter_map(|&k| pieces.get(k)).map(|p| p.count).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::time_chart::Provenance;
    use crate::data::observation::Flag;
    use crate::data::period::Period;

    fn piece(start: &str, end: &str, count: f64, rank: usize, flag: Flag) -> Piece {
        let (s, e) = (Date::parse(start).unwrap(), Date::parse(end).unwrap());
        Piece {
            series: "opname".into(),
            measure: "opname".into(),
            family: "NCG".into(),
            start: s,
            end: e,
            count,
            period: Period::Range { start: s, end: e },
            rank,
            difference: flag == Flag::Derived,
            provenance: Provenance { quoted: false, publication: format!("p{rank}"), publication_title: String::new(), peildatum: None, source: String::new(), flag, note: String::new() },
        }
    }

    /// Opnames 2020 as in the archive: SodM quarters (rank 2, table 2.2 L672), NCG's 1 jan-31 mei
    /// (rank 1) and its months June-August (rank 3, derived in the source), and the year (rank 5).
    fn opname_2020() -> Vec<Piece> {
        use Flag::*;
        vec![
            piece("2020-01-01", "2020-03-31", 408.0, 2, Published),
            piece("2020-04-01", "2020-06-30", 181.0, 2, Published),
            piece("2020-01-01", "2020-05-31", 462.0, 1, Published),
            piece("2020-06-01", "2020-06-30", 121.0, 3, Derived),
            piece("2020-07-01", "2020-07-31", 179.0, 3, Derived),
            piece("2020-08-01", "2020-08-31", 306.0, 3, Derived),
            piece("2020-09-01", "2020-12-31", 1815.0, 5, Derived),
            piece("2020-01-01", "2020-12-31", 2883.0, 5, Published),
        ]
    }

    #[test]
    fn latest_draws_the_finest_even_split() {
        let p = opname_2020();
        let counts: Vec<f64> = choose(&p, Vintage::Latest).into_iter().map(|k| p[k].count).collect();
        // Table 2.2's quarters (408, 181) are drawn, then July, August and September-December.
        assert_eq!(counts, vec![408.0, 181.0, 179.0, 306.0, 1815.0]);
    }

    #[test]
    fn first_published_prefers_the_earliest_publication() {
        let p = opname_2020();
        let counts: Vec<f64> = choose(&p, Vintage::FirstPublished).into_iter().map(|k| p[k].count).collect();
        assert_eq!(counts, vec![462.0, 121.0, 179.0, 306.0, 1815.0]);
    }

    #[test]
    fn gaps_are_allowed_and_overlaps_are_not() {
        let p = vec![piece("2017-01-01", "2017-12-31", 5141.0, 0, Flag::Published), piece("2019-01-01", "2019-06-30", 287.0, 0, Flag::Published)];
        assert_eq!(choose(&p, Vintage::Latest), vec![0, 1]);
    }

    #[test]
    fn exact_windows_prefer_published_totals() {
        // Veilig verklaard 2024: NCG published 4.800 for the year, 1.137 for Q1; the rest of the
        // year is only known from differences of "voldoet aan de norm" (901 in April, 2.698 in
        // May-December).
        use Flag::*;
        let p = vec![
            piece("2024-01-01", "2024-12-31", 4800.0, 9, Published),
            piece("2024-01-01", "2024-03-31", 1137.0, 7, Published),
            piece("2024-04-01", "2024-04-30", 901.0, 8, Derived),
            piece("2024-05-01", "2024-12-31", 2698.0, 9, Derived),
        ];
        let (s, e) = (Date::parse("2024-01-01").unwrap(), Date::parse("2024-12-31").unwrap());
        let pub_first = exact(&p, s, e, Vintage::Latest, true).unwrap();
        assert_eq!(total(&p, &pub_first), 4800.0);
        let finest = exact(&p, s, e, Vintage::Latest, false).unwrap();
        assert_eq!(total(&p, &finest), 4736.0);
        assert_eq!(finest.len(), 3);
        assert!(exact(&p, s, Date::parse("2025-06-30").unwrap(), Vintage::Latest, true).is_none());
    }
}
