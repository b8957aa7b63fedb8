//! Which column holds what, detected from header names in English and Spanish (case, accents
//! and punctuation ignored). Ratings are recognised by the kind they name (NPS, CSAT, CES,
//! agreement) and by a scale written into the header (`mood_1_5`, `Satisfacción (1-7)`).

use serde::Serialize;

use super::mapping::Locks;
use crate::domain::text::fold;
use crate::domain::{Journey, RatingKind, Scale};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatingColumn {
    pub index: usize,
    pub column: String,
    pub kind: RatingKind,
    pub scale: [f64; 2],
    /// One row of a matrix question: the touchpoint or stage it rates.
    pub rates: Option<String>,
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
    /// In a long export (one row per answer): who answered, and which question.
    pub respondent: Option<usize>,
    pub question: Option<usize>,
}

/// A column map by header name: what `curva inspect --json` shows and the import log keeps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamedColumns {
    pub id: Option<String>,
    pub date: Option<String>,
    pub stage: Option<String>,
    pub touchpoint: Option<String>,
    pub segment: Option<String>,
    pub language: Option<String>,
    pub text: Vec<String>,
    pub ratings: Vec<NamedRating>,
    /// Long exports only (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respondent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamedRating {
    pub column: String,
    pub kind: RatingKind,
    pub scale: [f64; 2],
    /// For a matrix row: the touchpoint or stage it rates (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rates: Option<String>,
}

impl ColumnMap {
    pub fn named(&self, headers: &[String]) -> NamedColumns {
        let name = |i: Option<usize>| i.and_then(|i| headers.get(i).cloned());
        NamedColumns {
            id: name(self.id),
            date: name(self.date),
            stage: name(self.stage),
            touchpoint: name(self.touchpoint),
            segment: name(self.segment),
            language: name(self.language),
            text: self.text.iter().filter_map(|&i| name(Some(i))).collect(),
            ratings: self
                .ratings
                .iter()
                .map(|r| NamedRating {
                    column: r.column.clone(),
                    kind: r.kind,
                    scale: r.scale,
                    rates: r.rates.clone(),
                })
                .collect(),
            respondent: name(self.respondent),
            question: name(self.question),
        }
    }
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
const RESPONDENT: &[&str] = &[
    "employeeid",
    "employee id",
    "id empleado",
    "codigo empleado",
    "codigo trabajador",
    "id trabajador",
    "trabajador",
    "empleado",
    "worker id",
    "respondent",
    "respondentid",
    "user id",
    "userid",
];
const QUESTION: &[&str] = &[
    "questionid",
    "question id",
    "question",
    "pregunta",
    "id pregunta",
    "item",
];
const LANGUAGE: &[&str] = &[
    "language",
    "idioma",
    "lang",
    "userlanguage",
    "lengua",
    "locale",
];
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
        // A long export names who answered and which question, beside the answer's own id;
        // both or neither, or a wide export's respondent id would be taken for one.
        let respondent = pick(RESPONDENT, &mut taken);
        let question = pick(QUESTION, &mut taken);
        if let (Some(r), Some(q)) = (respondent, question)
            && map.id.is_some()
        {
            map.respondent = Some(r);
            map.question = Some(q);
        } else {
            for i in [respondent, question].into_iter().flatten() {
                taken[i] = false;
            }
        }
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
                    rates: None,
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
    if name.contains("nps group") {
        // Qualtrics' derived promoter/passive/detractor code, not an answer.
        return None;
    }
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

/// Question words that mark a numeric column as a rating ("¿Qué probabilidad hay de que nos
/// recomiendes…?", "¿Cómo valoras…?", "answerScore").
const RATING_WORDS: &[&str] = &[
    "recomend",
    "recommend",
    "probab",
    "likely",
    "satisf",
    "valora",
    "valoras",
    "rate",
    "rating",
    "puntu",
    "score",
    "nota",
    "esfuerzo",
    "effort",
    "easy",
    "facil",
    "acuerdo",
    "agree",
    "enps",
];

impl ColumnMap {
    /// Fills roles the headers did not name, from a sample of the first rows' values: free
    /// text by its length and variety, ratings by their labels or by numbers under a rating
    /// question, and (given the journey) the stage and touchpoint columns by their values.
    pub fn refine(
        &mut self,
        names: &[String],
        labels: &[String],
        sample: &[Vec<String>],
        journey: Option<&Journey>,
        locks: &Locks,
    ) {
        let mut taken: Vec<bool> = (0..names.len())
            .map(|i| self.role_of(i) || locks.columns.contains(&i))
            .collect();
        let column = |i: usize| -> Vec<&str> {
            sample
                .iter()
                .filter_map(|r| r.get(i).map(String::as_str))
                .filter(|v| !v.trim().is_empty())
                .collect()
        };
        if let Some(j) = journey {
            if self.stage.is_none() {
                let found = (0..names.len()).filter(|&i| !taken[i]).find(|&i| {
                    let values = column(i);
                    !values.is_empty()
                        && values.iter().filter(|v| j.match_stage(v).is_some()).count() * 10
                            >= values.len() * 6
                });
                if let Some(i) = found {
                    self.stage = Some(i);
                    taken[i] = true;
                }
            }
            if self.touchpoint.is_none() {
                let any_touchpoint =
                    |v: &str| (0..j.stages.len()).any(|s| j.match_touchpoint(s, v).is_some());
                let found = (0..names.len()).filter(|&i| !taken[i]).find(|&i| {
                    let values = column(i);
                    !values.is_empty()
                        && values.iter().filter(|v| any_touchpoint(v)).count() * 10
                            >= values.len() * 6
                });
                if let Some(i) = found {
                    self.touchpoint = Some(i);
                    taken[i] = true;
                }
            }
        }
        for i in 0..names.len() {
            if taken[i] || is_metadata(&normalise(&names[i])) {
                continue;
            }
            let values = column(i);
            if values.len() < 2 {
                continue;
            }
            let question = format!(
                "{} {}",
                normalise(&names[i]),
                normalise(labels.get(i).unwrap_or(&names[i]))
            );
            let rating = rating_from_values(&question, &values).filter(|_| !locks.ratings);
            if let Some((kind, scale)) = rating {
                self.ratings.push(RatingColumn {
                    index: i,
                    column: names[i].clone(),
                    kind,
                    scale: [scale.lo, scale.hi],
                    rates: None,
                });
                taken[i] = true;
            } else if !locks.text && looks_like_free_text(&values) {
                self.text.push(i);
                taken[i] = true;
            }
        }
        self.ratings.sort_by_key(|r| r.index);
        self.text.sort_unstable();
        if let Some(j) = journey {
            self.find_matrices(labels, j);
        }
    }

