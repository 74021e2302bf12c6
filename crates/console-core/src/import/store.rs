//! The import's journal: one SQLite file in the job's folder holding the checked rows (the
//! plan), which numbers were seen (in-file duplicates are found here, on disk, not in a
//! growing in-memory set), and the state of every batch.
//!
//! Crash rules: the plan is written with `synchronous=OFF` and only counts once its last
//! transaction marks it complete (a half-written plan is simply made again; nothing was sent
//! for it). While sending, every batch change is a committed transaction with
//! `synchronous=FULL`: a batch is `done` only after its answer arrived, so after a crash the
//! batches still `pending` or `sending` are sent (again — the bulk upsert makes that
//! harmless), and `done` ones never are.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::{AppError, AppResult};

/// The journal's file name in the job folder.
pub const IMPORT_DB: &str = "import.db";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rows (
    row     INTEGER PRIMARY KEY,
    given   TEXT NOT NULL,
    phone   TEXT,
    kind    INTEGER NOT NULL,
    reason  TEXT NOT NULL,
    batch   INTEGER,
    payload TEXT
);
CREATE TABLE IF NOT EXISTS phones (phone TEXT PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS batches (
    batch    INTEGER PRIMARY KEY,
    state    INTEGER NOT NULL,
    rows     INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    error    TEXT
);
CREATE TABLE IF NOT EXISTS rejected (row INTEGER PRIMARY KEY, reason TEXT NOT NULL);
";

/// What the plan decided for a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A new contact, to send.
    New = 0,
    /// An existing contact, to send again with the file's fields (policy Update).
    Update = 1,
    /// The same number as an earlier row.
    DuplicateInFile = 2,
    /// Already a contact (policy Skip).
    SkippedExisting = 3,
    /// Not importable.
    Invalid = 4,
}

impl RowKind {
    pub(crate) fn from_i64(v: i64) -> Self {
        match v {
            0 => RowKind::New,
            1 => RowKind::Update,
            2 => RowKind::DuplicateInFile,
            3 => RowKind::SkippedExisting,
            _ => RowKind::Invalid,
        }
    }
}

/// Where a batch stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchState {
    /// Not sent yet.
    Pending = 0,
    /// Sent, answer not recorded (sent again on resume).
    Sending = 1,
    /// Sendblue answered 200: never sent again.
    Done = 2,
    /// Refused for good (its rows are reported failed).
    Failed = 3,
}

impl BatchState {
    pub(crate) fn from_i64(v: i64) -> Self {
        match v {
            1 => BatchState::Sending,
            2 => BatchState::Done,
            3 => BatchState::Failed,
            _ => BatchState::Pending,
        }
    }
}

pub(crate) fn sql(e: rusqlite::Error) -> AppError {
    AppError::io("update the import journal", e)
}

/// The open journal.
pub struct ImportStore {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for ImportStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImportStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl ImportStore {
    /// Opens (creating) the journal in `dir`.
    pub fn open(dir: &Path) -> AppResult<Self> {
        std::fs::create_dir_all(dir).map_err(|e| AppError::io("create the import folder", e))?;
        let path = dir.join(IMPORT_DB);
        let conn = Connection::open(&path).map_err(sql)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sql)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(sql)?;
        conn.execute_batch(SCHEMA).map_err(sql)?;
        Ok(Self { conn, path })
    }

