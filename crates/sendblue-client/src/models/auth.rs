//! Temporary bearer tokens (§13.5).

use serde::{Deserialize, Serialize};

use super::common::{null_as_default, Extra};
use crate::error::{Error, Result};
use crate::secret::Secret;

/// `POST /v3/auth/tokens` body. Every field is optional: with no phone selector the token is
/// account-scoped; with `phone_number` or `phone_numbers` (never both) it is line-scoped.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CreateTokenRequest {
    /// Token lifetime in seconds (the server's default is 900).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in_seconds: Option<u64>,
    /// One Sendblue number to scope the token to. Excludes `phone_numbers`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// Several Sendblue numbers to scope the token to. Excludes `phone_number`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_numbers: Option<Vec<String>>,
}

impl CreateTokenRequest {
    /// An account-scoped token with the server's default lifetime.
    pub fn new() -> Self {
        Self::default()
    }

    /// A token scoped to one Sendblue number.
    pub fn for_line(phone_number: impl Into<String>) -> Self {
        Self {
            phone_number: Some(phone_number.into()),
            ..Self::default()
        }
    }

    /// A token scoped to several Sendblue numbers.
    pub fn for_lines<I, S>(phone_numbers: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            phone_numbers: Some(phone_numbers.into_iter().map(Into::into).collect()),
            ..Self::default()
        }
    }

    /// Sets the lifetime in seconds.
    pub fn expires_in_seconds(mut self, seconds: u64) -> Self {
        self.expires_in_seconds = Some(seconds);
        self
    }

    /// The local check run before sending: `phone_number` and `phone_numbers` exclude each
    /// other (the server answers 400 otherwise).
    pub fn validate(&self) -> Result<()> {
        if self.phone_number.is_some() && self.phone_numbers.is_some() {
            return Err(Error::validation(
                "phone_numbers",
                "give either phone_number or phone_numbers, not both",
            ));
        }
        Ok(())
    }
}

/// `POST /v3/auth/tokens` answer. The plaintext `token` is shown only once and is held in a
/// [`Secret`], so it is redacted in `Debug` and cannot be serialized. For the same reason this
/// type is `Deserialize` + `Debug` only: no `Serialize`, no `Clone`, and no `specta::Type`
/// (it must never be exported to, or sent through, the app's TypeScript layer as a whole;
/// hand the page [`TokenResponse::token_id`] and the other plain fields instead).
#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    /// The bearer token (`Authorization: Bearer <token>`). Store it securely.
    pub token: Secret,
    /// Identifier used to revoke the token.
    pub token_id: String,
    /// Always `Bearer` today.
    #[serde(default)]
    pub token_type: Option<String>,
    /// ISO-8601 time the token expires.
    #[serde(default)]
    pub expires_at: Option<String>,
    /// The numbers the token is scoped to; empty means account-scoped.
    #[serde(default, deserialize_with = "null_as_default")]
    pub phone_numbers: Vec<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl TokenResponse {
    /// True when the token is restricted to listed Sendblue numbers.
    pub fn is_line_scoped(&self) -> bool {
        !self.phone_numbers.is_empty()
    }
}
