//! Contact Sharing — the iMessage "Name & Photo" card (§15): read a line's profile, create or
//! overwrite it (the photo stored when local, see `sharing_photo.rs`), push the card into an
//! existing 1:1 iMessage chat (once per pair per 24 h), and delete it. Publishing a profile
//! completes one tick after the answer, reported by the `contact_profile` webhook.

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api_error::{ApiError, ApiResult};
use crate::domain::Line;
use crate::extract::{Body, Params};
use crate::notify::{Notice, WebhookNotice};
use crate::routes::numbers::{account_line, query_phone, require_account_line};
use crate::routes::sharing_photo;
use crate::state::AppState;
use crate::util::{now_iso, now_ms, require_e164, require_url};

/// Shares of the same card into the same chat within this window are de-duplicated.
const SHARE_DEDUP_MS: i64 = 24 * 60 * 60 * 1000;

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v2/contact-sharing/state", get(read_state))
        .route(
            "/api/v2/contact-sharing/profile",
            post(set_profile).delete(delete_profile),
        )
        .route("/api/v2/contact-sharing/share", post(share))
}

/// The line of `fromNumber`, checked: E.164 and the account's (400 otherwise).
fn from_line(conn: &Connection, raw: Option<&str>) -> ApiResult<Line> {
    require_account_line(conn, "fromNumber", raw)
}

fn require_sharing(line: &Line) -> ApiResult<()> {
    if line.contact_sharing {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "Contact sharing is not enabled for this line",
        ))
    }
}

/// A line's profile as the state and profile answers carry it (§15.1).
pub fn profile_json(conn: &Connection, from_number: &str) -> rusqlite::Result<Value> {
    let row = conn
        .query_row(
            "SELECT first_name, last_name, display_name, photo_url, sharing_enabled
             FROM sharing_profiles WHERE from_number = ?1",
            [from_number],
            |r| {
                Ok(json!({
                    "hasProfile": true,
                    "firstName": r.get::<_, Option<String>>(0)?,
                    "lastName": r.get::<_, Option<String>>(1)?,
                    "displayName": r.get::<_, Option<String>>(2)?,
                    "sharingEnabled": r.get::<_, bool>(4)?,
                    "hasPhoto": r.get::<_, Option<String>>(3)?.is_some(),
                }))
            },
        )
        .optional()?;
    Ok(row.unwrap_or_else(|| {
        json!({
            "hasProfile": false,
            "firstName": null,
            "lastName": null,
            "displayName": null,
            "sharingEnabled": false,
            "hasPhoto": false,
        })
    }))
}

#[derive(Debug, Deserialize)]
struct StateParams {
    #[serde(rename = "fromNumber")]
    from_number: Option<String>,
}

