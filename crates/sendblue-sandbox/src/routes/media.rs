//! (being written)

use axum::Router;

use crate::state::AppState;

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new()
}

/// Unauthenticated paths (`GET /media/{id}`).
pub fn public() -> Router<AppState> {
    Router::new()
}
