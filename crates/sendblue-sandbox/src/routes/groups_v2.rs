//! Groups v2 (§8): a group's metadata and members, renaming, and the group photo (by URL,
//! cleared with `null`, or uploaded as multipart `file`).

use axum::extract::{FromRequest, Multipart, Request, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use rusqlite::{Connection, OptionalExtension};
use serde_json::{json, Value};

use super::group_store::{self, Group};
use super::groups::acting_line;
use super::media;
use super::message_json::relative;
use crate::api_error::{ApiError, ApiResult};
use crate::extract::{Body, PathParams};
use crate::state::AppState;
use crate::util::{is_e164, require_url, uuid};

/// Largest group photo (§8.3).
pub const PHOTO_MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most decoded pixels in a group photo (§8.3).
const PHOTO_MAX_PIXELS: u64 = 25_000_000;

/// The v2 group paths.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v2/groups/{group_id}", get(get_group))
        .route("/api/v2/groups/{group_id}/name", post(set_name))
        .route(
            "/api/v2/groups/{group_id}/photo",
            post(set_photo).layer(axum::extract::DefaultBodyLimit::max(8 * 1024 * 1024)),
        )
}

fn load(conn: &Connection, group_id: &str) -> ApiResult<Group> {
    group_store::get(conn, group_id)?.ok_or_else(|| ApiError::not_found("Group not found"))
}

/// `{photo_guid, url}` or null; photos the sandbox hosts are stored origin-relative and
/// answered under its current origin.
fn photo_json(url: Option<&str>, guid: Option<&str>, origin: &str) -> Value {
    match url {
        Some(url) if url.starts_with('/') => {
            json!({"photo_guid": guid, "url": format!("{origin}{url}")})
        }
        Some(url) => json!({"photo_guid": guid, "url": url}),
        _ => Value::Null,
    }
}

/// The contact id and name stored for a member, if it is a contact.
fn contact_of(conn: &Connection, handle: &str) -> ApiResult<(Option<String>, Option<String>)> {
    let found: Option<(String, String, String)> = conn
        .query_row(
            "SELECT contact_id, first_name, last_name FROM contacts WHERE phone = ?1",
            [handle],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(match found {
        Some((id, first, last)) => {
            let name = format!("{first} {last}").trim().to_owned();
            (Some(id), (!name.is_empty()).then_some(name))
        }
        None => (None, None),
    })
}

/// `GET /api/v2/groups/{group_id}` (§8.1).
async fn get_group(
    State(state): State<AppState>,
    PathParams(group_id): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let data = state.store.with(|c| {
        let group = match load(c, &group_id) {
            Ok(g) => g,
            Err(e) => return Ok(Err(e)),
        };
        let mut participants = Vec::new();
        for (i, handle) in group.members.iter().enumerate() {
            let (contact_id, name) = match contact_of(c, handle) {
                Ok(found) => found,
                Err(e) => return Ok(Err(e)),
            };
            participants.push(json!({
                "participant_id": format!("p_{:02}", i + 1),
                "type": "contact",
                "handle": handle,
                "phone": is_e164(handle).then_some(handle),
                "name": name,
                "contact_id": contact_id,
                "seat_id": null,
            }));
        }
        let numbers: Vec<&String> = group.members.iter().filter(|m| is_e164(m)).collect();
        Ok(Ok(json!({
            "group_id": group.group_id,
            "group_name": group.group_name,
            "group_photo": photo_json(
                group.photo_url.as_deref(),
                group.photo_guid.as_deref(),
                &state.origin,
            ),
            "participants": participants,
            "participant_numbers": numbers,
            "latest_comm_at": group.latest_comm_at,
            "latest_message_id": group.latest_message_id,
            "worker_group_id": null,
            "created_at": group.created_at,
            "updated_at": group.updated_at,
        })))
    })??;
    Ok(Json(json!({"status": "OK", "data": data})))
}

fn optional_from(body: &Value) -> ApiResult<Option<String>> {
    match body.get("from_number") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ApiError::bad_request("from_number must be a string")),
    }
}

