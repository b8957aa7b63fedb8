//! The emotion curve: customer valence per stage with its 95% band, the sample size at every
//! point, the zero line, the target (to-be) curve, the employees' view and the low point. One
//! drawing function, generic over the plotters backend, gives both the SVG (page, report) and
//! the PNG (slides). The font is embedded so a chart looks the same on every machine.

use std::path::Path;
use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::RenderError;
use crate::analysis::Report;

const WIDTH: u32 = 1100;
const HEIGHT: u32 = 580;
const FONT: &str = "sans-serif";
const CUSTOMER: RGBColor = RGBColor(37, 99, 235);
const EMPLOYEE: RGBColor = RGBColor(234, 88, 12);
const TARGET: RGBColor = RGBColor(22, 163, 74);
const LOW: RGBColor = RGBColor(220, 38, 38);
const MUTED: RGBColor = RGBColor(100, 116, 139);

fn register_font() -> Result<(), RenderError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = REGISTERED.get_or_init(|| {
        plotters::style::register_font(
            FONT,
            FontStyle::Normal,
            include_bytes!("../../data/fonts/DejaVuSans.ttf"),
        )
        .is_ok()
    });
    if *ok {
        Ok(())
    } else {
        Err(RenderError::Chart(
            "the embedded font could not be loaded".into(),
        ))
    }
}

pub fn svg(report: &Report) -> Result<String, RenderError> {
    register_font()?;
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (WIDTH, HEIGHT)).into_drawing_area();
        emotion_curve(&root, report).map_err(RenderError::Chart)?;
        root.present()
            .map_err(|e| RenderError::Chart(e.to_string()))?;
    }
    Ok(buf)
}

pub fn png(report: &Report, path: &Path) -> Result<(), RenderError> {
    register_font()?;
    let root = BitMapBackend::new(path, (WIDTH, HEIGHT)).into_drawing_area();
    emotion_curve(&root, report).map_err(RenderError::Chart)?;
    root.present()
        .map_err(|e| RenderError::Chart(e.to_string()))
}

