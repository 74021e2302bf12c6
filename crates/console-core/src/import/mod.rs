//! Bulk import of contacts from CSV and vCard files, with every row accounted for.
//!
//! The wizard's steps map onto this module:
//! 1. [`inspect_file`] — encoding (UTF-8 ± BOM, UTF-16 LE/BE, Windows-1252), format (CSV or
//!    vCard), delimiter (comma, semicolon, tab), header row, first rows and a suggested
//!    [`ColumnMapping`] (editable; saved per profile as [`MappingPresets`]).
//! 2. [`dry_run`] — the whole file as a stream: each row checked, its number normalized to
//!    E.164 ([`normalize_phone`]), duplicates found in the file (on disk) and against the
//!    account ([`ExistingContacts`]); counts and the first problem rows. The outcome of every
//!    row goes to the job folder's journal — the plan.
//! 3. [`run_import`] — the plan sent in batches to the bulk upsert, a few at once, slowing
//!    down on 429, with progress and cancel; a crash resumes from the journal without
//!    sending a finished batch again.
//! 4. The report — `report.csv` in the job folder, one line per row of the file, and the
//!    totals ([`ImportReport`]).
//!
//! Everything is streamed: memory stays flat for a file of a million rows.

mod control;
mod csv_rows;
mod encoding;
mod existing;
mod job;
mod mapping;
mod phone;
mod plan;
mod prepare;
mod presets;
mod report;
mod run;
mod send;
mod sniff;
mod source;
mod store;
mod types;
mod vcard;
mod vcard_value;

pub use control::ImportControl;
pub use csv_rows::{CsvRecords, MAX_COLUMNS, MAX_FIELD_BYTES};
pub use encoding::{by_bom, by_nul_pattern, detect_encoding, open_decoded, TextEncoding};
pub use existing::{ExistingContacts, ExistingPhones, NoExistingContacts};
pub use job::{create_import_job, job_report, ImportJobParams, ImportRunner};
pub use mapping::{
    custom_label, normalize_header, suggest_mapping, ColumnMapping, ColumnRole, MappedColumn,
    EMAIL_LABEL,
};
pub use phone::{normalize_phone, DefaultCountry, PhoneCheck};
pub use plan::{dry_run, PlanRecord};
pub use prepare::{
    clean_cell, split_name, split_tags, Prepared, PreparedRow, RowPreparer, MAX_NAME_CHARS,
    MAX_TAGS, MAX_TAG_CHARS, MAX_VALUE_CHARS,
};
pub use presets::{apply_preset, MappingPreset, MappingPresets, PRESETS_FILE};
pub use report::{safe_cell, REPORT_FILE, REPORT_HEADER};
pub use run::{load_plan, load_report, run_import, stop_import};
pub use sniff::{sniff_delimiter, Delimiter};
pub use source::{
    detect_source, inspect_file, FileFormat, FileInspection, RawRow, RowReader, SourceSettings,
};
pub use store::{BatchState, ImportStore, RowKind, IMPORT_DB};
pub use types::{
    DryRun, DuplicatePolicy, ImportEnd, ImportOptions, ImportPhase, ImportProgress, ImportReport,
    ImportSpec, ImportTotals, PlannedOutcome, PreviewRow, RowOutcome,
};
pub use vcard::{Card, VCardReader, VCARD_COLUMNS};
