//! Rules several areas share: the account, lines, the per-recipient opt-out record, and
//! contacts created implicitly (a send to a new number creates its contact, §9.12).

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Value};

use crate::notify::{Notice, WebhookNotice};
use crate::store::Store;
use crate::util::{now_iso, uuid};

/// The account row.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    /// Account email (`accountEmail` in messages).
    pub email: String,
    /// Plan label (`plan` in messages).
    pub plan: String,
    /// The webhook `globalSecret`.
    pub global_secret: Option<String>,
}

/// Reads the account.
pub fn account(conn: &Connection) -> rusqlite::Result<Account> {
    conn.query_row(
        "SELECT email, plan, global_secret FROM account WHERE id = 1",
        [],
        |r| {
            Ok(Account {
                email: r.get(0)?,
                plan: r.get(1)?,
                global_secret: r.get(2)?,
            })
        },
    )
}

/// One of the account's lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// E.164 number.
    pub number: String,
    /// Worker id.
    pub worker_id: String,
    /// `v1` or `v2` (Mac-based).
    pub kind: String,
    /// `assigned`, `shared` or `grace_period`.
    pub assignment: String,
    /// `ONLINE`, `OFFLINE`, `DEGRADED` or `UNKNOWN`.
    pub status: String,
    /// When the status last changed.
    pub status_changed_at: Option<String>,
    /// Since when it is degraded.
    pub degraded_since: Option<String>,
    /// End of a grace period.
    pub effective_until: Option<String>,
    /// Read receipts are enabled for this line.
    pub read_receipts: bool,
    /// The line can send carousels.
    pub carousel: bool,
    /// The line can carry a contact-sharing profile.
    pub contact_sharing: bool,
    /// The line can start FaceTime calls.
    pub facetime: bool,
    /// Inbound-only (bought through provisioning).
    pub inbound_only: bool,
    /// Per-line call forwarding.
    pub forwarding_number: Option<String>,
}

const LINE_COLUMNS: &str = "number, worker_id, kind, assignment, status, status_changed_at,
    degraded_since, effective_until, read_receipts, carousel, contact_sharing, facetime,
    inbound_only, forwarding_number";

fn line_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Line> {
    Ok(Line {
        number: r.get(0)?,
        worker_id: r.get(1)?,
        kind: r.get(2)?,
        assignment: r.get(3)?,
        status: r.get(4)?,
        status_changed_at: r.get(5)?,
        degraded_since: r.get(6)?,
        effective_until: r.get(7)?,
        read_receipts: r.get(8)?,
        carousel: r.get(9)?,
        contact_sharing: r.get(10)?,
        facetime: r.get(11)?,
        inbound_only: r.get(12)?,
        forwarding_number: r.get(13)?,
    })
}

/// The line with this number, if it is the account's.
pub fn line(conn: &Connection, number: &str) -> rusqlite::Result<Option<Line>> {
    conn.query_row(
        &format!("SELECT {LINE_COLUMNS} FROM lines WHERE number = ?1"),
        [number],
        line_from_row,
    )
    .optional()
}

/// Every line, in creation order.
pub fn lines(conn: &Connection) -> rusqlite::Result<Vec<Line>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {LINE_COLUMNS} FROM lines ORDER BY created_at, number"
    ))?;
    let rows = stmt.query_map([], line_from_row)?;
    rows.collect()
}

/// Whether `phone` is opted out (§9.11).
pub fn opted_out(conn: &Connection, phone: &str) -> rusqlite::Result<bool> {
    Ok(conn
        .query_row(
            "SELECT opted_out FROM opt_outs WHERE phone = ?1",
            [phone],
            |r| r.get::<_, bool>(0),
        )
        .optional()?
        .unwrap_or(false))
}

/// Writes the opt-out record of `phone`.
pub fn set_opted_out(conn: &Connection, phone: &str, opted_out: bool) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO opt_outs (phone, opted_out, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (phone) DO UPDATE SET opted_out = excluded.opted_out, updated_at = excluded.updated_at",
        params![phone, opted_out, now_iso()],
    )?;
    Ok(())
}

/// What announces a new contact: the `contact.created` event and the `contact_created`
/// webhook (§11.7, §12.2).
pub fn contact_created_notice(
    contact_id: &str,
    phone: &str,
    first_name: &str,
    last_name: &str,
    created_at: &str,
) -> Notice {
    let data = json!({
        "contact_id": contact_id,
        "phone": phone,
        "first_name": first_name,
        "last_name": last_name,
        "created_at": created_at,
    });
    let mut payload = data.clone();
    payload["type"] = Value::from("contact_created");
    Notice {
        event: Some(("contact.created", data)),
        webhook: Some(WebhookNotice {
            webhook_type: "contact_created",
            payload,
            line: None,
        }),
        status_callback: None,
    }
}

/// A new contact id.
pub fn new_contact_id() -> String {
    format!("c_{}", &uuid().replace('-', "")[..16])
}

/// Creates a bare contact for `phone` on `line` unless one exists. Returns the notice to emit
/// (after the transaction commits) when one was created.
pub fn ensure_contact(
    conn: &Connection,
    phone: &str,
    line: &str,
) -> rusqlite::Result<Option<Notice>> {
    let exists: bool = conn
        .query_row("SELECT 1 FROM contacts WHERE phone = ?1", [phone], |_| {
            Ok(true)
        })
        .optional()?
        .unwrap_or(false);
    if exists {
        return Ok(None);
    }
    let id = new_contact_id();
    let created_at = now_iso();
    let seq = Store::next_seq(conn, "contact_seq")?;
    conn.execute(
        "INSERT INTO contacts (contact_id, phone, sendblue_number, created_at, seq)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, phone, line, created_at, seq],
    )?;
    Ok(Some(contact_created_notice(
        &id,
        phone,
        "",
        "",
        &created_at,
    )))
}
