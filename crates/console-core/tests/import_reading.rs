//! Reading import files: encodings, delimiters, quoting, headers, very long fields — real
//! files written to a temporary folder and read back through the public API.

use console_core::import::{
    detect_source, inspect_file, Delimiter, FileFormat, RowReader, TextEncoding, MAX_FIELD_BYTES,
};

/// Writes `bytes` to a file named `name` and returns (folder guard, path).
fn file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// Every row's cells, after the header.
fn read_rows(path: &std::path::Path) -> (Vec<String>, Vec<(u64, Vec<String>)>) {
    let settings = detect_source(path).unwrap();
    let mut reader = RowReader::open(path, &settings).unwrap();
    let mut out = Vec::new();
    while let Some(row) = reader.next_row().unwrap() {
        out.push((row.row, row.cells));
    }
    (reader.headers().to_vec(), out)
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend(if big_endian {
            [0xFE, 0xFF]
        } else {
            [0xFF, 0xFE]
        });
    }
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

const TEXT: &str = "phone,first name,city\n+14155550123,Zoë,Zürich\n+14155550124,René,Kraków €\n";

fn expect_text(path: &std::path::Path, encoding: TextEncoding) {
    let settings = detect_source(path).unwrap();
    assert_eq!(settings.encoding, encoding, "{}", path.display());
    let (headers, rows) = read_rows(path);
    assert_eq!(headers, ["phone", "first name", "city"]);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0],
        (
            2,
            vec!["+14155550123".into(), "Zoë".into(), "Zürich".into()]
        )
    );
    assert_eq!(rows[1].1, ["+14155550124", "René", "Kraków €"]);
}

#[test]
fn utf8_with_and_without_bom() {
    let (_d, plain) = file("plain.csv", TEXT.as_bytes());
    expect_text(&plain, TextEncoding::Utf8);
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend(TEXT.as_bytes());
    let (_d2, bom) = file("bom.csv", &with_bom);
    // The BOM must not end up in the first header ("\u{feff}phone" would not be recognised).
    expect_text(&bom, TextEncoding::Utf8Bom);
}

#[test]
fn utf16_with_bom_and_by_nul_pattern() {
    for (be, bom, enc) in [
        (false, true, TextEncoding::Utf16Le),
        (true, true, TextEncoding::Utf16Be),
        (false, false, TextEncoding::Utf16Le),
        (true, false, TextEncoding::Utf16Be),
    ] {
        let (_d, path) = file("u16.csv", &utf16(TEXT, be, bom));
        expect_text(&path, enc);
    }
}

#[test]
fn windows_1252_when_not_utf8() {
    // "Zoë", "Zürich", "René", "Kraków €" in Windows-1252 (ó is 0xF3, € is 0x80).
    let mut bytes = b"phone,first name,city\n+14155550123,Zo\xEB,Z\xFCrich\n".to_vec();
    bytes.extend(b"+14155550124,Ren\xE9,Krak\xF3w \x80\n");
    let (_d, path) = file("latin.csv", &bytes);
    expect_text(&path, TextEncoding::Windows1252);
}

#[test]
fn one_bad_byte_deep_in_the_file_means_windows_1252() {
    // The first 200 KB are plain ASCII: only a whole-file check can see the é at the end.
    let mut bytes = b"phone,name\n".to_vec();
    for i in 0..10_000 {
        bytes.extend(format!("+1415555{:04},Person {i}\n", i % 10_000).as_bytes());
    }
    bytes.extend(b"+14155559999,Andr\xE9\n");
    let (_d, path) = file("late.csv", &bytes);
    assert_eq!(
        detect_source(&path).unwrap().encoding,
        TextEncoding::Windows1252
    );
    let (_, rows) = read_rows(&path);
    assert_eq!(rows.last().unwrap().1, ["+14155559999", "André"]);
}

