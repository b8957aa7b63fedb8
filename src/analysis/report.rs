//! report.json v1: the shape every output (HTML, charts, web page, API) is drawn from. Field
//! names are a contract with users' scripts (docs/report-json.md, docs/report.schema.json):
//! fields may be added, never removed or renamed.

use serde::{Deserialize, Serialize};

use super::Settings;
use super::clustering::ClusterReport;
use super::curve;
use super::learn::LearnReport;
use super::pain_points::{self, PainPoint};
use super::scoring::{ScoredResponse, Weights};
use crate::domain::{Estimate, Journey};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub journey: JourneyRef,
    pub settings: SettingsOut,
    pub totals: Totals,
    pub segments: Vec<SegmentSummary>,
    pub stages: Vec<StageReport>,
    pub unassigned: Vec<UnassignedValue>,
    pub pain_points: Vec<PainPoint>,
    /// Whether the text part was learned from the data's own ratings, and how well that
    /// validated against the lexicon; `None` when there were too few clear ratings.
    pub learning: Option<LearnReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JourneyRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SettingsOut {
    pub min_n: usize,
    pub anonymity_threshold: usize,
    pub weights: Weights,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    /// Customer responses read, assigned to a stage or not.
    pub responses: usize,
    pub employee_feedback: usize,
    /// Responses (either source) whose stage value matched no stage of the journey.
    pub unassigned: usize,
    pub with_text: usize,
}

/// A segment across the whole journey. Its valence is always given; `confidence` says how far
/// it can be trusted (a single response gives the whole scale as its interval).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentSummary {
    pub id: String,
    pub n: usize,
    pub valence: Estimate,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageReport {
    pub id: String,
    pub name: String,
    /// Customer responses with a valence at this stage: the sample behind the mean.
    pub n: usize,
    /// All customer responses assigned to the stage, scored or not.
    pub responses: usize,
    pub target: Option<f64>,
    /// `None` when `n` is under the minimum.
    pub valence: Option<Estimate>,
    pub labels: LabelCounts,
    pub touchpoints: Vec<TouchpointReport>,
    pub segments: Vec<GroupReport>,
    pub clusters: Vec<ClusterReport>,
    pub employee: Option<EmployeeView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct LabelCounts {
    pub neg: usize,
    pub neu: usize,
    pub pos: usize,
    pub mixed: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TouchpointReport {
    pub id: String,
    pub name: String,
    pub channel: Option<String>,
    pub n: usize,
    pub valence: Option<Estimate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupReport {
    pub id: String,
    pub n: usize,
    pub valence: Option<Estimate>,
}

/// The employees' view of a stage beside the customers'.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmployeeView {
    pub n: usize,
    /// `None` under the anonymity threshold.
    pub valence: Option<Estimate>,
    /// Employee mean minus customer mean: positive when employees see the stage rosier.
    pub gap: Option<f64>,
    /// Whether the gap is beyond chance (Welch's t-test, 5% level).
    pub significant: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnassignedValue {
    /// "stage" or "touchpoint".
    pub column: String,
    /// The value as written; touchpoints are prefixed with their stage id ("delivery: Drone").
    pub value: String,
    pub n: usize,
}

pub fn build(
    journey: &Journey,
    rows: &[ScoredResponse],
    mut clusters: Vec<Vec<ClusterReport>>,
    settings: &Settings,
) -> Report {
    let stages: Vec<StageReport> = journey
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            curve::stage_report(i, stage, rows, std::mem::take(&mut clusters[i]), settings)
        })
        .collect();
    let pain_points = pain_points::find(&stages, rows);
    Report {
        schema_version: SCHEMA_VERSION,
        journey: JourneyRef {
            id: journey.id.clone(),
            name: journey.name.clone(),
        },
        settings: SettingsOut {
            min_n: settings.min_n,
            anonymity_threshold: settings.anonymity_threshold,
            weights: settings.weights,
        },
        totals: curve::totals(rows),
        segments: curve::segments(rows),
        stages,
        unassigned: curve::unassigned(journey, rows),
        pain_points,
        learning: None,
    }
}
