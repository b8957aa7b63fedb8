//! What the user says about an export's columns, which always wins over detection: which column
//! plays which role, which columns to leave alone, what coded answers mean (Qualtrics' stage
//! `1..5`) and how to read ambiguous dates. It can be written in the journey file
//! (`[mapping.survey]`, `[mapping.employee]`), in a mapping file (`--mapping`), or given as
//! `--column ROLE=HEADER` flags; later ones override earlier ones field by field.
//! Format in docs/import.md.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::IngestError;
use super::columns::{ColumnMap, RatingColumn};
use super::dates::DateOrder;
use crate::domain::RatingKind;
use crate::domain::text::fold;

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub touchpoint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Long exports (one row per answer): who answered; rows are grouped per respondent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub respondent: Option<String>,
    /// Long exports: which question a row answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The complete list of free-text columns: when given, no other column is taken as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Vec<String>>,
    /// The complete list of rating columns: when given, no other column is taken as a rating.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratings: Option<Vec<RatingDoc>>,
    /// Columns never read as text or rating (a free-text "Other" that holds names, say).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
    /// Day/month order of dates when a column's own values do not decide it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
    /// Rating columns that are rows of a matrix question, and the touchpoint or stage each
    /// rates: `[matrix] "satisf[SQ001]" = "website"`. Each becomes its own observation there.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub matrix: BTreeMap<String, String>,
    /// Coded answers and what they mean, per role: `[values.stage] "1" = "discovery"`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<ValueRole, BTreeMap<String, String>>,
    /// Where the user wrote it (a file, a journey file's table, `--column`), so a message about
    /// a wrong column name says which to fix.
    #[serde(skip)]
    pub origins: Vec<String>,
    /// Where each column name was written, for the same reason: "the mapping (in m.toml)
    /// names column…" must not blame a `--column` flag that named another.
    #[serde(skip)]
    pub named_in: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RatingDoc {
    pub column: String,
    pub kind: Option<RatingKind>,
    /// `[lo, hi]`; the kind's usual scale when left out.
    pub scale: Option<[f64; 2]>,
}

/// The roles whose values a value map may translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueRole {
    Stage,
    Touchpoint,
    Segment,
    Language,
}

/// The mapping sections a journey file may hold.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneyMappings {
    pub survey: Option<Mapping>,
    pub employee: Option<Mapping>,
}

impl Mapping {
    pub fn is_empty(&self) -> bool {
        let plain = Mapping {
            origins: Vec::new(),
            named_in: BTreeMap::new(),
            ..self.clone()
        };
        plain == Mapping::default()
    }

    /// Records where this mapping was written.
    pub fn from_origin(mut self, origin: impl Into<String>) -> Mapping {
        let origin = origin.into();
        self.named_in = self
            .columns_named()
            .into_iter()
            .map(|c| (c.to_owned(), origin.clone()))
            .collect();
        self.origins = vec![origin];
        self
    }

    /// Every column name the mapping mentions.
    fn columns_named(&self) -> Vec<&str> {
        let roles = [
            &self.id,
            &self.date,
            &self.stage,
            &self.touchpoint,
            &self.segment,
            &self.language,
            &self.respondent,
            &self.question,
        ];
        roles
            .into_iter()
            .flatten()
            .map(String::as_str)
            .chain(self.text.iter().flatten().map(String::as_str))
            .chain(self.ratings.iter().flatten().map(|r| r.column.as_str()))
            .chain(self.ignore.iter().map(String::as_str))
            .chain(self.matrix.keys().map(String::as_str))
            .collect()
    }

    /// "the mapping (in mapping.toml)", for a message about `column`: where that name was
    /// written when known, else every place the mapping came from.
    fn named(&self, column: &str) -> String {
        match self.named_in.get(column) {
            Some(origin) => format!("the mapping (in {origin})"),
            None if self.origins.is_empty() => "the mapping".to_owned(),
            None => format!("the mapping (in {})", self.origins.join(", ")),
        }
    }

    /// Reads a mapping file (the same keys as a `[mapping.survey]` table).
    pub fn load(path: &Path) -> Result<Mapping, IngestError> {
        let text = std::fs::read_to_string(path).map_err(|source| IngestError::Io {
            path: path.to_owned(),
            source,
        })?;
        crate::ingest::journey_file::parse_toml::<Mapping>(&text)
            .and_then(|m| m.check().map(|()| m))
            .map(|m| m.from_origin(path.display().to_string()))
            .map_err(|message| IngestError::Journey {
                path: path.to_owned(),
                message,
            })
    }

