//! Bulk delete: many contacts at once, crash-safe, with a backup written first.
//!
//! 1. [`create`] records every input number in the job journal with its contact, found by a
//!    [`ContactLookup`] (the mirror's rows, or Sendblue). Repeated and blank numbers are
//!    `skipped`.
//! 2. The run writes `backup.csv` in the job folder (the contacts export's columns, so it
//!    re-imports) and commits "backup written" to the journal before any delete request.
//!    Numbers with no contact are `not_found` and never sent: only what is backed up is
//!    deleted.
//! 3. Batches of up to 1,000 numbers go to `DELETE /api/v2/contacts` (see `run.rs` for how
//!    each is journaled, and re-checked after a crash).
//! 4. `report.csv` has a line for every input row: `deleted`, `not_found`, `failed` or
//!    `skipped`, with the reason.

mod backup;
mod lookup;
mod rows;
mod run;

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use sendblue_client::Client;
use serde::{Deserialize, Serialize};

pub use backup::BACKUP_FILE;
pub use lookup::{ApiLookup, ContactLookup, KnownContacts};
pub use rows::{DELETED, FAILED, NOT_FOUND, SKIPPED};

use super::journal::sql;
use super::{JobContext, JobHandle, JobKind, JobReport, JobRunner, Jobs};
use crate::error::{AppError, AppResult};

/// The most numbers one delete request may carry (the API's cap).
pub const MAX_BATCH: usize = 1000;

/// Called with the numbers each step deleted (to keep the contacts mirror in step).
pub type DeletedFn = Arc<dyn Fn(&[String]) + Send + Sync>;

/// How a bulk delete runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkDeleteOptions {
    /// Numbers per delete request, 1–1,000.
    pub batch_size: usize,
    /// How many numbers are checked at once after an interrupted request.
    pub recheck_concurrency: usize,
}

impl Default for BulkDeleteOptions {
    fn default() -> Self {
        Self {
            batch_size: MAX_BATCH,
            recheck_concurrency: 8,
        }
    }
}

/// What the journal keeps of the options (fixed at creation, so a resume runs the same way).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Params {
    batch_size: usize,
    recheck_concurrency: usize,
}

/// Runs bulk delete jobs with a profile's client. Register it with [`Jobs::register`].
pub struct BulkDeleteRunner {
    client: Client,
    on_deleted: Option<DeletedFn>,
}

impl std::fmt::Debug for BulkDeleteRunner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BulkDeleteRunner").finish_non_exhaustive()
    }
}

impl BulkDeleteRunner {
    /// A runner sending with `client`.
    pub fn new(client: Client) -> Self {
        Self {
            client,
            on_deleted: None,
        }
    }

    /// Also tells `f` which numbers each step deleted.
    pub fn on_deleted(mut self, f: impl Fn(&[String]) + Send + Sync + 'static) -> Self {
        self.on_deleted = Some(Arc::new(f));
        self
    }

    fn deleted(&self, batch: &rows::Batch, outcomes: &[rows::Settled]) {
        let Some(f) = &self.on_deleted else { return };
        let gone: Vec<String> = batch
            .rows
            .iter()
            .zip(outcomes)
            .filter(|(_, o)| matches!(o, Some((DELETED, _))))
            .map(|((_, phone), _)| phone.clone())
            .collect();
        if !gone.is_empty() {
            f(&gone);
        }
    }
}

#[async_trait]
impl JobRunner for BulkDeleteRunner {
    fn kind(&self) -> JobKind {
        JobKind::BulkDelete
    }

    async fn run(&self, ctx: JobContext) -> AppResult<JobReport> {
        run::run(self, ctx).await
    }
}

/// Creates a bulk delete of `phones` (E.164; the page's selection) without starting it.
/// Their contacts come from `lookup` and are kept in the journal for the backup. Returns the
/// job id.
pub async fn create(
    jobs: &Jobs,
    phones: &[String],
    lookup: &dyn ContactLookup,
    options: BulkDeleteOptions,
) -> AppResult<String> {
    if !(1..=MAX_BATCH).contains(&options.batch_size) {
        return Err(AppError::invalid(
            "batch_size",
            format!("A delete request carries 1 to {MAX_BATCH} numbers."),
        ));
    }
    let draft = jobs.prepare(JobKind::BulkDelete)?;
    draft
        .journal()
        .tx(|tx| tx.execute_batch(rows::SCHEMA).map_err(sql))?;
    for (n, chunk) in phones.chunks(MAX_BATCH).enumerate() {
        let chunk: Vec<String> = chunk.iter().map(|p| p.trim().to_owned()).collect();
        let wanted: Vec<String> = chunk.iter().filter(|p| !p.is_empty()).cloned().collect();
        let found: HashMap<String, _> = lookup
            .find(&wanted)
            .await?
            .into_iter()
            .map(|c| (c.phone.trim().to_owned(), c))
            .collect();
        let first = (n * MAX_BATCH) as i64 + 1;
        draft
            .journal()
            .tx(|tx| rows::insert(tx, first, &chunk, &found))?;
    }
    let params = Params {
        batch_size: options.batch_size,
        recheck_concurrency: options.recheck_concurrency.max(1),
    };
    draft.commit(&params, phones.len() as u64)
}

/// [`create`], then starts it (a runner for [`JobKind::BulkDelete`] must be registered).
pub async fn start(
    jobs: &Jobs,
    phones: &[String],
    lookup: &dyn ContactLookup,
    options: BulkDeleteOptions,
) -> AppResult<JobHandle> {
    let id = create(jobs, phones, lookup, options).await?;
    jobs.start(&id)
}
