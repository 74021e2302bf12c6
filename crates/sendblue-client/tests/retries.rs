//! The "At most once" rule against real loopback servers: GET/PUT/DELETE are retried on 429,
//! 5xx and network failures; a POST only when the connection was refused or on 429 — never
//! after a timeout or a dropped response — except the few POSTs that are safe to repeat.

mod support;

use std::time::{Duration, Instant};

use sendblue_client::{Client, ClientConfig, ErrorCode, NetworkFailure, RetryPolicy};
use support::raw::{RawServer, Step};
use support::{KEY_ID, SECRET};

fn client(base_url: &str, max_retries: u32) -> Client {
    let mut config = ClientConfig::new(KEY_ID, SECRET)
        .with_base_url(base_url)
        .unwrap();
    config.retry = RetryPolicy {
        max_retries,
        base_delay: Duration::from_millis(50),
        max_delay: Duration::from_secs(5),
    };
    config.timeout = Duration::from_secs(5);
    Client::new(config).unwrap()
}

fn header(k: &str, v: &str) -> (String, String) {
    (k.to_owned(), v.to_owned())
}

const COUNT: &str = r#"{"count":7}"#;

#[tokio::test]
async fn get_waits_for_retry_after_seconds_on_429() {
    let server = RawServer::start(vec![
        Step::Answer(429, vec![header("Retry-After", "1")], "{}".into()),
        Step::json(200, COUNT),
    ])
    .await;
    let started = Instant::now();
    let n = client(&server.base_url(), 2)
        .contacts()
        .count()
        .await
        .unwrap();
    assert_eq!(n, 7);
    assert_eq!(server.requests(), 2);
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "Retry-After: 1 was not honoured ({:?})",
        started.elapsed()
    );
}

#[tokio::test]
async fn get_honours_retry_after_ms_over_backoff() {
    let server = RawServer::start(vec![
        Step::Answer(429, vec![header("retry-after-ms", "400")], "{}".into()),
        Step::json(200, COUNT),
    ])
    .await;
    let started = Instant::now();
    client(&server.base_url(), 2)
        .contacts()
        .count()
        .await
        .unwrap();
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(390), "{took:?}");
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[tokio::test]
async fn get_retries_503_then_gives_up_with_upstream() {
    let server = RawServer::start(vec![Step::json(
        503,
        r#"{"status":"ERROR","message":"busy"}"#,
    )])
    .await;
    let err = client(&server.base_url(), 3)
        .contacts()
        .count()
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Upstream);
    assert_eq!(err.status(), Some(503));
    assert_eq!(err.upstream_message(), Some("busy"));
    assert_eq!(server.requests(), 4, "1 attempt + 3 retries");
}

#[tokio::test]
async fn get_retries_after_dropped_connections() {
    let server = RawServer::start(vec![Step::Drop, Step::Drop, Step::json(200, COUNT)]).await;
    let n = client(&server.base_url(), 2)
        .contacts()
        .count()
        .await
        .unwrap();
    assert_eq!(n, 7);
    assert_eq!(server.requests(), 3);
}

#[tokio::test]
async fn get_stops_when_server_says_do_not_retry() {
    let server = RawServer::start(vec![Step::Answer(
        503,
        vec![header("x-should-retry", "false")],
        "{}".into(),
    )])
    .await;
    let err = client(&server.base_url(), 3)
        .contacts()
        .count()
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Upstream);
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn get_is_not_retried_on_client_errors() {
    let server = RawServer::start(vec![Step::json(
        401,
        r#"{"status":"ERROR","message":"Invalid Credentials"}"#,
    )])
    .await;
    let err = client(&server.base_url(), 3)
        .contacts()
        .count()
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Unauthorized);
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn refused_connection_is_a_network_error_after_retries() {
    // Bind and drop to get a port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = client(&format!("http://127.0.0.1:{port}"), 1)
        .contacts()
        .count()
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Network);
    assert!(matches!(
        err,
        sendblue_client::Error::Network {
            failure: NetworkFailure::Connect,
            ..
        }
    ));
}

const SENT: &str = r#"{"message_handle":"h-1","status":"QUEUED","number":"+14155550123","from_number":"+14155550100"}"#;