    /// Rating columns that are rows of one matrix question ("How satisfied were you with… -
    /// App", "… - Delivery"): the part after the last " - " of each question names what it
    /// rates. A group of two or more where most parts name a touchpoint or stage of the journey
    /// becomes one observation per part; parts that name nothing stay visible as unassigned.
    fn find_matrices(&mut self, labels: &[String], journey: &Journey) {
        let split = |i: usize| -> Option<(String, String)> {
            let label = labels.get(i)?;
            let (question, part) = label.rsplit_once(" - ")?;
            let part = part.trim();
            (!part.is_empty() && !question.trim().is_empty())
                .then(|| (fold(question.trim()), part.to_owned()))
        };
        let known = |part: &str| {
            journey.match_stage(part).is_some()
                || (0..journey.stages.len()).any(|s| journey.match_touchpoint(s, part).is_some())
        };
        let parts: Vec<Option<(String, String)>> =
            self.ratings.iter().map(|r| split(r.index)).collect();
        for (k, p) in parts.iter().enumerate() {
            let Some((question, _)) = p else { continue };
            let group: Vec<usize> = (0..parts.len())
                .filter(|&m| parts[m].as_ref().is_some_and(|(q, _)| q == question))
                .collect();
            let named = group
                .iter()
                .filter(|&&m| parts[m].as_ref().is_some_and(|(_, part)| known(part)))
                .count();
            if group.len() >= 2 && named * 2 > group.len() {
                self.ratings[k].rates = p.as_ref().map(|(_, part)| part.clone());
            }
        }
    }

