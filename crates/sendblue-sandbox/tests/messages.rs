//! Messaging through `sendblue-client` over loopback: statuses advancing QUEUED → SENT →
//! DELIVERED in order (polled, streamed, and delivered to webhooks and status callbacks),
//! failures, opt-out, simulated people, history and carousels.

mod support;

use std::time::{Duration, Instant};

use futures_util::{StreamExt, TryStreamExt};
use sendblue_client::models::events::{AccountEvent, EventType, StreamItem};
use sendblue_client::models::message_list::ListMessages;
use sendblue_client::models::message_send::{SendCarousel, SendMessage};
use sendblue_client::models::webhooks::WebhookType;
use sendblue_client::{ErrorCode, MessageStatus, MessageType, Service};
use serde_json::{json, Value};
use support::receiver::Receiver;
use support::setup::{add_webhook, open_events, poll_status, send_via, Events};
use support::{Sandbox, V2_LINE as LINE};

/// Reads events until `done` holds for what was read (or 5 s pass).
async fn read_until(
    events: &mut Events,
    done: impl Fn(&[AccountEvent]) -> bool,
) -> Vec<AccountEvent> {
    let mut got = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !done(&got) {
        match tokio::time::timeout_at(deadline, events.next()).await {
            Ok(Some(Ok(StreamItem::Event(e)))) => got.push(*e),
            Ok(Some(Ok(_))) => {}
            other => panic!("stream ended early: {other:?}; read {got:?}"),
        }
    }
    got
}

fn statuses_for(events: &[AccountEvent], handle: &str) -> Vec<String> {
    events
        .iter()
        .filter(|e| e.raw["data"]["message_id"] == handle)
        .map(|e| e.raw["data"]["status"].as_str().unwrap_or("").to_owned())
        .collect()
}

#[tokio::test]
async fn statuses_advance_in_order_everywhere() {
    // Slower ticks so that polling cannot miss a step even on a busy machine.
    let sb = Sandbox::start_with(|c| c.tick = Duration::from_millis(250)).await;
    let client = sb.client();
    let hooks = Receiver::start().await;
    add_webhook(&client, WebhookType::Outbound, hooks.url("/outbound")).await;
    let mut events =
        open_events(&sb, &[EventType::MessageCreated, EventType::MessageUpdated]).await;
    let mut message = SendMessage::text("+14155550122", LINE, "Your table is ready");
    message.status_callback = Some(hooks.url("/callback"));
    let sent = client.messages().send(&message).await.unwrap();
    assert_eq!(sent.status, MessageStatus::Queued);
    let handle = sent.message_handle.clone();

    // Polled: every status seen, in order, none skipped.
    let mut seen = vec![sent.status.clone()];
    let started = Instant::now();
    while seen.last() != Some(&MessageStatus::Delivered) {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "stuck at {seen:?}"
        );
        let now = client.messages().status(&handle).await.unwrap().status;
        if seen.last() != Some(&now) {
            seen.push(now);
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert_eq!(
        seen,
        [
            MessageStatus::Queued,
            MessageStatus::Sent,
            MessageStatus::Delivered
        ]
    );

    let got = read_until(&mut events, |got| {
        statuses_for(got, &handle).last().map(String::as_str) == Some("DELIVERED")
    })
    .await;
    assert_eq!(statuses_for(&got, &handle), ["QUEUED", "SENT", "DELIVERED"]);
    assert_eq!(got[0].event_type, EventType::MessageCreated);

    for path in ["/outbound", "/callback"] {
        let bodies = hooks.wait_for_bodies(path, 2).await;
        let statuses: Vec<&str> = bodies
            .iter()
            .map(|b| b["status"].as_str().unwrap())
            .collect();
        assert_eq!(statuses, ["SENT", "DELIVERED"], "{path}");
        assert!(bodies
            .iter()
            .all(|b| b["message_handle"] == handle.as_str()));
        assert_eq!(bodies[1]["is_outbound"], true);
        assert_eq!(bodies[1]["accountEmail"], "ops@sandbox.sendblue.test");
    }
}

#[tokio::test]
async fn failures_and_opt_outs() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let failing = send_via(&client, "+14155550666", LINE, "hi").await;
    let failed = poll_status(&client, &failing.message_handle, MessageStatus::Error).await;
    assert_eq!(failed.status, MessageStatus::Error);
    assert_eq!(failed.error_code, Some(10001));
    assert_eq!(
        failed.error_message.as_deref(),
        Some("Message failed to send")
    );

    let stop = sb.inbound("+14155550144", LINE, "UNSUBSCRIBE").await;
    assert_eq!(stop.status, 200);
    let declined = send_via(&client, "+14155550144", LINE, "promo").await;
    assert_eq!(declined.status, MessageStatus::Declined);
    assert_eq!(declined.opted_out, Some(true));
    assert!(declined.error_message.unwrap().contains("opted out"));
    let record = client
        .messages()
        .get(&declined.message_handle)
        .await
        .unwrap();
    assert_eq!(record.status, MessageStatus::Declined);
}

