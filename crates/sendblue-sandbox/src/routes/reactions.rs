//! Tapbacks, read receipts and typing indicators (§6), with the reference's exact error
//! messages where it documents them.

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use rusqlite::{Connection, OptionalExtension};
use serde_json::{json, Value};

use super::message_store;
use super::outbound::not_registered;
use super::service_rule::{service_for, IMESSAGE, SMS};
use crate::api_error::{ApiError, ApiResult};
use crate::domain::{self, Line};
use crate::extract::Body;
use crate::state::AppState;
use crate::util::is_e164;

/// The documented tapbacks (§2.4).
pub const REACTIONS: [&str; 6] = ["love", "like", "dislike", "laugh", "emphasize", "question"];

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/send-reaction", post(send_reaction))
        .route("/api/mark-read", post(mark_read))
        .route("/api/send-typing-indicator", post(send_typing))
}

fn text<'a>(body: &'a Value, field: &str) -> Option<&'a str> {
    body.get(field)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn valid_from(body: &Value) -> ApiResult<String> {
    text(body, "from_number")
        .filter(|n| is_e164(n))
        .map(str::to_owned)
        .ok_or_else(|| {
            ApiError::bad_request("You must specify a valid `from_number` in the request body.")
        })
}

fn valid_number(body: &Value) -> ApiResult<String> {
    text(body, "number")
        .filter(|n| is_e164(n))
        .map(str::to_owned)
        .ok_or_else(|| ApiError::bad_request("You must specify a `number` in the request body."))
}

fn registered(conn: &Connection, from: &str) -> ApiResult<Line> {
    domain::line(conn, from)?.ok_or_else(not_registered)
}

/// A documented tapback, a single emoji (§2.4 extension), or either prefixed with `-` to
/// remove it.
pub fn reaction_ok(reaction: &str) -> bool {
    let base = reaction.strip_prefix('-').unwrap_or(reaction);
    REACTIONS.contains(&base)
        || (!base.is_empty()
            && !base.is_ascii()
            && base.chars().count() <= 8
            && !base
                .chars()
                .any(|c| c.is_ascii_alphanumeric() || c.is_whitespace()))
}

/// `POST /api/send-reaction` (§6.1). Unknown handles are 404; SMS messages can't take
/// tapbacks (400).
async fn send_reaction(
    State(state): State<AppState>,
    Body(body): Body<Value>,
) -> ApiResult<Json<Value>> {
    let from = valid_from(&body)?;
    let handle = text(&body, "message_handle")
        .ok_or_else(|| {
            ApiError::bad_request("You must specify `message_handle` in the request body.")
        })?
        .to_owned();
    let reaction = text(&body, "reaction")
        .filter(|r| reaction_ok(r))
        .ok_or_else(|| {
            ApiError::bad_request(
                "Invalid reaction. Must be one of: love, like, dislike, laugh, emphasize, question",
            )
        })?
        .to_owned();
    match body.get("part_index") {
        None | Some(Value::Null) => {}
        Some(v) if v.as_u64().is_some() => {}
        Some(_) => {
            return Err(ApiError::bad_request(
                "`part_index` must be a non-negative integer.",
            ))
        }
    }
    let message = state
        .store
        .with(|c| Ok(registered(c, &from).map(|_| message_store::get(c, &handle))))???;
    let message = message.ok_or_else(|| ApiError::not_found("Message not found"))?;
    if message.sendblue_number != from {
        return Err(ApiError::bad_request(
            "The message is not in a conversation on this from_number",
        ));
    }
    if message.service != IMESSAGE {
        return Err(ApiError::bad_request(
            "Reactions are only available for iMessage messages",
        ));
    }
    Ok(Json(json!({
        "status": "OK",
        "message": "Reaction request sent",
        "message_handle": handle,
        "reaction": reaction,
    })))
}

/// The service of the conversation between `number` and `line`: its latest message's, or
/// what a new message would use.
fn conversation_service(conn: &Connection, number: &str, line: &Line) -> ApiResult<String> {
    Ok(
        message_store::conversation_service(conn, number, &line.number)?
            .unwrap_or_else(|| service_for(number, line).0.to_owned()),
    )
}

