//! Profiles: the accounts the console can work with, the active one, and their secrets
//! (which go in and never come back out). Every change is announced as `ProfileChanged` and
//! audited in the log of the profile active once it is made (never with a secret).

use console_core::audit::action;
use console_core::{
    AppError, AppResult, Audit, Console, ErrorCode, NewProfile, ProfileView, SecretStorage,
};
use serde_json::json;
use tauri::AppHandle;

use crate::events::ProfileChanged;
use crate::state::ConsoleExt;

/// Every profile, the active one marked.
#[tauri::command]
#[specta::specta]
pub fn profiles_list(app: AppHandle) -> AppResult<Vec<ProfileView>> {
    app.console()?.profiles()
}

/// The profile in use, if any.
#[tauri::command]
#[specta::specta]
pub fn profiles_active(app: AppHandle) -> AppResult<Option<ProfileView>> {
    Ok(app.console()?.profiles()?.into_iter().find(|p| p.active))
}

/// Adds a profile (its secret goes to the keychain); it does not become active.
#[tauri::command]
#[specta::specta]
pub async fn profiles_add(app: AppHandle, input: NewProfile) -> AppResult<ProfileView> {
    let console = app.console()?;
    let audit = Audit::new(action::PROFILE_ADD, input.name.trim()).details(json!({
        "base_url": input.base_url,
        "kind": input.kind,
    }));
    let added = console.audited(audit, console.add_profile(input)).await?;
    find(ProfileChanged::announce(&app)?, &added.id)
}

/// Checks a profile's connection before it is saved; returns the account's contact count.
#[tauri::command]
#[specta::specta]
pub async fn profiles_test_new(app: AppHandle, input: NewProfile) -> AppResult<u64> {
    app.console()?.test_new_profile(input).await
}

/// Checks a saved profile's connection; returns the account's contact count.
#[tauri::command]
#[specta::specta]
pub async fn profiles_test(app: AppHandle, id: String) -> AppResult<u64> {
    app.console()?.test_connection(&id).await
}

/// Replaces a saved profile's secret.
#[tauri::command]
#[specta::specta]
pub async fn profiles_set_secret(app: AppHandle, id: String, secret: String) -> AppResult<()> {
    let console = app.console()?;
    let audit = Audit::new(action::PROFILE_SECRET_SET, label(&console, &id));
    console
        .audited(audit, console.set_secret(&id, &secret))
        .await?;
    ProfileChanged::announce(&app)?;
    Ok(())
}

/// Makes a profile the active one; its client replaces the old one at once.
#[tauri::command]
#[specta::specta]
pub async fn profiles_switch(app: AppHandle, id: String) -> AppResult<ProfileView> {
    let console = app.console()?;
    let audit = Audit::new(action::PROFILE_SWITCH, label(&console, &id));
    console.audited(audit, console.switch(&id)).await?;
    find(ProfileChanged::announce(&app)?, &id)
}

/// Deletes a profile and its secret (the built-in sandbox stays).
#[tauri::command]
#[specta::specta]
pub async fn profiles_delete(app: AppHandle, id: String) -> AppResult<()> {
    let console = app.console()?;
    let audit = Audit::new(action::PROFILE_DELETE, label(&console, &id));
    console.audited(audit, console.delete_profile(&id)).await?;
    ProfileChanged::announce(&app)?;
    Ok(())
}

/// Where secrets are kept (the page warns about `File`).
#[tauri::command]
#[specta::specta]
pub fn profiles_secret_storage(app: AppHandle) -> AppResult<SecretStorage> {
    Ok(app.console()?.secret_storage())
}

/// True when the next send needs `confirm_live` (the first send from a Live profile).
#[tauri::command]
#[specta::specta]
pub fn profiles_send_needs_confirmation(app: AppHandle) -> AppResult<bool> {
    Ok(app.console()?.send_needs_confirmation())
}

/// A profile as the audit log names it: its name and id (the id alone once it's gone).
fn label(console: &Console, id: &str) -> String {
    let name = console
        .profiles()
        .ok()
        .and_then(|all| all.into_iter().find(|p| p.profile.id == id))
        .map(|p| p.profile.name);
    match name {
        Some(name) => format!("{name} ({id})"),
        None => id.to_owned(),
    }
}

fn find(profiles: Vec<ProfileView>, id: &str) -> AppResult<ProfileView> {
    profiles
        .into_iter()
        .find(|p| p.profile.id == id)
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, "That profile no longer exists."))
}
