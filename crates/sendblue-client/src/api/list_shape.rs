//! Lists that come back in more than one shape: a bare JSON array (what the reference shows
//! for contacts and seats) or an object that wraps the array under a key (what legacy tools
//! and older revisions send: `{"contacts":[…]}`, `{"data":[…]}`, `{"numbers":[…]}`).

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{excerpt, Error, Result};

/// Decodes a success body that is a bare array of `T`, or an object holding the array under
/// the first of `keys` that is present. Errors name the row that failed.
pub(crate) fn decode_list<T: DeserializeOwned>(
    status: u16,
    bytes: &[u8],
    keys: &[&str],
) -> Result<Vec<T>> {
    let value: Value = crate::transport::decode(status, bytes)?;
    list_from_value(value, keys).map_err(|detail| Error::Decode {
        status,
        detail,
        body_excerpt: excerpt(bytes),
    })
}

/// The normalizing step of [`decode_list`], on an already parsed value.
pub(crate) fn list_from_value<T: DeserializeOwned>(
    value: Value,
    keys: &[&str],
) -> std::result::Result<Vec<T>, String> {
    let rows = match value {
        Value::Array(rows) => rows,
        Value::Object(mut map) => {
            let found = keys.iter().find_map(|k| match map.remove(*k) {
                Some(Value::Array(rows)) => Some(rows),
                Some(Value::Null) => Some(Vec::new()),
                _ => None,
            });
            match found {
                Some(rows) => rows,
                None => {
                    return Err(format!(
                        "expected a list, or an object with a list under one of {keys:?}"
                    ))
                }
            }
        }
        Value::Null => Vec::new(),
        other => return Err(format!("expected a list, got {}", kind(&other))),
    };
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| serde_json::from_value(row).map_err(|e| format!("row {i}: {e}")))
        .collect()
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_and_wrapped_lists_decode() {
        let keys = ["contacts", "data"];
        let bare: Vec<u32> = list_from_value(serde_json::json!([1, 2]), &keys).unwrap();
        assert_eq!(bare, vec![1, 2]);
        let wrapped: Vec<u32> =
            list_from_value(serde_json::json!({"status":"OK","data":[3]}), &keys).unwrap();
        assert_eq!(wrapped, vec![3]);
        let err = list_from_value::<u32>(serde_json::json!({"rows":[1]}), &keys).unwrap_err();
        assert!(err.contains("contacts"), "{err}");
        let err = list_from_value::<u32>(serde_json::json!([1, "x"]), &keys).unwrap_err();
        assert!(err.starts_with("row 1"), "{err}");
    }
}
