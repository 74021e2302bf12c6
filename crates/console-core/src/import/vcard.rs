//! vCard files (.vcf; versions 2.1, 3.0 and 4.0), read one card at a time.
//!
//! Each card becomes a row with the fixed columns of [`VCARD_COLUMNS`] — so the same column
//! mapping (and the same checks) apply as for a CSV — plus extra properties (NOTE, TITLE,
//! BDAY, ADR, URL, …) that become custom variables. Folded lines (a line starting with a space
//! or tab continues the previous one) and version 2.1's quoted-printable values (with `=`
//! soft line breaks and a CHARSET) are handled. Physical lines are capped, so a huge embedded
//! PHOTO costs no memory.

use std::io::{BufRead, Read};

use super::vcard_value::{decode_value, split_unescaped, unescape, Property};

/// The columns every card is turned into.
pub const VCARD_COLUMNS: [&str; 7] = [
    "Full name",
    "First name",
    "Last name",
    "Phone",
    "Email",
    "Company",
    "Tags",
];

/// The longest physical line kept; the rest of a longer one is dropped.
const MAX_LINE: usize = 16 * 1024;
/// The most extra properties kept per card.
const MAX_EXTRAS: usize = 50;

/// One card: the fixed columns (in [`VCARD_COLUMNS`] order) and extra labelled values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Card {
    /// Values of [`VCARD_COLUMNS`].
    pub cells: Vec<String>,
    /// Other properties, as (label, value).
    pub extras: Vec<(String, String)>,
}

/// Reads cards from a stream of UTF-8 bytes.
pub struct VCardReader<R> {
    input: R,
    pending: Option<String>,
    line: Vec<u8>,
}

impl<R> std::fmt::Debug for VCardReader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VCardReader").finish_non_exhaustive()
    }
}

impl<R: BufRead> VCardReader<R> {
    /// A reader over `input`.
    pub fn new(input: R) -> Self {
        Self {
            input,
            pending: None,
            line: Vec::new(),
        }
    }

    /// The next card, or `None` at the end of the input. Text outside BEGIN/END is ignored.
    pub fn next_card(&mut self) -> std::io::Result<Option<Card>> {
        let mut builder: Option<CardBuilder> = None;
        while let Some(line) = self.logical_line()? {
            let Some(prop) = Property::parse(&line) else {
                continue;
            };
            match (prop.name.as_str(), builder.as_mut()) {
                ("BEGIN", None) if prop.raw_value.eq_ignore_ascii_case("VCARD") => {
                    builder = Some(CardBuilder::default());
                }
                ("END", Some(_)) if prop.raw_value.eq_ignore_ascii_case("VCARD") => {
                    return Ok(builder.take().map(CardBuilder::finish));
                }
                (_, Some(b)) => b.add(prop),
                _ => {}
            }
        }
        // A last card without END:VCARD still counts.
        Ok(builder.map(CardBuilder::finish))
    }

    /// One logical line: folded continuation lines joined, quoted-printable soft breaks
    /// followed.
    fn logical_line(&mut self) -> std::io::Result<Option<String>> {
        let mut line = match self.pending.take() {
            Some(l) => l,
            None => match self.physical_line()? {
                Some(l) => l,
                None => return Ok(None),
            },
        };
        loop {
            // Version 2.1 quoted-printable: a value ending in `=` goes on at the next line.
            if line.ends_with('=') && is_quoted_printable(&line) {
                match self.physical_line()? {
                    Some(next) => {
                        line.pop();
                        line.push_str(&next);
                        continue;
                    }
                    None => return Ok(Some(line)),
                }
            }
            match self.physical_line()? {
                Some(next) if next.starts_with([' ', '\t']) => {
                    if line.len() < MAX_LINE {
                        line.push_str(&next[1..]);
                    }
                }
                Some(next) => {
                    self.pending = Some(next);
                    return Ok(Some(line));
                }
                None => return Ok(Some(line)),
            }
        }
    }

    /// One line without its line break, at most [`MAX_LINE`] bytes of it.
    fn physical_line(&mut self) -> std::io::Result<Option<String>> {
        self.line.clear();
        let n = (&mut self.input)
            .take(MAX_LINE as u64)
            .read_until(b'\n', &mut self.line)?;
        if n == 0 {
            return Ok(None);
        }
        if self.line.last() != Some(&b'\n') && n == MAX_LINE {
            // Too long: drop the rest of this line.
            let mut sink = Vec::new();
            loop {
                sink.clear();
                let k = (&mut self.input)
                    .take(MAX_LINE as u64)
                    .read_until(b'\n', &mut sink)?;
                if k == 0 || sink.last() == Some(&b'\n') {
                    break;
                }
            }
        }
        while matches!(self.line.last(), Some(b'\n' | b'\r')) {
            self.line.pop();
        }
        Ok(Some(String::from_utf8_lossy(&self.line).into_owned()))
    }
}

