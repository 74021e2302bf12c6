//! The core's wire behaviour: authentication (§1.2), 501 for endpoints not emulated, the
//! error shape, the admin paths.

mod support;

use serde_json::json;
use support::{assert_keys, raw, Sandbox};

#[tokio::test]
async fn authentication_as_the_reference_says() {
    let sb = Sandbox::start().await;
    let http = reqwest::Client::new();
    let url = format!("{}/api/v2/seats", sb.base_url());

    let missing = raw(http.get(&url).send().await.unwrap()).await;
    assert_eq!(missing.status, 403);
    assert_eq!(
        missing.body,
        json!({"message": "Did not get inputs for authorization"})
    );

    let one_missing = raw(http
        .get(&url)
        .header("sb-api-key-id", "x")
        .send()
        .await
        .unwrap())
    .await;
    assert_eq!(one_missing.status, 403);

    let wrong = raw(http
        .get(&url)
        .header("sb-api-key-id", "sandbox-key-id")
        .header("sb-api-secret-key", "wrong")
        .send()
        .await
        .unwrap())
    .await;
    assert_eq!(wrong.status, 401);
    assert_eq!(
        wrong.body,
        json!({"status": "ERROR", "message": "Invalid Credentials"})
    );

    let both = raw(http
        .get(&url)
        .header("sb-api-key-id", "sandbox-key-id")
        .header("sb-api-secret-key", "sandbox-secret")
        .header("authorization", "Bearer sbt_x")
        .send()
        .await
        .unwrap())
    .await;
    assert_eq!(both.status, 400);
    assert_eq!(both.body["status"], "ERROR");
}

#[tokio::test]
async fn endpoints_not_emulated_answer_501() {
    let sb = Sandbox::start().await;
    for path in [
        "/api/v2/seats",
        "/api/v2/totp/secrets",
        "/account",
        "/v3/verified-contacts",
    ] {
        let r = sb.get(path).await;
        assert_eq!(r.status, 501, "{path}");
        assert_eq!(
            r.body,
            json!({"status": "ERROR", "message": "Not emulated by the sandbox"})
        );
    }
    let r = sb.post("/v3/auth/tokens", json!({})).await;
    assert_eq!(r.status, 501);
}

#[tokio::test]
async fn faults_are_read_and_changed_at_run_time() {
    let sb = Sandbox::start().await;
    let r = sb.get("/__sandbox/faults").await;
    assert_eq!(r.status, 200);
    assert_keys(
        &r.body,
        &["latency_ms", "error_rate", "drop_rate", "rate_limit"],
    );
    let r = sb.put("/__sandbox/faults", json!({"latency_ms": 5})).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["latency_ms"], 5);
    let r = sb.put("/__sandbox/faults", json!({"error_rate": 2})).await;
    assert_eq!(r.status, 400);
    let r = sb.put("/__sandbox/faults", json!({"nope": 1})).await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn the_request_log_records_api_requests_only() {
    let sb = Sandbox::start().await;
    sb.get("/api/v2/seats?limit=5").await;
    sb.get("/__sandbox/faults").await;
    let log = sb.requests().await;
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0]["method"], "GET");
    assert_eq!(log[0]["path"], "/api/v2/seats");
    assert_eq!(log[0]["query"], "limit=5");
    assert_eq!(log[0]["status"], 501);
}
