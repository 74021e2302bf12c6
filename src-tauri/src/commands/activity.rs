//! The live activity feed: its items arrive as `Activity` events; this is the connection
//! state at any moment (for a page opened after the last change).

use console_core::follower::ConnectionState;
use console_core::AppResult;
use tauri::AppHandle;

use crate::state::ConsoleExt;

/// How the event follower of the active profile is connected now.
#[tauri::command]
#[specta::specta]
pub fn activity_connection_state(app: AppHandle) -> AppResult<ConnectionState> {
    Ok(app.live()?.connection_state())
}
