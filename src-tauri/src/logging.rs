//! The log: a file in the app's log folder (and stdout in debug builds), every line passed
//! through `console_core::redact` before it is written, so no known secret and no
//! `sb-api-secret-key` value ever reaches it.

use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_log::{RotationStrategy, Target, TargetKind, TimezoneStrategy};

/// The log file's name, without the `.log` the plugin adds.
pub const LOG_FILE_STEM: &str = "sendblue-console";

/// Big enough for a few days of normal use; the diagnostics report takes only its end.
const MAX_LOG_BYTES: u128 = 2 * 1024 * 1024;

const TIMESTAMP: &[time::format_description::BorrowedFormatItem<'static>] = time::macros::format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
);

/// The log plugin, set up with the redacting format.
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    let mut targets = vec![Target::new(TargetKind::LogDir {
        file_name: Some(LOG_FILE_STEM.to_owned()),
    })];
    if cfg!(debug_assertions) {
        targets.push(Target::new(TargetKind::Stdout));
    }
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .targets(targets)
        .level(log::LevelFilter::Info)
        // tracing's span enter/exit records, and zbus (the keychain's D-Bus link), which
        // traces every message at info: noise, and the keychain's traffic has no place here.
        .level_for("tracing::span", log::LevelFilter::Off)
        .level_for("zbus", log::LevelFilter::Warn)
        .max_file_size(MAX_LOG_BYTES)
        .rotation_strategy(RotationStrategy::KeepOne)
        .timezone_strategy(TimezoneStrategy::UseUtc)
        .format(|out, message, record| {
            let now = TimezoneStrategy::UseUtc.get_now();
            out.finish(format_args!(
                "{}",
                format_line(now, record.level(), record.target(), &message.to_string())
            ))
        })
        .build()
}

/// One log line: time, level, target and the redacted message.
fn format_line(
    now: time::OffsetDateTime,
    level: log::Level,
    target: &str,
    message: &str,
) -> String {
    format!(
        "{} {:<5} [{}] {}",
        now.format(TIMESTAMP).unwrap_or_default(),
        level,
        target,
        console_core::redact::redact(message)
    )
}

/// Where the plugin writes the log.
pub fn log_file<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<PathBuf> {
    Ok(app
        .path()
        .app_log_dir()?
        .join(format!("{LOG_FILE_STEM}.log")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_lines_carry_no_registered_secret_and_no_header_value() {
        console_core::redact::global().register("planted-log-secret-3e9a");
        let now = time::macros::datetime!(2025-01-02 03:04:05.678 UTC);
        let line = format_line(
            now,
            log::Level::Info,
            "sendblue_client::transport",
            "using planted-log-secret-3e9a; headers sb-api-secret-key: unseen-value",
        );
        assert_eq!(
            line,
            "2025-01-02T03:04:05.678Z INFO  [sendblue_client::transport] using <redacted>; \
             headers sb-api-secret-key: <redacted>"
        );
    }
}
