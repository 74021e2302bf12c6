//! Bulk delete's tables in the job journal: one row per input row (its contact, the batch it
//! went in, its outcome) and one per batch (`in_flight` from just before its request is sent
//! until its outcome is recorded). The invariant a crash can't break: a row's outcome is
//! written only once what happened to it is known.

use std::collections::HashMap;

use rusqlite::{params, Transaction};
use sendblue_client::models::contacts::Contact;

use crate::error::AppResult;
use crate::jobs::clock;
use crate::jobs::journal::{sql, Journal};

pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS bd_rows (
    idx     INTEGER PRIMARY KEY,
    phone   TEXT NOT NULL,
    contact TEXT,
    batch   INTEGER,
    outcome TEXT,
    reason  TEXT
);
CREATE INDEX IF NOT EXISTS bd_rows_phone ON bd_rows(phone);
CREATE INDEX IF NOT EXISTS bd_rows_batch ON bd_rows(batch);
CREATE TABLE IF NOT EXISTS bd_batches (
    id      INTEGER PRIMARY KEY,
    state   TEXT NOT NULL,
    size    INTEGER NOT NULL,
    amount  INTEGER,
    sent_at TEXT NOT NULL,
    done_at TEXT
);
";

/// Row outcomes.
pub const DELETED: &str = "deleted";
/// The number wasn't a contact (so it wasn't backed up, and wasn't sent).
pub const NOT_FOUND: &str = "not_found";
/// Sendblue refused, or the contact was still there afterwards.
pub const FAILED: &str = "failed";
/// Not sent: a repeated number, or cancelled first.
pub const SKIPPED: &str = "skipped";

/// A batch: its id and rows `(idx, phone)`.
#[derive(Debug)]
pub(super) struct Batch {
    pub id: i64,
    pub rows: Vec<(i64, String)>,
}

impl Batch {
    pub fn phones(&self) -> Vec<String> {
        self.rows.iter().map(|(_, p)| p.clone()).collect()
    }
}

/// Adds input rows from position `first` (1-based). Numbers seen before in the job are
/// `skipped`, blank ones too; the others keep their contact (JSON) when the lookup found
/// one.
pub(super) fn insert(
    tx: &Transaction<'_>,
    first: i64,
    phones: &[String],
    found: &HashMap<String, Contact>,
) -> AppResult<()> {
    let mut earlier = tx
        .prepare_cached("SELECT idx FROM bd_rows WHERE phone = ?1 ORDER BY idx LIMIT 1")
        .map_err(sql)?;
    let mut add = tx
        .prepare_cached(
            "INSERT INTO bd_rows (idx, phone, contact, outcome, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .map_err(sql)?;
    for (offset, phone) in phones.iter().enumerate() {
        let idx = first + offset as i64;
        let seen: Option<i64> = earlier
            .query_row([phone], |r| r.get(0))
            .map(Some)
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })
            .map_err(sql)?;
        let (contact, outcome, reason) = if phone.is_empty() {
            (None, Some(SKIPPED), Some("No phone number".to_owned()))
        } else if let Some(row) = seen {
            (
                None,
                Some(SKIPPED),
                Some(format!("Same number as row {row}")),
            )
        } else {
            let contact = found
                .get(phone)
                .map(|c| serde_json::to_string(c).unwrap_or_default());
            (contact, None, None)
        };
        add.execute(params![idx, phone, contact, outcome, reason])
            .map_err(sql)?;
    }
    Ok(())
}

/// Rows finished and rows failed.
pub(super) fn counts(journal: &Journal) -> AppResult<(u64, u64)> {
    journal.read(counts_on)
}

fn counts_on(conn: &rusqlite::Connection) -> AppResult<(u64, u64)> {
    conn.query_row(
        "SELECT COALESCE(SUM(outcome IS NOT NULL), 0), COALESCE(SUM(outcome = 'failed'), 0)
         FROM bd_rows",
        [],
        |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64)),
    )
    .map_err(sql)
}

/// Records the counts in the job row, in the same commit as the rows they count.
fn checkpoint(tx: &Transaction<'_>) -> AppResult<()> {
    let (done, failed) = counts_on(tx)?;
    Journal::set_counts_tx(tx, done, failed)
}

