//! The survey reader: one CSV export in, validated responses and a list of problems out. Every
//! row is either turned into a response or reported by physical line with the reason; a value
//! is never moved to another column to make a row fit.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::IngestError;
use super::columns::ColumnMap;
use super::lines::LineTracking;
use super::redact::redact;
use super::sniff::{Encoding, detect_delimiter, sniff};
use crate::domain::{Rating, Response, Segment, Source};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The row was not imported.
    Skipped,
    /// The row was imported, but part of it was not understood.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub line: u64,
    pub kind: &'static str,
    pub severity: Severity,
    pub message: String,
}

/// What one export held, as understood.
#[derive(Debug, Clone)]
pub struct SurveyFile {
    pub path: PathBuf,
    source: Source,
    pub sha256: String,
    pub encoding: Encoding,
    pub delimiter: u8,
    pub headers: Vec<String>,
    pub columns: ColumnMap,
    pub responses: Vec<Response>,
    pub problems: Vec<Problem>,
    /// Data rows read, whether imported or not (blank lines excluded).
    pub rows_read: u64,
    pub redactions: usize,
}

impl SurveyFile {
    /// Whose voice the file carries; every response of a file has the same source.
    pub fn source(&self) -> Source {
        self.source
    }

    /// A short description of what was detected, for the import log.
    pub fn format_name(&self) -> String {
        let delimiter = match self.delimiter {
            b'\t' => "tab".to_owned(),
            d => (d as char).to_string(),
        };
        let bom = if matches!(self.encoding, Encoding::Utf8 { bom: true }) {
            "+bom"
        } else {
            ""
        };
        format!("csv ({}{bom}, delimiter {delimiter})", self.encoding.name())
    }
}

/// Values survey tools write for "no answer".
const NO_ANSWER: &[&str] = &[
    "", "-", ".", "n/a", "na", "null", "none", "ninguno", "ns/nc",
];

pub fn read_survey_file(path: &Path, source: Source) -> Result<SurveyFile, IngestError> {
    let file = File::open(path).map_err(|e| IngestError::Io {
        path: path.to_owned(),
        source: e,
    })?;
    read_survey(file, path, source)
}

/// Reads an export from any byte source; `path` only names it in messages.
pub fn read_survey<R: Read>(
    reader: R,
    path: &Path,
    source: Source,
) -> Result<SurveyFile, IngestError> {
    let io_err = |e| IngestError::Io {
        path: path.to_owned(),
        source: e,
    };
    let mut hashing = HashingReader {
        inner: reader,
        hasher: Sha256::new(),
    };
    let mut buffered = BufReader::with_capacity(1 << 16, &mut hashing);
    let head = buffered.fill_buf().map_err(io_err)?.to_vec();
    let encoding = sniff(&head).map_err(|message| IngestError::NotASurvey {
        path: path.to_owned(),
        message,
    })?;
    let mut out = match encoding {
        Encoding::Utf8 { .. } => {
            let delimiter = detect_delimiter(&head);
            parse(buffered, path, source, delimiter)?
        }
        Encoding::Utf16Le | Encoding::Utf16Be => {
            // Excel's "Unicode Text": small enough in practice to transcode in memory.
            let mut bytes = Vec::new();
            buffered.read_to_end(&mut bytes).map_err(io_err)?;
            let text = decode_utf16(&bytes[2..], encoding == Encoding::Utf16Le);
            let delimiter = detect_delimiter(text.as_bytes());
            parse(Cursor::new(text.into_bytes()), path, source, delimiter)?
        }
    };
    // Hash the whole file, including whatever the parser did not need to read.
    std::io::copy(&mut hashing, &mut std::io::sink()).map_err(io_err)?;
    out.encoding = encoding;
    out.sha256 = format!("{:x}", hashing.hasher.finalize());
    Ok(out)
}

