//! Phone numbers as people type them, turned into E.164 — or a plain reason why not.
//!
//! Each number is valid as given, fixed (and the fixes are listed in words a person reads:
//! "added country code +1", "removed spaces and dashes", "stripped extension x123", "removed
//! leading apostrophe"), or invalid ("no phone number", "too short", "contains letters", "not a
//! valid number for US"). Parsing and validity come from the `phonenumber` crate (Google's
//! libphonenumber metadata); the clean-up before it exists to say what was changed.

use phonenumber::country::{Id, Source};
use phonenumber::metadata::DATABASE;
use phonenumber::{ParseError, PhoneNumber};
use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};

/// The longest phone cell looked at; anything longer is not a phone number.
const MAX_PHONE_CHARS: usize = 64;

/// The country numbers without a country code belong to (Settings' default country).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultCountry {
    id: Id,
    iso: String,
}

impl DefaultCountry {
    /// The country with ISO 3166 code `iso` ("US", "gb"…), when the phone metadata knows it.
    pub fn parse(iso: &str) -> AppResult<Self> {
        let code = iso.trim().to_ascii_uppercase();
        let id: Id = code.parse().map_err(|_| unknown_country(iso))?;
        if DATABASE.by_id(id.as_ref()).is_none() {
            return Err(unknown_country(iso));
        }
        Ok(Self { id, iso: code })
    }

    /// Its ISO code ("US").
    pub fn iso(&self) -> &str {
        &self.iso
    }

    /// Its calling code (1 for the US).
    pub fn calling_code(&self) -> u16 {
        DATABASE
            .by_id(self.id.as_ref())
            .map(|m| m.country_code())
            .unwrap_or(0)
    }
}

fn unknown_country(iso: &str) -> AppError {
    AppError::invalid(
        "default_country",
        format!("“{iso}” isn't a country code the phone checks know. Use a two-letter code such as US or GB."),
    )
}

/// What became of one phone cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum PhoneCheck {
    /// Already E.164 and valid.
    Valid {
        /// The number.
        e164: String,
    },
    /// Valid after the listed fixes.
    Fixed {
        /// The number.
        e164: String,
        /// What was changed, in plain words.
        fixes: Vec<String>,
    },
    /// Not usable.
    Invalid {
        /// Why, in plain words.
        reason: String,
    },
}

impl PhoneCheck {
    /// The E.164 number, when there is one.
    pub fn e164(&self) -> Option<&str> {
        match self {
            PhoneCheck::Valid { e164 } | PhoneCheck::Fixed { e164, .. } => Some(e164),
            PhoneCheck::Invalid { .. } => None,
        }
    }
}

fn invalid(reason: impl Into<String>) -> PhoneCheck {
    PhoneCheck::Invalid {
        reason: reason.into(),
    }
}

/// Checks and normalizes one phone cell.
pub fn normalize_phone(raw: &str, country: &DefaultCountry) -> PhoneCheck {
    let mut fixes = Vec::new();
    let mut text = clean_invisible(raw);
    if let Some(rest) = text.strip_prefix('\'') {
        text = rest.trim().to_owned();
        fixes.push("removed leading apostrophe".to_owned());
    }
    if text.is_empty() {
        return invalid("no phone number");
    }
    if text.chars().count() > MAX_PHONE_CHARS {
        return invalid("too long to be a phone number");
    }
    if let Some(rest) = strip_prefix_ci(&text, "tel:") {
        text = rest.trim().to_owned();
    }
    if let Some((number, ext)) = split_extension(&text) {
        fixes.push(format!("stripped extension x{ext}"));
        text = number;
    }
    if text.chars().any(char::is_alphabetic) {
        return invalid("contains letters");
    }
    let (cleaned, removed) = match strip_punctuation(&text) {
        Ok(v) => v,
        Err(reason) => return invalid(reason),
    };
    if let Some(words) = removed {
        fixes.push(words);
    }
    let digits = cleaned.trim_start_matches('+');
    if digits.is_empty() {
        return invalid("no phone number");
    }
    if digits.len() < 4 {
        return invalid("too short");
    }
    let (number, source) = match parse_number(&cleaned, country) {
        Ok(n) => n,
        Err(e) => return invalid(parse_reason(&e)),
    };
    let code = number.code().value();
    match source {
        Source::Default => fixes.push(format!("added country code +{code}")),
        Source::Idd => fixes.push(format!("replaced the international prefix with +{code}")),
        Source::Number => fixes.push("added +".to_owned()),
        Source::Plus => {}
    }
    if !number.is_valid() {
        return invalid(invalid_reason(&number, source, country));
    }
    // E.164 is "+", the country code and the national number (its leading zeros included);
    // written directly because the crate's formatter costs as much as the parse.
    let e164 = format!("+{}{}", number.code().value(), number.national());
    if fixes.is_empty() {
        PhoneCheck::Valid { e164 }
    } else {
        PhoneCheck::Fixed { e164, fixes }
    }
}

