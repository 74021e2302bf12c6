//! Contacts endpoints (§9), plus the full contact walk past the 10,000 offset cap.

use std::sync::Arc;

use futures_util::Stream;
use reqwest::Method;
use serde::Serialize;

use crate::api::cursor_walk::{Fetch, PageRequest, PageRows, Walk};
use crate::api::list_shape::decode_list;
use crate::error::Result;
use crate::models::common::{OrderDirection, StatusResponse};
use crate::models::contacts::{
    BulkContact, BulkCreateResult, BulkDeleteResult, Contact, ContactCount, ContactEnvelope,
    ContactOrderBy, CreateContact, ListContacts, OptOut, OptOutResult, UpdateContact,
};
use crate::path::segment;
use crate::Client;

/// Contacts: reached through [`Client::contacts`].
#[derive(Debug, Clone, Copy)]
pub struct Contacts<'c> {
    client: &'c Client,
}

impl Client {
    /// Contacts endpoints (§9).
    pub fn contacts(&self) -> Contacts<'_> {
        Contacts { client: self }
    }
}

impl Contacts<'_> {
    /// `GET /api/v2/contacts` — one page of contacts (§9.1). Returns the rows; the API sends a
    /// bare array (also accepted: `{"contacts":[…]}` and `{"data":[…]}`). Offsets above 10,000
    /// are refused or clamped by the server: use [`Contacts::walk`] to read everything.
    pub async fn list(&self, query: &ListContacts) -> Result<Vec<Contact>> {
        let (status, bytes) = self
            .client
            .call(Method::GET, "/api/v2/contacts")
            .query(query)
            .send_bytes()
            .await?;
        decode_list(status, &bytes, &["contacts", "data"])
    }

    /// `GET /api/v2/contacts/count` — how many contacts the account has (§9.2).
    pub async fn count(&self) -> Result<u64> {
        let answer: ContactCount = self
            .client
            .call(Method::GET, "/api/v2/contacts/count")
            .send()
            .await?;
        Ok(answer.count)
    }

    /// `GET /api/v2/contacts/{phone_number}` — one contact by E.164 number (§9.3). Returns the
    /// contact; a missing one is `ErrorCode::NotFound`.
    pub async fn get(&self, phone_number: &str) -> Result<Contact> {
        let path = format!("/api/v2/contacts/{}", segment(phone_number));
        let answer: ContactEnvelope = self.client.call(Method::GET, path).send().await?;
        Ok(answer.contact)
    }

    /// `POST /api/v2/contacts` — create a contact, or update it when `update_if_exists` is
    /// set (§9.4). Returns the stored contact (its number comes back as `phone`). Without
    /// `update_if_exists` an existing number is `ErrorCode::Conflict`.
    pub async fn create(&self, contact: &CreateContact) -> Result<Contact> {
        let answer: ContactEnvelope = self
            .client
            .call(Method::POST, "/api/v2/contacts")
            .json(contact)
            .send()
            .await?;
        Ok(answer.contact)
    }

    /// `PUT /api/v2/contacts/{phone_number}` — change the fields set in `changes` (§9.5);
    /// `custom_variables` are merged server-side, `opt_out` writes the opt-out record.
    /// Returns the updated contact.
    pub async fn update(&self, phone_number: &str, changes: &UpdateContact) -> Result<Contact> {
        let path = format!("/api/v2/contacts/{}", segment(phone_number));
        let answer: ContactEnvelope = self
            .client
            .call(Method::PUT, path)
            .json(changes)
            .send()
            .await?;
        Ok(answer.contact)
    }

    /// `DELETE /api/v2/contacts/{phone_number}` — delete one contact (§9.6). Returns
    /// `{"status":"OK"}`.
    pub async fn delete(&self, phone_number: &str) -> Result<StatusResponse> {
        let path = format!("/api/v2/contacts/{}", segment(phone_number));
        self.client.call(Method::DELETE, path).send().await
    }

    /// `POST /api/v2/contacts/bulk` — create many contacts at once (§9.7). An upsert by phone,
    /// so it is retried like a GET. Returns the stored contacts.
    pub async fn bulk_create(&self, contacts: &[BulkContact]) -> Result<Vec<Contact>> {
        #[derive(Serialize)]
        struct Body<'a> {
            contacts: &'a [BulkContact],
        }
        let answer: BulkCreateResult = self
            .client
            .call(Method::POST, "/api/v2/contacts/bulk")
            .json(&Body { contacts })
            .repeatable()
            .send()
            .await?;
        Ok(answer.contacts)
    }

    /// `DELETE /api/v2/contacts` — delete many contacts by E.164 number (§9.8). The JSON body
    /// is `{"contact_ids":[…]}`, which despite its name holds phone numbers. Returns how many
    /// were actually deleted (`amount`).
    pub async fn bulk_delete(&self, phone_numbers: &[String]) -> Result<BulkDeleteResult> {
        #[derive(Serialize)]
        struct Body<'a> {
            contact_ids: &'a [String],
        }
        self.client
            .call(Method::DELETE, "/api/v2/contacts")
            .json(&Body {
                contact_ids: phone_numbers,
            })
            .send()
            .await
    }

    /// `POST /api/v2/contacts/opt-out` — opt a number out of, or back into, messages (§9.9).
    /// Setting a state is repeatable, so it is retried like a GET. Returns the normalized
    /// number and its state.
    pub async fn opt_out(&self, request: &OptOut) -> Result<OptOutResult> {
        self.client
            .call(Method::POST, "/api/v2/contacts/opt-out")
            .json(request)
            .repeatable()
            .send()
            .await
    }

    /// `POST /api/v2/contacts/verify` — send a verification message to a contact (§9.10).
    /// Returns `{"status":"OK"}`.
    pub async fn verify(&self, number: &str) -> Result<StatusResponse> {
        #[derive(Serialize)]
        struct Body<'a> {
            number: &'a str,
        }
        self.client
            .call(Method::POST, "/api/v2/contacts/verify")
            .json(&Body { number })
            .send()
            .await
    }

    /// Every contact of the account exactly once, oldest first, even past the 10,000 offset
    /// cap (architecture.md "Contacts are mirrored"). Pages of `page_size` (1–1000) by offset
    /// in `created_at` ascending order while the offset stays ≤ 10,000, then continues with
    /// `created_at_gte=<last created_at seen>` from offset 0, dropping contacts already
    /// returned (by `contact_id`, else phone). Never asks for an offset above 10,000, so it
    /// works whether the server clamps or refuses such offsets. A server that ignores the
    /// paging parameters ends the stream with an `ErrorCode::Decode` error instead of a loop.
    /// The stream owns a clone of the client.
    pub fn walk(&self, page_size: u32) -> impl Stream<Item = Result<Contact>> + Send + 'static {
        self.walk_from(None, page_size)
    }

    /// Every contact created at or after `since` (ISO 8601), oldest first, all pages: the
    /// event-gap repair query of §12 (`created_at_gte=…&order_by=created_at&order_direction=asc`),
    /// with the same cap handling and de-duplication as [`Contacts::walk`].
    pub fn created_since(
        &self,
        since: impl Into<String>,
        page_size: u32,
    ) -> impl Stream<Item = Result<Contact>> + Send + 'static {
        self.walk_from(Some(since.into()), page_size)
    }

    fn walk_from(
        &self,
        since: Option<String>,
        page_size: u32,
    ) -> impl Stream<Item = Result<Contact>> + Send + 'static {
        let client = self.client.clone();
        let fetch: Fetch<Contact> = Arc::new(move |page: PageRequest| {
            let client = client.clone();
            Box::pin(async move {
                let query = ListContacts {
                    limit: Some(page.limit),
                    offset: Some(page.offset),
                    order_by: Some(ContactOrderBy::CreatedAt),
                    order_direction: Some(OrderDirection::Asc),
                    created_at_gte: page.since,
                    ..ListContacts::default()
                };
                let rows = client.contacts().list(&query).await?;
                Ok(PageRows {
                    rows,
                    has_more: None,
                })
            })
        });
        Walk::new(
            "contacts",
            page_size,
            since,
            Contact::identity,
            |c: &Contact| c.created_at.clone(),
            fetch,
        )
        .into_stream()
    }
}
