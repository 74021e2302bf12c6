//! "Is this number already a contact?" — asked once per distinct number of the file. The
//! contacts mirror answers it in the app; [`ExistingPhones`] answers it from a walk of the
//! account's contacts stored in SQLite on disk (constant memory however many contacts there
//! are); a `HashSet` answers it in tests.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::sync::Mutex;

use futures_util::StreamExt;
use rusqlite::{Connection, OptionalExtension};

use crate::error::{AppError, AppResult};

/// Tells whether a phone number (E.164) is already among the account's contacts.
pub trait ExistingContacts: Send + Sync {
    /// Whether `phone` (E.164) is a contact already.
    fn contains(&self, phone: &str) -> AppResult<bool>;
}

/// No contacts exist (every number is new).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoExistingContacts;

impl ExistingContacts for NoExistingContacts {
    fn contains(&self, _phone: &str) -> AppResult<bool> {
        Ok(false)
    }
}

impl ExistingContacts for HashSet<String> {
    fn contains(&self, phone: &str) -> AppResult<bool> {
        Ok(HashSet::contains(self, phone))
    }
}

impl ExistingContacts for BTreeSet<String> {
    fn contains(&self, phone: &str) -> AppResult<bool> {
        Ok(BTreeSet::contains(self, phone))
    }
}

/// The contacts mirror: the app's answer, with no request to Sendblue.
impl ExistingContacts for crate::mirror::Mirror {
    fn contains(&self, phone: &str) -> AppResult<bool> {
        Ok(self.get(phone)?.is_some())
    }
}

/// The account's phone numbers in a SQLite file.
pub struct ExistingPhones {
    conn: Mutex<Connection>,
}

impl std::fmt::Debug for ExistingPhones {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExistingPhones").finish_non_exhaustive()
    }
}

fn sql(e: rusqlite::Error) -> AppError {
    AppError::io("keep the list of existing contacts", e)
}

impl ExistingPhones {
    /// An empty set stored at `path` (replacing what was there).
    pub fn create(path: &Path) -> AppResult<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| AppError::io("create the import folder", e))?;
        }
        let conn = Connection::open(path).map_err(sql)?;
        conn.execute_batch(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
             DROP TABLE IF EXISTS phones;
             CREATE TABLE phones (phone TEXT PRIMARY KEY) WITHOUT ROWID;",
        )
        .map_err(sql)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    /// Adds numbers (in one transaction).
    pub fn extend<I, S>(&self, phones: I) -> AppResult<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let tx = conn.transaction().map_err(sql)?;
        {
            let mut insert = tx
                .prepare_cached("INSERT OR IGNORE INTO phones (phone) VALUES (?1)")
                .map_err(sql)?;
            for phone in phones {
                insert.execute([phone.as_ref()]).map_err(sql)?;
            }
        }
        tx.commit().map_err(sql)
    }

    /// Walks every contact of the account (past the 10,000 offset cap) into a new set at
    /// `path`, a page at a time.
    pub async fn from_account(client: &sendblue_client::Client, path: &Path) -> AppResult<Self> {
        let set = Self::create(path)?;
        let walk = client.contacts().walk(1000);
        futures_util::pin_mut!(walk);
        let mut page = Vec::with_capacity(1000);
        while let Some(contact) = walk.next().await {
            page.push(contact?.phone);
            if page.len() == 1000 {
                set.extend(page.drain(..))?;
            }
        }
        set.extend(page)?;
        Ok(set)
    }

    /// How many numbers the set holds.
    pub fn len(&self) -> AppResult<u64> {
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        conn.query_row("SELECT COUNT(*) FROM phones", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(sql)
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> AppResult<bool> {
        Ok(self.len()? == 0)
    }
}

impl ExistingContacts for ExistingPhones {
    fn contains(&self, phone: &str) -> AppResult<bool> {
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let mut stmt = conn
            .prepare_cached("SELECT 1 FROM phones WHERE phone = ?1")
            .map_err(sql)?;
        Ok(stmt
            .query_row([phone], |_| Ok(()))
            .optional()
            .map_err(sql)?
            .is_some())
    }
}
