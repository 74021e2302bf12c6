//! The shapes a message takes on the wire: the flat send/status answer (§3.1), the history
//! row and webhook payload (§3.2, §11.3, §11.4), the account events (§12.2), and the notices
//! that announce a message's life.

use serde_json::{json, Value};

use rusqlite::Connection;

use super::message_store::MessageRow;
use crate::domain::{self, Account};
use crate::notify::{Notice, WebhookNotice};
use crate::util::now_iso;

/// What the wire shapes need besides the row: the account, and the sandbox's origin —
/// media hosted by the sandbox are stored origin-relative (`/media/…`, so they survive a
/// restart on another port) and answered under the current origin.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The account (email, plan).
    pub account: Account,
    /// `http://HOST:PORT`.
    pub origin: String,
}

impl Ctx {
    /// Reads the account; `origin` is the sandbox's.
    pub fn load(conn: &Connection, origin: &str) -> rusqlite::Result<Self> {
        Ok(Self {
            account: domain::account(conn)?,
            origin: origin.to_owned(),
        })
    }

    /// `url` as clients see it: origin-relative URLs get the origin.
    pub fn absolute(&self, url: &str) -> String {
        if url.starts_with('/') {
            format!("{}{url}", self.origin)
        } else {
            url.to_owned()
        }
    }
}

/// `url` as stored: the sandbox's own media URLs become origin-relative.
pub fn relative(url: &str, origin: &str) -> String {
    match url.strip_prefix(origin) {
        Some(rest) if rest.starts_with("/media/") => rest.to_owned(),
        _ => url.to_owned(),
    }
}

/// The flat `MessageResponse` of sends and `GET /api/status` (§3.1): the SDK's fields plus
/// the legacy extras the reference says are still emitted (`to_number`, `was_downgraded`,
/// `plan`, `group_id`, `participants`, `opted_out`, `error_detail`) and `service`.
/// `reply_to` and `app_card` appear when the message has them.
pub fn response_json(row: &MessageRow, ctx: &Ctx) -> Value {
    let mut v = json!({
        "account_email": ctx.account.email,
        "content": row.content,
        "date_created": row.date_created,
        "date_updated": row.date_updated,
        "error_code": row.error_code,
        "error_message": row.error_message,
        "error_detail": row.error_detail,
        "from_number": row.from_number,
        "is_outbound": row.is_outbound,
        "media_url": ctx.absolute(&row.media_url),
        "message_handle": row.handle,
        "message_type": row.message_type,
        "number": row.number,
        "to_number": row.to_number,
        "send_style": row.send_style,
        "status": row.status,
        "service": row.service,
        "was_downgraded": row.was_downgraded,
        "plan": ctx.account.plan,
        "group_id": row.group_id,
        "participants": row.participants,
        "opted_out": row.opted_out,
    });
    add_optional(&mut v, row);
    if let Some(card) = &row.app_card {
        v["app_card"] = card.clone();
    }
    v
}

fn add_optional(v: &mut Value, row: &MessageRow) {
    if let Some(reply_to) = &row.reply_to {
        v["reply_to"] = reply_to.clone();
    }
}

/// A history row (`GET /api/v2/messages`, §3.2) — also the body of `receive` and `outbound`
/// webhooks and status callbacks (§11.3, §11.4), which carry the same fields. `reply_to`
/// appears when set.
pub fn record_json(row: &MessageRow, ctx: &Ctx) -> Value {
    let mut v = json!({
        "accountEmail": ctx.account.email,
        "content": row.content,
        "date_sent": row.date_created,
        "date_updated": row.date_updated,
        "error_code": row.error_code,
        "error_detail": row.error_detail,
        "error_message": row.error_message,
        "error_reason": row.error_reason,
        "from_number": row.from_number,
        "to_number": row.to_number,
        "number": row.number,
        "sendblue_number": row.sendblue_number,
        "group_id": row.group_id,
        "group_display_name": row.group_display_name,
        "participants": row.participants,
        "is_outbound": row.is_outbound,
        "media_url": ctx.absolute(&row.media_url),
        "message_handle": row.handle,
        "message_type": row.message_type,
        "opted_out": row.opted_out,
        "plan": ctx.account.plan,
        "send_style": row.send_style,
        "service": row.service,
        "status": row.status,
        "was_downgraded": row.was_downgraded,
    });
    add_optional(&mut v, row);
    v
}

