//! The survey reader: one export in, validated responses and a list of problems out, streamed
//! so a million-row file needs no more memory than a small one. Every row is either turned into
//! a response or reported by physical line with the reason; a value is never moved to another
//! column to make a row fit.

use std::borrow::Cow;
use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::IngestError;
use super::columns::{ColumnMap, is_personal};
use super::dates::{self, DateDecision, DateOrder};
use super::grouping::Grouping;
use super::header::{self, Format};
use super::labels::{is_not_applicable, label_value};
use super::lines::LineTracking;
use super::mapping::{Locks, Mapping, ValueRole};
use super::redact::redact_cow;
use super::sheet::read_first_sheet;
use super::sniff::{Encoding, detect_delimiter, is_workbook, sniff};
use crate::domain::response::OriginalRow;
use crate::domain::{Journey, Rating, Response, Segment, Source};

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

impl Problem {
    /// A row skipped because its response id came earlier in the same file.
    pub fn repeated_id(line: u64, key: &str) -> Problem {
        Problem {
            line,
            kind: "duplicate_id",
            severity: Severity::Skipped,
            message: format!("response id \"{key}\" appears earlier in the file; row skipped"),
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions<'a> {
    /// Store comments as written, without redacting personal data (`--keep-pii`).
    pub keep_pii: bool,
    /// The journey the file is for: its stage and touchpoint names find those columns when
    /// the headers do not say.
    pub journey: Option<&'a Journey>,
    /// What the user said about the columns; it wins over detection.
    pub mapping: Option<&'a Mapping>,
    /// Who reports an id the file repeats.
    pub repeated_ids: RepeatedIds,
}

/// What one export held, as understood, without the responses themselves.
#[derive(Debug, Clone)]
pub struct FileInfo {
    pub path: PathBuf,
    pub source: Source,
    pub sha256: String,
    pub encoding: Encoding,
    pub delimiter: u8,
    pub format: Format,
    pub header_rows: usize,
    pub headers: Vec<String>,
    pub labels: Vec<String>,
    pub columns: ColumnMap,
    /// How the date column's day/month order was decided (`None`: ISO dates or no dates).
    pub dates: Option<DateDecision>,
    /// The worksheet read, for Excel workbooks.
    pub sheet: Option<String>,
    pub problems: Vec<Problem>,
    /// Data rows read, whether imported or not (blank lines excluded).
    pub rows_read: u64,
    /// Rows imported (turned into a response, or into part of one in a long export).
    pub responses: u64,
    /// Responses handed on to be stored: the rows imported, or in a long export (one row per
    /// answer) the respondents they were grouped into.
    pub handed_on: u64,
    /// For a long export: how many respondents' responses the answer rows made.
    pub respondents: Option<u64>,
    pub redactions: usize,
}

impl FileInfo {
    /// A short description of what was detected, for the import log.
    pub fn format_name(&self) -> String {
        let delimiter = match self.delimiter {
            b'\t' => "tab".to_owned(),
            d => (d as char).to_string(),
        };
        if let Some(sheet) = &self.sheet {
            return format!("{} (xlsx workbook, sheet \"{sheet}\")", self.format.name());
        }
        let bom = if matches!(self.encoding, Encoding::Utf8 { bom: true }) {
            "+bom"
        } else {
            ""
        };
        format!(
            "{} ({}{bom}, delimiter {delimiter})",
            self.format.name(),
            self.encoding.name()
        )
    }

    /// Rows the database found repeating an id from earlier in the file (read with
    /// `RepeatedIds::LeaveToStore`): reported and counted as skipped, like the reader would.
    pub fn add_repeated_ids(&mut self, repeated: &[(u64, String)]) {
        if repeated.is_empty() {
            return;
        }
        self.problems.extend(
            repeated
                .iter()
                .map(|(line, key)| Problem::repeated_id(*line, key)),
        );
        self.problems.sort_by_key(|p| p.line);
        self.responses = self.responses.saturating_sub(repeated.len() as u64);
        self.handed_on = self.handed_on.saturating_sub(repeated.len() as u64);
    }

    pub fn skipped(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Skipped)
            .count()
    }
}

/// An export read whole into memory: what `analyze` works on.
#[derive(Debug, Clone)]
pub struct SurveyFile {
    pub info: FileInfo,
    pub responses: Vec<Response>,
}

impl std::ops::Deref for SurveyFile {
    type Target = FileInfo;
    fn deref(&self) -> &FileInfo {
        &self.info
    }
}

/// Either the file could not be read, or the consumer of its responses failed.
#[derive(Debug, thiserror::Error)]
pub enum StreamError<E> {
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error(transparent)]
    Sink(E),
}

