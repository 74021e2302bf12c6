//! One raw row → the contact to send (with its E.164 number), or the reason it can't be.
//!
//! Every cell loses the `'` a formula-safe export puts before `=`, `+`, `-`, `@` (so the
//! console's own exports re-import unchanged) and its surrounding spaces. Text longer than the
//! limits below is cut, with a note — never an error.

use std::collections::BTreeMap;

use sendblue_client::models::contacts::BulkContact;

use super::mapping::{ColumnMapping, ColumnRole, EMAIL_LABEL};
use super::phone::{normalize_phone, DefaultCountry, PhoneCheck};
use super::source::RawRow;
use crate::error::AppResult;

/// Longest first name, last name or company kept.
pub const MAX_NAME_CHARS: usize = 255;
/// Longest custom-variable value kept.
pub const MAX_VALUE_CHARS: usize = 1000;
/// Longest tag kept.
pub const MAX_TAG_CHARS: usize = 100;
/// Most tags kept per contact.
pub const MAX_TAGS: usize = 50;

/// The result of checking one row.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedRow {
    /// Its number in the file.
    pub row: u64,
    /// The phone cell as given.
    pub given_phone: String,
    /// Ready to send, or invalid.
    pub outcome: Prepared,
    /// What was fixed or cut, in plain words.
    pub notes: Vec<String>,
}

/// Ready or not.
#[derive(Debug, Clone, PartialEq)]
pub enum Prepared {
    /// The contact to send; its `phone` is E.164.
    Ready(BulkContact),
    /// Why the row can't be imported.
    Invalid(String),
}

/// Checks rows against one mapping and default country.
#[derive(Debug, Clone)]
pub struct RowPreparer {
    mapping: ColumnMapping,
    phone: usize,
    country: DefaultCountry,
}

impl RowPreparer {
    /// A preparer for `mapping` (checked first) with numbers lacking a country code in
    /// `country`.
    pub fn new(mapping: &ColumnMapping, country: DefaultCountry) -> AppResult<Self> {
        mapping.validate()?;
        let phone = mapping.phone_index().unwrap_or(0);
        Ok(Self {
            mapping: mapping.clone(),
            phone,
            country,
        })
    }

    /// Checks one row.
    pub fn prepare(&self, raw: &RawRow) -> PreparedRow {
        let given_phone = raw.cells.get(self.phone).cloned().unwrap_or_default();
        let mut notes = Vec::new();
        let done = |outcome, notes| PreparedRow {
            row: raw.row,
            given_phone: given_phone.clone(),
            outcome,
            notes,
        };
        if raw.cells.iter().all(|c| c.trim().is_empty()) && raw.extras.is_empty() {
            return done(Prepared::Invalid("empty row".into()), notes);
        }
        let e164 = match normalize_phone(&given_phone, &self.country) {
            PhoneCheck::Valid { e164 } => e164,
            PhoneCheck::Fixed { e164, fixes } => {
                notes.extend(fixes);
                e164
            }
            PhoneCheck::Invalid { reason } => return done(Prepared::Invalid(reason), notes),
        };
        let mut contact = BulkContact::new(e164);
        let mut full_name = None;
        let mut tags: Vec<String> = Vec::new();
        let mut vars = BTreeMap::new();
        for (i, column) in self.mapping.columns.iter().enumerate() {
            let Some(cell) = raw.cells.get(i) else {
                continue;
            };
            let value = clean_cell(cell);
            if value.is_empty() {
                continue;
            }
            let header = column.header.as_str();
            match &column.role {
                ColumnRole::Phone | ColumnRole::Ignore => {}
                ColumnRole::FirstName => {
                    contact.first_name = Some(cut(value, MAX_NAME_CHARS, "First name", &mut notes))
                }
                ColumnRole::LastName => {
                    contact.last_name = Some(cut(value, MAX_NAME_CHARS, "Last name", &mut notes))
                }
                ColumnRole::Company => {
                    contact.company_name = Some(cut(value, MAX_NAME_CHARS, "Company", &mut notes))
                }
                ColumnRole::FullName => {
                    full_name = Some(cut(value, MAX_NAME_CHARS * 2, header, &mut notes))
                }
                ColumnRole::Email => {
                    vars.insert(
                        EMAIL_LABEL.to_owned(),
                        cut(value, MAX_VALUE_CHARS, header, &mut notes),
                    );
                }
                ColumnRole::Tags => tags.extend(split_tags(&value)),
                ColumnRole::Custom { label } => {
                    vars.insert(
                        label.trim().to_owned(),
                        cut(value, MAX_VALUE_CHARS, label, &mut notes),
                    );
                }
            }
        }
        for (label, value) in &raw.extras {
            let value = clean_cell(value);
            if !value.is_empty() && !vars.contains_key(label) {
                let value = cut(value, MAX_VALUE_CHARS, label, &mut notes);
                vars.insert(label.clone(), value);
            }
        }
        if let Some(name) = full_name {
            if contact.first_name.is_none() && contact.last_name.is_none() {
                let (first, last) = split_name(&name);
                contact.first_name =
                    first.map(|f| cut(f, MAX_NAME_CHARS, "First name", &mut notes));
                contact.last_name = last.map(|l| cut(l, MAX_NAME_CHARS, "Last name", &mut notes));
            }
        }
        let tags = tidy_tags(tags, &mut notes);
        if !tags.is_empty() {
            contact.tags = Some(tags);
        }
        if !vars.is_empty() {
            contact.custom_variables = Some(vars);
        }
        done(Prepared::Ready(contact), notes)
    }
}

/// Trims a cell and drops the `'` a formula-safe export adds before `=`, `+`, `-`, `@`, tab
/// and carriage return.
pub fn clean_cell(cell: &str) -> String {
    let trimmed = cell.trim();
    if let Some(rest) = trimmed.strip_prefix('\'') {
        if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            return rest.trim().to_owned();
        }
    }
    trimmed.to_owned()
}

/// `value` cut to `max` characters, noting it.
fn cut(value: String, max: usize, what: &str, notes: &mut Vec<String>) -> String {
    if value.chars().count() <= max {
        return value;
    }
    notes.push(format!("cut {what} to {max} characters"));
    value.chars().take(max).collect()
}

/// "Ada Lovelace" → (Ada, Lovelace); "Lovelace, Ada" → (Ada, Lovelace); "Ada" → (Ada, –).
pub fn split_name(name: &str) -> (Option<String>, Option<String>) {
    let some = |s: &str| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_owned())
    };
    if let Some((last, first)) = name.split_once(',') {
        return (some(first), some(last));
    }
    match name.trim().split_once(char::is_whitespace) {
        Some((first, last)) => (some(first), some(last)),
        None => (some(name), None),
    }
}

/// Tags split on `;` when the cell has one, else on `,`.
pub fn split_tags(cell: &str) -> Vec<String> {
    let sep = if cell.contains(';') { ';' } else { ',' };
    cell.split(sep)
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

/// Drops repeated tags (ignoring case), cuts long ones, keeps at most [`MAX_TAGS`].
fn tidy_tags(tags: Vec<String>, notes: &mut Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = cut(tag, MAX_TAG_CHARS, "a tag", notes);
        if !out.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
            out.push(tag);
        }
    }
    if out.len() > MAX_TAGS {
        notes.push(format!("kept the first {MAX_TAGS} tags"));
        out.truncate(MAX_TAGS);
    }
    out
}
