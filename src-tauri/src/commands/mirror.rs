//! The contacts mirror: search pages for the virtualized table, the tag list, its status
//! ("last synced", refreshing?) and a refresh in the background (progress as
//! `MirrorSyncProgress` events, its end as `MirrorSynced`).

use console_core::mirror::TagCount;
use console_core::{AppError, AppResult, ContactPage, ContactQuery, Mirror, MirrorInfo};
use tauri::AppHandle;

use crate::state::ConsoleExt;

/// One page of contacts matching the text, filters and sort (at most 500 rows).
#[tauri::command]
#[specta::specta]
pub async fn mirror_search(app: AppHandle, query: ContactQuery) -> AppResult<ContactPage> {
    let mirror = app.live()?.mirror().clone();
    off_the_async_threads(mirror, move |m| m.search(&query)).await
}

/// Every tag in use with its contact count, most used first.
#[tauri::command]
#[specta::specta]
pub async fn mirror_tags(app: AppHandle) -> AppResult<Vec<TagCount>> {
    let mirror = app.live()?.mirror().clone();
    off_the_async_threads(mirror, |m| m.tags()).await
}

/// The mirror's contact count, when it was last synced, and the refresh under way.
#[tauri::command]
#[specta::specta]
pub fn mirror_status(app: AppHandle) -> AppResult<MirrorInfo> {
    app.live()?.mirror_info()
}

/// Starts refreshing the mirror from the account (unless a refresh is running); returns at
/// once with `syncing` set.
#[tauri::command]
#[specta::specta]
pub async fn mirror_refresh(app: AppHandle) -> AppResult<MirrorInfo> {
    app.live()?.refresh()
}

/// SQLite reads over many rows don't hold up the async workers.
async fn off_the_async_threads<T: Send + 'static>(
    mirror: Mirror,
    read: impl FnOnce(&Mirror) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    tokio::task::spawn_blocking(move || read(&mirror))
        .await
        .map_err(|e| AppError::io("read the contacts mirror", e))?
}
