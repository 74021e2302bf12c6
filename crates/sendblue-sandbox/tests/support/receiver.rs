//! A loopback webhook receiver: records every POST (path, `sb-signing-secret` and
//! `content-type` headers, JSON body, arrival time) and answers 200. Paths can be told to fail
//! a number of times first (answer 500), or to be slow.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::Router;
use serde_json::Value;

/// One POST the receiver got.
#[derive(Debug, Clone)]
pub struct Got {
    pub path: String,
    pub secret: Option<String>,
    pub content_type: Option<String>,
    /// The body as JSON (`Value::Null` when it is not JSON).
    pub body: Value,
    pub at: Instant,
}

/// A running receiver; clones share what it recorded.
#[derive(Clone)]
pub struct Receiver {
    base: String,
    got: Arc<Mutex<Vec<Got>>>,
    failures: Arc<Mutex<HashMap<String, u32>>>,
    slow: Arc<Mutex<HashMap<String, Duration>>>,
}

impl Receiver {
    /// Starts one on a free loopback port.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let receiver = Self {
            base: format!("http://{}", listener.local_addr().unwrap()),
            got: Arc::default(),
            failures: Arc::default(),
            slow: Arc::default(),
        };
        let app = Router::new().fallback(record).with_state(receiver.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        receiver
    }

    /// The URL of `path` on this receiver.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The next `times` POSTs to `path` are answered 500.
    pub fn fail(&self, path: &str, times: u32) {
        self.failures.lock().unwrap().insert(path.to_owned(), times);
    }

    /// POSTs to `path` are answered after `by`.
    pub fn slow_down(&self, path: &str, by: Duration) {
        self.slow.lock().unwrap().insert(path.to_owned(), by);
    }

    /// Every POST so far, in arrival order.
    pub fn all(&self) -> Vec<Got> {
        self.got.lock().unwrap().clone()
    }

    /// The POSTs to `path` so far, in arrival order.
    pub fn at(&self, path: &str) -> Vec<Got> {
        self.got
            .lock()
            .unwrap()
            .iter()
            .filter(|g| g.path == path)
            .cloned()
            .collect()
    }

    /// Waits until `path` got at least `n` POSTs (up to 5 s), then returns them; fails the test
    /// when fewer arrived.
    pub async fn wait_for(&self, path: &str, n: usize) -> Vec<Got> {
        let started = Instant::now();
        while self.at(path).len() < n && started.elapsed() < Duration::from_secs(5) {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let got = self.at(path);
        assert!(got.len() >= n, "{path}: wanted {n} deliveries, got {got:?}");
        got
    }

    /// [`wait_for`](Self::wait_for), the bodies only.
    pub async fn wait_for_bodies(&self, path: &str, n: usize) -> Vec<Value> {
        self.wait_for(path, n)
            .await
            .into_iter()
            .map(|g| g.body)
            .collect()
    }

    /// Waits until `path` got a payload with status `last` (up to 5 s); returns the statuses
    /// in arrival order.
    pub async fn wait_statuses(&self, path: &str, last: &str) -> Vec<String> {
        let started = Instant::now();
        loop {
            let statuses: Vec<String> = self
                .at(path)
                .iter()
                .filter_map(|g| g.body["status"].as_str().map(str::to_owned))
                .collect();
            if statuses.iter().any(|s| s == last) || started.elapsed() > Duration::from_secs(5) {
                return statuses;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

async fn record(
    State(receiver): State<Receiver>,
    uri: Uri,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> StatusCode {
    let path = uri.path().to_owned();
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    receiver.got.lock().unwrap().push(Got {
        path: path.clone(),
        secret: text("sb-signing-secret"),
        content_type: text("content-type"),
        body: serde_json::from_slice(&body).unwrap_or(Value::Null),
        at: Instant::now(),
    });
    let delay = receiver.slow.lock().unwrap().get(&path).copied();
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    let mut failures = receiver.failures.lock().unwrap();
    match failures.get_mut(&path) {
        Some(left) if *left > 0 => {
            *left -= 1;
            StatusCode::INTERNAL_SERVER_ERROR
        }
        _ => StatusCode::OK,
    }
}
