//! Wire models: request and response types, field by field as the reference documents them.

pub mod account;
pub mod auth;
pub mod common;
pub mod contacts;
pub mod events;
pub mod facetime;
pub mod groups;
pub mod lines;
pub mod location;
pub mod media;
pub mod message_list;
pub mod message_send;
pub mod messages;
pub mod provisioning;
pub mod reactions;
pub mod seats;
pub mod sharing;
pub mod totp;
pub mod verified_contacts;
pub mod verify;
pub mod webhook_payloads;
pub mod webhooks;
