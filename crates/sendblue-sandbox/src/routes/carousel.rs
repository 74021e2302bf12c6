//! `POST /api/send-carousel` (§4.7): 2–20 HTTPS images as one swipeable iMessage carousel,
//! from V2 (Mac) lines only. Answers 202 with the guide's short body; the message then
//! progresses like any other, and its `metadata` is echoed in its webhooks.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::message_json::relative;
use super::outbound::{self, Draft};
use crate::api_error::{ApiError, ApiResult};
use crate::extract::Body;
use crate::state::AppState;
use crate::util::{require_e164, url_allowed};

/// Fewest and most images (§4.7).
const IMAGES: std::ops::RangeInclusive<usize> = 2..=20;

/// The carousel path.
pub fn router() -> Router<AppState> {
    Router::new().route("/api/send-carousel", post(send_carousel))
}

/// The body, with the guide's aliases.
#[derive(Debug, Deserialize)]
struct CarouselBody {
    #[serde(alias = "recipient", alias = "to")]
    number: Option<String>,
    #[serde(alias = "fromNumber", alias = "from", alias = "sendblue_number")]
    from_number: Option<String>,
    #[serde(alias = "mediaURLs")]
    media_urls: Option<Value>,
    #[serde(alias = "statusCallback")]
    status_callback: Option<String>,
    #[serde(alias = "sendStyle")]
    send_style: Option<String>,
    metadata: Option<Value>,
    reply_to: Option<Value>,
    seat_id: Option<String>,
}

fn media_urls(raw: Option<&Value>, origin: &str) -> ApiResult<Vec<String>> {
    let Some(Value::Array(items)) = raw else {
        return Err(ApiError::bad_request(
            "'media_urls' is required — an array of 2-20 HTTPS URLs",
        ));
    };
    if items.len() < *IMAGES.start() {
        return Err(ApiError::bad_request(
            "Carousel requires at least 2 media URLs. For single media, use /send-message with media_url.",
        ));
    }
    if items.len() > *IMAGES.end() {
        return Err(ApiError::bad_request(format!(
            "Carousel allows at most 20 media URLs; got {}",
            items.len()
        )));
    }
    items
        .iter()
        .map(|item| match item.as_str() {
            Some(url) if url_allowed(url, origin) => Ok(url.to_owned()),
            _ => Err(ApiError::bad_request(format!(
                "Every media URL must be an HTTPS URL; this one is not: {item}"
            ))),
        })
        .collect()
}

async fn send_carousel(
    State(state): State<AppState>,
    Body(body): Body<CarouselBody>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let number = require_e164("number", body.number.as_deref())?;
    let line = outbound::require_sending_line(&state, body.from_number.as_deref())?;
    let urls = media_urls(body.media_urls.as_ref(), &state.origin)?;
    if !(line.kind == "v2" && line.carousel) {
        return Err(ApiError::bad_request(
            "Carousels can only be sent from a V2 (Mac) line; this line cannot send them",
        ));
    }
    let metadata = match body.metadata {
        None | Some(Value::Null) => None,
        Some(m @ Value::Object(_)) => Some(m),
        Some(_) => return Err(ApiError::bad_request("metadata must be a JSON object")),
    };
    let (status_callback, send_style) = outbound::check_options(
        &state.origin,
        body.status_callback.as_deref(),
        body.send_style.as_deref(),
        body.seat_id.as_deref(),
    )?;
    let reply_to =
        outbound::check_direct_reply_to(&state, body.reply_to.as_ref(), &number, &line.number)?;
    let (row, ctx) = outbound::queue(
        &state,
        Draft {
            line: Some(line),
            to: number,
            message_type: "carousel",
            media_url: relative(&urls[0], &state.origin),
            media_urls: Some(urls),
            send_style,
            status_callback,
            reply_to,
            metadata,
            ..Draft::default()
        },
    )?;
    let mut answer = json!({
        "status": row.status,
        "accountEmail": ctx.account.email,
        "message_handle": row.handle,
        "number": row.number,
        "from_number": row.from_number,
        "media_url": ctx.absolute(&row.media_url),
        "is_outbound": true,
        "message_type": "carousel",
    });
    if let Some(reply_to) = &row.reply_to {
        answer["reply_to"] = reply_to.clone();
    }
    Ok((StatusCode::ACCEPTED, Json(answer)))
}
