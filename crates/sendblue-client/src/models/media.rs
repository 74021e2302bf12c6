//! Media uploads (§7).

use serde::{Deserialize, Serialize};

use super::common::Extra;

/// Largest file `POST /api/upload-file` takes (100 MB, §7.1), checked before sending.
pub const UPLOAD_FILE_MAX_BYTES: u64 = 100 * 1024 * 1024;

/// Answer of `POST /api/upload-file` (201, §7.1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UploadFileResponse {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// `File uploaded successfully`.
    #[serde(default)]
    pub message: Option<String>,
    /// The hosted URL to use as `media_url` in sends.
    pub media_url: String,
    /// Sendblue's id for the stored object.
    #[serde(default, rename = "mediaObjectId")]
    pub media_object_id: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `POST /api/upload-media-object` (§7.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UploadMediaObject {
    /// Source URL for Sendblue to fetch (signed URLs are fine here).
    pub media_url: String,
}

impl UploadMediaObject {
    /// Re-hosts the file at `media_url`.
    pub fn new(media_url: impl Into<String>) -> Self {
        Self {
            media_url: media_url.into(),
        }
    }
}

/// Answer of `POST /api/upload-media-object` (201, §7.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UploadMediaObjectResponse {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// `File uploaded successfully`.
    #[serde(default)]
    pub message: Option<String>,
    /// Sendblue's id for the stored object.
    #[serde(default, rename = "mediaObjectId")]
    pub media_object_id: Option<String>,
    /// A sendable URL, when the server gives one (the sandbox does; the live API is not
    /// documented to).
    #[serde(default)]
    pub media_url: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}
