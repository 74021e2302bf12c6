//! What the follower delivers: typed activity items, the same whether an item came live from
//! the event stream, from the gap repair after a reconnect, or from polling (only `repaired`
//! tells them apart).

use serde::{Deserialize, Serialize};

use sendblue_client::models::lines::{LineAssignment, LineStatus};
use sendblue_client::{MessageStatus, Service};

/// One thing that happened on the account, or a change of the follower's connection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "data", rename_all = "snake_case")]
pub enum Activity {
    /// An outbound message was created.
    MessageCreated(MessageActivity),
    /// An outbound message's status moved forward.
    MessageUpdated(MessageActivity),
    /// Someone texted one of the account's lines.
    MessageReceived(MessageActivity),
    /// A contact was created (by anyone: the console, the API, an inbound text).
    ContactCreated(ContactActivity),
    /// Someone started or stopped typing (live only: missed typing is never repaired).
    Typing(TypingActivity),
    /// A line was assigned, unassigned, blocked or changed health.
    LineChanged(LineActivity),
    /// An event type the console has no view for (e.g. `verification.*`), as received.
    Other(OtherActivity),
    /// The follower's connection changed.
    ConnectionState(ConnectionState),
}

/// A message as the activity feed needs it. Fields the source did not carry are `None`:
/// live events carry no `content` or `service`; repaired rows carry everything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MessageActivity {
    /// The message handle.
    pub message_handle: String,
    /// Its status now.
    pub status: Option<MessageStatus>,
    /// The other party.
    pub number: Option<String>,
    /// The account's line.
    pub sendblue_number: Option<String>,
    /// Direction.
    pub is_outbound: Option<bool>,
    /// The text, when known.
    pub content: Option<String>,
    /// Numeric failure code (§2.6), when it failed.
    pub error_code: Option<i64>,
    /// Failure text, when it failed.
    pub error_message: Option<String>,
    /// iMessage, SMS or RCS, when known.
    pub service: Option<Service>,
    /// When the status last changed (or when it happened), ISO 8601.
    pub updated_at: Option<String>,
    /// The stream event's id; `None` for repaired or polled items.
    pub event_id: Option<String>,
    /// True when it was read back after a gap (or by polling) instead of arriving live.
    pub repaired: bool,
}

/// A new contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContactActivity {
    /// Its id (absent only if the server sent none).
    pub contact_id: Option<String>,
    /// E.164 number.
    pub phone: String,
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Creation time, ISO 8601.
    pub created_at: Option<String>,
    /// The stream event's id; `None` for repaired or polled items.
    pub event_id: Option<String>,
    /// True when it was read back after a gap (or by polling).
    pub repaired: bool,
}

/// Someone typing in a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TypingActivity {
    /// The contact.
    pub number: Option<String>,
    /// `false` when they stopped.
    pub is_typing: bool,
    /// The account's line.
    pub sendblue_number: Option<String>,
    /// When, ISO 8601.
    pub occurred_at: Option<String>,
    /// The stream event's id.
    pub event_id: Option<String>,
}

/// What happened to a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum LineChange {
    /// `line.assigned`.
    Assigned,
    /// `line.unassigned`, or a line missing from the snapshot after a gap.
    Unassigned,
    /// `line.status.changed`.
    StatusChanged,
    /// `line.blocked`.
    Blocked,
    /// After a gap: the line state snapshot differs from what was last known.
    Snapshot,
}

/// A line's change and its state afterwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LineActivity {
    /// What happened.
    pub change: LineChange,
    /// The line.
    pub sendblue_number: Option<String>,
    /// The worker serving it.
    pub worker_id: Option<String>,
    /// Health, when known.
    pub status: Option<LineStatus>,
    /// How it belongs to the account, when known.
    pub assignment: Option<LineAssignment>,
    /// When, ISO 8601.
    pub occurred_at: Option<String>,
    /// The stream event's id; `None` for repaired items.
    pub event_id: Option<String>,
    /// True when it came from the snapshot read after a gap.
    pub repaired: bool,
}

/// An event the console shows only generically.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OtherActivity {
    /// The event's type as sent (`verification.approved`, …).
    pub event_type: String,
    /// When, ISO 8601.
    pub occurred_at: Option<String>,
    /// The event's `data`, as sent.
    pub data: serde_json::Value,
    /// The stream event's id.
    pub event_id: String,
}

/// How the follower is connected, for the page's status pill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ConnectionState {
    /// Opening the stream (at start, and right after a rotation).
    Connecting,
    /// Following live; anything missed before has been read back.
    Live,
    /// The connection failed; trying again after `retry_in_ms`.
    Reconnecting {
        /// Failed attempts in a row (1 for the first).
        attempt: u32,
        /// How long until the next try, in milliseconds.
        retry_in_ms: u64,
        /// Why, in plain words.
        reason: String,
    },
    /// This account or server has no event stream: changes are read by polling every few
    /// seconds (messages and new contacts only; typing can't be seen).
    Polling {
        /// Why, in plain words.
        reason: String,
    },
    /// Stopped on request.
    Stopped,
}

impl Activity {
    /// The message inside, for the three message kinds.
    pub fn message(&self) -> Option<&MessageActivity> {
        match self {
            Activity::MessageCreated(m)
            | Activity::MessageUpdated(m)
            | Activity::MessageReceived(m) => Some(m),
            _ => None,
        }
    }

    /// The stream event id behind this item, when it arrived live.
    pub fn event_id(&self) -> Option<&str> {
        match self {
            Activity::MessageCreated(m)
            | Activity::MessageUpdated(m)
            | Activity::MessageReceived(m) => m.event_id.as_deref(),
            Activity::ContactCreated(c) => c.event_id.as_deref(),
            Activity::Typing(t) => t.event_id.as_deref(),
            Activity::LineChanged(l) => l.event_id.as_deref(),
            Activity::Other(o) => Some(&o.event_id),
            Activity::ConnectionState(_) => None,
        }
    }
}
