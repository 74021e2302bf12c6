//! Message rows: reading and writing the `messages` table.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::Value;

use crate::store::Store;

/// One stored message, outbound or inbound.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MessageRow {
    /// Primary identifier (lower-case UUID outbound, upper-case inbound).
    pub handle: String,
    /// Text.
    pub content: String,
    /// Media URL (`""` when none; the first image of a carousel).
    pub media_url: String,
    /// Every image of a carousel.
    pub media_urls: Option<Vec<String>>,
    /// Direction.
    pub is_outbound: bool,
    /// Current status (§2.2).
    pub status: String,
    /// `iMessage`, `SMS` or `RCS`.
    pub service: String,
    /// `message`, `group`, `carousel` or `location`.
    pub message_type: String,
    /// Sender: our line outbound, the contact inbound.
    pub from_number: String,
    /// Recipient: the contact outbound, our line inbound.
    pub to_number: String,
    /// The other party.
    pub number: String,
    /// Our line.
    pub sendblue_number: String,
    /// Group id, `""` for 1:1.
    pub group_id: String,
    /// The group's name when the message was stored.
    pub group_display_name: Option<String>,
    /// Group members; both parties for 1:1 inbound; empty for 1:1 outbound.
    pub participants: Vec<String>,
    /// Expressive style or `""`.
    pub send_style: String,
    /// Per-message status callback URL.
    pub status_callback: Option<String>,
    /// Inline-reply parent.
    pub reply_to: Option<Value>,
    /// Carousel metadata, echoed in webhooks.
    pub metadata: Option<Value>,
    /// The App Card sent.
    pub app_card: Option<Value>,
    /// Numeric failure code.
    pub error_code: Option<i64>,
    /// Failure text.
    pub error_message: Option<String>,
    /// Failure reason.
    pub error_reason: Option<String>,
    /// Failure detail.
    pub error_detail: Option<String>,
    /// iMessage was unavailable and SMS was used (outbound only).
    pub was_downgraded: Option<bool>,
    /// The counterparty was opted out when the message was stored.
    pub opted_out: bool,
    /// Creation time, ISO 8601.
    pub date_created: String,
    /// Last change, ISO 8601.
    pub date_updated: String,
    /// When the next status step is due (ms); `None` when final.
    pub next_step_ms: Option<i64>,
    /// Soft-deleted.
    pub deleted: bool,
    /// Creation order.
    pub seq: i64,
}

/// Columns in the order [`from_row`] reads them.
pub const COLUMNS: &str = "message_handle, content, media_url, media_urls, is_outbound, status,
    service, message_type, from_number, to_number, number, sendblue_number, group_id,
    group_display_name, participants, send_style, status_callback, reply_to, metadata, app_card,
    error_code, error_message, error_reason, error_detail, was_downgraded, opted_out,
    date_created, date_updated, next_step_ms, deleted, seq";

fn json_col(raw: Option<String>) -> Option<Value> {
    raw.and_then(|s| serde_json::from_str(&s).ok())
}

/// Reads a row selected with [`COLUMNS`].
pub fn from_row(r: &Row<'_>) -> rusqlite::Result<MessageRow> {
    let media_urls: Option<String> = r.get(3)?;
    let participants: String = r.get(14)?;
    Ok(MessageRow {
        handle: r.get(0)?,
        content: r.get(1)?,
        media_url: r.get(2)?,
        media_urls: media_urls.and_then(|s| serde_json::from_str(&s).ok()),
        is_outbound: r.get(4)?,
        status: r.get(5)?,
        service: r.get(6)?,
        message_type: r.get(7)?,
        from_number: r.get(8)?,
        to_number: r.get(9)?,
        number: r.get(10)?,
        sendblue_number: r.get(11)?,
        group_id: r.get(12)?,
        group_display_name: r.get(13)?,
        participants: serde_json::from_str(&participants).unwrap_or_default(),
        send_style: r.get(15)?,
        status_callback: r.get(16)?,
        reply_to: json_col(r.get(17)?),
        metadata: json_col(r.get(18)?),
        app_card: json_col(r.get(19)?),
        error_code: r.get(20)?,
        error_message: r.get(21)?,
        error_reason: r.get(22)?,
        error_detail: r.get(23)?,
        was_downgraded: r.get(24)?,
        opted_out: r.get(25)?,
        date_created: r.get(26)?,
        date_updated: r.get(27)?,
        next_step_ms: r.get(28)?,
        deleted: r.get(29)?,
        seq: r.get(30)?,
    })
}

