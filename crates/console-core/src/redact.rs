//! Keeps API secrets out of text that leaves the process: log lines and diagnostics reports.
//!
//! Two rules: every secret the console has seen (registered as profiles' secrets are loaded,
//! added, changed or tested) is replaced wherever it appears, and whatever follows the
//! `sb-api-secret-key` header name on a line is replaced, so a secret the console never saw
//! (a request dump, a pasted header) is caught too.

use std::borrow::Cow;
use std::sync::RwLock;

use sendblue_client::Secret;

/// What a removed secret is replaced with.
pub const REDACTED: &str = "<redacted>";

/// The header that carries the API secret; the rest of a line after it is redacted.
pub const SECRET_HEADER: &str = "sb-api-secret-key";

/// Shorter values are not registered: replacing every "abc" in a log would make it unreadable
/// while hiding nothing a real API secret looks like.
const MIN_SECRET_LEN: usize = 4;

/// Characters between the header name and its value (`: `, `=`, `": "`).
const SEPARATORS: &[char] = &[':', '=', '"', '\'', ' ', '\t'];

/// A set of known secrets and the rules that remove them from text.
#[derive(Default)]
pub struct Redactor {
    secrets: RwLock<Vec<String>>,
}

impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let known = self.secrets.read().map(|s| s.len()).unwrap_or_default();
        f.debug_struct("Redactor").field("known", &known).finish()
    }
}

impl Redactor {
    /// An empty redactor (it still applies the header rule).
    pub const fn new() -> Self {
        Self {
            secrets: RwLock::new(Vec::new()),
        }
    }

    /// Remembers `secret` so [`Redactor::redact`] removes it from now on.
    pub fn register(&self, secret: &str) {
        let secret = secret.trim();
        if secret.chars().count() < MIN_SECRET_LEN {
            return;
        }
        let mut secrets = self.secrets.write().unwrap_or_else(|p| p.into_inner());
        if !secrets.iter().any(|s| s == secret) {
            secrets.push(secret.to_owned());
            // Longest first, so a secret that contains another is replaced whole.
            secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
    }

    /// `text` with every known secret, and every `sb-api-secret-key` value, replaced by
    /// [`REDACTED`]. Borrows when there was nothing to remove.
    pub fn redact<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut out = Cow::Borrowed(text);
        {
            let secrets = self.secrets.read().unwrap_or_else(|p| p.into_inner());
            for secret in secrets.iter() {
                if out.contains(secret.as_str()) {
                    out = Cow::Owned(out.replace(secret.as_str(), REDACTED));
                }
            }
        }
        if contains_header(&out) {
            out = Cow::Owned(redact_header_values(&out));
        }
        out
    }
}

fn contains_header(text: &str) -> bool {
    text.to_ascii_lowercase().contains(SECRET_HEADER)
}

/// Replaces the rest of each line after the header name (and its separators).
fn redact_header_values(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        // ASCII lowercasing keeps byte offsets, so positions found in `lower` index `body`.
        let lower = body.to_ascii_lowercase();
        match lower.find(SECRET_HEADER) {
            Some(at) => {
                let after_name = at + SECRET_HEADER.len();
                let rest = &body[after_name..];
                let value_at =
                    after_name + (rest.len() - rest.trim_start_matches(SEPARATORS).len());
                out.push_str(&body[..value_at]);
                if value_at < body.len() {
                    out.push_str(REDACTED);
                }
            }
            None => out.push_str(body),
        }
        out.push_str(newline);
    }
    out
}

static GLOBAL: Redactor = Redactor::new();

/// The process-wide redactor the log writer and diagnostics use.
pub fn global() -> &'static Redactor {
    &GLOBAL
}

/// Registers `secret` with the process-wide redactor.
pub fn register(secret: &Secret) {
    GLOBAL.register(secret.expose());
}

/// Applies the process-wide redactor to `text`.
pub fn redact(text: &str) -> Cow<'_, str> {
    GLOBAL.redact(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_secrets_are_replaced_everywhere() {
        let r = Redactor::new();
        r.register("sk_live_7f3a9c");
        let text = "using sk_live_7f3a9c\nagain:sk_live_7f3a9c!";
        assert_eq!(r.redact(text), "using <redacted>\nagain:<redacted>!");
    }

    #[test]
    fn text_without_secrets_is_borrowed_unchanged() {
        let r = Redactor::new();
        r.register("sk_live_7f3a9c");
        assert!(matches!(
            r.redact("nothing here"),
            Cow::Borrowed("nothing here")
        ));
    }

    #[test]
    fn the_longer_of_overlapping_secrets_goes_whole() {
        let r = Redactor::new();
        r.register("abcd");
        r.register("abcdefgh");
        assert_eq!(r.redact("x abcdefgh y abcd"), "x <redacted> y <redacted>");
    }

    #[test]
    fn short_or_blank_values_are_not_registered() {
        let r = Redactor::new();
        r.register("");
        r.register("  ");
        r.register("abc");
        assert_eq!(r.redact("abc def"), "abc def");
    }

    #[test]
    fn whatever_follows_the_secret_header_is_removed() {
        let r = Redactor::new();
        let cases = [
            (
                "sb-api-secret-key: hunter22",
                "sb-api-secret-key: <redacted>",
            ),
            (
                r#"headers {"sb-api-key-id": "k", "sb-api-secret-key": "hunter22", "x": 1}"#,
                r#"headers {"sb-api-key-id": "k", "sb-api-secret-key": "<redacted>"#,
            ),
            ("SB-API-SECRET-KEY=hunter22", "SB-API-SECRET-KEY=<redacted>"),
            (
                "the sb-api-secret-key header",
                "the sb-api-secret-key <redacted>",
            ),
            ("ends with sb-api-secret-key", "ends with sb-api-secret-key"),
        ];
        for (input, expected) in cases {
            assert_eq!(r.redact(input), expected, "{input}");
        }
    }

    #[test]
    fn the_header_rule_stops_at_the_end_of_its_line() {
        let r = Redactor::new();
        let text = "sb-api-secret-key: hunter22\nnext line stays\r\nsb-api-secret-key:x";
        assert_eq!(
            r.redact(text),
            "sb-api-secret-key: <redacted>\nnext line stays\r\nsb-api-secret-key:<redacted>"
        );
    }

    #[test]
    fn multibyte_text_around_the_header_is_kept() {
        let r = Redactor::new();
        assert_eq!(
            r.redact("“réseau” sb-api-secret-key → 秘密"),
            "“réseau” sb-api-secret-key <redacted>"
        );
    }

    #[test]
    fn the_global_redactor_removes_registered_secrets() {
        register(&Secret::new("global-planted-secret-91b2"));
        assert_eq!(
            redact("key global-planted-secret-91b2 used"),
            "key <redacted> used"
        );
    }
}
