//! Group chats: send, create, add or remove a member, read, rename, and set the photo (from a
//! URL, or from a local image chosen in a native dialog). Every change is audited.

use console_core::audit::action;
use console_core::{AppResult, Audit};
use sendblue_client::models::groups::{
    CreateGroup, CreateGroupResponse, GroupInfo, GroupModifyResponse, GroupNameResult,
    GroupPhotoResult, ModifyGroup, SendGroupMessage, SetGroupName, SetGroupPhoto,
};
use sendblue_client::models::messages::MessageResponse;
use serde_json::json;
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
    let target = match (&message.group_id, &message.numbers) {
        (Some(group), _) => group.clone(),
        (None, Some(numbers)) => numbers.join(", "),
        (None, None) => String::new(),
    };
    let audit = Audit::new(action::MESSAGE_SEND, target).details(json!({
        "group": true,
        "from_number": message.from_number,
        "media_url": message.media_url,
        "send_style": message.send_style,
    }));
    let send = async { Ok(console.client()?.groups().send(&message).await?) };
    console.audited(audit, send).await
}

/// Creates a group chat without sending a message (experimental upstream).
#[tauri::command]
#[specta::specta]
pub async fn groups_create(app: AppHandle, group: CreateGroup) -> AppResult<CreateGroupResponse> {
    let console = app.console()?;
    let target = group.numbers.join(", ");
    let audit = Audit::new(action::GROUP_UPDATE, target).details_of(&group);
    let create = async { Ok(console.client()?.groups().create(&group).await?) };
    console.audited(audit, create).await
}

/// Adds or removes a group member.
#[tauri::command]
#[specta::specta]
pub async fn groups_modify(app: AppHandle, change: ModifyGroup) -> AppResult<GroupModifyResponse> {
    let console = app.console()?;
    let audit = Audit::new(action::GROUP_UPDATE, &change.group_id).details_of(&change);
    let modify = async { Ok(console.client()?.groups().modify(&change).await?) };
    console.audited(audit, modify).await
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
    let console = app.console()?;
    let audit = Audit::new(action::GROUP_UPDATE, &group_id).details_of(&name);
    let rename = async {
        Ok(console
            .client()?
            .groups()
            .set_name(&group_id, &name)
            .await?)
    };
    console.audited(audit, rename).await
}

/// Sets the group photo from a URL, or clears it.
#[tauri::command]
#[specta::specta]
pub async fn groups_set_photo(
    app: AppHandle,
    group_id: String,
    photo: SetGroupPhoto,
) -> AppResult<GroupPhotoResult> {
    let console = app.console()?;
    let audit = Audit::new(action::GROUP_UPDATE, &group_id).details_of(&photo);
    let set = async {
        Ok(console
            .client()?
            .groups()
            .set_photo(&group_id, &photo)
            .await?)
    };
    console.audited(audit, set).await
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
    let console = app.console()?;
    let client = console.client()?;
    let dialog = dialogs::file_dialog(&app, "Choose the group photo")
        .add_filter("Images", &["jpg", "jpeg", "png", "gif"]);
    let Some(path) = dialogs::pick_file(dialog).await? else {
        return Ok(None);
    };
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let audit = Audit::new(action::GROUP_UPDATE, &group_id)
        .details(json!({ "photo_file": file, "from_number": from_number }));
    let upload = async {
        Ok(client
            .groups()
            .upload_photo(&group_id, &path, from_number.as_deref())
            .await?)
    };
    Ok(Some(console.audited(audit, upload).await?))
}
