//! Sorting the lists of this module through the crate's one shared sort (`data::sort`): the
//! standard library's sorts are instantiated anew for every element type and key closure,
//! several KB of wasm each.

/// Stable sort by a key, like `slice::sort_by_key` (keys may be only partially ordered).
pub fn sort_by_key<T, K: PartialOrd>(v: &mut [T], key: impl Fn(&T) -> K) {
    crate::data::sort::sort_by_partial_key(v, key);
}

/// Sort and remove duplicates.
pub fn sort_unique<T: PartialOrd + Copy>(v: &mut Vec<T>) {
    sort_by_key(v, |x| *x);
    v.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_unique() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut u = vec![3, 1, 3, 2, 1];
        sort_unique(&mut u);
        assert_eq!(u, vec![1, 2, 3]);
    }
}
