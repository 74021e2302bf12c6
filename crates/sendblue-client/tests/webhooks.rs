//! Webhook configuration endpoints and delivery payloads: the exact request sent, and the
//! reference's examples decoded.

mod support;

use std::time::Duration;

use sendblue_client::models::webhook_payloads::{
    secret_matches, WebhookPayload, SIGNING_SECRET_HEADER,
};
use sendblue_client::models::webhooks::{
    AddWebhooks, RemoveWebhooks, WebhookConfig, WebhookEntry, WebhookSet, WebhookType,
};
use sendblue_client::{ErrorCode, MessageStatus, MessageType, RetryPolicy, Service};
use serde_json::json;
use support::Recorder;

/// The §10.1 example.
const LISTED: &str = r#"{
  "status": "OK",
  "webhooks": {
    "receive": ["https://hooks.acme.test/sb/in", { "url": "https://hooks.acme.test/sb/in-line2", "secret": "whs_line2", "sendblue_numbers": ["+14155550101"] }],
    "outbound": ["https://hooks.acme.test/sb/status"],
    "typing_indicator": [],
    "call_log": [],
    "inbound_call": [],
    "line_blocked": [],
    "line_assigned": [],
    "contact_created": [],
    "contact_profile": [],
    "globalSecret": "whs_global_9d2f"
  }
}"#;

fn retrying() -> impl FnOnce(&mut sendblue_client::ClientConfig) {
    |c| {
        c.retry = RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
        }
    }
}

#[tokio::test]
async fn list_reads_the_reference_example() {
    let server = Recorder::start().await;
    server.respond(200, LISTED);
    let set = server.client().webhooks().list().await.unwrap();
    assert_eq!(set.receive.len(), 2);
    assert_eq!(
        set.receive[0],
        WebhookEntry::Url("https://hooks.acme.test/sb/in".into())
    );
    assert_eq!(set.receive[1].url(), "https://hooks.acme.test/sb/in-line2");
    assert_eq!(set.receive[1].secret(), Some("whs_line2"));
    assert_eq!(set.receive[1].sendblue_numbers(), ["+14155550101"]);
    assert_eq!(set.outbound[0].url(), "https://hooks.acme.test/sb/status");
    assert!(set.typing_indicator.is_empty() && set.contact_profile.is_empty());
    assert_eq!(set.global_secret.as_deref(), Some("whs_global_9d2f"));
    let flat: Vec<_> = set.iter().map(|(t, e)| (t, e.url().to_owned())).collect();
    assert_eq!(
        flat,
        vec![
            (WebhookType::Receive, "https://hooks.acme.test/sb/in".into()),
            (
                WebhookType::Receive,
                "https://hooks.acme.test/sb/in-line2".into()
            ),
            (
                WebhookType::Outbound,
                "https://hooks.acme.test/sb/status".into()
            ),
        ]
    );
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/account/webhooks");
    assert_eq!(req.query, None);
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn list_tolerates_missing_null_and_unknown_types() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","webhooks":{"receive":null,"outbound":["https://a.test/o"],"sms_bounce":["https://a.test/b"]}}"#,
    );
    server.respond(200, r#"{"status":"OK"}"#);
    let client = server.client();
    let set = client.webhooks().list().await.unwrap();
    assert!(set.receive.is_empty());
    assert_eq!(set.outbound.len(), 1);
    assert!(set.line_assigned.is_empty());
    assert_eq!(set.global_secret, None);
    assert_eq!(
        set.extra.get("sms_bounce"),
        Some(&json!(["https://a.test/b"]))
    );
    assert_eq!(set.entries(&WebhookType::Unknown("sms_bounce".into())), []);
    let empty = client.webhooks().list().await.unwrap();
    assert_eq!(empty, WebhookSet::default());
}

