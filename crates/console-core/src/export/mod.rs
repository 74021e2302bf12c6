//! Exports to CSV: contacts (all, or the page's filtered selection, from the mirror) and
//! message history, streamed row by row in constant memory, run as jobs.
//!
//! Every file goes through [`safe_csv`]: UTF-8 with a byte-order mark, RFC 4180 quoting,
//! CRLF line ends, and cells beginning with `=`, `+`, `-`, `@`, tab or carriage return
//! prefixed with `'` against spreadsheet formula injection — except E.164 phone numbers.
//!
//! Contacts columns ([`contacts::CONTACT_COLUMNS`]): `phone, first_name, last_name,
//! company_name, assigned_to_email, tags (;-joined), opt_out, verified, sendblue_number,
//! created_at`, then `custom:<label>` for each custom-variable label found in the exported
//! rows (a first pass collects them unless the source knows them), sorted. Messages columns:
//! [`messages::MESSAGE_COLUMNS`].

pub mod contacts;
mod jobs;
pub mod messages;
pub mod safe_csv;

pub use contacts::{
    contact_cells, contact_header, write_contacts, ContactList, ContactRows, CONTACT_COLUMNS,
    CUSTOM_PREFIX,
};
pub use jobs::{
    create_contacts_export, create_messages_export, start_contacts_export, start_messages_export,
    ExportContactsParams, ExportContactsRunner, ExportMessagesParams, ExportMessagesRunner,
    EXPORTED, NOT_SAVED,
};
pub use messages::{message_cells, MESSAGE_COLUMNS};
pub use safe_csv::{is_e164, neutralize, SafeCsv, SafeCsvFile};
