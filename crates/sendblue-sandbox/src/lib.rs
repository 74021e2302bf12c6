//! A local emulator of the Sendblue API: the same paths, shapes, status codes and validation as
//! the reference, with simulated delivery, replies, webhooks and the event stream, stored in
//! SQLite. The console embeds it as its default account, and every test talks to it.
//!
//! ```no_run
//! # async fn demo() -> Result<(), sendblue_sandbox::StartError> {
//! let sandbox = sendblue_sandbox::start(sendblue_sandbox::SandboxConfig::ephemeral("/tmp/s.db")).await?;
//! println!("{}", sandbox.base_url());
//! sandbox.shutdown().await;
//! # Ok(()) }
//! ```

pub mod admin;
pub mod api_error;
pub mod config;
mod deliver;
pub mod domain;
pub mod extract;
pub mod gateway;
pub mod notify;
pub mod request_log;
pub mod routes;
pub mod schema;
pub mod seed;
mod seed_demo;
pub mod server;
pub mod state;
pub mod store;
mod ticker;
pub mod util;

pub use config::{Faults, SandboxConfig, DEFAULT_KEY_ID, DEFAULT_SECRET};
pub use server::{start, RunningSandbox, StartError};
