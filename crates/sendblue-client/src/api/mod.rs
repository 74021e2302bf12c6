//! One method per endpoint, grouped by area. Each area is reached from [`crate::Client`]
//! through an accessor (`client.contacts()`, `client.messages()`, …).

pub mod account;
pub mod auth;
pub mod contacts;
pub mod events;
pub mod facetime;
pub mod groups;
pub mod lines;
pub mod location;
pub mod media;
pub mod messages;
pub mod provisioning;
pub mod reactions;
pub mod seats;
pub mod sharing;
pub mod totp;
pub mod verified_contacts;
pub mod verify;
pub mod webhooks;
pub(crate) mod cursor_walk;
pub(crate) mod list_shape;
pub mod message_list;
