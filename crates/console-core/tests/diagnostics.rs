//! The diagnostics report of a real session: a planted secret is absent from it.

use std::sync::Arc;

use console_core::diagnostics::{self, AppInfo};
use console_core::{Console, FileSecrets, JsonFileProfiles, NewProfile, ProfileKind};

const PLANTED: &str = "planted-secret-diag-4c81d2";

#[tokio::test]
async fn the_report_holds_the_profiles_but_not_their_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let console = Console::open(
        Box::new(JsonFileProfiles::new(dir.path().join("profiles.json"))),
        Arc::new(FileSecrets::new(dir.path().join("secrets.json"))),
        dir.path(),
    )
    .await
    .unwrap();
    console
        .add_profile(NewProfile {
            name: "Acme Live".into(),
            base_url: "https://api.sendblue.co".into(),
            key_id: "acme-key".into(),
            secret: PLANTED.into(),
            kind: ProfileKind::Live,
        })
        .await
        .unwrap();
    // A log that (wrongly) caught the secret, and a header the console never saw.
    let log = format!(
        "[INFO] start\n[DEBUG] secret {PLANTED}\n[DEBUG] sb-api-secret-key: never-registered-77\n"
    );
    let app = AppInfo {
        name: "Sendblue Console".into(),
        version: "9.9.9".into(),
        ..AppInfo::default()
    };
    let text = diagnostics::report(&console, app, &log).await.unwrap();
    console.shutdown().await;

    assert!(!text.contains(PLANTED), "{text}");
    assert!(!text.contains("never-registered-77"), "{text}");
    // The embedded sandbox's own secret is never in it either.
    let secrets = std::fs::read_to_string(dir.path().join("secrets.json")).unwrap();
    let secrets: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&secrets).unwrap();
    for secret in secrets.values() {
        assert!(!text.contains(secret.as_str()), "{text}");
    }
    for wanted in [
        "Acme Live",
        "acme-key",
        "Sandbox",
        "9.9.9",
        "http://127.0.0.1:",
        "[INFO] start",
    ] {
        assert!(text.contains(wanted), "{wanted} missing from {text}");
    }
}
