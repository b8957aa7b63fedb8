//! A journey inferred from the data when the user brings no journey file: stages in the order
//! they first appear in the stage column, touchpoints in the order they first appear per stage.
//! The CLI warns that this order is a guess.

use crate::domain::text::{fold, slug};
use crate::domain::{Journey, JourneyError, Response, Source, Stage, Touchpoint};

pub fn infer_journey(id: &str, responses: &[Response]) -> Result<Journey, JourneyError> {
    let mut stages: Vec<Stage> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for r in responses.iter().filter(|r| r.source == Source::Customer) {
        let Some(raw) = r.stage.as_deref() else {
            continue;
        };
        let key = fold(raw);
        let index = match keys.iter().position(|k| *k == key) {
            Some(i) => i,
            None => {
                keys.push(key);
                stages.push(Stage {
                    id: unique_slug(raw, stages.iter().map(|s| s.id.as_str())),
                    name: raw.trim().to_owned(),
                    aliases: Vec::new(),
                    target: None,
                    touchpoints: Vec::new(),
                });
                stages.len() - 1
            }
        };
        if let Some(tp) = r.touchpoint.as_deref() {
            let stage = &mut stages[index];
            if !stage.touchpoints.iter().any(|t| fold(&t.name) == fold(tp)) {
                let id = unique_slug(tp, stage.touchpoints.iter().map(|t| t.id.as_str()));
                stage.touchpoints.push(Touchpoint {
                    id,
                    name: tp.trim().to_owned(),
                    channel: None,
                    aliases: Vec::new(),
                });
            }
        }
    }
    Journey::new(id.to_owned(), id.to_owned(), stages)
}

/// A slug not yet used ("compra", then "compra-2"), so that values differing only in
/// punctuation ("Compra" and "Compra!") do not collide.
fn unique_slug<'a>(raw: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let base = match slug(raw) {
        s if s.is_empty() => "unnamed".to_owned(),
        s => s,
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.clone().any(|t| t == candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(stage: &str, tp: &str) -> Response {
        Response {
            key: format!("{stage}{tp}"),
            source: Source::Customer,
            stage: Some(stage.into()),
            touchpoint: Some(tp.into()),
            segment: None,
            language: None,
            recorded_at: None,
            text: None,
            ratings: vec![],
            original: Default::default(),
        }
    }

    #[test]
    fn keeps_first_seen_order_and_merges_spellings() {
        let rs = [
            response("Compra", "Web"),
            response("Entrega", "Mensajero"),
            response("compra ", "App"),
        ];
        let j = infer_journey("j", &rs).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<_> = j.stages.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["compra", "entrega"]);
        assert_eq!(j.stages[0].touchpoints.len(), 2);
    }
}
