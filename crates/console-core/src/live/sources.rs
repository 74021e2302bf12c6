//! The mirror as what the follower, exports and bulk delete plug into: a [`ContactSink`] for
//! new contacts, [`ContactRows`] for a contacts export of the page's filter, and a
//! [`ContactLookup`] for bulk delete's backup.

use async_trait::async_trait;
use sendblue_client::models::contacts::Contact;
use sendblue_client::Client;

use crate::error::{AppError, AppResult};
use crate::export::ContactRows;
use crate::follower::ContactSink;
use crate::jobs::bulk_delete::{ApiLookup, ContactLookup};
use crate::mirror::{ContactQuery, Mirror};

#[async_trait]
impl ContactSink for Mirror {
    /// Stores what the notice knows at once; the next refresh completes the row. (Fetching
    /// the whole contact here would hold up every event behind a request.)
    async fn contact_created(&self, contact: &Contact) -> AppResult<()> {
        self.apply_contact_created(contact, None).await.map(|_| ())
    }
}

/// The page's filter, as an export keeps it in its journal (`null`: every contact).
fn selection_query(selection: &serde_json::Value) -> AppResult<ContactQuery> {
    if selection.is_null() {
        return Ok(ContactQuery::default());
    }
    serde_json::from_value(selection.clone()).map_err(|e| {
        AppError::invalid(
            "filter",
            format!("The export's filter couldn't be read: {e}"),
        )
    })
}

impl ContactRows for Mirror {
    fn rows(
        &self,
        selection: &serde_json::Value,
    ) -> AppResult<crate::export::contacts::ContactIter<'_>> {
        let query = selection_query(selection)?;
        Ok(Box::new(self.iter_contacts(&query)?))
    }

    fn count(&self, selection: &serde_json::Value) -> AppResult<Option<u64>> {
        self.count_matching(&selection_query(selection)?).map(Some)
    }

    fn custom_keys(&self, selection: &serde_json::Value) -> AppResult<Option<Vec<String>>> {
        self.custom_variable_keys(&selection_query(selection)?)
            .map(Some)
    }
}

/// Finds contacts in the mirror first, and asks Sendblue only for numbers it doesn't hold
/// (the page selects from the mirror, so that is rare).
#[derive(Debug, Clone)]
pub struct MirrorLookup {
    mirror: Mirror,
    api: ApiLookup,
}

impl MirrorLookup {
    /// Looks in `mirror`, then with `client`.
    pub fn new(mirror: Mirror, client: Client) -> Self {
        Self {
            mirror,
            api: ApiLookup::new(client),
        }
    }
}

#[async_trait]
impl ContactLookup for MirrorLookup {
    async fn find(&self, phones: &[String]) -> AppResult<Vec<Contact>> {
        let mirror = self.mirror.clone();
        let wanted = phones.to_vec();
        let (found, missing) = tokio::task::spawn_blocking(move || {
            let mut found = Vec::new();
            let mut missing = Vec::new();
            for phone in wanted {
                match mirror.get(&phone)? {
                    Some(contact) => found.push(contact),
                    None => missing.push(phone),
                }
            }
            Ok::<_, AppError>((found, missing))
        })
        .await
        .map_err(|e| AppError::io("read the contacts mirror", e))??;
        let mut found = found;
        if !missing.is_empty() {
            found.extend(self.api.find(&missing).await?);
        }
        Ok(found)
    }
}
