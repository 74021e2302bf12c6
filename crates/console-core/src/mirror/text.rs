//! The text the mirror derives from a contact: what full-text search indexes, the MATCH
//! expression for what a person typed, and the folded keys rows are sorted by.

use sendblue_client::models::contacts::Contact;

/// Blank names and companies sort after every letter (U+10FFFF is above all of them).
pub(crate) const BLANK_LAST: &str = "\u{10FFFF}";

/// Accented lower-case Latin letters and, at the same position in `BASE`, their base letter.
const ACCENTED: &str =
    "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
const BASE: &str =
    "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

/// At most this many words of a query are used; more only narrows an already tiny result.
const MAX_TERMS: usize = 16;

/// One contact's searchable text, column by column as in `contacts_fts`.
#[derive(Debug)]
pub(crate) struct SearchDoc {
    pub name: String,
    pub phone: String,
    pub company: String,
    pub email: String,
    pub tags: String,
    pub vars: String,
}

impl SearchDoc {
    pub fn of(c: &Contact) -> Self {
        Self {
            name: display_name(c),
            phone: phone_terms(&c.phone),
            company: c.company_name.clone().unwrap_or_default(),
            email: c.assigned_to_email.clone().unwrap_or_default(),
            tags: c.tags.join(" "),
            vars: c
                .custom_variables
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

fn display_name(c: &Contact) -> String {
    let first = c.first_name.as_deref().unwrap_or("").trim();
    let last = c.last_name.as_deref().unwrap_or("").trim();
    format!("{first} {last}").trim().to_owned()
}

/// Every suffix (3 digits or more) of the number's digits, longest first. With prefix
/// matching, any run of digits inside the number then finds it: "4155550123", "555 0123"
/// and "(415) 555-0123" all find +14155550123, whatever the country's grouping.
fn phone_terms(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 3 {
        return digits;
    }
    (0..=digits.len() - 3)
        .map(|i| &digits[i..])
        .collect::<Vec<_>>()
        .join(" ")
}

/// The FTS5 MATCH expression for what a person typed, or `None` when it holds no word.
///
/// The text is cut into runs of letters and digits (as the index's tokenizer cuts it); each
/// run becomes a quoted prefix term (`"run"*`) and all must match. Quoting makes every FTS5
/// operator (`OR`, `NOT`, `NEAR`, `-`, `^`, `:`, `*`, `"`, parentheses) plain text, so no input
/// can be a syntax error or change the query's meaning.
pub(crate) fn match_expression(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .take(MAX_TERMS)
        // Only letters and digits remain, so no `"` needs escaping; doubled anyway in case
        // the rule above ever changes.
        .map(|t| format!("\"{}\"*", t.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The sort key of the name column: "first last", case and common accents folded.
pub(crate) fn name_key(c: &Contact) -> String {
    sort_key(&display_name(c))
}

/// The sort key of the company column.
pub(crate) fn company_key(c: &Contact) -> String {
    sort_key(c.company_name.as_deref().unwrap_or(""))
}

fn sort_key(text: &str) -> String {
    let folded = fold(text.trim());
    if folded.is_empty() {
        BLANK_LAST.to_owned()
    } else {
        folded
    }
}

/// Lower case with the accents of Latin letters removed, so "Émile" sorts beside "emma",
/// not after "zoe". Other scripts keep their letters (lower-cased).
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars().flat_map(char::to_lowercase) {
        match ch {
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'þ' => out.push_str("th"),
            _ => match ACCENTED.chars().position(|a| a == ch) {
                Some(i) => out.push(BASE.chars().nth(i).unwrap_or(ch)),
                None => out.push(ch),
            },
        }
    }
    out
}

/// A stable 64-bit FNV-1a hash of the contact as the API sent it: a re-sync rewrites only
/// rows whose digest changed. (Not `DefaultHasher`, whose output may change between Rust
/// releases; a change would only cost one full rewrite, but there is no need for it.)
pub(crate) fn digest(c: &Contact) -> i64 {
    let bytes = serde_json::to_vec(c).unwrap_or_default();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // 0 is reserved for "partial row, always rewrite"; negative values are fine.
    match hash as i64 {
        0 => 1,
        h => h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_accent_tables_line_up() {
        assert_eq!(ACCENTED.chars().count(), BASE.chars().count());
        assert_eq!(fold("Émile Ñúñez Strauß"), "emile nunez strauss");
    }

    #[test]
    fn operators_and_quotes_become_plain_terms() {
        assert_eq!(
            match_expression(r#"a OR "b* -c NEAR(d)"#).as_deref(),
            Some(r#""a"* "OR"* "b"* "c"* "NEAR"* "d"*"#)
        );
        assert_eq!(match_expression(r#" "*-^: "#), None);
    }

    #[test]
    fn digests_tell_contacts_apart() {
        let named = |n: &str| Contact {
            phone: "+15555550001".into(),
            first_name: Some(n.into()),
            ..Contact::default()
        };
        let all: std::collections::HashSet<i64> = ["Alice", "Alicia", "Bob", "Carol", "Dave"]
            .map(|n| digest(&named(n)))
            .into();
        assert_eq!(all.len(), 5);
        assert!(!all.contains(&0));
        assert_eq!(digest(&named("Alice")), digest(&named("Alice")));
    }

    #[test]
    fn phone_suffixes_cover_every_grouping() {
        let terms = phone_terms("+14155550123");
        assert!(terms.starts_with("14155550123 4155550123 "));
        assert!(terms.split(' ').any(|t| t == "5550123"));
        assert!(terms.ends_with(" 123"));
    }
}
