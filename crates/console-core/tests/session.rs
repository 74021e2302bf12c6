//! The session against real parts: a real embedded sandbox, a second sandbox started
//! separately, real files for profiles and secrets.

use std::sync::Arc;

use console_core::{
    Console, ErrorCode, FileSecrets, JsonFileProfiles, NewProfile, ProfileKind, SecretStorage,
};

const PLANTED: &str = "planted-secret-7f3a9c";

async fn open(dir: &tempfile::TempDir) -> Console {
    Console::open(
        Box::new(JsonFileProfiles::new(dir.path().join("profiles.json"))),
        Arc::new(FileSecrets::new(dir.path().join("secrets.json"))),
        dir.path(),
    )
    .await
    .unwrap()
}

async fn other_sandbox(dir: &tempfile::TempDir) -> sendblue_sandbox::RunningSandbox {
    let mut config = sendblue_sandbox::SandboxConfig::ephemeral(dir.path().join("other.db"));
    config.key_id = "live-key".into();
    config.secret = PLANTED.into();
    sendblue_sandbox::start(config).await.unwrap()
}

#[tokio::test]
async fn first_launch_creates_and_selects_the_sandbox_profile() {
    let dir = tempfile::tempdir().unwrap();
    let console = open(&dir).await;
    let profiles = console.profiles().unwrap();
    assert_eq!(profiles.len(), 1);
    assert_eq!(profiles[0].profile.name, "Sandbox");
    assert_eq!(profiles[0].profile.kind, ProfileKind::Sandbox);
    assert!(profiles[0].active);
    assert_eq!(profiles[0].secret_storage, SecretStorage::File);
    let url = console.embedded_base_url().await.unwrap();
    assert!(url.starts_with("http://127.0.0.1:"));
    assert_eq!(profiles[0].effective_url.as_deref(), Some(url.as_str()));
    // The embedded sandbox answers with the profile's keys.
    console.client().unwrap().contacts().count().await.unwrap();
    assert!(dir.path().join("sandbox").join("sandbox.db").exists());
    console.shutdown().await;

    // A second launch keeps the same profile and data folder.
    let again = open(&dir).await;
    assert_eq!(again.profiles().unwrap().len(), 1);
    again.client().unwrap().contacts().count().await.unwrap();
    again.shutdown().await;
}

#[tokio::test]
async fn a_live_profile_with_a_wrong_secret_says_so_then_connects_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let other = other_sandbox(&dir).await;
    let console = open(&dir).await;
    let input = |secret: &str| NewProfile {
        name: "Acme Live".into(),
        base_url: other.base_url(),
        key_id: "live-key".into(),
        secret: secret.into(),
        kind: ProfileKind::Live,
    };
    let err = console.test_new_profile(input("wrong")).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Unauthorized);
    assert!(err.message.contains("key id and secret"), "{}", err.message);

    let profile = console.add_profile(input("wrong")).await.unwrap();
    assert_eq!(
        console.test_connection(&profile.id).await.unwrap_err().code,
        ErrorCode::Unauthorized
    );
    console.set_secret(&profile.id, PLANTED).await.unwrap();
    assert_eq!(console.test_connection(&profile.id).await.unwrap(), 0);

    // Switching swaps the client: requests now reach the other sandbox.
    console.switch(&profile.id).await.unwrap();
    let before = other.state().log.since(0).len();
    console.client().unwrap().contacts().count().await.unwrap();
    assert_eq!(other.state().log.since(0).len(), before + 1);
    assert_eq!(console.active_profile().unwrap().kind, ProfileKind::Live);

    // The planted secret is in the secrets file only — never in the profiles file, never in
    // what the page gets.
    let profiles_file = std::fs::read_to_string(dir.path().join("profiles.json")).unwrap();
    assert!(!profiles_file.contains(PLANTED));
    let views = serde_json::to_string(&console.profiles().unwrap()).unwrap();
    assert!(!views.contains(PLANTED));
    let secrets_file = std::fs::read_to_string(dir.path().join("secrets.json")).unwrap();
    assert!(secrets_file.contains(PLANTED));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("secrets.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    console.shutdown().await;
}

#[tokio::test]
async fn profile_fields_are_checked_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let console = open(&dir).await;
    let base = NewProfile {
        name: "X".into(),
        base_url: "https://api.sendblue.co".into(),
        key_id: "k".into(),
        secret: "s".into(),
        kind: ProfileKind::Live,
    };
    let cases = [
        (
            NewProfile {
                name: " ".into(),
                ..base.clone()
            },
            "name",
        ),
        (
            NewProfile {
                base_url: "http://api.sendblue.co".into(),
                ..base.clone()
            },
            "base_url",
        ),
        (
            NewProfile {
                key_id: "".into(),
                ..base.clone()
            },
            "key_id",
        ),
        (
            NewProfile {
                secret: "".into(),
                ..base.clone()
            },
            "secret",
        ),
        (
            NewProfile {
                base_url: console.embedded_base_url().await.unwrap(),
                ..base.clone()
            },
            "base_url",
        ),
    ];
    for (input, field) in cases {
        let err = console.add_profile(input).await.unwrap_err();
        assert_eq!(err.code, ErrorCode::Validation);
        assert_eq!(err.detail.unwrap().field.as_deref(), Some(field));
        assert!(!err.message.is_empty());
    }
    assert_eq!(console.profiles().unwrap().len(), 1, "nothing was saved");
    console.shutdown().await;
}

#[tokio::test]
async fn the_first_live_send_needs_confirmation_once() {
    let dir = tempfile::tempdir().unwrap();
    let other = other_sandbox(&dir).await;
    let console = open(&dir).await;
    assert!(!console.send_needs_confirmation(), "the sandbox needs none");
    let live = console
        .add_profile(NewProfile {
            name: "Live".into(),
            base_url: other.base_url(),
            key_id: "live-key".into(),
            secret: PLANTED.into(),
            kind: ProfileKind::Live,
        })
        .await
        .unwrap();
    console.switch(&live.id).await.unwrap();
    assert!(console.send_needs_confirmation());
    let err = console.check_send_allowed(false).unwrap_err();
    assert_eq!(err.detail.unwrap().field.as_deref(), Some("confirm_live"));
    console.check_send_allowed(true).unwrap();
    assert!(!console.send_needs_confirmation());
    console.check_send_allowed(false).unwrap();
    console.shutdown().await;
}

#[tokio::test]
async fn deleting_the_active_profile_falls_back_and_the_sandbox_stays() {
    let dir = tempfile::tempdir().unwrap();
    let other = other_sandbox(&dir).await;
    let console = open(&dir).await;
    let sandbox_id = console.active_profile().unwrap().id;
    let live = console
        .add_profile(NewProfile {
            name: "Live".into(),
            base_url: other.base_url(),
            key_id: "live-key".into(),
            secret: PLANTED.into(),
            kind: ProfileKind::Live,
        })
        .await
        .unwrap();
    console.switch(&live.id).await.unwrap();
    console.delete_profile(&live.id).await.unwrap();
    assert_eq!(console.active_profile().unwrap().id, sandbox_id);
    let secrets_file = std::fs::read_to_string(dir.path().join("secrets.json")).unwrap();
    assert!(
        !secrets_file.contains(PLANTED),
        "the secret went with the profile"
    );
    assert_eq!(
        console.delete_profile(&sandbox_id).await.unwrap_err().code,
        ErrorCode::Validation
    );
    console.shutdown().await;
}
