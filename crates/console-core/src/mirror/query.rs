//! Reading the mirror: pages of contacts for a virtualized table (full-text search, filters,
//! sorting) and the tag list for the filter menu.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use sendblue_client::models::contacts::Contact;
use serde::{Deserialize, Serialize};

use super::schema::db_error;
use super::text;
use super::Mirror;
use crate::error::{AppError, AppResult};

/// The largest page [`Mirror::search`] returns.
pub const MAX_PAGE: u32 = 500;

/// What the contacts table asks for: text, filters, sort and the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ContactQuery {
    /// Words to find in name, phone (any run of its digits), company, email, tags and custom
    /// variables; each word matches as a prefix and all must match. Any text is safe.
    pub text: Option<String>,
    /// Only contacts with this exact tag.
    pub tag: Option<String>,
    /// Only opted-out (`true`) or not opted-out (`false`) contacts.
    pub opted_out: Option<bool>,
    /// Only contacts on this line (E.164).
    pub sendblue_number: Option<String>,
    /// Only verified (`true`) or unverified (`false`) contacts.
    pub verified: Option<bool>,
    /// Sort column.
    pub sort: ContactSortKey,
    /// Sort direction.
    pub direction: SortDirection,
    /// Rows to skip.
    pub offset: u64,
    /// Rows to return, at most [`MAX_PAGE`]; 0 returns only the total.
    pub limit: u32,
}

impl Default for ContactQuery {
    fn default() -> Self {
        Self {
            text: None,
            tag: None,
            opted_out: None,
            sendblue_number: None,
            verified: None,
            sort: ContactSortKey::Name,
            direction: SortDirection::Asc,
            offset: 0,
            limit: 100,
        }
    }
}

/// The column the contacts table is sorted by. Ties are broken by phone number, so pages
/// never overlap or skip a row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ContactSortKey {
    /// "First Last", ignoring case and accents; contacts without a name sort after Z.
    #[default]
    Name,
    /// Phone number.
    Phone,
    /// Company, ignoring case and accents; contacts without one sort after Z.
    Company,
    /// Creation time.
    CreatedAt,
}

/// Sort direction.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SortDirection {
    /// A to Z, oldest first.
    #[default]
    Asc,
    /// Z to A, newest first.
    Desc,
}

/// One page of the contacts table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ContactPage {
    /// The contacts of the page, in order.
    pub rows: Vec<Contact>,
    /// How many contacts match in all.
    pub total: u64,
    /// The offset of the first row.
    pub offset: u64,
}

/// A tag and how many contacts carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TagCount {
    /// The tag.
    pub tag: String,
    /// Contacts with it.
    pub count: u64,
}

/// The columns [`read_contact`] expects, in its order.
pub(crate) const COLUMNS: &str = "phone, contact_id, first_name, last_name, company_name, \
    assigned_to_email, sendblue_number, tags, custom_variables, opt_out, verified, created_at, extra";

/// Reads a row selected with [`COLUMNS`] starting at column `at`.
pub(crate) fn read_contact(row: &Row<'_>, at: usize) -> rusqlite::Result<Contact> {
    fn json<T: serde::de::DeserializeOwned>(row: &Row<'_>, i: usize) -> rusqlite::Result<T> {
        let raw: String = row.get(i)?;
        serde_json::from_str(&raw).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
        })
    }
    Ok(Contact {
        phone: row.get(at)?,
        contact_id: row.get(at + 1)?,
        first_name: row.get(at + 2)?,
        last_name: row.get(at + 3)?,
        company_name: row.get(at + 4)?,
        assigned_to_email: row.get(at + 5)?,
        sendblue_number: row.get(at + 6)?,
        tags: json(row, at + 7)?,
        custom_variables: json(row, at + 8)?,
        opt_out: row.get(at + 9)?,
        verified: row.get(at + 10)?,
        created_at: row.get(at + 11)?,
        extra: json(row, at + 12)?,
    })
}

/// The contact stored under `phone`, read on `conn`.
pub(crate) fn get_on(conn: &Connection, phone: &str) -> rusqlite::Result<Option<Contact>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM contacts WHERE phone = ?1"))?
        .query_row([phone], |r| read_contact(r, 0))
        .optional()
}

