//! An import file as rows: its format (CSV or vCard), encoding, delimiter and header worked
//! out once ([`detect_source`]), then read as a stream of [`RawRow`]s ([`RowReader`]).
//!
//! Row numbers are the ones a person finds in the file: for a CSV, the row a spreadsheet
//! shows (the header is row 1, the first contact row 2; a file without a header starts at
//! 1); for a vCard, the card's position (1 for the first).

use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::csv_rows::CsvRecords;
use super::encoding::{decoded, detect_encoding, read_full, TextEncoding};
use super::mapping::{is_known_header, suggest_mapping, ColumnMapping};
use super::sniff::{sniff_delimiter, Delimiter};
use super::vcard::{VCardReader, VCARD_COLUMNS};
use crate::error::{AppError, AppResult};

/// How much of the decoded start of a file is looked at to choose the format and delimiter.
const SNIFF_BYTES: usize = 16 * 1024;
/// How many rows the page previews.
const SAMPLE_ROWS: usize = 10;

/// The kinds of file the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    /// Comma-, semicolon- or tab-separated values.
    Csv,
    /// vCard (.vcf).
    VCard,
}

/// How to read a file, as detected (kept with the import so a resume reads it the same way).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SourceSettings {
    /// CSV or vCard.
    pub format: FileFormat,
    /// The text encoding.
    pub encoding: TextEncoding,
    /// The CSV delimiter (none for vCard).
    pub delimiter: Option<Delimiter>,
    /// Whether the first CSV row is a header (vCard: always `true`, its columns are fixed).
    pub has_header: bool,
}

/// What the page shows after a file is chosen: how it will be read, its columns, the first
/// rows and the suggested mapping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FileInspection {
    /// How the file will be read.
    pub settings: SourceSettings,
    /// The file's size in bytes.
    pub size_bytes: u64,
    /// The column headers (for a file without a header row: "Column 1", "Column 2", …).
    pub headers: Vec<String>,
    /// The first rows, as cells.
    pub sample: Vec<Vec<String>>,
    /// The suggested mapping.
    pub mapping: ColumnMapping,
}

/// One row of the file, before any check.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawRow {
    /// Its number, as a person finds it in the file.
    pub row: u64,
    /// Its cells, in column order (may be fewer or more than the headers).
    pub cells: Vec<String>,
    /// Labelled values outside the columns (vCard properties that become custom variables).
    pub extras: Vec<(String, String)>,
}

/// Works out format, encoding, delimiter and header of the file at `path`.
pub fn detect_source(path: &Path) -> AppResult<SourceSettings> {
    let encoding = detect_encoding(path)?;
    let (head, complete) = decoded_head(path, encoding)?;
    let text = String::from_utf8_lossy(&head);
    let first_line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let by_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("vcf") || e.eq_ignore_ascii_case("vcard"));
    if by_name || first_line.to_ascii_uppercase().starts_with("BEGIN:VCARD") {
        return Ok(SourceSettings {
            format: FileFormat::VCard,
            encoding,
            delimiter: None,
            has_header: true,
        });
    }
    let delimiter = sniff_delimiter(&head, complete);
    let mut records = CsvRecords::new(&head[..], delimiter);
    let mut first = Vec::new();
    records
        .next_record(&mut first)
        .map_err(|e| AppError::io("read the file", e))?;
    Ok(SourceSettings {
        format: FileFormat::Csv,
        encoding,
        delimiter: Some(delimiter),
        has_header: looks_like_header(&first),
    })
}

/// Reads the file's settings, headers and first rows, and suggests a mapping.
pub fn inspect_file(path: &Path) -> AppResult<FileInspection> {
    let settings = detect_source(path)?;
    let size_bytes = std::fs::metadata(path)
        .map_err(|e| AppError::io("read the file", e))?
        .len();
    let mut reader = RowReader::open(path, &settings)?;
    let mut sample = Vec::new();
    while sample.len() < SAMPLE_ROWS {
        match reader.next_row()? {
            Some(row) => sample.push(row.cells),
            None => break,
        }
    }
    let headers = reader.headers().to_vec();
    let mapping = suggest_mapping(&headers);
    Ok(FileInspection {
        settings,
        size_bytes,
        headers,
        sample,
        mapping,
    })
}

