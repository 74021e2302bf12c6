//! Webhook configuration (§10): the nine webhook types, entries that are a URL or an object,
//! and the per-type set the account holds. Delivery payloads (what Sendblue POSTs to a
//! receiver, §11) are in [`super::webhook_payloads`].

use serde::{Deserialize, Serialize};

use super::common::{null_as_default, Extra};

crate::open_enum! {
    /// Webhook types (§11.1).
    pub enum WebhookType {
        /// Inbound messages (1:1 or group), location shares and App Card states.
        Receive = "receive",
        /// Status changes of outbound messages.
        Outbound = "outbound",
        /// A contact starts or stops typing (1:1 iMessage).
        TypingIndicator = "typing_indicator",
        /// A call record (inbound or outbound).
        CallLog = "call_log",
        /// An inbound call on a line.
        InboundCall = "inbound_call",
        /// A line was blocked.
        LineBlocked = "line_blocked",
        /// A line was assigned to the account.
        LineAssigned = "line_assigned",
        /// A contact was created.
        ContactCreated = "contact_created",
        /// A contact-sharing profile publication finished or failed.
        ContactProfile = "contact_profile",
    }
}

/// A webhook given as an object (`WebhookConfiguration`, §10).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WebhookConfig {
    /// Where deliveries go (HTTPS).
    pub url: String,
    /// Per-webhook secret, echoed in the `sb-signing-secret` header of deliveries. A plain
    /// string here; the app masks it on screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// `receive` webhooks only: deliver only messages received by these lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sendblue_numbers: Option<Vec<String>>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl WebhookConfig {
    /// A webhook with only its URL.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            secret: None,
            sendblue_numbers: None,
            extra: Extra::new(),
        }
    }
}

/// One configured webhook: a bare URL string or an object. Serializes back in the form it
/// came in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum WebhookEntry {
    /// A plain URL.
    Url(String),
    /// A URL with a secret and/or line filter.
    Config(WebhookConfig),
}

impl WebhookEntry {
    /// The URL, whichever the form.
    pub fn url(&self) -> &str {
        match self {
            WebhookEntry::Url(url) => url,
            WebhookEntry::Config(c) => &c.url,
        }
    }

    /// The per-webhook secret, when set.
    pub fn secret(&self) -> Option<&str> {
        match self {
            WebhookEntry::Url(_) => None,
            WebhookEntry::Config(c) => c.secret.as_deref(),
        }
    }

    /// The lines a `receive` webhook is limited to (empty: all lines).
    pub fn sendblue_numbers(&self) -> &[String] {
        match self {
            WebhookEntry::Url(_) => &[],
            WebhookEntry::Config(c) => c.sendblue_numbers.as_deref().unwrap_or(&[]),
        }
    }
}

impl From<&str> for WebhookEntry {
    fn from(url: &str) -> Self {
        WebhookEntry::Url(url.to_owned())
    }
}

impl From<String> for WebhookEntry {
    fn from(url: String) -> Self {
        WebhookEntry::Url(url)
    }
}

impl From<WebhookConfig> for WebhookEntry {
    fn from(config: WebhookConfig) -> Self {
        WebhookEntry::Config(config)
    }
}

/// The account's webhooks by type, plus the account-wide secret (§10). Used in answers and
/// as the body of the full replacement (`PUT`). Types missing from an answer read as empty;
/// types this client does not know stay in `extra`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WebhookSet {
    /// Inbound messages.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<WebhookEntry>))]
    pub receive: Vec<WebhookEntry>,
    /// Outbound status changes.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<WebhookEntry>))]
    pub outbound: Vec<WebhookEntry>,
    /// Typing indicators.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<WebhookEntry>))]
    pub typing_indicator: Vec<WebhookEntry>,
    /// Call records.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<WebhookEntry>))]
    pub call_log: Vec<WebhookEntry>,
    /// Inbound calls.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<WebhookEntry>))]
    pub inbound_call: Vec<WebhookEntry>,
    /// Blocked lines.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<WebhookEntry>))]
    pub line_blocked: Vec<WebhookEntry>,
    /// Assigned lines.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<WebhookEntry>))]
    pub line_assigned: Vec<WebhookEntry>,
    /// Created contacts.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<WebhookEntry>))]
    pub contact_created: Vec<WebhookEntry>,
    /// Contact-sharing profile results.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<WebhookEntry>))]
    pub contact_profile: Vec<WebhookEntry>,
    /// Account-wide secret, used when a webhook has none of its own.
    #[serde(
        default,
        rename = "globalSecret",
        skip_serializing_if = "Option::is_none"
    )]
    pub global_secret: Option<String>,
    /// Anything else the server sent (types added later, for instance).
    #[serde(flatten)]
    pub extra: Extra,
}

