//! Contacts in the database: the `Contact` object as the API emits it (§9.0, snake_case), and
//! the reads and writes the contacts endpoints, bulk upserts and seeding share. Nothing here
//! emits: writers return the notice to emit once their transaction has committed.

use std::collections::BTreeMap;

use rusqlite::{params, params_from_iter, Connection, OptionalExtension};
use serde_json::{json, Value};

use crate::domain::{contact_created_notice, new_contact_id, set_opted_out};
use crate::notify::Notice;
use crate::store::Store;
use crate::util::now_iso;

/// Changes to a contact: `None` leaves a field as it is. In `custom_variables` a `None`
/// value removes that label (the map is merged into the existing one, never replacing it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactFields {
    /// First name.
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// Company.
    pub company_name: Option<String>,
    /// Seat the contact is assigned to.
    pub assigned_to_email: Option<String>,
    /// The line associated with the contact.
    pub sendblue_number: Option<String>,
    /// Tags; replace the existing list.
    pub tags: Option<Vec<String>>,
    /// Custom variables merged into the existing ones.
    pub custom_variables: Option<BTreeMap<String, Option<String>>>,
    /// Writes the shared opt-out record of the number (§9.11).
    pub opt_out: Option<bool>,
}

/// The columns [`row_json`] reads, in order; `o.opted_out` comes from the opt-out record.
const SELECT: &str = "SELECT c.contact_id, c.phone, c.first_name, c.last_name, c.company_name,
        c.assigned_to_email, c.sendblue_number, c.tags, c.custom_variables,
        COALESCE(o.opted_out, 0), c.verified, c.created_at
    FROM contacts c LEFT JOIN opt_outs o ON o.phone = c.phone";

/// One row of [`SELECT`] as the API's contact object.
fn row_json(r: &rusqlite::Row<'_>) -> rusqlite::Result<Value> {
    let tags: String = r.get(7)?;
    let vars: String = r.get(8)?;
    Ok(json!({
        "contact_id": r.get::<_, String>(0)?,
        "phone": r.get::<_, String>(1)?,
        "first_name": r.get::<_, String>(2)?,
        "last_name": r.get::<_, String>(3)?,
        "company_name": r.get::<_, String>(4)?,
        "assigned_to_email": r.get::<_, String>(5)?,
        "sendblue_number": r.get::<_, String>(6)?,
        "tags": serde_json::from_str::<Value>(&tags).unwrap_or_else(|_| json!([])),
        "custom_variables": serde_json::from_str::<Value>(&vars).unwrap_or_else(|_| json!({})),
        "opt_out": r.get::<_, bool>(9)?,
        "verified": r.get::<_, bool>(10)?,
        "created_at": r.get::<_, String>(11)?,
    }))
}

/// The contact with this phone number as the API emits it (§9.0), `opt_out` read from the
/// shared opt-out record. `None` when there is no such contact.
pub fn contact_json(conn: &Connection, phone: &str) -> rusqlite::Result<Option<Value>> {
    // Cached: bulk answers read a thousand contacts in a row.
    conn.prepare_cached(&format!("{SELECT} WHERE c.phone = ?1"))?
        .query_row([phone], row_json)
        .optional()
}

/// Whether a contact with this phone number exists.
pub fn exists(conn: &Connection, phone: &str) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM contacts WHERE phone = ?1")?
        .query_row([phone], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Sort keys of the list (§9.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderBy {
    /// Creation time (the default).
    CreatedAt,
    /// First name.
    FirstName,
    /// Last name.
    LastName,
    /// Phone number.
    Phone,
}

impl OrderBy {
    /// Reads the guide's values and their snake_case/camelCase spellings.
    pub fn parse(raw: &str) -> Option<Self> {
        Some(match raw {
            "created_at" | "createdAt" => Self::CreatedAt,
            "firstName" | "first_name" => Self::FirstName,
            "lastName" | "last_name" => Self::LastName,
            "phone" => Self::Phone,
            _ => return None,
        })
    }

    fn column(self) -> &'static str {
        match self {
            Self::CreatedAt => "c.created_at",
            Self::FirstName => "c.first_name",
            Self::LastName => "c.last_name",
            Self::Phone => "c.phone",
        }
    }
}

/// A list query, already validated and clamped.
#[derive(Debug, Clone, PartialEq)]
pub struct ListQuery {
    /// Page size, 1..=1000.
    pub limit: i64,
    /// Rows skipped, 0..=10 000.
    pub offset: i64,
    /// Sort key.
    pub order_by: OrderBy,
    /// Ascending when true.
    pub ascending: bool,
    /// Exact phone filter.
    pub phone: Option<String>,
    /// Contact id filter.
    pub cid: Option<String>,
    /// `created_at >=` this, in the stored ISO form.
    pub created_at_gte: Option<String>,
}

/// One page of contacts. Ties on the sort key are broken by creation order (`seq`, in the
/// same direction), so the order is total and paging never skips or repeats a row.
pub fn list(conn: &Connection, q: &ListQuery) -> rusqlite::Result<Vec<Value>> {
    let mut filters = Vec::new();
    let mut args: Vec<String> = Vec::new();
    for (column, value) in [
        ("c.phone = ?", &q.phone),
        ("c.contact_id = ?", &q.cid),
        ("c.created_at >= ?", &q.created_at_gte),
    ] {
        if let Some(v) = value {
            filters.push(column);
            args.push(v.clone());
        }
    }
    let filter = if filters.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", filters.join(" AND "))
    };
    let dir = if q.ascending { "ASC" } else { "DESC" };
    let sql = format!(
        "{SELECT}{filter} ORDER BY {col} {dir}, c.seq {dir} LIMIT {limit} OFFSET {offset}",
        col = q.order_by.column(),
        limit = q.limit,
        offset = q.offset,
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(args.iter()), row_json)?;
    rows.collect()
}

