//! Request bodies of the contacts endpoints (§9.4–§9.10), with the deprecated camelCase and
//! older spellings the reference says are accepted, turned into [`ContactFields`].

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::api_error::ApiError;
use crate::routes::contacts_store::ContactFields;
use crate::util::is_e164;

/// `POST /api/v2/contacts` (§9.4). `number` arrives as `number`, `phone_number` or
/// `phoneNumber`.
#[derive(Debug, Deserialize)]
pub struct CreateBody {
    /// E.164 number.
    #[serde(default, alias = "phone_number", alias = "phoneNumber")]
    pub number: Option<String>,
    /// Everything else.
    #[serde(flatten)]
    pub fields: FieldsBody,
    /// `true`: update an existing contact instead of answering 409.
    #[serde(default)]
    pub update_if_exists: Option<bool>,
}

/// The editable fields, shared by create and update (§9.4, §9.5).
#[derive(Debug, Default, Deserialize)]
pub struct FieldsBody {
    #[serde(default, alias = "firstName")]
    first_name: Option<String>,
    #[serde(default, alias = "lastName")]
    last_name: Option<String>,
    #[serde(default, alias = "companyName")]
    company_name: Option<String>,
    #[serde(default, alias = "assignedToEmail")]
    assigned_to_email: Option<String>,
    #[serde(default, alias = "sendblueNumber")]
    sendblue_number: Option<String>,
    #[serde(default)]
    tags: Option<Vec<String>>,
    #[serde(default, alias = "customVariables")]
    custom_variables: Option<Map<String, Value>>,
    #[serde(default, alias = "optOut")]
    opt_out: Option<bool>,
}

impl FieldsBody {
    /// Validated changes. `opt_out` is only honoured where `allow_opt_out` (the update).
    pub fn into_fields(self, allow_opt_out: bool) -> Result<ContactFields, ApiError> {
        if let Some(line) = self.sendblue_number.as_deref() {
            if !line.is_empty() && !is_e164(line) {
                return Err(ApiError::bad_request(
                    "Invalid sendblue_number: use E.164 format, for example +14155550100",
                ));
            }
        }
        Ok(ContactFields {
            first_name: self.first_name,
            last_name: self.last_name,
            company_name: self.company_name,
            assigned_to_email: self.assigned_to_email,
            sendblue_number: self.sendblue_number,
            tags: self.tags,
            custom_variables: self.custom_variables.map(variables).transpose()?,
            opt_out: if allow_opt_out { self.opt_out } else { None },
        })
    }
}

/// Custom variables: strings as given, numbers and booleans as their text, `null` removes
/// the label; arrays and objects are refused.
fn variables(raw: Map<String, Value>) -> Result<BTreeMap<String, Option<String>>, ApiError> {
    raw.into_iter()
        .map(|(label, value)| {
            let text = match value {
                Value::Null => None,
                Value::String(s) => Some(s),
                Value::Number(n) => Some(n.to_string()),
                Value::Bool(b) => Some(b.to_string()),
                _ => {
                    return Err(ApiError::bad_request(format!(
                        "custom_variables.{label} must be a string"
                    )))
                }
            };
            Ok((label, text))
        })
        .collect()
}

/// One row of `POST /api/v2/contacts/bulk` (§9.7): the current spelling and the older
/// `{phone, company, firstName, lastName, tags}` one.
#[derive(Debug, Deserialize)]
pub struct BulkItem {
    /// E.164 number (required).
    #[serde(default, alias = "number", alias = "phone_number")]
    pub phone: Option<String>,
    #[serde(default, alias = "firstName")]
    first_name: Option<String>,
    #[serde(default, alias = "lastName")]
    last_name: Option<String>,
    #[serde(default, alias = "company", alias = "companyName")]
    company_name: Option<String>,
    #[serde(default)]
    tags: Option<Vec<String>>,
    #[serde(default, alias = "customVariables")]
    custom_variables: Option<Map<String, Value>>,
}

/// The largest batch `POST /api/v2/contacts/bulk` and `DELETE /api/v2/contacts` take.
pub const BULK_CAP: usize = 1000;

/// Validates every row of a bulk body before anything is written, so a bad row fails the
/// whole request (400 naming its index) and a client never has half a batch.
pub fn bulk_rows(rows: Vec<Value>) -> Result<Vec<(String, ContactFields)>, ApiError> {
    if rows.len() > BULK_CAP {
        return Err(ApiError::bad_request(format!(
            "Too many contacts: at most {BULK_CAP} per request, got {}",
            rows.len()
        )));
    }
    rows.into_iter()
        .enumerate()
        .map(|(i, raw)| {
            let at = |message: String| ApiError::bad_request(format!("contacts[{i}]: {message}"));
            let item: BulkItem =
                serde_json::from_value(raw).map_err(|e| at(format!("invalid contact: {e}")))?;
            let phone = match item.phone.as_deref().map(str::trim) {
                None | Some("") => return Err(at("Missing fields: phone".into())),
                Some(p) if !is_e164(p) => {
                    return Err(at(format!(
                        "Invalid phone number {p:?}: use E.164 format, for example +14155550123"
                    )))
                }
                Some(p) => p.to_owned(),
            };
            let fields = FieldsBody {
                first_name: item.first_name,
                last_name: item.last_name,
                company_name: item.company_name,
                tags: item.tags,
                custom_variables: item.custom_variables,
                ..FieldsBody::default()
            }
            .into_fields(false)
            .map_err(|e| at(e.message))?;
            Ok((phone, fields))
        })
        .collect()
}

/// `POST /api/v2/contacts/opt-out` (§9.9).
#[derive(Debug, Deserialize)]
pub struct OptOutBody {
    /// The number (normalized to E.164).
    #[serde(default)]
    pub number: Option<String>,
    /// Default `true`; `false` opts back in.
    #[serde(default, alias = "optedOut")]
    pub opted_out: Option<bool>,
}

/// `POST /api/v2/contacts/verify` (§9.10).
#[derive(Debug, Deserialize)]
pub struct NumberBody {
    /// E.164 number.
    #[serde(default)]
    pub number: Option<String>,
}

/// `DELETE /api/v2/contacts` (§9.8): phone numbers despite the name.
#[derive(Debug, Deserialize)]
pub struct BulkDeleteBody {
    /// E.164 numbers to delete.
    #[serde(default)]
    pub contact_ids: Option<Vec<String>>,
}

/// `POST /api/v2/contacts/bulk` (§9.7).
#[derive(Debug, Deserialize)]
pub struct BulkBody {
    /// The rows, validated one by one by [`bulk_rows`].
    #[serde(default)]
    pub contacts: Option<Vec<Value>>,
}
