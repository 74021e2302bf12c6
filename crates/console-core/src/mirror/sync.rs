//! Filling the mirror from the account: one pass of the client's full contact walk, ending
//! with the mirror holding exactly the account's contacts.
//!
//! Safety of the final sweep: each sync starts a new generation number (committed first);
//! every row the walk returns, and every console write meanwhile, is stamped with it. Only
//! after the walk ended without error or cancellation are rows of older generations — the
//! contacts the account no longer has — deleted, in one transaction with "last synced". A
//! cancelled, failed or crashed sync deletes nothing: the next complete one sweeps.

use std::pin::pin;
use std::time::Instant;

use futures_util::StreamExt;
use sendblue_client::models::contacts::Contact;
use sendblue_client::{Client, ErrorCode};
use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

use super::apply::{write_contact, Source, Written};
use super::schema::{current_gen, db_error, set_meta};
use super::Mirror;
use crate::error::{AppError, AppResult};

/// Contacts per walk page and per write transaction (the API's largest page).
const PAGE: u32 = 1000;

/// How far a sync has come, sent after every page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncProgress {
    /// Contacts read and stored so far.
    pub done: u64,
    /// Contacts the account had when the sync began (raised if more turn up).
    pub total: u64,
    /// Contacts per second so far.
    pub per_second: f64,
    /// Estimated time left, in milliseconds; `None` until there is a rate.
    pub eta_ms: Option<u64>,
    /// Time since the sync began, in milliseconds.
    pub elapsed_ms: u64,
}

impl SyncProgress {
    fn at(done: u64, total: u64, started: Instant) -> Self {
        let elapsed = started.elapsed();
        let total = total.max(done);
        let secs = elapsed.as_secs_f64();
        let per_second = if secs > 0.0 { done as f64 / secs } else { 0.0 };
        let eta_ms = (per_second > 0.0)
            .then(|| ((total - done) as f64 / per_second * 1000.0).round() as u64);
        Self {
            done,
            total,
            per_second,
            eta_ms,
            elapsed_ms: elapsed.as_millis() as u64,
        }
    }
}

/// What a complete sync did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncReport {
    /// Contacts in the mirror now (= the account's).
    pub contacts: u64,
    /// Contacts new to the mirror.
    pub added: u64,
    /// Contacts whose fields changed.
    pub updated: u64,
    /// Contacts removed because the account no longer has them.
    pub removed: u64,
    /// How long the sync took, in milliseconds.
    pub elapsed_ms: u64,
    /// When it ended (ISO 8601, UTC): the new [`Mirror::last_synced`].
    pub last_synced: String,
}

#[derive(Debug, Default)]
struct Tally {
    added: u64,
    updated: u64,
}

impl Mirror {
    /// Makes the mirror hold exactly the account's contacts: walks every contact with
    /// `client.contacts().walk(1000)`, stores each page in one transaction, calls `progress`
    /// after each page, then removes the contacts the walk did not return and records
    /// "last synced". Refreshing on demand is another call.
    ///
    /// `cancel` stops it between or during pages with an `AppError` of code `Cancelled`; a
    /// cancelled or failed sync removes nothing (pages already stored keep their newer data).
    /// Only one sync runs at a time: a second concurrent call is a `Conflict` error.
    pub async fn sync(
        &self,
        client: &Client,
        mut progress: impl FnMut(SyncProgress) + Send,
        cancel: &CancellationToken,
    ) -> AppResult<SyncReport> {
        let _only_one = self.inner.syncing.try_lock().map_err(|_| {
            AppError::new(
                ErrorCode::Conflict,
                "The contacts are already being synced. Wait for that to finish.",
            )
        })?;
        let started = Instant::now();
        let contacts = client.contacts();
        let total = tokio::select! {
            biased;
            _ = cancel.cancelled() => return Err(cancelled()),
            count = contacts.count() => count?,
        };
        let gen = self.blocking(|m| m.begin_sync()).await?;
        progress(SyncProgress::at(0, total, started));

        let mut walk = pin!(contacts.walk(PAGE));
        let mut batch: Vec<Contact> = Vec::with_capacity(PAGE as usize);
        let mut tally = Tally::default();
        let mut done = 0u64;
        loop {
            let next = tokio::select! {
                biased;
                _ = cancel.cancelled() => return Err(cancelled()),
                next = walk.next() => next,
            };
            let end = match next {
                Some(Ok(contact)) => {
                    batch.push(contact);
                    false
                }
                Some(Err(e)) => return Err(e.into()),
                None => true,
            };
            if batch.len() >= PAGE as usize || (end && !batch.is_empty()) {
                let rows = std::mem::take(&mut batch);
                done += rows.len() as u64;
                let page = self
                    .blocking(move |m| m.write_walk_page(&rows, gen))
                    .await?;
                tally.added += page.added;
                tally.updated += page.updated;
                progress(SyncProgress::at(done, total, started));
            }
            if end {
                break;
            }
        }
        // A cancel that arrived while the last page was being written still wins: nothing
        // is swept.
        if cancel.is_cancelled() {
            return Err(cancelled());
        }
        let (removed, contacts, last_synced) = self.blocking(move |m| m.finish_sync(gen)).await?;
        Ok(SyncReport {
            contacts,
            added: tally.added,
            updated: tally.updated,
            removed,
            elapsed_ms: started.elapsed().as_millis() as u64,
            last_synced,
        })
    }

