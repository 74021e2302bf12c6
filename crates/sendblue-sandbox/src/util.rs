//! Small shared rules: timestamps, ids, E.164 numbers, and which URLs may be plain HTTP.

use std::time::{SystemTime, UNIX_EPOCH};

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::api_error::ApiError;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// An ISO-8601 UTC timestamp with milliseconds, as the API writes them
/// (`2026-03-02T18:04:11.120Z`).
pub fn iso(ms: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000)
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

/// Now, as [`iso`].
pub fn now_iso() -> String {
    iso(now_ms())
}

/// Parses an ISO-8601 / RFC 3339 time into milliseconds.
pub fn parse_iso(raw: &str) -> Option<i64> {
    OffsetDateTime::parse(raw, &Rfc3339)
        .ok()
        .map(|t| (t.unix_timestamp_nanos() / 1_000_000) as i64)
}

/// A random UUID v4 (lower case), the shape of outbound message handles.
pub fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// True for `+` followed by 7–15 digits, the first not 0.
pub fn is_e164(number: &str) -> bool {
    let Some(digits) = number.strip_prefix('+') else {
        return false;
    };
    (7..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// A required text field, trimmed: absent or blank is a 400 `Missing required field: {field}`.
pub fn require_field<'a>(field: &str, value: Option<&'a str>) -> Result<&'a str, ApiError> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ApiError::bad_request(format!("Missing required field: {field}")))
}

/// Checks a required E.164 field, with the reference's wording for missing and invalid values.
pub fn require_e164(field: &str, value: Option<&str>) -> Result<String, ApiError> {
    let v = require_field(field, value)?;
    if is_e164(v) {
        Ok(v.to_owned())
    } else {
        Err(ApiError::bad_request(format!(
            "Invalid phone number in {field}: use E.164 format, for example +14155550123"
        )))
    }
}

/// Whether the sandbox can fetch `raw` itself: a URL on its own origin or on a loopback host
/// (127.0.0.1, localhost, [::1]).
pub fn is_local_url(raw: &str, own_origin: &str) -> bool {
    if raw.starts_with(own_origin) {
        return true;
    }
    url::Url::parse(raw).is_ok_and(|u| {
        u.as_str().starts_with(own_origin)
            || matches!(
                u.host_str(),
                Some("127.0.0.1") | Some("localhost") | Some("[::1]")
            )
    })
}

/// Whether a URL the API will call or fetch is acceptable: HTTPS anywhere, plain HTTP only for
/// 127.0.0.1, localhost and the sandbox's own origin.
pub fn url_allowed(raw: &str, own_origin: &str) -> bool {
    let Ok(url) = url::Url::parse(raw) else {
        return false;
    };
    match url.scheme() {
        "https" => url.host().is_some(),
        "http" => {
            matches!(url.host_str(), Some("127.0.0.1") | Some("localhost"))
                || raw.starts_with(own_origin)
        }
        _ => false,
    }
}

/// Checks a URL field with [`url_allowed`].
pub fn require_url(field: &str, raw: &str, own_origin: &str) -> Result<(), ApiError> {
    if url_allowed(raw, own_origin) {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!(
            "{field} must be a valid https:// URL"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trips() {
        let ms = 1_772_474_651_120;
        let s = iso(ms);
        assert_eq!(s, "2026-03-02T18:04:11.120Z");
        assert_eq!(parse_iso(&s), Some(ms));
    }

    #[test]
    fn e164_rules() {
        assert!(is_e164("+14155550123"));
        assert!(!is_e164("14155550123"));
        assert!(!is_e164("+1 415 555"));
        assert!(!is_e164("+0123456789"));
        assert!(!is_e164("+1234"));
    }

    #[test]
    fn only_local_urls_are_fetched() {
        let own = "http://127.0.0.1:7878";
        assert!(is_local_url("http://127.0.0.1:7878/media/x", own));
        assert!(is_local_url("http://localhost:9000/p.png", own));
        assert!(!is_local_url("https://cdn.acme.test/p.png", own));
    }

    #[test]
    fn plain_http_only_for_loopback_and_self() {
        let own = "http://127.0.0.1:7878";
        assert!(url_allowed("https://hooks.acme.test/x", own));
        assert!(url_allowed("http://127.0.0.1:9000/x", own));
        assert!(url_allowed("http://localhost/x", own));
        assert!(!url_allowed("http://hooks.acme.test/x", own));
        assert!(!url_allowed("ftp://x", own));
        assert!(!url_allowed("not a url", own));
    }
}
