//! The mirror's SQLite file: connection settings, versioned migrations (`PRAGMA user_version`)
//! and the small key/value `meta` table (sync generation, last synced).

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Transaction};

use crate::error::{AppError, AppResult};

/// Each entry moves the file one version up; its index + 1 is the `user_version` it leaves.
/// Never edit a shipped entry: append a new one.
const MIGRATIONS: &[&str] = &[
    // 1: contacts, their tags, full-text search, sync bookkeeping.
    r#"
    -- `phone` is the API's natural key. `gen` is the sync generation that last saw the row;
    -- `live_gen` the generation of the console's last full write (a walk page read earlier
    -- must not overwrite it). `digest` lets a re-sync skip rows that did not change.
    -- The `*_key` columns are folded sort keys; blank names and companies sort last.
    CREATE TABLE contacts (
        id                INTEGER PRIMARY KEY,
        phone             TEXT NOT NULL UNIQUE,
        contact_id        TEXT,
        first_name        TEXT,
        last_name         TEXT,
        company_name      TEXT,
        assigned_to_email TEXT,
        sendblue_number   TEXT,
        tags              TEXT NOT NULL DEFAULT '[]',
        custom_variables  TEXT NOT NULL DEFAULT '{}',
        opt_out           INTEGER,
        verified          INTEGER,
        created_at        TEXT,
        extra             TEXT NOT NULL DEFAULT '{}',
        name_key          TEXT NOT NULL,
        company_key       TEXT NOT NULL,
        created_key       TEXT NOT NULL,
        digest            INTEGER NOT NULL DEFAULT 0,
        gen               INTEGER NOT NULL,
        live_gen          INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX contacts_by_name    ON contacts(name_key, phone);
    CREATE INDEX contacts_by_company ON contacts(company_key, phone);
    CREATE INDEX contacts_by_created ON contacts(created_key, phone);
    CREATE INDEX contacts_by_line    ON contacts(sendblue_number);
    CREATE INDEX contacts_by_opt_out ON contacts(IFNULL(opt_out, 0));
    CREATE INDEX contacts_by_verified ON contacts(IFNULL(verified, 0));
    CREATE INDEX contacts_by_gen     ON contacts(gen);

    CREATE TABLE contact_tags (
        tag     TEXT NOT NULL,
        contact INTEGER NOT NULL,
        PRIMARY KEY (tag, contact)
    ) WITHOUT ROWID;
    CREATE INDEX contact_tags_by_contact ON contact_tags(contact);

    -- Contentless: the text lives in `contacts`; rowid = contacts.id. Diacritics are folded
    -- so "jose" finds "José". No prefix indexes: at 100,000 contacts they made writing 2.5×
    -- slower and saved at most a few milliseconds on one- and two-letter queries.
    CREATE VIRTUAL TABLE contacts_fts USING fts5(
        name, phone, company, email, tags, vars,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
    );

    -- Any delete, whoever makes it, takes the row's tags and search text with it.
    CREATE TRIGGER contacts_after_delete AFTER DELETE ON contacts BEGIN
        DELETE FROM contact_tags WHERE contact = old.id;
        DELETE FROM contacts_fts WHERE rowid = old.id;
    END;

    -- Phones the console deleted during the sync generation `gen`: a walk page fetched
    -- before the delete must not bring them back.
    CREATE TABLE tombstones (
        phone TEXT PRIMARY KEY,
        gen   INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value
    ) WITHOUT ROWID;
    INSERT INTO meta(key, value) VALUES ('gen', 0);
    "#,
];

/// The `user_version` this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Opens (creating when missing) the mirror file and brings it to [`SCHEMA_VERSION`].
pub(crate) fn open_writer(path: &Path) -> AppResult<Connection> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| AppError::io("create the mirror folder", e))?;
    }
    let mut conn = Connection::open(path).map_err(|e| db_error("open the contacts mirror", e))?;
    configure(&conn).map_err(|e| db_error("open the contacts mirror", e))?;
    // WAL lets searches read while a sync writes; NORMAL sync is crash-safe in WAL mode (a
    // power cut can lose the last commits, never corrupt the file) and the mirror is a cache.
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(|e| db_error("open the contacts mirror", e))?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// A second connection for queries, so searches never wait behind a sync's write batch.
pub(crate) fn open_reader(path: &Path) -> AppResult<Connection> {
    let conn = Connection::open(path).map_err(|e| db_error("open the contacts mirror", e))?;
    configure(&conn).map_err(|e| db_error("open the contacts mirror", e))?;
    conn.pragma_update(None, "query_only", true)
        .map_err(|e| db_error("open the contacts mirror", e))?;
    Ok(conn)
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(10))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // 32 MiB of page cache: a 100,000-contact mirror with its indexes fits.
    conn.pragma_update(None, "cache_size", -32_000)?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> AppResult<()> {
    let fail = |e| db_error("update the contacts mirror's format", e);
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(fail)?;
    if version > SCHEMA_VERSION {
        return Err(AppError::io(
            "open the contacts mirror",
            format!(
                "it was written by a newer version of the console (format {version}, this one reads up to {SCHEMA_VERSION}); update the console or delete the file to rebuild it with Refresh"
            ),
        ));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction().map_err(fail)?;
        tx.execute_batch(sql).map_err(fail)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
    }
    Ok(())
}

/// The sync generation in force: the one a running sync stamps, or the last one started.
pub(crate) fn current_gen(tx: &Transaction<'_>) -> rusqlite::Result<i64> {
    tx.query_row("SELECT value FROM meta WHERE key = 'gen'", [], |r| r.get(0))
}

/// Reads a text value of `meta`.
pub(crate) fn meta_text(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()
        .map(Option::flatten)
}

/// Writes a value of `meta`.
pub(crate) fn set_meta(
    conn: &Connection,
    key: &str,
    value: impl rusqlite::ToSql,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        rusqlite::params![key, value],
    )?;
    Ok(())
}

/// A database failure as an `Io` error that says what was being done.
pub(crate) fn db_error(what: &str, e: rusqlite::Error) -> AppError {
    AppError::io(what, e)
}
