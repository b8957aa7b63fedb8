//! Storing one import run (a journey file and one or more exports) atomically: either every
//! file's new responses and its import record are stored, or nothing is. Files are streamed
//! into the database in batches, so a million-row export needs little memory.

use std::io::Read;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use diesel::Connection;
use diesel::connection::SimpleConnection;

use crate::domain::{Journey, Source};
use crate::ingest::survey::{FileInfo, ReadOptions, RepeatedIds, StreamError, stream_survey};
use crate::ingest::{IngestError, Mapping, sniff};
use crate::store::responses::NewResponse;
use crate::store::{Db, StoreError, bulk, imports, journeys, now_utc, responses};

/// Responses inserted per statement batch.
const BATCH: usize = 2_000;
/// Batches read ahead of the database: bounds memory whatever the file's size.
const IN_FLIGHT: usize = 4;

/// One export to import: a file on disk, or bytes already in memory (the bundled demo).
pub struct ImportSource {
    pub path: PathBuf,
    pub source: Source,
    pub bytes: Option<&'static [u8]>,
    /// What the user said about this file's columns.
    pub mapping: Option<Mapping>,
}

impl ImportSource {
    pub fn file(path: PathBuf, source: Source) -> Self {
        ImportSource {
            path,
            source,
            bytes: None,
            mapping: None,
        }
    }

    fn open(&self) -> Result<Box<dyn Read + Send>, IngestError> {
        match self.bytes {
            Some(b) => Ok(Box::new(b)),
            None => std::fs::File::open(&self.path)
                .map(|f| Box::new(f) as Box<dyn Read + Send>)
                .map_err(|source| IngestError::Io {
                    path: self.path.clone(),
                    source,
                }),
        }
    }

    /// The file's size in bytes, when it can be known before reading.
    fn size(&self) -> Option<u64> {
        match self.bytes {
            Some(b) => Some(b.len() as u64),
            None => std::fs::metadata(&self.path).ok().map(|m| m.len()),
        }
    }
}

/// How far an import has got, reported after every stored batch. A stream does not know its
/// row count in advance, but it knows its size in bytes: `bytes_read / bytes_total` is the
/// share of the file done.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    pub file: &'a str,
    pub rows: u64,
    pub bytes_read: u64,
    pub bytes_total: Option<u64>,
}

/// Counts the bytes that pass, for the progress report from the other thread.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ImportError {
    /// True when the user can fix it (a file, a path), so the CLI exits with 2.
    pub fn is_user_error(&self) -> bool {
        match self {
            ImportError::Ingest(_) => true,
            ImportError::Store(e) => e.is_user_error(),
        }
    }
}

impl From<diesel::result::Error> for ImportError {
    fn from(e: diesel::result::Error) -> Self {
        ImportError::Store(StoreError::Query(e))
    }
}

/// What one file added.
#[derive(Debug, Clone)]
pub struct ImportOutcome {
    pub import_id: i32,
    pub file_name: String,
    pub info: FileInfo,
    pub inserted: usize,
    /// Responses already stored by an earlier import.
    pub duplicates: usize,
}

fn to_i32(n: impl TryInto<i32>) -> i32 {
    n.try_into().unwrap_or(i32::MAX)
}

/// The reading side stopped because the storing side hung up (after an error of its own).
#[derive(Debug)]
struct Stopped;

/// Reads one export and stores its responses, the two halves on two threads joined by a
/// bounded channel: on a machine with two cores the import runs at the speed of the slower
/// half, and memory holds at most a few batches whatever the file's size.
fn read_and_store(
    conn: &mut diesel::SqliteConnection,
    file: &ImportSource,
    file_name: &str,
    options: ReadOptions,
    journey_id: &str,
    import_id: i32,
    progress: &mut dyn FnMut(&Progress),
) -> Result<(FileInfo, usize), ImportError> {
    let bytes_read = Arc::new(AtomicU64::new(0));
    let bytes_total = file.size();
    // The database's unique index finds ids the file repeats, so memory does not grow with it.
    let options = ReadOptions {
        repeated_ids: RepeatedIds::LeaveToStore,
        ..options
    };
    let reader = Counting {
        inner: file.open()?,
        read: Arc::clone(&bytes_read),
    };
    let (batches, received) = std::sync::mpsc::sync_channel::<Vec<NewResponse>>(IN_FLIGHT);
    // Stored batches go back to the reading thread to be freed there: memory freed on the
    // thread that allocated it keeps the two threads from contending for the allocator.
    let (spent, returned) = std::sync::mpsc::channel::<Vec<NewResponse>>();
    std::thread::scope(|scope| {
        let parsing = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let info = stream_survey(reader, &file.path, file.source, options, |r, line| {
                batch.push(responses::prepare(r, line, journey_id, import_id));
                if batch.len() == BATCH {
                    let mut next = returned.try_recv().unwrap_or_default();
                    next.clear();
                    next.reserve(BATCH);
                    batches
                        .send(std::mem::replace(&mut batch, next))
                        .map_err(|_| Stopped)?;
                }
                Ok::<(), Stopped>(())
            });
            if info.is_ok() {
                // The receiver only hangs up after a store error, reported below.
                let _ = batches.send(batch);
            }
            info
        });
        let mut inserted = 0;
        let mut repeated = Vec::new();
        let mut seen = 0u64;
        let mut failed = None;
        let mut writer = match responses::Writer::new(conn, import_id) {
            Ok(w) => Some(w),
            Err(e) => {
                failed = Some(e);
                None
            }
        };
        for batch in received.iter() {
            let Some(writer) = writer.as_mut() else { break };
            seen += batch.len() as u64;
            match writer.insert(conn, &batch) {
                Ok(stored) => {
                    inserted += stored.inserted;
                    repeated.extend(stored.repeated);
                }
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
            progress(&Progress {
                file: file_name,
                rows: seen,
                bytes_read: bytes_read.load(Ordering::Relaxed),
                bytes_total,
            });
            // The reader may be done already; then the batch is freed here.
            let _ = spent.send(batch);
        }
        // Hanging up stops the reader at its next batch.
        drop(received);
        let info = match parsing.join() {
            Ok(info) => info,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        if let Some(e) = failed {
            return Err(ImportError::Store(StoreError::from(e)));
        }
        match info {
            Ok(mut info) => {
                info.add_repeated_ids(&repeated);
                Ok((info, inserted))
            }
            Err(StreamError::Ingest(e)) => Err(ImportError::Ingest(e)),
            Err(StreamError::Sink(Stopped)) => Err(ImportError::Store(StoreError::Corrupt(
                "the import stopped while reading".into(),
            ))),
        }
    })
}

