//! New contacts reported by `contact.created` events (live, or read back by the follower's
//! gap repair): store what is known at once, then the full contact when a client can fetch it.

use rusqlite::OptionalExtension;
use sendblue_client::models::contacts::Contact;
use sendblue_client::models::events::ContactEventData;
use sendblue_client::{Client, ErrorCode};

use super::apply::store;
use super::query::get_on;
use super::schema::{current_gen, db_error};
use super::Mirror;
use crate::error::AppResult;

/// What a notice of a new contact tells about it. A live `contact.created` event carries only
/// id, phone, names and creation time; a contact read back after a gap is complete.
pub trait CreatedContact {
    /// The fields it knows, as a contact (unknown ones `None` or empty).
    fn known_fields(&self) -> Contact;
}

impl CreatedContact for ContactEventData {
    fn known_fields(&self) -> Contact {
        Contact {
            contact_id: self.contact_id.clone(),
            phone: self.phone.clone().unwrap_or_default(),
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            created_at: self.created_at.clone(),
            ..Contact::default()
        }
    }
}

impl CreatedContact for Contact {
    fn known_fields(&self) -> Contact {
        self.clone()
    }
}

impl Mirror {
    /// Applies a new contact from a `contact.created` event (a [`ContactEventData`], or the
    /// [`Contact`] the follower made of it or read back after a gap). Called by the event
    /// follower; the name is part of its contract.
    ///
    /// The known fields are stored at once, merged into a row the mirror may already have
    /// (a field the notice leaves out keeps its stored value). With a `client`, the full
    /// contact is then fetched (`GET /api/v2/contacts/{phone}`) and stored whole; if it is
    /// already gone (404) it is removed again. Returns the contact as the mirror now holds
    /// it, or `None` for a notice without a phone number or a contact already deleted. When
    /// the fetch fails otherwise, the known fields stay stored and the error is returned (the
    /// next sync completes the row).
    pub async fn apply_contact_created(
        &self,
        created: &(impl CreatedContact + ?Sized),
        client: Option<&Client>,
    ) -> AppResult<Option<Contact>> {
        let known = created.known_fields();
        if known.phone.trim().is_empty() {
            return Ok(None);
        }
        let stored = self.merge_known(known)?;
        let Some(client) = client else {
            return Ok(Some(stored));
        };
        match client.contacts().get(&stored.phone).await {
            Ok(full) => {
                self.upsert(&full)?;
                Ok(Some(full))
            }
            Err(e) if e.code() == ErrorCode::NotFound => {
                self.remove(&stored.phone)?;
                Ok(None)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Merges the known fields into the row. Not a full write (`live_gen` stays), so a
    /// running sync's page still fills in the rest; digest 0 makes the next sync rewrite it.
    fn merge_known(&self, known: Contact) -> AppResult<Contact> {
        let fail = |e| db_error("save a new contact in the mirror", e);
        let mut conn = self.writer();
        let tx = conn.transaction().map_err(fail)?;
        let gen = current_gen(&tx).map_err(fail)?;
        let live_gen: i64 = tx
            .query_row(
                "SELECT live_gen FROM contacts WHERE phone = ?1",
                [&known.phone],
                |r| r.get(0),
            )
            .optional()
            .map_err(fail)?
            .unwrap_or(0);
        let merged = match get_on(&tx, &known.phone).map_err(fail)? {
            Some(stored) => merge(stored, known),
            None => known,
        };
        // A contact created again after the console deleted it is back.
        tx.execute("DELETE FROM tombstones WHERE phone = ?1", [&merged.phone])
            .map_err(fail)?;
        store(&tx, &merged, 0, gen, live_gen).map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(merged)
    }
}

/// `stored` with every field `new` knows replaced (custom variables and extra fields merged).
fn merge(mut stored: Contact, new: Contact) -> Contact {
    fn take<T>(slot: &mut Option<T>, new: Option<T>) {
        if new.is_some() {
            *slot = new;
        }
    }
    take(&mut stored.contact_id, new.contact_id);
    take(&mut stored.first_name, new.first_name);
    take(&mut stored.last_name, new.last_name);
    take(&mut stored.company_name, new.company_name);
    take(&mut stored.assigned_to_email, new.assigned_to_email);
    take(&mut stored.sendblue_number, new.sendblue_number);
    take(&mut stored.opt_out, new.opt_out);
    take(&mut stored.verified, new.verified);
    take(&mut stored.created_at, new.created_at);
    if !new.tags.is_empty() {
        stored.tags = new.tags;
    }
    stored.custom_variables.extend(new.custom_variables);
    stored.extra.extend(new.extra);
    stored
}
