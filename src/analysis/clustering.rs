//! Themes within a stage: the stage's comments are clustered with linfa's KMeans on a small bag
//! of words (the stage's most useful terms, TF-IDF weighted and L2-normalised) plus the
//! standardised valence, so that "late delivery, angry" and "late delivery, but fine" can part.
//! k is chosen by silhouette; the RNG is seeded so the same data always gives the same themes.
//! Each theme is named by its most distinctive terms and shown through the comments nearest its
//! centre.

use std::collections::{HashMap, HashSet};

use linfa::DatasetBase;

use super::evidence::Evidence;
use linfa::prelude::*;
use linfa_clustering::KMeans;
use ndarray::{Array1, Array2, ArrayView1};
use rand_xoshiro::Xoshiro256Plus;
use rand_xoshiro::rand_core::SeedableRng;
use serde::Serialize;

use super::Settings;
use super::pain_points::truncate;
use super::scoring::ScoredResponse;
use crate::domain::stats::round4;
use crate::domain::text::fold;
use crate::domain::{Journey, Source};

/// A stage needs this many comments before themes mean anything.
const MIN_COMMENTS: usize = 20;
const MAX_TERMS: usize = 60;
const MAX_K: usize = 6;
/// Most comments of one stage the themes are fitted on (see `best_kmeans`).
const FIT_SAMPLE: usize = 3_000;
const TERMS_SHOWN: usize = 4;
const QUOTES_SHOWN: usize = 3;
/// How much the valence counts against the words (a full word vector has length 1).
const VALENCE_WEIGHT: f64 = 0.5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterReport {
    pub id: String,
    pub size: usize,
    pub valence: f64,
    pub terms: Vec<String>,
    pub quotes: Vec<String>,
    /// The same comments with their valence and the words and rules behind it.
    pub evidence: Vec<Evidence>,
}

/// Clusters every stage's customer comments; sets `cluster` on the rows and returns the themes
/// per stage, in journey order.
pub fn cluster_stages(
    journey: &Journey,
    rows: &mut [ScoredResponse],
    settings: &Settings,
) -> Vec<Vec<ClusterReport>> {
    (0..journey.stages.len())
        .map(|stage| {
            let members: Vec<usize> = rows
                .iter()
                .enumerate()
                .filter(|(_, r)| {
                    r.response.source == Source::Customer
                        && r.stage == Some(stage)
                        && r.response.text.is_some()
                })
                .map(|(i, _)| i)
                .collect();
            cluster_one(&journey.stages[stage].id, &members, rows, settings.seed)
        })
        .collect()
}

fn cluster_one(
    stage_id: &str,
    members: &[usize],
    rows: &mut [ScoredResponse],
    seed: u64,
) -> Vec<ClusterReport> {
    if members.len() < MIN_COMMENTS {
        return Vec::new();
    }
    let tagged: Vec<Vec<(String, String)>> = members
        .iter()
        .map(|&i| terms_of(rows[i].response.text.as_deref().unwrap_or_default()))
        .collect();
    let surface = surface_forms(&tagged);
    let docs: Vec<Vec<String>> = tagged
        .into_iter()
        .map(|d| d.into_iter().map(|(t, _)| t).collect())
        .collect();
    let vocab = vocabulary(&docs);
    if vocab.is_empty() {
        return Vec::new();
    }
    let valence: Vec<f64> = members
        .iter()
        .map(|&i| rows[i].valence.unwrap_or(0.0))
        .collect();
    let features = features(&docs, &vocab, &valence);
    let Some((labels, centroids)) = best_kmeans(&features, seed) else {
        return Vec::new();
    };
    let k = centroids.nrows();
    let mut reports = Vec::with_capacity(k);
    for c in 0..k {
        let in_c: Vec<usize> = (0..members.len()).filter(|&m| labels[m] == c).collect();
        if in_c.is_empty() {
            continue;
        }
        let mean = in_c.iter().map(|&m| valence[m]).sum::<f64>() / in_c.len() as f64;
        reports.push((
            c,
            in_c.len(),
            round4(mean),
            distinctive_terms(&docs, &in_c, &vocab)
                .into_iter()
                .map(|t| surface.get(&t).cloned().unwrap_or(t))
                .collect(),
            nearest(&features, &centroids.row(c), &in_c),
        ));
    }
    // Largest themes first; ids follow that order so they read naturally ("delivery-1").
    reports.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = Vec::with_capacity(reports.len());
    for (rank, (c, size, mean, terms, near)) in reports.into_iter().enumerate() {
        let id = format!("{stage_id}-{}", rank + 1);
        for m in (0..members.len()).filter(|&m| labels[m] == c) {
            rows[members[m]].cluster = Some(id.clone());
        }
        let mut seen = HashSet::new();
        // Quotes must read like the theme: a neutral comment whose response is negative only
        // through its rating would misrepresent a negative theme.
        let agrees = |m: &usize| {
            let t = rows[members[*m]].text_valence.unwrap_or(0.0);
            (mean < -0.1 && t < 0.0) || (mean > 0.1 && t > 0.0) || (-0.1..=0.1).contains(&mean)
        };
        let (agreeing, others): (Vec<usize>, Vec<usize>) = near.into_iter().partition(agrees);
        let evidence: Vec<Evidence> = agreeing
            .into_iter()
            .chain(others)
            .map(|m| &rows[members[m]])
            .filter_map(|r| Some((r, r.response.text.as_deref()?)))
            .filter(|(_, t)| seen.insert(t.trim().to_lowercase()))
            .take(QUOTES_SHOWN)
            .map(|(r, t)| Evidence::of(r, truncate(t, 280)))
            .collect();
        let quotes = evidence.iter().map(|e| e.quote.clone()).collect();
        out.push(ClusterReport {
            id,
            size,
            valence: mean,
            terms,
            quotes,
            evidence,
        });
    }
    out
}

