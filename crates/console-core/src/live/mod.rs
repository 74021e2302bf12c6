//! The live data of one profile, owned by the session ([`crate::Console`]): its contacts
//! mirror (`<data dir>/profiles/<id>/mirror.db`), its jobs (`…/jobs/`), its audit log
//! (`…/audit.db`) and, while it is the active profile, its event follower feeding the mirror.
//!
//! Activating a profile (at open, on a switch, after its secret changes) starts its [`Live`]:
//! the job runners are registered with the new client and unfinished jobs resume, the
//! follower starts (the previous profile's is stopped first), and — with
//! [`LiveConfig::sync_on_activate`] — the mirror is refreshed in the background. What happens
//! goes out through [`LiveEvents`], which the desktop app implements with typed events; this
//! module knows nothing of Tauri.
//!
//! A profile's [`Live`] is kept for the whole session once opened, even after a switch away:
//! its jobs keep running in the background, and one `Jobs` per folder is what keeps a
//! running job from being resumed twice.

mod audited;
mod contacts;
mod jobs;
mod refresh;
mod sources;

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use sendblue_client::Client;

use crate::audit::{AuditEntry, AuditLog};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::follower::{
    Activity, ActivityOutput, ConnectionState, ContactSink, Follower, FollowerConfig,
};
use crate::jobs::{JobInfo, JobProgress, Jobs};
use crate::mirror::{Mirror, SyncProgress};
use crate::profiles::Profile;

pub use audited::Audit;
pub use refresh::{MirrorInfo, SyncEnded};
pub use sources::MirrorLookup;

/// Where a profile's live data goes to be seen: the desktop app forwards each call to the
/// page as a typed event. Every method has an empty default; each must return quickly (the
/// follower and the jobs call them inline).
pub trait LiveEvents: Send + Sync + 'static {
    /// An item from the event follower (including its connection state), as it came.
    fn activity(&self, _activity: Activity) {}
    /// A job's progress (at most every 200 ms, and at every state change).
    fn job_progress(&self, _progress: &JobProgress) {}
    /// A job stopped running in this process: completed, cancelled, failed, or interrupted
    /// (to resume later). `job.report` holds the report of a finished one.
    fn job_finished(&self, _job: &JobInfo) {}
    /// How far a mirror refresh has come (after every page).
    fn mirror_progress(&self, _progress: &SyncProgress) {}
    /// A mirror refresh ended (with its report, or why it stopped).
    fn mirror_synced(&self, _synced: &SyncEnded) {}
    /// An entry was written to the profile's audit log (as stored: redacted).
    fn audit_appended(&self, _entry: &AuditEntry) {}
}

/// Listens to nothing (tools and tests that don't care).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoEvents;

impl LiveEvents for NoEvents {}

/// How the session runs each profile's live data.
#[derive(Clone)]
pub struct LiveConfig {
    /// The event follower's settings; `None` runs no follower (tools, some tests).
    pub follower: Option<FollowerConfig>,
    /// Refresh the mirror in the background whenever a profile becomes active, so contacts
    /// made while the console was closed appear without a click.
    pub sync_on_activate: bool,
    /// Where events go.
    pub events: Arc<dyn LiveEvents>,
}

impl std::fmt::Debug for LiveConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LiveConfig")
            .field("follower", &self.follower)
            .field("sync_on_activate", &self.sync_on_activate)
            .finish_non_exhaustive()
    }
}

impl LiveConfig {
    /// What the app runs: a follower with the default settings and a refresh on activation,
    /// reporting to `events`.
    pub fn new(events: Arc<dyn LiveEvents>) -> Self {
        Self {
            follower: Some(FollowerConfig::default()),
            sync_on_activate: true,
            events,
        }
    }

    /// No follower, no automatic refresh, no events: the stores open and jobs resume, but
    /// nothing talks to Sendblue unless asked.
    pub fn quiet() -> Self {
        Self {
            follower: None,
            sync_on_activate: false,
            events: Arc::new(NoEvents),
        }
    }
}

/// One profile's live data. Shared as `Arc<Live>`; get the active one with
/// [`crate::Console::live`].
pub struct Live {
    profile: Profile,
    dir: PathBuf,
    mirror: Mirror,
    jobs: Jobs,
    audit: Arc<AuditLog>,
    config: LiveConfig,
    client: RwLock<Option<Client>>,
    follower: tokio::sync::Mutex<Option<Follower>>,
    connection: Arc<RwLock<ConnectionState>>,
    sync: Arc<refresh::SyncSlot>,
}

