//! TOTP secret store (§20).

use reqwest::Method;
use serde::Serialize;

use crate::error::{require, Result};
use crate::models::common::StatusResponse;
use crate::models::totp::{
    CreateTotpSecret, CreatedEnvelope, CreatedTotpSecret, ListEnvelope, TotpAlgorithm, TotpCode,
    TotpSecret,
};
use crate::path::segment;
use crate::Client;

/// TOTP secrets and codes: reached through [`Client::totp`].
#[derive(Debug, Clone, Copy)]
pub struct Totp<'c> {
    client: &'c Client,
}

impl Client {
    /// TOTP secret store endpoints (§20).
    pub fn totp(&self) -> Totp<'_> {
        Totp { client: self }
    }
}

/// The JSON body of the create call; the one place the seed is exposed.
#[derive(Serialize)]
struct CreateBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    uri: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    algorithm: Option<&'a TotpAlgorithm>,
    #[serde(skip_serializing_if = "Option::is_none")]
    digits: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<u64>,
}

impl Totp<'_> {
    /// `POST /api/v2/totp/secrets` — store a TOTP secret (§20), from an `otpauth://` URI or a
    /// label (+ optional seed and parameters). Returns the [`CreatedTotpSecret`], whose seed
    /// is returned only here (as a [`crate::Secret`]). Fails with `Error::Validation` before
    /// sending on a missing label, bad digits or a malformed URI. Sent at most once.
    pub async fn create(&self, request: &CreateTotpSecret) -> Result<CreatedTotpSecret> {
        request.validate()?;
        let body = CreateBody {
            uri: request.uri.as_ref().map(|s| s.expose()),
            secret: request.secret.as_ref().map(|s| s.expose()),
            label: request.label.as_deref(),
            issuer: request.issuer.as_deref(),
            algorithm: request.algorithm.as_ref(),
            digits: request.digits,
            period: request.period,
        };
        let answer: CreatedEnvelope = self
            .client
            .call(Method::POST, "/api/v2/totp/secrets")
            .json(&body)
            .send()
            .await?;
        Ok(answer.totp_secret)
    }

    /// `GET /api/v2/totp/secrets` — every stored secret, without seeds (§20). Returns the
    /// `totp_secrets` list.
    pub async fn list(&self) -> Result<Vec<TotpSecret>> {
        let answer: ListEnvelope = self
            .client
            .call(Method::GET, "/api/v2/totp/secrets")
            .send()
            .await?;
        Ok(answer.totp_secrets)
    }

    /// `DELETE /api/v2/totp/secrets/{secret_id}` — delete a stored secret permanently (§20).
    /// Returns the `{"status":"OK"}` answer.
    pub async fn delete(&self, secret_id: &str) -> Result<StatusResponse> {
        require("secret_id", secret_id)?;
        self.client
            .call(
                Method::DELETE,
                format!("/api/v2/totp/secrets/{}", segment(secret_id)),
            )
            .send()
            .await
    }

    /// `GET /api/v2/totp/code/{secret_id}` — the current code and the seconds until it
    /// rotates (§20). Returns [`TotpCode`].
    pub async fn code(&self, secret_id: &str) -> Result<TotpCode> {
        require("secret_id", secret_id)?;
        self.client
            .call(
                Method::GET,
                format!("/api/v2/totp/code/{}", segment(secret_id)),
            )
            .send()
            .await
    }
}
