//! The account probe (§13.6).

use serde::{Deserialize, Serialize};

use super::common::Extra;

/// `GET /account` answer, as the official CLI reads it: `{status, email, plan}`. The endpoint
/// is otherwise undocumented, so every field is optional and the rest is kept in `extra`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountInfo {
    /// `OK` on success.
    #[serde(default)]
    pub status: Option<String>,
    /// The account's login email.
    #[serde(default)]
    pub email: Option<String>,
    /// The account's plan (e.g. `dedicated`).
    #[serde(default)]
    pub plan: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}