/// Content words of a comment as (term, surface form): the term is folded and loses a plural
/// -s so "pedidos" meets "pedido"; the surface form (lower case, accents kept) is what a reader
/// is shown.
fn terms_of(text: &str) -> Vec<(String, String)> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(char::is_numeric))
        .filter_map(|w| {
            let surface = w.to_lowercase();
            let folded = fold(&surface);
            if STOPWORDS.contains(&folded.as_str()) {
                return None;
            }
            let term = match folded.strip_suffix('s') {
                Some(stem) if stem.chars().count() >= 4 => stem.to_owned(),
                _ => folded,
            };
            Some((term, surface))
        })
        .collect()
}

/// The most frequent surface form of every term, for display ("envío", not "envio").
fn surface_forms(docs: &[Vec<(String, String)>]) -> HashMap<String, String> {
    let mut counts: HashMap<&str, HashMap<&str, usize>> = HashMap::new();
    for (term, surface) in docs.iter().flatten() {
        *counts.entry(term).or_default().entry(surface).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(term, forms)| {
            let best = forms
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map_or(term, |(s, _)| s);
            (term.to_owned(), best.to_owned())
        })
        .collect()
}

/// The stage's terms worth clustering on: in at least 3 comments but not in most of them.
fn vocabulary(docs: &[Vec<String>]) -> Vec<String> {
    let mut df: HashMap<&str, usize> = HashMap::new();
    for d in docs {
        for t in d.iter().collect::<HashSet<_>>() {
            *df.entry(t.as_str()).or_default() += 1;
        }
    }
    let max_df = docs.len() / 2;
    let mut terms: Vec<(&str, usize)> = df
        .into_iter()
        .filter(|&(_, n)| n >= 3 && n <= max_df.max(3))
        .collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    terms
        .into_iter()
        .take(MAX_TERMS)
        .map(|(t, _)| t.to_owned())
        .collect()
}

fn features(docs: &[Vec<String>], vocab: &[String], valence: &[f64]) -> Array2<f64> {
    let index: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i))
        .collect();
    let n = docs.len() as f64;
    let mut df = vec![0usize; vocab.len()];
    for d in docs {
        for t in d.iter().collect::<HashSet<_>>() {
            if let Some(&j) = index.get(t.as_str()) {
                df[j] += 1;
            }
        }
    }
    let idf: Vec<f64> = df
        .iter()
        .map(|&d| ((1.0 + n) / (1.0 + d as f64)).ln() + 1.0)
        .collect();
    let (mean, sd) = mean_sd(valence);
    let mut x = Array2::<f64>::zeros((docs.len(), vocab.len() + 1));
    for (i, d) in docs.iter().enumerate() {
        for t in d {
            if let Some(&j) = index.get(t.as_str()) {
                x[[i, j]] += idf[j];
            }
        }
        let norm = x
            .row(i)
            .iter()
            .take(vocab.len())
            .map(|v| v * v)
            .sum::<f64>()
            .sqrt();
        if norm > 0.0 {
            for j in 0..vocab.len() {
                x[[i, j]] /= norm;
            }
        }
        x[[i, vocab.len()]] = VALENCE_WEIGHT * (valence[i] - mean) / sd;
    }
    x
}