/// Values survey tools write for "no answer".
const NO_ANSWER: &[&str] = &[
    "", "-", ".", "n/a", "na", "null", "none", "ninguno", "ns/nc",
];

fn is_no_answer(value: &str) -> bool {
    NO_ANSWER.iter().any(|n| n.eq_ignore_ascii_case(value))
}
/// Rows read before deciding what the headers leave open.
const SAMPLE_ROWS: usize = 200;
/// LimeSurvey's date for "not date-stamped".
const NO_DATE: &str = "1980-01-01 00:00:00";
/// Qualtrics `Status` values of responses that are not real: preview, test, spam.
const NOT_REAL: &[&str] = &["1", "2", "8", "survey preview", "survey test", "spam"];

pub fn read_survey_file(
    path: &Path,
    source: Source,
    options: ReadOptions<'_>,
) -> Result<SurveyFile, IngestError> {
    let file = File::open(path).map_err(|e| IngestError::Io {
        path: path.to_owned(),
        source: e,
    })?;
    read_survey_with(file, path, source, options)
}

/// Reads an export whole from any byte source; `path` only names it in messages.
pub fn read_survey<R: Read>(
    reader: R,
    path: &Path,
    source: Source,
) -> Result<SurveyFile, IngestError> {
    read_survey_with(reader, path, source, ReadOptions::default())
}

pub fn read_survey_with<R: Read>(
    reader: R,
    path: &Path,
    source: Source,
    options: ReadOptions<'_>,
) -> Result<SurveyFile, IngestError> {
    let mut responses = Vec::new();
    let info = stream_survey(reader, path, source, options, |r, _| {
        responses.push(r);
        Ok::<(), std::convert::Infallible>(())
    })
    .map_err(|e| match e {
        StreamError::Ingest(e) => e,
        StreamError::Sink(never) => match never {},
    })?;
    Ok(SurveyFile { info, responses })
}

/// Who reports a response id that appears earlier in the same file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RepeatedIds {
    /// The reader, from a set of the ids seen: 8 bytes a row, fine for `inspect` and `analyze`.
    #[default]
    Report,
    /// The database's unique index, which finds them without memory growing with the file
    /// (see `store::responses::insert_new`); the reader hands every row on.
    LeaveToStore,
}

/// Streams an export: each response goes to `sink`, with the physical line it starts on, as
/// soon as its row is read, so memory does not grow with the file. Problems are collected and
/// returned with the file's description.
pub fn stream_survey<R: Read, E>(
    reader: R,
    path: &Path,
    source: Source,
    options: ReadOptions<'_>,
    mut sink: impl FnMut(Response, u64) -> Result<(), E>,
) -> Result<FileInfo, StreamError<E>> {
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
    if is_workbook(&head, path) {
        let mut bytes = Vec::new();
        buffered.read_to_end(&mut bytes).map_err(io_err)?;
        let sheet = read_first_sheet(bytes, path)?;
        let records = Records::<std::io::Empty>::Sheet(sheet.rows.into_iter());
        let encoding = Encoding::Utf8 { bom: false };
        let mut info = parse(records, path, source, b',', encoding, options, &mut sink)?;
        info.sheet = Some(sheet.sheet);
        info.sha256 = format!("{:x}", hashing.hasher.finalize());
        return Ok(info);
    }
    let encoding = sniff(&head).map_err(|message| IngestError::NotASurvey {
        path: path.to_owned(),
        message,
    })?;
    let text: Box<dyn Read + '_> = match encoding {
        Encoding::Utf8 { .. } => Box::new(buffered),
        other => {
            let label = match other {
                Encoding::Utf16Le => encoding_rs::UTF_16LE,
                Encoding::Utf16Be => encoding_rs::UTF_16BE,
                _ => encoding_rs::WINDOWS_1252,
            };
            Box::new(
                encoding_rs_io::DecodeReaderBytesBuilder::new()
                    .encoding(Some(label))
                    .bom_override(true)
                    .build(buffered),
            )
        }
    };
    let delimiter = match encoding {
        Encoding::Utf16Le | Encoding::Utf16Be => {
            // The head is UTF-16 bytes; decode a little of it to see the header line.
            let (decoded, _, _) = if encoding == Encoding::Utf16Le {
                encoding_rs::UTF_16LE.decode(&head)
            } else {
                encoding_rs::UTF_16BE.decode(&head)
            };
            detect_delimiter(decoded.as_bytes())
        }
        _ => detect_delimiter(&head),
    };
    let csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(LineTracking::new(text, delimiter));
    let records = Records::Csv(csv);
    let mut info = parse(
        records, path, source, delimiter, encoding, options, &mut sink,
    )?;
    // Hash the whole file, including whatever the parser did not need to read.
    std::io::copy(&mut hashing, &mut std::io::sink()).map_err(io_err)?;
    info.sha256 = format!("{:x}", hashing.hasher.finalize());
    Ok(info)
}

