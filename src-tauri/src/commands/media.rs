//! Media: upload a local file (chosen in a native dialog, never named by the page) with
//! progress — its size checked against the message's limit before anything is sent, and
//! stoppable part-way — or have Sendblue fetch and host a remote file.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use console_core::media::{upload_checked, UploadLimit, UploadStop};
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
/// (100 MB at most), reporting progress on `on_progress`. `None` when they cancel the
/// dialog, or stop the upload with [`media_cancel_upload`] and the same `upload_id`.
///
/// With `max_bytes`, a bigger file is refused before anything is sent, with a plain
/// validation error naming `carrier` (what carries the file, e.g. "Text messages (SMS)").
#[tauri::command]
#[specta::specta]
pub async fn media_pick_and_upload(
    app: AppHandle,
    on_progress: Channel<UploadProgress>,
    max_bytes: Option<u64>,
    carrier: Option<String>,
    upload_id: Option<String>,
) -> AppResult<Option<UploadFileResponse>> {
    let client = app.client()?;
    let dialog = dialogs::file_dialog(&app, "Choose a file to upload");
    let Some(path) = dialogs::pick_file(dialog).await? else {
        return Ok(None);
    };
    let limit = max_bytes.map(|max_bytes| UploadLimit { max_bytes, carrier });
    let stop = UploadStop::new();
    let _registered = upload_id.map(|id| Registered::new(id, stop.clone()));
    let reporter = ProgressReporter::new(on_progress);
    upload_checked(&client, &path, limit.as_ref(), &stop, move |sent, total| {
        reporter.report(sent, total)
    })
    .await
}

/// Stops the upload started with `upload_id` (nothing is kept on Sendblue). `false` when no
/// such upload is running (it already ended).
#[tauri::command]
#[specta::specta]
pub fn media_cancel_upload(upload_id: String) -> bool {
    let stop = uploads()
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .remove(&upload_id);
    match stop {
        Some(stop) => {
            stop.stop();
            true
        }
        None => false,
    }
}

/// The uploads in progress that can be stopped, by the page's id for them.
fn uploads() -> &'static Mutex<HashMap<String, UploadStop>> {
    static UPLOADS: OnceLock<Mutex<HashMap<String, UploadStop>>> = OnceLock::new();
    UPLOADS.get_or_init(Mutex::default)
}

/// An upload's entry in [`uploads`], removed when the upload ends either way.
struct Registered(String);

impl Registered {
    fn new(id: String, stop: UploadStop) -> Self {
        uploads()
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id.clone(), stop);
        Self(id)
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        uploads()
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&self.0);
    }
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
