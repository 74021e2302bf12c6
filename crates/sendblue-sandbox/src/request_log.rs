//! The log of API requests received, so tests can prove what was and was not sent
//! (`GET /__sandbox/requests`). Kept in memory, newest last, bounded.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use serde::Serialize;

/// At most this many entries are kept; the oldest go first.
pub const CAPACITY: usize = 100_000;

/// One request and how it was answered.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LoggedRequest {
    /// Position in the log, from 1, never reused.
    pub seq: u64,
    /// HTTP method.
    pub method: String,
    /// The path as received (still percent-encoded).
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
    /// The body: JSON when it parsed, else a short text summary (multipart bodies are not
    /// copied).
    pub body: serde_json::Value,
    /// The answer's status; 0 when the connection was dropped without an answer.
    pub status: u16,
    /// `"dropped-before"` / `"dropped-after"` when a drop fault hit, `"injected"` when the
    /// status came from the error fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<&'static str>,
    /// When it arrived (ISO-8601).
    pub at: String,
}

#[derive(Debug, Default)]
struct Inner {
    next: u64,
    entries: VecDeque<LoggedRequest>,
}

/// The shared log.
#[derive(Debug, Clone, Default)]
pub struct RequestLog {
    inner: Arc<Mutex<Inner>>,
}

impl RequestLog {
    /// Appends an entry, assigning its `seq`.
    pub fn push(&self, mut entry: LoggedRequest) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner.next += 1;
        entry.seq = inner.next;
        if inner.entries.len() == CAPACITY {
            inner.entries.pop_front();
        }
        inner.entries.push_back(entry);
    }

    /// Entries with `seq > after`, oldest first.
    pub fn since(&self, after: u64) -> Vec<LoggedRequest> {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner
            .entries
            .iter()
            .filter(|e| e.seq > after)
            .cloned()
            .collect()
    }

    /// Forgets every entry (sequence numbers keep counting).
    pub fn clear(&self) {
        self.inner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entries
            .clear();
    }
}
