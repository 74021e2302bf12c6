//! Verified contacts on shared lines (§19.1). A contact becomes verified only by texting the
//! shared line; nothing here can force it.

use reqwest::Method;

use crate::error::{require, Result};
use crate::models::verified_contacts::{
    AddVerifiedContactRequest, AddedVerifiedContact, LegacyVerifyContactRequest,
    LegacyVerifyContactResponse, SharedContacts, V3Data, VerifiedContactList,
    VerifiedContactLookup,
};
use crate::path::segment;
use crate::Client;

/// Shared-line contact verification: reached through [`Client::verified_contacts`].
#[derive(Debug, Clone, Copy)]
pub struct VerifiedContacts<'c> {
    client: &'c Client,
}

impl Client {
    /// Verified-contact endpoints (§19.1), plus the CLI's legacy equivalents.
    pub fn verified_contacts(&self) -> VerifiedContacts<'_> {
        VerifiedContacts { client: self }
    }
}

impl VerifiedContacts<'_> {
    /// `POST /v3/verified-contacts` — attach a contact to the shared line, or return the
    /// existing record (§19.1). Returns the `data`: the contact, the line and the
    /// instructions the contact must follow.
    pub async fn add(&self, phone_number: &str) -> Result<AddedVerifiedContact> {
        require("phone_number", phone_number)?;
        let answer: V3Data<AddedVerifiedContact> = self
            .client
            .call(Method::POST, "/v3/verified-contacts")
            .json(&AddVerifiedContactRequest::new(phone_number))
            .send()
            .await?;
        Ok(answer.data)
    }

    /// `GET /v3/verified-contacts` — every contact on the shared line (§19.1). Returns the
    /// `data`: contacts and line.
    pub async fn list(&self) -> Result<VerifiedContactList> {
        let answer: V3Data<VerifiedContactList> = self
            .client
            .call(Method::GET, "/v3/verified-contacts")
            .send()
            .await?;
        Ok(answer.data)
    }

    /// `GET /v3/verified-contacts/{phone_number}` — one contact's record (§19.1). Returns the
    /// `data`; its `contact` is `None` when the number is not attached.
    pub async fn get(&self, phone_number: &str) -> Result<VerifiedContactLookup> {
        require("phone_number", phone_number)?;
        let answer: V3Data<VerifiedContactLookup> = self
            .client
            .call(
                Method::GET,
                format!("/v3/verified-contacts/{}", segment(phone_number)),
            )
            .send()
            .await?;
        Ok(answer.data)
    }

    /// `POST /accounts/verify-contact-on-shared-account` — the CLI's legacy way to attach a
    /// contact (§19.1). Returns `{status, route}`. Prefer [`add`](Self::add).
    pub async fn verify_on_shared_account(
        &self,
        recipient: &str,
    ) -> Result<LegacyVerifyContactResponse> {
        require("recipient", recipient)?;
        self.client
            .call(Method::POST, "/accounts/verify-contact-on-shared-account")
            .json(&LegacyVerifyContactRequest {
                recipient: recipient.to_owned(),
            })
            .send()
            .await
    }

    /// `GET /accounts/shared-contacts` — the CLI's legacy contact list (§19.1). Returns
    /// `{status, sharedNumber, contacts}`. Prefer [`list`](Self::list).
    pub async fn shared_contacts(&self) -> Result<SharedContacts> {
        self.client
            .call(Method::GET, "/accounts/shared-contacts")
            .send()
            .await
    }
}
