//! The account event stream (§12) through `sendblue-client`: each event once, in order, with
//! unique ids; heartbeats and rotation on the configured clock; the `types` filter; live only.

mod support;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use reqwest::Method;
use sendblue_client::models::contacts::CreateContact;
use sendblue_client::models::events::{AccountEvent, EventType, StreamItem};
use serde_json::Value;
use support::setup::{open_events, send_via, Events};
use support::{Sandbox, V2_LINE as LINE};

/// Reads events until `done` holds for what was read (or 5 s pass), then keeps reading
/// for `settle` to catch duplicates.
async fn read_until(
    events: &mut Events,
    settle: Duration,
    done: impl Fn(&[AccountEvent]) -> bool,
) -> Vec<AccountEvent> {
    let mut got = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut settle_until: Option<Instant> = None;
    loop {
        let until = settle_until.unwrap_or(deadline).min(deadline);
        let next = tokio::time::timeout_at(until.into(), events.next()).await;
        match next {
            Ok(Some(Ok(StreamItem::Event(event)))) => got.push(*event),
            Ok(Some(Ok(StreamItem::Heartbeat | StreamItem::Control(_)))) => {}
            Ok(Some(Ok(StreamItem::Ended)) | None) => break,
            Ok(Some(Err(e))) => panic!("stream failed: {e}"),
            Err(_) => break,
        }
        if settle_until.is_none() && done(&got) {
            settle_until = Some(Instant::now() + settle);
        }
    }
    got
}

fn of_type<'a>(events: &'a [AccountEvent], kind: &str) -> Vec<&'a AccountEvent> {
    events
        .iter()
        .filter(|e| e.event_type.as_str() == kind)
        .collect()
}

fn data(event: &AccountEvent) -> &Value {
    &event.raw["data"]
}

#[tokio::test]
async fn every_event_arrives_once_in_order_with_unique_ids() {
    let sb = Sandbox::start().await;
    let mut first = open_events(&sb, &[]).await;
    let mut second = open_events(&sb, &[]).await;
    let client = sb.client();

    let phones: Vec<String> = (0..5).map(|i| format!("+1415555017{i}")).collect();
    for phone in &phones {
        client
            .contacts()
            .create(&CreateContact::new(phone))
            .await
            .unwrap();
    }
    let sent = send_via(&client, "+14155550180", LINE, "hello").await;
    let r = sb.inbound("+14155550182", LINE, "hi back").await;
    assert!(r.status < 300, "{}", r.body);

    let handle = sent.message_handle.clone();
    let done = move |got: &[AccountEvent]| {
        got.iter().any(|e| {
            e.event_type.as_str() == "message.updated"
                && data(e)["message_id"] == handle.as_str()
                && data(e)["status"] == "DELIVERED"
        }) && got
            .iter()
            .any(|e| e.event_type.as_str() == "message.received")
    };
    let got = read_until(&mut first, Duration::from_millis(300), &done).await;
    let got_too = read_until(&mut second, Duration::from_millis(50), &done).await;

    let ids: Vec<&str> = got.iter().map(|e| e.id.as_str()).collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique: {ids:?}");
    assert!(ids.iter().all(|id| id.starts_with("evt_")), "{ids:?}");
    let ids_too: Vec<&str> = got_too.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids, ids_too,
        "every subscriber sees the same events in the same order"
    );

    // The five contacts, once each, in creation order (the send's new contact may follow).
    let created: Vec<&str> = of_type(&got, "contact.created")
        .iter()
        .filter_map(|e| data(e)["phone"].as_str())
        .collect();
    assert_eq!(
        &created[..5],
        &phones.iter().map(String::as_str).collect::<Vec<_>>()[..]
    );
    let created_set: HashSet<&str> = created.iter().copied().collect();
    assert_eq!(
        created_set.len(),
        created.len(),
        "each contact.created once"
    );

    // The send: created once, then each status once and in order.
    let mine = |e: &AccountEvent| data(e)["message_id"] == sent.message_handle.as_str();
    assert_eq!(
        of_type(&got, "message.created")
            .into_iter()
            .filter(|e| mine(e))
            .count(),
        1
    );
    let statuses: Vec<&str> = of_type(&got, "message.updated")
        .into_iter()
        .filter(|e| mine(e))
        .filter_map(|e| data(e)["status"].as_str())
        .collect();
    assert_eq!(statuses, ["SENT", "DELIVERED"]);
    let position = |kind: &str| {
        got.iter()
            .position(|e| e.event_type.as_str() == kind && mine(e))
            .unwrap()
    };
    assert!(position("message.created") < position("message.updated"));

    let received = of_type(&got, "message.received");
    assert_eq!(received.len(), 1);
    assert_eq!(data(received[0])["number"], "+14155550182");
    assert_eq!(data(received[0])["is_outbound"], false);
    for event in &got {
        assert_eq!(event.raw["version"], 1);
        assert!(event.occurred_at.is_some());
    }
}

