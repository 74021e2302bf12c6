//! The app settings: default country, theme, desktop notifications. They belong to the app,
//! not to a profile; a change is announced as `SettingsChanged` and audited in the active
//! profile's log.

use console_core::settings::SETTINGS_UPDATE;
use console_core::{AppResult, AppSettings, Audit, SettingsChange};
use serde_json::json;
use tauri::AppHandle;
use tauri_specta::Event;

use crate::events::SettingsChanged;
use crate::settings_store::SettingsExt;
use crate::state::ConsoleExt;

/// The settings now.
#[tauri::command]
#[specta::specta]
pub fn settings_get(app: AppHandle) -> AppResult<AppSettings> {
    Ok(app.settings()?.get())
}

/// Changes the settings given (the others keep their value), after checking them; returns
/// every setting as it is now.
#[tauri::command]
#[specta::specta]
pub async fn settings_set(app: AppHandle, change: SettingsChange) -> AppResult<AppSettings> {
    let settings = app.settings()?;
    let console = app.console()?;
    let audit = Audit::new(SETTINGS_UPDATE, "settings").details(json!(change));
    let now = console
        .audited(audit, async { settings.set(&change) })
        .await?;
    if let Err(e) = SettingsChanged(now.clone()).emit(&app) {
        // Saved all the same; the page reads them again on its next query.
        log::warn!("couldn't announce the settings change: {e}");
    }
    Ok(now)
}
