//! Lines endpoints (§13.1–13.3).

use reqwest::Method;
use serde::Deserialize;

use crate::api::list_shape::decode_list;
use crate::error::Result;
use crate::models::lines::{CallForwarding, LineStateSnapshot, SetCallForwarding};
use crate::path::segment;
use crate::Client;

/// Lines: reached through [`Client::lines`].
#[derive(Debug, Clone, Copy)]
pub struct Lines<'c> {
    client: &'c Client,
}

impl Client {
    /// Lines endpoints (§13.1–13.3).
    pub fn lines(&self) -> Lines<'_> {
        Lines { client: self }
    }
}

/// A row of the numbers list: a number, or (defensively) an object holding one.
#[derive(Deserialize)]
#[serde(untagged)]
enum NumberRow {
    Number(String),
    Object {
        #[serde(alias = "number", alias = "phone_number")]
        sendblue_number: String,
    },
}

impl Lines<'_> {
    /// `GET /api/lines` — the account's Sendblue numbers usable as `from_number` (§13.1).
    /// Returns the E.164 numbers; reads `{"numbers":[…]}` (the CLI's shape), a bare array or
    /// `{"lines":[…]}`.
    pub async fn list(&self) -> Result<Vec<String>> {
        let (status, bytes) = self
            .client
            .call(Method::GET, "/api/lines")
            .send_bytes()
            .await?;
        let rows: Vec<NumberRow> = decode_list(status, &bytes, &["numbers", "lines", "data"])?;
        Ok(rows
            .into_iter()
            .map(|row| match row {
                NumberRow::Number(n) | NumberRow::Object { sendblue_number: n } => n,
            })
            .collect())
    }

    /// `GET /api/v2/lines/state` — membership and health of every line (§13.2). Returns the
    /// snapshot. Accounts without the feature answer 403/404 (`Forbidden` / `NotFound`).
    pub async fn state(&self) -> Result<LineStateSnapshot> {
        self.client
            .call(Method::GET, "/api/v2/lines/state")
            .send()
            .await
    }

    /// `GET /api/lines/{sendblue_number}/call-forwarding` — where the line's inbound calls
    /// go (§13.3). Returns the setting (`forwarding_number` is `None` when unset).
    pub async fn call_forwarding(&self, sendblue_number: &str) -> Result<CallForwarding> {
        self.client
            .call(Method::GET, forwarding_path(sendblue_number))
            .send()
            .await
    }

    /// `PUT /api/lines/{sendblue_number}/call-forwarding` — forward the line's inbound calls
    /// (§13.3). Returns the setting as stored (number normalized to E.164).
    pub async fn set_call_forwarding(
        &self,
        sendblue_number: &str,
        forwarding_number: &str,
    ) -> Result<CallForwarding> {
        self.client
            .call(Method::PUT, forwarding_path(sendblue_number))
            .json(&SetCallForwarding::new(forwarding_number))
            .send()
            .await
    }

    /// `DELETE /api/lines/{sendblue_number}/call-forwarding` — stop forwarding (§13.3);
    /// succeeds even when nothing was set. Returns the setting with `forwarding_number: None`.
    pub async fn clear_call_forwarding(&self, sendblue_number: &str) -> Result<CallForwarding> {
        self.client
            .call(Method::DELETE, forwarding_path(sendblue_number))
            .send()
            .await
    }
}

fn forwarding_path(sendblue_number: &str) -> String {
    format!("/api/lines/{}/call-forwarding", segment(sendblue_number))
}
