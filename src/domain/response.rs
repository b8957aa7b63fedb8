//! One survey answer or employee remark, as read from a file or the database: raw stage and
//! touchpoint values (matched to the journey later), free text and ratings on their own scales.

use serde::{Deserialize, Serialize};

use super::valence::Valence;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Customer,
    Employee,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Customer => "customer",
            Source::Employee => "employee",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "customer" => Some(Source::Customer),
            "employee" => Some(Source::Employee),
            _ => None,
        }
    }
}

/// What a rating question measures; it decides nothing about the mapping (which is linear on the
/// declared scale) but tells a reader which evidence stands behind a valence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RatingKind {
    Nps,
    Csat,
    Ces,
    Likert,
    Rating,
}

impl RatingKind {
    /// The usual scale when a header names only the kind ("NPS", "CSAT", "CES").
    pub fn default_scale(self) -> Scale {
        match self {
            RatingKind::Nps => Scale { lo: 0.0, hi: 10.0 },
            RatingKind::Csat | RatingKind::Likert | RatingKind::Rating => {
                Scale { lo: 1.0, hi: 5.0 }
            }
            RatingKind::Ces => Scale { lo: 1.0, hi: 7.0 },
        }
    }
}

/// A closed numeric scale; `lo` is the worst answer.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    pub lo: f64,
    pub hi: f64,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ScaleError {
    #[error("a scale needs a lower end below its upper end, got {lo}-{hi}")]
    Inverted { lo: f64, hi: f64 },
    #[error("{value} is outside the scale {lo}-{hi}")]
    OutOfScale { value: f64, lo: f64, hi: f64 },
}

impl Scale {
    pub fn new(lo: f64, hi: f64) -> Result<Self, ScaleError> {
        if lo.is_finite() && hi.is_finite() && lo < hi {
            Ok(Scale { lo, hi })
        } else {
            Err(ScaleError::Inverted { lo, hi })
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    pub kind: RatingKind,
    pub value: f64,
    pub scale: Scale,
    /// For one row of a matrix question ("How satisfied with: web / app / call centre"): the
    /// touchpoint or stage this rating is about, as the survey names it. Such a rating is its
    /// own observation at that touchpoint, not part of the response's overall valence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rates: Option<String>,
}

impl Rating {
    pub fn new(kind: RatingKind, value: f64, scale: Scale) -> Result<Self, ScaleError> {
        if value.is_finite() && value >= scale.lo && value <= scale.hi {
            Ok(Rating {
                kind,
                value,
                scale,
                rates: None,
            })
        } else {
            Err(ScaleError::OutOfScale {
                value,
                lo: scale.lo,
                hi: scale.hi,
            })
        }
    }

    /// Linear map of the scale onto [-1, 1]: the worst answer is -1, the midpoint 0, the best 1.
    /// NPS 0-10 therefore gives 5 -> 0, 9 -> 0.8; CSAT 1-5 gives 3 -> 0, 4 -> 0.5.
    pub fn valence(&self) -> Valence {
        let span = self.scale.hi - self.scale.lo;
        Valence::clamped(2.0 * (self.value - self.scale.lo) / span - 1.0)
    }
}

/// A segment or persona ("Nuevo cliente", "B2B"): a free value from the survey's segment
/// column, kept as written; `key` is what groups "Empresa" with "empresa ".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Segment(String);

impl Segment {
    pub fn new(raw: &str) -> Self {
        Segment(raw.trim().to_owned())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn key(&self) -> String {
        super::text::fold(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// The response id from the file, or a content hash when the file has none.
    pub key: String,
    pub source: Source,
    pub stage: Option<String>,
    pub touchpoint: Option<String>,
    pub segment: Option<Segment>,
    pub language: Option<String>,
    pub recorded_at: Option<String>,
    /// Free text, already redacted of personal data.
    pub text: Option<String>,
    pub ratings: Vec<Rating>,
    /// Every value of the row as read (personal data redacted), in the file's column order, so
    /// a later mapping can be applied without the file. Empty when loaded for analysis.
    #[serde(default, skip_serializing_if = "OriginalRow::is_empty")]
    pub original: OriginalRow,
}

/// A row's values as the JSON array of strings it is stored as: built once while reading (one
/// allocation rather than one per cell, which matters at a million rows), parsed only when
/// someone asks for the values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OriginalRow(String);

impl OriginalRow {
    pub fn from_values<'a>(values: impl IntoIterator<Item = &'a str>) -> Self {
        // One serialisation of the whole row (this runs once per imported row); a list of
        // strings always serialises.
        let values: Vec<&str> = values.into_iter().collect();
        OriginalRow(serde_json::to_string(&values).unwrap_or_default())
    }

    /// The stored JSON text.
    pub fn from_json(json: String) -> Self {
        OriginalRow(json)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The JSON text, `None` when no row was kept.
    pub fn json(&self) -> Option<&str> {
        (!self.0.is_empty()).then_some(self.0.as_str())
    }

    /// The JSON text, moved out, `None` when no row was kept.
    pub fn into_json(self) -> Option<String> {
        (!self.0.is_empty()).then_some(self.0)
    }

    /// The row's values; a response grouped from several rows (a long export, one row per
    /// answer) has them all, in file order.
    pub fn rows(&self) -> Result<Vec<Vec<String>>, serde_json::Error> {
        if self.0.is_empty() {
            return Ok(Vec::new());
        }
        if self.0.starts_with("[[") {
            return serde_json::from_str(&self.0);
        }
        Ok(vec![serde_json::from_str(&self.0)?])
    }

    /// Keeps `other`'s rows after this one's.
    pub fn append(&mut self, other: &OriginalRow) {
        if other.is_empty() {
            return;
        }
        if self.is_empty() {
            self.0 = other.0.clone();
            return;
        }
        let mut rows = self.rows().unwrap_or_default();
        rows.extend(other.rows().unwrap_or_default());
        // Strings always serialise.
        self.0 = serde_json::to_string(&rows).unwrap_or_default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_scales_linearly_onto_valence() {
        let nps = RatingKind::Nps.default_scale();
        let v = |x| Rating::new(RatingKind::Nps, x, nps).map(|r| r.valence().get());
        assert_eq!(v(0.0), Ok(-1.0));
        assert_eq!(v(5.0), Ok(0.0));
        assert_eq!(v(10.0), Ok(1.0));
        let csat = Rating::new(RatingKind::Csat, 4.0, Scale { lo: 1.0, hi: 5.0 });
        assert_eq!(csat.map(|r| r.valence().get()), Ok(0.5));
    }

    #[test]
    fn refuses_values_off_the_scale() {
        let r = Rating::new(RatingKind::Csat, 6.0, RatingKind::Csat.default_scale());
        assert!(matches!(r, Err(ScaleError::OutOfScale { .. })));
        assert!(Scale::new(5.0, 1.0).is_err());
    }
}
