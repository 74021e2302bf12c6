//! Reading the audit log: filters, pages (newest first), and CSV export.

use std::path::Path;

use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Row};
use serde::{Deserialize, Serialize};

use super::{parse_code, sql, AuditEntry, AuditLog};
use crate::error::{AppError, AppResult};
use crate::export::safe_csv::SafeCsvFile;
use crate::jobs::clock;

/// Rows per page when the query doesn't say.
const DEFAULT_LIMIT: u32 = 100;
/// Most rows per page.
const MAX_LIMIT: u32 = 1000;

/// The columns of an audit export.
pub const AUDIT_COLUMNS: [&str; 9] = [
    "time",
    "profile_id",
    "profile_name",
    "action",
    "target",
    "result",
    "error_code",
    "error_message",
    "details",
];

/// Worked or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AuditResultFilter {
    /// Only changes that worked.
    Ok,
    /// Only changes that failed.
    Error,
}

/// What to list. Every filter is optional; they combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditQuery {
    /// An action (`contact.delete`), or a family when it ends with `.` (`contact.`).
    #[serde(default)]
    pub action: Option<String>,
    /// Text the target contains (any case).
    #[serde(default)]
    pub target: Option<String>,
    /// Only successes or only failures.
    #[serde(default)]
    pub result: Option<AuditResultFilter>,
    /// At or after this time (ISO 8601).
    #[serde(default)]
    pub since: Option<String>,
    /// Before this time (ISO 8601).
    #[serde(default)]
    pub until: Option<String>,
    /// Rows to skip.
    #[serde(default)]
    pub offset: Option<u64>,
    /// Page size (default 100, at most 1,000).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// One page of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditPage {
    /// The rows, newest first.
    pub entries: Vec<AuditEntry>,
    /// Rows matching the filters, across pages.
    pub total: u64,
    /// Rows skipped before this page.
    pub offset: u64,
}

/// `LIKE` text matching `text` literally.
fn like_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for ch in text.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

fn time_filter(field: &str, raw: &Option<String>) -> AppResult<Option<i64>> {
    match raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(text) => clock::parse_iso(text).map(Some).ok_or_else(|| {
            AppError::invalid(
                field,
                format!("“{text}” isn't a date and time like 2026-03-02T19:01:07Z."),
            )
        }),
    }
}

/// The WHERE clause and its values.
fn filters(q: &AuditQuery) -> AppResult<(String, Vec<SqlValue>)> {
    let mut clauses: Vec<&str> = Vec::new();
    let mut values: Vec<SqlValue> = Vec::new();
    if let Some(action) = q.action.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        if action.ends_with('.') {
            clauses.push("action LIKE ? ESCAPE '\\'");
            values.push(SqlValue::Text(format!("{}%", like_escape(action))));
        } else {
            clauses.push("action = ?");
            values.push(SqlValue::Text(action.to_owned()));
        }
    }
    if let Some(target) = q.target.as_deref().filter(|t| !t.is_empty()) {
        clauses.push("target LIKE ? ESCAPE '\\'");
        values.push(SqlValue::Text(format!("%{}%", like_escape(target))));
    }
    match q.result {
        Some(AuditResultFilter::Ok) => clauses.push("ok = 1"),
        Some(AuditResultFilter::Error) => clauses.push("ok = 0"),
        None => {}
    }
    if let Some(since) = time_filter("since", &q.since)? {
        clauses.push("at_ms >= ?");
        values.push(SqlValue::Integer(since));
    }
    if let Some(until) = time_filter("until", &q.until)? {
        clauses.push("at_ms < ?");
        values.push(SqlValue::Integer(until));
    }
    let clause = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    Ok((clause, values))
}

const COLUMNS: &str =
    "id, at, profile_id, profile_name, action, target, ok, error_code, error_message, details";

fn entry(row: &Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        id: row.get(0)?,
        at: row.get(1)?,
        profile_id: row.get(2)?,
        profile_name: row.get(3)?,
        action: row.get(4)?,
        target: row.get(5)?,
        ok: row.get(6)?,
        error_code: row
            .get::<_, Option<String>>(7)?
            .and_then(|c| parse_code(&c)),
        error_message: row.get(8)?,
        details: row.get(9)?,
    })
}

impl AuditLog {
    /// A page of the entries matching `query`, newest first.
    pub fn query(&self, query: &AuditQuery) -> AppResult<AuditPage> {
        let (clause, values) = filters(query)?;
        let limit = query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
        let offset = query.offset.unwrap_or(0);
        let conn = self.conn();
        let total: i64 = conn
            .query_row(
                &format!("SELECT COUNT(*) FROM audit {clause}"),
                params_from_iter(values.iter()),
                |r| r.get(0),
            )
            .map_err(sql)?;
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM audit {clause} ORDER BY id DESC LIMIT {limit} OFFSET {offset}"
            ))
            .map_err(sql)?;
        let entries = stmt
            .query_map(params_from_iter(values.iter()), entry)
            .map_err(sql)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(sql)?;
        Ok(AuditPage {
            entries,
            total: total.max(0) as u64,
            offset,
        })
    }

    /// Writes every entry matching `query`'s filters (paging ignored), newest first, to the
    /// CSV file `path` through the formula-safe writer. Returns how many rows it holds.
    pub fn export_csv(&self, query: &AuditQuery, path: &Path) -> AppResult<u64> {
        let (clause, values) = filters(query)?;
        let mut file = SafeCsvFile::create(path, &AUDIT_COLUMNS)?;
        let written = (|| {
            let conn = self.conn();
            let mut stmt = conn
                .prepare(&format!(
                    "SELECT {COLUMNS} FROM audit {clause} ORDER BY id DESC"
                ))
                .map_err(sql)?;
            let mut rows = stmt.query(params_from_iter(values.iter())).map_err(sql)?;
            while let Some(row) = rows.next().map_err(sql)? {
                let e = entry(row).map_err(sql)?;
                let code = e.error_code.map(super::code_name).unwrap_or_default();
                file.row(&[
                    e.at.as_str(),
                    &e.profile_id,
                    &e.profile_name,
                    &e.action,
                    &e.target,
                    if e.ok { "ok" } else { "error" },
                    &code,
                    e.error_message.as_deref().unwrap_or_default(),
                    e.details.as_deref().unwrap_or_default(),
                ])?;
            }
            Ok(())
        })();
        match written {
            Ok(()) => file.commit(),
            Err(e) => {
                file.abandon();
                Err(e)
            }
        }
    }
}