/// `POST /api/mark-read` (§6.2): only on lines with read receipts enabled, iMessage and RCS
/// conversations only.
async fn mark_read(
    State(state): State<AppState>,
    Body(body): Body<Value>,
) -> ApiResult<Json<Value>> {
    let number = valid_number(&body)?;
    let from = valid_from(&body)?;
    let service = state.store.with(|c| {
        Ok(registered(c, &from).and_then(|line| {
            if !line.read_receipts {
                return Err(ApiError::bad_request(
                    "Read receipts are not enabled for this line",
                ));
            }
            conversation_service(c, &number, &line)
        }))
    })??;
    if service == SMS {
        return Err(ApiError::bad_request(
            "Read receipts are only available in iMessage and RCS conversations",
        ));
    }
    Ok(Json(json!({
        "status": "OK",
        "message": "Mark read request sent",
        "number": number,
    })))
}

/// The line of the contact `number` (its `sendblue_number`), if it has one.
fn contact_line(conn: &Connection, number: &str) -> rusqlite::Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT sendblue_number FROM contacts WHERE phone = ?1",
            [number],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .filter(|l| !l.is_empty()))
}

/// `POST /api/send-typing-indicator` (§6.3): 1:1 only; without `from_number` the contact's
/// line is used. No conversation (or no line) answers `status: "ERROR"` with a
/// `No route mapping` message, as the API does.
async fn send_typing(
    State(state): State<AppState>,
    Body(body): Body<Value>,
) -> ApiResult<Json<Value>> {
    let number = valid_number(&body)?;
    if text(&body, "group_id").is_some() {
        return Err(ApiError::bad_request(
            "Typing indicators are not supported in group chats",
        ));
    }
    match body.get("state") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s == "start" || s == "stop" => {}
        Some(_) => {
            return Err(ApiError::bad_request(
                "Invalid state: must be start or stop",
            ))
        }
    }
    match body.get("max_duration_ms") {
        None | Some(Value::Null) => {}
        Some(v) if v.as_u64().is_some_and(|ms| (1..=300_000).contains(&ms)) => {}
        Some(_) => {
            return Err(ApiError::bad_request(
                "max_duration_ms must be an integer between 1 and 300000",
            ))
        }
    }
    let from = match body.get("from_number") {
        None | Some(Value::Null) => None,
        Some(_) => Some(valid_from(&body)?),
    };
    let outcome = state.store.with(|c| {
        let line = match &from {
            Some(from) => match registered(c, from) {
                Ok(line) => Some(line),
                Err(e) => return Ok(Err(e)),
            },
            None => match contact_line(c, &number)? {
                Some(l) => domain::line(c, &l)?,
                None => None,
            },
        };
        let Some(line) = line else {
            return Ok(Ok(Some(format!(
                "No route mapping for {number}: it has no line; pass from_number"
            ))));
        };
        if !message_store::has_conversation(c, &number, &line.number)? {
            return Ok(Ok(Some(format!(
                "No route mapping for {number} on {}: there is no conversation to type in",
                line.number
            ))));
        }
        let service = message_store::conversation_service(c, &number, &line.number)?;
        if service.as_deref() == Some(SMS) {
            return Ok(Ok(Some(
                "Typing indicators are only available in iMessage and RCS conversations".into(),
            )));
        }
        Ok(Ok(None))
    })??;
    let (status, error_message) = match outcome {
        None => ("SENT", None),
        Some(error) => ("ERROR", Some(error)),
    };
    Ok(Json(json!({
        "number": number,
        "status": status,
        "error_message": error_message,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reactions_emoji_and_removal() {
        assert!(reaction_ok("love"));
        assert!(reaction_ok("-love"));
        assert!(reaction_ok("🔥"));
        assert!(reaction_ok("-🔥"));
        assert!(reaction_ok("👍🏽"));
        assert!(!reaction_ok("Love"));
        assert!(!reaction_ok("heart"));
        assert!(!reaction_ok("-"));
        assert!(!reaction_ok("🔥 fire"));
    }
}
