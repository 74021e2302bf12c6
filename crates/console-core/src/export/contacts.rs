//! Contacts as CSV rows: the columns (stable — the importer reads them back), where the rows
//! come from, and the streaming writer used by exports and by bulk delete's backup.

use std::collections::BTreeSet;
use std::path::Path;

use sendblue_client::models::contacts::Contact;

use super::safe_csv::SafeCsvFile;
use crate::error::AppResult;

/// The fixed columns, in order. Custom variables follow, one column each (see
/// [`CUSTOM_PREFIX`]).
pub const CONTACT_COLUMNS: [&str; 10] = [
    "phone",
    "first_name",
    "last_name",
    "company_name",
    "assigned_to_email",
    "tags",
    "opt_out",
    "verified",
    "sendblue_number",
    "created_at",
];

/// Custom-variable columns are headed `custom:<label>` (`custom:Plan`), sorted by label, one
/// per label any exported contact has — so a label can never collide with a fixed column,
/// and the importer knows which columns to send back as custom variables.
pub const CUSTOM_PREFIX: &str = "custom:";

/// Tags are joined with this into one cell (a tag that itself holds `;` can't be told apart
/// on re-import; Sendblue tags are short words in practice).
pub const TAG_SEPARATOR: &str = ";";

/// The header row for these custom-variable labels.
pub fn contact_header(custom_keys: &[String]) -> Vec<String> {
    CONTACT_COLUMNS
        .iter()
        .map(|c| (*c).to_owned())
        .chain(custom_keys.iter().map(|k| format!("{CUSTOM_PREFIX}{k}")))
        .collect()
}

fn flag(value: Option<bool>) -> String {
    value.map(|b| b.to_string()).unwrap_or_default()
}

/// One contact's cells, in [`contact_header`] order. Missing values are empty cells;
/// booleans are `true` / `false` (empty when unknown).
pub fn contact_cells(c: &Contact, custom_keys: &[String]) -> Vec<String> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut cells = vec![
        c.phone.clone(),
        text(&c.first_name),
        text(&c.last_name),
        text(&c.company_name),
        text(&c.assigned_to_email),
        c.tags.join(TAG_SEPARATOR),
        flag(c.opt_out),
        flag(c.verified),
        text(&c.sendblue_number),
        text(&c.created_at),
    ];
    cells.extend(
        custom_keys
            .iter()
            .map(|k| c.custom_variables.get(k).cloned().unwrap_or_default()),
    );
    cells
}

/// Every custom-variable label in `contacts`, sorted: the export's first pass.
pub fn collect_custom_keys<'a>(contacts: impl IntoIterator<Item = &'a Contact>) -> Vec<String> {
    let mut keys = BTreeSet::new();
    for c in contacts {
        keys.extend(c.custom_variables.keys().cloned());
    }
    keys.into_iter().collect()
}

/// Rows streamed from a source.
pub type ContactIter<'a> = Box<dyn Iterator<Item = AppResult<Contact>> + Send + 'a>;

/// Where exported contacts come from: the mirror in the app (which applies the page's filter),
/// a list in tests. It is asked more than once (a first pass for the custom-variable labels
/// unless it knows them, and again when a job resumes), so it must give the same rows in the
/// same order each time.
pub trait ContactRows: Send + Sync {
    /// Every contact `selection` chooses (the page's filter, opaque to the export; `null`
    /// means all), in a stable order.
    fn rows(&self, selection: &serde_json::Value) -> AppResult<ContactIter<'_>>;

    /// How many rows `selection` chooses, if known cheaply (for progress before the first
    /// pass ends).
    fn count(&self, _selection: &serde_json::Value) -> AppResult<Option<u64>> {
        Ok(None)
    }

    /// The custom-variable labels of those rows, sorted, if known cheaply (saves the first
    /// pass).
    fn custom_keys(&self, _selection: &serde_json::Value) -> AppResult<Option<Vec<String>>> {
        Ok(None)
    }
}

/// A fixed list of contacts as a [`ContactRows`] (the selection is ignored).
#[derive(Debug, Clone, Default)]
pub struct ContactList(pub Vec<Contact>);

impl ContactRows for ContactList {
    fn rows(&self, _selection: &serde_json::Value) -> AppResult<ContactIter<'_>> {
        Ok(Box::new(self.0.iter().cloned().map(Ok)))
    }

    fn count(&self, _selection: &serde_json::Value) -> AppResult<Option<u64>> {
        Ok(Some(self.0.len() as u64))
    }
}

/// The labels for an export of `selection`: from the source when it knows them, else by a
/// first pass over its rows (which also counts them).
pub fn keys_and_count(
    source: &dyn ContactRows,
    selection: &serde_json::Value,
) -> AppResult<(Vec<String>, Option<u64>)> {
    if let Some(keys) = source.custom_keys(selection)? {
        return Ok((keys, source.count(selection)?));
    }
    let mut keys = BTreeSet::new();
    let mut count = 0u64;
    for row in source.rows(selection)? {
        let c = row?;
        count += 1;
        keys.extend(c.custom_variables.into_keys());
    }
    Ok((keys.into_iter().collect(), Some(count)))
}

/// Streams `rows` into the CSV file `path` (constant memory). `each(n, contact)` runs after
/// row `n` (from 1) is written — to report progress, note the row, or stop with an error
/// (e.g. `Cancelled`); on any error the unfinished file is deleted and `path` is untouched.
/// Returns how many rows were written.
pub fn write_contacts(
    path: &Path,
    custom_keys: &[String],
    rows: impl Iterator<Item = AppResult<Contact>>,
    mut each: impl FnMut(u64, &Contact) -> AppResult<()>,
) -> AppResult<u64> {
    let mut file = SafeCsvFile::create(path, &contact_header(custom_keys))?;
    let written = (|| {
        for row in rows {
            let contact = row?;
            file.row(&contact_cells(&contact, custom_keys))?;
            each(file.rows(), &contact)?;
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
