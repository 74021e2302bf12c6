//! Typed events from Rust to the page (tauri-specta): the page listens through the generated
//! `events.*` accessors, never by a string name.
//!
//! | Rust | event name | page accessor | payload |
//! | --- | --- | --- | --- |
//! | [`ProfileChanged`] | `profile-changed` | `events.profileChanged` | every profile |
//! | [`JobProgressEvent`] | `job-progress` | `events.jobProgress` | `JobProgress` |
//! | [`JobFinished`] | `job-finished` | `events.jobFinished` | `JobInfo` with its report |
//! | [`ActivityEvent`] | `activity` | `events.activity` | the follower's `Activity` |
//! | [`MirrorSyncProgress`] | `mirror-sync-progress` | `events.mirrorSyncProgress` | `SyncProgress` |
//! | [`MirrorSynced`] | `mirror-synced` | `events.mirrorSynced` | `SyncEnded` |
//! | [`SettingsChanged`] | `settings-changed` | `events.settingsChanged` | `AppSettings` |
//! | [`AuditAppended`] | `audit-appended` | `events.auditAppended` | the `AuditEntry` as stored |
//!
//! The live ones are sent by [`PageEvents`], the app's [`LiveEvents`]; their payloads are
//! console-core's own types, passed through unchanged (`transparent`).

use console_core::follower::Activity;
use console_core::mirror::SyncProgress;
use console_core::{
    AppResult, AuditEntry, JobInfo, JobProgress, LiveEvents, ProfileView, SyncEnded,
};
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

/// A job's progress: done, total, failed, rate, time left, state.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(transparent)]
#[tauri_specta(event_name = "job-progress")]
pub struct JobProgressEvent(pub JobProgress);

/// A job stopped running (completed, cancelled, failed, or interrupted to resume later),
/// with its report once finished.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(transparent)]
pub struct JobFinished(pub JobInfo);

/// One item of the account's live activity, or a change of the follower's connection.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(transparent)]
#[tauri_specta(event_name = "activity")]
pub struct ActivityEvent(pub Activity);

/// How far a contacts refresh has come.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(transparent)]
pub struct MirrorSyncProgress(pub SyncProgress);

/// A contacts refresh ended: the count and "last synced" now, and how it went.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(transparent)]
pub struct MirrorSynced(pub SyncEnded);

/// The app settings changed: every setting as it is now.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(transparent)]
pub struct SettingsChanged(pub console_core::AppSettings);

/// An entry was written to the active profile's audit log: the entry as stored (redacted).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(transparent)]
pub struct AuditAppended(pub AuditEntry);

/// The app's [`LiveEvents`]: each one becomes a typed event for the page.
#[derive(Debug, Clone)]
pub struct PageEvents {
    app: AppHandle,
}

impl PageEvents {
    /// Events for `app`'s page (typed events must already be mounted).
    pub fn new(app: AppHandle) -> Self {
        Self { app }
    }

    fn send(&self, event: impl Event + Serialize + Clone, what: &str) {
        // A page that isn't listening loses nothing it can't query again.
        if let Err(e) = event.emit(&self.app) {
            log::warn!("couldn't send the {what} event: {e}");
        }
    }
}

impl LiveEvents for PageEvents {
    fn activity(&self, activity: Activity) {
        crate::notifications::on_activity(&self.app, &activity);
        self.send(ActivityEvent(activity), "activity");
    }

    fn job_progress(&self, progress: &JobProgress) {
        self.send(JobProgressEvent(progress.clone()), "job progress");
    }

    fn job_finished(&self, job: &JobInfo) {
        self.send(JobFinished(job.clone()), "job finished");
    }

    fn mirror_progress(&self, progress: &SyncProgress) {
        self.send(MirrorSyncProgress(progress.clone()), "refresh progress");
    }

    fn mirror_synced(&self, synced: &SyncEnded) {
        self.send(MirrorSynced(synced.clone()), "refresh ended");
    }

    fn audit_appended(&self, entry: &AuditEntry) {
        self.send(AuditAppended(entry.clone()), "audit entry");
    }
}
