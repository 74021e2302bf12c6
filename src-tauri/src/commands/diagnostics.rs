//! "Export diagnostics": a redacted report for bug reports, saved where the person chooses
//! in a native dialog.

use std::collections::BTreeMap;

use console_core::diagnostics::{self, AppInfo};
use console_core::{AppError, AppResult};
use tauri::AppHandle;

use super::dialogs;
use crate::logging;
use crate::state::ConsoleExt;

/// Asks where to save, then writes the report (versions, system, profiles without secrets,
/// secret storage, the built-in sandbox's address, the end of the log). Returns the saved
/// file's path to show, or `None` when the person cancels.
#[tauri::command]
#[specta::specta]
pub async fn diagnostics_export(app: AppHandle) -> AppResult<Option<String>> {
    let console = app.console()?;
    let dialog = dialogs::file_dialog(&app, "Save diagnostics")
        .set_file_name("sendblue-console-diagnostics.json")
        .add_filter("JSON", &["json"]);
    let Some(path) = dialogs::save_file(dialog).await? else {
        return Ok(None);
    };
    let log_text = read_log(&app).await;
    let report = diagnostics::report(&console, app_info(&app), &log_text).await?;
    tokio::fs::write(&path, report)
        .await
        .map_err(|e| AppError::io("save the diagnostics", e))?;
    log::info!("diagnostics exported");
    Ok(Some(path.display().to_string()))
}

/// The app's name and version and what it is built on.
fn app_info(app: &AppHandle) -> AppInfo {
    let package = app.package_info();
    let mut components = BTreeMap::from([("tauri".to_owned(), tauri::VERSION.to_owned())]);
    if let Ok(webview) = tauri::webview_version() {
        components.insert("webview".to_owned(), webview);
    }
    AppInfo {
        name: package.name.clone(),
        version: package.version.to_string(),
        components,
    }
}

/// The log so far; a report without it is still worth having.
async fn read_log(app: &AppHandle) -> String {
    let Ok(path) = logging::log_file(app) else {
        return String::new();
    };
    match tokio::fs::read(&path).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => format!("(the log at {} couldn't be read: {e})", path.display()),
    }
}
