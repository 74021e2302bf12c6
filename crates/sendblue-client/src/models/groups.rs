//! Group chats: sending, creating, membership (§4.2, §4.3, §4.5) and the v2 metadata,
//! name and photo endpoints (§8).

use serde::{Deserialize, Serialize};

use super::common::{null_as_default, Extra, SendStyle};
use super::messages::ReplyTo;

/// Most people one group chat may hold (§21), checked before sending.
pub const GROUP_MAX_NUMBERS: usize = 25;

/// Largest group photo (5 MB, §8.3), checked before uploading a file.
pub const GROUP_PHOTO_MAX_BYTES: u64 = 5 * 1024 * 1024;

/// Body of `POST /api/send-group-message` (§4.2). Exactly one of `numbers` / `group_id` is
/// normally set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SendGroupMessage {
    /// Your line, E.164.
    pub from_number: String,
    /// Text (the SDK requires it; legacy docs allow media only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Recipients, E.164, at most 25; creates the group implicitly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbers: Option<Vec<String>>,
    /// An existing group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// Public media URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
    /// Expressive style (legacy docs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_style: Option<SendStyle>,
    /// URL that receives status changes (legacy docs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback: Option<String>,
    /// Inline reply to an earlier message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<ReplyTo>,
    /// Seat the send is attributed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat_id: Option<String>,
}

impl SendGroupMessage {
    fn empty(from_number: String) -> Self {
        Self {
            from_number,
            content: None,
            numbers: None,
            group_id: None,
            media_url: None,
            send_style: None,
            status_callback: None,
            reply_to: None,
            seat_id: None,
        }
    }

    /// Text to an existing group.
    pub fn to_group(
        from_number: impl Into<String>,
        group_id: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        Self {
            group_id: Some(group_id.into()),
            content: Some(content.into()),
            ..Self::empty(from_number.into())
        }
    }

    /// Text to a set of numbers (the group is created implicitly).
    pub fn to_numbers(
        from_number: impl Into<String>,
        numbers: Vec<String>,
        content: impl Into<String>,
    ) -> Self {
        Self {
            numbers: Some(numbers),
            content: Some(content.into()),
            ..Self::empty(from_number.into())
        }
    }
}

/// Body of `POST /api/create-group` (§4.3). Experimental: no schema is published; this is
/// the reference's recommended contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CreateGroup {
    /// Your line.
    pub from_number: String,
    /// Participants, E.164 (2–25).
    pub numbers: Vec<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
}

impl CreateGroup {
    /// A group of `numbers` on `from_number`.
    pub fn new(from_number: impl Into<String>, numbers: Vec<String>) -> Self {
        Self {
            from_number: from_number.into(),
            numbers,
            group_name: None,
        }
    }
}

/// Answer of `POST /api/create-group` (§4.3, experimental).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CreateGroupResponse {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// The new group's id.
    #[serde(default)]
    pub group_id: Option<String>,
    /// Participants.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub numbers: Vec<String>,
    /// Your line.
    #[serde(default)]
    pub from_number: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

crate::open_enum! {
    /// What `POST /api/modify-group` does (§4.5).
    pub enum GroupModifyType {
        /// Add a participant.
        AddRecipient = "add_recipient",
        /// Remove a participant (the group needs at least 4 members first).
        RemoveRecipient = "remove_recipient",
    }
}

/// Body of `POST /api/modify-group` (§4.5). iMessage groups only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ModifyGroup {
    /// The group.
    pub group_id: String,
    /// Add or remove.
    pub modify_type: GroupModifyType,
    /// The outside participant (E.164 or iMessage email); never one of your lines.
    pub number: String,
    /// The acting line; may be left out when exactly one account line is in the group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_number: Option<String>,
}

impl ModifyGroup {
    /// Adds or removes `number` in `group_id`.
    pub fn new(
        group_id: impl Into<String>,
        modify_type: GroupModifyType,
        number: impl Into<String>,
    ) -> Self {
        Self {
            group_id: group_id.into(),
            modify_type,
            number: number.into(),
            from_number: None,
        }
    }
}

