//! The labelled or scored file `curva score` and `curva eval` read: a CSV export in any encoding
//! and delimiter the importer understands, or a workbook's first sheet. One reader, so a file
//! that one command takes the other takes too.

use std::path::Path;

use super::UsageError;
use crate::ingest::IngestError;
use crate::ingest::sheet::read_first_sheet;
use crate::ingest::sniff::{Encoding, detect_delimiter, is_workbook, sniff};

/// The header and every row of a file.
pub struct Table {
    pub headers: csv::StringRecord,
    pub records: Vec<csv::StringRecord>,
}

impl Table {
    pub fn read(path: &Path) -> Result<Table, IngestError> {
        let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
            path: path.to_owned(),
            source,
        })?;
        if is_workbook(&bytes, path) {
            let sheet = read_first_sheet(bytes, path)?;
            let mut rows = sheet
                .rows
                .into_iter()
                .map(|(r, _)| csv::StringRecord::from_byte_record_lossy(r));
            let headers = rows.next().unwrap_or_default();
            return Ok(Table {
                headers,
                records: rows.collect(),
            });
        }
        let encoding = sniff(&bytes).map_err(|message| IngestError::NotASurvey {
            path: path.to_owned(),
            message,
        })?;
        let text = match encoding {
            Encoding::Utf8 { .. } => String::from_utf8_lossy(&bytes).into_owned(),
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned(),
            Encoding::Utf16Le => encoding_rs::UTF_16LE.decode(&bytes).0.into_owned(),
            Encoding::Utf16Be => encoding_rs::UTF_16BE.decode(&bytes).0.into_owned(),
        };
        let text = text.trim_start_matches('\u{feff}');
        let mut csv = csv::ReaderBuilder::new()
            .delimiter(detect_delimiter(text.as_bytes()))
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = csv
            .headers()
            .map_err(|e| IngestError::Malformed {
                path: path.to_owned(),
                line: 1,
                message: e.to_string(),
            })?
            .clone();
        let mut records = Vec::new();
        for (i, record) in csv.records().enumerate() {
            let record = record.map_err(|e| IngestError::Malformed {
                path: path.to_owned(),
                line: e.position().map_or(i as u64 + 2, |p| p.line()),
                message: e.to_string(),
            })?;
            // Values past the header's last column mean a field was split, most often a
            // comment with the delimiter in it and no quotes: its end would be lost. (Empty
            // trailing cells, which spreadsheets add, are harmless; a short row's missing cells
            // read as empty.)
            if record
                .iter()
                .skip(headers.len())
                .any(|f| !f.trim().is_empty())
            {
                return Err(IngestError::Malformed {
                    path: path.to_owned(),
                    line: line_of(&record, i),
                    message: format!(
                        "the row has {} fields but the header has {}: a value with the \
                         delimiter in it must be in double quotes",
                        record.len(),
                        headers.len()
                    ),
                });
            }
            records.push(record);
        }
        Ok(Table { headers, records })
    }
}

/// The line a record was read from: its position in a CSV file, or the header plus its index
/// in a sheet (whose rows are one line each).
pub fn line_of(record: &csv::StringRecord, index: usize) -> u64 {
    record.position().map_or(index as u64 + 2, |p| p.line())
}

/// Where the column `name` is, or a message that names the file and lists its columns.
pub fn column(headers: &csv::StringRecord, name: &str, path: &Path) -> Result<usize, UsageError> {
    headers
        .iter()
        .position(|h| h.trim() == name)
        .ok_or_else(|| {
            let known: Vec<&str> = headers.iter().take(40).collect();
            UsageError(format!(
                "{}: no column named \"{name}\"; its columns are: {}",
                path.display(),
                known.join(", ")
            ))
        })
}