#[test]
fn entries_serialize_back_the_way_they_came() {
    let raw = json!(["https://a.test/x", {"url": "https://a.test/y", "secret": "s"}, {"url": "https://a.test/z", "sendblue_numbers": ["+14155550100"], "label": "kept"}]);
    let entries: Vec<WebhookEntry> = serde_json::from_value(raw.clone()).unwrap();
    assert!(matches!(entries[0], WebhookEntry::Url(_)));
    assert!(matches!(entries[1], WebhookEntry::Config(_)));
    assert_eq!(serde_json::to_value(&entries).unwrap(), raw);
    let t: WebhookType = serde_json::from_str("\"sms_bounce\"").unwrap();
    assert_eq!(t, WebhookType::Unknown("sms_bounce".into()));
    assert_eq!(WebhookType::KNOWN.len(), 9);
}

#[tokio::test]
async fn add_sends_entries_type_and_global_secret_once() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","message":"Webhooks added","webhooks":{"receive":["https://hooks.acme.test/sb/in"]}}"#,
    );
    let mut config = WebhookConfig::new("https://hooks.acme.test/sb/in-line2");
    config.secret = Some("whs_line2".into());
    config.sendblue_numbers = Some(vec!["+14155550101".into()]);
    let mut request = AddWebhooks::new(vec!["https://hooks.acme.test/sb/in".into(), config.into()]);
    request.global_secret = Some("whs_global_9d2f".into());
    let answer = server.client().webhooks().add(&request).await.unwrap();
    assert_eq!(answer.status.as_deref(), Some("OK"));
    assert_eq!(answer.message.as_deref(), Some("Webhooks added"));
    assert_eq!(answer.webhooks.unwrap().receive.len(), 1);
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/account/webhooks");
    assert_eq!(
        req.json(),
        json!({
            "webhooks": [
                "https://hooks.acme.test/sb/in",
                {"url": "https://hooks.acme.test/sb/in-line2", "secret": "whs_line2", "sendblue_numbers": ["+14155550101"]}
            ],
            "type": "receive",
            "globalSecret": "whs_global_9d2f"
        })
    );
    req.assert_authenticated();
}

#[tokio::test]
async fn add_is_never_repeated_and_maps_validation_errors() {
    let server = Recorder::start().await;
    server.respond(503, r#"{"status":"ERROR","message":"unavailable"}"#);
    let client = server.client_with(retrying());
    let request = AddWebhooks::for_type(
        WebhookType::Outbound,
        vec!["https://hooks.acme.test/sb/status".into()],
    );
    let err = client.webhooks().add(&request).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Upstream);
    let req = server.only_request();
    assert_eq!(
        req.json(),
        json!({"webhooks": ["https://hooks.acme.test/sb/status"], "type": "outbound"})
    );

    server.clear();
    server.respond(
        400,
        r#"{"status":"ERROR","message":"Webhook URLs must use HTTPS"}"#,
    );
    let err = client.webhooks().add(&request).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert_eq!(err.upstream_message(), Some("Webhook URLs must use HTTPS"));
}

#[tokio::test]
async fn replace_sends_every_type() {
    let server = Recorder::start().await;
    server.respond(200, LISTED);
    let set = WebhookSet {
        receive: vec!["https://hooks.acme.test/sb/in".into()],
        contact_created: vec![WebhookConfig::new("https://hooks.acme.test/sb/c").into()],
        global_secret: Some("whs_new".into()),
        ..WebhookSet::default()
    };
    let answer = server.client().webhooks().replace(&set).await.unwrap();
    assert_eq!(answer.webhooks.unwrap().receive.len(), 2);
    let req = server.only_request();
    assert_eq!(req.method, "PUT");
    assert_eq!(req.path, "/api/account/webhooks");
    assert_eq!(
        req.json(),
        json!({"webhooks": {
            "receive": ["https://hooks.acme.test/sb/in"],
            "outbound": [],
            "typing_indicator": [],
            "call_log": [],
            "inbound_call": [],
            "line_blocked": [],
            "line_assigned": [],
            "contact_created": [{"url": "https://hooks.acme.test/sb/c"}],
            "contact_profile": [],
            "globalSecret": "whs_new"
        }})
    );
    req.assert_authenticated();
}