/// Takes the next rows to send and records their batch as in flight — committed before the
/// request goes out, so a crash during it is known on resume.
pub(super) fn claim(journal: &Journal, size: usize) -> AppResult<Option<Batch>> {
    journal.tx(|tx| {
        let rows: Vec<(i64, String)> = {
            let mut next = tx
                .prepare_cached(
                    "SELECT idx, phone FROM bd_rows WHERE outcome IS NULL AND batch IS NULL
                     ORDER BY idx LIMIT ?1",
                )
                .map_err(sql)?;
            let found = next
                .query_map([size as i64], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(sql)?;
            found.collect::<Result<_, _>>().map_err(sql)?
        };
        if rows.is_empty() {
            return Ok(None);
        }
        tx.execute(
            "INSERT INTO bd_batches (state, size, sent_at) VALUES ('in_flight', ?1, ?2)",
            params![rows.len() as i64, clock::now_iso()],
        )
        .map_err(sql)?;
        let id = tx.last_insert_rowid();
        let mut assign = tx
            .prepare_cached("UPDATE bd_rows SET batch = ?1 WHERE idx = ?2")
            .map_err(sql)?;
        for (idx, _) in &rows {
            assign.execute(params![id, idx]).map_err(sql)?;
        }
        Ok(Some(Batch { id, rows }))
    })
}

/// Batches sent but never settled (the process died or lost the answer).
pub(super) fn in_flight(journal: &Journal) -> AppResult<Vec<Batch>> {
    journal.read(|conn| {
        let ids: Vec<i64> = {
            let mut stmt = conn
                .prepare("SELECT id FROM bd_batches WHERE state = 'in_flight' ORDER BY id")
                .map_err(sql)?;
            let ids = stmt.query_map([], |r| r.get(0)).map_err(sql)?;
            ids.collect::<Result<_, _>>().map_err(sql)?
        };
        let mut stmt = conn
            .prepare(
                "SELECT idx, phone FROM bd_rows WHERE batch = ?1 AND outcome IS NULL ORDER BY idx",
            )
            .map_err(sql)?;
        ids.into_iter()
            .map(|id| {
                let rows = stmt
                    .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .map_err(sql)?
                    .collect::<Result<_, _>>()
                    .map_err(sql)?;
                Ok(Batch { id, rows })
            })
            .collect()
    })
}

/// What became of one row of a batch: an outcome with its reason, or `None` to send it again.
pub(super) type Settled = Option<(&'static str, String)>;

/// Closes batch `batch` (state `state`, with Sendblue's `amount` when it answered): each row
/// gets its outcome, or goes back in the queue — all in one commit.
pub(super) fn settle(
    journal: &Journal,
    batch: &Batch,
    state: &str,
    amount: Option<u64>,
    outcomes: &[Settled],
) -> AppResult<()> {
    journal.tx(|tx| {
        let mut mark = tx
            .prepare_cached("UPDATE bd_rows SET outcome = ?1, reason = ?2 WHERE idx = ?3")
            .map_err(sql)?;
        let mut requeue = tx
            .prepare_cached("UPDATE bd_rows SET batch = NULL WHERE idx = ?1")
            .map_err(sql)?;
        for ((idx, _), outcome) in batch.rows.iter().zip(outcomes) {
            match outcome {
                Some((outcome, reason)) => mark.execute(params![outcome, reason, idx]),
                None => requeue.execute(params![idx]),
            }
            .map_err(sql)?;
        }
        tx.execute(
            "UPDATE bd_batches SET state = ?1, amount = ?2, done_at = ?3 WHERE id = ?4",
            params![state, amount.map(|a| a as i64), clock::now_iso(), batch.id],
        )
        .map_err(sql)?;
        checkpoint(tx)
    })
}

/// Gives every row still without an outcome this one (the end of a cancelled or failed job).
pub(super) fn close_open(journal: &Journal, outcome: &str, reason: &str) -> AppResult<()> {
    journal.tx(|tx| {
        tx.execute(
            "UPDATE bd_rows SET outcome = ?1, reason = ?2 WHERE outcome IS NULL",
            params![outcome, reason],
        )
        .map_err(sql)?;
        tx.execute(
            "UPDATE bd_batches SET state = 'abandoned', done_at = ?1 WHERE state = 'in_flight'",
            [clock::now_iso()],
        )
        .map_err(sql)?;
        checkpoint(tx)
    })
}
