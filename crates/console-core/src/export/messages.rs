//! Messages as CSV rows: the columns (stable) and one history row's cells.

use sendblue_client::models::messages::MessageRecord;

/// The columns of a messages export, in order:
///
/// | column | holds |
/// | --- | --- |
/// | `message_handle` | the message's id |
/// | `date_sent`, `date_updated` | ISO 8601 times |
/// | `direction` | `outbound` or `inbound` |
/// | `status` | `QUEUED`, `SENT`, `DELIVERED`, `RECEIVED`, `ERROR`, … |
/// | `service` | `iMessage`, `SMS`, `RCS` |
/// | `from_number`, `to_number` | sender and recipient |
/// | `number` | the other party |
/// | `sendblue_number` | your line |
/// | `group_id`, `group_display_name` | for group messages |
/// | `participants` | group members, `;`-joined |
/// | `message_type` | `message`, `group`, `carousel`, `location` |
/// | `content` | the text |
/// | `media_url` | attached media |
/// | `send_style` | expressive effect |
/// | `error_code`, `error_message` | why a message failed |
/// | `was_downgraded` | `true` when SMS replaced iMessage |
/// | `opted_out` | whether the other party opted out |
pub const MESSAGE_COLUMNS: [&str; 21] = [
    "message_handle",
    "date_sent",
    "date_updated",
    "direction",
    "status",
    "service",
    "from_number",
    "to_number",
    "number",
    "sendblue_number",
    "group_id",
    "group_display_name",
    "participants",
    "message_type",
    "content",
    "media_url",
    "send_style",
    "error_code",
    "error_message",
    "was_downgraded",
    "opted_out",
];

/// One message's cells, in [`MESSAGE_COLUMNS`] order; missing values are empty cells.
pub fn message_cells(m: &MessageRecord) -> Vec<String> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let flag = |v: Option<bool>| v.map(|b| b.to_string()).unwrap_or_default();
    vec![
        m.message_handle.clone(),
        m.date_sent.clone(),
        m.date_updated.clone(),
        if m.is_outbound { "outbound" } else { "inbound" }.to_owned(),
        m.status.as_str().to_owned(),
        m.service
            .as_ref()
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        m.from_number.clone(),
        m.to_number.clone(),
        m.number.clone(),
        text(&m.sendblue_number),
        text(&m.group_id),
        text(&m.group_display_name),
        m.participants.join(";"),
        m.message_type
            .as_ref()
            .map(|t| t.as_str().to_owned())
            .unwrap_or_default(),
        m.content.clone(),
        text(&m.media_url),
        m.send_style
            .as_ref()
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        m.error_code.map(|c| c.to_string()).unwrap_or_default(),
        text(&m.error_message),
        flag(m.was_downgraded),
        flag(m.opted_out),
    ]
}
