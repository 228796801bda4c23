//! One sort for the whole crate, to keep the wasm bundle small.
//!
//! The standard library's `sort*` functions are instantiated anew for every element type and
//! every comparator: several KB of wasm each, and this crate sorts some forty different lists.
//! Here the work is done once, by a non-generic stable merge sort over indices that calls the
//! comparator through `&mut dyn FnMut`; what remains generic per call site is only a small
//! permutation step. O(n log n) comparisons, stable (equal elements keep their order), no
//! `unsafe`. For the hot paths of the app (tens of thousands of addresses) this is within a small
//! factor of `slice::sort_by`.

use std::cmp::Ordering;

/// The order of `0..n` that sorts the items stably by `cmp(i, j)` (compares items `i` and `j`).
#[inline(never)]
pub fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut a: Vec<u32> = (0..n as u32).collect();
    // Lists are often already in order (rows read in order, re-sorted after a filter): one pass
    // of n - 1 comparisons then answers.
    if (1..n).all(|i| cmp(i - 1, i) != Ordering::Greater) {
        return a;
    }
    // Insertion sort for runs of 8, then bottom-up merging between two buffers.
    const RUN: usize = 8;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && cmp(a[j - 1] as usize, a[j] as usize) == Ordering::Greater {
                a.swap(j - 1, j);
                j -= 1;
            }
        }
        start = end;
    }
    let mut b = vec![0u32; n];
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // Take from the right only when strictly smaller: keeps the sort stable.
                if cmp(a[j] as usize, a[i] as usize) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + (hi - j)].copy_from_slice(&a[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Put `v` in the order `perm` (as returned by [`sorted_indices`]: `perm[k]` is the index of
/// the item that goes to place `k`). Follows the cycles of the permutation with swaps.
fn apply<T>(v: &mut [T], mut perm: Vec<u32>) {
    for start in 0..perm.len() {
        let mut cur = start;
        // Each cycle is walked once; visited places are marked by pointing at themselves.
        while perm[cur] as usize != start {
            let next = perm[cur] as usize;
            v.swap(cur, next);
            perm[cur] = cur as u32;
            cur = next;
        }
        perm[cur] = cur as u32;
    }
}

/// Stable sort with a comparator, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let perm = sorted_indices(v.len(), &mut |i, j| cmp(&v[i], &v[j]));
    apply(v, perm);
}

/// Stable sort by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort by a partially ordered key (`f64`, …); incomparable keys count as equal.
pub fn sort_by_partial_key<T, K: PartialOrd>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).partial_cmp(&key(b)).unwrap_or(Ordering::Equal));
}

/// Sort totally ordered items, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sort numbers ascending in the order of [`f64::total_cmp`] (−NaN, −∞ … −0, +0 … +∞, NaN): a
/// radix sort on the numbers' bits, 8 bits per pass, passes in which every number has the same
/// byte skipped. The lead-time estimates sort tens of thousands of durations per step, six steps
/// per view; through [`sort_by`] (a merge sort calling its comparator through `dyn`) that was
/// about 10 ms of the Doorlooptijden view's first render on the project's slower CI machine
/// (2026-11-23), four times that in Lighthouse's phone emulation. Not generic, no `unsafe`.
#[inline(never)]
pub fn sort_f64(v: &mut [f64]) {
    // The bits of a number, turned so that unsigned order is `total_cmp`'s order: negative numbers
    // (sign bit set) have all bits flipped, positive numbers only the sign bit.
    let key = |x: f64| {
        let b = x.to_bits();
        if b >> 63 == 1 { !b } else { b | 1 << 63 }
    };
    let mut a: Vec<u64> = v.iter().map(|&x| key(x)).collect();
    let mut b = vec![0u64; a.len()];
    for shift in (0..64).step_by(8) {
        let mut counts = [0usize; 256];
        for &k in &a {
            counts[((k >> shift) & 0xff) as usize] += 1;
        }
        if counts.iter().any(|&c| c == a.len()) {
            continue;
        }
        let mut start = 0;
        for c in counts.iter_mut() {
            let n = *c;
            *c = start;
            start += n;
        }
        for &k in &a {
            let d = ((k >> shift) & 0xff) as usize;
            b[counts[d]] = k;
            counts[d] += 1;
        }
        std::mem::swap(&mut a, &mut b);
    }
    for (x, k) in v.iter_mut().zip(a) {
        let bits = if k >> 63 == 1 { k & !(1 << 63) } else { !k };
        *x = f64::from_bits(bits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_is_stable() {
        // Lengths around the run size and powers of two, with many equal keys.
        let mut seed = 12345u64;
        for n in [0usize, 1, 2, 3, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000] {
            let mut v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|x| x.0);
            sort_by_key(&mut v, |x| x.0);
            assert_eq!(v, expected, "n = {n}");
        }
    }

    #[test]
    fn sorted_and_reversed_input() {
        let mut v: Vec<u32> = (0..100).collect();
        sort(&mut v);
        assert_eq!(v, (0..100).collect::<Vec<_>>());
        let mut r: Vec<u32> = (0..100).rev().collect();
        sort(&mut r);
        assert_eq!(r, (0..100).collect::<Vec<_>>());
        // Sorted except the last element: the fast path must not accept it.
        let mut w = vec![1, 2, 3, 4, 0];
        sort(&mut w);
        assert_eq!(w, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn partial_keys_and_plain_sort() {
        let mut f = vec![2.5, -1.0, 3.0, 0.0];
        sort_by_partial_key(&mut f, |x| *x);
        assert_eq!(f, vec![-1.0, 0.0, 2.5, 3.0]);
        let mut s = vec!["b", "a", "c", "a"];
        sort(&mut s);
        assert_eq!(s, vec!["a", "a", "b", "c"]);
    }

    #[test]
    fn numbers_sort_as_total_cmp_does() {
        let mut seed = 99u64;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            seed
        };
        for n in [0usize, 1, 2, 5, 100, 5000] {
            let mut v: Vec<f64> = (0..n)
                .map(|i| match i % 7 {
                    0 => (next() >> 40) as f64 - 8_000_000.0,
                    1 => f64::from_bits(next()),
                    2 => (next() % 50) as f64 / 4.0,
                    3 => -0.0,
                    4 => [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, -f64::NAN, 0.0][(next() % 5) as usize],
                    _ => (next() % 2000) as f64 * 0.5,
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by(f64::total_cmp);
            sort_f64(&mut v);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&v), bits(&expected), "n = {n}");
        }
    }
}
