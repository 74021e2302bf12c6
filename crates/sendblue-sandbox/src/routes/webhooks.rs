//! Webhook configuration (§10) at `/api/account/webhooks` and its older alias
//! `/api/v2/account/webhooks`: list, append (POST), replace everything (PUT), remove URLs
//! (DELETE with a JSON body). Entries are kept the way they were given — a bare URL string
//! or an object — and answered the same way. Deliveries themselves are `deliver.rs`'s.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use rusqlite::{params, Connection};
use serde_json::{json, Map, Value};

use crate::api_error::{ApiError, ApiResult};
use crate::extract::Body;
use crate::state::AppState;
use crate::util::{is_e164, url_allowed};

/// The nine webhook types (§11.1), in the reference's order.
pub const TYPES: [&str; 9] = [
    "receive",
    "outbound",
    "typing_indicator",
    "call_log",
    "inbound_call",
    "line_blocked",
    "line_assigned",
    "contact_created",
    "contact_profile",
];

/// This area's API paths.
pub fn router() -> Router<AppState> {
    let methods = || get(list).post(append).put(replace).delete(remove);
    Router::new()
        .route("/api/account/webhooks", methods())
        .route("/api/v2/account/webhooks", methods())
}

/// One configured webhook.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    url: String,
    secret: Option<String>,
    sendblue_numbers: Option<Vec<String>>,
    /// Given as a bare URL string.
    plain: bool,
}

impl Entry {
    fn json(&self) -> Value {
        if self.plain {
            return json!(self.url);
        }
        let mut object = json!({ "url": self.url });
        if let Some(secret) = &self.secret {
            object["secret"] = json!(secret);
        }
        if let Some(numbers) = &self.sendblue_numbers {
            object["sendblue_numbers"] = json!(numbers);
        }
        object
    }
}

fn webhook_type(raw: Option<&Value>) -> ApiResult<&'static str> {
    match raw {
        None | Some(Value::Null) => Ok("receive"),
        Some(Value::String(s)) => TYPES
            .iter()
            .copied()
            .find(|t| *t == s.as_str())
            .ok_or_else(|| unknown_type(s)),
        Some(other) => Err(unknown_type(&other.to_string())),
    }
}

fn unknown_type(raw: &str) -> ApiError {
    ApiError::bad_request(format!(
        "Unknown webhook type {raw:?}: use one of {}",
        TYPES.join(", ")
    ))
}

/// Reads and checks one entry of `kind`: HTTPS URL (plain HTTP only for loopback and the
/// sandbox itself), string secret, `sendblue_numbers` only on `receive` and only the
/// account's lines.
fn parse_entry(conn: &Connection, origin: &str, kind: &str, raw: &Value) -> ApiResult<Entry> {
    let check_url = |url: &str| -> ApiResult<String> {
        let url = url.trim();
        if url_allowed(url, origin) {
            Ok(url.to_owned())
        } else {
            Err(ApiError::bad_request(format!(
                "Webhook URL {url:?} must be a valid https:// URL"
            )))
        }
    };
    let object = match raw {
        Value::String(url) => {
            return Ok(Entry {
                url: check_url(url)?,
                secret: None,
                sendblue_numbers: None,
                plain: true,
            })
        }
        Value::Object(object) => object,
        _ => {
            return Err(ApiError::bad_request(
                "Each webhook must be a URL string or an object with a url",
            ))
        }
    };
    let url = match object.get("url") {
        Some(Value::String(url)) => check_url(url)?,
        _ => return Err(ApiError::bad_request("Missing required field: url")),
    };
    let secret = match object.get("secret") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(ApiError::bad_request("secret must be a string")),
    };
    let sendblue_numbers = match object.get("sendblue_numbers") {
        None | Some(Value::Null) => None,
        Some(_) if kind != "receive" => {
            return Err(ApiError::bad_request(
                "sendblue_numbers is only allowed on receive webhooks",
            ))
        }
        Some(Value::Array(numbers)) => {
            let mut lines = Vec::with_capacity(numbers.len());
            for n in numbers {
                let n = n.as_str().map(str::trim).unwrap_or_default();
                if !is_e164(n) {
                    return Err(ApiError::bad_request(format!(
                        "Invalid number {n:?} in sendblue_numbers: use E.164, for example +14155550100"
                    )));
                }
                if crate::domain::line(conn, n)?.is_none() {
                    return Err(ApiError::bad_request(format!(
                        "sendblue_numbers: {n} is not a line on this account"
                    )));
                }
                lines.push(n.to_owned());
            }
            Some(lines)
        }
        Some(_) => {
            return Err(ApiError::bad_request(
                "sendblue_numbers must be an array of E.164 numbers",
            ))
        }
    };
    Ok(Entry {
        url,
        secret,
        sendblue_numbers,
        plain: false,
    })
}

/// An array of entries (a single entry is taken as a list of one).
fn parse_entries(
    conn: &Connection,
    origin: &str,
    kind: &str,
    raw: &Value,
) -> ApiResult<Vec<Entry>> {
    match raw {
        Value::Null => Ok(Vec::new()),
        Value::Array(items) => items
            .iter()
            .map(|item| parse_entry(conn, origin, kind, item))
            .collect(),
        single => Ok(vec![parse_entry(conn, origin, kind, single)?]),
    }
}

/// Adds `entry` to `kind`; an URL already there keeps its place and takes the new settings.
fn upsert(conn: &Connection, kind: &str, entry: &Entry) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO webhooks (type, url, secret, sendblue_numbers, plain)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (type, url) DO UPDATE SET secret = excluded.secret,
            sendblue_numbers = excluded.sendblue_numbers, plain = excluded.plain",
        params![
            kind,
            entry.url,
            entry.secret,
            entry
                .sendblue_numbers
                .as_ref()
                .map(|n| json!(n).to_string()),
            entry.plain,
        ],
    )?;
    Ok(())
}

