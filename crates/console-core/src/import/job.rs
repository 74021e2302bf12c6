//! The import as a job of the engine ([`crate::jobs`]): kind `ImportContacts`.
//!
//! The wizard's dry run works in a folder of its own (nothing is a job yet: the person may
//! still change the mapping or walk away). On "Import", [`create_import_job`] moves that
//! folder's journal into a new job folder and commits the job; [`Jobs::start`] then runs it
//! with an [`ImportRunner`], and [`Jobs::resume_all`] continues it after a crash. The engine
//! keeps the job's state in its `journal.db`; the import's own rows and batches stay in
//! `import.db` beside it (see [`super::store`]).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use sendblue_client::models::contacts::Contact;
use sendblue_client::Client;
use serde::{Deserialize, Serialize};

use super::control::ImportControl;
use super::run::{load_plan, run_import, stop_import};
use super::store::IMPORT_DB;
use super::types::{ImportEnd, ImportPhase, ImportReport};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::jobs::report::{display_path, new_report};
use crate::jobs::{JobContext, JobKind, JobReport, JobRunner, JobState, Jobs};

/// What the engine's journal keeps about an import job (for the job list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportJobParams {
    /// The imported file.
    pub file: String,
    /// Rows in the file.
    pub rows: u64,
    /// Contacts to send.
    pub to_send: u64,
}

/// Makes the dry run in `dry_run_dir` a job of `jobs` (moving its journal into the job's
/// folder) without starting it. Returns the job id; start it with [`Jobs::start`].
pub fn create_import_job(jobs: &Jobs, dry_run_dir: &Path) -> AppResult<String> {
    let plan = load_plan(dry_run_dir)?.ok_or_else(|| {
        AppError::new(
            ErrorCode::Validation,
            "This import hasn't been checked yet. Run the dry run first.",
        )
    })?;
    let draft = jobs.prepare(JobKind::ImportContacts)?;
    // SQLite's side files go along (normally gone once the journal was closed cleanly).
    for suffix in ["", "-wal", "-shm"] {
        let name = format!("{IMPORT_DB}{suffix}");
        let from = dry_run_dir.join(&name);
        if from.exists() {
            std::fs::rename(&from, draft.dir().join(&name))
                .map_err(|e| AppError::io("move the import into its job folder", e))?;
        }
    }
    let summary = &plan.summary;
    let params = ImportJobParams {
        file: plan.spec.file.to_string_lossy().into_owned(),
        rows: summary.rows,
        to_send: summary.new + summary.update,
    };
    draft.commit(&params, summary.rows)
}

type SavedFn = Arc<dyn Fn(&[Contact]) + Send + Sync>;

/// Runs import jobs with a profile's client. Register it with [`Jobs::register`].
pub struct ImportRunner {
    client: Client,
    on_saved: Option<SavedFn>,
}

impl std::fmt::Debug for ImportRunner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportRunner").finish_non_exhaustive()
    }
}

impl ImportRunner {
    /// A runner sending with `client`.
    pub fn new(client: Client) -> Self {
        Self {
            client,
            on_saved: None,
        }
    }

    /// Also hands `f` the contacts of every accepted batch (to keep the mirror in step).
    pub fn on_saved(mut self, f: impl Fn(&[Contact]) + Send + Sync + 'static) -> Self {
        self.on_saved = Some(Arc::new(f));
        self
    }
}

#[async_trait]
impl JobRunner for ImportRunner {
    fn kind(&self) -> JobKind {
        JobKind::ImportContacts
    }

    async fn run(&self, ctx: JobContext) -> AppResult<JobReport> {
        let ctx = Arc::new(ctx);
        let cancel = ctx.cancel_token();
        let progress_ctx = ctx.clone();
        let mut control = ImportControl::new()
            .with_cancel(move || cancel.is_cancelled())
            .with_progress(move |p| {
                // The engine counts rows of the file; sending counts contacts to send. The
                // sending phase's numbers are what moves, so they are what the page sees.
                if p.phase == ImportPhase::Sending {
                    progress_ctx.progress(p.done, p.failed);
                }
            });
        if let Some(f) = self.on_saved.clone() {
            control = control.with_on_saved(move |c| f(c));
        }
        if let Some(plan) = load_plan(ctx.dir())? {
            ctx.set_total(plan.summary.new + plan.summary.update)?;
        }
        match run_import(ctx.dir(), &self.client, &control).await {
            Ok(report) => Ok(job_report(&ctx, &report, None)),
            // Passing troubles leave the job interrupted, to resume (the engine's rule).
            Err(e) if is_passing(e.code) => Err(e),
            // Anything else ends it: every row still gets its line in the report.
            Err(e) => {
                let report = stop_import(ctx.dir(), &e).await?;
                Ok(job_report(&ctx, &report, Some(e)))
            }
        }
    }
}

fn is_passing(code: ErrorCode) -> bool {
    matches!(
        code,
        ErrorCode::Network | ErrorCode::Upstream | ErrorCode::RateLimited
    )
}

/// The engine's report for an import's (`error`: what stopped a failed one).
pub fn job_report(ctx: &JobContext, report: &ImportReport, error: Option<AppError>) -> JobReport {
    let t = &report.totals;
    let counts: BTreeMap<String, u64> = [
        ("imported", t.imported),
        ("updated", t.updated),
        ("skipped-duplicate-in-file", t.skipped_duplicate_in_file),
        ("skipped-existing", t.skipped_existing),
        ("invalid", t.invalid),
        ("failed", t.failed),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    let state = match report.end {
        ImportEnd::Completed => JobState::Completed,
        ImportEnd::Cancelled => JobState::Cancelled,
        ImportEnd::Failed => JobState::Failed,
    };
    let mut out = new_report(ctx, state, t.rows, counts);
    out.report_csv = Some(display_path(&report.report_csv));
    out.error = error;
    out
}
