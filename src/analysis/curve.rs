//! The emotion curve: per stage, touchpoint and segment, the sample size, mean valence and its
//! 95% interval, the label mix, and the employees' view with its gap to the customers'.

use std::collections::BTreeMap;

use super::Settings;
use super::clustering::ClusterReport;
use super::report::{
    EmployeeView, GroupReport, LabelCounts, SegmentSummary, StageReport, Totals, TouchpointReport,
    UnassignedValue,
};
use super::scoring::ScoredResponse;
use super::sentiment::Label;
use crate::domain::stats::{Sample, differ_significantly, round4};
use crate::domain::{Estimate, Journey, Source, Stage};

/// The estimate of a group, or `None` when it has fewer than `min_n` values.
pub fn estimate(values: &[f64], min_n: usize) -> Option<Estimate> {
    Sample::of(values)
        .filter(|s| s.n >= min_n.max(1))
        .map(|s| s.estimate())
}

fn valences<'a>(rows: impl Iterator<Item = &'a ScoredResponse>) -> Vec<f64> {
    rows.filter_map(|r| r.valence).collect()
}

fn customers_at(rows: &[ScoredResponse], stage: usize) -> impl Iterator<Item = &ScoredResponse> {
    rows.iter()
        .filter(move |r| r.response.source == Source::Customer && r.stage == Some(stage))
}

/// Valences grouped by segment (spellings that fold alike are one segment, shown as first
/// written), in the order of the folded names.
fn by_segment<'a>(rows: impl Iterator<Item = &'a ScoredResponse>) -> Vec<(String, Vec<f64>)> {
    let mut groups: BTreeMap<String, (String, Vec<f64>)> = BTreeMap::new();
    for r in rows {
        if let (Some(seg), Some(v)) = (&r.response.segment, r.valence) {
            groups
                .entry(seg.key())
                .or_insert_with(|| (seg.as_str().to_owned(), Vec::new()))
                .1
                .push(v);
        }
    }
    groups.into_values().collect()
}

pub fn stage_report(
    index: usize,
    stage: &Stage,
    rows: &[ScoredResponse],
    clusters: Vec<ClusterReport>,
    settings: &Settings,
) -> StageReport {
    let customer = valences(customers_at(rows, index));
    let touchpoints = stage
        .touchpoints
        .iter()
        .enumerate()
        .map(|(t, tp)| {
            let v = valences(customers_at(rows, index).filter(|r| r.touchpoint == Some(t)));
            TouchpointReport {
                id: tp.id.clone(),
                name: tp.name.clone(),
                channel: tp.channel.as_ref().map(|c| c.as_str().to_owned()),
                n: v.len(),
                valence: estimate(&v, settings.min_n),
            }
        })
        .collect();
    let segments = by_segment(customers_at(rows, index))
        .into_iter()
        .map(|(id, v)| GroupReport {
            id,
            n: v.len(),
            valence: estimate(&v, settings.min_n),
        })
        .collect();
    let mut labels = LabelCounts::default();
    for r in customers_at(rows, index) {
        match r.label {
            Some(Label::Neg) => labels.neg += 1,
            Some(Label::Neu) => labels.neu += 1,
            Some(Label::Pos) => labels.pos += 1,
            Some(Label::Mixed) => labels.mixed += 1,
            None => {}
        }
    }
    let employee = employee_view(rows, index, &customer, settings);
    StageReport {
        id: stage.id.clone(),
        name: stage.name.clone(),
        n: customer.len(),
        // Respondents, not observations: matrix ratings add to `n`, not to this count.
        responses: customers_at(rows, index)
            .filter(|r| r.part.is_none())
            .count(),
        target: stage.target.map(|t| t.get()),
        valence: estimate(&customer, settings.min_n),
        labels,
        touchpoints,
        segments,
        clusters,
        employee,
    }
}

fn employee_view(
    rows: &[ScoredResponse],
    stage: usize,
    customer: &[f64],
    settings: &Settings,
) -> Option<EmployeeView> {
    let staff: Vec<f64> = valences(
        rows.iter()
            .filter(|r| r.response.source == Source::Employee && r.stage == Some(stage)),
    );
    let s = Sample::of(&staff)?;
    if s.n < settings.anonymity_threshold.max(settings.min_n) {
        return Some(EmployeeView {
            n: s.n,
            valence: None,
            gap: None,
            significant: false,
        });
    }
    let c = Sample::of(customer).filter(|c| c.n >= settings.min_n);
    Some(EmployeeView {
        n: s.n,
        valence: Some(s.estimate()),
        gap: c.map(|c| round4(s.mean - c.mean)),
        significant: c.is_some_and(|c| differ_significantly(&s, &c)),
    })
}

pub fn totals(rows: &[ScoredResponse]) -> Totals {
    Totals {
        responses: rows
            .iter()
            .filter(|r| r.response.source == Source::Customer && r.part.is_none())
            .count(),
        employee_feedback: rows
            .iter()
            .filter(|r| r.response.source == Source::Employee)
            .count(),
        unassigned: rows
            .iter()
            .filter(|r| r.stage.is_none() && r.part.is_none())
            .count(),
        with_text: rows.iter().filter(|r| r.response.text.is_some()).count(),
    }
}

/// Customer segments across the journey, in name order.
pub fn segments(rows: &[ScoredResponse]) -> Vec<SegmentSummary> {
    by_segment(
        rows.iter()
            .filter(|r| r.response.source == Source::Customer),
    )
    .into_iter()
    .filter_map(|(id, v)| {
        Sample::of(&v).map(|s| SegmentSummary {
            id,
            n: s.n,
            valence: s.estimate(),
        })
    })
    .collect()
}

/// Every stage or touchpoint value that matched nothing, with its count, most frequent first.
pub fn unassigned(journey: &Journey, rows: &[ScoredResponse]) -> Vec<UnassignedValue> {
    let mut counts: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for r in rows {
        match r.stage {
            // A matrix row naming nothing in the journey: listed as the touchpoint it is.
            None if r.part.is_some() => {
                let value = format!("(matrix) {}", r.part.as_deref().unwrap_or_default());
                *counts.entry(("touchpoint", value)).or_default() += 1;
            }
            None => {
                let value = r.response.stage.clone().unwrap_or_else(|| "(empty)".into());
                *counts.entry(("stage", value)).or_default() += 1;
            }
            Some(s) if r.touchpoint.is_none() => {
                if let Some(tp) = r.response.touchpoint.as_deref() {
                    let value = format!("{}: {tp}", journey.stages[s].id);
                    *counts.entry(("touchpoint", value)).or_default() += 1;
                }
            }
            Some(_) => {}
        }
    }
    let mut out: Vec<UnassignedValue> = counts
        .into_iter()
        .map(|((column, value), n)| UnassignedValue {
            column: column.into(),
            value,
            n,
        })
        .collect();
    out.sort_by(|a, b| {
        b.n.cmp(&a.n)
            .then_with(|| a.column.cmp(&b.column))
            .then_with(|| a.value.cmp(&b.value))
    });
    out
}
