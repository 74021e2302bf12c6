//! What Sendblue POSTs to a webhook receiver (§11): message payloads (`receive`, `outbound`,
//! per-message `status_callback`), typing payloads, and the undocumented types kept loose.
//! [`WebhookPayload::classify`] tells them apart by shape, the way the vendor's adapter does.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::common::{null_as_default, Extra, MessageStatus, MessageType, SendStyle, Service};
use super::messages::{
    empty_style_as_none, AppCardInfo, MessageLocation, ReplyTo, ThreadOriginator,
};
use super::webhooks::WebhookType;

/// The header a delivery carries when a secret is configured: the secret itself, verbatim
/// (a shared-secret comparison, not an HMAC — §11.2).
pub const SIGNING_SECRET_HEADER: &str = "sb-signing-secret";

/// Compares a delivery's `sb-signing-secret` header with the expected secret in constant
/// time (for equal lengths). `false` when the header is missing.
pub fn secret_matches(expected: &str, header: Option<&str>) -> bool {
    let Some(got) = header else { return false };
    let (a, b) = (expected.as_bytes(), got.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A message delivery: an inbound message (`receive`, §11.3) or a status change of an
/// outbound one (`outbound` webhook and `status_callback`, §11.4). Same fields either way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MessagePayload {
    /// Apple-style GUID (inbound) or the send's handle; the de-duplication key.
    pub message_handle: String,
    /// `RECEIVED` inbound; the new status for outbound.
    #[serde(default)]
    pub status: Option<MessageStatus>,
    /// `false` inbound, `true` for status changes.
    #[serde(default)]
    pub is_outbound: bool,
    /// Owning account (`account_email` accepted too).
    #[serde(
        default,
        rename = "accountEmail",
        alias = "account_email",
        skip_serializing_if = "Option::is_none"
    )]
    pub account_email: Option<String>,
    /// Text (`""` for media-only).
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub content: String,
    /// Numeric failure code (§2.6).
    #[serde(default)]
    pub error_code: Option<i64>,
    /// Failure text.
    #[serde(default)]
    pub error_message: Option<String>,
    /// Failure reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_reason: Option<String>,
    /// Failure detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_detail: Option<String>,
    /// Creation/sent time, ISO 8601.
    #[serde(default)]
    pub date_sent: Option<String>,
    /// Last change, ISO 8601.
    #[serde(default)]
    pub date_updated: Option<String>,
    /// Sender: the contact inbound, your line outbound.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub from_number: String,
    /// The contact (the end user).
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub number: String,
    /// Recipient: your line inbound, the contact outbound.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub to_number: String,
    /// Your line involved.
    #[serde(default)]
    pub sendblue_number: Option<String>,
    /// `true` if iMessage was unavailable and SMS was used.
    #[serde(default)]
    pub was_downgraded: Option<bool>,
    /// Account plan label.
    #[serde(default)]
    pub plan: Option<String>,
    /// Media URL (`""` if none; Sendblue-hosted media expires after 30 days).
    #[serde(default)]
    pub media_url: Option<String>,
    /// `message`, `group` or `location`.
    #[serde(default)]
    pub message_type: Option<MessageType>,
    /// Group id (`""` for 1:1).
    #[serde(default)]
    pub group_id: Option<String>,
    /// Group display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_display_name: Option<String>,
    /// Both parties for 1:1, all members for groups.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub participants: Vec<String>,
    /// Expressive style; `None` when the payload says `""`.
    #[serde(default, deserialize_with = "empty_style_as_none")]
    #[cfg_attr(feature = "specta", specta(type = Option<SendStyle>))]
    pub send_style: Option<SendStyle>,
    /// Whether the contact is opted out.
    #[serde(default)]
    pub opted_out: Option<bool>,
    /// Channel.
    #[serde(default)]
    pub service: Option<Service>,
    /// Inline-reply parent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<ReplyTo>,
    /// Root of the reply thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_originator: Option<ThreadOriginator>,
    /// Shared location (`message_type: location`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<MessageLocation>,
    /// App Card state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_card: Option<AppCardInfo>,
    /// Anything else the payload carried (e.g. a carousel's `metadata` echo).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A typing delivery (§11.5). `number` is the contact, `from_number` your line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TypingPayload {
    /// The contact who is typing.
    pub number: String,
    /// `false` when they stop.
    pub is_typing: bool,
    /// Your line.
    #[serde(default)]
    pub from_number: Option<String>,
    /// When, ISO 8601.
    #[serde(default)]
    pub timestamp: Option<String>,
    /// Anything else the payload carried.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A delivery with no published schema (`call_log`, `inbound_call`, `line_*`,
