//! Native file dialogs opened from Rust, so the page never names a path: it asks for an
//! action ("upload a file", "export diagnostics") and Rust asks the person where.

use std::path::PathBuf;

use console_core::{AppError, AppResult};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

/// A file dialog attached to the main window (modal to it), with `title`.
pub(crate) fn file_dialog(app: &AppHandle, title: &str) -> FileDialogBuilder<tauri::Wry> {
    let dialog = app.dialog().file().set_title(title);
    match app.get_webview_window("main") {
        Some(window) => dialog.set_parent(&window),
        None => dialog,
    }
}

/// Lets the person choose a file to open; `None` when they cancel.
pub(crate) async fn pick_file(dialog: FileDialogBuilder<tauri::Wry>) -> AppResult<Option<PathBuf>> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    dialog.pick_file(move |choice| {
        let _ = tx.send(choice);
    });
    into_path(rx.await.ok().flatten())
}

/// Lets the person choose where to save a file; `None` when they cancel.
pub(crate) async fn save_file(dialog: FileDialogBuilder<tauri::Wry>) -> AppResult<Option<PathBuf>> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    dialog.save_file(move |choice| {
        let _ = tx.send(choice);
    });
    into_path(rx.await.ok().flatten())
}

fn into_path(choice: Option<FilePath>) -> AppResult<Option<PathBuf>> {
    choice
        .map(|path| {
            path.into_path()
                .map_err(|e| AppError::io("use the chosen file", e))
        })
        .transpose()
}
