//! The full contact walk against a server holding more contacts than the 10,000 offset cap
//! allows to page through, once with a server that clamps larger offsets and once with one
//! that refuses them.

mod support;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use futures_util::{StreamExt, TryStreamExt};
use sendblue_client::models::contacts::{Contact, ListContacts};
use sendblue_client::ErrorCode;
use serde_json::json;
use support::Recorder;

const TOTAL: usize = 21_500;
const CAP: usize = 10_000;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    /// Offsets above 10,000 are answered as if they were 10,000.
    Clamp,
    /// Offsets above 10,000 get a 400.
    Refuse,
}

#[derive(Debug, Clone, PartialEq)]
struct Seen {
    offset: usize,
    limit: usize,
    since: Option<String>,
}

struct Server {
    mode: Mode,
    rows: Vec<serde_json::Value>,
    log: Mutex<Vec<Seen>>,
}

/// Seconds after midnight for contact `i`: groups of three share a second everywhere (so
/// groups straddle page boundaries), and 1,300 contacts around the cap share one second.
fn second_of(i: usize) -> usize {
    match i {
        _ if i < 10_400 => i / 3,
        _ if i < 11_700 => 3_500,
        _ => 3_600 + (i - 11_700) / 3,
    }
}

fn timestamp(second: usize) -> String {
    format!(
        "2026-01-01T{:02}:{:02}:{:02}.000Z",
        second / 3600,
        second / 60 % 60,
        second % 60
    )
}

fn dataset() -> Vec<serde_json::Value> {
    (0..TOTAL)
        .map(|i| {
            // Some rows have no contact_id: the walk falls back to the phone.
            let id = if i % 997 == 0 {
                serde_json::Value::Null
            } else {
                json!(format!("c_{i}"))
            };
            json!({
                "contact_id": id,
                "phone": format!("+1415{i:07}"),
                "first_name": format!("n{i}"),
                "tags": [],
                "custom_variables": {},
                "created_at": timestamp(second_of(i)),
            })
        })
        .collect()
}

async fn list(
    State(server): State<Arc<Server>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let bad = |m: &str| {
        (
            StatusCode::BAD_REQUEST,
            Json(json!({"status": "ERROR", "message": m})),
        )
            .into_response()
    };
    if q.get("order_by").map(String::as_str) != Some("created_at")
        || q.get("order_direction").map(String::as_str) != Some("asc")
    {
        return bad("this test server only sorts by created_at asc");
    }
    let limit: usize = q.get("limit").map_or(100, |v| v.parse().unwrap());
    if !(1..=1000).contains(&limit) {
        return bad("limit must be 1-1000");
    }
    let mut offset: usize = q.get("offset").map_or(0, |v| v.parse().unwrap());
    let since = q.get("created_at_gte").cloned();
    server.log.lock().unwrap().push(Seen {
        offset,
        limit,
        since: since.clone(),
    });
    if offset > CAP {
        match server.mode {
            Mode::Clamp => offset = CAP,
            Mode::Refuse => return bad("offset must be <= 10000"),
        }
    }
    // Rows are stored in created_at order (ties by insertion), like an index scan.
    let page: Vec<_> = server
        .rows
        .iter()
        .filter(|r| match &since {
            Some(s) => r["created_at"].as_str().unwrap() >= s.as_str(),
            None => true,
        })
        .skip(offset)
        .take(limit)
        .cloned()
        .collect();
    Json(serde_json::Value::Array(page)).into_response()
}

async fn start(mode: Mode) -> (Arc<Server>, tokio::task::JoinHandle<()>, String) {
    start_with(mode, dataset()).await
}

