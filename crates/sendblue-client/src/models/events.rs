//! The account event stream (§12): the version-1 event envelope, its `data` typed per event
//! type where §12.2 names the fields, and the items a stream reader yields.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::common::{Extra, MessageStatus};
use super::lines::{LineAssignment, LineStatus};

crate::open_enum! {
    /// Account event types (§12.2).
    pub enum EventType {
        /// An inbound message arrived.
        MessageReceived = "message.received",
        /// An outbound message was created.
        MessageCreated = "message.created",
        /// A message's status changed.
        MessageUpdated = "message.updated",
        /// A contact started or stopped typing.
        TypingChanged = "typing.changed",
        /// A line was assigned to the account.
        LineAssigned = "line.assigned",
        /// A line was taken from the account.
        LineUnassigned = "line.unassigned",
        /// A line's health changed.
        LineStatusChanged = "line.status.changed",
        /// A line was blocked.
        LineBlocked = "line.blocked",
        /// A contact was created.
        ContactCreated = "contact.created",
        /// A verification was approved.
        VerificationApproved = "verification.approved",
        /// A verification expired.
        VerificationExpired = "verification.expired",
        /// A verification was canceled.
        VerificationCanceled = "verification.canceled",
    }
}

/// `data` of `message.received`, `message.created` and `message.updated`. Minimal by design:
/// fetch the message by `message_id` for the rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MessageEventData {
    /// The message handle.
    #[serde(default)]
    pub message_id: Option<String>,
    /// Direction.
    #[serde(default)]
    pub is_outbound: Option<bool>,
    /// The message's status.
    #[serde(default)]
    pub status: Option<MessageStatus>,
    /// The contact.
    #[serde(default)]
    pub number: Option<String>,
    /// Your line.
    #[serde(default)]
    pub sendblue_number: Option<String>,
    /// When it changed (`message.updated`), ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Failure code (`message.updated`); a number in message objects, kept as JSON because
    /// the event's type for it is undocumented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<Value>,
    /// Failure text (`message.updated`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// Anything else the event carried.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `data` of `typing.changed`. Typing events can't be recovered after a gap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TypingEventData {
    /// The contact.
    #[serde(default)]
    pub number: Option<String>,
    /// `false` when they stopped.
    #[serde(default)]
    pub is_typing: Option<bool>,
    /// Your line (likely present).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sendblue_number: Option<String>,
    /// Anything else the event carried.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `data` of the `line.*` events: line-state fields (§13.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LineEventData {
    /// The line.
    #[serde(default)]
    pub sendblue_number: Option<String>,
    /// The worker serving it.
    #[serde(default)]
    pub worker_id: Option<String>,
    /// Health.
    #[serde(default)]
    pub status: Option<LineStatus>,
    /// How it belongs to the account, when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<LineAssignment>,
    /// Anything else the event carried.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `data` of `contact.created`: a subset of the contact; fetch it by phone for the rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContactEventData {
    /// Contact id.
    #[serde(default)]
    pub contact_id: Option<String>,
    /// E.164 number.
    #[serde(default)]
    pub phone: Option<String>,
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Creation time, ISO 8601.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Anything else the event carried.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `data` of the `verification.*` events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VerificationEventData {
    /// The verification's id.
    #[serde(default)]
    pub verification_sid: Option<String>,
    /// Its status (`pending | approved | expired | canceled`).
    #[serde(default)]
    pub status: Option<String>,
    /// Anything else the event carried.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An event's `data`, typed by the event's `type`. Types without documented fields, and
/// data that does not fit its type's model, stay as JSON in `Other`. Serializes as the plain
/// `data` object.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum EventData {
    /// `message.*`.
    Message(MessageEventData),
    /// `typing.changed`.
    Typing(TypingEventData),
    /// `line.*`.
    Line(LineEventData),
    /// `contact.created`.
    Contact(ContactEventData),
    /// `verification.*`.
    Verification(VerificationEventData),
    /// Anything else.
    Other(Value),
}

impl EventData {
    /// Reads `data` by the model for `event_type`, falling back to `Other`.
    pub fn decode(event_type: &EventType, data: Value) -> Self {
        fn typed<T: serde::de::DeserializeOwned>(
            data: &Value,
            wrap: fn(T) -> EventData,
        ) -> Option<EventData> {
            if !data.is_object() {
                return None;
            }
            serde_json::from_value(data.clone()).ok().map(wrap)
        }
        use EventType as T;
        let decoded = match event_type {
            T::MessageReceived | T::MessageCreated | T::MessageUpdated => {
                typed(&data, EventData::Message)
            }
            T::TypingChanged => typed(&data, EventData::Typing),
            T::LineAssigned | T::LineUnassigned | T::LineStatusChanged | T::LineBlocked => {
                typed(&data, EventData::Line)
            }
            T::ContactCreated => typed(&data, EventData::Contact),
            T::VerificationApproved | T::VerificationExpired | T::VerificationCanceled => {
                typed(&data, EventData::Verification)
            }
            T::Unknown(_) => None,
        };
        decoded.unwrap_or(EventData::Other(data))
    }
}

/// A version-1 account event (§12.2): `{version, id, type, occurred_at, data}`. De-duplicate
/// by `id`. The frame's JSON is kept in `raw` (not serialized).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountEvent {
    /// Always 1.
    pub version: u64,
    /// Event id, for de-duplication.
    pub id: String,
    /// Event type.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// When it happened, ISO 8601.
    pub occurred_at: Option<String>,
    /// The payload, typed by `event_type`.
    pub data: EventData,
    /// The whole event as received.
    #[serde(skip)]
    pub raw: Value,
}

impl AccountEvent {
    /// Reads a frame's JSON as a version-1 event: an object with `version: 1`, a string `id`
    /// and a string `type`. Anything else comes back unchanged as `Err` (a control frame).
    pub fn from_value(value: Value) -> Result<Self, Value> {
        let fields = match &value {
            Value::Object(map) => (
                map.get("version").and_then(Value::as_u64),
                map.get("id").and_then(Value::as_str),
                map.get("type").and_then(Value::as_str),
            ),
            _ => return Err(value),
        };
        let (Some(1), Some(id), Some(kind)) = fields else {
            return Err(value);
        };
        let event_type: EventType = kind.parse().unwrap_or_else(|n| match n {});
        let id = id.to_owned();
        let occurred_at = value
            .get("occurred_at")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let data = value.get("data").cloned().unwrap_or(Value::Null);
        Ok(Self {
            version: 1,
            id,
            data: EventData::decode(&event_type, data),
            event_type,
            occurred_at,
            raw: value,
        })
    }
}

impl<'de> Deserialize<'de> for AccountEvent {
    /// Decodes by [`AccountEvent::from_value`]; fails on anything that is not a v1 event.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        AccountEvent::from_value(Value::deserialize(d)?)
            .map_err(|_| serde::de::Error::custom("not a version-1 account event"))
    }
}

/// One item of the account event stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum StreamItem {
    /// A version-1 account event.
    Event(Box<AccountEvent>),
    /// A heartbeat (an SSE comment line; every 15 s).
    Heartbeat,
    /// A frame whose data is not a version-1 event (e.g. `{"status":"OK"}`; non-JSON data
    /// travels as a JSON string). Safe to ignore.
    Control(Value),
    /// The server closed the stream cleanly (it rotates streams at most every 15 minutes, or
    /// at a token's expiry). Always the last item; reconnect and repair the gap.
    Ended,
}
