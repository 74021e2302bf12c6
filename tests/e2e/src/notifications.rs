//! A real notification daemon (`dunst`) on the journey's D-Bus session: what the app's desktop
//! notifications reach, read back from dunst's own record of what it received.
//!
//! dunst owns `org.freedesktop.Notifications` on the session bus the test runs in (the
//! `dbus-run-session` of `scripts/e2e`, shared with the app) and shows on the test's `DISPLAY`.
//! With `-print` it writes every notification it receives to its standard output, which goes
//! to a file this module parses.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

const NAME: &str = "org.freedesktop.Notifications";
const POLL: Duration = Duration::from_millis(100);

/// Notifications stay up (no timeout) so none is lost before it is read.
const CONFIG: &str = "\
[global]
    monitor = 0
    follow = none
    font = DejaVu Sans 10
    idle_threshold = 0
[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
[urgency_critical]
    timeout = 0
";

/// One notification as dunst received it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Notification {
    /// The sending application's name.
    pub appname: String,
    /// The title.
    pub summary: String,
    /// The text.
    pub body: String,
}

/// A running dunst with a minimal configuration in a temporary folder. Stopped when dropped.
#[derive(Debug)]
pub struct NotificationDaemon {
    child: Option<Child>,
    dir: TempDir,
}

/// True when something owns `org.freedesktop.Notifications` on the session bus.
pub fn daemon_running() -> bool {
    let output = Command::new("dbus-send")
        .args([
            "--session",
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            &format!("string:{NAME}"),
        ])
        .stdin(Stdio::null())
        .output();
    matches!(output, Ok(o) if o.status.success() && String::from_utf8_lossy(&o.stdout).contains("boolean true"))
}

impl NotificationDaemon {
    /// Starts dunst on the session bus and waits until it owns the notifications name.
    pub fn start() -> NotificationDaemon {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "no D-Bus session: run the journeys with scripts/e2e (dbus-run-session)"
        );
        assert!(
            !daemon_running(),
            "another notification daemon already owns {NAME} on this D-Bus session"
        );
        let dir = tempfile::Builder::new()
            .prefix("e2e-dunst-")
            .tempdir()
            .expect("temporary folder for dunst");
        let config = dir.path().join("dunstrc");
        std::fs::write(&config, CONFIG).expect("dunst configuration");
        let out = std::fs::File::create(dir.path().join("received.txt")).expect("dunst output");
        let err = std::fs::File::create(dir.path().join("dunst.log")).expect("dunst log");
        let child = Command::new("dunst")
            .arg("-config")
            .arg(&config)
            .arg("-print")
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| panic!("dunst could not be started ({e}); apt-get install dunst"));
        let mut daemon = NotificationDaemon {
            child: Some(child),
            dir,
        };
        let deadline = Instant::now() + Duration::from_secs(15);
        while !daemon_running() {
            if let Some(status) = daemon
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!("dunst exited ({status}): {}", daemon.log());
            }
            assert!(
                Instant::now() < deadline,
                "dunst did not take {NAME} within 15 s: {}",
                daemon.log()
            );
            std::thread::sleep(POLL);
        }
        daemon
    }

    fn output_path(&self) -> PathBuf {
        self.dir.path().join("received.txt")
    }

    /// dunst's own messages (warnings, errors).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("dunst.log")).unwrap_or_default()
    }

    /// Every notification received so far, oldest first.
    pub fn received(&self) -> Vec<Notification> {
        parse_print_output(&std::fs::read_to_string(self.output_path()).unwrap_or_default())
    }

    /// Waits (at most `timeout`) for a notification whose title contains `needle` (ignoring
    /// case) and returns it; panics with everything received otherwise.
    pub async fn wait_for_summary(&self, needle: &str, timeout: Duration) -> Notification {
        let lower = needle.to_lowercase();
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(found) = self
                .received()
                .into_iter()
                .find(|n| n.summary.to_lowercase().contains(&lower))
            {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "dunst received no notification titled like {needle:?} within {timeout:?}; \
                 received: {:?}\ndunst log: {}",
                self.received(),
                self.log()
            );
            tokio::time::sleep(POLL).await;
        }
    }
}

impl Drop for NotificationDaemon {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
            // The bus lets go of the name a moment later: the next journey's dunst needs it.
            let deadline = Instant::now() + Duration::from_secs(3);
            while daemon_running() && Instant::now() < deadline {
                std::thread::sleep(POLL);
            }
        }
    }
}

/// Parses dunst's `-print` output: one `{ key: 'value' … }` block per notification.
fn parse_print_output(text: &str) -> Vec<Notification> {
    let mut out = Vec::new();
    let mut current: Option<Notification> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed == "{" {
            current = Some(Notification::default());
            continue;
        }
        if trimmed == "}" {
            out.extend(current.take());
            continue;
        }
        let Some(n) = current.as_mut() else { continue };
        let Some((key, value)) = trimmed.split_once(": ") else {
            continue;
        };
        let value = value
            .strip_prefix('\'')
            .and_then(|v| v.strip_suffix('\''))
            .unwrap_or(value)
            .to_owned();
        match key {
            "appname" => n.appname = value,
            "summary" => n.summary = value,
            "body" => n.body = value,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_dunst_prints() {
        let text = "{\n\tappname: 'sendblue-console'\n\tsummary: 'New message from +1 650'\n\
                    \tbody: 'hello there'\n\ticon: 'x'\n\tformatted: '<b>New</b>\nhello'\n}\n\
                    {\n\tappname: 'b'\n\tsummary: 'Second'\n\tbody: ''\n}\n";
        assert_eq!(
            parse_print_output(text),
            vec![
                Notification {
                    appname: "sendblue-console".into(),
                    summary: "New message from +1 650".into(),
                    body: "hello there".into(),
                },
                Notification {
                    appname: "b".into(),
                    summary: "Second".into(),
                    body: String::new(),
                },
            ]
        );
    }
}
