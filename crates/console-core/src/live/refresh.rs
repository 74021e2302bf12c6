//! Refreshing the mirror on demand: one background sync at a time per profile, its progress
//! and its end reported through [`super::LiveEvents`], its state readable at any moment.

use std::sync::{Arc, Mutex, MutexGuard};

use serde::{Deserialize, Serialize};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use super::Live;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::mirror::{SyncProgress, SyncReport};

/// What the page shows above the contacts table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MirrorInfo {
    /// Contacts in the mirror.
    pub contacts: u64,
    /// When the last complete refresh ended (ISO 8601, UTC); `None` before the first.
    pub last_synced: Option<String>,
    /// A refresh is running.
    pub syncing: bool,
    /// How far the running refresh has come.
    pub progress: Option<SyncProgress>,
    /// Why the last refresh failed, when it did (cleared by the next one that completes).
    pub last_error: Option<AppError>,
}

/// The end of a refresh: the mirror as it is now, and how the refresh went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncEnded {
    /// Contacts in the mirror now.
    pub contacts: u64,
    /// When the last complete refresh ended (ISO 8601, UTC).
    pub last_synced: Option<String>,
    /// What a complete refresh did.
    pub report: Option<SyncReport>,
    /// Why it stopped early (`Cancelled` when asked to).
    pub error: Option<AppError>,
}

/// The running refresh, if any, and how the last one went.
#[derive(Debug, Default)]
pub(super) struct SyncSlot(Mutex<SyncState>);

#[derive(Debug, Default)]
struct SyncState {
    running: Option<CancellationToken>,
    task: Option<JoinHandle<()>>,
    progress: Option<SyncProgress>,
    last_error: Option<AppError>,
}

impl SyncSlot {
    fn lock(&self) -> MutexGuard<'_, SyncState> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Live {
    /// The mirror's count, last sync time, and the refresh under way.
    pub fn mirror_info(&self) -> AppResult<MirrorInfo> {
        let status = self.mirror.status()?;
        let state = self.sync.lock();
        Ok(MirrorInfo {
            contacts: status.contacts,
            last_synced: status.last_synced,
            syncing: state.running.is_some(),
            progress: state.progress.clone(),
            last_error: state.last_error.clone(),
        })
    }

    /// Starts refreshing the mirror from the account in the background (a full walk; see
    /// [`crate::Mirror::sync`]), unless a refresh is already running. Returns at once.
    pub fn refresh(&self) -> AppResult<MirrorInfo> {
        let client = self.client()?;
        {
            let mut state = self.sync.lock();
            if state.running.is_none() {
                let cancel = CancellationToken::new();
                state.running = Some(cancel.clone());
                state.progress = None;
                let slot = self.sync.clone();
                let mirror = self.mirror.clone();
                let events = self.config.events.clone();
                state.task = Some(tokio::spawn(async move {
                    let progress_slot = slot.clone();
                    let progress_events = events.clone();
                    let on_progress = move |p: SyncProgress| {
                        progress_slot.lock().progress = Some(p.clone());
                        progress_events.mirror_progress(&p);
                    };
                    let outcome = mirror.sync(&client, on_progress, &cancel).await;
                    let status = mirror.status();
                    let ended = finish(&slot, outcome, status);
                    events.mirror_synced(&ended);
                }));
            }
        }
        self.mirror_info()
    }

    /// Stops the running refresh, if any (nothing is removed from the mirror).
    pub fn cancel_refresh(&self) {
        if let Some(cancel) = &self.sync.lock().running {
            cancel.cancel();
        }
    }

    /// [`Live::cancel_refresh`], then waits until the refresh has ended, so a new one can
    /// start at once.
    pub(super) async fn stop_refresh(&self) {
        self.cancel_refresh();
        let task = self.sync.lock().task.take();
        if let Some(task) = task {
            if let Err(e) = task.await {
                if e.is_panic() {
                    tracing::error!("refreshing the contacts mirror panicked: {e}");
                }
            }
        }
    }
}

/// Records the end of a refresh in `slot` and says how it went.
fn finish(
    slot: &Arc<SyncSlot>,
    outcome: AppResult<SyncReport>,
    status: AppResult<crate::mirror::MirrorStatus>,
) -> SyncEnded {
    let mut state = slot.lock();
    state.running = None;
    state.progress = None;
    let (report, error) = match outcome {
        Ok(report) => {
            state.last_error = None;
            (Some(report), None)
        }
        Err(e) => {
            if e.code != ErrorCode::Cancelled {
                tracing::warn!(code = ?e.code, "refreshing the contacts mirror failed: {}", e.message);
                state.last_error = Some(e.clone());
            }
            (None, Some(e))
        }
    };
    let (contacts, last_synced) = match status {
        Ok(s) => (s.contacts, s.last_synced),
        Err(_) => report
            .as_ref()
            .map(|r| (r.contacts, Some(r.last_synced.clone())))
            .unwrap_or_default(),
    };
    SyncEnded {
        contacts,
        last_synced,
        report,
        error,
    }
}
