//! Which of the word patterns a comment could set off, read in one pass over its words. Each
//! pattern finds nothing without one of its trigger words ("lasted", "estrellas", "than" after
//! a claim…), and most comments hold none of most patterns' triggers: a pattern whose triggers
//! are absent is not run. One look-up per word replaces a scan per pattern, which was a fifth
//! of the time spent scoring.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::{patterns, rules};

/// A pattern of `patterns.rs` that runs only when the comment holds one of its triggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    NoneOf,
    AgainstClaims,
    Excess,
    Failures,
    WrittenScores,
    ShortLives,
    NeedsUpkeep,
    HopedForMore,
    Wishes,
    ImplicitComplaints,
}

impl Cue {
    fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// Each pattern and the words without which it finds nothing. Besides these, any English word
/// ending in "n't" sets off `failures` (see `Cues::of`).
const TRIGGERS: &[(Cue, &[&str])] = &[
    (Cue::NoneOf, patterns::NONE_OF_TRIGGERS),
    (Cue::AgainstClaims, patterns::CLAIMS),
    (Cue::Excess, patterns::EXCESS_TRIGGERS),
    (Cue::Failures, patterns::DENIERS_EN),
    (Cue::Failures, patterns::DENIERS_ES),
    (Cue::WrittenScores, patterns::WRITTEN_SCORE_TRIGGERS),
    (Cue::ShortLives, patterns::SHORT_LIFE_TRIGGERS),
    (Cue::NeedsUpkeep, patterns::UPKEEP),
    (Cue::HopedForMore, patterns::HOPING_ES),
    (Cue::HopedForMore, patterns::HOPING_EN),
    (Cue::Wishes, patterns::WISHING),
    // A wait ("tres horas") or a denial ("nadie contesta", "no trae instrucciones").
    (Cue::ImplicitComplaints, patterns::TIME_UNITS),
    (Cue::ImplicitComplaints, rules::NEGATORS),
];

/// Every trigger word and the patterns it may set off.
static BY_WORD: LazyLock<FxHashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut by_word = FxHashMap::default();
    for (cue, words) in TRIGGERS {
        for word in *words {
            *by_word.entry(*word).or_default() |= cue.bit();
        }
    }
    by_word
});

/// The patterns a comment's words may set off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cues(u16);

impl Cues {
    pub fn of(words: &[&str]) -> Cues {
        let by_word = &*BY_WORD;
        let mut bits = 0;
        for word in words {
            if let Some(b) = by_word.get(word) {
                bits |= b;
            }
            if word.ends_with("n't") {
                bits |= Cue::Failures.bit();
            }
        }
        Cues(bits)
    }

    pub fn has(self, cue: Cue) -> bool {
        self.0 & cue.bit() != 0
    }

    /// What a pattern finds, run only when the comment holds one of its triggers.
    pub fn run<T>(self, cue: Cue, pattern: impl FnOnce() -> Vec<T>) -> Vec<T> {
        if self.has(cue) { pattern() } else { Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_sets_off_only_the_patterns_whose_triggers_it_holds() {
        let cues = Cues::of(&["solo", "duro", "dos", "semanas"]);
        assert!(cues.has(Cue::ShortLives));
        assert!(!cues.has(Cue::Failures));
        let cues = Cues::of(&["it", "shouldn't", "leak"]);
        assert!(cues.has(Cue::Failures));
        assert!(!cues.has(Cue::ShortLives));
        assert_eq!(Cues::of(&["muy", "buen", "trato"]), Cues(0));
    }

    /// Every pattern, run on its own: what it finds without the scorer's gate.
    fn finds(cue: Cue, words: &[&str]) -> bool {
        let known = |w: &str| w == "good";
        let valence = |w: &str| (w == "good").then_some(1.9);
        match cue {
            Cue::NoneOf => !patterns::none_of(words, known).is_empty(),
            Cue::AgainstClaims => !patterns::against_claims(words, valence).is_empty(),
            Cue::Excess => !patterns::excess(words, valence).is_empty(),
            Cue::Failures => !patterns::failures(words).is_empty(),
            Cue::WrittenScores => !patterns::written_scores(words).is_empty(),
            Cue::ShortLives => !patterns::short_lives(words).is_empty(),
            Cue::NeedsUpkeep => !patterns::needs_upkeep(words).is_empty(),
            Cue::HopedForMore => !patterns::hoped_for_more(words).is_empty(),
            Cue::Wishes => !patterns::wishes(words).is_empty(),
            Cue::ImplicitComplaints => !patterns::implicit_complaints(words).is_empty(),
        }
    }

    /// The gate must never hide a pattern that would have found something: every sequence of up
    /// to three words from a vocabulary of each pattern's words, and each pattern must find
    /// something in the sweep (or the check would prove nothing of it).
    #[test]
    fn no_pattern_finds_anything_without_its_triggers() {
        const ALL: [Cue; 10] = [
            Cue::NoneOf,
            Cue::AgainstClaims,
            Cue::Excess,
            Cue::Failures,
            Cue::WrittenScores,
            Cue::ShortLives,
            Cue::NeedsUpkeep,
            Cue::HopedForMore,
            Cue::Wishes,
            Cue::ImplicitComplaints,
        ];
        let vocabulary = [
            "",
            "cero",
            "zero",
            "higiene",
            "than",
            "advertised",
            "smaller",
            "de",
            "lo",
            "que",
            "parece",
            "too",
            "short",
            "demasiado",
            "no",
            "funciona",
            "didn't",
            "shouldn't",
            "fit",
            "not",
            "5",
            "10",
            "8",
            "4",
            "estrellas",
            "stars",
            "un",
            "diez",
            "sobre",
            "out",
            "of",
            "duro",
            "dos",
            "semanas",
            "lasted",
            "month",
            "necesita",
            "reforma",
            "needs",
            "repair",
            "esperaba",
            "mejor",
            "expected",
            "better",
            "should",
            "more",
            "tres",
            "horas",
            "nadie",
            "contesta",
            "good",
            "a",
        ];
        let mut found = [false; ALL.len()];
        let mut words = Vec::with_capacity(3);
        for a in vocabulary {
            for b in vocabulary {
                for c in vocabulary {
                    for len in 1..=3 {
                        words.clear();
                        words.extend([a, b, c].into_iter().take(len));
                        let cues = Cues::of(&words);
                        for (k, cue) in ALL.into_iter().enumerate() {
                            if finds(cue, &words) {
                                found[k] = true;
                                assert!(cues.has(cue), "{cue:?} finds {words:?} but is not cued");
                            }
                        }
                    }
                }
            }
        }
        for (cue, found) in ALL.into_iter().zip(found) {
            assert!(found, "{cue:?} found nothing in the sweep");
        }
    }
}
