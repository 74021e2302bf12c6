//! The event follower against a real sandbox on loopback: every event exactly once while
//! connected; after the stream is cut (sandbox restart, dropped connections) and after
//! rotations, the gap is repaired with each message's latest status and each new contact
//! exactly once and no status going backwards; a server without a stream is polled.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use console_core::follower::{
    Activity, Backoff, ConnectionState, ContactSink, Follower, FollowerConfig, LineChange,
};
use console_core::AppResult;
use sendblue_client::models::contacts::{Contact, CreateContact};
use sendblue_client::models::events::StreamItem;
use sendblue_client::models::lines::LineStatus;
use sendblue_client::models::message_send::SendMessage;
use sendblue_client::{Client, ClientConfig, MessageStatus, RetryPolicy};
use sendblue_sandbox::{RunningSandbox, SandboxConfig, DEFAULT_KEY_ID, DEFAULT_SECRET};
use serde_json::{json, Value};
use tokio::sync::mpsc;

const LINE: &str = "+14155550100";
const OTHER_LINE: &str = "+14155550101";
const PATIENCE: Duration = Duration::from_secs(30);

fn sandbox_config(dir: &tempfile::TempDir) -> SandboxConfig {
    let mut config = SandboxConfig::ephemeral(dir.path().join("sandbox.db"));
    config.tick = Duration::from_millis(50);
    config.auto_reply = false;
    config.heartbeat = Duration::from_secs(1);
    config
}

fn client(base: &str) -> Client {
    let mut config = ClientConfig::new(DEFAULT_KEY_ID, DEFAULT_SECRET)
        .with_base_url(base)
        .unwrap();
    config.retry = RetryPolicy::none();
    Client::new(config).unwrap()
}

fn follower_config(initial_backoff: Duration) -> FollowerConfig {
    FollowerConfig {
        backoff: Backoff {
            initial: initial_backoff,
            max: initial_backoff * 2,
            factor: 2.0,
            healthy_after: Duration::from_secs(60),
        },
        heartbeat: Duration::from_secs(1),
        poll_interval: Duration::from_millis(300),
        ..FollowerConfig::default()
    }
}

/// A sandbox-only path (`/__sandbox/...`), with the test keys.
async fn admin(base: &str, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
    let mut request = reqwest::Client::new()
        .request(method, format!("{base}{path}"))
        .header("sb-api-key-id", DEFAULT_KEY_ID)
        .header("sb-api-secret-key", DEFAULT_SECRET);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let answer = request.send().await.unwrap();
    assert!(answer.status().is_success(), "{path}: {}", answer.status());
    answer.json().await.unwrap()
}

async fn inbound(base: &str, from: &str, content: &str) -> String {
    let body = json!({"from_number": from, "to_number": LINE, "content": content});
    let row = admin(
        base,
        reqwest::Method::POST,
        "/__sandbox/inbound",
        Some(body),
    )
    .await;
    row["message_handle"].as_str().unwrap().to_owned()
}

async fn send(client: &Client, to: &str) -> String {
    let message = SendMessage::text(to, LINE, "hello from the follower test");
    client
        .messages()
        .send(&message)
        .await
        .unwrap()
        .message_handle
}

async fn create_contact(client: &Client, phone: &str) -> String {
    let mut contact = CreateContact::new(phone);
    contact.first_name = Some("Gap".into());
    let created = client.contacts().create(&contact).await.unwrap();
    created.contact_id.unwrap()
}

/// 20 iMessage numbers (even endings) for one test.
fn numbers(base: u32) -> Vec<String> {
    (0..20)
        .map(|i| format!("+1310555{:04}", base + i * 2))
        .collect()
}

/// Everything the consumer received, in order.
#[derive(Clone, Default)]
struct Feed(Arc<Mutex<Vec<Activity>>>);

