//! Contact Sharing — the iMessage "Name & Photo" card a line presents (§15). Note the
//! camelCase field names on the wire, in requests and answers alike.

use serde::{Deserialize, Serialize};

use super::common::Extra;
use crate::error::{Error, Result};

/// A line's sharing profile, the `data` of the state and profile answers (§15.1).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SharingState {
    /// Whether a profile is configured.
    #[serde(default, rename = "hasProfile")]
    pub has_profile: bool,
    /// First name on the card.
    #[serde(default, rename = "firstName")]
    pub first_name: Option<String>,
    /// Last name on the card.
    #[serde(default, rename = "lastName")]
    pub last_name: Option<String>,
    /// Display name shown alongside the card.
    #[serde(default, rename = "displayName")]
    pub display_name: Option<String>,
    /// Whether sharing is on (newer revision).
    #[serde(default, rename = "sharingEnabled")]
    pub sharing_enabled: Option<bool>,
    /// Whether a photo is set (newer revision).
    #[serde(default, rename = "hasPhoto")]
    pub has_photo: Option<bool>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /api/v2/contact-sharing/profile` body: creates or overwrites the line's profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SharingProfileRequest {
    /// Your line (E.164).
    #[serde(rename = "fromNumber")]
    pub from_number: String,
    /// First name; `""` clears it.
    #[serde(rename = "firstName")]
    pub first_name: String,
    /// Last name; `""` clears it.
    #[serde(rename = "lastName")]
    pub last_name: String,
    /// Public direct URL of a JPEG or PNG.
    #[serde(rename = "photoUrl", skip_serializing_if = "Option::is_none")]
    pub photo_url: Option<String>,
    /// Display name shown alongside the card.
    #[serde(rename = "displayName", skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Removes the photo (newer revision); cannot be combined with `photoUrl`.
    #[serde(rename = "clearPhoto", skip_serializing_if = "Option::is_none")]
    pub clear_photo: Option<bool>,
}

impl SharingProfileRequest {
    /// A profile with the required fields.
    pub fn new(
        from_number: impl Into<String>,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
    ) -> Self {
        Self {
            from_number: from_number.into(),
            first_name: first_name.into(),
            last_name: last_name.into(),
            photo_url: None,
            display_name: None,
            clear_photo: None,
        }
    }

    /// Sets the photo URL.
    pub fn photo_url(mut self, url: impl Into<String>) -> Self {
        self.photo_url = Some(url.into());
        self
    }

    /// Sets the display name.
    pub fn display_name(mut self, name: impl Into<String>) -> Self {
        self.display_name = Some(name.into());
        self
    }

    /// Asks the server to remove the photo.
    pub fn clear_photo(mut self) -> Self {
        self.clear_photo = Some(true);
        self
    }

    /// The local check: `clearPhoto` and `photoUrl` exclude each other; `fromNumber` is set.
    pub fn validate(&self) -> Result<()> {
        if self.from_number.trim().is_empty() {
            return Err(Error::validation("fromNumber", "is required"));
        }
        if self.clear_photo == Some(true) && self.photo_url.is_some() {
            return Err(Error::validation(
                "clearPhoto",
                "can't clear the photo and set photoUrl in the same request",
            ));
        }
        Ok(())
    }
}

/// `POST /api/v2/contact-sharing/share` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ShareRequest {
    /// Your line.
    #[serde(rename = "fromNumber")]
    pub from_number: String,
    /// The contact in an existing 1:1 iMessage conversation.
    #[serde(rename = "toNumber")]
    pub to_number: String,
}

impl ShareRequest {
    /// A share of `from_number`'s card into its chat with `to_number`.
    pub fn new(from_number: impl Into<String>, to_number: impl Into<String>) -> Self {
        Self {
            from_number: from_number.into(),
            to_number: to_number.into(),
        }
    }
}

/// `POST /api/v2/contact-sharing/share` answer (§15.3). Success means dispatched, not shown.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ShareResult {
    /// `OK` on success.
    #[serde(default)]
    pub status: Option<String>,
    /// Whether the share was requested.
    #[serde(default)]
    pub requested: bool,
    /// True when an identical share within 24 h made this one a no-op.
    #[serde(default)]
    pub deduplicated: bool,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body carrying just `fromNumber` (the profile DELETE).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FromNumber {
    /// Your line.
    #[serde(rename = "fromNumber")]
    pub from_number: String,
}
