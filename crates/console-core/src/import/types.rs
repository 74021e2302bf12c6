//! What the Import wizard sends and sees: the request, the dry-run summary, progress, and
//! the final report.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::mapping::ColumnMapping;
use super::source::SourceSettings;
use crate::error::{AppError, AppResult};

/// What to do with a number that is already a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DuplicatePolicy {
    /// Leave it as it is (the row is reported `skipped-existing`).
    #[default]
    Skip,
    /// Send it again with the file's fields (the bulk upsert updates it).
    Update,
}

/// The settings of one import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ImportOptions {
    /// ISO code of the country of numbers written without a country code (Settings).
    pub default_country: String,
    /// Numbers that are already contacts: skip or update.
    pub duplicates: DuplicatePolicy,
    /// Contacts per request (1–1000).
    pub batch_size: u32,
    /// Requests in flight at once (1–4).
    pub concurrency: u32,
    /// How many problem rows (and fixed rows) the dry run lists (at most 1000).
    pub max_problem_rows: u32,
}

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            default_country: "US".into(),
            duplicates: DuplicatePolicy::Skip,
            batch_size: 500,
            concurrency: 3,
            max_problem_rows: 100,
        }
    }
}

impl ImportOptions {
    /// Checks the ranges.
    pub fn validate(&self) -> AppResult<()> {
        if !(1..=1000).contains(&self.batch_size) {
            return Err(AppError::invalid(
                "batch_size",
                "Contacts per request must be between 1 and 1000.",
            ));
        }
        if !(1..=4).contains(&self.concurrency) {
            return Err(AppError::invalid(
                "concurrency",
                "Requests at once must be between 1 and 4.",
            ));
        }
        Ok(())
    }
}

/// Everything the dry run needs: the file, how to read it, the mapping, the options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportSpec {
    /// The file to import.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub file: PathBuf,
    /// How to read it (from the inspection; the page may change the delimiter or encoding).
    pub settings: SourceSettings,
    /// Which column holds what.
    pub mapping: ColumnMapping,
    /// The settings.
    pub options: ImportOptions,
}

/// What the dry run decided for a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum PlannedOutcome {
    /// Will be created.
    New,
    /// Already a contact; will be updated.
    Update,
    /// The same number as an earlier row; skipped.
    SkippedDuplicateInFile,
    /// Already a contact; skipped.
    SkippedExisting,
    /// Can't be imported.
    Invalid,
}

/// A row shown in the dry-run preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PreviewRow {
    /// Its number in the file.
    pub row: u64,
    /// Its cells as read (each cut to 200 characters for display).
    pub values: Vec<String>,
    /// The phone cell as given.
    pub phone: String,
    /// The E.164 number, when there is one.
    pub normalized: Option<String>,
    /// What will happen to it.
    pub outcome: PlannedOutcome,
    /// Why, or what was fixed.
    pub reason: String,
}

/// The dry run's verdict over the whole file, before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DryRun {
    /// Rows read.
    pub rows: u64,
    /// New contacts to create.
    pub new: u64,
    /// Existing contacts to update.
    pub update: u64,
    /// Rows skipped (duplicates in the file + existing contacts under Skip).
    pub skip: u64,
    /// Rows that can't be imported.
    pub invalid: u64,
    /// Among `skip`: same number as an earlier row.
    pub duplicates_in_file: u64,
    /// Among `skip`: already contacts.
    pub skipped_existing: u64,
    /// Among `new` and `update`: rows whose number or text was fixed.
    pub fixed: u64,
    /// Requests the import will make.
    pub batches: u64,
    /// The first invalid and duplicate rows.
    pub problems: Vec<PreviewRow>,
    /// The first rows that were fixed (so the person sees what changed).
    pub fixed_examples: Vec<PreviewRow>,
}

/// The final outcome of a row in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum RowOutcome {
    /// Created.
    Imported,
    /// Updated (existing contact, policy Update).
    Updated,
    /// Same number as an earlier row.
    SkippedDuplicateInFile,
    /// Already a contact (policy Skip).
    SkippedExisting,
    /// Can't be imported.
    Invalid,
    /// Sendblue refused it, or it wasn't sent (cancelled).
    Failed,
}

impl RowOutcome {
    /// The word in the report's `outcome` column.
    pub fn as_str(self) -> &'static str {
        match self {
            RowOutcome::Imported => "imported",
            RowOutcome::Updated => "updated",
            RowOutcome::SkippedDuplicateInFile => "skipped-duplicate-in-file",
            RowOutcome::SkippedExisting => "skipped-existing",
            RowOutcome::Invalid => "invalid",
            RowOutcome::Failed => "failed",
        }
    }
}

/// Rows by final outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportTotals {
    /// Every row of the file (the sum of the others).
    pub rows: u64,
    /// Created.
    pub imported: u64,
    /// Updated.
    pub updated: u64,
    /// Same number as an earlier row.
    pub skipped_duplicate_in_file: u64,
    /// Already contacts.
    pub skipped_existing: u64,
    /// Not importable.
    pub invalid: u64,
    /// Refused or not sent.
    pub failed: u64,
}

impl ImportTotals {
    pub(crate) fn add(&mut self, outcome: RowOutcome) {
        self.rows += 1;
        match outcome {
            RowOutcome::Imported => self.imported += 1,
            RowOutcome::Updated => self.updated += 1,
            RowOutcome::SkippedDuplicateInFile => self.skipped_duplicate_in_file += 1,
            RowOutcome::SkippedExisting => self.skipped_existing += 1,
            RowOutcome::Invalid => self.invalid += 1,
            RowOutcome::Failed => self.failed += 1,
        }
    }
}

/// How an import ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ImportEnd {
    /// Every batch was answered.
    Completed,
    /// Stopped on request; rows not confirmed are reported failed.
    Cancelled,
    /// Stopped by an error that retrying won't fix; rows not confirmed are reported failed.
    Failed,
}

/// The end of an import: totals and the row-by-row report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportReport {
    /// Completed, cancelled or failed.
    pub end: ImportEnd,
    /// Rows by outcome.
    pub totals: ImportTotals,
    /// The report CSV (`row,phone,normalized_phone,outcome,reason`, one line per row).
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub report_csv: PathBuf,
}

/// What the import is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ImportPhase {
    /// The dry run: reading and checking the file (`done`/`total` count bytes).
    Checking,
    /// Sending batches (`done`/`total` count contacts).
    Sending,
    /// Writing the report.
    Reporting,
}

/// A progress event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportProgress {
    /// What it is doing.
    pub phase: ImportPhase,
    /// How far (bytes while checking, contacts while sending).
    pub done: u64,
    /// Out of.
    pub total: u64,
    /// Per second, in this run.
    pub rate_per_sec: f64,
    /// Seconds left at that rate.
    pub eta_secs: Option<u64>,
    /// Rows that failed so far (sending).
    pub failed: u64,
    /// Sendblue asked to slow down: milliseconds of the current pause.
    pub paused_ms: Option<u64>,
}
