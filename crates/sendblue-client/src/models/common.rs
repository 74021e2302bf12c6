//! Enums and helpers shared by several areas (§2 of the reference).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

/// Fields the reference does not name, kept verbatim so nothing the API sends is lost.
pub type Extra = BTreeMap<String, serde_json::Value>;

crate::open_enum! {
    /// The channel a message went over (§2.1). Inbound payloads may say `sms`.
    pub enum Service {
        /// Apple iMessage (blue bubble).
        IMessage = "iMessage",
        /// Carrier SMS/MMS (green bubble).
        Sms = "SMS" | "sms",
        /// Rich Communication Services (Android, V2 lines).
        Rcs = "RCS" | "rcs",
    }
}

crate::open_enum! {
    /// A message's state (§2.2).
    pub enum MessageStatus {
        /// Record created, not yet processed.
        Registered = "REGISTERED",
        /// Being processed.
        Pending = "PENDING",
        /// Accepted and waiting in the send queue.
        Queued = "QUEUED",
        /// Handed to the delivery layer.
        Accepted = "ACCEPTED",
        /// Sent to Apple or the carrier.
        Sent = "SENT",
        /// Delivered to the device.
        Delivered = "DELIVERED",
        /// Refused before sending (opt-out, policy, limits).
        Declined = "DECLINED",
        /// Failed; see the error fields.
        Error = "ERROR",
        /// An inbound message.
        Received = "RECEIVED",
        /// In the SDK's filter enum; meaning undocumented.
        Success = "SUCCESS",
        /// Legacy: read by the recipient.
        Read = "READ",
    }
}

impl MessageStatus {
    /// How far along the outbound lifecycle a status is, so a follower can refuse to move a
    /// message backwards. Final states rank highest.
    pub fn rank(&self) -> u8 {
        match self {
            MessageStatus::Registered => 1,
            MessageStatus::Pending => 2,
            MessageStatus::Queued => 3,
            MessageStatus::Accepted => 4,
            MessageStatus::Sent => 5,
            MessageStatus::Delivered
            | MessageStatus::Read
            | MessageStatus::Success
            | MessageStatus::Declined
            | MessageStatus::Error
            | MessageStatus::Received => 9,
            MessageStatus::Unknown(_) => 0,
        }
    }

    /// True for states that never change again.
    pub fn is_final(&self) -> bool {
        self.rank() == 9
    }
}

crate::open_enum! {
    /// Expressive send styles, iMessage only (§2.3).
    pub enum SendStyle {
        /// Full-screen celebration.
        Celebration = "celebration",
        /// Full-screen shooting star.
        ShootingStar = "shooting_star",
        /// Full-screen fireworks.
        Fireworks = "fireworks",
        /// Full-screen lasers.
        Lasers = "lasers",
        /// Full-screen hearts.
        Love = "love",
        /// Full-screen confetti.
        Confetti = "confetti",
        /// Full-screen balloons.
        Balloons = "balloons",
        /// Full-screen spotlight.
        Spotlight = "spotlight",
        /// Full-screen echo.
        Echo = "echo",
        /// Bubble effect: invisible ink.
        Invisible = "invisible",
        /// Bubble effect: gentle.
        Gentle = "gentle",
        /// Bubble effect: loud.
        Loud = "loud",
        /// Bubble effect: slam.
        Slam = "slam",
    }
}

crate::open_enum! {
    /// Tapback reactions (§2.4). Emoji and `-`-prefixed removals travel as `Unknown`.
    pub enum Reaction {
        /// Heart.
        Love = "love",
        /// Thumbs up.
        Like = "like",
        /// Thumbs down.
        Dislike = "dislike",
        /// "Ha ha".
        Laugh = "laugh",
        /// Double exclamation.
        Emphasize = "emphasize",
        /// Question mark.
        Question = "question",
    }
}

crate::open_enum! {
    /// What kind of message a record is (§2.5).
    pub enum MessageType {
        /// One-to-one.
        Message = "message",
        /// Group chat.
        Group = "group",
        /// Inbound Find My location share.
        Location = "location",
        /// A carousel send.
        Carousel = "carousel",
    }
}

crate::open_enum! {
    /// Sort direction for list endpoints.
    pub enum OrderDirection {
        /// Oldest or smallest first.
        Asc = "asc",
        /// Newest or largest first.
        Desc = "desc",
    }
}

/// The minimal success body many endpoints return: `{"status":"OK","message":"…"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StatusResponse {
    /// `OK` on success.
    #[serde(default)]
    pub status: Option<String>,
    /// A human-readable note.
    #[serde(default)]
    pub message: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Deserializes `null` as the type's default (the API sends `null` for empty strings and lists).
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// An answer either wrapped as `{status, message?, data: T}` or sent bare.
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum DataOrBare<T> {
    Wrapped {
        #[serde(default)]
        status: Option<String>,
        data: T,
    },
    Bare(T),
}

impl<T> DataOrBare<T> {
    /// The payload, wherever it was.
    pub(crate) fn into_data(self) -> T {
        self.into_parts().1
    }

    /// The envelope's `status` (when wrapped) and the payload.
    pub(crate) fn into_parts(self) -> (Option<String>, T) {
        match self {
            DataOrBare::Wrapped { status, data } => (status, data),
            DataOrBare::Bare(data) => (None, data),
        }
    }
}

/// Reads a `u64` sent as a JSON number or a numeric string.
pub(crate) fn u64_lenient<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumOrText {
        Num(u64),
        Text(String),
    }
    match NumOrText::deserialize(d)? {
        NumOrText::Num(n) => Ok(n),
        NumOrText::Text(s) => s
            .trim()
            .parse()
            .map_err(|_| serde::de::Error::custom(format!("expected a numeric id, got {s:?}"))),
    }
}

/// Like [`u64_lenient`], for optional fields (`null` or absent → `None`).
pub(crate) fn opt_u64_lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    struct Wrap(#[serde(deserialize_with = "u64_lenient")] u64);
    Ok(Option::<Wrap>::deserialize(d)?.map(|w| w.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_enums_round_trip_and_keep_unknowns() {
        let s: Service = serde_json::from_str("\"sms\"").unwrap();
        assert_eq!(s, Service::Sms);
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"SMS\"");
        let s: MessageStatus = serde_json::from_str("\"TELEPORTED\"").unwrap();
        assert_eq!(s, MessageStatus::Unknown("TELEPORTED".into()));
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"TELEPORTED\"");
        assert_eq!(SendStyle::KNOWN.len(), 13);
    }

    #[test]
    fn status_rank_orders_lifecycle() {
        assert!(MessageStatus::Queued.rank() < MessageStatus::Sent.rank());
        assert!(MessageStatus::Sent.rank() < MessageStatus::Delivered.rank());
        assert!(MessageStatus::Delivered.is_final());
        assert!(!MessageStatus::Queued.is_final());
    }
}