fn parse<R: Read>(
    reader: R,
    path: &Path,
    source: Source,
    delimiter: u8,
) -> Result<SurveyFile, IngestError> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(LineTracking::new(reader));
    let mut record = csv::ByteRecord::new();
    let malformed = |line, e: csv::Error| IngestError::Malformed {
        path: path.to_owned(),
        line,
        message: e.to_string(),
    };
    if !csv
        .read_byte_record(&mut record)
        .map_err(|e| malformed(1, e))?
    {
        return Err(IngestError::NotASurvey {
            path: path.to_owned(),
            message: "the file holds no header row".into(),
        });
    }
    let headers: Vec<String> = record
        .iter()
        .map(|f| String::from_utf8_lossy(f).trim().to_owned())
        .collect();
    let columns = ColumnMap::detect(&headers);
    let mut file = SurveyFile {
        path: path.to_owned(),
        source,
        sha256: String::new(),
        encoding: Encoding::Utf8 { bom: false },
        delimiter,
        headers,
        columns,
        responses: Vec::new(),
        problems: Vec::new(),
        rows_read: 0,
        redactions: 0,
    };
    let mut seen_keys = HashSet::new();
    loop {
        let start = csv.position().byte();
        let more = match csv.read_byte_record(&mut record) {
            Ok(more) => more,
            Err(e) => return Err(malformed(csv.get_ref().line_of(start), e)),
        };
        if !more {
            break;
        }
        let line = csv
            .get_ref()
            .line_of(record.position().map_or(start, |p| p.byte()));
        csv.get_mut().forget_before(start);
        file.rows_read += 1;
        if let Some(response) = read_row(&record, line, source, &mut file) {
            if seen_keys.insert(response.key.clone()) {
                file.responses.push(response);
            } else {
                file.problems.push(Problem {
                    line,
                    kind: "duplicate_id",
                    severity: Severity::Skipped,
                    message: format!(
                        "response id \"{}\" appears earlier in the file; row skipped",
                        response.key
                    ),
                });
            }
        }
    }
    if file.rows_read == 0 {
        return Err(IngestError::NoResponses {
            path: path.to_owned(),
        });
    }
    Ok(file)
}

/// Turns one record into a response, or notes why it cannot be one.
fn read_row(
    record: &csv::ByteRecord,
    line: u64,
    source: Source,
    file: &mut SurveyFile,
) -> Option<Response> {
    let width = file.headers.len();
    let fields: Vec<&[u8]> = record.iter().collect();
    if fields.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
        file.problems.push(Problem {
            line,
            kind: "empty_row",
            severity: Severity::Skipped,
            message: "the row has no values".into(),
        });
        return None;
    }
    let extra_are_empty = fields.iter().skip(width).all(|f| f.is_empty());
    if fields.len() < width || !extra_are_empty {
        file.problems.push(Problem {
            line,
            kind: "ragged_row",
            severity: Severity::Skipped,
            message: format!(
                "the row has {} fields but the header has {width}; skipped so that no value lands in the wrong column",
                fields.len()
            ),
        });
        return None;
    }
    let mut values = Vec::with_capacity(width);
    for (i, raw) in fields.iter().take(width).enumerate() {
        match std::str::from_utf8(raw) {
            Ok(s) => values.push(s.trim().to_owned()),
            Err(_) => {
                file.problems.push(Problem {
                    line,
                    kind: "invalid_utf8",
                    severity: Severity::Warning,
                    message: format!(
                        "column \"{}\" is not valid UTF-8; imported with replacement characters (save the export as \"CSV UTF-8\")",
                        file.headers[i]
                    ),
                });
                values.push(String::from_utf8_lossy(raw).trim().to_owned());
            }
        }
    }
    let columns = &file.columns;
    let get = |col: Option<usize>| {
        col.map(|i| values[i].as_str())
            .filter(|v| !NO_ANSWER.contains(&v.to_lowercase().as_str()))
            .map(str::to_owned)
    };
    let key = match get(columns.id) {
        Some(id) => id,
        None => {
            if columns.id.is_some() {
                file.problems.push(Problem {
                    line,
                    kind: "missing_id",
                    severity: Severity::Warning,
                    message: "the response id is empty; a content hash identifies the row instead"
                        .into(),
                });
            }
            content_key(&values)
        }
    };
    let mut ratings = Vec::new();
    for rc in &columns.ratings {
        let raw = values[rc.index].as_str();
        if NO_ANSWER.contains(&raw.to_lowercase().as_str()) {
            continue;
        }
        let parsed = raw.replace(',', ".").parse::<f64>().ok();
        match parsed.map(|v| Rating::new(rc.kind, v, rc.scale())) {
            Some(Ok(r)) => ratings.push(r),
            Some(Err(e)) => file.problems.push(Problem {
                line,
                kind: "rating_out_of_scale",
                severity: Severity::Warning,
                message: format!("column \"{}\": {e}; the rating is ignored", rc.column),
            }),
            None => file.problems.push(Problem {
                line,
                kind: "rating_not_a_number",
                severity: Severity::Warning,
                message: format!(
                    "column \"{}\": \"{raw}\" is not a number; the rating is ignored",
                    rc.column
                ),
            }),
        }
    }
    let texts: Vec<&str> = columns
        .text
        .iter()
        .map(|&i| values[i].as_str())
        .filter(|v| !NO_ANSWER.contains(&v.to_lowercase().as_str()))
        .collect();
    let text = if texts.is_empty() {
        None
    } else {
        let (clean, n) = redact(&texts.join("\n"));
        file.redactions += n;
        Some(clean)
    };
    Some(Response {
        key,
        source,
        stage: get(columns.stage),
        touchpoint: get(columns.touchpoint),
        segment: get(columns.segment).as_deref().map(Segment::new),
        language: get(columns.language).map(|l| l.to_lowercase()),
        recorded_at: get(columns.date),
        text,
        ratings,
    })
}

