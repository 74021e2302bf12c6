//! What the page sees of a job: its kind, state, progress and final report.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// What a job does. New kinds are added here as variants; each kind gets its work from the
/// [`super::JobRunner`] registered for it, so the engine itself never changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// Deletes many contacts, after writing a CSV backup of them.
    BulkDelete,
    /// Writes contacts (all, or a filtered selection) to a CSV file.
    ExportContacts,
    /// Writes message history to a CSV file.
    ExportMessages,
    /// Imports contacts from a file (its runner lives with the import code).
    ImportContacts,
}

impl JobKind {
    /// The stable name stored in journals (`bulk_delete`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::BulkDelete => "bulk_delete",
            JobKind::ExportContacts => "export_contacts",
            JobKind::ExportMessages => "export_messages",
            JobKind::ImportContacts => "import_contacts",
        }
    }

    /// The kind stored under `name`, if this build knows it.
    pub fn parse(name: &str) -> Option<Self> {
        [
            JobKind::BulkDelete,
            JobKind::ExportContacts,
            JobKind::ExportMessages,
            JobKind::ImportContacts,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
    }
}

impl std::fmt::Display for JobKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    /// Created, not started yet.
    Pending,
    /// Working in this process now.
    Running,
    /// Stopped before the end — the app quit or crashed, or Sendblue couldn't be reached. It
    /// continues from its journal on `resume`, and at the next start.
    Interrupted,
    /// Finished; the report accounts for every row.
    Completed,
    /// Stopped on request; the report says what was done and what was not.
    Cancelled,
    /// Stopped by an error that retrying won't fix (see `error`).
    Failed,
}

impl JobState {
    /// The stable name stored in journals.
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Pending => "pending",
            JobState::Running => "running",
            JobState::Interrupted => "interrupted",
            JobState::Completed => "completed",
            JobState::Cancelled => "cancelled",
            JobState::Failed => "failed",
        }
    }

    /// The state stored under `name` (unknown names read as interrupted, so they resume).
    pub fn parse(name: &str) -> Self {
        match name {
            "pending" => JobState::Pending,
            "running" => JobState::Running,
            "completed" => JobState::Completed,
            "cancelled" => JobState::Cancelled,
            "failed" => JobState::Failed,
            _ => JobState::Interrupted,
        }
    }

    /// Completed, cancelled or failed: nothing more will happen.
    pub fn is_finished(self) -> bool {
        matches!(
            self,
            JobState::Completed | JobState::Cancelled | JobState::Failed
        )
    }
}

/// A progress event: how far a job is, how fast it goes, how long it has left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct JobProgress {
    /// The job.
    pub job_id: String,
    /// What it does.
    pub kind: JobKind,
    /// Where it stands.
    pub state: JobState,
    /// Rows finished (whatever their outcome).
    pub done: u64,
    /// Rows in all, when known (0 while unknown).
    pub total: u64,
    /// Rows that failed, among `done`.
    pub failed: u64,
    /// Rows per second in this run.
    pub rate_per_sec: f64,
    /// Seconds left at that rate, when it can be estimated.
    pub eta_secs: Option<u64>,
}

/// A job as listed for the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct JobInfo {
    /// Its id (also its folder's name).
    pub id: String,
    /// What it does.
    pub kind: JobKind,
    /// Where it stands.
    pub state: JobState,
    /// Rows finished, as last recorded.
    pub done: u64,
    /// Rows in all, when known.
    pub total: u64,
    /// Rows that failed, as last recorded.
    pub failed: u64,
    /// When it was created (ISO 8601, UTC).
    pub created_at: String,
    /// When its journal last changed (ISO 8601, UTC).
    pub updated_at: String,
    /// Why it stopped, for interrupted and failed jobs.
    pub error: Option<AppError>,
    /// The final report, once finished.
    pub report: Option<JobReport>,
}

/// The end of a job: counts by outcome and where its files are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct JobReport {
    /// The job.
    pub job_id: String,
    /// What it did.
    pub kind: JobKind,
    /// Completed, cancelled or failed.
    pub state: JobState,
    /// Input rows in all (every one has a line in `report_csv`).
    pub total: u64,
    /// Rows by outcome (`deleted`, `not_found`, `failed`, `skipped`, `exported`, …).
    pub counts: BTreeMap<String, u64>,
    /// The row-by-row report: `row,identity,outcome,reason`, one line per input row.
    pub report_csv: Option<String>,
    /// The backup written before anything was changed (bulk delete).
    pub backup_csv: Option<String>,
    /// The file the job produced (exports).
    pub output: Option<String>,
    /// When it finished (ISO 8601, UTC).
    pub finished_at: String,
    /// What stopped it, for failed jobs.
    pub error: Option<AppError>,
}

impl JobReport {
    /// How many rows had `outcome`.
    pub fn count(&self, outcome: &str) -> u64 {
        self.counts.get(outcome).copied().unwrap_or(0)
    }
}
