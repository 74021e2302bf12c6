//! Simulated people: inbound messages (from `POST /__sandbox/inbound` or an automatic reply),
//! the opt-out keywords they may contain (§9.11), typing, and the auto-reply played over two
//! ticks after an outbound 1:1 message is delivered (typing on the first, the reply on the
//! second).

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;
use serde_json::{json, Value};

use super::message_json::{received_notice, record_json, relative, typing_notice, Ctx};
use super::message_store::{self, MessageRow};
use super::outbound::{check_content, check_url};
use super::service_rule::service_for;
use crate::api_error::{ApiError, ApiResult};
use crate::domain;
use crate::extract::Body;
use crate::notify::Notice;
use crate::state::AppState;
use crate::util::{iso, now_ms, require_e164, uuid};

/// Inbound texts (whole message, any case, trimmed) that opt the sender out (§9.11).
pub const OPT_OUT_KEYWORDS: [&str; 7] = [
    "STOP",
    "QUIT",
    "END",
    "REVOKE",
    "OPT OUT",
    "CANCEL",
    "UNSUBSCRIBE",
];

/// The inbound text that opts the sender back in.
pub const OPT_IN_KEYWORD: &str = "START";

/// What simulated people answer, picked by the message they answer.
const REPLIES: [&str; 6] = [
    "Sounds good, thanks!",
    "Got it 👍",
    "Perfect, see you then.",
    "Thanks for letting me know!",
    "Great, thank you 🙂",
    "Ok, will do!",
];

/// Most simulated replies one tick plays.
const BATCH: i64 = 200;

/// The opt-out change an inbound text asks for: `Some(true)` opt out, `Some(false)` opt in.
pub fn keyword_effect(content: &str) -> Option<bool> {
    let text = content.trim().to_ascii_uppercase();
    if OPT_OUT_KEYWORDS.contains(&text.as_str()) {
        Some(true)
    } else if text == OPT_IN_KEYWORD {
        Some(false)
    } else {
        None
    }
}

/// Stores a message from `from` to our `line` and returns it with its notices (contact
/// created, message received). Applies opt-out keywords first, so the row carries the new
/// `opted_out`.
pub fn record_inbound(
    conn: &Connection,
    from: &str,
    line: &domain::Line,
    content: &str,
    media_url: &str,
    ctx: &Ctx,
) -> rusqlite::Result<(MessageRow, Vec<Notice>)> {
    let mut notices: Vec<Notice> = domain::ensure_contact(conn, from, &line.number)?
        .into_iter()
        .collect();
    if let Some(opt_out) = keyword_effect(content) {
        domain::set_opted_out(conn, from, opt_out)?;
        if opt_out {
            conn.execute("DELETE FROM auto_replies WHERE number = ?1", [from])?;
        }
    }
    let stamp = iso(now_ms());
    let row = MessageRow {
        handle: uuid().to_uppercase(),
        content: content.to_owned(),
        media_url: relative(media_url, &ctx.origin),
        is_outbound: false,
        status: "RECEIVED".into(),
        service: service_for(from, line).0.into(),
        message_type: "message".into(),
        from_number: from.to_owned(),
        to_number: line.number.clone(),
        number: from.to_owned(),
        sendblue_number: line.number.clone(),
        participants: vec![from.to_owned(), line.number.clone()],
        opted_out: domain::opted_out(conn, from)?,
        date_created: stamp.clone(),
        date_updated: stamp,
        ..MessageRow::default()
    };
    let row = message_store::insert(conn, row)?;
    notices.push(received_notice(&row, ctx));
    Ok((row, notices))
}

/// After `row` (outbound) is delivered: its recipient will show typing at `due`, then reply
/// a tick later. Only for 1:1 messages to people who are not opted out; one pending reply
/// per conversation.
pub fn schedule_reply(conn: &Connection, row: &MessageRow, due: i64) -> rusqlite::Result<()> {
    let eligible = row.is_outbound
        && row.group_id.is_empty()
        && matches!(row.message_type.as_str(), "message" | "carousel")
        && row.status == "DELIVERED"
        && !row.opted_out
        && !domain::opted_out(conn, &row.number)?;
    if eligible {
        conn.execute(
            "INSERT OR IGNORE INTO auto_replies (number, sendblue_number, phase, due_ms)
             VALUES (?1, ?2, 'typing', ?3)",
            params![row.number, row.sendblue_number, due],
        )?;
    }
    Ok(())
}

