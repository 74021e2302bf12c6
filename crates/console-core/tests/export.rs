//! Exports against real files and a real sandbox: formula neutralization, the contacts CSV
//! (columns, quoting, unicode, streaming), the messages CSV, cancel, and resume.

mod jobs_support;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use console_core::export::contacts::{ContactIter, ContactRows};
use console_core::export::{
    contact_header, is_e164, neutralize, ContactList, ExportContactsRunner, ExportMessagesRunner,
    CONTACT_COLUMNS, EXPORTED, MESSAGE_COLUMNS, NOT_SAVED,
};
use console_core::jobs::{JobState, Jobs, Journal, REPORT_COLUMNS};
use console_core::{export, AppResult, ErrorCode};
use jobs_support::{client_for, progress_log, read_csv, sandbox};
use sendblue_client::models::contacts::Contact;
use sendblue_client::models::message_list::ListMessages;
use sendblue_client::models::message_send::SendMessage;
use sendblue_client::Client;

const LINE: &str = "+14155550100";

fn contact(phone: &str, first: &str) -> Contact {
    Contact {
        phone: phone.into(),
        first_name: Some(first.into()),
        ..Contact::default()
    }
}

#[test]
fn formula_cells_are_neutralized_except_e164_numbers() {
    let table: &[(&str, &str)] = &[
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2", "'-2"),
        ("-", "'-"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tstarts with a tab", "'\tstarts with a tab"),
        ("\rstarts with CR", "'\rstarts with CR"),
        ("+14155550123", "+14155550123"),
        ("+1234567", "+1234567"),
        ("+123456789012345", "+123456789012345"),
        ("+123456", "'+123456"),
        ("+1234567890123456", "'+1234567890123456"),
        ("+1 415 555 0123", "'+1 415 555 0123"),
        ("+0123456789", "'+0123456789"),
        ("+14155550123=1", "'+14155550123=1"),
        ("plain text", "plain text"),
        ("a=b+c", "a=b+c"),
        (" =1", " =1"),
        ("", ""),
        ("José 😀", "José 😀"),
    ];
    for (cell, want) in table {
        assert_eq!(neutralize(cell), *want, "cell {cell:?}");
    }
    assert!(is_e164("+442071838750"));
    assert!(!is_e164("442071838750"));
    assert!(!is_e164("+44 20"));
}

#[tokio::test]
async fn contacts_export_of_a_known_set_has_stable_columns_quoting_and_unicode() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = Jobs::open(dir.path().join("jobs")).unwrap();
    let mut a = contact("+14155550001", "Zoë");
    a.last_name = Some("O'Brien, \"Jr.\"".into());
    a.company_name = Some("Line one\nline two".into());
    a.assigned_to_email = Some("rep@example.com".into());
    a.tags = vec!["vip".into(), "lead".into()];
    a.opt_out = Some(false);
    a.verified = Some(true);
    a.sendblue_number = Some(LINE.into());
    a.created_at = Some("2026-01-02T03:04:05.000Z".into());
    a.custom_variables = BTreeMap::from([
        ("Plan".into(), "Gold".into()),
        ("City".into(), "Zürich".into()),
    ]);
    let mut b = contact("+14155550002", "=HYPERLINK(\"http://evil\",\"x\")");
    b.last_name = Some("山田".into());
    b.company_name = Some("-10% off".into());
    b.custom_variables = BTreeMap::from([("Seats".into(), "@5".into())]);
    b.opt_out = Some(true);
    let c = contact("+14155550003", "🙂 Emoji");
    let rows = vec![a, b, c];
    jobs.register(Arc::new(ExportContactsRunner::new(Arc::new(ContactList(
        rows.clone(),
    )))));

    let out = dir.path().join("out").join("contacts.csv");
    let report = export::start_contacts_export(&jobs, &out, serde_json::Value::Null)
        .unwrap()
        .wait()
        .await
        .unwrap();
    assert_eq!(report.state, JobState::Completed);
    assert_eq!(report.total, 3);
    assert_eq!(report.count(EXPORTED), 3);
    assert_eq!(report.output.as_deref(), Some(out.to_str().unwrap()));

    let (header, cells) = read_csv(&out);
    let mut want_header: Vec<String> = CONTACT_COLUMNS.iter().map(|c| c.to_string()).collect();
    want_header.extend(["custom:City", "custom:Plan", "custom:Seats"].map(String::from));
    assert_eq!(header, want_header);
    assert_eq!(
        header,
        contact_header(&["City".into(), "Plan".into(), "Seats".into()])
    );
    assert_eq!(
        cells[0],
        [
            "+14155550001",
            "Zoë",
            "O'Brien, \"Jr.\"",
            "Line one\nline two",
            "rep@example.com",
            "vip;lead",
            "false",
            "true",
            LINE,
            "2026-01-02T03:04:05.000Z",
            "Zürich",
            "Gold",
            ""
        ]
    );
    assert_eq!(
        cells[1],
        [
            "+14155550002",
            "'=HYPERLINK(\"http://evil\",\"x\")",
            "山田",
            "'-10% off",
            "",
            "",
            "true",
            "",
            "",
            "",
            "",
            "",
            "'@5"
        ]
    );
    assert_eq!(cells[2][1], "🙂 Emoji");
    assert_eq!(cells.len(), 3);

    // The raw bytes quote exactly what needs quoting, with doubled quotes, and end lines CRLF.
    let raw = std::fs::read_to_string(&out).unwrap();
    assert!(raw.contains(",\"O'Brien, \"\"Jr.\"\"\",\"Line one\nline two\","));
    assert!(
        raw.contains("\r\n+14155550002,"),
        "E.164 stays unquoted and unprefixed"
    );
    assert!(!dir.path().join("out").join("contacts.csv.partial").exists());

    // The report: one line per row.
    let (report_header, lines) = read_csv(Path::new(report.report_csv.as_deref().unwrap()));
    assert_eq!(report_header, REPORT_COLUMNS);
    assert_eq!(
        lines,
        vec![
            vec!["1", "+14155550001", EXPORTED, ""],
            vec!["2", "+14155550002", EXPORTED, ""],
            vec!["3", "+14155550003", EXPORTED, ""]
        ]
    );
}

