//! Times for the gap repair: ISO 8601 parsing and formatting, and where the last repair or
//! live item left off.

use std::time::{SystemTime, UNIX_EPOCH};

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// Milliseconds since the Unix epoch, on this computer's clock.
pub(crate) fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// An ISO 8601 / RFC 3339 time in milliseconds.
pub(crate) fn parse_ms(raw: &str) -> Option<i64> {
    OffsetDateTime::parse(raw, &Rfc3339)
        .ok()
        .map(|t| (t.unix_timestamp_nanos() / 1_000_000) as i64)
}

/// Milliseconds as ISO 8601 UTC with milliseconds, as the API writes them.
pub(crate) fn iso(ms: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

/// Where the follower is known to be up to date, on the server's clock.
#[derive(Debug, Clone)]
pub(crate) struct Watermark {
    /// Local time of the last moment the follower was known to be in sync.
    synced_local_ms: i64,
    /// How far the server's clock is behind ours (≤ 0). A server ahead of us only makes the
    /// window wider, which costs a few rows, so only a server behind us is corrected for.
    behind_ms: i64,
}

impl Watermark {
    /// In sync now.
    pub(crate) fn now() -> Self {
        Self {
            synced_local_ms: now_ms(),
            behind_ms: 0,
        }
    }

    /// Something arrived live while in sync: we are up to date as of now.
    pub(crate) fn touch(&mut self) {
        self.synced_local_ms = now_ms();
    }

    /// A repair finished from a stream opened at local time `opened_ms`: everything before it
    /// is read back, everything after arrives live.
    pub(crate) fn repaired_up_to(&mut self, opened_ms: i64) {
        self.synced_local_ms = self.synced_local_ms.max(opened_ms);
    }

    /// The server said it was `server_ms` when our clock read `local_ms`.
    pub(crate) fn observe_server_time(&mut self, server_ms: i64, local_ms: i64) {
        self.behind_ms = (server_ms - local_ms).min(0);
    }

    /// The sync point on the server's clock.
    pub(crate) fn server_ms(&self) -> i64 {
        self.synced_local_ms + self.behind_ms
    }

    /// The `…_gte` bound for a repair: the sync point on the server's clock, less `overlap`.
    pub(crate) fn since(&self, overlap_ms: i64) -> String {
        iso(self.server_ms() - overlap_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trips() {
        let ms = 1_772_474_651_120;
        assert_eq!(iso(ms), "2026-03-02T18:04:11.120Z");
        assert_eq!(parse_ms(&iso(ms)), Some(ms));
        assert_eq!(
            parse_ms("2026-03-02T18:04:11+00:00"),
            Some(1_772_474_651_000)
        );
        assert_eq!(parse_ms("yesterday"), None);
    }

    #[test]
    fn a_server_behind_us_widens_the_window() {
        let mut mark = Watermark {
            synced_local_ms: 10_000_000,
            behind_ms: 0,
        };
        assert_eq!(parse_ms(&mark.since(5_000)), Some(9_995_000));
        mark.observe_server_time(9_000_000, 10_000_000);
        assert_eq!(parse_ms(&mark.since(5_000)), Some(8_995_000));
        mark.observe_server_time(11_000_000, 10_000_000);
        assert_eq!(
            parse_ms(&mark.since(5_000)),
            Some(9_995_000),
            "ahead: no change"
        );
    }
}
