//! Sendblue Verify — inverted OTP, Twilio-compatible (§19.2): the user texts a code from their
//! phone to a Sendblue pool number.

use serde::{Deserialize, Serialize};

use super::common::{null_as_default, Extra};

crate::open_enum! {
    /// A verification's state.
    pub enum VerificationStatus {
        /// Waiting for the user to text the code.
        Pending = "pending",
        /// The code arrived from the right number.
        Approved = "approved",
        /// Timed out.
        Expired = "expired",
        /// Withdrawn.
        Canceled = "canceled" | "cancelled",
    }
}

impl VerificationStatus {
    /// True for states that never change again.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            VerificationStatus::Approved
                | VerificationStatus::Expired
                | VerificationStatus::Canceled
        )
    }
}

crate::open_enum! {
    /// Hosted widget theme.
    pub enum HostedTheme {
        /// Light.
        Light = "light",
        /// Dark.
        Dark = "dark",
        /// Follow the browser.
        Auto = "auto",
    }
}

/// Options for an origin-bound Hosted Verify widget session (strict snake_case keys).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HostedOptions {
    /// The exact website origin allowed to embed the widget (HTTPS; HTTP only for
    /// `localhost`/`127.0.0.1`), with no path, query or fragment.
    pub parent_origin: String,
    /// Six-digit hexadecimal accent colour.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accent_color: Option<String>,
    /// Brand name shown by the widget (default `Sendblue`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_name: Option<String>,
    /// Widget theme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<HostedTheme>,
}

impl HostedOptions {
    /// Hosted options for `parent_origin`.
    pub fn new(parent_origin: impl Into<String>) -> Self {
        Self {
            parent_origin: parent_origin.into(),
            accent_color: None,
            brand_name: None,
            theme: None,
        }
    }
}

/// `POST /api/v2/verify/services/{service_sid}/verifications` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CreateVerificationRequest {
    /// The E.164 number that must send the code.
    pub to: String,
    /// Ask for a Hosted Verify widget session.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hosted: Option<HostedOptions>,
}

impl CreateVerificationRequest {
    /// A verification of `to`.
    pub fn new(to: impl Into<String>) -> Self {
        Self {
            to: to.into(),
            hosted: None,
        }
    }

    /// Also create a hosted widget session.
    pub fn hosted(mut self, hosted: HostedOptions) -> Self {
        self.hosted = Some(hosted);
        self
    }
}

/// Where the user must text the code; present while the verification is pending.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeliveryTarget {
    /// The code the user must send.
    #[serde(default)]
    pub code: Option<String>,
    /// The Sendblue number to send it to.
    #[serde(default)]
    pub pool_number: Option<String>,
    /// An `sms:` link prefilled with number and code.
    #[serde(default)]
    pub sms_deep_link: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A hosted widget session. Its `url` carries a one-session token in the fragment: give it
/// only to the browser that embeds the widget, and do not log it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HostedSession {
    /// Script URL of the widget component.
    #[serde(default)]
    pub component_script: Option<String>,
    /// Session id.
    #[serde(default)]
    pub session_id: Option<String>,
    /// Widget URL (carries the session token).
    #[serde(default)]
    pub url: Option<String>,
    /// ISO-8601 time the session expires.
    #[serde(default)]
    pub expires_at: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A Verification, as created or retrieved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Verification {
    /// Verification SID.
    pub sid: String,
    /// Verify Service SID.
    #[serde(default)]
    pub service_sid: Option<String>,
    /// Account SID.
    #[serde(default)]
    pub account_sid: Option<String>,
    /// Channel (`imessage`).
    #[serde(default)]
    pub channel: Option<String>,
    /// `pending`, `approved`, `expired` or `canceled`.
    pub status: VerificationStatus,
    /// The number expected to send the code (null on some old terminal records).
    #[serde(default)]
    pub to: Option<String>,
    /// Resource URL.
    #[serde(default)]
    pub url: Option<String>,
    /// ISO-8601 creation time.
    #[serde(default)]
    pub date_created: Option<String>,
    /// ISO-8601 time of the last change.
    #[serde(default)]
    pub date_updated: Option<String>,
    /// ISO-8601 expiry time.
    #[serde(default)]
    pub expires_at: Option<String>,
    /// Where to text the code; only while pending.
    #[serde(default)]
    pub delivery_target: Option<DeliveryTarget>,
    /// The hosted session; only when requested at creation.
    #[serde(default)]
    pub hosted: Option<HostedSession>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A row of `GET /api/v2/verify/verifications` (recovery state, §12 gap repair).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VerificationState {
    /// Verification SID.
    pub sid: String,
    /// Verify Service SID.
    #[serde(default)]
    pub service_sid: Option<String>,
    /// Channel (`imessage`).
    #[serde(default)]
    pub channel: Option<String>,
    /// Current state.
    pub status: VerificationStatus,
    /// The number expected to send the code.
    #[serde(default)]
    pub to: Option<String>,
    /// ISO-8601 creation time.
    #[serde(default)]
    pub date_created: Option<String>,
    /// ISO-8601 time of the last change.
    #[serde(default)]
    pub date_updated: Option<String>,
    /// ISO-8601 time it reached a final state.
    #[serde(default)]
    pub date_completed: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Query of `GET /api/v2/verify/verifications`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListVerificationsParams {
    /// Page size.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Rows to skip.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Only rows updated at or after this ISO-8601 time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at_gte: Option<String>,
}

/// Pagination of the verifications list. Note `has_more` is snake_case here (messages use
/// `hasMore`; both are accepted).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VerifyPagination {
    /// Total rows matching.
    #[serde(default)]
    pub count: Option<u64>,
    /// Page size used.
    #[serde(default)]
    pub limit: Option<u64>,
    /// Rows skipped.
    #[serde(default)]
    pub offset: Option<u64>,
    /// Whether another page follows.
    #[serde(default, alias = "hasMore")]
    pub has_more: bool,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /api/v2/verify/verifications` answer: one page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VerificationPage {
    /// `OK` on success.
    #[serde(default)]
    pub status: Option<String>,
    /// The rows.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<VerificationState>))]
    pub data: Vec<VerificationState>,
    /// Where this page sits.
    #[serde(default)]
    pub pagination: VerifyPagination,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}
