//! Lines endpoints: the exact request sent, and the reference's answers decoded.

mod support;

use sendblue_client::models::lines::{LineAssignment, LineStatus};
use sendblue_client::ErrorCode;
use serde_json::json;
use support::Recorder;

#[tokio::test]
async fn list_reads_numbers() {
    let server = Recorder::start().await;
    server.respond(200, r#"{ "numbers": ["+14155550100", "+14155550101"] }"#);
    let numbers = server.client().lines().list().await.unwrap();
    assert_eq!(numbers, vec!["+14155550100", "+14155550101"]);
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/lines");
    assert_eq!(req.query, None);
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn list_accepts_the_defensive_shapes() {
    let server = Recorder::start().await;
    server.respond(200, r#"["+14155550100"]"#);
    server.respond(200, r#"{"status":"OK","lines":["+14155550101"]}"#);
    server.respond(
        200,
        r#"{"lines":[{"sendblue_number":"+14155550102"},{"number":"+14155550103"}]}"#,
    );
    server.respond(200, r#"{"status":"OK","numbers":null}"#);
    let client = server.client();
    assert_eq!(client.lines().list().await.unwrap(), ["+14155550100"]);
    assert_eq!(client.lines().list().await.unwrap(), ["+14155550101"]);
    assert_eq!(
        client.lines().list().await.unwrap(),
        ["+14155550102", "+14155550103"]
    );
    assert!(client.lines().list().await.unwrap().is_empty());
}

#[tokio::test]
async fn state_reads_the_reference_example() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{
  "status": "OK",
  "snapshot_at": "2026-03-02T19:05:00.000Z",
  "data": [
    { "worker_id": "w_mac_0142", "sendblue_number": "+14155550100", "assignment": "assigned", "status": "ONLINE", "status_changed_at": "2026-03-01T08:00:00.000Z", "degraded_since": null, "effective_until": null },
    { "worker_id": "w_mac_0150", "sendblue_number": null, "assignment": "on_loan", "status": "UNKNOWN", "rack": "b2" }
  ]
}"#,
    );
    let snap = server.client().lines().state().await.unwrap();
    assert_eq!(snap.status.as_deref(), Some("OK"));
    assert_eq!(
        snap.snapshot_at.as_deref(),
        Some("2026-03-02T19:05:00.000Z")
    );
    assert_eq!(snap.data.len(), 2);
    let a = &snap.data[0];
    assert_eq!(a.worker_id, "w_mac_0142");
    assert_eq!(a.sendblue_number.as_deref(), Some("+14155550100"));
    assert_eq!(a.assignment, Some(LineAssignment::Assigned));
    assert_eq!(a.status, Some(LineStatus::Online));
    assert_eq!(
        a.status_changed_at.as_deref(),
        Some("2026-03-01T08:00:00.000Z")
    );
    assert_eq!(a.degraded_since, None);
    let b = &snap.data[1];
    assert_eq!(b.sendblue_number, None);
    assert_eq!(
        b.assignment,
        Some(LineAssignment::Unknown("on_loan".into()))
    );
    assert_eq!(b.status, Some(LineStatus::NotReported));
    assert_eq!(b.extra.get("rack"), Some(&json!("b2")));
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/lines/state");
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn state_not_enabled_is_forbidden() {
    let server = Recorder::start().await;
    server.respond(
        403,
        r#"{"status":"ERROR","message":"Line state is not enabled for this account"}"#,
    );
    let err = server.client().lines().state().await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Forbidden);
}

#[tokio::test]
async fn call_forwarding_get() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"sendblue_number":"+14155550100","forwarding_number":"+14155550199"}"#,
    );
    let cf = server
        .client()
        .lines()
        .call_forwarding("+14155550100")
        .await
        .unwrap();
    assert_eq!(cf.sendblue_number, "+14155550100");
    assert_eq!(cf.forwarding_number.as_deref(), Some("+14155550199"));
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/lines/%2B14155550100/call-forwarding");
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn call_forwarding_set() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"sendblue_number":"+14155550100","forwarding_number":"+14155550199"}"#,
    );
    let cf = server
        .client()
        .lines()
        .set_call_forwarding("+14155550100", "4155550199")
        .await
        .unwrap();
    assert_eq!(cf.forwarding_number.as_deref(), Some("+14155550199"));
    let req = server.only_request();
    assert_eq!(req.method, "PUT");
    assert_eq!(req.path, "/api/lines/%2B14155550100/call-forwarding");
    assert_eq!(req.json(), json!({"forwarding_number": "4155550199"}));
    req.assert_authenticated();
}

#[tokio::test]
async fn call_forwarding_clear() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"sendblue_number":"+14155550100","forwarding_number":null}"#,
    );
    let cf = server
        .client()
        .lines()
        .clear_call_forwarding("+14155550100")
        .await
        .unwrap();
    assert_eq!(cf.sendblue_number, "+14155550100");
    assert_eq!(cf.forwarding_number, None);
    let req = server.only_request();
    assert_eq!(req.method, "DELETE");
    assert_eq!(req.path, "/api/lines/%2B14155550100/call-forwarding");
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn call_forwarding_on_a_foreign_line_is_not_found() {
    let server = Recorder::start().await;
    server.respond(404, r#"{"status":"ERROR","message":"Line not found"}"#);
    let err = server
        .client()
        .lines()
        .call_forwarding("+14155550999")
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}
