//! The harness itself: a window comes up from clean folders, a screenshot is saved, and
//! dropping the `App` leaves no process and no folder behind.

use e2e::{process, App};

#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver and the built app (run scripts/e2e)"]
async fn harness_starts_the_window_and_cleans_up() {
    let app = App::launch().await;
    let pgid = app.driver_pid().expect("tauri-driver runs");
    let root = app.root().to_path_buf();
    for home in app.xdg_homes() {
        assert!(home.is_dir(), "{} was not made", home.display());
    }
    let members = process::live_group_members(pgid);
    assert!(
        members.len() >= 3,
        "expected tauri-driver, WebKitWebDriver and the app in group {pgid}, found {members:?}"
    );
    let shot = app
        .screenshot("harness_starts_the_window_and_cleans_up")
        .await;
    let png = std::fs::read(&shot).expect("screenshot file");
    assert!(png.starts_with(b"\x89PNG"), "the screenshot is not a PNG");

    drop(app);
    assert!(
        process::live_group_members(pgid).is_empty(),
        "processes of the journey are still running: {:?}",
        process::live_group_members(pgid)
    );
    if std::env::var_os("E2E_KEEP").is_none_or(|v| v != "1") {
        assert!(!root.exists(), "{} was not removed", root.display());
    }
}
