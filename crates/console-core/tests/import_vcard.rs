//! vCard files (2.1, 3.0, 4.0): names, several phone numbers, categories, notes, folded
//! lines, quoted-printable — read through the same path as a CSV.

use console_core::import::{
    detect_source, suggest_mapping, ColumnRole, DefaultCountry, FileFormat, Prepared, RowPreparer,
    RowReader, VCARD_COLUMNS,
};

const CARDS: &str = "\
BEGIN:VCARD\r
VERSION:3.0\r
N:Lovelace;Ada;;Countess;\r
FN:Ada Lovelace\r
ORG:Analytical Engines\\, Ltd;Research\r
TEL;TYPE=WORK,VOICE:(415) 555-0100\r
TEL;TYPE=CELL:+1 415 555 0123\r
EMAIL;TYPE=INTERNET:ada@example.org\r
CATEGORIES:vip,math\r
NOTE:First programmer.\\nLikes poetry\\, too.\r
item1.URL:https://example.org/ada\r
PHOTO;ENCODING=b;TYPE=JPEG:iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8\r
 z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==\r
X-ABUID:5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:2.1\r
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\r
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller\r
TEL;HOME:4155550124\r
TEL;WORK:4155550125\r
NOTE;ENCODING=QUOTED-PRINTABLE:Line one=0D=0ALine two is long and goes on and on=\r
 and on\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:4.0\r
FN:Grace Hopper\r
N:Hopper;Grace;;;\r
TEL;VALUE=uri;TYPE=\"voice,cell\";PREF=1:tel:+1-415-555-0126\r
TITLE:Rear Admiral\r
BDAY:19061209\r
ADR;TYPE=work:;;1 Navy Way;Arlington;VA;22201;USA\r
CATEGORIES:navy\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
FN:No Number\r
EMAIL:none@example.org\r
END:VCARD\r
BEGIN:VCARD\r
VERSION:3.0\r
FN:Folded Name That Goes On\r
  And On\r
TEL:415-555-0127\r
";

fn cards() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.vcf");
    std::fs::write(&path, CARDS).unwrap();
    (dir, path)
}

#[test]
fn cards_become_rows_with_fixed_columns() {
    let (_d, path) = cards();
    let settings = detect_source(&path).unwrap();
    assert_eq!(settings.format, FileFormat::VCard);
    let mut reader = RowReader::open(&path, &settings).unwrap();
    assert_eq!(reader.headers(), VCARD_COLUMNS);
    let mut rows = Vec::new();
    while let Some(row) = reader.next_row().unwrap() {
        rows.push(row);
    }
    assert_eq!(rows.len(), 5, "the last card has no END and still counts");
    assert_eq!(
        rows.iter().map(|r| r.row).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );

    let ada = &rows[0];
    assert_eq!(
        ada.cells,
        [
            "Ada Lovelace",
            "Ada",
            "Lovelace",
            "+1 415 555 0123",
            "ada@example.org",
            "Analytical Engines, Ltd, Research",
            "vip, math"
        ]
    );
    assert!(ada
        .extras
        .contains(&("Other phones".into(), "(415) 555-0100".into())));
    assert!(ada.extras.contains(&(
        "Note".into(),
        "First programmer.\nLikes poetry, too.".into()
    )));
    assert!(ada
        .extras
        .contains(&("Website".into(), "https://example.org/ada".into())));
    assert!(!ada
        .extras
        .iter()
        .any(|(k, _)| k.contains("Photo") || k.contains("Abuid")));

    let jurgen = &rows[1];
    assert_eq!(jurgen.cells[0], "Jürgen Müller");
    assert_eq!(jurgen.cells[1], "Jürgen");
    assert_eq!(jurgen.cells[2], "Müller");
    // No mobile number: the first one.
    assert_eq!(jurgen.cells[3], "4155550124");
    assert!(jurgen.extras.contains(&(
        "Note".into(),
        "Line one\r\nLine two is long and goes on and on and on".into()
    )));

    let grace = &rows[2];
    assert_eq!(grace.cells[3], "+1-415-555-0126");
    assert_eq!(grace.cells[6], "navy");
    assert!(grace
        .extras
        .contains(&("Title".into(), "Rear Admiral".into())));
    assert!(grace
        .extras
        .contains(&("Birthday".into(), "19061209".into())));
    assert!(grace.extras.contains(&(
        "Address".into(),
        "1 Navy Way, Arlington, VA, 22201, USA".into()
    )));

    assert_eq!(rows[3].cells[3], "");
    assert_eq!(rows[4].cells[0], "Folded Name That Goes On And On");
}

#[test]
fn cards_map_and_check_like_csv_rows() {
    let (_d, path) = cards();
    let settings = detect_source(&path).unwrap();
    let mut reader = RowReader::open(&path, &settings).unwrap();
    let mapping = suggest_mapping(reader.headers());
    let roles: Vec<ColumnRole> = mapping.columns.iter().map(|c| c.role.clone()).collect();
    assert_eq!(
        roles,
        [
            ColumnRole::FullName,
            ColumnRole::FirstName,
            ColumnRole::LastName,
            ColumnRole::Phone,
            ColumnRole::Email,
            ColumnRole::Company,
            ColumnRole::Tags
        ]
    );
    let preparer = RowPreparer::new(&mapping, DefaultCountry::parse("US").unwrap()).unwrap();
    let mut out = Vec::new();
    while let Some(row) = reader.next_row().unwrap() {
        out.push(preparer.prepare(&row).outcome);
    }
    let Prepared::Ready(ada) = &out[0] else {
        panic!("{:?}", out[0])
    };
    assert_eq!(ada.phone, "+14155550123");
    assert_eq!(ada.tags, Some(vec!["vip".to_owned(), "math".to_owned()]));
    let vars = ada.custom_variables.as_ref().unwrap();
    assert_eq!(vars["Email"], "ada@example.org");
    assert_eq!(vars["Note"], "First programmer.\nLikes poetry, too.");
    let Prepared::Ready(grace) = &out[2] else {
        panic!()
    };
    assert_eq!(grace.phone, "+14155550126");
    assert_eq!(out[3], Prepared::Invalid("no phone number".into()));
}
