//! A profile's jobs: the runners registered with its client (each keeping the mirror in
//! step), starting bulk deletes and exports, cancelling and resuming, and a watcher per
//! started job that announces its end and records it in the audit log.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sendblue_client::models::message_list::ListMessages;
use sendblue_client::Client;

use super::audited::{record, Audit};
use super::sources::MirrorLookup;
use super::Live;
use crate::audit::action;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::export::{
    start_contacts_export, start_messages_export, ExportContactsRunner, ExportMessagesRunner,
};
use crate::import::ImportRunner;
use crate::jobs::bulk_delete::{self, BulkDeleteOptions, BulkDeleteRunner};
use crate::jobs::{JobHandle, JobInfo, JobState};
use crate::mirror::ContactQuery;

impl Live {
    /// Registers every kind's runner with `client`; what a job changes reaches the mirror.
    pub(super) fn register_runners(&self, client: &Client) {
        let mirror = self.mirror.clone();
        let deleted = BulkDeleteRunner::new(client.clone()).on_deleted(move |phones| {
            if let Err(e) = mirror.remove_many(phones) {
                tracing::warn!("the mirror kept contacts a bulk delete removed: {e}");
            }
        });
        let mirror = self.mirror.clone();
        let imported = ImportRunner::new(client.clone()).on_saved(move |contacts| {
            if let Err(e) = mirror.upsert_many(contacts) {
                tracing::warn!("the mirror missed contacts an import saved: {e}");
            }
        });
        self.jobs.register(Arc::new(deleted));
        self.jobs.register(Arc::new(imported));
        self.jobs
            .register(Arc::new(ExportContactsRunner::new(Arc::new(
                self.mirror.clone(),
            ))));
        self.jobs
            .register(Arc::new(ExportMessagesRunner::new(client.clone())));
    }

    /// Every job of the profile, newest first.
    pub fn list_jobs(&self) -> AppResult<Vec<JobInfo>> {
        self.jobs.list()
    }

    /// Starts deleting the contacts of `phones`, after a CSV backup of them (the job writes
    /// it first). Their contacts come from the mirror.
    pub async fn start_bulk_delete(self: &Arc<Self>, phones: &[String]) -> AppResult<JobInfo> {
        if phones.iter().all(|p| p.trim().is_empty()) {
            return Err(AppError::invalid(
                "phones",
                "Choose at least one contact to delete.",
            ));
        }
        let lookup = MirrorLookup::new(self.mirror.clone(), self.client()?);
        let handle =
            bulk_delete::start(&self.jobs, phones, &lookup, BulkDeleteOptions::default()).await?;
        self.track(handle)
    }

    /// Starts exporting the contacts `filter` matches (its page is ignored) to `output`.
    pub fn start_contacts_export(
        self: &Arc<Self>,
        output: &Path,
        filter: &ContactQuery,
    ) -> AppResult<JobInfo> {
        let selection = serde_json::to_value(filter).map_err(|e| {
            AppError::new(ErrorCode::Decode, format!("The filter didn't encode: {e}"))
        })?;
        let handle = start_contacts_export(&self.jobs, output, selection)?;
        self.track(handle)
    }

    /// Starts exporting the message history `query` selects to `output`: every matching
    /// message (the page's offset and limit are dropped).
    pub fn start_messages_export(
        self: &Arc<Self>,
        output: &Path,
        mut query: ListMessages,
    ) -> AppResult<JobInfo> {
        query.offset = None;
        query.limit = None;
        let handle = start_messages_export(&self.jobs, output, query)?;
        self.track(handle)
    }

    /// Continues an interrupted job.
    pub fn resume_job(self: &Arc<Self>, id: &str) -> AppResult<JobInfo> {
        let handle = self.jobs.resume(id)?;
        self.track(handle)
    }

    /// Asks a job to stop; one that isn't running is brought to its cancelled end.
    pub fn cancel_job(self: &Arc<Self>, id: &str) -> AppResult<JobInfo> {
        if let Some(handle) = self.jobs.cancel(id)? {
            self.watch(handle);
        }
        self.jobs.info(id)
    }

    /// Where a finished job's row-by-row report is (`Conflict` until it has one).
    pub fn job_report_file(&self, id: &str) -> AppResult<PathBuf> {
        let info = self.jobs.info(id)?;
        info.report
            .and_then(|r| r.report_csv)
            .map(PathBuf::from)
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::Conflict,
                    "This job has no report yet. It's written when the job ends.",
                )
            })
    }

    /// Copies a finished job's row-by-row report to `dest`.
    pub fn save_job_report(&self, id: &str, dest: &Path) -> AppResult<()> {
        let report = self.job_report_file(id)?;
        std::fs::copy(&report, dest)
            .map(|_| ())
            .map_err(|e| AppError::io("save the report", e))
    }

    /// Follows a job started elsewhere (an import): its end is announced and audited like
    /// the others'. Returns it as it stands now.
    pub fn track(self: &Arc<Self>, handle: JobHandle) -> AppResult<JobInfo> {
        let id = handle.id().to_owned();
        self.watch(handle);
        self.jobs.info(&id)
    }

    /// Waits for a started job to end, then announces it and records how it went.
    pub(super) fn watch(self: &Arc<Self>, handle: JobHandle) {
        let live = self.clone();
        tokio::spawn(async move {
            let id = handle.id().to_owned();
            // The outcome is in the journal too; `info` reads it from there.
            let _ = handle.wait().await;
            let info = match live.jobs.info(&id) {
                Ok(info) => info,
                Err(e) => {
                    tracing::warn!(job = %id, "couldn't read a job that ended: {e}");
                    return;
                }
            };
            let error = match info.state {
                JobState::Failed | JobState::Interrupted => info.error.clone().or_else(|| {
                    Some(AppError::new(
                        ErrorCode::Io,
                        "The job stopped before its end.",
                    ))
                }),
                _ => None,
            };
            let counts = info.report.as_ref().map(|r| r.counts.clone());
            let audit = Audit::new(action::JOB_FINISH, &id).details(serde_json::json!({
                "kind": info.kind,
                "state": info.state,
                "counts": counts,
            }));
            record(&live, audit, error.as_ref());
            live.config.events.job_finished(&info);
        });
    }
}
