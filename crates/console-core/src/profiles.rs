//! Accounts the console can work with. Metadata only: the secret lives in a
//! [`crate::secrets::SecretStore`], never here.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};

/// Whether a profile is the built-in sandbox or a real Sendblue account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum ProfileKind {
    /// The embedded emulator (or another sandbox): nothing real is sent.
    Sandbox,
    /// A real account: messages reach real phones.
    Live,
}

/// One account's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Profile {
    /// Stable id (also the keychain entry's name).
    pub id: String,
    /// What the person calls it.
    pub name: String,
    /// API base URL; [`EMBEDDED_BASE_URL`] for the built-in sandbox.
    pub base_url: String,
    /// The `sb-api-key-id`.
    pub key_id: String,
    /// Sandbox or Live.
    pub kind: ProfileKind,
}

/// The base URL recorded for the built-in sandbox; its real address is chosen at each start.
pub const EMBEDDED_BASE_URL: &str = "embedded:sandbox";

impl Profile {
    /// True for the built-in sandbox.
    pub fn is_embedded(&self) -> bool {
        self.base_url == EMBEDDED_BASE_URL
    }
}

/// Every profile and which one is active: what a [`ProfileStore`] keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilesDoc {
    /// In the order they were added.
    pub profiles: Vec<Profile>,
    /// The active profile's id.
    pub active: Option<String>,
}

/// Where profile metadata is kept. The desktop app implements it over tauri-plugin-store;
/// [`JsonFileProfiles`] is a plain file for tools and tests.
pub trait ProfileStore: Send + Sync {
    /// Reads the profiles (an empty document when none were saved yet).
    fn load(&self) -> AppResult<ProfilesDoc>;
    /// Replaces the saved profiles.
    fn save(&self, doc: &ProfilesDoc) -> AppResult<()>;
}

/// A [`ProfileStore`] in one JSON file, written atomically.
#[derive(Debug, Clone)]
pub struct JsonFileProfiles {
    path: PathBuf,
}

impl JsonFileProfiles {
    /// Profiles kept at `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }
}

impl ProfileStore for JsonFileProfiles {
    fn load(&self) -> AppResult<ProfilesDoc> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| AppError::io("read the saved profiles", e)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ProfilesDoc::default()),
            Err(e) => Err(AppError::io("read the saved profiles", e)),
        }
    }

    fn save(&self, doc: &ProfilesDoc) -> AppResult<()> {
        let bytes =
            serde_json::to_vec_pretty(doc).map_err(|e| AppError::io("save the profiles", e))?;
        crate::files::write_atomic(&self.path, &bytes, false)
            .map_err(|e| AppError::io("save the profiles", e))
    }
}
