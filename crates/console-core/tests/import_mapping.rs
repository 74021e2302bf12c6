//! Column mapping (header variants in several languages, validation, presets) and turning a
//! row into a contact (names, tags, custom variables, formula-safe cells, long text).

use console_core::import::{
    apply_preset, clean_cell, split_name, suggest_mapping, ColumnMapping, ColumnRole,
    DefaultCountry, MappedColumn, MappingPresets, Prepared, RawRow, RowPreparer, MAX_NAME_CHARS,
};

fn headers(list: &[&str]) -> Vec<String> {
    list.iter().map(|h| (*h).to_owned()).collect()
}

fn roles(list: &[&str]) -> Vec<ColumnRole> {
    suggest_mapping(&headers(list))
        .columns
        .into_iter()
        .map(|c| c.role)
        .collect()
}

fn custom(label: &str) -> ColumnRole {
    ColumnRole::Custom {
        label: label.to_owned(),
    }
}

use ColumnRole::*;

#[test]
fn header_variants_are_recognised() {
    assert_eq!(
        roles(&[
            "Phone",
            "First Name",
            "Last Name",
            "Company",
            "Email",
            "Tags"
        ]),
        [Phone, FirstName, LastName, Company, Email, Tags]
    );
    assert_eq!(
        roles(&[
            "phone_number",
            "given_name",
            "family_name",
            "organization",
            "e-mail",
            "labels"
        ]),
        [Phone, FirstName, LastName, Company, Email, Tags]
    );
    assert_eq!(
        roles(&[
            "Teléfono",
            "Nombre",
            "Apellidos",
            "Empresa",
            "Correo electrónico"
        ]),
        [Phone, FirstName, LastName, Company, Email]
    );
    assert_eq!(
        roles(&[
            "Téléphone",
            "Prénom",
            "Nom",
            "Société",
            "Courriel",
            "Groupes"
        ]),
        [
            Phone,
            FirstName,
            LastName,
            Company,
            Email,
            custom("Groupes")
        ]
    );
    assert_eq!(
        roles(&["Telefon", "Vorname", "Nachname", "Firma", "E-Mail"]),
        [Phone, FirstName, LastName, Company, Email]
    );
    assert_eq!(roles(&["Móvil", "Name"]), [Phone, FullName]);
    assert_eq!(
        roles(&["TEL", "Surname", "Forename"]),
        [Phone, LastName, FirstName]
    );
    assert_eq!(
        roles(&["Number", "Full Name", "Groups"]),
        [Phone, FullName, Tags]
    );
}

#[test]
fn the_best_phone_column_wins_and_the_rest_become_variables() {
    // A mobile column beats a phone column, which beats a plain "number".
    assert_eq!(
        roles(&["Phone", "Mobile", "Account number"]),
        [custom("Phone"), Phone, custom("Account number")]
    );
    assert_eq!(roles(&["Number", "Telephone"]), [custom("Number"), Phone]);
    // Loose matches: a header that mentions a phone word; "Phone type" is not a number.
    assert_eq!(
        roles(&["Phone type", "Work phone"]),
        [custom("Phone type"), Phone]
    );
    // Two first-name columns: the first wins.
    assert_eq!(
        roles(&["Phone", "First", "First name"]),
        [Phone, FirstName, custom("First name")]
    );
    // Unknown headers become custom variables; empty ones get a name.
    assert_eq!(
        roles(&["cell", "Plan", ""]),
        [Phone, custom("Plan"), custom("Column 3")]
    );
}

#[test]
fn mappings_are_checked() {
    let mapping = |roles: Vec<ColumnRole>| ColumnMapping {
        columns: roles
            .into_iter()
            .enumerate()
            .map(|(i, role)| MappedColumn {
                header: format!("h{i}"),
                role,
            })
            .collect(),
    };
    assert!(mapping(vec![Phone, FirstName, Tags, Tags])
        .validate()
        .is_ok());
    let no_phone = mapping(vec![FirstName]).validate().unwrap_err();
    assert_eq!(
        no_phone.message,
        "Choose the column that holds the phone numbers."
    );
    assert!(mapping(vec![Phone, Phone]).validate().is_err());
    assert!(mapping(vec![Phone, Company, Company]).validate().is_err());
    assert!(mapping(vec![Phone, custom("Plan"), custom("plan")])
        .validate()
        .is_err());
    assert!(mapping(vec![Phone, Email, custom("Email")])
        .validate()
        .is_err());
    assert!(mapping(vec![Phone, custom(" ")]).validate().is_err());
}

#[test]
fn presets_are_saved_per_profile_and_applied_by_header() {
    let dir = tempfile::tempdir().unwrap();
    let presets = MappingPresets::new(dir.path());
    assert!(presets.list().unwrap().is_empty());
    let mut crm = suggest_mapping(&headers(&["Cell", "Client", "Ref"]));
    crm.columns[1].role = FullName;
    crm.columns[2].role = Ignore;
    presets.save("Monthly CRM", &crm).unwrap();
    assert!(presets.save("  ", &crm).is_err());

    // A fresh handle reads the file the first one wrote.
    let again = MappingPresets::new(dir.path());
    let saved = again.get("Monthly CRM").unwrap().unwrap();
    assert_eq!(saved.columns, crm.columns);

    // Applied to a file whose columns moved and gained one: matched by header name.
    let applied = apply_preset(&saved, &headers(&["ref", "Client", "Cell", "Notes"]));
    let got: Vec<ColumnRole> = applied.columns.into_iter().map(|c| c.role).collect();
    assert_eq!(got, [Ignore, FullName, Phone, custom("Notes")]);

    assert!(again.delete("Monthly CRM").unwrap());
    assert!(!again.delete("Monthly CRM").unwrap());
    assert!(presets.list().unwrap().is_empty());
}

