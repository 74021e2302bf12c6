//! Line provisioning and subaccounts (§14). The docs page exists in three revisions (the
//! preview/confirm purchase, the older ticket flow, and subaccounts); answers are decoded from
//! either a `{status, data: {…}}` envelope or a bare object, and the tickets' camelCase
//! fields also accept snake_case.

use serde::{Deserialize, Serialize};

use super::common::{u64_lenient, Extra};
use crate::error::{Error, Result};
use crate::secret::Secret;

crate::open_enum! {
    /// What kind of line a ticket asks for (§14.2). Requests send `phone`; tickets answer
    /// `PHONE`.
    pub enum LineRequestType {
        /// A phone line (the only documented kind).
        Phone = "phone" | "PHONE",
    }
}

crate::open_enum! {
    /// A line-request ticket's state (§14.2). Fulfilment is manual by Sendblue staff.
    pub enum TicketStatus {
        /// Waiting for Sendblue.
        Open = "OPEN",
        /// A number was assigned (`fulfilledNumber`).
        Fulfilled = "FULFILLED",
        /// Withdrawn.
        Cancelled = "CANCELLED" | "CANCELED",
    }
}

/// `POST /accounts/lines/provision-preview` answer (§14.1): a single-use token, valid ten
/// minutes, that [`confirm`](crate::api::provisioning::Provisioning::confirm) consumes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProvisionPreview {
    /// `OK` on success.
    #[serde(default)]
    pub status: Option<String>,
    /// The token to confirm the purchase with.
    pub preview_token: String,
    /// ISO-8601 time the token stops working.
    #[serde(default)]
    pub expires_at: Option<String>,
    /// A human-readable note (what confirming will do).
    #[serde(default)]
    pub message: Option<String>,
    /// Anything else the server sent (price details, when present).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /accounts/lines/provision-confirm` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProvisionConfirmRequest {
    /// The token from the preview.
    pub preview_token: String,
}

impl ProvisionConfirmRequest {
    /// A confirmation of `preview_token`.
    pub fn new(preview_token: impl Into<String>) -> Self {
        Self {
            preview_token: preview_token.into(),
        }
    }
}

