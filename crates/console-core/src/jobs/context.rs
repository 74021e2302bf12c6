//! What a running job is handed: its journal and folder, the cancel flag, and a progress
//! reporter that works out the rate and the time left.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

use super::journal::{JobRecord, Journal};
use super::types::{JobKind, JobProgress, JobState};
use crate::error::{AppError, AppResult, ErrorCode};

/// Receives progress events (the desktop app forwards them to the page as typed events).
pub type ProgressFn = Arc<dyn Fn(&JobProgress) + Send + Sync>;

/// Progress events are sent at most this often, except the ones a job forces.
const EMIT_EVERY: Duration = Duration::from_millis(200);

/// A shared "please stop" flag. Jobs check it between steps, so they stop soon after, at a
/// point their journal can describe.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// A flag that is not set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the job to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether stopping was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// `Err(Cancelled)` once stopping was asked for.
    pub fn check(&self) -> AppResult<()> {
        if self.is_cancelled() {
            Err(AppError::new(ErrorCode::Cancelled, "Cancelled."))
        } else {
            Ok(())
        }
    }
}

struct Meter {
    started: Instant,
    done_at_start: Option<u64>,
    last_emit: Option<Instant>,
}

/// A running job's view of itself.
pub struct JobContext {
    id: String,
    kind: JobKind,
    dir: PathBuf,
    params: serde_json::Value,
    journal: Arc<Journal>,
    cancel: CancelToken,
    sink: Option<ProgressFn>,
    total: AtomicU64,
    meter: Mutex<Meter>,
}

impl std::fmt::Debug for JobContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JobContext")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .finish_non_exhaustive()
    }
}

impl JobContext {
    pub(crate) fn new(
        record: &JobRecord,
        kind: JobKind,
        dir: PathBuf,
        journal: Arc<Journal>,
        cancel: CancelToken,
        sink: Option<ProgressFn>,
    ) -> Self {
        Self {
            id: record.id.clone(),
            kind,
            dir,
            params: record.params.clone(),
            journal,
            cancel,
            sink,
            total: AtomicU64::new(record.total),
            meter: Mutex::new(Meter {
                started: Instant::now(),
                done_at_start: None,
                last_emit: None,
            }),
        }
    }

    /// The job's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// What the job does.
    pub fn kind(&self) -> JobKind {
        self.kind
    }

    /// The job's folder (journal, report, backups).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The journal.
    pub fn journal(&self) -> &Arc<Journal> {
        &self.journal
    }

    /// The parameters the job was created with.
    pub fn params<T: DeserializeOwned>(&self) -> AppResult<T> {
        serde_json::from_value(self.params.clone()).map_err(|e| {
            AppError::new(
                ErrorCode::Decode,
                format!("This job's saved settings couldn't be read: {e}"),
            )
        })
    }

    /// Whether stopping was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.is_cancelled()
    }

    /// The cancel flag, for work handed to another task or thread.
    pub fn cancel_token(&self) -> CancelToken {
        self.cancel.clone()
    }

    /// Rows in all, as last set.
    pub fn total(&self) -> u64 {
        self.total.load(Ordering::SeqCst)
    }

    /// Records how many rows there are in all.
    pub fn set_total(&self, total: u64) -> AppResult<()> {
        self.total.store(total, Ordering::SeqCst);
        self.journal.set_total(total)
    }

    /// Reports progress; sent at most every 200 ms.
    pub fn progress(&self, done: u64, failed: u64) {
        self.emit(done, failed, false);
    }

    /// Reports progress now (after a checkpoint the page should see at once).
    pub fn progress_now(&self, done: u64, failed: u64) {
        self.emit(done, failed, true);
    }

    fn emit(&self, done: u64, failed: u64, force: bool) {
        let Some(sink) = &self.sink else { return };
        let event = {
            let mut meter = self.meter.lock().unwrap_or_else(|p| p.into_inner());
            let now = Instant::now();
            // The rate is of this run only: rows done before a resume weren't done at it.
            let start = *meter.done_at_start.get_or_insert(done);
            if !force && meter.last_emit.is_some_and(|at| now - at < EMIT_EVERY) {
                return;
            }
            meter.last_emit = Some(now);
            let elapsed = (now - meter.started).as_secs_f64();
            let moved = done.saturating_sub(start);
            let rate = if elapsed >= 0.05 && moved > 0 {
                moved as f64 / elapsed
            } else {
                0.0
            };
            let total = self.total();
            let eta_secs =
                (rate > 0.0 && total >= done).then(|| ((total - done) as f64 / rate).ceil() as u64);
            JobProgress {
                job_id: self.id.clone(),
                kind: self.kind,
                state: JobState::Running,
                done,
                total,
                failed,
                rate_per_sec: rate,
                eta_secs,
            }
        };
        sink(&event);
    }
}
