//! Every command that changes something goes through `Console::audited`, the one place the
//! audit log is written. A new command is either audited or listed here as a read (or as
//! no lasting change), on purpose.

use std::path::PathBuf;

/// Commands that change nothing worth an audit entry: reads, connection checks, dialogs that
/// only save a local copy, the typing bubble, and media uploads (a step of a send, which is
/// audited itself).
const NOT_AUDITED: &[&str] = &[
    "activity_connection_state",
    "audit_export",
    "audit_query",
    "contacts_count",
    "contacts_get",
    "contacts_list",
    "diagnostics_export",
    "groups_get",
    "imports_apply_preset",
    "imports_choose_file",
    "imports_dry_run",
    "imports_jobs",
    "jobs_list",
    "jobs_save_report",
    "lines_call_forwarding",
    "lines_list",
    "lines_state",
    "media_cancel_upload",
    "media_pick_and_upload",
    "media_upload_media_object",
    "messages_evaluate_service",
    "messages_get",
    "messages_list",
    "messages_status",
    "mirror_refresh",
    "mirror_search",
    "mirror_status",
    "mirror_tags",
    "profiles_active",
    "profiles_list",
    "profiles_secret_storage",
    "profiles_send_needs_confirmation",
    "profiles_test",
    "profiles_test_new",
    "provisioning_line_request",
    "provisioning_preview",
    "reactions_typing",
    "settings_get",
    "sharing_state",
    "webhooks_list",
];

/// Each command's name and body (up to the next command), from src/commands/*.rs.
fn commands() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for chunk in source.split("\n#[tauri::command]").skip(1) {
            let signature = chunk
                .lines()
                .map(str::trim)
                .find(|l| l.starts_with("pub "))
                .unwrap();
            let name = signature
                .trim_start_matches("pub ")
                .trim_start_matches("async ")
                .trim_start_matches("fn ")
                .split(['(', '<'])
                .next()
                .unwrap()
                .to_owned();
            found.push((name, chunk.to_owned()));
        }
    }
    found.sort();
    found
}

#[test]
fn every_changing_command_is_audited() {
    let all = commands();
    assert!(all.len() >= 60, "found only {}", all.len());
    for (name, body) in &all {
        let audited = body.contains(".audited(");
        if NOT_AUDITED.contains(&name.as_str()) {
            assert!(!audited, "{name} is audited: take it off NOT_AUDITED");
        } else {
            assert!(
                audited,
                "{name} changes something but isn't audited: wrap its work in \
                 `console.audited(Audit::new(action::…, target), …)` (or list it in NOT_AUDITED \
                 if it only reads)"
            );
        }
    }
    for name in NOT_AUDITED {
        assert!(
            all.iter().any(|(n, _)| n == name),
            "{name} is no longer a command"
        );
    }
}
