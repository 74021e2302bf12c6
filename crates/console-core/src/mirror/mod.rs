//! The per-profile contacts mirror (architecture.md, "Contacts are mirrored"): a SQLite file
//! holding every contact of the account, because the API lists contacts by offset only up to
//! 10,000 and cannot search. Search, filters, sorting, export and duplicate checks run here.
//!
//! * Filled by [`Mirror::sync`] (the client's full contact walk; rows the walk did not see are
//!   removed only after a complete walk).
//! * Kept fresh by the event follower ([`Mirror::apply_contact_created`]) and by the console's
//!   own writes ([`Mirror::upsert`], [`Mirror::upsert_many`], [`Mirror::remove`],
//!   [`Mirror::remove_many`]). These names are a contract with `follower` and `jobs`.
//! * Read with [`Mirror::search`] (pages for a virtualized table), [`Mirror::count`],
//!   [`Mirror::tags`], [`Mirror::last_synced`]; whole-mirror reads for export and duplicate
//!   checks with [`Mirror::iter_contacts`], [`Mirror::all_phones`] and [`Mirror::known_phones`].
//!
//! Everything but `sync` and `apply_contact_created` is a short blocking SQLite call; from
//! async code with many rows at stake (search, export) run it in `spawn_blocking` — a
//! [`Mirror`] is a cheap clone.

mod apply;
mod created;
mod query;
mod rows;
mod schema;
mod sync;
mod text;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::AppResult;

pub use created::CreatedContact;
pub use query::{ContactPage, ContactQuery, ContactSortKey, SortDirection, TagCount, MAX_PAGE};
pub use rows::ContactIter;
pub use schema::SCHEMA_VERSION;
pub use sync::{SyncProgress, SyncReport};

/// One profile's contacts mirror. Cheap to clone; all clones share the file's connections.
#[derive(Clone)]
pub struct Mirror {
    inner: Arc<Inner>,
}

struct Inner {
    path: PathBuf,
    /// Every write goes through this one connection (SQLite allows one writer at a time).
    write: Mutex<Connection>,
    /// Queries use their own connection: in WAL mode they read the last committed state
    /// while a sync writes.
    read: Mutex<Connection>,
    /// Held for the whole of a sync: two walks at once would mix their generations.
    syncing: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for Mirror {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mirror")
            .field("path", &self.inner.path)
            .finish_non_exhaustive()
    }
}

/// What the page shows above the contacts table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MirrorStatus {
    /// Contacts in the mirror.
    pub contacts: u64,
    /// When the last complete sync ended (ISO 8601, UTC); `None` before the first one.
    pub last_synced: Option<String>,
}

impl Mirror {
    /// Where a profile's mirror lives: `<data_dir>/profiles/<profile id>/mirror.db`.
    pub fn path_for(data_dir: &Path, profile_id: &str) -> PathBuf {
        data_dir.join("profiles").join(profile_id).join("mirror.db")
    }

    /// Opens the mirror file at `path`, creating it (and its folder) when missing and
    /// migrating an older format. A file from a newer console is refused with an `Io` error.
    pub fn open(path: impl Into<PathBuf>) -> AppResult<Self> {
        let path = path.into();
        let write = schema::open_writer(&path)?;
        let read = schema::open_reader(&path)?;
        Ok(Self {
            inner: Arc::new(Inner {
                path,
                write: Mutex::new(write),
                read: Mutex::new(read),
                syncing: tokio::sync::Mutex::new(()),
            }),
        })
    }

    /// The file this mirror lives in.
    pub fn path(&self) -> &Path {
        &self.inner.path
    }

    /// How many contacts the mirror holds.
    pub fn count(&self) -> AppResult<u64> {
        let conn = self.reader();
        conn.query_row("SELECT count(*) FROM contacts", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(|e| schema::db_error("count the mirrored contacts", e))
    }

    /// When the last complete sync ended (ISO 8601, UTC, e.g. `2026-11-28T09:15:02.417Z`);
    /// `None` before the first one. A cancelled or failed sync leaves it unchanged.
    pub fn last_synced(&self) -> AppResult<Option<String>> {
        schema::meta_text(&self.reader(), "last_synced")
            .map_err(|e| schema::db_error("read the mirror's sync time", e))
    }

    /// Contact count and last sync time together.
    pub fn status(&self) -> AppResult<MirrorStatus> {
        Ok(MirrorStatus {
            contacts: self.count()?,
            last_synced: self.last_synced()?,
        })
    }

    /// Refreshes the query planner's statistics (a sampled `ANALYZE`, milliseconds even at
    /// 100,000 contacts). A sync does it at its end; call
    /// it after loading many rows another way, so filters on rare values use their indexes.
    pub fn optimize(&self) -> AppResult<()> {
        self.writer()
            .execute_batch("PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA optimize;")
            .map_err(|e| schema::db_error("optimize the contacts mirror", e))
    }

    fn writer(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock rolled its transaction back; the connection is fine.
        self.inner.write.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn reader(&self) -> MutexGuard<'_, Connection> {
        self.inner.read.lock().unwrap_or_else(|p| p.into_inner())
    }
}
