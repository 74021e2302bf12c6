//! "Send test event": POSTs a sample delivery of one webhook type to its URL from this
//! computer, the way Sendblue would (§11): the JSON body of that type, and the
//! `sb-signing-secret` header when a secret applies (the webhook's own, else the account's
//! global one). Answers the status code, how long the receiver took and the start of its
//! answer — or, when nothing answered, why in plain words. The secret never appears in
//! either.

use std::time::{Duration, Instant};

use reqwest::Url;
use sendblue_client::config::is_loopback;
use sendblue_client::models::webhook_payloads::SIGNING_SECRET_HEADER;
use sendblue_client::models::webhooks::{WebhookSet, WebhookType};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use time::macros::format_description;
use time::OffsetDateTime;

use crate::error::{AppError, AppResult, ErrorCode, ErrorDetail};
use crate::redact;

/// The audit log's name for a test delivery.
pub const ACTION: &str = "webhook.test";
/// How long a receiver gets to answer (headers and the start of the body).
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The most characters of the receiver's answer that come back.
pub const EXCERPT_CHARS: usize = 500;
/// The most bytes of the answer read (enough for the excerpt in any encoding).
const READ_LIMIT: usize = EXCERPT_CHARS * 4;
/// The line and contact the sample payloads use when the webhook names no line.
pub const SAMPLE_LINE: &str = "+14155550100";
const SAMPLE_CONTACT: &str = "+14155550123";
const SAMPLE_ACCOUNT: &str = "ops@example.com";
const SAMPLE_TEXT: &str = "This is a test event from Sendblue Console.";

/// What the receiver answered to a test delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WebhookTestResult {
    /// The HTTP status code the receiver answered.
    pub status: u16,
    /// True for a 2xx answer (Sendblue re-delivers anything else).
    pub ok: bool,
    /// From sending the request to the receiver's status line, in milliseconds.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub elapsed_ms: u64,
    /// The start of the answer's body (at most 500 characters, secrets removed).
    pub excerpt: String,
    /// True when the body was longer than the excerpt.
    pub truncated: bool,
    /// True when the `sb-signing-secret` header was sent.
    pub signed: bool,
}

/// Where a test goes: one configured webhook, with the secret Sendblue would send.
#[derive(Clone)]
pub struct TestTarget {
    /// The webhook type, which decides the sample payload.
    pub webhook_type: WebhookType,
    /// The receiver.
    pub url: String,
    /// The webhook's own secret, else the account's global one.
    pub secret: Option<String>,
    /// The line the sample is about (a `receive` webhook's first line filter).
    pub line: Option<String>,
}

impl std::fmt::Debug for TestTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestTarget")
            .field("webhook_type", &self.webhook_type)
            .field("url", &self.url)
            .field("secret", &self.secret.as_ref().map(|_| redact::REDACTED))
            .field("line", &self.line)
            .finish()
    }
}

impl TestTarget {
    /// The webhook of `webhook_type` at `url` in the account's `set`, with the secret that
    /// applies to it. `NotFound` when it isn't configured (any more).
    pub fn find(set: &WebhookSet, webhook_type: &WebhookType, url: &str) -> AppResult<Self> {
        let entry = set
            .entries(webhook_type)
            .iter()
            .find(|e| e.url() == url)
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::NotFound,
                    "This webhook isn't set up any more. Refresh the list and try again.",
                )
            })?;
        let own = entry.secret().filter(|s| !s.is_empty());
        let global = set.global_secret.as_deref().filter(|s| !s.is_empty());
        Ok(Self {
            webhook_type: webhook_type.clone(),
            url: url.to_owned(),
            secret: own.or(global).map(str::to_owned),
            line: entry.sendblue_numbers().first().cloned(),
        })
    }
}

/// Sends test deliveries (a receiver gets [`TIMEOUT`] unless changed).
#[derive(Debug, Clone)]
pub struct WebhookTester {
    timeout: Duration,
}

impl Default for WebhookTester {
    fn default() -> Self {
        Self::new()
    }
}

impl WebhookTester {
    /// A tester with the 10-second timeout.
    pub fn new() -> Self {
        Self { timeout: TIMEOUT }
    }

    /// A tester that waits `timeout` for the receiver.
    pub fn with_timeout(timeout: Duration) -> Self {
        Self { timeout }
    }

