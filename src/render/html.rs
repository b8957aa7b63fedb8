//! The HTML report: one askama template (auto-escaped, checked at compile time) used both for
//! the standalone report.html and the web report page. Numbers are formatted here, in a small
//! view model, so the template only lays them out.

use askama::Template;

use super::RenderError;
use crate::analysis::Report;
use crate::analysis::evidence::Evidence;
use crate::analysis::learn::LearnReport;
use crate::analysis::pain_points::PainPoint;
use crate::analysis::report::StageReport;
use crate::domain::Estimate;

#[derive(Template)]
#[template(path = "report.html")]
pub struct ReportPage<'a> {
    pub title: String,
    pub report: &'a Report,
    /// The chart, as SVG markup made by plotters (which escapes every text it draws).
    pub svg: &'a str,
    pub stages: Vec<StageView>,
    pub pains: Vec<PainView>,
    /// The curve in three or four sentences, for the reader who has one minute.
    pub headline: Vec<String>,
    /// How comments and ratings became valences, and how well the text reading did: what a
    /// researcher is asked first when defending the curve.
    pub method: String,
    /// Link back to the journey list and to the JSON, in the web app only.
    pub web: bool,
}

pub struct StageView {
    pub id: String,
    /// Stages with a pain point start unfolded; the others fold to one line.
    pub open: bool,
    pub name: String,
    pub n: usize,
    pub mean: String,
    pub ci: String,
    pub confidence: String,
    pub tone: &'static str,
    pub target: String,
    pub employee: String,
    pub gap: String,
    pub gap_flag: bool,
    pub labels: String,
    pub touchpoints: Vec<RowView>,
    pub segments: Vec<RowView>,
    pub clusters: Vec<ClusterView>,
}

pub struct PainView {
    pub kind: String,
    pub place: String,
    pub detail: String,
    pub quotes: Vec<QuoteView>,
}

/// A quoted comment and, in small print, why it scored as it did.
pub struct QuoteView {
    pub text: String,
    pub score: String,
    pub tone: &'static str,
    pub why: String,
}

fn quote_views(evidence: &[Evidence]) -> Vec<QuoteView> {
    evidence
        .iter()
        .map(|e| QuoteView {
            text: e.quote.clone(),
            score: e.valence.map(|v| format!("{v:+.2}")).unwrap_or_default(),
            tone: tone(e.valence),
            why: e.explanation.join(" · "),
        })
        .collect()
}

pub struct RowView {
    pub name: String,
    pub detail: String,
    pub n: usize,
    pub mean: String,
    pub ci: String,
    pub tone: &'static str,
}

pub struct ClusterView {
    pub terms: String,
    pub size: usize,
    pub mean: String,
    pub tone: &'static str,
    pub quotes: Vec<QuoteView>,
}

fn tone(mean: Option<f64>) -> &'static str {
    match mean {
        Some(m) if m <= -0.1 => "neg",
        Some(m) if m >= 0.1 => "pos",
        Some(_) => "neu",
        None => "none",
    }
}

fn mean(e: Option<&Estimate>) -> String {
    e.map_or_else(|| "—".into(), |e| format!("{:+.2}", e.mean))
}

fn ci(e: Option<&Estimate>) -> String {
    e.map_or_else(String::new, |e| {
        format!("{:+.2} to {:+.2}", e.ci95[0], e.ci95[1])
    })
}

