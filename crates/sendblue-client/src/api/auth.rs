//! Temporary bearer tokens (§13.5). Both calls need live key-pair credentials: test keys and
//! bearer tokens cannot mint or revoke tokens.

use reqwest::Method;

use crate::error::Result;
use crate::models::auth::{CreateTokenRequest, TokenResponse};
use crate::path::segment;
use crate::Client;

/// Token minting and revocation: reached through [`Client::auth`].
#[derive(Debug, Clone, Copy)]
pub struct Auth<'c> {
    client: &'c Client,
}

impl Client {
    /// Temporary bearer token endpoints (§13.5).
    pub fn auth(&self) -> Auth<'_> {
        Auth { client: self }
    }
}

impl Auth<'_> {
    /// `POST /v3/auth/tokens` — mint a short-lived bearer token (§13.5). Returns the token
    /// (in a [`crate::Secret`]), its id for revocation, expiry and scope.
    ///
    /// Fails with `Error::Validation` before sending when both `phone_number` and
    /// `phone_numbers` are set. Sent at most once: a token may have been minted even when no
    /// answer arrived, so it is never repeated blindly.
    pub async fn create_token(&self, request: &CreateTokenRequest) -> Result<TokenResponse> {
        request.validate()?;
        self.client
            .call(Method::POST, "/v3/auth/tokens")
            .json(request)
            .send()
            .await
    }

    /// `DELETE /v3/auth/tokens/{token_id}` — revoke a temporary token (§13.5). The answer has
    /// no body; returns `()` on success.
    pub async fn revoke_token(&self, token_id: &str) -> Result<()> {
        self.client
            .call(
                Method::DELETE,
                format!("/v3/auth/tokens/{}", segment(token_id)),
            )
            .send_empty()
            .await
    }
}
