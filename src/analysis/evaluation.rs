//! Measuring the sentiment engine against labelled comments: accuracy, macro-F1 and the
//! confusion matrix, over all labels and for the binary positive/negative task that published
//! figures use (neutral and mixed comments left out, a prediction counted positive when its
//! valence is not below zero).

use std::collections::BTreeMap;

use serde::Serialize;

use super::sentiment::{self, Label};
use crate::domain::stats::round4;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    pub n: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    /// `confusion[gold][predicted]`, labels in `labels` order.
    pub labels: Vec<String>,
    pub confusion: Vec<Vec<usize>>,
    pub f1: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub all: Scores,
    pub binary: Scores,
}

/// Scores `(gold, predicted)` pairs over the labels that occur in gold or predictions.
pub fn scores(pairs: &[(String, String)]) -> Scores {
    let mut labels: Vec<String> = pairs
        .iter()
        .flat_map(|(g, p)| [g.clone(), p.clone()])
        .collect();
    labels.sort();
    labels.dedup();
    let index = |l: &str| labels.iter().position(|x| x == l).unwrap_or(0);
    let mut confusion = vec![vec![0usize; labels.len()]; labels.len()];
    for (g, p) in pairs {
        confusion[index(g)][index(p)] += 1;
    }
    let correct: usize = (0..labels.len()).map(|i| confusion[i][i]).sum();
    let mut f1 = BTreeMap::new();
    // Macro-F1 over the gold classes: a label only ever predicted adds its zero F1 as well,
    // which is what penalises predicting a class that is not there.
    for (i, label) in labels.iter().enumerate() {
        let tp = confusion[i][i] as f64;
        let predicted: usize = (0..labels.len()).map(|g| confusion[g][i]).sum();
        let actual: usize = confusion[i].iter().sum();
        let precision = if predicted == 0 {
            0.0
        } else {
            tp / predicted as f64
        };
        let recall = if actual == 0 { 0.0 } else { tp / actual as f64 };
        let f = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        f1.insert(label.clone(), round4(f));
    }
    let macro_f1 = if f1.is_empty() {
        0.0
    } else {
        f1.values().sum::<f64>() / f1.len() as f64
    };
    Scores {
        n: pairs.len(),
        accuracy: round4(if pairs.is_empty() {
            0.0
        } else {
            correct as f64 / pairs.len() as f64
        }),
        macro_f1: round4(macro_f1),
        labels,
        confusion,
        f1,
    }
}

/// Scores every `(text, gold label)` with the bundled engine.
pub fn evaluate(items: &[(String, String)]) -> Evaluation {
    evaluate_with(items, sentiment::score)
}

/// The same figures for any scorer: the lexicon alone, say, on sets the learned model was
/// trained on.
pub fn evaluate_with(
    items: &[(String, String)],
    score: impl Fn(&str) -> sentiment::TextScore,
) -> Evaluation {
    let mut all = Vec::with_capacity(items.len());
    let mut binary = Vec::new();
    for (text, gold) in items {
        let s = score(text);
        all.push((gold.clone(), s.label.as_str().to_owned()));
        if gold == Label::Pos.as_str() || gold == Label::Neg.as_str() {
            let predicted = if s.valence < 0.0 { "neg" } else { "pos" };
            binary.push((gold.clone(), predicted.to_owned()));
        }
    }
    Evaluation {
        all: scores(&all),
        binary: scores(&binary),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn macro_f1_matches_a_hand_computation() {
        // pos: tp 2, fp 1, fn 0 -> p 2/3, r 1, f 0.8; neg: tp 1, fp 0, fn 1 -> p 1, r 0.5, f 2/3.
        let s = scores(&pairs(&[
            ("pos", "pos"),
            ("pos", "pos"),
            ("neg", "neg"),
            ("neg", "pos"),
        ]));
        assert_eq!(s.accuracy, 0.75);
        assert_eq!(s.macro_f1, round4((0.8 + 2.0 / 3.0) / 2.0));
        assert_eq!(s.confusion, vec![vec![1, 1], vec![0, 2]]);
    }
}
