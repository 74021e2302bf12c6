//! Everything that tells the outside world something happened: account events (§12, to every
//! open event stream) and webhook deliveries (§11, to registered URLs and per-message
//! `status_callback`s). Handlers describe what happened in one [`Notice`]; delivery runs in
//! the background (see `deliver.rs`).

use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;
use tokio::sync::{broadcast, mpsc};

use crate::util::{now_iso, uuid};

/// One account event as streamed (§12.2).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AccountEvent {
    /// Always 1.
    pub version: u32,
    /// Unique id (`evt_…`).
    pub id: String,
    /// `message.created`, `message.updated`, `message.received`, `typing.changed`,
    /// `contact.created`, `line.*`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// ISO-8601.
    pub occurred_at: String,
    /// Minimal data; clients fetch the full resource by id.
    pub data: Value,
}

/// A webhook delivery to make.
#[derive(Debug, Clone, PartialEq)]
pub struct WebhookNotice {
    /// The webhook type (§11.1): `receive`, `outbound`, `typing_indicator`, …
    pub webhook_type: &'static str,
    /// The JSON body.
    pub payload: Value,
    /// Our line involved; `receive` webhooks with `sendblue_numbers` only get their lines.
    pub line: Option<String>,
}

/// What happened, in every form it is announced.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notice {
    /// An account event: type and data.
    pub event: Option<(&'static str, Value)>,
    /// Deliveries to the account's webhooks of one type.
    pub webhook: Option<WebhookNotice>,
    /// A per-message status callback: URL and body.
    pub status_callback: Option<(String, Value)>,
}

/// A delivery job for the background sender.
#[derive(Debug, Clone)]
pub enum Delivery {
    /// To every webhook of this type (filtered by line).
    Webhooks(WebhookNotice),
    /// To one URL (a status callback), no secret header.
    Callback(String, Value),
}

/// Fans notices out to event subscribers and the delivery queue.
#[derive(Debug, Clone)]
pub struct Notifier {
    events: broadcast::Sender<Arc<AccountEvent>>,
    deliveries: mpsc::UnboundedSender<Delivery>,
}

impl Notifier {
    /// A notifier and the receiving end of its delivery queue.
    pub fn new() -> (Self, mpsc::UnboundedReceiver<Delivery>) {
        let (events, _) = broadcast::channel(4096);
        let (deliveries, rx) = mpsc::unbounded_channel();
        (Self { events, deliveries }, rx)
    }

    /// Announces `notice`: the event goes to open streams now, deliveries are queued.
    pub fn emit(&self, notice: Notice) {
        if let Some((event_type, data)) = notice.event {
            let event = AccountEvent {
                version: 1,
                id: format!("evt_{}", uuid().replace('-', "")),
                event_type: event_type.to_owned(),
                occurred_at: now_iso(),
                data,
            };
            // No subscriber is fine: the stream is live only.
            let _ = self.events.send(Arc::new(event));
        }
        if let Some(webhook) = notice.webhook {
            let _ = self.deliveries.send(Delivery::Webhooks(webhook));
        }
        if let Some((url, body)) = notice.status_callback {
            let _ = self.deliveries.send(Delivery::Callback(url, body));
        }
    }

    /// A receiver of every event emitted from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<AccountEvent>> {
        self.events.subscribe()
    }
}