async fn read_state(
    State(state): State<AppState>,
    Params(p): Params<StateParams>,
) -> ApiResult<Json<Value>> {
    let from = p.from_number.as_deref().map(query_phone);
    let data = state.store.with(|c| {
        Ok(from_line(c, from.as_deref()).and_then(|line| Ok(profile_json(c, &line.number)?)))
    })??;
    Ok(Json(json!({"status": "OK", "data": data})))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProfileBody {
    #[serde(default)]
    from_number: Option<String>,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    photo_url: Option<String>,
    #[serde(default)]
    clear_photo: Option<bool>,
}

/// `""` clears a name (stored as none).
fn name(value: String) -> Option<String> {
    let value = value.trim().to_owned();
    (!value.is_empty()).then_some(value)
}

/// Creates or overwrites the profile. Names are replaced (`""` clears); `displayName` and
/// the photo are kept when left out; `clearPhoto` removes the photo.
async fn set_profile(
    State(state): State<AppState>,
    Body(body): Body<ProfileBody>,
) -> ApiResult<Json<Value>> {
    let line = state
        .store
        .with(|c| Ok(from_line(c, body.from_number.as_deref())))??;
    let first_name = body
        .first_name
        .ok_or_else(|| ApiError::bad_request("Missing required field: firstName"))?;
    let last_name = body
        .last_name
        .ok_or_else(|| ApiError::bad_request("Missing required field: lastName"))?;
    let clear_photo = body.clear_photo == Some(true);
    let photo_url = body.photo_url.map(|u| u.trim().to_owned());
    if clear_photo && photo_url.is_some() {
        return Err(ApiError::bad_request(
            "clearPhoto can't be combined with photoUrl",
        ));
    }
    if let Some(url) = &photo_url {
        require_url("photoUrl", url, &state.origin)?;
    }
    require_sharing(&line)?;
    let photo = match &photo_url {
        Some(url) => Some(sharing_photo::resolve(&state, url).await?),
        None => None,
    };
    let data = state.store.tx(|tx| -> rusqlite::Result<Value> {
        let kept: Option<(Option<String>, Option<String>, Option<String>)> = tx
            .query_row(
                "SELECT display_name, photo_url, photo_media_id FROM sharing_profiles
                 WHERE from_number = ?1",
                [&line.number],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let (kept_display, kept_url, kept_media) = kept.unwrap_or_default();
        let display = match body.display_name {
            Some(d) => name(d),
            None => kept_display,
        };
        let (url, media) = match (&photo, clear_photo) {
            (Some(p), _) => (Some(p.url.clone()), p.media_id.clone()),
            (None, true) => (None, None),
            (None, false) => (kept_url, kept_media),
        };
        tx.execute(
            "INSERT INTO sharing_profiles (from_number, first_name, last_name, display_name,
                photo_url, photo_media_id, sharing_enabled, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)
             ON CONFLICT (from_number) DO UPDATE SET first_name = excluded.first_name,
                last_name = excluded.last_name, display_name = excluded.display_name,
                photo_url = excluded.photo_url, photo_media_id = excluded.photo_media_id,
                sharing_enabled = 1, updated_at = excluded.updated_at",
            params![
                line.number,
                name(first_name),
                name(last_name),
                display,
                url,
                media,
                now_iso()
            ],
        )?;
        profile_json(tx, &line.number)
    })?;
    publish_after_a_tick(&state, &line.number);
    Ok(Json(json!({"status": "OK", "data": data})))
}

/// Applying a profile continues after the answer: one tick later the `contact_profile`
/// webhook reports it published.
fn publish_after_a_tick(state: &AppState, from_number: &str) {
    let state = state.clone();
    let from_number = from_number.to_owned();
    tokio::spawn(async move {
        tokio::time::sleep(state.config.tick).await;
        state.emit(Notice {
            webhook: Some(WebhookNotice {
                webhook_type: "contact_profile",
                payload: json!({
                    "type": "contact_profile",
                    "from_number": from_number,
                    "state": "published",
                    "error": null,
                    "occurred_at": now_iso(),
                }),
                line: Some(from_number.clone()),
            }),
            ..Notice::default()
        });
    });
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ShareBody {
    #[serde(default)]
    from_number: Option<String>,
    #[serde(default)]
    to_number: Option<String>,
}

/// Pushes the card into the 1:1 iMessage chat between the line and `toNumber`; a repeat for
/// the same pair within 24 h is answered `deduplicated: true` and does nothing.
async fn share(
    State(state): State<AppState>,
    Body(body): Body<ShareBody>,
) -> ApiResult<Json<Value>> {
    let from = require_e164("fromNumber", body.from_number.as_deref())?;
    let to = require_e164("toNumber", body.to_number.as_deref())?;
    let deduplicated = state.store.tx(|tx| -> ApiResult<bool> {
        let line = account_line(tx, "fromNumber", &from)?;
        require_sharing(&line)?;
        let has_profile = tx
            .query_row(
                "SELECT 1 FROM sharing_profiles WHERE from_number = ?1",
                [&line.number],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if !has_profile {
            return Err(ApiError::bad_request(
                "This line has no contact-sharing profile yet; create one first",
            ));
        }
        let chat = tx
            .query_row(
                "SELECT 1 FROM messages WHERE number = ?1 AND sendblue_number = ?2
                    AND service = 'iMessage' AND group_id = '' LIMIT 1",
                params![to, line.number],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if !chat {
            return Err(ApiError::bad_request(format!(
                "There is no 1:1 iMessage conversation between {} and {to}; the card can only be \
                 shared into an existing one",
                line.number
            )));
        }
        let now = now_ms();
        let last: Option<i64> = tx
            .query_row(
                "SELECT at_ms FROM sharing_shares WHERE from_number = ?1 AND to_number = ?2",
                params![line.number, to],
                |r| r.get(0),
            )
            .optional()?;
        if last.is_some_and(|at| now - at < SHARE_DEDUP_MS) {
            return Ok(true);
        }
        tx.execute(
            "INSERT INTO sharing_shares (from_number, to_number, at_ms) VALUES (?1, ?2, ?3)
             ON CONFLICT (from_number, to_number) DO UPDATE SET at_ms = excluded.at_ms",
            params![line.number, to, now],
        )?;
        Ok(false)
    })?;
    Ok(Json(json!({
        "status": "OK",
        "requested": true,
        "deduplicated": deduplicated,
    })))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FromBody {
    #[serde(default)]
    from_number: Option<String>,
}

/// Disables sharing and removes the profile; succeeds when there was none.
async fn delete_profile(
    State(state): State<AppState>,
    Body(body): Body<FromBody>,
) -> ApiResult<Json<Value>> {
    state.store.tx(|tx| -> ApiResult<()> {
        let line = from_line(tx, body.from_number.as_deref())?;
        tx.execute(
            "DELETE FROM sharing_profiles WHERE from_number = ?1",
            [&line.number],
        )?;
        Ok(())
    })?;
    Ok(Json(json!({"status": "OK"})))
}
