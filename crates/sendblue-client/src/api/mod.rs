//! One method per endpoint, grouped by area. Each area is reached from [`crate::Client`]
//! through an accessor (`client.contacts()`, `client.messages()`, …).

pub mod account;
pub mod auth;
pub mod contacts;
pub(crate) mod cursor_walk;
pub mod events;
pub mod facetime;
pub mod gap_repair;
pub mod groups;
pub mod lines;
pub(crate) mod list_shape;
pub mod location;
pub mod media;
pub mod message_list;
pub mod messages;
pub mod provisioning;
pub mod reactions;
pub mod seats;
pub mod sharing;
pub mod totp;
pub mod verified_contacts;
pub mod verify;
pub mod webhooks;