/// The WHERE clause and its parameters for a query's text and filters.
pub(crate) struct Filter {
    pub(crate) sql: String,
    pub(crate) params: Vec<Value>,
    /// When the query is text alone or a tag alone, its count straight from the search
    /// index or the tag table, without visiting each matching row (both are kept in step
    /// with `contacts`).
    count_sql: Option<&'static str>,
}

/// How the page query should find its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Plan {
    /// Let the filters use their indexes (the matches are few): collect them, then sort.
    FiltersFirst,
    /// Walk the sort index and test each row against the filters, stopping once the page is
    /// full (the matches are many). The filters are written `+expr` so SQLite cannot pick
    /// their indexes instead, which would sort every match to show the first hundred.
    SortOrder,
}

impl Plan {
    /// Walking in sort order reads about `(offset + limit) × rows / matches` rows; collecting
    /// and sorting reads `matches` rows. Cheaper one wins.
    fn choose(matches: u64, rows: u64, offset: u64, limit: u32) -> Self {
        let walked = (offset + u64::from(limit)).saturating_mul(rows);
        if matches > 0 && walked <= matches.saturating_mul(matches) {
            Plan::SortOrder
        } else {
            Plan::FiltersFirst
        }
    }
}

impl Filter {
    pub(crate) fn of(q: &ContactQuery) -> Self {
        Self::planned(q, Plan::FiltersFirst)
    }

    fn planned(q: &ContactQuery, plan: Plan) -> Self {
        let hide = if plan == Plan::SortOrder { "+" } else { "" };
        let mut clauses = Vec::new();
        let mut params = Vec::new();
        let text = q.text.as_deref().and_then(text::match_expression);
        let searching = text.is_some();
        if let Some(expr) = text {
            clauses.push(format!(
                "{hide}c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?)"
            ));
            params.push(Value::Text(expr));
        }
        if let Some(tag) = &q.tag {
            clauses.push(format!(
                "{hide}c.id IN (SELECT contact FROM contact_tags WHERE tag = ?)"
            ));
            params.push(Value::Text(tag.clone()));
        }
        if let Some(opted_out) = q.opted_out {
            clauses.push(format!("{hide}IFNULL(c.opt_out, 0) = ?"));
            params.push(Value::Integer(opted_out.into()));
        }
        if let Some(line) = &q.sendblue_number {
            clauses.push(format!("{hide}c.sendblue_number = ?"));
            params.push(Value::Text(line.clone()));
        }
        if let Some(verified) = q.verified {
            clauses.push(format!("{hide}IFNULL(c.verified, 0) = ?"));
            params.push(Value::Integer(verified.into()));
        }
        let count_sql = match (clauses.len(), searching, q.tag.is_some()) {
            (1, true, _) => Some("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH ?"),
            (1, _, true) => Some("SELECT count(*) FROM contact_tags WHERE tag = ?"),
            _ => None,
        };
        let sql = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        Self {
            sql,
            params,
            count_sql,
        }
    }
}

pub(crate) fn order_by(q: &ContactQuery) -> String {
    let dir = match q.direction {
        SortDirection::Asc => "ASC",
        SortDirection::Desc => "DESC",
    };
    // The phone tie-break runs in the same direction so one index serves both directions.
    match q.sort {
        ContactSortKey::Name => format!("c.name_key {dir}, c.phone {dir}"),
        ContactSortKey::Phone => format!("c.phone {dir}"),
        ContactSortKey::Company => format!("c.company_key {dir}, c.phone {dir}"),
        ContactSortKey::CreatedAt => format!("c.created_key {dir}, c.phone {dir}"),
    }
}

