//! Jobs: bulk delete (a backup first), contacts and messages exports to a file chosen in a
//! native dialog, the list, cancel, resume, and saving a report. Progress arrives as
//! `JobProgress` events and each job's end as `JobFinished`.

use console_core::audit::action;
use console_core::{AppResult, Audit, ContactQuery, JobInfo};
use sendblue_client::models::message_list::ListMessages;
use serde_json::json;
use tauri::AppHandle;

use super::contacts::contacts_label;
use super::dialogs;
use crate::state::ConsoleExt;

/// Every job of the active profile, newest first.
#[tauri::command]
#[specta::specta]
pub fn jobs_list(app: AppHandle) -> AppResult<Vec<JobInfo>> {
    app.live()?.list_jobs()
}

/// Deletes the contacts of `phones` (E.164) as a job that first writes a CSV backup of them.
#[tauri::command]
#[specta::specta]
pub async fn jobs_bulk_delete(app: AppHandle, phones: Vec<String>) -> AppResult<JobInfo> {
    let console = app.console()?;
    let live = console.live()?;
    let audit = Audit::new(action::CONTACTS_BULK_DELETE, contacts_label(phones.len()))
        .details(json!({ "phones": phones }));
    console
        .audited(audit, live.start_bulk_delete(&phones))
        .await
}

/// Asks where to save, then exports the contacts `filter` matches (all when it has no text
/// or filters; its page is ignored). `None` when the person cancels.
#[tauri::command]
#[specta::specta]
pub async fn jobs_export_contacts(
    app: AppHandle,
    filter: ContactQuery,
) -> AppResult<Option<JobInfo>> {
    let console = app.console()?;
    let live = console.live()?;
    let dialog = dialogs::file_dialog(&app, "Export contacts")
        .set_file_name("contacts.csv")
        .add_filter("CSV", &["csv"]);
    let Some(path) = dialogs::save_file(dialog).await? else {
        return Ok(None);
    };
    let audit = Audit::new(action::CONTACTS_EXPORT, path.display().to_string()).details_of(&filter);
    let started = console
        .audited(audit, async { live.start_contacts_export(&path, &filter) })
        .await?;
    Ok(Some(started))
}

/// Asks where to save, then exports the message history `params` selects (its paging is
/// ignored: every matching message). `None` when the person cancels.
#[tauri::command]
#[specta::specta]
pub async fn jobs_export_messages(
    app: AppHandle,
    params: ListMessages,
) -> AppResult<Option<JobInfo>> {
    let console = app.console()?;
    let live = console.live()?;
    let dialog = dialogs::file_dialog(&app, "Export messages")
        .set_file_name("messages.csv")
        .add_filter("CSV", &["csv"]);
    let Some(path) = dialogs::save_file(dialog).await? else {
        return Ok(None);
    };
    let audit = Audit::new(action::MESSAGES_EXPORT, path.display().to_string()).details_of(&params);
    let started = console
        .audited(audit, async { live.start_messages_export(&path, params) })
        .await?;
    Ok(Some(started))
}

/// Asks a job to stop. It ends soon with a report of what was and wasn't done.
#[tauri::command]
#[specta::specta]
pub async fn jobs_cancel(app: AppHandle, id: String) -> AppResult<JobInfo> {
    let console = app.console()?;
    let live = console.live()?;
    let audit = Audit::new(action::JOB_CANCEL, &id);
    console.audited(audit, async { live.cancel_job(&id) }).await
}

/// Continues an interrupted job from where it stopped.
#[tauri::command]
#[specta::specta]
pub async fn jobs_resume(app: AppHandle, id: String) -> AppResult<JobInfo> {
    let console = app.console()?;
    let live = console.live()?;
    let audit = Audit::new(action::JOB_RESUME, &id);
    console.audited(audit, async { live.resume_job(&id) }).await
}

/// Asks where to save, then copies a finished job's row-by-row report there. Returns the
/// saved file's path, or `None` when the person cancels.
#[tauri::command]
#[specta::specta]
pub async fn jobs_save_report(app: AppHandle, id: String) -> AppResult<Option<String>> {
    let live = app.live()?;
    // Before the dialog: a job without a report yet has nothing to save.
    live.job_report_file(&id)?;
    let dialog = dialogs::file_dialog(&app, "Save the report")
        .set_file_name(format!("{id}-report.csv"))
        .add_filter("CSV", &["csv"]);
    let Some(path) = dialogs::save_file(dialog).await? else {
        return Ok(None);
    };
    live.save_job_report(&id, &path)?;
    Ok(Some(path.display().to_string()))
}
