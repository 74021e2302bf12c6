//! Message objects as the API returns them (§3.1, §3.2) and the small objects inside them.
//! Request bodies for sends live in [`super::message_send`]; the history list in
//! [`super::message_list`].

use serde::{Deserialize, Deserializer, Serialize};

use super::common::{null_as_default, Extra, MessageStatus, MessageType, SendStyle, Service};

/// A recipient field that is one number, or (legacy group sends, §4.2) a list of numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum Numbers {
    /// One number (1:1 messages, current group sends).
    One(String),
    /// Every participant (legacy group-send answers).
    Many(Vec<String>),
}

impl Numbers {
    /// The first number, when there is one.
    pub fn first(&self) -> Option<&str> {
        match self {
            Numbers::One(n) => Some(n.as_str()),
            Numbers::Many(list) => list.first().map(String::as_str),
        }
    }

    /// Every number, in order.
    pub fn all(&self) -> Vec<&str> {
        match self {
            Numbers::One(n) => vec![n.as_str()],
            Numbers::Many(list) => list.iter().map(String::as_str).collect(),
        }
    }
}

/// The message an inline reply answers (§4.1). Used in send bodies and in answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReplyTo {
    /// Handle of the parent message (same account, conversation and line).
    pub message_handle: String,
    /// Which part of a multi-part parent; the API assumes 0 when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_index: Option<u32>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl ReplyTo {
    /// A reply to `message_handle`, part 0.
    pub fn new(message_handle: impl Into<String>) -> Self {
        Self {
            message_handle: message_handle.into(),
            part_index: None,
            extra: Extra::new(),
        }
    }
}