#[tokio::test]
async fn remove_sends_urls_and_type_in_a_delete_body() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"status":"OK","message":"Webhooks deleted"}"#);
    let request = RemoveWebhooks::new(vec!["https://hooks.acme.test/sb/in".into()]);
    let answer = server.client().webhooks().remove(&request).await.unwrap();
    assert_eq!(answer.message.as_deref(), Some("Webhooks deleted"));
    assert_eq!(answer.webhooks, None);
    let req = server.only_request();
    assert_eq!(req.method, "DELETE");
    assert_eq!(req.path, "/api/account/webhooks");
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        json!({"webhooks": ["https://hooks.acme.test/sb/in"], "type": "receive"})
    );
    req.assert_authenticated();
}

/// §11.3 example.
const RECEIVED: &str = r#"{
  "accountEmail": "ops@acme.test",
  "content": "Can I move my appointment?",
  "is_outbound": false,
  "status": "RECEIVED",
  "error_code": null, "error_message": null, "error_reason": null, "error_detail": null,
  "message_handle": "A4C1E2F0-6B7D-4E8F-9A0B-1C2D3E4F5A6B",
  "date_sent": "2026-03-02T19:01:07.311Z",
  "date_updated": "2026-03-02T19:01:07.390Z",
  "from_number": "+14155550123",
  "number": "+14155550123",
  "to_number": "+14155550100",
  "sendblue_number": "+14155550100",
  "was_downgraded": null,
  "plan": "dedicated",
  "media_url": "",
  "message_type": "message",
  "group_id": "",
  "group_display_name": null,
  "participants": ["+14155550123", "+14155550100"],
  "send_style": "",
  "opted_out": false,
  "service": "iMessage"
}"#;

/// §11.4 example.
const DELIVERED: &str = r#"{
  "accountEmail": "ops@acme.test",
  "content": "Your table is ready",
  "is_outbound": true,
  "status": "DELIVERED",
  "error_code": null,
  "error_message": null,
  "message_handle": "3f1c2a9e-7b44-4d1a-9a0e-5c2d8e6f1b07",
  "date_sent": "2026-03-02T18:04:11.120Z",
  "date_updated": "2026-03-02T18:04:15.902Z",
  "from_number": "+14155550100",
  "number": "+14155550123",
  "to_number": "+14155550123",
  "was_downgraded": false,
  "plan": "dedicated",
  "media_url": "",
  "message_type": "message",
  "group_id": "",
  "participants": [],
  "send_style": "",
  "opted_out": false,
  "sendblue_number": "+14155550100",
  "service": "iMessage"
}"#;

#[test]
fn receive_payload_is_inbound() {
    let p = WebhookPayload::from_slice(RECEIVED.as_bytes()).unwrap();
    let WebhookPayload::Inbound(m) = &p else {
        panic!("{p:?}")
    };
    assert_eq!(m.message_handle, "A4C1E2F0-6B7D-4E8F-9A0B-1C2D3E4F5A6B");
    assert_eq!(m.status, Some(MessageStatus::Received));
    assert_eq!(m.account_email.as_deref(), Some("ops@acme.test"));
    assert_eq!(m.content, "Can I move my appointment?");
    assert_eq!(m.from_number, "+14155550123");
    assert_eq!(m.to_number, "+14155550100");
    assert_eq!(m.sendblue_number.as_deref(), Some("+14155550100"));
    assert_eq!(m.participants.len(), 2);
    assert_eq!(m.send_style, None);
    assert_eq!(m.service, Some(Service::IMessage));
    assert_eq!(m.message_type, Some(MessageType::Message));
    assert!(m.extra.is_empty(), "{:?}", m.extra);
    assert_eq!(p.webhook_type(), Some(WebhookType::Receive));
    assert_eq!(
        p.dedup_key().as_deref(),
        Some("A4C1E2F0-6B7D-4E8F-9A0B-1C2D3E4F5A6B")
    );
}

