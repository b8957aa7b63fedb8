//! A journey: ordered stages, each with its touchpoints. Survey values are matched to stages and
//! touchpoints by id, name or alias, ignoring case, accents and surrounding whitespace.

use std::collections::HashMap;

use serde::Serialize;

use super::text::fold;
use super::valence::Valence;

/// The medium of a touchpoint (web, app, phone, store, ...). Free text: every business names its
/// channels differently, so Curva keeps the value, folded to lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Channel(String);

impl Channel {
    pub fn new(raw: &str) -> Self {
        Channel(fold(raw))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Touchpoint {
    pub id: String,
    pub name: String,
    pub channel: Option<Channel>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// The future-state (to-be) valence the business aims for at this stage.
    pub target: Option<Valence>,
    pub touchpoints: Vec<Touchpoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Journey {
    pub id: String,
    pub name: String,
    pub stages: Vec<Stage>,
    #[serde(skip)]
    stage_index: HashMap<String, usize>,
    #[serde(skip)]
    touchpoint_index: Vec<HashMap<String, usize>>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum JourneyError {
    #[error("the journey id must not be empty")]
    EmptyId,
    #[error("the journey has no stages")]
    NoStages,
    #[error("stage {0} has an empty id")]
    EmptyStageId(usize),
    #[error("\"{value}\" names both stage \"{first}\" and stage \"{second}\"")]
    AmbiguousStage {
        value: String,
        first: String,
        second: String,
    },
    #[error("in stage \"{stage}\", \"{value}\" names two touchpoints")]
    AmbiguousTouchpoint { stage: String, value: String },
    #[error("in stage \"{stage}\", touchpoint {index} has an empty id")]
    EmptyTouchpointId { stage: String, index: usize },
}

impl Journey {
    /// Builds a journey and its lookup indexes; fails when a value could name two stages (or two
    /// touchpoints of one stage), because a response must never be assigned by chance.
    pub fn new(id: String, name: String, stages: Vec<Stage>) -> Result<Self, JourneyError> {
        if id.trim().is_empty() {
            return Err(JourneyError::EmptyId);
        }
        if stages.is_empty() {
            return Err(JourneyError::NoStages);
        }
        let mut stage_index: HashMap<String, usize> = HashMap::new();
        let mut touchpoint_index = Vec::with_capacity(stages.len());
        for (i, stage) in stages.iter().enumerate() {
            if stage.id.trim().is_empty() {
                return Err(JourneyError::EmptyStageId(i + 1));
            }
            let keys = std::iter::once(&stage.id)
                .chain(std::iter::once(&stage.name))
                .chain(&stage.aliases);
            for key in keys {
                let folded = fold(key);
                if let Some(&other) = stage_index.get(&folded)
                    && other != i
                {
                    return Err(JourneyError::AmbiguousStage {
                        value: key.clone(),
                        first: stages[other].id.clone(),
                        second: stage.id.clone(),
                    });
                }
                stage_index.insert(folded, i);
            }
            let mut tp_index = HashMap::new();
            for (j, tp) in stage.touchpoints.iter().enumerate() {
                if tp.id.trim().is_empty() {
                    return Err(JourneyError::EmptyTouchpointId {
                        stage: stage.id.clone(),
                        index: j + 1,
                    });
                }
                let keys = std::iter::once(&tp.id)
                    .chain(std::iter::once(&tp.name))
                    .chain(&tp.aliases);
                for key in keys {
                    if let Some(&other) = tp_index.get(&fold(key))
                        && other != j
                    {
                        return Err(JourneyError::AmbiguousTouchpoint {
                            stage: stage.id.clone(),
                            value: key.clone(),
                        });
                    }
                    tp_index.insert(fold(key), j);
                }
            }
            touchpoint_index.push(tp_index);
        }
        Ok(Journey {
            id,
            name,
            stages,
            stage_index,
            touchpoint_index,
        })
    }

    /// The index of the stage a survey value names, if any.
    pub fn match_stage(&self, raw: &str) -> Option<usize> {
        self.stage_index.get(&fold(raw)).copied()
    }

    /// The index, within `stage`, of the touchpoint a survey value names, if any.
    pub fn match_touchpoint(&self, stage: usize, raw: &str) -> Option<usize> {
        self.touchpoint_index.get(stage)?.get(&fold(raw)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(id: &str, aliases: &[&str]) -> Stage {
        Stage {
            id: id.into(),
            name: id.to_uppercase(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            target: None,
            touchpoints: vec![Touchpoint {
                id: "web".into(),
                name: "Web".into(),
                channel: Some(Channel::new("Web")),
                aliases: vec!["Página web".into()],
            }],
        }
    }

    #[test]
    fn matches_ignoring_case_accents_and_space() {
        let j = Journey::new(
            "j".into(),
            "J".into(),
            vec![
                stage("discovery", &["Descubrimiento"]),
                stage("purchase", &[]),
            ],
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(j.match_stage("  DESCUBRIMIENTO "), Some(0));
        assert_eq!(j.match_stage("Purchase"), Some(1));
        assert_eq!(j.match_stage("checkout"), None);
        assert_eq!(j.match_touchpoint(1, "pagina WEB"), Some(0));
    }

    #[test]
    fn refuses_a_value_naming_two_stages() {
        let err = Journey::new(
            "j".into(),
            "J".into(),
            vec![stage("a", &["Compra"]), stage("b", &["compra"])],
        );
        assert!(matches!(err, Err(JourneyError::AmbiguousStage { .. })));
    }
}
