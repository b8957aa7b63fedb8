//! `Valence`: how good or bad an experience felt, on one scale for every source of evidence
//! (comment text, NPS, CSAT, CES, Likert), from -1 (worst) through 0 (neutral) to 1 (best).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Valence(f64);

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("valence must be a number in [-1, 1], got {0}")]
pub struct ValenceError(pub f64);

impl Valence {
    pub const NEUTRAL: Valence = Valence(0.0);

    /// Accepts only finite values in [-1, 1]; use this for anything a user wrote.
    pub fn new(value: f64) -> Result<Self, ValenceError> {
        if value.is_finite() && (-1.0..=1.0).contains(&value) {
            Ok(Valence(value))
        } else {
            Err(ValenceError(value))
        }
    }

    /// For computed scores, where overshoot is rounding, not a user mistake.
    pub fn clamped(value: f64) -> Self {
        if value.is_nan() {
            Valence::NEUTRAL
        } else {
            Valence(value.clamp(-1.0, 1.0))
        }
    }

    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Valence {
    type Error = ValenceError;
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        Valence::new(value)
    }
}

impl From<Valence> for f64 {
    fn from(v: Valence) -> f64 {
        v.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_out_of_range_and_nan() {
        assert!(Valence::new(1.01).is_err());
        assert!(Valence::new(f64::NAN).is_err());
        assert_eq!(Valence::new(-1.0).map(Valence::get), Ok(-1.0));
    }

    #[test]
    fn clamps_computed_scores() {
        assert_eq!(Valence::clamped(1.7).get(), 1.0);
        assert_eq!(Valence::clamped(f64::NAN).get(), 0.0);
    }
}
