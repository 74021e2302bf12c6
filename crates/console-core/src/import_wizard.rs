//! The Import wizard's side of an import, before it becomes a job: the file the person chose
//! in the native dialog, remembered under an opaque id so the page never names a path
//! (`<profile dir>/imports/<id>/draft.json`), its dry runs (in that same folder), and the
//! step that turns the last dry run into a job. Also the list of import jobs with the name
//! of their file, so the page can offer to resume one a crash or a quit left unfinished.
//!
//! Blocking (files and SQLite): call it off the async threads.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult, ErrorCode};
use crate::files::write_atomic;
use crate::import::{
    apply_preset, create_import_job, dry_run, inspect_file, ColumnMapping, DryRun, DuplicatePolicy,
    ExistingContacts, FileFormat, ImportControl, ImportJobParams, ImportOptions, ImportSpec,
    ImportStore, MappingPreset, MappingPresets, PlannedOutcome, PreviewRow, RowKind, RowReader,
    SourceSettings,
};
use crate::jobs::{JobInfo, JobKind, Jobs, Journal};

/// The folder of the drafts inside the profile folder.
pub const DRAFTS_DIR: &str = "imports";
const DRAFT_FILE: &str = "draft.json";
/// How many rows of the file the preview shows with their outcome.
pub const FIRST_ROWS: usize = 20;
/// Drafts nobody turned into a job are removed after this long.
const KEEP_DRAFTS: Duration = Duration::from_secs(7 * 24 * 3600);
/// How many characters of each cell the preview keeps.
const CELL_CHARS: usize = 200;

/// Audit action: a column-mapping preset was saved.
pub const PRESET_SAVE: &str = "contacts.import.preset.save";
/// Audit action: a column-mapping preset was deleted.
pub const PRESET_DELETE: &str = "contacts.import.preset.delete";

/// What is kept about a chosen file.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DraftRecord {
    file: PathBuf,
    settings: SourceSettings,
    headers: Vec<String>,
}

/// A chosen file as the wizard shows it: how it will be read, its columns, first rows and
/// the suggested mapping. The path stays here; the page refers to it by `import_id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportFile {
    /// The id the page uses for this file in the next steps.
    pub import_id: String,
    /// The file's name (without its folder).
    pub file_name: String,
    /// Its size in bytes.
    pub size_bytes: u64,
    /// CSV or vCard.
    pub format: FileFormat,
    /// The text encoding, in words ("UTF-8", "Windows-1252 (Latin-1)").
    pub encoding: String,
    /// The CSV delimiter in words ("comma", "semicolon", "tab"); none for vCard.
    pub delimiter: Option<String>,
    /// Whether the first CSV row names the columns.
    pub has_header: bool,
    /// The column headers ("Column 1"… when the file has none).
    pub headers: Vec<String>,
    /// The first rows, as cells.
    pub sample: Vec<Vec<String>>,
    /// The suggested mapping.
    pub mapping: ColumnMapping,
    /// The profile's saved mappings.
    pub presets: Vec<MappingPreset>,
}

/// What the person chose on the mapping step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportChoices {
    /// Which column holds what.
    pub mapping: ColumnMapping,
    /// ISO code of the country of numbers written without a country code.
    pub default_country: String,
    /// Numbers that are already contacts: skip or update.
    pub duplicates: DuplicatePolicy,
}

/// The dry run's verdict and the first rows of the file with what will happen to each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportPreview {
    /// The draft it belongs to.
    pub import_id: String,
    /// Counts, the first problem rows and the first fixed rows.
    pub summary: DryRun,
    /// The first rows of the file (at most [`FIRST_ROWS`]), each with its outcome and the
    /// reason or the fixes in plain words.
    pub first_rows: Vec<PreviewRow>,
}

/// An import job with the file it reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportJob {
    /// The job.
    pub job: JobInfo,
    /// The imported file's name.
    pub file_name: String,
    /// Rows in the file.
    pub rows: u64,
    /// Contacts to create or update.
    pub to_send: u64,
}