/// Plays due simulated replies: typing first, the reply (and typing stopped) a tick later.
pub fn play_due(
    conn: &Connection,
    now: i64,
    delay: i64,
    ctx: &Ctx,
) -> rusqlite::Result<Vec<Notice>> {
    let due: Vec<(String, String, String)> = {
        let mut stmt = conn.prepare_cached(
            "SELECT number, sendblue_number, phase FROM auto_replies
             WHERE due_ms <= ?1 ORDER BY due_ms LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![now, BATCH], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut notices = Vec::new();
    for (number, line_number, phase) in due {
        let line = domain::line(conn, &line_number)?;
        let Some(line) = line.filter(|_| !domain::opted_out(conn, &number).unwrap_or(true)) else {
            conn.execute(
                "DELETE FROM auto_replies WHERE number = ?1 AND sendblue_number = ?2",
                [&number, &line_number],
            )?;
            continue;
        };
        if phase == "typing" {
            conn.execute(
                "UPDATE auto_replies SET phase = 'reply', due_ms = ?3
                 WHERE number = ?1 AND sendblue_number = ?2",
                params![number, line_number, now + delay],
            )?;
            notices.push(typing_notice(&number, &line_number, true));
            continue;
        }
        conn.execute(
            "DELETE FROM auto_replies WHERE number = ?1 AND sendblue_number = ?2",
            [&number, &line_number],
        )?;
        let reply = canned_reply(conn, &number)?;
        let (row, more) = record_inbound(conn, &number, &line, reply, "", ctx)?;
        notices.extend(more);
        notices.push(typing_notice(&row.number, &line_number, false));
    }
    Ok(notices)
}

/// A friendly reply, varied by how many messages the person has sent before.
fn canned_reply(conn: &Connection, number: &str) -> rusqlite::Result<&'static str> {
    let sent: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM messages WHERE number = ?1 AND is_outbound = 0",
            [number],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0);
    Ok(REPLIES[sent as usize % REPLIES.len()])
}

/// `POST /__sandbox/inbound` and `POST /__sandbox/typing`.
pub fn admin() -> Router<AppState> {
    Router::new()
        .route("/__sandbox/inbound", post(inbound))
        .route("/__sandbox/typing", post(typing))
}

#[derive(Debug, Deserialize)]
struct InboundBody {
    from_number: Option<String>,
    to_number: Option<String>,
    content: Option<String>,
    media_url: Option<String>,
}

/// A person texts one of our lines: everything a real inbound message does happens (contact
/// created, opt-out keywords applied, `message.received`, `receive` webhook). Answers the
/// stored message as a history row (§3.2).
async fn inbound(
    State(state): State<AppState>,
    Body(body): Body<InboundBody>,
) -> ApiResult<Json<Value>> {
    let from = require_e164("from_number", body.from_number.as_deref())?;
    let to = require_e164("to_number", body.to_number.as_deref())?;
    let content = check_content(body.content.as_deref())?;
    let media_url =
        check_url("media_url", body.media_url.as_deref(), &state.origin)?.unwrap_or_default();
    if content.is_empty() && media_url.is_empty() {
        return Err(ApiError::bad_request(
            "Missing required field: content (send content or media_url)",
        ));
    }
    let (row, notices, ctx) = state.store.tx(|tx| -> ApiResult<_> {
        let line = domain::line(tx, &to)?
            .ok_or_else(|| ApiError::bad_request("The to_number is not registered"))?;
        if domain::line(tx, &from)?.is_some() {
            return Err(ApiError::bad_request(
                "from_number is one of the account's lines; use a contact's number",
            ));
        }
        let ctx = Ctx::load(tx, &state.origin)?;
        let (row, notices) = record_inbound(tx, &from, &line, &content, &media_url, &ctx)?;
        Ok((row, notices, ctx))
    })?;
    for notice in notices {
        state.emit(notice);
    }
    Ok(Json(record_json(&row, &ctx)))
}

#[derive(Debug, Deserialize)]
struct TypingBody {
    number: Option<String>,
    sendblue_number: Option<String>,
    is_typing: Option<bool>,
}

/// A person starts or stops typing to one of our lines: `typing.changed` and the
/// `typing_indicator` webhook.
async fn typing(
    State(state): State<AppState>,
    Body(body): Body<TypingBody>,
) -> ApiResult<Json<Value>> {
    let number = require_e164("number", body.number.as_deref())?;
    let line = require_e164("sendblue_number", body.sendblue_number.as_deref())?;
    let is_typing = body
        .is_typing
        .ok_or_else(|| ApiError::bad_request("Missing required field: is_typing"))?;
    if state.store.with(|c| domain::line(c, &line))?.is_none() {
        return Err(ApiError::bad_request(
            "The sendblue_number is not registered",
        ));
    }
    state.emit(typing_notice(&number, &line, is_typing));
    Ok(Json(json!({
        "status": "OK",
        "number": number,
        "sendblue_number": line,
        "is_typing": is_typing,
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_are_whole_message_any_case() {
        assert_eq!(keyword_effect(" stop "), Some(true));
        assert_eq!(keyword_effect("Opt Out"), Some(true));
        assert_eq!(keyword_effect("unsubscribe"), Some(true));
        assert_eq!(keyword_effect("start"), Some(false));
        assert_eq!(keyword_effect("please stop"), None);
        assert_eq!(keyword_effect("STOPP"), None);
    }
}
