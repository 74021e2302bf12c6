//! Find My location (§18). Dedicated Mac-backed lines only; shared lines are rejected.

use std::time::Duration;

use futures_util::stream::BoxStream;
use futures_util::StreamExt;
use reqwest::Method;
use serde::Serialize;

use crate::error::{require, Result};
use crate::models::location::{LocationList, LocationResponse, WatchEvent};
use crate::path::segment;
use crate::sse::{read_sse, SseItem};
use crate::Client;

/// How long the watch stream may stay silent before it is treated as dead: three missed
/// heartbeats (the server sends one every 15 s).
pub const WATCH_IDLE_TIMEOUT: Duration = Duration::from_secs(45);

/// Find My location: reached through [`Client::location`].
#[derive(Debug, Clone, Copy)]
pub struct LocationApi<'c> {
    client: &'c Client,
}

impl Client {
    /// Find My location endpoints (§18).
    pub fn location(&self) -> LocationApi<'_> {
        LocationApi { client: self }
    }
}

#[derive(Serialize)]
struct FromQuery<'a> {
    from_number: &'a str,
}

impl LocationApi<'_> {
    /// `GET /api/location?from_number=…` — every location already shared with the line
    /// (§18). Returns [`LocationList`].
    pub async fn list(&self, from_number: &str) -> Result<LocationList> {
        require("from_number", from_number)?;
        self.client
            .call(Method::GET, "/api/location")
            .query(&FromQuery { from_number })
            .send()
            .await
    }

    /// `GET /api/location/{number}?from_number=…` — one contact's current location (§18).
    /// Returns [`LocationResponse`] (its `state` says whether there is a fix).
    pub async fn get(&self, number: &str, from_number: &str) -> Result<LocationResponse> {
        require("number", number)?;
        require("from_number", from_number)?;
        self.client
            .call(Method::GET, format!("/api/location/{}", segment(number)))
            .query(&FromQuery { from_number })
            .send()
            .await
    }

    /// `GET /api/location/{number}/watch?from_number=…` — live location updates as
    /// Server-Sent Events (§18). Returns a stream of [`WatchEvent`]s once the server accepted
    /// the watch (HTTP errors come back here, as `Err`).
    ///
    /// Heartbeat comments are consumed silently; a silence longer than
    /// [`WATCH_IDLE_TIMEOUT`] ends the stream with a `Network` error. The stream ends after a
    /// `complete` or `error` event, or when the server closes it; there is no replay, so
    /// reconnect (call `watch` again) after a disconnect or a `worker_disconnected` end. A
    /// frame whose JSON does not decode yields one `Err(Decode)` item and the stream goes on.
    pub async fn watch(
        &self,
        number: &str,
        from_number: &str,
    ) -> Result<BoxStream<'static, Result<WatchEvent>>> {
        require("number", number)?;
        require("from_number", from_number)?;
        let response = self
            .client
            .call(
                Method::GET,
                format!("/api/location/{}/watch", segment(number)),
            )
            .query(&FromQuery { from_number })
            .open_stream()
            .await?;
        let events = read_sse(response, WATCH_IDLE_TIMEOUT).filter_map(|item| async move {
            match item {
                Ok(SseItem::Comment(_)) => None,
                Ok(SseItem::Frame { event, data, .. }) => {
                    Some(WatchEvent::from_sse(event.as_deref(), &data))
                }
                Err(e) => Some(Err(e)),
            }
        });
        let until_end = events.scan(false, |ended, item| {
            let out = if *ended {
                None
            } else {
                *ended = matches!(&item, Ok(e) if e.is_terminal());
                Some(item)
            };
            async move { out }
        });
        Ok(until_end.boxed())
    }
}