impl Feed {
    fn collect(mut rx: mpsc::Receiver<Activity>) -> Self {
        let feed = Feed::default();
        let items = feed.0.clone();
        tokio::spawn(async move {
            while let Some(item) = rx.recv().await {
                items.lock().unwrap().push(item);
            }
        });
        feed
    }

    fn items(&self) -> Vec<Activity> {
        self.0.lock().unwrap().clone()
    }

    fn states(&self) -> Vec<ConnectionState> {
        let items = self.items();
        let states = items.iter().filter_map(|a| match a {
            Activity::ConnectionState(s) => Some(s.clone()),
            _ => None,
        });
        states.collect()
    }

    /// Waits until `check` holds over everything received so far.
    async fn until(&self, what: &str, check: impl Fn(&[Activity]) -> bool) {
        let started = Instant::now();
        while !check(&self.items()) {
            assert!(
                started.elapsed() < PATIENCE,
                "timed out waiting for {what}; received: {:#?}",
                self.items()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    async fn until_state(&self, what: &str, check: impl Fn(&ConnectionState) -> bool) {
        self.until(what, |items| {
            items
                .iter()
                .any(|a| matches!(a, Activity::ConnectionState(s) if check(s)))
        })
        .await;
    }
}

/// Every status the consumer saw per message, in order.
fn statuses(items: &[Activity]) -> HashMap<String, Vec<MessageStatus>> {
    let mut map: HashMap<String, Vec<MessageStatus>> = HashMap::new();
    for m in items.iter().filter_map(Activity::message) {
        let status = m.status.clone().expect("every message item has a status");
        map.entry(m.message_handle.clone())
            .or_default()
            .push(status);
    }
    map
}

fn has_status(items: &[Activity], handle: &str, status: &MessageStatus) -> bool {
    statuses(items)
        .get(handle)
        .is_some_and(|s| s.contains(status))
}

fn contact_items(items: &[Activity], contact_id: &str) -> usize {
    let of = |a: &Activity| matches!(a, Activity::ContactCreated(c) if c.contact_id.as_deref() == Some(contact_id));
    items.iter().filter(|a| of(a)).count()
}

/// The contact ids delivered, in order.
fn contact_ids(items: &[Activity]) -> Vec<String> {
    let ids = items.iter().filter_map(|a| match a {
        Activity::ContactCreated(c) => c.contact_id.clone(),
        _ => None,
    });
    ids.collect()
}

/// The promises: each event id once, each (message, status) once, statuses never going
/// backwards, each contact once.
fn assert_exactly_once(items: &[Activity]) {
    let mut ids = HashSet::new();
    for id in items.iter().filter_map(Activity::event_id) {
        assert!(ids.insert(id.to_owned()), "event {id} delivered twice");
    }
    for (handle, seen) in statuses(items) {
        let distinct: HashSet<_> = seen.iter().collect();
        assert_eq!(
            distinct.len(),
            seen.len(),
            "{handle}: a status repeated: {seen:?}"
        );
        let ranks: Vec<u8> = seen.iter().map(MessageStatus::rank).collect();
        assert!(
            ranks.windows(2).all(|w| w[0] <= w[1]),
            "{handle} went backwards: {seen:?}"
        );
    }
    let mut contacts = HashSet::new();
    for a in items {
        if let Activity::ContactCreated(c) = a {
            let id = c.contact_id.clone().unwrap();
            assert!(contacts.insert(id.clone()), "contact {id} delivered twice");
        }
    }
}

/// A contacts sink that records what it was given (the mirror's hook).
fn recording_sink() -> (Arc<Mutex<Vec<String>>>, Arc<dyn ContactSink>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let sink = move |c: &Contact| -> AppResult<()> {
        log.lock()
            .unwrap()
            .push(c.contact_id.clone().unwrap_or_default());
        Ok(())
    };
    (seen, Arc::new(sink))
}

fn start(
    base: &str,
    config: FollowerConfig,
    sink: Option<Arc<dyn ContactSink>>,
) -> (Follower, Feed) {
    let (tx, rx) = mpsc::channel(1024);
    (
        Follower::start(client(base), config, tx, sink),
        Feed::collect(rx),
    )
}

#[tokio::test]
async fn while_connected_every_event_reaches_the_consumer_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = sendblue_sandbox::start(sandbox_config(&dir)).await.unwrap();
    let base = sandbox.base_url();
    let api = client(&base);

    // The reference: a plain stream recording every event id the sandbox sent.
    let sent_ids = Arc::new(Mutex::new(Vec::<String>::new()));
    let reference = api.events().stream(&[]).await.unwrap();
    let ids = sent_ids.clone();
    tokio::spawn(async move {
        use futures_util::StreamExt;
        futures_util::pin_mut!(reference);
        while let Some(Ok(item)) = reference.next().await {
            if let StreamItem::Event(e) = item {
                ids.lock().unwrap().push(e.id.clone());
            }
        }
    });

    let (mirrored, sink) = recording_sink();
    let (follower, feed) = start(
        &base,
        follower_config(Duration::from_millis(200)),
        Some(sink),
    );
    feed.until_state("live", |s| *s == ConnectionState::Live)
        .await;

    let mut sent = Vec::new();
    for n in ["+13105550122", "+13105550124", "+13105550126"] {
        sent.push(send(&api, n).await);
    }
    let received = inbound(&base, "+13105550130", "hi there").await;
    let contact = create_contact(&api, "+13105550132").await;
    let typing = json!({"number": "+13105550122", "sendblue_number": LINE, "is_typing": true});
    admin(
        &base,
        reqwest::Method::POST,
        "/__sandbox/typing",
        Some(typing),
    )
    .await;

    feed.until(
        "every status, the reply, the new contacts and the typing",
        |items| {
            sent.iter()
                .all(|h| has_status(items, h, &MessageStatus::Delivered))
                && has_status(items, &received, &MessageStatus::Received)
                // One per new number: three sends, one inbound, one created.
                && contact_ids(items).len() == 5
                && items
                    .iter()
                    .any(|a| matches!(a, Activity::Typing(t) if t.is_typing))
        },
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await; // room for a duplicate to show up
    follower.stop().await;

    let items = feed.items();
    assert_exactly_once(&items);
    let delivered: HashSet<String> = items
        .iter()
        .filter_map(Activity::event_id)
        .map(str::to_owned)
        .collect();
    let expected: HashSet<String> = sent_ids.lock().unwrap().iter().cloned().collect();
    assert_eq!(delivered, expected, "exactly the events the sandbox sent");
    let by_handle = statuses(&items);
    for handle in &sent {
        let want = [
            MessageStatus::Queued,
            MessageStatus::Sent,
            MessageStatus::Delivered,
        ];
        assert_eq!(
            by_handle[handle], want,
            "{handle}: every status, live, in order"
        );
    }
    assert!(items
        .iter()
        .all(|a| a.message().is_none_or(|m| !m.repaired)));
    assert_eq!(contact_items(&items, &contact), 1);
    assert_eq!(
        *mirrored.lock().unwrap(),
        contact_ids(&items),
        "the mirror hears of every new contact, once, before the page"
    );
    assert_eq!(feed.states().last(), Some(&ConnectionState::Stopped));
    sandbox.shutdown().await;
}

/// After a cut: every message sent in the gap reaches DELIVERED exactly once, the contact
/// created in the gap arrives exactly once (read back, and handed to the mirror), and the
/// message delivered before the cut — read again by the repair's overlap — is not repeated.
async fn assert_gap_repaired(feed: &Feed, before: &str, gap: &[String], contact: &str) {
    let delivered = MessageStatus::Delivered;
    feed.until("the gap's messages and contact", |items| {
        gap.iter().all(|h| has_status(items, h, &delivered)) && contact_items(items, contact) == 1
    })
    .await;
    tokio::time::sleep(Duration::from_millis(2500)).await; // at least one more repair
    let items = feed.items();
    assert_exactly_once(&items);
    let by_handle = statuses(&items);
    assert_eq!(
        by_handle[before],
        [
            MessageStatus::Queued,
            MessageStatus::Sent,
            delivered.clone()
        ]
    );
    for handle in gap {
        let delivered_items = items
            .iter()
            .filter_map(Activity::message)
            .filter(|m| m.message_handle == *handle && m.status.as_ref() == Some(&delivered));
        let delivered_items: Vec<_> = delivered_items.collect();
        assert_eq!(delivered_items.len(), 1, "{handle}: DELIVERED exactly once");
        assert!(
            delivered_items[0].repaired,
            "{handle}: read back by the repair"
        );
        assert_eq!(
            delivered_items[0].content.as_deref(),
            Some("hello from the follower test")
        );
    }
    let repaired_contact = items.iter().any(|a| matches!(a, Activity::ContactCreated(c) if c.contact_id.as_deref() == Some(contact) && c.repaired));
    assert!(repaired_contact, "the gap's contact was read back");
}

#[tokio::test]
async fn a_sandbox_restart_is_repaired_exactly_once_and_never_backwards() {
    let dir = tempfile::tempdir().unwrap();
    let config = sandbox_config(&dir);
    let sandbox = sendblue_sandbox::start(config.clone()).await.unwrap();
    let (addr, base) = (sandbox.addr(), sandbox.base_url());
    let (mirrored, sink) = recording_sink();
    // A long first backoff leaves time to change the account before the follower is back.
    let (follower, feed) = start(&base, follower_config(Duration::from_secs(6)), Some(sink));
    feed.until_state("live", |s| *s == ConnectionState::Live)
        .await;
    let before = send(&client(&base), "+13105550140").await;
    feed.until("the first message delivered", |items| {
        has_status(items, &before, &MessageStatus::Delivered)
    })
    .await;

    sandbox.shutdown().await;
    feed.until_state("reconnecting", |s| {
        matches!(s, ConnectionState::Reconnecting { .. })
    })
    .await;
    let lives_before = feed
        .states()
        .iter()
        .filter(|s| **s == ConnectionState::Live)
        .count();
    let restarted = sendblue_sandbox::start(SandboxConfig { addr, ..config })
        .await
        .unwrap();
    assert_eq!(restarted.base_url(), base, "same address, same database");

    let other = client(&base);
    let mut gap = Vec::new();
    for n in numbers(2000) {
        gap.push(send(&other, &n).await);
    }
    let contact = create_contact(&other, "+13105550150").await;
    let lives_now = feed
        .states()
        .iter()
        .filter(|s| **s == ConnectionState::Live)
        .count();
    assert_eq!(
        lives_now, lives_before,
        "the gap was written while the follower was away"
    );

    assert_gap_repaired(&feed, &before, &gap, &contact).await;
    assert_eq!(*mirrored.lock().unwrap(), contact_ids(&feed.items()));
    follower.stop().await;
    restarted.shutdown().await;
}

/// A second door into the same sandbox, without the gateway (no faults): what another
/// console would write while this one's connections are being dropped.
async fn side_door(sandbox: &RunningSandbox) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = sendblue_sandbox::routes::api().with_state(sandbox.state().clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

#[tokio::test]
async fn dropped_connections_are_repaired_exactly_once_and_never_backwards() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = sandbox_config(&dir);
    config.stream_rotate = Duration::from_secs(2);
    let sandbox = sendblue_sandbox::start(config).await.unwrap();
    let base = sandbox.base_url();
    let (follower, feed) = start(&base, follower_config(Duration::from_millis(300)), None);
    feed.until_state("live", |s| *s == ConnectionState::Live)
        .await;
    let before = send(&client(&base), "+13105550160").await;
    feed.until("the first message delivered", |items| {
        has_status(items, &before, &MessageStatus::Delivered)
    })
    .await;

    let faults = |rate: f64| json!({"drop_rate": rate});
    admin(
        &base,
        reqwest::Method::PUT,
        "/__sandbox/faults",
        Some(faults(1.0)),
    )
    .await;
    // The stream rotates within 2 s; every reconnect is then dropped.
    feed.until_state("reconnecting", |s| {
        matches!(s, ConnectionState::Reconnecting { .. })
    })
    .await;

    let other = client(&side_door(&sandbox).await);
    let mut gap = Vec::new();
    for n in numbers(4000) {
        gap.push(send(&other, &n).await);
    }
    let contact = create_contact(&other, "+13105550170").await;
    let offline = json!({"status": "OFFLINE"});
    let path = format!("/__sandbox/lines/{OTHER_LINE}/status");
    admin(&base, reqwest::Method::POST, &path, Some(offline)).await;
    tokio::time::sleep(Duration::from_millis(500)).await; // a few ticks: all DELIVERED
    let items = feed.items();
    assert!(
        gap.iter().all(|h| !statuses(&items).contains_key(h)),
        "nothing of the gap got through yet"
    );

    admin(
        &base,
        reqwest::Method::PUT,
        "/__sandbox/faults",
        Some(faults(0.0)),
    )
    .await;
    assert_gap_repaired(&feed, &before, &gap, &contact).await;
    follower.stop().await;
    let line_changes: Vec<_> = feed
        .items()
        .into_iter()
        .filter_map(|a| match a {
            Activity::LineChanged(l) => Some(l),
            _ => None,
        })
        .collect();
    assert_eq!(line_changes.len(), 1, "{line_changes:?}");
    let line = &line_changes[0];
    assert_eq!(line.sendblue_number.as_deref(), Some(OTHER_LINE));
    assert_eq!(line.status, Some(LineStatus::Offline));
    assert!(line.change == LineChange::Snapshot && line.repaired);

    let log = admin(&base, reqwest::Method::GET, "/__sandbox/requests", None).await;
    let dropped = log["requests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["path"] == "/api/v2/events" && r["status"] == 0);
    assert!(
        dropped.count() >= 1,
        "the follower's reconnects were dropped by the fault"
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn rotations_reconnect_at_once_and_repair_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = sandbox_config(&dir);
    config.stream_rotate = Duration::from_secs(2);
    let sandbox = sendblue_sandbox::start(config).await.unwrap();
    let base = sandbox.base_url();
    let api = client(&base);
    let (follower, feed) = start(&base, follower_config(Duration::from_millis(300)), None);
    feed.until_state("live", |s| *s == ConnectionState::Live)
        .await;

    // Seven seconds of traffic across three or more rotations.
    let (mut sent, mut received) = (Vec::new(), Vec::new());
    for i in 0..28u32 {
        sent.push(send(&api, &format!("+1310555{:04}", 6000 + (i % 10) * 2)).await);
        if i % 4 == 0 {
            received.push(inbound(&base, &format!("+1310555{:04}", 7000 + i), "ping").await);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    feed.until("every message final", |items| {
        sent.iter()
            .all(|h| has_status(items, h, &MessageStatus::Delivered))
            && received
                .iter()
                .all(|h| has_status(items, h, &MessageStatus::Received))
    })
    .await;
    tokio::time::sleep(Duration::from_millis(2500)).await; // one more rotation and repair
    follower.stop().await;

    let items = feed.items();
    assert_exactly_once(&items);
    let states = feed.states();
    let lives = states
        .iter()
        .filter(|s| **s == ConnectionState::Live)
        .count();
    assert!(lives >= 4, "reconnected after each rotation: {states:?}");
    assert!(
        !states
            .iter()
            .any(|s| matches!(s, ConnectionState::Reconnecting { .. })),
        "a rotation is not a failure: no backoff: {states:?}"
    );
    let log = admin(&base, reqwest::Method::GET, "/__sandbox/requests", None).await;
    let repairs = log["requests"].as_array().unwrap().iter().filter(|r| {
        r["path"] == "/api/v2/messages"
            && r["query"]
                .as_str()
                .is_some_and(|q| q.contains("updated_at_gte"))
    });
    assert!(
        repairs.count() >= 3,
        "each rotation was followed by a gap repair"
    );
    sandbox.shutdown().await;
}

/// A stand-in for an account without the event stream: `/api/v2/events` answers 404,
/// everything else is passed to the sandbox.
async fn without_stream(target: String) -> String {
    use axum::extract::{Request, State};
    use axum::http::{header::CONTENT_TYPE, StatusCode};
    use axum::response::{IntoResponse, Response};

    async fn forward(State(target): State<String>, request: Request) -> Response {
        let (parts, body) = request.into_parts();
        let body = axum::body::to_bytes(body, usize::MAX).await.unwrap();
        let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
        let mut out = reqwest::Client::new()
            .request(parts.method, format!("{target}{path}"))
            .body(body);
        for name in [
            "sb-api-key-id",
            "sb-api-secret-key",
            "content-type",
            "accept",
        ] {
            if let Some(value) = parts.headers.get(name) {
                out = out.header(name, value);
            }
        }
        let answer = out.send().await.unwrap();
        let (status, kind) = (answer.status(), answer.headers().get(CONTENT_TYPE).cloned());
        let mut response = (status, answer.bytes().await.unwrap()).into_response();
        if let Some(kind) = kind {
            response.headers_mut().insert(CONTENT_TYPE, kind);
        }
        response
    }
    let missing = || async {
        (
            StatusCode::NOT_FOUND,
            axum::Json(json!({"status": "ERROR", "message": "Not found"})),
        )
    };
    let app = axum::Router::new()
        .route("/api/v2/events", axum::routing::get(missing))
        .fallback(forward)
        .with_state(target);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

#[tokio::test]
async fn without_a_stream_it_polls_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = sendblue_sandbox::start(sandbox_config(&dir)).await.unwrap();
    let base = sandbox.base_url();
    let proxy = without_stream(base.clone()).await;
    let (follower, feed) = start(&proxy, follower_config(Duration::from_millis(300)), None);
    feed.until_state("polling", |s| matches!(s, ConnectionState::Polling { .. }))
        .await;

    let api = client(&base);
    let mut sent = Vec::new();
    for n in ["+13105550182", "+13105550184", "+13105550186"] {
        sent.push(send(&api, n).await);
    }
    let received = inbound(&base, "+13105550190", "anyone there?").await;
    let contact = create_contact(&api, "+13105550192").await;
    feed.until("the polled messages and contacts", |items| {
        sent.iter()
            .all(|h| has_status(items, h, &MessageStatus::Delivered))
            && has_status(items, &received, &MessageStatus::Received)
            && contact_items(items, &contact) == 1
    })
    .await;
    tokio::time::sleep(Duration::from_millis(1000)).await; // several more polls
    follower.stop().await;

    let items = feed.items();
    assert_exactly_once(&items);
    assert!(items
        .iter()
        .filter_map(Activity::message)
        .all(|m| m.repaired && m.content.is_some()));
    let states = feed.states();
    match &states[..] {
        [ConnectionState::Connecting, ConnectionState::Polling { reason }, ConnectionState::Stopped] =>
        {
            assert!(reason.contains("no live event stream"), "{reason}");
        }
        other => panic!("expected Connecting, Polling, Stopped; got {other:?}"),
    }
    let log = admin(&base, reqwest::Method::GET, "/__sandbox/requests", None).await;
    let polls = log["requests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["path"] == "/api/v2/messages");
    assert!(polls.count() >= 3, "messages were polled");
    sandbox.shutdown().await;
}
