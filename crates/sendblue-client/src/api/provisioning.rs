//! Line provisioning and subaccounts (§14). Every call here that creates something — a
//! purchase, a ticket, a subaccount — is sent at most once: none is ever repeated blindly.

use reqwest::Method;

use crate::error::Result;
use crate::models::common::DataOrBare;
use crate::models::provisioning::{
    AddLineRequest, ChildAccount, ChildAccountRequest, LineRequestTicket, ProvisionConfirmRequest,
    ProvisionConfirmation, ProvisionPreview,
};
use crate::path::segment;
use crate::Client;

/// Line purchase, line-request tickets and subaccounts: reached through
/// [`Client::provisioning`].
#[derive(Debug, Clone, Copy)]
pub struct Provisioning<'c> {
    client: &'c Client,
}

impl Client {
    /// Line provisioning and subaccount endpoints (§14).
    pub fn provisioning(&self) -> Provisioning<'_> {
        Provisioning { client: self }
    }
}

impl Provisioning<'_> {
    /// `POST /accounts/lines/provision-preview` — check eligibility and availability and get a
    /// single-use preview token, valid ten minutes (§14.1). Sends no body; returns
    /// [`ProvisionPreview`]. Nothing is charged yet.
    pub async fn preview(&self) -> Result<ProvisionPreview> {
        self.client
            .call(Method::POST, "/accounts/lines/provision-preview")
            .send()
            .await
    }

    /// `POST /accounts/lines/provision-confirm` — consume the preview token, charge the card
    /// on file and provision the line (§14.1). Returns [`ProvisionConfirmation`].
    ///
    /// This is a charge: it is sent at most once and never repeated, even after a timeout
    /// (the purchase may have gone through; check the account's lines before trying again
    /// with a new preview).
    pub async fn confirm(&self, preview_token: &str) -> Result<ProvisionConfirmation> {
        let wire: DataOrBare<ProvisionConfirmation> = self
            .client
            .call(Method::POST, "/accounts/lines/provision-confirm")
            .json(&ProvisionConfirmRequest::new(preview_token))
            .send()
            .await?;
        let (status, mut confirmation) = wire.into_parts();
        if confirmation.status.is_none() {
            confirmation.status = status;
        }
        Ok(confirmation)
    }

    /// `POST /accounts/lines/add-line` — open a line-request ticket (deprecated ticket flow,
    /// §14.2). Returns the [`LineRequestTicket`] (status `OPEN`). Fails with
    /// `Error::Validation` before sending when `desired_area_code` is not 3 or 5 digits.
    pub async fn add_line(&self, request: &AddLineRequest) -> Result<LineRequestTicket> {
        request.validate()?;
        let wire: DataOrBare<LineRequestTicket> = self
            .client
            .call(Method::POST, "/accounts/lines/add-line")
            .json(request)
            .send()
            .await?;
        Ok(wire.into_parts().1)
    }

    /// `GET /accounts/lines/line-request/{lineRequestTicketId}` — read a line-request ticket
    /// (§14.2). Returns the [`LineRequestTicket`], with `fulfilledNumber` once fulfilled.
    pub async fn line_request(&self, ticket_id: u64) -> Result<LineRequestTicket> {
        let path = format!(
            "/accounts/lines/line-request/{}",
            segment(&ticket_id.to_string())
        );
        let wire: DataOrBare<LineRequestTicket> =
            self.client.call(Method::GET, path).send().await?;
        Ok(wire.into_parts().1)
    }

    /// `POST /accounts/lines/request-child-account` — create a subaccount (§14.3, agency
    /// accounts only; others get 403). Returns the [`ChildAccount`], whose
    /// `api_secret_key` is a [`crate::Secret`]. Sent at most once. Fails with
    /// `Error::Validation` before sending on a blank name/email or a malformed area code.
    pub async fn request_child_account(
        &self,
        request: &ChildAccountRequest,
    ) -> Result<ChildAccount> {
        request.validate()?;
        let wire: DataOrBare<ChildAccount> = self
            .client
            .call(Method::POST, "/accounts/lines/request-child-account")
            .json(request)
            .send()
            .await?;
        let (status, mut account) = wire.into_parts();
        if account.status.is_none() {
            account.status = status;
        }
        Ok(account)
    }
}
