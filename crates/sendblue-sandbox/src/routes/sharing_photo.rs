//! The contact-sharing photo: when `photoUrl` points at the sandbox itself or a loopback
//! address, the bytes are fetched and kept as a media object (a `media` row and a file in
//! `config.media_dir()`, served under `/media/{id}`); any other URL is recorded as given,
//! since the sandbox has no internet to fetch it from.

use std::time::Duration;

use crate::api_error::{ApiError, ApiResult};
use crate::routes::media::{self, DownloadFailure};
use crate::state::AppState;
use crate::util::is_local_url;

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
    if !is_local_url(raw, &state.origin) {
        return Ok(Photo {
            url: raw.to_owned(),
            media_id: None,
        });
    }
    let (bytes, _) = media::download(raw, Duration::from_secs(10), |failure| {
        let why = match failure {
            DownloadFailure::Transport(e) => e.to_string(),
            DownloadFailure::Status(s) => format!("the server answered {s}"),
        };
        ApiError::bad_request(format!("Could not fetch photoUrl: {why}"))
    })
    .await?;
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(ApiError::bad_request(
            "The photo at photoUrl is larger than 10 MB",
        ));
    }
    let (content_type, extension) = image_type(&bytes)
        .ok_or_else(|| ApiError::bad_request("photoUrl must point to a JPEG or PNG image"))?;
    let file_name = format!("contact-photo.{extension}");
    let id = media::store_bytes(state, &file_name, content_type, &bytes, Some(raw)).await?;
    Ok(Photo {
        url: media::url_of(state, &id),
        media_id: Some(id),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
