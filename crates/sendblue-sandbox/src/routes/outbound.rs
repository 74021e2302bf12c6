//! What every send shares (1:1, group, carousel): checks on the sending line and the common
//! fields, and queueing the message — contacts created, opt-out applied, service chosen,
//! stored, announced.

use rusqlite::Connection;
use serde_json::Value;

use super::message_json::{created_notice, Ctx};
use super::message_store::{self, MessageRow};
use super::service_rule::{service_for, IMESSAGE, SMS};
use crate::api_error::{ApiError, ApiResult};
use crate::domain::{self, Line};
use crate::state::AppState;
use crate::util::{iso, now_ms, require_e164, require_url, uuid};

/// Longest `content`, in characters (§21).
pub const CONTENT_MAX_CHARS: usize = 18_996;

/// The 13 expressive styles (§2.3).
pub const SEND_STYLES: [&str; 13] = [
    "celebration",
    "shooting_star",
    "fireworks",
    "lasers",
    "love",
    "confetti",
    "balloons",
    "spotlight",
    "echo",
    "invisible",
    "gentle",
    "loud",
    "slam",
];

/// The error for a `from_number` that is not one of the account's lines.
pub fn not_registered() -> ApiError {
    ApiError::bad_request("The from_number is not registered")
}

/// The account's line `from` if it may send: registered, and not an inbound-only line.
pub fn sending_line(conn: &Connection, from: &str) -> ApiResult<Line> {
    let line = domain::line(conn, from)?.ok_or_else(not_registered)?;
    if line.inbound_only {
        return Err(ApiError::bad_request(
            "This line is inbound-only and cannot send messages",
        ));
    }
    Ok(line)
}

/// The line a send goes out on: `from_number` checked as E.164, then as a line of the account
/// that may send ([`sending_line`]).
pub fn require_sending_line(state: &AppState, from_number: Option<&str>) -> ApiResult<Line> {
    let from = require_e164("from_number", from_number)?;
    state.store.with(|c| Ok(sending_line(c, &from)))?
}

/// Checks `content` against the length limit; returns it (`""` when absent).
pub fn check_content(content: Option<&str>) -> ApiResult<String> {
    let text = content.unwrap_or("");
    let n = text.chars().count();
    if n > CONTENT_MAX_CHARS {
        return Err(ApiError::bad_request(format!(
            "content is too long: at most {CONTENT_MAX_CHARS} characters are allowed, got {n}"
        )));
    }
    Ok(text.to_owned())
}

/// Checks a `send_style`; returns it (`""` when absent).
pub fn check_send_style(style: Option<&str>) -> ApiResult<String> {
    match style {
        None | Some("") => Ok(String::new()),
        Some(s) if SEND_STYLES.contains(&s) => Ok(s.to_owned()),
        Some(s) => Err(ApiError::bad_request(format!(
            "Invalid send_style '{s}': must be one of {}",
            SEND_STYLES.join(", ")
        ))),
    }
}

/// Checks an optional URL field (HTTPS, or plain HTTP to loopback and the sandbox itself).
pub fn check_url(field: &str, url: Option<&str>, origin: &str) -> ApiResult<Option<String>> {
    match url {
        None | Some("") => Ok(None),
        Some(u) => {
            require_url(field, u, origin)?;
            Ok(Some(u.to_owned()))
        }
    }
}

/// Checks the delivery options every send takes, in this order: `status_callback`
/// ([`check_url`]), `send_style` ([`check_send_style`]) and `seat_id` ([`check_seat`]).
/// Returns the callback URL and the style.
pub fn check_options(
    origin: &str,
    status_callback: Option<&str>,
    send_style: Option<&str>,
    seat_id: Option<&str>,
) -> ApiResult<(Option<String>, String)> {
    let status_callback = check_url("status_callback", status_callback, origin)?;
    let send_style = check_send_style(send_style)?;
    check_seat(seat_id)?;
    Ok((status_callback, send_style))
}

/// [`check_reply_to`] for a 1:1 send to `number` on `line`.
pub fn check_direct_reply_to(
    state: &AppState,
    reply_to: Option<&Value>,
    number: &str,
    line: &str,
) -> ApiResult<Option<Value>> {
    state
        .store
        .with(|c| Ok(check_reply_to(c, reply_to, number, "", line)))?
}

/// Checks `reply_to` (§4.1): `{message_handle, part_index?}` naming a message of this
/// conversation (`number` on `line`, or the group). Returns it with `part_index` filled in.
pub fn check_reply_to(
    conn: &Connection,
    reply_to: Option<&Value>,
    number: &str,
    group_id: &str,
    line: &str,
) -> ApiResult<Option<Value>> {
    let Some(reply_to) = reply_to.filter(|v| !v.is_null()) else {
        return Ok(None);
    };
    let handle = reply_to
        .get("message_handle")
        .and_then(Value::as_str)
        .filter(|h| !h.is_empty())
        .ok_or_else(|| ApiError::bad_request("reply_to.message_handle is required"))?;
    let part_index = match reply_to.get("part_index") {
        None | Some(Value::Null) => 0,
        Some(v) => v.as_u64().ok_or_else(|| {
            ApiError::bad_request("reply_to.part_index must be a non-negative integer")
        })?,
    };
    let parent = message_store::get(conn, handle)?;
    let same = parent.is_some_and(|p| {
        p.sendblue_number == line
            && if group_id.is_empty() {
                p.group_id.is_empty() && p.number == number
            } else {
                p.group_id == group_id
            }
    });
    if !same {
        return Err(ApiError::bad_request(
            "reply_to must name a message in this conversation on this line",
        ));
    }
    Ok(Some(
        serde_json::json!({"message_handle": handle, "part_index": part_index}),
    ))
}

