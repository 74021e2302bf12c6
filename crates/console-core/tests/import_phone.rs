//! Phone numbers as people type them → E.164 and valid, fixed (and how), or invalid (and why).

use console_core::import::{normalize_phone, DefaultCountry, PhoneCheck};

fn country(iso: &str) -> DefaultCountry {
    DefaultCountry::parse(iso).unwrap()
}

fn check(raw: &str) -> PhoneCheck {
    normalize_phone(raw, &country("US"))
}

fn fixed(raw: &str) -> (String, Vec<String>) {
    match check(raw) {
        PhoneCheck::Fixed { e164, fixes } => (e164, fixes),
        other => panic!("{raw:?}: expected fixed, got {other:?}"),
    }
}

fn invalid(raw: &str) -> String {
    match check(raw) {
        PhoneCheck::Invalid { reason } => reason,
        other => panic!("{raw:?}: expected invalid, got {other:?}"),
    }
}

#[test]
fn e164_as_given_is_valid_and_untouched() {
    for raw in [
        "+14155550123",
        "+12125550199",
        "+442079460958",
        "+33612345678",
    ] {
        assert_eq!(
            check(raw),
            PhoneCheck::Valid {
                e164: raw.to_owned()
            }
        );
    }
    // Surrounding spaces are not a fix worth reporting.
    assert_eq!(check("  +14155550123 ").e164(), Some("+14155550123"));
}

#[test]
fn national_formats_get_the_default_country_code() {
    for raw in [
        "4155550123",
        "(415) 555-0123",
        "415-555-0123",
        "415.555.0123",
        "415 555 0123",
        "1-415-555-0123",
        "1 (415) 555-0123",
        "+1 (415) 555-0123",
        "+1.415.555.0123",
        "011 1 415 555 0123",
    ] {
        assert_eq!(check(raw).e164(), Some("+14155550123"), "{raw}");
    }
    let (_, fixes) = fixed("4155550123");
    assert_eq!(fixes, ["added country code +1"]);
    let (_, fixes) = fixed("(415) 555-0123");
    assert_eq!(
        fixes,
        [
            "removed spaces, dashes and brackets",
            "added country code +1"
        ]
    );
    let (_, fixes) = fixed("415-555-0123");
    assert_eq!(fixes, ["removed dashes", "added country code +1"]);
    let (_, fixes) = fixed("+1 415 555 0123");
    assert_eq!(fixes, ["removed spaces"]);
}

#[test]
fn other_default_countries() {
    let gb = country("gb");
    assert_eq!(
        normalize_phone("020 7946 0958", &gb).e164(),
        Some("+442079460958")
    );
    assert_eq!(
        normalize_phone("07400 123456", &gb).e164(),
        Some("+447400123456")
    );
    let fr = country("FR");
    assert_eq!(
        normalize_phone("06 12 34 56 78", &fr).e164(),
        Some("+33612345678")
    );
    // An explicit country code wins over the default one (and keeps its digits: +33 1…).
    assert_eq!(check("+33 1 42 68 53 00").e164(), Some("+33142685300"));
    assert_eq!(
        check("00 44 20 7946 0958").e164(),
        None,
        "00 is not the US exit code"
    );
    assert_eq!(
        normalize_phone("00 44 20 7946 0958", &fr).e164(),
        Some("+442079460958")
    );
    let (e164, fixes) = fixed("011 44 20 7946 0958");
    assert_eq!(e164, "+442079460958");
    assert!(fixes.contains(&"replaced the international prefix with +44".to_owned()));
    assert!(DefaultCountry::parse("XX").is_err());
    assert!(DefaultCountry::parse("").is_err());
}

#[test]
fn extensions_are_stripped_and_said() {
    for (raw, ext) in [
        ("+1 415 555 0123 x123", "123"),
        ("415-555-0123 ext. 45", "45"),
        ("415-555-0123 ext 45", "45"),
        ("(415) 555-0123 extension 7", "7"),
        ("4155550123#9", "9"),
        ("tel:+14155550123;ext=12", "12"),
        ("415.555.0123x5", "5"),
    ] {
        let (e164, fixes) = fixed(raw);
        assert_eq!(e164, "+14155550123", "{raw}");
        assert!(
            fixes.contains(&format!("stripped extension x{ext}")),
            "{raw}: {fixes:?}"
        );
    }
}

#[test]
fn leading_apostrophe_is_removed() {
    let (e164, fixes) = fixed("'+14155550123");
    assert_eq!(e164, "+14155550123");
    assert_eq!(fixes, ["removed leading apostrophe"]);
    let (_, fixes) = fixed("'4155550123");
    assert_eq!(
        fixes,
        ["removed leading apostrophe", "added country code +1"]
    );
}

#[test]
fn invalid_numbers_say_why() {
    assert_eq!(invalid(""), "no phone number");
    assert_eq!(invalid("   "), "no phone number");
    assert_eq!(invalid("'"), "no phone number");
    assert_eq!(invalid("--"), "no phone number");
    assert_eq!(invalid("12"), "too short");
    assert_eq!(invalid("555-0123"), "too short");
    assert_eq!(invalid("+1415555012345678"), "too long");
    assert_eq!(invalid("1-800-FLOWERS"), "contains letters");
    assert_eq!(invalid("call me"), "contains letters");
    assert_eq!(invalid("n/a"), "contains letters");
    assert_eq!(invalid("+1 555 555 5555"), "not a valid number for US");
    assert_eq!(invalid("+10005550123"), "not a valid number for US");
    assert_eq!(invalid("+999 1234567"), "unknown country code");
    assert_eq!(
        invalid("415*555*0123"),
        "contains “*”, which isn't part of a phone number"
    );
    assert_eq!(invalid("415+555+0123"), "has a + in the middle");
    assert_eq!(
        invalid(&"4".repeat(100_000)),
        "too long to be a phone number"
    );
}

#[test]
fn duplicates_in_different_formats_normalize_alike() {
    let forms = [
        "+14155550123",
        "4155550123",
        "(415) 555-0123",
        "1.415.555.0123",
        "'+1 415-555-0123",
        "415 555 0123 x9",
        "\u{200B}+1\u{00A0}415\u{00A0}555\u{00A0}0123",
    ];
    for raw in forms {
        assert_eq!(check(raw).e164(), Some("+14155550123"), "{raw:?}");
    }
}