    /// POSTs the sample payload of `target`'s type to its URL and reports the answer. A
    /// non-2xx answer is a result (`ok: false`); only "nothing answered" is an error.
    pub async fn send(&self, target: &TestTarget) -> AppResult<WebhookTestResult> {
        let url = check_url(&target.url)?;
        let line = target.line.as_deref().unwrap_or(SAMPLE_LINE);
        let payload = sample_payload(&target.webhook_type, line, OffsetDateTime::now_utc())?;
        let secret = target.secret.as_deref().filter(|s| !s.is_empty());

        let mut builder = reqwest::Client::builder()
            .timeout(self.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("SendblueConsole/", env!("CARGO_PKG_VERSION")));
        if is_loopback(&url) {
            // A proxy from the environment must not swallow a receiver on this computer.
            builder = builder.no_proxy();
        }
        let client = builder
            .build()
            .map_err(|e| failure(&e, secret, self.timeout))?;
        let mut request = client.post(url).json(&payload);
        if let Some(secret) = secret {
            request = request.header(SIGNING_SECRET_HEADER, secret);
        }

        let started = Instant::now();
        let mut response = request
            .send()
            .await
            .map_err(|e| failure(&e, secret, self.timeout))?;
        let elapsed_ms = started.elapsed().as_millis() as u64;
        let status = response.status();

        let mut body = Vec::new();
        let mut more = false;
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    let room = READ_LIMIT - body.len();
                    body.extend_from_slice(&chunk[..chunk.len().min(room)]);
                    if chunk.len() > room || body.len() >= READ_LIMIT {
                        more = true;
                        break;
                    }
                }
                Ok(None) => break,
                // The status already arrived; a body cut short still makes a result.
                Err(_) => break,
            }
        }
        let (excerpt, cut) = excerpt_of(&body, secret);
        Ok(WebhookTestResult {
            status: status.as_u16(),
            ok: status.is_success(),
            elapsed_ms,
            excerpt,
            truncated: more || cut,
            signed: secret.is_some(),
        })
    }
}

/// The URL Sendblue could deliver to: HTTPS anywhere, plain HTTP only on this computer.
pub fn check_url(raw: &str) -> AppResult<Url> {
    let invalid = |message: &str| AppError::invalid("url", message);
    let url = Url::parse(raw.trim()).map_err(|_| {
        invalid("That isn't a web address. It should look like https://example.com/webhooks.")
    })?;
    if url.host().is_none() {
        return Err(invalid("The web address has no server name."));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        _ => Err(invalid(
            "The web address must start with https:// (plain http:// only works for this computer: localhost or 127.0.0.1).",
        )),
    }
}

/// The sample delivery of `kind`, in the shape §11 gives for it, about `line`.
pub fn sample_payload(kind: &WebhookType, line: &str, now: OffsetDateTime) -> AppResult<Value> {
    let at = |offset_ms: i64| iso(now - Duration::from_millis(offset_ms.unsigned_abs()));
    let contact = SAMPLE_CONTACT;
    let handle = uuid::Uuid::new_v4();
    Ok(match kind {
        // §11.3: an inbound message.
        WebhookType::Receive => json!({
            "accountEmail": SAMPLE_ACCOUNT,
            "content": SAMPLE_TEXT,
            "is_outbound": false,
            "status": "RECEIVED",
            "error_code": null,
            "error_message": null,
            "error_reason": null,
            "error_detail": null,
            "message_handle": handle.to_string().to_uppercase(),
            "date_sent": at(80),
            "date_updated": at(0),
            "from_number": contact,
            "number": contact,
            "to_number": line,
            "sendblue_number": line,
            "was_downgraded": null,
            "plan": "dedicated",
            "media_url": "",
            "message_type": "message",
            "group_id": "",
            "group_display_name": null,
            "participants": [contact, line],
            "send_style": "",
            "opted_out": false,
            "service": "iMessage",
        }),
        // §11.4: an outbound message's status change (delivered).
        WebhookType::Outbound => json!({
            "accountEmail": SAMPLE_ACCOUNT,
            "content": SAMPLE_TEXT,
            "is_outbound": true,
            "status": "DELIVERED",
            "error_code": null,
            "error_message": null,
            "message_handle": handle.to_string(),
            "date_sent": at(4_000),
            "date_updated": at(0),
            "from_number": line,
            "number": contact,
            "to_number": contact,
            "was_downgraded": false,
            "plan": "dedicated",
            "media_url": "",
            "message_type": "message",
            "group_id": "",
            "participants": [],
            "send_style": "",
            "opted_out": false,
            "sendblue_number": line,
            "service": "iMessage",
        }),
        // §11.5: no `type` field, like the real ones.
        WebhookType::TypingIndicator => json!({
            "number": contact,
            "is_typing": true,
            "from_number": line,
            "timestamp": at(0),
        }),
        // §11.6.
        WebhookType::CallLog | WebhookType::InboundCall => json!({
            "type": kind.as_str(),
            "call_id": format!("call_{}", &handle.simple().to_string()[..8]),
            "direction": "inbound",
            "from_number": contact,
            "to_number": line,
            "sendblue_number": line,
            "forwarded_to": null,
            "disposition": "connected",
            "duration_seconds": 74,
            "transcript": null,
            "started_at": at(74_000),
            "ended_at": at(0),
        }),
        // §11.7.
        WebhookType::LineAssigned => json!({
            "type": "line_assigned",
            "sendblue_number": line,
            "worker_id": "w_test",
            "assignment": "assigned",
            "occurred_at": at(0),
        }),
        WebhookType::LineBlocked => json!({
            "type": "line_blocked",
            "sendblue_number": line,
            "worker_id": "w_test",
            "reason": "Test event: the line isn't really blocked",
            "occurred_at": at(0),
        }),
        WebhookType::ContactCreated => json!({
            "type": "contact_created",
            "contact_id": format!("c_{}", &handle.simple().to_string()[..12]),
            "phone": contact,
            "first_name": "Test",
            "last_name": "Contact",
            "created_at": at(0),
        }),
        WebhookType::ContactProfile => json!({
            "type": "contact_profile",
            "from_number": line,
            "state": "published",
            "error": null,
            "occurred_at": at(0),
        }),
        WebhookType::Unknown(name) => {
            return Err(AppError::invalid(
                "type",
                format!("The console doesn't know what a “{name}” event looks like, so it can't send a sample."),
            ))
        }
    })
}

