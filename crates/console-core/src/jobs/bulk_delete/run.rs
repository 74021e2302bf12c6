//! The bulk delete run: backup, settle what a crash left in flight, then batches until done.
//!
//! Crash safety rests on two commits around every request: the batch is recorded `in_flight`
//! before `DELETE /api/v2/contacts` goes out, and its rows get their outcomes (with
//! Sendblue's `amount`) after the answer. A batch found `in_flight` on resume is re-checked
//! number by number (`GET /api/v2/contacts/{phone}`): gone → `deleted`, still there → sent
//! again. So no row is counted twice, none is left out, and a number is never in two
//! successful delete requests unless the first one's fate was unknown.

use sendblue_client::ErrorCode;

use super::backup::{self, BACKUP_FILE, KV_PATH, KV_WRITTEN_AT};
use super::lookup::still_there;
use super::rows::{self, Batch, Settled, DELETED, FAILED, SKIPPED};
use super::{BulkDeleteRunner, Params};
use crate::error::{AppError, AppResult};
use crate::jobs::journal::sql;
use crate::jobs::report::{display_path, new_report, ReportWriter};
use crate::jobs::{JobContext, JobReport, JobState};

fn join_err(e: tokio::task::JoinError) -> AppError {
    AppError::io("finish a background step", e)
}

pub(super) async fn run(runner: &BulkDeleteRunner, ctx: JobContext) -> AppResult<JobReport> {
    let params: Params = ctx.params()?;
    let journal = ctx.journal().clone();
    if journal.get(KV_WRITTEN_AT)?.is_none() {
        let path = ctx.dir().join(BACKUP_FILE);
        let j = journal.clone();
        tokio::task::spawn_blocking(move || backup::write(&j, &path))
            .await
            .map_err(join_err)??;
    }

    for batch in rows::in_flight(&journal)? {
        match recheck(runner, &params, &batch).await {
            Ok(outcomes) => {
                rows::settle(&journal, &batch, "rechecked", None, &outcomes)?;
                runner.deleted(&batch, &outcomes);
            }
            // Cancelling must still end the job when Sendblue can't be reached to re-check;
            // the report then says plainly that these rows' fate is unknown.
            Err(e) if ctx.is_cancelled() => {
                let reason = format!(
                    "Unknown: the request was interrupted and couldn't be checked ({})",
                    e.message
                );
                let outcomes: Vec<Settled> = batch
                    .rows
                    .iter()
                    .map(|_| Some((FAILED, reason.clone())))
                    .collect();
                rows::settle(&journal, &batch, "unchecked", None, &outcomes)?;
            }
            Err(e) => return Err(e),
        }
    }

    loop {
        let (done, failed) = rows::counts(&journal)?;
        ctx.progress_now(done, failed);
        if ctx.is_cancelled() {
            return finish(&ctx, JobState::Cancelled, None).await;
        }
        let Some(batch) = rows::claim(&journal, params.batch_size)? else {
            return finish(&ctx, JobState::Completed, None).await;
        };
        match runner.client.contacts().bulk_delete(&batch.phones()).await {
            Ok(answer) => confirm(runner, &ctx, &params, &batch, Some(answer.amount)).await?,
            Err(e) => {
                let code = e.code();
                let error = AppError::from(e);
                match code {
                    // A 2xx answer that didn't decode: the request was carried out.
                    ErrorCode::Decode => confirm(runner, &ctx, &params, &batch, None).await?,
                    // Refused before anything was changed.
                    ErrorCode::Validation | ErrorCode::Conflict | ErrorCode::NotFound => {
                        let reason = format!("Sendblue refused the request: {}", error.message);
                        let outcomes: Vec<Settled> = batch
                            .rows
                            .iter()
                            .map(|_| Some((FAILED, reason.clone())))
                            .collect();
                        rows::settle(&journal, &batch, "refused", None, &outcomes)?;
                    }
                    // Refused, and every later request would be too.
                    ErrorCode::Unauthorized | ErrorCode::Forbidden | ErrorCode::PaymentRequired => {
                        let back: Vec<Settled> = batch.rows.iter().map(|_| None).collect();
                        rows::settle(&journal, &batch, "refused", None, &back)?;
                        return finish(&ctx, JobState::Failed, Some(error)).await;
                    }
                    // Unknown whether it was carried out: the batch stays in flight, and the
                    // job waits (interrupted) to re-check it when resumed.
                    _ => return Err(error),
                }
            }
        }
    }
}

