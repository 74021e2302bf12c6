//! Typed events from Rust to the page (tauri-specta): the page listens through the generated
//! `events.*` accessors, never by a string name.

use console_core::{AppResult, ProfileView};
use serde::{Deserialize, Serialize};
use tauri::AppHandle;
use tauri_specta::Event;

use crate::state::ConsoleExt;

/// The profiles changed (added, switched, deleted, or a secret was replaced): the new list,
/// the active one marked. Never a secret.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ProfileChanged {
    /// Every profile after the change.
    pub profiles: Vec<ProfileView>,
}

impl ProfileChanged {
    /// Tells the page about the profiles as they are now, and returns them.
    pub fn announce(app: &AppHandle) -> AppResult<Vec<ProfileView>> {
        let profiles = app.console()?.profiles()?;
        let event = Self {
            profiles: profiles.clone(),
        };
        if let Err(e) = event.emit(app) {
            // The change itself succeeded; the page refreshes on its next query.
            log::warn!("couldn't announce the profile change: {e}");
        }
        Ok(profiles)
    }
}
