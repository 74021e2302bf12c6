//! Lines: the account's numbers, their state, call forwarding; and provisioning new lines
//! (preview, confirm — a charge —, and the older ticket flow). Changes are audited.

use console_core::audit::action;
use console_core::{AppResult, Audit};
use sendblue_client::models::lines::{CallForwarding, LineStateSnapshot};
use sendblue_client::models::provisioning::{
    AddLineRequest, LineRequestTicket, ProvisionConfirmation, ProvisionPreview,
};
use serde_json::json;
use tauri::AppHandle;

use crate::state::ConsoleExt;

/// The account's Sendblue numbers (usable as `from_number`).
#[tauri::command]
#[specta::specta]
pub async fn lines_list(app: AppHandle) -> AppResult<Vec<String>> {
    Ok(app.client()?.lines().list().await?)
}

/// Membership and health of every line.
#[tauri::command]
#[specta::specta]
pub async fn lines_state(app: AppHandle) -> AppResult<LineStateSnapshot> {
    Ok(app.client()?.lines().state().await?)
}

/// Where a line's inbound calls go.
#[tauri::command]
#[specta::specta]
pub async fn lines_call_forwarding(
    app: AppHandle,
    sendblue_number: String,
) -> AppResult<CallForwarding> {
    Ok(app
        .client()?
        .lines()
        .call_forwarding(&sendblue_number)
        .await?)
}

/// Forwards a line's inbound calls to `forwarding_number`.
#[tauri::command]
#[specta::specta]
pub async fn lines_set_call_forwarding(
    app: AppHandle,
    sendblue_number: String,
    forwarding_number: String,
) -> AppResult<CallForwarding> {
    let console = app.console()?;
    let audit = Audit::new(action::LINE_CALL_FORWARDING_SET, &sendblue_number)
        .details(json!({ "forwarding_number": forwarding_number }));
    let set = async {
        Ok(console
            .client()?
            .lines()
            .set_call_forwarding(&sendblue_number, &forwarding_number)
            .await?)
    };
    console.audited(audit, set).await
}

/// Stops forwarding a line's calls.
#[tauri::command]
#[specta::specta]
pub async fn lines_clear_call_forwarding(
    app: AppHandle,
    sendblue_number: String,
) -> AppResult<CallForwarding> {
    let console = app.console()?;
    let audit = Audit::new(action::LINE_CALL_FORWARDING_SET, &sendblue_number)
        .details(json!({ "forwarding_number": null }));
    let clear = async {
        Ok(console
            .client()?
            .lines()
            .clear_call_forwarding(&sendblue_number)
            .await?)
    };
    console.audited(audit, clear).await
}

/// Checks whether a new line can be bought and gets a ten-minute preview token (no charge).
#[tauri::command]
#[specta::specta]
pub async fn provisioning_preview(app: AppHandle) -> AppResult<ProvisionPreview> {
    Ok(app.client()?.provisioning().preview().await?)
}

/// Buys the previewed line: charges the card on file. Sent at most once.
#[tauri::command]
#[specta::specta]
pub async fn provisioning_confirm(
    app: AppHandle,
    preview_token: String,
) -> AppResult<ProvisionConfirmation> {
    let console = app.console()?;
    let audit = Audit::new(action::LINE_PROVISION_CONFIRM, "new line");
    let confirm = async {
        Ok(console
            .client()?
            .provisioning()
            .confirm(&preview_token)
            .await?)
    };
    console.audited(audit, confirm).await
}

/// Opens a line-request ticket (the older flow).
#[tauri::command]
#[specta::specta]
pub async fn provisioning_add_line(
    app: AppHandle,
    request: AddLineRequest,
) -> AppResult<LineRequestTicket> {
    let console = app.console()?;
    let audit = Audit::new(action::LINE_REQUEST, "new line").details_of(&request);
    let add = async { Ok(console.client()?.provisioning().add_line(&request).await?) };
    console.audited(audit, add).await
}

/// Reads a line-request ticket.
#[tauri::command]
#[specta::specta]
pub async fn provisioning_line_request(
    app: AppHandle,
    ticket_id: u64,
) -> AppResult<LineRequestTicket> {
    Ok(app.client()?.provisioning().line_request(ticket_id).await?)
}
