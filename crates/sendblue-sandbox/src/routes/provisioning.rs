//! Line provisioning (§14.1–§14.2). The current flow: a single-use preview token (10 min)
//! confirmed into a new inbound-only line, for accounts on the `inbound_only` plan. The older
//! ticket flow: `add-line` opens a ticket that the sandbox fulfils a few ticks later (real
//! fulfilment is manual). Both attach the next free number of the sandbox's pool
//! (`+1415555 0100`–`0199`) and announce it with `line.assigned` and the `line_assigned`
//! webhook.

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api_error::{ApiError, ApiResult};
use crate::domain::{self, Line};
use crate::extract::{Body, PathParams};
use crate::notify::Notice;
use crate::routes::lines::line_assigned_notice;
use crate::state::AppState;
use crate::util::{iso, now_iso, now_ms, require_field, uuid};

/// How long a preview token stays valid.
const PREVIEW_TTL_MS: i64 = 10 * 60 * 1000;
/// Ticks between `add-line` and the ticket's fulfilment.
const TICKET_TICKS: u32 = 3;

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/accounts/lines/provision-preview", post(preview))
        .route("/accounts/lines/provision-confirm", post(confirm))
        .route("/accounts/lines/add-line", post(add_line))
        .route("/account/lines/add-line", post(add_line))
        .route("/accounts/lines/line-request/{id}", get(line_request))
        .route("/account/lines/line-request/{id}", get(line_request))
}

/// Fulfils the line-request tickets that are due (called every tick): each gets the next
/// free number as a new line. A ticket stays OPEN while the pool is empty.
pub fn on_tick(state: &AppState, now_ms: i64) {
    // A cheap read first, so an idle tick never opens a write transaction.
    let due = state.store.with(|c| {
        c.query_row(
            "SELECT 1 FROM line_tickets WHERE status = 'OPEN' AND due_ms <= ?1 LIMIT 1",
            [now_ms],
            |_| Ok(()),
        )
        .optional()
    });
    if !matches!(due, Ok(Some(()))) {
        return;
    }
    let result = state.store.tx(|tx| -> rusqlite::Result<Vec<Notice>> {
        let mut stmt = tx.prepare(
            "SELECT id FROM line_tickets WHERE status = 'OPEN' AND due_ms <= ?1 ORDER BY id",
        )?;
        let due: Vec<i64> = stmt
            .query_map([now_ms], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut notices = Vec::new();
        for id in due {
            let Some(line) = attach_line(tx, false)? else {
                break;
            };
            tx.execute(
                "UPDATE line_tickets SET status = 'FULFILLED', fulfilled_number = ?1,
                    fulfilled_at = ?2 WHERE id = ?3",
                params![line.number, now_iso(), id],
            )?;
            notices.push(line_assigned_notice(&line));
        }
        Ok(notices)
    });
    match result {
        Ok(notices) => notices.into_iter().for_each(|n| state.emit(n)),
        Err(e) => tracing::warn!(error = %e, "line tickets could not be fulfilled"),
    }
}

/// The lowest number of the pool that is not a line yet.
fn next_free_number(conn: &Connection) -> rusqlite::Result<Option<String>> {
    for n in 0..100 {
        let number = format!("+1415555{:04}", 100 + n);
        if domain::line(conn, &number)?.is_none() {
            return Ok(Some(number));
        }
    }
    Ok(None)
}

/// Attaches the next free number as a dedicated line (inbound-only when bought through the
/// API). `None` when the pool is empty.
fn attach_line(conn: &Connection, inbound_only: bool) -> rusqlite::Result<Option<Line>> {
    let Some(number) = next_free_number(conn)? else {
        return Ok(None);
    };
    let now = now_iso();
    conn.execute(
        "INSERT INTO lines (number, worker_id, kind, assignment, status, status_changed_at,
            inbound_only, created_at)
         VALUES (?1, ?2, 'v1', 'assigned', 'ONLINE', ?3, ?4, ?3)",
        params![number, format!("w_{}", &number[8..]), now, inbound_only],
    )?;
    domain::line(conn, &number)
}

fn require_plan(conn: &Connection) -> ApiResult<()> {
    if domain::account(conn)?.plan != "inbound_only" {
        return Err(ApiError::forbidden(
            "Buying lines through the API is only available on the inbound_only (AI Agent) plan",
        ));
    }
    Ok(())
}

fn no_line_left() -> ApiError {
    ApiError::conflict("No line is available right now; try again later")
}

async fn preview(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    let token = format!("lpv_{}", uuid().replace('-', ""));
    let expires_ms = now_ms() + PREVIEW_TTL_MS;
    state.store.tx(|tx| -> ApiResult<()> {
        require_plan(tx)?;
        next_free_number(tx)?.ok_or_else(no_line_left)?;
        tx.execute(
            "INSERT INTO provision_previews (token, expires_ms, used, created_at)
             VALUES (?1, ?2, 0, ?3)",
            params![token, expires_ms, now_iso()],
        )?;
        Ok(())
    })?;
    Ok(Json(json!({
        "status": "OK",
        "preview_token": token,
        "expires_at": iso(expires_ms),
        "message": "Confirm within 10 minutes to complete the purchase.",
    })))
}