impl std::fmt::Debug for Live {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Live")
            .field("profile", &self.profile.id)
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl Live {
    /// The folder of a profile's data: `<data_dir>/profiles/<profile id>`.
    pub fn dir_for(data_dir: &Path, profile_id: &str) -> PathBuf {
        data_dir.join("profiles").join(profile_id)
    }

    /// Opens (creating when missing) a profile's mirror, jobs folder and audit log. Nothing
    /// runs until [`Live::start`].
    pub fn open(data_dir: &Path, profile: &Profile, config: LiveConfig) -> AppResult<Arc<Self>> {
        let dir = Self::dir_for(data_dir, &profile.id);
        let mirror = Mirror::open(Mirror::path_for(data_dir, &profile.id))?;
        let jobs = Jobs::open(dir.join("jobs"))?;
        let audit = Arc::new(AuditLog::open_in(&dir)?);
        let events = config.events.clone();
        jobs.on_progress(move |progress| events.job_progress(progress));
        Ok(Arc::new(Self {
            profile: profile.clone(),
            dir,
            mirror,
            jobs,
            audit,
            config,
            client: RwLock::new(None),
            follower: tokio::sync::Mutex::new(None),
            connection: Arc::new(RwLock::new(ConnectionState::Stopped)),
            sync: Arc::default(),
        }))
    }

    /// Puts the profile to work with `client`: registers the job runners, resumes unfinished
    /// jobs, starts the follower (when configured) and, with `sync_on_activate`, refreshes
    /// the mirror. Starting again (a new secret) stops what ran with the old client first.
    pub async fn start(self: &Arc<Self>, client: Client) {
        self.stop().await;
        *self.client.write().unwrap_or_else(|p| p.into_inner()) = Some(client.clone());
        self.register_runners(&client);
        match self.jobs.resume_all() {
            Ok(handles) => {
                for handle in handles {
                    tracing::info!(job = handle.id(), "resuming an unfinished job");
                    self.watch(handle);
                }
            }
            Err(e) => tracing::warn!("couldn't look for unfinished jobs: {e}"),
        }
        if let Some(config) = self.config.follower.clone() {
            let slot = self.connection.clone();
            let events = self.config.events.clone();
            let output = ActivityOutput::callback(move |activity| {
                if let Activity::ConnectionState(state) = &activity {
                    *slot.write().unwrap_or_else(|p| p.into_inner()) = state.clone();
                }
                events.activity(activity);
            });
            let sink: Arc<dyn ContactSink> = Arc::new(self.mirror.clone());
            let follower = Follower::start(client, config, output, Some(sink));
            *self.follower.lock().await = Some(follower);
        }
        if self.config.sync_on_activate {
            if let Err(e) = self.refresh() {
                tracing::warn!("couldn't start refreshing the contacts mirror: {e}");
            }
        }
    }

    /// Stops the follower and any mirror refresh, waiting until they have. Jobs keep running.
    pub async fn stop(&self) {
        self.stop_refresh().await;
        let follower = self.follower.lock().await.take();
        if let Some(follower) = follower {
            follower.stop().await;
        }
        self.set_connection(ConnectionState::Stopped);
    }

    /// The profile.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// The profile's data folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The contacts mirror.
    pub fn mirror(&self) -> &Mirror {
        &self.mirror
    }

    /// The jobs.
    pub fn jobs(&self) -> &Jobs {
        &self.jobs
    }

    /// The audit log.
    pub fn audit(&self) -> &AuditLog {
        &self.audit
    }

    /// The client it was last started with.
    pub fn client(&self) -> AppResult<Client> {
        self.client
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::Unauthorized,
                    "This profile isn't connected. Choose it in Settings.",
                )
            })
    }

    /// The follower's connection as last announced (`Stopped` when none runs).
    pub fn connection_state(&self) -> ConnectionState {
        self.connection
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn set_connection(&self, state: ConnectionState) {
        let changed = {
            let mut slot = self.connection.write().unwrap_or_else(|p| p.into_inner());
            let changed = *slot != state;
            *slot = state.clone();
            changed
        };
        // The follower announces its own states (its first is `Connecting`, its last
        // `Stopped`); this covers a follower that ended without saying so.
        if changed {
            self.config
                .events
                .activity(Activity::ConnectionState(state));
        }
    }
}
