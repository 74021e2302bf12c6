//! Simulated people on the wire (§9.11, §11.3, §11.5): `POST /__sandbox/inbound` and
//! `/__sandbox/typing`, opt-out keywords, declined sends, contacts created by sends.

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::receiver::Receiver;
use support::setup::text;
use support::shapes::RECORD_KEYS;
use support::{assert_error, assert_keys, Sandbox, V1_LINE, V2_LINE};

#[tokio::test]
async fn opted_out_recipients_are_declined_and_stay_declined() {
    let sb = Sandbox::start().await;
    let stop = sb.inbound("+14155550144", V2_LINE, " Stop ").await;
    assert_eq!(stop.status, 200);
    assert_eq!(stop.body["opted_out"], true);
    let r = sb.send(text("+14155550144", V2_LINE, "promo")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["status"], "DECLINED");
    assert_eq!(r.body["opted_out"], true);
    assert!(r.body["error_message"]
        .as_str()
        .unwrap()
        .contains("opted out"));
    tokio::time::sleep(Duration::from_millis(200)).await;
    let later = sb
        .status_of(r.body["message_handle"].as_str().unwrap())
        .await;
    assert_eq!(later["status"], "DECLINED");

    let start = sb.inbound("+14155550144", V2_LINE, "START").await;
    assert_eq!(start.body["opted_out"], false);
    let again = sb.send(text("+14155550144", V2_LINE, "welcome back")).await;
    assert_eq!(again.body["status"], "QUEUED");
}

#[tokio::test]
async fn a_send_to_a_new_number_creates_its_contact_once() {
    let sb = Sandbox::start().await;
    let mut events = sb.running.state().notifier.subscribe();
    sb.send(text("+14155550172", V1_LINE, "hi")).await;
    sb.send(text("+14155550172", V1_LINE, "again")).await;
    let count: i64 = sb
        .running
        .state()
        .store
        .with(|c| {
            c.query_row(
                "SELECT COUNT(*) FROM contacts WHERE phone = '+14155550172' AND sendblue_number = ?1",
                [V1_LINE],
                |r| r.get(0),
            )
        })
        .unwrap();
    assert_eq!(count, 1);
    let mut created = 0;
    while let Ok(e) = events.try_recv() {
        if e.event_type == "contact.created" {
            assert_eq!(e.data["phone"], "+14155550172");
            created += 1;
        }
    }
    assert_eq!(created, 1);
}

#[tokio::test]
async fn sandbox_inbound_and_typing() {
    let sb = Sandbox::start().await;
    let mut events = sb.running.state().notifier.subscribe();
    let r = sb
        .inbound("+14155550123", V2_LINE, "Can I move my appointment?")
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_keys(&r.body, &RECORD_KEYS);
    assert_eq!(r.body["status"], "RECEIVED");
    assert_eq!(r.body["is_outbound"], false);
    assert_eq!(r.body["from_number"], "+14155550123");
    assert_eq!(r.body["number"], "+14155550123");
    assert_eq!(r.body["to_number"], V2_LINE);
    assert_eq!(r.body["sendblue_number"], V2_LINE);
    assert_eq!(r.body["participants"], json!(["+14155550123", V2_LINE]));
    assert_eq!(r.body["service"], "SMS");
    assert_eq!(r.body["was_downgraded"], Value::Null);
    let handle = r.body["message_handle"].as_str().unwrap();
    assert_eq!(handle, handle.to_uppercase(), "Apple-style handle");

    let t = sb
        .post(
            "/__sandbox/typing",
            json!({"number": "+14155550123", "sendblue_number": V2_LINE, "is_typing": true}),
        )
        .await;
    assert_eq!(t.status, 200);
    let kinds: Vec<String> = std::iter::from_fn(|| events.try_recv().ok())
        .map(|e| e.event_type.clone())
        .collect();
    assert_eq!(
        kinds,
        ["contact.created", "message.received", "typing.changed"]
    );

    let bad_line = sb.inbound("+14155550123", "+14155550199", "x").await;
    assert_error(&bad_line, 400, "The to_number is not registered");
    let no_content = sb
        .post(
            "/__sandbox/inbound",
            json!({"from_number": "+14155550123", "to_number": V2_LINE}),
        )
        .await;
    assert_eq!(no_content.status, 400);
    let no_auth = reqwest::Client::new()
        .post(format!("{}/__sandbox/inbound", sb.base_url()))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(no_auth.status(), 403);
}

#[tokio::test]
async fn webhook_payloads_have_the_documented_fields() {
    let sb = Sandbox::start().await;
    let hooks = Receiver::start().await;
    for kind in ["receive", "outbound", "typing_indicator"] {
        let r = sb
            .post(
                "/api/account/webhooks",
                json!({"type": kind, "webhooks": [hooks.url(&format!("/{kind}"))]}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
    }
    sb.inbound("+14155550122", V2_LINE, "hi there").await;
    let received = &hooks.wait_for_bodies("/receive", 1).await[0];
    assert_keys(received, &RECORD_KEYS);
    assert_eq!(received["status"], "RECEIVED");
    assert_eq!(received["is_outbound"], false);
    assert_eq!(received["content"], "hi there");
    assert_eq!(received["service"], "iMessage");

    sb.post(
        "/__sandbox/typing",
        json!({"number": "+14155550122", "sendblue_number": V2_LINE, "is_typing": false}),
    )
    .await;
    let typing = &hooks.wait_for_bodies("/typing_indicator", 1).await[0];
    assert_keys(typing, &["number", "is_typing", "from_number", "timestamp"]);
    assert_eq!(typing["number"], "+14155550122");
    assert_eq!(typing["from_number"], V2_LINE);
    assert_eq!(typing["is_typing"], false);

    let sent = sb
        .send(
            json!({"number": "+14155550123", "from_number": V1_LINE, "content": "x",
               "status_callback": hooks.url("/callback")}),
        )
        .await;
    let outbound = hooks.wait_for_bodies("/outbound", 2).await;
    let callback = hooks.wait_for_bodies("/callback", 2).await;
    assert_eq!(outbound, callback, "the callback gets the same payloads");
    assert_keys(&outbound[1], &RECORD_KEYS);
    assert_eq!(outbound[1]["message_handle"], sent.body["message_handle"]);
    assert_eq!(outbound[1]["status"], "DELIVERED");
    assert_eq!(outbound[1]["service"], "SMS");
    assert_eq!(outbound[1]["was_downgraded"], true);
    assert_eq!(outbound[1]["sendblue_number"], V1_LINE);
    assert_eq!(outbound[1]["participants"], json!([]));
}
