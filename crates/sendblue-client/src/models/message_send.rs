//! Request bodies (and the small answers) of the 1:1 messaging endpoints (§4.1, §4.6–§4.9).

use serde::{Deserialize, Serialize};

use super::common::{Extra, SendStyle, Service};
use super::messages::ReplyTo;

/// Body of `POST /api/send-message` (§4.1). At least one of `content`, `media_url` or
/// `app_card` must be set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SendMessage {
    /// Recipient, E.164.
    pub number: String,
    /// One of the account's lines, E.164.
    pub from_number: String,
    /// Text, at most 18 996 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Public media URL ending in the right file extension (no signed URLs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_url: Option<String>,
    /// Expressive style (iMessage only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_style: Option<SendStyle>,
    /// URL that receives this message's status changes (§11.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback: Option<String>,
    /// Inline reply to an earlier message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<ReplyTo>,
    /// Seat (rep) the send is attributed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat_id: Option<String>,
    /// An App Card (V2 lines, iMessage recipients, paid plans only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_card: Option<AppCard>,
}

impl SendMessage {
    /// A message from `from_number` to `number` with nothing in it yet.
    pub fn new(number: impl Into<String>, from_number: impl Into<String>) -> Self {
        Self {
            number: number.into(),
            from_number: from_number.into(),
            content: None,
            media_url: None,
            send_style: None,
            status_callback: None,
            reply_to: None,
            seat_id: None,
            app_card: None,
        }
    }

    /// A text message.
    pub fn text(
        number: impl Into<String>,
        from_number: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        Self {
            content: Some(content.into()),
            ..Self::new(number, from_number)
        }
    }
}

/// The visible parts of an App Card (§4.6). `image_title`/`image_subtitle` need `image_url`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppCardLayout {
    /// Caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Sub-caption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcaption: Option<String>,
    /// Trailing caption.
    #[serde(
        default,
        rename = "trailingCaption",
        skip_serializing_if = "Option::is_none"
    )]
    pub trailing_caption: Option<String>,
    /// Trailing sub-caption.
    #[serde(
        default,
        rename = "trailingSubcaption",
        skip_serializing_if = "Option::is_none"
    )]
    pub trailing_subcaption: Option<String>,
    /// HTTPS image (JPEG/PNG/HEIC/HEIF/WebP, ≤ 10 MB).
    #[serde(default, rename = "imageUrl", skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Image title.
    #[serde(
        default,
        rename = "imageTitle",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_title: Option<String>,
    /// Image subtitle.
    #[serde(
        default,
        rename = "imageSubtitle",
        skip_serializing_if = "Option::is_none"
    )]
    pub image_subtitle: Option<String>,
    /// Summary text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

/// An App Card to send with `POST /api/send-message` (§4.6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppCard {
    /// App name.
    #[serde(rename = "appName")]
    pub app_name: String,
    /// iMessage extension bundle id.
    #[serde(rename = "extensionBundleId")]
    pub extension_bundle_id: String,
    /// Apple team id.
    #[serde(rename = "teamId")]
    pub team_id: String,
    /// Delivered to the extension on tap (HTTPS ≤ 2 048 chars, `data:` ≤ 16 384 chars).
    pub url: String,
    /// What the card shows.
    pub layout: AppCardLayout,
    /// App Store id.
    #[serde(
        default,
        rename = "appStoreId",
        skip_serializing_if = "Option::is_none"
    )]
    pub app_store_id: Option<u64>,
    /// Notification text for devices that can't show the card.
    #[serde(
        default,
        rename = "fallbackText",
        skip_serializing_if = "Option::is_none"
    )]
    pub fallback_text: Option<String>,
    /// `false` forces the static template layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interactive: Option<bool>,
    /// Card session UUID; generated when left out.
    #[serde(
        default,
        rename = "sessionIdentifier",
        skip_serializing_if = "Option::is_none"
    )]
    pub session_identifier: Option<String>,
}

impl AppCard {
    /// A card with the required fields.
    pub fn new(
        app_name: impl Into<String>,
        extension_bundle_id: impl Into<String>,
        team_id: impl Into<String>,
        url: impl Into<String>,
        layout: AppCardLayout,
    ) -> Self {
        Self {
            app_name: app_name.into(),
            extension_bundle_id: extension_bundle_id.into(),
            team_id: team_id.into(),
            url: url.into(),
            layout,
            app_store_id: None,
            fallback_text: None,
            interactive: None,
            session_identifier: None,
        }
    }
}

/// Body of `POST /api/messages/{message_handle}/update-app-card` (§4.6); every field optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UpdateAppCard {
    /// Replacement notification text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_text: Option<String>,
    /// Reusing it for the same card returns the original update instead of resending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
    /// Interactive or static layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interactive: Option<bool>,
    /// New layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<AppCardLayout>,
    /// Expressive style.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_style: Option<SendStyle>,
    /// New extension URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Body of `POST /api/send-carousel` (§4.7): 2–20 HTTPS images, V2 lines only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SendCarousel {
    /// Recipient, E.164.
    pub number: String,
    /// A V2 line, E.164.
    pub from_number: String,
    /// 2 to 20 HTTPS image URLs.
    pub media_urls: Vec<String>,
    /// URL that receives status changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_callback: Option<String>,
    /// Expressive style.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_style: Option<SendStyle>,
    /// Free-form data echoed back in webhooks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<serde_json::Value>,
    /// Inline reply to an earlier message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<ReplyTo>,
    /// Seat the send is attributed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seat_id: Option<String>,
}

impl SendCarousel {
    /// A carousel of `media_urls` from `from_number` to `number`.
    pub fn new(
        number: impl Into<String>,
        from_number: impl Into<String>,
        media_urls: Vec<String>,
    ) -> Self {
        Self {
            number: number.into(),
            from_number: from_number.into(),
            media_urls,
            status_callback: None,
            send_style: None,
            metadata: None,
            reply_to: None,
            seat_id: None,
        }
    }
}

/// Answer of `GET /api/evaluate-service` (§4.8).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EvaluateServiceResponse {
    /// The number or email that was checked.
    #[serde(default)]
    pub number: Option<String>,
    /// `iMessage` or `SMS` (for emails `SMS` means "no iMessage detected").
    pub service: Service,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `POST /api/request-location` (§4.9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RequestLocation {
    /// Your dedicated (Mac-backed) line.
    pub from_number: String,
    /// The contact asked to share.
    pub number: String,
}

impl RequestLocation {
    /// Asks `number` to share their location with `from_number`.
    pub fn new(from_number: impl Into<String>, number: impl Into<String>) -> Self {
        Self {
            from_number: from_number.into(),
            number: number.into(),
        }
    }
}

/// Answer of `POST /api/request-location` (§4.9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RequestLocationResponse {
    /// `QUEUED` when accepted.
    #[serde(default)]
    pub status: Option<String>,
    /// Human-readable note.
    #[serde(default)]
    pub message: Option<String>,
    /// Handle of the request message.
    #[serde(default)]
    pub message_handle: Option<String>,
    /// Request id.
    #[serde(default)]
    pub uuid: Option<String>,
    /// The contact asked.
    #[serde(default)]
    pub number: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}
