//! Long exports (one row per answer, as employee-feedback tools and BI flattenings write them)
//! grouped back into one response per respondent and stage: an employee who answered three
//! questions about after-sales support is one voice there, not three. Without this, three
//! people answering twice each would pass an anonymity threshold of five.

use std::collections::{HashMap, HashSet};

use crate::domain::Response;

/// Responses of a long export, merged per (respondent, stage), in first-seen order. Held until
/// the file ends, because one respondent's answers need not be next to each other.
#[derive(Debug, Default)]
pub struct Grouping {
    /// Each response with the physical line of its first row.
    responses: Vec<(Response, u64)>,
    index: HashMap<(String, Option<String>), usize>,
    /// Respondents who already have a response for some stage (looked up, not scanned for:
    /// a long export can hold hundreds of thousands of answers).
    staged: HashSet<String>,
    /// Rows folded into a response started by an earlier row.
    pub merged: u64,
}

impl Grouping {
    /// Adds one answer row's response, given its respondent id.
    pub fn add(&mut self, respondent: &str, answer: Response, line: u64) {
        let slot = (respondent.to_owned(), answer.stage.clone());
        match self.index.get(&slot) {
            Some(&i) => {
                merge(&mut self.responses[i].0, answer);
                self.merged += 1;
            }
            None => {
                let key = match &answer.stage {
                    Some(stage) if self.staged.contains(respondent) => {
                        format!("{respondent}@{stage}")
                    }
                    Some(_) => {
                        self.staged.insert(respondent.to_owned());
                        respondent.to_owned()
                    }
                    None => respondent.to_owned(),
                };
                self.index.insert(slot, self.responses.len());
                self.responses.push((Response { key, ..answer }, line));
            }
        }
    }

    pub fn into_responses(self) -> Vec<(Response, u64)> {
        self.responses
    }
}

/// One respondent's later answer into their response: its ratings join the others, its comment
/// follows theirs, its original row is kept beside theirs.
fn merge(into: &mut Response, answer: Response) {
    into.ratings.extend(answer.ratings);
    match (&mut into.text, answer.text) {
        (Some(t), Some(more)) => {
            t.push('\n');
            t.push_str(&more);
        }
        (t @ None, more) => *t = more,
        (Some(_), None) => {}
    }
    into.touchpoint = into.touchpoint.take().or(answer.touchpoint);
    into.segment = into.segment.take().or(answer.segment);
    into.language = into.language.take().or(answer.language);
    into.recorded_at = into.recorded_at.take().or(answer.recorded_at);
    into.original.append(&answer.original);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::OriginalRow;
    use crate::domain::{Rating, RatingKind, Scale, Source};

    fn answer(stage: &str, score: f64, text: Option<&str>) -> Response {
        let scale = Scale { lo: 0.0, hi: 10.0 };
        Response {
            key: "a".into(),
            source: Source::Employee,
            stage: Some(stage.into()),
            touchpoint: None,
            segment: None,
            language: None,
            recorded_at: None,
            text: text.map(str::to_owned),
            ratings: Rating::new(RatingKind::Rating, score, scale)
                .into_iter()
                .collect(),
            original: OriginalRow::from_values([stage]),
        }
    }

    #[test]
    fn one_response_per_respondent_and_stage() {
        let mut g = Grouping::default();
        g.add("E1", answer("Posventa", 5.0, None), 2);
        g.add("E2", answer("Compra", 9.0, Some("bien")), 3);
        g.add(
            "E1",
            answer("Posventa", 7.0, Some("faltan herramientas")),
            4,
        );
        g.add("E1", answer("Compra", 3.0, None), 5);
        assert_eq!(g.merged, 1);
        let (r, lines): (Vec<_>, Vec<_>) = g.into_responses().into_iter().unzip();
        assert_eq!(lines, [2, 3, 5]);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].key, "E1");
        assert_eq!(r[0].ratings.len(), 2);
        assert_eq!(r[0].text.as_deref(), Some("faltan herramientas"));
        assert_eq!(r[0].original.rows().map(|rows| rows.len()).ok(), Some(2));
        assert_eq!(r[2].key, "E1@Compra");
    }
}
