//! The statistics behind every point of a curve: mean, a t-based 95% confidence interval, a
//! confidence band from the sample size, and Welch's test for comparing two groups.

use serde::Serialize;

/// How far a mean can be trusted, by the rules of thumb CX teams use (under 10 anecdotal,
/// 10-30 tentative, 30+ usable, 100+ solid).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Anecdotal,
    Tentative,
    Usable,
    Solid,
}

impl Confidence {
    pub fn from_n(n: usize) -> Self {
        match n {
            0..10 => Confidence::Anecdotal,
            10..30 => Confidence::Tentative,
            30..100 => Confidence::Usable,
            _ => Confidence::Solid,
        }
    }
}

/// A mean valence with its 95% confidence interval, clipped to the valence scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    pub mean: f64,
    pub ci95: [f64; 2],
    pub confidence: Confidence,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    pub n: usize,
    pub mean: f64,
    /// Unbiased sample variance (0 when n < 2).
    pub variance: f64,
}

impl Sample {
    pub fn of(values: &[f64]) -> Option<Sample> {
        let n = values.len();
        if n == 0 {
            return None;
        }
        let mean = values.iter().sum::<f64>() / n as f64;
        let variance = if n < 2 {
            0.0
        } else {
            values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1) as f64
        };
        Some(Sample { n, mean, variance })
    }

    /// The mean with a t-based 95% interval. With a single value nothing is known about the
    /// spread, so the interval is the whole scale rather than a falsely tight point.
    pub fn estimate(&self) -> Estimate {
        let ci95 = if self.n < 2 {
            [-1.0, 1.0]
        } else {
            let half = t_975(self.n as f64 - 1.0) * (self.variance / self.n as f64).sqrt();
            [
                round4((self.mean - half).max(-1.0)),
                round4((self.mean + half).min(1.0)),
            ]
        };
        Estimate {
            mean: round4(self.mean),
            ci95,
            confidence: Confidence::from_n(self.n),
        }
    }
}

/// Welch's two-sample t-test at the 5% level: true when the means differ beyond chance.
pub fn differ_significantly(a: &Sample, b: &Sample) -> bool {
    if a.n < 2 || b.n < 2 {
        return false;
    }
    let (va, vb) = (a.variance / a.n as f64, b.variance / b.n as f64);
    let se2 = va + vb;
    if se2 <= 0.0 {
        return a.mean != b.mean;
    }
    let t = (a.mean - b.mean).abs() / se2.sqrt();
    let df = se2.powi(2)
        / (va.powi(2) / (a.n as f64 - 1.0) + vb.powi(2) / (b.n as f64 - 1.0))
            .max(f64::MIN_POSITIVE);
    t > t_975(df)
}

/// The exact one-sided sign test: the chance of `wins` or more of `wins + losses` fair coin
/// tosses. Small when one side is ahead beyond luck (McNemar's exact test on paired verdicts).
pub fn sign_test_p(wins: usize, losses: usize) -> f64 {
    if wins == 0 {
        return 1.0;
    }
    let n = wins + losses;
    // ln C(n, k), built up term by term: exact enough, and no overflow at tens of thousands.
    let mut ln_choose = 0.0;
    let mut tail = 0.0;
    for k in 0..=n {
        if k > 0 {
            ln_choose += ((n - k + 1) as f64).ln() - (k as f64).ln();
        }
        if k >= wins {
            tail += (ln_choose - n as f64 * std::f64::consts::LN_2).exp();
        }
    }
    tail.min(1.0)
}

/// The 97.5% quantile of Student's t with `df` degrees of freedom: exact table up to 30, then
/// the Cornish-Fisher expansion around the normal quantile (error under 1e-3 from df 30 on).
pub fn t_975(df: f64) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    if !df.is_finite() || df < 1.0 {
        return TABLE[0];
    }
    if df <= 30.0 {
        // Welch's df is fractional: use the next lower whole df, which is conservative.
        return TABLE[(df.floor() as usize).clamp(1, 30) - 1];
    }
    let z: f64 = 1.959_964;
    let g1 = (z.powi(3) + z) / 4.0;
    let g2 = (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / 96.0;
    z + g1 / df + g2 / df.powi(2)
}

