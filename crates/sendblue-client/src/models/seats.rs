//! Seats (§13.4): the users (reps) sends can be attributed to with `seat_id`.

use serde::{Deserialize, Serialize};

use super::common::{null_as_default, Extra};

/// A seat (§13.4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Seat {
    /// Seat id (UUID).
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub seat_id: String,
    /// The user's email.
    #[serde(default)]
    pub email: Option<String>,
    /// First name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Account name.
    #[serde(default)]
    pub account: Option<String>,
    /// The seat's own call-forwarding number (wins over the line's).
    #[serde(default)]
    pub forwarding_number: Option<String>,
    /// Creation time, ISO 8601.
    #[serde(default)]
    pub created_at: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Query of `GET /api/v2/seats` (§13.4). All optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListSeats {
    /// Exact email filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Page size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Rows to skip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

/// `GET /api/v2/seats/count` answer: `{"count": 7}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SeatCount {
    /// How many seats match.
    pub count: u64,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /api/v2/seats/{seat_id}` answer: `{"status":"OK","seat":{…}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SeatEnvelope {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// The seat.
    pub seat: Seat,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}
