//! Media: upload a local file (chosen in a native dialog, never named by the page) with
//! progress, or have Sendblue fetch and host a remote file.

use console_core::AppResult;
use sendblue_client::models::media::{UploadFileResponse, UploadMediaObjectResponse};
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::AppHandle;

use super::dialogs;
use crate::state::ConsoleExt;

/// How far an upload has gone. Starts again from 0 if the request is repeated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct UploadProgress {
    /// Bytes sent so far.
    pub sent: u64,
    /// The file's size in bytes.
    pub total: u64,
}

/// Asks the person for a file in a native dialog and uploads it to Sendblue's CDN
/// (100 MB at most), reporting progress on `on_progress`. `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn media_pick_and_upload(
    app: AppHandle,
    on_progress: Channel<UploadProgress>,
) -> AppResult<Option<UploadFileResponse>> {
    let client = app.client()?;
    let dialog = dialogs::file_dialog(&app, "Choose a file to upload");
    let Some(path) = dialogs::pick_file(dialog).await? else {
        return Ok(None);
    };
    let reporter = ProgressReporter::new(on_progress);
    let uploaded = client
        .media()
        .upload_file_with_progress(&path, move |sent, total| reporter.report(sent, total))
        .await?;
    Ok(Some(uploaded))
}

/// Has Sendblue fetch a remote file (a signed URL, say) and host it.
#[tauri::command]
#[specta::specta]
pub async fn media_upload_media_object(
    app: AppHandle,
    media_url: String,
) -> AppResult<UploadMediaObjectResponse> {
    Ok(app
        .client()?
        .media()
        .upload_media_object(&media_url)
        .await?)
}

/// Sends progress at most once per whole percent (the client reports every 64 KiB chunk).
struct ProgressReporter {
    channel: Channel<UploadProgress>,
    last_percent: std::sync::atomic::AtomicU64,
}

impl ProgressReporter {
    fn new(channel: Channel<UploadProgress>) -> Self {
        Self {
            channel,
            last_percent: std::sync::atomic::AtomicU64::new(u64::MAX),
        }
    }

    fn report(&self, sent: u64, total: u64) {
        let percent = sent.saturating_mul(100).checked_div(total).unwrap_or(100);
        let previous = self
            .last_percent
            .swap(percent, std::sync::atomic::Ordering::Relaxed);
        if previous != percent {
            // A closed page is no reason to stop the upload.
            let _ = self.channel.send(UploadProgress { sent, total });
        }
    }
}
