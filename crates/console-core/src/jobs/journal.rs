//! A job's journal: one SQLite file in the job's folder, the single source of truth for where
//! the job stands. Every change is a committed transaction with `synchronous=FULL`, so a crash
//! or a SIGKILL leaves the journal exactly at its last commit — never half-way.
//!
//! The engine keeps the job's own row (`job`) and a small key/value table (`kv`); each kind of
//! job adds the tables it needs (prefixed with its own short name) through [`Journal::tx`].

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;

use super::clock;
use super::types::{JobKind, JobReport, JobState};
use crate::error::{AppError, AppResult, ErrorCode};

/// The journal's file name inside a job folder.
pub const JOURNAL_FILE: &str = "journal.db";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS job (
    singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
    id         TEXT NOT NULL,
    kind       TEXT NOT NULL,
    state      TEXT NOT NULL,
    params     TEXT NOT NULL,
    total      INTEGER NOT NULL DEFAULT 0,
    done       INTEGER NOT NULL DEFAULT 0,
    failed     INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    error      TEXT,
    report     TEXT
);
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
";

/// Turns a SQLite failure into the console's error (never carries row data).
pub(crate) fn sql(e: rusqlite::Error) -> AppError {
    AppError::io("update the job journal", e)
}

/// The job's own row, as stored.
#[derive(Debug, Clone)]
pub struct JobRecord {
    /// The job's id.
    pub id: String,
    /// What it does; `None` when a newer build wrote a kind this one doesn't know.
    pub kind: Option<JobKind>,
    /// Where it stands, as last written.
    pub state: JobState,
    /// The kind's parameters (JSON), fixed at creation.
    pub params: serde_json::Value,
    /// Rows in all.
    pub total: u64,
    /// Rows finished at the last checkpoint.
    pub done: u64,
    /// Rows failed at the last checkpoint.
    pub failed: u64,
    /// Creation time (ISO 8601).
    pub created_at: String,
    /// Last change (ISO 8601).
    pub updated_at: String,
    /// Why it stopped, for interrupted and failed jobs.
    pub error: Option<AppError>,
    /// The final report.
    pub report: Option<JobReport>,
}

/// An open journal. Share it behind an `Arc`; calls are short and serialized.
pub struct Journal {
    conn: Mutex<Connection>,
    path: PathBuf,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Journal {
    /// Opens (creating if needed) the journal in the job folder `dir`.
    pub fn open(dir: &Path) -> AppResult<Self> {
        std::fs::create_dir_all(dir).map_err(|e| AppError::io("create the job folder", e))?;
        let path = dir.join(JOURNAL_FILE);
        let conn = Connection::open(&path).map_err(sql)?;
        // WAL keeps readers (the job list) off the writer's back; FULL makes every commit
        // durable before the next request is sent.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sql)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(sql)?;
        conn.execute_batch(SCHEMA).map_err(sql)?;
        Ok(Self {
            conn: Mutex::new(conn),
            path,
        })
    }

    /// The journal file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one transaction and commits it (durably) when it returns `Ok`.
    pub fn tx<T>(&self, f: impl FnOnce(&Transaction<'_>) -> AppResult<T>) -> AppResult<T> {
        let mut conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let tx = conn.transaction().map_err(sql)?;
        let value = f(&tx)?;
        tx.commit().map_err(sql)?;
        Ok(value)
    }

    /// Runs `f` with the connection, for reads.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> AppResult<T>) -> AppResult<T> {
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        f(&conn)
    }

    /// Writes the job's row: the step that makes a job exist (see `Jobs::prepare`).
    pub(crate) fn insert_job(
        &self,
        id: &str,
        kind: JobKind,
        params: &serde_json::Value,
        total: u64,
    ) -> AppResult<()> {
        let now = clock::now_iso();
        self.tx(|tx| {
            tx.execute(
                "INSERT INTO job (singleton, id, kind, state, params, total, created_at, updated_at)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![
                    id,
                    kind.as_str(),
                    JobState::Pending.as_str(),
                    params.to_string(),
                    total as i64,
                    now
                ],
            )
            .map_err(sql)?;
            Ok(())
        })
    }