/// Runs of consecutive stages that have a value, so a line never bridges a stage with too few
/// responses to show.
fn runs<T: Copy>(values: &[Option<T>]) -> Vec<Vec<(usize, T)>> {
    let mut out: Vec<Vec<(usize, T)>> = Vec::new();
    let mut current = Vec::new();
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => current.push((i, *v)),
            None if !current.is_empty() => out.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A soft white box behind a value label, so a line crossing it does not hide the digits.
fn label_backdrop(dy: i32) -> Rectangle<(i32, i32)> {
    let (top, bottom) = if dy > 0 {
        (dy - 2, dy + 17)
    } else {
        (dy - 17, dy + 2)
    };
    Rectangle::new([(-23, top), (23, bottom)], WHITE.mix(0.8).filled())
}

/// A value label goes below its point where the curve dips there (a valley, or a point below
/// the average of its neighbours) and above it otherwise, so it does not sit on the line; it
/// switches sides when another series' marker is within a quarter of a unit on its side (nearer
/// than that, the line running to the marker crosses the label).
fn label_below(means: &[Option<f64>], others: &[f64], i: usize) -> bool {
    let Some(m) = means[i] else { return false };
    let neighbours: Vec<f64> = [i.checked_sub(1), Some(i + 1)]
        .into_iter()
        .flatten()
        .filter_map(|j| means.get(j).copied().flatten())
        .collect();
    let valley =
        !neighbours.is_empty() && m < neighbours.iter().sum::<f64>() / neighbours.len() as f64;
    // The clearance on each side: how far the nearest other point is (1.0 when none is near).
    let clearance = |below: bool| {
        others
            .iter()
            .filter(|&&o| if below { o <= m } else { o >= m })
            .map(|&o| (o - m).abs())
            .fold(1.0, f64::min)
    };
    let (preferred, other) = (clearance(valley), clearance(!valley));
    if preferred < 0.25 && other > preferred {
        !valley
    } else {
        valley
    }
}

pub fn emotion_curve<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &Report,
) -> Result<(), String> {
    let e = |err: DrawingAreaErrorKind<DB::ErrorType>| err.to_string();
    area.fill(&WHITE).map_err(e)?;
    let stages = &report.stages;
    let n = stages.len().max(1);
    let names: Vec<String> = stages.iter().map(|s| s.name.clone()).collect();
    let (header, body) = area.split_vertically(64);
    draw_header(&header, report).map_err(e)?;
    let mut chart = ChartBuilder::on(&body)
        .margin(18)
        .margin_top(4)
        .x_label_area_size(48)
        .y_label_area_size(64)
        // plotters' integer ranges include their end: 0..n-1 gives exactly n segments.
        .build_cartesian_2d((0..n - 1).into_segmented(), -1.0f64..1.0f64)
        .map_err(e)?;
    let label_of = |v: &SegmentValue<usize>| match v {
        SegmentValue::CenterOf(i) => names.get(*i).cloned().unwrap_or_default(),
        _ => String::new(),
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(BLACK.mix(0.08))
        .x_labels(n)
        .x_label_formatter(&label_of)
        .y_labels(9)
        .y_label_formatter(&|y| format!("{y:+.2}"))
        .y_desc("valence  (−1 worst · +1 best)")
        .label_style((FONT, 15).into_font().color(&BLACK.mix(0.8)))
        .axis_desc_style((FONT, 14).into_font().color(&MUTED))
        .draw()
        .map_err(e)?;

    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(SegmentValue::Exact(0), 0.0), (SegmentValue::Last, 0.0)],
            BLACK.mix(0.45).stroke_width(1),
        )))
        .map_err(e)?;

    let estimates: Vec<_> = stages.iter().map(|s| s.valence).collect();
    for run in runs(&estimates) {
        let mut band: Vec<(SegmentValue<usize>, f64)> = run
            .iter()
            .map(|(i, v)| (SegmentValue::CenterOf(*i), v.ci95[1]))
            .collect();
        band.extend(
            run.iter()
                .rev()
                .map(|(i, v)| (SegmentValue::CenterOf(*i), v.ci95[0])),
        );
        chart
            .draw_series(std::iter::once(Polygon::new(
                band,
                CUSTOMER.mix(0.14).filled(),
            )))
            .map_err(e)?;
    }

    let targets: Vec<Option<f64>> = stages.iter().map(|s| s.target).collect();
    for run in runs(&targets) {
        chart
            .draw_series(DashedLineSeries::new(
                run.iter().map(|(i, t)| (SegmentValue::CenterOf(*i), *t)),
                8,
                6,
                TARGET.stroke_width(2),
            ))
            .map_err(e)?;
    }

    let employee: Vec<Option<f64>> = stages
        .iter()
        .map(|s| s.employee.as_ref().and_then(|e| e.valence).map(|v| v.mean))
        .collect();
    for run in runs(&employee) {
        let points: Vec<_> = run
            .iter()
            .map(|(i, m)| (SegmentValue::CenterOf(*i), *m))
            .collect();
        chart
            .draw_series(LineSeries::new(points.clone(), EMPLOYEE.stroke_width(2)))
            .map_err(e)?;
        chart
            .draw_series(
                points
                    .into_iter()
                    .map(|p| TriangleMarker::new(p, 7, EMPLOYEE.filled())),
            )
            .map_err(e)?;
    }

    for run in runs(&estimates) {
        chart
            .draw_series(LineSeries::new(
                run.iter()
                    .map(|(i, v)| (SegmentValue::CenterOf(*i), v.mean)),
                CUSTOMER.stroke_width(3),
            ))
            .map_err(e)?;
    }

    let low_stage = report
        .pain_points
        .iter()
        .find(|p| p.kind == "low_point")
        .map(|p| p.stage.as_str());
    let means: Vec<Option<f64>> = estimates.iter().map(|e| e.map(|v| v.mean)).collect();
    let value_font = (FONT, 15).into_font().color(&BLACK);
    let n_font = (FONT, 13).into_font().color(&MUTED);
    for (i, s) in stages.iter().enumerate() {
        let at = |y| (SegmentValue::CenterOf(i), y);
        // The sample size sits on a row of its own along the bottom, away from every line.
        chart
            .draw_series(std::iter::once(Text::new(
                format!("n={}", s.n),
                at(-0.93),
                n_font.clone().pos(Pos::new(HPos::Center, VPos::Center)),
            )))
            .map_err(e)?;
        let Some(v) = s.valence else {
            chart
                .draw_series(std::iter::once(Text::new(
                    "too few responses",
                    at(0.06),
                    n_font.clone().pos(Pos::new(HPos::Center, VPos::Bottom)),
                )))
                .map_err(e)?;
            continue;
        };
        if low_stage == Some(s.id.as_str()) {
            chart
                .draw_series(std::iter::once(Circle::new(
                    at(v.mean),
                    13,
                    LOW.stroke_width(3),
                )))
                .map_err(e)?;
        }
        // Only the employee markers are obstacles: the thin target line reads fine through the
        // label's backdrop.
        let others: Vec<f64> = employee[i].into_iter().collect();
        let (dy, vpos) = if label_below(&means, &others, i) {
            (20, VPos::Top)
        } else {
            (-20, VPos::Bottom)
        };
        chart
            .draw_series(std::iter::once(
                EmptyElement::at(at(v.mean))
                    + Circle::new((0, 0), 6, CUSTOMER.filled())
                    + label_backdrop(dy)
                    + Text::new(
                        format!("{:+.2}", v.mean),
                        (0, dy),
                        value_font.clone().pos(Pos::new(HPos::Center, vpos)),
                    ),
            ))
            .map_err(e)?;
    }

    Ok(())
}

/// The title on the left and the legend on the right, above the plot so the legend never hides
/// a point.
fn draw_header<DB: DrawingBackend>(
    header: &DrawingArea<DB, Shift>,
    report: &Report,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    header.draw(&Text::new(
        format!("Emotion curve · {}", report.journey.name),
        (82, 22),
        (FONT, 24).into_font().color(&BLACK),
    ))?;
    let has_target = report.stages.iter().any(|s| s.target.is_some());
    let has_employee = report
        .stages
        .iter()
        .any(|s| s.employee.as_ref().is_some_and(|e| e.valence.is_some()));
    let mut items: Vec<(&str, RGBColor, bool)> =
        vec![("customers: mean and 95% band", CUSTOMER, false)];
    if has_employee {
        items.push(("employees' view", EMPLOYEE, false));
    }
    if has_target {
        items.push(("target (to-be)", TARGET, true));
    }
    let font = (FONT, 14).into_font().color(&BLACK.mix(0.8));
    let mut x = WIDTH as i32 - 18;
    for (label, color, dashed) in items.into_iter().rev() {
        let (w, _) = header.estimate_text_size(label, &font)?;
        x -= w as i32;
        header.draw(&Text::new(
            label,
            (x, 46),
            font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let line_end = x - 8;
        let line_start = line_end - 26;
        if dashed {
            for seg in (line_start..line_end).step_by(10) {
                header.draw(&PathElement::new(
                    vec![(seg, 46), ((seg + 6).min(line_end), 46)],
                    color.stroke_width(2),
                ))?;
            }
        } else {
            header.draw(&PathElement::new(
                vec![(line_start, 46), (line_end, 46)],
                color.stroke_width(3),
            ))?;
        }
        x = line_start - 22;
    }
    Ok(())
}