fn stage_view(s: &StageReport, pains: &[PainPoint]) -> StageView {
    let v = s.valence.as_ref();
    let (employee, gap, gap_flag) = match &s.employee {
        None => ("no feedback".to_owned(), String::new(), false),
        Some(e) if e.valence.is_none() => (
            format!("hidden (n={}, under the anonymity threshold)", e.n),
            String::new(),
            false,
        ),
        Some(e) => (
            format!("{} (n={})", mean(e.valence.as_ref()), e.n),
            e.gap
                .map(|g| format!("{g:+.2}{}", if e.significant { " *" } else { "" }))
                .unwrap_or_default(),
            e.significant,
        ),
    };
    let row = |name: &str, detail: String, n: usize, e: Option<&Estimate>| RowView {
        name: name.to_owned(),
        detail,
        n,
        mean: mean(e),
        ci: ci(e),
        tone: tone(e.map(|e| e.mean)),
    };
    StageView {
        id: s.id.clone(),
        open: pains.iter().any(|p| p.stage == s.id),
        name: s.name.clone(),
        n: s.n,
        mean: mean(v),
        ci: ci(v),
        confidence: v.map_or_else(
            || "too few responses".into(),
            |e| format!("{:?}", e.confidence).to_lowercase(),
        ),
        tone: tone(v.map(|e| e.mean)),
        target: s.target.map(|t| format!("{t:+.2}")).unwrap_or_default(),
        employee,
        gap,
        gap_flag,
        labels: format!(
            "{} pos · {} neu · {} neg · {} mixed",
            s.labels.pos, s.labels.neu, s.labels.neg, s.labels.mixed
        ),
        touchpoints: s
            .touchpoints
            .iter()
            .map(|t| {
                row(
                    &t.name,
                    t.channel.clone().unwrap_or_default(),
                    t.n,
                    t.valence.as_ref(),
                )
            })
            .collect(),
        segments: s
            .segments
            .iter()
            .map(|g| row(&g.id, String::new(), g.n, g.valence.as_ref()))
            .collect(),
        clusters: s
            .clusters
            .iter()
            .map(|c| ClusterView {
                terms: if c.terms.is_empty() {
                    "(no distinctive words)".into()
                } else {
                    c.terms.join(", ")
                },
                size: c.size,
                mean: format!("{:+.2}", c.valence),
                tone: tone(Some(c.valence)),
                quotes: quote_views(&c.evidence),
            })
            .collect(),
    }
}

/// A pain point with stage and touchpoint names instead of ids.
fn pain_view(report: &Report, p: &PainPoint) -> PainView {
    let stage = report.stages.iter().find(|s| s.id == p.stage);
    let stage_name = stage.map_or(p.stage.as_str(), |s| s.name.as_str());
    let place = match &p.touchpoint {
        Some(tp) => {
            let tp_name = stage
                .and_then(|s| s.touchpoints.iter().find(|t| t.id == *tp))
                .map_or(tp.as_str(), |t| t.name.as_str());
            format!("{stage_name} · {tp_name}")
        }
        None => stage_name.to_owned(),
    };
    PainView {
        kind: p.kind.replace('_', " "),
        place,
        detail: p.detail.clone(),
        quotes: quote_views(&p.evidence),
    }
}

/// What a manager repeats in a meeting: where the curve bottoms out and peaks, the sharpest
/// fall, and where staff see it differently, each with its number and sample.
fn headline(report: &Report) -> Vec<String> {
    let scored: Vec<(&StageReport, &Estimate)> = report
        .stages
        .iter()
        .filter_map(|s| Some((s, s.valence.as_ref()?)))
        .collect();
    let mut out = Vec::new();
    let by_mean = |a: &&(&StageReport, &Estimate), b: &&(&StageReport, &Estimate)| {
        a.1.mean.total_cmp(&b.1.mean)
    };
    if let (Some((low, l)), Some((high, h))) =
        (scored.iter().min_by(by_mean), scored.iter().max_by(by_mean))
        && low.id != high.id
    {
        out.push(format!(
            "Lowest point: {} at {:+.2} (n={}, 95% interval {:+.2} to {:+.2}); highest: {} at {:+.2} (n={}).",
            low.name, l.mean, low.n, l.ci95[0], l.ci95[1], high.name, h.mean, high.n
        ));
    }
    let name = |id: &str| {
        report
            .stages
            .iter()
            .find(|s| s.id == id)
            .map_or(id.to_owned(), |s| s.name.clone())
    };
    if let Some(drop) = report
        .pain_points
        .iter()
        .filter(|p| p.kind == "drop")
        .min_by(|a, b| a.delta.unwrap_or(0.0).total_cmp(&b.delta.unwrap_or(0.0)))
    {
        out.push(format!(
            "Sharpest fall: into {} ({:+.2} from the stage before), beyond chance.",
            name(&drop.stage),
            drop.delta.unwrap_or(0.0)
        ));
    }
    if let Some(gap) = report
        .pain_points
        .iter()
        .filter(|p| p.kind == "perception_gap")
        .max_by(|a, b| {
            let size = |p: &PainPoint| p.delta.unwrap_or(0.0).abs();
            size(a).total_cmp(&size(b))
        })
    {
        let d = gap.delta.unwrap_or(0.0);
        out.push(format!(
            "Employees see {} {:.2} {} than customers do.",
            name(&gap.stage),
            d.abs(),
            if d > 0.0 { "rosier" } else { "darker" }
        ));
    }
    if report.pain_points.is_empty() && !scored.is_empty() {
        out.push("No stage is negative and no fall between stages is beyond chance.".into());
    }
    out
}

