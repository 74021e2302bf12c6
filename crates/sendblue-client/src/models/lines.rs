//! Lines (§13.1–13.3): the account's numbers, line membership and health, and per-line call
//! forwarding.

use serde::{Deserialize, Serialize};

use super::common::{null_as_default, Extra};

crate::open_enum! {
    /// How a line belongs to the account (§13.2).
    pub enum LineAssignment {
        /// Dedicated to this account.
        Assigned = "assigned",
        /// Shared with other accounts.
        Shared = "shared",
        /// Being released; usable until `effective_until`.
        GracePeriod = "grace_period",
    }
}

crate::open_enum! {
    /// A line's health (§13.2).
    pub enum LineStatus {
        /// Working.
        Online = "ONLINE",
        /// Not working.
        Offline = "OFFLINE",
        /// Working with problems since `degraded_since`.
        Degraded = "DEGRADED",
        /// The server does not know (the wire value `UNKNOWN`).
        NotReported = "UNKNOWN",
    }
}

/// One line's membership and health (§13.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LineState {
    /// The device/worker serving the line.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub worker_id: String,
    /// The line's number.
    #[serde(default)]
    pub sendblue_number: Option<String>,
    /// How the line belongs to the account.
    #[serde(default)]
    pub assignment: Option<LineAssignment>,
    /// Health.
    #[serde(default)]
    pub status: Option<LineStatus>,
    /// When `status` last changed, ISO 8601.
    #[serde(default)]
    pub status_changed_at: Option<String>,
    /// Degraded since, ISO 8601.
    #[serde(default)]
    pub degraded_since: Option<String>,
    /// End of a grace period, ISO 8601.
    #[serde(default)]
    pub effective_until: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /api/v2/lines/state` answer: `{status, snapshot_at, data:[LineState]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LineStateSnapshot {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// When the snapshot was taken, ISO 8601.
    #[serde(default)]
    pub snapshot_at: Option<String>,
    /// One entry per line.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<LineState>))]
    pub data: Vec<LineState>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A line's call forwarding (§13.3): the answer of GET, PUT and DELETE.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CallForwarding {
    /// The line.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub sendblue_number: String,
    /// Where inbound calls go, E.164; `None` when unset.
    #[serde(default)]
    pub forwarding_number: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `PUT /api/lines/{sendblue_number}/call-forwarding`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SetCallForwarding {
    /// E.164, or a US local number (normalized to E.164 by the server).
    pub forwarding_number: String,
}

impl SetCallForwarding {
    /// Forward to `forwarding_number`.
    pub fn new(forwarding_number: impl Into<String>) -> Self {
        Self {
            forwarding_number: forwarding_number.into(),
        }
    }
}
