//! The one HTTP path every endpoint goes through: authentication headers, pacing, timeouts,
//! the retry rules, and turning answers into typed values or coded errors.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, CONTENT_TYPE};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::config::ClientConfig;
use crate::error::{excerpt, Error, NetworkFailure, Result};
use crate::pacing::{PaceKey, Pacer};
use crate::retry::{may_retry, Outcome, Repeat};

/// The Sendblue API client. Cheap to clone; clones share one connection pool and pacer.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    config: ClientConfig,
    pacer: Option<Pacer>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.config.base_url.as_str())
            .field("key_id", &self.inner.config.key_id)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Builds a client. Fails only when the key headers cannot be represented in HTTP.
    pub fn new(config: ClientConfig) -> Result<Self> {
        for (field, value) in [
            ("key_id", config.key_id.as_str()),
            ("secret", config.secret.expose()),
        ] {
            if HeaderValue::from_str(value).is_err() {
                return Err(Error::validation(
                    field,
                    "contains characters that can't be sent (line breaks or control characters)",
                ));
            }
        }
        let http = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .user_agent(config.user_agent.clone())
            .build()
            .map_err(|e| Error::validation("client", e.to_string()))?;
        let pacer = config.pacing.clone().map(Pacer::new);
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                config,
                pacer,
            }),
        })
    }

    /// The configuration this client was built with.
    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// Starts a request to `path` (which must begin with `/`, segments already encoded).
    pub(crate) fn call(&self, method: Method, path: impl Into<String>) -> Call<'_> {
        let repeat = if method == Method::POST {
            Repeat::AtMostOnce
        } else {
            Repeat::Safe
        };
        Call {
            client: self,
            method,
            path: path.into(),
            query: None,
            payload: Payload::None,
            repeat,
            pace: None,
            timeout: None,
        }
    }

    fn url(&self, path: &str, query: Option<&str>) -> String {
        let base = self.inner.config.base_url.as_str().trim_end_matches('/');
        match query {
            Some(q) if !q.is_empty() => format!("{base}{path}?{q}"),
            _ => format!("{base}{path}"),
        }
    }
}

/// Builds a multipart form afresh for each attempt (a streamed body can be sent only once).
pub(crate) type FormFactory = Arc<dyn Fn() -> Result<reqwest::multipart::Form> + Send + Sync>;

pub(crate) enum Payload {
    None,
    Json(Result<Bytes, String>),
    Multipart(FormFactory),
}

/// One request being prepared. Methods chain; `send*` runs it.
pub(crate) struct Call<'c> {
    client: &'c Client,
    method: Method,
    path: String,
    query: Option<Result<String, String>>,
    payload: Payload,
    repeat: Repeat,
    pace: Option<PaceKey>,
    timeout: Option<Duration>,
}

/// A successful answer.
pub(crate) enum Answer {
    Body { status: u16, bytes: Bytes },
    Stream(reqwest::Response),
}

