//! The emotion curve: customer valence per stage with its 95% band, the sample size at every
//! point, the zero line, the target (to-be) curve, the employees' view and the low point. One
//! drawing function, generic over the plotters backend, gives both the SVG (page, report) and
//! the PNG (slides). The font is embedded so a chart looks the same on every machine.

use std::path::Path;
use std::sync::OnceLock;

use plotters::coord::Shift;
use plotters::prelude::*;

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

pub fn emotion_curve<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    report: &Report,
) -> Result<(), String> {
    let e = |err: DrawingAreaErrorKind<DB::ErrorType>| err.to_string();
    area.fill(&WHITE).map_err(e)?;
    let stages = &report.stages;
    let n = stages.len().max(1);
    let names: Vec<String> = stages.iter().map(|s| s.name.clone()).collect();
    let mut chart = ChartBuilder::on(area)
        .caption(
            format!("Emotion curve · {}", report.journey.name),
            (FONT, 24).into_font().color(&BLACK),
        )
        .margin(18)
        .x_label_area_size(48)
        .y_label_area_size(64)
        .build_cartesian_2d((0..n).into_segmented(), -1.0f64..1.0f64)
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
    let mut first = true;
    for run in runs(&targets) {
        let series = chart
            .draw_series(DashedLineSeries::new(
                run.iter().map(|(i, t)| (SegmentValue::CenterOf(*i), *t)),
                8,
                6,
                TARGET.stroke_width(2),
            ))
            .map_err(e)?;
        if std::mem::take(&mut first) {
            series.label("target (to-be)").legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 22, y)], TARGET.stroke_width(2))
            });
        }
    }

    let employee: Vec<Option<f64>> = stages
        .iter()
        .map(|s| s.employee.as_ref().and_then(|e| e.valence).map(|v| v.mean))
        .collect();
    let mut first = true;
    for run in runs(&employee) {
        let points: Vec<_> = run
            .iter()
            .map(|(i, m)| (SegmentValue::CenterOf(*i), *m))
            .collect();
        let series = chart
            .draw_series(LineSeries::new(points.clone(), EMPLOYEE.stroke_width(2)))
            .map_err(e)?;
        if std::mem::take(&mut first) {
            series.label("employees' view").legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 22, y)], EMPLOYEE.stroke_width(2))
            });
        }
        chart
            .draw_series(
                points
                    .into_iter()
                    .map(|p| TriangleMarker::new(p, 7, EMPLOYEE.filled())),
            )
            .map_err(e)?;
    }

    let mut first = true;
    for run in runs(&estimates) {
        let series = chart
            .draw_series(LineSeries::new(
                run.iter()
                    .map(|(i, v)| (SegmentValue::CenterOf(*i), v.mean)),
                CUSTOMER.stroke_width(3),
            ))
            .map_err(e)?;
        if std::mem::take(&mut first) {
            series.label("customers (mean, 95% band)").legend(|(x, y)| {
                PathElement::new(vec![(x, y), (x + 22, y)], CUSTOMER.stroke_width(3))
            });
        }
    }

    let low_stage = report
        .pain_points
        .iter()
        .find(|p| p.kind == "low_point")
        .map(|p| p.stage.as_str());
    let label_font = (FONT, 14).into_font();
    for (i, s) in stages.iter().enumerate() {
        let at = |y| (SegmentValue::CenterOf(i), y);
        match s.valence {
            Some(v) => {
                if low_stage == Some(s.id.as_str()) {
                    chart
                        .draw_series(std::iter::once(Circle::new(
                            at(v.mean),
                            13,
                            LOW.stroke_width(3),
                        )))
                        .map_err(e)?;
                }
                // The label goes on the side of the point away from the band's widest part.
                let dy = if v.mean > 0.55 { 26 } else { -30 };
                chart
                    .draw_series(std::iter::once(
                        EmptyElement::at(at(v.mean))
                            + Circle::new((0, 0), 6, CUSTOMER.filled())
                            + Text::new(
                                format!("{:+.2}", v.mean),
                                (-20, dy),
                                label_font.clone().color(&BLACK),
                            )
                            + Text::new(
                                format!("n={}", s.n),
                                (-20, dy + 16),
                                label_font.clone().color(&MUTED),
                            ),
                    ))
                    .map_err(e)?;
            }
            None => {
                chart
                    .draw_series(std::iter::once(
                        EmptyElement::at(at(0.0))
                            + Text::new(
                                format!("n={} (too few)", s.n),
                                (-44, -22),
                                label_font.clone().color(&MUTED),
                            ),
                    ))
                    .map_err(e)?;
            }
        }
    }

    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK.mix(0.2))
        .label_font((FONT, 14))
        .draw()
        .map_err(e)?;
    Ok(())
}
