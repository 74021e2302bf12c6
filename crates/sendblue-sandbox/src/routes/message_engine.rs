//! The status engine: every tick, each due outbound message moves one step —
//! QUEUED → SENT → DELIVERED, or QUEUED → ERROR for recipients that fail (numbers ending in
//! 0666). Never READ or SUCCESS (§22.4). A message whose line is OFFLINE waits in QUEUED
//! until the line is back. Simulated people (`people.rs`) are played on the same tick.

use rusqlite::{params, Connection};

use super::message_json::{updated_notice, Ctx};
use super::message_store::{self, MessageRow};
use super::outbound::step_delay;
use super::people;
use super::service_rule::{fails, FAILED_CODE, FAILED_MESSAGE};
use crate::domain;
use crate::notify::Notice;
use crate::state::AppState;
use crate::util::iso;

/// Most rows one tick handles, so a tick stays short; the rest wait for the next tick.
const BATCH: usize = 500;

/// One tick: advances due messages, then plays due simulated replies. Notices go out after
/// the transaction commits.
pub fn on_tick(state: &AppState, now: i64) {
    let delay = step_delay(state);
    let auto_reply = state.config.auto_reply;
    let result = state.store.tx(|tx| -> rusqlite::Result<Vec<Notice>> {
        let ctx = Ctx::load(tx, &state.origin)?;
        let mut notices = advance_messages(tx, now, delay, auto_reply, &ctx)?;
        notices.extend(people::play_due(tx, now, delay, &ctx)?);
        Ok(notices)
    });
    match result {
        Ok(notices) => {
            for notice in notices {
                state.emit(notice);
            }
        }
        Err(e) => tracing::error!(error = %e, "sandbox tick failed"),
    }
}

fn due_handles(conn: &Connection, now: i64) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT message_handle FROM messages
         WHERE next_step_ms IS NOT NULL AND next_step_ms <= ?1
         ORDER BY next_step_ms LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![now, BATCH as i64], |r| r.get(0))?;
    rows.collect()
}

/// True when a message to these recipients fails.
fn will_fail(row: &MessageRow) -> bool {
    if row.group_id.is_empty() {
        fails(&row.number)
    } else {
        row.participants.iter().any(|n| fails(n))
    }
}

fn advance_messages(
    tx: &Connection,
    now: i64,
    delay: i64,
    auto_reply: bool,
    ctx: &Ctx,
) -> rusqlite::Result<Vec<Notice>> {
    let mut notices = Vec::new();
    for handle in due_handles(tx, now)? {
        let Some(mut row) = message_store::get_any(tx, &handle)? else {
            continue;
        };
        let next = match row.status.as_str() {
            "QUEUED" => {
                let line_offline =
                    domain::line(tx, &row.sendblue_number)?.is_some_and(|l| l.status == "OFFLINE");
                if line_offline {
                    tx.execute(
                        "UPDATE messages SET next_step_ms = ?2 WHERE message_handle = ?1",
                        params![row.handle, now + delay],
                    )?;
                    continue;
                }
                if will_fail(&row) {
                    row.error_code = Some(FAILED_CODE);
                    row.error_message = Some(FAILED_MESSAGE.into());
                    ("ERROR", None)
                } else {
                    ("SENT", Some(now + delay))
                }
            }
            "SENT" => ("DELIVERED", None),
            // Anything else is final: stop looking at it.
            _ => {
                tx.execute(
                    "UPDATE messages SET next_step_ms = NULL WHERE message_handle = ?1",
                    [&row.handle],
                )?;
                continue;
            }
        };
        row.status = next.0.into();
        row.next_step_ms = next.1;
        row.date_updated = iso(now);
        message_store::save_status(tx, &row)?;
        if row.status == "DELIVERED" && auto_reply {
            people::schedule_reply(tx, &row, now + delay)?;
        }
        notices.push(updated_notice(&row, ctx));
    }
    Ok(notices)
}
