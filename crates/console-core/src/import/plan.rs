//! The dry run: the whole file read as a stream, every row checked, duplicates found (in the
//! file through the journal's `phones` table on disk; against the account through
//! [`ExistingContacts`]), and the outcome of each row written to the journal — the plan the
//! sending phase then follows. Nothing is sent. Memory stays flat whatever the file's size.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::control::ImportControl;
use super::existing::ExistingContacts;
use super::phone::DefaultCountry;
use super::prepare::{Prepared, PreparedRow, RowPreparer};
use super::source::{RawRow, RowReader};
use super::store::{BatchState, ImportStore, RowKind, PLAN_COMMIT_EVERY};
use super::types::{DryRun, DuplicatePolicy, ImportPhase, ImportSpec, PlannedOutcome, PreviewRow};
use crate::error::{AppError, AppResult, ErrorCode};

/// The plan as kept in the journal: what was asked, and what the dry run found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanRecord {
    /// The request.
    pub spec: ImportSpec,
    /// The verdict.
    pub summary: DryRun,
}

/// The most rows each preview list keeps, whatever the options ask.
const MAX_PREVIEW_ROWS: u32 = 1000;
/// How many characters of each cell a preview row keeps.
const PREVIEW_CELL_CHARS: usize = 200;

/// Runs the dry run for `spec` in the job folder `job_dir` (replacing an earlier plan there).
/// Blocking: run it on a blocking thread.
pub fn dry_run(
    job_dir: &Path,
    spec: &ImportSpec,
    existing: &dyn ExistingContacts,
    control: &ImportControl,
) -> AppResult<DryRun> {
    spec.options.validate()?;
    let country = DefaultCountry::parse(&spec.options.default_country)?;
    let preparer = RowPreparer::new(&spec.mapping, country)?;
    let mut reader = RowReader::open(&spec.file, &spec.settings)?;
    check_headers(
        &spec
            .mapping
            .columns
            .iter()
            .map(|c| c.header.as_str())
            .collect::<Vec<_>>(),
        reader.headers(),
    )?;
    let total_bytes = std::fs::metadata(&spec.file).map(|m| m.len()).unwrap_or(0);
    let mut store = ImportStore::open(job_dir)?;
    // A plan some of whose batches went out can't be replaced: the new one would send them
    // again and the report would lose them.
    let started = store
        .batch_states()?
        .iter()
        .any(|(_, s)| *s != BatchState::Pending);
    if started || store.meta("report")?.is_some() {
        return Err(AppError::new(
            ErrorCode::Conflict,
            "This import has already started sending. Start a new import for another dry run.",
        ));
    }
    store.begin_plan()?;
    let result = plan_rows(
        &store,
        &mut reader,
        &preparer,
        spec,
        existing,
        control,
        total_bytes,
    );
    match result {
        Ok(summary) => {
            let record = PlanRecord {
                spec: spec.clone(),
                summary: summary.clone(),
            };
            let json = serde_json::to_string(&record)
                .map_err(|e| AppError::io("save the import plan", e))?;
            store.finish_plan(&json)?;
            control.progress(
                ImportPhase::Checking,
                total_bytes,
                total_bytes,
                0,
                None,
                true,
            );
            Ok(summary)
        }
        Err(e) => {
            store.abandon_plan();
            Err(e)
        }
    }
}

/// The mapping must describe this file's columns, in order.
fn check_headers(mapped: &[&str], file: &[String]) -> AppResult<()> {
    let same =
        mapped.len() == file.len() && mapped.iter().zip(file).all(|(a, b)| a.trim() == b.trim());
    if same {
        Ok(())
    } else {
        Err(AppError::invalid(
            "mapping",
            "The column mapping doesn't match this file's columns. Choose the file again.",
        ))
    }
}

