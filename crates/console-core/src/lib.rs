//! What the console does beyond one API call, with no Tauri in it: profiles and their secrets,
//! the session (active profile, client switching, the Live send guard), the built-in sandbox,
//! the redactor that keeps secrets out of logs, and the diagnostics report. The live-data
//! issue adds the contacts mirror, the event follower, jobs and the audit log, and `live`
//! ties them to the active profile.

pub mod console;
pub mod diagnostics;
pub mod embedded;
pub mod error;
pub mod files;
pub mod follower;
pub mod mirror;
pub mod profiles;
pub mod redact;
pub mod secrets;

pub use console::{Console, NewProfile, ProfileView};
pub use error::{AppError, AppResult, ErrorCode, ErrorDetail};
pub use mirror::{ContactPage, ContactQuery, Mirror};
pub use profiles::{JsonFileProfiles, Profile, ProfileKind, ProfileStore, ProfilesDoc};
pub use secrets::{FileSecrets, KeychainSecrets, SecretStorage, SecretStore};
pub mod audit;
pub mod export;
pub mod jobs;
pub use audit::{AuditEntry, AuditEvent, AuditLog, AuditPage, AuditQuery};
pub use jobs::{JobHandle, JobInfo, JobKind, JobProgress, JobReport, JobState, Jobs};
pub mod import;
pub mod live;
pub use live::{Audit, Live, LiveConfig, LiveEvents, MirrorInfo, SyncEnded};
pub mod notifications;
pub mod settings;
pub use settings::{AppSettings, Settings, SettingsChange, SettingsStore, Theme};
pub mod import_wizard;
pub mod media;
pub mod webhook_test;
