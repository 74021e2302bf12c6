//! The app settings (default country, theme, notifications) over tauri-plugin-store: one
//! store file, one key holding the whole `AppSettings` as JSON. The checks live in
//! console-core's `Settings`; this is only where they are kept, and how commands reach them.

use std::path::Path;
use std::sync::Arc;

use console_core::{AppError, AppResult, AppSettings, ErrorCode, Settings, SettingsStore};
use serde_json::Value;
use tauri::{Manager, Runtime};
use tauri_plugin_store::Store;

/// The key the settings are kept under.
const SETTINGS_KEY: &str = "settings";

/// Settings kept in a tauri-plugin-store file.
pub struct TauriSettings<R: Runtime> {
    store: Arc<Store<R>>,
}

impl<R: Runtime> std::fmt::Debug for TauriSettings<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TauriSettings").finish_non_exhaustive()
    }
}

impl<R: Runtime> TauriSettings<R> {
    /// Opens (or creates) the store at `path` (relative paths are in the app data folder).
    /// Saved on every change, never on a timer.
    pub fn open(app: &impl Manager<R>, path: impl AsRef<Path>) -> AppResult<Self> {
        let store = crate::profile_store::open_store(app, path, "open the settings store")?;
        Ok(Self { store })
    }
}

impl<R: Runtime> SettingsStore for TauriSettings<R> {
    fn load(&self) -> AppResult<Option<Value>> {
        Ok(self.store.get(SETTINGS_KEY))
    }

    fn save(&self, settings: &AppSettings) -> AppResult<()> {
        let value =
            serde_json::to_value(settings).map_err(|e| AppError::io("save the settings", e))?;
        self.store.set(SETTINGS_KEY, value);
        self.store
            .save()
            .map_err(|e| AppError::io("save the settings", e))
    }
}

/// Opens the settings kept at `path` and puts them in the app's managed state.
pub fn manage<R: Runtime>(app: &impl Manager<R>, path: impl AsRef<Path>) -> AppResult<()> {
    let settings = Settings::open(Box::new(TauriSettings::open(app, path)?))?;
    app.manage(Arc::new(settings));
    Ok(())
}

/// Access to the settings from an `App`, `AppHandle` or window.
pub trait SettingsExt<R: Runtime> {
    /// The app settings.
    fn settings(&self) -> AppResult<Arc<Settings>>;
}

impl<R: Runtime, M: Manager<R>> SettingsExt<R> for M {
    fn settings(&self) -> AppResult<Arc<Settings>> {
        self.try_state::<Arc<Settings>>()
            .map(|state| state.inner().clone())
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::Io,
                    "The console is still starting. Try again in a moment.",
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use console_core::{SettingsChange, Theme};
    use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};

    use super::*;

    fn mock_app_with_store() -> tauri::App<MockRuntime> {
        mock_builder()
            .plugin(tauri_plugin_store::Builder::new().build())
            .build(mock_context(noop_assets()))
            .expect("mock app")
    }

    #[test]
    fn no_saved_settings_read_as_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let app = mock_app_with_store();
        manage(&app, dir.path().join("settings.json")).unwrap();
        assert_eq!(app.settings().unwrap().get(), AppSettings::default());
    }

    #[test]
    fn a_change_is_on_disk_under_one_key_and_read_back_after_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        let app = mock_app_with_store();
        manage(&app, &path).unwrap();
        let now = app
            .settings()
            .unwrap()
            .set(&SettingsChange {
                default_country: Some("gb".into()),
                theme: Some(Theme::Dark),
                notifications: Some(false),
            })
            .unwrap();

        let on_disk: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let keys: Vec<&String> = on_disk.as_object().unwrap().keys().collect();
        assert_eq!(keys, [SETTINGS_KEY]);
        assert_eq!(on_disk[SETTINGS_KEY]["default_country"], "GB");
        assert_eq!(on_disk[SETTINGS_KEY]["theme"], "dark");

        let restarted = mock_app_with_store();
        manage(&restarted, &path).unwrap();
        assert_eq!(restarted.settings().unwrap().get(), now);
    }
}
