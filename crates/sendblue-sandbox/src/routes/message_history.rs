//! Message history (§5): the filtered, paged list, one message, and the soft delete.

use std::collections::HashMap;

use axum::extract::State;
use axum::routing::{delete, get};
use axum::{Json, Router};
use rusqlite::types::Value as Sql;
use serde_json::{json, Value};

use super::message_json::{record_json, Ctx};
use super::message_store::{self, from_row, COLUMNS};
use super::messages::query_number;
use crate::api_error::{ApiError, ApiResult};
use crate::extract::{Params, PathParams};
use crate::state::AppState;
use crate::util::{iso, parse_iso};

/// Page size when the query sets none.
const DEFAULT_LIMIT: i64 = 100;
/// Largest page.
const MAX_LIMIT: i64 = 1000;

/// Statuses the `status` filter accepts (§2.2).
const STATUSES: [&str; 11] = [
    "REGISTERED",
    "PENDING",
    "QUEUED",
    "ACCEPTED",
    "SENT",
    "DELIVERED",
    "DECLINED",
    "ERROR",
    "RECEIVED",
    "SUCCESS",
    "READ",
];

/// The history paths.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v2/messages", get(list))
        .route("/api/v2/messages/{handle}", get(one).delete(remove))
        .route("/api/message/{handle}", delete(remove))
}

/// A WHERE clause built from the query, with its parameters.
#[derive(Debug, Default)]
struct Filter {
    clauses: Vec<String>,
    params: Vec<Sql>,
}

impl Filter {
    /// Adds `clause`, whose `$` marks are bound to `values` in order.
    fn push(&mut self, clause: &str, values: &[&str]) {
        let mut clause = clause.to_owned();
        for value in values {
            self.params.push(Sql::Text((*value).to_owned()));
            clause = clause.replacen('$', &format!("?{}", self.params.len()), 1);
        }
        self.clauses.push(clause);
    }

    fn sql(&self) -> String {
        std::iter::once("deleted = 0".to_owned())
            .chain(self.clauses.iter().cloned())
            .collect::<Vec<_>>()
            .join(" AND ")
    }
}

fn bad(name: &str, allowed: &str) -> ApiError {
    ApiError::bad_request(format!("Invalid {name}: must be one of {allowed}"))
}

fn int_param(q: &HashMap<String, String>, name: &str) -> ApiResult<Option<i64>> {
    match q.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .parse::<i64>()
            .map(Some)
            .map_err(|_| ApiError::bad_request(format!("Invalid {name}: must be an integer"))),
    }
}

/// Reads every §5.1 filter into a WHERE clause (all AND-combined).
fn filter(q: &HashMap<String, String>, account_email: &str) -> ApiResult<Filter> {
    let mut f = Filter::default();
    let get = |name: &str| q.get(name).map(String::as_str).filter(|v| !v.is_empty());
    if let Some(status) = get("status") {
        if !STATUSES.contains(&status) {
            return Err(bad("status", &STATUSES.join(", ")));
        }
        f.push("status = $", &[status]);
    }
    if let Some(service) = get("service") {
        let canonical = match service.to_ascii_lowercase().as_str() {
            "imessage" => "iMessage",
            "sms" => "SMS",
            "rcs" => "RCS",
            _ => return Err(bad("service", "iMessage, SMS, RCS")),
        };
        f.push("service = $", &[canonical]);
    }
    if let Some(dir) = get("is_outbound") {
        match dir {
            "true" => f.clauses.push("is_outbound = 1".into()),
            "false" => f.clauses.push("is_outbound = 0".into()),
            _ => return Err(bad("is_outbound", "true, false")),
        }
    }
    if let Some(kind) = get("message_type") {
        if !["message", "group", "carousel", "location"].contains(&kind) {
            return Err(bad("message_type", "message, group, carousel, location"));
        }
        f.push("message_type = $", &[kind]);
    }
    if let Some(number) = get("number").map(query_number) {
        let quoted = format!("%\"{number}\"%");
        f.push(
            "(number = $ OR from_number = $ OR to_number = $ OR participants LIKE $)",
            &[&number, &number, &number, &quoted],
        );
    }
    for column in ["from_number", "to_number", "sendblue_number"] {
        if let Some(value) = get(column).map(query_number) {
            f.push(&format!("{column} = $"), &[&value]);
        }
    }
    if let Some(group) = get("group_id") {
        f.push("group_id = $", &[group]);
    }
    if let Some(email) = get("account_email") {
        // Every message belongs to the one account: another email matches nothing.
        if !email.eq_ignore_ascii_case(account_email) {
            f.clauses.push("0".into());
        }
    }
    for (name, column, op) in [
        ("created_at_gte", "date_created", ">="),
        ("created_at_lte", "date_created", "<="),
        ("sent_at_gte", "date_created", ">="),
        ("sent_at_lte", "date_created", "<="),
        ("updated_at_gte", "date_updated", ">="),
        ("updated_at_lte", "date_updated", "<="),
    ] {
        if let Some(raw) = get(name) {
            let raw = raw.replace(' ', "+");
            let ms = parse_iso(&raw).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "Invalid {name}: use an ISO 8601 date, for example 2026-03-02T18:04:11.120Z"
                ))
            })?;
            f.push(&format!("{column} {op} $"), &[&iso(ms)]);
        }
    }
    Ok(f)
}

