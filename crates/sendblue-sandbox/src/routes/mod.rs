//! The API surface, one module per area. Each area module has `router()` (API paths) and may
//! have `admin()` (its `/__sandbox/...` simulation paths).

use axum::routing::{delete, get, post};
use axum::Router;

use crate::api_error::not_emulated;
use crate::state::AppState;

pub mod contacts;
pub mod contacts_input;
pub mod contacts_store;
pub mod events;
pub mod facetime;
pub mod groups;
pub mod lines;
pub mod media;
pub mod messages;
pub mod numbers;
pub mod provisioning;
pub mod reactions;
pub mod sharing;
pub mod sharing_photo;
pub mod webhooks;
// Messaging helpers (see messages.rs, groups.rs, reactions.rs, media.rs).
pub mod carousel;
pub mod group_store;
pub mod groups_v2;
pub mod message_engine;
pub mod message_history;
pub mod message_json;
pub mod message_store;
pub mod outbound;
pub mod people;
pub mod service_rule;

/// Every emulated API path, plus 501 answers for the reference endpoints that are not.
pub fn api() -> Router<AppState> {
    Router::new()
        .merge(contacts::router())
        .merge(events::router())
        .merge(facetime::router())
        .merge(groups::router())
        .merge(lines::router())
        .merge(media::router())
        .merge(messages::router())
        .merge(provisioning::router())
        .merge(reactions::router())
        .merge(sharing::router())
        .merge(webhooks::router())
        .merge(not_emulated_routes())
}

/// Paths served without authentication: uploaded media, which recipients' phones and the
/// console's previews fetch by URL.
pub fn public() -> Router<AppState> {
    Router::new().merge(media::public())
}

/// The areas' simulation paths under `/__sandbox`.
pub fn admin() -> Router<AppState> {
    Router::new().merge(lines::admin()).merge(messages::admin())
}

/// Reference endpoints outside the sandbox's scope (not in the product's original overview and
/// not needed by the console): they answer 501 with the documented error shape.
fn not_emulated_routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/messages/{message_handle}/update-app-card",
            post(not_emulated),
        )
        .route("/api/request-location", post(not_emulated))
        .route("/api/v2/seats", get(not_emulated))
        .route("/api/v2/seats/count", get(not_emulated))
        .route("/api/v2/seats/{seat_id}", get(not_emulated))
        .route("/v3/auth/tokens", post(not_emulated))
        .route("/v3/auth/tokens/{token_id}", delete(not_emulated))
        .route("/account", get(not_emulated))
        .route("/accounts/lines/request-child-account", post(not_emulated))
        .route("/api/location", get(not_emulated))
        .route("/api/location/{number}", get(not_emulated))
        .route("/api/location/{number}/watch", get(not_emulated))
        .route(
            "/v3/verified-contacts",
            get(not_emulated).post(not_emulated),
        )
        .route("/v3/verified-contacts/{phone_number}", get(not_emulated))
        .route(
            "/accounts/verify-contact-on-shared-account",
            post(not_emulated),
        )
        .route("/accounts/shared-contacts", get(not_emulated))
        .route(
            "/api/v2/verify/services/{service_sid}/verifications",
            post(not_emulated),
        )
        .route(
            "/api/v2/verify/services/{service_sid}/verifications/{verification_sid}",
            get(not_emulated),
        )
        .route("/api/v2/verify/verifications", get(not_emulated))
        .route("/api/v2/totp/secrets", get(not_emulated).post(not_emulated))
        .route("/api/v2/totp/secrets/{secret_id}", delete(not_emulated))
        .route("/api/v2/totp/code/{secret_id}", get(not_emulated))
}