fn text() -> sendblue_client::models::message_send::SendMessage {
    sendblue_client::models::message_send::SendMessage::text("+14155550123", "+14155550100", "hi")
}

#[tokio::test]
async fn send_is_not_repeated_after_a_dropped_response() {
    // The server reads the whole send and closes without answering: it may have been sent.
    let server = RawServer::start(vec![Step::Drop, Step::json(200, SENT)]).await;
    let err = client(&server.base_url(), 3)
        .messages()
        .send(&text())
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Network);
    assert!(matches!(
        err,
        sendblue_client::Error::Network {
            failure: NetworkFailure::Dropped,
            ..
        }
    ));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(server.requests(), 1, "a send must never be repeated");
}

#[tokio::test]
async fn send_is_not_repeated_after_a_timeout() {
    let server = RawServer::start(vec![Step::Hang(Duration::from_secs(3))]).await;
    let mut config = ClientConfig::new(KEY_ID, SECRET)
        .with_base_url(&server.base_url())
        .unwrap();
    config.timeout = Duration::from_millis(300);
    config.retry.max_retries = 3;
    config.retry.base_delay = Duration::from_millis(10);
    let err = Client::new(config)
        .unwrap()
        .messages()
        .send(&text())
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        sendblue_client::Error::Network {
            failure: NetworkFailure::Timeout,
            ..
        }
    ));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn send_is_not_repeated_after_503() {
    let server = RawServer::start(vec![Step::json(503, "{}"), Step::json(200, SENT)]).await;
    let err = client(&server.base_url(), 3)
        .messages()
        .send(&text())
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Upstream);
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn send_is_repeated_after_429_with_retry_after() {
    let server = RawServer::start(vec![
        Step::Answer(429, vec![header("Retry-After", "0.2")], "{}".into()),
        Step::json(200, SENT),
    ])
    .await;
    let sent = client(&server.base_url(), 3)
        .messages()
        .send(&text())
        .await
        .unwrap();
    assert_eq!(sent.message_handle, "h-1");
    assert_eq!(server.requests(), 2);
    // Both attempts carried the same body.
    let bodies = server.bodies();
    assert_eq!(bodies[0], bodies[1]);
}

#[tokio::test]
async fn send_is_repeated_when_the_connection_was_refused() {
    // Nothing listens at first; the server opens the port after a while.
    let std_listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = std_listener.local_addr().unwrap();
    drop(std_listener);
    let opener = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
        RawServer::serve(listener, vec![Step::json(200, SENT)])
    });
    let mut config = ClientConfig::new(KEY_ID, SECRET)
        .with_base_url(&format!("http://{addr}"))
        .unwrap();
    config.retry = RetryPolicy {
        max_retries: 8,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_millis(200),
    };
    let sent = Client::new(config)
        .unwrap()
        .messages()
        .send(&text())
        .await
        .unwrap();
    assert_eq!(sent.message_handle, "h-1");
    let server = opener.await.unwrap();
    assert_eq!(
        server.requests(),
        1,
        "refused attempts never reached a server"
    );
}

#[tokio::test]
async fn bulk_create_is_safe_to_repeat_after_a_dropped_response() {
    // An upsert by phone: repeating it changes nothing, so it is retried like a GET.
    let server = RawServer::start(vec![
        Step::Drop,
        Step::json(
            200,
            r#"{"status":"OK","contacts":[{"contact_id":"c1","phone":"+14155550123"}]}"#,
        ),
    ])
    .await;
    let contacts = client(&server.base_url(), 2)
        .contacts()
        .bulk_create(&[sendblue_client::models::contacts::BulkContact::new(
            "+14155550123",
        )])
        .await
        .unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(server.requests(), 2);
}

#[tokio::test]
async fn carousel_is_not_repeated_after_502() {
    let server = RawServer::start(vec![Step::json(502, "{}")]).await;
    let err = client(&server.base_url(), 3)
        .messages()
        .send_carousel(&sendblue_client::models::message_send::SendCarousel::new(
            "+14155550123",
            "+14155550100",
            vec!["https://a.test/1.jpg".into(), "https://a.test/2.jpg".into()],
        ))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Upstream);
    assert_eq!(server.requests(), 1);
}
