//! The Import wizard: choose a file in a native dialog (its path stays in Rust; the page gets
//! an import id), map its columns (with saved presets), check it with a dry run, then run it
//! as a job (progress as `JobProgress` events, its end as `JobFinished`; cancel, resume and
//! saving the report are the `jobs_*` commands). console-core does the work.

use console_core::audit::action;
use console_core::import::{ColumnMapping, ImportControl};
use console_core::import_wizard::{
    import_jobs, ImportChoices, ImportDrafts, ImportFile, ImportJob, ImportPreview, PRESET_DELETE,
    PRESET_SAVE,
};
use console_core::{AppError, AppResult, Audit, JobInfo, Live};
use serde_json::json;
use tauri::AppHandle;

use super::dialogs;
use crate::state::ConsoleExt;

fn drafts(live: &Live) -> ImportDrafts {
    ImportDrafts::new(live.dir())
}

/// Runs blocking file work off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| AppError::io("read the import file", e))?
}

/// Asks which file to import (CSV, text or vCard), then reads its encoding, delimiter,
/// columns and first rows and suggests a mapping. `None` when the person cancels.
#[tauri::command]
#[specta::specta]
pub async fn imports_choose_file(app: AppHandle) -> AppResult<Option<ImportFile>> {
    let live = app.live()?;
    let dialog = dialogs::file_dialog(&app, "Choose a file to import")
        .add_filter(
            "Contacts (CSV, text, vCard)",
            &["csv", "txt", "tsv", "vcf", "vcard"],
        )
        .add_filter("All files", &["*"]);
    let Some(path) = dialogs::pick_file(dialog).await? else {
        return Ok(None);
    };
    let drafts = drafts(&live);
    blocking(move || drafts.open_file(&path)).await.map(Some)
}

/// The mapping the saved preset `name` gives this import's columns.
#[tauri::command]
#[specta::specta]
pub async fn imports_apply_preset(
    app: AppHandle,
    import_id: String,
    name: String,
) -> AppResult<ColumnMapping> {
    let drafts = drafts(&*app.live()?);
    blocking(move || drafts.apply_preset(&import_id, &name)).await
}

/// Checks the whole file with the chosen mapping, default country and duplicate policy;
/// nothing is sent. Returns the counts and the first rows with what will happen to each.
#[tauri::command]
#[specta::specta]
pub async fn imports_dry_run(
    app: AppHandle,
    import_id: String,
    choices: ImportChoices,
) -> AppResult<ImportPreview> {
    let live = app.live()?;
    let drafts = drafts(&live);
    blocking(move || drafts.dry_run(&import_id, &choices, live.mirror(), &ImportControl::new()))
        .await
}

/// Starts sending what the last dry run planned, as a job.
#[tauri::command]
#[specta::specta]
pub async fn imports_start(app: AppHandle, import_id: String) -> AppResult<JobInfo> {
    let console = app.console()?;
    let live = console.live()?;
    let drafts = drafts(&live);
    let lookup = drafts.clone();
    let id = import_id.clone();
    let (file_name, summary) = blocking(move || lookup.summary(&id)).await?;
    let audit = Audit::new(action::CONTACTS_IMPORT, &file_name).details(json!({
        "rows": summary.rows,
        "new": summary.new,
        "update": summary.update,
        "skip": summary.skip,
        "invalid": summary.invalid,
    }));
    console
        .audited(audit, async {
            let job_id = drafts.into_job(&import_id, live.jobs())?;
            let handle = live.jobs().start(&job_id)?;
            live.track(handle)
        })
        .await
}

/// Every import job of the active profile, newest first, with its file's name (unfinished
/// ones can be resumed with `jobs_resume`).
#[tauri::command]
#[specta::specta]
pub async fn imports_jobs(app: AppHandle) -> AppResult<Vec<ImportJob>> {
    let live = app.live()?;
    blocking(move || import_jobs(live.jobs())).await
}

/// Saves `mapping` as the preset `name` (replacing one of that name).
#[tauri::command]
#[specta::specta]
pub async fn imports_save_preset(
    app: AppHandle,
    name: String,
    mapping: ColumnMapping,
) -> AppResult<()> {
    let console = app.console()?;
    let drafts = drafts(&*console.live()?);
    let audit = Audit::new(PRESET_SAVE, name.trim()).details_of(&mapping);
    console
        .audited(audit, async { drafts.presets().save(&name, &mapping) })
        .await
}

/// Deletes the preset `name`; `false` when there was none.
#[tauri::command]
#[specta::specta]
pub async fn imports_delete_preset(app: AppHandle, name: String) -> AppResult<bool> {
    let console = app.console()?;
    let drafts = drafts(&*console.live()?);
    let audit = Audit::new(PRESET_DELETE, &name);
    console
        .audited(audit, async { drafts.presets().delete(&name) })
        .await
}
