//! One response's place on the journey and its valence: the text's score and the ratings'
//! valence fused with documented weights, each part kept so a reader can see where a number
//! came from.

use serde::Serialize;

use super::sentiment::{self, Label};
use crate::domain::stats::round4;
use crate::domain::{Journey, Response};

/// How much the comment and the ratings each count when a response has both. A part that is
/// missing (no comment, no rating, or a comment the lexicon found nothing in) gives its weight
/// to the other.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Weights {
    pub text: f64,
    pub rating: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            text: 0.5,
            rating: 0.5,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoredResponse {
    pub response: Response,
    /// Index into the journey's stages; `None` when the stage value matched nothing.
    pub stage: Option<usize>,
    pub touchpoint: Option<usize>,
    pub language: String,
    pub text_valence: Option<f64>,
    pub rating_valence: Option<f64>,
    pub valence: Option<f64>,
    pub label: Option<Label>,
    pub explanation: Vec<String>,
    pub cluster: Option<String>,
}

/// A response's valence from its parts. A comment with no sentiment evidence (no lexicon word,
/// no learned score) is taken as neutral only when no rating speaks.
pub fn fuse(
    text: Option<f64>,
    informative: bool,
    rating: Option<f64>,
    weights: &Weights,
) -> Option<f64> {
    match (text.filter(|_| informative), rating) {
        (Some(t), Some(r)) => Some(round4(
            (weights.text * t + weights.rating * r) / (weights.text + weights.rating),
        )),
        (Some(t), None) => Some(t),
        (None, Some(r)) => Some(r),
        (None, None) => text,
    }
}

/// Replaces the text part of every comment with the valence learned from the file's own
/// ratings (see `learn`), when the learned model beats the lexicon; returns how it did.
pub fn apply_learning(
    rows: &mut [ScoredResponse],
    weights: &Weights,
) -> Option<super::learn::LearnReport> {
    // Customers only: an employee's mood rating is about their work, not the customer's
    // experience, so their comments are neither examples nor rescored.
    let customer = |r: &ScoredResponse| r.response.source == crate::domain::Source::Customer;
    let texts: Vec<Option<&str>> = rows
        .iter()
        .map(|r| r.response.text.as_deref().filter(|_| customer(r)))
        .collect();
    let ratings: Vec<Option<f64>> = rows
        .iter()
        .map(|r| r.rating_valence.filter(|_| customer(r)))
        .collect();
    let lexicon: Vec<f64> = rows.iter().map(|r| r.text_valence.unwrap_or(0.0)).collect();
    let (learned, report) = super::learn::learn(&texts, &ratings, &lexicon)?;
    if report.used {
        for (row, v) in rows.iter_mut().zip(learned) {
            let Some(v) = v else { continue };
            row.text_valence = Some(v);
            row.valence = fuse(Some(v), true, row.rating_valence, weights);
            row.label = row.valence.map(Label::of);
            row.explanation
                .push(format!("learned from this file's ratings: {v:+.2}"));
        }
    }
    Some(report)
}

pub fn score_response(journey: &Journey, response: &Response, weights: &Weights) -> ScoredResponse {
    let stage = response
        .stage
        .as_deref()
        .and_then(|s| journey.match_stage(s));
    let touchpoint = stage
        .zip(response.touchpoint.as_deref())
        .and_then(|(s, t)| journey.match_touchpoint(s, t));
    let text = response.text.as_deref().map(sentiment::score);
    let rating_valence = if response.ratings.is_empty() {
        None
    } else {
        let sum: f64 = response.ratings.iter().map(|r| r.valence().get()).sum();
        Some(round4(sum / response.ratings.len() as f64))
    };
    let text_valence = text.as_ref().map(|t| t.valence);
    let informative = text.as_ref().is_some_and(|t| t.hits > 0);
    let valence = fuse(text_valence, informative, rating_valence, weights);
    let mixed = text.as_ref().is_some_and(|t| t.label == Label::Mixed);
    let language = response
        .language
        .clone()
        .or_else(|| text.as_ref().map(|t| t.language.as_str().to_owned()))
        .unwrap_or_default();
    ScoredResponse {
        response: response.clone(),
        stage,
        touchpoint,
        language,
        text_valence,
        rating_valence,
        valence,
        label: valence.map(|v| if mixed { Label::Mixed } else { Label::of(v) }),
        explanation: text.map(|t| t.explanation).unwrap_or_default(),
        cluster: None,
    }
}