impl Call<'_> {
    /// Adds query parameters (a struct or map; `None` fields are left out).
    pub(crate) fn query<Q: Serialize + ?Sized>(mut self, params: &Q) -> Self {
        self.query = Some(serde_urlencoded::to_string(params).map_err(|e| e.to_string()));
        self
    }

    /// Sends `body` as JSON.
    pub(crate) fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        self.payload = Payload::Json(
            serde_json::to_vec(body)
                .map(Bytes::from)
                .map_err(|e| e.to_string()),
        );
        self
    }

    /// Sends a multipart form built by `factory` for every attempt.
    pub(crate) fn multipart(mut self, factory: FormFactory) -> Self {
        self.payload = Payload::Multipart(factory);
        self
    }

    /// Marks a POST whose repetition changes nothing, so it is retried like a GET.
    pub(crate) fn repeatable(mut self) -> Self {
        self.repeat = Repeat::Safe;
        self
    }

    /// Counts the request against a pacing bucket.
    pub(crate) fn paced(mut self, key: PaceKey) -> Self {
        self.pace = Some(key);
        self
    }

    /// Overrides the whole-request timeout (uploads size it to the file).
    pub(crate) fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Runs the request and decodes a JSON answer into `T`.
    pub(crate) async fn send<T: DeserializeOwned>(self) -> Result<T> {
        let (status, bytes) = self.send_bytes().await?;
        decode(status, &bytes)
    }

    /// Runs the request and ignores the answer's body.
    pub(crate) async fn send_empty(self) -> Result<()> {
        self.send_bytes().await.map(|_| ())
    }

    /// Runs the request and returns the raw body.
    pub(crate) async fn send_bytes(self) -> Result<(u16, Bytes)> {
        match self.run(true).await? {
            Answer::Body { status, bytes } => Ok((status, bytes)),
            Answer::Stream(_) => unreachable!("run(true) always reads the body"),
        }
    }

    /// Runs the request and hands back the unread response, for streams. Only the request
    /// (not the stream) is retried; no whole-request timeout applies.
    pub(crate) async fn open_stream(self) -> Result<reqwest::Response> {
        match self.run(false).await? {
            Answer::Stream(r) => Ok(r),
            Answer::Body { .. } => unreachable!("run(false) never reads the body"),
        }
    }

    fn build(&self, streaming: bool) -> Result<reqwest::Request> {
        let inner = &self.client.inner;
        let query = match &self.query {
            Some(Ok(q)) => Some(q.as_str()),
            Some(Err(e)) => return Err(Error::validation("query", e.clone())),
            None => None,
        };
        let url = self.client.url(&self.path, query);
        let mut headers = HeaderMap::new();
        headers.insert(
            "sb-api-key-id",
            HeaderValue::from_str(&inner.config.key_id)
                .map_err(|_| Error::validation("key_id", "invalid characters"))?,
        );
        let mut secret = HeaderValue::from_str(inner.config.secret.expose())
            .map_err(|_| Error::validation("secret", "invalid characters"))?;
        secret.set_sensitive(true);
        headers.insert("sb-api-secret-key", secret);
        let accept = if streaming {
            "text/event-stream"
        } else {
            "application/json"
        };
        headers.insert(ACCEPT, HeaderValue::from_static(accept));
        let mut builder = inner
            .http
            .request(self.method.clone(), url)
            .headers(headers);
        if !streaming {
            builder = builder.timeout(self.timeout.unwrap_or(inner.config.timeout));
        }
        builder = match &self.payload {
            Payload::None => builder,
            Payload::Json(Ok(bytes)) => builder
                .header(CONTENT_TYPE, "application/json")
                .body(bytes.clone()),
            Payload::Json(Err(e)) => return Err(Error::validation("body", e.clone())),
            Payload::Multipart(factory) => builder.multipart(factory()?),
        };
        builder
            .build()
            .map_err(|e| Error::validation("request", e.to_string()))
    }

    async fn run(self, read_body: bool) -> Result<Answer> {
        let inner = &self.client.inner;
        let policy = &inner.config.retry;
        let mut attempt = 0u32;
        loop {
            if let Some(pacer) = &inner.pacer {
                pacer.wait(self.pace.as_ref()).await;
            }
            let request = self.build(!read_body)?;
            let (outcome, error, hint, should_retry) = match inner.http.execute(request).await {
                Err(e) => {
                    let failure = network_failure(&e);
                    let outcome = match failure {
                        NetworkFailure::Connect => Outcome::ConnectFailed,
                        _ => Outcome::SentNoAnswer,
                    };
                    (outcome, network_error(failure, &e), None, None)
                }
                Ok(response) if response.status().is_success() => {
                    let status = response.status().as_u16();
                    if !read_body {
                        return Ok(Answer::Stream(response));
                    }
                    match response.bytes().await {
                        Ok(bytes) => return Ok(Answer::Body { status, bytes }),
                        Err(e) => (
                            Outcome::SentNoAnswer,
                            network_error(NetworkFailure::Dropped, &e),
                            None,
                            None,
                        ),
                    }
                }
                Ok(response) => {
                    let status = response.status().as_u16();
                    let hint = retry_after(response.headers());
                    let should_retry = should_retry(response.headers());
                    let body = response.bytes().await.unwrap_or_default();
                    (
                        Outcome::Status(status),
                        api_error(status, &body, hint),
                        hint,
                        should_retry,
                    )
                }
            };
            if attempt < policy.max_retries && may_retry(self.repeat, outcome, should_retry) {
                let wait = policy.delay(attempt, hint);
                tracing::debug!(
                    method = %self.method,
                    path = %self.path,
                    attempt = attempt + 1,
                    ?outcome,
                    wait_ms = wait.as_millis() as u64,
                    "retrying"
                );
                tokio::time::sleep(wait).await;
                attempt += 1;
                continue;
            }
            return Err(error);
        }
    }
}

