//! Contacts (§9): the `Contact` object, in both its snake_case and legacy camelCase spellings,
//! and the request bodies of the contacts endpoints.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::common::{null_as_default, Extra, OrderDirection};

/// A contact (§9.0). Decodes the current snake_case fields and the legacy camelCase ones
/// (`firstName`, `sendblueNumber`, `customVariables`, … — §22.5); fields it does not know are
/// kept in `extra`. `tags` and `custom_variables` read as empty when missing or `null`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Contact {
    /// Immutable id (returned by list; used for event recovery).
    #[serde(default, alias = "contactId")]
    pub contact_id: Option<String>,
    /// E.164 number; the natural key used in paths.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub phone: String,
    /// First name.
    #[serde(default, alias = "firstName")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, alias = "lastName")]
    pub last_name: Option<String>,
    /// Company.
    #[serde(default, alias = "companyName")]
    pub company_name: Option<String>,
    /// Seat/user the contact is assigned to.
    #[serde(default, alias = "assignedToEmail")]
    pub assigned_to_email: Option<String>,
    /// The line used to message this contact.
    #[serde(default, alias = "sendblueNumber")]
    pub sendblue_number: Option<String>,
    /// Tags.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<String>))]
    pub tags: Vec<String>,
    /// Custom variables by human-readable label. Numbers and booleans the server may send
    /// read as their text; `null` values are dropped.
    #[serde(
        default,
        alias = "customVariables",
        deserialize_with = "lenient_string_map"
    )]
    #[cfg_attr(feature = "specta", specta(type = BTreeMap<String, String>))]
    pub custom_variables: BTreeMap<String, String>,
    /// SMS opt-out state (the same record keyword opt-outs write).
    #[serde(default, alias = "optOut")]
    pub opt_out: Option<bool>,
    /// Verified (shared/free lines).
    #[serde(default)]
    pub verified: Option<bool>,
    /// Creation time, ISO 8601.
    #[serde(default, alias = "createdAt")]
    pub created_at: Option<String>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Contact {
    /// The key the full walk de-duplicates by: `contact_id`, or the phone when there is none.
    pub fn identity(&self) -> Option<String> {
        match &self.contact_id {
            Some(id) if !id.is_empty() => Some(id.clone()),
            _ if !self.phone.is_empty() => Some(format!("phone:{}", self.phone)),
            _ => None,
        }
    }
}

/// Reads an `object<string,string>` that may be `null` or hold non-string scalars.
pub(crate) fn lenient_string_map<'de, D>(d: D) -> Result<BTreeMap<String, String>, D::Error>
where
    D: Deserializer<'de>,
{
    let raw = Option::<BTreeMap<String, serde_json::Value>>::deserialize(d)?.unwrap_or_default();
    Ok(raw
        .into_iter()
        .filter_map(|(k, v)| match v {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some((k, s)),
            other => Some((k, other.to_string())),
        })
        .collect())
}

crate::open_enum! {
    /// Sort key of the contacts list (§9.1; the guide's values).
    pub enum ContactOrderBy {
        /// Creation time (the default).
        CreatedAt = "created_at",
        /// First name.
        FirstName = "firstName",
        /// Last name.
        LastName = "lastName",
        /// Phone number.
        Phone = "phone",
    }
}

/// Query of `GET /api/v2/contacts` (§9.1). All optional.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ListContacts {
    /// Page size (default 100, at most 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Rows to skip (at most 10,000; use [`crate::api::contacts::Contacts::walk`] to go
    /// further).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    /// Sort key (default `created_at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<ContactOrderBy>,
    /// Sort direction (default `desc`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_direction: Option<OrderDirection>,
    /// Exact phone filter (E.164).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// Filter by contact id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cid: Option<String>,
    /// Created at or after (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at_gte: Option<String>,
}

/// Body of `POST /api/v2/contacts` (§9.4). Deprecated camelCase input names are accepted when
/// decoding (for tools that read bodies), but always sent as snake_case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CreateContact {
    /// E.164 number (the answer calls it `phone`).
    #[serde(alias = "phone_number", alias = "phoneNumber")]
    pub number: String,
    /// First name.
    #[serde(default, alias = "firstName", skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, alias = "lastName", skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Company (not in the SDK's create params, accepted by the API on update and bulk).
    #[serde(
        default,
        alias = "companyName",
        skip_serializing_if = "Option::is_none"
    )]
    pub company_name: Option<String>,
    /// Seat/user to assign the contact to.
    #[serde(
        default,
        alias = "assignedToEmail",
        skip_serializing_if = "Option::is_none"
    )]
    pub assigned_to_email: Option<String>,
    /// Line associated with the contact.
    #[serde(
        default,
        alias = "sendblueNumber",
        skip_serializing_if = "Option::is_none"
    )]
    pub sendblue_number: Option<String>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Custom variables by label; unknown labels are created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_variables: Option<BTreeMap<String, String>>,
    /// `true`: update an existing contact instead of failing with 409.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_if_exists: Option<bool>,
}

