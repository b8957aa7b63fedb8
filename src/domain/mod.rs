//! The pure domain: journeys, stages, touchpoints, responses, valence and the statistics of a
//! curve. Nothing here knows about files, databases or HTTP, so every other layer can rely on
//! these types being valid once they exist (they are built by parsing, never patched later).

pub mod journey;
pub mod response;
pub mod stats;
pub mod text;
pub mod valence;

pub use journey::{Channel, Journey, JourneyError, Stage, Touchpoint};
pub use response::{Rating, RatingKind, Response, Scale, ScaleError, Segment, Source};
pub use stats::Estimate;
pub use valence::{Valence, ValenceError};
