//! Media (§7): uploads stored on disk beside the database and served without authentication
//! under the sandbox's origin (`GET /media/{id}`), and re-hosting from a URL.
//!
//! `upload-media-object` fetches the bytes when the source is on this machine (loopback or
//! the sandbox itself); for any other source — which a local sandbox may not be able to
//! reach — it records the URL, and `GET /media/{id}` redirects (302) to it.

use std::time::Duration;

use axum::body::Body as HttpBody;
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rusqlite::{params, OptionalExtension};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::api_error::{ApiError, ApiResult};
use crate::extract::{Body, PathParams};
use crate::state::AppState;
use crate::util::{is_local_url, now_iso, url_allowed, uuid};

/// Largest upload (§7.1, §21).
pub const UPLOAD_MAX_BYTES: u64 = 100 * 1024 * 1024;

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/upload-file",
            // The size is counted while streaming to disk, so axum's limit is off.
            post(upload_file).layer(DefaultBodyLimit::disable()),
        )
        .route("/api/upload-media-object", post(upload_media_object))
}

/// Unauthenticated paths (`GET /media/{id}`).
pub fn public() -> Router<AppState> {
    Router::new().route("/media/{id}", get(serve))
}

/// The public URL of a stored media object.
pub fn url_of(state: &AppState, id: &str) -> String {
    format!("{}/media/{id}", state.origin)
}

/// A file name safe on disk and in a URL: letters, digits, `.`, `-` and `_` kept, the rest
/// replaced by `_`.
fn sanitize(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let clean = clean.trim_start_matches('.').to_owned();
    if clean.is_empty() {
        "upload".into()
    } else {
        clean.chars().take(120).collect()
    }
}

fn short_id() -> String {
    uuid().replace('-', "")[..10].to_owned()
}

/// The content type of a file by its extension.
pub fn content_type_for(name: &str) -> &'static str {
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "heic" => "image/heic",
        "heif" => "image/heif",
        "mp4" | "m4v" => "video/mp4",
        "mov" => "video/quicktime",
        "mp3" => "audio/mpeg",
        "m4a" => "audio/mp4",
        "caf" => "audio/x-caf",
        "wav" => "audio/wav",
        "pdf" => "application/pdf",
        "vcf" | "vcard" => "text/vcard",
        "txt" => "text/plain",
        "json" => "application/json",
        "csv" => "text/csv",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

fn record(
    state: &AppState,
    id: &str,
    file_name: &str,
    content_type: &str,
    size: u64,
    source_url: Option<&str>,
) -> ApiResult<()> {
    state.store.with(|c| {
        c.execute(
            "INSERT INTO media (id, file_name, content_type, size, source_url, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                file_name,
                content_type,
                size as i64,
                source_url,
                now_iso()
            ],
        )
    })?;
    Ok(())
}

/// Writes `bytes` to disk as the media object `id` and records it.
async fn write(
    state: &AppState,
    id: &str,
    file_name: &str,
    content_type: &str,
    bytes: &[u8],
    source_url: Option<&str>,
) -> ApiResult<()> {
    tokio::fs::write(state.config.media_dir().join(id), bytes)
        .await
        .map_err(ApiError::internal)?;
    record(
        state,
        id,
        file_name,
        content_type,
        bytes.len() as u64,
        source_url,
    )
}

/// Stores `bytes` as a new media object named after `file_name` (fetched from `source_url`,
/// when they were); returns its id.
pub async fn store_bytes(
    state: &AppState,
    file_name: &str,
    content_type: &str,
    bytes: &[u8],
    source_url: Option<&str>,
) -> ApiResult<String> {
    let id = format!("{}_{}", short_id(), sanitize(file_name));
    write(state, &id, file_name, content_type, bytes, source_url).await?;
    Ok(id)
}

/// Why a [`download`] failed.
#[derive(Debug)]
pub enum DownloadFailure {
    /// The request could not be sent or its body not read.
    Transport(reqwest::Error),
    /// The server answered something other than 2xx.
    Status(reqwest::StatusCode),
}

/// GETs `url` within `timeout`: the body and its content type (parameters dropped). A failure
/// becomes the caller's error through `fail`.
pub async fn download(
    url: &str,
    timeout: Duration,
    fail: impl Fn(DownloadFailure) -> ApiError,
) -> ApiResult<(bytes::Bytes, Option<String>)> {
    let client = reqwest::Client::builder()
        .timeout(timeout)
        .build()
        .map_err(ApiError::internal)?;
    let response = client
        .get(url)
        .send()
        .await
        .map_err(|e| fail(DownloadFailure::Transport(e)))?;
    if !response.status().is_success() {
        return Err(fail(DownloadFailure::Status(response.status())));
    }
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or(v).trim().to_owned());
    let bytes = response
        .bytes()
        .await
        .map_err(|e| fail(DownloadFailure::Transport(e)))?;
    Ok((bytes, content_type))
}

fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "File too large: uploads are limited to 100 MB",
    )
}

