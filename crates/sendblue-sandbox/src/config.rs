//! How a sandbox is started (the binary's flags) and the fault settings that can change while
//! it runs (`PUT /__sandbox/faults`).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The key id a new sandbox accepts unless told otherwise.
pub const DEFAULT_KEY_ID: &str = "sandbox-key-id";
/// The secret a new sandbox accepts unless told otherwise.
pub const DEFAULT_SECRET: &str = "sandbox-secret";

/// Everything needed to start a sandbox.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Where to listen; port 0 picks a free one.
    pub addr: SocketAddr,
    /// The SQLite file (created if missing); uploaded media go in a folder beside it.
    pub db_path: PathBuf,
    /// The accepted `sb-api-key-id`.
    pub key_id: String,
    /// The accepted `sb-api-secret-key`.
    pub secret: String,
    /// Add the demo account (contacts, conversations, webhooks, a sharing profile) to a new
    /// database.
    pub seed_demo: bool,
    /// Time per message status step, per simulated reply and per ticket step.
    pub tick: Duration,
    /// Simulated people answer outbound messages.
    pub auto_reply: bool,
    /// Heartbeat interval of the event stream.
    pub heartbeat: Duration,
    /// The event stream is closed after this long (the client reconnects).
    pub stream_rotate: Duration,
    /// First wait before a failed webhook delivery is retried (then ×4 each time, 3 retries).
    pub webhook_retry_base: Duration,
    /// Timeout of one webhook delivery.
    pub webhook_timeout: Duration,
    /// Faults in force at start.
    pub faults: Faults,
}

impl SandboxConfig {
    /// Defaults for a database at `db_path`: 127.0.0.1:7878, the default keys, 500 ms ticks,
    /// auto-reply on, heartbeat 15 s, rotation 900 s, no faults.
    pub fn new(db_path: impl Into<PathBuf>) -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 7878)),
            db_path: db_path.into(),
            key_id: DEFAULT_KEY_ID.to_owned(),
            secret: DEFAULT_SECRET.to_owned(),
            seed_demo: false,
            tick: Duration::from_millis(500),
            auto_reply: true,
            heartbeat: Duration::from_secs(15),
            stream_rotate: Duration::from_secs(900),
            webhook_retry_base: Duration::from_secs(1),
            webhook_timeout: Duration::from_secs(30),
            faults: Faults::default(),
        }
    }

    /// The same, on a free loopback port (for tests and the embedded app).
    pub fn ephemeral(db_path: impl Into<PathBuf>) -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            ..Self::new(db_path)
        }
    }

    /// The folder uploaded media are stored in: `<db file name>.media` beside the database.
    pub fn media_dir(&self) -> PathBuf {
        let mut name = self
            .db_path
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_else(|| "sandbox".into());
        name.push(".media");
        self.db_path.with_file_name(name)
    }
}

/// Faults the sandbox injects, readable and changeable at run time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Faults {
    /// Added to every answer, in milliseconds.
    pub latency_ms: u64,
    /// Share (0–1) of API requests answered 429 (with `Retry-After`) or 503, before anything
    /// is done.
    pub error_rate: f64,
    /// Share (0–1) of API requests whose connection is dropped without an answer — half before
    /// the request is handled, half after (its effect stays, the answer is lost).
    pub drop_rate: f64,
    /// Requests per second per key; 0 turns the limit off.
    pub rate_limit: u32,
}

impl Faults {
    /// Checks the ranges; the message says which value is wrong.
    pub fn validate(&self) -> Result<(), String> {
        for (name, v) in [
            ("error_rate", self.error_rate),
            ("drop_rate", self.drop_rate),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(format!("{name} must be between 0 and 1"));
            }
        }
        if self.latency_ms > 60_000 {
            return Err("latency_ms must be at most 60000".into());
        }
        Ok(())
    }
}
