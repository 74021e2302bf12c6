//! Writing contacts into the mirror: rows from a sync walk and the console's own writes. Every write keeps the search index and tag table in step with
//! the row (deletes do it by trigger).

use rusqlite::{params, OptionalExtension, Transaction};
use sendblue_client::models::contacts::Contact;

use super::schema::{current_gen, db_error};
use super::text::{self, SearchDoc};
use super::Mirror;
use crate::error::{AppError, AppResult};

/// Who is writing a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// A page of a sync walk: may have been fetched before a console write it must not undo.
    Walk,
    /// The console's own write (create, update, import, opt-out): the freshest data there is.
    Live,
}

/// What a write did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Written {
    Inserted,
    Updated,
    /// Same data as stored: only marked as seen.
    Unchanged,
    /// A walk row the console deleted or rewrote during this sync.
    Skipped,
}

/// Writes a full contact stamped with generation `gen`.
pub(crate) fn write_contact(
    tx: &Transaction<'_>,
    c: &Contact,
    gen: i64,
    source: Source,
) -> rusqlite::Result<Written> {
    let existing: Option<(i64, i64, i64)> = tx
        .prepare_cached("SELECT id, digest, live_gen FROM contacts WHERE phone = ?1")?
        .query_row([&c.phone], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    if source == Source::Walk {
        let tombstoned = tx
            .prepare_cached("SELECT 1 FROM tombstones WHERE phone = ?1 AND gen = ?2")?
            .exists(params![c.phone, gen])?;
        let rewritten = existing.is_some_and(|(_, _, live_gen)| live_gen >= gen);
        if tombstoned || rewritten {
            return Ok(Written::Skipped);
        }
    } else {
        tx.prepare_cached("DELETE FROM tombstones WHERE phone = ?1")?
            .execute([&c.phone])?;
    }
    let digest = text::digest(c);
    let live_gen = match (source, existing) {
        (Source::Live, _) => gen,
        (Source::Walk, Some((_, _, live_gen))) => live_gen,
        (Source::Walk, None) => 0,
    };
    match existing {
        Some((id, stored, _)) if stored == digest => {
            tx.prepare_cached("UPDATE contacts SET gen = ?1, live_gen = ?2 WHERE id = ?3")?
                .execute(params![gen, live_gen, id])?;
            Ok(Written::Unchanged)
        }
        Some(_) => {
            store(tx, c, digest, gen, live_gen)?;
            Ok(Written::Updated)
        }
        None => {
            store(tx, c, digest, gen, live_gen)?;
            Ok(Written::Inserted)
        }
    }
}

/// Inserts or replaces the row, then its search text and tags. Returns the row id.
pub(crate) fn store(
    tx: &Transaction<'_>,
    c: &Contact,
    digest: i64,
    gen: i64,
    live_gen: i64,
) -> rusqlite::Result<i64> {
    let id: i64 = tx
        .prepare_cached(
            "INSERT INTO contacts (phone, contact_id, first_name, last_name, company_name,
                assigned_to_email, sendblue_number, tags, custom_variables, opt_out, verified,
                created_at, extra, name_key, company_key, created_key, digest, gen, live_gen)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                ?18, ?19)
             ON CONFLICT(phone) DO UPDATE SET contact_id = excluded.contact_id,
                first_name = excluded.first_name, last_name = excluded.last_name,
                company_name = excluded.company_name,
                assigned_to_email = excluded.assigned_to_email,
                sendblue_number = excluded.sendblue_number, tags = excluded.tags,
                custom_variables = excluded.custom_variables, opt_out = excluded.opt_out,
                verified = excluded.verified, created_at = excluded.created_at,
                extra = excluded.extra, name_key = excluded.name_key,
                company_key = excluded.company_key, created_key = excluded.created_key,
                digest = excluded.digest, gen = excluded.gen, live_gen = excluded.live_gen
             RETURNING id",
        )?
        .query_row(
            params![
                c.phone,
                c.contact_id,
                c.first_name,
                c.last_name,
                c.company_name,
                c.assigned_to_email,
                c.sendblue_number,
                json(&c.tags),
                json(&c.custom_variables),
                c.opt_out,
                c.verified,
                c.created_at,
                json(&c.extra),
                text::name_key(c),
                text::company_key(c),
                c.created_at.as_deref().unwrap_or(""),
                digest,
                gen,
                live_gen,
            ],
            |r| r.get(0),
        )?;
    let doc = SearchDoc::of(c);
    tx.prepare_cached("DELETE FROM contacts_fts WHERE rowid = ?1")?
        .execute([id])?;
    tx.prepare_cached(
        "INSERT INTO contacts_fts (rowid, name, phone, company, email, tags, vars)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id,
        doc.name,
        doc.phone,
        doc.company,
        doc.email,
        doc.tags,
        doc.vars
    ])?;
    tx.prepare_cached("DELETE FROM contact_tags WHERE contact = ?1")?
        .execute([id])?;
    let mut tag =
        tx.prepare_cached("INSERT OR IGNORE INTO contact_tags (tag, contact) VALUES (?1, ?2)")?;
    for t in c.tags.iter().filter(|t| !t.is_empty()) {
        tag.execute(params![t, id])?;
    }
    Ok(id)
}

