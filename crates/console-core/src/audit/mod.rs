//! The audit log: every change the console makes — which profile, when, what (`action`), to
//! what (`target`), and how it went — kept per profile in `<profile dir>/audit.db` (SQLite),
//! queryable by page and exportable to CSV. Details are stored only as a redacted summary
//! (see [`summary`]); request bodies are never stored as they are.

pub mod action;
mod query;
pub mod summary;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

pub use query::{AuditPage, AuditQuery, AuditResultFilter, AUDIT_COLUMNS};

use crate::error::{AppError, AppResult, ErrorCode};
use crate::jobs::clock;
use crate::profiles::Profile;

/// The audit log's file name in a profile's folder.
pub const AUDIT_FILE: &str = "audit.db";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS audit (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms         INTEGER NOT NULL,
    at            TEXT NOT NULL,
    profile_id    TEXT NOT NULL,
    profile_name  TEXT NOT NULL,
    action        TEXT NOT NULL,
    target        TEXT NOT NULL,
    ok            INTEGER NOT NULL,
    error_code    TEXT,
    error_message TEXT,
    details       TEXT
);
CREATE INDEX IF NOT EXISTS audit_at ON audit(at_ms);
CREATE INDEX IF NOT EXISTS audit_action ON audit(action, at_ms);
";

pub(crate) fn sql(e: rusqlite::Error) -> AppError {
    AppError::io("use the audit log", e)
}

/// One change, as the page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditEntry {
    /// Position in the log (grows with time).
    pub id: i64,
    /// When (ISO 8601, UTC).
    pub at: String,
    /// The profile it was made with.
    pub profile_id: String,
    /// That profile's name at the time.
    pub profile_name: String,
    /// What was done (`contact.create`, …; see [`action`]).
    pub action: String,
    /// What it was done to (a phone number, a webhook URL, a job id, …).
    pub target: String,
    /// Whether it worked.
    pub ok: bool,
    /// The error's code when it didn't.
    pub error_code: Option<ErrorCode>,
    /// The error's message when it didn't.
    pub error_message: Option<String>,
    /// A redacted JSON summary of the details.
    pub details: Option<String>,
}

/// A change to record. Build it with [`AuditEvent::new`].
#[derive(Debug, Clone)]
pub struct AuditEvent {
    /// The profile's id.
    pub profile_id: String,
    /// The profile's name.
    pub profile_name: String,
    /// What was done (see [`action`]).
    pub action: String,
    /// What it was done to.
    pub target: String,
    /// Why it failed; `None` when it worked.
    pub error: Option<AppError>,
    /// Anything worth keeping; stored only as a redacted [`summary`].
    pub details: Option<serde_json::Value>,
}

impl AuditEvent {
    /// A successful `action` on `target` with `profile`.
    pub fn new(profile: &Profile, action: &str, target: impl Into<String>) -> Self {
        Self {
            profile_id: profile.id.clone(),
            profile_name: profile.name.clone(),
            action: action.to_owned(),
            target: target.into(),
            error: None,
            details: None,
        }
    }

    /// Adds details (summarized and redacted when stored).
    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = Some(details);
        self
    }

    /// Takes the outcome of the change: an `Err` is recorded as a failure.
    pub fn outcome<T>(mut self, result: &AppResult<T>) -> Self {
        self.error = result.as_ref().err().cloned();
        self
    }
}

/// One profile's audit log.
pub struct AuditLog {
    conn: Mutex<Connection>,
    path: PathBuf,
}

impl std::fmt::Debug for AuditLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuditLog")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl AuditLog {
    /// Opens (creating if needed) the log in the profile folder `profile_dir`.
    pub fn open_in(profile_dir: &Path) -> AppResult<Self> {
        Self::open(&profile_dir.join(AUDIT_FILE))
    }

    /// Opens (creating if needed) the log file `path`.
    pub fn open(path: &Path) -> AppResult<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| AppError::io("create the profile folder", e))?;
        }
        let conn = Connection::open(path).map_err(sql)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(sql)?;
        conn.execute_batch(SCHEMA).map_err(sql)?;
        Ok(Self {
            conn: Mutex::new(conn),
            path: path.to_owned(),
        })
    }

    /// The log's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records `event` (redacted) and returns it as stored.
    pub fn record(&self, event: AuditEvent) -> AppResult<AuditEntry> {
        let at_ms = clock::now_ms();
        let safe = summary::safe_text;
        let mut entry = AuditEntry {
            id: 0,
            at: clock::iso(at_ms),
            profile_id: safe(&event.profile_id),
            profile_name: safe(&event.profile_name),
            action: safe(&event.action),
            target: safe(&event.target),
            ok: event.error.is_none(),
            error_code: event.error.as_ref().map(|e| e.code),
            error_message: event.error.as_ref().map(|e| safe(&e.message)),
            details: event
                .details
                .as_ref()
                .map(|d| summary::summarize(d).to_string()),
        };
        let code = entry.error_code.map(code_name);
        let conn = self.conn();
        conn.execute(
            "INSERT INTO audit (at_ms, at, profile_id, profile_name, action, target, ok,
                                error_code, error_message, details)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                at_ms,
                entry.at,
                entry.profile_id,
                entry.profile_name,
                entry.action,
                entry.target,
                entry.ok,
                code,
                entry.error_message,
                entry.details
            ],
        )
        .map_err(sql)?;
        entry.id = conn.last_insert_rowid();
        Ok(entry)
    }
}

/// An error code as stored (its serde name, `NotFound`, …).
fn code_name(code: ErrorCode) -> String {
    serde_json::to_value(code)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// An error code from its stored name.
fn parse_code(name: &str) -> Option<ErrorCode> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}
