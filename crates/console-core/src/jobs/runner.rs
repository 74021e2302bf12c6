//! What a kind of job plugs into the engine (a [`JobRunner`]), the handle of a started job,
//! and how the end of a run is recorded.

use async_trait::async_trait;
use tokio::task::JoinHandle;

use super::context::{CancelToken, JobContext, ProgressFn};
use super::journal::Journal;
use super::types::{JobKind, JobProgress, JobReport, JobState};
use crate::error::{AppError, AppResult, ErrorCode};

/// The work of one kind of job. The runner reads everything it needs from the journal, so the
/// same call starts a new job and continues one a crash interrupted.
#[async_trait]
pub trait JobRunner: Send + Sync + 'static {
    /// The kind it runs.
    fn kind(&self) -> JobKind;

    /// Runs (or continues) the job until it is done or cancelled, and returns its report
    /// (state `Completed`, `Cancelled` or `Failed`). An `Err` with a passing cause (`Network`,
    /// `Upstream`, `RateLimited`) leaves the job `Interrupted`, to resume later; `Cancelled`
    /// ends it cancelled (without a report — runners should return one); any other `Err`
    /// fails it.
    async fn run(&self, ctx: JobContext) -> AppResult<JobReport>;
}

/// A started job.
#[derive(Debug)]
pub struct JobHandle {
    pub(super) id: String,
    pub(super) cancel: CancelToken,
    pub(super) task: JoinHandle<AppResult<JobReport>>,
}

impl JobHandle {
    /// The job's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Asks the job to stop soon.
    pub fn cancel(&self) {
        self.cancel.cancel();
    }

    /// Waits for the job to end: its report, or why it stopped early.
    pub async fn wait(self) -> AppResult<JobReport> {
        self.task.await.unwrap_or_else(|e| {
            Err(AppError::new(
                ErrorCode::Io,
                format!("The job stopped unexpectedly: {e}"),
            ))
        })
    }
}

/// Whether an error is passing (retrying later may work): the job waits, interrupted.
fn is_passing(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::Network | ErrorCode::Upstream | ErrorCode::RateLimited
    )
}

/// Records how a run ended and sends the last progress event.
pub(super) fn settle(
    journal: &Journal,
    id: &str,
    kind: JobKind,
    outcome: AppResult<JobReport>,
    sink: Option<&ProgressFn>,
) -> AppResult<JobReport> {
    let record = journal.record().ok().flatten();
    let (state, result) = match outcome {
        Ok(report) => match journal.finish(&report) {
            Ok(()) => (report.state, Ok(report)),
            Err(e) => (JobState::Interrupted, Err(e)),
        },
        Err(e) => {
            let state = match e.code {
                ErrorCode::Cancelled => JobState::Cancelled,
                code if is_passing(code) => JobState::Interrupted,
                _ => JobState::Failed,
            };
            let _ = journal.set_state(state, Some(&e));
            (state, Err(e))
        }
    };
    if let Some(sink) = sink {
        let (done, total, failed) = match &result {
            Ok(r) => (r.total, r.total, r.count("failed")),
            Err(_) => record
                .map(|r| (r.done, r.total, r.failed))
                .unwrap_or_default(),
        };
        sink(&JobProgress {
            job_id: id.to_owned(),
            kind,
            state,
            done,
            total,
            failed,
            rate_per_sec: 0.0,
            eta_secs: (state == JobState::Completed).then_some(0),
        });
    }
    result
}