async fn start_with(
    mode: Mode,
    rows: Vec<serde_json::Value>,
) -> (Arc<Server>, tokio::task::JoinHandle<()>, String) {
    let server = Arc::new(Server {
        mode,
        rows,
        log: Mutex::new(Vec::new()),
    });
    let app = axum::Router::new()
        .route("/api/v2/contacts", axum::routing::get(list))
        .with_state(server.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    (server, task, base)
}

fn client_for(base: &str) -> sendblue_client::Client {
    let mut config = sendblue_client::ClientConfig::new(support::KEY_ID, support::SECRET)
        .with_base_url(base)
        .unwrap();
    config.retry = sendblue_client::RetryPolicy::none();
    sendblue_client::Client::new(config).unwrap()
}

fn assert_each_once(contacts: &[Contact], expected: usize) {
    assert_eq!(contacts.len(), expected, "every contact exactly once");
    let phones: HashSet<&str> = contacts.iter().map(|c| c.phone.as_str()).collect();
    assert_eq!(phones.len(), expected, "no duplicates");
    // Oldest first.
    assert!(contacts
        .windows(2)
        .all(|w| w[0].created_at <= w[1].created_at));
}

async fn walk_everything(mode: Mode) {
    let (server, task, base) = start(mode).await;
    let client = client_for(&base);

    // The two modes really differ for a naive client that asks past the cap.
    let past_cap = ListContacts {
        limit: Some(10),
        offset: Some(10_001),
        order_by: Some(sendblue_client::models::contacts::ContactOrderBy::CreatedAt),
        order_direction: Some(sendblue_client::OrderDirection::Asc),
        ..ListContacts::default()
    };
    match (mode, client.contacts().list(&past_cap).await) {
        (Mode::Clamp, Ok(rows)) => assert_eq!(rows[0].phone, "+14150010000"),
        (Mode::Refuse, Err(e)) => assert_eq!(e.code(), ErrorCode::Validation),
        (m, other) => panic!("{m:?}: {other:?}"),
    }
    server.log.lock().unwrap().clear();

    // Pages of 1000: 11 offset pages (0..=10,000), then from the last created_at seen (the
    // big group's) by offset again up to the cap, then once more from the next anchor.
    let all: Vec<Contact> = client.contacts().walk(1000).try_collect().await.unwrap();
    assert_each_once(&all, TOTAL);
    let log = server.log.lock().unwrap().clone();
    assert_eq!(log.len(), 23, "{log:#?}");
    let anchor = |since: Option<String>| {
        (0..=10).map(move |p| Seen {
            offset: p * 1000,
            limit: 1000,
            since: since.clone(),
        })
    };
    let expected: Vec<Seen> = anchor(None)
        .chain(anchor(Some(timestamp(3_500))))
        .chain([Seen {
            offset: 0,
            limit: 1000,
            since: Some(timestamp(second_of(21_399))),
        }])
        .collect();
    assert_eq!(log, expected);
    server.log.lock().unwrap().clear();

    // An odd page size moves the switch point and pages inside the big group.
    let all: Vec<Contact> = client.contacts().walk(300).try_collect().await.unwrap();
    assert_each_once(&all, TOTAL);
    let log = server.log.lock().unwrap().clone();
    assert!(log.iter().all(|s| s.offset <= CAP && s.limit == 300));
    assert_eq!(log.iter().filter(|s| s.since.is_none()).count(), 34);
    assert!(log.len() < TOTAL / 300 + 6, "{} requests", log.len());
    server.log.lock().unwrap().clear();

    // The gap-repair query: everything created at or after a timestamp.
    let since = timestamp(second_of(20_000));
    let recent: Vec<Contact> = client
        .contacts()
        .created_since(since.clone(), 250)
        .try_collect()
        .await
        .unwrap();
    let expected = (0..TOTAL)
        .filter(|&i| timestamp(second_of(i)) >= since)
        .count();
    assert_each_once(&recent, expected);
    assert!(recent
        .iter()
        .all(|c| c.created_at.as_deref() >= Some(since.as_str())));
    let log = server.log.lock().unwrap().clone();
    assert_eq!(log[0].since.as_deref(), Some(since.as_str()));
    assert_eq!(log[0].offset, 0);
    task.abort();
}

#[tokio::test]
async fn walk_returns_every_contact_once_when_the_server_clamps() {
    walk_everything(Mode::Clamp).await;
}

#[tokio::test]
async fn walk_returns_every_contact_once_when_the_server_refuses() {
    walk_everything(Mode::Refuse).await;
}

fn page(ids: std::ops::Range<usize>, created_at: &str) -> String {
    let rows: Vec<_> = ids
        .map(|i| json!({"contact_id": format!("c_{i}"), "phone": format!("+1415{i:07}"), "created_at": created_at}))
        .collect();
    serde_json::Value::Array(rows).to_string()
}

#[tokio::test]
async fn a_server_that_ignores_paging_ends_the_walk_with_an_error() {
    let server = Recorder::start().await;
    for _ in 0..5 {
        server.respond(200, &page(0..5, "2026-01-01T00:00:00.000Z"));
    }
    let items: Vec<_> = server.client().contacts().walk(5).collect().await;
    assert_eq!(items.len(), 6, "five contacts, then the error");
    assert!(items[..5].iter().all(Result::is_ok));
    let err = items[5].as_ref().unwrap_err();
    assert_eq!(err.code(), ErrorCode::Decode);
    assert!(err.to_string().contains("no progress"), "{err}");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn an_error_page_ends_the_walk_with_that_error() {
    let server = Recorder::start().await;
    server.respond(200, &page(0..2, "2026-01-01T00:00:00.000Z"));
    server.respond(401, r#"{"status":"ERROR","message":"Invalid Credentials"}"#);
    let items: Vec<_> = server.client().contacts().walk(2).collect().await;
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[2].as_ref().unwrap_err().code(),
        ErrorCode::Unauthorized
    );
    let reqs = server.requests();
    assert_eq!(
        reqs[1].query_pairs(),
        vec![
            ("limit".to_string(), "2".to_string()),
            ("offset".to_string(), "2".to_string()),
            ("order_by".to_string(), "created_at".to_string()),
            ("order_direction".to_string(), "asc".to_string()),
        ]
    );
}

#[tokio::test]
async fn a_short_first_page_is_the_whole_walk() {
    let server = Recorder::start().await;
    server.respond(200, &page(0..3, "2026-01-01T00:00:00.000Z"));
    let all: Vec<Contact> = server
        .client()
        .contacts()
        .walk(10)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn more_contacts_than_the_cap_at_one_timestamp_is_an_error_not_a_loop() {
    let rows: Vec<_> = (0..11_500)
        .map(|i| json!({"contact_id": format!("c_{i}"), "phone": format!("+1415{i:07}"), "created_at": "2026-01-01T00:00:00.000Z"}))
        .collect();
    let (server, task, base) = start_with(Mode::Refuse, rows).await;
    let items: Vec<_> = client_for(&base).contacts().walk(1000).collect().await;
    let (ok, errors): (Vec<_>, Vec<_>) = items.into_iter().partition(Result::is_ok);
    assert_eq!(ok.len(), 11_000, "everything reachable is returned first");
    assert_eq!(errors.len(), 1);
    let err = errors[0].as_ref().unwrap_err();
    assert_eq!(err.code(), ErrorCode::Decode);
    assert!(err.to_string().contains("share the timestamp"), "{err}");
    let log = server.log.lock().unwrap().clone();
    assert_eq!(log.len(), 22);
    assert!(log.iter().all(|s| s.offset <= CAP));
    task.abort();
}
