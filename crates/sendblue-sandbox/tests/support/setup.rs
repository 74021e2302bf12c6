//! Setting things up as the tests do, raw and through `sendblue-client`: sends, a person
//! texting in, waiting for a status, creating a group, registering webhooks, opening the event
//! stream.

use std::pin::Pin;
use std::time::{Duration, Instant};

use futures_util::Stream;
use sendblue_client::models::events::{EventType, StreamItem};
use sendblue_client::models::message_send::SendMessage;
use sendblue_client::models::messages::MessageResponse;
use sendblue_client::models::webhooks::{AddWebhooks, WebhookEntry, WebhookType};
use sendblue_client::MessageStatus;
use serde_json::{json, Value};

use super::receiver::Receiver;
use super::{Raw, Sandbox};

/// A `send-message` body: text `content` to `to` from the line `from`.
pub fn text(to: &str, from: &str, content: &str) -> Value {
    json!({"number": to, "from_number": from, "content": content})
}

impl Sandbox {
    /// `POST /api/send-message` with `body`.
    pub async fn send(&self, body: Value) -> Raw {
        self.post("/api/send-message", body).await
    }

    /// Sends a text (which must be accepted); returns its handle.
    pub async fn send_text(&self, to: &str, from: &str, content: &str) -> String {
        let r = self.send(text(to, from, content)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        r.body["message_handle"].as_str().unwrap().to_owned()
    }

    /// A person at `from` texts `content` to the line `to` (`POST /__sandbox/inbound`).
    pub async fn inbound(&self, from: &str, to: &str, content: &str) -> Raw {
        self.post(
            "/__sandbox/inbound",
            json!({"from_number": from, "to_number": to, "content": content}),
        )
        .await
    }

    /// [`inbound`](Self::inbound), which must be accepted; returns the message's handle.
    pub async fn inbound_ok(&self, from: &str, to: &str, content: &str) -> String {
        let r = self.inbound(from, to, content).await;
        assert!(r.status < 300, "inbound: {} {}", r.status, r.body);
        r.body["message_handle"].as_str().unwrap().to_owned()
    }

    /// `GET /api/status?handle=`: the message as the send answered it.
    pub async fn status_of(&self, handle: &str) -> Value {
        self.get(&format!("/api/status?handle={handle}")).await.body
    }

    /// Polls [`status_of`](Self::status_of) until the message has status `want` (up to about
    /// 2 s); returns it.
    pub async fn wait_status(&self, handle: &str, want: &str) -> Value {
        for _ in 0..100 {
            let body = self.status_of(handle).await;
            if body["status"] == want {
                return body;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!(
            "{handle} never reached {want}: {}",
            self.status_of(handle).await
        );
    }

    /// Creates a group of `numbers` on `line` (`POST /api/create-group`, which must be
    /// accepted); returns its id.
    pub async fn create_group(&self, line: &str, numbers: Value) -> String {
        let r = self
            .post(
                "/api/create-group",
                json!({"from_number": line, "numbers": numbers}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        r.body["group_id"].as_str().unwrap().to_owned()
    }
}

/// Sends a text through the client (which must be accepted).
pub async fn send_via(
    client: &sendblue_client::Client,
    to: &str,
    from: &str,
    content: &str,
) -> MessageResponse {
    client
        .messages()
        .send(&SendMessage::text(to, from, content))
        .await
        .unwrap()
}

/// Polls the status of `handle` through the client until it is `want` or 5 s pass; returns
/// the last answer (the caller checks its status).
pub async fn poll_status(
    client: &sendblue_client::Client,
    handle: &str,
    want: MessageStatus,
) -> MessageResponse {
    let started = Instant::now();
    loop {
        let now = client.messages().status(handle).await.unwrap();
        if now.status == want || started.elapsed() > Duration::from_secs(5) {
            return now;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Registers `entries` as webhooks of type `kind` through the client, with `global` as the
/// global secret when given.
pub async fn add_webhooks(
    client: &sendblue_client::Client,
    kind: WebhookType,
    entries: Vec<WebhookEntry>,
    global: Option<&str>,
) {
    let mut request = AddWebhooks::for_type(kind, entries);
    request.global_secret = global.map(str::to_owned);
    client.webhooks().add(&request).await.unwrap();
}

/// Webhook entries for these paths of `rx`.
pub fn receiver_urls(rx: &Receiver, paths: &[&str]) -> Vec<WebhookEntry> {
    paths.iter().map(|p| WebhookEntry::Url(rx.url(p))).collect()
}

/// Registers one URL as a webhook of type `kind`.
pub async fn add_webhook(client: &sendblue_client::Client, kind: WebhookType, url: String) {
    add_webhooks(client, kind, vec![url.into()], None).await;
}

/// The account event stream as the client reads it.
pub type Events = Pin<Box<dyn Stream<Item = sendblue_client::Result<StreamItem>> + Send>>;

/// Opens the event stream (all types when `types` is empty).
pub async fn open_events(sb: &Sandbox, types: &[EventType]) -> Events {
    Box::pin(sb.client().events().stream(types).await.unwrap())
}