    /// The connection, for the plan writer and the report reader.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A value kept under `key`.
    pub fn meta(&self, key: &str) -> AppResult<Option<String>> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(sql)
    }

    /// Keeps `value` under `key` (committed durably).
    pub fn set_meta(&self, key: &str, value: &str) -> AppResult<()> {
        self.conn
            .execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map_err(sql)?;
        Ok(())
    }

    /// Forgets any previous plan and starts writing a new one: one long transaction per
    /// [`PLAN_COMMIT_EVERY`] rows, without fsync (see the module doc).
    pub(crate) fn begin_plan(&mut self) -> AppResult<()> {
        self.conn
            .execute_batch(
                "PRAGMA synchronous = OFF;
                 DELETE FROM meta; DELETE FROM rows; DELETE FROM phones;
                 DELETE FROM batches; DELETE FROM rejected;
                 DROP INDEX IF EXISTS rows_by_batch;
                 BEGIN;",
            )
            .map_err(sql)
    }

    /// Commits the plan so far and opens the next transaction.
    pub(crate) fn plan_checkpoint(&self) -> AppResult<()> {
        self.conn.execute_batch("COMMIT; BEGIN;").map_err(sql)
    }

    /// Stops writing a plan that won't be finished (cancelled or failed).
    pub(crate) fn abandon_plan(&self) {
        let _ = self
            .conn
            .execute_batch("ROLLBACK; PRAGMA synchronous = FULL;");
    }

    /// Records one checked row.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn insert_row(
        &self,
        row: u64,
        given: &str,
        phone: Option<&str>,
        kind: RowKind,
        reason: &str,
        batch: Option<u64>,
        payload: Option<&str>,
    ) -> AppResult<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO rows (row, given, phone, kind, reason, batch, payload)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    row as i64,
                    given,
                    phone,
                    kind as i64,
                    reason,
                    batch.map(|b| b as i64),
                    payload
                ])
            })
            .map_err(sql)?;
        Ok(())
    }

    /// Claims `phone` for `row`. Returns the earlier row that already has it, if any.
    pub(crate) fn claim_phone(&self, phone: &str, row: u64) -> AppResult<Option<u64>> {
        let inserted = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO phones (phone, row) VALUES (?1, ?2)")
            .and_then(|mut s| s.execute(params![phone, row as i64]))
            .map_err(sql)?;
        if inserted == 1 {
            return Ok(None);
        }
        self.conn
            .prepare_cached("SELECT row FROM phones WHERE phone = ?1")
            .and_then(|mut s| s.query_row([phone], |r| r.get::<_, i64>(0)))
            .map(|r| Some(r as u64))
            .map_err(sql)
    }

    /// Finishes the plan: indexes the batches, records them pending, keeps `plan_json`, and
    /// commits — from here on the plan counts and every write is durable.
    pub(crate) fn finish_plan(&self, plan_json: &str) -> AppResult<()> {
        self.conn
            .execute_batch(
                "CREATE INDEX IF NOT EXISTS rows_by_batch ON rows(batch) WHERE batch IS NOT NULL;
                 INSERT INTO batches (batch, state, rows)
                     SELECT batch, 0, COUNT(*) FROM rows WHERE batch IS NOT NULL GROUP BY batch;",
            )
            .map_err(sql)?;
        self.set_meta("plan", plan_json)?;
        self.conn
            .execute_batch("COMMIT; PRAGMA synchronous = FULL;")
            .map_err(sql)
    }

    /// Batches still to send (pending, or sent without a recorded answer), in order.
    pub fn open_batches(&self) -> AppResult<Vec<u64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT batch FROM batches WHERE state IN (0, 1) ORDER BY batch")
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| r.get::<_, i64>(0))
            .map_err(sql)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(sql)?;
        Ok(rows.into_iter().map(|b| b as u64).collect())
    }

    /// The state of each batch, in order.
    pub fn batch_states(&self) -> AppResult<Vec<(u64, BatchState)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT batch, state FROM batches ORDER BY batch")
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)? as u64, BatchState::from_i64(r.get(1)?)))
            })
            .map_err(sql)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(sql)?;
        Ok(rows)
    }

    /// The rows of `batch` still to send, as (row, contact JSON), in row order.
    pub fn batch_rows(&self, batch: u64) -> AppResult<Vec<(u64, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT row, payload FROM rows WHERE batch = ?1
                 AND row NOT IN (SELECT row FROM rejected) ORDER BY row",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([batch as i64], |r| {
                Ok((r.get::<_, i64>(0)? as u64, r.get::<_, String>(1)?))
            })
            .map_err(sql)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(sql)?;
        Ok(rows)
    }

    /// Records a new state for `batch` (with an attempt counted when it is being sent).
    pub fn set_batch(&self, batch: u64, state: BatchState, error: Option<&str>) -> AppResult<()> {
        let bump = i64::from(state == BatchState::Sending);
        self.conn
            .prepare_cached(
                "UPDATE batches SET state = ?2, error = ?3, attempts = attempts + ?4 WHERE batch = ?1",
            )
            .and_then(|mut s| s.execute(params![batch as i64, state as i64, error, bump]))
            .map_err(sql)?;
        Ok(())
    }

    /// Records that Sendblue refused one row (it won't be sent again).
    pub fn reject_row(&self, row: u64, reason: &str) -> AppResult<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO rejected (row, reason) VALUES (?1, ?2)",
                params![row as i64, reason],
            )
            .map_err(sql)?;
        Ok(())
    }

    /// Rows to send in all, rows whose batch is done, rows that failed (rejected, or in a
    /// failed batch).
    pub fn send_counts(&self) -> AppResult<(u64, u64, u64)> {
        self.conn
            .query_row(
                "SELECT
                   (SELECT COUNT(*) FROM rows WHERE batch IS NOT NULL),
                   (SELECT COALESCE(SUM(rows), 0) FROM batches WHERE state = 2)
                     - (SELECT COUNT(*) FROM rejected JOIN rows USING (row)
                        JOIN batches USING (batch) WHERE batches.state = 2),
                   (SELECT COUNT(*) FROM rejected)
                     + (SELECT COALESCE(SUM(rows), 0) FROM batches WHERE state = 3)
                     - (SELECT COUNT(*) FROM rejected JOIN rows USING (row)
                        JOIN batches USING (batch) WHERE batches.state = 3)",
                [],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)? as u64,
                        r.get::<_, i64>(1)? as u64,
                        r.get::<_, i64>(2)? as u64,
                    ))
                },
            )
            .map_err(sql)
    }
}

/// Rows per plan transaction.
pub const PLAN_COMMIT_EVERY: u64 = 20_000;