/// A stable id for files without one (Google Forms): the same row always hashes the same.
fn content_key(values: &[String]) -> String {
    let mut h = Sha256::new();
    for v in values {
        h.update(v.as_bytes());
        h.update([0x1f]);
    }
    let digest = format!("{:x}", h.finalize());
    format!("h:{}", &digest[..20])
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|c| {
        if little_endian {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Result<SurveyFile, IngestError> {
        read_survey(input.as_bytes(), Path::new("t.csv"), Source::Customer)
    }

    #[test]
    fn reads_rows_and_reports_bad_ones_by_physical_line() {
        let input = "id;Etapa;CSAT;Comentario\r\n1;Compra;5;\"muy bien,\r\nrápido\"\r\n2;Compra;9;mal\r\n3;Compra\r\n;;;\r\n4;Entrega;2;tarde\r\n";
        let f = read(input).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.delimiter, b';');
        assert_eq!(f.rows_read, 5);
        let keys: Vec<_> = f.responses.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["1", "2", "4"]);
        let lines: Vec<_> = f.problems.iter().map(|p| (p.line, p.kind)).collect();
        assert_eq!(
            lines,
            [
                (4, "rating_out_of_scale"),
                (5, "ragged_row"),
                (6, "empty_row")
            ]
        );
        assert_eq!(f.responses[0].text.as_deref(), Some("muy bien,\r\nrápido"));
    }

    #[test]
    fn synthesises_stable_ids_and_skips_duplicates() {
        let input = "Timestamp,Comment\n2024-01-01,hola\n2024-01-01,hola\n2024-01-02,adios\n";
        let f = read(input).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.responses.len(), 2);
        assert!(f.responses[0].key.starts_with("h:"));
        assert_eq!(f.problems[0].kind, "duplicate_id");
        let again = read(input).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again.responses[1].key, f.responses[1].key);
    }

    #[test]
    fn header_only_is_no_responses() {
        assert!(matches!(
            read("id,Comment\n"),
            Err(IngestError::NoResponses { .. })
        ));
    }

    #[test]
    fn redacts_comments_before_anything_else_sees_them() {
        let f =
            read("id,Comment\n1,escribid a ana@example.com\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.responses[0].text.as_deref(), Some("escribid a [email]"));
        assert_eq!(f.redactions, 1);
    }

    #[test]
    fn reads_utf16_unicode_text() {
        let text = "id\tComentario\r\n1\tgenial\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let f = read_survey(&bytes[..], Path::new("t.txt"), Source::Customer)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.encoding, Encoding::Utf16Le);
        assert_eq!(f.responses[0].text.as_deref(), Some("genial"));
    }
}
