//! Tapbacks, read receipts and typing indicators (§6).

use serde::{Deserialize, Serialize};

use super::common::{Extra, MessageStatus, Reaction};

/// Body of `POST /api/send-reaction` (§6.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SendReaction {
    /// Your line that is in the conversation.
    pub from_number: String,
    /// Primary handle of the target message.
    pub message_handle: String,
    /// The tapback (§2.4).
    pub reaction: Reaction,
    /// Part of a multi-part message; the API assumes 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_index: Option<u32>,
}

impl SendReaction {
    /// A `reaction` from `from_number` on `message_handle`, part 0.
    pub fn new(
        from_number: impl Into<String>,
        message_handle: impl Into<String>,
        reaction: Reaction,
    ) -> Self {
        Self {
            from_number: from_number.into(),
            message_handle: message_handle.into(),
            reaction,
            part_index: None,
        }
    }
}

/// Answer of `POST /api/send-reaction` (§6.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReactionResponse {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// `Reaction request sent`.
    #[serde(default)]
    pub message: Option<String>,
    /// The target message.
    #[serde(default)]
    pub message_handle: Option<String>,
    /// The tapback sent.
    #[serde(default)]
    pub reaction: Option<Reaction>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `POST /api/mark-read` (§6.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MarkRead {
    /// The contact whose conversation is marked read.
    pub number: String,
    /// Your line.
    pub from_number: String,
}

impl MarkRead {
    /// Marks the conversation between `from_number` and `number` read.
    pub fn new(number: impl Into<String>, from_number: impl Into<String>) -> Self {
        Self {
            number: number.into(),
            from_number: from_number.into(),
        }
    }
}

/// Answer of `POST /api/mark-read` (§6.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MarkReadResponse {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// `Mark read request sent`.
    #[serde(default)]
    pub message: Option<String>,
    /// The contact.
    #[serde(default)]
    pub number: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

crate::open_enum! {
    /// Whether to show or hide the typing bubble (§6.3).
    pub enum TypingState {
        /// Show it (the default).
        Start = "start",
        /// Hide it early.
        Stop = "stop",
    }
}

/// Body of `POST /api/send-typing-indicator` (§6.3). 1:1 chats only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TypingIndicator {
    /// The contact, E.164.
    pub number: String,
    /// Your line.
    pub from_number: String,
    /// `start` (default) or `stop`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<TypingState>,
    /// How long a `start` stays visible, 1–300 000 ms (default 60 000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_duration_ms: Option<u32>,
}

impl TypingIndicator {
    /// Shows the typing bubble to `number` for the default time.
    pub fn start(number: impl Into<String>, from_number: impl Into<String>) -> Self {
        Self {
            number: number.into(),
            from_number: from_number.into(),
            state: None,
            max_duration_ms: None,
        }
    }

    /// Hides the typing bubble early.
    pub fn stop(number: impl Into<String>, from_number: impl Into<String>) -> Self {
        Self {
            state: Some(TypingState::Stop),
            ..Self::start(number, from_number)
        }
    }
}

/// Answer of `POST /api/send-typing-indicator` (§6.3): `{number, status, error_message}`; the
/// older guide's `{status:"QUEUED", status_code, …}` decodes too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TypingIndicatorResponse {
    /// The contact.
    #[serde(default)]
    pub number: Option<String>,
    /// `SENT` or `ERROR` (older guide: `QUEUED`). `SENT` does not prove the bubble showed.
    #[serde(default)]
    pub status: Option<MessageStatus>,
    /// Failure text.
    #[serde(default)]
    pub error_message: Option<String>,
    /// Older guide only: an HTTP-like code.
    #[serde(default)]
    pub status_code: Option<u16>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}
