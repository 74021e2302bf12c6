//! Webhooks: list, add, replace all, remove, and send a test event. The signing secret travels
//! as Sendblue sends it; the page masks it until an explicit click; the audit log keeps it
//! redacted.

use console_core::audit::action;
use console_core::webhook_test::{self, TestTarget, WebhookTestResult, WebhookTester};
use console_core::{AppResult, Audit};
use sendblue_client::models::webhooks::{
    AddWebhooks, RemoveWebhooks, WebhookSet, WebhookType, WebhooksResponse,
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

/// POSTs a sample delivery of `webhook_type` to the configured webhook at `url`, from this
/// computer, with the secret Sendblue would send (looked up here, so it never comes from the
/// page). Answers the receiver's status, time and the start of its answer.
#[tauri::command]
#[specta::specta]
pub async fn webhooks_send_test(
    app: AppHandle,
    webhook_type: WebhookType,
    url: String,
) -> AppResult<WebhookTestResult> {
    let console = app.console()?;
    let audit = Audit::new(webhook_test::ACTION, &url)
        .details(serde_json::json!({ "type": webhook_type.as_str() }));
    let test = async {
        let set = console.client()?.webhooks().list().await?;
        let target = TestTarget::find(&set, &webhook_type, &url)?;
        WebhookTester::new().send(&target).await
    };
    console.audited(audit, test).await
}

/// The webhook type as the API names it (`receive`, `outbound`, …), the audit target.
fn webhook_type_name(kind: &impl serde::Serialize) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| "webhooks".to_owned())
}
