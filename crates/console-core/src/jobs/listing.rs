//! Reading the jobs folder: one job, every job, reports, removal, and resuming what a crash
//! or a quit left unfinished.

use super::engine::Jobs;
use super::journal::{no_such_job, Journal, JOURNAL_FILE};
use super::runner::JobHandle;
use super::types::{JobInfo, JobReport, JobState};
use crate::error::{AppError, AppResult, ErrorCode};

impl Jobs {
    /// One job. A journal that says `running` while no task here runs it was left by a
    /// crash or a quit: it reads as `Interrupted`.
    pub fn info(&self, id: &str) -> AppResult<JobInfo> {
        let dir = self.checked_dir(id)?;
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
