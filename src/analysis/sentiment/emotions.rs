//! Customer-experience emotions from the project's own word lists (data/lexicons/emotions.tsv):
//! joy, trust, surprise, anger, frustration, sadness, fear and confusion, each as a score in
//! [0, 1] that grows with the number of words that signal it. A negated word ("no estoy
//! enfadado") does not count. These are signals to read with the comment, not fine-grained
//! truth.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use crate::domain::text::fold;

pub const EMOTIONS: [&str; 8] = [
    "joy",
    "trust",
    "surprise",
    "anger",
    "frustration",
    "sadness",
    "fear",
    "confusion",
];

struct Lists {
    words: HashMap<String, Vec<&'static str>>,
    stems: Vec<(String, &'static str)>,
    phrases: Vec<(String, &'static str)>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists {
        words: HashMap::new(),
        stems: Vec::new(),
        phrases: Vec::new(),
    };
    for line in include_str!("../../../data/lexicons/emotions.tsv").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((term, emotion)) = line.split_once('\t') else {
            continue;
        };
        let Some(emotion) = EMOTIONS.iter().copied().find(|e| *e == emotion.trim()) else {
            continue;
        };
        let term = fold(term);
        if let Some(stem) = term.strip_suffix('*') {
            lists.stems.push((stem.to_owned(), emotion));
        } else if term.contains(' ') {
            lists.phrases.push((term, emotion));
        } else {
            lists.words.entry(term).or_default().push(emotion);
        }
    }
    lists
});

const NEGATORS: &[&str] = &[
    "no", "nunca", "jamas", "ni", "sin", "not", "never", "without", "isn't", "wasn't", "didn't",
];

/// Emotion scores of a comment; emotions it does not signal are left out.
pub fn emotions(text: &str) -> BTreeMap<&'static str, f64> {
    let lists = &*LISTS;
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (i, w) in words.iter().enumerate() {
        let negated = words[i.saturating_sub(3)..i]
            .iter()
            .any(|p| NEGATORS.contains(p));
        if negated {
            continue;
        }
        let mut found: Vec<&'static str> = lists.words.get(*w).cloned().unwrap_or_default();
        if found.is_empty() {
            found.extend(
                lists
                    .stems
                    .iter()
                    .filter(|(s, _)| w.starts_with(s.as_str()))
                    .map(|(_, e)| *e),
            );
        }
        for e in found {
            *counts.entry(e).or_default() += 1;
        }
    }
    let padded = format!(" {} ", words.join(" "));
    for (phrase, e) in &lists.phrases {
        let n = padded.matches(&format!(" {phrase} ")).count();
        if n > 0 {
            *counts.entry(e).or_default() += n;
        }
    }
    counts
        .into_iter()
        .map(|(e, n)| (e, ((1.0 - (-(n as f64)).exp()) * 100.0).round() / 100.0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::emotions;

    #[test]
    fn finds_cx_emotions_in_both_languages() {
        let e = emotions("Sigo esperando, estoy harto y muy enfadado");
        assert!(e["frustration"] > 0.8 && e["anger"] > 0.5, "{e:?}");
        let e = emotions("I'm confused, the app is so complicated");
        assert!(e.contains_key("confusion"), "{e:?}");
        assert!(emotions("Compré unas zapatillas").is_empty());
    }

    #[test]
    fn negated_words_do_not_count() {
        assert!(!emotions("no estoy enfadado").contains_key("anger"));
    }
}
