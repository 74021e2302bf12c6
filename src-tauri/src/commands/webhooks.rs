//! Webhooks: list, add, replace all, remove. The signing secret travels as Sendblue sends it;
//! the page masks it until an explicit click.

use console_core::AppResult;
use sendblue_client::models::webhooks::{
    AddWebhooks, RemoveWebhooks, WebhookSet, WebhooksResponse,
};
use tauri::AppHandle;

use crate::state::ConsoleExt;

/// Every configured webhook by type, and the global signing secret.
#[tauri::command]
#[specta::specta]
pub async fn webhooks_list(app: AppHandle) -> AppResult<WebhookSet> {
    Ok(app.client()?.webhooks().list().await?)
}

/// Appends entries to one type (optionally setting the global secret).
#[tauri::command]
#[specta::specta]
pub async fn webhooks_add(app: AppHandle, request: AddWebhooks) -> AppResult<WebhooksResponse> {
    Ok(app.client()?.webhooks().add(&request).await?)
}

/// Replaces every webhook with `set`; types left empty end up empty.
#[tauri::command]
#[specta::specta]
pub async fn webhooks_replace(app: AppHandle, set: WebhookSet) -> AppResult<WebhooksResponse> {
    Ok(app.client()?.webhooks().replace(&set).await?)
}

/// Removes URLs from one type.
#[tauri::command]
#[specta::specta]
pub async fn webhooks_remove(
    app: AppHandle,
    request: RemoveWebhooks,
) -> AppResult<WebhooksResponse> {
    Ok(app.client()?.webhooks().remove(&request).await?)
}
