//! Starting a real sandbox on a free loopback port with its own database, and talking to it
//! both raw (wire tests compare JSON, not the client's types) and through `sendblue-client`.
//!
//! Beside it: `receiver.rs` (a loopback webhook receiver), `shapes.rs` (the wire key lists
//! several files check) and `setup.rs` (sends, inbound messages, status waits, webhook
//! registration and the event stream, as the tests set them up).

#![allow(dead_code)]

pub mod receiver;
pub mod setup;
pub mod shapes;

use std::time::Duration;

use reqwest::Method;
use sendblue_sandbox::{RunningSandbox, SandboxConfig, DEFAULT_KEY_ID, DEFAULT_SECRET};
use serde_json::{json, Value};

/// The seeded V2 (Mac) line: everything is enabled on it.
pub const V2_LINE: &str = "+14155550100";
/// The seeded classic line (assigned).
pub const V1_LINE: &str = "+14155550101";

/// A running sandbox and the folder holding its database (deleted on drop).
pub struct Sandbox {
    pub running: RunningSandbox,
    pub dir: tempfile::TempDir,
    http: reqwest::Client,
}

/// A raw answer: status, headers and the body parsed as JSON (`Value::Null` when empty,
/// a string when it is not JSON).
#[derive(Debug)]
pub struct Raw {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

/// Test defaults: fast ticks, auto-reply off (tests that want it turn it on).
pub fn test_config(dir: &tempfile::TempDir) -> SandboxConfig {
    let mut config = SandboxConfig::ephemeral(dir.path().join("sandbox.db"));
    config.tick = Duration::from_millis(50);
    config.auto_reply = false;
    config.webhook_retry_base = Duration::from_millis(50);
    config.webhook_timeout = Duration::from_secs(5);
    config
}

impl Sandbox {
    /// Starts with [`test_config`].
    pub async fn start() -> Self {
        Self::start_with(|_| {}).await
    }

    /// Starts with [`test_config`] adjusted by `tweak`.
    pub async fn start_with(tweak: impl FnOnce(&mut SandboxConfig)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut config = test_config(&dir);
        tweak(&mut config);
        let running = sendblue_sandbox::start(config).await.unwrap();
        Self {
            running,
            dir,
            http: reqwest::Client::new(),
        }
    }

    pub fn base_url(&self) -> String {
        self.running.base_url()
    }

    /// A `sendblue-client` for this sandbox with the right keys and no retries.
    pub fn client(&self) -> sendblue_client::Client {
        client_for(&self.base_url())
    }

    /// An authenticated request to `path` (which may include a query string), not sent yet.
    pub fn authed(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        with_keys(
            self.http
                .request(method, format!("{}{}", self.base_url(), path)),
        )
    }

    /// A raw authenticated request; `path` may include a query string.
    pub async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Raw {
        let mut request = self.authed(method, path);
        if let Some(body) = body {
            request = request.json(&body);
        }
        raw(request.send().await.unwrap()).await
    }

    /// An authenticated multipart POST of one file, as the part `part` named `name`, on a
    /// connection of its own (a refused upload may leave its connection unusable).
    pub async fn upload(&self, path: &str, part: &str, bytes: Vec<u8>, name: &str) -> Raw {
        let form = reqwest::multipart::Form::new().part(
            part.to_owned(),
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
        let request = reqwest::Client::new().post(format!("{}{path}", self.base_url()));
        raw(with_keys(request).multipart(form).send().await.unwrap()).await
    }

    pub async fn get(&self, path: &str) -> Raw {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Raw {
        self.call(Method::POST, path, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value) -> Raw {
        self.call(Method::PUT, path, Some(body)).await
    }

    pub async fn delete(&self, path: &str, body: Option<Value>) -> Raw {
        self.call(Method::DELETE, path, body).await
    }

    /// The sandbox's request log (`GET /__sandbox/requests`).
    pub async fn requests(&self) -> Vec<Value> {
        let raw = self.get("/__sandbox/requests").await;
        raw.body["requests"].as_array().cloned().unwrap_or_default()
    }

    /// Waits until `check` holds (polling every 20 ms), up to `limit`.
    pub async fn eventually<F: FnMut() -> bool>(&self, limit: Duration, mut check: F) -> bool {
        let started = std::time::Instant::now();
        while started.elapsed() < limit {
            if check() {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        check()
    }
}

/// A `sendblue-client` for the sandbox at `base_url`, with the default keys and no retries.
pub fn client_for(base_url: &str) -> sendblue_client::Client {
    let mut config = sendblue_client::ClientConfig::new(DEFAULT_KEY_ID, DEFAULT_SECRET)
        .with_base_url(base_url)
        .unwrap();
    config.retry = sendblue_client::RetryPolicy::none();
    sendblue_client::Client::new(config).unwrap()
}

/// `request` with the default key headers.
pub fn with_keys(request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
    request
        .header("sb-api-key-id", DEFAULT_KEY_ID)
        .header("sb-api-secret-key", DEFAULT_SECRET)
}

/// Reads a raw answer.
pub async fn raw(response: reqwest::Response) -> Raw {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.unwrap();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
    };
    Raw {
        status,
        headers,
        body,
    }
}

/// Asserts `value` has exactly these keys (no more, no fewer): wire shape checks.
pub fn assert_keys(value: &Value, keys: &[&str]) {
    let mut got: Vec<&str> = value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
        .keys()
        .map(String::as_str)
        .collect();
    got.sort_unstable();
    let mut want = keys.to_vec();
    want.sort_unstable();
    assert_eq!(got, want, "keys of {value}");
}

/// The error body `{"status":"ERROR","message":…}`.
pub fn error(message: &str) -> Value {
    json!({"status": "ERROR", "message": message})
}

/// Asserts an error answer: this status and exactly the error body with this message.
pub fn assert_error(raw: &Raw, status: u16, message: &str) {
    assert_eq!(raw.status, status, "{}", raw.body);
    assert_eq!(raw.body, error(message));
}

/// Asserts a 400 that carries an `error_code` (groups v2), and that code.
pub fn assert_coded(raw: &Raw, code: &str) {
    assert_eq!(raw.status, 400, "{}", raw.body);
    assert_keys(&raw.body, &["status", "message", "error_code"]);
    assert_eq!(raw.body["error_code"], code);
}
