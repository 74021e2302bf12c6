//! "Send test event" against real receivers on loopback: what arrives (method, headers, body
//! in the shape §11 gives for each type), what comes back (status, time, a redacted excerpt),
//! and the plain-words failures (refused, timed out, bad address) without the secret.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::routing::any;
use axum::Router;
use console_core::webhook_test::{check_url, TestTarget, WebhookTester, EXCERPT_CHARS};
use console_core::ErrorCode;
use sendblue_client::models::webhooks::{WebhookConfig, WebhookEntry, WebhookSet, WebhookType};
use serde_json::Value;

#[derive(Debug, Clone)]
struct Received {
    method: Method,
    headers: HeaderMap,
    body: Value,
}

/// A receiver on 127.0.0.1 that records each request and answers `status` with `body`
/// after `delay`. Returns its base URL and what it received.
async fn receiver(
    status: StatusCode,
    body: String,
    delay: Duration,
) -> (String, Arc<Mutex<Vec<Received>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let app = Router::new().route(
        "/{*path}",
        any(move |method: Method, headers: HeaderMap, bytes: Bytes| {
            let log = log.clone();
            let body = body.clone();
            async move {
                let parsed = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
                log.lock().unwrap().push(Received {
                    method,
                    headers,
                    body: parsed,
                });
                tokio::time::sleep(delay).await;
                (status, body)
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}"), seen)
}

fn target(kind: WebhookType, url: &str, secret: Option<&str>) -> TestTarget {
    TestTarget {
        webhook_type: kind,
        url: url.to_owned(),
        secret: secret.map(str::to_owned),
        line: None,
    }
}

fn keys(v: &Value) -> Vec<String> {
    let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

fn sorted(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[tokio::test]
async fn a_receive_test_is_a_signed_post_of_an_inbound_message() {
    let (base, seen) = receiver(StatusCode::OK, "{\"ok\":true}".into(), Duration::ZERO).await;
    let url = format!("{base}/hooks/in");
    let result = WebhookTester::new()
        .send(&target(WebhookType::Receive, &url, Some("whs_test_secret")))
        .await
        .unwrap();

    assert_eq!(result.status, 200);
    assert!(result.ok);
    assert!(result.signed);
    assert_eq!(result.excerpt, "{\"ok\":true}");
    assert!(!result.truncated);
    assert!(result.elapsed_ms < 10_000);

    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1);
    let got = &seen[0];
    assert_eq!(got.method, Method::POST);
    assert_eq!(got.headers["sb-signing-secret"], "whs_test_secret");
    assert!(got.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    // §11.3, field for field.
    assert_eq!(
        keys(&got.body),
        sorted(&[
            "accountEmail",
            "content",
            "is_outbound",
            "status",
            "error_code",
            "error_message",
            "error_reason",
            "error_detail",
            "message_handle",
            "date_sent",
            "date_updated",
            "from_number",
            "number",
            "to_number",
            "sendblue_number",
            "was_downgraded",
            "plan",
            "media_url",
            "message_type",
            "group_id",
            "group_display_name",
            "participants",
            "send_style",
            "opted_out",
            "service",
        ])
    );
    let body = &got.body;
    assert_eq!(body["is_outbound"], false);
    assert_eq!(body["status"], "RECEIVED");
    assert_eq!(body["to_number"], "+14155550100");
    assert_eq!(body["sendblue_number"], "+14155550100");
    assert_eq!(body["from_number"], body["number"]);
    assert_eq!(body["message_type"], "message");
    let handle = body["message_handle"].as_str().unwrap();
    assert_eq!(
        handle,
        handle.to_uppercase(),
        "inbound handles are upper-case"
    );
    let sent = body["date_sent"].as_str().unwrap();
    assert!(
        sent.len() == 24 && sent.ends_with('Z') && sent.as_bytes()[19] == b'.',
        "ISO 8601 with milliseconds: {sent}"
    );
    // No discriminator on message payloads (§11.2).
    assert!(body.get("type").is_none());
}

#[tokio::test]
async fn each_type_gets_its_own_shape() {
    let (base, seen) = receiver(StatusCode::NO_CONTENT, String::new(), Duration::ZERO).await;
    let tester = WebhookTester::new();
    let kinds = [
        WebhookType::Outbound,
        WebhookType::TypingIndicator,
        WebhookType::CallLog,
        WebhookType::InboundCall,
        WebhookType::LineBlocked,
        WebhookType::LineAssigned,
        WebhookType::ContactCreated,
        WebhookType::ContactProfile,
    ];
    for kind in &kinds {
        let result = tester
            .send(&target(kind.clone(), &format!("{base}/{kind}"), None))
            .await
            .unwrap();
        assert_eq!(result.status, 204);
        assert!(!result.signed);
        assert_eq!(result.excerpt, "");
    }
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), kinds.len());
    assert!(seen
        .iter()
        .all(|r| !r.headers.contains_key("sb-signing-secret")));
    let body = |i: usize| &seen[i].body;

    // §11.4: a delivered outbound message.
    assert_eq!(body(0)["is_outbound"], true);
    assert_eq!(body(0)["status"], "DELIVERED");
    assert_eq!(body(0)["from_number"], "+14155550100");
    assert_eq!(body(0)["number"], body(0)["to_number"]);
    assert!(body(0).get("type").is_none());
    // §11.5.
    assert_eq!(
        keys(body(1)),
        sorted(&["number", "is_typing", "from_number", "timestamp"])
    );
    assert_eq!(body(1)["is_typing"], true);
    // §11.6.
    let call = sorted(&[
        "type",
        "call_id",
        "direction",
        "from_number",
        "to_number",
        "sendblue_number",
        "forwarded_to",
        "disposition",
        "duration_seconds",
        "transcript",
        "started_at",
        "ended_at",
    ]);
    assert_eq!(keys(body(2)), call);
    assert_eq!(body(2)["type"], "call_log");
    assert_eq!(keys(body(3)), call);
    assert_eq!(body(3)["type"], "inbound_call");
    // §11.7.
    assert_eq!(
        keys(body(4)),
        sorted(&[
            "type",
            "sendblue_number",
            "worker_id",
            "reason",
            "occurred_at"
        ])
    );
    assert_eq!(body(4)["type"], "line_blocked");
    assert_eq!(
        keys(body(5)),
        sorted(&[
            "type",
            "sendblue_number",
            "worker_id",
            "assignment",
            "occurred_at"
        ])
    );
    assert_eq!(body(5)["assignment"], "assigned");
    assert_eq!(
        keys(body(6)),
        sorted(&[
            "type",
            "contact_id",
            "phone",
            "first_name",
            "last_name",
            "created_at"
        ])
    );
    assert_eq!(body(6)["type"], "contact_created");
    assert_eq!(
        keys(body(7)),
        sorted(&["type", "from_number", "state", "error", "occurred_at"])
    );
    assert_eq!(body(7)["state"], "published");
}

#[tokio::test]
async fn a_failing_receiver_is_a_result_with_its_status_and_a_redacted_excerpt() {
    // The receiver echoes the secret back, and talks too much.
    let long = format!("bad secret whs_echo_me {}", "x".repeat(2_000));
    let (base, _) = receiver(StatusCode::INTERNAL_SERVER_ERROR, long, Duration::ZERO).await;
    let result = WebhookTester::new()
        .send(&target(
            WebhookType::Receive,
            &format!("{base}/in"),
            Some("whs_echo_me"),
        ))
        .await
        .unwrap();
    assert_eq!(result.status, 500);
    assert!(!result.ok);
    assert!(result.truncated);
    assert!(result.excerpt.chars().count() <= EXCERPT_CHARS);
    assert!(!result.excerpt.contains("whs_echo_me"));
    assert!(result.excerpt.starts_with("bad secret <redacted>"));
}

#[tokio::test]
async fn the_elapsed_time_is_measured() {
    let (base, _) = receiver(StatusCode::OK, "ok".into(), Duration::from_millis(300)).await;
    let result = WebhookTester::new()
        .send(&target(
            WebhookType::Outbound,
            &format!("{base}/slow"),
            None,
        ))
        .await
        .unwrap();
    assert!(result.elapsed_ms >= 300, "{result:?}");
    assert!(result.elapsed_ms < 5_000, "{result:?}");
}

#[tokio::test]
async fn a_refused_connection_is_said_in_plain_words_without_the_secret() {
    // Bind, then drop: nothing listens on that port any more.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let error = WebhookTester::new()
        .send(&target(
            WebhookType::Receive,
            &format!("http://127.0.0.1:{port}/in"),
            Some("whs_refused_secret"),
        ))
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::Network);
    assert!(error.message.contains("refused"), "{}", error.message);
    let all = serde_json::to_string(&error).unwrap();
    assert!(!all.contains("whs_refused_secret"));
}

#[tokio::test]
async fn a_receiver_that_never_answers_times_out() {
    // Accepts the connection and then says nothing.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let held = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            open.push(socket);
        }
    });
    let error = WebhookTester::with_timeout(Duration::from_millis(400))
        .send(&target(
            WebhookType::Receive,
            &format!("http://{addr}/in"),
            Some("whs_timeout_secret"),
        ))
        .await
        .unwrap_err();
    held.abort();
    assert_eq!(error.code, ErrorCode::Network);
    assert!(
        error.message.contains("didn't answer within"),
        "{}",
        error.message
    );
    assert!(!serde_json::to_string(&error)
        .unwrap()
        .contains("whs_timeout_secret"));
}

