//! The engine: creates jobs, runs them on the tokio runtime, and cancels them. Listing and
//! resuming are in `listing.rs`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use super::context::{CancelToken, JobContext, ProgressFn};
use super::draft::Draft;
use super::journal::{no_such_job, Journal, JOURNAL_FILE};
use super::runner::{settle, JobHandle, JobRunner};
use super::types::{JobKind, JobProgress, JobState};
use crate::error::{AppError, AppResult, ErrorCode};

/// The jobs of one profile, kept in one folder (`<profile dir>/jobs/<job id>/`). Cheap to
/// clone; clones share everything.
#[derive(Clone)]
pub struct Jobs {
    pub(super) inner: Arc<Inner>,
}

pub(super) struct Inner {
    pub(super) root: PathBuf,
    pub(super) runners: RwLock<HashMap<JobKind, Arc<dyn JobRunner>>>,
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

    /// The folder of job `id`, refusing ids that aren't one plain folder name (ids come
    /// back from the page).
    pub(super) fn checked_dir(&self, id: &str) -> AppResult<PathBuf> {
        let plain = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !plain {
            return Err(no_such_job(id));
        }
        Ok(self.dir(id))
    }

    /// Registers the runner of its kind (replacing any earlier one).
    pub fn register(&self, runner: Arc<dyn JobRunner>) {
        let mut runners = self
            .inner
            .runners
            .write()
            .unwrap_or_else(|p| p.into_inner());
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

    pub(super) fn lock_preparing(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.inner
            .preparing
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    pub(super) fn lock_running(&self) -> std::sync::MutexGuard<'_, HashMap<String, CancelToken>> {
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

    pub(super) fn launch(&self, id: &str, cancelled: bool) -> AppResult<JobHandle> {
        let dir = self.checked_dir(id)?;
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
        let ctx = JobContext::new(
            &record,
            kind,
            dir,
            journal.clone(),
            cancel.clone(),
            sink.clone(),
        );
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
}
