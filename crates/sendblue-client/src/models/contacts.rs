//! Contacts (§9).

use serde::{Deserialize, Serialize};

use super::common::Extra;

/// `GET /api/v2/contacts/count` answer: `{"count": 42}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContactCount {
    /// How many contacts the account has.
    pub count: u64,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}