fn order(q: &HashMap<String, String>) -> ApiResult<(&'static str, &'static str)> {
    let column = match q.get("order_by").map(String::as_str).unwrap_or("") {
        "" | "createdAt" | "created_at" | "sentAt" | "sent_at" => "date_created",
        "updatedAt" | "updated_at" => "date_updated",
        _ => {
            return Err(bad(
                "order_by",
                "createdAt, updatedAt, sentAt, created_at, updated_at, sent_at",
            ))
        }
    };
    let direction = match q
        .get("order_direction")
        .map(|d| d.to_ascii_lowercase())
        .as_deref()
    {
        None | Some("") | Some("desc") => "DESC",
        Some("asc") => "ASC",
        _ => return Err(bad("order_direction", "asc, desc")),
    };
    Ok((column, direction))
}

/// `GET /api/v2/messages` (§5.1): limit 1–1000 (out-of-range values are clamped), offset
/// ≥ 0, newest first unless told otherwise; deleted messages never appear.
async fn list(
    State(state): State<AppState>,
    Params(q): Params<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let limit = int_param(&q, "limit")?
        .unwrap_or(DEFAULT_LIMIT)
        .clamp(1, MAX_LIMIT);
    let offset = int_param(&q, "offset")?.unwrap_or(0).max(0);
    let (column, direction) = order(&q)?;
    let (rows, total, ctx) = state.store.with(|c| {
        let ctx = Ctx::load(c, &state.origin)?;
        let f = match filter(&q, &ctx.account.email) {
            Ok(f) => f,
            Err(e) => return Ok(Err(e)),
        };
        let total: i64 = c.query_row(
            &format!("SELECT COUNT(*) FROM messages WHERE {}", f.sql()),
            rusqlite::params_from_iter(f.params.iter()),
            |r| r.get(0),
        )?;
        let mut params = f.params.clone();
        params.push(Sql::Integer(limit));
        params.push(Sql::Integer(offset));
        let n = params.len();
        let mut stmt = c.prepare(&format!(
            "SELECT {COLUMNS} FROM messages WHERE {} ORDER BY {column} {direction}, seq {direction}
             LIMIT ?{} OFFSET ?{}",
            f.sql(),
            n - 1,
            n
        ))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params.iter()), from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Ok((rows, total, ctx)))
    })??;
    let data: Vec<Value> = rows.iter().map(|r| record_json(r, &ctx)).collect();
    let has_more = offset + (data.len() as i64) < total;
    Ok(Json(json!({
        "status": "OK",
        "data": data,
        "pagination": {"limit": limit, "offset": offset, "total": total, "hasMore": has_more},
    })))
}

/// `GET /api/v2/messages/{message_id}` (§5.2).
async fn one(
    State(state): State<AppState>,
    PathParams(handle): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let (row, ctx) = state.store.with(|c| {
        Ok((
            message_store::get(c, &handle)?,
            Ctx::load(c, &state.origin)?,
        ))
    })?;
    let row = row.ok_or_else(|| ApiError::not_found("Message not found"))?;
    Ok(Json(
        json!({"status": "OK", "data": record_json(&row, &ctx)}),
    ))
}

/// `DELETE /api/message/{message_handle}` and `DELETE /api/v2/messages/{handle}` (§5.3): a
/// soft delete — gone from the history, nothing unsent.
async fn remove(
    State(state): State<AppState>,
    PathParams(handle): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let deleted = state
        .store
        .with(|c| message_store::soft_delete(c, &handle))?;
    if !deleted {
        return Err(ApiError::not_found("Message not found"));
    }
    Ok(Json(json!({"status": "OK", "message": "Message deleted"})))
}
