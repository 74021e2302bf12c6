//! The audit log in a real SQLite file: recording, filters and pages, CSV export, and that a
//! planted secret never reaches the file.

use std::path::Path;

use console_core::audit::{action, AuditResultFilter, AUDIT_COLUMNS};
use console_core::{AppError, AuditEvent, AuditLog, AuditQuery, ErrorCode, Profile, ProfileKind};
use serde_json::json;

const PLANTED: &str = "planted-secret-7f3a9c";
const PLANTED_KNOWN: &str = "known-api-secret-41d2e8";

fn profile() -> Profile {
    Profile {
        id: "p-1".into(),
        name: "Acme Live".into(),
        base_url: "https://api.sendblue.co".into(),
        key_id: "key-1".into(),
        kind: ProfileKind::Live,
    }
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// 30 entries: contact creates (ok), contact deletes (every third fails), webhook adds.
fn fill(log: &AuditLog) {
    let p = profile();
    for i in 0..10 {
        // Distinct milliseconds, so time ranges have edges to test.
        std::thread::sleep(std::time::Duration::from_millis(2));
        log.record(AuditEvent::new(
            &p,
            action::CONTACT_CREATE,
            format!("+1415555{i:04}"),
        ))
        .unwrap();
        let result: Result<(), AppError> = if i % 3 == 0 {
            Err(AppError::new(
                ErrorCode::NotFound,
                "That item no longer exists.",
            ))
        } else {
            Ok(())
        };
        std::thread::sleep(std::time::Duration::from_millis(2));
        log.record(
            AuditEvent::new(&p, action::CONTACT_DELETE, format!("+1415555{i:04}")).outcome(&result),
        )
        .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(2));
        log.record(
            AuditEvent::new(
                &p,
                action::WEBHOOK_ADD,
                format!("https://hooks.example.com/Recv-{i}"),
            )
            .details(json!({"type": "receive"})),
        )
        .unwrap();
    }
}