/// Refuses a `seat_id`: the sandbox has no seats, so every seat is unknown (§4.1).
pub fn check_seat(seat_id: Option<&str>) -> ApiResult<()> {
    match seat_id {
        None | Some("") => Ok(()),
        Some(_) => Err(ApiError::bad_request("Unknown seat_id")),
    }
}

/// How long after a change the next status step is due: half a tick, so that the step
/// happens on the next tick (one step per tick) however the tick's clock jitters.
pub fn step_delay(state: &AppState) -> i64 {
    (state.config.tick.as_millis() as i64 / 2).max(1)
}

/// A message about to be queued.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// The sending line.
    pub line: Option<Line>,
    /// The recipient (1:1), or the first member (groups).
    pub to: String,
    /// The people a group message goes to (our lines left out); empty for 1:1.
    pub members: Vec<String>,
    /// Everyone in the group, our lines included; empty for 1:1.
    pub participants: Vec<String>,
    /// Group id, `""` for 1:1.
    pub group_id: String,
    /// Group name.
    pub group_display_name: Option<String>,
    /// `message`, `group` or `carousel`.
    pub message_type: &'static str,
    /// Text.
    pub content: String,
    /// Media URL or `""`.
    pub media_url: String,
    /// Carousel images.
    pub media_urls: Option<Vec<String>>,
    /// Expressive style or `""`.
    pub send_style: String,
    /// Status callback URL.
    pub status_callback: Option<String>,
    /// Checked `reply_to`.
    pub reply_to: Option<Value>,
    /// Carousel metadata.
    pub metadata: Option<Value>,
    /// App Card.
    pub app_card: Option<Value>,
}

/// Queues `draft`: creates missing contacts, declines it when the recipient is opted out,
/// picks the service, stores it as QUEUED and announces it. Returns the stored row and the
/// context its answer is written with.
pub fn queue(state: &AppState, draft: Draft) -> ApiResult<(MessageRow, Ctx)> {
    let line = draft.line.clone().ok_or_else(not_registered)?;
    let now = now_ms();
    let delay = step_delay(state);
    let (row, mut notices, ctx) = state.store.tx(|tx| -> ApiResult<_> {
        let is_group = !draft.group_id.is_empty();
        let recipients: Vec<&String> = if is_group {
            draft.members.iter().collect()
        } else {
            vec![&draft.to]
        };
        let mut notices = Vec::new();
        for number in &recipients {
            if crate::util::is_e164(number) && domain::line(tx, number)?.is_none() {
                notices.extend(domain::ensure_contact(tx, number, &line.number)?);
            }
        }
        let (service, was_downgraded) = if is_group {
            let all_imessage = recipients
                .iter()
                .all(|n| service_for(n, &line).0 == IMESSAGE);
            if all_imessage {
                (IMESSAGE, false)
            } else {
                (SMS, true)
            }
        } else {
            service_for(&draft.to, &line)
        };
        let opted_out = !is_group && domain::opted_out(tx, &draft.to)?;
        let stamp = iso(now);
        let mut row = MessageRow {
            handle: uuid(),
            content: draft.content.clone(),
            media_url: draft.media_url.clone(),
            media_urls: draft.media_urls.clone(),
            is_outbound: true,
            status: "QUEUED".into(),
            service: service.into(),
            message_type: draft.message_type.into(),
            from_number: line.number.clone(),
            to_number: draft.to.clone(),
            number: draft.to.clone(),
            sendblue_number: line.number.clone(),
            group_id: draft.group_id.clone(),
            group_display_name: draft.group_display_name.clone(),
            participants: draft.participants.clone(),
            // Expressive styles are iMessage-only: dropped for SMS and RCS.
            send_style: if service == IMESSAGE {
                draft.send_style.clone()
            } else {
                String::new()
            },
            status_callback: draft.status_callback.clone(),
            reply_to: draft.reply_to.clone(),
            metadata: draft.metadata.clone(),
            app_card: draft.app_card.clone(),
            was_downgraded: Some(was_downgraded),
            opted_out,
            date_created: stamp.clone(),
            date_updated: stamp.clone(),
            next_step_ms: Some(now + delay),
            ..MessageRow::default()
        };
        if opted_out {
            row.status = "DECLINED".into();
            row.error_message = Some(
                "The recipient has opted out of messages from this account (they replied STOP), so the message was not sent".into(),
            );
            row.next_step_ms = None;
        }
        let row = message_store::insert(tx, row)?;
        if is_group {
            tx.execute(
                "UPDATE groups SET latest_message_id = ?2, latest_comm_at = ?3, updated_at = ?3
                 WHERE group_id = ?1",
                rusqlite::params![row.group_id, row.handle, stamp],
            )?;
        }
        Ok((row, notices, Ctx::load(tx, &state.origin)?))
    })?;
    notices.push(created_notice(&row, &ctx));
    for notice in notices {
        state.emit(notice);
    }
    Ok((row, ctx))
}