/// Two scores to two decimals, or to four where two would show them equal.
fn figures(a: f64, b: f64) -> (String, String) {
    let decimals = if format!("{a:.2}") == format!("{b:.2}") {
        4
    } else {
        2
    };
    (format!("{a:.decimals$}"), format!("{b:.decimals$}"))
}

/// The reading behind the valences, in two sentences: the text/rating weights, then whether
/// the comments were scored by a model learned from this survey's own ratings and how it did
/// on ratings it never saw.
fn method(report: &Report) -> String {
    let w = &report.settings.weights;
    let weights = format!(
        "Where a response has both, its valence weighs the comment {:.0}% and the rating {:.0}%.",
        100.0 * w.text / (w.text + w.rating),
        100.0 * w.rating / (w.text + w.rating)
    );
    format!("{weights} {}", reading(report.learning.as_ref()))
}

/// How the comments were read: by the file's own model, or by the built-in reading and why.
fn reading(learning: Option<&LearnReport>) -> String {
    match learning {
        Some(l) if l.used => {
            let (model, lexicon) = figures(l.model_macro_f1, l.lexicon_macro_f1);
            format!(
                "Comments were scored by a model learned from {} clearly rated comments of this \
                 survey: on ratings it had not seen it told positive from negative with \
                 macro-F1 {model} against {lexicon} for Curva's built-in reading, and read {} of \
                 them right that the built-in reading did not, against {}.",
                l.labelled, l.model_only_right, l.lexicon_only_right
            )
        }
        Some(l) => {
            let (model, lexicon) = figures(l.model_macro_f1, l.lexicon_macro_f1);
            // Which of the two conditions it missed, so that a higher figure does not read as
            // a win.
            let why = if l.model_macro_f1 > l.lexicon_macro_f1 {
                format!(
                    ": its macro-F1 was higher, {model} against {lexicon}, but it read no more of \
                     those comments right ({} that only it read right, against {} that only the \
                     built-in reading did)",
                    l.model_only_right, l.lexicon_only_right
                )
            } else {
                format!(" (macro-F1 {model} against {lexicon})")
            };
            format!(
                "Comments were scored by Curva's built-in reading: a model learned from {} \
                 clearly rated comments of this survey did not beat it on ratings it had not \
                 seen{why}.",
                l.labelled
            )
        }
        None => "Comments were scored by Curva's built-in reading: fewer than 50 comments came \
                 with a clear rating (both good and bad) to learn this survey's words from."
            .to_owned(),
    }
}

pub fn page<'a>(report: &'a Report, svg: &'a str, web: bool) -> ReportPage<'a> {
    ReportPage {
        headline: headline(report),
        method: method(report),
        title: format!("{} · emotion curve", report.journey.name),
        report,
        svg,
        stages: report
            .stages
            .iter()
            .map(|s| stage_view(s, &report.pain_points))
            .collect(),
        pains: report
            .pain_points
            .iter()
            .map(|p| pain_view(report, p))
            .collect(),
        web,
    }
}

/// The self-contained report.html: no external files, so it can be mailed or archived.
pub fn standalone(report: &Report, svg: &str) -> Result<String, RenderError> {
    Ok(page(report, svg, false).render()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn learned(model_macro_f1: f64, model_only_right: usize, used: bool) -> LearnReport {
        LearnReport {
            labelled: 400,
            model_macro_f1,
            lexicon_macro_f1: 0.8737,
            model_only_right,
            lexicon_only_right: 20,
            sign_test_p: 0.5,
            used,
        }
    }

    #[test]
    fn the_reading_says_which_model_scored_and_why() {
        let used = reading(Some(&learned(0.91, 31, true)));
        assert!(
            used.contains("scored by a model learned from 400")
                && used.contains("0.91 against 0.87")
                && used.contains("read 31 of them right"),
            "{used}"
        );
        // Equal at two decimals: four, so the reader sees the difference.
        let close = reading(Some(&learned(0.8741, 20, false)));
        assert!(
            close.contains("built-in reading")
                && close.contains("0.8741 against 0.8737")
                && close.contains("but it read no more of those comments right"),
            "{close}"
        );
        let lower = reading(Some(&learned(0.85, 25, false)));
        assert!(
            lower.contains("(macro-F1 0.85 against 0.87)") && !lower.contains("but it read"),
            "{lower}"
        );
        assert!(reading(None).contains("fewer than 50 comments"));
    }
}
