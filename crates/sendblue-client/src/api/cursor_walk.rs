//! Walking a list to its end although the API refuses (or silently clamps) offsets above
//! 10,000: page by offset in ascending time order while the offset stays within the cap, then
//! continue from the last timestamp seen (`…_gte=<ts>`, offset 0 again, and by offset from
//! there), dropping rows already returned. Used by the full contact walk and by the event-gap
//! repair queries.
//!
//! The walk never asks for an offset above the cap, so it behaves the same whether the server
//! clamps such offsets or answers 400. Rows sharing the re-anchoring timestamp are returned
//! again by the server and dropped here. The walk stops with an error, instead of looping,
//! when a full page brings nothing new and repeats the page before (the server ignores the
//! paging parameters), or when more rows than the cap share one timestamp.

use std::collections::HashSet;
use std::sync::Arc;

use futures_util::future::BoxFuture;
use futures_util::{stream, Stream, TryStreamExt};

use crate::error::{Error, Result};

/// The largest offset the list endpoints accept.
pub(crate) const OFFSET_CAP: u64 = 10_000;

/// Which page to fetch next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageRequest {
    /// Rows to skip.
    pub(crate) offset: u64,
    /// Page size.
    pub(crate) limit: u32,
    /// The `…_gte` lower bound, once the walk pages by time.
    pub(crate) since: Option<String>,
}

/// One fetched page.
#[derive(Debug)]
pub(crate) struct PageRows<T> {
    /// The rows, in ascending time order.
    pub(crate) rows: Vec<T>,
    /// The server's own "more pages" flag, when it sends one.
    pub(crate) has_more: Option<bool>,
}

/// Fetches one page.
pub(crate) type Fetch<T> =
    Arc<dyn Fn(PageRequest) -> BoxFuture<'static, Result<PageRows<T>>> + Send + Sync>;

/// A walk in progress.
pub(crate) struct Walk<T> {
    fetch: Fetch<T>,
    key: fn(&T) -> Option<String>,
    cursor: fn(&T) -> Option<String>,
    what: &'static str,
    limit: u32,
    since: Option<String>,
    offset: u64,
    seen: HashSet<String>,
    last_keys: Option<Vec<Option<String>>>,
    done: bool,
}

impl<T: Send + 'static> Walk<T> {
    /// A walk over `what` (used in error text). `key` identifies a row for de-duplication;
    /// `cursor` reads the timestamp the list is ordered by. With `since`, the walk starts
    /// directly in time order from that timestamp.
    pub(crate) fn new(
        what: &'static str,
        limit: u32,
        since: Option<String>,
        key: fn(&T) -> Option<String>,
        cursor: fn(&T) -> Option<String>,
        fetch: Fetch<T>,
    ) -> Self {
        Self {
            fetch,
            key,
            cursor,
            what,
            limit: limit.clamp(1, 1000),
            since,
            offset: 0,
            seen: HashSet::new(),
            last_keys: None,
            done: false,
        }
    }

    /// Every row exactly once, as a stream; the first error ends it.
    pub(crate) fn into_stream(self) -> impl Stream<Item = Result<T>> + Send + 'static {
        stream::try_unfold(self, |mut walk| async move {
            Ok::<_, Error>(walk.next_page().await?.map(|rows| (rows, walk)))
        })
        .map_ok(|rows| stream::iter(rows.into_iter().map(Ok)))
        .try_flatten()
    }

    /// The next page's new rows, or `None` at the end.
    async fn next_page(&mut self) -> Result<Option<Vec<T>>> {
        if self.done {
            return Ok(None);
        }
        let request = PageRequest {
            offset: self.offset,
            limit: self.limit,
            since: self.since.clone(),
        };
        let page = (self.fetch)(request).await?;
        let full = page.rows.len() >= self.limit as usize && page.has_more != Some(false);
        let last_cursor = page.rows.last().and_then(self.cursor);
        let keys: Vec<Option<String>> = page.rows.iter().map(self.key).collect();
        let mut fresh = Vec::with_capacity(page.rows.len());
        for (row, key) in page.rows.into_iter().zip(&keys) {
            match key {
                Some(k) if !self.seen.insert(k.clone()) => {}
                _ => fresh.push(row),
            }
        }
        if !full {
            self.done = true;
            return Ok(Some(fresh));
        }
        if fresh.is_empty() && self.last_keys.as_ref() == Some(&keys) {
            return Err(self.stuck(format!(
                "the server answered the same full page again (offset {}, since {:?}); it \
                 seems to ignore the paging parameters",
                self.offset, self.since
            )));
        }
        self.last_keys = Some(keys);
        self.advance(last_cursor)?;
        Ok(Some(fresh))
    }

    /// Moves to the next page after a full one whose last row has `last_cursor`: the next
    /// offset while it stays within the cap, else offset 0 from the last timestamp seen.
    fn advance(&mut self, last_cursor: Option<String>) -> Result<()> {
        let next = self.offset + u64::from(self.limit);
        if next <= OFFSET_CAP {
            self.offset = next;
            return Ok(());
        }
        match last_cursor {
            Some(ts) if self.since.as_ref() == Some(&ts) => Err(self.stuck(format!(
                "more than {OFFSET_CAP} {} share the timestamp {ts:?}; the list can't be paged \
                 past them",
                self.what
            ))),
            Some(ts) => {
                self.since = Some(ts);
                self.offset = 0;
                Ok(())
            }
            None => Err(self.stuck(
                "a row has no timestamp, so the walk can't continue past the offset cap".into(),
            )),
        }
    }

    fn stuck(&self, detail: String) -> Error {
        Error::Decode {
            status: 200,
            detail: format!("walking {} made no progress: {detail}", self.what),
            body_excerpt: String::new(),
        }
    }
}