/// Answer of `POST /api/modify-group` (§4.5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GroupModifyResponse {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// The group.
    #[serde(default)]
    pub group_id: Option<String>,
    /// What was done.
    #[serde(default)]
    pub modify_type: Option<GroupModifyType>,
    /// The participant.
    #[serde(default)]
    pub number: Option<String>,
    /// Error code (`line_not_registered`, `ambiguous_sending_line`), when it failed.
    #[serde(default)]
    pub error: Option<String>,
    /// Error text.
    #[serde(default)]
    pub error_message: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A group's verified photo (§8.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GroupPhoto {
    /// Photo id.
    #[serde(default)]
    pub photo_guid: Option<String>,
    /// Where to fetch it.
    #[serde(default)]
    pub url: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

crate::open_enum! {
    /// Who a group participant is (§8.1).
    pub enum ParticipantType {
        /// An outside contact.
        Contact = "contact",
        /// One of your seats.
        Seat = "seat",
    }
}

/// One member of a group (§8.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GroupParticipant {
    /// Participant id.
    #[serde(default)]
    pub participant_id: Option<String>,
    /// `contact` or `seat`.
    #[serde(default, rename = "type")]
    pub participant_type: Option<ParticipantType>,
    /// Raw handle (phone or iMessage email).
    #[serde(default)]
    pub handle: Option<String>,
    /// Resolved phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// Display name.
    #[serde(default)]
    pub name: Option<String>,
    /// Contact id.
    #[serde(default)]
    pub contact_id: Option<String>,
    /// Seat id.
    #[serde(default)]
    pub seat_id: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /api/v2/groups/{group_id}` data (§8.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GroupInfo {
    /// The group id (`sb_group_…`).
    pub group_id: String,
    /// Display name.
    #[serde(default)]
    pub group_name: Option<String>,
    /// Photo; null when no verified photo exists.
    #[serde(default)]
    pub group_photo: Option<GroupPhoto>,
    /// Members.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<GroupParticipant>))]
    pub participants: Vec<GroupParticipant>,
    /// Members' numbers (email-only members left out).
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub participant_numbers: Vec<String>,
    /// Last activity, ISO 8601.
    #[serde(default)]
    pub latest_comm_at: Option<String>,
    /// Last message's handle.
    #[serde(default)]
    pub latest_message_id: Option<String>,
    /// Internal worker group id.
    #[serde(default)]
    pub worker_group_id: Option<String>,
    /// Created, ISO 8601.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Last change, ISO 8601.
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `POST /api/v2/groups/{group_id}/name` (§8.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SetGroupName {
    /// New name; `None` (sent as `null`) or `""` clears it. Whitespace-only is refused.
    pub group_name: Option<String>,
    /// Force a line; left out for automatic selection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_number: Option<String>,
}

impl SetGroupName {
    /// Renames the group (`None` clears the name).
    pub fn new(group_name: Option<String>) -> Self {
        Self {
            group_name,
            from_number: None,
        }
    }
}

/// Answer data of `POST /api/v2/groups/{group_id}/name` (§8.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GroupNameResult {
    /// The group.
    #[serde(default)]
    pub group_id: Option<String>,
    /// The name now set.
    #[serde(default)]
    pub group_name: Option<String>,
    /// The line that made the change.
    #[serde(default)]
    pub from_number: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// JSON body of `POST /api/v2/groups/{group_id}/photo` (§8.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SetGroupPhoto {
    /// Direct public HTTPS image (JPEG/PNG/GIF, ≤ 5 MB); `None` (sent as `null`) clears it.
    pub photo_url: Option<String>,
    /// Force a line; left out for automatic selection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_number: Option<String>,
}

impl SetGroupPhoto {
    /// Sets (`Some`) or clears (`None`) the photo.
    pub fn new(photo_url: Option<String>) -> Self {
        Self {
            photo_url,
            from_number: None,
        }
    }
}

/// Answer data of `POST /api/v2/groups/{group_id}/photo` (§8.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GroupPhotoResult {
    /// The group.
    #[serde(default)]
    pub group_id: Option<String>,
    /// The photo now set; `None` when cleared.
    #[serde(default)]
    pub group_photo: Option<GroupPhoto>,
    /// The line that made the change.
    #[serde(default)]
    pub from_number: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}