/// The drafts and presets of one profile.
#[derive(Debug, Clone)]
pub struct ImportDrafts {
    root: PathBuf,
    presets: MappingPresets,
}

impl ImportDrafts {
    /// The drafts kept in `profile_dir` (see [`crate::Live::dir`]).
    pub fn new(profile_dir: &Path) -> Self {
        Self {
            root: profile_dir.join(DRAFTS_DIR),
            presets: MappingPresets::new(profile_dir),
        }
    }

    /// The saved column mappings.
    pub fn presets(&self) -> &MappingPresets {
        &self.presets
    }

    /// Reads the file at `path` (chosen by the person) and remembers it as a new draft.
    pub fn open_file(&self, path: &Path) -> AppResult<ImportFile> {
        self.prune();
        let inspection = inspect_file(path)?;
        let id = uuid::Uuid::new_v4().simple().to_string();
        let dir = self.root.join(&id);
        std::fs::create_dir_all(&dir).map_err(|e| AppError::io("create the import folder", e))?;
        let record = DraftRecord {
            file: path.to_path_buf(),
            settings: inspection.settings.clone(),
            headers: inspection.headers.clone(),
        };
        let json = serde_json::to_vec(&record).map_err(|e| AppError::io("remember the file", e))?;
        write_atomic(&dir.join(DRAFT_FILE), &json, false)
            .map_err(|e| AppError::io("remember the file", e))?;
        let settings = &inspection.settings;
        Ok(ImportFile {
            import_id: id,
            file_name: file_name(path),
            size_bytes: inspection.size_bytes,
            format: settings.format,
            encoding: settings.encoding.label().to_owned(),
            delimiter: settings.delimiter.map(|d| d.label().to_owned()),
            has_header: settings.has_header,
            headers: inspection.headers,
            sample: inspection.sample,
            mapping: inspection.mapping,
            presets: self.presets.list()?,
        })
    }

    /// The mapping preset `name` gives the draft's columns.
    pub fn apply_preset(&self, import_id: &str, name: &str) -> AppResult<ColumnMapping> {
        let record = self.record(import_id)?;
        let preset = self.presets.get(name)?.ok_or_else(|| {
            AppError::new(
                ErrorCode::NotFound,
                "This saved mapping doesn't exist any more.",
            )
        })?;
        Ok(apply_preset(&preset, &record.headers))
    }

    /// Checks the whole file with `choices`; nothing is sent. Replaces the draft's earlier
    /// dry run.
    pub fn dry_run(
        &self,
        import_id: &str,
        choices: &ImportChoices,
        existing: &dyn ExistingContacts,
        control: &ImportControl,
    ) -> AppResult<ImportPreview> {
        let record = self.record(import_id)?;
        let dir = self.dir(import_id)?;
        let spec = ImportSpec {
            file: record.file.clone(),
            settings: record.settings.clone(),
            mapping: choices.mapping.clone(),
            options: ImportOptions {
                default_country: choices.default_country.clone(),
                duplicates: choices.duplicates,
                ..ImportOptions::default()
            },
        };
        let summary = dry_run(&dir, &spec, existing, control)?;
        let first_rows = first_rows(&dir, &record)?;
        Ok(ImportPreview {
            import_id: import_id.to_owned(),
            summary,
            first_rows,
        })
    }

    /// The file name and counts of the draft's last dry run (`Validation` when none ran).
    pub fn summary(&self, import_id: &str) -> AppResult<(String, DryRun)> {
        let record = self.record(import_id)?;
        let plan = crate::import::load_plan(&self.dir(import_id)?)?.ok_or_else(not_checked)?;
        Ok((file_name(&record.file), plan.summary))
    }

    /// Makes the draft's last dry run a job of `jobs` (not started) and forgets the draft.
    /// Returns the job id.
    pub fn into_job(&self, import_id: &str, jobs: &Jobs) -> AppResult<String> {
        let dir = self.dir(import_id)?;
        self.record(import_id)?;
        let id = create_import_job(jobs, &dir)?;
        if let Err(e) = std::fs::remove_dir_all(&dir) {
            tracing::warn!("couldn't remove an import draft: {e}");
        }
        Ok(id)
    }