fn plan_rows(
    store: &ImportStore,
    reader: &mut RowReader,
    preparer: &RowPreparer,
    spec: &ImportSpec,
    existing: &dyn ExistingContacts,
    control: &ImportControl,
    total_bytes: u64,
) -> AppResult<DryRun> {
    let batch_size = u64::from(spec.options.batch_size);
    let max_preview = spec.options.max_problem_rows.min(MAX_PREVIEW_ROWS) as usize;
    let mut summary = DryRun::default();
    let mut to_send = 0u64;
    while let Some(raw) = reader.next_row()? {
        let prepared = preparer.prepare(&raw);
        let (kind, phone, reason, payload) =
            decide(store, &prepared, spec.options.duplicates, existing)?;
        let batch = payload.as_ref().map(|_| {
            let b = to_send / batch_size;
            to_send += 1;
            b
        });
        store.insert_row(
            raw.row,
            &prepared.given_phone,
            phone.as_deref(),
            kind,
            &reason,
            batch,
            payload.as_deref(),
        )?;
        summary.rows += 1;
        let fixed = !prepared.notes.is_empty();
        let outcome = match kind {
            RowKind::New => {
                summary.new += 1;
                PlannedOutcome::New
            }
            RowKind::Update => {
                summary.update += 1;
                PlannedOutcome::Update
            }
            RowKind::DuplicateInFile => {
                summary.duplicates_in_file += 1;
                PlannedOutcome::SkippedDuplicateInFile
            }
            RowKind::SkippedExisting => {
                summary.skipped_existing += 1;
                PlannedOutcome::SkippedExisting
            }
            RowKind::Invalid => {
                summary.invalid += 1;
                PlannedOutcome::Invalid
            }
        };
        let sendable = matches!(kind, RowKind::New | RowKind::Update);
        if sendable && fixed {
            summary.fixed += 1;
        }
        let problem = matches!(kind, RowKind::Invalid | RowKind::DuplicateInFile);
        let list = if problem {
            Some(&mut summary.problems)
        } else if sendable && fixed {
            Some(&mut summary.fixed_examples)
        } else {
            None
        };
        if let Some(list) = list.filter(|l| l.len() < max_preview) {
            list.push(preview(&raw, &prepared.given_phone, phone, outcome, reason));
        }
        if summary.rows % PLAN_COMMIT_EVERY == 0 {
            store.plan_checkpoint()?;
        }
        if summary.rows % 1000 == 0 {
            control.check()?;
            control.progress(
                ImportPhase::Checking,
                reader.bytes_read(),
                total_bytes,
                0,
                None,
                false,
            );
        }
    }
    summary.skip = summary.duplicates_in_file + summary.skipped_existing;
    summary.batches = to_send.div_ceil(batch_size);
    Ok(summary)
}

type Decision = (RowKind, Option<String>, String, Option<String>);

/// The row's fate: kind, E.164 number, reason, and the contact JSON when it will be sent.
fn decide(
    store: &ImportStore,
    prepared: &PreparedRow,
    policy: DuplicatePolicy,
    existing: &dyn ExistingContacts,
) -> AppResult<Decision> {
    let contact = match &prepared.outcome {
        Prepared::Invalid(reason) => return Ok((RowKind::Invalid, None, reason.clone(), None)),
        Prepared::Ready(contact) => contact,
    };
    let phone = contact.phone.clone();
    if let Some(first) = store.claim_phone(&phone, prepared.row)? {
        let reason = format!("same number as row {first}");
        return Ok((RowKind::DuplicateInFile, Some(phone), reason, None));
    }
    let notes = prepared.notes.join("; ");
    let kind = match (existing.contains(&phone)?, policy) {
        (false, _) => RowKind::New,
        (true, DuplicatePolicy::Update) => RowKind::Update,
        (true, DuplicatePolicy::Skip) => {
            return Ok((
                RowKind::SkippedExisting,
                Some(phone),
                "already a contact".into(),
                None,
            ))
        }
    };
    let payload =
        serde_json::to_string(contact).map_err(|e| AppError::io("save the import plan", e))?;
    Ok((kind, Some(phone), notes, Some(payload)))
}

fn preview(
    raw: &RawRow,
    given: &str,
    normalized: Option<String>,
    outcome: PlannedOutcome,
    reason: String,
) -> PreviewRow {
    let short = |s: &str| s.chars().take(PREVIEW_CELL_CHARS).collect::<String>();
    PreviewRow {
        row: raw.row,
        values: raw.cells.iter().map(|c| short(c)).collect(),
        phone: short(given),
        normalized,
        outcome,
        reason,
    }
}