#[test]
fn only_https_or_this_computer_is_accepted() {
    assert!(check_url("https://hooks.example.com/in").is_ok());
    assert!(check_url("http://localhost:8080/in").is_ok());
    assert!(check_url("http://127.0.0.1:8080/in").is_ok());
    for bad in [
        "http://hooks.example.com/in",
        "ftp://x.com",
        "not a url",
        "",
    ] {
        let e = check_url(bad).unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation, "{bad}");
        assert_eq!(e.detail.unwrap().field.as_deref(), Some("url"));
    }
}

#[test]
fn the_target_takes_the_webhooks_own_secret_else_the_global_one() {
    let mut own = WebhookConfig::new("https://a.example.com/in");
    own.secret = Some("whs_own".into());
    own.sendblue_numbers = Some(vec!["+14155550101".into()]);
    let set = WebhookSet {
        receive: vec![
            WebhookEntry::Config(own),
            WebhookEntry::Url("https://b.example.com/in".into()),
        ],
        global_secret: Some("whs_global".into()),
        ..WebhookSet::default()
    };
    let a = TestTarget::find(&set, &WebhookType::Receive, "https://a.example.com/in").unwrap();
    assert_eq!(a.secret.as_deref(), Some("whs_own"));
    assert_eq!(a.line.as_deref(), Some("+14155550101"));
    let b = TestTarget::find(&set, &WebhookType::Receive, "https://b.example.com/in").unwrap();
    assert_eq!(b.secret.as_deref(), Some("whs_global"));
    assert!(!format!("{b:?}").contains("whs_global"));
    let gone = TestTarget::find(&set, &WebhookType::Outbound, "https://b.example.com/in");
    assert_eq!(gone.unwrap_err().code, ErrorCode::NotFound);
}