#[test]
fn entries_are_recorded_and_queried_with_filters_and_pages() {
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::open_in(dir.path()).unwrap();
    fill(&log);

    let all = log.query(&AuditQuery::default()).unwrap();
    assert_eq!(all.total, 30);
    assert_eq!(all.entries.len(), 30);
    assert!(
        all.entries.windows(2).all(|w| w[0].id > w[1].id),
        "newest first"
    );
    let newest = &all.entries[0];
    assert_eq!(newest.action, action::WEBHOOK_ADD);
    assert_eq!(newest.profile_id, "p-1");
    assert_eq!(newest.profile_name, "Acme Live");
    assert!(newest.ok);
    assert_eq!(newest.details.as_deref(), Some(r#"{"type":"receive"}"#));

    let q = |f: fn(&mut AuditQuery)| {
        let mut query = AuditQuery::default();
        f(&mut query);
        log.query(&query).unwrap()
    };
    assert_eq!(
        q(|q| q.action = Some(action::CONTACT_DELETE.into())).total,
        10
    );
    assert_eq!(q(|q| q.action = Some("contact.".into())).total, 20);
    assert_eq!(
        q(|q| q.action = Some("contact".into())).total,
        0,
        "exact unless it ends with ."
    );
    let failed = q(|q| q.result = Some(AuditResultFilter::Error));
    assert_eq!(failed.total, 4);
    assert!(failed.entries.iter().all(|e| !e.ok
        && e.error_code == Some(ErrorCode::NotFound)
        && e.error_message.as_deref() == Some("That item no longer exists.")));
    assert_eq!(q(|q| q.result = Some(AuditResultFilter::Ok)).total, 26);
    assert_eq!(q(|q| q.target = Some("recv-".into())).total, 10, "any case");
    assert_eq!(q(|q| q.target = Some("5550007".into())).total, 2);
    assert_eq!(
        q(|q| q.target = Some("%".into())).total,
        0,
        "LIKE wildcards are literal"
    );
    let both = q(|q| {
        q.action = Some(action::CONTACT_DELETE.into());
        q.target = Some("0003".into());
        q.result = Some(AuditResultFilter::Error);
    });
    assert_eq!(both.total, 1);

    // Time range: [since, until) around the middle entries.
    let oldest_first: Vec<_> = all.entries.iter().rev().collect();
    let since = oldest_first[10].at.clone();
    let until = oldest_first[20].at.clone();
    let mut range = AuditQuery {
        since: Some(since.clone()),
        until: Some(until.clone()),
        limit: Some(1000),
        ..AuditQuery::default()
    };
    let in_range = log.query(&range).unwrap();
    assert!(in_range
        .entries
        .iter()
        .all(|e| e.at >= since && e.at < until));
    let expected = all
        .entries
        .iter()
        .filter(|e| e.at >= since && e.at < until)
        .count() as u64;
    assert_eq!(in_range.total, expected);
    assert_eq!(expected, 10, "entries 10..20, oldest first");
    range.since = Some("yesterday".into());
    let err = log.query(&range).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);

    // Pages of 7 cover everything once, in order.
    let mut seen = Vec::new();
    let mut offset = 0;
    loop {
        let page = log
            .query(&AuditQuery {
                offset: Some(offset),
                limit: Some(7),
                ..AuditQuery::default()
            })
            .unwrap();
        assert_eq!(page.total, 30);
        assert_eq!(page.offset, offset);
        if page.entries.is_empty() {
            break;
        }
        assert!(page.entries.len() <= 7);
        offset += page.entries.len() as u64;
        seen.extend(page.entries.into_iter().map(|e| e.id));
    }
    assert_eq!(seen, all.entries.iter().map(|e| e.id).collect::<Vec<_>>());

    // It is a file: a new handle sees the same log.
    drop(log);
    let again = AuditLog::open_in(dir.path()).unwrap();
    assert_eq!(again.query(&AuditQuery::default()).unwrap().total, 30);
}

#[test]
fn the_log_exports_to_a_formula_safe_csv() {
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::open_in(dir.path()).unwrap();
    fill(&log);
    let p = profile();
    log.record(AuditEvent::new(
        &p,
        action::CONTACT_UPDATE,
        "=HYPERLINK(\"http://x\")",
    ))
    .unwrap();

    let out = dir.path().join("audit.csv");
    let written = log
        .export_csv(
            &AuditQuery {
                action: Some("contact.".into()),
                limit: Some(1),
                ..AuditQuery::default()
            },
            &out,
        )
        .unwrap();
    assert_eq!(written, 21, "paging is ignored by the export");
    let (header, rows) = read_csv(&out);
    assert_eq!(header, AUDIT_COLUMNS);
    assert_eq!(rows.len(), 21);
    assert_eq!(rows[0][3], action::CONTACT_UPDATE);
    assert_eq!(rows[0][4], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[0][5], "ok");
    let failure = rows.iter().find(|r| r[5] == "error").unwrap();
    assert_eq!(failure[3], action::CONTACT_DELETE);
    assert_eq!(failure[6], "NotFound");
    assert_eq!(failure[7], "That item no longer exists.");
    assert!(rows.iter().all(|r| r[1] == "p-1" && r[2] == "Acme Live"));
}

#[test]
fn a_planted_secret_never_reaches_the_audit_file() {
    let dir = tempfile::tempdir().unwrap();
    let log = AuditLog::open_in(dir.path()).unwrap();
    console_core::redact::global().register(PLANTED_KNOWN);
    let p = profile();
    let details = json!({
        "url": "https://hooks.example.com/in",
        "secret": PLANTED,
        "signing_secret": PLANTED,
        "globalSecret": PLANTED,
        "api_key": PLANTED,
        "Password": PLANTED,
        "access_token": PLANTED,
        "headers": {"sb-api-secret-key": PLANTED, "Authorization": format!("Bearer {PLANTED}")},
        "webhooks": [{"url": "https://a.example.com", "secret": PLANTED}],
        "note": format!("pasted by mistake: {PLANTED_KNOWN}"),
        "raw": format!("sb-api-secret-key: {PLANTED}"),
    });
    let entry = log
        .record(AuditEvent::new(&p, action::WEBHOOK_REPLACE, "receive").details(details))
        .unwrap();
    let stored = entry.details.unwrap();
    assert!(stored.contains("https://hooks.example.com/in"), "{stored}");
    assert!(stored.contains(r#""secret":"<redacted>""#), "{stored}");
    assert!(stored.contains("pasted by mistake: <redacted>"), "{stored}");
    let failed: Result<(), AppError> = Err(AppError::new(
        ErrorCode::Unauthorized,
        format!("rejected {PLANTED_KNOWN}"),
    ));
    log.record(
        AuditEvent::new(
            &p,
            action::PROFILE_SECRET_SET,
            format!("profile with {PLANTED_KNOWN}"),
        )
        .outcome(&failed),
    )
    .unwrap();
    let out = dir.path().join("export.csv");
    log.export_csv(&AuditQuery::default(), &out).unwrap();
    drop(log);

    let mut checked = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for planted in [PLANTED, PLANTED_KNOWN] {
            assert!(
                !bytes
                    .windows(planted.len())
                    .any(|w| w == planted.as_bytes()),
                "{planted} leaked"
            );
        }
        checked += 1;
    }
    assert!(checked >= 2, "the database and the export were checked");
}
