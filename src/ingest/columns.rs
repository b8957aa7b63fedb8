//! Which column holds what, detected from header names in English and Spanish (case, accents
//! and punctuation ignored). Ratings are recognised by the kind they name (NPS, CSAT, CES,
//! agreement) and by a scale written into the header (`mood_1_5`, `Satisfacción (1-7)`).

use serde::Serialize;

use crate::domain::text::fold;
use crate::domain::{RatingKind, Scale};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatingColumn {
    pub index: usize,
    pub column: String,
    pub kind: RatingKind,
    pub scale: [f64; 2],
}

impl RatingColumn {
    pub fn scale(&self) -> Scale {
        Scale {
            lo: self.scale[0],
            hi: self.scale[1],
        }
    }
}

/// Column indexes into a record; `None` where the file has no such column.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ColumnMap {
    pub id: Option<usize>,
    pub date: Option<usize>,
    pub stage: Option<usize>,
    pub touchpoint: Option<usize>,
    pub segment: Option<usize>,
    pub language: Option<usize>,
    pub text: Vec<usize>,
    pub ratings: Vec<RatingColumn>,
}

const ID: &[&str] = &[
    "responseid",
    "response id",
    "respondent id",
    "id",
    "#",
    // In a long employee export (one row per answer) the answer id is the key, not the
    // employee's.
    "answer id",
    "employee id",
    "id respuesta",
    "id de respuesta",
    "nº",
    "n º",
    "numero",
    "num",
    "id cliente",
    "id empleado",
    "id encuestado",
];
const DATE: &[&str] = &[
    "recordeddate",
    "recorded date",
    "timestamp",
    "marca temporal",
    "fecha",
    "date",
    "submitdate",
    "submit date utc",
    "fecha de envio",
    "completion time",
    "end date",
    "enddate",
    "submit date",
    "date submitted",
    "fecha de finalizacion",
];
const DATE_WORDS: &[&str] = &["date", "fecha", "time", "timestamp", "utc", "hora"];
const STAGE: &[&str] = &["stage", "etapa", "fase", "phase", "journey stage"];
const TOUCHPOINT: &[&str] = &[
    "touchpoint",
    "touch point",
    "punto de contacto",
    "canal",
    "channel",
];
const SEGMENT: &[&str] = &[
    "segment",
    "segmento",
    "persona",
    "perfil",
    "buyer persona",
    "department",
    "departamento",
    "area",
    "team",
    "equipo",
    "custom data 1",
];
const LANGUAGE: &[&str] = &["language", "idioma", "lang", "userlanguage", "lengua"];
const TEXT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "comentario",
    "comentarios",
    "observacion",
    "observaciones",
    "observation",
    "observations",
    "feedback",
    "verbatim",
    "opinion",
];

