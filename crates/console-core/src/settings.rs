//! The app's own preferences — default country, theme, desktop notifications — shared by
//! every profile. Nothing secret is kept here. The desktop app keeps them over
//! tauri-plugin-store behind [`SettingsStore`]; [`JsonFileSettings`] is a plain file for tools
//! and tests.

use std::path::PathBuf;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{AppError, AppResult};
use crate::import::DefaultCountry;

/// The audit action of a settings change.
pub const SETTINGS_UPDATE: &str = "settings.update";

/// The country assumed for numbers typed without a country code, when none was chosen.
pub const DEFAULT_COUNTRY: &str = "US";

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Every preference, with its value now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppSettings {
    /// ISO 3166 alpha-2 code ("US") of the country numbers without a country code belong to.
    pub default_country: String,
    /// The console's colours.
    pub theme: Theme,
    /// Show a desktop notification when a message comes in while the window isn't in front.
    pub notifications: bool,
}

impl Default for AppSettings {
    fn default() -> Self {
        Self {
            default_country: DEFAULT_COUNTRY.to_owned(),
            theme: Theme::System,
            notifications: true,
        }
    }
}

/// What to change; the fields left out keep their value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SettingsChange {
    /// A new default country (ISO 3166 alpha-2, any case).
    #[serde(default)]
    pub default_country: Option<String>,
    /// A new theme.
    #[serde(default)]
    pub theme: Option<Theme>,
    /// Notifications on or off.
    #[serde(default)]
    pub notifications: Option<bool>,
}

impl AppSettings {
    /// These settings with `change` applied, checked: the country must be one the phone checks
    /// know (it is stored upper-case).
    pub fn with(&self, change: &SettingsChange) -> AppResult<Self> {
        let mut next = self.clone();
        if let Some(country) = &change.default_country {
            next.default_country = valid_country(country)?;
        }
        if let Some(theme) = change.theme {
            next.theme = theme;
        }
        if let Some(on) = change.notifications {
            next.notifications = on;
        }
        Ok(next)
    }

    /// Reads what a store kept, leniently: a field that is missing or damaged (an older or
    /// hand-edited file) takes its default instead of locking the person out of the app.
    pub fn from_stored(value: &Value) -> Self {
        let defaults = Self::default();
        let country = value
            .get("default_country")
            .and_then(Value::as_str)
            .and_then(|c| valid_country(c).ok());
        let theme = value
            .get("theme")
            .and_then(|t| serde_json::from_value(t.clone()).ok());
        let notifications = value.get("notifications").and_then(Value::as_bool);
        Self {
            default_country: country.unwrap_or(defaults.default_country),
            theme: theme.unwrap_or(defaults.theme),
            notifications: notifications.unwrap_or(defaults.notifications),
        }
    }
}

/// `code` as a stored country code, or a validation error in plain words.
fn valid_country(code: &str) -> AppResult<String> {
    let trimmed = code.trim();
    if trimmed.len() != 2 || !trimmed.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(AppError::invalid(
            "default_country",
            format!("“{trimmed}” isn't a country. Choose one from the list."),
        ));
    }
    DefaultCountry::parse(trimmed).map(|c| c.iso().to_owned())
}

/// Where the settings are kept.
pub trait SettingsStore: Send + Sync {
    /// What was saved (`None` when nothing was saved yet).
    fn load(&self) -> AppResult<Option<Value>>;
    /// Replaces what is saved.
    fn save(&self, settings: &AppSettings) -> AppResult<()>;
}

/// A [`SettingsStore`] in one JSON file, written atomically.
#[derive(Debug, Clone)]
pub struct JsonFileSettings {
    path: PathBuf,
}

impl JsonFileSettings {
    /// Settings kept at `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }
}

impl SettingsStore for JsonFileSettings {
    fn load(&self) -> AppResult<Option<Value>> {
        match std::fs::read(&self.path) {
            // Unreadable JSON counts as nothing saved: the defaults are a safe start.
            Ok(bytes) => Ok(serde_json::from_slice(&bytes).ok()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(AppError::io("read the settings", e)),
        }
    }

    fn save(&self, settings: &AppSettings) -> AppResult<()> {
        let bytes = serde_json::to_vec_pretty(settings)
            .map_err(|e| AppError::io("save the settings", e))?;
        crate::files::write_atomic(&self.path, &bytes, false)
            .map_err(|e| AppError::io("save the settings", e))
    }
}

/// The settings in use: read once from the store, then kept in memory and saved on each change.
pub struct Settings {
    store: Box<dyn SettingsStore>,
    current: Mutex<AppSettings>,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("current", &self.get())
            .finish_non_exhaustive()
    }
}

impl Settings {
    /// The settings `store` holds (the defaults when it holds none).
    pub fn open(store: Box<dyn SettingsStore>) -> AppResult<Self> {
        let current = store
            .load()?
            .map(|value| AppSettings::from_stored(&value))
            .unwrap_or_default();
        Ok(Self {
            store,
            current: Mutex::new(current),
        })
    }

    /// The settings now.
    pub fn get(&self) -> AppSettings {
        self.lock().clone()
    }

    /// Applies `change` after checking it, saves, and returns the settings now. Nothing
    /// changes when the check or the save fails.
    pub fn set(&self, change: &SettingsChange) -> AppResult<AppSettings> {
        let mut current = self.lock();
        let next = current.with(change)?;
        if next != *current {
            self.store.save(&next)?;
            *current = next.clone();
        }
        Ok(next)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, AppSettings> {
        self.current
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
