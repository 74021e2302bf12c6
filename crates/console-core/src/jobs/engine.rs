//! The engine: creates jobs, runs them on the tokio runtime, cancels them, lists them, and
//! resumes the unfinished ones from their journals.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use async_trait::async_trait;
use serde::Serialize;
use tokio::task::JoinHandle;

use super::context::{CancelToken, JobContext, ProgressFn};
use super::journal::{no_such_job, Journal, JOURNAL_FILE};
use super::types::{JobInfo, JobKind, JobProgress, JobReport, JobState};
use crate::error::{AppError, AppResult, ErrorCode};

/// The work of one kind of job. The runner reads everything it needs from the journal, so the
/// same call starts a new job and continues one a crash interrupted.
#[async_trait]
pub trait JobRunner: Send + Sync + 'static {
    /// The kind it runs.
    fn kind(&self) -> JobKind;

    /// Runs (or continues) the job until it is done or cancelled, and returns its report
    /// (state `Completed`, `Cancelled` or `Failed`). An `Err` with a passing cause (`Network`,
    /// `Upstream`, `RateLimited`) leaves the job `Interrupted`, to resume later; any other
    /// `Err` fails it.
    async fn run(&self, ctx: JobContext) -> AppResult<JobReport>;
}

/// A started job.
#[derive(Debug)]
pub struct JobHandle {
    id: String,
    cancel: CancelToken,
    task: JoinHandle<AppResult<JobReport>>,
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

/// The jobs of one profile, kept in one folder (`<profile dir>/jobs/<job id>/`). Cheap to
/// clone; clones share everything.
#[derive(Clone)]
pub struct Jobs {
    inner: Arc<Inner>,
}

struct Inner {
    root: PathBuf,
    runners: RwLock<HashMap<JobKind, Arc<dyn JobRunner>>>,
    running: Mutex<HashMap<String, CancelToken>>,
    preparing: Mutex<HashSet<String>>,
    on_progress: RwLock<Option<ProgressFn>>,
}

impl std::fmt::Debug for Jobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs")
            .field("root", &self.inner.root)
            .finish_non_exhaustive()
    }
}

/// A job being set up: its folder and journal exist, but it becomes a job only when
/// [`Draft::commit`] writes its row. Dropped uncommitted, its folder is removed.
#[derive(Debug)]
pub struct Draft {
    jobs: Jobs,
    id: String,
    kind: JobKind,
    dir: PathBuf,
    journal: Option<Journal>,
}

impl Draft {
    /// The job's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The job's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The journal, for the kind's own tables.
    pub fn journal(&self) -> &Journal {
        self.journal.as_ref().expect("present until commit")
    }

    /// Makes the job exist (state `Pending`) with its parameters and row count.
    pub fn commit(mut self, params: &impl Serialize, total: u64) -> AppResult<String> {
        let params = serde_json::to_value(params).map_err(|e| {
            AppError::new(ErrorCode::Decode, format!("Job settings didn't encode: {e}"))
        })?;
        let journal = self.journal.take().expect("present until commit");
        journal.insert_job(&self.id, self.kind, &params, total)?;
        Ok(self.id.clone())
    }
}

impl Drop for Draft {
    fn drop(&mut self) {
        if self.journal.take().is_some() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
        self.jobs.lock_preparing().remove(&self.id);
    }
}

/// Whether an error is passing (retrying later may work): the job waits, interrupted.
fn is_passing(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::Network | ErrorCode::Upstream | ErrorCode::RateLimited
    )
}

impl Jobs {
    /// The jobs kept in `root` (created if missing). Register runners, then call
    /// [`Jobs::resume_all`].
    pub fn open(root: impl Into<PathBuf>) -> AppResult<Self> {
        let root = root.into();
        std::fs::create_dir_all(&root).map_err(|e| AppError::io("create the jobs folder", e))?;
        Ok(Self {
            inner: Arc::new(Inner {
                root,
                runners: RwLock::new(HashMap::new()),
                running: Mutex::new(HashMap::new()),
                preparing: Mutex::new(HashSet::new()),
                on_progress: RwLock::new(None),
            }),
        })
    }

    /// The jobs folder.
    pub fn root(&self) -> &Path {
        &self.inner.root
    }

    /// The folder of job `id`.
    pub fn dir(&self, id: &str) -> PathBuf {
        self.inner.root.join(id)
    }

