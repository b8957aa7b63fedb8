//! From responses to a report: each response is placed on the journey and scored, then the
//! curve, the themes of each stage and the pain points are computed. Everything here is pure
//! and deterministic (seeded), so the same responses always give the same report, whether they
//! come from a file or from the database.

pub mod assign;
pub mod clustering;
pub mod curve;
pub mod evaluation;
pub mod evidence;
pub mod learn;
pub mod pain_points;
pub mod report;
pub mod scoring;
pub mod sentiment;

use crate::domain::{Journey, Response};

pub use report::Report;
pub use scoring::{ScoredResponse, Weights};

/// The knobs of an analysis, with the defaults a CX team would start from.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// Below this many responses a stage, touchpoint or segment gets no valence (`null`): a
    /// mean of three opinions would draw a point as firm as one of three hundred.
    pub min_n: usize,
    /// Employee groups smaller than this are hidden, as employee-survey tools do, so that no
    /// individual can be recognised.
    pub anonymity_threshold: usize,
    pub weights: Weights,
    /// Seed for clustering, so that the same data always gives the same themes.
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_n: 5,
            anonymity_threshold: 5,
            weights: Weights::default(),
            seed: 42,
        }
    }
}

/// The report and the per-response rows behind it.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub report: Report,
    pub rows: Vec<ScoredResponse>,
}

/// Runs the whole analysis. `responses` are customer and employee responses in file order.
pub fn analyze(journey: &Journey, responses: &[Response], settings: &Settings) -> Analysis {
    let mut rows: Vec<ScoredResponse> = responses
        .iter()
        .map(|r| scoring::score_response(journey, r, &settings.weights))
        .collect();
    let learning = scoring::apply_learning(&mut rows, &settings.weights);
    let parts: Vec<ScoredResponse> = rows
        .iter()
        .flat_map(|r| scoring::part_observations(journey, r))
        .collect();
    rows.extend(parts);
    let clusters = clustering::cluster_stages(journey, &mut rows, settings);
    let mut report = report::build(journey, &rows, clusters, settings);
    report.learning = learning;
    Analysis { report, rows }
}
