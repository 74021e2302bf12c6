//! Wall-clock times as the journals and the audit log store them: milliseconds since the
//! Unix epoch for ordering and ranges, RFC 3339 text (UTC, milliseconds) for people.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> i64 {
    (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// `ms` as RFC 3339 in UTC with milliseconds (`2026-03-02T19:01:07.390Z`): fixed width, so
/// the text sorts like the time.
pub fn iso(ms: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

/// Now, as [`iso`] text.
pub fn now_iso() -> String {
    iso(now_ms())
}

/// Parses RFC 3339 / ISO 8601 text (any offset) into milliseconds since the epoch.
pub fn parse_iso(raw: &str) -> Option<i64> {
    OffsetDateTime::parse(raw.trim(), &Rfc3339)
        .ok()
        .map(|t| (t.unix_timestamp_nanos() / 1_000_000) as i64)
}
