//! Exports as jobs: progress, cancel, and resume. An export keeps no partial state worth
//! saving — resuming one simply writes the file again from the start, into `<name>.partial`,
//! renamed over the destination only when complete. Cancelling deletes the unfinished file
//! (the destination is left as it was) and ends with a report saying nothing was saved.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use async_trait::async_trait;
use futures_util::StreamExt;
use sendblue_client::models::common::OrderDirection;
use sendblue_client::models::message_list::{ListMessages, MessageOrderBy};
use sendblue_client::Client;
use serde::{Deserialize, Serialize};

use super::contacts::{keys_and_count, write_contacts, ContactRows};
use super::messages::{message_cells, MESSAGE_COLUMNS};
use super::safe_csv::SafeCsvFile;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::jobs::report::{display_path, new_report};
use crate::jobs::{
    JobContext, JobHandle, JobKind, JobReport, JobRunner, JobState, Jobs, ReportWriter,
};

/// The outcome of every row of a finished export.
pub const EXPORTED: &str = "exported";
/// Count key of a cancelled export: rows written before it stopped, then discarded.
pub const NOT_SAVED: &str = "not_saved";

/// Messages per history page while exporting (the API's largest).
const PAGE_SIZE: u32 = 1000;

/// What a contacts export keeps in its journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportContactsParams {
    /// The CSV file to write.
    pub output: PathBuf,
    /// The page's filter, handed to the [`ContactRows`] source (`null`: every contact).
    pub selection: serde_json::Value,
}

/// What a messages export keeps in its journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportMessagesParams {
    /// The CSV file to write.
    pub output: PathBuf,
    /// The history filter. Without a sort order, oldest first is used, so messages arriving
    /// during the export are added at the end instead of shifting the pages.
    pub query: ListMessages,
}

fn cancelled_report(ctx: &JobContext, written: u64) -> JobReport {
    let counts = BTreeMap::from([(NOT_SAVED.to_owned(), written)]);
    new_report(ctx, JobState::Cancelled, written, counts)
}

fn finished_report(ctx: &JobContext, output: &Path, report: ReportWriter) -> AppResult<JobReport> {
    let (path, counts, total) = report.commit()?;
    let mut done = new_report(ctx, JobState::Completed, total, counts);
    done.report_csv = Some(display_path(&path));
    done.output = Some(display_path(output));
    Ok(done)
}

/// Runs contacts exports; its rows come from `source` (the mirror). Register it with
/// [`Jobs::register`].
pub struct ExportContactsRunner {
    source: Arc<dyn ContactRows>,
}

impl std::fmt::Debug for ExportContactsRunner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportContactsRunner")
            .finish_non_exhaustive()
    }
}

impl ExportContactsRunner {
    /// A runner reading contacts from `source`.
    pub fn new(source: Arc<dyn ContactRows>) -> Self {
        Self { source }
    }
}

#[async_trait]
impl JobRunner for ExportContactsRunner {
    fn kind(&self) -> JobKind {
        JobKind::ExportContacts
    }

    async fn run(&self, ctx: JobContext) -> AppResult<JobReport> {
        let source = self.source.clone();
        // The source is synchronous (SQLite), so the whole export runs off the async workers.
        tokio::task::spawn_blocking(move || export_contacts(&*source, &ctx))
            .await
            .map_err(|e| AppError::io("finish the export", e))?
    }
}

fn export_contacts(source: &dyn ContactRows, ctx: &JobContext) -> AppResult<JobReport> {
    let params: ExportContactsParams = ctx.params()?;
    let (keys, count) = keys_and_count(source, &params.selection)?;
    if let Some(count) = count {
        ctx.set_total(count)?;
    }
    let cancel = ctx.cancel_token();
    let mut report = ReportWriter::create(ctx.dir())?;
    let written = write_contacts(
        &params.output,
        &keys,
        source.rows(&params.selection)?,
        |n, contact| {
            report.row(n, &contact.phone, EXPORTED, "")?;
            ctx.progress(n, 0);
            cancel.check()
        },
    );
    match written {
        Ok(_) => finished_report(ctx, &params.output, report),
        Err(e) => {
            let rows = report.rows();
            report.abandon();
            match e.code {
                ErrorCode::Cancelled => Ok(cancelled_report(ctx, rows)),
                _ => Err(e),
            }
        }
    }
}

