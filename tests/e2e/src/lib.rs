//! The end-to-end harness: the built console (`target/debug/sendblue-console`) in a real
//! window, driven over WebDriver (tauri-driver → WebKitWebDriver) with fantoccini.
//!
//! Journeys live in `tests/` and are `#[ignore]`d so plain `cargo test --workspace` skips
//! them; `scripts/e2e` builds the page and the app and runs them under Xvfb, inside a
//! `dbus-run-session` with an unlocked gnome-keyring:
//!
//! ```text
//! scripts/e2e                      # every journey
//! scripts/e2e live_profile         # the journeys whose name contains this
//! E2E_KEEP=1 scripts/e2e …         # keep each journey's data folders (path printed)
//! E2E_TIMEOUT_SECS=30 scripts/e2e  # longer waits
//! ```
//!
//! A journey:
//!
//! ```no_run
//! # async fn journey() {
//! use e2e::{tid, App};
//! let app = App::launch().await; // fresh XDG data/config/cache folders, its own driver
//! app.wait_for_text_eq("active-profile-kind", "Sandbox").await;
//! app.click("nav-settings").await;
//! app.click(tid("profile-row").with_attr("data-profile-name", "Live").inner("profile-switch"))
//!     .await;
//! app.screenshot("my_journey").await; // tests/e2e/screenshots/my_journey.png
//! # }
//! ```
//!
//! Around the window: [`desktop`] drives the GTK file chooser and the X focus with `xdotool`,
//! [`NotificationDaemon`] is a real `dunst` on the journey's D-Bus session, [`HttpReceiver`] a
//! loopback HTTP server that records what it gets, and [`App::embedded_sandbox`] reaches the
//! sandbox the app embeds (its admin paths make inbound messages and typing happen).
//!
//! Every wait polls for an element by `data-testid` (see `docs/ui-contract.md`), never a
//! fixed sleep; on timeout it saves `screenshots/<journey>-failed.png` and panics with the
//! page's text and a source excerpt. Dropping the [`App`] — also when the journey panics —
//! closes the session, ends tauri-driver, WebKitWebDriver and the app, and removes the
//! folders.

mod app;
pub mod desktop;
mod embedded;
pub mod files;
pub mod keychain;
pub mod notifications;
pub mod process;
pub mod receiver;
mod sandbox;
mod target;

pub use app::{app_binary, repo_root, screenshots_dir, App};
pub use desktop::OtherWindow;
pub use embedded::EmbeddedSandbox;
pub use fantoccini;
pub use fantoccini::key::Key;
pub use notifications::NotificationDaemon;
pub use receiver::HttpReceiver;
pub use sandbox::Sandbox;
pub use target::{css, tid, Target};