    /// The job's row; `None` while the job is still being prepared (or its creation crashed).
    pub fn record(&self) -> AppResult<Option<JobRecord>> {
        self.read(|conn| {
            conn.query_row(
                "SELECT id, kind, state, params, total, done, failed, created_at, updated_at,
                        error, report FROM job WHERE singleton = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, i64>(4)?,
                        r.get::<_, i64>(5)?,
                        r.get::<_, i64>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, String>(8)?,
                        r.get::<_, Option<String>>(9)?,
                        r.get::<_, Option<String>>(10)?,
                    ))
                },
            )
            .optional()
            .map_err(sql)
        })
        .map(|row| {
            row.map(|r| JobRecord {
                id: r.0,
                kind: JobKind::parse(&r.1),
                state: JobState::parse(&r.2),
                params: serde_json::from_str(&r.3).unwrap_or(serde_json::Value::Null),
                total: r.4.max(0) as u64,
                done: r.5.max(0) as u64,
                failed: r.6.max(0) as u64,
                created_at: r.7,
                updated_at: r.8,
                error: r.9.and_then(|e| serde_json::from_str(&e).ok()),
                report: r.10.and_then(|e| serde_json::from_str(&e).ok()),
            })
        })
    }

    /// Records a new state, and why (for interrupted and failed jobs; cleared otherwise).
    pub fn set_state(&self, state: JobState, error: Option<&AppError>) -> AppResult<()> {
        let error = error.map(to_json);
        self.tx(|tx| {
            tx.execute(
                "UPDATE job SET state = ?1, error = ?2, updated_at = ?3 WHERE singleton = 1",
                params![state.as_str(), error, clock::now_iso()],
            )
            .map_err(sql)?;
            Ok(())
        })
    }

    /// Records how many rows there are in all.
    pub fn set_total(&self, total: u64) -> AppResult<()> {
        self.tx(|tx| Self::set_total_tx(tx, total))
    }

    /// [`Journal::set_total`] inside a transaction the caller commits.
    pub fn set_total_tx(tx: &Transaction<'_>, total: u64) -> AppResult<()> {
        tx.execute(
            "UPDATE job SET total = ?1, updated_at = ?2 WHERE singleton = 1",
            params![total as i64, clock::now_iso()],
        )
        .map_err(sql)?;
        Ok(())
    }

    /// Records progress inside a transaction the caller commits, so counts and the rows
    /// they count change together.
    pub fn set_counts_tx(tx: &Transaction<'_>, done: u64, failed: u64) -> AppResult<()> {
        tx.execute(
            "UPDATE job SET done = ?1, failed = ?2, updated_at = ?3 WHERE singleton = 1",
            params![done as i64, failed as i64, clock::now_iso()],
        )
        .map_err(sql)?;
        Ok(())
    }

    /// Records the final report and its state in one commit.
    pub(crate) fn finish(&self, report: &JobReport) -> AppResult<()> {
        let failed = report.count("failed");
        self.tx(|tx| {
            tx.execute(
                "UPDATE job SET state = ?1, report = ?2, error = ?3, done = ?4, failed = ?5,
                        total = ?4, updated_at = ?6 WHERE singleton = 1",
                params![
                    report.state.as_str(),
                    to_json(report),
                    report.error.as_ref().map(to_json),
                    report.total as i64,
                    failed as i64,
                    clock::now_iso()
                ],
            )
            .map_err(sql)?;
            Ok(())
        })
    }

    /// A value the job kept under `key`.
    pub fn get(&self, key: &str) -> AppResult<Option<String>> {
        self.read(|conn| {
            conn.query_row("SELECT value FROM kv WHERE key = ?1", [key], |r| r.get(0))
                .optional()
                .map_err(sql)
        })
    }

    /// Keeps `value` under `key` inside a transaction the caller commits.
    pub fn put_tx(tx: &Transaction<'_>, key: &str, value: &str) -> AppResult<()> {
        tx.execute(
            "INSERT INTO kv (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )
        .map_err(sql)?;
        Ok(())
    }
}

fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// An error for a journal whose job row is missing.
pub(crate) fn no_such_job(id: &str) -> AppError {
    AppError::new(
        ErrorCode::NotFound,
        format!("There is no job {id}. It may have been removed."),
    )
}