/// At most `cap` of the indices `0..n`, chosen by a seeded hash and returned in order: the
/// same every run, and unlike every k-th row, blind to any period in the data (a file sorted
/// by stage, or a comment repeated every other row).
pub fn sample_indices(n: usize, cap: usize, seed: u64) -> Vec<usize> {
    if n <= cap {
        return (0..n).collect();
    }
    // SplitMix64 of (seed, index): a well-mixed key per row, no dependency.
    let key = |i: usize| {
        let mut z = seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut chosen: Vec<usize> = (0..n).collect();
    chosen.select_nth_unstable_by_key(cap - 1, |&i| key(i));
    chosen.truncate(cap);
    chosen.sort_unstable();
    chosen
}

pub fn round4(x: f64) -> f64 {
    // `+ 0.0` turns -0.0 into 0.0: a neutral comment must not print as "-0".
    (x * 10_000.0).round() / 10_000.0 + 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sign_test_matches_the_binomial_tail() {
        // P(X >= 9 | n = 10, p = 1/2) = 11/1024; no wins at all is certain.
        assert!((sign_test_p(9, 1) - 11.0 / 1024.0).abs() < 1e-9);
        assert_eq!(sign_test_p(0, 7), 1.0);
        assert_eq!(sign_test_p(0, 0), 1.0);
        // 22 against 12 is not yet beyond luck at 5%; 23 against 9 is.
        assert!((0.05..0.07).contains(&sign_test_p(22, 12)));
        assert!(sign_test_p(23, 9) < 0.011);
        // Large counts neither overflow nor lose the tail.
        assert!(sign_test_p(10_300, 9_700) < 1e-4);
        assert!(sign_test_p(10_000, 10_000) > 0.49);
    }

    #[test]
    fn a_sample_is_sized_ordered_repeatable_and_blind_to_periods() {
        assert_eq!(sample_indices(5, 10, 1), [0, 1, 2, 3, 4]);
        let s = sample_indices(10_000, 3_000, 42);
        assert_eq!(s.len(), 3_000);
        assert!(s.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(s, sample_indices(10_000, 3_000, 42));
        let even = s.iter().filter(|&&i| i % 2 == 0).count();
        assert!((1_300..1_700).contains(&even), "{even} of 3,000 even rows");
    }

    #[test]
    fn interval_matches_a_hand_computation() {
        // mean 0.5, sd 0.5, n 4: half-width = 3.182 * 0.5 / 2 = 0.7955
        let s = Sample::of(&[0.0, 0.5, 0.5, 1.0]).unwrap_or_else(|| unreachable!());
        let sd = s.variance.sqrt();
        assert!((sd - 0.408_248).abs() < 1e-5);
        let e = s.estimate();
        assert_eq!(e.mean, 0.5);
        assert!((e.ci95[0] - (0.5 - 3.182 * sd / 2.0)).abs() < 1e-4);
        assert_eq!(e.confidence, Confidence::Anecdotal);
    }

    #[test]
    fn t_quantile_is_continuous_past_the_table() {
        assert!((t_975(30.0) - 2.042).abs() < 1e-3);
        assert!((t_975(31.0) - 2.040).abs() < 1e-3);
        assert!((t_975(120.0) - 1.980).abs() < 1e-3);
    }

    #[test]
    fn welch_separates_clear_groups_only() {
        let low = Sample::of(&[-0.6, -0.5, -0.4, -0.55, -0.45, -0.5]);
        let high = Sample::of(&[0.4, 0.5, 0.6, 0.45, 0.55, 0.5]);
        let near = Sample::of(&[-0.5, 0.4, -0.3, 0.2, 0.1, -0.2]);
        let (Some(low), Some(high), Some(near)) = (low, high, near) else {
            unreachable!()
        };
        assert!(differ_significantly(&low, &high));
        assert!(!differ_significantly(
            &near,
            &Sample {
                n: 6,
                mean: -0.05,
                ..near
            }
        ));
    }
}