fn to_text(value: &Option<Value>) -> Option<String> {
    value.as_ref().map(Value::to_string)
}

/// Stores a new message, giving it the next creation sequence number. Returns the row as
/// stored.
pub fn insert(conn: &Connection, mut row: MessageRow) -> rusqlite::Result<MessageRow> {
    row.seq = Store::next_seq(conn, "message_seq")?;
    conn.execute(
        &format!(
            "INSERT INTO messages ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,
             ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26,
             ?27, ?28, ?29, ?30, ?31)"
        ),
        params![
            row.handle,
            row.content,
            row.media_url,
            row.media_urls
                .as_ref()
                .map(|u| Value::from(u.clone()).to_string()),
            row.is_outbound,
            row.status,
            row.service,
            row.message_type,
            row.from_number,
            row.to_number,
            row.number,
            row.sendblue_number,
            row.group_id,
            row.group_display_name,
            Value::from(row.participants.clone()).to_string(),
            row.send_style,
            row.status_callback,
            to_text(&row.reply_to),
            to_text(&row.metadata),
            to_text(&row.app_card),
            row.error_code,
            row.error_message,
            row.error_reason,
            row.error_detail,
            row.was_downgraded,
            row.opted_out,
            row.date_created,
            row.date_updated,
            row.next_step_ms,
            row.deleted,
            row.seq,
        ],
    )?;
    Ok(row)
}

/// The message with this handle, deleted or not.
pub fn get_any(conn: &Connection, handle: &str) -> rusqlite::Result<Option<MessageRow>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM messages WHERE message_handle = ?1"),
        [handle],
        from_row,
    )
    .optional()
}

/// The message with this handle unless it was deleted.
pub fn get(conn: &Connection, handle: &str) -> rusqlite::Result<Option<MessageRow>> {
    Ok(get_any(conn, handle)?.filter(|m| !m.deleted))
}

/// Writes a status change (and the error fields and next step that go with it).
pub fn save_status(conn: &Connection, row: &MessageRow) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE messages SET status = ?2, error_code = ?3, error_message = ?4, error_reason = ?5,
             error_detail = ?6, date_updated = ?7, next_step_ms = ?8
         WHERE message_handle = ?1",
        params![
            row.handle,
            row.status,
            row.error_code,
            row.error_message,
            row.error_reason,
            row.error_detail,
            row.date_updated,
            row.next_step_ms,
        ],
    )?;
    Ok(())
}

/// Soft-deletes a message; it stops progressing. False when there was none to delete.
pub fn soft_delete(conn: &Connection, handle: &str) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "UPDATE messages SET deleted = 1, next_step_ms = NULL
         WHERE message_handle = ?1 AND deleted = 0",
        [handle],
    )?;
    Ok(n > 0)
}

/// True when `number` and `line` have a 1:1 conversation (any stored, undeleted message).
pub fn has_conversation(conn: &Connection, number: &str, line: &str) -> rusqlite::Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM messages WHERE number = ?1 AND sendblue_number = ?2
                 AND group_id = '' AND deleted = 0 LIMIT 1",
            [number, line],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// The service of the latest 1:1 message between `number` and `line`, if any.
pub fn conversation_service(
    conn: &Connection,
    number: &str,
    line: &str,
) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT service FROM messages WHERE number = ?1 AND sendblue_number = ?2
             AND group_id = '' AND deleted = 0 ORDER BY date_created DESC, seq DESC LIMIT 1",
        [number, line],
        |r| r.get(0),
    )
    .optional()
}