fn mean_sd(v: &[f64]) -> (f64, f64) {
    let mean = v.iter().sum::<f64>() / v.len().max(1) as f64;
    let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / v.len().max(1) as f64;
    (mean, if var > 1e-12 { var.sqrt() } else { 1.0 })
}

/// KMeans for k = 2..=MAX_K (bounded by the data), keeping the k with the best silhouette.
fn best_kmeans(x: &Array2<f64>, seed: u64) -> Option<(Array1<usize>, Array2<f64>)> {
    // Themes are found on a sample of at most FIT_SAMPLE comments, then every comment joins
    // its nearest theme: a stage with 40,000 comments has the same themes as a sample of 3,000,
    // and fitting six models four times on all of them took a report ten seconds.
    let chosen = crate::domain::stats::sample_indices(x.nrows(), FIT_SAMPLE, seed);
    let sample = x.select(ndarray::Axis(0), &chosen);
    let max_k = MAX_K.min(sample.nrows() / 10).max(2);
    let dataset = DatasetBase::from(sample.clone());
    let mut best: Option<(f64, Array2<f64>)> = None;
    for k in 2..=max_k {
        let model = KMeans::params_with_rng(k, Xoshiro256Plus::seed_from_u64(seed))
            .n_runs(4)
            .max_n_iterations(200)
            .tolerance(1e-6)
            .fit(&dataset)
            .ok()?;
        let labels = model.predict(&sample);
        let score = silhouette(&sample, &labels, k);
        if best.as_ref().is_none_or(|(s, _)| score > *s + 1e-9) {
            best = Some((score, model.centroids().clone()));
        }
    }
    let (_, centroids) = best?;
    let labels = x
        .rows()
        .into_iter()
        .map(|row| {
            (0..centroids.nrows())
                .map(|c| (c, distance2(row, centroids.row(c))))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map_or(0, |(c, _)| c)
        })
        .collect();
    Some((labels, centroids))
}

/// Mean silhouette over at most 600 evenly spaced points: O(n²) in the sample only, and
/// computed here (not with linfa's, which sums in hash-map order) so it is bit-for-bit
/// reproducible.
fn silhouette(x: &Array2<f64>, labels: &Array1<usize>, k: usize) -> f64 {
    let n = x.nrows();
    let step = n.div_ceil(600).max(1);
    let sample: Vec<usize> = (0..n).step_by(step).collect();
    let mut total = 0.0;
    for &i in &sample {
        let mut sums = vec![0.0; k];
        let mut counts = vec![0usize; k];
        for &j in &sample {
            if i != j {
                let d = distance2(x.row(i), x.row(j)).sqrt();
                sums[labels[j]] += d;
                counts[labels[j]] += 1;
            }
        }
        let own = labels[i];
        if counts[own] == 0 {
            continue;
        }
        let a = sums[own] / counts[own] as f64;
        let b = (0..k)
            .filter(|&c| c != own && counts[c] > 0)
            .map(|c| sums[c] / counts[c] as f64)
            .fold(f64::INFINITY, f64::min);
        if b.is_finite() {
            total += (b - a) / a.max(b).max(1e-12);
        }
    }
    total / sample.len() as f64
}

/// Terms most over-represented in the cluster (class-based TF-IDF), in their readable form.
fn distinctive_terms(docs: &[Vec<String>], members: &[usize], vocab: &[String]) -> Vec<String> {
    let total: HashMap<&str, f64> = count_terms(docs.iter());
    let inside: HashMap<&str, f64> = count_terms(members.iter().map(|&m| &docs[m]));
    let in_words: f64 = inside.values().sum::<f64>().max(1.0);
    let mut scored: Vec<(&str, f64)> = vocab
        .iter()
        .filter_map(|t| {
            let tf = *inside.get(t.as_str())?;
            (tf >= 2.0).then(|| {
                (
                    t.as_str(),
                    tf / in_words * (docs.len() as f64 / total[t.as_str()]).ln_1p(),
                )
            })
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    scored
        .into_iter()
        .take(TERMS_SHOWN)
        .map(|(t, _)| t.to_owned())
        .collect()
}

fn count_terms<'a>(docs: impl Iterator<Item = &'a Vec<String>>) -> HashMap<&'a str, f64> {
    let mut m = HashMap::new();
    for d in docs {
        for t in d {
            *m.entry(t.as_str()).or_default() += 1.0;
        }
    }
    m
}