/// The webhook / status-callback body: the record, plus a carousel's `metadata` echoed back.
pub fn webhook_payload(row: &MessageRow, ctx: &Ctx) -> Value {
    let mut v = record_json(row, ctx);
    if let Some(metadata) = &row.metadata {
        v["metadata"] = metadata.clone();
    }
    v
}

/// `data` of `message.created` and `message.received` (§12.2).
pub fn event_data(row: &MessageRow) -> Value {
    json!({
        "message_id": row.handle,
        "is_outbound": row.is_outbound,
        "status": row.status,
        "number": row.number,
        "sendblue_number": row.sendblue_number,
    })
}

/// `data` of `message.updated` (§12.2).
pub fn updated_event_data(row: &MessageRow) -> Value {
    json!({
        "message_id": row.handle,
        "status": row.status,
        "updated_at": row.date_updated,
        "number": row.number,
        "sendblue_number": row.sendblue_number,
        "is_outbound": row.is_outbound,
        "error_code": row.error_code,
        "error_message": row.error_message,
    })
}

fn status_deliveries(notice: &mut Notice, row: &MessageRow, ctx: &Ctx) {
    let payload = webhook_payload(row, ctx);
    if let Some(url) = &row.status_callback {
        notice.status_callback = Some((url.clone(), payload.clone()));
    }
    notice.webhook = Some(WebhookNotice {
        webhook_type: "outbound",
        payload,
        line: Some(row.sendblue_number.clone()),
    });
}

/// A new outbound message: `message.created`. A message declined at creation (opt-out) never
/// changes status again, so its one status is also delivered to the `outbound` webhook and
/// its status callback.
pub fn created_notice(row: &MessageRow, ctx: &Ctx) -> Notice {
    let mut notice = Notice {
        event: Some(("message.created", event_data(row))),
        ..Notice::default()
    };
    if row.status == "DECLINED" {
        status_deliveries(&mut notice, row, ctx);
    }
    notice
}

/// A status change: `message.updated`, the `outbound` webhook and the status callback.
pub fn updated_notice(row: &MessageRow, ctx: &Ctx) -> Notice {
    let mut notice = Notice {
        event: Some(("message.updated", updated_event_data(row))),
        ..Notice::default()
    };
    status_deliveries(&mut notice, row, ctx);
    notice
}

/// An inbound message: `message.received` and the `receive` webhook (for its line).
pub fn received_notice(row: &MessageRow, ctx: &Ctx) -> Notice {
    Notice {
        event: Some(("message.received", event_data(row))),
        webhook: Some(WebhookNotice {
            webhook_type: "receive",
            payload: webhook_payload(row, ctx),
            line: Some(row.sendblue_number.clone()),
        }),
        status_callback: None,
    }
}

/// A contact started or stopped typing to `line`: `typing.changed` and the
/// `typing_indicator` webhook (§11.5; `from_number` there is our line).
pub fn typing_notice(number: &str, line: &str, is_typing: bool) -> Notice {
    let payload = json!({
        "number": number,
        "is_typing": is_typing,
        "from_number": line,
        "timestamp": now_iso(),
    });
    Notice {
        event: Some((
            "typing.changed",
            json!({"number": number, "is_typing": is_typing, "sendblue_number": line}),
        )),
        webhook: Some(WebhookNotice {
            webhook_type: "typing_indicator",
            payload,
            line: Some(line.to_owned()),
        }),
        status_callback: None,
    }
}
