//! Which column of the file holds what: suggested from the headers, editable by the person
//! (the page sends the mapping back), checked before the dry run.
//!
//! Headers are compared after lower-casing, dropping accents and punctuation, so "Téléphone",
//! "E-mail" and "first_name" match "telephone", "e mail" and "first name". Anything not
//! recognised becomes a custom variable labelled with its header.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};

/// What one column is used for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ColumnRole {
    /// The phone number (exactly one column).
    Phone,
    /// First name.
    FirstName,
    /// Last name.
    LastName,
    /// A whole name, split into first and last ("Ada Lovelace", "Lovelace, Ada") where those
    /// columns are absent or empty.
    FullName,
    /// Company.
    Company,
    /// Email address (kept as the custom variable "Email": contacts have no email field).
    Email,
    /// Tags, separated by `;` or `,`.
    Tags,
    /// A custom variable with this label.
    Custom {
        /// The variable's label.
        label: String,
    },
    /// Not imported.
    Ignore,
}

/// One column and its role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MappedColumn {
    /// The column's header as in the file.
    pub header: String,
    /// What it is used for.
    pub role: ColumnRole,
}

/// The role of every column, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ColumnMapping {
    /// One entry per column of the file.
    pub columns: Vec<MappedColumn>,
}

/// The label custom variables from an Email column get.
pub const EMAIL_LABEL: &str = "Email";

impl ColumnMapping {
    /// The index of the phone column.
    pub fn phone_index(&self) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.role == ColumnRole::Phone)
    }

    /// Checks that the mapping can be imported: one phone column, the single-value roles at
    /// most once, and no custom label twice.
    pub fn validate(&self) -> AppResult<()> {
        let phones = self.count(|r| *r == ColumnRole::Phone);
        if phones == 0 {
            return Err(AppError::invalid(
                "mapping",
                "Choose the column that holds the phone numbers.",
            ));
        }
        if phones > 1 {
            return Err(AppError::invalid(
                "mapping",
                "Only one column can be the phone number. Mark the others as custom variables or don't import them.",
            ));
        }
        for (role, name) in [
            (ColumnRole::FirstName, "First name"),
            (ColumnRole::LastName, "Last name"),
            (ColumnRole::FullName, "Full name"),
            (ColumnRole::Company, "Company"),
            (ColumnRole::Email, "Email"),
        ] {
            if self.count(|r| *r == role) > 1 {
                return Err(AppError::invalid(
                    "mapping",
                    format!("Only one column can be “{name}”."),
                ));
            }
        }
        let mut labels: Vec<String> = self
            .columns
            .iter()
            .filter_map(|c| match &c.role {
                ColumnRole::Custom { label } => Some(label.trim().to_lowercase()),
                ColumnRole::Email => Some(EMAIL_LABEL.to_lowercase()),
                _ => None,
            })
            .collect();
        if labels.iter().any(String::is_empty) {
            return Err(AppError::invalid(
                "mapping",
                "Every custom variable needs a label.",
            ));
        }
        labels.sort();
        if let Some(w) = labels.windows(2).find(|w| w[0] == w[1]) {
            return Err(AppError::invalid(
                "mapping",
                format!(
                    "Two columns would fill the custom variable “{}”. Rename one.",
                    w[0]
                ),
            ));
        }
        Ok(())
    }

    fn count(&self, f: impl Fn(&ColumnRole) -> bool) -> usize {
        self.columns.iter().filter(|c| f(&c.role)).count()
    }
}

/// The mapping suggested for these headers. For each single-value role the best-matching
/// column wins (a "Mobile" column beats "Phone", which beats "Number"); the other columns
/// become custom variables (empty headers: "Column N").
pub fn suggest_mapping(headers: &[String]) -> ColumnMapping {
    let guesses: Vec<Option<(ColumnRole, u8)>> = headers.iter().map(|h| guess(h)).collect();
    let mut roles: Vec<Option<ColumnRole>> = vec![None; headers.len()];
    for role in [
        ColumnRole::Phone,
        ColumnRole::FirstName,
        ColumnRole::LastName,
        ColumnRole::FullName,
        ColumnRole::Company,
        ColumnRole::Email,
    ] {
        let best = guesses
            .iter()
            .enumerate()
            .filter_map(|(i, g)| g.as_ref().filter(|(r, _)| *r == role).map(|(_, s)| (i, *s)))
            // Highest score; among equals, the leftmost.
            .max_by_key(|(i, s)| (*s, usize::MAX - i));
        if let Some((i, _)) = best {
            roles[i] = Some(role);
        }
    }
    for (i, g) in guesses.iter().enumerate() {
        if matches!(g, Some((ColumnRole::Tags, _))) {
            roles[i] = Some(ColumnRole::Tags);
        }
    }
    let columns = headers
        .iter()
        .zip(roles)
        .enumerate()
        .map(|(i, (header, role))| MappedColumn {
            header: header.clone(),
            role: role.unwrap_or_else(|| ColumnRole::Custom {
                label: custom_label(header, i),
            }),
        })
        .collect();
    ColumnMapping { columns }
}

