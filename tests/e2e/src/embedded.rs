//! The sandbox the app embeds (its built-in "Sandbox" profile), reached from the test the way
//! an operator would: its address from the app's own profile view (`effective_url`), its key
//! id from the same view and its secret from the real keychain. Journeys use its admin paths
//! (`/__sandbox/inbound`, `/__sandbox/typing`, …) to make things happen on the account.

use serde_json::{json, Value};

use crate::{keychain, App};

/// `arguments[0]`: a command name, `arguments[1]`: its arguments → `{ok}` or `{error}`.
const INVOKE_JS: &str = r#"
return (async () => {
  try {
    return { ok: await window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1] ?? {}) };
  } catch (e) {
    return { error: e };
  }
})();
"#;

/// Where the app's built-in sandbox listens, and the keys it accepts.
#[derive(Debug, Clone)]
pub struct EmbeddedSandbox {
    base_url: String,
    key_id: String,
    secret: String,
}

impl App {
    /// Calls a command through the app's real IPC (as the page does) and returns its result;
    /// panics with the error otherwise.
    pub async fn invoke(&self, command: &str, args: Value) -> Value {
        let answer = self
            .script(INVOKE_JS, vec![command.into(), args])
            .await
            .unwrap_or_else(|e| panic!("invoking {command} failed: {e}"));
        if let Some(error) = answer.get("error") {
            panic!("{command} answered an error: {error}");
        }
        answer.get("ok").cloned().unwrap_or(Value::Null)
    }

    /// The built-in sandbox of the active (built-in "Sandbox") profile, once it runs.
    pub async fn embedded_sandbox(&self) -> EmbeddedSandbox {
        let view = self
            .wait_until("the active profile's effective_url", async |app| {
                let view = app.invoke("profiles_active", json!({})).await;
                view.get("effective_url")
                    .and_then(Value::as_str)
                    .filter(|u| u.starts_with("http"))
                    .map(|_| view.clone())
            })
            .await;
        let text = |v: &Value, key: &str| -> String {
            v.get(key)
                .and_then(Value::as_str)
                .unwrap_or_else(|| panic!("no {key} in the profile view {view}"))
                .to_owned()
        };
        let profile = view.get("profile").cloned().unwrap_or(Value::Null);
        let id = text(&profile, "id");
        let secret = keychain::lookup(&id)
            .unwrap_or_else(|| panic!("no keychain entry for the built-in profile {id}"));
        EmbeddedSandbox {
            base_url: text(&view, "effective_url"),
            key_id: text(&profile, "key_id"),
            secret,
        }
    }
}

impl EmbeddedSandbox {
    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Calls the sandbox (API or admin path) with its keys; returns the status and the JSON
    /// (or `null`) it answered.
    pub async fn request(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let client = reqwest::Client::new();
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("HTTP method");
        let mut request = client
            .request(method, format!("{}{path}", self.base_url))
            .header("sb-api-key-id", &self.key_id)
            .header("sb-api-secret-key", &self.secret);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("the built-in sandbox did not answer {path}: {e}"));
        let status = response.status().as_u16();
        let value = response.json().await.unwrap_or(Value::Null);
        (status, value)
    }

    /// `POST /__sandbox/inbound`: `from` texts `to` (one of the account's lines). Returns the
    /// stored message.
    pub async fn inbound(&self, from: &str, to: &str, content: &str) -> Value {
        let (status, answer) = self
            .request(
                "POST",
                "/__sandbox/inbound",
                Some(json!({ "from_number": from, "to_number": to, "content": content })),
            )
            .await;
        assert!(
            (200..300).contains(&status),
            "POST /__sandbox/inbound answered {status}: {answer}"
        );
        answer
    }

    /// `POST /__sandbox/typing`: `number` starts or stops typing to line `line`.
    pub async fn typing(&self, number: &str, line: &str, is_typing: bool) {
        let (status, answer) = self
            .request(
                "POST",
                "/__sandbox/typing",
                Some(json!({ "number": number, "sendblue_number": line, "is_typing": is_typing })),
            )
            .await;
        assert!(
            (200..300).contains(&status),
            "POST /__sandbox/typing answered {status}: {answer}"
        );
    }
}
