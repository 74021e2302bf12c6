//! The backup bulk delete writes before its first request: every contact it is about to
//! delete, as a contacts CSV (the export's columns, so it re-imports), then the journal notes
//! that the backup exists — nothing is sent until that note is committed.

use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::Connection;
use sendblue_client::models::contacts::Contact;

use super::rows::NOT_FOUND;
use crate::error::AppResult;
use crate::export::contacts::{contact_cells, contact_header};
use crate::export::safe_csv::SafeCsvFile;
use crate::jobs::clock;
use crate::jobs::journal::{sql, Journal};

/// The backup's file name in the job folder.
pub const BACKUP_FILE: &str = "backup.csv";

/// Journal keys: where the backup is, how many contacts it holds, when it was written (ms).
pub(super) const KV_PATH: &str = "bulk_delete.backup_path";
pub(super) const KV_ROWS: &str = "bulk_delete.backup_rows";
pub(super) const KV_WRITTEN_AT: &str = "bulk_delete.backup_written_at_ms";

const TO_BACK_UP: &str =
    "SELECT contact FROM bd_rows WHERE contact IS NOT NULL AND outcome IS NULL ORDER BY idx";

/// Calls `each` with every contact to back up, in input order, straight from the journal.
fn for_each(conn: &Connection, mut each: impl FnMut(Contact) -> AppResult<()>) -> AppResult<()> {
    let mut stmt = conn.prepare(TO_BACK_UP).map_err(sql)?;
    let mut rows = stmt.query([]).map_err(sql)?;
    while let Some(row) = rows.next().map_err(sql)? {
        let text: String = row.get(0).map_err(sql)?;
        let contact: Contact = serde_json::from_str(&text).unwrap_or_default();
        each(contact)?;
    }
    Ok(())
}

/// Writes the backup to `path` (two passes over the journal: labels, then rows; constant
/// memory), then records it, and marks numbers with no contact `not_found`.
pub(super) fn write(journal: &Journal, path: &Path) -> AppResult<u64> {
    let written = journal.read(|conn| {
        let mut keys = BTreeSet::new();
        for_each(conn, |c| {
            keys.extend(c.custom_variables.into_keys());
            Ok(())
        })?;
        let keys: Vec<String> = keys.into_iter().collect();
        let mut file = SafeCsvFile::create(path, &contact_header(&keys))?;
        match for_each(conn, |c| file.row(&contact_cells(&c, &keys))) {
            Ok(()) => file.commit(),
            Err(e) => {
                file.abandon();
                Err(e)
            }
        }
    })?;
    journal.tx(|tx| {
        tx.execute(
            "UPDATE bd_rows SET outcome = ?1, reason = ?2
             WHERE contact IS NULL AND outcome IS NULL",
            [
                NOT_FOUND,
                "Not a contact when the backup was written, so nothing was deleted",
            ],
        )
        .map_err(sql)?;
        Journal::put_tx(tx, KV_PATH, &path.to_string_lossy())?;
        Journal::put_tx(tx, KV_ROWS, &written.to_string())?;
        Journal::put_tx(tx, KV_WRITTEN_AT, &clock::now_ms().to_string())
    })?;
    Ok(written)
}