/// Decodes a success body, keeping an excerpt when it does not match.
pub(crate) fn decode<T: DeserializeOwned>(status: u16, bytes: &[u8]) -> Result<T> {
    // An empty body decodes as JSON null, so `()` and `Option<_>` answers work.
    let bytes: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        bytes
    };
    serde_json::from_slice(bytes).map_err(|e| Error::Decode {
        status,
        detail: e.to_string(),
        body_excerpt: excerpt(bytes),
    })
}

fn network_failure(e: &reqwest::Error) -> NetworkFailure {
    if e.is_connect() {
        NetworkFailure::Connect
    } else if e.is_timeout() {
        NetworkFailure::Timeout
    } else {
        NetworkFailure::Dropped
    }
}

fn network_error(failure: NetworkFailure, e: &reqwest::Error) -> Error {
    // The causes, without reqwest's own line (it repeats the URL).
    let mut detail = match failure {
        NetworkFailure::Connect => "could not connect".to_owned(),
        NetworkFailure::Timeout => "no answer in time".to_owned(),
        NetworkFailure::Dropped => "the connection dropped".to_owned(),
    };
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        detail.push_str(": ");
        detail.push_str(&s.to_string());
        source = s.source();
    }
    Error::Network { failure, detail }
}

fn api_error(status: u16, body: &[u8], retry_after: Option<Duration>) -> Error {
    #[derive(serde::Deserialize)]
    struct ErrorBody {
        message: Option<serde_json::Value>,
        error_code: Option<serde_json::Value>,
        error: Option<serde_json::Value>,
    }
    let text = |v: serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    };
    match serde_json::from_slice::<ErrorBody>(body) {
        Ok(parsed) => Error::Api {
            status,
            error_code: parsed.error_code.and_then(text),
            message: parsed.message.or(parsed.error).and_then(text),
            retry_after,
            body_excerpt: None,
        },
        Err(_) => Error::Api {
            status,
            error_code: None,
            message: None,
            retry_after,
            body_excerpt: (!body.is_empty()).then(|| excerpt(body)),
        },
    }
}

/// `retry-after-ms` (the SDK's) wins over `Retry-After` (seconds or an HTTP date).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(ms) = text("retry-after-ms").and_then(|v| v.trim().parse::<f64>().ok()) {
        if ms.is_finite() && ms >= 0.0 {
            return Some(Duration::from_secs_f64(ms / 1000.0));
        }
    }
    let raw = text("retry-after")?.trim();
    if let Ok(secs) = raw.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs));
    }
    let at = httpdate::parse_http_date(raw).ok()?;
    Some(
        at.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

fn should_retry(headers: &HeaderMap) -> Option<bool> {
    match headers.get("x-should-retry")?.to_str().ok()? {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        let mut h = HeaderMap::new();
        h.insert("retry-after", HeaderValue::from_static("2"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(2)));
        h.insert("retry-after-ms", HeaderValue::from_static("150"));
        assert_eq!(retry_after(&h), Some(Duration::from_millis(150)));
        let mut h = HeaderMap::new();
        h.insert(
            "retry-after",
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
        h.insert("retry-after", HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&h), None);
    }

    #[test]
    fn error_bodies_keep_upstream_detail() {
        let e = api_error(
            400,
            br#"{"status":"ERROR","message":"Invalid phone number","error_code":"invalid_number"}"#,
            None,
        );
        assert_eq!(e.upstream_message(), Some("Invalid phone number"));
        assert_eq!(e.upstream_error_code(), Some("invalid_number"));
        let e = api_error(502, b"<html>Bad gateway</html>", None);
        match e {
            Error::Api { body_excerpt, .. } => {
                assert_eq!(body_excerpt.as_deref(), Some("<html>Bad gateway</html>"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn decode_failure_keeps_excerpt() {
        let e = decode::<Vec<u32>>(200, b"{\"not\":\"a list\"}").unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::Decode);
    }
}