/// Squared Euclidean distance, without the temporary arrays `a - b` would allocate.
fn distance2(a: ArrayView1<f64>, b: ArrayView1<f64>) -> f64 {
    a.iter().zip(b.iter()).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// Members ordered by distance to the centre, nearest first.
fn nearest(x: &Array2<f64>, centre: &ArrayView1<f64>, members: &[usize]) -> Vec<usize> {
    let mut d: Vec<(usize, f64)> = members
        .iter()
        .map(|&m| (m, distance2(x.row(m), centre.view())))
        .collect();
    d.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    d.into_iter().map(|(m, _)| m).collect()
}

/// Function words of both languages, which say nothing about a theme.
const STOPWORDS: &[&str] = &[
    "the", "and", "for", "was", "were", "with", "that", "this", "but", "not", "you", "your", "our",
    "are", "have", "had", "has", "they", "them", "their", "from", "very", "too", "all", "just",
    "it's", "its", "i'm", "been", "would", "could", "did", "didn't", "don't", "what", "when",
    "which", "there", "then", "than", "also", "after", "before", "about", "into", "out", "one",
    "got", "get", "really", "much", "more", "some", "any", "again", "even", "still", "only", "los",
    "las", "del", "que", "con", "para", "por", "una", "uno", "unos", "unas", "muy", "pero", "fue",
    "han", "hay", "nos", "sus", "mas", "esta", "este", "esto", "todo", "toda", "todos", "como",
    "porque", "cuando", "donde", "tambien", "ya", "sin", "sobre", "entre", "hasta", "desde", "les",
    "mis", "tus", "era", "eran", "ser", "estar", "estaba", "estoy", "tengo", "tiene", "tienen",
    "hace", "hizo", "aunque", "nada", "algo", "otra", "otro", "vez", "veces", "ese", "esa", "eso",
    "aqui", "alli", "asi", "bien", "mal", "muy", "mucho", "poco",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Response;
    use crate::ingest::journey_file::parse_journey;

    /// A stage larger than the fitting sample: themes come from the sample, and every comment
    /// (not only the sampled ones) joins the theme it belongs to.
    #[test]
    fn a_large_stage_is_fitted_on_a_sample_and_every_comment_placed() {
        let journey = parse_journey(
            "id = \"j\"\nname = \"J\"\n[[stages]]\nid = \"entrega\"\nname = \"Entrega\"\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let late = [
            "el repartidor llegó tarde otra vez",
            "repartidor tarde y paquete roto",
        ];
        let web = ["la web es clara y fácil", "web fácil, pago rápido y claro"];
        let responses: Vec<Response> = (0..4_000)
            .map(|i| Response {
                key: i.to_string(),
                source: Source::Customer,
                stage: Some("entrega".into()),
                touchpoint: None,
                segment: None,
                language: None,
                recorded_at: None,
                text: Some(
                    if i % 2 == 0 {
                        late[i % 4 / 2]
                    } else {
                        web[i % 4 / 2]
                    }
                    .into(),
                ),
                ratings: Vec::new(),
                original: Default::default(),
            })
            .collect();
        let mut rows: Vec<ScoredResponse> = responses
            .iter()
            .map(|r| super::super::scoring::score_response(&journey, r, &Default::default()))
            .collect();
        let themes = cluster_stages(&journey, &mut rows, &Settings::default());
        let sizes: usize = themes[0].iter().map(|t| t.size).sum();
        assert_eq!(sizes, 4_000, "every comment is in a theme");
        assert!(rows.iter().all(|r| r.cluster.is_some()));
        // The two kinds of comment never share a theme.
        let theme_of = |even: bool| -> HashSet<&str> {
            rows.iter()
                .enumerate()
                .filter(|(i, _)| (i % 2 == 0) == even)
                .filter_map(|(_, r)| r.cluster.as_deref())
                .collect()
        };
        assert!(theme_of(true).is_disjoint(&theme_of(false)));
    }
}
