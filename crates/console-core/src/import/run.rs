//! Running an import that passed its dry run: send the plan, then write the report. Calling
//! it again after a crash, a quit or a stopping error resumes from the journal; calling it
//! after it finished returns the same report and sends nothing.

use std::path::Path;

use sendblue_client::Client;

use super::control::ImportControl;
use super::plan::PlanRecord;
use super::report::{unsent_reason, write_report};
use super::send::send_batches;
use super::store::{ImportStore, IMPORT_DB};
use super::types::{ImportEnd, ImportPhase, ImportReport};
use crate::error::{AppError, AppResult, ErrorCode};

/// Sends what the dry run in `job_dir` planned, and writes the report. An error means the
/// import stopped early (Sendblue unreachable for long, a refused key…): the journal keeps
/// its place, and the next call resumes it.
pub async fn run_import(
    job_dir: &Path,
    client: &Client,
    control: &ImportControl,
) -> AppResult<ImportReport> {
    let mut store = ImportStore::open(job_dir)?;
    if let Some(done) = saved_report(&store)? {
        return Ok(done);
    }
    let plan = plan_of(&store)?;
    let concurrency = plan.spec.options.concurrency as usize;
    let end = send_batches(&mut store, client, concurrency, control).await?;
    drop(store);
    control.progress(ImportPhase::Reporting, 0, 0, 0, None, true);
    finish(job_dir, end, None).await
}

/// Ends the import in `job_dir` for good after `error` (one retrying won't fix): the rows
/// not confirmed are reported failed with that reason, and the report is written. Returns
/// the saved report when the import had already finished.
pub async fn stop_import(job_dir: &Path, error: &AppError) -> AppResult<ImportReport> {
    if let Some(done) = load_report(job_dir)? {
        return Ok(done);
    }
    plan_of(&ImportStore::open(job_dir)?)?;
    finish(job_dir, ImportEnd::Failed, Some(error.message.clone())).await
}

/// Writes the report and records it as the import's end.
async fn finish(job_dir: &Path, end: ImportEnd, error: Option<String>) -> AppResult<ImportReport> {
    let dir = job_dir.to_path_buf();
    // The report streams the whole journal: off the async threads.
    tokio::task::spawn_blocking(move || {
        let store = ImportStore::open(&dir)?;
        let reason = unsent_reason(end, error.as_deref());
        let (report_csv, totals) = write_report(&store, &dir, &reason)?;
        let report = ImportReport {
            end,
            totals,
            report_csv,
        };
        let json = serde_json::to_string(&report)
            .map_err(|e| AppError::io("save the import report", e))?;
        store.set_meta("report", &json)?;
        Ok(report)
    })
    .await
    .map_err(|e| AppError::io("write the import report", e))?
}

/// The plan of the import in `job_dir`, when its dry run finished.
pub fn load_plan(job_dir: &Path) -> AppResult<Option<PlanRecord>> {
    if !job_dir.join(IMPORT_DB).exists() {
        return Ok(None);
    }
    let store = ImportStore::open(job_dir)?;
    match store.meta("plan")? {
        Some(json) => Ok(Some(parse(&json)?)),
        None => Ok(None),
    }
}

/// The report of the import in `job_dir`, once it has finished.
pub fn load_report(job_dir: &Path) -> AppResult<Option<ImportReport>> {
    if !job_dir.join(IMPORT_DB).exists() {
        return Ok(None);
    }
    saved_report(&ImportStore::open(job_dir)?)
}

fn saved_report(store: &ImportStore) -> AppResult<Option<ImportReport>> {
    store.meta("report")?.map(|json| parse(&json)).transpose()
}

fn plan_of(store: &ImportStore) -> AppResult<PlanRecord> {
    match store.meta("plan")? {
        Some(json) => parse(&json),
        None => Err(AppError::new(
            ErrorCode::Validation,
            "This import hasn't been checked yet. Run the dry run first.",
        )),
    }
}

fn parse<T: serde::de::DeserializeOwned>(json: &str) -> AppResult<T> {
    serde_json::from_str(json).map_err(|e| {
        AppError::new(
            ErrorCode::Decode,
            format!("This import's saved state couldn't be read: {e}"),
        )
    })
}
