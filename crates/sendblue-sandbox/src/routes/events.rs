//! `GET /api/v2/events` — the live account event stream (§12) as Server-Sent Events.
//!
//! Each event is one frame: `event: <type>`, `id: <event id>` and `data: <the whole envelope
//! {version,id,type,occurred_at,data} as one JSON line>`. Between events a `: heartbeat`
//! comment goes out every `heartbeat` (15 s by default, on a fixed clock whether or not events
//! flowed). The stream is closed cleanly after `stream_rotate` (900 s by default) and when the
//! sandbox shuts down; the client reconnects.
//!
//! Live only: nothing is replayed, and `Last-Event-ID` is ignored (clients repair gaps with
//! the list endpoints, §12.1). A subscriber too slow to keep up with the event buffer is
//! disconnected rather than silently skipped, so its client reconnects and repairs the gap
//! instead of missing events without knowing.

use std::collections::HashSet;
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use bytes::Bytes;
use serde::Deserialize;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::time::{Instant, Interval, Sleep};

use crate::api_error::{ApiError, ApiResult};
use crate::extract::Params;
use crate::notify::AccountEvent;
use crate::state::AppState;

/// Every event type a client may ask for (§12.2).
pub const EVENT_TYPES: [&str; 12] = [
    "message.received",
    "message.created",
    "message.updated",
    "typing.changed",
    "line.assigned",
    "line.unassigned",
    "line.status.changed",
    "line.blocked",
    "contact.created",
    "verification.approved",
    "verification.expired",
    "verification.canceled",
];

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new().route("/api/v2/events", get(open))
}

#[derive(Debug, Deserialize)]
struct EventsQuery {
    /// Comma-separated allow-list; absent or empty: every type.
    types: Option<String>,
}

/// Opens the stream. The subscription starts before the answer goes out, so every event
/// emitted after the client has the response headers reaches it.
async fn open(
    State(state): State<AppState>,
    Params(query): Params<EventsQuery>,
) -> ApiResult<Response> {
    let allowed = allow_list(query.types.as_deref())?;
    let stream = Stream {
        events: state.notifier.subscribe(),
        allowed,
        heartbeat: {
            let mut clock = tokio::time::interval_at(
                Instant::now() + state.config.heartbeat,
                state.config.heartbeat,
            );
            clock.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            clock
        },
        rotate: Box::pin(tokio::time::sleep(state.config.stream_rotate)),
    };
    let body = futures_util::stream::unfold(stream, |mut stream| async move {
        stream
            .next()
            .await
            .map(|chunk| (Ok::<_, Infallible>(chunk), stream))
    });
    Ok((
        [
            (CONTENT_TYPE, "text/event-stream"),
            (CACHE_CONTROL, "no-cache"),
        ],
        Body::from_stream(body),
    )
        .into_response())
}

/// The `types` allow-list, or `None` for every type. Unknown names are a 400 that lists the
/// valid ones.
fn allow_list(raw: Option<&str>) -> ApiResult<Option<HashSet<&'static str>>> {
    let names: Vec<&str> = raw
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        return Ok(None);
    }
    let mut allowed = HashSet::new();
    for name in names {
        let Some(known) = EVENT_TYPES.iter().find(|t| **t == name) else {
            return Err(ApiError::bad_request(format!(
                "Unknown event type: {name}. Valid types: {}",
                EVENT_TYPES.join(", ")
            )));
        };
        allowed.insert(*known);
    }
    Ok(Some(allowed))
}

/// One open stream's state.
struct Stream {
    events: broadcast::Receiver<Arc<AccountEvent>>,
    allowed: Option<HashSet<&'static str>>,
    heartbeat: Interval,
    rotate: Pin<Box<Sleep>>,
}

impl Stream {
    /// The next chunk to send, or `None` to close the stream.
    async fn next(&mut self) -> Option<Bytes> {
        loop {
            tokio::select! {
                _ = &mut self.rotate => return None,
                _ = self.heartbeat.tick() => return Some(Bytes::from_static(b": heartbeat\n\n")),
                received = self.events.recv() => match received {
                    Ok(event) if self.wants(&event.event_type) => return Some(frame(&event)),
                    Ok(_) => continue,
                    Err(RecvError::Lagged(missed)) => {
                        tracing::debug!(missed, "event stream subscriber fell behind; closing it");
                        return None;
                    }
                    Err(RecvError::Closed) => return None,
                },
            }
        }
    }

    fn wants(&self, event_type: &str) -> bool {
        self.allowed
            .as_ref()
            .is_none_or(|allowed| allowed.contains(event_type))
    }
}

/// An event as an SSE frame.
fn frame(event: &AccountEvent) -> Bytes {
    let data = serde_json::to_string(event).unwrap_or_else(|_| "{}".to_owned());
    Bytes::from(format!(
        "event: {}\nid: {}\ndata: {data}\n\n",
        event.event_type, event.id
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_list_rules() {
        assert_eq!(allow_list(None).unwrap(), None);
        assert_eq!(allow_list(Some("")).unwrap(), None);
        let some = allow_list(Some("message.received, typing.changed"))
            .unwrap()
            .unwrap();
        assert!(some.contains("message.received") && some.contains("typing.changed"));
        let err = allow_list(Some("message.received,message.exploded")).unwrap_err();
        assert_eq!(err.status.as_u16(), 400);
        assert!(err.message.contains("message.exploded"));
        assert!(err.message.contains("verification.canceled"));
    }

    fn event(n: u32) -> Arc<AccountEvent> {
        Arc::new(AccountEvent {
            version: 1,
            id: format!("evt_{n}"),
            event_type: "contact.created".into(),
            occurred_at: "2026-03-02T19:01:07.390Z".into(),
            data: serde_json::json!({}),
        })
    }

    fn stream(events: broadcast::Receiver<Arc<AccountEvent>>) -> Stream {
        Stream {
            events,
            allowed: None,
            heartbeat: tokio::time::interval_at(
                Instant::now() + std::time::Duration::from_secs(60),
                std::time::Duration::from_secs(60),
            ),
            rotate: Box::pin(tokio::time::sleep(std::time::Duration::from_secs(60))),
        }
    }

    #[tokio::test]
    async fn a_subscriber_that_falls_behind_is_closed_not_skipped() {
        let (tx, rx) = broadcast::channel(2);
        let mut s = stream(rx);
        for n in 0..5 {
            tx.send(event(n)).unwrap();
        }
        assert_eq!(s.next().await, None);
    }

    #[tokio::test]
    async fn events_in_the_buffer_come_out_in_order() {
        let (tx, rx) = broadcast::channel(8);
        let mut s = stream(rx);
        for n in 0..3 {
            tx.send(event(n)).unwrap();
        }
        for n in 0..3 {
            let chunk = s.next().await.unwrap();
            assert!(String::from_utf8_lossy(&chunk).contains(&format!("id: evt_{n}\n")));
        }
    }

    #[test]
    fn frames_carry_type_id_and_the_whole_envelope() {
        let event = AccountEvent {
            version: 1,
            id: "evt_1".into(),
            event_type: "contact.created".into(),
            occurred_at: "2026-03-02T19:01:07.390Z".into(),
            data: serde_json::json!({"phone": "+14155550123"}),
        };
        let text = String::from_utf8(frame(&event).to_vec()).unwrap();
        assert_eq!(
            text,
            "event: contact.created\nid: evt_1\ndata: {\"version\":1,\"id\":\"evt_1\",\"type\":\"contact.created\",\"occurred_at\":\"2026-03-02T19:01:07.390Z\",\"data\":{\"phone\":\"+14155550123\"}}\n\n"
        );
    }
}