#[test]
fn delimiters_are_detected() {
    let cases: [(&str, &[u8], Delimiter); 5] = [
        ("comma", b"phone,name,tags\n+14155550123,Ada,vip;lead\n+14155550124,Bob,x;y\n", Delimiter::Comma),
        ("semicolon", b"phone;name;company\n+14155550123;Ada;Acme, Inc.\n+14155550124;Bob;B, C, D\n", Delimiter::Semicolon),
        ("tab", b"phone\tname\tnote\n+14155550123\tAda\ta, b; c\n+14155550124\tBob\t;;\n", Delimiter::Tab),
        // Commas inside quotes don't count: semicolons split every line the same way.
        ("quoted", b"\"phone\";\"name, full\"\n\"+14155550123\";\"Lovelace, Ada\"\n\"+14155550124\";\"Doe, J\"\n", Delimiter::Semicolon),
        ("one column", b"phone\n+14155550123\n+14155550124\n", Delimiter::Comma),
    ];
    for (what, bytes, want) in cases {
        let (_d, path) = file("d.csv", bytes);
        let settings = detect_source(&path).unwrap();
        assert_eq!(settings.format, FileFormat::Csv);
        assert_eq!(settings.delimiter, Some(want), "{what}");
        let (headers, rows) = read_rows(&path);
        assert_eq!(rows.len(), 2, "{what}");
        assert_eq!(rows[0].1.len(), headers.len(), "{what}");
    }
}

#[test]
fn quoted_fields_hold_delimiters_quotes_and_line_breaks() {
    let text = "phone,name,note\r\n\
                \"+14155550123\",\"Lovelace, Ada\",\"line one\r\nline two, with comma\"\r\n\
                \r\n\
                +14155550124,\"She said \"\"hi\"\"\",\"a;b\"\r\n\
                +14155550125,Plain,\n";
    let (_d, path) = file("q.csv", text.as_bytes());
    let (headers, rows) = read_rows(&path);
    assert_eq!(headers, ["phone", "name", "note"]);
    assert_eq!(rows.len(), 3, "the blank line is skipped: {rows:?}");
    assert_eq!(
        rows[0].1,
        [
            "+14155550123",
            "Lovelace, Ada",
            "line one\r\nline two, with comma"
        ]
    );
    assert_eq!(rows[1].1, ["+14155550124", "She said \"hi\"", "a;b"]);
    assert_eq!(rows[2].1, ["+14155550125", "Plain", ""]);
    // Row numbers are the records' (a record spanning two lines is still one row).
    assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 3, 4]);
}

#[test]
fn a_file_without_a_header_row() {
    let (_d, path) = file("nohead.csv", b"+14155550123,Ada\n(415) 555-0124,Bob\n");
    let settings = detect_source(&path).unwrap();
    assert!(!settings.has_header);
    let (headers, rows) = read_rows(&path);
    assert_eq!(headers, ["Column 1", "Column 2"]);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0], (1, vec!["+14155550123".into(), "Ada".into()]));
}

#[test]
fn very_long_fields_are_cut_not_fatal() {
    let huge = "x".repeat(MAX_FIELD_BYTES * 3);
    let text = format!("phone,name\n+14155550123,{huge}\n+14155550124,Bob\n");
    let (_d, path) = file("long.csv", text.as_bytes());
    let (_, rows) = read_rows(&path);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].1[1].len(), MAX_FIELD_BYTES);
    assert_eq!(rows[1].1, ["+14155550124", "Bob"]);

    // A stray quote swallows the rest of the file into one field — read in bounded memory,
    // cut, and the file still ends.
    let mut text = String::from("phone,name\n+14155550123,\"unclosed\n");
    for i in 0..20_000 {
        text.push_str(&format!("+1415555{i:04},Name {i}\n"));
    }
    let (_d, path) = file("stray.csv", text.as_bytes());
    let (_, rows) = read_rows(&path);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1[1].len(), MAX_FIELD_BYTES);
}

#[test]
fn inspection_gives_headers_sample_and_mapping() {
    let mut text = String::from("Téléphone;Prénom;Nom;Société;Courriel;Étiquettes;Ville\n");
    for i in 0..30 {
        text.push_str(&format!(
            "06 12 34 56 {i:02};Zoé;Martin;ACME;z{i}@x.fr;a,b;Lyon\n"
        ));
    }
    let (_d, path) = file("fr.csv", text.as_bytes());
    let inspection = inspect_file(&path).unwrap();
    assert_eq!(inspection.settings.delimiter, Some(Delimiter::Semicolon));
    assert_eq!(inspection.headers.len(), 7);
    assert_eq!(inspection.sample.len(), 10);
    assert_eq!(inspection.size_bytes, text.len() as u64);
    let roles: Vec<String> = inspection
        .mapping
        .columns
        .iter()
        .map(|c| {
            serde_json::to_value(&c.role).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        roles,
        [
            "phone",
            "first_name",
            "last_name",
            "company",
            "email",
            "tags",
            "custom"
        ]
    );
}