fn is_quoted_printable(line: &str) -> bool {
    let head = line.split(':').next().unwrap_or("").to_ascii_uppercase();
    head.contains("QUOTED-PRINTABLE")
}

/// The properties of one card as they arrive.
#[derive(Default)]
struct CardBuilder {
    full_name: Option<String>,
    first: Option<String>,
    last: Option<String>,
    phones: Vec<(String, bool)>,
    email: Option<String>,
    company: Option<String>,
    tags: Vec<String>,
    extras: Vec<(String, String)>,
}

impl CardBuilder {
    fn add(&mut self, prop: Property) {
        let value = decode_value(&prop);
        match prop.name.as_str() {
            "FN" => set_once(&mut self.full_name, unescape(&value)),
            "N" => {
                let parts = split_unescaped(&value, ';');
                set_once(&mut self.last, parts.first().cloned().unwrap_or_default());
                set_once(&mut self.first, parts.get(1).cloned().unwrap_or_default());
            }
            "TEL" => {
                let number = unescape(&value);
                let number = number
                    .strip_prefix("tel:")
                    .map(str::to_owned)
                    .unwrap_or(number);
                if !number.trim().is_empty() {
                    self.phones
                        .push((number, prop.has_type(&["CELL", "MOBILE", "IPHONE"])));
                }
            }
            "EMAIL" => set_once(&mut self.email, unescape(&value)),
            "ORG" => {
                let parts = split_unescaped(&value, ';');
                let org: Vec<&str> = parts
                    .iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect();
                set_once(&mut self.company, org.join(", "));
            }
            "CATEGORIES" => self.tags.extend(split_unescaped(&value, ',')),
            name => {
                if let Some(label) = extra_label(name) {
                    let text = if name == "ADR" {
                        let parts = split_unescaped(&value, ';');
                        let parts: Vec<&str> = parts
                            .iter()
                            .map(|s| s.trim())
                            .filter(|s| !s.is_empty())
                            .collect();
                        parts.join(", ")
                    } else {
                        unescape(&value)
                    };
                    if !text.trim().is_empty() && self.extras.len() < MAX_EXTRAS {
                        self.extras.push((label, text));
                    }
                }
            }
        }
    }

    fn finish(self) -> Card {
        // The first mobile number, else the first number; the others are kept as a variable.
        let main =
            self.phones
                .iter()
                .position(|(_, mobile)| *mobile)
                .or(if self.phones.is_empty() {
                    None
                } else {
                    Some(0)
                });
        let phone = main.map(|i| self.phones[i].0.clone()).unwrap_or_default();
        let others: Vec<&str> = self
            .phones
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != main)
            .map(|(_, (p, _))| p.as_str())
            .collect();
        let mut extras = self.extras;
        if !others.is_empty() {
            extras.insert(0, ("Other phones".to_owned(), others.join(", ")));
        }
        let tags: Vec<String> = self
            .tags
            .into_iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        Card {
            cells: vec![
                self.full_name.unwrap_or_default(),
                self.first.unwrap_or_default(),
                self.last.unwrap_or_default(),
                phone,
                self.email.unwrap_or_default(),
                self.company.unwrap_or_default(),
                tags.join(", "),
            ],
            extras,
        }
    }
}

fn set_once(slot: &mut Option<String>, value: String) {
    if slot.is_none() && !value.trim().is_empty() {
        *slot = Some(value.trim().to_owned());
    }
}

/// The custom-variable label for a property that isn't a fixed column; `None` for the ones
/// that carry no contact information (structure, binary data, app internals).
fn extra_label(name: &str) -> Option<String> {
    let known = match name {
        "NOTE" => "Note",
        "TITLE" => "Title",
        "ROLE" => "Role",
        "BDAY" => "Birthday",
        "ANNIVERSARY" => "Anniversary",
        "ADR" => "Address",
        "URL" => "Website",
        "NICKNAME" => "Nickname",
        "GENDER" => "Gender",
        "LANG" => "Language",
        "TZ" => "Time zone",
        "GEO" => "Location",
        "IMPP" => "Messaging",
        "VERSION" | "PRODID" | "UID" | "REV" | "PHOTO" | "LOGO" | "SOUND" | "KEY" | "KIND"
        | "SOURCE" | "CLIENTPIDMAP" | "XML" | "LABEL" | "MAILER" | "SORT-STRING" | "CLASS"
        | "NAME" | "PROFILE" | "AGENT" | "MEMBER" | "RELATED" | "FBURL" | "CALURI"
        | "CALADRURI" => return None,
        other if other.starts_with("X-") => {
            // Apple and Android bookkeeping fields mean nothing to a person.
            let skip = ["X-AB", "X-APPLE", "X-ANDROID", "X-EVOLUTION", "X-MOZILLA"];
            if skip.iter().any(|p| other.starts_with(p)) {
                return None;
            }
            return Some(title_case(&other[2..]));
        }
        other => return Some(title_case(other)),
    };
    Some(known.to_owned())
}

fn title_case(name: &str) -> String {
    let lower = name.replace(['-', '_'], " ").to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
