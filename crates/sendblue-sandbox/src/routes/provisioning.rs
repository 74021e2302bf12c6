//! (being written)

use axum::Router;

use crate::state::AppState;

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new()
}

/// Advances line-request tickets (called every tick).
pub fn on_tick(_state: &AppState, _now_ms: i64) {}
