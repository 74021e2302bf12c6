//! `GET /api/v2/messages`: one page, every page, every row (§5.1).

use futures_util::stream::{self, Stream, TryStreamExt};
use reqwest::Method;

use super::messages::Messages;
use crate::error::Result;
use crate::models::message_list::{ListMessages, MessagePage};
use crate::models::messages::MessageRecord;
use crate::pacing::PaceKey;

/// Page size the API uses when the query does not set one.
const DEFAULT_PAGE_SIZE: u64 = 100;

impl Messages<'_> {
    /// `GET /api/v2/messages` — one page of message history (§5.1).
    ///
    /// Paced under the list's rate limit (100 requests per 10 s). Returns the rows and the
    /// `pagination` block (`limit`, `offset`, `total`, `hasMore`).
    pub async fn list(&self, params: &ListMessages) -> Result<MessagePage> {
        self.client
            .call(Method::GET, "/api/v2/messages")
            .query(params)
            .paced(PaceKey::MessagesList)
            .send()
            .await
    }

    /// `GET /api/v2/messages`, page after page — every page matching `params`, starting at
    /// `params.offset` (§5.1).
    ///
    /// Stops after a page with `hasMore: false`, a page shorter than the page size, or an
    /// empty page. The first error ends the stream. Each request is paced.
    pub fn pages(
        &self,
        params: ListMessages,
    ) -> impl Stream<Item = Result<MessagePage>> + Send + 'static {
        let client = self.client.clone();
        stream::try_unfold(Some(params), move |state| {
            let client = client.clone();
            async move {
                let Some(mut params) = state else {
                    return Ok(None);
                };
                let page = client.messages().list(&params).await?;
                let returned = page.data.len() as u64;
                let limit = params
                    .limit
                    .map(u64::from)
                    .or_else(|| page.pagination.as_ref().map(|p| p.limit))
                    .filter(|l| *l > 0)
                    .unwrap_or(DEFAULT_PAGE_SIZE);
                let has_more = page.pagination.as_ref().is_none_or(|p| p.has_more);
                let next = if has_more && returned > 0 && returned >= limit {
                    params.offset = Some(params.offset.unwrap_or(0) + returned);
                    Some(params)
                } else {
                    None
                };
                Ok(Some((page, next)))
            }
        })
    }

    /// `GET /api/v2/messages`, row by row — every message matching `params`, walking all
    /// pages as [`Messages::pages`] does (§5.1).
    pub fn list_all(
        &self,
        params: ListMessages,
    ) -> impl Stream<Item = Result<MessageRecord>> + Send + 'static {
        self.pages(params)
            .map_ok(|page| stream::iter(page.data.into_iter().map(Ok)))
            .try_flatten()
    }
}
