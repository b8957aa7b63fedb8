//! Sentiment of a comment, in Spanish, English or both at once: a lexicon scorer in the style of
//! VADER (negation, boosters, contrast, emphasis, emoji), with a word list per language shipped
//! in data/lexicons/. Every score carries the words and rules that moved it, so a researcher can
//! defend it.

mod cues;
pub mod emotions;
mod language;
mod lexicon;
mod morphology;
mod patterns;
pub mod prior;
mod rules;
mod scorer;
mod tokens;

use std::sync::LazyLock;

use serde::Serialize;

pub use language::Language;
pub use lexicon::Lexicon;
pub use scorer::Scorer;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Neg,
    Neu,
    Pos,
    Mixed,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Neg => "neg",
            Label::Neu => "neu",
            Label::Pos => "pos",
            Label::Mixed => "mixed",
        }
    }

    /// Neutral band around 0, as VADER's compound thresholds.
    pub fn of(valence: f64) -> Label {
        if valence >= 0.05 {
            Label::Pos
        } else if valence <= -0.05 {
            Label::Neg
        } else {
            Label::Neu
        }
    }
}

/// The result of scoring one comment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextScore {
    pub valence: f64,
    /// How strongly feeling is expressed, either way, in [0, 1]: |valence| for a one-sided
    /// comment, more than that when praise and complaint cancel out ("mixed").
    pub intensity: f64,
    pub label: Label,
    pub language: Language,
    /// Lexicon hits; zero means the text said nothing the lexicon knows.
    pub hits: usize,
    /// The words and rules behind the score, in reading order.
    pub explanation: Vec<String>,
}

static BUNDLED: LazyLock<Scorer> = LazyLock::new(Scorer::bundled);

/// Scores a comment with the lexicons shipped in data/lexicons/.
pub fn score(text: &str) -> TextScore {
    BUNDLED.score(text)
}
