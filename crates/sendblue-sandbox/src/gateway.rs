//! The front door every request passes: the request log, injected faults (latency, rate limit,
//! error answers, dropped connections) and authentication (§1.2).

use std::time::{Duration, Instant};

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::api_error::ApiError;
use crate::request_log::LoggedRequest;
use crate::state::AppState;
use crate::util::now_iso;

/// Response extension: the server closes the connection instead of sending this answer.
#[derive(Debug, Clone, Copy)]
pub struct DropConnection;

/// JSON bodies larger than this are refused before handling.
const MAX_JSON_BODY: usize = 16 * 1024 * 1024;

/// Checks the key headers: missing → 403, wrong → 401, key pair with a bearer token → 400.
/// Returns the refusal, or `None` when the request may pass.
pub fn refusal(state: &AppState, headers: &HeaderMap) -> Option<Response> {
    authenticate(state, headers).err().map(|boxed| *boxed)
}

fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<(), Box<Response>> {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let (id, secret) = (text("sb-api-key-id"), text("sb-api-secret-key"));
    let bearer =
        text("authorization").is_some_and(|v| v.to_ascii_lowercase().starts_with("bearer "));
    if bearer && (id.is_some() || secret.is_some()) {
        return Err(Box::new(
            ApiError::bad_request("Send either the API key headers or a bearer token, not both")
                .into_response(),
        ));
    }
    match (id, secret) {
        (Some(id), Some(secret)) => {
            if id == state.config.key_id && secret == state.config.secret {
                Ok(())
            } else {
                Err(Box::new(invalid_credentials()))
            }
        }
        _ if bearer => Err(Box::new(invalid_credentials())),
        // The documented body for missing headers has no `status` field (§1.2).
        _ => Err(Box::new(
            (
                StatusCode::FORBIDDEN,
                Json(json!({"message": "Did not get inputs for authorization"})),
            )
                .into_response(),
        )),
    }
}

fn invalid_credentials() -> Response {
    ApiError::new(StatusCode::UNAUTHORIZED, "Invalid Credentials").into_response()
}

/// Middleware for the sandbox-only admin paths: authentication only.
pub async fn admin_gate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match refusal(&state, request.headers()) {
        None => next.run(request).await,
        Some(refused) => refused,
    }
}

/// Middleware for the API: log, faults, authentication.
pub async fn api_gate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let method = request.method().to_string();
    let path = request.uri().path().to_owned();
    let query = request.uri().query().map(str::to_owned);
    let at = now_iso();
    let (request, body) = match capture_body(request).await {
        Ok(pair) => pair,
        Err(refused) => return refused,
    };
    let log = |status: u16, fault: Option<&'static str>| {
        state.log.push(LoggedRequest {
            seq: 0,
            method: method.clone(),
            path: path.clone(),
            query: query.clone(),
            body: body.clone(),
            status,
            fault,
            at: at.clone(),
        })
    };

    let faults = state.faults();
    if faults.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(faults.latency_ms)).await;
    }
    let key = request
        .headers()
        .get("sb-api-key-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    if faults.rate_limit > 0 && !take_token(&state, &key, faults.rate_limit) {
        log(429, None);
        return rate_limited(1);
    }
    if faults.error_rate > 0.0 && rand::random::<f64>() < faults.error_rate {
        if rand::random::<bool>() {
            log(429, Some("injected"));
            return rate_limited(1);
        }
        log(503, Some("injected"));
        return ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "Service temporarily unavailable",
        )
        .into_response();
    }
    let drop = faults.drop_rate > 0.0 && rand::random::<f64>() < faults.drop_rate;
    let drop_before = drop && rand::random::<bool>();
    if drop_before {
        log(0, Some("dropped-before"));
        return dropped();
    }
    if let Some(refused) = refusal(&state, request.headers()) {
        log(refused.status().as_u16(), None);
        return refused;
    }
    let response = next.run(request).await;
    if drop {
        log(0, Some("dropped-after"));
        return dropped();
    }
    log(response.status().as_u16(), None);
    response
}

/// An answer the server turns into a closed connection.
fn dropped() -> Response {
    let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
    response.extensions_mut().insert(DropConnection);
    response
}

fn rate_limited(retry_after_s: u64) -> Response {
    let mut response =
        ApiError::new(StatusCode::TOO_MANY_REQUESTS, "Rate limit exceeded").into_response();
    response.headers_mut().insert(
        "retry-after",
        HeaderValue::from_str(&retry_after_s.to_string()).expect("digits are a valid header"),
    );
    response
}

/// A token bucket per key id holding at most one second of requests.
fn take_token(state: &AppState, key: &str, per_sec: u32) -> bool {
    let mut buckets = state.buckets.lock().unwrap_or_else(|p| p.into_inner());
    let now = Instant::now();
    let (tokens, at) = buckets
        .entry(key.to_owned())
        .or_insert((per_sec as f64, now));
    *tokens =
        (*tokens + now.duration_since(*at).as_secs_f64() * per_sec as f64).min(per_sec as f64);
    *at = now;
    if *tokens >= 1.0 {
        *tokens -= 1.0;
        true
    } else {
        false
    }
}

/// Reads a JSON (or small text) body for the log and puts it back; multipart bodies pass
/// through unread, summarized by their declared length.
async fn capture_body(request: Request) -> Result<(Request, Value), Response> {
    let content_type = request
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    if content_type.starts_with("multipart/") {
        let len = request
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("?")
            .to_owned();
        return Ok((request, json!(format!("<multipart, {len} bytes>"))));
    }
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, MAX_JSON_BODY).await.map_err(|_| {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "Request body too large").into_response()
    })?;
    let logged = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|_| {
            Value::String(String::from_utf8_lossy(&bytes).chars().take(2000).collect())
        })
    };
    Ok((Request::from_parts(parts, Body::from(bytes)), logged))
}