/// Checks that every file can be opened and looks like an export, before anything is stored.
pub fn precheck(files: &[ImportSource]) -> Result<(), IngestError> {
    for f in files {
        let mut head = Vec::with_capacity(1 << 16);
        f.open()?
            .take(1 << 16)
            .read_to_end(&mut head)
            .map_err(|source| IngestError::Io {
                path: f.path.clone(),
                source,
            })?;
        if sniff::is_workbook(&head, &f.path) {
            continue;
        }
        sniff::sniff(&head).map_err(|message| IngestError::NotASurvey {
            path: f.path.clone(),
            message,
        })?;
    }
    Ok(())
}

pub fn import(
    db: &Db,
    journey: &Journey,
    definition: &str,
    files: &[ImportSource],
    options: ReadOptions,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Vec<ImportOutcome>, ImportError> {
    let mut conn = db.conn()?;
    let now = now_utc();
    // Every response points at the journey and import rows written first in this same
    // transaction, so checking both foreign keys on each of a million inserts proves nothing
    // and costs a tenth of the time. The check is back on before the connection is reused.
    conn.batch_execute("PRAGMA foreign_keys = OFF")
        .map_err(StoreError::from)?;
    let mode = bulk::begin(&mut conn);
    let outcome = store_all(
        &mut conn, journey, definition, files, options, progress, &now,
    );
    bulk::end(&mut conn, mode).map_err(StoreError::from)?;
    conn.batch_execute("PRAGMA foreign_keys = ON")
        .map_err(StoreError::from)?;
    outcome
}

fn store_all(
    conn: &mut diesel::SqliteConnection,
    journey: &Journey,
    definition: &str,
    files: &[ImportSource],
    options: ReadOptions,
    progress: &mut dyn FnMut(&Progress),
    now: &str,
) -> Result<Vec<ImportOutcome>, ImportError> {
    conn.transaction::<_, ImportError, _>(|conn| {
        journeys::upsert(conn, &journey.id, &journey.name, definition, now)
            .map_err(StoreError::from)?;
        let mut outcomes = Vec::with_capacity(files.len());
        for file in files {
            let options = ReadOptions {
                mapping: file.mapping.as_ref().or(options.mapping),
                ..options
            };
            let file_name = file.path.file_name().map_or_else(
                || file.path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            // The record is written first so responses can point at it; counts follow below.
            let import_id =
                imports::create(conn, &journey.id, file.source.as_str(), &file_name, now)
                    .map_err(StoreError::from)?;
            let (info, inserted) = read_and_store(
                conn,
                file,
                &file_name,
                options,
                &journey.id,
                import_id,
                progress,
            )?;
            if info.columns.stage.is_none() {
                return Err(IngestError::no_stage_column(&file.path).into());
            }
            let duplicates = (info.handed_on as usize).saturating_sub(inserted);
            let problems = serde_json::to_string(&info.problems)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?;
            imports::finish(
                conn,
                import_id,
                &imports::Counts {
                    sha256: info.sha256.clone(),
                    format: info.format_name(),
                    rows_read: to_i32(info.rows_read),
                    inserted: to_i32(inserted),
                    duplicates: to_i32(duplicates),
                    skipped: to_i32(info.skipped()),
                    redactions: to_i32(info.redactions),
                    problems,
                    mapping: serde_json::to_string(&options.mapping.cloned().unwrap_or_default())
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                    headers: serde_json::to_string(&info.headers)
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                    roles: serde_json::to_string(&info.columns.named(&info.headers))
                        .map_err(|e| StoreError::Corrupt(e.to_string()))?,
                },
            )
            .map_err(StoreError::from)?;
            outcomes.push(ImportOutcome {
                import_id,
                file_name,
                info,
                inserted,
                duplicates,
            });
        }
        Ok(outcomes)
    })
}