/// Which rows of `batch` are gone (`deleted`) and which are still there (`None`: send again).
async fn recheck(
    runner: &BulkDeleteRunner,
    params: &Params,
    batch: &Batch,
) -> AppResult<Vec<Settled>> {
    let present = still_there(&runner.client, &batch.phones(), params.recheck_concurrency).await?;
    Ok(present
        .into_iter()
        .map(|there| {
            (!there).then(|| {
                (
                    DELETED,
                    "Deleted (confirmed after an interrupted request)".to_owned(),
                )
            })
        })
        .collect())
}

/// Records a batch Sendblue answered. When it deleted fewer than asked (or its answer couldn't
/// be read), each number is checked: gone is deleted, still there is failed.
async fn confirm(
    runner: &BulkDeleteRunner,
    ctx: &JobContext,
    params: &Params,
    batch: &Batch,
    amount: Option<u64>,
) -> AppResult<()> {
    let asked = batch.rows.len() as u64;
    let outcomes: Vec<Settled> = if amount == Some(asked) {
        batch
            .rows
            .iter()
            .map(|_| Some((DELETED, String::new())))
            .collect()
    } else {
        let gone = match amount {
            Some(n) => format!(
                "Gone; Sendblue deleted {n} of the {asked} numbers in this request, so some were already removed"
            ),
            None => "Gone after the request (Sendblue's answer couldn't be read)".to_owned(),
        };
        still_there(&runner.client, &batch.phones(), params.recheck_concurrency)
            .await?
            .into_iter()
            .map(|there| {
                Some(if there {
                    (
                        FAILED,
                        "Still there after Sendblue accepted the delete request".to_owned(),
                    )
                } else {
                    (DELETED, gone.clone())
                })
            })
            .collect()
    };
    rows::settle(ctx.journal(), batch, "done", amount, &outcomes)?;
    runner.deleted(batch, &outcomes);
    let (done, failed) = rows::counts(ctx.journal())?;
    ctx.progress_now(done, failed);
    Ok(())
}

/// Gives open rows their outcome, writes `report.csv` from the journal, returns the report.
async fn finish(
    ctx: &JobContext,
    state: JobState,
    error: Option<AppError>,
) -> AppResult<JobReport> {
    let journal = ctx.journal().clone();
    match (&state, &error) {
        (JobState::Cancelled, _) => {
            rows::close_open(&journal, SKIPPED, "Cancelled before it was sent")?
        }
        (_, Some(e)) => rows::close_open(&journal, FAILED, &format!("Not sent: {}", e.message))?,
        _ => {}
    }
    let dir = ctx.dir().to_owned();
    let j = journal.clone();
    let (path, counts, total) = tokio::task::spawn_blocking(move || {
        let mut report = ReportWriter::create(&dir)?;
        let written = j.read(|conn| {
            let mut stmt = conn
                .prepare("SELECT idx, phone, outcome, reason FROM bd_rows ORDER BY idx")
                .map_err(sql)?;
            let mut found = stmt.query([]).map_err(sql)?;
            while let Some(row) = found.next().map_err(sql)? {
                let idx: i64 = row.get(0).map_err(sql)?;
                let phone: String = row.get(1).map_err(sql)?;
                let outcome: Option<String> = row.get(2).map_err(sql)?;
                let reason: Option<String> = row.get(3).map_err(sql)?;
                report.row(
                    idx as u64,
                    &phone,
                    outcome.as_deref().unwrap_or(FAILED),
                    reason.as_deref().unwrap_or_default(),
                )?;
            }
            Ok(())
        });
        match written {
            Ok(()) => report.commit(),
            Err(e) => {
                report.abandon();
                Err(e)
            }
        }
    })
    .await
    .map_err(join_err)??;
    let mut report = new_report(ctx, state, total, counts);
    report.report_csv = Some(display_path(&path));
    report.backup_csv = journal.get(KV_PATH)?;
    report.error = error;
    Ok(report)
}
