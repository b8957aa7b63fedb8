//! One module per page or endpoint.

pub mod health;
pub mod journeys;
pub mod not_found;
pub mod report;
