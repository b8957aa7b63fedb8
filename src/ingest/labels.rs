//! Rating answers written as words: satisfaction and agreement labels in Spanish and English,
//! NPS anchors, and the answers that mean "not applicable" (which are not a low score).

use crate::domain::text::fold;

/// Answers that mean the question did not apply or had no answer: skipped, never scored.
const NOT_APPLICABLE: &[&str] = &[
    "no lo he usado",
    "no lo he utilizado",
    "no aplica",
    "no procede",
    "ns/nc",
    "ns nc",
    "no se",
    "no sabe",
    "n/a",
    "na",
    "not applicable",
    "does not apply",
    "i don't know",
    "don't know",
    "dont know",
    "have not used",
    "haven't used",
    "not used",
    "prefer not to say",
    "prefiero no contestar",
];

pub fn is_not_applicable(value: &str) -> bool {
    NOT_APPLICABLE.contains(&fold(value).as_str())
}

/// Five-point labels, worst first: satisfaction and agreement in both languages.
const FIVE: [&[&str]; 5] = [
    &[
        "muy insatisfecho",
        "muy insatisfecha",
        "very dissatisfied",
        "totalmente en desacuerdo",
        "muy en desacuerdo",
        "strongly disagree",
        "muy malo",
        "very poor",
        "very bad",
        "pesimo",
    ],
    &[
        "insatisfecho",
        "insatisfecha",
        "dissatisfied",
        "en desacuerdo",
        "disagree",
        "malo",
        "poor",
        "bad",
    ],
    &[
        "ni satisfecho ni insatisfecho",
        "neither satisfied nor dissatisfied",
        "ni de acuerdo ni en desacuerdo",
        "neither agree nor disagree",
        "neutral",
        "indiferente",
        "regular",
        "average",
        "fair",
        "normal",
    ],
    &[
        "satisfecho",
        "satisfecha",
        "satisfied",
        "de acuerdo",
        "agree",
        "bueno",
        "good",
    ],
    &[
        "muy satisfecho",
        "muy satisfecha",
        "very satisfied",
        "totalmente de acuerdo",
        "muy de acuerdo",
        "strongly agree",
        "muy bueno",
        "excelente",
        "very good",
        "excellent",
    ],
];

/// Seven-point agreement (CES 2.0) labels, worst first.
const SEVEN: [&[&str]; 7] = [
    &[
        "totalmente en desacuerdo",
        "muy en desacuerdo",
        "strongly disagree",
    ],
    &["en desacuerdo", "disagree"],
    &[
        "algo en desacuerdo",
        "ligeramente en desacuerdo",
        "somewhat disagree",
    ],
    &[
        "ni de acuerdo ni en desacuerdo",
        "neither agree nor disagree",
        "neutral",
        "undecided",
        "indeciso",
    ],
    &[
        "algo de acuerdo",
        "ligeramente de acuerdo",
        "somewhat agree",
    ],
    &["de acuerdo", "agree"],
    &["totalmente de acuerdo", "muy de acuerdo", "strongly agree"],
];

/// The numeric answer a label stands for on a scale of `points` points starting at `lo`, or
/// `None` when the label is not one Curva knows. Numbers inside a label ("9 - Muy probable",
/// "5 estrellas") are read as the number.
pub fn label_value(value: &str, lo: f64, hi: f64) -> Option<f64> {
    let folded = fold(value);
    if let Some(n) = leading_number(&folded) {
        return Some(n);
    }
    match folded.as_str() {
        "extremadamente probable" | "extremely likely" | "muy probable" => return Some(hi),
        "nada probable" | "not at all likely" | "nada probable en absoluto" => return Some(lo),
        _ => {}
    }
    let points = (hi - lo).round() as usize + 1;
    let table: &[&[&str]] = match points {
        5 => &FIVE,
        7 => &SEVEN,
        _ => return None,
    };
    table
        .iter()
        .position(|labels| labels.contains(&folded.as_str()))
        .map(|i| lo + i as f64)
}

/// True when `value` is one of the words of a `points`-point scale (no numbers involved).
pub fn is_scale_label(value: &str, points: usize) -> bool {
    let folded = fold(value);
    match points {
        5 => FIVE.iter().any(|l| l.contains(&folded.as_str())),
        7 => SEVEN.iter().any(|l| l.contains(&folded.as_str())),
        _ => false,
    }
}

/// "9 - Muy probable" -> 9; "4,5" -> 4.5; "5 estrellas" -> 5.
fn leading_number(s: &str) -> Option<f64> {
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(s.len(), |(i, _)| i);
    if end == 0 {
        return None;
    }
    s[..end].replace(',', ".").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_labels_in_both_languages() {
        assert_eq!(label_value("Muy satisfecho", 1.0, 5.0), Some(5.0));
        assert_eq!(label_value("Totalmente en desacuerdo", 1.0, 5.0), Some(1.0));
        assert_eq!(
            label_value("Ni de acuerdo ni en desacuerdo", 1.0, 5.0),
            Some(3.0)
        );
        assert_eq!(label_value("Somewhat agree", 1.0, 7.0), Some(5.0));
        assert_eq!(label_value("Extremely likely", 0.0, 10.0), Some(10.0));
        assert_eq!(label_value("9 - Muy probable", 0.0, 10.0), Some(9.0));
        assert_eq!(label_value("4,5", 1.0, 5.0), Some(4.5));
        assert_eq!(label_value("quizás", 1.0, 5.0), None);
    }

    #[test]
    fn not_applicable_is_not_a_score() {
        assert!(is_not_applicable("No lo he usado"));
        assert!(is_not_applicable("N/A"));
        assert!(!is_not_applicable("Muy malo"));
    }
}
