//! (being written)

use axum::Router;

use crate::state::AppState;

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new()
}

/// This area's `/__sandbox` simulation paths.
pub fn admin() -> Router<AppState> {
    Router::new()
}

/// Moves due messages one status step and plays simulated people (called every tick).
pub fn on_tick(_state: &AppState, _now_ms: i64) {}
