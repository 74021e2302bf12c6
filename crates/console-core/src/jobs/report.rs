//! The row-by-row report every job ends with: `report.csv` in the job's folder, one line per
//! input row — `row` (its position in the input, from 1), `identity` (phone number, message
//! handle, …), `outcome` (`deleted`, `not_found`, `failed`, `skipped`, `exported`, …) and
//! `reason` (in plain words; empty when there is nothing to add).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::clock;
use super::context::JobContext;
use super::types::{JobReport, JobState};
use crate::error::AppResult;
use crate::export::safe_csv::SafeCsvFile;

/// The report's columns.
pub const REPORT_COLUMNS: [&str; 4] = ["row", "identity", "outcome", "reason"];

/// The report's file name in the job folder.
pub const REPORT_FILE: &str = "report.csv";

/// Writes `report.csv` and counts outcomes as it goes.
#[derive(Debug)]
pub struct ReportWriter {
    file: SafeCsvFile,
    counts: BTreeMap<String, u64>,
}

impl ReportWriter {
    /// Starts the report in the job folder `dir` (replacing one left by an earlier run).
    pub fn create(dir: &Path) -> AppResult<Self> {
        Ok(Self {
            file: SafeCsvFile::create(&dir.join(REPORT_FILE), &REPORT_COLUMNS)?,
            counts: BTreeMap::new(),
        })
    }

    /// Adds the line of input row `row`.
    pub fn row(&mut self, row: u64, identity: &str, outcome: &str, reason: &str) -> AppResult<()> {
        *self.counts.entry(outcome.to_owned()).or_default() += 1;
        self.file
            .row(&[row.to_string().as_str(), identity, outcome, reason])
    }

    /// Lines written so far.
    pub fn rows(&self) -> u64 {
        self.file.rows()
    }

    /// Saves the report; returns its path, the counts by outcome and the number of lines.
    pub fn commit(self) -> AppResult<(PathBuf, BTreeMap<String, u64>, u64)> {
        let path = self.file.path().to_owned();
        let rows = self.file.commit()?;
        Ok((path, self.counts, rows))
    }

    /// Drops the unfinished report.
    pub fn abandon(self) {
        self.file.abandon();
    }
}

/// A report of `ctx`'s job with these counts and nothing else set; runners fill in the files.
pub fn new_report(
    ctx: &JobContext,
    state: JobState,
    total: u64,
    counts: BTreeMap<String, u64>,
) -> JobReport {
    JobReport {
        job_id: ctx.id().to_owned(),
        kind: ctx.kind(),
        state,
        total,
        counts,
        report_csv: None,
        backup_csv: None,
        output: None,
        finished_at: clock::now_iso(),
        error: None,
    }
}

/// A path as the page shows it.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}