/// The label a column becomes as a custom variable.
pub fn custom_label(header: &str, index: usize) -> String {
    let label = header.trim();
    if label.is_empty() {
        format!("Column {}", index + 1)
    } else {
        label.chars().take(100).collect()
    }
}

/// The role a header suggests, with a score for choosing among several candidates.
fn guess(header: &str) -> Option<(ColumnRole, u8)> {
    let key = normalize_header(header);
    let exact = |list: &[&str]| list.contains(&key.as_str());
    if exact(&[
        "mobile",
        "mobile phone",
        "mobile number",
        "cell",
        "cell phone",
        "cellphone",
        "cell number",
        "movil",
        "telefono movil",
        "numero movil",
        "celular",
        "portable",
        "telephone portable",
        "mobil",
        "mobiltelefon",
        "handy",
        "handynummer",
        "cellulare",
        "telemovel",
        "whatsapp",
        "sms",
        "msisdn",
    ]) {
        return Some((ColumnRole::Phone, 4));
    }
    if exact(&[
        "phone",
        "phone number",
        "phonenumber",
        "phone no",
        "telephone",
        "telephone number",
        "tel",
        "telefono",
        "numero de telefono",
        "telefon",
        "telefonnummer",
        "telefone",
        "contact number",
        "number e164",
        "e164",
        "phone 1 value",
        "mobile phone number",
    ]) {
        return Some((ColumnRole::Phone, 3));
    }
    if exact(&["number", "numero", "nummer"]) {
        return Some((ColumnRole::Phone, 2));
    }
    if exact(&[
        "first",
        "first name",
        "firstname",
        "given name",
        "given",
        "forename",
        "fname",
        "nombre",
        "prenom",
        "vorname",
        "nome",
        "primeiro nome",
    ]) {
        return Some((ColumnRole::FirstName, 3));
    }
    if exact(&[
        "last",
        "last name",
        "lastname",
        "surname",
        "family name",
        "lname",
        "apellido",
        "apellidos",
        "nom",
        "nom de famille",
        "nachname",
        "familienname",
        "cognome",
        "sobrenome",
    ]) {
        return Some((ColumnRole::LastName, 3));
    }
    if exact(&[
        "name",
        "full name",
        "fullname",
        "contact name",
        "display name",
        "contact",
        "nombre completo",
        "nom complet",
        "vollstandiger name",
        "nome completo",
    ]) {
        return Some((ColumnRole::FullName, 3));
    }
    if exact(&[
        "company",
        "company name",
        "companyname",
        "organization",
        "organisation",
        "org",
        "organization name",
        "business",
        "employer",
        "empresa",
        "entreprise",
        "societe",
        "firma",
        "unternehmen",
        "azienda",
    ]) {
        return Some((ColumnRole::Company, 3));
    }
    if exact(&[
        "email",
        "e mail",
        "email address",
        "e mail address",
        "mail",
        "correo",
        "correo electronico",
        "courriel",
        "adresse e mail",
        "e mail adresse",
    ]) {
        return Some((ColumnRole::Email, 3));
    }
    if exact(&[
        "tags",
        "tag",
        "labels",
        "label",
        "groups",
        "group",
        "group membership",
        "etiquetas",
        "etiquettes",
        "gruppen",
        "categories",
    ]) {
        return Some((ColumnRole::Tags, 3));
    }
    // Looser: a header that mentions a phone word ("Work phone", "Mobile (personal)").
    let words: Vec<&str> = key.split(' ').collect();
    let mentions = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if !mentions(&["type", "label", "country", "ext", "extension"]) {
        if mentions(&["mobile", "cell", "movil", "celular", "handy"]) {
            return Some((ColumnRole::Phone, 2));
        }
        if mentions(&["phone", "telephone", "telefono", "telefon", "tel"]) {
            return Some((ColumnRole::Phone, 1));
        }
    }
    None
}

/// Lower case, accents dropped, every run of non-alphanumerics one space.
pub fn normalize_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut space = false;
    for c in header.trim().chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        other => other,
    }
}

/// Whether `header` names a role the import knows (used to tell a header row from data).
pub(crate) fn is_known_header(header: &str) -> bool {
    guess(header).is_some()
}
