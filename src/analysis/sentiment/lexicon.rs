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
    phrases: Phrases<f64>,
    shortest_stem: usize,
    longest_stem: usize,
    /// The first `shortest_stem` characters of every stem: a word that starts otherwise can
    /// match no stem, and most words are turned away by this one look-up.
    stem_starts: HashSet<String>,
    /// Which three-letter beginnings (a–z) the listed words have, one bit each: a Spanish word
    /// is taken apart only when some listed word could be its base, and a base shares its first
    /// three letters with the word.
    word_starts: Vec<u64>,
}

/// Bits in `word_starts`: one per three-letter beginning.
const BEGINNINGS: usize = 26 * 26 * 26;

/// The bit of a word's first three letters, when they are all a–z.
fn beginning(word: &str) -> Option<usize> {
    match word.as_bytes() {
        [a, b, c, ..] if [a, b, c].iter().all(|x| x.is_ascii_lowercase()) => Some(
            ((usize::from(a - b'a') * 26) + usize::from(b - b'a')) * 26 + usize::from(c - b'a'),
        ),
        _ => None,
    }
}

/// Phrases as folded word sequences, each with what it stands for (its score), keyed by their
/// first two words so that a look-up checks only the few phrases that can start here (79 start
/// with "no"), longest first so the longest match wins. Every phrase has at least two words.
#[derive(Debug, Clone)]
pub struct Phrases<T> {
    by_start: HashMap<String, HashMap<String, Vec<Phrase<T>>>>,
}

/// A phrase's words and what it stands for.
type Phrase<T> = (Vec<String>, T);

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            by_start: HashMap::default(),
        }
    }
}

impl<T> Phrases<T> {
    /// Adds a phrase, replacing the same words' earlier entry.
    pub fn add(&mut self, words: Vec<String>, value: T) {
        let list = self
            .by_start
            .entry(words[0].clone())
            .or_default()
            .entry(words[1].clone())
            .or_default();
        list.retain(|(p, _)| *p != words);
        list.push((words, value));
        // Stable: of two phrases as long, the one added first is tried first.
        list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    }

    /// The longest phrase starting at `words[0]`, as (length in words, its value).
    pub fn longest(&self, words: &[&str]) -> Option<(usize, &T)> {
        let [first, second, ..] = words else {
            return None;
        };
        self.by_start
            .get(*first)?
            .get(*second)?
            .iter()
            .find(|(p, _)| {
                p.len() <= words.len() && p[2..].iter().zip(&words[2..]).all(|(a, b)| a == b)
            })
            .map(|(p, v)| (p.len(), v))
    }

    pub fn len(&self) -> usize {
        self.by_start
            .values()
            .flat_map(HashMap::values)
            .map(Vec::len)
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every phrase's words and value.
    pub fn iter(&self) -> impl Iterator<Item = (&[String], &T)> {
        self.by_start
            .values()
            .flat_map(HashMap::values)
            .flatten()
            .map(|(p, v)| (p.as_slice(), v))
    }
}

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
        // Each term's first line: a term listed twice is an error, not a silent override.
        let mut listed: HashMap<String, usize> = HashMap::default();
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
            if let Some(first) = listed.insert(term.clone(), i + 1) {
                return Err(err(format!(
                    "\"{term}\" is listed twice (first on line {first})"
                )));
            }
            if let Some(stem) = term.strip_suffix('*') {
                lex.shortest_stem = lex.shortest_stem.min(stem.chars().count());
                lex.longest_stem = lex.longest_stem.max(stem.chars().count());
                lex.stems.insert(stem.to_owned(), score);
            } else if term.contains(' ') {
                lex.phrases
                    .add(term.split(' ').map(str::to_owned).collect(), score);
            } else {
                lex.words.insert(term, score);
            }
        }
        lex.index();
        Ok(lex)
    }

    fn index(&mut self) {
        let n = self.shortest_stem;
        self.stem_starts = self
            .stems
            .keys()
            .map(|stem| stem.chars().take(n).collect())
            .collect();
        self.word_starts = vec![0; BEGINNINGS.div_ceil(64)];
        for bit in self.words.keys().filter_map(|w| beginning(w)) {
            self.word_starts[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// This lexicon with `over`'s entries added, `over` winning where both score a term (the
    /// project's own lists refine the large general ones).
    pub fn overlaid(mut self, over: Lexicon) -> Lexicon {
        self.words.extend(over.words);
        self.stems.extend(over.stems);
        self.shortest_stem = self.shortest_stem.min(over.shortest_stem);
        self.longest_stem = self.longest_stem.max(over.longest_stem);
        for (words, score) in over.phrases.iter() {
            self.phrases.add(words.to_vec(), *score);
        }
        self.index();
        self
    }

    pub fn len(&self) -> usize {
        self.words.len() + self.stems.len() + self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The score of a folded word: an exact entry first, then the longest stem it starts with.
    /// A word listed as such, stems aside.
    pub fn listed_word(&self, folded: &str) -> Option<f64> {
        self.words.get(folded).copied()
    }

    /// Whether some listed word may start as `folded` does (its first three letters; always
    /// true when they are not all a–z): one bit turns away most words no base form can match.
    pub fn may_list_a_word_like(&self, folded: &str) -> bool {
        beginning(folded).is_none_or(|bit| {
            self.word_starts
                .get(bit / 64)
                .is_some_and(|w| w & (1 << (bit % 64)) != 0)
        })
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

    /// The phrases, with their scores.
    pub fn phrases(&self) -> &Phrases<f64> {
        &self.phrases
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
        assert_eq!(
            lex.phrases().longest(&["de", "diez", "todo"]),
            Some((2, &2.5))
        );
    }

    #[test]
    fn names_the_bad_line() {
        let err = Lexicon::parse("bien\t2\nmal -2\n").err();
        assert_eq!(err.map(|e| e.line), Some(2));
        // Listed twice, even with its accent only on one line: which score was meant?
        let err = Lexicon::parse("rápido\t1.8\nbien\t2\nrapido\t1.5\n").err();
        assert_eq!(err.as_ref().map(|e| e.line), Some(3));
        assert!(err.is_some_and(|e| e.message.contains("first on line 1")));
    }
}