/// The root of a reply thread (§3.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ThreadOriginator {
    /// Handle of the thread's first message.
    pub message_handle: String,
    /// Which part of it, when the API says.
    #[serde(default)]
    pub part: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A shared location, only on `message_type: location` messages (§3.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MessageLocation {
    /// Degrees north.
    pub latitude: f64,
    /// Degrees east.
    pub longitude: f64,
    /// Accuracy radius in metres.
    #[serde(default)]
    pub accuracy: Option<f64>,
    /// Altitude in metres.
    #[serde(default)]
    pub altitude: Option<f64>,
    /// How long the share lasts (unit undocumented).
    #[serde(default)]
    pub duration: Option<f64>,
    /// When the fix was taken (the reference does not say string or number).
    #[serde(default)]
    pub timestamp: Option<serde_json::Value>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An App Card as it comes back on a message: the outbound card (§4.6) or an inbound card.
/// Every field is optional because the two shapes differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppCardInfo {
    /// App name (outbound cards).
    #[serde(default, rename = "appName")]
    pub app_name: Option<String>,
    /// iMessage extension bundle id.
    #[serde(default, rename = "extensionBundleId")]
    pub extension_bundle_id: Option<String>,
    /// Balloon bundle id (inbound cards).
    #[serde(default, rename = "balloonBundleId")]
    pub balloon_bundle_id: Option<String>,
    /// Apple team id.
    #[serde(default, rename = "teamId")]
    pub team_id: Option<String>,
    /// The extension URL.
    #[serde(default)]
    pub url: Option<String>,
    /// Card session id.
    #[serde(default, rename = "sessionIdentifier")]
    pub session_identifier: Option<String>,
    /// Card revision (inbound cards; type undocumented).
    #[serde(default)]
    pub revision: Option<serde_json::Value>,
    /// On an update's answer: the handle of the original card message (§4.6).
    #[serde(default, rename = "updateMessageHandle")]
    pub update_message_handle: Option<String>,
    /// The layout as sent (free-form here; see `AppCardLayout` for the request side).
    #[serde(default)]
    pub layout: Option<serde_json::Value>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Reads `send_style`, turning the `""` the API sends for "no style" into `None`.
pub(crate) fn empty_style_as_none<'de, D>(d: D) -> Result<Option<SendStyle>, D::Error>
where
    D: Deserializer<'de>,
{
    let raw = Option::<String>::deserialize(d)?;
    Ok(raw.filter(|s| !s.is_empty()).map(|s| {
        s.parse()
            .unwrap_or_else(|n: std::convert::Infallible| match n {})
    }))
}

/// The flat message object that sends, `GET /api/status` and App Card updates return
/// (§3.1). Accepts the legacy names (`accountEmail`, `date_sent`) and legacy extras
/// (`to_number`, `group_id`, `participants`, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MessageResponse {
    /// Primary identifier; needed for status, reactions and replies.
    pub message_handle: String,
    /// The message's state; usually `QUEUED` right after a send.
    pub status: MessageStatus,
    /// Account that owns the message (legacy: `accountEmail`).
    #[serde(default, alias = "accountEmail")]
    pub account_email: Option<String>,
    /// Text body.
    #[serde(default)]
    pub content: Option<String>,
    /// Creation time, ISO 8601 (legacy: `date_sent`).
    #[serde(default, alias = "date_sent")]
    pub date_created: Option<String>,
    /// Last status change, ISO 8601.
    #[serde(default)]
    pub date_updated: Option<String>,
    /// Numeric failure code (§2.6); non-zero means failure.
    #[serde(default)]
    pub error_code: Option<i64>,
    /// Failure text.
    #[serde(default)]
    pub error_message: Option<String>,
    /// Legacy failure detail.
    #[serde(default)]
    pub error_detail: Option<String>,
    /// Sending line (E.164).
    #[serde(default)]
    pub from_number: Option<String>,
    /// Recipient; a list of participants on legacy group sends.
    #[serde(default)]
    pub number: Option<Numbers>,
    /// Legacy recipient field; may also be a list on group sends.
    #[serde(default)]
    pub to_number: Option<Numbers>,
    /// `true` for sends.
    #[serde(default)]
    pub is_outbound: Option<bool>,
    /// Attached media URL (the first image for carousels).
    #[serde(default)]
    pub media_url: Option<String>,
    /// `message`, `group`, `location` or `carousel`.
    #[serde(default)]
    pub message_type: Option<MessageType>,
    /// Expressive style; `None` when the API sent `""`.
    #[serde(default, deserialize_with = "empty_style_as_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<SendStyle>))]
    pub send_style: Option<SendStyle>,
    /// Group id on group sends (`""` on legacy 1:1 answers); the only link to later inbound
    /// group messages.
    #[serde(default)]
    pub group_id: Option<String>,
    /// Legacy: group participants (`[]` for 1:1).
    #[serde(default)]
    pub participants: Option<Vec<String>>,
    /// Legacy: `true` when iMessage was unavailable and SMS was used.
    #[serde(default)]
    pub was_downgraded: Option<bool>,
    /// Legacy: account plan label.
    #[serde(default)]
    pub plan: Option<String>,
    /// Legacy: whether the recipient is opted out.
    #[serde(default)]
    pub opted_out: Option<bool>,
    /// Seat the send was attributed to.
    #[serde(default)]
    pub seat_id: Option<String>,
    /// The seat's email, filled in when `seat_id` was given.
    #[serde(default)]
    pub sender_email: Option<String>,
    /// Inline-reply parent.
    #[serde(default)]
    pub reply_to: Option<ReplyTo>,
    /// Root of the reply thread.
    #[serde(default)]
    pub thread_originator: Option<ThreadOriginator>,
    /// Shared location (`message_type: location` only).
    #[serde(default)]
    pub location: Option<MessageLocation>,
    /// App Card, outbound or inbound.
    #[serde(default)]
    pub app_card: Option<AppCardInfo>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One stored message: rows of `GET /api/v2/messages` and `GET /api/v2/messages/{id}`
/// (§3.2). Strings the API may send as `null` read as `""`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MessageRecord {
    /// Primary identifier.
    pub message_handle: String,
    /// Full status set (§2.2).
    pub status: MessageStatus,
    /// Owning account (camelCase here; `account_email` accepted too).
    #[serde(
        default,
        rename = "accountEmail",
        alias = "account_email",
        deserialize_with = "null_as_default"
    )]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub account_email: String,
    /// Text body.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub content: String,
    /// Creation/sent time, ISO 8601 (`date_created` accepted too).
    #[serde(default, alias = "date_created", deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date_sent: String,
    /// Last change, ISO 8601.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub date_updated: String,
    /// Numeric failure code (§2.6).
    #[serde(default)]
    pub error_code: Option<i64>,
    /// Failure detail.
    #[serde(default)]
    pub error_detail: Option<String>,
    /// Failure text.
    #[serde(default)]
    pub error_message: Option<String>,
    /// Failure reason.
    #[serde(default)]
    pub error_reason: Option<String>,
    /// Sender: your line for outbound, the contact for inbound.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub from_number: String,
    /// Recipient.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub to_number: String,
    /// The other party: `to_number` for outbound, `from_number` for inbound.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub number: String,
    /// Your line involved.
    #[serde(default)]
    pub sendblue_number: Option<String>,
    /// Group id; `""` or null for 1:1.
    #[serde(default)]
    pub group_id: Option<String>,
    /// Group display name.
    #[serde(default)]
    pub group_display_name: Option<String>,
    /// Group participants (both numbers for 1:1 inbound).
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub participants: Vec<String>,
    /// Direction.
    #[serde(default)]
    pub is_outbound: bool,
    /// Media URL; Sendblue-hosted inbound media expires after 30 days.
    #[serde(default)]
    pub media_url: Option<String>,
    /// `message`, `group` or `location`.
    #[serde(default)]
    pub message_type: Option<MessageType>,
    /// Whether the counterparty is opted out.
    #[serde(default)]
    pub opted_out: Option<bool>,
    /// Account plan label.
    #[serde(default)]
    pub plan: Option<String>,
    /// Expressive style; `None` when the API sent `""`.
    #[serde(default, deserialize_with = "empty_style_as_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<SendStyle>))]
    pub send_style: Option<SendStyle>,
    /// Channel used.
    #[serde(default)]
    pub service: Option<Service>,
    /// `true` if iMessage was unavailable and SMS was used.
    #[serde(default)]
    pub was_downgraded: Option<bool>,
    /// Seat the send was attributed to.
    #[serde(default)]
    pub seat_id: Option<String>,
    /// The seat's email.
    #[serde(default)]
    pub sender_email: Option<String>,
    /// Inline-reply parent.
    #[serde(default)]
    pub reply_to: Option<ReplyTo>,
    /// Root of the reply thread.
    #[serde(default)]
    pub thread_originator: Option<ThreadOriginator>,
    /// Shared location (`message_type: location` only).
    #[serde(default)]
    pub location: Option<MessageLocation>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}
