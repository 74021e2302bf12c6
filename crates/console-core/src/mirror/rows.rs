//! Whole-mirror reads: every matching contact for an export, every phone number, and the
//! duplicate check of an import — streamed or checked on disk, never a growing set in memory
//! beyond one id per row.

use std::collections::{HashSet, VecDeque};

use rusqlite::{params_from_iter, Connection};
use sendblue_client::models::contacts::Contact;

use super::query::{order_by, rows_by_id, ContactQuery, Filter, MAX_PAGE};
use super::schema::{self, db_error};
use super::Mirror;
use crate::error::AppResult;

/// Rows read per step of a [`ContactIter`].
const CHUNK: usize = 500;

/// Every contact a query matches, in its sort order, read in chunks from one snapshot of the
/// mirror (changes made meanwhile are not seen, so an export is consistent). Owns its own
/// connection: searches go on while it is read. `Send`, so it can move to a blocking task.
pub struct ContactIter {
    conn: Connection,
    ids: Vec<i64>,
    next: usize,
    buffer: VecDeque<Contact>,
    failed: bool,
}

impl std::fmt::Debug for ContactIter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContactIter")
            .field("rows", &self.ids.len())
            .field("next", &self.next)
            .finish_non_exhaustive()
    }
}

impl ContactIter {
    /// How many contacts the iterator yields in all.
    pub fn total(&self) -> u64 {
        self.ids.len() as u64
    }
}

impl Iterator for ContactIter {
    type Item = AppResult<Contact>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        if self.buffer.is_empty() && self.next < self.ids.len() {
            let end = (self.next + CHUNK).min(self.ids.len());
            match rows_by_id(&self.conn, &self.ids[self.next..end]) {
                Ok(rows) => self.buffer.extend(rows),
                Err(e) => {
                    self.failed = true;
                    return Some(Err(db_error("read the contacts mirror", e)));
                }
            }
            self.next = end;
        }
        self.buffer.pop_front().map(Ok)
    }
}

impl Mirror {
    /// Every contact matching `query`'s text and filters, in its sort order (its `offset` and
    /// `limit` are ignored): the source of a contacts export. Asking again with the same query
    /// on an unchanged mirror gives the same rows in the same order.
    pub fn iter_contacts(&self, query: &ContactQuery) -> AppResult<ContactIter> {
        let fail = |e| db_error("read the contacts mirror", e);
        let conn = schema::open_reader(self.path())?;
        // The read transaction stays open for the iterator's life: one snapshot. It ends
        // when the iterator (and so its connection) is dropped.
        conn.execute_batch("BEGIN").map_err(fail)?;
        let filter = Filter::of(query);
        let sql = format!(
            "SELECT c.id FROM contacts c {} ORDER BY {}",
            filter.sql,
            order_by(query)
        );
        let ids = conn
            .prepare(&sql)
            .and_then(|mut st| {
                st.query_map(params_from_iter(&filter.params), |r| r.get(0))?
                    .collect::<Result<Vec<i64>, _>>()
            })
            .map_err(fail)?;
        Ok(ContactIter {
            conn,
            ids,
            next: 0,
            buffer: VecDeque::new(),
            failed: false,
        })
    }

    /// The custom-variable labels used by the contacts matching `query`, sorted (an export's
    /// columns, without a first pass over the rows).
    pub fn custom_variable_keys(&self, query: &ContactQuery) -> AppResult<Vec<String>> {
        let fail = |e| db_error("list the mirrored custom variables", e);
        let filter = Filter::of(query);
        let sql = format!(
            "SELECT DISTINCT v.key FROM contacts c, json_each(c.custom_variables) v {} ORDER BY 1",
            filter.sql
        );
        let conn = self.reader();
        let mut st = conn.prepare(&sql).map_err(fail)?;
        let keys = st
            .query_map(params_from_iter(&filter.params), |r| r.get(0))
            .map_err(fail)?;
        keys.collect::<Result<_, _>>().map_err(fail)
    }

    /// Every phone number in the mirror, in order.
    pub fn all_phones(&self) -> AppResult<Vec<String>> {
        let conn = self.reader();
        let fail = |e| db_error("list the mirrored phone numbers", e);
        let mut st = conn
            .prepare("SELECT phone FROM contacts ORDER BY phone")
            .map_err(fail)?;
        let rows = st.query_map([], |r| r.get(0)).map_err(fail)?;
        rows.collect::<Result<_, _>>().map_err(fail)
    }

    /// Which of `phones` the mirror already holds (exact E.164 match): the duplicate check
    /// of an import against the account, done on disk.
    pub fn known_phones(&self, phones: &[String]) -> AppResult<HashSet<String>> {
        let conn = self.reader();
        let fail = |e| db_error("check numbers against the contacts mirror", e);
        let mut known = HashSet::new();
        for chunk in phones.chunks(MAX_PAGE as usize) {
            let marks = vec!["?"; chunk.len()].join(",");
            let mut st = conn
                .prepare(&format!(
                    "SELECT phone FROM contacts WHERE phone IN ({marks})"
                ))
                .map_err(fail)?;
            let rows = st
                .query_map(params_from_iter(chunk), |r| r.get::<_, String>(0))
                .map_err(fail)?;
            for phone in rows {
                known.insert(phone.map_err(fail)?);
            }
        }
        Ok(known)
    }
}
