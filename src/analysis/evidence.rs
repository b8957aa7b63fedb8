//! The comments behind a number, with why each scored as it did: what a manager reads in the
//! report's drill-down before repeating "delivery is our worst moment" in a meeting.

use serde::Serialize;

use super::scoring::ScoredResponse;
use crate::domain::stats::round4;

/// One quoted comment: its text (redacted, shortened), the valence of its words and the words
/// and rules that moved it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub quote: String,
    /// The comment's text valence (lexicon, or the model learned from the file's ratings).
    pub valence: Option<f64>,
    /// How strongly the comment expresses feeling, either way, from the lexicon, in [0, 1].
    pub intensity: Option<f64>,
    pub explanation: Vec<String>,
}

impl Evidence {
    pub fn of(row: &ScoredResponse, quote: String) -> Self {
        Evidence {
            quote,
            valence: row.text_valence.map(round4),
            intensity: row.intensity,
            explanation: row.explanation.clone(),
        }
    }
}
