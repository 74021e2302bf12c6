//! Messages and what goes with them: send (1:1 and carousel), status, iMessage reachability,
//! history, one message, delete; reactions, read receipts and typing indicators.
//!
//! Sends take `confirm_live`: the first send from a Live profile after the app starts is
//! refused until the person confirms it (`profiles_send_needs_confirmation` says when).
//! Sends, deletes, reactions and read receipts are audited (without the message text);
//! typing indicators are not, being no lasting change.

use console_core::audit::action;
use console_core::{AppResult, Audit};
use sendblue_client::models::message_list::{ListMessages, MessagePage};
use sendblue_client::models::message_send::{EvaluateServiceResponse, SendCarousel, SendMessage};
use sendblue_client::models::messages::{MessageRecord, MessageResponse};
use sendblue_client::models::reactions::{
    MarkRead, MarkReadResponse, ReactionResponse, SendReaction, TypingIndicator,
    TypingIndicatorResponse,
};
use sendblue_client::StatusResponse;
use serde_json::json;
use tauri::AppHandle;

use crate::state::ConsoleExt;

/// Sends a 1:1 message.
#[tauri::command]
#[specta::specta]
pub async fn messages_send(
    app: AppHandle,
    message: SendMessage,
    confirm_live: bool,
) -> AppResult<MessageResponse> {
    let console = app.console()?;
    // Before the audit: waiting for the person's confirmation is not a failed change.
    console.check_send_allowed(confirm_live)?;
    let audit = Audit::new(action::MESSAGE_SEND, &message.number).details(json!({
        "from_number": message.from_number,
        "media_url": message.media_url,
        "send_style": message.send_style,
    }));
    let send = async { Ok(console.client()?.messages().send(&message).await?) };
    console.audited(audit, send).await
}

/// Sends 2–20 images as one carousel.
#[tauri::command]
#[specta::specta]
pub async fn messages_send_carousel(
    app: AppHandle,
    carousel: SendCarousel,
    confirm_live: bool,
) -> AppResult<MessageResponse> {
    let console = app.console()?;
    console.check_send_allowed(confirm_live)?;
    let audit = Audit::new(action::MESSAGE_SEND, &carousel.number).details(json!({
        "carousel": true,
        "from_number": carousel.from_number,
        "media_urls": carousel.media_urls,
    }));
    let send = async {
        Ok(console
            .client()?
            .messages()
            .send_carousel(&carousel)
            .await?)
    };
    console.audited(audit, send).await
}

/// The current state of a sent message.
#[tauri::command]
#[specta::specta]
pub async fn messages_status(app: AppHandle, message_handle: String) -> AppResult<MessageResponse> {
    Ok(app.client()?.messages().status(&message_handle).await?)
}

/// Whether a number or email is reachable on iMessage.
#[tauri::command]
#[specta::specta]
pub async fn messages_evaluate_service(
    app: AppHandle,
    number: String,
) -> AppResult<EvaluateServiceResponse> {
    Ok(app.client()?.messages().evaluate_service(&number).await?)
}

/// One page of message history.
#[tauri::command]
#[specta::specta]
pub async fn messages_list(app: AppHandle, params: ListMessages) -> AppResult<MessagePage> {
    Ok(app.client()?.messages().list(&params).await?)
}

/// One stored message by id (handle).
#[tauri::command]
#[specta::specta]
pub async fn messages_get(app: AppHandle, message_id: String) -> AppResult<MessageRecord> {
    Ok(app.client()?.messages().get(&message_id).await?)
}

/// Removes a message from Sendblue's stored history (nothing is unsent).
#[tauri::command]
#[specta::specta]
pub async fn messages_delete(app: AppHandle, message_handle: String) -> AppResult<StatusResponse> {
    let console = app.console()?;
    let audit = Audit::new(action::MESSAGE_DELETE, &message_handle);
    let delete = async { Ok(console.client()?.messages().delete(&message_handle).await?) };
    console.audited(audit, delete).await
}

/// Adds an iMessage tapback to a message.
#[tauri::command]
#[specta::specta]
pub async fn reactions_send(app: AppHandle, reaction: SendReaction) -> AppResult<ReactionResponse> {
    let console = app.console()?;
    let audit = Audit::new(action::REACTION_SEND, &reaction.message_handle).details_of(&reaction);
    let send = async { Ok(console.client()?.reactions().send(&reaction).await?) };
    console.audited(audit, send).await
}

/// Sends a read receipt for a 1:1 conversation.
#[tauri::command]
#[specta::specta]
pub async fn reactions_mark_read(app: AppHandle, request: MarkRead) -> AppResult<MarkReadResponse> {
    let console = app.console()?;
    let audit = Audit::new(action::MESSAGE_MARK_READ, &request.number).details_of(&request);
    let mark = async { Ok(console.client()?.reactions().mark_read(&request).await?) };
    console.audited(audit, mark).await
}

/// Shows or hides the typing bubble in a 1:1 chat.
#[tauri::command]
#[specta::specta]
pub async fn reactions_typing(
    app: AppHandle,
    indicator: TypingIndicator,
) -> AppResult<TypingIndicatorResponse> {
    Ok(app.client()?.reactions().typing(&indicator).await?)
}