#[test]
fn outbound_payload_is_a_status_update_and_round_trips() {
    let p: WebhookPayload = serde_json::from_str(DELIVERED).unwrap();
    let WebhookPayload::StatusUpdate(m) = &p else {
        panic!("{p:?}")
    };
    assert_eq!(m.status, Some(MessageStatus::Delivered));
    assert!(m.is_outbound);
    assert_eq!(m.number, "+14155550123");
    assert_eq!(m.was_downgraded, Some(false));
    assert_eq!(
        p.dedup_key().as_deref(),
        Some("3f1c2a9e-7b44-4d1a-9a0e-5c2d8e6f1b07:DELIVERED")
    );
    let again = WebhookPayload::classify(serde_json::to_value(&p).unwrap());
    assert_eq!(again, p);
    // Without `is_outbound`, a non-RECEIVED status still means a status update.
    let bare = json!({"message_handle": "h1", "status": "SENT", "metadata": {"k": "v"}});
    let p = WebhookPayload::classify(bare);
    let WebhookPayload::StatusUpdate(m) = &p else {
        panic!("{p:?}")
    };
    assert_eq!(m.extra.get("metadata"), Some(&json!({"k": "v"})));
    let p = WebhookPayload::classify(json!({"message_handle": "h2", "status": "RECEIVED"}));
    assert!(matches!(p, WebhookPayload::Inbound(_)));
}

#[test]
fn typing_payload_is_typing() {
    let p = WebhookPayload::from_slice(
        br#"{ "number": "+14155550123", "is_typing": true, "from_number": "+14155550100", "timestamp": "2026-03-02T19:00:59.004Z" }"#,
    )
    .unwrap();
    let WebhookPayload::Typing(t) = &p else {
        panic!("{p:?}")
    };
    assert_eq!(t.number, "+14155550123");
    assert!(t.is_typing);
    assert_eq!(t.from_number.as_deref(), Some("+14155550100"));
    assert_eq!(t.timestamp.as_deref(), Some("2026-03-02T19:00:59.004Z"));
    assert_eq!(p.webhook_type(), Some(WebhookType::TypingIndicator));
    assert_eq!(p.dedup_key(), None);
}

#[test]
fn undocumented_payloads_stay_loose_with_their_type() {
    let call = json!({ "type": "call_log", "call_id": "call_5c1d", "direction": "inbound", "from_number": "+14155550123", "to_number": "+14155550100", "sendblue_number": "+14155550100", "forwarded_to": "+14155550199", "disposition": "connected", "duration_seconds": 74, "transcript": null, "started_at": "2026-03-02T20:00:00.000Z", "ended_at": "2026-03-02T20:01:14.000Z" });
    let p = WebhookPayload::classify(call.clone());
    let WebhookPayload::Other(loose) = &p else {
        panic!("{p:?}")
    };
    assert_eq!(loose.kind, Some(WebhookType::CallLog));
    assert_eq!(loose.fields.get("disposition"), Some(&json!("connected")));
    assert_eq!(loose.fields.get("duration_seconds"), Some(&json!(74)));
    assert_eq!(serde_json::to_value(&p).unwrap(), call);

    let p = WebhookPayload::classify(
        json!({"type":"line_assigned","sendblue_number":"+14155550100","worker_id":"w_1","assignment":"assigned","occurred_at":"2026-03-02T20:00:00.000Z"}),
    );
    assert_eq!(p.webhook_type(), Some(WebhookType::LineAssigned));
    let p = WebhookPayload::classify(
        json!({"type":"contact_profile","from_number":"+14155550100","state":"failed","error":"photo too large"}),
    );
    assert_eq!(p.webhook_type(), Some(WebhookType::ContactProfile));
    // A message-shaped body that does not fit the typed model is kept, not rejected.
    let p = WebhookPayload::classify(json!({"message_handle": "h", "participants": "not a list"}));
    assert!(
        matches!(p, WebhookPayload::Other(ref l) if l.kind.is_none() && l.fields.contains_key("participants"))
    );
    assert!(WebhookPayload::from_slice(b"not json").is_err());
}

#[test]
fn signing_secret_is_compared_verbatim() {
    assert_eq!(SIGNING_SECRET_HEADER, "sb-signing-secret");
    assert!(secret_matches("whs_line2", Some("whs_line2")));
    assert!(!secret_matches("whs_line2", Some("whs_line3")));
    assert!(!secret_matches("whs_line2", Some("whs_line")));
    assert!(!secret_matches("whs_line2", None));
}