/// Where records come from: a CSV stream, or a worksheet already read.
enum Records<R: Read> {
    Csv(csv::Reader<LineTracking<R>>),
    Sheet(std::vec::IntoIter<(csv::ByteRecord, u64)>),
}

impl<R: Read> Records<R> {
    fn next(&mut self, path: &Path) -> Result<Option<(csv::ByteRecord, u64)>, IngestError> {
        match self {
            Records::Csv(csv) => next_record(csv, path),
            Records::Sheet(rows) => Ok(rows.next()),
        }
    }

    /// The line where a quoted field opened and never closed (CSV only).
    fn unterminated_quote(&self) -> Option<u64> {
        match self {
            Records::Csv(csv) => csv.get_ref().unterminated_quote(),
            Records::Sheet(_) => None,
        }
    }
}

fn parse<R: Read, E>(
    mut records: Records<R>,
    path: &Path,
    source: Source,
    delimiter: u8,
    encoding: Encoding,
    options: ReadOptions<'_>,
    sink: &mut impl FnMut(Response, u64) -> Result<(), E>,
) -> Result<FileInfo, StreamError<E>> {
    // The first records decide the format and how many of them are headers.
    let mut first: Vec<(csv::ByteRecord, u64)> = Vec::new();
    while first.len() < 3 {
        match records.next(path)? {
            Some(r) => first.push(r),
            None => break,
        }
    }
    if first.is_empty() {
        return Err(IngestError::NotASurvey {
            path: path.to_owned(),
            message: "the file holds no header row".into(),
        }
        .into());
    }
    let as_text: Vec<Vec<String>> = first.iter().map(|(r, _)| as_strings(r)).collect();
    let header = header::detect(&as_text);
    let mut columns = ColumnMap::detect(&header.names, &header.labels);
    let mapping = options.mapping.cloned().unwrap_or_default();
    let locks = if mapping.is_empty() {
        Locks::default()
    } else {
        mapping
            .apply(&header.names, &header.labels, &mut columns)
            .map_err(|message| IngestError::NotASurvey {
                path: path.to_owned(),
                message,
            })?
    };
    // A sample of the first rows shows what the headers do not say (free text, rating scales,
    // the stage column); those rows are then read like all others.
    let mut buffered: VecDeque<(csv::ByteRecord, u64)> =
        first.into_iter().skip(header.rows).collect();
    while buffered.len() < SAMPLE_ROWS {
        match records.next(path)? {
            Some(r) => buffered.push_back(r),
            None => break,
        }
    }
    let sample: Vec<Vec<String>> = buffered.iter().map(|(r, _)| as_strings(r)).collect();
    columns.refine(
        &header.names,
        &header.labels,
        &sample,
        options.journey,
        &locks,
    );
    mapping
        .apply_matrix(&header.names, &header.labels, &mut columns)
        .map_err(|message| IngestError::NotASurvey {
            path: path.to_owned(),
            message,
        })?;
    let date_setting = mapping.date_order.unwrap_or_default();
    let date_decision = columns.date.and_then(|i| {
        let values: Vec<&str> = sample
            .iter()
            .filter_map(|r| r.get(i))
            .map(String::as_str)
            .collect();
        dates::decide(&values, date_setting)
    });
    let status = (header.format == Format::Qualtrics || header.format == Format::QualtricsLegacy)
        .then(|| header.names.iter().position(|n| n == "Status"))
        .flatten();
    let finished = header.names.iter().position(|n| n == "Finished");
    let columns_grouped = columns.respondent.is_some() && columns.question.is_some();
    // A column the user or detection gave a role is data, whatever its name.
    let personal = (0..header.names.len())
        .map(|i| is_personal(&header.names[i]) && !columns.role_of(i))
        .collect();
    let mut rows = RowReader {
        info: FileInfo {
            path: path.to_owned(),
            source,
            sha256: String::new(),
            encoding,
            delimiter,
            format: header.format,
            header_rows: header.rows,
            headers: header.names,
            labels: header.labels,
            columns,
            dates: date_decision.clone(),
            sheet: None,
            problems: Vec::new(),
            rows_read: 0,
            responses: 0,
            handed_on: 0,
            respondents: None,
            redactions: 0,
        },
        keep_pii: options.keep_pii,
        date_order: date_decision.as_ref().map_or(date_setting, |d| d.order),
        personal,
        grouping: columns_grouped.then(Grouping::default),
        mapping,
        status,
        finished,
        seen_keys: (options.repeated_ids == RepeatedIds::Report).then(HashSet::new),
    };

    // One record is held back: only at the end of the file can we tell whether the last one
    // swallowed the rest of the file inside an unclosed quote.
    let mut held: Option<(csv::ByteRecord, u64)> = None;
    let mut data = buffered.into_iter();
    loop {
        let next = match data.next() {
            Some(r) => Some(r),
            None => records.next(path)?,
        };
        if let Some((record, line)) = held.take() {
            if next.is_none()
                && let Some(open) = records.unterminated_quote()
            {
                // The open quote swallowed every later line into one value: importing the rows
                // before it would silently drop the rest, so the file is refused.
                return Err(IngestError::Malformed {
                    path: path.to_owned(),
                    line: open,
                    message: "a quoted field opens here and is never closed, so everything after it reads as one value; close the quote and import again".into(),
                }
                .into());
            }
            if let Some((response, respondent)) = rows.read(&record, line) {
                rows.info.responses += 1;
                match (rows.grouping.as_mut(), respondent) {
                    (Some(grouping), Some(who)) => grouping.add(&who, response, line),
                    _ => {
                        sink(response, line).map_err(StreamError::Sink)?;
                        rows.info.handed_on += 1;
                    }
                }
            }
        }
        match next {
            Some(r) => held = Some(r),
            None => break,
        }
    }
    if rows.info.rows_read == 0 {
        return Err(IngestError::NoResponses {
            path: path.to_owned(),
        }
        .into());
    }
    if let Some(grouping) = rows.grouping.take() {
        let grouped = grouping.into_responses();
        rows.info.respondents = Some(grouped.len() as u64);
        for (response, line) in grouped {
            sink(response, line).map_err(StreamError::Sink)?;
            rows.info.handed_on += 1;
        }
    }
    Ok(rows.info)
}

