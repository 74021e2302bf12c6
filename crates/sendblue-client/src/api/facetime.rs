//! FaceTime audio calls (§17).

use reqwest::Method;

use crate::error::{Error, Result};
use crate::models::facetime::{StartCallRequest, StartCallResponse};
use crate::Client;

/// FaceTime calls: reached through [`Client::facetime`].
#[derive(Debug, Clone, Copy)]
pub struct FaceTime<'c> {
    client: &'c Client,
}

impl Client {
    /// FaceTime endpoint (§17).
    pub fn facetime(&self) -> FaceTime<'_> {
        FaceTime { client: self }
    }
}

impl FaceTime<'_> {
    /// `POST /facetime/start-call` — start a FaceTime audio call from your FaceTime line to
    /// `phone_number` (§17). Returns [`StartCallResponse`] with the Agora credentials to join
    /// its audio (the Agora `token` is a credential: do not log it). Accounts without a
    /// FaceTime line get 403. Sent at most once: a call is never started twice by a retry.
    pub async fn start_call(
        &self,
        phone_number: &str,
        from_number: &str,
    ) -> Result<StartCallResponse> {
        for (field, value) in [("phoneNumber", phone_number), ("fromNumber", from_number)] {
            if value.trim().is_empty() {
                return Err(Error::validation(field, "is required"));
            }
        }
        self.client
            .call(Method::POST, "/facetime/start-call")
            .json(&StartCallRequest::new(phone_number, from_number))
            .send()
            .await
    }
}
