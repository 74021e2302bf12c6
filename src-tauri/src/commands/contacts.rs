//! Contacts: one page, count, one contact, create, update, delete, bulk create and delete,
//! opt-out and verification.

use console_core::AppResult;
use sendblue_client::models::contacts::{
    BulkContact, BulkDeleteResult, Contact, CreateContact, ListContacts, OptOut, OptOutResult,
    UpdateContact,
};
use sendblue_client::StatusResponse;
use tauri::AppHandle;

use crate::state::ConsoleExt;

/// One page of contacts (offsets stop at 10,000 on the server).
#[tauri::command]
#[specta::specta]
pub async fn contacts_list(app: AppHandle, query: ListContacts) -> AppResult<Vec<Contact>> {
    Ok(app.client()?.contacts().list(&query).await?)
}

/// How many contacts the account has.
#[tauri::command]
#[specta::specta]
pub async fn contacts_count(app: AppHandle) -> AppResult<u64> {
    Ok(app.client()?.contacts().count().await?)
}

/// One contact by E.164 number.
#[tauri::command]
#[specta::specta]
pub async fn contacts_get(app: AppHandle, phone_number: String) -> AppResult<Contact> {
    Ok(app.client()?.contacts().get(&phone_number).await?)
}

/// Creates a contact (or updates it with `update_if_exists`).
#[tauri::command]
#[specta::specta]
pub async fn contacts_create(app: AppHandle, contact: CreateContact) -> AppResult<Contact> {
    Ok(app.client()?.contacts().create(&contact).await?)
}

/// Changes the fields set in `changes`.
#[tauri::command]
#[specta::specta]
pub async fn contacts_update(
    app: AppHandle,
    phone_number: String,
    changes: UpdateContact,
) -> AppResult<Contact> {
    Ok(app
        .client()?
        .contacts()
        .update(&phone_number, &changes)
        .await?)
}

/// Deletes one contact.
#[tauri::command]
#[specta::specta]
pub async fn contacts_delete(app: AppHandle, phone_number: String) -> AppResult<StatusResponse> {
    Ok(app.client()?.contacts().delete(&phone_number).await?)
}

/// Creates (upserts by phone) many contacts at once.
#[tauri::command]
#[specta::specta]
pub async fn contacts_bulk_create(
    app: AppHandle,
    contacts: Vec<BulkContact>,
) -> AppResult<Vec<Contact>> {
    Ok(app.client()?.contacts().bulk_create(&contacts).await?)
}

/// Deletes many contacts by E.164 number; returns how many were deleted.
#[tauri::command]
#[specta::specta]
pub async fn contacts_bulk_delete(
    app: AppHandle,
    phone_numbers: Vec<String>,
) -> AppResult<BulkDeleteResult> {
    Ok(app.client()?.contacts().bulk_delete(&phone_numbers).await?)
}

/// Opts a number out of messages, or back in.
#[tauri::command]
#[specta::specta]
pub async fn contacts_opt_out(app: AppHandle, request: OptOut) -> AppResult<OptOutResult> {
    Ok(app.client()?.contacts().opt_out(&request).await?)
}

/// Sends a verification message to a contact.
#[tauri::command]
#[specta::specta]
pub async fn contacts_verify(app: AppHandle, number: String) -> AppResult<StatusResponse> {
    Ok(app.client()?.contacts().verify(&number).await?)
}
