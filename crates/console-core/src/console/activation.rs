//! The session's side of live data: which profile's [`Live`] is active, opening each once,
//! and moving the follower when the active profile changes.

use std::collections::HashMap;
use std::sync::Arc;

use super::{find, Console};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::live::Live;
use crate::profiles::{Profile, ProfilesDoc};

impl Console {
    /// The active profile's live data: its mirror, jobs, audit log and connection.
    pub fn live(&self) -> AppResult<Arc<Live>> {
        match &*self.live.read().unwrap_or_else(|p| p.into_inner()) {
            Some(Ok(live)) => Ok(live.clone()),
            Some(Err(e)) => Err(e.clone()),
            None => Err(AppError::new(
                ErrorCode::Unauthorized,
                "No profile is selected. Add or choose one in Settings.",
            )),
        }
    }

    /// Makes `id` the active profile: its client, then its live data (the previous
    /// profile's follower and refresh stop first; its jobs keep running).
    pub(super) async fn activate(&self, doc: &ProfilesDoc, id: &str) -> AppResult<()> {
        let _one_at_a_time = self.activation.lock().await;
        let profile = find(doc, id)?;
        let client = self.client_for(&profile).await?;
        *self.active.write().unwrap_or_else(|p| p.into_inner()) =
            Some((profile.clone(), client.clone()));
        let live = self.live_for(&profile);
        // The old profile's follower stops before the new one starts; until then, commands
        // still reach the old live data rather than none.
        let previous = self.live.read().unwrap_or_else(|p| p.into_inner()).clone();
        if let Some(Ok(previous)) = previous {
            previous.stop().await;
        }
        match &live {
            Ok(live) => live.start(client).await,
            Err(e) => tracing::error!(
                code = ?e.code,
                "the profile's local data couldn't be opened: {}",
                e.message
            ),
        }
        *self.live.write().unwrap_or_else(|p| p.into_inner()) = Some(live);
        Ok(())
    }

    /// The profile's live data, opened on first use this session.
    fn live_for(&self, profile: &Profile) -> AppResult<Arc<Live>> {
        let mut lives = self.lock_lives();
        if let Some(live) = lives.get(&profile.id) {
            return Ok(live.clone());
        }
        let live = Live::open(&self.data_dir, profile, self.live_config.clone())?;
        lives.insert(profile.id.clone(), live.clone());
        Ok(live)
    }

    /// Stops the active profile's follower and refresh, and forgets which one is active.
    pub(super) async fn stop_live(&self) {
        let previous = self.live.write().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(Ok(previous)) = previous {
            previous.stop().await;
        }
    }

    pub(super) fn lock_lives(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Live>>> {
        self.lives.lock().unwrap_or_else(|p| p.into_inner())
    }
}
