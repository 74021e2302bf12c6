//! Group chats in the database: the `groups` row (its line, name, photo, latest activity)
//! and its members in order.

use rusqlite::{params, Connection, OptionalExtension};

use crate::domain;
use crate::util::{now_iso, uuid};

/// Most people in one group chat, our line not counted (§21).
pub const MAX_MEMBERS: usize = 25;

/// A stored group.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Id (a lower-case UUID).
    pub group_id: String,
    /// Display name.
    pub group_name: Option<String>,
    /// Photo URL.
    pub photo_url: Option<String>,
    /// Photo id.
    pub photo_guid: Option<String>,
    /// The line that created it (it is in the group).
    pub from_number: String,
    /// Last message's handle.
    pub latest_message_id: Option<String>,
    /// Last activity.
    pub latest_comm_at: Option<String>,
    /// Created.
    pub created_at: String,
    /// Last change.
    pub updated_at: String,
    /// Everyone else in the group, in the order they joined (phones or iMessage emails; may
    /// include other lines of the account).
    pub members: Vec<String>,
}

/// The group with this id.
pub fn get(conn: &Connection, group_id: &str) -> rusqlite::Result<Option<Group>> {
    let group = conn
        .query_row(
            "SELECT group_id, group_name, photo_url, photo_guid, from_number, latest_message_id,
                latest_comm_at, created_at, updated_at FROM groups WHERE group_id = ?1",
            [group_id],
            |r| {
                Ok(Group {
                    group_id: r.get(0)?,
                    group_name: r.get(1)?,
                    photo_url: r.get(2)?,
                    photo_guid: r.get(3)?,
                    from_number: r.get(4)?,
                    latest_message_id: r.get(5)?,
                    latest_comm_at: r.get(6)?,
                    created_at: r.get(7)?,
                    updated_at: r.get(8)?,
                    members: Vec::new(),
                })
            },
        )
        .optional()?;
    let Some(mut group) = group else {
        return Ok(None);
    };
    group.members = members(conn, group_id)?;
    Ok(Some(group))
}

fn members(conn: &Connection, group_id: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn
        .prepare_cached("SELECT number FROM group_members WHERE group_id = ?1 ORDER BY position")?;
    let rows = stmt.query_map([group_id], |r| r.get(0))?;
    rows.collect()
}

/// The existing group on `line` with exactly these members (any order), if any: sending to
/// the same people again reuses their group chat.
pub fn find_by_members(
    conn: &Connection,
    line: &str,
    wanted: &[String],
) -> rusqlite::Result<Option<String>> {
    let mut wanted: Vec<&str> = wanted.iter().map(String::as_str).collect();
    wanted.sort_unstable();
    let ids: Vec<String> = {
        let mut stmt = conn.prepare(
            "SELECT group_id FROM groups WHERE from_number = ?1 ORDER BY created_at DESC",
        )?;
        let rows = stmt.query_map([line], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in ids {
        let mut have = members(conn, &id)?;
        have.sort_unstable();
        if have == wanted {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Creates a group of `members` on `line`.
pub fn create(
    conn: &Connection,
    line: &str,
    members: &[String],
    name: Option<&str>,
) -> rusqlite::Result<Group> {
    let id = uuid();
    let now = now_iso();
    conn.execute(
        "INSERT INTO groups (group_id, group_name, from_number, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
        params![id, name, line, now],
    )?;
    for (i, number) in members.iter().enumerate() {
        conn.execute(
            "INSERT OR IGNORE INTO group_members (group_id, number, position) VALUES (?1, ?2, ?3)",
            params![id, number, i as i64],
        )?;
    }
    Ok(get(conn, &id)?.expect("the group was just stored"))
}

/// Adds `number` at the end of the group.
pub fn add_member(conn: &Connection, group_id: &str, number: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO group_members (group_id, number, position)
         VALUES (?1, ?2, (SELECT COALESCE(MAX(position), -1) + 1 FROM group_members WHERE group_id = ?1))",
        params![group_id, number],
    )?;
    touch(conn, group_id)
}

/// Removes `number` from the group.
pub fn remove_member(conn: &Connection, group_id: &str, number: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM group_members WHERE group_id = ?1 AND number = ?2",
        params![group_id, number],
    )?;
    touch(conn, group_id)
}

/// Sets (or clears) the name.
pub fn set_name(conn: &Connection, group_id: &str, name: Option<&str>) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE groups SET group_name = ?2 WHERE group_id = ?1",
        params![group_id, name],
    )?;
    touch(conn, group_id)
}

/// Sets (or clears) the photo.
pub fn set_photo(
    conn: &Connection,
    group_id: &str,
    photo: Option<(&str, &str)>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE groups SET photo_url = ?2, photo_guid = ?3 WHERE group_id = ?1",
        params![group_id, photo.map(|p| p.0), photo.map(|p| p.1)],
    )?;
    touch(conn, group_id)
}

fn touch(conn: &Connection, group_id: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE groups SET updated_at = ?2 WHERE group_id = ?1",
        params![group_id, now_iso()],
    )?;
    Ok(())
}

/// The account's lines in the group: its creating line, plus members that are lines.
pub fn account_lines(conn: &Connection, group: &Group) -> rusqlite::Result<Vec<String>> {
    let mut lines = vec![group.from_number.clone()];
    for member in &group.members {
        if domain::line(conn, member)?.is_some() {
            lines.push(member.clone());
        }
    }
    Ok(lines)
}
