//! The final report: one CSV line for every row of the file, exactly once, in file order —
//! `row,phone,normalized_phone,outcome,reason` — and the totals. Written from the journal as
//! a stream, to a temporary file renamed into place, so it is whole or absent.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use super::store::{sql, BatchState, ImportStore, RowKind};
use super::types::{ImportEnd, ImportTotals, RowOutcome};

/// The reason given to rows that were not confirmed when the import ended as `end`.
pub(crate) fn unsent_reason(end: ImportEnd, error: Option<&str>) -> String {
    match (end, error) {
        (ImportEnd::Cancelled, _) => {
            "not imported: the import was cancelled before Sendblue confirmed this row".into()
        }
        (_, Some(why)) => format!("not imported: the import stopped ({why})"),
        (_, None) => "not imported".into(),
    }
}
use crate::error::{AppError, AppResult};

/// The report's file name in the job folder.
pub const REPORT_FILE: &str = "report.csv";

/// The header line.
pub const REPORT_HEADER: [&str; 5] = ["row", "phone", "normalized_phone", "outcome", "reason"];

/// Writes the report of the journal in `store` to `dir/report.csv`; returns its path and the
/// totals. Rows whose batch was never confirmed get `unsent_reason`.
pub(crate) fn write_report(
    store: &ImportStore,
    dir: &Path,
    unsent_reason: &str,
) -> AppResult<(PathBuf, ImportTotals)> {
    let path = dir.join(REPORT_FILE);
    let tmp = dir.join(format!("{REPORT_FILE}.tmp"));
    let io = |e: std::io::Error| AppError::io("write the import report", e);
    let file = File::create(&tmp).map_err(io)?;
    let mut out = csv::Writer::from_writer(BufWriter::with_capacity(256 * 1024, file));
    let csv_err = |e: csv::Error| AppError::io("write the import report", e);
    out.write_record(REPORT_HEADER).map_err(csv_err)?;
    let mut totals = ImportTotals::default();
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT r.row, r.given, r.phone, r.kind, r.reason, b.state, b.error, j.reason
             FROM rows r
             LEFT JOIN batches b ON b.batch = r.batch
             LEFT JOIN rejected j ON j.row = r.row
             ORDER BY r.row",
        )
        .map_err(sql)?;
    let mut rows = stmt.query([]).map_err(sql)?;
    while let Some(r) = rows.next().map_err(sql)? {
        let row: i64 = r.get(0).map_err(sql)?;
        let given: String = r.get(1).map_err(sql)?;
        let phone: Option<String> = r.get(2).map_err(sql)?;
        let kind = RowKind::from_i64(r.get(3).map_err(sql)?);
        let reason: String = r.get(4).map_err(sql)?;
        let state = r
            .get::<_, Option<i64>>(5)
            .map_err(sql)?
            .map(BatchState::from_i64);
        let batch_error: Option<String> = r.get(6).map_err(sql)?;
        let rejected: Option<String> = r.get(7).map_err(sql)?;
        let (outcome, reason) =
            final_outcome(kind, reason, state, batch_error, rejected, unsent_reason);
        totals.add(outcome);
        out.write_record([
            row.to_string().as_str(),
            &safe_cell(&given),
            &safe_cell(phone.as_deref().unwrap_or("")),
            outcome.as_str(),
            &safe_cell(&reason),
        ])
        .map_err(csv_err)?;
    }
    let writer = out.into_inner().map_err(|e| io(e.into_error()))?;
    let file = writer.into_inner().map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(io)?;
    drop(file);
    std::fs::rename(&tmp, &path).map_err(io)?;
    Ok((path, totals))
}

/// What became of a row, from the plan's decision and its batch's fate.
fn final_outcome(
    kind: RowKind,
    reason: String,
    state: Option<BatchState>,
    batch_error: Option<String>,
    rejected: Option<String>,
    unsent_reason: &str,
) -> (RowOutcome, String) {
    let sent_ok = match kind {
        RowKind::New => RowOutcome::Imported,
        RowKind::Update => RowOutcome::Updated,
        RowKind::DuplicateInFile => return (RowOutcome::SkippedDuplicateInFile, reason),
        RowKind::SkippedExisting => return (RowOutcome::SkippedExisting, reason),
        RowKind::Invalid => return (RowOutcome::Invalid, reason),
    };
    if let Some(why) = rejected {
        return (RowOutcome::Failed, why);
    }
    match state {
        Some(BatchState::Done) => (sent_ok, reason),
        Some(BatchState::Failed) => (
            RowOutcome::Failed,
            batch_error.unwrap_or_else(|| "Sendblue refused it".into()),
        ),
        _ => (RowOutcome::Failed, unsent_reason.to_owned()),
    }
}

/// A cell a spreadsheet won't run as a formula: text starting with `=`, `+`, `-`, `@`, tab
/// or carriage return gets a leading `'` — except an E.164 number, which stays as it is.
pub fn safe_cell(cell: &str) -> String {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_e164(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn is_e164(s: &str) -> bool {
    s.strip_prefix('+').is_some_and(|d| {
        (7..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0')
    })
}