/// A record's fields as trimmed text, for detection (invalid UTF-8 shown as replacement
/// characters; the row itself is checked field by field when it is read).
fn as_strings(record: &csv::ByteRecord) -> Vec<String> {
    record
        .iter()
        .map(|f| String::from_utf8_lossy(f).trim().to_owned())
        .collect()
}

/// The next record and its physical line (the csv crate's own count is off on CRLF files and
/// after blank lines, so the line comes from our own scan).
fn next_record<R: Read>(
    csv: &mut csv::Reader<LineTracking<R>>,
    path: &Path,
) -> Result<Option<(csv::ByteRecord, u64)>, IngestError> {
    let mut record = csv::ByteRecord::new();
    let start = csv.position().byte();
    let more = csv
        .read_byte_record(&mut record)
        .map_err(|e| IngestError::Malformed {
            path: path.to_owned(),
            line: csv.get_ref().line_of(start),
            message: e.to_string(),
        })?;
    let tracking = csv.get_mut();
    let line = if more {
        tracking
            .next_record_line()
            .unwrap_or_else(|| tracking.line_of(start))
    } else {
        0
    };
    tracking.forget_before(start);
    Ok(more.then_some((record, line)))
}

/// Turns records into responses, noting every problem on the way.
struct RowReader {
    info: FileInfo,
    keep_pii: bool,
    date_order: DateOrder,
    mapping: Mapping,
    /// Columns that identify the respondent (name, e-mail, IP address, location).
    personal: Vec<bool>,
    /// A long export's answers, merged per respondent until the file ends.
    grouping: Option<Grouping>,
    status: Option<usize>,
    finished: Option<usize>,
    /// 64-bit hashes of the response ids read so far: 8 bytes a row whatever the ids' length
    /// (a collision, about one in 10^8 for a million rows, would report a false duplicate).
    /// `None` when the database finds repeated ids instead.
    seen_keys: Option<HashSet<u64>>,
}

