//! CSV records from a UTF-8 stream, in bounded memory.
//!
//! Built on `csv-core` (the engine of the `csv` crate) rather than `csv::Reader` because the
//! latter keeps a whole record in memory however long it is: one stray quote in a large file
//! would swallow the rest of it into a single field. Here a field keeps at most
//! [`MAX_FIELD_BYTES`] and a record at most [`MAX_COLUMNS`] fields; the excess is read and
//! dropped (the cut is noted later, when the row is checked). Quoted fields may hold
//! delimiters, doubled quotes and line breaks.

use std::io::Read;

use csv_core::{ReadFieldResult, Reader, ReaderBuilder};

use super::encoding::read_full;
use super::sniff::Delimiter;

/// The most bytes kept of one field; the import's own limits are far lower.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;
/// The most fields kept of one record.
pub const MAX_COLUMNS: usize = 500;

const CHUNK: usize = 64 * 1024;

/// Reads records one at a time from a stream of UTF-8 bytes.
pub struct CsvRecords<R> {
    input: R,
    parser: Reader,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    field: Vec<u8>,
    scratch: Vec<u8>,
}

impl<R> std::fmt::Debug for CsvRecords<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvRecords").finish_non_exhaustive()
    }
}

impl<R: Read> CsvRecords<R> {
    /// A reader of `input` split on `delimiter`.
    pub fn new(input: R, delimiter: Delimiter) -> Self {
        Self {
            input,
            parser: ReaderBuilder::new().delimiter(delimiter.byte()).build(),
            buf: vec![0; CHUNK],
            pos: 0,
            len: 0,
            eof: false,
            field: vec![0; MAX_FIELD_BYTES],
            scratch: vec![0; 4096],
        }
    }

    /// Fills `out` with the next record's fields (replacing what it held). Returns `false`
    /// at the end of the input. Blank lines are skipped.
    pub fn next_record(&mut self, out: &mut Vec<String>) -> std::io::Result<bool> {
        out.clear();
        let mut kept = 0usize;
        let mut overflow = false;
        loop {
            if self.pos == self.len && !self.eof {
                self.len = read_full(&mut self.input, &mut self.buf)?;
                self.pos = 0;
                self.eof = self.len == 0;
            }
            let input = &self.buf[self.pos..self.len];
            // Once a field is full, the rest of it is parsed into a throwaway buffer.
            let output = if overflow {
                &mut self.scratch[..]
            } else {
                &mut self.field[kept..]
            };
            let (result, nin, nout) = self.parser.read_field(input, output);
            self.pos += nin;
            if !overflow {
                kept += nout;
            }
            match result {
                ReadFieldResult::InputEmpty => {}
                ReadFieldResult::OutputFull => overflow = true,
                ReadFieldResult::Field { record_end } => {
                    if out.len() < MAX_COLUMNS {
                        out.push(text_of(&self.field[..kept], overflow));
                    }
                    kept = 0;
                    overflow = false;
                    if record_end {
                        return Ok(true);
                    }
                }
                ReadFieldResult::End => return Ok(!out.is_empty()),
            }
        }
    }
}

/// The field as text; a field cut mid-character loses that partial character.
fn text_of(bytes: &[u8], cut: bool) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(e) if cut && e.error_len().is_none() => {
            String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned()
        }
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}
