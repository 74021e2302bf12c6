//! Lines and FaceTime through `sendblue-client` (§13.1–§13.3, §17), and a line going
//! offline seen the way the console sees it: the state snapshot, the event stream's
//! `line.*` events and the `line_blocked` webhook.

mod support;

use std::time::Duration;

use sendblue_client::models::lines::{LineAssignment, LineStatus};
use sendblue_client::models::webhooks::WebhookType;
use sendblue_client::ErrorCode;
use serde_json::json;
use support::receiver::Receiver;
use support::setup::add_webhook;
use support::Sandbox;

#[tokio::test]
async fn numbers_state_and_call_forwarding() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let lines = client.lines();
    assert_eq!(
        lines.list().await.unwrap(),
        ["+14155550100", "+14155550101", "+14155550102"]
    );
    let snapshot = lines.state().await.unwrap();
    assert_eq!(snapshot.status.as_deref(), Some("OK"));
    assert!(snapshot.snapshot_at.is_some());
    assert_eq!(snapshot.data.len(), 3);
    assert_eq!(snapshot.data[0].status, Some(LineStatus::Online));
    assert_eq!(snapshot.data[2].assignment, Some(LineAssignment::Shared));

    let set = lines
        .set_call_forwarding("+14155550100", "(415) 555-0199")
        .await
        .unwrap();
    assert_eq!(set.forwarding_number.as_deref(), Some("+14155550199"));
    let read = lines.call_forwarding("+14155550100").await.unwrap();
    assert_eq!(read, set);
    let cleared = lines.clear_call_forwarding("+14155550100").await.unwrap();
    assert_eq!(cleared.forwarding_number, None);
    let again = lines.clear_call_forwarding("+14155550100").await.unwrap();
    assert_eq!(again, cleared);
    let err = lines.call_forwarding("+19995550100").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[tokio::test]
async fn a_line_going_offline_is_seen_in_state_events_and_webhooks() {
    let sb = Sandbox::start().await;
    let rx = Receiver::start().await;
    let client = sb.client();
    add_webhook(&client, WebhookType::LineBlocked, rx.url("/blocked")).await;
    let mut events = sb.running.state().notifier.subscribe();

    let r = sb
        .post(
            "/__sandbox/lines/%2B14155550101/status",
            json!({"status": "OFFLINE", "reason": "Carrier block"}),
        )
        .await;
    assert_eq!(r.status, 200);
    let snapshot = client.lines().state().await.unwrap();
    assert_eq!(snapshot.data[1].status, Some(LineStatus::Offline));
    assert_eq!(
        events.recv().await.unwrap().event_type,
        "line.status.changed"
    );
    let blocked = events.recv().await.unwrap();
    assert_eq!(blocked.event_type, "line.blocked");
    assert_eq!(blocked.data["sendblue_number"], "+14155550101");

    assert!(
        sb.eventually(Duration::from_secs(5), || !rx.at("/blocked").is_empty())
            .await
    );
    let body = rx.at("/blocked")[0].body.clone();
    assert_eq!(body["type"], "line_blocked");
    assert_eq!(body["sendblue_number"], "+14155550101");
    assert_eq!(body["worker_id"], "w_0101");
    assert_eq!(body["reason"], "Carrier block");
    assert!(body["occurred_at"].is_string());
}

#[tokio::test]
async fn facetime_start_call() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let call = client
        .facetime()
        .start_call("+14155550123", "+14155550100")
        .await
        .unwrap();
    assert_eq!(call.status.as_deref(), Some("OK"));
    assert_eq!(call.message.as_deref(), Some("Call started"));
    assert!(call.agora.channel_name.starts_with("ft_call_"));
    assert_eq!(call.agora.uid, 0);
    let other = client
        .facetime()
        .start_call("+14155550123", "+14155550100")
        .await
        .unwrap();
    assert_ne!(other.agora.channel_name, call.agora.channel_name);
    assert_eq!(
        other.agora.app_id, call.agora.app_id,
        "one app id per account"
    );
    let err = client
        .facetime()
        .start_call("+14155550123", "+14155550102")
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Forbidden);
}