    /// Takes column `i` out of whatever role detection gave it (the user mapped it elsewhere).
    pub fn release(&mut self, i: usize) {
        for slot in [
            &mut self.id,
            &mut self.date,
            &mut self.stage,
            &mut self.touchpoint,
            &mut self.segment,
            &mut self.language,
            &mut self.respondent,
            &mut self.question,
        ] {
            if *slot == Some(i) {
                *slot = None;
            }
        }
        self.text.retain(|&t| t != i);
        self.ratings.retain(|r| r.index != i);
    }

    pub fn role_of(&self, i: usize) -> bool {
        [
            self.id,
            self.date,
            self.stage,
            self.touchpoint,
            self.segment,
            self.language,
            self.respondent,
            self.question,
        ]
        .contains(&Some(i))
            || self.text.contains(&i)
            || self.ratings.iter().any(|r| r.index == i)
    }
}

/// Columns that identify the respondent: their values are withheld from the stored row unless
/// the user keeps personal data (`--keep-pii`).
pub fn is_personal(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "email",
        "e mail",
        "correo",
        "name",
        "nombre",
        "first name",
        "last name",
        "apellido",
        "apellidos",
        "ip address",
        "ipaddress",
        "ip",
        "latitude",
        "longitude",
        "phone",
        "telefono",
        "movil",
        "mobile",
        "dni",
        "nif",
        "address",
        "direccion",
    ];
    let n = normalise(name);
    // "RecipientEmail", "Location Latitude", "Nombre completo", "Correo electrónico".
    WORDS
        .iter()
        .any(|w| n == *w || n.starts_with(&format!("{w} ")) || n.ends_with(&format!(" {w}")))
        && n.split(' ').count() <= 3
}

/// Columns survey tools add about the respondent or the collection, never answers.
fn is_metadata(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "email",
        "e mail",
        "correo",
        "name",
        "nombre",
        "first name",
        "last name",
        "ip address",
        "ipaddress",
        "status",
        "progress",
        "duration",
        "finished",
        "latitude",
        "longitude",
        "collector id",
        "network id",
        "response type",
        "tags",
        "seed",
        "lastpage",
        "last page",
        "startlanguage",
        "token",
        "quiz feedback",
        "total points",
        "nps group",
    ];
    WORDS.iter().any(|w| {
        name == *w || name.ends_with(&format!(" {w}")) || name.starts_with(&format!("{w} "))
    }) || name.contains("nps group")
        || name.starts_with("recipient")
        || name.starts_with("location")
}

/// Comments: mostly several words, varied, and not numbers or dates.
fn looks_like_free_text(values: &[&str]) -> bool {
    // Multi-select answers ("Precio;Envío gratis;Variedad") are lists, not comments.
    let lists = values.iter().filter(|v| v.contains(';')).count();
    // Dates and times ("03/15/2026 10:21:33 AM") have words too, but mostly digits.
    let numeric = values
        .iter()
        .filter(|v| v.chars().filter(char::is_ascii_digit).count() * 5 >= v.chars().count() * 2)
        .count();
    if lists * 2 >= values.len() || numeric * 2 >= values.len() {
        return false;
    }
    let wordy = values
        .iter()
        .filter(|v| v.split_whitespace().count() >= 3)
        .count();
    let distinct: std::collections::HashSet<&str> = values.iter().copied().collect();
    let mean_len = values.iter().map(|v| v.chars().count()).sum::<usize>() / values.len();
    wordy * 2 >= values.len() && distinct.len() * 2 >= values.len() && mean_len >= 15
}

