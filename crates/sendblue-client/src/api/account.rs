//! The account probe (§13.6).

use reqwest::Method;

use crate::error::Result;
use crate::models::account::AccountInfo;
use crate::Client;

/// The account probe: reached through [`Client::account`].
#[derive(Debug, Clone, Copy)]
pub struct Account<'c> {
    client: &'c Client,
}

impl Client {
    /// Account probe endpoint (§13.6).
    pub fn account(&self) -> Account<'_> {
        Account { client: self }
    }
}

impl Account<'_> {
    /// `GET /account` — check the credentials and read the account's email and plan (§13.6).
    /// Returns [`AccountInfo`]; a 401 means the key pair is wrong.
    pub async fn get(&self) -> Result<AccountInfo> {
        self.client.call(Method::GET, "/account").send().await
    }
}