fn prepare(header: &[&str], cells: &[&str]) -> (Prepared, Vec<String>) {
    let mapping = suggest_mapping(&headers(header));
    let preparer = RowPreparer::new(&mapping, DefaultCountry::parse("US").unwrap()).unwrap();
    let row = RawRow {
        row: 2,
        cells: cells.iter().map(|c| (*c).to_owned()).collect(),
        extras: Vec::new(),
    };
    let out = preparer.prepare(&row);
    (out.outcome, out.notes)
}

fn ready(p: Prepared) -> sendblue_client::models::contacts::BulkContact {
    match p {
        Prepared::Ready(c) => c,
        Prepared::Invalid(why) => panic!("invalid: {why}"),
    }
}

#[test]
fn rows_become_contacts() {
    let (p, notes) = prepare(
        &["Phone", "Name", "Company", "Email", "Tags", "Plan", "Empty"],
        &[
            "(415) 555-0123",
            "Ada Lovelace",
            " Analytical ",
            "ada@x.org",
            "vip; lead ;VIP",
            "Pro",
            "",
        ],
    );
    let c = ready(p);
    assert_eq!(c.phone, "+14155550123");
    assert_eq!(c.first_name.as_deref(), Some("Ada"));
    assert_eq!(c.last_name.as_deref(), Some("Lovelace"));
    assert_eq!(c.company_name.as_deref(), Some("Analytical"));
    assert_eq!(c.tags, Some(vec!["vip".to_owned(), "lead".to_owned()]));
    let vars = c.custom_variables.unwrap();
    assert_eq!(vars.get("Email").map(String::as_str), Some("ada@x.org"));
    assert_eq!(vars.get("Plan").map(String::as_str), Some("Pro"));
    assert!(!vars.contains_key("Empty"), "empty cells are not sent");
    assert_eq!(
        notes,
        [
            "removed spaces, dashes and brackets",
            "added country code +1"
        ]
    );

    assert_eq!(
        split_name("Lovelace, Ada"),
        (Some("Ada".into()), Some("Lovelace".into()))
    );
    assert_eq!(
        split_name("Ada King Lovelace"),
        (Some("Ada".into()), Some("King Lovelace".into()))
    );
    assert_eq!(split_name("Cher"), (Some("Cher".into()), None));

    // A full name doesn't override first/last columns that have values.
    let (p, _) = prepare(
        &["Phone", "First", "Name"],
        &["+14155550123", "Augusta", "Ada Lovelace"],
    );
    let c = ready(p);
    assert_eq!(
        (c.first_name.as_deref(), c.last_name),
        (Some("Augusta"), None)
    );

    let (p, _) = prepare(&["Phone", "Name"], &["", "Nobody"]);
    assert_eq!(p, Prepared::Invalid("no phone number".into()));
    let (p, _) = prepare(&["Phone", "Name"], &["", " "]);
    assert_eq!(p, Prepared::Invalid("empty row".into()));
    // Missing trailing cells are fine.
    let (p, _) = prepare(&["Phone", "Name", "Plan"], &["+14155550123"]);
    assert_eq!(ready(p).first_name, None);
}

#[test]
fn long_text_is_cut_with_a_note() {
    let long = "é".repeat(10_000);
    let (p, notes) = prepare(
        &["Phone", "First name", "Plan"],
        &["+14155550123", &long, &long],
    );
    let c = ready(p);
    assert_eq!(c.first_name.unwrap().chars().count(), MAX_NAME_CHARS);
    assert_eq!(c.custom_variables.unwrap()["Plan"].chars().count(), 1000);
    assert_eq!(
        notes,
        [
            "cut First name to 255 characters",
            "cut Plan to 1000 characters"
        ]
    );
}

#[test]
fn formula_safe_exports_reimport_unchanged() {
    // What console-core's export writes: `'` before = + - @, E.164 numbers as they are.
    assert_eq!(clean_cell("'=SUM(A1)"), "=SUM(A1)");
    assert_eq!(clean_cell("'+44 is a code"), "+44 is a code");
    assert_eq!(clean_cell("'-5"), "-5");
    assert_eq!(clean_cell("'@home"), "@home");
    // An apostrophe someone typed on purpose stays.
    assert_eq!(clean_cell("'Tis"), "'Tis");
    let (p, notes) = prepare(
        &[
            "phone",
            "first_name",
            "last_name",
            "company_name",
            "tags",
            "Motto",
        ],
        &[
            "+14155550123",
            "'=cmd|' /C calc'!A0",
            "'-Smith",
            "'@corp",
            "'+vip",
            "'=1+1",
        ],
    );
    let c = ready(p);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(c.phone, "+14155550123");
    assert_eq!(c.first_name.as_deref(), Some("=cmd|' /C calc'!A0"));
    assert_eq!(c.last_name.as_deref(), Some("-Smith"));
    assert_eq!(c.company_name.as_deref(), Some("@corp"));
    assert_eq!(c.tags, Some(vec!["+vip".to_owned()]));
    assert_eq!(c.custom_variables.unwrap()["Motto"], "=1+1");
}
