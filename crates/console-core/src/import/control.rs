//! How the caller steers a running import: a cancel check and a progress sink. Both are
//! closures so the import runs the same alone (tests, benchmarks) and under the job engine
//! (whose cancel token and progress reporter are plugged in by the runner).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sendblue_client::models::contacts::Contact;

use super::types::{ImportPhase, ImportProgress};
use crate::error::{AppError, AppResult, ErrorCode};

type CancelFn = Arc<dyn Fn() -> bool + Send + Sync>;
type ProgressSink = Arc<dyn Fn(&ImportProgress) + Send + Sync>;
type SavedSink = Arc<dyn Fn(&[Contact]) + Send + Sync>;

/// Progress is sent at most this often (except forced events).
const EMIT_EVERY: Duration = Duration::from_millis(200);

/// Cancel check and progress sink of one run.
#[derive(Clone)]
pub struct ImportControl {
    cancelled: CancelFn,
    sink: Option<ProgressSink>,
    saved: Option<SavedSink>,
    meter: Arc<Mutex<Meter>>,
}

struct Meter {
    phase: Option<ImportPhase>,
    started: Instant,
    done_at_start: u64,
    last_emit: Option<Instant>,
}

impl std::fmt::Debug for ImportControl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportControl").finish_non_exhaustive()
    }
}

impl Default for ImportControl {
    fn default() -> Self {
        Self::new()
    }
}

impl ImportControl {
    /// Never cancelled, no progress sink.
    pub fn new() -> Self {
        Self {
            cancelled: Arc::new(|| false),
            sink: None,
            saved: None,
            meter: Arc::new(Mutex::new(Meter {
                phase: None,
                started: Instant::now(),
                done_at_start: 0,
                last_emit: None,
            })),
        }
    }

    /// Cancelled once `flag` is set.
    pub fn with_cancel_flag(self, flag: Arc<AtomicBool>) -> Self {
        self.with_cancel(move || flag.load(Ordering::SeqCst))
    }

    /// Cancelled once `check` returns true.
    pub fn with_cancel(mut self, check: impl Fn() -> bool + Send + Sync + 'static) -> Self {
        self.cancelled = Arc::new(check);
        self
    }

    /// Sends progress events to `sink`.
    pub fn with_progress(mut self, sink: impl Fn(&ImportProgress) + Send + Sync + 'static) -> Self {
        self.sink = Some(Arc::new(sink));
        self
    }

    /// Hands `f` the contacts as Sendblue stored them after each accepted batch (to keep the
    /// contacts mirror in step).
    pub fn with_on_saved(mut self, f: impl Fn(&[Contact]) + Send + Sync + 'static) -> Self {
        self.saved = Some(Arc::new(f));
        self
    }

    pub(crate) fn saved(&self, contacts: &[Contact]) {
        if let Some(f) = &self.saved {
            f(contacts);
        }
    }

    /// Whether stopping was asked for.
    pub fn is_cancelled(&self) -> bool {
        (self.cancelled)()
    }

    /// `Err(Cancelled)` once stopping was asked for.
    pub fn check(&self) -> AppResult<()> {
        if self.is_cancelled() {
            Err(AppError::new(ErrorCode::Cancelled, "Cancelled."))
        } else {
            Ok(())
        }
    }

    /// Reports progress (rate and ETA worked out here, over this run of this phase).
    pub(crate) fn progress(
        &self,
        phase: ImportPhase,
        done: u64,
        total: u64,
        failed: u64,
        paused_ms: Option<u64>,
        force: bool,
    ) {
        let Some(sink) = &self.sink else { return };
        let event = {
            let mut m = self.meter.lock().unwrap_or_else(|p| p.into_inner());
            let now = Instant::now();
            if m.phase != Some(phase) {
                *m = Meter {
                    phase: Some(phase),
                    started: now,
                    done_at_start: done,
                    last_emit: None,
                };
            }
            if !force && m.last_emit.is_some_and(|at| now - at < EMIT_EVERY) {
                return;
            }
            m.last_emit = Some(now);
            let elapsed = (now - m.started).as_secs_f64();
            let moved = done.saturating_sub(m.done_at_start);
            let rate = if elapsed > 0.05 && moved > 0 {
                moved as f64 / elapsed
            } else {
                0.0
            };
            let eta_secs =
                (rate > 0.0 && total >= done).then(|| ((total - done) as f64 / rate).ceil() as u64);
            ImportProgress {
                phase,
                done,
                total,
                rate_per_sec: rate,
                eta_secs,
                failed,
                paused_ms,
            }
        };
        sink(&event);
    }
}
