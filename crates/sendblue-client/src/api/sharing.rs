//! Contact Sharing — the iMessage "Name & Photo" card (§15).

use reqwest::Method;

use crate::error::{require, Result};
use crate::models::common::DataOrBare;
use crate::models::common::StatusResponse;
use crate::models::sharing::{
    FromNumber, ShareRequest, ShareResult, SharingProfileRequest, SharingState,
};
use crate::Client;

/// Name & Photo sharing: reached through [`Client::sharing`].
#[derive(Debug, Clone, Copy)]
pub struct Sharing<'c> {
    client: &'c Client,
}

impl Client {
    /// Contact Sharing endpoints (§15).
    pub fn sharing(&self) -> Sharing<'_> {
        Sharing { client: self }
    }
}

#[derive(serde::Serialize)]
struct StateQuery<'a> {
    #[serde(rename = "fromNumber")]
    from_number: &'a str,
}

impl Sharing<'_> {
    /// `GET /api/v2/contact-sharing/state?fromNumber=…` — the line's sharing profile (§15.1).
    /// Returns the [`SharingState`] from the answer's `data`.
    pub async fn state(&self, from_number: &str) -> Result<SharingState> {
        require("fromNumber", from_number)?;
        let answer: DataOrBare<SharingState> = self
            .client
            .call(Method::GET, "/api/v2/contact-sharing/state")
            .query(&StateQuery { from_number })
            .send()
            .await?;
        Ok(answer.into_data())
    }

    /// `POST /api/v2/contact-sharing/profile` — create or overwrite the line's profile
    /// (§15.2). Returns the profile as the server echoes it in `data`. Applying it may finish
    /// after the answer (reported by the `contact_profile` webhook). Setting the same profile
    /// twice changes nothing, so this POST is retried like a GET. Fails with
    /// `Error::Validation` before sending when `clearPhoto` is combined with `photoUrl`.
    pub async fn set_profile(&self, request: &SharingProfileRequest) -> Result<SharingState> {
        request.validate()?;
        let answer: DataOrBare<SharingState> = self
            .client
            .call(Method::POST, "/api/v2/contact-sharing/profile")
            .json(request)
            .repeatable()
            .send()
            .await?;
        Ok(answer.into_data())
    }

    /// `POST /api/v2/contact-sharing/share` — push the card into an existing 1:1 iMessage
    /// chat (§15.3). Sends no text message. Returns [`ShareResult`] (`deduplicated` is true
    /// for a repeat within 24 h).
    pub async fn share(&self, from_number: &str, to_number: &str) -> Result<ShareResult> {
        require("fromNumber", from_number)?;
        require("toNumber", to_number)?;
        self.client
            .call(Method::POST, "/api/v2/contact-sharing/share")
            .json(&ShareRequest::new(from_number, to_number))
            .send()
            .await
    }

    /// `DELETE /api/v2/contact-sharing/profile` with JSON body `{fromNumber}` — disable
    /// sharing and remove the profile (§15.4). Returns the `{"status":"OK"}` answer.
    pub async fn delete_profile(&self, from_number: &str) -> Result<StatusResponse> {
        require("fromNumber", from_number)?;
        self.client
            .call(Method::DELETE, "/api/v2/contact-sharing/profile")
            .json(&FromNumber {
                from_number: from_number.to_owned(),
            })
            .send()
            .await
    }
}
