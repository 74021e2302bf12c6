//! `GET /api/v2/messages` query parameters and pages (§5.1), and the single-message envelope
//! (§5.2).

use serde::{Deserialize, Serialize};

use super::common::{null_as_default, Extra, MessageStatus, MessageType, OrderDirection, Service};
use super::messages::MessageRecord;

crate::open_enum! {
    /// Sort key of the messages list (§5.1). The SDK spells it camelCase; the CLI and the
    /// event stream's gap repair (§12) send snake_case, which the API accepts too.
    pub enum MessageOrderBy {
        /// Creation time (the default).
        CreatedAt = "createdAt",
        /// Last change.
        UpdatedAt = "updatedAt",
        /// Sent time.
        SentAt = "sentAt",
        /// Creation time, snake_case spelling.
        CreatedAtSnake = "created_at",
        /// Last change, snake_case spelling (used for event-gap repair, §12).
        UpdatedAtSnake = "updated_at",
    }
}

/// Query of `GET /api/v2/messages` (§5.1). Every filter is optional and they combine with AND.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListMessages {
    /// Page size, 1–1000 (default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Rows to skip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Sort key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<MessageOrderBy>,
    /// Sort direction (default `desc`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_direction: Option<OrderDirection>,
    /// Only this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MessageStatus>,
    /// Only this channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<Service>,
    /// Direction; travels as the strings `true` / `false`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_outbound: Option<bool>,
    /// `message` (1:1) or `group`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_type: Option<MessageType>,
    /// Either party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_number: Option<String>,
    /// Recipient.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_number: Option<String>,
    /// Your line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sendblue_number: Option<String>,
    /// Group id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// Owning account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_email: Option<String>,
    /// Created at or after (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at_gte: Option<String>,
    /// Created at or before (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at_lte: Option<String>,
    /// Sent at or after (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at_gte: Option<String>,
    /// Sent at or before (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at_lte: Option<String>,
    /// Updated at or after (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at_gte: Option<String>,
    /// Updated at or before (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at_lte: Option<String>,
    /// Admin only; ignored for normal keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worker_id: Option<String>,
}

impl ListMessages {
    /// Every message changed at or after `timestamp`, oldest change first: the query that
    /// repairs a gap in the event stream (§12):
    /// `updated_at_gte=<ts>&order_by=updated_at&order_direction=asc`.
    pub fn updated_since(timestamp: impl Into<String>) -> Self {
        Self {
            updated_at_gte: Some(timestamp.into()),
            order_by: Some(MessageOrderBy::UpdatedAtSnake),
            order_direction: Some(OrderDirection::Asc),
            ..Self::default()
        }
    }
}

/// Offset pagination of the messages list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Pagination {
    /// Page size used.
    #[serde(default)]
    pub limit: u64,
    /// Rows skipped.
    #[serde(default)]
    pub offset: u64,
    /// Every match, across pages.
    #[serde(default)]
    pub total: u64,
    /// `offset + returned < total`.
    #[serde(default, rename = "hasMore")]
    pub has_more: bool,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One page of `GET /api/v2/messages`: `{status, data, pagination}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MessagePage {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// The rows.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<MessageRecord>))]
    pub data: Vec<MessageRecord>,
    /// Where this page sits.
    #[serde(default)]
    pub pagination: Option<Pagination>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}
