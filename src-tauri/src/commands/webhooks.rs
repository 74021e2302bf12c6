//! Webhooks: list, add, replace all, remove. The signing secret travels as Sendblue sends it;
//! the page masks it until an explicit click; the audit log keeps it redacted.

use console_core::audit::action;
use console_core::{AppResult, Audit};
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
    let console = app.console()?;
    let target = webhook_type_name(&request.webhook_type);
    let audit = Audit::new(action::WEBHOOK_ADD, target).details_of(&request);
    let add = async { Ok(console.client()?.webhooks().add(&request).await?) };
    console.audited(audit, add).await
}

/// Replaces every webhook with `set`; types left empty end up empty.
#[tauri::command]
#[specta::specta]
pub async fn webhooks_replace(app: AppHandle, set: WebhookSet) -> AppResult<WebhooksResponse> {
    let console = app.console()?;
    let audit = Audit::new(action::WEBHOOK_REPLACE, "all webhooks").details_of(&set);
    let replace = async { Ok(console.client()?.webhooks().replace(&set).await?) };
    console.audited(audit, replace).await
}

/// Removes URLs from one type.
#[tauri::command]
#[specta::specta]
pub async fn webhooks_remove(
    app: AppHandle,
    request: RemoveWebhooks,
) -> AppResult<WebhooksResponse> {
    let console = app.console()?;
    let target = webhook_type_name(&request.webhook_type);
    let audit = Audit::new(action::WEBHOOK_REMOVE, target).details_of(&request);
    let remove = async { Ok(console.client()?.webhooks().remove(&request).await?) };
    console.audited(audit, remove).await
}

/// The webhook type as the API names it (`receive`, `outbound`, …), the audit target.
fn webhook_type_name(kind: &impl serde::Serialize) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "webhooks".to_owned())
}
