//! `AppError`: what every command returns on failure — a code from the shared table
//! (architecture.md), a plain-language message, and the upstream detail. Never a secret.

use serde::{Deserialize, Serialize};

pub use sendblue_client::ErrorCode;

/// The upstream or local detail behind an error, for "show details" and bug reports.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ErrorDetail {
    /// HTTP status, when Sendblue answered.
    pub status: Option<u16>,
    /// Sendblue's `error_code`, when it sent one.
    pub error_code: Option<String>,
    /// Sendblue's own message, or the local check's.
    pub message: Option<String>,
    /// The field at fault, for validation errors.
    pub field: Option<String>,
    /// How long to wait before trying again, in milliseconds.
    pub retry_after_ms: Option<u64>,
    /// The start of an unexpected answer.
    pub excerpt: Option<String>,
}

/// A failure as the page sees it: it branches on `code` and shows `message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[error("{message}")]
pub struct AppError {
    /// What kind of failure (the shared table).
    pub code: ErrorCode,
    /// What happened, in plain words, for anyone.
    pub message: String,
    /// The detail behind it.
    pub detail: Option<Box<ErrorDetail>>,
}

/// Results of console operations.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// An error with no upstream detail.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            detail: None,
        }
    }

    /// A local validation error on `field`.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            code: ErrorCode::Validation,
            message: message.clone(),
            detail: Some(Box::new(ErrorDetail {
                field: Some(field.into()),
                message: Some(message),
                ..ErrorDetail::default()
            })),
        }
    }

    /// The OS keychain failed.
    pub fn keychain(what: impl std::fmt::Display) -> Self {
        Self::new(
            ErrorCode::Keychain,
            format!("The system keychain didn't respond: {what}. Unlock it or try again."),
        )
    }

    /// A local file problem.
    pub fn io(what: &str, e: impl std::fmt::Display) -> Self {
        Self::new(ErrorCode::Io, format!("Couldn't {what}: {e}"))
    }
}

impl From<sendblue_client::Error> for AppError {
    fn from(e: sendblue_client::Error) -> Self {
        use sendblue_client::Error as E;
        let code = e.code();
        let upstream = e.upstream_message().map(str::to_owned);
        let mut detail = ErrorDetail {
            status: e.status(),
            error_code: e.upstream_error_code().map(str::to_owned),
            message: upstream.clone(),
            retry_after_ms: e.retry_after().map(|d| d.as_millis() as u64),
            ..ErrorDetail::default()
        };
        match &e {
            E::Validation { field, message } => {
                detail.field = Some(field.clone());
                detail.message = Some(message.clone());
            }
            E::Decode {
                body_excerpt,
                detail: why,
                ..
            } => {
                detail.excerpt = Some(body_excerpt.clone());
                detail.message = Some(why.clone());
            }
            E::Api { body_excerpt, .. } => detail.excerpt = body_excerpt.clone(),
            E::Network { detail: why, .. } => detail.message = Some(why.clone()),
            E::Io(io) => detail.message = Some(io.to_string()),
            E::Cancelled => {}
        }
        let message = plain_message(code, &e, upstream.as_deref(), detail.retry_after_ms);
        Self {
            code,
            message,
            detail: Some(Box::new(detail)),
        }
    }
}

/// The sentence a person reads for each code.
fn plain_message(
    code: ErrorCode,
    e: &sendblue_client::Error,
    upstream: Option<&str>,
    retry_after_ms: Option<u64>,
) -> String {
    let with_reason = |lead: &str| match upstream {
        Some(reason) if !reason.trim().is_empty() => format!("{lead} Sendblue said: “{reason}”"),
        _ => lead.to_owned(),
    };
    match code {
        ErrorCode::Unauthorized => "Sendblue didn't accept this profile's key id and secret. Check them in the profile settings.".into(),
        ErrorCode::Forbidden => with_reason("This isn't available on your plan or for this line."),
        ErrorCode::NotFound => with_reason("That item no longer exists. Refresh to see the latest."),
        ErrorCode::Validation => match e {
            sendblue_client::Error::Validation { message, .. } => message.clone(),
            _ => with_reason("Sendblue couldn't accept this."),
        },
        ErrorCode::Conflict => with_reason("That conflicts with what's already there."),
        ErrorCode::PaymentRequired => "The charge didn't go through. Check billing with Sendblue.".into(),
        ErrorCode::RateLimited => match retry_after_ms {
            Some(ms) => format!(
                "Sendblue is busy right now. Try again in {} seconds.",
                ms.div_ceil(1000).max(1)
            ),
            None => "Sendblue is busy right now. Try again in a moment.".into(),
        },
        ErrorCode::Network => "Couldn't reach Sendblue — check your internet connection and try again.".into(),
        ErrorCode::Upstream => "Sendblue had a problem. Try again in a little while.".into(),
        ErrorCode::Decode => "Sendblue sent an answer the console didn't understand. Please report it with Export diagnostics.".into(),
        ErrorCode::Io => "A file couldn't be read or written.".into(),
        ErrorCode::Cancelled => "Cancelled.".into(),
        ErrorCode::Keychain => "The system keychain didn't respond.".into(),
    }
}
