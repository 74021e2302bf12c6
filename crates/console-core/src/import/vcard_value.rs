//! One vCard content line (`group.NAME;PARAM=…:value`) and its value's decoding: escapes
//! (`\,` `\;` `\n` `\\`), quoted-printable with a CHARSET (version 2.1).

use encoding_rs::{Encoding, WINDOWS_1252};

/// A parsed content line.
#[derive(Debug, Clone, PartialEq)]
pub struct Property {
    /// The property name, upper-case, without its group (`item1.TEL` → `TEL`).
    pub name: String,
    /// Parameters as (upper-case key, value); 2.1's bare `CELL` reads as `("TYPE","CELL")`.
    pub params: Vec<(String, String)>,
    /// Everything after the first `:` outside quotes, undecoded.
    pub raw_value: String,
}

impl Property {
    /// Parses a logical line; `None` when it has no `:`.
    pub fn parse(line: &str) -> Option<Self> {
        let colon = outside_quotes(line, b':').into_iter().next()?;
        let (head, value) = (&line[..colon], &line[colon + 1..]);
        let mut parts = split_at_all(head, &outside_quotes(head, b';'));
        let name_part = parts.remove(0);
        let name = name_part
            .rsplit('.')
            .next()
            .unwrap_or(name_part)
            .trim()
            .to_ascii_uppercase();
        let params = parts
            .into_iter()
            .map(|p| match p.split_once('=') {
                Some((k, v)) => (
                    k.trim().to_ascii_uppercase(),
                    v.trim().trim_matches('"').to_owned(),
                ),
                None => ("TYPE".to_owned(), p.trim().to_owned()),
            })
            .collect();
        Some(Self {
            name,
            params,
            raw_value: value.to_owned(),
        })
    }

    /// The value of parameter `key` (upper-case), if present.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Whether a TYPE parameter names one of `types` (upper-case).
    pub fn has_type(&self, types: &[&str]) -> bool {
        self.params
            .iter()
            .filter(|(k, _)| k == "TYPE")
            .flat_map(|(_, v)| v.split(','))
            .any(|t| types.contains(&t.trim().to_ascii_uppercase().as_str()))
    }
}

/// The value with its transfer encoding undone (quoted-printable, in its CHARSET). Escapes
/// are left for the caller, which knows where the value's components split.
pub fn decode_value(prop: &Property) -> String {
    let qp = prop
        .param("ENCODING")
        .is_some_and(|e| e.eq_ignore_ascii_case("QUOTED-PRINTABLE"))
        || prop.has_type(&["QUOTED-PRINTABLE"]);
    if !qp {
        return prop.raw_value.clone();
    }
    let bytes = quoted_printable(&prop.raw_value);
    let charset = prop
        .param("CHARSET")
        .and_then(|c| Encoding::for_label(c.as_bytes()));
    match (charset, std::str::from_utf8(&bytes)) {
        (Some(enc), _) => enc.decode_without_bom_handling(&bytes).0.into_owned(),
        (None, Ok(text)) => text.to_owned(),
        (None, Err(_)) => WINDOWS_1252
            .decode_without_bom_handling(&bytes)
            .0
            .into_owned(),
    }
}

/// Decodes `=XX` escapes; soft line breaks were already joined by the reader.
pub fn quoted_printable(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Undoes vCard escapes: `\n` and `\N` → line break, `\,` `\;` `\\` `\:` → the character.
pub fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out.trim().to_owned()
}

/// Splits on `sep` where it is not escaped, then unescapes each part.
pub fn split_unescaped(value: &str, sep: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            current.push(c);
            if let Some(next) = chars.next() {
                current.push(next);
            }
        } else if c == sep {
            parts.push(unescape(&current));
            current.clear();
        } else {
            current.push(c);
        }
    }
    parts.push(unescape(&current));
    parts
}

/// Byte offsets of `target` in `text` outside double quotes.
fn outside_quotes(text: &str, target: u8) -> Vec<usize> {
    let mut in_quotes = false;
    let mut found = Vec::new();
    for (i, b) in text.bytes().enumerate() {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if b == target && !in_quotes {
            found.push(i);
        }
    }
    found
}

fn split_at_all<'a>(text: &'a str, cuts: &[usize]) -> Vec<&'a str> {
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &cut in cuts {
        parts.push(&text[start..cut]);
        start = cut + 1;
    }
    parts.push(&text[start..]);
    parts
}
