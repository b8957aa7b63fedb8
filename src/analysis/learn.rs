//! Learning from the file's own ratings. Survey comments that come with a clear rating (CSAT
//! 1-2 vs 4-5, NPS 0-3 vs 8-10) are labelled examples of how *these* customers write about
//! *this* business. A small logistic regression on the comments' words, bigrams and word
//! beginnings (hashed into a sparse vector, so no vocabulary or dense matrix is needed) plus the
//! lexicon score is fitted to them and validated by 5-fold cross-fitting against the lexicon on
//! the same rows. Only when it beats the lexicon is it used, for the text part of every
//! comment; a rated comment's text valence then comes from a model that never saw that comment
//! or its rating, and an unrated one's from the five validated models together.

use serde::Serialize;

use super::evaluation::scores;
use crate::domain::stats::{round4, sign_test_p};
use crate::domain::text::fold;

const MIN_LABELLED: usize = 50;
const MIN_PER_CLASS: usize = 10;
const FOLDS: usize = 5;
const BUCKETS: usize = 1 << 16;
const EPOCHS: usize = 12;
/// Most examples one model is fitted on: a seeded sample beyond that. A hashed bag of words
/// learns what it can from 25,000 comments, and a 300,000-response report spent seconds here.
const MAX_TRAIN: usize = 25_000;
const RATE: f64 = 0.2;

/// How a model is fitted.
struct Fitting {
    /// L2 penalty on the word weights (not on the bias or the lexicon's weight).
    l2: f64,
    /// The lexicon's weight before fitting: 0 learns it from nothing; 3 starts from the lexicon
    /// (a valence of ±0.5 a probability of 0.82 / 0.18), so words only move it where the
    /// ratings show they should.
    lexicon_start: f64,
    /// Weigh each class's examples by the inverse of its share: on a mostly happy file an
    /// unweighted model learns to call comments happy, while macro-F1, what it is judged on,
    /// weighs the few unhappy ones as much.
    balanced: bool,
}

/// The most a balanced fit weighs one example: as much as in a class of one comment in ten.
const MAX_CLASS_WEIGHT: f64 = 5.0;

/// The shipped prior: over ten thousand comments, near balanced, a light penalty.
const PRIOR_FITTING: Fitting = Fitting {
    l2: 1e-4,
    lexicon_start: 0.0,
    balanced: false,
};

/// A file's own ratings: a few hundred, often nine happy in ten. Started from the lexicon, with
/// a penalty that lets a word move the score only where several comments agree. Chosen on five
/// seeds of seven real review sets (docs/BENCHMARKS.md): the sum of the mean lifts went from
/// +0.022 to +0.063, the worst seed from -0.014 to -0.004.
const FILE_FITTING: Fitting = Fitting {
    l2: 3e-2,
    lexicon_start: 3.0,
    balanced: true,
};

/// How the learned model did, for the user to judge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LearnReport {
    /// Comments with a clear rating, used as examples.
    pub labelled: usize,
    /// Cross-validated binary macro-F1 of the model and of the lexicon on those comments.
    pub model_macro_f1: f64,
    pub lexicon_macro_f1: f64,
    /// Of those comments, how many only the model read right, and how many only the lexicon.
    pub model_only_right: usize,
    pub lexicon_only_right: usize,
    /// The one-sided sign test of those two counts: the chance that the model would be this far
    /// ahead, or further, if the two were equally good. Shown so the user can judge how sure
    /// the lead is; not required to be small (requiring p < 0.05 gave up most of the lift on
    /// real reviews, see docs/BENCHMARKS.md).
    pub sign_test_p: f64,
    /// Whether the model replaced the lexicon for the text part: only when it beats the lexicon
    /// (see `LearnReport::model_is_better`).
    pub used: bool,
}

impl LearnReport {
    /// The model is better when its validated macro-F1 beats the lexicon's and it reads more
    /// comments right where the two disagree. Macro-F1 alone rewards matching the ratings'
    /// balance: where ratings say little about the text, a weighted model that calls half the
    /// comments unhappy at random beats a lexicon that reads most of them as happy, while
    /// reading far fewer right.
    pub fn model_is_better(&self) -> bool {
        self.model_macro_f1 > self.lexicon_macro_f1
            && self.model_only_right > self.lexicon_only_right
    }
}

