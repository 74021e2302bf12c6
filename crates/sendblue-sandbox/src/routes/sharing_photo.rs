//! The contact-sharing photo: when `photoUrl` points at the sandbox itself or a loopback
//! address, the bytes are fetched and kept as a media object (a `media` row and a file in
//! `config.media_dir()`, served under `/media/{id}`); any other URL is recorded as given,
//! since the sandbox has no internet to fetch it from.

use std::time::Duration;

use rusqlite::params;

use crate::api_error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::util::{now_iso, uuid};

/// The largest photo the sandbox stores.
const MAX_PHOTO_BYTES: usize = 10 * 1024 * 1024;

/// A photo as the profile records it.
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    /// The URL the profile shows (the stored copy's URL when fetched).
    pub url: String,
    /// The media object holding the bytes, when fetched.
    pub media_id: Option<String>,
}

/// Whether the sandbox fetches this URL itself: its own origin or a loopback host.
fn fetchable(raw: &str, own_origin: &str) -> bool {
    if raw.starts_with(own_origin) {
        return true;
    }
    url::Url::parse(raw).is_ok_and(|u| {
        matches!(
            u.host_str(),
            Some("127.0.0.1") | Some("localhost") | Some("[::1]")
        )
    })
}

/// JPEG or PNG by their first bytes.
fn image_type(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("image/png", "png"))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("image/jpeg", "jpg"))
    } else {
        None
    }
}

/// Resolves `photoUrl`: fetched and stored when local, recorded as given otherwise. A local
/// URL that can't be fetched, or that is not a JPEG or PNG, is a 400.
pub async fn resolve(state: &AppState, raw: &str) -> ApiResult<Photo> {
    if !fetchable(raw, &state.origin) {
        return Ok(Photo {
            url: raw.to_owned(),
            media_id: None,
        });
    }
    let cant = |why: String| ApiError::bad_request(format!("Could not fetch photoUrl: {why}"));
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(ApiError::internal)?;
    let response = client
        .get(raw)
        .send()
        .await
        .map_err(|e| cant(e.to_string()))?;
    if !response.status().is_success() {
        return Err(cant(format!("the server answered {}", response.status())));
    }
    let bytes = response.bytes().await.map_err(|e| cant(e.to_string()))?;
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(ApiError::bad_request(
            "The photo at photoUrl is larger than 10 MB",
        ));
    }
    let (content_type, extension) = image_type(&bytes)
        .ok_or_else(|| ApiError::bad_request("photoUrl must point to a JPEG or PNG image"))?;
    let file_name = format!("contact-photo.{extension}");
    let id = format!("{}_{file_name}", &uuid().replace('-', "")[..10]);
    let dir = state.config.media_dir();
    tokio::fs::create_dir_all(&dir)
        .await
        .map_err(ApiError::internal)?;
    tokio::fs::write(dir.join(&id), &bytes)
        .await
        .map_err(ApiError::internal)?;
    state.store.tx(|tx| {
        tx.execute(
            "INSERT INTO media (id, file_name, content_type, size, source_url, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                file_name,
                content_type,
                bytes.len() as i64,
                raw,
                now_iso()
            ],
        )
    })?;
    Ok(Photo {
        url: format!("{}/media/{id}", state.origin),
        media_id: Some(id),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_urls_are_fetched() {
        let own = "http://127.0.0.1:7878";
        assert!(fetchable("http://127.0.0.1:7878/media/x", own));
        assert!(fetchable("http://localhost:9000/p.png", own));
        assert!(!fetchable("https://cdn.acme.test/p.png", own));
    }

    #[test]
    fn images_are_recognized_by_their_bytes() {
        assert_eq!(
            image_type(b"\x89PNG\r\n\x1a\nrest").map(|t| t.0),
            Some("image/png")
        );
        assert_eq!(
            image_type(&[0xFF, 0xD8, 0xFF, 0xE0]).map(|t| t.0),
            Some("image/jpeg")
        );
        assert_eq!(image_type(b"GIF89a"), None);
    }
}