    /// Parses one `--column ROLE=HEADER` flag. Text columns and ignored columns add up over
    /// several flags; a rating is `rating=HEADER` or `rating=HEADER:KIND` or
    /// `rating=HEADER:KIND:LO-HI`.
    pub fn add_flag(&mut self, flag: &str) -> Result<(), String> {
        let (role, header) = flag
            .split_once('=')
            .map(|(r, h)| (r.trim(), h.trim().to_owned()))
            .filter(|(_, h)| !h.is_empty())
            .ok_or_else(|| format!("--column \"{flag}\": write ROLE=HEADER, e.g. stage=Q2"))?;
        if !self.origins.iter().any(|o| o == "--column") {
            self.origins.push("--column".into());
        }
        let column = header
            .split(':')
            .next()
            .unwrap_or(&header)
            .trim()
            .to_owned();
        self.named_in.insert(column, "--column".into());
        match role {
            "id" => self.id = Some(header),
            "date" => self.date = Some(header),
            "stage" => self.stage = Some(header),
            "touchpoint" => self.touchpoint = Some(header),
            "segment" => self.segment = Some(header),
            "language" => self.language = Some(header),
            "respondent" => self.respondent = Some(header),
            "question" => self.question = Some(header),
            "text" => self.text.get_or_insert_with(Vec::new).push(header),
            "ignore" => self.ignore.push(header),
            "rating" => {
                let rating =
                    parse_rating_flag(&header).map_err(|e| format!("--column \"{flag}\": {e}"))?;
                self.ratings.get_or_insert_with(Vec::new).push(rating);
            }
            other => {
                return Err(format!(
                    "--column \"{flag}\": unknown role \"{other}\"; roles are id, date, stage, touchpoint, segment, language, respondent, question, text, rating, ignore"
                ));
            }
        }
        Ok(())
    }

