//! The page's commands, one module per area. Each is a thin adapter: it takes typed
//! arguments, calls console-core or sendblue-client, and returns `Result<T, AppError>`.
//!
//! Adding a command: write it here (`#[tauri::command] #[specta::specta]`), list it in
//! `crate::specta_builder`, run `npm run codegen` in ui/, then add its hook in the page.
//! The page's capability needs no change: app commands are allowed for the main window.

pub mod activity;
pub mod audit;
pub mod contacts;
pub mod diagnostics;
pub mod groups;
pub mod imports;
pub mod jobs;
pub mod lines;
pub mod media;
pub mod messages;
pub mod mirror;
pub mod profiles;
pub mod settings;
pub mod sharing;
pub mod webhooks;

mod dialogs;