/// Generates contacts on the fly (never holding them all), slowly when asked.
struct Generated {
    count: u64,
    pause: Duration,
}

impl ContactRows for Generated {
    fn rows(&self, _selection: &serde_json::Value) -> AppResult<ContactIter<'_>> {
        let pause = self.pause;
        Ok(Box::new((0..self.count).map(move |i| {
            if !pause.is_zero() {
                std::thread::sleep(pause);
            }
            let mut c = contact(&format!("+1646{:07}", i), &format!("Person {i}"));
            c.custom_variables = BTreeMap::from([(format!("k{}", i % 3), i.to_string())]);
            Ok(c)
        })))
    }

    fn custom_keys(&self, _selection: &serde_json::Value) -> AppResult<Option<Vec<String>>> {
        Ok(Some(vec!["k0".into(), "k1".into(), "k2".into()]))
    }

    fn count(&self, _selection: &serde_json::Value) -> AppResult<Option<u64>> {
        Ok(Some(self.count))
    }
}

#[tokio::test]
async fn a_large_contacts_export_streams_from_a_generator() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = Jobs::open(dir.path().join("jobs")).unwrap();
    let events = progress_log(&jobs);
    jobs.register(Arc::new(ExportContactsRunner::new(Arc::new(Generated {
        count: 100_000,
        pause: Duration::ZERO,
    }))));
    let out = dir.path().join("big.csv");
    let report = export::start_contacts_export(&jobs, &out, serde_json::json!({"tag": "any"}))
        .unwrap()
        .wait()
        .await
        .unwrap();
    assert_eq!(report.count(EXPORTED), 100_000);
    let (header, rows) = read_csv(&out);
    assert_eq!(header.len(), CONTACT_COLUMNS.len() + 3);
    assert_eq!(rows.len(), 100_000);
    assert_eq!(rows[99_999][0], "+16460099999");
    assert_eq!(
        rows[99_999][CONTACT_COLUMNS.len()],
        "99999",
        "k0 of row 99999"
    );
    let events = events.lock().unwrap();
    let last = events.last().unwrap();
    assert_eq!(last.state, JobState::Completed);
    assert_eq!((last.done, last.total), (100_000, 100_000));
    assert!(events.iter().all(|e| e.total == 100_000));
}

