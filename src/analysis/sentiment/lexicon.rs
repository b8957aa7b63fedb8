//! A sentiment word list: `term<TAB>score` lines, scores on VADER's -4..4 scale. A term ending in
//! `*` is a stem that matches any word starting with it (Spanish inflects: "encant*" covers
//! encanta, encantó, encantado); a term with spaces is a phrase ("me tuvieron esperando").

// FxHash: the look-up runs for every word of every comment, and SipHash's protection against
// crafted keys buys nothing for a lexicon compiled into the binary.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::domain::text::fold;

#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    words: HashMap<String, f64>,
    stems: HashMap<String, f64>,
    /// Phrases as folded word sequences, keyed by their first two words (so a look-up checks
    /// only the few phrases that can start here: 79 start with "no"), longest first so the
    /// longest match wins. Every phrase has at least two words.
    phrases: HashMap<String, HashMap<String, Vec<Phrase>>>,
    shortest_stem: usize,
    longest_stem: usize,
    /// The first `shortest_stem` characters of every stem: a word that starts otherwise can
    /// match no stem, and most words are turned away by this one look-up.
    stem_starts: HashSet<String>,
}

/// A phrase's words and score.
type Phrase = (Vec<String>, f64);

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("lexicon line {line}: {message}")]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

impl Lexicon {
    pub fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let mut lex = Lexicon {
            shortest_stem: usize::MAX,
            ..Lexicon::default()
        };
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: String| LexiconError {
                line: i + 1,
                message,
            };
            let (term, score) = line
                .split_once('\t')
                .ok_or_else(|| err("expected term<TAB>score".into()))?;
            let score: f64 = score
                .trim()
                .parse()
                .map_err(|_| err(format!("\"{score}\" is not a number")))?;
            if !(-4.0..=4.0).contains(&score) {
                return Err(err(format!("score {score} is outside -4..4")));
            }
            let term = fold(term);
            if let Some(stem) = term.strip_suffix('*') {
                lex.shortest_stem = lex.shortest_stem.min(stem.chars().count());
                lex.longest_stem = lex.longest_stem.max(stem.chars().count());
                lex.stems.insert(stem.to_owned(), score);
            } else if term.contains(' ') {
                lex.add_phrase(term.split(' ').map(str::to_owned).collect(), score);
            } else {
                lex.words.insert(term, score);
            }
        }
        lex.index_stems();
        Ok(lex)
    }

    fn index_stems(&mut self) {
        let n = self.shortest_stem;
        self.stem_starts = self
            .stems
            .keys()
            .map(|stem| stem.chars().take(n).collect())
            .collect();
    }

    fn add_phrase(&mut self, words: Vec<String>, score: f64) {
        let list = self
            .phrases
            .entry(words[0].clone())
            .or_default()
            .entry(words[1].clone())
            .or_default();
        list.retain(|(p, _)| *p != words);
        list.push((words, score));
        list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    }

    /// This lexicon with `over`'s entries added, `over` winning where both score a term (the
    /// project's own lists refine the large general ones).
    pub fn overlaid(mut self, over: Lexicon) -> Lexicon {
        self.words.extend(over.words);
        self.stems.extend(over.stems);
        self.shortest_stem = self.shortest_stem.min(over.shortest_stem);
        self.longest_stem = self.longest_stem.max(over.longest_stem);
        for (words, score) in over
            .phrases
            .into_values()
            .flat_map(HashMap::into_values)
            .flatten()
        {
            self.add_phrase(words, score);
        }
        self.index_stems();
        self
    }

    pub fn len(&self) -> usize {
        let phrases: usize = self
            .phrases
            .values()
            .flat_map(HashMap::values)
            .map(Vec::len)
            .sum();
        self.words.len() + self.stems.len() + phrases
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The score of a folded word: an exact entry first, then the longest stem it starts with.
    /// A word listed as such, stems aside.
    pub fn listed_word(&self, folded: &str) -> Option<f64> {
        self.words.get(folded).copied()
    }

    pub fn word(&self, folded: &str) -> Option<f64> {
        if let Some(&s) = self.words.get(folded) {
            return Some(s);
        }
        if self.stems.is_empty() {
            return None;
        }
        let start = folded
            .char_indices()
            .nth(self.shortest_stem)
            .map_or(folded.len(), |(i, _)| i);
        if !self.stem_starts.contains(&folded[..start]) {
            return None;
        }
        // Longest prefix first, from the longest stem down to the shortest; no allocation on
        // this hot path.
        let chars = folded.chars().count();
        std::iter::once(folded.len())
            .chain(
                folded
                    .char_indices()
                    .rev()
                    .map(|(i, _)| i)
                    .filter(|&i| i > 0),
            )
            .zip((0..=chars).rev())
            .skip_while(|&(_, len)| len > self.longest_stem)
            .take_while(|&(_, len)| len >= self.shortest_stem)
            .find_map(|(end, _)| self.stems.get(&folded[..end]).copied())
    }

    /// The longest phrase starting at `words[0]`, as (length in words, score).
    pub fn phrase(&self, words: &[&str]) -> Option<(usize, f64)> {
        let [first, second, ..] = words else {
            return None;
        };
        self.phrases
            .get(*first)?
            .get(*second)?
            .iter()
            .find(|(p, _)| {
                p.len() <= words.len() && p[2..].iter().zip(&words[2..]).all(|(a, b)| a == b)
            })
            .map(|(p, s)| (p.len(), *s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_words_stems_and_phrases() {
        let lex = Lexicon::parse("# c\nmal\t-2\nencant*\t3\nde diez\t2.5\n").unwrap_or_default();
        assert_eq!(lex.word("mal"), Some(-2.0));
        assert_eq!(lex.word("encantado"), Some(3.0));
        assert_eq!(lex.word("maleta"), None);
        assert_eq!(lex.phrase(&["de", "diez", "todo"]), Some((2, 2.5)));
    }

    #[test]
    fn names_the_bad_line() {
        let err = Lexicon::parse("bien\t2\nmal -2\n").err();
        assert_eq!(err.map(|e| e.line), Some(2));
    }
}