#[tokio::test]
async fn simulated_people_type_then_reply() {
    let sb = Sandbox::start_with(|c| c.auto_reply = true).await;
    let client = sb.client();
    let mut events =
        open_events(&sb, &[EventType::TypingChanged, EventType::MessageReceived]).await;
    let sent = send_via(&client, "+14155550122", LINE, "Are we still on for 6?").await;
    // No reply for failed, opted-out or group messages.
    send_via(&client, "+14155550666", LINE, "hi").await;
    sb.inbound("+14155550144", LINE, "stop").await;
    send_via(&client, "+14155550144", LINE, "hi").await;
    let group = sendblue_client::models::groups::SendGroupMessage::to_numbers(
        LINE,
        vec!["+14155550126".into(), "+14155550128".into()],
        "hi all",
    );
    client.groups().send(&group).await.unwrap();

    let got = read_until(&mut events, |got| {
        got.iter()
            .filter(|e| e.raw["data"]["number"] == "+14155550122")
            .any(|e| e.raw["data"]["is_typing"] == false)
    })
    .await;
    let mine: Vec<(EventType, Value)> = got
        .iter()
        .filter(|e| e.raw["data"]["number"] == "+14155550122")
        .map(|e| (e.event_type.clone(), e.raw["data"].clone()))
        .collect();
    assert_eq!(mine.len(), 3, "{mine:?}");
    assert_eq!(mine[0].0, EventType::TypingChanged);
    assert_eq!(
        mine[0].1,
        json!({"number": "+14155550122", "is_typing": true, "sendblue_number": LINE})
    );
    assert_eq!(mine[1].0, EventType::MessageReceived);
    assert_eq!(mine[2].1["is_typing"], false);

    let reply_id = mine[1].1["message_id"].as_str().unwrap();
    assert_eq!(reply_id, reply_id.to_uppercase());
    let reply = client.messages().get(reply_id).await.unwrap();
    assert_eq!(reply.status, MessageStatus::Received);
    assert!(!reply.is_outbound);
    assert!(!reply.content.is_empty());
    assert_eq!(reply.number, "+14155550122");
    assert_eq!(reply.sendblue_number.as_deref(), Some(LINE));
    let original = client
        .messages()
        .status(&sent.message_handle)
        .await
        .unwrap();
    assert_eq!(original.status, MessageStatus::Delivered);

    // Give the others time to have replied if they were going to.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let inbound = client
        .messages()
        .list(&ListMessages {
            is_outbound: Some(false),
            ..ListMessages::default()
        })
        .await
        .unwrap();
    let from: Vec<&str> = inbound
        .data
        .iter()
        .map(|m| m.from_number.as_str())
        .collect();
    assert_eq!(
        from,
        ["+14155550122", "+14155550144"],
        "only the STOP and one reply"
    );
}

#[tokio::test]
async fn history_through_the_client() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let mut handles = Vec::new();
    for n in ["+14155550122", "+14155550124", "+14155550126"] {
        let sent = send_via(&client, n, LINE, "hello").await;
        handles.push(sent.message_handle);
    }
    let all: Vec<_> = client
        .messages()
        .list_all(ListMessages {
            limit: Some(2),
            is_outbound: Some(true),
            ..ListMessages::default()
        })
        .try_collect()
        .await
        .unwrap();
    let mut listed: Vec<String> = all.iter().map(|m| m.message_handle.clone()).collect();
    listed.reverse();
    assert_eq!(listed, handles);
    assert_eq!(all[0].account_email, "ops@sandbox.sendblue.test");
    assert_eq!(all[0].service, Some(Service::IMessage));
    assert_eq!(all[0].message_type, Some(MessageType::Message));

    let deleted = client.messages().delete(&handles[0]).await.unwrap();
    assert_eq!(deleted.message.as_deref(), Some("Message deleted"));
    let err = client.messages().get(&handles[0]).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let err = client.messages().delete(&handles[0]).await.unwrap_err();
    assert_eq!(err.upstream_message(), Some("Message not found"));
}

#[tokio::test]
async fn evaluate_service_and_carousels_through_the_client() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let answer = client
        .messages()
        .evaluate_service("+14155550122")
        .await
        .unwrap();
    assert_eq!(answer.service, Service::IMessage);
    assert_eq!(answer.number.as_deref(), Some("+14155550122"));
    let sms = client
        .messages()
        .evaluate_service("+14155550123")
        .await
        .unwrap();
    assert_eq!(sms.service, Service::Sms);

    let hooks = Receiver::start().await;
    add_webhook(&client, WebhookType::Outbound, hooks.url("/outbound")).await;
    let mut carousel = SendCarousel::new(
        "+14155550122",
        LINE,
        vec![
            "https://cdn.acme.com/1.jpg".into(),
            "https://cdn.acme.com/2.jpg".into(),
        ],
    );
    carousel.metadata = Some(json!({"campaign": "spring"}));
    let sent = client.messages().send_carousel(&carousel).await.unwrap();
    assert_eq!(sent.status, MessageStatus::Queued);
    assert_eq!(sent.message_type, Some(MessageType::Carousel));
    assert_eq!(
        sent.media_url.as_deref(),
        Some("https://cdn.acme.com/1.jpg")
    );
    let bodies = hooks.wait_for_bodies("/outbound", 2).await;
    assert_eq!(bodies[1]["status"], "DELIVERED");
    assert_eq!(bodies[1]["metadata"], json!({"campaign": "spring"}));
    assert_eq!(bodies[1]["message_type"], "carousel");

    let refused = client
        .messages()
        .send_carousel(&SendCarousel::new(
            "+14155550122",
            "+14155550101",
            vec![
                "https://cdn.acme.com/1.jpg".into(),
                "https://cdn.acme.com/2.jpg".into(),
            ],
        ))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Validation);
}