    /// `self` with every field `over` sets replaced by `over`'s (value maps merge per value).
    pub fn overridden_by(mut self, over: &Mapping) -> Mapping {
        macro_rules! take {
            ($($f:ident),*) => { $( if over.$f.is_some() { self.$f = over.$f.clone(); } )* };
        }
        take!(
            id, date, stage, touchpoint, segment, language, respondent, question, text, ratings,
            date_order
        );
        self.ignore.extend(over.ignore.iter().cloned());
        self.origins.extend(over.origins.iter().cloned());
        self.named_in
            .extend(over.named_in.iter().map(|(k, v)| (k.clone(), v.clone())));
        self.matrix
            .extend(over.matrix.iter().map(|(k, v)| (k.clone(), v.clone())));
        for (role, map) in &over.values {
            self.values
                .entry(*role)
                .or_default()
                .extend(map.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        self
    }

    /// Puts the user's choices into a detected column map. Every header it names must exist
    /// (by column name or, failing that, question text); a name two columns share is refused
    /// rather than guessed.
    pub fn apply(
        &self,
        names: &[String],
        labels: &[String],
        map: &mut ColumnMap,
    ) -> Result<Locks, String> {
        let find = |wanted: &str| find_column(names, labels, wanted, &self.named(wanted));
        let mut locks = Locks::default();
        // Which role the mapping gave each column: a column given two is refused, never
        // silently left with one of them.
        let mut given: Vec<(usize, &'static str)> = Vec::new();
        let mut claim = |i: usize, role: &'static str, map: &mut ColumnMap| {
            if let Some((_, other)) = given.iter().find(|(c, r)| *c == i && *r != role) {
                return Err(format!(
                    "{} gives column \"{}\" two roles, {other} and {role}; a column plays one",
                    self.named(&names[i]),
                    names[i]
                ));
            }
            given.push((i, role));
            map.release(i);
            locks.columns.push(i);
            Ok(())
        };
        let single: [(&Option<String>, &'static str, RoleSlot); 8] = [
            (&self.id, "id", |m| &mut m.id),
            (&self.date, "date", |m| &mut m.date),
            (&self.stage, "stage", |m| &mut m.stage),
            (&self.touchpoint, "touchpoint", |m| &mut m.touchpoint),
            (&self.segment, "segment", |m| &mut m.segment),
            (&self.language, "language", |m| &mut m.language),
            (&self.respondent, "respondent", |m| &mut m.respondent),
            (&self.question, "question", |m| &mut m.question),
        ];
        for (wanted, role, slot) in single {
            if let Some(h) = wanted {
                let i = find(h)?;
                claim(i, role, map)?;
                *slot(map) = Some(i);
            }
        }
        if let Some(text) = &self.text {
            let columns = text
                .iter()
                .map(|h| find(h))
                .collect::<Result<Vec<_>, _>>()?;
            map.text.clear();
            for i in columns {
                claim(i, "text", map)?;
                map.text.push(i);
            }
            map.text.sort_unstable();
            map.text.dedup();
            locks.text = true;
        }
        if let Some(ratings) = &self.ratings {
            let mut columns = Vec::with_capacity(ratings.len());
            for r in ratings {
                let i = find(&r.column)?;
                let kind = r.kind.unwrap_or(RatingKind::Rating);
                let scale = match r.scale {
                    Some([lo, hi]) if lo < hi => [lo, hi],
                    Some([lo, hi]) => {
                        return Err(format!(
                            "rating column \"{}\": scale [{lo}, {hi}] needs its lower end first",
                            r.column
                        ));
                    }
                    None => {
                        let s = kind.default_scale();
                        [s.lo, s.hi]
                    }
                };
                columns.push((i, kind, scale));
            }
            map.ratings.clear();
            for (i, kind, scale) in columns {
                claim(i, "rating", map)?;
                map.ratings.push(RatingColumn {
                    index: i,
                    column: names[i].clone(),
                    kind,
                    scale,
                    rates: None,
                });
            }
            map.ratings.sort_by_key(|r| r.index);
            locks.ratings = true;
        }
        for h in &self.ignore {
            let i = find(h)?;
            claim(i, "ignore", map)?;
        }
        Ok(locks)
    }

    /// Marks the matrix rows the mapping names, once detection has found the rating columns;
    /// a named column that is not a rating is refused (list it under `ratings`).
    pub fn apply_matrix(
        &self,
        names: &[String],
        labels: &[String],
        map: &mut ColumnMap,
    ) -> Result<(), String> {
        for (column, part) in &self.matrix {
            let i = find_column(names, labels, column, &self.named(column))?;
            let rating = map.ratings.iter_mut().find(|r| r.index == i).ok_or_else(|| {
                format!(
                    "{}: [matrix] names column \"{column}\", which is not read as a rating; list it under ratings too",
                    self.named(column)
                )
            })?;
            rating.rates = Some(part.clone());
        }
        Ok(())
    }

    /// Catches a TOML trap: a key written below `[values.stage]` belongs to that table, so
    /// `date_order = "mdy"` there silently becomes a code named "date_order".
    pub fn check(&self) -> Result<(), String> {
        const KEYS: &[&str] = &[
            "id",
            "date",
            "stage",
            "touchpoint",
            "segment",
            "language",
            "respondent",
            "question",
            "text",
            "ratings",
            "ignore",
            "date_order",
            "matrix",
            "values",
        ];
        for (role, codes) in &self.values {
            if let Some(key) = codes.keys().find(|k| KEYS.contains(&k.as_str())) {
                return Err(format!(
                    "[values.{}] has a code named \"{key}\": in TOML every key after a [table] header belongs to that table; move `{key} = …` above the first [table]",
                    serde_json::to_value(role)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default()
                ));
            }
        }
        Ok(())
    }

    /// What a coded answer means, or the answer itself when no value map covers it.
    pub fn translate<'v>(&'v self, role: ValueRole, value: &'v str) -> &'v str {
        self.values
            .get(&role)
            .and_then(|m| {
                m.get(value).or_else(|| {
                    m.iter()
                        .find(|(k, _)| fold(k) == fold(value))
                        .map(|(_, v)| v)
                })
            })
            .map_or(value, String::as_str)
    }
}

/// Where a single-column role lives in a column map.
type RoleSlot = fn(&mut ColumnMap) -> &mut Option<usize>;

/// What detection may no longer change after the user's mapping was applied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Locks {
    /// Columns the mapping assigned or ignored.
    pub columns: Vec<usize>,
    /// The text columns were listed in full.
    pub text: bool,
    /// The rating columns were listed in full.
    pub ratings: bool,
}

fn find_column(
    names: &[String],
    labels: &[String],
    wanted: &str,
    who: &str,
) -> Result<usize, String> {
    let key = fold(wanted.trim());
    for row in [names, labels] {
        let hits: Vec<usize> = row
            .iter()
            .enumerate()
            .filter(|(_, n)| fold(n.trim()) == key)
            .map(|(i, _)| i)
            .collect();
        match hits.as_slice() {
            [i] => return Ok(*i),
            [] => continue,
            many => {
                let at: Vec<String> = many.iter().map(|i| (i + 1).to_string()).collect();
                return Err(format!(
                    "{who} names column \"{wanted}\", but columns {} all have that name; rename them in the export",
                    at.join(", ")
                ));
            }
        }
    }
    let known: Vec<&str> = names.iter().map(String::as_str).take(40).collect();
    Err(format!(
        "{who} names column \"{wanted}\", which the file does not have; its columns are: {}",
        known.join(", ")
    ))
}

fn parse_rating_flag(spec: &str) -> Result<RatingDoc, String> {
    let mut parts = spec.splitn(3, ':');
    let column = parts.next().unwrap_or_default().trim().to_owned();
    let kind = parts
        .next()
        .map(|k| {
            serde_json::from_value::<RatingKind>(serde_json::Value::String(k.trim().to_lowercase()))
                .map_err(|_| {
                    format!("unknown rating kind \"{k}\"; kinds are nps, csat, ces, likert, rating")
                })
        })
        .transpose()?;
    let scale = parts
        .next()
        .map(|s| {
            s.split_once('-')
                .and_then(|(lo, hi)| Some([lo.trim().parse().ok()?, hi.trim().parse().ok()?]))
                .ok_or_else(|| format!("scale \"{s}\": write LO-HI, e.g. 1-5"))
        })
        .transpose()?;
    Ok(RatingDoc {
        column,
        kind,
        scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_mapping_wins_over_detection() {
        let names = strings(&["ResponseId", "Q2", "Q3", "Q4", "Comentarios", "Notas"]);
        let labels = strings(&[
            "Response ID",
            "Etapa del viaje",
            "Satisfacción",
            "Nombre",
            "Comentarios",
            "Notas",
        ]);
        let mut map = ColumnMap::detect(&names, &labels);
        assert_eq!(map.text, vec![4]);
        let mut m = Mapping::default();
        for flag in ["stage=Q2", "rating=Q3:csat:1-5", "text=Notas", "ignore=Q4"] {
            m.add_flag(flag).unwrap_or_else(|e| panic!("{e}"));
        }
        let locks = m
            .apply(&names, &labels, &mut map)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(map.stage, Some(1));
        assert_eq!(map.text, vec![5], "a listed text set is complete");
        assert_eq!(map.ratings[0].kind, RatingKind::Csat);
        assert!(locks.text && locks.ratings && locks.columns.contains(&3));
    }

    #[test]
    fn a_column_found_by_question_text_and_unknown_ones_refused() {
        let names = strings(&["Q1", "Q2"]);
        let labels = strings(&["Etapa", "Comentario"]);
        let mut map = ColumnMap::default();
        let m = Mapping {
            stage: Some("etapa".into()),
            ..Mapping::default()
        };
        assert!(m.apply(&names, &labels, &mut map).is_ok());
        assert_eq!(map.stage, Some(0));
        let bad = Mapping {
            stage: Some("Fase".into()),
            ..Mapping::default()
        };
        let err = bad
            .apply(&names, &labels, &mut map)
            .err()
            .unwrap_or_default();
        assert!(err.contains("\"Fase\"") && err.contains("Q1, Q2"), "{err}");
    }

    #[test]
    fn value_maps_translate_codes_and_leave_the_rest() {
        let m: Mapping =
            toml::from_str("[values.stage]\n\"1\" = \"discovery\"\n\"2\" = \"purchase\"\n")
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(m.translate(ValueRole::Stage, "1"), "discovery");
        assert_eq!(m.translate(ValueRole::Stage, "7"), "7");
        assert_eq!(m.translate(ValueRole::Touchpoint, "1"), "1");
    }

    #[test]
    fn later_mappings_override_earlier_ones() {
        let base = Mapping {
            stage: Some("A".into()),
            text: Some(vec!["T".into()]),
            ..Mapping::default()
        };
        let mut flags = Mapping::default();
        flags.add_flag("stage=B").unwrap_or_else(|e| panic!("{e}"));
        let m = base.overridden_by(&flags);
        assert_eq!(m.stage.as_deref(), Some("B"));
        assert_eq!(m.text, Some(vec!["T".to_owned()]));
        assert!(Mapping::default().add_flag("stages=B").is_err());
        assert!(Mapping::default().add_flag("rating=Q1:mood").is_err());
    }
}
