//! Sendblue Verify (§19.2). Line-scoped bearer tokens are rejected by these endpoints.

use std::collections::HashMap;

use reqwest::Method;

use crate::error::{require, Result};
use crate::models::verify::{
    CreateVerificationRequest, ListVerificationsParams, Verification, VerificationPage,
    VerificationState,
};
use crate::path::segment;
use crate::Client;

/// Page size [`Verify::updated_since`] asks for.
pub const UPDATED_SINCE_PAGE_SIZE: u32 = 100;

/// Sendblue Verify: reached through [`Client::verify`].
#[derive(Debug, Clone, Copy)]
pub struct Verify<'c> {
    client: &'c Client,
}

impl Client {
    /// Sendblue Verify endpoints (§19.2).
    pub fn verify(&self) -> Verify<'_> {
        Verify { client: self }
    }
}

impl Verify<'_> {
    /// `POST /api/v2/verify/services/{service_sid}/verifications` — start an inverted-OTP
    /// verification of `request.to` (§19.2). Returns the [`Verification`] with its
    /// `delivery_target` (and `hosted` session when asked for). Sent at most once.
    pub async fn start(
        &self,
        service_sid: &str,
        request: &CreateVerificationRequest,
    ) -> Result<Verification> {
        require("service_sid", service_sid)?;
        require("to", &request.to)?;
        if let Some(hosted) = &request.hosted {
            require("hosted.parent_origin", &hosted.parent_origin)?;
        }
        self.client
            .call(
                Method::POST,
                format!(
                    "/api/v2/verify/services/{}/verifications",
                    segment(service_sid)
                ),
            )
            .json(request)
            .send()
            .await
    }

    /// `GET /api/v2/verify/services/{service_sid}/verifications/{verification_sid}` — one
    /// verification's authoritative state (§19.2). Returns the [`Verification`] (no
    /// `hosted`).
    pub async fn get(&self, service_sid: &str, verification_sid: &str) -> Result<Verification> {
        require("service_sid", service_sid)?;
        require("verification_sid", verification_sid)?;
        self.client
            .call(
                Method::GET,
                format!(
                    "/api/v2/verify/services/{}/verifications/{}",
                    segment(service_sid),
                    segment(verification_sid)
                ),
            )
            .send()
            .await
    }

    /// `GET /api/v2/verify/verifications?limit&offset&updated_at_gte` — one page of
    /// account-wide verification state (§19.2), used to recover `verification.*` events
    /// after an event-stream gap. Returns a [`VerificationPage`].
    pub async fn list(&self, params: &ListVerificationsParams) -> Result<VerificationPage> {
        self.client
            .call(Method::GET, "/api/v2/verify/verifications")
            .query(params)
            .send()
            .await
    }

    /// Walks every page of `GET /api/v2/verify/verifications?updated_at_gte=<since>` (gap
    /// repair after an event-stream disconnect, §12). Returns every row updated at or after
    /// `since` (ISO-8601), one per `sid` (a row seen twice because it changed between pages
    /// keeps its latest version, in its first position).
    ///
    /// Stops when `has_more` is false or a page comes back empty.
    pub async fn updated_since(&self, since: &str) -> Result<Vec<VerificationState>> {
        require("updated_at_gte", since)?;
        let mut rows: Vec<VerificationState> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut offset: u64 = 0;
        loop {
            let page = self
                .list(&ListVerificationsParams {
                    limit: Some(UPDATED_SINCE_PAGE_SIZE),
                    offset: Some(offset),
                    updated_at_gte: Some(since.to_owned()),
                })
                .await?;
            let got = page.data.len() as u64;
            for row in page.data {
                match index.get(&row.sid) {
                    Some(&i) => rows[i] = row,
                    None => {
                        index.insert(row.sid.clone(), rows.len());
                        rows.push(row);
                    }
                }
            }
            if got == 0 || !page.pagination.has_more {
                return Ok(rows);
            }
            offset += got;
        }
    }
}
