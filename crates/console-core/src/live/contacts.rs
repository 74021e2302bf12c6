//! The console's own contact writes: each goes to Sendblue, then its answer goes into the
//! active profile's mirror, so the contacts table shows the change at once. A mirror that
//! can't be written is logged, not a failure: the change was made, and the next refresh
//! catches the mirror up.

use sendblue_client::models::contacts::{
    BulkContact, BulkDeleteResult, Contact, CreateContact, OptOut, OptOutResult, UpdateContact,
};
use sendblue_client::StatusResponse;

use crate::console::Console;
use crate::error::AppResult;
use crate::mirror::Mirror;

impl Console {
    /// Creates a contact (or updates it with `update_if_exists`) and mirrors the answer.
    pub async fn create_contact(&self, contact: &CreateContact) -> AppResult<Contact> {
        let mirror = self.active_mirror();
        let created = self.client()?.contacts().create(contact).await?;
        write(mirror, "a created contact", |m| m.upsert(&created));
        Ok(created)
    }

    /// Changes a contact and mirrors the answer.
    pub async fn update_contact(&self, phone: &str, changes: &UpdateContact) -> AppResult<Contact> {
        let mirror = self.active_mirror();
        let updated = self.client()?.contacts().update(phone, changes).await?;
        write(mirror, "a changed contact", |m| m.upsert(&updated));
        Ok(updated)
    }

    /// Deletes a contact and removes it from the mirror.
    pub async fn delete_contact(&self, phone: &str) -> AppResult<StatusResponse> {
        let mirror = self.active_mirror();
        let answer = self.client()?.contacts().delete(phone).await?;
        write(mirror, "a deleted contact", |m| m.remove(phone));
        Ok(answer)
    }

    /// Creates or updates many contacts at once and mirrors the answer.
    pub async fn bulk_create_contacts(&self, contacts: &[BulkContact]) -> AppResult<Vec<Contact>> {
        let mirror = self.active_mirror();
        let saved = self.client()?.contacts().bulk_create(contacts).await?;
        write(mirror, "created contacts", |m| m.upsert_many(&saved));
        Ok(saved)
    }

    /// Deletes many contacts in one request (no backup: the bulk delete job is the way with
    /// one) and removes them from the mirror.
    pub async fn bulk_delete_contacts(&self, phones: &[String]) -> AppResult<BulkDeleteResult> {
        let mirror = self.active_mirror();
        let answer = self.client()?.contacts().bulk_delete(phones).await?;
        write(mirror, "deleted contacts", |m| m.remove_many(phones));
        Ok(answer)
    }

    /// Opts a number out of messages (or back in) and updates its mirrored contact, if any.
    pub async fn opt_out_contact(&self, request: &OptOut) -> AppResult<OptOutResult> {
        let mirror = self.active_mirror();
        let answer = self.client()?.contacts().opt_out(request).await?;
        let phone = answer
            .number
            .clone()
            .unwrap_or_else(|| request.number.clone());
        let opted_out = answer.opted_out.or(request.opted_out).unwrap_or(true);
        write(mirror, "an opt-out", |m| {
            if let Some(mut contact) = m.get(&phone)? {
                contact.opt_out = Some(opted_out);
                m.upsert(&contact)?;
            }
            Ok(())
        });
        Ok(answer)
    }

    fn active_mirror(&self) -> Option<Mirror> {
        self.live().ok().map(|live| live.mirror().clone())
    }
}

fn write<T>(mirror: Option<Mirror>, what: &str, f: impl FnOnce(&Mirror) -> AppResult<T>) {
    if let Some(mirror) = mirror {
        if let Err(e) = f(&mirror) {
            tracing::warn!("the contacts mirror missed {what}: {}", e.message);
        }
    }
}
