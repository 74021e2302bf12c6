//! The audit log of the active profile: pages of it, and a CSV export saved where the person
//! chooses.

use console_core::{AppError, AppResult, AuditPage, AuditQuery};
use tauri::AppHandle;

use super::dialogs;
use crate::state::ConsoleExt;

/// A page of the changes matching `filter`, newest first.
#[tauri::command]
#[specta::specta]
pub async fn audit_query(app: AppHandle, filter: AuditQuery) -> AppResult<AuditPage> {
    let live = app.live()?;
    tokio::task::spawn_blocking(move || live.audit().query(&filter))
        .await
        .map_err(|e| AppError::io("read the audit log", e))?
}

/// Asks where to save, then writes every change matching `filter` (its paging ignored) as
/// CSV. Returns the saved file's path, or `None` when the person cancels.
#[tauri::command]
#[specta::specta]
pub async fn audit_export(app: AppHandle, filter: AuditQuery) -> AppResult<Option<String>> {
    let live = app.live()?;
    let dialog = dialogs::file_dialog(&app, "Export the audit log")
        .set_file_name("sendblue-audit-log.csv")
        .add_filter("CSV", &["csv"]);
    let Some(path) = dialogs::save_file(dialog).await? else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    tokio::task::spawn_blocking(move || live.audit().export_csv(&filter, &path))
        .await
        .map_err(|e| AppError::io("export the audit log", e))??;
    Ok(Some(shown))
}
