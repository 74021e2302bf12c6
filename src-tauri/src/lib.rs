//! Sendblue Console's desktop shell: the window, the page's typed commands and events, the
//! profile store over tauri-plugin-store, the redacting log. The work itself is done by
//! `console-core` and `sendblue-client`; this crate only adapts it to Tauri.

use std::sync::Arc;

use console_core::{Console, LiveConfig};
use tauri::{Manager, RunEvent};
use tauri_specta::{collect_commands, collect_events};

pub mod commands;
pub mod events;
pub mod logging;
pub mod notifications;
pub mod profile_store;
pub mod rendering;
pub mod settings_store;
pub mod state;

pub use state::ConsoleExt;

use crate::commands::{
    activity, audit, contacts, diagnostics, groups, jobs, lines, media, messages, mirror, profiles,
    sharing, webhooks,
};

/// The one list of the page's commands and events. `run` takes its invoke handler; the
/// `export_bindings` test writes `ui/src/bindings.gen.ts` from it.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            profiles::profiles_list,
            profiles::profiles_active,
            profiles::profiles_add,
            profiles::profiles_test_new,
            profiles::profiles_test,
            profiles::profiles_set_secret,
            profiles::profiles_switch,
            profiles::profiles_delete,
            profiles::profiles_secret_storage,
            profiles::profiles_send_needs_confirmation,
            contacts::contacts_list,
            contacts::contacts_count,
            contacts::contacts_get,
            contacts::contacts_create,
            contacts::contacts_update,
            contacts::contacts_delete,
            contacts::contacts_bulk_create,
            contacts::contacts_bulk_delete,
            contacts::contacts_opt_out,
            contacts::contacts_verify,
            mirror::mirror_search,
            mirror::mirror_tags,
            mirror::mirror_status,
            mirror::mirror_refresh,
            messages::messages_send,
            messages::messages_send_carousel,
            messages::messages_status,
            messages::messages_evaluate_service,
            messages::messages_list,
            messages::messages_get,
            messages::messages_delete,
            messages::reactions_send,
            messages::reactions_mark_read,
            messages::reactions_typing,
            media::media_pick_and_upload,
            media::media_upload_media_object,
            groups::groups_send,
            groups::groups_create,
            groups::groups_modify,
            groups::groups_get,
            groups::groups_set_name,
            groups::groups_set_photo,
            groups::groups_pick_and_upload_photo,
            webhooks::webhooks_list,
            webhooks::webhooks_add,
            webhooks::webhooks_replace,
            webhooks::webhooks_remove,
            webhooks::webhooks_send_test,
            lines::lines_list,
            lines::lines_state,
            lines::lines_call_forwarding,
            lines::lines_set_call_forwarding,
            lines::lines_clear_call_forwarding,
            lines::provisioning_preview,
            lines::provisioning_confirm,
            lines::provisioning_add_line,
            lines::provisioning_line_request,
            sharing::sharing_state,
            sharing::sharing_set_profile,
            sharing::sharing_share,
            sharing::sharing_delete_profile,
            diagnostics::diagnostics_export,
            jobs::jobs_list,
            jobs::jobs_bulk_delete,
            jobs::jobs_export_contacts,
            jobs::jobs_export_messages,
            jobs::jobs_cancel,
            jobs::jobs_resume,
            jobs::jobs_save_report,
            activity::activity_connection_state,
            audit::audit_query,
            audit::audit_export,
            commands::settings::settings_get,
            commands::settings::settings_set,
            commands::imports::imports_choose_file,
            commands::imports::imports_apply_preset,
            commands::imports::imports_dry_run,
            commands::imports::imports_start,
            commands::imports::imports_jobs,
            commands::imports::imports_save_preset,
            commands::imports::imports_delete_preset,
            media::media_cancel_upload,
        ])
        .events(collect_events![
            events::ProfileChanged,
            events::JobProgressEvent,
            events::JobFinished,
            events::ActivityEvent,
            events::MirrorSyncProgress,
            events::MirrorSynced,
            events::SettingsChanged,
            events::AuditAppended,
        ])
        // Counts, sizes, ids and timestamps cross as u64. They stay far below 2^53 (the
        // largest integer a JavaScript number holds exactly), so plain `number` is safe.
        .dangerously_cast_bigints_to_number()
}

/// Opens the console: one instance, the redacting log, the profile store, native dialogs,
/// the session (which starts the built-in sandbox), then the window.
pub fn run(context: tauri::Context<tauri::Wry>) {
    let specta = specta_builder();
    let app = tauri::Builder::default()
        // First, so a second launch only focuses the running window and starts nothing.
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            focus_main_window(app)
        }))
        .plugin(logging::plugin())
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .invoke_handler(specta.invoke_handler())
        .setup(move |app| {
            specta.mount_events(app);
            let data_dir = app.path().app_data_dir()?;
            std::fs::create_dir_all(&data_dir)?;
            settings_store::manage(app, data_dir.join("settings.json"))?;
            let console = open_console(app)?;
            app.manage(Arc::new(console));
            Ok(())
        })
        .build(context);
    let app = match app {
        Ok(app) => app,
        Err(e) => {
            log::error!("the console couldn't start: {e}");
            eprintln!("Sendblue Console couldn't start: {e}");
            std::process::exit(1);
        }
    };
    app.run(|app, event| {
        if let RunEvent::Exit = event {
            if let Ok(console) = app.console() {
                tauri::async_runtime::block_on(console.shutdown());
            }
        }
    });
}

/// The session over the app data folder (`$XDG_DATA_HOME/co.sendblue.console` on Linux),
/// its live data reporting to the page as typed events.
fn open_console(app: &tauri::App) -> Result<Console, Box<dyn std::error::Error>> {
    let data_dir = app.path().app_data_dir()?;
    std::fs::create_dir_all(&data_dir)?;
    let store = profile_store::TauriProfiles::open(app, data_dir.join("profiles.json"))?;
    let live = LiveConfig::new(Arc::new(events::PageEvents::new(app.handle().clone())));
    let console = tauri::async_runtime::block_on(async {
        let secrets = console_core::secrets::choose(data_dir.join("secrets.json")).await;
        log::info!("secrets are kept in: {:?}", secrets.storage());
        Console::open_with(Box::new(store), secrets, &data_dir, live).await
    })?;
    log::info!(
        "console open; the built-in sandbox is at {}",
        tauri::async_runtime::block_on(console.embedded_base_url())
            .unwrap_or_else(|| "(not running)".to_owned())
    );
    Ok(console)
}

fn focus_main_window(app: &tauri::AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