/// `POST /accounts/lines/provision-confirm` answer. The reference did not capture its schema,
/// so every field is optional and anything else is kept in `extra`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProvisionConfirmation {
    /// `OK` on success.
    #[serde(default)]
    pub status: Option<String>,
    /// A human-readable note.
    #[serde(default)]
    pub message: Option<String>,
    /// The number bought.
    #[serde(default, alias = "phoneNumber")]
    pub phone_number: Option<String>,
    /// The line as attached to the account.
    #[serde(default)]
    pub line: Option<ProvisionedLine>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The line in a [`ProvisionConfirmation`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProvisionedLine {
    /// The line's number.
    #[serde(default, alias = "sendblueNumber")]
    pub sendblue_number: Option<String>,
    /// The line kind (`inbound_only` for API purchases).
    #[serde(default, rename = "type")]
    pub line_type: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /accounts/lines/add-line` body (deprecated ticket flow, §14.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AddLineRequest {
    /// The kind of line; `phone` is the only documented value.
    pub line_request_type: LineRequestType,
    /// A 3-digit area code or 5-digit ZIP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desired_area_code: Option<String>,
}

impl AddLineRequest {
    /// A request for a line of `line_request_type`.
    pub fn new(line_request_type: LineRequestType) -> Self {
        Self {
            line_request_type,
            desired_area_code: None,
        }
    }

    /// A request for a phone line.
    pub fn phone() -> Self {
        Self::new(LineRequestType::Phone)
    }

    /// Asks for an area code (3 digits) or ZIP (5 digits).
    pub fn desired_area_code(mut self, code: impl Into<String>) -> Self {
        self.desired_area_code = Some(code.into());
        self
    }

    /// The local check: `desired_area_code` is 3 or 5 digits.
    pub fn validate(&self) -> Result<()> {
        match &self.desired_area_code {
            Some(code) => check_digits("desired_area_code", code, &[3, 5]),
            None => Ok(()),
        }
    }
}

/// A line-request ticket (§14.2), from add-line or the ticket lookup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LineRequestTicket {
    /// Numeric ticket id (a numeric string is accepted too).
    #[serde(deserialize_with = "u64_lenient")]
    #[cfg_attr(feature = "specta", specta(type = u64))]
    pub id: u64,
    /// The kind of line asked for (`PHONE`).
    #[serde(default, rename = "type", alias = "line_request_type")]
    pub request_type: Option<LineRequestType>,
    /// `OPEN`, `FULFILLED` or `CANCELLED`.
    pub status: TicketStatus,
    /// The area code or ZIP asked for.
    #[serde(default, rename = "desiredAreaCode", alias = "desired_area_code")]
    pub desired_area_code: Option<String>,
    /// ISO-8601 creation time.
    #[serde(default, rename = "createdAt", alias = "created_at")]
    pub created_at: Option<String>,
    /// The number assigned, once fulfilled.
    #[serde(default, rename = "fulfilledNumber", alias = "fulfilled_number")]
    pub fulfilled_number: Option<String>,
    /// When it was fulfilled.
    #[serde(default, rename = "fulfilledAt", alias = "fulfilled_at")]
    pub fulfilled_at: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `POST /accounts/lines/request-child-account` body (§14.3, agency accounts only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChildAccountRequest {
    /// The subaccount's company name.
    pub company_name: String,
    /// The subaccount's primary email.
    pub primary_email: String,
    /// Whether to give it a line (`false` creates the account without one). Required by the
    /// newest revision, so it is always sent.
    pub provision_line: bool,
    /// A 3-digit area code, used only when a line is provisioned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desired_area_code: Option<String>,
    /// Undocumented `user` field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Undocumented `email` field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl ChildAccountRequest {
    /// A subaccount request with the required fields.
    pub fn new(
        company_name: impl Into<String>,
        primary_email: impl Into<String>,
        provision_line: bool,
    ) -> Self {
        Self {
            company_name: company_name.into(),
            primary_email: primary_email.into(),
            provision_line,
            desired_area_code: None,
            user: None,
            email: None,
        }
    }

    /// Asks for a 3-digit area code for the provisioned line.
    pub fn desired_area_code(mut self, code: impl Into<String>) -> Self {
        self.desired_area_code = Some(code.into());
        self
    }

    /// The local check: `desired_area_code` is 3 digits, the required strings are not blank.
    pub fn validate(&self) -> Result<()> {
        if self.company_name.trim().is_empty() {
            return Err(Error::validation("company_name", "is required"));
        }
        if self.primary_email.trim().is_empty() {
            return Err(Error::validation("primary_email", "is required"));
        }
        match &self.desired_area_code {
            Some(code) => check_digits("desired_area_code", code, &[3]),
            None => Ok(()),
        }
    }
}

/// `POST /accounts/lines/request-child-account` answer. Its schema is undocumented: fields
/// are read from a `data` envelope or the top level, with camelCase aliases. The new
/// account's `api_secret_key` is held in a [`Secret`]; for that reason this type is
/// `Deserialize` + `Debug` only (no `Serialize`, `Clone` or `specta::Type`), like
/// [`crate::models::auth::TokenResponse`].
#[derive(Debug, Default, Deserialize)]
pub struct ChildAccount {
    /// `OK` on success.
    #[serde(default)]
    pub status: Option<String>,
    /// A human-readable note.
    #[serde(default)]
    pub message: Option<String>,
    /// The subaccount's company name.
    #[serde(default, alias = "companyName")]
    pub company_name: Option<String>,
    /// The subaccount's primary email.
    #[serde(default, alias = "primaryEmail")]
    pub primary_email: Option<String>,
    /// The subaccount's API key id.
    #[serde(default, alias = "apiKeyId", alias = "apiKey")]
    pub api_key_id: Option<String>,
    /// The subaccount's API secret key.
    #[serde(default, alias = "apiSecretKey", alias = "apiSecret")]
    pub api_secret_key: Option<Secret>,
    /// The subaccount's line, when one was provisioned.
    #[serde(default, alias = "sendblueNumber", alias = "assignedNumber")]
    pub sendblue_number: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

fn check_digits(field: &str, value: &str, lengths: &[usize]) -> Result<()> {
    let ok = lengths.contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        let what = if lengths.len() > 1 {
            "must be a 3-digit area code or a 5-digit ZIP"
        } else {
            "must be a 3-digit area code"
        };
        Err(Error::validation(field, what))
    }
}