/// `POST /api/v2/groups/{group_id}/name` (§8.2): `null` or `""` clears the name; a name of
/// only spaces is refused.
async fn set_name(
    State(state): State<AppState>,
    PathParams(group_id): PathParams<String>,
    Body(body): Body<Value>,
) -> ApiResult<Json<Value>> {
    let name = match body.get("group_name") {
        None => return Err(ApiError::bad_request("Missing required field: group_name")),
        Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) if s.trim().is_empty() => {
            return Err(ApiError::bad_request(
                "group_name can't be only spaces; send a name, or null or \"\" to clear it",
            ))
        }
        Some(Value::String(s)) => Some(s.trim().to_owned()),
        Some(_) => return Err(ApiError::bad_request("group_name must be a string or null")),
    };
    let from = optional_from(&body)?;
    let line = state.store.tx(|tx| -> ApiResult<_> {
        let group = load(tx, &group_id)?;
        let line = acting_line(tx, &group, from.as_deref())?;
        group_store::set_name(tx, &group_id, name.as_deref())?;
        Ok(line)
    })?;
    Ok(Json(json!({
        "status": "OK",
        "data": {"group_id": group_id, "group_name": name, "from_number": line.number},
    })))
}

/// The image type of `bytes` (JPEG, PNG or GIF) and its pixel count when the header says.
fn sniff_image(bytes: &[u8]) -> Option<(&'static str, &'static str, Option<u64>)> {
    let be32 = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as u64;
    if bytes.starts_with(&[0x89, b'P', b'N', b'G']) && bytes.len() >= 24 {
        return Some((
            "image/png",
            "png",
            Some(be32(&bytes[16..20]) * be32(&bytes[20..24])),
        ));
    }
    if bytes.starts_with(b"GIF8") && bytes.len() >= 10 {
        let w = u16::from_le_bytes([bytes[6], bytes[7]]) as u64;
        let h = u16::from_le_bytes([bytes[8], bytes[9]]) as u64;
        return Some(("image/gif", "gif", Some(w * h)));
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(("image/jpeg", "jpg", jpeg_pixels(bytes)));
    }
    None
}

/// Width × height from a JPEG's start-of-frame segment.
fn jpeg_pixels(bytes: &[u8]) -> Option<u64> {
    let mut i = 2;
    while i + 9 < bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        let len = u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]) as usize;
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            let h = u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]) as u64;
            let w = u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]) as u64;
            return Some(w * h);
        }
        i += 2 + len;
    }
    None
}

fn photo_url_ok(url: &str) -> bool {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".gif"]
        .iter()
        .any(|ext| path.ends_with(ext))
}

/// What a photo request asks: a new photo (a URL, or uploaded bytes not stored yet), or
/// clearing it.
struct PhotoRequest {
    photo_url: Option<String>,
    upload: Option<Upload>,
    from_number: Option<String>,
}

/// An uploaded image, checked, waiting to be stored.
struct Upload {
    file_name: String,
    content_type: &'static str,
    bytes: bytes::Bytes,
}