impl WebhookSet {
    /// The entries of one known type (`Unknown` types have none here; see `extra`).
    pub fn entries(&self, kind: &WebhookType) -> &[WebhookEntry] {
        match kind {
            WebhookType::Receive => &self.receive,
            WebhookType::Outbound => &self.outbound,
            WebhookType::TypingIndicator => &self.typing_indicator,
            WebhookType::CallLog => &self.call_log,
            WebhookType::InboundCall => &self.inbound_call,
            WebhookType::LineBlocked => &self.line_blocked,
            WebhookType::LineAssigned => &self.line_assigned,
            WebhookType::ContactCreated => &self.contact_created,
            WebhookType::ContactProfile => &self.contact_profile,
            WebhookType::Unknown(_) => &[],
        }
    }

    /// The entries of one known type, to edit before a replacement. `None` for `Unknown`.
    pub fn entries_mut(&mut self, kind: &WebhookType) -> Option<&mut Vec<WebhookEntry>> {
        Some(match kind {
            WebhookType::Receive => &mut self.receive,
            WebhookType::Outbound => &mut self.outbound,
            WebhookType::TypingIndicator => &mut self.typing_indicator,
            WebhookType::CallLog => &mut self.call_log,
            WebhookType::InboundCall => &mut self.inbound_call,
            WebhookType::LineBlocked => &mut self.line_blocked,
            WebhookType::LineAssigned => &mut self.line_assigned,
            WebhookType::ContactCreated => &mut self.contact_created,
            WebhookType::ContactProfile => &mut self.contact_profile,
            WebhookType::Unknown(_) => return None,
        })
    }

    /// Every entry with its type, in the order of §11.1 (the CLI's flat listing).
    pub fn iter(&self) -> impl Iterator<Item = (WebhookType, &WebhookEntry)> + '_ {
        WebhookType::KNOWN.iter().flat_map(move |name| {
            let kind: WebhookType = name.parse().unwrap_or_else(|n| match n {});
            let entries = self.entries(&kind);
            entries.iter().map(move |e| (kind.clone(), e))
        })
    }
}

/// Answer of every webhook endpoint: `{"status":"OK","message":"…","webhooks":{…}}`. The
/// set may be full or partial (after an append) or absent (after a removal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WebhooksResponse {
    /// `OK` (older revisions may say `ERROR` with a 200).
    #[serde(default)]
    pub status: Option<String>,
    /// A human-readable note.
    #[serde(default)]
    pub message: Option<String>,
    /// The webhooks after the change.
    #[serde(default)]
    pub webhooks: Option<WebhookSet>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `POST /api/account/webhooks` (§10.2): entries appended to one type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AddWebhooks {
    /// Entries to append (existing ones are kept).
    pub webhooks: Vec<WebhookEntry>,
    /// The type to append to. Always sent; [`AddWebhooks::new`] uses `receive`, the
    /// server's default.
    #[serde(rename = "type")]
    pub webhook_type: WebhookType,
    /// Sets the account-wide secret.
    #[serde(
        default,
        rename = "globalSecret",
        skip_serializing_if = "Option::is_none"
    )]
    pub global_secret: Option<String>,
}

impl AddWebhooks {
    /// Append `entries` to the `receive` webhooks.
    pub fn new(entries: Vec<WebhookEntry>) -> Self {
        Self::for_type(WebhookType::Receive, entries)
    }

    /// Append `entries` to the webhooks of `webhook_type`.
    pub fn for_type(webhook_type: WebhookType, entries: Vec<WebhookEntry>) -> Self {
        Self {
            webhooks: entries,
            webhook_type,
            global_secret: None,
        }
    }
}

/// Body of `DELETE /api/account/webhooks` (§10.4): URLs removed from one type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RemoveWebhooks {
    /// URLs to remove.
    pub webhooks: Vec<String>,
    /// The type to remove them from. Always sent ([`RemoveWebhooks::new`] uses `receive`), so
    /// nothing depends on the server's undocumented default.
    #[serde(rename = "type")]
    pub webhook_type: WebhookType,
}

impl RemoveWebhooks {
    /// Remove `urls` from the `receive` webhooks.
    pub fn new(urls: Vec<String>) -> Self {
        Self::for_type(WebhookType::Receive, urls)
    }

    /// Remove `urls` from the webhooks of `webhook_type`.
    pub fn for_type(webhook_type: WebhookType, urls: Vec<String>) -> Self {
        Self {
            webhooks: urls,
            webhook_type,
        }
    }
}