impl CreateContact {
    /// A contact with only its number.
    pub fn new(number: impl Into<String>) -> Self {
        Self {
            number: number.into(),
            first_name: None,
            last_name: None,
            company_name: None,
            assigned_to_email: None,
            sendblue_number: None,
            tags: None,
            custom_variables: None,
            update_if_exists: None,
        }
    }
}

/// Body of `PUT /api/v2/contacts/{phone_number}` (§9.5). Only the fields set are changed;
/// `custom_variables` are merged into the existing ones by the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UpdateContact {
    /// First name.
    #[serde(default, alias = "firstName", skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, alias = "lastName", skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Company.
    #[serde(
        default,
        alias = "companyName",
        skip_serializing_if = "Option::is_none"
    )]
    pub company_name: Option<String>,
    /// Seat/user the contact is assigned to.
    #[serde(
        default,
        alias = "assignedToEmail",
        skip_serializing_if = "Option::is_none"
    )]
    pub assigned_to_email: Option<String>,
    /// Line associated with the contact.
    #[serde(
        default,
        alias = "sendblueNumber",
        skip_serializing_if = "Option::is_none"
    )]
    pub sendblue_number: Option<String>,
    /// Tags (replace the existing list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Custom variables, merged into the existing ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_variables: Option<BTreeMap<String, String>>,
    /// Opt the contact out (`true`) or back in (`false`).
    #[serde(default, alias = "optOut", skip_serializing_if = "Option::is_none")]
    pub opt_out: Option<bool>,
}

/// One row of `POST /api/v2/contacts/bulk` (§9.7). The older `{company, firstName, lastName}`
/// spellings are accepted when decoding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BulkContact {
    /// E.164 number (required).
    pub phone: String,
    /// First name.
    #[serde(default, alias = "firstName", skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// Last name.
    #[serde(default, alias = "lastName", skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// Company.
    #[serde(
        default,
        alias = "company",
        alias = "companyName",
        skip_serializing_if = "Option::is_none"
    )]
    pub company_name: Option<String>,
    /// Tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// Custom variables by label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_variables: Option<BTreeMap<String, String>>,
}

impl BulkContact {
    /// A row with only its phone number.
    pub fn new(phone: impl Into<String>) -> Self {
        Self {
            phone: phone.into(),
            first_name: None,
            last_name: None,
            company_name: None,
            tags: None,
            custom_variables: None,
        }
    }
}

/// Answer of the single-contact endpoints: `{"status":"OK","contact":{…}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContactEnvelope {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// The contact.
    pub contact: Contact,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Answer of `POST /api/v2/contacts/bulk`: `{"status":"OK","contacts":[…]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BulkCreateResult {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// The contacts as stored.
    #[serde(default, deserialize_with = "null_as_default")]
    #[cfg_attr(feature = "specta", specta(type = Vec<Contact>))]
    pub contacts: Vec<Contact>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Answer of `DELETE /api/v2/contacts`: `{"status":"OK","amount":2}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BulkDeleteResult {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// How many contacts were actually deleted.
    #[serde(default)]
    pub amount: u64,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Body of `POST /api/v2/contacts/opt-out` (§9.9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OptOut {
    /// E.164 number.
    pub number: String,
    /// `true` opts out (the server's default), `false` opts back in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opted_out: Option<bool>,
}

impl OptOut {
    /// Opt `number` out (`true`) or back in (`false`).
    pub fn new(number: impl Into<String>, opted_out: bool) -> Self {
        Self {
            number: number.into(),
            opted_out: Some(opted_out),
        }
    }
}

/// Answer of `POST /api/v2/contacts/opt-out`: the normalized number and its new state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OptOutResult {
    /// `OK`.
    #[serde(default)]
    pub status: Option<String>,
    /// The number, normalized to E.164.
    #[serde(default)]
    pub number: Option<String>,
    /// The new opt-out state.
    #[serde(default)]
    pub opted_out: Option<bool>,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// `GET /api/v2/contacts/count` answer: `{"count": 42}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContactCount {
    /// How many contacts the account has.
    pub count: u64,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}
