//! Where bulk delete learns what it is about to delete, for the backup: the mirror (a list of
//! contacts the page selected), or Sendblue itself.

use std::collections::HashMap;

use async_trait::async_trait;
use futures_util::{StreamExt, TryStreamExt};
use sendblue_client::models::contacts::Contact;
use sendblue_client::{Client, ErrorCode};

use crate::error::{AppError, AppResult};

/// Finds the contacts behind phone numbers. Numbers it doesn't return are reported
/// `not_found` and never sent: only what is in the backup is deleted.
#[async_trait]
pub trait ContactLookup: Send + Sync {
    /// The contacts among `phones` (E.164) that exist, in any order.
    async fn find(&self, phones: &[String]) -> AppResult<Vec<Contact>>;
}

/// Contacts already at hand — the rows the page selected from the mirror.
#[derive(Debug, Clone, Default)]
pub struct KnownContacts {
    by_phone: HashMap<String, Contact>,
}

impl From<Vec<Contact>> for KnownContacts {
    fn from(contacts: Vec<Contact>) -> Self {
        Self {
            by_phone: contacts
                .into_iter()
                .map(|c| (c.phone.trim().to_owned(), c))
                .collect(),
        }
    }
}

#[async_trait]
impl ContactLookup for KnownContacts {
    async fn find(&self, phones: &[String]) -> AppResult<Vec<Contact>> {
        Ok(phones
            .iter()
            .filter_map(|p| self.by_phone.get(p.as_str()).cloned())
            .collect())
    }
}

/// Asks Sendblue for each number (`GET /api/v2/contacts/{phone}`, a few at a time).
#[derive(Debug, Clone)]
pub struct ApiLookup {
    client: Client,
    concurrency: usize,
}

impl ApiLookup {
    /// Looks numbers up with `client`, 8 at a time.
    pub fn new(client: Client) -> Self {
        Self {
            client,
            concurrency: 8,
        }
    }
}

#[async_trait]
impl ContactLookup for ApiLookup {
    async fn find(&self, phones: &[String]) -> AppResult<Vec<Contact>> {
        let found: Vec<Option<Contact>> = futures_util::stream::iter(phones.iter().cloned())
            .map(|phone| {
                let client = self.client.clone();
                async move {
                    match client.contacts().get(&phone).await {
                        Ok(contact) => Ok(Some(contact)),
                        Err(e) if e.code() == ErrorCode::NotFound => Ok(None),
                        Err(e) => Err(AppError::from(e)),
                    }
                }
            })
            .buffered(self.concurrency.max(1))
            .try_collect()
            .await?;
        Ok(found.into_iter().flatten().collect())
    }
}

/// Which of `phones` still exist, in order (`true` = still there): the re-check after a
/// request whose effect is unknown.
pub(super) async fn still_there(
    client: &Client,
    phones: &[String],
    concurrency: usize,
) -> AppResult<Vec<bool>> {
    futures_util::stream::iter(phones.iter().cloned())
        .map(|phone| {
            let client = client.clone();
            async move {
                match client.contacts().get(&phone).await {
                    Ok(_) => Ok(true),
                    Err(e) if e.code() == ErrorCode::NotFound => Ok(false),
                    Err(e) => Err(AppError::from(e)),
                }
            }
        })
        .buffered(concurrency.max(1))
        .try_collect()
        .await
}
