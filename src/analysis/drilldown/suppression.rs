//! Small-count suppression for tables below gemeente level, protected against subtraction.
//!
//! Every count below 5 (zero included) is hidden ("< 5"). Hiding small cells alone is not enough:
//! a reader who knows a row's total and the other cells of the row, or a column's total (the
//! parent's figure: the gemeente above its dorpen, the dorp above its clusters) and the other
//! cells of the column, could work a hidden cell out by subtraction. So more cells are hidden
//! ("complementary suppression") until no hidden cell is determined by the sums the reader
//! knows. The check is exact linear algebra ([`determined`]: a hidden cell is recoverable when its
//! unit vector lies in the row space of the known sums), not only the "two per line" rule.
//!
//! Complementary cells are shown as "< 5" too, so a reader cannot tell which hidden cells are
//! truly small; the method note of every such table says so.

use crate::analysis::derive::{Count, SUPPRESS_BELOW};

/// How the columns of a table relate: `parts` add up to `total` in every row (a partition of the
/// row, e.g. fase 1..6 of a dorp). Other columns (e.g. "meets the norm") only add up down their
/// column to the parent's figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub total: Option<usize>,
    pub parts: Vec<usize>,
}

/// A hidden value that the known sums pin down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// A cell (row, column) of the table.
    Cell(usize, usize),
    /// A hidden figure of the parent row (column).
    Margin(usize),
}

/// Protect a table. With `margins` the rows partition a parent (every address of the parent is in
/// exactly one row) and `margins[c]` says whether the reader sees the parent's figure for column
/// `c`; without, the table has no parent (its columns add up to nothing known). Returns the cells
/// as shown.
pub fn protect(cells: &[Vec<u64>], layout: &Layout, margins: Option<&[bool]>) -> Vec<Vec<Count>> {
    let mut hidden: Vec<Vec<bool>> = cells.iter().map(|r| r.iter().map(|&v| v < SUPPRESS_BELOW).collect()).collect();
    if let Some(t) = layout.total {
        for row in hidden.iter_mut() {
            if row.get(t).copied().unwrap_or(false) {
                for &p in &layout.parts {
                    if let Some(h) = row.get_mut(p) {
                        *h = true;
                    }
                }
            }
        }
    }
    let ncols = cells.iter().map(Vec::len).max().unwrap_or(0);
    for _round in 0..200 {
        if line_rules(cells, &mut hidden, layout, margins.unwrap_or(&[]), ncols) {
            continue;
        }
        let found = determined(&hidden, layout, margins, ncols);
        let mut changed = false;
        for u in found {
            changed |= match u {
                Unknown::Cell(r, c) => {
                    let in_row = layout.total == Some(c) || layout.parts.contains(&c);
                    (in_row && hide_smallest_in_row(cells, &mut hidden, layout, r)) || hide_smallest_in_column(cells, &mut hidden, c)
                }
                Unknown::Margin(c) => hide_smallest_in_column(cells, &mut hidden, c),
            };
        }
        if !changed {
            break;
        }
    }
    cells
        .iter()
        .zip(&hidden)
        .map(|(r, h)| r.iter().zip(h).map(|(&v, &h)| if h { Count::Suppressed } else { Count::Exact(v) }).collect())
        .collect()
}

/// The quick rules: a row (with a shown total) or a column (with a known parent figure) with
/// exactly one hidden cell gets a second one. Returns whether anything changed.
fn line_rules(cells: &[Vec<u64>], hidden: &mut [Vec<bool>], layout: &Layout, margins_known: &[bool], ncols: usize) -> bool {
    let mut changed = false;
    if let Some(t) = layout.total {
        for r in 0..hidden.len() {
            let members = std::iter::once(t).chain(layout.parts.iter().copied());
            let n = members.filter(|&c| is_hidden(hidden, r, c)).count();
            if n == 1 {
                changed |= hide_smallest_in_row(cells, hidden, layout, r);
            }
        }
    }
    for c in 0..ncols {
        if !margins_known.get(c).copied().unwrap_or(false) {
            continue;
        }
        let n = (0..hidden.len()).filter(|&r| is_hidden(hidden, r, c)).count();
        if n == 1 {
            changed |= hide_smallest_in_column(cells, hidden, c);
        }
    }
    changed
}

fn is_hidden(hidden: &[Vec<bool>], r: usize, c: usize) -> bool {
    hidden.get(r).and_then(|row| row.get(c)).copied().unwrap_or(false)
}