/// ISO 8601 with milliseconds and `Z`, as Sendblue writes times.
fn iso(at: OffsetDateTime) -> String {
    let format =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");
    at.to_offset(time::UtcOffset::UTC)
        .format(&format)
        .unwrap_or_default()
}

/// The answer's first characters, with the signing secret and every API secret removed.
fn excerpt_of(body: &[u8], secret: Option<&str>) -> (String, bool) {
    let text = String::from_utf8_lossy(body);
    let text = hide(&text, secret);
    let mut chars = text.chars();
    let excerpt: String = chars.by_ref().take(EXCERPT_CHARS).collect();
    let cut = chars.next().is_some();
    (excerpt.trim_end().to_owned(), cut)
}

fn hide(text: &str, secret: Option<&str>) -> String {
    let text = match secret {
        Some(s) if !s.is_empty() => text.replace(s, redact::REDACTED),
        _ => text.to_owned(),
    };
    redact::redact(&text).into_owned()
}

/// "Nothing answered", in plain words: refused, timed out, TLS, unknown host, or other.
fn failure(e: &reqwest::Error, secret: Option<&str>, timeout: Duration) -> AppError {
    let chain = error_chain(e);
    let lower = chain.to_lowercase();
    let message = if e.is_timeout() {
        format!(
            "The webhook address didn't answer within {} seconds. Check that the server is running and answers quickly.",
            timeout.as_secs().max(1)
        )
    } else if io_kind(e) == Some(std::io::ErrorKind::ConnectionRefused)
        || lower.contains("connection refused")
    {
        "Nothing is listening at that address: the connection was refused. Check the address and that the server is running.".to_owned()
    } else if io_kind(e) == Some(std::io::ErrorKind::InvalidData)
        || lower.contains("certificate")
        || lower.contains("tls")
        || lower.contains("handshake")
        || lower.contains("corrupt message")
    {
        // tokio-rustls reports every TLS failure as `InvalidData`.
        "A secure (TLS) connection to that address couldn't be made — its certificate may be invalid or expired, or it doesn't speak https.".to_owned()
    } else if lower.contains("dns") || lower.contains("lookup") || lower.contains("resolve") {
        "The server name in that address couldn't be found. Check the spelling.".to_owned()
    } else if e.is_builder() {
        "That web address can't be used. Check it and try again.".to_owned()
    } else {
        "Couldn't reach the webhook address. Check the address and your connection, then try again."
            .to_owned()
    };
    AppError {
        code: if e.is_builder() {
            ErrorCode::Validation
        } else {
            ErrorCode::Network
        },
        message,
        detail: Some(Box::new(ErrorDetail {
            message: Some(hide(&chain, secret)),
            ..ErrorDetail::default()
        })),
    }
}

/// The kind of the first I/O error behind `e`, if any.
fn io_kind(e: &reqwest::Error) -> Option<std::io::ErrorKind> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            return Some(io.kind());
        }
        source = err.source();
    }
    None
}

/// The error and its causes on one line (for the detail; the page shows the message).
fn error_chain(e: &reqwest::Error) -> String {
    let mut parts = Vec::new();
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        let text = err.to_string();
        if !parts.contains(&text) {
            parts.push(text);
        }
        source = err.source();
    }
    parts.join(": ")
}
