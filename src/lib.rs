//! Curva turns survey responses and employee feedback into customer-journey emotion maps.
//!
//! The layers, from the inside out: [`domain`] (pure types and statistics), [`ingest`] (journey
//! files and survey exports in), [`analysis`] (sentiment, themes, the curve), [`render`] (charts,
//! HTML, CSV out), [`store`] (the database), [`web`] (pages and JSON API) and [`cli`].

pub mod analysis;
pub mod app;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod ingest;
pub mod render;
pub mod store;
pub mod web;

/// The version printed in reports and `--version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
