//! Every fault flag has its effect, set at start (`SandboxConfig`) and at run time
//! (`PUT /__sandbox/faults`); and `--seed-demo` gives the documented, deterministic demo.

mod support;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::{with_keys, Sandbox};

/// A client that opens a new connection per request, so a dropped connection is never
/// retried on a pooled one and every request is logged exactly once.
fn fresh_connections() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .unwrap()
}

async fn raw_send(
    http: &reqwest::Client,
    sb: &Sandbox,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> reqwest::Result<reqwest::Response> {
    let mut request = with_keys(http.request(method, format!("{}{path}", sb.base_url())));
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await
}

async fn set_faults(sb: &Sandbox, faults: Value) {
    let r = sb.put("/__sandbox/faults", faults).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

async fn timed_count(sb: &Sandbox) -> Duration {
    let started = Instant::now();
    let r = sb.get("/api/v2/contacts/count").await;
    assert_eq!(r.status, 200, "{}", r.body);
    started.elapsed()
}

#[tokio::test]
async fn latency_is_added_to_every_answer() {
    let sb = Sandbox::start_with(|c| c.faults.latency_ms = 300).await;
    let slow = timed_count(&sb).await;
    assert!(slow >= Duration::from_millis(300), "{slow:?}");

    set_faults(&sb, json!({"latency_ms": 0})).await;
    let fast = timed_count(&sb).await;
    assert!(fast < Duration::from_millis(150), "{fast:?}");

    set_faults(&sb, json!({"latency_ms": 200})).await;
    let slow_again = timed_count(&sb).await;
    assert!(slow_again >= Duration::from_millis(200), "{slow_again:?}");
    assert_eq!(sb.get("/__sandbox/faults").await.body["latency_ms"], 200);
}

/// Sends 40 contact creations and checks each was refused with 429 + Retry-After or 503.
async fn all_refused(sb: &Sandbox, first_phone: u32) {
    let (mut limited, mut unavailable) = (0, 0);
    for i in 0..40 {
        let r = sb
            .post(
                "/api/v2/contacts",
                json!({"number": format!("+1415555{:04}", first_phone + i)}),
            )
            .await;
        match r.status {
            429 => {
                limited += 1;
                assert!(
                    r.headers.contains_key("retry-after"),
                    "429 without Retry-After"
                );
            }
            503 => unavailable += 1,
            other => panic!("answered {other}: {}", r.body),
        }
        assert_eq!(r.body["status"], "ERROR");
    }
    assert!(
        limited > 0 && unavailable > 0,
        "{limited} × 429, {unavailable} × 503"
    );
}

#[tokio::test]
async fn error_rate_one_refuses_everything_and_changes_nothing() {
    let sb = Sandbox::start_with(|c| c.faults.error_rate = 1.0).await;
    all_refused(&sb, 2000).await;
    set_faults(&sb, json!({"error_rate": 0.0})).await;
    assert_eq!(sb.get("/api/v2/contacts/count").await.body["count"], 0);
    assert_eq!(sb.get("/api/v2/contacts/%2B14155552000").await.status, 404);
    assert!(sb
        .requests()
        .await
        .iter()
        .filter(|r| r["method"] == "POST")
        .all(|r| r["fault"] == "injected"));

    set_faults(&sb, json!({"error_rate": 1.0})).await;
    all_refused(&sb, 3000).await;
    set_faults(&sb, json!({"error_rate": 0.0})).await;
    assert_eq!(sb.get("/api/v2/contacts/count").await.body["count"], 0);
}

/// Sends 40 creations that must all lose their connection; then proves from the request log
/// that both kinds of drop happened and that only the "after" ones took effect.
async fn all_dropped(sb: &Sandbox, first_phone: u32) {
    sb.delete("/__sandbox/requests", None).await;
    let http = fresh_connections();
    for i in 0..40 {
        let phone = format!("+1415555{:04}", first_phone + i);
        let answer = raw_send(
            &http,
            sb,
            reqwest::Method::POST,
            "/api/v2/contacts",
            Some(json!({"number": phone})),
        )
        .await;
        assert!(answer.is_err(), "{phone} got an answer: {answer:?}");
    }
    set_faults(sb, json!({"drop_rate": 0.0})).await;
    let log = sb.requests().await;
    assert_eq!(log.len(), 40, "{log:?}");
    let (mut before, mut after) = (0, 0);
    for entry in &log {
        assert_eq!(entry["status"], 0);
        let phone = entry["body"]["number"]
            .as_str()
            .unwrap()
            .replace('+', "%2B");
        let exists = sb.get(&format!("/api/v2/contacts/{phone}")).await.status == 200;
        match entry["fault"].as_str() {
            Some("dropped-before") => {
                before += 1;
                assert!(!exists, "dropped before handling, yet created: {entry}");
            }
            Some("dropped-after") => {
                after += 1;
                assert!(exists, "dropped after handling, yet not created: {entry}");
            }
            other => panic!("unexpected fault {other:?}"),
        }
    }
    assert!(before > 0 && after > 0, "{before} before, {after} after");
}

#[tokio::test]
async fn drop_rate_one_closes_connections_half_after_handling() {
    let sb = Sandbox::start_with(|c| c.faults.drop_rate = 1.0).await;
    all_dropped(&sb, 4000).await;
    set_faults(&sb, json!({"drop_rate": 1.0})).await;
    all_dropped(&sb, 5000).await;
}

/// Fires 20 requests at once-ish; returns how many passed, checking the refusals.
async fn burst(sb: &Sandbox) -> usize {
    let mut passed = 0;
    for _ in 0..20 {
        let r = sb.get("/api/v2/contacts/count").await;
        match r.status {
            200 => passed += 1,
            429 => {
                assert_eq!(r.headers["retry-after"], "1");
                assert_eq!(r.body["message"], "Rate limit exceeded");
            }
            other => panic!("answered {other}"),
        }
    }
    passed
}

#[tokio::test]
async fn rate_limit_refuses_past_n_per_second() {
    let sb = Sandbox::start_with(|c| c.faults.rate_limit = 5).await;
    let passed = burst(&sb).await;
    assert!((5..=8).contains(&passed), "{passed} passed");

    set_faults(&sb, json!({"rate_limit": 0})).await;
    assert_eq!(burst(&sb).await, 20);

    set_faults(&sb, json!({"rate_limit": 3})).await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let passed = burst(&sb).await;
    assert!((3..=5).contains(&passed), "{passed} passed");
}

#[tokio::test]
async fn fault_settings_are_validated() {
    let sb = Sandbox::start().await;
    for bad in [
        json!({"error_rate": 1.5}),
        json!({"drop_rate": -0.1}),
        json!({"unknown": 1}),
    ] {
        let r = sb.put("/__sandbox/faults", bad.clone()).await;
        assert_eq!(r.status, 400, "{bad}");
        assert_eq!(r.body["status"], "ERROR");
    }
    assert_eq!(
        sb.get("/__sandbox/faults").await.body,
        json!({"latency_ms": 0, "error_rate": 0.0, "drop_rate": 0.0, "rate_limit": 0})
    );
}

// ---- the demo account -------------------------------------------------------------------

/// The demo's documented contents (README: "Demo data").
const DEMO_CONTACTS: u64 = 400;
const DEMO_MESSAGES: u64 = 89;

async fn all_contacts(sb: &Sandbox) -> Vec<Value> {
    let r = sb
        .get("/api/v2/contacts?limit=1000&order_by=created_at&order_direction=asc")
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body.as_array().unwrap().clone()
}

#[tokio::test]
async fn the_demo_account_has_the_documented_contents() {
    let started = Instant::now();
    let sb = Sandbox::start_with(|c| c.seed_demo = true).await;
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "seeding took {:?}",
        started.elapsed()
    );

    assert_eq!(
        sb.get("/api/v2/contacts/count").await.body["count"],
        DEMO_CONTACTS
    );
    let contacts = all_contacts(&sb).await;
    assert_eq!(contacts.len() as u64, DEMO_CONTACTS);
    assert!(contacts.iter().filter(|c| c["opt_out"] == true).count() == 8);
    assert!(contacts.iter().any(|c| c["tags"]
        .as_array()
        .is_some_and(|t| t.contains(&json!("vip")))));
    assert!(contacts
        .iter()
        .any(|c| c["custom_variables"]["Plan"].is_string()));

    let messages = sb.get("/api/v2/messages?limit=1").await;
    assert_eq!(
        messages.body["pagination"]["total"], DEMO_MESSAGES,
        "{}",
        messages.body
    );

    let hooks = sb.get("/api/account/webhooks").await.body["webhooks"].clone();
    assert_eq!(hooks["receive"].as_array().unwrap().len(), 2);
    assert_eq!(hooks["outbound"].as_array().unwrap().len(), 1);
    assert_eq!(hooks["typing_indicator"].as_array().unwrap().len(), 1);
    assert_eq!(hooks["contact_created"].as_array().unwrap().len(), 1);
    assert_eq!(hooks["globalSecret"], "whs_global_9d2f");

    let sharing = sb
        .get("/api/v2/contact-sharing/state?fromNumber=%2B14155550100")
        .await;
    assert_eq!(sharing.body["data"]["hasProfile"], true, "{}", sharing.body);
    assert_eq!(sharing.body["data"]["firstName"], "Acme");

    // A group conversation, and pictures that are real PNGs served under today's origin.
    let group = sb.get("/api/v2/messages?message_type=group&limit=1").await;
    let group_id = group.body["data"][0]["group_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        sb.get(&format!("/api/v2/groups/{group_id}")).await.status,
        200
    );
    let with_media: Vec<Value> = sb.get("/api/v2/messages?limit=1000").await.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["media_url"].as_str().is_some_and(|u| !u.is_empty()))
        .cloned()
        .collect();
    assert!(!with_media.is_empty());
    for message in &with_media {
        let url = message["media_url"].as_str().unwrap();
        let absolute = if url.starts_with('/') {
            format!("{}{url}", sb.base_url())
        } else {
            url.to_owned()
        };
        let bytes = reqwest::get(&absolute)
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{url}");
    }
    // Stored origin-relative, answered under the sandbox's current origin.
    for message in &with_media {
        let url = message["media_url"].as_str().unwrap();
        assert!(
            url.starts_with(&sb.base_url()),
            "media_url {url} lacks the origin"
        );
    }
}

#[tokio::test]
async fn the_demo_account_is_the_same_every_time() {
    let strip = |mut contacts: Vec<Value>| {
        for c in &mut contacts {
            c.as_object_mut().unwrap().remove("created_at");
        }
        contacts
    };
    let first = Sandbox::start_with(|c| c.seed_demo = true).await;
    let second = Sandbox::start_with(|c| c.seed_demo = true).await;
    let a = strip(all_contacts(&first).await);
    let b = strip(all_contacts(&second).await);
    assert_eq!(a.len() as u64, DEMO_CONTACTS);
    assert_eq!(a, b);
}
