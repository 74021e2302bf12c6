//! How the sandbox decides, per recipient, which service a message goes over and which
//! recipients fail. The rule is deterministic so that tests and demos can pick numbers that
//! behave a known way; the crate README repeats it.

use crate::domain::Line;

/// Apple iMessage.
pub const IMESSAGE: &str = "iMessage";
/// Carrier SMS.
pub const SMS: &str = "SMS";
/// RCS (V2 lines only).
pub const RCS: &str = "RCS";

/// `error_code` of a message that failed to send (§2.6).
pub const FAILED_CODE: i64 = 10001;
/// `error_message` of a message that failed to send.
pub const FAILED_MESSAGE: &str = "Message failed to send";

/// The service a message to `number` sent from `line` uses, and whether it was downgraded
/// from iMessage.
///
/// Phone numbers, by their last digit:
/// * even (0, 2, 4, 6, 8) → the recipient has iMessage: `("iMessage", false)`;
/// * 9 on a V2 (Mac) line → the recipient is on RCS: `("RCS", false)`;
/// * any other odd digit (and 9 on a classic line) → SMS only: `("SMS", true)` — the send
///   was downgraded and its `send_style` is dropped.
///
/// Email handles (Apple IDs) are iMessage when their domain is `icloud.com`, `me.com` or
/// `mac.com`, or when they contain `imessage`; any other email is SMS (for an email that
/// means "no iMessage detected"), not downgraded.
pub fn service_for(number: &str, line: &Line) -> (&'static str, bool) {
    service_on(number, line.kind == "v2")
}

/// [`service_for`] given only whether the line is a V2 (Mac-based) line.
pub fn service_on(number: &str, v2_line: bool) -> (&'static str, bool) {
    if number.contains('@') {
        return if email_has_imessage(number) {
            (IMESSAGE, false)
        } else {
            (SMS, false)
        };
    }
    match number.chars().last().and_then(|c| c.to_digit(10)) {
        Some(d) if d % 2 == 0 => (IMESSAGE, false),
        Some(9) if v2_line => (RCS, false),
        _ => (SMS, true),
    }
}

/// What `GET /api/evaluate-service` answers for `number` (§4.8): the same rule as
/// [`service_for`], reduced to `iMessage` or `SMS` (the endpoint never says RCS), and
/// independent of any line.
pub fn evaluate(number: &str) -> &'static str {
    if number.contains('@') {
        return if email_has_imessage(number) {
            IMESSAGE
        } else {
            SMS
        };
    }
    match number.chars().last().and_then(|c| c.to_digit(10)) {
        Some(d) if d % 2 == 0 => IMESSAGE,
        _ => SMS,
    }
}

fn email_has_imessage(email: &str) -> bool {
    let lower = email.to_ascii_lowercase();
    let domain = lower.rsplit('@').next().unwrap_or("");
    matches!(domain, "icloud.com" | "me.com" | "mac.com") || lower.contains("imessage")
}

/// True for recipients whose messages fail: numbers ending in `0666` end in `ERROR` with
/// `error_code` 10001 "Message failed to send" (they go QUEUED → ERROR on the first tick).
pub fn fails(number: &str) -> bool {
    number.ends_with("0666")
}

/// True for a plausible email handle (`something@domain.tld`).
pub fn is_email(handle: &str) -> bool {
    let mut parts = handle.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !handle.contains(char::is_whitespace)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(kind: &str) -> Line {
        Line {
            number: "+14155550100".into(),
            worker_id: "w".into(),
            kind: kind.into(),
            assignment: "assigned".into(),
            status: "ONLINE".into(),
            status_changed_at: None,
            degraded_since: None,
            effective_until: None,
            read_receipts: false,
            carousel: false,
            contact_sharing: false,
            facetime: false,
            inbound_only: false,
            forwarding_number: None,
        }
    }

    #[test]
    fn last_digit_decides() {
        let (v1, v2) = (line("v1"), line("v2"));
        assert_eq!(service_for("+14155550122", &v1), (IMESSAGE, false));
        assert_eq!(service_for("+14155550123", &v1), (SMS, true));
        assert_eq!(service_for("+14155550129", &v1), (SMS, true));
        assert_eq!(service_for("+14155550129", &v2), (RCS, false));
        assert_eq!(service_for("+14155550127", &v2), (SMS, true));
        assert_eq!(evaluate("+14155550129"), SMS);
        assert_eq!(evaluate("+14155550120"), IMESSAGE);
    }

    #[test]
    fn emails() {
        assert_eq!(evaluate("dana@icloud.com"), IMESSAGE);
        assert_eq!(evaluate("imessage.dana@acme.test"), IMESSAGE);
        assert_eq!(evaluate("dana@acme.test"), SMS);
        assert!(is_email("dana@acme.test"));
        assert!(!is_email("dana@acme"));
        assert!(!is_email("+14155550123"));
    }

    #[test]
    fn failing_pattern() {
        assert!(fails("+14155550666"));
        assert!(!fails("+14155550667"));
    }
}