/// `contact_created`, `contact_profile`; §11.6–11.7), or one that did not fit its typed
/// model: its `type` (when it says) and every other field as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LoosePayload {
    /// The payload's own `type` field, when it has one.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<WebhookType>,
    /// Every other field.
    #[serde(flatten)]
    pub fields: Extra,
}

/// One delivery, classified (§11.2): a boolean `is_typing` ⇒ typing; a string
/// `message_handle` ⇒ a message, which is a status update when `is_outbound` is true (or,
/// without `is_outbound`, when the status is not `RECEIVED`) and an inbound message
/// otherwise; anything else is loose. Serializes back to the body it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum WebhookPayload {
    /// An inbound message (`receive`).
    Inbound(MessagePayload),
    /// A status change of an outbound message (`outbound` / `status_callback`).
    StatusUpdate(MessagePayload),
    /// A contact started or stopped typing.
    Typing(TypingPayload),
    /// Anything else, loosely typed.
    Other(LoosePayload),
}

impl WebhookPayload {
    /// Classifies a parsed body. Never fails: a body that looks like a message or typing
    /// payload but does not fit the typed model is kept as [`WebhookPayload::Other`].
    pub fn classify(body: Value) -> Self {
        let map = match body {
            Value::Object(map) => map,
            other => {
                let mut fields = Extra::new();
                fields.insert("body".to_owned(), other);
                return WebhookPayload::Other(LoosePayload { kind: None, fields });
            }
        };
        let is_typing = matches!(map.get("is_typing"), Some(Value::Bool(_)));
        let is_message = matches!(map.get("message_handle"), Some(Value::String(_)));
        let outbound = match map.get("is_outbound") {
            Some(Value::Bool(b)) => *b,
            _ => {
                !matches!(map.get("status"), None | Some(Value::Null))
                    && map.get("status") != Some(&Value::String("RECEIVED".into()))
            }
        };
        let body = Value::Object(map);
        if is_typing {
            if let Ok(t) = serde_json::from_value(body.clone()) {
                return WebhookPayload::Typing(t);
            }
        } else if is_message {
            if let Ok(m) = serde_json::from_value(body.clone()) {
                return if outbound {
                    WebhookPayload::StatusUpdate(m)
                } else {
                    WebhookPayload::Inbound(m)
                };
            }
        }
        WebhookPayload::Other(serde_json::from_value(body).unwrap_or_default())
    }

    /// Parses and classifies a raw request body. Fails only when it is not JSON.
    pub fn from_slice(body: &[u8]) -> Result<Self, serde_json::Error> {
        Ok(Self::classify(serde_json::from_slice(body)?))
    }

    /// The webhook type this delivery belongs to, when known.
    pub fn webhook_type(&self) -> Option<WebhookType> {
        match self {
            WebhookPayload::Inbound(_) => Some(WebhookType::Receive),
            WebhookPayload::StatusUpdate(_) => Some(WebhookType::Outbound),
            WebhookPayload::Typing(_) => Some(WebhookType::TypingIndicator),
            WebhookPayload::Other(p) => p.kind.clone(),
        }
    }

    /// The key a receiver de-duplicates re-deliveries by (§11.2): the handle for inbound
    /// messages, handle and status for status updates. `None` for other kinds.
    pub fn dedup_key(&self) -> Option<String> {
        match self {
            WebhookPayload::Inbound(m) => Some(m.message_handle.clone()),
            WebhookPayload::StatusUpdate(m) => Some(format!(
                "{}:{}",
                m.message_handle,
                m.status.as_ref().map(MessageStatus::as_str).unwrap_or("")
            )),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for WebhookPayload {
    /// Decodes by [`WebhookPayload::classify`].
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self::classify(Value::deserialize(d)?))
    }
}
