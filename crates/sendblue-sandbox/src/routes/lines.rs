//! Lines (§13.1–§13.3): the account's numbers, line membership and health, per-line call
//! forwarding; and the simulation path that changes a line's health
//! (`POST /__sandbox/lines/{number}/status`), which emits `line.status.changed` — and, when a
//! line goes OFFLINE, `line.blocked` with the `line_blocked` webhook.

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use rusqlite::params;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api_error::{ApiError, ApiResult};
use crate::domain::{self, Line};
use crate::extract::{Body, PathParams};
use crate::notify::{Notice, WebhookNotice};
use crate::routes::numbers::require_phone;
use crate::state::AppState;
use crate::util::now_iso;

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/lines", get(numbers))
        .route("/api/v2/lines/state", get(line_state))
        .route(
            "/api/lines/{sendblue_number}/call-forwarding",
            get(get_forwarding)
                .put(put_forwarding)
                .delete(delete_forwarding),
        )
}

/// This area's `/__sandbox` simulation paths.
pub fn admin() -> Router<AppState> {
    Router::new().route("/__sandbox/lines/{number}/status", post(set_status))
}

/// A line as a `LineState` (§13.2); also the `data` of the `line.*` events.
pub fn line_state_json(line: &Line) -> Value {
    json!({
        "worker_id": line.worker_id,
        "sendblue_number": line.number,
        "assignment": line.assignment,
        "status": line.status,
        "status_changed_at": line.status_changed_at,
        "degraded_since": line.degraded_since,
        "effective_until": line.effective_until,
    })
}

/// What announces a line attached to the account: the `line.assigned` event and the
/// `line_assigned` webhook (§11.7).
pub fn line_assigned_notice(line: &Line) -> Notice {
    Notice {
        event: Some(("line.assigned", line_state_json(line))),
        webhook: Some(WebhookNotice {
            webhook_type: "line_assigned",
            payload: json!({
                "type": "line_assigned",
                "sendblue_number": line.number,
                "worker_id": line.worker_id,
                "assignment": line.assignment,
                "occurred_at": now_iso(),
            }),
            line: Some(line.number.clone()),
        }),
        status_callback: None,
    }
}

async fn numbers(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    let lines = state.store.with(domain::lines)?;
    let numbers: Vec<&str> = lines.iter().map(|l| l.number.as_str()).collect();
    Ok(Json(json!({"status": "OK", "numbers": numbers})))
}

async fn line_state(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    let lines = state.store.with(domain::lines)?;
    let data: Vec<Value> = lines.iter().map(line_state_json).collect();
    Ok(Json(
        json!({"status": "OK", "snapshot_at": now_iso(), "data": data}),
    ))
}

/// The line of a call-forwarding path: 404 when it is not the account's, 403 when it is a
/// shared line (forwarding is per dedicated line).
fn forwarding_line(conn: &rusqlite::Connection, raw: &str) -> ApiResult<Line> {
    let line =
        domain::line(conn, raw.trim())?.ok_or_else(|| ApiError::not_found("Line not found"))?;
    if line.assignment == "shared" {
        return Err(ApiError::forbidden(
            "Call forwarding is only available on dedicated lines",
        ));
    }
    Ok(line)
}

fn forwarding_json(line: &str, forwarding: Option<&str>) -> Json<Value> {
    Json(json!({"sendblue_number": line, "forwarding_number": forwarding}))
}

async fn get_forwarding(
    State(state): State<AppState>,
    PathParams(raw): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let line = state.store.with(|c| Ok(forwarding_line(c, &raw)))??;
    Ok(forwarding_json(
        &line.number,
        line.forwarding_number.as_deref(),
    ))
}

#[derive(Debug, Deserialize)]
struct ForwardingBody {
    #[serde(default)]
    forwarding_number: Option<String>,
}

