//! Contacts endpoints (§9).

use reqwest::Method;

use crate::error::Result;
use crate::models::contacts::ContactCount;
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
    /// `GET /api/v2/contacts/count` — how many contacts the account has (§9.2).
    pub async fn count(&self) -> Result<u64> {
        let answer: ContactCount = self
            .client
            .call(Method::GET, "/api/v2/contacts/count")
            .send()
            .await?;
        Ok(answer.count)
    }
}
