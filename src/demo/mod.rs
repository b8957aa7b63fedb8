//! The bundled demo: an invented bilingual online-shop journey (data/demo/), embedded in the
//! binary so `curva demo` works from any folder.

pub mod generate;
mod phrases;

pub const JOURNEY: &str = include_str!("../../data/demo/journey.toml");
pub const SURVEY: &str = include_str!("../../data/demo/survey.csv");
pub const EMPLOYEE: &str = include_str!("../../data/demo/employee.csv");