#[derive(Debug, Deserialize)]
struct ConfirmBody {
    #[serde(default)]
    preview_token: Option<String>,
}

async fn confirm(
    State(state): State<AppState>,
    Body(body): Body<ConfirmBody>,
) -> ApiResult<Json<Value>> {
    let token = require_field("preview_token", body.preview_token.as_deref())?.to_owned();
    let line = state.store.tx(|tx| -> ApiResult<Line> {
        require_plan(tx)?;
        let found: Option<(i64, bool)> = tx
            .query_row(
                "SELECT expires_ms, used FROM provision_previews WHERE token = ?1",
                [&token],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match found {
            None => return Err(ApiError::not_found("Preview token not found")),
            Some((_, true)) => {
                return Err(gone(
                    "This preview token was already used; request a new preview",
                ))
            }
            Some((expires, _)) if expires <= now_ms() => {
                return Err(gone(
                    "This preview token has expired; request a new preview",
                ))
            }
            Some(_) => {}
        }
        // The token is only consumed when a line is actually attached.
        let line = attach_line(tx, true)?.ok_or_else(no_line_left)?;
        tx.execute(
            "UPDATE provision_previews SET used = 1 WHERE token = ?1",
            [&token],
        )?;
        Ok(line)
    })?;
    state.emit(line_assigned_notice(&line));
    Ok(Json(json!({
        "status": "OK",
        "phone_number": line.number,
        "line": {"sendblue_number": line.number, "type": "inbound_only"},
    })))
}

fn gone(message: &str) -> ApiError {
    ApiError::new(axum::http::StatusCode::GONE, message)
}

#[derive(Debug, Deserialize)]
struct AddLineBody {
    #[serde(default)]
    line_request_type: Option<String>,
    #[serde(default)]
    desired_area_code: Option<String>,
}

async fn add_line(
    State(state): State<AppState>,
    Body(body): Body<AddLineBody>,
) -> ApiResult<Json<Value>> {
    let kind = require_field("line_request_type", body.line_request_type.as_deref())?;
    if !kind.eq_ignore_ascii_case("phone") {
        return Err(ApiError::bad_request(format!(
            "Invalid line_request_type {kind:?}: only phone is supported"
        )));
    }
    let area = body
        .desired_area_code
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty());
    if let Some(a) = &area {
        if !matches!(a.len(), 3 | 5) || !a.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::bad_request(
                "desired_area_code must be a 3-digit area code or a 5-digit ZIP",
            ));
        }
    }
    let due = now_ms() + state.config.tick.as_millis() as i64 * i64::from(TICKET_TICKS);
    let ticket = state.store.tx(|tx| -> ApiResult<Value> {
        tx.execute(
            "INSERT INTO line_tickets (type, status, desired_area_code, created_at, due_ms)
             VALUES ('PHONE', 'OPEN', ?1, ?2, ?3)",
            params![area, now_iso(), due],
        )?;
        ticket_json(tx, tx.last_insert_rowid())?.ok_or_else(|| ApiError::internal("ticket"))
    })?;
    Ok(Json(json!({"status": "OK", "data": ticket})))
}

async fn line_request(
    State(state): State<AppState>,
    PathParams(raw): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let id: i64 = raw
        .trim()
        .parse()
        .map_err(|_| ApiError::bad_request("The line request id must be a number"))?;
    let ticket = state
        .store
        .with(|c| ticket_json(c, id))?
        .ok_or_else(|| ApiError::not_found("Line request not found"))?;
    Ok(Json(json!({"status": "OK", "data": ticket})))
}

/// A ticket as the API answers it (§14.2, camelCase); the `fulfilled*` fields appear once it
/// is fulfilled.
fn ticket_json(conn: &Connection, id: i64) -> rusqlite::Result<Option<Value>> {
    conn.query_row(
        "SELECT id, type, status, desired_area_code, created_at, fulfilled_number, fulfilled_at
         FROM line_tickets WHERE id = ?1",
        [id],
        |r| {
            let mut ticket = json!({
                "id": r.get::<_, i64>(0)?,
                "type": r.get::<_, String>(1)?,
                "status": r.get::<_, String>(2)?,
                "desiredAreaCode": r.get::<_, Option<String>>(3)?,
                "createdAt": r.get::<_, String>(4)?,
            });
            if let Some(number) = r.get::<_, Option<String>>(5)? {
                ticket["fulfilledNumber"] = json!(number);
                ticket["fulfilledAt"] = json!(r.get::<_, Option<String>>(6)?);
            }
            Ok(ticket)
        },
    )
    .optional()
}