/// A header row names things; a data row holds a phone number. A first row with a
/// phone-like cell and no recognised header is data.
fn looks_like_header(first: &[String]) -> bool {
    let phone_like = |cell: &str| {
        let digits = cell.chars().filter(char::is_ascii_digit).count();
        digits >= 7
            && cell
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().'/".contains(c))
    };
    first.iter().any(|c| is_known_header(c)) || !first.iter().any(|c| phone_like(c.trim()))
}

/// The decoded first [`SNIFF_BYTES`] of the file, and whether that is all of it.
fn decoded_head(path: &Path, encoding: TextEncoding) -> AppResult<(Vec<u8>, bool)> {
    let file = std::fs::File::open(path).map_err(|e| AppError::io("open the file", e))?;
    let mut input = decoded(file, encoding);
    let mut head = vec![0u8; SNIFF_BYTES + 1];
    let n = read_full(&mut input, &mut head).map_err(|e| AppError::io("read the file", e))?;
    let complete = n <= SNIFF_BYTES;
    head.truncate(n.min(SNIFF_BYTES));
    Ok((head, complete))
}

enum Inner {
    Csv(Box<CsvRecords<Box<dyn Read + Send>>>),
    VCard(VCardReader<BufReader<Box<dyn Read + Send>>>),
}

/// Streams the rows of a file.
pub struct RowReader {
    inner: Inner,
    headers: Vec<String>,
    next_row: u64,
    bytes: Arc<AtomicU64>,
    cells: Vec<String>,
}

impl std::fmt::Debug for RowReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RowReader")
            .field("headers", &self.headers)
            .field("next_row", &self.next_row)
            .finish_non_exhaustive()
    }
}

impl RowReader {
    /// Opens `path` as `settings` say, reading the header row of a CSV that has one.
    pub fn open(path: &Path, settings: &SourceSettings) -> AppResult<Self> {
        let file = std::fs::File::open(path).map_err(|e| AppError::io("open the file", e))?;
        let bytes = Arc::new(AtomicU64::new(0));
        let counted = Counted {
            inner: file,
            bytes: bytes.clone(),
        };
        let input: Box<dyn Read + Send> = Box::new(decoded(counted, settings.encoding));
        match settings.format {
            FileFormat::VCard => Ok(Self {
                inner: Inner::VCard(VCardReader::new(BufReader::with_capacity(64 * 1024, input))),
                headers: VCARD_COLUMNS.iter().map(|h| (*h).to_owned()).collect(),
                next_row: 1,
                bytes,
                cells: Vec::new(),
            }),
            FileFormat::Csv => {
                let mut records =
                    CsvRecords::new(input, settings.delimiter.unwrap_or(Delimiter::Comma));
                let mut first = Vec::new();
                records
                    .next_record(&mut first)
                    .map_err(|e| AppError::io("read the file", e))?;
                let mut reader = Self {
                    inner: Inner::Csv(Box::new(records)),
                    headers: Vec::new(),
                    next_row: 1,
                    bytes,
                    cells: Vec::new(),
                };
                if settings.has_header {
                    reader.headers = first.iter().map(|h| h.trim().to_owned()).collect();
                    reader.next_row = 2;
                } else {
                    reader.headers = (1..=first.len()).map(|i| format!("Column {i}")).collect();
                    // The first record is data: hand it out first.
                    reader.cells = first;
                }
                Ok(reader)
            }
        }
    }

    /// The column headers.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// How many bytes of the file have been read so far (for progress).
    pub fn bytes_read(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// The next row, or `None` at the end of the file.
    pub fn next_row(&mut self) -> AppResult<Option<RawRow>> {
        let row = self.next_row;
        let read = |e: std::io::Error| AppError::io("read the file", e);
        let found = match &mut self.inner {
            Inner::Csv(records) => {
                if self.cells.is_empty() {
                    let mut cells = Vec::new();
                    if !records.next_record(&mut cells).map_err(read)? {
                        return Ok(None);
                    }
                    RawRow {
                        row,
                        cells,
                        extras: Vec::new(),
                    }
                } else {
                    RawRow {
                        row,
                        cells: std::mem::take(&mut self.cells),
                        extras: Vec::new(),
                    }
                }
            }
            Inner::VCard(cards) => match cards.next_card().map_err(read)? {
                Some(card) => RawRow {
                    row,
                    cells: card.cells,
                    extras: card.extras,
                },
                None => return Ok(None),
            },
        };
        self.next_row += 1;
        Ok(Some(found))
    }
}

/// Counts the bytes read through it.
struct Counted<R> {
    inner: R,
    bytes: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
