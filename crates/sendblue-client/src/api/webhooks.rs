//! Webhook configuration endpoints (§10). None of the writes is repeated after an unclear
//! failure: a repeated append would add the entries twice.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::models::webhooks::{AddWebhooks, RemoveWebhooks, WebhookSet, WebhooksResponse};
use crate::Client;

const PATH: &str = "/api/account/webhooks";

/// Webhook configuration: reached through [`Client::webhooks`].
#[derive(Debug, Clone, Copy)]
pub struct Webhooks<'c> {
    client: &'c Client,
}

impl Client {
    /// Webhook configuration endpoints (§10).
    pub fn webhooks(&self) -> Webhooks<'_> {
        Webhooks { client: self }
    }
}

impl Webhooks<'_> {
    /// `GET /api/account/webhooks` — every configured webhook by type, and the global secret
    /// (§10.1). Returns the set (types missing from the answer are empty).
    pub async fn list(&self) -> Result<WebhookSet> {
        #[derive(Deserialize)]
        struct Answer {
            #[serde(default)]
            webhooks: Option<WebhookSet>,
        }
        let answer: Answer = self.client.call(Method::GET, PATH).send().await?;
        Ok(answer.webhooks.unwrap_or_default())
    }

    /// `POST /api/account/webhooks` — append entries to one type, optionally setting the
    /// global secret (§10.2). Returns the answer with the (full or partial) set after the
    /// change. At most once.
    pub async fn add(&self, request: &AddWebhooks) -> Result<WebhooksResponse> {
        self.client
            .call(Method::POST, PATH)
            .json(request)
            .send()
            .await
    }

    /// `PUT /api/account/webhooks` — replace every webhook with `set` (§10.3); types left
    /// empty end up empty. Returns the answer with the set after the change.
    pub async fn replace(&self, set: &WebhookSet) -> Result<WebhooksResponse> {
        #[derive(Serialize)]
        struct Body<'a> {
            webhooks: &'a WebhookSet,
        }
        self.client
            .call(Method::PUT, PATH)
            .json(&Body { webhooks: set })
            .send()
            .await
    }

    /// `DELETE /api/account/webhooks` — remove URLs from one type (§10.4); the JSON body is
    /// `{"webhooks":[urls],"type":…}`. Returns `{"status":"OK","message":…}`.
    pub async fn remove(&self, request: &RemoveWebhooks) -> Result<WebhooksResponse> {
        self.client
            .call(Method::DELETE, PATH)
            .json(request)
            .send()
            .await
    }
}
