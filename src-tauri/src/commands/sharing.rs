//! Contact sharing: a line's contact card — read, set, push into a chat, remove.

use console_core::AppResult;
use sendblue_client::models::sharing::{ShareResult, SharingProfileRequest, SharingState};
use sendblue_client::StatusResponse;
use tauri::AppHandle;

use crate::state::ConsoleExt;

/// A line's sharing profile.
#[tauri::command]
#[specta::specta]
pub async fn sharing_state(app: AppHandle, from_number: String) -> AppResult<SharingState> {
    Ok(app.client()?.sharing().state(&from_number).await?)
}

/// Creates or overwrites a line's sharing profile.
#[tauri::command]
#[specta::specta]
pub async fn sharing_set_profile(
    app: AppHandle,
    request: SharingProfileRequest,
) -> AppResult<SharingState> {
    Ok(app.client()?.sharing().set_profile(&request).await?)
}

/// Pushes the line's card into an existing 1:1 iMessage chat.
#[tauri::command]
#[specta::specta]
pub async fn sharing_share(
    app: AppHandle,
    from_number: String,
    to_number: String,
) -> AppResult<ShareResult> {
    Ok(app
        .client()?
        .sharing()
        .share(&from_number, &to_number)
        .await?)
}

/// Turns sharing off and removes the line's profile.
#[tauri::command]
#[specta::specta]
pub async fn sharing_delete_profile(
    app: AppHandle,
    from_number: String,
) -> AppResult<StatusResponse> {
    Ok(app.client()?.sharing().delete_profile(&from_number).await?)
}
