//! Sending the plan: batches to `POST /api/v2/contacts/bulk` (an upsert by phone, so a
//! repeat is harmless), a few in flight at once, slowing down when Sendblue answers 429.
//!
//! The journal rules (see [`super::store`]): a batch is marked `sending` before its request
//! and `done` only after a 200; a crash leaves it `sending`, and the next run sends it again.
//! A `done` batch is never sent again. A 400 naming one row (`contacts[i]: …`) rejects that
//! row alone and the rest of the batch goes again (the API writes nothing from a refused
//! batch). Errors that waiting won't fix (a wrong key, a plan restriction) stop the run with
//! the journal intact, so it can be resumed once fixed.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::stream::FuturesUnordered;
use futures_util::StreamExt;
use sendblue_client::models::contacts::BulkContact;
use sendblue_client::{Client, ErrorCode, RetryPolicy};

use super::control::ImportControl;
use super::store::{BatchState, ImportStore};
use super::types::{ImportEnd, ImportPhase};
use crate::error::{AppError, AppResult};

/// Attempts per batch on network errors and 5xx answers before the run stops as
/// interrupted (the import's client has no retries of its own: see [`without_retries`]).
const MAX_ATTEMPTS: u32 = 8;
/// 429 answers per batch before the run stops as interrupted.
const MAX_RATE_LIMITED: u32 = 60;

/// How the batches of one run are paced.
struct Pace {
    until: Mutex<Option<Instant>>,
    limit: AtomicUsize,
    max: usize,
    successes: AtomicUsize,
}

impl Pace {
    fn new(max: usize) -> Self {
        Self {
            until: Mutex::new(None),
            limit: AtomicUsize::new(max),
            max,
            successes: AtomicUsize::new(0),
        }
    }

    fn limit(&self) -> usize {
        self.limit.load(Ordering::SeqCst).max(1)
    }

    /// Sendblue said "too many": everyone pauses for `wait`, and fewer requests fly at once.
    fn slow_down(&self, wait: Duration) {
        let mut until = self.until.lock().unwrap_or_else(|p| p.into_inner());
        let end = Instant::now() + wait;
        if until.is_none_or(|u| u < end) {
            *until = Some(end);
        }
        let half = (self.limit() / 2).max(1);
        self.limit.store(half, Ordering::SeqCst);
        self.successes.store(0, Ordering::SeqCst);
    }

    /// After a run of successes, one more request may fly at once again.
    fn succeeded(&self) {
        let limit = self.limit();
        if limit < self.max && self.successes.fetch_add(1, Ordering::SeqCst) + 1 >= 2 * limit {
            self.limit.store(limit + 1, Ordering::SeqCst);
            self.successes.store(0, Ordering::SeqCst);
        }
    }

    fn paused_ms(&self) -> Option<u64> {
        let until = *self.until.lock().unwrap_or_else(|p| p.into_inner());
        until
            .and_then(|u| u.checked_duration_since(Instant::now()))
            .map(|d| d.as_millis() as u64)
    }

    /// Waits out a pause; `false` when cancelled meanwhile.
    async fn wait(&self, control: &ImportControl) -> bool {
        while let Some(left) = self.paused_ms() {
            if control.is_cancelled() {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(left.clamp(1, 100))).await;
        }
        true
    }
}

/// How one batch's sending ended.
enum Sent {
    Done {
        batch: u64,
        rows: u64,
    },
    RejectedRow {
        batch: u64,
        row: u64,
        reason: String,
    },
    Refused {
        batch: u64,
        reason: String,
    },
    Stopped,
    Fatal(AppError),
}

