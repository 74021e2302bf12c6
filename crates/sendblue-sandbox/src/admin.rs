//! Sandbox-only paths under `/__sandbox`, with the same key headers as the API: read and change
//! the faults, read or clear the request log. Areas add their own simulation paths (an inbound
//! message, a line going offline) through their `admin()` routers.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api_error::{ApiError, ApiResult};
use crate::config::Faults;
use crate::state::AppState;

/// The admin routes of the core.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/__sandbox/faults", get(read_faults).put(write_faults))
        .route(
            "/__sandbox/requests",
            get(read_requests).delete(clear_requests),
        )
}

async fn read_faults(State(state): State<AppState>) -> Json<Faults> {
    Json(state.faults())
}

/// Replaces the faults; fields left out keep their current value.
async fn write_faults(
    State(state): State<AppState>,
    Json(patch): Json<Value>,
) -> ApiResult<Json<Faults>> {
    let mut current = serde_json::to_value(state.faults()).map_err(ApiError::internal)?;
    let Value::Object(patch) = patch else {
        return Err(ApiError::bad_request(
            "Send a JSON object of fault settings",
        ));
    };
    for (k, v) in patch {
        if current.get(&k).is_none() {
            return Err(ApiError::bad_request(format!("Unknown fault setting: {k}")));
        }
        current[&k] = v;
    }
    let faults: Faults = serde_json::from_value(current)
        .map_err(|e| ApiError::bad_request(format!("Invalid fault settings: {e}")))?;
    faults.validate().map_err(ApiError::bad_request)?;
    *state.faults.write().unwrap_or_else(|p| p.into_inner()) = faults.clone();
    Ok(Json(faults))
}

#[derive(Debug, Deserialize)]
struct RequestsQuery {
    /// Only entries after this sequence number.
    #[serde(default)]
    after: u64,
}

async fn read_requests(
    State(state): State<AppState>,
    Query(q): Query<RequestsQuery>,
) -> Json<Value> {
    let entries = state.log.since(q.after);
    Json(json!({"status": "OK", "requests": entries}))
}

async fn clear_requests(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    state.log.clear();
    (StatusCode::OK, Json(json!({"status": "OK"})))
}
