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
    /// How strongly the comment expresses feeling, either way (see `TextScore::intensity`).
    pub intensity: Option<f64>,
    pub rating_valence: Option<f64>,
    pub valence: Option<f64>,
    pub label: Option<Label>,
    pub explanation: Vec<String>,
    pub cluster: Option<String>,
    /// For an observation from a matrix rating: the touchpoint or stage it rates, as the
    /// survey names it. `None` for a response itself.
    pub part: Option<String>,
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
    // Matrix ratings are observations of their own (see `part_observations`).
    let overall: Vec<f64> = response
        .ratings
        .iter()
        .filter(|r| r.rates.is_none())
        .map(|r| r.valence().get())
        .collect();
    let rating_valence =
        (!overall.is_empty()).then(|| round4(overall.iter().sum::<f64>() / overall.len() as f64));
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
        intensity: text.as_ref().map(|t| t.intensity),
        rating_valence,
        valence,
        label: valence.map(|v| if mixed { Label::Mixed } else { Label::of(v) }),
        explanation: text.map(|t| t.explanation).unwrap_or_default(),
        cluster: None,
        part: None,
    }
}

/// One observation per matrix rating of a response ("How satisfied with… - App": 4), placed
/// at the touchpoint it rates: in the response's own stage when that stage has the
/// touchpoint, else in the first stage that has it, else at the stage it names. A part that
/// names nothing in the journey is left unassigned (and listed), never guessed.
pub fn part_observations(journey: &Journey, parent: &ScoredResponse) -> Vec<ScoredResponse> {
    parent
        .response
        .ratings
        .iter()
        .filter_map(|rating| {
            let part = rating.rates.as_deref()?;
            let (stage, touchpoint) = place_part(journey, parent.stage, part);
            let valence = round4(rating.valence().get());
            let response = Response {
                key: format!("{}#{part}", parent.response.key),
                stage: Some(
                    stage.map_or_else(|| part.to_owned(), |s| journey.stages[s].id.clone()),
                ),
                touchpoint: touchpoint.map(|_| part.to_owned()),
                text: None,
                ratings: vec![rating.clone()],
                original: Default::default(),
                ..parent.response.clone()
            };
            Some(ScoredResponse {
                response,
                stage,
                touchpoint,
                language: parent.language.clone(),
                text_valence: None,
                intensity: None,
                rating_valence: Some(valence),
                valence: Some(valence),
                label: Some(Label::of(valence)),
                explanation: vec![format!("matrix rating of \"{part}\": {valence:+.2}")],
                cluster: None,
                part: Some(part.to_owned()),
            })
        })
        .collect()
}

fn place_part(journey: &Journey, own: Option<usize>, part: &str) -> (Option<usize>, Option<usize>) {
    if let Some(tp) = own.and_then(|s| journey.match_touchpoint(s, part)) {
        return (own, Some(tp));
    }
    if let Some((s, tp)) =
        (0..journey.stages.len()).find_map(|s| journey.match_touchpoint(s, part).map(|tp| (s, tp)))
    {
        return (Some(s), Some(tp));
    }
    (journey.match_stage(part), None)
}