/// Sends every batch the journal in `store` has not finished. Returns how it ended; an
/// error means it stopped early and can be resumed.
pub(crate) async fn send_batches(
    // `&mut`: the future holds it across awaits and must stay `Send` (a connection isn't
    // `Sync`).
    store: &mut ImportStore,
    client: &Client,
    concurrency: usize,
    control: &ImportControl,
) -> AppResult<ImportEnd> {
    let client = &without_retries(client);
    let pace = Arc::new(Pace::new(concurrency.clamp(1, 4)));
    let mut queue: VecDeque<u64> = store.open_batches()?.into();
    let (total, mut done, mut failed) = store.send_counts()?;
    control.progress(ImportPhase::Sending, done, total, failed, None, true);
    let mut in_flight = FuturesUnordered::new();
    let mut fatal: Option<AppError> = None;
    loop {
        while fatal.is_none() && !control.is_cancelled() && in_flight.len() < pace.limit() {
            let Some(batch) = queue.pop_front() else {
                break;
            };
            let rows = store.batch_rows(batch)?;
            if rows.is_empty() {
                store.set_batch(batch, BatchState::Done, None)?;
                continue;
            }
            let mut ids = Vec::with_capacity(rows.len());
            let mut contacts = Vec::with_capacity(rows.len());
            for (row, json) in rows {
                let contact: BulkContact = serde_json::from_str(&json)
                    .map_err(|e| AppError::io("read the import journal", e))?;
                ids.push(row);
                contacts.push(contact);
            }
            store.set_batch(batch, BatchState::Sending, None)?;
            in_flight.push(send_one(
                client.clone(),
                pace.clone(),
                control.clone(),
                batch,
                ids,
                contacts,
            ));
        }
        // A tick while batches are out, so the page hears about a pause (or just time
        // passing) even when no batch finishes for a while.
        let next = tokio::select! {
            next = in_flight.next() => next,
            _ = tokio::time::sleep(Duration::from_millis(250)), if !in_flight.is_empty() => {
                let paused = pace.paused_ms();
                control.progress(ImportPhase::Sending, done, total, failed, paused, paused.is_some());
                continue;
            }
        };
        let Some(result) = next else { break };
        match result {
            Sent::Done { batch, rows } => {
                store.set_batch(batch, BatchState::Done, None)?;
                done += rows;
                pace.succeeded();
            }
            Sent::RejectedRow { batch, row, reason } => {
                store.reject_row(row, &reason)?;
                store.set_batch(batch, BatchState::Pending, None)?;
                failed += 1;
                queue.push_front(batch);
            }
            Sent::Refused { batch, reason } => {
                let rows = store.batch_rows(batch)?.len() as u64;
                store.set_batch(batch, BatchState::Failed, Some(&reason))?;
                failed += rows;
            }
            Sent::Stopped => {}
            Sent::Fatal(e) => {
                fatal.get_or_insert(e);
            }
        }
        control.progress(
            ImportPhase::Sending,
            done,
            total,
            failed,
            pace.paused_ms(),
            false,
        );
    }
    control.progress(ImportPhase::Sending, done, total, failed, None, true);
    if let Some(e) = fatal {
        return Err(e);
    }
    let unfinished = !store.open_batches()?.is_empty();
    Ok(if unfinished {
        ImportEnd::Cancelled
    } else {
        ImportEnd::Completed
    })
}

/// The import's own client: the same account and settings without the client's retries.
/// The import retries each batch itself (the upsert is repeatable), so a 429 reaches the
/// shared pacing — every batch pauses and fewer fly at once — instead of each request
/// sleeping on its own.
fn without_retries(client: &Client) -> Client {
    let mut config = client.config().clone();
    config.retry = RetryPolicy::none();
    Client::new(config).unwrap_or_else(|_| client.clone())
}

/// Sends one batch until Sendblue accepts it, refuses it for good, or the run stops.
async fn send_one(
    client: Client,
    pace: Arc<Pace>,
    control: ImportControl,
    batch: u64,
    ids: Vec<u64>,
    contacts: Vec<BulkContact>,
) -> Sent {
    let (mut attempts, mut limited) = (0u32, 0u32);
    loop {
        if !pace.wait(&control).await || control.is_cancelled() {
            return Sent::Stopped;
        }
        let error = match client.contacts().bulk_create(&contacts).await {
            Ok(stored) => {
                control.saved(&stored);
                return Sent::Done {
                    batch,
                    rows: ids.len() as u64,
                };
            }
            Err(e) => e,
        };
        match error.code() {
            ErrorCode::RateLimited if limited < MAX_RATE_LIMITED => {
                limited += 1;
                pace.slow_down(error.retry_after().unwrap_or(Duration::from_secs(1)));
            }
            ErrorCode::Network | ErrorCode::Upstream | ErrorCode::Decode
                if attempts + 1 < MAX_ATTEMPTS =>
            {
                attempts += 1;
                let backoff = Duration::from_millis(250u64 << attempts.min(6));
                let until = Instant::now() + backoff;
                while Instant::now() < until {
                    if control.is_cancelled() {
                        return Sent::Stopped;
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
            ErrorCode::Validation => {
                let message = error.upstream_message().unwrap_or("").to_owned();
                let reason = refusal_reason(&message);
                return match row_index(&message).and_then(|i| ids.get(i)) {
                    Some(&row) => Sent::RejectedRow { batch, row, reason },
                    None => Sent::Refused { batch, reason },
                };
            }
            _ => return Sent::Fatal(AppError::from(error)),
        }
    }
}

/// The index in `contacts[3]: …`.
fn row_index(message: &str) -> Option<usize> {
    let rest = message.trim_start().strip_prefix("contacts[")?;
    rest.split(']').next()?.parse().ok()
}

/// The report's reason for a refused row or batch.
fn refusal_reason(message: &str) -> String {
    let detail = match message.split_once("]: ") {
        Some((_, after)) if message.starts_with("contacts[") => after,
        _ => message,
    };
    if detail.trim().is_empty() {
        "Sendblue refused it".to_owned()
    } else {
        format!("Sendblue refused it: {}", detail.trim())
    }
}
