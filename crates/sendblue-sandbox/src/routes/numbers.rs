//! Phone-number helpers shared by the contacts, lines, sharing and FaceTime areas: lenient
//! normalization where the reference says numbers are normalized, and the repair of a `+`
//! that an unencoded query string turned into a space.

use crate::api_error::ApiError;
use crate::util::{is_e164, require_e164, require_field};

/// Normalizes a number to E.164: `+` followed by digits as is, a US 10-digit local number
/// (`4155550199`, `(415) 555-0199`) gets `+1`, an 11-digit number starting with 1 gets `+`.
/// Spaces, dashes, dots and parentheses are ignored. `None` when it is not a phone number.
pub fn normalize_phone(raw: &str) -> Option<String> {
    let cleaned: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let candidate = if cleaned.starts_with('+') {
        cleaned
    } else if !cleaned.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    } else if cleaned.len() == 10 && !cleaned.starts_with(['0', '1']) {
        format!("+1{cleaned}")
    } else if cleaned.len() == 11 && cleaned.starts_with('1') {
        format!("+{cleaned}")
    } else {
        return None;
    };
    is_e164(&candidate).then_some(candidate)
}

/// A required phone number, normalized by [`normalize_phone`]: absent or blank is `Missing
/// required field: {field}`, anything else that is not a phone number is `invalid`.
pub fn require_phone(field: &str, value: Option<&str>, invalid: &str) -> Result<String, ApiError> {
    normalize_phone(require_field(field, value)?).ok_or_else(|| ApiError::bad_request(invalid))
}

/// A phone number read from a query string. Form decoding turns an unencoded `+` into a
/// space, so a value that starts with a space followed by digits gets its `+` back.
pub fn query_phone(raw: &str) -> String {
    let trimmed = raw.trim();
    if raw.starts_with(' ') && trimmed.bytes().all(|b| b.is_ascii_digit()) && !trimmed.is_empty() {
        format!("+{trimmed}")
    } else {
        trimmed.to_owned()
    }
}

/// 400 unless `number` is one of the account's lines; returns the line.
pub fn account_line(
    conn: &rusqlite::Connection,
    field: &str,
    number: &str,
) -> Result<crate::domain::Line, ApiError> {
    crate::domain::line(conn, number)?.ok_or_else(|| {
        ApiError::bad_request(format!(
            "{field} {number} is not a line on this account (see GET /api/lines)"
        ))
    })
}

/// The line named by the required field `field`: E.164 ([`require_e164`]), then one of the
/// account's lines ([`account_line`]).
pub fn require_account_line(
    conn: &rusqlite::Connection,
    field: &str,
    value: Option<&str>,
) -> Result<crate::domain::Line, ApiError> {
    let number = require_e164(field, value)?;
    account_line(conn, field, &number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_e164_and_us_local() {
        assert_eq!(
            normalize_phone("+14155550199").as_deref(),
            Some("+14155550199")
        );
        assert_eq!(
            normalize_phone("4155550199").as_deref(),
            Some("+14155550199")
        );
        assert_eq!(
            normalize_phone("(415) 555-0199").as_deref(),
            Some("+14155550199")
        );
        assert_eq!(
            normalize_phone("14155550199").as_deref(),
            Some("+14155550199")
        );
        assert_eq!(normalize_phone("555-0199"), None);
        assert_eq!(normalize_phone("hello"), None);
        assert_eq!(normalize_phone("0155550199"), None);
    }

    #[test]
    fn query_plus_read_as_space_is_repaired() {
        assert_eq!(query_phone(" 14155550123"), "+14155550123");
        assert_eq!(query_phone("+14155550123"), "+14155550123");
        assert_eq!(query_phone("abc"), "abc");
    }
}
