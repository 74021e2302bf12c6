//! Group chats: send, create, add or remove a member, read, rename, and set the photo (from a
//! URL, or from a local image chosen in a native dialog).

use console_core::AppResult;
use sendblue_client::models::groups::{
    CreateGroup, CreateGroupResponse, GroupInfo, GroupModifyResponse, GroupNameResult,
    GroupPhotoResult, ModifyGroup, SendGroupMessage, SetGroupName, SetGroupPhoto,
};
use sendblue_client::models::messages::MessageResponse;
use tauri::AppHandle;

use super::dialogs;
use crate::state::ConsoleExt;

/// Sends to a group or a set of numbers (guarded like every send: see `messages_send`).
#[tauri::command]
#[specta::specta]
pub async fn groups_send(
    app: AppHandle,
    message: SendGroupMessage,
    confirm_live: bool,
) -> AppResult<MessageResponse> {
    let console = app.console()?;
    console.check_send_allowed(confirm_live)?;
    Ok(console.client()?.groups().send(&message).await?)
}

/// Creates a group chat without sending a message (experimental upstream).
#[tauri::command]
#[specta::specta]
pub async fn groups_create(app: AppHandle, group: CreateGroup) -> AppResult<CreateGroupResponse> {
    Ok(app.client()?.groups().create(&group).await?)
}

/// Adds or removes a group member.
#[tauri::command]
#[specta::specta]
pub async fn groups_modify(app: AppHandle, change: ModifyGroup) -> AppResult<GroupModifyResponse> {
    Ok(app.client()?.groups().modify(&change).await?)
}

/// A group's name, photo and members.
#[tauri::command]
#[specta::specta]
pub async fn groups_get(app: AppHandle, group_id: String) -> AppResult<GroupInfo> {
    Ok(app.client()?.groups().get(&group_id).await?)
}

/// Renames a group, or clears its name.
#[tauri::command]
#[specta::specta]
pub async fn groups_set_name(
    app: AppHandle,
    group_id: String,
    name: SetGroupName,
) -> AppResult<GroupNameResult> {
    Ok(app.client()?.groups().set_name(&group_id, &name).await?)
}

/// Sets the group photo from a URL, or clears it.
#[tauri::command]
#[specta::specta]
pub async fn groups_set_photo(
    app: AppHandle,
    group_id: String,
    photo: SetGroupPhoto,
) -> AppResult<GroupPhotoResult> {
    Ok(app.client()?.groups().set_photo(&group_id, &photo).await?)
}

/// Asks the person for an image (JPEG, PNG or GIF, 5 MB at most) in a native dialog and sets
/// it as the group photo. `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn groups_pick_and_upload_photo(
    app: AppHandle,
    group_id: String,
    from_number: Option<String>,
) -> AppResult<Option<GroupPhotoResult>> {
    let client = app.client()?;
    let dialog = dialogs::file_dialog(&app, "Choose the group photo")
        .add_filter("Images", &["jpg", "jpeg", "png", "gif"]);
    let Some(path) = dialogs::pick_file(dialog).await? else {
        return Ok(None);
    };
    let result = client
        .groups()
        .upload_photo(&group_id, &path, from_number.as_deref())
        .await?;
    Ok(Some(result))
}
