//! FaceTime (§17): the camelCase request, the documented answer, and the Agora token kept out
//! of `Debug`.

mod support;

use std::time::Duration;

use sendblue_client::{Error, ErrorCode};
use serde_json::json;
use support::Recorder;

const ANSWER: &str = r#"{ "status": "OK", "message": "Call started", "agora": { "appId": "5e1d0c9b8a7f6e5d4c3b2a1908f7e6d5", "channelName": "ft_call_3a2b1c0d9e8f7a6b", "token": "007eJxAGORATOKEN", "uid": 0 } }"#;

#[tokio::test]
async fn start_call_posts_camel_case_and_reads_agora() {
    let server = Recorder::start().await;
    server.respond(200, ANSWER);
    let call = server
        .client()
        .facetime()
        .start_call("+14155550123", "+14155550100")
        .await
        .unwrap();
    assert_eq!(call.status.as_deref(), Some("OK"));
    assert_eq!(call.message.as_deref(), Some("Call started"));
    assert_eq!(call.agora.app_id, "5e1d0c9b8a7f6e5d4c3b2a1908f7e6d5");
    assert_eq!(call.agora.channel_name, "ft_call_3a2b1c0d9e8f7a6b");
    assert_eq!(call.agora.token, "007eJxAGORATOKEN");
    assert_eq!(call.agora.uid, 0);
    let debug = format!("{call:?}");
    assert!(!debug.contains("AGORATOKEN"), "{debug}");
    assert!(debug.contains("ft_call_3a2b1c0d9e8f7a6b"));

    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/facetime/start-call");
    assert_eq!(req.query, None);
    assert_eq!(
        req.json(),
        json!({"phoneNumber": "+14155550123", "fromNumber": "+14155550100"})
    );
    req.assert_authenticated();
}

#[tokio::test]
async fn start_call_keeps_unknown_fields_and_round_trips_camel_case() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","message":"Call started","call_id":"c1","agora":{"appId":"a","channelName":"ch","token":"t","uid":42,"expiresAt":"x"}}"#,
    );
    let call = server
        .client()
        .facetime()
        .start_call("+14155550123", "+14155550100")
        .await
        .unwrap();
    assert_eq!(call.extra.get("call_id"), Some(&json!("c1")));
    assert_eq!(call.agora.uid, 42);
    assert_eq!(call.agora.extra.get("expiresAt"), Some(&json!("x")));
    let out = serde_json::to_value(&call).unwrap();
    assert_eq!(out["agora"]["channelName"], json!("ch"));
}

#[tokio::test]
async fn start_call_is_never_repeated() {
    let server = Recorder::start().await;
    server.respond(500, r#"{"status":"ERROR","message":"worker error"}"#);
    let client = server.client_with(|c| {
        c.retry.max_retries = 2;
        c.retry.base_delay = Duration::from_millis(1);
    });
    let err = client
        .facetime()
        .start_call("+14155550123", "+14155550100")
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Upstream);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn start_call_without_facetime_line_is_forbidden() {
    let server = Recorder::start().await;
    server.respond(
        403,
        r#"{"status":"ERROR","message":"FaceTime is not enabled for this account"}"#,
    );
    let err = server
        .client()
        .facetime()
        .start_call("+14155550123", "+14155550100")
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Forbidden);
}

#[tokio::test]
async fn start_call_requires_both_numbers() {
    let server = Recorder::start().await;
    let err = server
        .client()
        .facetime()
        .start_call("+14155550123", "")
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "fromNumber"));
    assert!(server.requests().is_empty());
}