impl RowReader {
    fn problem(&mut self, line: u64, kind: &'static str, severity: Severity, message: String) {
        self.info.problems.push(Problem {
            line,
            kind,
            severity,
            message,
        });
    }

    /// The row's response, and in a long export who gave it.
    fn read(&mut self, record: &csv::ByteRecord, line: u64) -> Option<(Response, Option<String>)> {
        self.info.rows_read += 1;
        let width = self.info.headers.len();
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            self.problem(
                line,
                "empty_row",
                Severity::Skipped,
                "the row has no values".into(),
            );
            return None;
        }
        if record.len() != width {
            let message = format!(
                "the row has {} fields but the header has {width}; skipped so that no value lands in the wrong column",
                record.len()
            );
            self.problem(line, "ragged_row", Severity::Skipped, message);
            return None;
        }
        if is_summary_row(record) {
            let message =
                "a summary row (average, total) added in a spreadsheet, not a response".into();
            self.problem(line, "summary_row", Severity::Skipped, message);
            return None;
        }
        let mut values: Vec<Cow<str>> = Vec::with_capacity(width);
        for (i, raw) in record.iter().take(width).enumerate() {
            match std::str::from_utf8(raw) {
                Ok(s) => values.push(Cow::Borrowed(s.trim())),
                Err(_) => {
                    let message = format!(
                        "column \"{}\" is not valid UTF-8; imported with replacement characters (save the export as \"CSV UTF-8\")",
                        self.info.headers[i]
                    );
                    self.problem(line, "invalid_utf8", Severity::Warning, message);
                    values.push(Cow::Owned(String::from_utf8_lossy(raw).trim().to_owned()));
                }
            }
        }
        if let Some(v) = self
            .status
            .map(|i| values[i].to_lowercase())
            .filter(|v| NOT_REAL.contains(&v.as_str()))
        {
            let message = format!(
                "Status \"{v}\": a preview, test or spam response, not a real one; skipped"
            );
            self.problem(line, "preview_response", Severity::Skipped, message);
            return None;
        }
        if self
            .finished
            .is_some_and(|i| matches!(values[i].to_lowercase().as_str(), "0" | "false"))
        {
            let message =
                "the respondent did not finish the survey; the answers given are imported".into();
            self.problem(line, "unfinished_response", Severity::Warning, message);
        }
        let get = |col: Option<usize>| {
            col.map(|i| values[i].as_ref())
                .filter(|v| !is_no_answer(v))
                .map(str::to_owned)
        };
        let key = match get(self.info.columns.id) {
            Some(id) => id,
            None => {
                if self.info.columns.id.is_some() {
                    let message =
                        "the response id is empty; a content hash identifies the row instead"
                            .into();
                    self.problem(line, "missing_id", Severity::Warning, message);
                }
                content_key(&values)
            }
        };
        if let Some(seen) = &mut self.seen_keys
            && !seen.insert(hash_key(&key))
        {
            self.info.problems.push(Problem::repeated_id(line, &key));
            return None;
        }
        // Personal data is redacted in every cell that holds people's words (free text, and
        // the stage, segment, rating or "Other" answers they may type into); names, e-mails and
        // addresses in the respondent columns are withheld whole. Everything after this point,
        // problem messages included, sees only the redacted cells.
        let cells: Vec<Cow<str>> = values
            .iter()
            .enumerate()
            .map(|(i, v)| self.cell_to_keep(i, v))
            .collect();
        let ratings = self.ratings(&cells, line);
        let mut text: Option<String> = None;
        for &i in &self.info.columns.text {
            let v = cells[i].as_ref();
            if is_no_answer(v) {
                continue;
            }
            match &mut text {
                None => text = Some(v.to_owned()),
                Some(t) => {
                    t.push('\n');
                    t.push_str(v);
                }
            }
        }
        // Coded answers become what they mean; the original row keeps the code.
        let mapped = |col: Option<usize>, role: ValueRole| {
            col.map(|i| cells[i].as_ref())
                .filter(|v| !is_no_answer(v))
                .map(|v| self.mapping.translate(role, v).to_owned())
        };
        let stage = mapped(self.info.columns.stage, ValueRole::Stage);
        let touchpoint = mapped(self.info.columns.touchpoint, ValueRole::Touchpoint);
        let segment = mapped(self.info.columns.segment, ValueRole::Segment);
        let language = mapped(self.info.columns.language, ValueRole::Language);
        let recorded_at = self.date(get(self.info.columns.date), line);
        let respondent = get(self.info.columns.respondent);
        if self.grouping.is_some() && respondent.is_none() {
            let message =
                "the respondent id is empty; this answer is kept as a response of its own".into();
            self.problem(line, "missing_respondent", Severity::Warning, message);
        }
        let response = Response {
            key,
            source: self.info.source,
            stage,
            touchpoint,
            segment: segment.as_deref().map(Segment::new),
            language: language.map(|l| l.to_lowercase()),
            recorded_at,
            text,
            ratings,
            original: OriginalRow::from_values(cells.iter().map(AsRef::as_ref)),
        };
        Some((response, respondent))
    }

    /// A cell as it may be stored and shown: as read with `--keep-pii`, else with personal data
    /// redacted (and withheld whole in columns that identify the respondent).
    fn cell_to_keep<'v>(&mut self, i: usize, value: &'v str) -> Cow<'v, str> {
        if self.keep_pii || value.is_empty() {
            return Cow::Borrowed(value);
        }
        if self.personal[i] {
            self.info.redactions += 1;
            return Cow::Borrowed("[personal]");
        }
        let c = &self.info.columns;
        // Ids, dates and plain numeric ratings are numbers a phone or card pattern would take
        // for one; a rating cell with words in it ("Otra: escribidme a …") is redacted.
        let numeric = || {
            value
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+' | b' '))
        };
        if c.id == Some(i)
            || c.date == Some(i)
            || (c.ratings.iter().any(|r| r.index == i) && numeric())
        {
            return Cow::Borrowed(value);
        }
        let (clean, n) = redact_cow(value);
        self.info.redactions += n;
        clean
    }

    /// The response's date in ISO 8601; a value that is not a date (in the column's order) is
    /// reported and left out, never guessed.
    fn date(&mut self, raw: Option<String>, line: u64) -> Option<String> {
        let raw = raw.filter(|d| d != NO_DATE)?;
        let iso = dates::to_iso(&raw, self.date_order);
        if iso.is_none() {
            let raw = if self.keep_pii {
                raw
            } else {
                redact_cow(&raw).0.into_owned()
            };
            let column = self
                .info
                .columns
                .date
                .map_or("", |i| self.info.headers[i].as_str());
            let message = format!(
                "column \"{column}\": \"{raw}\" is not a date read as {}; the response is imported without a date",
                match self.date_order {
                    DateOrder::Dmy => "day/month/year",
                    DateOrder::Mdy => "month/day/year",
                }
            );
            self.problem(line, "date_not_understood", Severity::Warning, message);
        }
        iso
    }

    fn ratings(&mut self, values: &[Cow<str>], line: u64) -> Vec<Rating> {
        let mut out = Vec::new();
        let columns = self.info.columns.ratings.clone();
        for rc in &columns {
            let raw = values[rc.index].as_ref();
            if is_no_answer(raw) || is_not_applicable(raw) {
                continue;
            }
            let scale = rc.scale();
            match label_value(raw, scale.lo, scale.hi).map(|v| Rating::new(rc.kind, v, scale)) {
                Some(Ok(r)) => out.push(Rating {
                    rates: rc.rates.clone(),
                    ..r
                }),
                Some(Err(e)) => {
                    let message = format!("column \"{}\": {e}; the rating is ignored", rc.column);
                    self.problem(line, "rating_out_of_scale", Severity::Warning, message);
                }
                None => {
                    let message = format!(
                        "column \"{}\": \"{raw}\" is not a rating Curva can read; it is ignored",
                        rc.column
                    );
                    self.problem(line, "rating_not_understood", Severity::Warning, message);
                }
            }
        }
        out
    }
}

