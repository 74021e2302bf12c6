//! What the audit log keeps of a change's details: a short summary, never the raw request.
//! Any field whose name looks like a secret (secret, token, password, key, authorization,
//! signature, credential — in any case, anywhere in the name) has its value replaced by
//! `<redacted>`, whatever it holds; every text is passed through the console's redactor
//! (secrets it knows, and `sb-api-secret-key` values) and shortened; long lists are cut.

use serde_json::{Map, Value};

use crate::redact::REDACTED;

/// Parts of a field name that mark its value as secret.
const SECRET_NAMES: [&str; 8] = [
    "secret",
    "token",
    "password",
    "passwd",
    "key",
    "authorization",
    "signature",
    "credential",
];

/// Longest text kept, in characters.
const MAX_TEXT: usize = 200;
/// Most list items kept.
const MAX_ITEMS: usize = 20;
/// Deepest nesting kept.
const MAX_DEPTH: usize = 6;

/// Whether a field called `name` holds a secret.
pub fn is_secret_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SECRET_NAMES.iter().any(|part| name.contains(part))
}

/// Text as the audit log may keep it: known secrets removed, then shortened.
pub fn safe_text(text: &str) -> String {
    let clean = crate::redact::redact(text);
    if clean.chars().count() <= MAX_TEXT {
        return clean.into_owned();
    }
    let mut short: String = clean.chars().take(MAX_TEXT).collect();
    short.push('…');
    short
}

/// The summary of `details` that may be stored.
pub fn summarize(details: &Value) -> Value {
    summarize_at(details, 0)
}

fn summarize_at(value: &Value, depth: usize) -> Value {
    if depth >= MAX_DEPTH {
        return Value::String("…".into());
    }
    match value {
        Value::String(s) => Value::String(safe_text(s)),
        Value::Array(items) => {
            let mut kept: Vec<Value> = items
                .iter()
                .take(MAX_ITEMS)
                .map(|v| summarize_at(v, depth + 1))
                .collect();
            if items.len() > MAX_ITEMS {
                kept.push(Value::String(format!(
                    "… and {} more",
                    items.len() - MAX_ITEMS
                )));
            }
            Value::Array(kept)
        }
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(name, v)| {
                    let kept = if is_secret_name(name) {
                        Value::String(REDACTED.into())
                    } else {
                        summarize_at(v, depth + 1)
                    };
                    (safe_text(name), kept)
                })
                .collect::<Map<String, Value>>(),
        ),
        other => other.clone(),
    }
}
