//! "Export diagnostics": a report to attach to a bug report — versions, the system, the
//! profiles without their secrets, where secrets are kept, the built-in sandbox's address and
//! the end of the log — passed through the redactor once more before it is written.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::console::{Console, ProfileView};
use crate::error::{AppError, AppResult};
use crate::redact::Redactor;
use crate::secrets::SecretStorage;

/// How many log lines a report carries.
pub const LOG_TAIL_LINES: usize = 500;

/// What the app knows about itself and the console core cannot: its name, version and the
/// versions of the parts it is built from (Tauri, the webview…).
#[derive(Debug, Clone, Default, Serialize)]
pub struct AppInfo {
    /// The product name.
    pub name: String,
    /// The app's version.
    pub version: String,
    /// Other parts and their versions.
    pub components: BTreeMap<String, String>,
}

/// The system the app runs on.
#[derive(Debug, Clone, Serialize)]
pub struct SystemInfo {
    /// `linux`, `macos`, `windows`…
    pub os: String,
    /// `x86_64`, `aarch64`…
    pub arch: String,
    /// The distribution's own name for itself (`/etc/os-release` on Linux), when known.
    pub distribution: Option<String>,
    /// The kernel release, when known.
    pub kernel: Option<String>,
}

impl SystemInfo {
    /// Looks at the running system.
    pub fn current() -> Self {
        Self {
            os: std::env::consts::OS.to_owned(),
            arch: std::env::consts::ARCH.to_owned(),
            distribution: std::fs::read_to_string("/etc/os-release")
                .ok()
                .and_then(|text| os_release_name(&text)),
            kernel: std::fs::read_to_string("/proc/sys/kernel/osrelease")
                .ok()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty()),
        }
    }
}

/// `PRETTY_NAME` from an os-release file.
fn os_release_name(text: &str) -> Option<String> {
    text.lines()
        .find_map(|line| line.strip_prefix("PRETTY_NAME="))
        .map(|v| v.trim().trim_matches('"').to_owned())
        .filter(|v| !v.is_empty())
}

/// Everything a report holds, before rendering.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The app and its parts.
    pub app: AppInfo,
    /// The console core's version.
    pub console_core_version: String,
    /// The system.
    pub system: SystemInfo,
    /// The profiles, never their secrets.
    pub profiles: Vec<ProfileView>,
    /// Where the secrets are kept.
    pub secret_storage: SecretStorage,
    /// The built-in sandbox's address, when it runs.
    pub embedded_sandbox_url: Option<String>,
    /// The last [`LOG_TAIL_LINES`] lines of the log, one string per line.
    pub log_tail: Vec<String>,
}

impl Report {
    /// Gathers a report from the running console and the log text (already redacted by the
    /// log writer; it is redacted again on rendering).
    pub async fn gather(console: &Console, app: AppInfo, log_text: &str) -> AppResult<Self> {
        Ok(Self {
            app,
            console_core_version: env!("CARGO_PKG_VERSION").to_owned(),
            system: SystemInfo::current(),
            profiles: console.profiles()?,
            secret_storage: console.secret_storage(),
            embedded_sandbox_url: console.embedded_base_url().await,
            log_tail: tail_lines(log_text, LOG_TAIL_LINES)
                .into_iter()
                .map(str::to_owned)
                .collect(),
        })
    }

    /// The report as pretty JSON with every known secret and `sb-api-secret-key` value
    /// removed. Each string is redacted on its own, so the header rule ("the rest of the
    /// line") never cuts through the JSON around it.
    pub fn render(&self, redactor: &Redactor) -> AppResult<String> {
        let mut value = serde_json::to_value(self)
            .map_err(|e| AppError::io("write the diagnostics report", e))?;
        redact_strings(&mut value, redactor);
        serde_json::to_string_pretty(&value)
            .map_err(|e| AppError::io("write the diagnostics report", e))
    }
}

/// Redacts every string in `value`, object keys included.
fn redact_strings(value: &mut serde_json::Value, redactor: &Redactor) {
    use serde_json::Value;
    match value {
        Value::String(s) => {
            if let std::borrow::Cow::Owned(clean) = redactor.redact(s) {
                *s = clean;
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| redact_strings(item, redactor)),
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (key, mut item) in entries {
                redact_strings(&mut item, redactor);
                map.insert(redactor.redact(&key).into_owned(), item);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// The diagnostics report of the running console as redacted JSON, using the process-wide
/// redactor.
pub async fn report(console: &Console, app: AppInfo, log_text: &str) -> AppResult<String> {
    Report::gather(console, app, log_text)
        .await?
        .render(crate::redact::global())
}

/// The last `n` lines of `text`.
pub fn tail_lines(text: &str, n: usize) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(n)..].to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::{Profile, ProfileKind};

    const PLANTED: &str = "planted-diagnostics-secret-55e1";

    fn report_with(log: &str, profile_name: &str) -> Report {
        Report {
            app: AppInfo {
                name: "Sendblue Console".into(),
                version: "0.1.0".into(),
                components: BTreeMap::from([("tauri".into(), "2".into())]),
            },
            console_core_version: "0.1.0".into(),
            system: SystemInfo::current(),
            profiles: vec![ProfileView {
                profile: Profile {
                    id: "p1".into(),
                    name: profile_name.into(),
                    base_url: "https://api.sendblue.co".into(),
                    key_id: "key-1".into(),
                    kind: ProfileKind::Live,
                },
                active: true,
                secret_storage: SecretStorage::Keychain,
                effective_url: Some("https://api.sendblue.co".into()),
            }],
            secret_storage: SecretStorage::Keychain,
            embedded_sandbox_url: Some("http://127.0.0.1:4567".into()),
            log_tail: tail_lines(log, LOG_TAIL_LINES)
                .into_iter()
                .map(str::to_owned)
                .collect(),
        }
    }

    #[test]
    fn a_planted_secret_never_reaches_the_report() {
        let redactor = Redactor::new();
        redactor.register(PLANTED);
        let log = format!(
            "[info] loaded {PLANTED}\n[debug] headers sb-api-secret-key: other-unknown-secret-1\n"
        );
        // Even a profile name that (wrongly) holds the secret is scrubbed.
        let text = report_with(&log, &format!("Acme {PLANTED}"))
            .render(&redactor)
            .unwrap();
        assert!(!text.contains(PLANTED), "{text}");
        assert!(!text.contains("other-unknown-secret-1"), "{text}");
        assert!(text.contains("<redacted>"));
        // What a bug report needs is still there.
        for wanted in [
            "key-1",
            "Keychain",
            "http://127.0.0.1:4567",
            "0.1.0",
            "[info] loaded",
        ] {
            assert!(text.contains(wanted), "{wanted} missing from {text}");
        }
        let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["profiles"][0]["profile"]["kind"], "Live");
    }

    #[test]
    fn the_log_tail_keeps_the_last_lines() {
        let log: String = (1..=600).map(|i| format!("line {i}\n")).collect();
        let tail = tail_lines(&log, LOG_TAIL_LINES);
        assert_eq!(tail.len(), 500);
        assert_eq!(tail[0], "line 101");
        assert_eq!(tail[499], "line 600");
        assert_eq!(tail_lines("a\nb", 10), vec!["a", "b"]);
        assert!(tail_lines("", 10).is_empty());
    }

    #[test]
    fn the_distribution_name_comes_from_os_release() {
        let text = "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n";
        assert_eq!(
            os_release_name(text).as_deref(),
            Some("Debian GNU/Linux 12 (bookworm)")
        );
        assert_eq!(os_release_name("NAME=x"), None);
    }
}
