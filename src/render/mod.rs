//! What users see: the emotion-curve chart (SVG and PNG), the HTML report, report.json and the
//! per-response CSV. Every output is drawn from one `Analysis`, so they cannot disagree.

pub mod chart;
pub mod csv_out;
pub mod html;

use std::path::{Path, PathBuf};

use crate::analysis::Analysis;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("cannot write {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot draw the chart: {0}")]
    Chart(String),
    #[error("cannot render the HTML report: {0}")]
    Template(#[from] askama::Error),
    #[error("cannot encode report.json: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot write {path}")]
    Csv {
        path: PathBuf,
        #[source]
        source: csv::Error,
    },
}

impl RenderError {
    /// A folder or file the user named cannot be written: theirs to fix (exit code 2).
    pub fn is_user_error(&self) -> bool {
        matches!(self, RenderError::Io { .. } | RenderError::Csv { .. })
    }
}

/// The files a report run writes, for the CLI to print.
#[derive(Debug, Clone)]
pub struct Outputs {
    pub json: PathBuf,
    pub html: PathBuf,
    pub svg: PathBuf,
    pub png: PathBuf,
    pub csv: PathBuf,
}

/// Writes report.json, report.html, curve.svg, curve.png and responses.csv into `dir`.
pub fn write_all(dir: &Path, analysis: &Analysis) -> Result<Outputs, RenderError> {
    std::fs::create_dir_all(dir).map_err(|source| RenderError::Io {
        path: dir.to_owned(),
        source,
    })?;
    let out = Outputs {
        json: dir.join("report.json"),
        html: dir.join("report.html"),
        svg: dir.join("curve.svg"),
        png: dir.join("curve.png"),
        csv: dir.join("responses.csv"),
    };
    let write = |path: &Path, bytes: &[u8]| {
        std::fs::write(path, bytes).map_err(|source| RenderError::Io {
            path: path.to_owned(),
            source,
        })
    };
    let mut json = serde_json::to_string_pretty(&analysis.report)?;
    json.push('\n');
    write(&out.json, json.as_bytes())?;
    let svg = chart::svg(&analysis.report)?;
    write(&out.svg, svg.as_bytes())?;
    chart::png(&analysis.report, &out.png)?;
    write(
        &out.html,
        html::standalone(&analysis.report, &svg)?.as_bytes(),
    )?;
    csv_out::write(&out.csv, &analysis.rows, &analysis.report)?;
    Ok(out)
}
