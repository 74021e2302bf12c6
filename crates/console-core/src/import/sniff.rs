//! Which delimiter a CSV file uses (comma, semicolon or tab), from its first few kilobytes.
//!
//! Excel writes semicolons where the decimal separator is a comma (most of Europe), tabs for
//! "Unicode text", commas elsewhere. The right delimiter splits every line into the same
//! number of fields; delimiters inside quoted fields don't count.

use serde::{Deserialize, Serialize};

/// The field separators an import file may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    /// `,`
    Comma,
    /// `;`
    Semicolon,
    /// A tab character.
    Tab,
}

impl Delimiter {
    /// The byte itself.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
        }
    }

    /// The name a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Delimiter::Comma => "comma",
            Delimiter::Semicolon => "semicolon",
            Delimiter::Tab => "tab",
        }
    }
}

/// How many records the sniffer looks at, at most.
const MAX_RECORDS: usize = 50;

/// The delimiter of a CSV whose beginning (decoded to UTF-8) is `head`. When the sample
/// ends mid-record (the usual case), that last partial record is ignored. With no evidence
/// at all (a one-column file), comma.
pub fn sniff_delimiter(head: &[u8], complete: bool) -> Delimiter {
    let candidates = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];
    let mut best = (Delimiter::Comma, 0usize, 0usize);
    for d in candidates {
        let counts = counts_per_record(head, d.byte(), complete);
        let Some((mode, agree)) = mode_of(&counts) else {
            continue;
        };
        if mode == 0 {
            continue;
        }
        // Most records agreeing wins; then more fields per record.
        if (agree, mode) > (best.1, best.2) {
            best = (d, agree, mode);
        }
    }
    best.0
}

/// For each record of `text`, how many `delim` bytes lie outside quotes.
fn counts_per_record(text: &[u8], delim: u8, complete: bool) -> Vec<usize> {
    let mut counts = Vec::new();
    let (mut in_quotes, mut count, mut any) = (false, 0usize, false);
    for &b in text {
        if counts.len() >= MAX_RECORDS {
            return counts;
        }
        match b {
            // A doubled quote inside quotes toggles twice: the state is right either way.
            b'"' => {
                in_quotes = !in_quotes;
                any = true;
            }
            b'\n' | b'\r' if !in_quotes => {
                if any {
                    counts.push(count);
                }
                count = 0;
                any = false;
            }
            _ if b == delim && !in_quotes => {
                count += 1;
                any = true;
            }
            _ => any = true,
        }
    }
    if complete && any {
        counts.push(count);
    }
    counts
}

/// The most common value and how many times it occurs (ties: the larger value).
fn mode_of(values: &[usize]) -> Option<(usize, usize)> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < sorted.len() {
        let v = sorted[i];
        let run = sorted[i..].iter().take_while(|&&x| x == v).count();
        if best.is_none_or(|(_, n)| run >= n) {
            best = Some((v, run));
        }
        i += run;
    }
    best
}
