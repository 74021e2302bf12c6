//! FaceTime (§17): `POST /facetime/start-call` (no `/api` prefix, camelCase fields) answers
//! the documented shape with generated Agora credentials. No call is placed: there is no
//! Agora channel behind the credentials, and no `call_log` webhook follows.

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api_error::{ApiError, ApiResult};
use crate::extract::Body;
use crate::routes::numbers::require_account_line;
use crate::state::AppState;
use crate::util::{require_e164, uuid};

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new().route("/facetime/start-call", post(start_call))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StartCallBody {
    #[serde(default)]
    phone_number: Option<String>,
    #[serde(default)]
    from_number: Option<String>,
}

/// The account's Agora app id: the same for every call of a sandbox with these keys, as a
/// real account's is.
fn app_id(key_id: &str) -> String {
    (0u64..2)
        .map(|seed| {
            // FNV-1a, seeded, for 16 stable hex digits per round.
            let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
            for b in key_id.bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
            format!("{h:016x}")
        })
        .collect()
}

fn hex(len: usize) -> String {
    let mut out = String::new();
    while out.len() < len {
        out.push_str(&uuid().replace('-', ""));
    }
    out.truncate(len);
    out
}

async fn start_call(
    State(state): State<AppState>,
    Body(body): Body<StartCallBody>,
) -> ApiResult<Json<Value>> {
    let callee = require_e164("phoneNumber", body.phone_number.as_deref())?;
    let line = state.store.with(|c| {
        Ok(require_account_line(
            c,
            "fromNumber",
            body.from_number.as_deref(),
        ))
    })??;
    if !line.facetime {
        return Err(ApiError::forbidden("FaceTime is not enabled for this line"));
    }
    if callee == line.number {
        return Err(ApiError::bad_request("A line can't call itself"));
    }
    Ok(Json(json!({
        "status": "OK",
        "message": "Call started",
        "agora": {
            "appId": app_id(&state.config.key_id),
            "channelName": format!("ft_call_{}", hex(16)),
            "token": format!("007eJx{}", hex(96)),
            "uid": 0,
        },
    })))
}
