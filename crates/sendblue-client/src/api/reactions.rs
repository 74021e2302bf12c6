//! Tapbacks, read receipts and typing indicators (§6).

use reqwest::Method;

use crate::error::{Error, Result};
use crate::models::reactions::{
    MarkRead, MarkReadResponse, ReactionResponse, SendReaction, TypingIndicator,
    TypingIndicatorResponse,
};
use crate::pacing::PaceKey;
use crate::Client;

/// Allowed `max_duration_ms` of a typing indicator (§6.3).
pub const TYPING_MAX_DURATION_MS: std::ops::RangeInclusive<u32> = 1..=300_000;

/// Reactions, read receipts and typing: reached through [`Client::reactions`].
#[derive(Debug, Clone, Copy)]
pub struct Reactions<'c> {
    client: &'c Client,
}

impl Client {
    /// Tapbacks, read receipts and typing indicators (§6).
    pub fn reactions(&self) -> Reactions<'_> {
        Reactions { client: self }
    }
}

impl Reactions<'_> {
    /// `POST /api/send-reaction` — add an iMessage tapback to a message (§6.1).
    ///
    /// Paced per line; never retried once it may have been sent. Returns
    /// `{"status":"OK","message":"Reaction request sent",…}`.
    pub async fn send(&self, reaction: &SendReaction) -> Result<ReactionResponse> {
        self.client
            .call(Method::POST, "/api/send-reaction")
            .json(reaction)
            .paced(PaceKey::SendFrom(reaction.from_number.clone()))
            .send()
            .await
    }

    /// `POST /api/mark-read` — send a read receipt for a 1:1 conversation (§6.2).
    ///
    /// Best effort; read receipts must be enabled for the account and line. Returns
    /// `{"status":"OK","message":"Mark read request sent","number":…}`.
    pub async fn mark_read(&self, request: &MarkRead) -> Result<MarkReadResponse> {
        self.client
            .call(Method::POST, "/api/mark-read")
            .json(request)
            .send()
            .await
    }

    /// `POST /api/send-typing-indicator` — show or hide the typing bubble in a 1:1 chat
    /// (§6.3).
    ///
    /// Checks `max_duration_ms` (1–300 000) locally. Returns `{number, status, error_message}`
    /// where `status` is `SENT` or `ERROR` (`SENT` does not prove the bubble showed).
    pub async fn typing(&self, indicator: &TypingIndicator) -> Result<TypingIndicatorResponse> {
        if let Some(ms) = indicator.max_duration_ms {
            if !TYPING_MAX_DURATION_MS.contains(&ms) {
                return Err(Error::validation(
                    "max_duration_ms",
                    format!(
                        "The typing bubble can stay 1 to 300000 milliseconds (5 minutes); {ms} is outside that."
                    ),
                ));
            }
        }
        self.client
            .call(Method::POST, "/api/send-typing-indicator")
            .json(indicator)
            .send()
            .await
    }
}