/// A rating scale read from values: labels of a known scale, or whole numbers under a rating
/// question. A recoded NPS (1-11, as hand-built Qualtrics questions give) is kept on its own
/// scale, which maps onto valence exactly as 0-10 would.
fn rating_from_values(question: &str, values: &[&str]) -> Option<(RatingKind, Scale)> {
    use super::labels::{is_not_applicable, is_scale_label};
    let answers: Vec<&str> = values
        .iter()
        .copied()
        .filter(|v| !is_not_applicable(v))
        .collect();
    if answers.is_empty() {
        return None;
    }
    let words: Vec<&str> = question.split(' ').collect();
    let asks = |p: &str| words.iter().any(|w| w.starts_with(p));
    let numbers: Vec<f64> = answers
        .iter()
        .filter_map(|v| v.replace(',', ".").parse::<f64>().ok())
        .collect();
    if numbers.len() == answers.len() {
        if !RATING_WORDS.iter().any(|w| asks(w))
            || numbers.iter().any(|n| n.fract() != 0.0 || *n < 0.0)
        {
            return None;
        }
        let (lo, hi) = numbers
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), &n| (a.min(n), b.max(n)));
        let recommend = asks("recomend")
            || asks("recommend")
            || asks("enps")
            || asks("probab")
            || asks("likely");
        let (kind, scale) = match hi {
            h if recommend && h <= 10.0 => (RatingKind::Nps, Scale { lo: 0.0, hi: 10.0 }),
            h if recommend && h <= 11.0 && lo >= 1.0 => {
                (RatingKind::Nps, Scale { lo: 1.0, hi: 11.0 })
            }
            h if h <= 5.0 && lo >= 1.0 => (kind_of(&asks), Scale { lo: 1.0, hi: 5.0 }),
            h if h <= 7.0 && lo >= 1.0 => (kind_of(&asks), Scale { lo: 1.0, hi: 7.0 }),
            h if h <= 10.0 => (RatingKind::Rating, Scale { lo: 0.0, hi: 10.0 }),
            _ => return None,
        };
        return Some((kind, scale));
    }
    // Labels: all answers must be words of one known scale.
    for (points, kind) in [(5, None), (7, Some(RatingKind::Ces))] {
        if answers.iter().all(|v| is_scale_label(v, points)) {
            let agreement = answers
                .iter()
                .any(|v| fold(v).contains("acuerdo") || v.to_lowercase().contains("agree"));
            let kind = kind.unwrap_or(if agreement {
                RatingKind::Likert
            } else {
                RatingKind::Csat
            });
            return Some((
                kind,
                Scale {
                    lo: 1.0,
                    hi: points as f64,
                },
            ));
        }
    }
    None
}

fn kind_of(asks: &dyn Fn(&str) -> bool) -> RatingKind {
    if asks("satisf") {
        RatingKind::Csat
    } else if asks("esfuerzo") || asks("effort") || asks("facil") || asks("easy") {
        RatingKind::Ces
    } else if asks("acuerdo") || asks("agree") {
        RatingKind::Likert
    } else {
        RatingKind::Rating
    }
}

#[cfg(test)]
mod refine_tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_text_and_ratings_from_values() {
        let names = strings(&["ResponseId", "Q2", "Q6_1", "Q7", "Q9"]);
        let labels = strings(&[
            "Response ID",
            "¿Qué probabilidad hay de que nos recomiendes?",
            "¿Cómo de satisfecho estás con…? - Web",
            "¿Qué podríamos mejorar?",
            "Me siento valorado en mi equipo",
        ]);
        let rows = [
            [
                "R1",
                "9",
                "4",
                "La entrega llegó tarde y nadie avisó",
                "Totalmente de acuerdo",
            ],
            [
                "R2",
                "3",
                "2",
                "Muy contenta con la atención del chat",
                "En desacuerdo",
            ],
            ["R3", "10", "5", "", "No lo he usado"],
        ];
        let sample: Vec<Vec<String>> = rows.iter().map(|r| strings(r)).collect();
        let mut map = ColumnMap::detect(&names, &labels);
        map.refine(&names, &labels, &sample, None, &Locks::default());
        let kinds: Vec<_> = map
            .ratings
            .iter()
            .map(|r| (r.column.as_str(), r.kind, r.scale))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("Q2", RatingKind::Nps, [0.0, 10.0]),
                ("Q6_1", RatingKind::Csat, [1.0, 5.0]),
                ("Q9", RatingKind::Likert, [1.0, 5.0]),
            ]
        );
        assert_eq!(map.text, vec![3]);
    }

    #[test]
    fn numbers_without_a_rating_question_are_not_ratings() {
        let names = strings(&["id", "Edad", "Comentario"]);
        let sample: Vec<Vec<String>> = [["1", "34", "bien"], ["2", "51", "mal"]]
            .iter()
            .map(|r| strings(r))
            .collect();
        let mut map = ColumnMap::detect(&names, &names);
        map.refine(&names, &names, &sample, None, &Locks::default());
        assert!(map.ratings.is_empty());
    }
}
