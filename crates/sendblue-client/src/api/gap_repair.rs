//! Repairing a gap in the account event stream (§12): the stream is live only, so after a
//! reconnect a follower reads what changed while it was away. Typing events can't be
//! recovered.

use std::sync::Arc;

use futures_util::Stream;
use reqwest::Method;

use crate::api::cursor_walk::{Fetch, PageRequest, PageRows, Walk};
use crate::api::events::Events;
use crate::error::Result;
use crate::models::contacts::Contact;
use crate::models::lines::LineStateSnapshot;
use crate::models::message_list::{ListMessages, MessagePage};
use crate::models::messages::MessageRecord;
use crate::pacing::PaceKey;
use crate::Client;

/// Gap-repair queries: reached through [`Events::gap_repair`].
#[derive(Debug, Clone, Copy)]
pub struct GapRepair<'c> {
    client: &'c Client,
}

impl<'c> Events<'c> {
    /// The queries that repair a gap in the event stream (§12).
    pub fn gap_repair(&self) -> GapRepair<'c> {
        GapRepair {
            client: self.client,
        }
    }
}

impl GapRepair<'_> {
    /// `GET /api/v2/messages?updated_at_gte=<since>&order_by=updated_at&order_direction=asc`
    /// — every message changed at or after `since` (ISO 8601), oldest change first, all
    /// pages (§12). Past the 10,000 offset cap it continues from the last `date_updated`
    /// seen. A message appears once per version seen (de-duplicated by handle and
    /// `date_updated`), so apply rows in order. Paced like the messages list.
    pub fn messages_updated_since(
        &self,
        since: impl Into<String>,
        page_size: u32,
    ) -> impl Stream<Item = Result<MessageRecord>> + Send + 'static {
        let client = self.client.clone();
        let fetch: Fetch<MessageRecord> = Arc::new(move |page: PageRequest| {
            let client = client.clone();
            Box::pin(async move {
                let mut query = ListMessages::updated_since(page.since.unwrap_or_default());
                query.limit = Some(page.limit);
                query.offset = Some(page.offset);
                let answer: MessagePage = client
                    .call(Method::GET, "/api/v2/messages")
                    .query(&query)
                    .paced(PaceKey::MessagesList)
                    .send()
                    .await?;
                Ok(PageRows {
                    has_more: answer.pagination.as_ref().map(|p| p.has_more),
                    rows: answer.data,
                })
            })
        });
        Walk::new(
            "messages",
            page_size,
            Some(since.into()),
            |m: &MessageRecord| Some(format!("{}@{}", m.message_handle, m.date_updated)),
            |m: &MessageRecord| Some(m.date_updated.clone()).filter(|d| !d.is_empty()),
            fetch,
        )
        .into_stream()
    }

    /// `GET /api/v2/contacts?created_at_gte=<since>&order_by=created_at&order_direction=asc`
    /// — every contact created at or after `since`, all pages (§12); see
    /// [`crate::api::contacts::Contacts::created_since`].
    pub fn contacts_created_since(
        &self,
        since: impl Into<String>,
        page_size: u32,
    ) -> impl Stream<Item = Result<Contact>> + Send + 'static {
        self.client.contacts().created_since(since, page_size)
    }

    /// `GET /api/v2/verify/verifications?updated_at_gte=<since>` — every verification changed
    /// at or after `since`, latest version of each (§12, §19.2); see
    /// [`crate::api::verify::Verify::updated_since`].
    pub async fn verifications_updated_since(
        &self,
        since: &str,
    ) -> Result<Vec<crate::models::verify::VerificationState>> {
        self.client.verify().updated_since(since).await
    }

    /// `GET /api/v2/lines/state` — the current line snapshot, which replaces every missed
    /// `line.*` event (§12, §13.2).
    pub async fn line_state(&self) -> Result<LineStateSnapshot> {
        self.client.lines().state().await
    }
}
