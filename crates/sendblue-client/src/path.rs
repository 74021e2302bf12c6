//! Building request paths: phone numbers and ids in paths are percent-encoded, so `+` travels
//! as `%2B` and can never be read as a space.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but unreserved characters (RFC 3986) is encoded.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Encodes one path segment (`+14155550123` → `%2B14155550123`).
pub fn segment(value: &str) -> String {
    utf8_percent_encode(value, SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plus_and_slashes_are_encoded() {
        assert_eq!(segment("+14155550123"), "%2B14155550123");
        assert_eq!(segment("a/b c"), "a%2Fb%20c");
        assert_eq!(segment("sb_group_1a-2.b~"), "sb_group_1a-2.b~");
    }
}