/// Parses digits (with a leading `+` or not). The default country is given only to numbers
/// without their own country code: `phonenumber` 0.3 strips the default country's national
/// prefix even after an explicit code (`+33 1 42…` read with US lost its `1`), so a number
/// that names its country is parsed again on its own.
fn parse_number(
    cleaned: &str,
    country: &DefaultCountry,
) -> Result<(PhoneNumber, Source), ParseError> {
    if cleaned.starts_with('+') {
        return phonenumber::parse(None, cleaned).map(|n| (n, Source::Plus));
    }
    let first = phonenumber::parse(Some(country.id), cleaned)?;
    let source = first.code().source();
    if source == Source::Default {
        return Ok((first, source));
    }
    let code = first.code().value().to_string();
    // The country code follows the international prefix (Idd) or starts the digits (Number).
    for skip in 0..=4 {
        let Some(rest) = cleaned.get(skip..) else {
            break;
        };
        if rest.starts_with(&code) && (skip > 0 || source == Source::Number) {
            if let Ok(again) = phonenumber::parse(None, format!("+{rest}")) {
                if again.is_valid() {
                    return Ok((again, source));
                }
            }
        }
    }
    Ok((first, source))
}

/// Trims, and drops characters nobody sees (BOMs, zero-width and direction marks) that
/// copy-paste leaves in numbers; no-break spaces become spaces.
fn clean_invisible(raw: &str) -> String {
    raw.chars()
        .filter(|c| !matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{FEFF}'))
        .map(|c| if c == '\u{00A0}' || c == '\u{202F}' { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// `(number, extension digits)` when `text` ends in an extension: `x123`, `ext. 123`,
/// `extension 123`, `#123`, `;ext=123`.
fn split_extension(text: &str) -> Option<(String, String)> {
    let digits_start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i)?;
    let ext = &text[digits_start..];
    if ext.len() > 7 {
        return None;
    }
    let before = text[..digits_start].trim_end_matches([' ', '.', ':', '=']);
    let lower = before.to_ascii_lowercase();
    for marker in [";ext", "extension", "ext", "x", "#"] {
        if let Some(number) = lower.strip_suffix(marker) {
            let number = before[..number.len()]
                .trim_end_matches([' ', ',', ';'])
                .trim();
            // "x" alone must follow the number (a digit or a space), not end a word.
            if number.is_empty() || !number.ends_with(|c: char| c.is_ascii_digit() || c == ')') {
                return None;
            }
            return Some((number.to_owned(), ext.to_owned()));
        }
    }
    None
}

/// Removes spaces, dashes, dots, brackets and slashes; says which. Anything else that is
/// not a digit (or a leading `+`) makes the number invalid.
fn strip_punctuation(text: &str) -> Result<(String, Option<String>), String> {
    let (mut spaces, mut dashes, mut dots, mut brackets, mut slashes) =
        (false, false, false, false, false);
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match c {
            '0'..='9' => out.push(c),
            '+' if i == 0 => out.push(c),
            '+' => return Err("has a + in the middle".to_owned()),
            ' ' | '\t' => spaces = true,
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' => dashes = true,
            '.' => dots = true,
            '(' | ')' | '[' | ']' => brackets = true,
            '/' => slashes = true,
            other => {
                return Err(format!(
                    "contains “{other}”, which isn't part of a phone number"
                ))
            }
        }
    }
    let mut names = Vec::new();
    for (hit, name) in [
        (spaces, "spaces"),
        (dashes, "dashes"),
        (dots, "dots"),
        (brackets, "brackets"),
        (slashes, "slashes"),
    ] {
        if hit {
            names.push(name);
        }
    }
    let words = match names.len() {
        0 => None,
        1 => Some(format!("removed {}", names[0])),
        n => Some(format!(
            "removed {} and {}",
            names[..n - 1].join(", "),
            names[n - 1]
        )),
    };
    Ok((out, words))
}

fn parse_reason(e: &ParseError) -> String {
    match e {
        ParseError::NoNumber => "no phone number".into(),
        ParseError::InvalidCountryCode => "unknown country code".into(),
        ParseError::TooShortAfterIdd | ParseError::TooShortNsn => "too short".into(),
        ParseError::TooLong => "too long".into(),
        other => format!("not a phone number ({other})"),
    }
}

/// Why a parsed number is not valid: its length, else the country it would belong to.
fn invalid_reason(number: &PhoneNumber, source: Source, country: &DefaultCountry) -> String {
    let region = number
        .country()
        .id()
        .map(|id| id.as_ref().to_owned())
        .or_else(|| {
            (source == Source::Default || number.code().value() == country.calling_code())
                .then(|| country.iso().to_owned())
        });
    let national = number.national().to_string().len() as u16;
    if let Some(meta) = region.as_deref().and_then(|r| DATABASE.by_id(r)) {
        // The general descriptor often has no lengths; the fixed-line and mobile ones do.
        let d = meta.descriptors();
        let lengths: Vec<u16> = [Some(d.general()), d.fixed_line(), d.mobile()]
            .into_iter()
            .flatten()
            .flat_map(|x| x.possible_length().iter().copied())
            .collect();
        if let (Some(min), Some(max)) = (lengths.iter().min(), lengths.iter().max()) {
            if national < *min {
                return "too short".into();
            }
            if national > *max {
                return "too long".into();
            }
        }
    }
    match region {
        Some(r) => format!("not a valid number for {r}"),
        None => format!(
            "not a valid number for country code +{}",
            number.code().value()
        ),
    }
}
