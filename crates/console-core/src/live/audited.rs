//! The one place changes are recorded in the audit log: [`Console::audited`] runs a change
//! and records its outcome (profile, time, action, target, result with the error code), so
//! no command writes audit entries by hand.

use std::future::Future;

use serde::Serialize;

use super::Live;
use crate::audit::AuditEvent;
use crate::console::Console;
use crate::error::{AppError, AppResult};

/// A change, as the audit log names it: what is done (`action`, see
/// [`crate::audit::action`]), to what (`target`), and details worth keeping (stored only as
/// a redacted summary: fields named like secrets are replaced, texts shortened).
#[derive(Debug, Clone)]
pub struct Audit {
    action: &'static str,
    target: String,
    details: Option<serde_json::Value>,
}

impl Audit {
    /// `action` on `target`.
    pub fn new(action: &'static str, target: impl Into<String>) -> Self {
        Self {
            action,
            target: target.into(),
            details: None,
        }
    }

    /// Adds details.
    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = Some(details);
        self
    }

    /// Adds a request as the details (summarized and redacted when stored).
    pub fn details_of(self, request: &impl Serialize) -> Self {
        match serde_json::to_value(request) {
            Ok(details) => self.details(details),
            Err(_) => self,
        }
    }

    /// The action's name.
    pub fn action(&self) -> &'static str {
        self.action
    }

    /// The target.
    pub fn target(&self) -> &str {
        &self.target
    }
}

impl Console {
    /// Runs `change` and records it in the audit log of the profile active when it ends
    /// (for a switch, the one switched to), with its outcome; returns the outcome unchanged.
    /// A log that can't be written is logged, never turned into the change's failure.
    pub async fn audited<T>(
        &self,
        audit: Audit,
        change: impl Future<Output = AppResult<T>>,
    ) -> AppResult<T> {
        let outcome = change.await;
        match self.live() {
            Ok(live) => record(&live, audit, outcome.as_ref().err()),
            Err(e) => tracing::warn!(
                action = audit.action,
                "no audit log to record a change in: {}",
                e.message
            ),
        }
        outcome
    }
}

/// Writes one entry in `live`'s log and, once written, announces it (as stored: redacted)
/// through [`super::LiveEvents::audit_appended`]; a failure to write is logged.
pub(super) fn record(live: &Live, audit: Audit, error: Option<&AppError>) {
    let mut event = AuditEvent::new(&live.profile, audit.action, audit.target);
    event.details = audit.details;
    event.error = error.cloned();
    match live.audit.record(event) {
        Ok(entry) => live.config.events.audit_appended(&entry),
        Err(e) => tracing::warn!(action = audit.action, "couldn't write the audit log: {e}"),
    }
}
