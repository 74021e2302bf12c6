//! Which text encoding a file is in, and a reader that turns it into UTF-8 as it streams.
//!
//! Spreadsheets save CSV as UTF-8 (often with a BOM), as UTF-16 ("Unicode text", usually with
//! a BOM, sometimes without), or in the Windows code page (Windows-1252, a superset of
//! Latin-1). The order of checks: a BOM decides; else a NUL byte in every other position
//! means UTF-16 without a BOM; else the whole file is checked for valid UTF-8 — a single bad
//! sequence anywhere means it is not UTF-8, so it is read as Windows-1252.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use encoding_rs_io::DecodeReaderBytesBuilder;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};

/// How many leading bytes the UTF-16 check looks at.
const SNIFF_BYTES: usize = 4096;

/// The text encodings an import file can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 starting with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16, little-endian (Windows' "Unicode text").
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-1252, which covers Latin-1 (ISO-8859-1) as browsers read it.
    Windows1252,
}

impl TextEncoding {
    /// The name a person reads.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (with BOM)",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1252 => "Windows-1252 (Latin-1)",
        }
    }

    fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 | TextEncoding::Utf8Bom => UTF_8,
            TextEncoding::Utf16Le => UTF_16LE,
            TextEncoding::Utf16Be => UTF_16BE,
            TextEncoding::Windows1252 => WINDOWS_1252,
        }
    }
}

/// Works out the encoding of the file at `path` (reads it once, in constant memory).
pub fn detect_encoding(path: &Path) -> AppResult<TextEncoding> {
    let mut file = open(path)?;
    let mut head = vec![0u8; SNIFF_BYTES];
    let n = read_full(&mut file, &mut head).map_err(|e| AppError::io("read the file", e))?;
    head.truncate(n);
    if let Some(found) = by_bom(&head) {
        return Ok(found);
    }
    if let Some(found) = by_nul_pattern(&head) {
        return Ok(found);
    }
    if is_utf8_stream(&head, &mut file).map_err(|e| AppError::io("read the file", e))? {
        Ok(TextEncoding::Utf8)
    } else {
        Ok(TextEncoding::Windows1252)
    }
}

/// The encoding a byte-order mark at the start of `head` names.
pub fn by_bom(head: &[u8]) -> Option<TextEncoding> {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some(TextEncoding::Utf8Bom)
    } else if head.starts_with(&[0xFF, 0xFE]) {
        Some(TextEncoding::Utf16Le)
    } else if head.starts_with(&[0xFE, 0xFF]) {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// UTF-16 without a BOM: text that is mostly ASCII has a NUL in every high byte, so NULs
/// cluster on odd offsets (little-endian) or even offsets (big-endian). Plain 8-bit text has
/// no NULs at all.
pub fn by_nul_pattern(head: &[u8]) -> Option<TextEncoding> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in head[..pairs * 2].iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    // A third of the code units being ASCII is plenty for a contacts file (digits, commas).
    let enough = pairs / 3;
    if odd > enough && even * 4 < odd {
        Some(TextEncoding::Utf16Le)
    } else if even > enough && odd * 4 < even {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// Whether `head` followed by the rest of `rest` is valid UTF-8, checked chunk by chunk.
fn is_utf8_stream(head: &[u8], rest: &mut impl Read) -> std::io::Result<bool> {
    let mut buf = vec![0u8; 64 * 1024];
    let mut carry = head.len().min(buf.len());
    buf[..carry].copy_from_slice(&head[..carry]);
    loop {
        let n = rest.read(&mut buf[carry..])?;
        let eof = n == 0;
        let len = carry + n;
        match std::str::from_utf8(&buf[..len]) {
            Ok(_) => carry = 0,
            // A character cut by the chunk's end: keep its first bytes for the next round.
            Err(e) if e.error_len().is_none() && !eof => {
                let valid = e.valid_up_to();
                buf.copy_within(valid..len, 0);
                carry = len - valid;
            }
            Err(_) => return Ok(false),
        }
        if eof {
            return Ok(true);
        }
    }
}

/// Opens `path` as a stream of UTF-8 bytes decoded from `encoding` (the BOM is dropped;
/// undecodable bytes become U+FFFD).
pub fn open_decoded(path: &Path, encoding: TextEncoding) -> AppResult<Box<dyn Read + Send>> {
    let file = open(path)?;
    Ok(Box::new(decoded(file, encoding)))
}

/// Wraps `input` so it reads as UTF-8 decoded from `encoding`.
pub fn decoded<R: Read + Send + 'static>(input: R, encoding: TextEncoding) -> impl Read + Send {
    DecodeReaderBytesBuilder::new()
        .encoding(Some(encoding.encoding()))
        .build(BufReader::with_capacity(64 * 1024, input))
}

fn open(path: &Path) -> AppResult<File> {
    File::open(path).map_err(|e| AppError::io(&format!("open {}", path.display()), e))
}

/// Reads until `buf` is full or the input ends; returns how many bytes were read.
pub(crate) fn read_full(input: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match input.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}
