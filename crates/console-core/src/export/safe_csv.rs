//! The one CSV writer every file the console writes goes through (exports, backups, job
//! reports, the audit log): RFC 4180 quoting, UTF-8 with a byte-order mark so spreadsheets
//! read accents and emoji right, and cells neutralized against formula injection.
//!
//! **Formula injection.** A spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` as
//! a formula (and some also when it begins with a tab or a carriage return). A contact named
//! `=HYPERLINK(…)` must not become a live link in whoever opens the export, so such cells get
//! a leading `'`, which spreadsheets show as text and hide. The one exception is a valid
//! E.164 phone number (`+`, then 7–15 digits, the first not 0): it stays as it is, so an
//! export re-imports cleanly (the importer also strips a leading `'`).
//!
//! **Crash safety.** [`SafeCsvFile`] writes to `<name>.partial` beside the destination and
//! renames it into place only after the bytes are on disk, so the destination is always
//! either the previous file or the complete new one.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{AppError, AppResult};

/// The UTF-8 byte-order mark written first in every file.
pub const BOM: &str = "\u{feff}";

/// Whether `cell` is an E.164 number: `+`, then 7–15 digits, the first not 0.
pub fn is_e164(cell: &str) -> bool {
    let Some(digits) = cell.strip_prefix('+') else {
        return false;
    };
    (7..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}

/// `cell` made safe to open in a spreadsheet: a leading `'` when it begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return — except an E.164 number, which is kept as it is.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'+') if is_e164(cell) => Cow::Borrowed(cell),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// A CSV writer over any output that neutralizes every cell.
pub struct SafeCsv<W: Write> {
    inner: csv::Writer<W>,
}

impl<W: Write> std::fmt::Debug for SafeCsv<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SafeCsv").finish_non_exhaustive()
    }
}

impl<W: Write> SafeCsv<W> {
    /// Writes the byte-order mark and the header row to `out`.
    pub fn new<S: AsRef<str>>(mut out: W, header: &[S]) -> AppResult<Self> {
        out.write_all(BOM.as_bytes()).map_err(write_err)?;
        let inner = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Necessary)
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        let mut writer = Self { inner };
        writer.row(header)?;
        Ok(writer)
    }

    /// Writes one row; each cell is neutralized, then quoted when it holds a comma, a quote
    /// or a line break.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> AppResult<()> {
        self.inner
            .write_record(cells.iter().map(|c| neutralize(c.as_ref()).into_owned()))
            .map_err(|e| AppError::io("write the CSV file", e))
    }

    /// Flushes and returns the output.
    pub fn into_inner(self) -> AppResult<W> {
        self.inner
            .into_inner()
            .map_err(|e| AppError::io("write the CSV file", e.error()))
    }
}

/// A CSV file being written: complete at `path` after [`SafeCsvFile::commit`], absent (or
/// the previous version) otherwise.
pub struct SafeCsvFile {
    csv: SafeCsv<BufWriter<File>>,
    tmp: PathBuf,
    path: PathBuf,
    rows: u64,
}

impl std::fmt::Debug for SafeCsvFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SafeCsvFile")
            .field("path", &self.path)
            .field("rows", &self.rows)
            .finish()
    }
}

/// Where a file is written before it is complete: `<name>.partial` in the same folder, so the
/// final rename stays on one file system.
pub fn partial_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "export.csv".into());
    name.push(".partial");
    path.with_file_name(name)
}

impl SafeCsvFile {
    /// Starts `path` (through its `.partial` file, replacing any left by a crash) with
    /// `header`.
    pub fn create<S: AsRef<str>>(path: &Path, header: &[S]) -> AppResult<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| AppError::io("create the folder", e))?;
        }
        let tmp = partial_path(path);
        let file = File::create(&tmp).map_err(|e| AppError::io("create the CSV file", e))?;
        let csv = SafeCsv::new(BufWriter::with_capacity(64 * 1024, file), header)?;
        Ok(Self {
            csv,
            tmp,
            path: path.to_owned(),
            rows: 0,
        })
    }

    /// Writes one data row.
    pub fn row<S: AsRef<str>>(&mut self, cells: &[S]) -> AppResult<()> {
        self.rows += 1;
        self.csv.row(cells)
    }

    /// Data rows written so far.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Where the file will be once committed.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes, syncs and renames the file into place. Returns how many data rows it holds.
    pub fn commit(self) -> AppResult<u64> {
        let file = self
            .csv
            .into_inner()?
            .into_inner()
            .map_err(|e| AppError::io("write the CSV file", e.error()))?;
        file.sync_all()
            .map_err(|e| AppError::io("write the CSV file", e))?;
        drop(file);
        std::fs::rename(&self.tmp, &self.path).map_err(|e| AppError::io("save the CSV file", e))?;
        sync_dir(&self.path);
        Ok(self.rows)
    }

    /// Stops and deletes the unfinished file.
    pub fn abandon(self) {
        let tmp = self.tmp.clone();
        drop(self);
        let _ = std::fs::remove_file(tmp);
    }
}

/// Makes a rename durable (the directory entry), where the platform allows it.
pub(crate) fn sync_dir(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(handle) = File::open(dir) {
            let _ = handle.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn write_err(e: std::io::Error) -> AppError {
    AppError::io("write the CSV file", e)
}
