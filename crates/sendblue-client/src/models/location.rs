//! Find My location (§18): current locations and the live watch stream. Dedicated Mac-backed
//! lines only; shared lines are rejected.

use serde::{Deserialize, Serialize};

use super::common::{null_as_default, Extra};
use crate::error::{excerpt, Error, Result};

crate::open_enum! {
    /// Whether a contact shares their location with the line, and whether a fix exists.
    pub enum LocationState {
        /// The contact does not share with this line.
        NotShared = "not_shared",
        /// Shared, but no position yet.
        SharedNoFixYet = "shared_no_fix_yet",
        /// Shared, with a position in `location`.
        SharedWithFix = "shared_with_fix",
    }
}

crate::open_enum! {
    /// How a fix was obtained (`locationType`).
    pub enum LocationType {
        /// A quick, coarse fix.
        Shallow = "shallow",
        /// A live-tracking fix.
        Live = "live",
        /// A fix from the legacy mechanism.
        Legacy = "legacy",
        /// The server's own `unknown` value (distinct from a value this client doesn't know).
        Unspecified = "unknown",
    }
}

crate::open_enum! {
    /// Why a watch stream ended normally (the `complete` event's `reason`).
    pub enum WatchEndReason {
        /// The contact stopped sharing.
        SharingEnded = "sharing_ended",
        /// The credentials stopped being valid for this watch.
        AuthorizationRevoked = "authorization_revoked",
        /// The Mac worker went away; reconnect.
        WorkerDisconnected = "worker_disconnected",
        /// The watch ended.
        WatchEnded = "watch_ended",
    }
}

/// A position fix. Every field is optional in the SDK, so every field is an `Option` here.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Location {
    /// Degrees north.
    #[serde(default)]
    pub latitude: Option<f64>,
    /// Degrees east.
    #[serde(default)]
    pub longitude: Option<f64>,
    /// Horizontal accuracy in metres.
    #[serde(default)]
    pub accuracy: Option<f64>,
    /// Altitude in metres.
    #[serde(default)]
    pub altitude: Option<f64>,
    /// A street address, when resolved.
    #[serde(default)]
    pub address: Option<String>,
    /// ISO-8601 time of the fix.
    #[serde(default)]
    pub timestamp: Option<String>,
    /// ISO-8601 time the fix stops being current.
    #[serde(default, rename = "expiresAt")]
    pub expires_at: Option<String>,
    /// How the fix was obtained.
    #[serde(default, rename = "locationType")]
    pub location_type: Option<LocationType>,
    /// Present when cached data is returned after a refresh error.
    #[serde(default, rename = "refreshError")]
    pub refresh_error: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One contact's entry in the `GET /api/location` list.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContactLocation {
    /// The contact's number.
    #[serde(default)]
    pub number: Option<String>,
    /// Sharing state.
    #[serde(default)]
    pub state: Option<LocationState>,
    /// The fix, when `shared_with_fix`.
    #[serde(default)]
    pub location: Option<Location>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /api/location` answer: every location shared with the line.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LocationList {
    /// `OK` on success.
    #[serde(default)]
    pub status: Option<String>,
    /// The line asked about.
    #[serde(default)]
    pub from_number: Option<String>,
    /// One entry per contact sharing with the line.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<ContactLocation>))]
    pub locations: Vec<ContactLocation>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /api/location/{number}` answer: one contact's location.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LocationResponse {
    /// `OK` on success.
    #[serde(default)]
    pub status: Option<String>,
    /// The line asked about.
    #[serde(default)]
    pub from_number: Option<String>,
    /// The contact.
    #[serde(default)]
    pub number: Option<String>,
    /// Sharing state.
    #[serde(default)]
    pub state: Option<LocationState>,
    /// The fix, when `shared_with_fix`.
    #[serde(default)]
    pub location: Option<Location>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The JSON `data` of one watch-stream event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WatchFrame {
    /// `OK`, or `ERROR` on the `error` event.
    #[serde(default)]
    pub status: Option<String>,
    /// The line receiving the shared location.
    #[serde(default)]
    pub from_number: Option<String>,
    /// The contact being watched.
    #[serde(default)]
    pub number: Option<String>,
    /// Sharing state (on `location` events).
    #[serde(default)]
    pub state: Option<LocationState>,
    /// The fix (on `location` events).
    #[serde(default)]
    pub location: Option<Location>,
    /// Why the watch ended (on `complete`).
    #[serde(default)]
    pub reason: Option<WatchEndReason>,
    /// What failed (on `error`).
    #[serde(default)]
    pub message: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// One event of `GET /api/location/{number}/watch`. Heartbeat comments are not events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "event", content = "data", rename_all = "snake_case")]
pub enum WatchEvent {
    /// `ready`: the native watch is active.
    Ready(WatchFrame),
    /// `location`: a state change or a new fix (may repeat across watch renewals).
    Location(WatchFrame),
    /// `complete`: the watch ended normally; see `reason`. The stream ends after it.
    Complete(WatchFrame),
    /// `error`: the watch failed after it started; see `message`. The stream ends after it.
    Error(WatchFrame),
    /// An event name this client does not know, kept verbatim.
    Other {
        /// The `event:` name (`message` when the frame had none).
        event: String,
        /// The raw `data:` text.
        data: String,
    },
}

impl WatchEvent {
    /// True for `complete` and `error`, after which the watch is over.
    pub fn is_terminal(&self) -> bool {
        matches!(self, WatchEvent::Complete(_) | WatchEvent::Error(_))
    }

    /// Builds an event from an SSE frame's `event:` name and `data:` text.
    pub(crate) fn from_sse(event: Option<&str>, data: &str) -> Result<Self> {
        let name = event.unwrap_or("message");
        let wrap: fn(WatchFrame) -> WatchEvent = match name {
            "ready" => WatchEvent::Ready,
            "location" => WatchEvent::Location,
            "complete" => WatchEvent::Complete,
            "error" => WatchEvent::Error,
            other => {
                return Ok(WatchEvent::Other {
                    event: other.to_owned(),
                    data: data.to_owned(),
                })
            }
        };
        if data.trim().is_empty() {
            return Ok(wrap(WatchFrame::default()));
        }
        serde_json::from_str(data)
            .map(wrap)
            .map_err(|e| Error::Decode {
                status: 200,
                detail: format!("watch event `{name}`: {e}"),
                body_excerpt: excerpt(data.as_bytes()),
            })
    }
}