    fn dir(&self, import_id: &str) -> AppResult<PathBuf> {
        let plain = !import_id.is_empty() && import_id.bytes().all(|b| b.is_ascii_alphanumeric());
        if !plain {
            return Err(no_such_draft());
        }
        Ok(self.root.join(import_id))
    }

    fn record(&self, import_id: &str) -> AppResult<DraftRecord> {
        let path = self.dir(import_id)?.join(DRAFT_FILE);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(no_such_draft()),
            Err(e) => return Err(AppError::io("read the chosen file's details", e)),
        };
        serde_json::from_slice(&bytes).map_err(|_| no_such_draft())
    }

    /// Removes drafts older than [`KEEP_DRAFTS`] (best effort).
    fn prune(&self) {
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return;
        };
        let now = SystemTime::now();
        for entry in entries.filter_map(Result::ok) {
            let old = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|age| age > KEEP_DRAFTS);
            if old {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// Every import job of `jobs`, newest first, with its file's name.
pub fn import_jobs(jobs: &Jobs) -> AppResult<Vec<ImportJob>> {
    Ok(jobs
        .list()?
        .into_iter()
        .filter(|job| job.kind == JobKind::ImportContacts)
        .map(|job| {
            let params = Journal::open(&jobs.dir(&job.id))
                .and_then(|j| j.record())
                .ok()
                .flatten()
                .and_then(|r| serde_json::from_value::<ImportJobParams>(r.params).ok());
            match params {
                Some(p) => ImportJob {
                    file_name: file_name(Path::new(&p.file)),
                    rows: p.rows,
                    to_send: p.to_send,
                    job,
                },
                None => ImportJob {
                    file_name: String::new(),
                    rows: job.total,
                    to_send: 0,
                    job,
                },
            }
        })
        .collect())
}

/// The first rows of the file with the dry run's decision for each.
fn first_rows(dir: &Path, record: &DraftRecord) -> AppResult<Vec<PreviewRow>> {
    let store = ImportStore::open(dir)?;
    let sql = |e: rusqlite::Error| AppError::io("read the import plan", e);
    let mut stmt = store
        .conn()
        .prepare("SELECT row, given, phone, kind, reason FROM rows ORDER BY row LIMIT ?1")
        .map_err(sql)?;
    let planned = stmt
        .query_map([FIRST_ROWS as i64], |r| {
            Ok((
                r.get::<_, i64>(0)? as u64,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                RowKind::from_i64(r.get(3)?),
                r.get::<_, String>(4)?,
            ))
        })
        .map_err(sql)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(sql)?;
    let mut reader = RowReader::open(&record.file, &record.settings)?;
    let mut cells = std::collections::HashMap::new();
    while cells.len() < FIRST_ROWS {
        match reader.next_row()? {
            Some(row) => {
                cells.insert(row.row, row.cells);
            }
            None => break,
        }
    }
    let short = |s: &str| s.chars().take(CELL_CHARS).collect::<String>();
    Ok(planned
        .into_iter()
        .map(|(row, given, phone, kind, reason)| PreviewRow {
            row,
            values: cells
                .remove(&row)
                .unwrap_or_default()
                .iter()
                .map(|c| short(c))
                .collect(),
            phone: short(&given),
            normalized: phone,
            outcome: outcome_of(kind),
            reason,
        })
        .collect())
}

fn outcome_of(kind: RowKind) -> PlannedOutcome {
    match kind {
        RowKind::New => PlannedOutcome::New,
        RowKind::Update => PlannedOutcome::Update,
        RowKind::DuplicateInFile => PlannedOutcome::SkippedDuplicateInFile,
        RowKind::SkippedExisting => PlannedOutcome::SkippedExisting,
        RowKind::Invalid => PlannedOutcome::Invalid,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn no_such_draft() -> AppError {
    AppError::new(
        ErrorCode::NotFound,
        "This import isn't open any more. Choose the file again.",
    )
}

fn not_checked() -> AppError {
    AppError::new(
        ErrorCode::Validation,
        "This import hasn't been checked yet. Run the dry run first.",
    )
}
