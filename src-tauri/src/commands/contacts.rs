//! Contacts: one page, count, one contact, create, update, delete, bulk create and delete,
//! opt-out and verification. Every change is audited, and the console's own writes reach the
//! contacts mirror at once (console-core does both).

use console_core::audit::action;
use console_core::{AppResult, Audit};
use sendblue_client::models::contacts::{
    BulkContact, BulkDeleteResult, Contact, CreateContact, ListContacts, OptOut, OptOutResult,
    UpdateContact,
};
use sendblue_client::StatusResponse;
use serde_json::json;
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
    let console = app.console()?;
    let audit = Audit::new(action::CONTACT_CREATE, &contact.number).details_of(&contact);
    console
        .audited(audit, console.create_contact(&contact))
        .await
}

/// Changes the fields set in `changes`.
#[tauri::command]
#[specta::specta]
pub async fn contacts_update(
    app: AppHandle,
    phone_number: String,
    changes: UpdateContact,
) -> AppResult<Contact> {
    let console = app.console()?;
    let audit = Audit::new(action::CONTACT_UPDATE, &phone_number).details_of(&changes);
    console
        .audited(audit, console.update_contact(&phone_number, &changes))
        .await
}

/// Deletes one contact.
#[tauri::command]
#[specta::specta]
pub async fn contacts_delete(app: AppHandle, phone_number: String) -> AppResult<StatusResponse> {
    let console = app.console()?;
    let audit = Audit::new(action::CONTACT_DELETE, &phone_number);
    console
        .audited(audit, console.delete_contact(&phone_number))
        .await
}

/// Creates (upserts by phone) many contacts at once.
#[tauri::command]
#[specta::specta]
pub async fn contacts_bulk_create(
    app: AppHandle,
    contacts: Vec<BulkContact>,
) -> AppResult<Vec<Contact>> {
    let console = app.console()?;
    let phones: Vec<&str> = contacts.iter().map(|c| c.phone.as_str()).collect();
    let audit = Audit::new(action::CONTACTS_BULK_CREATE, contacts_label(contacts.len()))
        .details(json!({ "phones": phones }));
    console
        .audited(audit, console.bulk_create_contacts(&contacts))
        .await
}

/// Deletes many contacts by E.164 number at once, with no backup (`jobs_bulk_delete` writes
/// one first); returns how many were deleted.
#[tauri::command]
#[specta::specta]
pub async fn contacts_bulk_delete(
    app: AppHandle,
    phone_numbers: Vec<String>,
) -> AppResult<BulkDeleteResult> {
    let console = app.console()?;
    let audit = Audit::new(
        action::CONTACTS_BULK_DELETE,
        contacts_label(phone_numbers.len()),
    )
    .details(json!({ "phones": phone_numbers }));
    console
        .audited(audit, console.bulk_delete_contacts(&phone_numbers))
        .await
}

/// Opts a number out of messages, or back in.
#[tauri::command]
#[specta::specta]
pub async fn contacts_opt_out(app: AppHandle, request: OptOut) -> AppResult<OptOutResult> {
    let console = app.console()?;
    let audit = Audit::new(action::CONTACT_OPT_OUT, &request.number).details_of(&request);
    console
        .audited(audit, console.opt_out_contact(&request))
        .await
}

/// Sends a verification message to a contact.
#[tauri::command]
#[specta::specta]
pub async fn contacts_verify(app: AppHandle, number: String) -> AppResult<StatusResponse> {
    let console = app.console()?;
    let audit = Audit::new(action::CONTACT_VERIFY, &number);
    console
        .audited(audit, async {
            Ok(console.client()?.contacts().verify(&number).await?)
        })
        .await
}

/// "1 contact", "12 contacts": the audit target of a change to many.
pub(super) fn contacts_label(n: usize) -> String {
    match n {
        1 => "1 contact".to_owned(),
        n => format!("{n} contacts"),
    }
}
