//! Phone numbers as people type them → E.164, fixed (and how), or invalid (and why).

use console_core::import::{normalize_phone, DefaultCountry, PhoneCheck};

fn us() -> DefaultCountry {
    DefaultCountry::parse("US").unwrap()
}

fn check(raw: &str) -> PhoneCheck {
    normalize_phone(raw, &us())
}

#[test]
fn explore() {
    for raw in [
        "+14155550123", "4155550123", "(415) 555-0123", "415.555.0123", "+1 415 555 0123 x123",
        "1-415-555-0123", "'+14155550123", "555-0123", "+44 20 7946 0958", "020 7946 0958",
        "011 44 20 7946 0958", "+1 800 FLOWERS", "", "   ", "12", "+999 1234567",
        "+1415555012345678", "+12125550123", "2125550123", "+33 1 42 68 53 00", "+1 555 555 5555",
        "+10005550123", "+14155550100", "415-555-0123 ext. 45", "415 555 0123#9",
    ] {
        println!("{raw:?} => {:?}", check(raw));
    }
}