#[tokio::test]
async fn heartbeats_tick_on_the_configured_clock_and_the_stream_rotates() {
    let sb = Sandbox::start_with(|c| {
        c.heartbeat = Duration::from_secs(1);
        c.stream_rotate = Duration::from_millis(2500);
    })
    .await;
    let opened = Instant::now();
    let mut events = open_events(&sb, &[]).await;
    let mut heartbeats = Vec::new();
    let ended = loop {
        match tokio::time::timeout(Duration::from_secs(5), events.next()).await {
            Ok(Some(Ok(StreamItem::Heartbeat))) => heartbeats.push(opened.elapsed()),
            Ok(Some(Ok(StreamItem::Ended))) => break opened.elapsed(),
            Ok(other) => panic!("unexpected item: {other:?}"),
            Err(_) => panic!("the stream neither beat nor ended"),
        }
    };
    assert_eq!(heartbeats.len(), 2, "{heartbeats:?}");
    for (i, at) in heartbeats.iter().enumerate() {
        let want = Duration::from_secs(i as u64 + 1);
        assert!(
            *at >= want - Duration::from_millis(100) && *at < want + Duration::from_millis(400),
            "heartbeat {i} at {at:?}"
        );
    }
    assert!(
        ended >= Duration::from_millis(2400) && ended < Duration::from_millis(3200),
        "rotated at {ended:?}"
    );
    assert!(events.next().await.is_none(), "Ended is the last item");
}

#[tokio::test]
async fn the_types_filter_lets_only_those_through() {
    let sb = Sandbox::start().await;
    let mut contacts_only = open_events(&sb, &[EventType::ContactCreated]).await;
    let client = sb.client();
    send_via(&client, "+14155550184", LINE, "hello").await;
    client
        .contacts()
        .create(&CreateContact::new("+14155550186"))
        .await
        .unwrap();
    let got = read_until(&mut contacts_only, Duration::from_millis(400), |got| {
        got.iter().any(|e| data(e)["phone"] == "+14155550186")
    })
    .await;
    assert!(!got.is_empty());
    assert!(
        got.iter()
            .all(|e| e.event_type.as_str() == "contact.created"),
        "{got:?}"
    );
}

#[tokio::test]
async fn an_unknown_type_is_a_400_naming_the_valid_ones() {
    let sb = Sandbox::start().await;
    let r = sb
        .get("/api/v2/events?types=message.received,message.exploded")
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.body["status"], "ERROR");
    let message = r.body["message"].as_str().unwrap();
    assert!(message.contains("message.exploded"), "{message}");
    assert!(message.contains("typing.changed"), "{message}");

    let err = sb
        .client()
        .events()
        .stream(&[EventType::Unknown("nope".into())])
        .await
        .err()
        .expect("refused");
    assert!(err.to_string().contains("nope"), "{err}");
}

/// Reads a raw SSE body for `for_how_long`, returning the text received.
async fn raw_text(response: reqwest::Response, for_how_long: Duration) -> String {
    let mut body = response.bytes_stream();
    let mut text = String::new();
    let deadline = tokio::time::Instant::now() + for_how_long;
    while let Ok(Some(Ok(chunk))) = tokio::time::timeout_at(deadline, body.next()).await {
        text.push_str(&String::from_utf8_lossy(&chunk));
    }
    text
}

#[tokio::test]
async fn the_stream_is_live_only_and_ignores_last_event_id() {
    let sb = Sandbox::start().await;
    let mut watcher = open_events(&sb, &[]).await;
    sb.client()
        .contacts()
        .create(&CreateContact::new("+14155550188"))
        .await
        .unwrap();
    let before = read_until(&mut watcher, Duration::from_millis(50), |g| !g.is_empty()).await;
    let seen = before[0].id.clone();

    let response = sb
        .authed(Method::GET, "/api/v2/events")
        .header("accept", "text/event-stream")
        .header("last-event-id", "evt_0")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "text/event-stream"
    );
    let text = raw_text(response, Duration::from_millis(400)).await;
    assert!(!text.contains("event:"), "nothing replayed: {text:?}");
    assert!(!text.contains(&seen));
}

#[tokio::test]
async fn raw_frames_have_event_id_and_data_lines() {
    let sb = Sandbox::start().await;
    let response = sb
        .authed(Method::GET, "/api/v2/events?types=contact.created")
        .send()
        .await
        .unwrap();
    sb.client()
        .contacts()
        .create(&CreateContact::new("+14155550190"))
        .await
        .unwrap();
    let text = raw_text(response, Duration::from_millis(300)).await;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "event: contact.created", "{text:?}");
    assert!(lines[1].starts_with("id: evt_"), "{text:?}");
    let envelope: Value = serde_json::from_str(lines[2].strip_prefix("data: ").unwrap()).unwrap();
    support::assert_keys(&envelope, &["version", "id", "type", "occurred_at", "data"]);
    assert_eq!(envelope["type"], "contact.created");
    assert_eq!(
        format!("id: {}", envelope["id"].as_str().unwrap()),
        lines[1]
    );
    assert_eq!(envelope["data"]["phone"], "+14155550190");
    assert_eq!(lines[3], "");
}

#[tokio::test]
async fn shutting_the_sandbox_down_ends_open_streams() {
    let dir = tempfile::tempdir().unwrap();
    let running = sendblue_sandbox::start(support::test_config(&dir))
        .await
        .unwrap();
    let client = support::client_for(&running.base_url());
    let mut events: Events = Box::pin(client.events().stream(&[]).await.unwrap());

    tokio::time::timeout(Duration::from_secs(5), running.shutdown())
        .await
        .expect("shutdown finishes with a stream open");
    let last = tokio::time::timeout(Duration::from_secs(2), async {
        loop {
            match events.next().await {
                Some(Ok(StreamItem::Heartbeat | StreamItem::Control(_))) => continue,
                other => return other,
            }
        }
    })
    .await
    .expect("the stream ends promptly");
    assert!(
        matches!(last, None | Some(Ok(StreamItem::Ended)) | Some(Err(_))),
        "{last:?}"
    );
}
