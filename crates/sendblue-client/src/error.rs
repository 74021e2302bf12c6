//! The client's one error type and the code table shared with the app (architecture.md).

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// What kind of failure happened, in the terms the page acts on. The same table is used by
/// the client and the desktop app; see architecture.md "Errors are data".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum ErrorCode {
    /// 401, or the key headers were missing: check the key id and secret.
    Unauthorized,
    /// 403: not available on this plan or for this line.
    Forbidden,
    /// 404 (and 410): the thing is gone.
    NotFound,
    /// 400, 413, 422 or a local check: a field is wrong.
    Validation,
    /// 409: conflicts with what is there.
    Conflict,
    /// 402: the charge failed.
    PaymentRequired,
    /// 429: too many requests; retried after a pause.
    RateLimited,
    /// Could not connect, timed out, or the connection dropped.
    Network,
    /// 5xx or another unexpected status.
    Upstream,
    /// A body that does not match the documented shape.
    Decode,
    /// The OS keychain failed (app-level).
    Keychain,
    /// A local file could not be read or written.
    Io,
    /// The caller cancelled the work.
    Cancelled,
}

/// How a request failed on the network, before any HTTP status arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkFailure {
    /// The connection was refused or could not be opened: the request was never sent.
    Connect,
    /// No answer within the timeout: the request may have been processed.
    Timeout,
    /// The connection dropped after the request was sent: it may have been processed.
    Dropped,
}

/// Everything that can go wrong in a call. Upstream details travel unchanged; the secret never
/// appears in any variant.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The server answered with a non-success status.
    #[error("Sendblue answered {status}: {}", message.as_deref().unwrap_or("no message"))]
    Api {
        /// HTTP status.
        status: u16,
        /// The body's `error_code`, when present.
        error_code: Option<String>,
        /// The body's `message`, when present.
        message: Option<String>,
        /// How long the server asked us to wait (`Retry-After` / `retry-after-ms`).
        retry_after: Option<Duration>,
        /// The start of the body when it was not the documented error JSON.
        body_excerpt: Option<String>,
    },
    /// The request did not get an HTTP answer.
    #[error("couldn't reach Sendblue ({failure:?}): {detail}")]
    Network {
        /// Which stage failed; decides whether a POST may be retried.
        failure: NetworkFailure,
        /// The transport's description, without URLs' secrets (there are none in URLs).
        detail: String,
    },
    /// A success body that does not match the expected shape.
    #[error("unexpected answer from Sendblue (HTTP {status}): {detail}")]
    Decode {
        /// HTTP status of the answer.
        status: u16,
        /// What serde said.
        detail: String,
        /// The start of the body.
        body_excerpt: String,
    },
    /// A local check failed before anything was sent.
    #[error("{field}: {message}")]
    Validation {
        /// The field or setting at fault.
        field: String,
        /// What is wrong, in plain words.
        message: String,
    },
    /// A local file could not be read.
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    /// The caller cancelled the work.
    #[error("cancelled")]
    Cancelled,
}

/// The client's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// At most this many characters of an unexpected body are kept for diagnostics.
pub const BODY_EXCERPT_CHARS: usize = 240;

impl Error {
    /// The code from the shared table, which the page branches on.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Api {
                status, message, ..
            } => code_for_status(*status, message.as_deref()),
            Error::Network { .. } => ErrorCode::Network,
            Error::Decode { .. } => ErrorCode::Decode,
            Error::Validation { .. } => ErrorCode::Validation,
            Error::Io(_) => ErrorCode::Io,
            Error::Cancelled => ErrorCode::Cancelled,
        }
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } | Error::Decode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The upstream `message`, when the server sent one.
    pub fn upstream_message(&self) -> Option<&str> {
        match self {
            Error::Api { message, .. } => message.as_deref(),
            _ => None,
        }
    }

    /// The upstream `error_code`, when the server sent one.
    pub fn upstream_error_code(&self) -> Option<&str> {
        match self {
            Error::Api { error_code, .. } => error_code.as_deref(),
            _ => None,
        }
    }

    /// How long the server asked the caller to wait before trying again.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Api { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    pub(crate) fn validation(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Validation {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Maps an HTTP status to the shared code table. The 403 that means "no key headers" is an
/// authentication problem, not a plan restriction, so it maps to `Unauthorized`.
pub fn code_for_status(status: u16, message: Option<&str>) -> ErrorCode {
    match status {
        401 => ErrorCode::Unauthorized,
        403 if message.is_some_and(|m| m.contains("inputs for authorization")) => {
            ErrorCode::Unauthorized
        }
        403 => ErrorCode::Forbidden,
        404 | 410 => ErrorCode::NotFound,
        400 | 413 | 422 => ErrorCode::Validation,
        409 => ErrorCode::Conflict,
        402 => ErrorCode::PaymentRequired,
        429 => ErrorCode::RateLimited,
        _ => ErrorCode::Upstream,
    }
}

/// A local check: `value` must not be blank.
pub(crate) fn require(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::validation(field, "is required"));
    }
    Ok(())
}

/// Cuts a body to a short, single-line excerpt for error details.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out: String = text.chars().take(BODY_EXCERPT_CHARS).collect();
    if text.chars().count() > BODY_EXCERPT_CHARS {
        out.push('…');
    }
    out.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_table() {
        assert_eq!(code_for_status(401, None), ErrorCode::Unauthorized);
        assert_eq!(
            code_for_status(403, Some("Did not get inputs for authorization")),
            ErrorCode::Unauthorized
        );
        assert_eq!(code_for_status(403, Some("nope")), ErrorCode::Forbidden);
        assert_eq!(code_for_status(404, None), ErrorCode::NotFound);
        assert_eq!(code_for_status(413, None), ErrorCode::Validation);
        assert_eq!(code_for_status(422, None), ErrorCode::Validation);
        assert_eq!(code_for_status(409, None), ErrorCode::Conflict);
        assert_eq!(code_for_status(402, None), ErrorCode::PaymentRequired);
        assert_eq!(code_for_status(429, None), ErrorCode::RateLimited);
        assert_eq!(code_for_status(503, None), ErrorCode::Upstream);
        assert_eq!(code_for_status(418, None), ErrorCode::Upstream);
    }

    #[test]
    fn excerpt_is_short_and_single_line() {
        let long = "x\n".repeat(500);
        let e = excerpt(long.as_bytes());
        assert!(e.chars().count() <= BODY_EXCERPT_CHARS + 1);
        assert!(!e.contains('\n'));
    }
}
