//! A typed async client for the Sendblue messaging API (iMessage, SMS, RCS).
//!
//! * One documented method per endpoint of the reference (71), grouped by area and reached
//!   through accessors on [`Client`]: `client.messages().send(..)`, `client.contacts().list(..)`.
//! * Tolerant decoding: unknown fields are kept in `extra`, enums stay open
//!   (`Unknown(String)`), contact fields accept snake_case and camelCase.
//! * One error type whose [`Error::code`] follows the console's code table.
//! * Retries that never repeat a send: see [`retry::Repeat`].
//! * Streams: every page of messages, the full contact walk past the 10,000 offset cap, and the
//!   live account event stream.

pub mod api;
pub mod config;
pub mod error;
pub mod models;
mod open_enum;
pub mod pacing;
pub mod path;
pub mod retry;
pub mod secret;
pub(crate) mod sse;
mod transport;

pub use config::{ClientConfig, DEFAULT_BASE_URL};
pub use error::{Error, ErrorCode, NetworkFailure, Result};
pub use models::common::*;
pub use pacing::PacingPolicy;
pub use retry::RetryPolicy;
pub use secret::Secret;
pub use transport::Client;
