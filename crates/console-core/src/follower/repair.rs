//! Reading back what the stream missed (§12): after every reconnect or rotation, the
//! messages updated and the contacts created since the last moment the follower was in sync
//! (less a small overlap), and the line state snapshot. Typing can't be read back. The same
//! queries, repeated every few seconds, are the polling fallback where there is no stream.

use futures_util::{pin_mut, StreamExt};
use sendblue_client::{Client, ErrorCode};

use super::clock::{iso, now_ms, parse_ms, Watermark};
use super::deliver::Pipeline;
use super::output::Closed;

/// Why a repair or poll did not finish.
#[derive(Debug)]
pub(crate) enum Failure {
    /// A call failed in a way worth retrying (network, 5xx, 429).
    Api(sendblue_client::Error),
    /// Nobody is listening any more.
    Closed,
}

impl From<Closed> for Failure {
    fn from(_: Closed) -> Self {
        Failure::Closed
    }
}

/// Sorts a failed call: worth retrying (the repair fails and the follower reconnects, so the
/// gap is read again), or not (a refusal that retrying can't change: skipped and logged, so
/// one unavailable query can't keep the follower reconnecting forever).
fn check(what: &str, e: sendblue_client::Error) -> Result<(), Failure> {
    match e.code() {
        ErrorCode::Network | ErrorCode::Upstream | ErrorCode::RateLimited => Err(Failure::Api(e)),
        code => {
            tracing::warn!(?code, "gap repair: skipped {what}: {e}");
            Ok(())
        }
    }
}

/// Reads back messages updated since `since`; returns the latest `date_updated` seen.
async fn messages(
    client: &Client,
    pipe: &mut Pipeline,
    since: String,
    page_size: u32,
) -> Result<Option<i64>, Failure> {
    let rows = client
        .events()
        .gap_repair()
        .messages_updated_since(since, page_size);
    pin_mut!(rows);
    let mut latest = None;
    while let Some(row) = rows.next().await {
        match row {
            Ok(row) => {
                latest = latest.max(parse_ms(&row.date_updated));
                pipe.record(row).await?;
            }
            Err(e) => return check("messages", e).map(|()| latest),
        }
    }
    Ok(latest)
}

/// Reads back contacts created since `since`; returns the latest `created_at` seen.
async fn contacts(
    client: &Client,
    pipe: &mut Pipeline,
    since: String,
    page_size: u32,
) -> Result<Option<i64>, Failure> {
    let rows = client
        .events()
        .gap_repair()
        .contacts_created_since(since, page_size);
    pin_mut!(rows);
    let mut latest = None;
    while let Some(row) = rows.next().await {
        match row {
            Ok(contact) => {
                latest = latest.max(contact.created_at.as_deref().and_then(parse_ms));
                pipe.contact(contact, None).await?;
            }
            Err(e) => return check("contacts", e).map(|()| latest),
        }
    }
    Ok(latest)
}

/// Reads the line state snapshot (announcing lines that changed) and learns the server's
/// clock from its `snapshot_at`.
pub(crate) async fn lines(
    client: &Client,
    pipe: &mut Pipeline,
    mark: &mut Watermark,
) -> Result<(), Failure> {
    let before = now_ms();
    match client.events().gap_repair().line_state().await {
        Ok(snapshot) => {
            let local = before + (now_ms() - before) / 2;
            if let Some(server) = snapshot.snapshot_at.as_deref().and_then(parse_ms) {
                mark.observe_server_time(server, local);
            }
            Ok(pipe.lines(&snapshot).await?)
        }
        Err(e) => check("line state", e),
    }
}

/// Repairs the gap since the watermark. On success the caller moves the watermark to the
/// moment the new stream opened.
pub(crate) async fn repair(
    client: &Client,
    pipe: &mut Pipeline,
    mark: &mut Watermark,
    overlap_ms: i64,
    page_size: u32,
) -> Result<(), Failure> {
    let since = mark.since(overlap_ms);
    tracing::debug!(%since, "repairing the event stream's gap");
    messages(client, pipe, since.clone(), page_size).await?;
    contacts(client, pipe, since, page_size).await?;
    lines(client, pipe, mark).await
}

/// Where polling has read up to, on the server's clock (the latest timestamps it returned).
#[derive(Debug, Clone)]
pub(crate) struct PollCursors {
    messages_ms: i64,
    contacts_ms: i64,
}

impl PollCursors {
    /// Both lists from `since_ms`.
    pub(crate) fn from_ms(since_ms: i64) -> Self {
        Self {
            messages_ms: since_ms,
            contacts_ms: since_ms,
        }
    }

    /// One poll: messages updated and contacts created since each cursor less `overlap_ms`
    /// (rows seen before are dropped by the gate), moving each cursor to the latest
    /// timestamp returned.
    pub(crate) async fn poll(
        &mut self,
        client: &Client,
        pipe: &mut Pipeline,
        overlap_ms: i64,
        page_size: u32,
    ) -> Result<(), Failure> {
        let since = iso(self.messages_ms - overlap_ms);
        if let Some(latest) = messages(client, pipe, since, page_size).await? {
            self.messages_ms = self.messages_ms.max(latest);
        }
        let since = iso(self.contacts_ms - overlap_ms);
        if let Some(latest) = contacts(client, pipe, since, page_size).await? {
            self.contacts_ms = self.contacts_ms.max(latest);
        }
        Ok(())
    }
}
