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

/// dunst runs on the journey's D-Bus session and records a notification sent to it.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display and a D-Bus session with dunst (run scripts/e2e)"]
async fn harness_notification_daemon_records_what_it_receives() {
    let daemon = e2e::NotificationDaemon::start();
    let status = std::process::Command::new("gdbus")
        .args([
            "call",
            "--session",
            "--dest",
            "org.freedesktop.Notifications",
            "--object-path",
            "/org/freedesktop/Notifications",
            "--method",
            "org.freedesktop.Notifications.Notify",
            "e2e",
            "0",
            "",
            "New message from the harness",
            "hello",
            "[]",
            "{}",
            "5000",
        ])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("gdbus");
    assert!(status.success(), "gdbus Notify failed");
    let got = daemon
        .wait_for_summary("new message from", std::time::Duration::from_secs(10))
        .await;
    assert_eq!(got.appname, "e2e");
    assert_eq!(got.body, "hello");
    drop(daemon);
    assert!(
        !e2e::notifications::daemon_running(),
        "dunst still owns the notifications name after being stopped"
    );
}

/// Another X window takes the keyboard focus from the app's window.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "end-to-end: needs a display, tauri-driver and the built app (run scripts/e2e)"]
async fn harness_another_window_takes_the_focus() {
    let app = App::launch().await;
    app.wait_for("overview").await;
    let main = app
        .wait_until("the main window on the display", async |_| {
            e2e::desktop::main_window()
        })
        .await;
    e2e::desktop::focus_window(&main).expect("focus the main window");
    let other = e2e::OtherWindow::open();
    other.focus();
    assert_ne!(
        e2e::desktop::focused_window().as_deref(),
        Some(main.as_str())
    );
}
