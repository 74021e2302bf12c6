//! End-to-end journeys: the built app in a real window, from a clean data folder each time.
//! Run them with `scripts/e2e` (Xvfb, D-Bus session, unlocked gnome-keyring); plain
//! `cargo test` skips them.

use e2e::{files, keychain, tid, App, Sandbox};

/// The lines every new sandbox has.
const BASE_LINES: [&str; 3] = ["+14155550100", "+14155550101", "+14155550102"];

fn is_count(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

/// First launch opens the built-in Sandbox profile and shows its lines and contact count.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver and the built app (run scripts/e2e)"]
async fn opens_on_the_sandbox_profile() {
    let app = App::launch().await;

    app.wait_for("overview").await;
    app.wait_for_text_eq("active-profile-kind", "Sandbox").await;
    let name = app.text("active-profile-name").await;
    assert!(!name.trim().is_empty(), "the active profile has no name");

    let lines = app
        .wait_until("the three base lines, each with a status", async |app| {
            let rows = app
                .row_texts("line-row", &["line-number", "line-status"])
                .await;
            let lines: Vec<(String, String)> = rows
                .into_iter()
                .map(|row| {
                    let mut parts = row.into_iter().map(|p| p.unwrap_or_default());
                    let number = parts.next().unwrap_or_default().trim().to_owned();
                    let status = parts.next().unwrap_or_default().trim().to_owned();
                    (number, status)
                })
                .collect();
            let complete = BASE_LINES.iter().all(|n| {
                lines
                    .iter()
                    .any(|(number, status)| number == n && !status.is_empty())
            });
            complete.then_some(lines)
        })
        .await;
    let count = app
        .wait_for_text("overview-contact-count", "digits", is_count)
        .await;
    assert!(
        !app.exists("secret-storage-warning").await,
        "secrets should go to the keychain here, but the page warns about the file fallback"
    );

    app.screenshot("opens_on_the_sandbox_profile").await;
    eprintln!("[e2e] Sandbox profile {name:?}: lines {lines:?}, {count} contacts");
}

/// A Live profile against a separately started sandbox: a wrong secret is refused in plain
/// words; the right one connects and shows that account; the secret is in the keychain and in
/// no file the app wrote.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver, the built app and a keychain (run scripts/e2e)"]
async fn adds_a_live_profile_with_its_secret_in_the_keychain() {
    const KEY_ID: &str = "live-key";
    const SECRET: &str = "e2e-planted-secret-42";
    const WRONG_SECRET: &str = "e2e-wrong-secret-17";
    const PROFILE: &str = "Live e2e";
    const CONTACTS: usize = 5;

    let live = Sandbox::start(KEY_ID, SECRET).await;
    live.add_contacts(CONTACTS).await;
    let mut app = App::launch().await;

    // The embedded sandbox first, to compare counts with.
    app.wait_for_text_eq("active-profile-kind", "Sandbox").await;
    let embedded_count = app
        .wait_for_text("overview-contact-count", "digits", is_count)
        .await;
    assert_ne!(
        embedded_count.trim(),
        CONTACTS.to_string(),
        "the embedded sandbox has as many contacts as the live one: the journey can't tell them apart"
    );

    // Add the profile with a wrong secret: Test connection says so plainly.
    app.fill_new_profile(PROFILE, &live.base_url(), KEY_ID, WRONG_SECRET, "Live")
        .await;
    app.click("profile-form-test").await;
    app.wait_for_text_containing("profile-form-error", "key id and secret")
        .await;

    // Correct it: the test connects and reports the live account's contact count.
    app.type_into("profile-secret", SECRET).await;
    app.click("profile-form-test").await;
    app.wait_for_text(
        "profile-form-result",
        format!("a success with the count {CONTACTS}"),
        |t| {
            t.split(|c: char| !c.is_ascii_digit())
                .any(|n| n == CONTACTS.to_string())
        },
    )
    .await;
    app.click("profile-form-save").await;

    // Switch to it: the Live account's data, marked Live.
    let row = tid("profile-row").with_attr("data-profile-name", PROFILE);
    app.wait_for(&row).await;
    app.click(row.clone().inner("profile-switch")).await;
    app.wait_for_text_eq("active-profile-kind", "Live").await;
    app.wait_for_text_eq("active-profile-name", PROFILE).await;
    app.click("nav-overview").await;
    app.wait_for("overview").await;
    app.wait_for_text_eq("overview-contact-count", &CONTACTS.to_string())
        .await;
    app.screenshot("adds_a_live_profile_with_its_secret_in_the_keychain")
        .await;

    // The profile's id, from the store the app wrote.
    let (store_file, profile_id) = files::json_objects(&app.data_home())
        .into_iter()
        .chain(files::json_objects(&app.config_home()))
        .find_map(|(path, object)| {
            let named = object.get("name").and_then(|v| v.as_str()) == Some(PROFILE);
            let id = object.get("id").and_then(|v| v.as_str());
            id.filter(|_| named).map(|id| (path, id.to_owned()))
        })
        .unwrap_or_else(|| {
            panic!(
                "no profile named {PROFILE:?} with an id in any JSON file under {} (keychain \
                 entries: {:?})",
                app.root().display(),
                keychain::stored_profile_ids()
            )
        });
    eprintln!(
        "[e2e] profile {PROFILE:?} has id {profile_id} (in {})",
        store_file.display()
    );

    // The keychain holds the secret…
    assert_eq!(
        keychain::lookup(&profile_id).as_deref(),
        Some(SECRET),
        "secret-tool lookup service {} {} {profile_id} did not return the planted secret",
        keychain::SERVICE,
        keychain::USER_ATTRIBUTE
    );

    // …and no command result does: every read command the page can call, invoked through the
    // app's real IPC, plus the whole rendered page.
    let results = app
        .script(COMMAND_RESULTS_JS, vec![])
        .await
        .expect("the command sweep ran in the page");
    let results = results.as_str().unwrap_or_default().to_owned();
    assert!(
        results.contains(PROFILE) && results.contains("\"Live\""),
        "the sweep gathered no profile data: {}",
        &results[..results.len().min(400)]
    );
    for secret in [SECRET, WRONG_SECRET] {
        assert!(!results.contains(secret), "a secret reached the page");
    }

    // …and no file the app wrote does: store, logs, caches, everything (checked after the app
    // has ended, so everything is flushed).
    app.quit().await;
    for home in app.xdg_homes() {
        for secret in [SECRET, WRONG_SECRET] {
            let leaks = files::files_containing(&home, secret);
            assert!(leaks.is_empty(), "a secret was written to disk: {leaks:?}");
        }
    }
    let log = app.driver_log();
    assert!(
        !log.contains(SECRET) && !log.contains(WRONG_SECRET),
        "a secret appeared in the app's output (driver.log)"
    );
    drop(app);
    live.shutdown().await;
}

/// Invokes every argument-free read command through Tauri's IPC and returns their JSON results
/// and the rendered page, one per line (errors included, as text).
const COMMAND_RESULTS_JS: &str = r#"
const commands = [
  "profiles_list", "profiles_active", "profiles_secret_storage",
  "profiles_send_needs_confirmation", "contacts_count", "lines_list", "lines_state",
  "mirror_status", "mirror_tags", "activity_connection_state", "jobs_list", "webhooks_list"
];
return (async () => {
  const out = [];
  for (const name of commands) {
    try {
      out.push(name + " " + JSON.stringify(await window.__TAURI_INTERNALS__.invoke(name)));
    } catch (e) {
      out.push(name + " error " + JSON.stringify(e));
    }
  }
  out.push(document.documentElement.outerHTML);
  return out.join("\n");
})();
"#;
