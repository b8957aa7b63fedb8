//! responses.csv: one row per response with where it was placed and how it was scored, for
//! researchers who check the work in a spreadsheet. Values that came from respondents are
//! guarded against formula injection, since this file is made to be opened in Excel.
//!
//! Employee remarks keep the report's anonymity promise here too: they carry no employee id
//! and no department, and a stage whose employee group is under the anonymity threshold (or
//! that matched no stage) lists none of its remarks, since a comment can name its author.

use std::path::Path;

use super::RenderError;
use crate::analysis::{Report, ScoredResponse};
use crate::domain::Source;

pub const HEADER: [&str; 12] = [
    "response_id",
    "source",
    "stage",
    "touchpoint",
    "segment",
    "language",
    "valence",
    "text_valence",
    "rating_valence",
    "label",
    "cluster",
    "text",
];

/// Excel holds at most 32,767 characters in a cell and splits longer ones across rows; a
/// longer comment is cut with a note saying how long it is (the full text is in the database
/// and in `curva score`'s output).
pub fn excel_cell(text: &str) -> std::borrow::Cow<'_, str> {
    const LIMIT: usize = 32_000;
    match text.char_indices().nth(LIMIT) {
        None => std::borrow::Cow::Borrowed(text),
        Some((cut, _)) => std::borrow::Cow::Owned(format!(
            "{}… [cut for Excel: {} characters in all]",
            &text[..cut],
            text.chars().count()
        )),
    }
}

/// A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice).
pub fn guard(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    }
}

pub fn write(path: &Path, rows: &[ScoredResponse], report: &Report) -> Result<(), RenderError> {
    let err = |source| RenderError::Csv {
        path: path.to_owned(),
        source,
    };
    let mut w = csv::Writer::from_path(path).map_err(err)?;
    w.write_record(HEADER).map_err(err)?;
    let num = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    for r in rows {
        let stage = r.stage.map(|s| &report.stages[s]);
        let employee = r.response.source == Source::Employee;
        let group_shown = stage
            .and_then(|s| s.employee.as_ref())
            .is_some_and(|e| e.valence.is_some());
        if employee && !group_shown {
            continue;
        }
        let touchpoint = stage
            .zip(r.touchpoint)
            .map(|(s, t)| s.touchpoints[t].id.clone())
            .unwrap_or_default();
        let record = [
            if employee {
                String::new()
            } else {
                guard(&r.response.key)
            },
            r.response.source.as_str().to_owned(),
            stage.map(|s| guard(&s.id)).unwrap_or_default(),
            guard(&touchpoint),
            if employee {
                String::new()
            } else {
                guard(r.response.segment.as_ref().map_or("", |s| s.as_str()))
            },
            guard(&r.language),
            num(r.valence),
            num(r.text_valence),
            num(r.rating_valence),
            r.label.map(|l| l.as_str().to_owned()).unwrap_or_default(),
            guard(r.cluster.as_deref().unwrap_or_default()),
            guard(&excel_cell(r.response.text.as_deref().unwrap_or_default())),
        ];
        w.write_record(&record).map_err(err)?;
    }
    w.flush().map_err(|source| RenderError::Io {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::guard;

    #[test]
    fn cuts_comments_too_long_for_an_excel_cell() {
        let long = "a".repeat(200_000);
        let cell = super::excel_cell(&long);
        assert!(cell.chars().count() < 32_767 && cell.ends_with("200000 characters in all]"));
        assert_eq!(super::excel_cell("corto"), "corto");
    }

    #[test]
    fn guards_formula_starts_only() {
        assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("+34 600"), "'+34 600");
        assert_eq!(guard("muy bien"), "muy bien");
    }
}
