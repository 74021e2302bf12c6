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