    /// Starts a new generation; tombstones of earlier ones no longer matter.
    fn begin_sync(&self) -> AppResult<i64> {
        let fail = |e| db_error("start syncing the contacts mirror", e);
        let mut conn = self.writer();
        let tx = conn.transaction().map_err(fail)?;
        let gen = current_gen(&tx).map_err(fail)? + 1;
        set_meta(&tx, "gen", gen).map_err(fail)?;
        tx.execute("DELETE FROM tombstones", []).map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(gen)
    }

    fn write_walk_page(&self, rows: &[Contact], gen: i64) -> AppResult<Tally> {
        let fail = |e| db_error("save synced contacts in the mirror", e);
        let mut conn = self.writer();
        let tx = conn.transaction().map_err(fail)?;
        let mut tally = Tally::default();
        for c in rows {
            if c.phone.trim().is_empty() {
                // Unreachable through the API (phone is its key); kept out rather than failing.
                tracing::warn!(contact_id = ?c.contact_id, "synced contact without a phone number skipped");
                continue;
            }
            match write_contact(&tx, c, gen, Source::Walk).map_err(fail)? {
                Written::Inserted => tally.added += 1,
                Written::Updated => tally.updated += 1,
                Written::Unchanged | Written::Skipped => {}
            }
        }
        tx.commit().map_err(fail)?;
        Ok(tally)
    }

    /// The sweep, after a complete walk: removes what the walk did not see and records the
    /// time, in one transaction. Returns (removed, contacts now, last synced).
    fn finish_sync(&self, gen: i64) -> AppResult<(u64, u64, String)> {
        let fail = |e| db_error("finish syncing the contacts mirror", e);
        let result = {
            let mut conn = self.writer();
            let tx = conn.transaction().map_err(fail)?;
            let removed = tx
                .execute("DELETE FROM contacts WHERE gen < ?1", [gen])
                .map_err(fail)?;
            tx.execute("DELETE FROM tombstones", []).map_err(fail)?;
            let contacts: i64 = tx
                .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
                .map_err(fail)?;
            let now: String = tx
                .query_row("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", [], |r| {
                    r.get(0)
                })
                .map_err(fail)?;
            set_meta(&tx, "last_synced", &now).map_err(fail)?;
            set_meta(&tx, "last_sync_contacts", contacts).map_err(fail)?;
            tx.commit().map_err(fail)?;
            (removed as u64, contacts as u64, now)
        };
        self.optimize()?;
        Ok(result)
    }

    /// Runs a batch of SQLite work off the async threads.
    async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Mirror) -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        let mirror = self.clone();
        tokio::task::spawn_blocking(move || work(&mirror))
            .await
            .map_err(|e| AppError::io("update the contacts mirror", e))?
    }
}

fn cancelled() -> AppError {
    AppError::new(
        ErrorCode::Cancelled,
        "Sync cancelled. No contact was removed; the list shows the last complete sync and any pages already read.",
    )
}
