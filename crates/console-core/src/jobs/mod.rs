//! One engine for long work: bulk delete, exports, and (from the import code) imports.
//!
//! A job lives in its own folder, `<profile dir>/jobs/<job id>/`, holding
//! - `journal.db` — a SQLite journal, committed durably at every step (see [`journal`]), so a
//!   crash, a SIGKILL or a quit leaves it exactly at the last finished step, and
//!   [`Jobs::resume_all`] continues from there at the next start;
//! - `report.csv` — at the end, one line per input row: `row,identity,outcome,reason`
//!   ([`report`]);
//! - whatever the kind keeps (bulk delete's `backup.csv`).
//!
//! A job reports progress (done, total, failed, rate, time left) to the sink given to
//! [`Jobs::on_progress`], stops soon after [`Jobs::cancel`] with a report of what was and
//! wasn't done, and ends with a [`JobReport`]. Each kind's work is a [`JobRunner`] registered
//! with the engine; adding a kind means adding a [`JobKind`] variant and a runner.

pub mod bulk_delete;
pub mod clock;
mod context;
mod draft;
mod engine;
pub mod journal;
mod listing;
pub mod report;
mod runner;
mod types;

pub use context::{CancelToken, JobContext, ProgressFn};
pub use draft::Draft;
pub use engine::Jobs;
pub use journal::{JobRecord, Journal};
pub use report::{ReportWriter, REPORT_COLUMNS, REPORT_FILE};
pub use runner::{JobHandle, JobRunner};
pub use types::{JobInfo, JobKind, JobProgress, JobReport, JobState};