    /// Registers the runner of its kind (replacing any earlier one).
    pub fn register(&self, runner: Arc<dyn JobRunner>) {
        let mut runners = self.inner.runners.write().unwrap_or_else(|p| p.into_inner());
        runners.insert(runner.kind(), runner);
    }

    /// Sends every progress event to `sink`.
    pub fn on_progress(&self, sink: impl Fn(&JobProgress) + Send + Sync + 'static) {
        *self
            .inner
            .on_progress
            .write()
            .unwrap_or_else(|p| p.into_inner()) = Some(Arc::new(sink));
    }

    fn lock_preparing(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.inner.preparing.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn lock_running(&self) -> std::sync::MutexGuard<'_, HashMap<String, CancelToken>> {
        self.inner.running.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Starts setting up a job of `kind`: a new folder and journal.
    pub fn prepare(&self, kind: JobKind) -> AppResult<Draft> {
        let id = format!("{}-{}", kind.as_str(), uuid::Uuid::new_v4().simple());
        let dir = self.dir(&id);
        self.lock_preparing().insert(id.clone());
        let journal = match Journal::open(&dir) {
            Ok(journal) => journal,
            Err(e) => {
                self.lock_preparing().remove(&id);
                let _ = std::fs::remove_dir_all(&dir);
                return Err(e);
            }
        };
        Ok(Draft {
            jobs: self.clone(),
            id,
            kind,
            dir,
            journal: Some(journal),
        })
    }

    /// Starts (or continues) job `id` with its kind's runner.
    pub fn start(&self, id: &str) -> AppResult<JobHandle> {
        self.launch(id, false)
    }

    /// Continues an interrupted job (the same as [`Jobs::start`]; named for the page).
    pub fn resume(&self, id: &str) -> AppResult<JobHandle> {
        self.launch(id, false)
    }

    fn launch(&self, id: &str, cancelled: bool) -> AppResult<JobHandle> {
        let dir = self.dir(id);
        if !dir.join(JOURNAL_FILE).exists() {
            return Err(no_such_job(id));
        }
        let journal = Arc::new(Journal::open(&dir)?);
        let record = journal.record()?.ok_or_else(|| no_such_job(id))?;
        if record.state.is_finished() {
            return Err(AppError::new(
                ErrorCode::Conflict,
                "This job has already finished.",
            ));
        }
        let kind = record.kind.ok_or_else(|| {
            AppError::new(
                ErrorCode::Validation,
                "This job was made by a newer version of the console.",
            )
        })?;
        let runner = self
            .inner
            .runners
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(&kind)
            .cloned()
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::Validation,
                    format!("Jobs of kind {kind} can't run here."),
                )
            })?;
        let cancel = CancelToken::new();
        if cancelled {
            cancel.cancel();
        }
        {
            let mut running = self.lock_running();
            if running.contains_key(id) {
                return Err(AppError::new(
                    ErrorCode::Conflict,
                    "This job is already running.",
                ));
            }
            running.insert(id.to_owned(), cancel.clone());
        }
        let sink = self
            .inner
            .on_progress
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Err(e) = journal.set_state(JobState::Running, None) {
            self.lock_running().remove(id);
            return Err(e);
        }
        let ctx = JobContext::new(&record, kind, dir, journal.clone(), cancel.clone(), sink.clone());
        let jobs = self.clone();
        let job_id = id.to_owned();
        let task = tokio::spawn(async move {
            // Removes the job from the running set however the task ends (even a panic).
            struct Done(Jobs, String);
            impl Drop for Done {
                fn drop(&mut self) {
                    self.0.lock_running().remove(&self.1);
                }
            }
            let _done = Done(jobs, job_id.clone());
            let outcome = runner.run(ctx).await;
            settle(&journal, &job_id, kind, outcome, sink.as_ref())
        });
        Ok(JobHandle {
            id: id.to_owned(),
            cancel,
            task,
        })
    }

    /// Asks job `id` to stop. A job that isn't running in this process (interrupted or
    /// pending) is brought to its cancelled end at once: its runner is started already
    /// cancelled, so it records what was and wasn't done and writes its report.
    pub fn cancel(&self, id: &str) -> AppResult<Option<JobHandle>> {
        if let Some(token) = self.lock_running().get(id) {
            token.cancel();
            return Ok(None);
        }
        let info = self.info(id)?;
        if info.state.is_finished() {
            return Ok(None);
        }
        self.launch(id, true).map(Some)
    }

    /// Whether job `id` is running in this process.
    pub fn is_running(&self, id: &str) -> bool {
        self.lock_running().contains_key(id)
    }

    /// One job. A journal that says `running` while no task here runs it was left by a
    /// crash or a quit: it reads as `Interrupted`.
    pub fn info(&self, id: &str) -> AppResult<JobInfo> {
        let dir = self.dir(id);
        if !dir.join(JOURNAL_FILE).exists() {
            return Err(no_such_job(id));
        }
        let record = Journal::open(&dir)?
            .record()?
            .ok_or_else(|| no_such_job(id))?;
        let kind = record.kind.ok_or_else(|| no_such_job(id))?;
        let mut state = record.state;
        if state == JobState::Running && !self.is_running(id) {
            state = JobState::Interrupted;
        }
        Ok(JobInfo {
            id: record.id,
            kind,
            state,
            done: record.done,
            total: record.total,
            failed: record.failed,
            created_at: record.created_at,
            updated_at: record.updated_at,
            error: record.error,
            report: record.report,
        })
    }

    /// Every job, newest first.
    pub fn list(&self) -> AppResult<Vec<JobInfo>> {
        let mut jobs: Vec<JobInfo> = self
            .job_ids()?
            .iter()
            .filter_map(|id| self.info(id).ok())
            .collect();
        jobs.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
        Ok(jobs)
    }

    /// The report of a finished job.
    pub fn report(&self, id: &str) -> AppResult<Option<JobReport>> {
        Ok(self.info(id)?.report)
    }

    /// Deletes a finished job's folder (journal, report, backup).
    pub fn forget(&self, id: &str) -> AppResult<()> {
        let info = self.info(id)?;
        if !info.state.is_finished() || self.is_running(id) {
            return Err(AppError::new(
                ErrorCode::Conflict,
                "Cancel the job before removing it.",
            ));
        }
        std::fs::remove_dir_all(self.dir(id)).map_err(|e| AppError::io("remove the job", e))
    }

    /// Continues every unfinished job whose kind has a runner (call once at start, after
    /// registering runners). Folders of jobs whose creation never finished are removed.
    pub fn resume_all(&self) -> AppResult<Vec<JobHandle>> {
        let mut handles = Vec::new();
        for id in self.job_ids()? {
            if self.is_running(&id) || self.lock_preparing().contains(&id) {
                continue;
            }
            let dir = self.dir(&id);
            match Journal::open(&dir).and_then(|j| j.record()) {
                Ok(None) => {
                    let _ = std::fs::remove_dir_all(&dir);
                }
                Ok(Some(record)) if !record.state.is_finished() => {
                    let known = record.kind.is_some_and(|k| {
                        self.inner
                            .runners
                            .read()
                            .unwrap_or_else(|p| p.into_inner())
                            .contains_key(&k)
                    });
                    if known {
                        match self.launch(&id, false) {
                            Ok(handle) => handles.push(handle),
                            Err(e) => {
                                tracing::warn!(job = %id, error = %e, "couldn't resume a job")
                            }
                        }
                    }
                }
                Ok(Some(_)) => {}
                Err(e) => tracing::warn!(job = %id, error = %e, "couldn't read a job journal"),
            }
        }
        Ok(handles)
    }

    fn job_ids(&self) -> AppResult<Vec<String>> {
        let entries = std::fs::read_dir(&self.inner.root)
            .map_err(|e| AppError::io("read the jobs folder", e))?;
        Ok(entries
            .filter_map(Result::ok)
            .filter(|e| e.path().join(JOURNAL_FILE).exists())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect())
    }
}

/// Records how a run ended and sends the last progress event.
fn settle(
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
            let state = if is_passing(e.code) {
                JobState::Interrupted
            } else {
                JobState::Failed
            };
            let _ = journal.set_state(state, Some(&e));
            (state, Err(e))
        }
    };
    if let Some(sink) = sink {
        let (done, total, failed) = match &result {
            Ok(r) => (r.total, r.total, r.count("failed")),
            Err(_) => record.map(|r| (r.done, r.total, r.failed)).unwrap_or_default(),
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
