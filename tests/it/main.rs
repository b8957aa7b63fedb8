//! Integration tests: the real binary and library on the bundled demo data and on small
//! realistic exports written by the fixture builders in `fixtures.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod cli_errors;
mod demo;
mod exports;
mod fixtures;
mod mapping;
mod properties;
mod robustness;
mod sentiment_eval;
mod store;
mod web;
