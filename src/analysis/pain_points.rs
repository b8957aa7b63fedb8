//! Where the experience breaks, most telling first: the curve's lowest stage, significant drops
//! between stages, stages where employees see a much rosier picture than customers, clearly
//! negative touchpoints, and stages short of their target. Each comes with the comments behind
//! it.

use std::collections::HashSet;

use serde::Serialize;

use super::evidence::Evidence;
use super::report::StageReport;
use super::scoring::ScoredResponse;
use crate::domain::Source;
use crate::domain::stats::{Sample, differ_significantly, round4};

/// A drop smaller than this is not worth a manager's attention, however significant.
const MIN_DROP: f64 = 0.15;
/// Quotes shown per pain point, and their maximum length in characters.
const QUOTES: usize = 3;
const QUOTE_CHARS: usize = 280;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PainPoint {
    pub stage: String,
    pub touchpoint: Option<String>,
    /// `low_point`, `drop`, `perception_gap`, `low_touchpoint` or `below_target`.
    pub kind: String,
    pub valence: f64,
    pub n: usize,
    /// For a drop, the change from the previous stage; for a gap, employee minus customer.
    pub delta: Option<f64>,
    pub detail: String,
    /// The most negative comments behind it, redacted; a comment quoted by an earlier point
    /// is not repeated.
    pub quotes: Vec<String>,
    /// The same comments with their valence and the words and rules behind it.
    pub evidence: Vec<Evidence>,
    /// The stage and touchpoint indexes the quotes come from.
    #[serde(skip)]
    source: (usize, Option<usize>),
}

pub fn find(stages: &[StageReport], rows: &[ScoredResponse]) -> Vec<PainPoint> {
    let mut out = Vec::new();
    let known: Vec<(usize, &StageReport, f64)> = stages
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.valence.map(|v| (i, s, v.mean)))
        .collect();

    if let Some(&(i, s, mean)) = known.iter().min_by(|a, b| a.2.total_cmp(&b.2)) {
        // A low point is a dip below neutral on a curve of at least two points; a stage that is
        // merely short of its target is reported as `below_target` instead.
        if mean < 0.0 && known.len() >= 2 {
            out.push(PainPoint {
                stage: s.id.clone(),
                touchpoint: None,
                kind: "low_point".into(),
                valence: mean,
                n: s.n,
                delta: None,
                detail: format!(
                    "the lowest point of the curve: mean valence {mean:+.2} from {} responses",
                    s.n
                ),
                quotes: Vec::new(),
                evidence: Vec::new(),
                source: (i, None),
            });
        }
    }

    let mut drops = Vec::new();
    for pair in known.windows(2) {
        let ((a, sa, ma), (b, sb, mb)) = (pair[0], pair[1]);
        let delta = round4(mb - ma);
        let (Some(xa), Some(xb)) = (sample(rows, a), sample(rows, b)) else {
            continue;
        };
        if delta <= -MIN_DROP && differ_significantly(&xa, &xb) {
            drops.push(PainPoint {
                stage: sb.id.clone(),
                touchpoint: None,
                kind: "drop".into(),
                valence: mb,
                n: sb.n,
                delta: Some(delta),
                detail: format!(
                    "falls {:.2} from \"{}\" ({ma:+.2}) to \"{}\" ({mb:+.2})",
                    -delta, sa.name, sb.name
                ),
                quotes: Vec::new(),
                evidence: Vec::new(),
                source: (b, None),
            });
        }
    }
    drops.sort_by(|x, y| x.delta.unwrap_or(0.0).total_cmp(&y.delta.unwrap_or(0.0)));
    out.extend(drops);

    for &(i, s, mean) in &known {
        let Some(e) = &s.employee else { continue };
        if let (true, Some(gap)) = (e.significant, e.gap.filter(|g| *g >= MIN_DROP)) {
            out.push(PainPoint {
                stage: s.id.clone(),
                touchpoint: None,
                kind: "perception_gap".into(),
                valence: mean,
                n: s.n,
                delta: Some(gap),
                detail: format!(
                    "employees rate \"{}\" {gap:.2} higher than customers do ({} employees, {} customers)",
                    s.name, e.n, s.n
                ),
                quotes: Vec::new(),
                evidence: Vec::new(),
                source: (i, None),
            });
        }
    }
    let mut touchpoints = Vec::new();
    for (i, s) in stages.iter().enumerate() {
        for (t, tp) in s.touchpoints.iter().enumerate() {
            if let Some(v) = tp.valence.filter(|v| v.ci95[1] < 0.0) {
                touchpoints.push(PainPoint {
                    stage: s.id.clone(),
                    touchpoint: Some(tp.id.clone()),
                    kind: "low_touchpoint".into(),
                    valence: v.mean,
                    n: tp.n,
                    delta: None,
                    detail: format!(
                        "\"{}\" at \"{}\" is negative beyond doubt: {:+.2} (95% CI {:+.2} to {:+.2})",
                        tp.name, s.name, v.mean, v.ci95[0], v.ci95[1]
                    ),
                    quotes: Vec::new(),
                evidence: Vec::new(),
                source: (i, Some(t)),
                });
            }
        }
    }
    touchpoints.sort_by(|x, y| x.valence.total_cmp(&y.valence));
    out.extend(touchpoints);

    for &(i, s, mean) in &known {
        let (Some(target), Some(v)) = (s.target, s.valence) else {
            continue;
        };
        if v.ci95[1] < target {
            out.push(PainPoint {
                stage: s.id.clone(),
                touchpoint: None,
                kind: "below_target".into(),
                valence: mean,
                n: s.n,
                delta: Some(round4(mean - target)),
                detail: format!("below its target {target:+.2}: {mean:+.2}, and the whole 95% interval is under it"),
                quotes: Vec::new(),
                evidence: Vec::new(),
                source: (i, None),
            });
        }
    }

    let mut shown = HashSet::new();
    for p in &mut out {
        p.evidence = worst_quotes(rows, p.source.0, p.source.1, &mut shown);
        p.quotes = p.evidence.iter().map(|e| e.quote.clone()).collect();
    }
    out
}

fn sample(rows: &[ScoredResponse], stage: usize) -> Option<Sample> {
    let v: Vec<f64> = rows
        .iter()
        .filter(|r| r.response.source == Source::Customer && r.stage == Some(stage))
        .filter_map(|r| r.valence)
        .collect();
    Sample::of(&v)
}

/// The most negative customer comments at a stage (or one of its touchpoints).
fn worst_quotes(
    rows: &[ScoredResponse],
    stage: usize,
    touchpoint: Option<usize>,
    shown: &mut HashSet<String>,
) -> Vec<Evidence> {
    let mut candidates: Vec<(&ScoredResponse, f64)> = rows
        .iter()
        .filter(|r| r.response.source == Source::Customer && r.stage == Some(stage))
        .filter(|r| touchpoint.is_none() || r.touchpoint == touchpoint)
        .filter_map(|r| Some((r, r.text_valence.filter(|v| *v < 0.0)?)))
        .collect();
    candidates.sort_by(|a, b| a.1.total_cmp(&b.1));
    candidates
        .into_iter()
        .filter_map(|(r, _)| Some((r, r.response.text.as_deref()?)))
        .filter(|(_, t)| shown.insert(t.trim().to_lowercase()))
        .take(QUOTES)
        .map(|(r, t)| Evidence::of(r, truncate(t, QUOTE_CHARS)))
        .collect()
}

pub fn truncate(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_owned(),
    }
}