/// A header folded for matching: lower case, no accents, punctuation as single spaces.
/// `#` survives because Typeform names its id column with it.
fn normalise(header: &str) -> String {
    // camelCase names (Peakon's `answerComment`) become words before folding.
    let mut spaced_case = String::with_capacity(header.len() + 4);
    let mut prev_lower = false;
    for c in header.chars() {
        if c.is_uppercase() && prev_lower {
            spaced_case.push(' ');
        }
        prev_lower = c.is_lowercase();
        spaced_case.push(c);
    }
    let folded = fold(&spaced_case);
    let spaced: String = folded
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '#' {
                c
            } else {
                ' '
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl ColumnMap {
    /// Detects roles from the column names and, where an export has one, the question text of
    /// each column (`labels`, same length; pass the names again when there is none).
    pub fn detect(names: &[String], labels: &[String]) -> ColumnMap {
        let keys: Vec<[String; 2]> = names
            .iter()
            .enumerate()
            .map(|(i, n)| [normalise(n), normalise(labels.get(i).unwrap_or(n))])
            .collect();
        let mut map = ColumnMap::default();
        let mut taken = vec![false; keys.len()];
        // An exact name wins; failing that, a name that starts or ends with one of the words
        // ("Fecha de envío", "journeyStage", "Etapa del cliente"), but never a long question.
        let pick = |wanted: &[&str], taken: &mut Vec<bool>| {
            let partial = |n: &String| {
                let words: Vec<&str> = n.split(' ').collect();
                let is_date_role = wanted == DATE;
                // "Stage Date (UTC)" is a date, "Start Date" is not the response's date, and
                // "DistributionChannel" is how Qualtrics sent the survey, not a touchpoint.
                let misleading = if is_date_role {
                    matches!(
                        words.first(),
                        Some(&("start" | "inicio" | "stage" | "startdate"))
                    )
                } else {
                    words.iter().any(|w| DATE_WORDS.contains(w)) || words.contains(&"distribution")
                };
                words.len() <= 4
                    && !misleading
                    && wanted
                        .iter()
                        .any(|w| n.starts_with(&format!("{w} ")) || n.ends_with(&format!(" {w}")))
            };
            // Earlier words in the list win ("RecordedDate" over "EndDate").
            let found = wanted
                .iter()
                .find_map(|w| {
                    keys.iter()
                        .enumerate()
                        .position(|(i, k)| !taken[i] && k.iter().any(|n| n == w))
                })
                .or_else(|| {
                    keys.iter()
                        .enumerate()
                        .position(|(i, k)| !taken[i] && k.iter().any(&partial))
                });
            if let Some(i) = found {
                taken[i] = true;
            }
            found
        };
        map.id = pick(ID, &mut taken);
        map.date = pick(DATE, &mut taken);
        map.stage = pick(STAGE, &mut taken);
        map.touchpoint = pick(TOUCHPOINT, &mut taken);
        map.segment = pick(SEGMENT, &mut taken);
        map.language = pick(LANGUAGE, &mut taken);
        for (i, key) in keys.iter().enumerate() {
            if taken[i] {
                continue;
            }
            if let Some((kind, scale)) = key.iter().find_map(|n| rating_of(n)) {
                map.ratings.push(RatingColumn {
                    index: i,
                    column: names[i].clone(),
                    kind,
                    scale: [scale.lo, scale.hi],
                });
            } else if key
                .iter()
                .any(|n| n.split(' ').any(|w| TEXT_WORDS.contains(&w)))
            {
                map.text.push(i);
            }
        }
        map
    }
}

/// The kind and scale a rating header names, if it names one.
fn rating_of(name: &str) -> Option<(RatingKind, Scale)> {
    let words: Vec<&str> = name.split(' ').collect();
    let has = |w: &str| words.contains(&w);
    let has_prefix = |p: &str| words.iter().any(|w| w.starts_with(p));
    let declared = declared_scale(&words);
    let kind = if has("nps") || has("enps") || has_prefix("recomend") || has_prefix("recommend") {
        RatingKind::Nps
    } else if has("csat") || has_prefix("satisf") {
        RatingKind::Csat
    } else if has("ces") || has_prefix("esfuerzo") || has("effort") {
        RatingKind::Ces
    } else if has("likert") || has("acuerdo") || has("agree") || has("agreement") {
        RatingKind::Likert
    } else if declared.is_some() {
        RatingKind::Rating
    } else {
        return None;
    };
    if declared.is_none() && !(has("nps") || has("enps") || has("csat") || has("ces")) {
        // "¿Recomendaría...?" without a scale is a question text, not a rating column we can
        // read safely; the import issue's value-based detection will take such columns.
        return None;
    }
    Some((kind, declared.unwrap_or_else(|| kind.default_scale())))
}

/// A scale written as two trailing numbers: `mood 1 5`, `satisfaccion 1 7`, `score 0 10`.
fn declared_scale(words: &[&str]) -> Option<Scale> {
    let nums: Vec<f64> = words
        .iter()
        .rev()
        .take(2)
        .map_while(|w| w.parse::<f64>().ok())
        .collect();
    match nums.as_slice() {
        [hi, lo] => Scale::new(*lo, *hi).ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(headers: &[&str]) -> ColumnMap {
        let names: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        ColumnMap::detect(&names, &names)
    }

    #[test]
    fn finds_spanish_columns() {
        let m = detect(&[
            "Marca temporal",
            "ID",
            "Etapa",
            "Punto de contacto",
            "Segmento",
            "Satisfacción (1-7)",
            "Comentarios",
        ]);
        assert_eq!(
            (m.date, m.id, m.stage, m.touchpoint, m.segment),
            (Some(0), Some(1), Some(2), Some(3), Some(4))
        );
        assert_eq!(m.ratings[0].kind, RatingKind::Csat);
        assert_eq!(m.ratings[0].scale, [1.0, 7.0]);
        assert_eq!(m.text, vec![6]);
    }

    #[test]
    fn finds_ratings_by_kind_or_declared_scale() {
        let m = detect(&[
            "ResponseId",
            "NPS",
            "CES",
            "mood_1_5",
            "score 0-10",
            "Feedback",
        ]);
        let kinds: Vec<_> = m.ratings.iter().map(|r| (r.kind, r.scale)).collect();
        assert_eq!(
            kinds,
            vec![
                (RatingKind::Nps, [0.0, 10.0]),
                (RatingKind::Ces, [1.0, 7.0]),
                (RatingKind::Rating, [1.0, 5.0]),
                (RatingKind::Rating, [0.0, 10.0]),
            ]
        );
        assert_eq!(m.text, vec![5]);
    }
}