/// The label a rating gives, if it is clear: `Some(true)` positive, `Some(false)` negative.
pub fn clear_label(rating_valence: f64) -> Option<bool> {
    if rating_valence >= 0.5 {
        Some(true)
    } else if rating_valence <= -0.3 {
        Some(false)
    } else {
        None
    }
}

/// Hashed unigram, bigram and word-beginning features of a comment (FNV-1a, so stable across
/// runs). A bigram's hash continues from its first word's ("a b" hashes as one string would), so
/// no string is built for it: this runs for every comment the scorer sees.
fn features(text: &str) -> Vec<usize> {
    let folded = fold(text);
    word_features(
        folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty()),
    )
}

/// The same hashed features from words already folded; an empty word (a break between
/// clauses) ends a bigram. A longer word also gives its first five bytes, a crude stem: Spanish
/// inflects ("devolvieron", "devolución", "devolver"), and a few thousand examples rarely show
/// every form.
pub fn word_features<'a>(words: impl Iterator<Item = &'a str>) -> Vec<usize> {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PREFIX: u64 = 0x9e37_79b9_7f4a_7c15;
    let fnv = |mut h: u64, bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        h
    };
    let bucket = |h: u64| (h % BUCKETS as u64) as usize;
    // A word, its bigram and its beginning: three features a word at most.
    let mut f = Vec::with_capacity(3 * words.size_hint().0.max(8));
    let mut previous: Option<u64> = None;
    for word in words {
        if word.is_empty() {
            previous = None;
            continue;
        }
        let h = fnv(OFFSET, word.as_bytes());
        f.push(bucket(h));
        if word.len() > 5 {
            f.push(bucket(fnv(PREFIX, &word.as_bytes()[..5])));
        }
        if let Some(p) = previous {
            f.push(bucket(fnv(p, word.as_bytes())));
        }
        previous = Some(fnv(h, b" "));
    }
    f.sort_unstable();
    f.dedup();
    f
}

struct Model {
    weights: Vec<f64>,
    lexicon_weight: f64,
    bias: f64,
}