fn hide(hidden: &mut [Vec<bool>], best: Option<(u64, usize, usize)>) -> bool {
    match best.and_then(|(_, r, c)| hidden.get_mut(r).and_then(|row| row.get_mut(c))) {
        Some(h) => {
            *h = true;
            true
        }
        None => false,
    }
}

fn hide_smallest_in_row(cells: &[Vec<u64>], hidden: &mut [Vec<bool>], layout: &Layout, r: usize) -> bool {
    let best = layout
        .parts
        .iter()
        .copied()
        .chain(layout.total)
        .filter(|&c| !is_hidden(hidden, r, c))
        .filter_map(|c| cells.get(r).and_then(|row| row.get(c)).map(|&v| (v, r, c)))
        .min();
    hide(hidden, best)
}

fn hide_smallest_in_column(cells: &[Vec<u64>], hidden: &mut [Vec<bool>], c: usize) -> bool {
    let best = (0..cells.len()).filter(|&r| !is_hidden(hidden, r, c)).filter_map(|r| cells.get(r).and_then(|row| row.get(c)).map(|&v| (v, r, c))).min();
    hide(hidden, best)
}

/// Every hidden value (cell or parent figure) that the sums a reader knows determine exactly:
/// the row sums (`total = Σ parts`), the column sums (`Σ rows = parent figure`) and the parent's
/// own row sum. Without `margins` there is no parent and no column sums. Exact: Gauss-Jordan
/// elimination over the hidden values.
pub fn determined(hidden: &[Vec<bool>], layout: &Layout, margins: Option<&[bool]>, ncols: usize) -> Vec<Unknown> {
    let has_parent = margins.is_some();
    let margins_known = margins.unwrap_or(&[]);
    // Number the unknowns.
    let mut vars: Vec<Unknown> = Vec::new();
    let mut index = vec![vec![usize::MAX; ncols]; hidden.len()];
    for (r, row) in hidden.iter().enumerate() {
        for (c, &h) in row.iter().enumerate() {
            if h && let Some(slot) = index.get_mut(r).and_then(|x| x.get_mut(c)) {
                *slot = vars.len();
                vars.push(Unknown::Cell(r, c));
            }
        }
    }
    let mut margin_index = vec![usize::MAX; ncols];
    for (c, slot) in margin_index.iter_mut().enumerate() {
        if has_parent && !margins_known.get(c).copied().unwrap_or(false) {
            *slot = vars.len();
            vars.push(Unknown::Margin(c));
        }
    }
    if vars.is_empty() {
        return Vec::new();
    }
    let n = vars.len();
    let var = |r: usize, c: usize| index.get(r).and_then(|x| x.get(c)).copied().filter(|&i| i != usize::MAX);
    let mut rows: Vec<Vec<f64>> = Vec::new();
    let mut push = |terms: Vec<(usize, f64)>| {
        if terms.is_empty() {
            return;
        }
        let mut v = vec![0.0; n];
        for (i, k) in terms {
            if let Some(x) = v.get_mut(i) {
                *x += k;
            }
        }
        rows.push(v);
    };
    if let Some(t) = layout.total {
        for r in 0..hidden.len() {
            let mut terms: Vec<(usize, f64)> = var(r, t).map(|i| (i, 1.0)).into_iter().collect();
            terms.extend(layout.parts.iter().filter_map(|&p| var(r, p).map(|i| (i, -1.0))));
            push(terms);
        }
        let mut terms: Vec<(usize, f64)> = margin_index.get(t).copied().filter(|&i| i != usize::MAX).map(|i| (i, 1.0)).into_iter().collect();
        terms.extend(layout.parts.iter().filter_map(|&p| margin_index.get(p).copied().filter(|&i| i != usize::MAX).map(|i| (i, -1.0))));
        push(terms);
    }
    for c in (0..ncols).filter(|_| has_parent) {
        let mut terms: Vec<(usize, f64)> = (0..hidden.len()).filter_map(|r| var(r, c).map(|i| (i, 1.0))).collect();
        if let Some(&m) = margin_index.get(c).filter(|&&i| i != usize::MAX) {
            terms.push((m, -1.0));
        }
        push(terms);
    }
    // Gauss-Jordan elimination to reduced row echelon form.
    const EPS: f64 = 1e-9;
    let mut pivots: Vec<(usize, usize)> = Vec::new(); // (row, column)
    let mut top = 0;
    for col in 0..n {
        let Some(p) = (top..rows.len()).find(|&r| rows.get(r).and_then(|x| x.get(col)).is_some_and(|v| v.abs() > EPS)) else { continue };
        rows.swap(top, p);
        let Some(pivot_row) = rows.get(top).cloned() else { break };
        let pv = pivot_row.get(col).copied().unwrap_or(1.0);
        let pivot_row: Vec<f64> = pivot_row.iter().map(|x| x / pv).collect();
        for (i, row) in rows.iter_mut().enumerate() {
            if i == top {
                continue;
            }
            let f = row.get(col).copied().unwrap_or(0.0);
            if f.abs() > EPS {
                for (x, y) in row.iter_mut().zip(&pivot_row).skip(col) {
                    *x -= f * y;
                }
            }
        }
        if let Some(r) = rows.get_mut(top) {
            *r = pivot_row;
        }
        pivots.push((top, col));
        top += 1;
        if top == rows.len() {
            break;
        }
    }
    pivots
        .into_iter()
        .filter(|&(r, _)| rows.get(r).is_some_and(|row| row.iter().filter(|v| v.abs() > EPS).count() == 1))
        .filter_map(|(_, c)| vars.get(c).copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        Layout { total: Some(0), parts: vec![1, 2, 3] }
    }

    fn shown(t: &[Vec<Count>]) -> Vec<Vec<bool>> {
        t.iter().map(|r| r.iter().map(|c| *c == Count::Suppressed).collect()).collect()
    }

    #[test]
    fn a_single_small_cell_in_a_row_gets_a_partner() {
        // total, three parts; margins unknown (only rows matter).
        let cells = vec![vec![30, 20, 7, 3]];
        let t = protect(&cells, &layout(), None);
        assert_eq!(t[0], vec![Count::Exact(30), Count::Exact(20), Count::Suppressed, Count::Suppressed]);
    }

    #[test]
    fn a_single_small_row_under_a_known_total_gets_a_partner() {
        // Dorpen of a gemeente whose figures are shown: one dorp has 3 addresses in total.
        let cells = vec![vec![40, 20, 10, 10], vec![3, 1, 1, 1], vec![25, 10, 10, 5], vec![60, 20, 20, 20]];
        let t = protect(&cells, &layout(), Some(&[true; 4]));
        let h = shown(&t);
        // Column 0 (totals): the small dorp and one more are hidden.
        assert!(h[1][0]);
        assert_eq!((0..4).filter(|&r| h[r][0]).count(), 2);
        assert!(determined(&h, &layout(), Some(&[true; 4]), 4).is_empty());
        // Nothing below 5 is shown anywhere.
        for (r, row) in t.iter().enumerate() {
            for (c, x) in row.iter().enumerate() {
                if let Count::Exact(v) = x {
                    assert!(*v >= 5, "cell {r},{c} = {v}");
                }
            }
        }
    }

    #[test]
    fn the_exact_check_finds_what_the_line_rules_miss() {
        // Hidden: (0,1), (0,2), (1,1), (1,2), (2,1): every line has two hidden cells except
        // column 1, which has three — yet (2,1) is pinned: row 2 has only it hidden.
        let mut h = vec![vec![false; 4]; 3];
        for (r, c) in [(0, 1), (0, 2), (1, 1), (1, 2), (2, 1)] {
            h[r][c] = true;
        }
        let d = determined(&h, &layout(), Some(&[true; 4]), 4);
        assert!(d.contains(&Unknown::Cell(2, 1)));
        // A 2×2 block of hidden cells in a fully known table pins nothing.
        let mut h = vec![vec![false; 4]; 3];
        for (r, c) in [(0, 1), (0, 2), (1, 1), (1, 2)] {
            h[r][c] = true;
        }
        assert!(determined(&h, &layout(), Some(&[true; 4]), 4).is_empty());
    }

    #[test]
    fn a_hidden_parent_figure_is_not_given_away_by_its_children() {
        // The parent's part 1 is hidden at the parent level; the children show every cell of
        // column 1 → together they would reveal it. Protection hides two of them.
        let cells = vec![vec![20, 6, 7, 7], vec![30, 10, 10, 10]];
        let known = [true, false, false, true];
        let t = protect(&cells, &layout(), Some(&known));
        let h = shown(&t);
        assert!(determined(&h, &layout(), Some(&known), 4).is_empty(), "{t:?}");
    }
}