/// `globalSecret` from a body: absent leaves it, `null` or `""` clears it.
fn write_global_secret(conn: &Connection, raw: Option<&Value>) -> ApiResult<()> {
    let secret = match raw {
        None => return Ok(()),
        Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(ApiError::bad_request("globalSecret must be a string")),
    };
    conn.execute(
        "UPDATE account SET global_secret = ?1 WHERE id = 1",
        [secret],
    )?;
    Ok(())
}

/// The whole set as the API answers it: all nine types, each in the order added, and
/// `globalSecret` (`null` when none is set).
pub fn webhook_set(conn: &Connection) -> rusqlite::Result<Value> {
    let mut set = Map::new();
    for kind in TYPES {
        set.insert(kind.to_owned(), json!([]));
    }
    let mut stmt = conn
        .prepare("SELECT type, url, secret, sendblue_numbers, plain FROM webhooks ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        let numbers: Option<String> = r.get(3)?;
        Ok((
            r.get::<_, String>(0)?,
            Entry {
                url: r.get(1)?,
                secret: r.get(2)?,
                sendblue_numbers: numbers.and_then(|n| serde_json::from_str(&n).ok()),
                plain: r.get(4)?,
            },
        ))
    })?;
    for row in rows {
        let (kind, entry) = row?;
        if let Some(Value::Array(list)) = set.get_mut(&kind) {
            list.push(entry.json());
        }
    }
    let global = crate::domain::account(conn)?.global_secret;
    set.insert("globalSecret".into(), json!(global));
    Ok(Value::Object(set))
}

fn body_object(body: Value) -> ApiResult<Map<String, Value>> {
    match body {
        Value::Object(object) => Ok(object),
        _ => Err(ApiError::bad_request("Send a JSON object")),
    }
}

async fn list(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    let set = state.store.with(webhook_set)?;
    Ok(Json(json!({"status": "OK", "webhooks": set})))
}

async fn append(State(state): State<AppState>, Body(body): Body<Value>) -> ApiResult<Json<Value>> {
    let body = body_object(body)?;
    let kind = webhook_type(body.get("type"))?;
    let raw = body
        .get("webhooks")
        .ok_or_else(|| ApiError::bad_request("Missing required field: webhooks"))?;
    let set = state.store.tx(|tx| -> ApiResult<Value> {
        for entry in parse_entries(tx, &state.origin, kind, raw)? {
            upsert(tx, kind, &entry)?;
        }
        write_global_secret(tx, body.get("globalSecret"))?;
        Ok(webhook_set(tx)?)
    })?;
    Ok(Json(
        json!({"status": "OK", "message": "Webhooks added", "webhooks": set}),
    ))
}

async fn replace(State(state): State<AppState>, Body(body): Body<Value>) -> ApiResult<Json<Value>> {
    let body = body_object(body)?;
    let wanted = match body.get("webhooks") {
        Some(Value::Object(wanted)) => wanted.clone(),
        Some(_) => {
            return Err(ApiError::bad_request(
                "webhooks must be an object of webhook lists by type",
            ))
        }
        None => return Err(ApiError::bad_request("Missing required field: webhooks")),
    };
    let set = state.store.tx(|tx| -> ApiResult<Value> {
        let mut parsed = Vec::new();
        for (key, raw) in &wanted {
            if key == "globalSecret" {
                continue;
            }
            let kind = webhook_type(Some(&Value::String(key.clone())))?;
            parsed.push((kind, parse_entries(tx, &state.origin, kind, raw)?));
        }
        // Full replacement: types left out end up empty.
        tx.execute("DELETE FROM webhooks", [])?;
        for (kind, entries) in parsed {
            for entry in entries {
                upsert(tx, kind, &entry)?;
            }
        }
        // Inside the set (the SDK's shape) or, leniently, beside it.
        let secret = wanted
            .get("globalSecret")
            .or_else(|| body.get("globalSecret"));
        write_global_secret(tx, secret)?;
        Ok(webhook_set(tx)?)
    })?;
    Ok(Json(
        json!({"status": "OK", "message": "Webhooks updated", "webhooks": set}),
    ))
}

async fn remove(State(state): State<AppState>, Body(body): Body<Value>) -> ApiResult<Json<Value>> {
    let body = body_object(body)?;
    let kind = webhook_type(body.get("type"))?;
    let urls: Vec<String> = match body.get("webhooks") {
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::String(url) => Ok(url.trim().to_owned()),
                Value::Object(o) => o
                    .get("url")
                    .and_then(Value::as_str)
                    .map(|u| u.trim().to_owned())
                    .ok_or_else(|| ApiError::bad_request("Missing required field: url")),
                _ => Err(ApiError::bad_request("webhooks must be an array of URLs")),
            })
            .collect::<ApiResult<_>>()?,
        Some(Value::String(url)) => vec![url.trim().to_owned()],
        Some(_) => return Err(ApiError::bad_request("webhooks must be an array of URLs")),
        None => return Err(ApiError::bad_request("Missing required field: webhooks")),
    };
    let removed = state.store.tx(|tx| -> rusqlite::Result<usize> {
        let mut removed = 0;
        for url in &urls {
            removed += tx.execute(
                "DELETE FROM webhooks WHERE type = ?1 AND url = ?2",
                params![kind, url],
            )?;
        }
        Ok(removed)
    })?;
    let message = match removed {
        1 => "Removed 1 webhook".to_owned(),
        n => format!("Removed {n} webhooks"),
    };
    Ok(Json(json!({"status": "OK", "message": message})))
}