impl Model {
    fn probability(&self, x: &[usize], lexicon: f64) -> f64 {
        let z = self.bias
            + self.lexicon_weight * lexicon
            + x.iter().map(|&i| self.weights[i]).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Plain SGD over the examples in a fixed, shuffled order (seeded: same data, same model).
    fn fit(examples: &[(&[usize], f64, bool)], fitting: &Fitting) -> Model {
        let examples: Vec<_> =
            crate::domain::stats::sample_indices(examples.len(), MAX_TRAIN, 0x5EED)
                .into_iter()
                .map(|i| examples[i])
                .collect();
        let mut m = Model {
            weights: vec![0.0; BUCKETS],
            lexicon_weight: fitting.lexicon_start,
            bias: 0.0,
        };
        // Each class's weight, n / (2 · its count): both classes then weigh as much in all. At
        // most `MAX_CLASS_WEIGHT`: a dozen unhappy comments among 25,000 would otherwise weigh
        // a thousand each, and one step of the descent would throw the model to ±1.
        let positives = examples.iter().filter(|e| e.2).count().max(1) as f64;
        let negatives = (examples.len() as f64 - positives).max(1.0);
        let weight = |y: bool| {
            if fitting.balanced {
                let share = examples.len() as f64 / (2.0 * if y { positives } else { negatives });
                share.min(MAX_CLASS_WEIGHT)
            } else {
                1.0
            }
        };
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut seed: u64 = 0x5EED;
        for epoch in 0..EPOCHS {
            for i in (1..order.len()).rev() {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            let rate = RATE / (1.0 + epoch as f64);
            for &k in &order {
                let (x, lex, y) = examples[k];
                let g = weight(y) * (m.probability(x, lex) - f64::from(u8::from(y)));
                m.bias -= rate * g;
                m.lexicon_weight -= rate * g * lex;
                for &i in x {
                    m.weights[i] -= rate * (g + fitting.l2 * m.weights[i]);
                }
            }
        }
        m
    }
}

/// A model learned from the project's own labelled comments (data/eval/), shipped in
/// data/models/prior.tsv and made by `cargo run --release --example train_prior`: what the
/// lexicon cannot list, such as the words of complaints told as facts ("lo devolví", "third
/// engineer visit"), learned from examples. Stored sparsely: the bias, the lexicon weight and
/// each non-zero bucket weight, one per line.
pub struct Prior(Model);

impl Prior {
    /// Fits on (features, lexicon valence, positive?) examples, the features as the scorer
    /// makes them (`Scorer::prior_features`).
    pub fn train(examples: &[(Vec<usize>, f64, bool)]) -> Prior {
        let rows: Vec<(&[usize], f64, bool)> = examples
            .iter()
            .map(|(f, lex, y)| (f.as_slice(), *lex, *y))
            .collect();
        Prior(Model::fit(&rows, &PRIOR_FITTING))
    }

    pub fn to_tsv(&self) -> String {
        let m = &self.0;
        let mut out = format!("bias\t{:.6}\nlexicon\t{:.6}\n", m.bias, m.lexicon_weight);
        for (i, w) in m.weights.iter().enumerate() {
            if w.abs() >= 1e-4 {
                out.push_str(&format!("{i}\t{w:.4}\n"));
            }
        }
        out
    }

    /// Parses `to_tsv`'s format; `#` lines are comments.
    pub fn from_tsv(text: &str) -> Option<Prior> {
        let mut m = Model {
            weights: vec![0.0; BUCKETS],
            lexicon_weight: 0.0,
            bias: 0.0,
        };
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let (key, value) = line.split_once('\t')?;
            let value: f64 = value.trim().parse().ok()?;
            match key {
                "bias" => m.bias = value,
                "lexicon" => m.lexicon_weight = value,
                bucket => *m.weights.get_mut(bucket.parse::<usize>().ok()?)? = value,
            }
        }
        Some(Prior(m))
    }

    /// The comment's valence in [-1, 1] by the model, given its features and lexicon valence.
    pub fn valence(&self, features: &[usize], lexicon: f64) -> f64 {
        2.0 * self.0.probability(features, lexicon) - 1.0
    }
}

/// Learns from the rated comments; returns each comment's text valence from the model (where
/// the model is used) and the validation figures. `lexicon` is each comment's lexicon valence.
pub fn learn(
    texts: &[Option<&str>],
    ratings: &[Option<f64>],
    lexicon: &[f64],
) -> Option<(Vec<Option<f64>>, LearnReport)> {
    let feats: Vec<Option<Vec<usize>>> = texts.iter().map(|t| t.map(features)).collect();
    let labelled: Vec<(usize, bool)> = (0..texts.len())
        .filter(|&i| feats[i].is_some())
        .filter_map(|i| Some((i, clear_label(ratings[i]?)?)))
        .collect();
    let positives = labelled.iter().filter(|(_, y)| *y).count();
    if labelled.len() < MIN_LABELLED
        || positives < MIN_PER_CLASS
        || labelled.len() - positives < MIN_PER_CLASS
    {
        return None;
    }
    let example = |i: usize, y: bool| (feats[i].as_deref().unwrap_or_default(), lexicon[i], y);
    // Cross-fitting: every labelled comment is predicted by a model trained on the other folds.
    let mut held_out = vec![None; texts.len()];
    let mut models = Vec::with_capacity(FOLDS);
    for fold in 0..FOLDS {
        let train: Vec<_> = labelled
            .iter()
            .enumerate()
            .filter(|(k, _)| k % FOLDS != fold)
            .map(|(_, &(i, y))| example(i, y))
            .collect();
        let model = Model::fit(&train, &FILE_FITTING);
        for (_, &(i, _)) in labelled
            .iter()
            .enumerate()
            .filter(|(k, _)| k % FOLDS == fold)
        {
            held_out[i] =
                Some(model.probability(feats[i].as_deref().unwrap_or_default(), lexicon[i]));
        }
        models.push(model);
    }
    let label = |b: bool| {
        if b {
            "pos".to_owned()
        } else {
            "neg".to_owned()
        }
    };
    let model_pairs: Vec<(String, String)> = labelled
        .iter()
        .map(|&(i, y)| (label(y), label(held_out[i].unwrap_or(0.5) >= 0.5)))
        .collect();
    let lexicon_pairs: Vec<(String, String)> = labelled
        .iter()
        .map(|&(i, y)| (label(y), label(lexicon[i] >= 0.0)))
        .collect();
    let (mut model_only_right, mut lexicon_only_right) = (0, 0);
    for ((gold, by_model), (_, by_lexicon)) in model_pairs.iter().zip(&lexicon_pairs) {
        match (by_model == gold, by_lexicon == gold) {
            (true, false) => model_only_right += 1,
            (false, true) => lexicon_only_right += 1,
            _ => {}
        }
    }
    let report = LearnReport {
        labelled: labelled.len(),
        model_macro_f1: scores(&model_pairs).macro_f1,
        lexicon_macro_f1: scores(&lexicon_pairs).macro_f1,
        model_only_right,
        lexicon_only_right,
        sign_test_p: round4(sign_test_p(model_only_right, lexicon_only_right)),
        used: false,
    };
    if !report.model_is_better() {
        return Some((vec![None; texts.len()], report));
    }
    // A comment without a rating is read by the five validated models together, so what was
    // validated is what is used. (One model refitted on every rating read the unrated comments
    // of a mostly happy file less like its validation promised: fewer of the unhappy ones.)
    let valences = (0..texts.len())
        .map(|i| {
            let x = feats[i].as_deref()?;
            let p = held_out[i].unwrap_or_else(|| {
                models
                    .iter()
                    .map(|m| m.probability(x, lexicon[i]))
                    .sum::<f64>()
                    / FOLDS as f64
            });
            Some(round4(2.0 * p - 1.0))
        })
        .collect();
    Some((
        valences,
        LearnReport {
            used: true,
            ..report
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_words_the_lexicon_does_not_know_and_never_from_a_rows_own_rating() {
        // "zorblat" (bad) and "quindle" (good) mean nothing to the lexicon.
        let mut texts = Vec::new();
        let mut ratings = Vec::new();
        for i in 0..120 {
            let good = i % 2 == 0;
            texts.push(if good {
                format!("pedido {i} quindle")
            } else {
                format!("pedido {i} zorblat")
            });
            ratings.push(Some(if good { 1.0 } else { -1.0 }));
        }
        texts.push("otro zorblat".into());
        ratings.push(None);
        let refs: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        let lexicon = vec![0.0; refs.len()];
        let (v, report) =
            learn(&refs, &ratings, &lexicon).unwrap_or_else(|| panic!("enough examples"));
        assert!(
            report.used && report.model_macro_f1 > report.lexicon_macro_f1,
            "{report:?}"
        );
        assert!(
            v[120].is_some_and(|x| x < -0.5),
            "unrated comment learned as negative: {v:?}"
        );
        assert!(v[0].is_some_and(|x| x > 0.5));
    }

    #[test]
    fn a_mostly_happy_file_still_learns_its_few_complaints() {
        // One comment in twelve is unhappy, and only those say "zorblat"; the lexicon calls
        // every comment mildly positive. The model learns the word, is used, and reads an
        // unrated comment with it as a complaint. (That the weighting makes the word count
        // for more is pinned below, on the fit itself.)
        let mut texts = Vec::new();
        let mut ratings = Vec::new();
        for i in 0..300 {
            let happy = i % 12 != 0;
            texts.push(if happy {
                format!("pedido {}", i % 7)
            } else {
                format!("pedido {} zorblat", i % 7)
            });
            ratings.push(Some(if happy { 1.0 } else { -1.0 }));
        }
        texts.push("otro pedido zorblat".to_owned());
        ratings.push(None);
        let refs: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        let lexicon = vec![0.2; refs.len()];
        let (v, report) =
            learn(&refs, &ratings, &lexicon).unwrap_or_else(|| panic!("enough examples"));
        assert!(report.used, "{report:?}");
        assert!(v[300].is_some_and(|x| x < 0.0), "{:?}", v[300]);
        assert!(v[1].is_some_and(|x| x > 0.0), "{:?}", v[1]);
    }

    /// `n` examples, one in `every` unhappy and marked by feature 7; every one has feature 1.
    fn few_complaints(n: usize, every: usize) -> Vec<(Vec<usize>, f64, bool)> {
        (0..n)
            .map(|i| {
                let happy = i % every != 0;
                let x = if happy {
                    vec![1, 2 + i % 5]
                } else {
                    vec![1, 7]
                };
                (x, 0.2, happy)
            })
            .collect()
    }

    fn fit(examples: &[(Vec<usize>, f64, bool)], fitting: &Fitting) -> Model {
        let rows: Vec<(&[usize], f64, bool)> = examples
            .iter()
            .map(|(x, lex, y)| (x.as_slice(), *lex, *y))
            .collect();
        Model::fit(&rows, fitting)
    }

    #[test]
    fn weighing_the_classes_gives_the_few_complaints_their_due() {
        let examples = few_complaints(300, 12);
        let weighted = fit(&examples, &FILE_FITTING);
        let plain = fit(
            &examples,
            &Fitting {
                balanced: false,
                ..FILE_FITTING
            },
        );
        let complaint = |m: &Model| m.probability(&[1, 7], 0.2);
        assert!(
            complaint(&weighted) < 0.5 && complaint(&weighted) < complaint(&plain) - 0.05,
            "weighted {} plain {}",
            complaint(&weighted),
            complaint(&plain)
        );
    }

    #[test]
    fn a_dozen_complaints_among_thousands_do_not_throw_the_model_to_the_ends() {
        // 3,000 examples, 12 unhappy: unbounded, each would weigh 125.
        let m = fit(&few_complaints(3000, 250), &FILE_FITTING);
        let largest = m.weights.iter().fold(m.bias.abs(), |a, w| a.max(w.abs()));
        assert!(largest < 10.0, "a weight of {largest}");
    }

    #[test]
    fn a_model_that_reads_fewer_comments_right_is_not_used() {
        // Ten comments in eleven are happy and the lexicon calls every one mildly positive.
        // Every unhappy one says "tarde", and so do twice as many happy ones. A weighted model
        // then beats the lexicon's macro-F1 by calling every "tarde" comment unhappy, while
        // reading far fewer comments right: it must not replace the lexicon.
        let mut texts = Vec::new();
        let mut ratings = Vec::new();
        for i in 0..300 {
            let happy = i % 11 != 0;
            texts.push(if !happy || i % 5 == 1 {
                "pedido tarde"
            } else {
                "pedido quindle"
            });
            ratings.push(Some(if happy { 1.0 } else { -1.0 }));
        }
        let refs: Vec<Option<&str>> = texts.into_iter().map(Some).collect();
        let lexicon = vec![0.2; refs.len()];
        let (v, report) =
            learn(&refs, &ratings, &lexicon).unwrap_or_else(|| panic!("enough examples"));
        assert!(
            report.model_macro_f1 > report.lexicon_macro_f1
                && report.model_only_right < report.lexicon_only_right,
            "the case this test is about: {report:?}"
        );
        assert!(!report.used && v.iter().all(Option::is_none), "{report:?}");
    }

    #[test]
    fn the_model_is_used_only_when_it_beats_the_lexicon_and_reads_more_right() {
        let report = |model_macro_f1: f64, model_only_right: usize| LearnReport {
            labelled: 447,
            model_macro_f1,
            lexicon_macro_f1: 0.820,
            model_only_right,
            lexicon_only_right: 13,
            sign_test_p: 0.0,
            used: false,
        };
        assert!(report(0.821, 15).model_is_better());
        assert!(!report(0.820, 15).model_is_better());
        assert!(!report(0.819, 15).model_is_better());
        assert!(!report(0.900, 13).model_is_better());
    }

    #[test]
    fn too_few_ratings_learn_nothing() {
        let refs = vec![Some("bien"); 20];
        assert!(learn(&refs, &[Some(1.0); 20], &[0.5; 20]).is_none());
    }
}
