//! The account event stream (§12): `GET /api/v2/events` as Server-Sent Events.
//!
//! The stream is live only. After a reconnect, repair the gap with [`Events::gap_repair`]
//! (messages updated since, contacts created since, line state) and de-duplicate events by
//! `id`. A 404 when opening means the account has no stream: poll instead (see
//! [`Error::is_stream_unavailable`]).

use std::time::Duration;

use futures_util::{stream, Stream, StreamExt};
use reqwest::Method;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::models::events::{AccountEvent, EventType, StreamItem};
use crate::sse::{read_sse, SseItem};
use crate::Client;

/// The server's heartbeat period (§12.1).
pub const DEFAULT_HEARTBEAT: Duration = Duration::from_secs(15);

/// Account events: reached through [`Client::events`].
#[derive(Debug, Clone, Copy)]
pub struct Events<'c> {
    pub(crate) client: &'c Client,
}

impl Client {
    /// The account event stream and its gap repair (§12).
    pub fn events(&self) -> Events<'_> {
        Events { client: self }
    }
}

/// How to open the stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventStreamOptions {
    /// Only these event types (sent as the comma-joined `types` query); empty: all.
    pub types: Vec<EventType>,
    /// The server's heartbeat period. The stream ends with a `Network` error after three
    /// periods without any bytes (45 s by default).
    pub heartbeat: Duration,
}

impl Default for EventStreamOptions {
    fn default() -> Self {
        Self {
            types: Vec::new(),
            heartbeat: DEFAULT_HEARTBEAT,
        }
    }
}

impl EventStreamOptions {
    /// These event types (empty: all), default heartbeat.
    pub fn new(types: &[EventType]) -> Self {
        Self {
            types: types.to_vec(),
            ..Self::default()
        }
    }

    /// How long a silent connection is tolerated: three heartbeats.
    pub fn idle_timeout(&self) -> Duration {
        self.heartbeat.saturating_mul(3)
    }
}

impl Events<'_> {
    /// `GET /api/v2/events` — open the live account event stream (§12), sending
    /// `Accept: text/event-stream` and, unless `types` is empty, `types=<comma-joined>`.
    /// Returns the stream of items: events, heartbeats, control frames, and `Ended` as the
    /// last item when the server closes it cleanly. A connection silent for 45 s ends it with
    /// a `Network` error. A 404 is `ErrorCode::NotFound`: the stream is not available, poll.
    pub async fn stream(
        &self,
        types: &[EventType],
    ) -> Result<impl Stream<Item = Result<StreamItem>> + Send + 'static> {
        self.stream_with(&EventStreamOptions::new(types)).await
    }

    /// Like [`Events::stream`], with every option (heartbeat period and so idle timeout).
    pub async fn stream_with(
        &self,
        options: &EventStreamOptions,
    ) -> Result<impl Stream<Item = Result<StreamItem>> + Send + 'static> {
        #[derive(Serialize)]
        struct Query {
            #[serde(skip_serializing_if = "Option::is_none")]
            types: Option<String>,
        }
        let types = (!options.types.is_empty()).then(|| {
            options
                .types
                .iter()
                .map(EventType::as_str)
                .collect::<Vec<_>>()
                .join(",")
        });
        let response = self
            .client
            .call(Method::GET, "/api/v2/events")
            .query(&Query { types })
            .open_stream()
            .await?;
        Ok(items(read_sse(response, options.idle_timeout())))
    }
}

/// Turns SSE items into stream items, adding `Ended` after a clean close (not after an
/// error).
fn items(
    sse: impl Stream<Item = Result<SseItem>> + Send + 'static,
) -> impl Stream<Item = Result<StreamItem>> + Send + 'static {
    stream::unfold((Box::pin(sse), false), |(mut sse, finished)| async move {
        if finished {
            return None;
        }
        match sse.next().await {
            Some(Ok(item)) => Some((Ok(stream_item(item)), (sse, false))),
            Some(Err(e)) => Some((Err(e), (sse, true))),
            None => Some((Ok(StreamItem::Ended), (sse, true))),
        }
    })
}

fn stream_item(item: SseItem) -> StreamItem {
    match item {
        SseItem::Comment(_) => StreamItem::Heartbeat,
        SseItem::Frame { data, .. } => match serde_json::from_str(&data) {
            Ok(value) => match AccountEvent::from_value(value) {
                Ok(event) => StreamItem::Event(Box::new(event)),
                Err(other) => StreamItem::Control(other),
            },
            Err(_) => StreamItem::Control(serde_json::Value::String(data)),
        },
    }
}

impl Error {
    /// True when opening the account event stream failed with 404: the stream is not
    /// available for this account or server, so follow changes by polling instead (the
    /// official CLI does the same). `code()` is `NotFound` in that case.
    pub fn is_stream_unavailable(&self) -> bool {
        matches!(self, Error::Api { status: 404, .. })
    }
}