/// `POST /api/upload-file` (§7.1): the multipart part `file`, up to 100 MB, streamed to disk.
async fn upload_file(
    State(state): State<AppState>,
    request: Request,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > UPLOAD_MAX_BYTES + 1024 * 1024) {
        return Err(too_large());
    }
    let mut form = Multipart::from_request(request, &state)
        .await
        .map_err(|_| {
            ApiError::bad_request("Send the file as multipart/form-data with a part named `file`")
        })?;
    let bad_form = |e: axum::extract::multipart::MultipartError| {
        ApiError::bad_request(format!("Invalid multipart body: {}", e.body_text()))
    };
    while let Some(mut field) = form.next_field().await.map_err(bad_form)? {
        if field.name() != Some("file") {
            continue;
        }
        let original = field.file_name().unwrap_or("upload").to_owned();
        let id = format!("{}_{}", short_id(), sanitize(&original));
        let content_type = match content_type_for(&id) {
            "application/octet-stream" => field
                .content_type()
                .unwrap_or("application/octet-stream")
                .to_owned(),
            known => known.to_owned(),
        };
        let path = state.config.media_dir().join(&id);
        let mut file = tokio::fs::File::create(&path)
            .await
            .map_err(ApiError::internal)?;
        let mut size = 0u64;
        let outcome: ApiResult<()> = async {
            while let Some(chunk) = field.chunk().await.map_err(bad_form)? {
                size += chunk.len() as u64;
                if size > UPLOAD_MAX_BYTES {
                    return Err(too_large());
                }
                file.write_all(&chunk).await.map_err(ApiError::internal)?;
            }
            file.flush().await.map_err(ApiError::internal)?;
            if size == 0 {
                return Err(ApiError::bad_request("The file is empty"));
            }
            Ok(())
        }
        .await;
        drop(file);
        if let Err(e) = outcome {
            let _ = tokio::fs::remove_file(&path).await;
            return Err(e);
        }
        record(&state, &id, &original, &content_type, size, None)?;
        return Ok((
            StatusCode::CREATED,
            Json(json!({
                "status": "OK",
                "message": "File uploaded successfully",
                "media_url": url_of(&state, &id),
                "mediaObjectId": id,
            })),
        ));
    }
    Err(ApiError::bad_request(
        "Missing file: send the file as the multipart part `file`",
    ))
}

fn invalid_url() -> ApiError {
    ApiError::bad_request("Invalid media URL")
}

async fn fetch(url: &str) -> ApiResult<(bytes::Bytes, Option<String>)> {
    let (bytes, content_type) = download(url, Duration::from_secs(30), |failure| {
        let why = match failure {
            DownloadFailure::Transport(e) => format!("could not download it ({e})"),
            DownloadFailure::Status(s) => format!("could not download it (HTTP {})", s.as_u16()),
        };
        ApiError::bad_request(format!("Invalid media URL: {why}"))
    })
    .await?;
    if bytes.len() as u64 > UPLOAD_MAX_BYTES {
        return Err(too_large());
    }
    Ok((bytes, content_type))
}

/// `POST /api/upload-media-object` (§7.2): `{media_url}` → 201 with `mediaObjectId` and a
/// usable `media_url` (an extra the reference recommends, §22.17).
async fn upload_media_object(
    State(state): State<AppState>,
    Body(body): Body<Value>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let raw = body
        .get("media_url")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .ok_or_else(invalid_url)?;
    let url = url::Url::parse(raw).map_err(|_| invalid_url())?;
    if !url_allowed(raw, &state.origin) {
        return Err(invalid_url());
    }
    let last = url
        .path_segments()
        .and_then(|mut s| s.next_back())
        .unwrap_or("")
        .to_owned();
    let ext = last
        .rsplit_once('.')
        .map(|(_, e)| sanitize(e))
        .filter(|e| !e.is_empty() && e.len() <= 8);
    let id = match &ext {
        Some(ext) => format!("MO_{}.{ext}", short_id()),
        None => format!("MO_{}", short_id()),
    };
    let name = if last.is_empty() { id.clone() } else { last };
    if is_local_url(raw, &state.origin) {
        let (bytes, fetched_type) = fetch(raw).await?;
        let content_type = match content_type_for(&id) {
            "application/octet-stream" => {
                fetched_type.unwrap_or_else(|| "application/octet-stream".into())
            }
            known => known.to_owned(),
        };
        write(&state, &id, &name, &content_type, &bytes, Some(raw)).await?;
    } else {
        record(&state, &id, &name, content_type_for(&id), 0, Some(raw))?;
    }
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "status": "OK",
            "message": "File uploaded successfully",
            "mediaObjectId": id,
            "media_url": url_of(&state, &id),
        })),
    ))
}

/// `GET /media/{id}`: the stored bytes with their content type, or a redirect to a source
/// the sandbox only recorded.
async fn serve(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<Response, ApiError> {
    let found: Option<(String, Option<String>)> = state.store.with(|c| {
        c.query_row(
            "SELECT content_type, source_url FROM media WHERE id = ?1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
    })?;
    let Some((content_type, source)) = found else {
        return Err(ApiError::not_found("Media not found"));
    };
    let path = state.config.media_dir().join(&id);
    let file = match tokio::fs::File::open(&path).await {
        Ok(file) => file,
        Err(_) => {
            return match source {
                Some(url) => Ok((StatusCode::FOUND, [(header::LOCATION, url)]).into_response()),
                None => Err(ApiError::not_found("Media not found")),
            }
        }
    };
    let len = file.metadata().await.map_err(ApiError::internal)?.len();
    let chunks = futures_util::stream::unfold(Some(file), |file| async move {
        let mut file = file?;
        let mut buf = vec![0u8; 64 * 1024];
        match file.read(&mut buf).await {
            Ok(0) => None,
            Ok(n) => {
                buf.truncate(n);
                Some((Ok(bytes::Bytes::from(buf)), Some(file)))
            }
            Err(e) => Some((Err::<bytes::Bytes, _>(e), None)),
        }
    });
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_LENGTH, len.to_string()),
        ],
        HttpBody::from_stream(chunks),
    )
        .into_response())
}