/// Runs messages exports with a profile's client. Register it with [`Jobs::register`].
#[derive(Debug, Clone)]
pub struct ExportMessagesRunner {
    client: Client,
}

impl ExportMessagesRunner {
    /// A runner reading history with `client`.
    pub fn new(client: Client) -> Self {
        Self { client }
    }
}

#[async_trait]
impl JobRunner for ExportMessagesRunner {
    fn kind(&self) -> JobKind {
        JobKind::ExportMessages
    }

    async fn run(&self, ctx: JobContext) -> AppResult<JobReport> {
        let params: ExportMessagesParams = ctx.params()?;
        let mut query = params.query.clone();
        if query.order_by.is_none() {
            query.order_by = Some(MessageOrderBy::CreatedAt);
            query.order_direction = Some(OrderDirection::Asc);
        }
        query.limit = query.limit.or(Some(PAGE_SIZE));
        let mut file = SafeCsvFile::create(&params.output, &MESSAGE_COLUMNS)?;
        let mut report = ReportWriter::create(ctx.dir())?;
        match self.write_pages(&ctx, query, &mut file, &mut report).await {
            Ok(true) => {
                file.commit()?;
                finished_report(&ctx, &params.output, report)
            }
            Ok(false) => {
                let rows = report.rows();
                file.abandon();
                report.abandon();
                Ok(cancelled_report(&ctx, rows))
            }
            Err(e) => {
                file.abandon();
                report.abandon();
                Err(e)
            }
        }
    }
}

impl ExportMessagesRunner {
    /// Writes every page; `false` when cancelled first.
    async fn write_pages(
        &self,
        ctx: &JobContext,
        query: ListMessages,
        file: &mut SafeCsvFile,
        report: &mut ReportWriter,
    ) -> AppResult<bool> {
        let mut pages = Box::pin(self.client.messages().pages(query));
        let mut first = true;
        loop {
            if ctx.is_cancelled() {
                return Ok(false);
            }
            let Some(page) = pages.next().await else {
                return Ok(true);
            };
            let page = page?;
            if first {
                first = false;
                if let Some(p) = &page.pagination {
                    ctx.set_total(p.total)?;
                }
            }
            for message in &page.data {
                file.row(&message_cells(message))?;
                report.row(file.rows(), &message.message_handle, EXPORTED, "")?;
            }
            ctx.progress_now(file.rows(), 0);
        }
    }
}

/// Creates a contacts export of `selection` (`null`: all) to `output`, without starting it.
pub fn create_contacts_export(
    jobs: &Jobs,
    output: impl Into<PathBuf>,
    selection: serde_json::Value,
) -> AppResult<String> {
    let params = ExportContactsParams {
        output: output.into(),
        selection,
    };
    jobs.prepare(JobKind::ExportContacts)?.commit(&params, 0)
}

/// Creates and starts a contacts export (an [`ExportContactsRunner`] must be registered).
pub fn start_contacts_export(
    jobs: &Jobs,
    output: impl Into<PathBuf>,
    selection: serde_json::Value,
) -> AppResult<JobHandle> {
    let id = create_contacts_export(jobs, output, selection)?;
    jobs.start(&id)
}

/// Creates a messages export of the history matching `query` to `output`, without
/// starting it.
pub fn create_messages_export(
    jobs: &Jobs,
    output: impl Into<PathBuf>,
    query: ListMessages,
) -> AppResult<String> {
    let params = ExportMessagesParams {
        output: output.into(),
        query,
    };
    jobs.prepare(JobKind::ExportMessages)?.commit(&params, 0)
}

/// Creates and starts a messages export (an [`ExportMessagesRunner`] must be registered).
pub fn start_messages_export(
    jobs: &Jobs,
    output: impl Into<PathBuf>,
    query: ListMessages,
) -> AppResult<JobHandle> {
    let id = create_messages_export(jobs, output, query)?;
    jobs.start(&id)
}