/// How many contacts the account has.
pub fn count(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT COUNT(*) FROM contacts", [], |r| r.get(0))
}

/// Creates the contact `phone` with `fields` (it must not exist). Returns the
/// `contact.created` notice to emit after commit.
pub fn insert(conn: &Connection, phone: &str, fields: &ContactFields) -> rusqlite::Result<Notice> {
    let id = new_contact_id();
    let created_at = now_iso();
    let seq = Store::next_seq(conn, "contact_seq")?;
    let vars: BTreeMap<&String, &String> = fields
        .custom_variables
        .iter()
        .flatten()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
        .collect();
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    conn.prepare_cached(
        "INSERT INTO contacts (contact_id, phone, first_name, last_name, company_name,
            assigned_to_email, sendblue_number, tags, custom_variables, created_at, seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        id,
        phone,
        text(&fields.first_name),
        text(&fields.last_name),
        text(&fields.company_name),
        text(&fields.assigned_to_email),
        text(&fields.sendblue_number),
        json!(fields.tags.clone().unwrap_or_default()).to_string(),
        json!(vars).to_string(),
        created_at,
        seq,
    ])?;
    if let Some(opted_out) = fields.opt_out {
        set_opted_out(conn, phone, opted_out)?;
    }
    Ok(contact_created_notice(
        &id,
        phone,
        &text(&fields.first_name),
        &text(&fields.last_name),
        &created_at,
    ))
}

/// Applies `fields` to the existing contact `phone`. Returns false when there is none.
pub fn update(conn: &Connection, phone: &str, fields: &ContactFields) -> rusqlite::Result<bool> {
    let current: Option<String> = conn
        .prepare_cached("SELECT custom_variables FROM contacts WHERE phone = ?1")?
        .query_row([phone], |r| r.get(0))
        .optional()?;
    let Some(current_vars) = current else {
        return Ok(false);
    };
    let mut sets: Vec<&str> = Vec::new();
    let mut args: Vec<String> = Vec::new();
    for (column, value) in [
        ("first_name = ?", &fields.first_name),
        ("last_name = ?", &fields.last_name),
        ("company_name = ?", &fields.company_name),
        ("assigned_to_email = ?", &fields.assigned_to_email),
        ("sendblue_number = ?", &fields.sendblue_number),
    ] {
        if let Some(v) = value {
            sets.push(column);
            args.push(v.clone());
        }
    }
    if let Some(tags) = &fields.tags {
        sets.push("tags = ?");
        args.push(json!(tags).to_string());
    }
    if let Some(changes) = &fields.custom_variables {
        let mut vars: BTreeMap<String, String> =
            serde_json::from_str(&current_vars).unwrap_or_default();
        for (label, value) in changes {
            match value {
                Some(v) => vars.insert(label.clone(), v.clone()),
                None => vars.remove(label),
            };
        }
        sets.push("custom_variables = ?");
        args.push(json!(vars).to_string());
    }
    if !sets.is_empty() {
        args.push(phone.to_owned());
        conn.execute(
            &format!("UPDATE contacts SET {} WHERE phone = ?", sets.join(", ")),
            params_from_iter(args.iter()),
        )?;
    }
    if let Some(opted_out) = fields.opt_out {
        set_opted_out(conn, phone, opted_out)?;
    }
    Ok(true)
}

/// Updates the contact `phone` when it exists, else creates it. Returns the notice to emit
/// after commit when it was created.
pub fn upsert(
    conn: &Connection,
    phone: &str,
    fields: &ContactFields,
) -> rusqlite::Result<Option<Notice>> {
    if update(conn, phone, fields)? {
        Ok(None)
    } else {
        insert(conn, phone, fields).map(Some)
    }
}

/// Deletes the contact `phone`; its opt-out record stays (it belongs to the number). Returns
/// false when there was none.
pub fn delete(conn: &Connection, phone: &str) -> rusqlite::Result<bool> {
    Ok(conn.execute("DELETE FROM contacts WHERE phone = ?1", [phone])? > 0)
}

/// Marks the contact `phone` verified. Returns false when there is none.
pub fn mark_verified(conn: &Connection, phone: &str) -> rusqlite::Result<bool> {
    Ok(conn.execute("UPDATE contacts SET verified = 1 WHERE phone = ?1", [phone])? > 0)
}