async fn put_forwarding(
    State(state): State<AppState>,
    PathParams(raw): PathParams<String>,
    Body(body): Body<ForwardingBody>,
) -> ApiResult<Json<Value>> {
    let forwarding = require_phone(
        "forwarding_number",
        body.forwarding_number.as_deref(),
        "Invalid forwarding_number: use E.164 (+14155550199) or a 10-digit US number",
    )?;
    let line = state.store.tx(|tx| -> ApiResult<Line> {
        let line = forwarding_line(tx, &raw)?;
        if line.number == forwarding {
            return Err(ApiError::bad_request(
                "A line can't forward its calls to itself",
            ));
        }
        tx.execute(
            "UPDATE lines SET forwarding_number = ?1 WHERE number = ?2",
            params![forwarding, line.number],
        )?;
        Ok(line)
    })?;
    Ok(forwarding_json(&line.number, Some(&forwarding)))
}

async fn delete_forwarding(
    State(state): State<AppState>,
    PathParams(raw): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let line = state.store.tx(|tx| -> ApiResult<Line> {
        let line = forwarding_line(tx, &raw)?;
        tx.execute(
            "UPDATE lines SET forwarding_number = NULL WHERE number = ?1",
            [&line.number],
        )?;
        Ok(line)
    })?;
    Ok(forwarding_json(&line.number, None))
}

#[derive(Debug, Deserialize)]
struct StatusBody {
    #[serde(default)]
    status: Option<String>,
    /// Why the line is blocked (for `line_blocked`, when it goes OFFLINE).
    #[serde(default)]
    reason: Option<String>,
}

/// Changes a line's health. An unchanged status answers `changed: false` and emits nothing.
/// OFFLINE counts as blocked: it also emits `line.blocked` and the `line_blocked` webhook.
async fn set_status(
    State(state): State<AppState>,
    PathParams(raw): PathParams<String>,
    Body(body): Body<StatusBody>,
) -> ApiResult<Json<Value>> {
    let status = body.status.as_deref().map(str::trim).unwrap_or_default();
    if !["ONLINE", "OFFLINE", "DEGRADED", "UNKNOWN"].contains(&status) {
        return Err(ApiError::bad_request(
            "status must be ONLINE, OFFLINE, DEGRADED or UNKNOWN",
        ));
    }
    let (line, changed) = state.store.tx(|tx| -> ApiResult<(Line, bool)> {
        let line =
            domain::line(tx, raw.trim())?.ok_or_else(|| ApiError::not_found("Line not found"))?;
        if line.status == status {
            return Ok((line, false));
        }
        let now = now_iso();
        let degraded_since = match status {
            "DEGRADED" => Some(line.degraded_since.clone().unwrap_or_else(|| now.clone())),
            _ => None,
        };
        tx.execute(
            "UPDATE lines SET status = ?1, status_changed_at = ?2, degraded_since = ?3
             WHERE number = ?4",
            params![status, now, degraded_since, line.number],
        )?;
        let line = domain::line(tx, &line.number)?.ok_or_else(|| ApiError::internal("line"))?;
        Ok((line, true))
    })?;
    if changed {
        let data = line_state_json(&line);
        state.emit(Notice {
            event: Some(("line.status.changed", data.clone())),
            ..Notice::default()
        });
        if line.status == "OFFLINE" {
            let reason = body.reason.unwrap_or_else(|| "Line is offline".into());
            state.emit(Notice {
                event: Some(("line.blocked", data)),
                webhook: Some(WebhookNotice {
                    webhook_type: "line_blocked",
                    payload: json!({
                        "type": "line_blocked",
                        "sendblue_number": line.number,
                        "worker_id": line.worker_id,
                        "reason": reason,
                        "occurred_at": now_iso(),
                    }),
                    line: Some(line.number.clone()),
                }),
                status_callback: None,
            });
        }
    }
    Ok(Json(
        json!({"status": "OK", "changed": changed, "line": line_state_json(&line)}),
    ))
}
