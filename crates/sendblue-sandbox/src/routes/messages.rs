//! 1:1 messaging (§4.1, §4.4, §4.8), plus the history (`message_history.rs`), carousels
//! (`carousel.rs`), the status engine (`message_engine.rs`) and simulated people
//! (`people.rs`), which this area's routers and tick gather.

use std::collections::HashMap;

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::message_json::{relative, response_json, Ctx};
use super::outbound::{self, Draft};
use super::service_rule::{self, is_email, service_for, IMESSAGE};
use super::{carousel, message_engine, message_history, message_store, people};
use crate::api_error::{ApiError, ApiResult};
use crate::domain;
use crate::extract::{Body, Params, PathParams};
use crate::state::AppState;
use crate::util::{is_e164, require_e164, require_field, uuid};

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/send-message", post(send_message))
        .route("/api/status", get(status_by_query))
        .route("/api/status/{handle}", get(status_by_path))
        .route("/api/evaluate-service", get(evaluate_service))
        .merge(message_history::router())
        .merge(carousel::router())
}

/// This area's `/__sandbox` simulation paths: a person texting in, a person typing.
pub fn admin() -> Router<AppState> {
    people::admin()
}

/// Moves due messages one status step and plays simulated people (called every tick).
pub fn on_tick(state: &AppState, now_ms: i64) {
    message_engine::on_tick(state, now_ms);
}

/// A query value with `+` restored: an unencoded `+` in a query string arrives as a space.
pub fn query_number(raw: &str) -> String {
    match raw.strip_prefix(' ') {
        Some(rest) if rest.bytes().all(|b| b.is_ascii_digit()) && !rest.is_empty() => {
            format!("+{rest}")
        }
        _ => raw.trim().to_owned(),
    }
}

#[derive(Debug, Deserialize)]
struct SendBody {
    number: Option<String>,
    from_number: Option<String>,
    content: Option<String>,
    media_url: Option<String>,
    send_style: Option<String>,
    #[serde(alias = "statusCallback")]
    status_callback: Option<String>,
    reply_to: Option<Value>,
    seat_id: Option<String>,
    app_card: Option<Value>,
}

/// `POST /api/send-message` (§4.1).
async fn send_message(
    State(state): State<AppState>,
    Body(body): Body<SendBody>,
) -> ApiResult<Json<Value>> {
    let number = require_e164("number", body.number.as_deref())?;
    let line = outbound::require_sending_line(&state, body.from_number.as_deref())?;
    let content = outbound::check_content(body.content.as_deref())?;
    let media_url = body.media_url.clone().unwrap_or_default();
    let app_card = body.app_card.filter(|v| !v.is_null());
    if content.is_empty() && media_url.is_empty() && app_card.is_none() {
        return Err(ApiError::bad_request(
            "Missing required field: content (send content, media_url or app_card)",
        ));
    }
    let media_url = outbound::check_url("media_url", Some(&media_url), &state.origin)?;
    let (status_callback, send_style) = outbound::check_options(
        &state.origin,
        body.status_callback.as_deref(),
        body.send_style.as_deref(),
        body.seat_id.as_deref(),
    )?;
    let app_card = match app_card {
        Some(card) => Some(check_app_card(card, &number, &line)?),
        None => None,
    };
    let reply_to =
        outbound::check_direct_reply_to(&state, body.reply_to.as_ref(), &number, &line.number)?;
    let (row, ctx) = outbound::queue(
        &state,
        Draft {
            line: Some(line),
            to: number,
            message_type: "message",
            content,
            media_url: media_url
                .map(|u| relative(&u, &state.origin))
                .unwrap_or_default(),
            send_style,
            status_callback,
            reply_to,
            app_card,
            ..Draft::default()
        },
    )?;
    Ok(Json(response_json(&row, &ctx)))
}

/// Checks an App Card (§4.6): required fields, a V2 line, an iMessage recipient (cards never
/// fall back to SMS). Returns it with a `sessionIdentifier`.
fn check_app_card(mut card: Value, number: &str, line: &domain::Line) -> ApiResult<Value> {
    if !card.is_object() {
        return Err(ApiError::bad_request("app_card must be an object"));
    }
    for field in ["appName", "extensionBundleId", "teamId", "url"] {
        if card
            .get(field)
            .and_then(Value::as_str)
            .is_none_or(str::is_empty)
        {
            return Err(ApiError::bad_request(format!(
                "Missing required field: app_card.{field}"
            )));
        }
    }
    if !card.get("layout").is_some_and(Value::is_object) {
        return Err(ApiError::bad_request(
            "Missing required field: app_card.layout",
        ));
    }
    let url = card["url"].as_str().unwrap_or("");
    let url_ok = if url.starts_with("data:") {
        url.len() <= 16_384
    } else {
        url.starts_with("https://") && url.len() <= 2_048
    };
    if !url_ok {
        return Err(ApiError::bad_request(
            "app_card.url must be an https:// URL of at most 2048 characters or a data: URL of at most 16384",
        ));
    }
    if line.kind != "v2" {
        return Err(ApiError::bad_request(
            "App Cards can only be sent from a V2 (Mac) line",
        ));
    }
    if service_for(number, line).0 != IMESSAGE {
        return Err(ApiError::bad_request(
            "App Cards need an iMessage recipient; they never fall back to SMS",
        ));
    }
    if card
        .get("sessionIdentifier")
        .and_then(Value::as_str)
        .is_none()
    {
        card["sessionIdentifier"] = Value::from(uuid().to_uppercase());
    }
    Ok(card)
}

async fn status_by_query(
    State(state): State<AppState>,
    Params(query): Params<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    status(&state, query.get("handle").map(String::as_str))
}

async fn status_by_path(
    State(state): State<AppState>,
    PathParams(handle): PathParams<String>,
) -> ApiResult<Json<Value>> {
    status(&state, Some(&handle))
}

/// `GET /api/status?handle=` and `/api/status/{handle}` (§4.4).
fn status(state: &AppState, handle: Option<&str>) -> ApiResult<Json<Value>> {
    let handle = require_field("handle", handle)?;
    let (row, ctx) = state
        .store
        .with(|c| Ok((message_store::get(c, handle)?, Ctx::load(c, &state.origin)?)))?;
    let row = row.ok_or_else(|| ApiError::not_found("Message not found"))?;
    Ok(Json(response_json(&row, &ctx)))
}

/// `GET /api/evaluate-service?number=` (§4.8): the rule of [`service_rule::evaluate`].
async fn evaluate_service(
    Params(query): Params<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let number = query
        .get("number")
        .map(|n| query_number(n))
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::bad_request("Missing required field: number"))?;
    if !is_e164(&number) && !is_email(&number) {
        return Err(ApiError::bad_request(
            "Invalid number: use an E.164 phone number (for example +14155550123) or an email address",
        ));
    }
    let service = service_rule::evaluate(&number);
    Ok(Json(json!({"number": number, "service": service})))
}
