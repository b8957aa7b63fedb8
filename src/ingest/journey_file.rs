//! The journey file: a small TOML document a researcher writes once and reuses (format in
//! docs/journey-format.md). Unknown keys are refused so that a typo never silently does nothing.

use std::path::Path;

use serde::Deserialize;

use super::IngestError;
use super::mapping::JourneyMappings;
use crate::domain::{Channel, Journey, Stage, Touchpoint, Valence};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JourneyDoc {
    id: String,
    name: Option<String>,
    stages: Vec<StageDoc>,
    /// How the exports for this journey map onto roles (docs/import.md).
    #[serde(default)]
    mapping: JourneyMappings,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StageDoc {
    id: String,
    name: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    target: Option<f64>,
    #[serde(default)]
    touchpoints: Vec<TouchpointDoc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TouchpointDoc {
    id: String,
    name: Option<String>,
    channel: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

pub fn load_journey(path: &Path) -> Result<Journey, IngestError> {
    load_journey_with_mappings(path).map(|(journey, _)| journey)
}

/// A journey file with the column mappings it declares.
pub fn load_journey_with_mappings(path: &Path) -> Result<(Journey, JourneyMappings), IngestError> {
    let text = std::fs::read_to_string(path).map_err(|source| IngestError::Io {
        path: path.to_owned(),
        source,
    })?;
    let (journey, mut mappings) =
        parse_journey_with_mappings(&text).map_err(|message| IngestError::Journey {
            path: path.to_owned(),
            message,
        })?;
    let shown = path.display();
    mappings.survey = mappings
        .survey
        .map(|m| m.from_origin(format!("{shown} [mapping.survey]")));
    mappings.employee = mappings
        .employee
        .map(|m| m.from_origin(format!("{shown} [mapping.employee]")));
    Ok((journey, mappings))
}

/// Parses a journey document; the error names the line and column where TOML can tell.
pub fn parse_journey(text: &str) -> Result<Journey, String> {
    parse_journey_with_mappings(text).map(|(journey, _)| journey)
}

/// Reads any of our TOML documents, naming the line of the first error.
pub fn parse_toml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| {
        let place = e
            .span()
            .map(|span| {
                let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                format!("line {line}: ")
            })
            .unwrap_or_default();
        format!("{place}{}", e.message())
    })
}

/// The journey and the column mappings its file declares for the survey and employee exports.
pub fn parse_journey_with_mappings(text: &str) -> Result<(Journey, JourneyMappings), String> {
    let doc: JourneyDoc = parse_toml(text)?;
    for mapping in [&doc.mapping.survey, &doc.mapping.employee]
        .into_iter()
        .flatten()
    {
        mapping.check()?;
    }
    let mut stages = Vec::with_capacity(doc.stages.len());
    for s in doc.stages {
        let target = s
            .target
            .map(|t| Valence::new(t).map_err(|e| format!("stage \"{}\": target: {e}", s.id)))
            .transpose()?;
        let touchpoints = s
            .touchpoints
            .into_iter()
            .map(|t| Touchpoint {
                name: t.name.unwrap_or_else(|| t.id.clone()),
                channel: t.channel.as_deref().map(Channel::new),
                id: t.id,
                aliases: t.aliases,
            })
            .collect();
        stages.push(Stage {
            name: s.name.unwrap_or_else(|| s.id.clone()),
            id: s.id,
            aliases: s.aliases,
            target,
            touchpoints,
        });
    }
    let name = doc.name.unwrap_or_else(|| doc.id.clone());
    let journey = Journey::new(doc.id, name, stages).map_err(|e| e.to_string())?;
    Ok((journey, doc.mapping))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_example() {
        let j = parse_journey(
            r#"
id = "online-shop"
name = "Online shop"
[[stages]]
id = "discovery"
name = "Discovery"
aliases = ["Descubrimiento"]
target = 0.5
  [[stages.touchpoints]]
  id = "search"
  channel = "web"
  aliases = ["Google", "Buscador"]
"#,
        );
        let j = j.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(j.stages[0].target.map(Valence::get), Some(0.5));
        assert_eq!(j.match_touchpoint(0, "buscador"), Some(0));
    }

    #[test]
    fn names_the_line_of_a_typo() {
        let err = parse_journey("id = \"x\"\n[[stages]]\nid = \"a\"\nalias = [\"b\"]\n");
        let err = err.err().unwrap_or_default();
        assert!(err.starts_with("line 4:"), "{err}");
        assert!(err.contains("alias"), "{err}");
    }

    #[test]
    fn refuses_a_target_off_the_scale() {
        let err = parse_journey("id = \"x\"\n[[stages]]\nid = \"a\"\ntarget = 3\n");
        assert!(err.is_err_and(|e| e.contains("target")));
    }
}