impl Mirror {
    /// One page of contacts matching `query`, with the total number of matches. A `limit`
    /// above [`MAX_PAGE`] is a `Validation` error.
    pub fn search(&self, query: &ContactQuery) -> AppResult<ContactPage> {
        if query.limit > MAX_PAGE {
            return Err(AppError::invalid(
                "limit",
                format!("Ask for at most {MAX_PAGE} contacts at a time."),
            ));
        }
        let filter = Filter::of(query);
        let conn = self.reader();
        let fail = |e| db_error("search the contacts mirror", e);
        // One read transaction: the total and the rows come from the same snapshot.
        let tx = conn.unchecked_transaction().map_err(fail)?;
        let total = count_on(&tx, &filter).map_err(fail)?;
        let mut rows = Vec::new();
        if query.limit > 0 && query.offset < total {
            // max(id) is instant and close to the row count; after deletes it overstates
            // it, which only leans toward collecting the matches.
            let size: i64 = tx
                .query_row("SELECT IFNULL(max(id), 0) FROM contacts", [], |r| r.get(0))
                .map_err(fail)?;
            let plan = Plan::choose(total, size as u64, query.offset, query.limit);
            let filter = Filter::planned(query, plan);
            // Page through ids alone, then read only the page's rows: deep pages skip index
            // entries, not whole rows.
            let sql = format!(
                "SELECT c.id FROM contacts c {} ORDER BY {} LIMIT {} OFFSET {}",
                filter.sql,
                order_by(query),
                query.limit,
                query.offset
            );
            let ids: Vec<i64> = tx
                .prepare(&sql)
                .and_then(|mut st| {
                    st.query_map(params_from_iter(&filter.params), |r| r.get(0))?
                        .collect()
                })
                .map_err(fail)?;
            rows = rows_by_id(&tx, &ids).map_err(fail)?;
        }
        Ok(ContactPage {
            rows,
            total,
            offset: query.offset,
        })
    }

    /// How many contacts match `query`'s text and filters (its sort and page are ignored).
    pub fn count_matching(&self, query: &ContactQuery) -> AppResult<u64> {
        count_on(&self.reader(), &Filter::of(query))
            .map_err(|e| db_error("count the mirrored contacts", e))
    }

    /// The contact with this phone number, if the mirror has it.
    pub fn get(&self, phone: &str) -> AppResult<Option<Contact>> {
        get_on(&self.reader(), phone).map_err(|e| db_error("read the contacts mirror", e))
    }

    /// Every tag in use with how many contacts carry it, most used first (for the filter menu).
    pub fn tags(&self) -> AppResult<Vec<TagCount>> {
        let conn = self.reader();
        let fail = |e| db_error("list the mirrored tags", e);
        let mut st = conn
            .prepare(
                "SELECT tag, count(*) AS n FROM contact_tags GROUP BY tag ORDER BY n DESC, tag",
            )
            .map_err(fail)?;
        let rows = st
            .query_map([], |r| {
                Ok(TagCount {
                    tag: r.get(0)?,
                    count: r.get::<_, i64>(1)? as u64,
                })
            })
            .map_err(fail)?;
        rows.collect::<Result<_, _>>().map_err(fail)
    }
}

fn count_on(conn: &Connection, filter: &Filter) -> rusqlite::Result<u64> {
    let sql = match filter.count_sql {
        Some(direct) => direct.to_owned(),
        None => format!("SELECT count(*) FROM contacts c {}", filter.sql),
    };
    conn.query_row(&sql, params_from_iter(&filter.params), |r| {
        r.get::<_, i64>(0)
    })
    .map(|n| n as u64)
}

/// The rows with these ids, in the order of `ids`.
pub(crate) fn rows_by_id(conn: &Connection, ids: &[i64]) -> rusqlite::Result<Vec<Contact>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; ids.len()].join(",");
    let mut st = conn.prepare(&format!(
        "SELECT id, {COLUMNS} FROM contacts WHERE id IN ({marks})"
    ))?;
    let mut by_id: HashMap<i64, Contact> = st
        .query_map(params_from_iter(ids), |r| {
            Ok((r.get(0)?, read_contact(r, 1)?))
        })?
        .collect::<Result<_, _>>()?;
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

#[cfg(test)]
mod tests {
    use super::Plan;

    #[test]
    fn many_matches_walk_the_sort_order_few_are_collected() {
        // 30,000 of 100,000 match: the first page is ~330 rows into the sort index away.
        assert_eq!(Plan::choose(30_000, 100_000, 0, 100), Plan::SortOrder);
        // 2,000 match: collecting them beats walking ~5,000 rows.
        assert_eq!(Plan::choose(2_000, 100_000, 0, 100), Plan::FiltersFirst);
        // A deep page of a common filter: collecting is cheaper again.
        assert_eq!(
            Plan::choose(30_000, 100_000, 20_000, 100),
            Plan::FiltersFirst
        );
        assert_eq!(Plan::choose(0, 100_000, 0, 100), Plan::FiltersFirst);
    }
}