async fn send_messages(client: &Client, n: usize) -> Vec<String> {
    let mut handles = Vec::new();
    for i in 0..n {
        let content = match i % 3 {
            0 => format!("=cmd|' /C calc'!A{i}"),
            1 => format!("Hello, \"friend\" #{i}\nsecond line ✨"),
            _ => format!("plain {i}"),
        };
        let sent = client
            .messages()
            .send(&SendMessage::text(
                format!("+1917555{:04}", i),
                LINE,
                content,
            ))
            .await
            .unwrap();
        handles.push(sent.message_handle);
    }
    handles
}

#[tokio::test]
async fn messages_export_reads_every_page_from_the_sandbox() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = sandbox(dir.path()).await;
    let client = client_for(&sandbox.base_url());
    let sent = send_messages(&client, 23).await;
    let jobs = Jobs::open(dir.path().join("jobs")).unwrap();
    jobs.register(Arc::new(ExportMessagesRunner::new(client.clone())));
    let out = dir.path().join("messages.csv");
    let query = ListMessages {
        limit: Some(5),
        ..ListMessages::default()
    };
    let report = export::start_messages_export(&jobs, &out, query)
        .unwrap()
        .wait()
        .await
        .unwrap();
    assert_eq!(report.state, JobState::Completed);
    let total = client
        .messages()
        .list(&ListMessages::default())
        .await
        .unwrap()
        .pagination
        .unwrap()
        .total;
    assert_eq!(report.count(EXPORTED), total);
    let (header, rows) = read_csv(&out);
    assert_eq!(header, MESSAGE_COLUMNS);
    assert_eq!(rows.len() as u64, total);
    let handles: HashSet<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(handles.len(), rows.len(), "no message twice across pages");
    for handle in &sent {
        assert!(handles.contains(handle.as_str()), "{handle} exported");
    }
    let content = MESSAGE_COLUMNS
        .iter()
        .position(|c| *c == "content")
        .unwrap();
    let to = MESSAGE_COLUMNS
        .iter()
        .position(|c| *c == "to_number")
        .unwrap();
    let direction = MESSAGE_COLUMNS
        .iter()
        .position(|c| *c == "direction")
        .unwrap();
    let first = rows.iter().find(|r| r[0] == sent[0]).unwrap();
    assert_eq!(first[content], "'=cmd|' /C calc'!A0");
    assert_eq!(first[to], "+19175550000");
    assert_eq!(first[direction], "outbound");
    let second = rows.iter().find(|r| r[0] == sent[1]).unwrap();
    assert_eq!(second[content], "Hello, \"friend\" #1\nsecond line ✨");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn cancelling_a_messages_export_keeps_no_file_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = sandbox(dir.path()).await;
    let client = client_for(&sandbox.base_url());
    send_messages(&client, 40).await;
    sandbox.state().faults.write().unwrap().latency_ms = 150;
    let jobs = Jobs::open(dir.path().join("jobs")).unwrap();
    jobs.register(Arc::new(ExportMessagesRunner::new(client.clone())));
    let canceller = jobs.clone();
    jobs.on_progress(move |p| {
        if p.state == JobState::Running && p.done >= 5 {
            canceller.cancel(&p.job_id).unwrap();
        }
    });
    let out = dir.path().join("messages.csv");
    std::fs::write(&out, "the previous export").unwrap();
    let query = ListMessages {
        limit: Some(5),
        ..ListMessages::default()
    };
    let handle = export::start_messages_export(&jobs, &out, query).unwrap();
    let id = handle.id().to_owned();
    let report = handle.wait().await.unwrap();
    assert_eq!(report.state, JobState::Cancelled);
    let not_saved = report.count(NOT_SAVED);
    assert!((5..40).contains(&not_saved), "stopped soon: {not_saved}");
    assert_eq!(report.output, None);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "the previous export"
    );
    assert!(!dir.path().join("messages.csv.partial").exists());
    let info = jobs.info(&id).unwrap();
    assert_eq!(info.state, JobState::Cancelled);
    assert_eq!(info.report.unwrap().count(NOT_SAVED), not_saved);
    sandbox.shutdown().await;
}

