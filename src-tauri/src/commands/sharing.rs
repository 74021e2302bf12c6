//! Contact sharing: a line's contact card — read, set, push into a chat, remove. Changes are
//! audited.

use console_core::audit::action;
use console_core::{AppResult, Audit};
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
    let console = app.console()?;
    let audit = Audit::new(action::SHARING_PROFILE_SET, &request.from_number).details_of(&request);
    let set = async { Ok(console.client()?.sharing().set_profile(&request).await?) };
    console.audited(audit, set).await
}

/// Pushes the line's card into an existing 1:1 iMessage chat.
#[tauri::command]
#[specta::specta]
pub async fn sharing_share(
    app: AppHandle,
    from_number: String,
    to_number: String,
) -> AppResult<ShareResult> {
    let console = app.console()?;
    let audit = Audit::new(action::SHARING_SHARE, &to_number)
        .details(serde_json::json!({ "from_number": from_number }));
    let share = async {
        Ok(console
            .client()?
            .sharing()
            .share(&from_number, &to_number)
            .await?)
    };
    console.audited(audit, share).await
}

/// Turns sharing off and removes the line's profile.
#[tauri::command]
#[specta::specta]
pub async fn sharing_delete_profile(
    app: AppHandle,
    from_number: String,
) -> AppResult<StatusResponse> {
    let console = app.console()?;
    let audit = Audit::new(action::SHARING_PROFILE_REMOVE, &from_number);
    let remove = async {
        Ok(console
            .client()?
            .sharing()
            .delete_profile(&from_number)
            .await?)
    };
    console.audited(audit, remove).await
}
