//! Which tool made an export and how many header rows it has. Qualtrics writes three (column
//! ids, question text, ImportId JSON), SurveyMonkey two (question, then `Response` /
//! `Open-Ended Response` or the choice), most others one. Columns are keyed by the first row and
//! recognised by either row, so a Qualtrics `Q7` whose question reads "Comentarios" is text.

use serde::Serialize;

use crate::domain::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Qualtrics,
    QualtricsLegacy,
    SurveyMonkey,
    GoogleForms,
    MicrosoftForms,
    Typeform,
    LimeSurvey,
    Csv,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Qualtrics => "qualtrics",
            Format::QualtricsLegacy => "qualtrics-legacy",
            Format::SurveyMonkey => "surveymonkey",
            Format::GoogleForms => "google-forms",
            Format::MicrosoftForms => "microsoft-forms",
            Format::Typeform => "typeform",
            Format::LimeSurvey => "limesurvey",
            Format::Csv => "csv",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub format: Format,
    /// Rows before the first response.
    pub rows: usize,
    /// Column names, from the first row (SurveyMonkey's blanks filled from the left, with the
    /// second-row choice appended).
    pub names: Vec<String>,
    /// The question text of each column where the export has one, else the name.
    pub labels: Vec<String>,
}

/// Decides from the first (up to three) records of a file.
pub fn detect(first: &[Vec<String>]) -> Header {
    let row = |i: usize| first.get(i).map(Vec::as_slice).unwrap_or_default();
    let names: Vec<String> = row(0).to_vec();
    let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
    let has = |h: &str| folded.iter().any(|f| f == h);

    if row(2)
        .iter()
        .any(|c| c.trim_start().starts_with("{\"ImportId\""))
    {
        let labels = fill(row(1), &names);
        return Header {
            format: Format::Qualtrics,
            rows: 3,
            names,
            labels,
        };
    }
    if names.first().is_some_and(|n| n == "V1") && row(1).iter().any(|c| c == "ResponseID") {
        let labels = fill(row(1), &names);
        return Header {
            format: Format::QualtricsLegacy,
            rows: 2,
            names,
            labels,
        };
    }
    let sub = row(1);
    let is_sub = |c: &String| {
        matches!(
            c.as_str(),
            "Response" | "Open-Ended Response" | "Respuesta" | "Respuesta abierta"
        )
    };
    if sub.iter().any(is_sub) && sub.len() == names.len() {
        let mut filled = Vec::with_capacity(names.len());
        let mut last = String::new();
        for (name, choice) in names.iter().zip(sub) {
            if !name.trim().is_empty() {
                last = name.trim().to_owned();
            }
            let key = if choice.trim().is_empty() || is_sub(choice) {
                last.clone()
            } else {
                format!("{last} - {}", choice.trim())
            };
            filled.push(key);
        }
        return Header {
            format: Format::SurveyMonkey,
            rows: 2,
            labels: filled.clone(),
            names: filled,
        };
    }
    let format = if has("respondent id") && has("collector id") {
        Format::SurveyMonkey
    } else if folded
        .first()
        .is_some_and(|f| f == "timestamp" || f == "marca temporal")
    {
        Format::GoogleForms
    } else if folded.first().is_some_and(|f| f == "#") || has("network id") {
        Format::Typeform
    } else if (has("submitdate") && has("lastpage")) || (has("date submitted") && has("last page"))
    {
        Format::LimeSurvey
    } else if has("start time") && has("completion time") {
        Format::MicrosoftForms
    } else {
        Format::Csv
    };
    Header {
        format,
        rows: 1,
        labels: names.clone(),
        names,
    }
}

/// Labels from a question-text row; a blank cell falls back to the column name.
fn fill(labels: &[String], names: &[String]) -> Vec<String> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            labels
                .get(i)
                .filter(|l| !l.trim().is_empty())
                .unwrap_or(n)
                .clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn recognises_qualtrics_three_rows() {
        let h = detect(&rows(&[
            &["ResponseId", "Q7"],
            &["Response ID", "¿Algún comentario?"],
            &[
                "{\"ImportId\":\"_recordId\"}",
                "{\"ImportId\":\"QID7_TEXT\"}",
            ],
        ]));
        assert_eq!((h.format, h.rows), (Format::Qualtrics, 3));
        assert_eq!(h.labels[1], "¿Algún comentario?");
    }

    #[test]
    fn fills_surveymonkey_blanks_from_the_left() {
        let h = detect(&rows(&[
            &[
                "Respondent ID",
                "Collector ID",
                "Which channels?",
                "",
                "Comments",
            ],
            &["", "", "Web", "App", "Open-Ended Response"],
            &["10045001533", "1", "Web", "", "Great"],
        ]));
        assert_eq!((h.format, h.rows), (Format::SurveyMonkey, 2));
        assert_eq!(
            h.names[2..],
            ["Which channels? - Web", "Which channels? - App", "Comments"]
        );
    }

    #[test]
    fn single_row_tools_by_their_columns() {
        assert_eq!(
            detect(&rows(&[&["Timestamp", "Comentarios"]])).format,
            Format::GoogleForms
        );
        assert_eq!(
            detect(&rows(&[&["#", "Q", "Network ID"]])).format,
            Format::Typeform
        );
        assert_eq!(
            detect(&rows(&[&["id", "submitdate", "lastpage"]])).format,
            Format::LimeSurvey
        );
        assert_eq!(detect(&rows(&[&["id", "Comment"]])).format, Format::Csv);
    }
}