async fn read_multipart(mut form: Multipart) -> ApiResult<PhotoRequest> {
    let too_big = || ApiError::bad_request("The photo is larger than 5 MB");
    let (mut file, mut from_number) = (None, None);
    while let Some(field) = form.next_field().await.map_err(|e| {
        if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            too_big()
        } else {
            ApiError::bad_request(format!("Invalid multipart body: {}", e.body_text()))
        }
    })? {
        match field.name() {
            Some("file") => {
                let name = field.file_name().unwrap_or("photo").to_owned();
                let bytes = field.bytes().await.map_err(|_| too_big())?;
                file = Some((name, bytes));
            }
            Some("from_number") => {
                from_number = Some(field.text().await.unwrap_or_default().trim().to_owned())
                    .filter(|s| !s.is_empty());
            }
            _ => {}
        }
    }
    let (name, bytes) = file.ok_or_else(|| {
        ApiError::bad_request("Missing file: send the image as the multipart part `file`")
    })?;
    if bytes.len() > PHOTO_MAX_BYTES {
        return Err(too_big());
    }
    let (content_type, ext, pixels) = sniff_image(&bytes)
        .ok_or_else(|| ApiError::bad_request("The photo must be a JPEG, PNG or GIF image"))?;
    if pixels.is_some_and(|p| p > PHOTO_MAX_PIXELS) {
        return Err(ApiError::bad_request(
            "The photo has more than 25 million pixels",
        ));
    }
    let stem = name.rsplit_once('.').map(|(s, _)| s).unwrap_or(&name);
    Ok(PhotoRequest {
        photo_url: None,
        upload: Some(Upload {
            file_name: format!("{stem}.{ext}"),
            content_type,
            bytes,
        }),
        from_number,
    })
}

fn read_json(state: &AppState, body: &Value) -> ApiResult<PhotoRequest> {
    let photo_url = match body.get("photo_url") {
        None => return Err(ApiError::bad_request("Missing required field: photo_url")),
        Some(Value::Null) => None,
        Some(Value::String(url)) => {
            require_url("photo_url", url, &state.origin)?;
            if !photo_url_ok(url) {
                return Err(ApiError::bad_request(
                    "The photo must be a JPEG, PNG or GIF image (the URL must end in .jpg, .jpeg, .png or .gif)",
                ));
            }
            Some(url.clone())
        }
        Some(_) => return Err(ApiError::bad_request("photo_url must be a string or null")),
    };
    Ok(PhotoRequest {
        photo_url,
        upload: None,
        from_number: optional_from(body)?,
    })
}

/// `POST /api/v2/groups/{group_id}/photo` (§8.3): JSON `{photo_url}` (null clears) or a
/// multipart `file`; JPEG, PNG or GIF up to 5 MB; only V2 (Mac) lines can change it.
async fn set_photo(
    State(state): State<AppState>,
    PathParams(group_id): PathParams<String>,
    request: Request,
) -> ApiResult<Json<Value>> {
    let multipart = request
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("multipart/form-data"));
    let ask = if multipart {
        let form = Multipart::from_request(request, &state)
            .await
            .map_err(|e| {
                ApiError::bad_request(format!("Invalid multipart body: {}", e.body_text()))
            })?;
        read_multipart(form).await?
    } else {
        let Body(body) = Body::<Value>::from_request(request, &state).await?;
        read_json(&state, &body)?
    };
    let line = state.store.with(|c| {
        Ok(load(c, &group_id).and_then(|g| acting_line(c, &g, ask.from_number.as_deref())))
    })??;
    if line.kind != "v2" {
        return Err(ApiError::bad_request(
            "This line can't change group photos; a V2 (Mac) line is needed",
        )
        .code("unsupported_line"));
    }
    let mut ask = ask;
    if let Some(upload) = ask.upload.take() {
        let id = media::store_bytes(
            &state,
            &upload.file_name,
            upload.content_type,
            &upload.bytes,
            None,
        )
        .await?;
        ask.photo_url = Some(format!("/media/{id}"));
    }
    let photo = ask.photo_url.map(|url| {
        let guid = format!("ph_{}", &uuid().replace('-', "")[..12]);
        (relative(&url, &state.origin), guid)
    });
    state.store.tx(|tx| {
        group_store::set_photo(
            tx,
            &group_id,
            photo.as_ref().map(|(u, g)| (u.as_str(), g.as_str())),
        )
    })?;
    let group_photo = photo_json(
        photo.as_ref().map(|p| p.0.as_str()),
        photo.as_ref().map(|p| p.1.as_str()),
        &state.origin,
    );
    Ok(Json(json!({
        "status": "OK",
        "data": {"group_id": group_id, "group_photo": group_photo, "from_number": line.number},
    })))
}
