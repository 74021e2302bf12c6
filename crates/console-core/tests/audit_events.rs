//! Every audit entry written is announced to the page once stored, exactly as stored
//! (redacted), so an open audit log can refresh.

use std::sync::{Arc, Mutex};

use console_core::audit::action;
use console_core::{
    AppError, Audit, AuditEntry, AuditQuery, Console, ErrorCode, FileSecrets, JsonFileProfiles,
    LiveConfig, LiveEvents,
};
use serde_json::json;

const PLANTED: &str = "planted-secret-19c7aa";

#[derive(Default)]
struct Recorder(Mutex<Vec<AuditEntry>>);

impl LiveEvents for Recorder {
    fn audit_appended(&self, entry: &AuditEntry) {
        self.0.lock().unwrap().push(entry.clone());
    }
}

#[tokio::test]
async fn each_written_entry_is_announced_as_stored() {
    let dir = tempfile::tempdir().unwrap();
    let events = Arc::new(Recorder::default());
    let config = LiveConfig {
        events: events.clone(),
        ..LiveConfig::quiet()
    };
    let console = Console::open_with(
        Box::new(JsonFileProfiles::new(dir.path().join("profiles.json"))),
        Arc::new(FileSecrets::new(dir.path().join("secrets.json"))),
        dir.path(),
        config,
    )
    .await
    .unwrap();

    let audit = Audit::new(action::WEBHOOK_ADD, "receive")
        .details(json!({ "url": "https://example.com/hook", "secret": PLANTED }));
    console.audited(audit, async { Ok(()) }).await.unwrap();
    let failing = Audit::new(action::CONTACT_DELETE, "+13105550100");
    let _ = console
        .audited(failing, async {
            Err::<(), _>(AppError::new(ErrorCode::NotFound, "No such contact."))
        })
        .await;

    let announced = events.0.lock().unwrap().clone();
    assert_eq!(announced.len(), 2);
    let stored = console
        .live()
        .unwrap()
        .audit()
        .query(&AuditQuery::default())
        .unwrap()
        .entries;
    // Newest first in the log, in order of writing in the events.
    let mut stored_in_order = stored.clone();
    stored_in_order.reverse();
    for (sent, kept) in announced.iter().zip(&stored_in_order) {
        assert_eq!(sent.id, kept.id);
        assert_eq!(sent.action, kept.action);
        assert_eq!(sent.details, kept.details);
        assert_eq!(sent.ok, kept.ok);
    }
    assert!(announced[0].id > 0, "the entry carries its stored id");
    let details = announced[0].details.clone().unwrap();
    assert!(
        !details.contains(PLANTED),
        "the secret is redacted: {details}"
    );
    assert!(!announced[1].ok);
    assert_eq!(announced[1].error_code, Some(ErrorCode::NotFound));
}
