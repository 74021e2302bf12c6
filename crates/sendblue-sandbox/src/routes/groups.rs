//! (being written)

use axum::Router;

use crate::state::AppState;

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new()
}
