//! A job being set up, before it exists.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::engine::Jobs;
use super::journal::Journal;
use super::types::JobKind;
use crate::error::{AppError, AppResult, ErrorCode};

/// A job being set up: its folder and journal exist, but it becomes a job only when
/// [`Draft::commit`] writes its row. Dropped uncommitted, its folder is removed.
#[derive(Debug)]
pub struct Draft {
    pub(super) jobs: Jobs,
    pub(super) id: String,
    pub(super) kind: JobKind,
    pub(super) dir: PathBuf,
    pub(super) journal: Option<Journal>,
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
            AppError::new(
                ErrorCode::Decode,
                format!("Job settings didn't encode: {e}"),
            )
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
