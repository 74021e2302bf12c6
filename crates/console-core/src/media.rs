//! Uploads from this computer: the chosen file's size is checked against the limit of the
//! channel it is meant for (5 MB for a text message) BEFORE anything is sent, and the upload
//! can be stopped part-way.

use std::path::Path;
use std::sync::Arc;

use sendblue_client::models::media::UploadFileResponse;
use sendblue_client::Client;
use tokio::sync::Notify;

use crate::error::{AppError, AppResult};

/// The most a text message (SMS/MMS) carries (§7.3).
pub const SMS_MAX_BYTES: u64 = 5 * 1024 * 1024;

const MB: u64 = 1024 * 1024;

/// A size limit for an upload and who imposes it, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadLimit {
    /// The most bytes the file may have.
    pub max_bytes: u64,
    /// What carries the file, as a sentence's subject: "Text messages (SMS)". `None`:
    /// "This message".
    pub carrier: Option<String>,
}

/// A size as the page shows it: "812 KB", "7.2 MB", "5 MB", "12 MB".
pub fn format_size(bytes: u64) -> String {
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    if bytes < MB {
        return format!("{} KB", (bytes as f64 / 1024.0).round());
    }
    let mb = bytes as f64 / MB as f64;
    if bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if bytes < 10 * MB {
        format!("{mb:.1} MB")
    } else {
        format!("{mb:.0} MB")
    }
}

/// Fails with a plain validation error when the file at `path` is over `limit` (read from
/// the file system; nothing is sent). Returns the file's size.
pub fn check_upload_size(path: &Path, limit: &UploadLimit) -> AppResult<u64> {
    let size = std::fs::metadata(path)
        .map_err(|e| AppError::io("read the chosen file", e))?
        .len();
    if size > limit.max_bytes {
        let carrier = limit.carrier.as_deref().unwrap_or("This message");
        return Err(AppError::invalid(
            "file",
            format!(
                "This file is {}. {carrier} can carry files up to {}.",
                format_size(size),
                format_size(limit.max_bytes)
            ),
        ));
    }
    Ok(size)
}

/// Stops an upload in progress from elsewhere (a Cancel button). A stop asked before the
/// upload starts waiting still stops it.
#[derive(Debug, Clone, Default)]
pub struct UploadStop(Arc<Notify>);

impl UploadStop {
    /// A new, unused stop.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the upload to stop.
    pub fn stop(&self) {
        self.0.notify_one();
    }
}

/// Uploads `path` to Sendblue's CDN after checking it against `limit` (when given), reporting
/// progress. `Ok(None)` when `stop` was used: the request is dropped part-way, so Sendblue
/// never keeps a file.
pub async fn upload_checked(
    client: &Client,
    path: &Path,
    limit: Option<&UploadLimit>,
    stop: &UploadStop,
    progress: impl Fn(u64, u64) + Send + Sync + 'static,
) -> AppResult<Option<UploadFileResponse>> {
    if let Some(limit) = limit {
        check_upload_size(path, limit)?;
    }
    let media = client.media();
    tokio::select! {
        uploaded = media.upload_file_with_progress(path, progress) => Ok(Some(uploaded?)),
        () = stop.0.notified() => Ok(None),
    }
}