#[tokio::test]
async fn a_failed_secure_connection_is_said_in_plain_words() {
    // A plain HTTP server behind an https:// address: the TLS handshake can't succeed.
    let (base, _) = receiver(StatusCode::OK, "plain".into(), Duration::ZERO).await;
    let url = base.replace("http://", "https://");
    let error = WebhookTester::new()
        .send(&target(
            WebhookType::Receive,
            &format!("{url}/in"),
            Some("whs_tls_secret"),
        ))
        .await
        .unwrap_err();
    assert_eq!(error.code, ErrorCode::Network);
    assert!(
        error.message.contains("secure (TLS) connection"),
        "{}",
        error.message
    );
    assert!(!serde_json::to_string(&error)
        .unwrap()
        .contains("whs_tls_secret"));
}

#[tokio::test]
async fn a_webhook_set_up_on_the_sandbox_is_found_and_tested_with_its_secret() {
    use sendblue_client::models::webhooks::AddWebhooks;
    use sendblue_client::{Client, ClientConfig};
    use sendblue_sandbox::{SandboxConfig, DEFAULT_KEY_ID, DEFAULT_SECRET};

    let dir = tempfile::tempdir().unwrap();
    let sandbox = sendblue_sandbox::start(SandboxConfig::ephemeral(dir.path().join("s.db")))
        .await
        .unwrap();
    let client = Client::new(
        ClientConfig::new(DEFAULT_KEY_ID, DEFAULT_SECRET)
            .with_base_url(&sandbox.base_url())
            .unwrap(),
    )
    .unwrap();
    let (base, seen) = receiver(StatusCode::ACCEPTED, "queued".into(), Duration::ZERO).await;
    let url = format!("{base}/sendblue/status");
    let mut entry = WebhookConfig::new(&url);
    entry.secret = Some("whs_sandbox_hook".into());
    client
        .webhooks()
        .add(&AddWebhooks::for_type(
            WebhookType::Outbound,
            vec![entry.into()],
        ))
        .await
        .unwrap();

    // What the `webhooks_send_test` command does: list, find, send.
    let set = client.webhooks().list().await.unwrap();
    let found = TestTarget::find(&set, &WebhookType::Outbound, &url).unwrap();
    let result = WebhookTester::new().send(&found).await.unwrap();
    assert_eq!((result.status, result.ok, result.signed), (202, true, true));
    assert_eq!(result.excerpt, "queued");
    let first = seen.lock().unwrap()[0].clone();
    assert_eq!(first.headers["sb-signing-secret"], "whs_sandbox_hook");
    assert_eq!(first.body["status"], "DELIVERED");
    sandbox.shutdown().await;
}
