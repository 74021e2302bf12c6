//! Verified contacts on shared lines (§19.1): the `/v3/verified-contacts` endpoints and the
//! CLI's older `/accounts/*` equivalents.

use serde::{Deserialize, Serialize};

use super::common::{null_as_default, Extra};
use super::common::{opt_u64_lenient, u64_lenient};

crate::open_enum! {
    /// Whether a contact has texted the shared line yet.
    pub enum ContactVerificationStatus {
        /// Waiting for the contact's first inbound message.
        Pending = "pending",
        /// The contact has texted the line; sends to it are allowed.
        Verified = "verified",
    }
}

/// `POST /v3/verified-contacts` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AddVerifiedContactRequest {
    /// The contact, E.164 recommended (US local accepted).
    pub phone_number: String,
}

impl AddVerifiedContactRequest {
    /// A request to attach `phone_number` to the shared line.
    pub fn new(phone_number: impl Into<String>) -> Self {
        Self {
            phone_number: phone_number.into(),
        }
    }
}

/// A contact attached to the account's shared line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VerifiedContact {
    /// Internal route id.
    #[serde(default, deserialize_with = "opt_u64_lenient")]
    #[cfg_attr(feature = "specta", specta(type = Option<u64>))]
    pub id: Option<u64>,
    /// The contact, E.164.
    pub phone_number: String,
    /// `pending` until the contact texts the line, then `verified`.
    pub verification_status: ContactVerificationStatus,
    /// Same as `verification_status == verified`.
    #[serde(default)]
    pub verified: bool,
    /// ISO-8601 creation time.
    #[serde(default)]
    pub created_at: Option<String>,
    /// ISO-8601 time of the last change.
    #[serde(default)]
    pub updated_at: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The shared line the contacts are attached to.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SharedLine {
    /// The line's number (null when none is assigned yet).
    #[serde(default)]
    pub phone_number: Option<String>,
    /// Line kind (`shared`).
    #[serde(default, rename = "type")]
    pub line_type: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /v3/verified-contacts` answer's `data`: the (new or existing) contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AddedVerifiedContact {
    /// The contact record.
    pub contact: VerifiedContact,
    /// The shared line, or null.
    #[serde(default)]
    pub line: Option<SharedLine>,
    /// What the contact must do (`Text any message to +1…`); null once verified.
    #[serde(default)]
    pub verification_instructions: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /v3/verified-contacts` answer's `data`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VerifiedContactList {
    /// Every contact on the shared line.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<VerifiedContact>))]
    pub contacts: Vec<VerifiedContact>,
    /// The shared line, or null.
    #[serde(default)]
    pub line: Option<SharedLine>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /v3/verified-contacts/{phone_number}` answer's `data`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VerifiedContactLookup {
    /// The contact, or null when it is not attached.
    #[serde(default)]
    pub contact: Option<VerifiedContact>,
    /// The shared line, or null.
    #[serde(default)]
    pub line: Option<SharedLine>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The `/v3` envelope: `{"data": …}`.
#[derive(Debug, Deserialize)]
pub(crate) struct V3Data<T> {
    pub(crate) data: T,
}

/// `POST /accounts/verify-contact-on-shared-account` body (CLI legacy).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LegacyVerifyContactRequest {
    /// The contact's number.
    pub recipient: String,
}

/// A contact route on the shared line, as the CLI's legacy endpoints return it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SharedContactRoute {
    /// Route id (a numeric string is accepted too).
    #[serde(deserialize_with = "u64_lenient")]
    #[cfg_attr(feature = "specta", specta(type = u64))]
    pub id: u64,
    /// The contact's number.
    pub number: String,
    /// Whether the contact has texted the line.
    #[serde(default)]
    pub verified: bool,
    /// ISO-8601 creation time.
    #[serde(default, rename = "createdAt", alias = "created_at")]
    pub created_at: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /accounts/verify-contact-on-shared-account` answer: `{status, route}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LegacyVerifyContactResponse {
    /// `OK` on success.
    #[serde(default)]
    pub status: Option<String>,
    /// The contact's route.
    pub route: SharedContactRoute,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /accounts/shared-contacts` answer (CLI legacy).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SharedContacts {
    /// `OK` on success.
    #[serde(default)]
    pub status: Option<String>,
    /// The shared line's number, or null.
    #[serde(default, rename = "sharedNumber", alias = "shared_number")]
    pub shared_number: Option<String>,
    /// The contacts on it.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<SharedContactRoute>))]
    pub contacts: Vec<SharedContactRoute>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}