/// A JSON column's text. Lists of strings and maps of strings or JSON values cannot fail to
/// serialize.
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Deletes the row of `phone` and remembers the delete for the running sync.
fn delete_contact(tx: &Transaction<'_>, phone: &str, gen: i64) -> rusqlite::Result<bool> {
    let removed = tx
        .prepare_cached("DELETE FROM contacts WHERE phone = ?1")?
        .execute([phone])?;
    tx.prepare_cached("INSERT OR REPLACE INTO tombstones (phone, gen) VALUES (?1, ?2)")?
        .execute(params![phone, gen])?;
    Ok(removed > 0)
}

impl Mirror {
    /// Stores a contact the console just created or changed (create, update, opt-out, verify,
    /// import): the whole row is replaced by `contact`, which should be the API's answer. A
    /// sync running meanwhile keeps it (its older pages do not overwrite it).
    pub fn upsert(&self, contact: &Contact) -> AppResult<()> {
        self.upsert_many(std::slice::from_ref(contact)).map(|_| ())
    }

    /// [`Mirror::upsert`] for many contacts in one transaction (an import batch's answer).
    /// Returns how many were new to the mirror.
    pub fn upsert_many(&self, contacts: &[Contact]) -> AppResult<u64> {
        if let Some(bad) = contacts.iter().find(|c| c.phone.trim().is_empty()) {
            return Err(AppError::invalid(
                "phone",
                format!(
                    "A contact without a phone number can't be mirrored (contact id {}).",
                    bad.contact_id.as_deref().unwrap_or("unknown")
                ),
            ));
        }
        let fail = |e| db_error("save contacts in the mirror", e);
        let mut conn = self.writer();
        let tx = conn.transaction().map_err(fail)?;
        let gen = current_gen(&tx).map_err(fail)?;
        let mut inserted = 0;
        for c in contacts {
            if write_contact(&tx, c, gen, Source::Live).map_err(fail)? == Written::Inserted {
                inserted += 1;
            }
        }
        tx.commit().map_err(fail)?;
        Ok(inserted)
    }

    /// Removes the contact the console just deleted. Returns whether the mirror had it.
    pub fn remove(&self, phone: &str) -> AppResult<bool> {
        Ok(self.remove_many(&[phone.to_owned()])? > 0)
    }

    /// Removes many contacts in one transaction (a bulk delete's batch). Returns how many the
    /// mirror had.
    pub fn remove_many(&self, phones: &[String]) -> AppResult<u64> {
        let fail = |e| db_error("remove contacts from the mirror", e);
        let mut conn = self.writer();
        let tx = conn.transaction().map_err(fail)?;
        let gen = current_gen(&tx).map_err(fail)?;
        let mut removed = 0;
        for phone in phones {
            if delete_contact(&tx, phone, gen).map_err(fail)? {
                removed += 1;
            }
        }
        tx.commit().map_err(fail)?;
        Ok(removed)
    }
}