/// Rows researchers add below the data in Excel: `Media;;;;6,1;;;`, `Total;...`.
fn is_summary_row(record: &csv::ByteRecord) -> bool {
    const WORDS: &[&str] = &[
        "media", "promedio", "total", "totales", "suma", "average", "mean", "sum",
    ];
    let first = String::from_utf8_lossy(record.get(0).unwrap_or_default())
        .trim()
        .to_lowercase();
    let filled = record
        .iter()
        .filter(|f| !f.iter().all(u8::is_ascii_whitespace))
        .count();
    WORDS.contains(&first.trim_end_matches(':')) && filled * 2 <= record.len()
}

/// A response id's 64-bit hash (FNV-1a: fast on short ids, and stable across runs).
fn hash_key(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A stable id for files without one (Google Forms): the same row always hashes the same.
fn content_key(values: &[Cow<str>]) -> String {
    let mut h = Sha256::new();
    for v in values {
        h.update(v.as_bytes());
        h.update([0x1f]);
    }
    let digest = format!("{:x}", h.finalize());
    format!("h:{}", &digest[..20])
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
    fn redacts_comments_unless_asked_not_to() {
        let f =
            read("id,Comment\n1,escribid a ana@example.com\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.responses[0].text.as_deref(), Some("escribid a [email]"));
        assert_eq!(f.redactions, 1);
        let kept = read_survey_with(
            &b"id,Comment\n1,escribid a ana@example.com\n"[..],
            Path::new("t.csv"),
            Source::Customer,
            ReadOptions {
                keep_pii: true,
                ..ReadOptions::default()
            },
        );
        assert_eq!(
            kept.map(|f| f.responses[0].text.clone())
                .ok()
                .flatten()
                .as_deref(),
            Some("escribid a ana@example.com")
        );
    }

    #[test]
    fn reads_utf16_unicode_text() {
        let text = "id\tComentario\r\n1\tgenial\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let f = read_survey(&bytes[..], Path::new("t.txt"), Source::Customer)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.encoding, Encoding::Utf16Le);
        assert_eq!(f.delimiter, b'\t');
        assert_eq!(f.responses[0].text.as_deref(), Some("genial"));
    }

    #[test]
    fn reads_windows_1252_excel_exports() {
        let bytes = b"id;Etapa;Satisfacci\xF3n (1-5);Comentario\r\n1;Env\xEDo;4,5;\x93R\xE1pido\x94 \x80\r\n";
        let f = read_survey(&bytes[..], Path::new("t.csv"), Source::Customer)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.encoding, Encoding::Windows1252);
        assert_eq!(f.responses[0].stage.as_deref(), Some("Envío"));
        assert_eq!(f.responses[0].text.as_deref(), Some("“Rápido” €"));
        assert_eq!(f.responses[0].ratings[0].value, 4.5);
    }

    #[test]
    fn an_unclosed_quote_refuses_the_file_at_the_line_it_opens() {
        let err = read("id,Comment\n1,fine\n2,\"never closed\n3,lost\n4,lost too\n").err();
        assert!(
            matches!(err, Some(IngestError::Malformed { line: 3, .. })),
            "{err:?}"
        );
    }

    #[test]
    fn reads_qualtrics_headers_labels_and_previews() {
        let input = concat!(
            "ResponseId,Status,Finished,Q1,Q7\n",
            "Response ID,Response Type,Finished,Satisfacción general (1-5),¿Algún comentario?\n",
            "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"status\"\"}\",\"{\"\"ImportId\"\":\"\"finished\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID7_TEXT\"\"}\"\n",
            "R_1,0,1,Muy satisfecho,Todo genial\n",
            "R_2,1,1,1,preview\n",
            "R_3,0,0,No lo he usado,\n",
        );
        let f = read(input).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((f.format, f.header_rows), (Format::Qualtrics, 3));
        assert_eq!(f.responses.len(), 2);
        assert_eq!(f.responses[0].ratings[0].value, 5.0);
        assert!(f.responses[1].ratings.is_empty(), "N/A is not a score");
        assert_eq!(f.responses[0].text.as_deref(), Some("Todo genial"));
        let kinds: Vec<_> = f.problems.iter().map(|p| (p.line, p.kind)).collect();
        assert_eq!(kinds, [(5, "preview_response"), (6, "unfinished_response")]);
    }
}
