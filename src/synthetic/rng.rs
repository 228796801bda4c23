//! A small deterministic random number generator (SplitMix64) with the few draws the generator
//! needs. Only integer arithmetic and IEEE basic operations are used (no `ln`, `exp`, `powf`), so
//! the same seed gives the same bytes on every platform.

/// SplitMix64 (Steele, Lea & Flood 2014). Not for cryptography.
#[derive(Clone, Debug)]
pub struct Rng(u64);

/// Quantiles of a lognormal distribution (σ = 0.55) scaled to mean 1, at 0, 1/32, ..., 1 (the
/// ends clipped at 0.4% and 99.6%). Interpolated linearly: a right-skewed "duration" shape.
const SKEW: [f64; 33] = [
    0.1995, 0.3080, 0.3690, 0.4156, 0.4558, 0.4923, 0.5268, 0.5598, 0.5921, 0.6240, 0.6558, 0.6877, 0.7201, 0.7531, 0.7869, 0.8218, 0.8580,
    0.8959, 0.9356, 0.9776, 1.0224, 1.0705, 1.1227, 1.1799, 1.2434, 1.3151, 1.3977, 1.4954, 1.6154, 1.7715, 1.9950, 2.3903, 3.6897,
];

impl Rng {
    /// A generator for one purpose ("stream") of one seed: streams are independent, so changing
    /// how one phase draws does not shift the numbers of another.
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next_u64();
        r
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Uniform integer in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform integer in `lo..=hi` (`lo` when `hi < lo`).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = u64::try_from(hi - lo).unwrap_or(0).saturating_add(1);
        lo + i64::try_from(self.below(span)).unwrap_or(0)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A right-skewed positive factor with mean 1 (see [`SKEW`]).
    pub fn skewed(&mut self) -> f64 {
        let x = self.unit() * 32.0;
        let i = (x as usize).min(31);
        let f = x - i as f64;
        let a = SKEW.get(i).copied().unwrap_or(1.0);
        let b = SKEW.get(i + 1).copied().unwrap_or(1.0);
        a + (b - a) * f
    }

    /// A duration around `mean` days: `mean × (1 − w + w × skewed)`, so `w` sets the spread.
    pub fn duration(&mut self, mean: f64, w: f64) -> i64 {
        (mean * (1.0 - w + w * self.skewed())).round() as i64
    }

    /// Shuffle in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            v.swap(i, j);
        }
    }

    /// An index drawn with probability proportional to `weights` (the last one if all are 0).
    pub fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().map(|w| w.max(0.0)).sum();
        if total <= 0.0 {
            return weights.len().saturating_sub(1);
        }
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            let w = w.max(0.0);
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers_and_streams_differ() {
        let a: Vec<u64> = (0..5)
            .map({
                let mut r = Rng::new(1, 2);
                move |_| r.next_u64()
            })
            .collect();
        let b: Vec<u64> = (0..5)
            .map({
                let mut r = Rng::new(1, 2);
                move |_| r.next_u64()
            })
            .collect();
        let c: Vec<u64> = (0..5)
            .map({
                let mut r = Rng::new(1, 3);
                move |_| r.next_u64()
            })
            .collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn skewed_has_mean_one_and_ranges_hold() {
        let mut r = Rng::new(7, 0);
        let n = 200_000;
        let m: f64 = (0..n).map(|_| r.skewed()).sum::<f64>() / f64::from(n);
        assert!((m - 1.0).abs() < 0.01, "{m}");
        for _ in 0..1000 {
            let x = r.range(-3, 3);
            assert!((-3..=3).contains(&x));
            assert!(r.unit() < 1.0);
        }
        assert_eq!(r.range(5, 2), 5);
    }
}