#[tokio::test]
async fn cancelling_a_contacts_export_mid_way_deletes_the_unfinished_file() {
    let dir = tempfile::tempdir().unwrap();
    let jobs = Jobs::open(dir.path().join("jobs")).unwrap();
    jobs.register(Arc::new(ExportContactsRunner::new(Arc::new(Generated {
        count: 5_000,
        pause: Duration::from_millis(1),
    }))));
    let canceller = jobs.clone();
    jobs.on_progress(move |p| {
        if p.state == JobState::Running && p.done >= 50 {
            canceller.cancel(&p.job_id).unwrap();
        }
    });
    let out = dir.path().join("contacts.csv");
    let report = export::start_contacts_export(&jobs, &out, serde_json::Value::Null)
        .unwrap()
        .wait()
        .await
        .unwrap();
    assert_eq!(report.state, JobState::Cancelled);
    assert!((50..5_000).contains(&report.count(NOT_SAVED)));
    assert!(!out.exists());
    assert!(!dir.path().join("contacts.csv.partial").exists());
}

#[tokio::test]
async fn an_interrupted_export_resumes_by_writing_the_file_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("jobs");
    let out = dir.path().join("contacts.csv");
    let rows = vec![
        contact("+14155550011", "Ann"),
        contact("+14155550012", "Bo"),
    ];
    let id = {
        let jobs = Jobs::open(&root).unwrap();
        let id = export::create_contacts_export(&jobs, &out, serde_json::Value::Null).unwrap();
        // What a crash mid-export leaves: the journal says running, half a file lies beside.
        Journal::open(&jobs.dir(&id))
            .unwrap()
            .set_state(JobState::Running, None)
            .unwrap();
        std::fs::write(
            dir.path().join("contacts.csv.partial"),
            "phone,first\n+1415",
        )
        .unwrap();
        id
    };

    let jobs = Jobs::open(&root).unwrap();
    assert_eq!(jobs.info(&id).unwrap().state, JobState::Interrupted);
    jobs.register(Arc::new(ExportContactsRunner::new(Arc::new(ContactList(
        rows,
    )))));
    let handles = jobs.resume_all().unwrap();
    assert_eq!(handles.len(), 1);
    let report = handles.into_iter().next().unwrap().wait().await.unwrap();
    assert_eq!(report.state, JobState::Completed);
    let (_, cells) = read_csv(&out);
    assert_eq!(cells.len(), 2);
    assert_eq!(cells[1][..2], ["+14155550012", "Bo"]);
    assert!(!dir.path().join("contacts.csv.partial").exists());
    assert!(
        jobs.resume_all().unwrap().is_empty(),
        "nothing left to resume"
    );

    // A finished job can be forgotten; ids that aren't plain folder names are refused.
    assert_eq!(jobs.list().unwrap().len(), 1);
    jobs.forget(&id).unwrap();
    assert!(jobs.list().unwrap().is_empty());
    assert!(!jobs.dir(&id).exists());
    for bad in ["../jobs", "", "a/b"] {
        assert_eq!(jobs.info(bad).unwrap_err().code, ErrorCode::NotFound);
    }
}
