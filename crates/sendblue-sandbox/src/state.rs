//! What every handler can reach.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use crate::config::{Faults, SandboxConfig};
use crate::notify::{Notice, Notifier};
use crate::request_log::RequestLog;
use crate::store::Store;

/// Shared state of one running sandbox. Cheap to clone.
#[derive(Debug, Clone)]
pub struct AppState {
    /// How it was started.
    pub config: Arc<SandboxConfig>,
    /// The database.
    pub store: Store,
    /// Faults in force; changed by `PUT /__sandbox/faults`.
    pub faults: Arc<RwLock<Faults>>,
    /// Events and webhook deliveries.
    pub notifier: Notifier,
    /// API requests received.
    pub log: RequestLog,
    /// `http://HOST:PORT` this sandbox is reachable at (media URLs are served under it).
    pub origin: String,
    /// Rate-limit buckets per key id: tokens left and when they were counted.
    pub(crate) buckets: Arc<Mutex<HashMap<String, (f64, Instant)>>>,
}

impl AppState {
    /// Announces something that happened (events and webhooks).
    pub fn emit(&self, notice: Notice) {
        self.notifier.emit(notice);
    }

    /// The faults in force now.
    pub fn faults(&self) -> Faults {
        self.faults
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}
