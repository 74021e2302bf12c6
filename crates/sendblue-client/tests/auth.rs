//! Temporary bearer tokens (§13.5): exact requests, the documented answer, and the secret
//! never leaking through `Debug`.

mod support;

use sendblue_client::models::auth::{CreateTokenRequest, TokenResponse};
use sendblue_client::{Error, ErrorCode, Secret};
use serde_json::json;
use support::Recorder;

const TOKEN_ANSWER: &str = r#"{ "token": "sbt_live_8YkSECRETVALUE", "token_id": "11111111-2222-4333-8444-555555555555", "token_type": "Bearer", "expires_at": "2026-03-02T19:20:00.000Z", "phone_numbers": [] }"#;

#[tokio::test]
async fn create_token_posts_body_and_reads_token_as_secret() {
    let server = Recorder::start().await;
    server.respond(200, TOKEN_ANSWER);
    let token = server
        .client()
        .auth()
        .create_token(&CreateTokenRequest::new().expires_in_seconds(600))
        .await
        .unwrap();
    assert_eq!(token.token.expose(), "sbt_live_8YkSECRETVALUE");
    assert_eq!(token.token_id, "11111111-2222-4333-8444-555555555555");
    assert_eq!(token.token_type.as_deref(), Some("Bearer"));
    assert_eq!(
        token.expires_at.as_deref(),
        Some("2026-03-02T19:20:00.000Z")
    );
    assert!(token.phone_numbers.is_empty());
    assert!(!token.is_line_scoped());
    let debug = format!("{token:?}");
    assert!(!debug.contains("SECRETVALUE"), "{debug}");
    assert!(debug.contains("<redacted>"));

    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/v3/auth/tokens");
    assert_eq!(req.query, None);
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(req.json(), json!({"expires_in_seconds": 600}));
    req.assert_authenticated();
}

#[tokio::test]
async fn create_token_line_scoped_bodies() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"token":"t","token_id":"id1","token_type":"Bearer","expires_at":"x","phone_numbers":["+14155550100"]}"#,
    );
    server.respond(
        200,
        r#"{"token":"t","token_id":"id2","token_type":"Bearer","expires_at":"x","phone_numbers":["+14155550100","+14155550101"]}"#,
    );
    let client = server.client();
    let one = client
        .auth()
        .create_token(&CreateTokenRequest::for_line("+14155550100"))
        .await
        .unwrap();
    assert!(one.is_line_scoped());
    let two = client
        .auth()
        .create_token(&CreateTokenRequest::for_lines([
            "+14155550100",
            "+14155550101",
        ]))
        .await
        .unwrap();
    assert_eq!(two.phone_numbers.len(), 2);
    let reqs = server.requests();
    assert_eq!(reqs[0].json(), json!({"phone_number": "+14155550100"}));
    assert_eq!(
        reqs[1].json(),
        json!({"phone_numbers": ["+14155550100", "+14155550101"]})
    );
}

#[tokio::test]
async fn create_token_refuses_both_selectors_without_sending() {
    let server = Recorder::start().await;
    let mut request = CreateTokenRequest::for_line("+14155550100");
    request.phone_numbers = Some(vec!["+14155550101".into()]);
    let err = server
        .client()
        .auth()
        .create_token(&request)
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "phone_numbers"));
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn create_token_is_not_retried_after_a_server_error() {
    let server = Recorder::start().await;
    server.respond(503, r#"{"status":"ERROR","message":"busy"}"#);
    server.respond(200, TOKEN_ANSWER);
    let client = server.client_with(|c| {
        c.retry.max_retries = 2;
        c.retry.base_delay = std::time::Duration::from_millis(1);
    });
    let err = client
        .auth()
        .create_token(&CreateTokenRequest::new())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(server.requests().len(), 1, "a mint must not be repeated");
}

#[tokio::test]
async fn create_token_with_test_keys_maps_to_forbidden() {
    let server = Recorder::start().await;
    server.respond(
        403,
        r#"{"status":"ERROR","message":"Test API keys cannot mint tokens"}"#,
    );
    let err = server
        .client()
        .auth()
        .create_token(&CreateTokenRequest::new())
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Forbidden);
    assert_eq!(
        err.upstream_message(),
        Some("Test API keys cannot mint tokens")
    );
}

#[tokio::test]
async fn revoke_token_sends_delete_and_accepts_empty_body() {
    let server = Recorder::start().await;
    server.respond(204, "");
    server
        .client()
        .auth()
        .revoke_token("11111111-2222-4333-8444-555555555555")
        .await
        .unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "DELETE");
    assert_eq!(
        req.path,
        "/v3/auth/tokens/11111111-2222-4333-8444-555555555555"
    );
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn revoke_unknown_token_is_not_found() {
    let server = Recorder::start().await;
    server.respond(404, r#"{"status":"ERROR","message":"Token not found"}"#);
    let err = server
        .client()
        .auth()
        .revoke_token("nope")
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[test]
fn token_response_keeps_unknown_fields_and_null_phone_list() {
    let t: TokenResponse = serde_json::from_str(
        r#"{"token":"s","token_id":"i","token_type":"Bearer","expires_at":"x","phone_numbers":null,"scope":"account"}"#,
    )
    .unwrap();
    assert!(t.phone_numbers.is_empty());
    assert_eq!(t.extra.get("scope"), Some(&json!("account")));
}

#[test]
fn secret_deserializes_but_never_serializes() {
    let s: Secret = serde_json::from_str("\"hunter2\"").unwrap();
    assert_eq!(s.expose(), "hunter2");
    assert_eq!(format!("{s:?}"), "<redacted>");
    assert!(serde_json::to_string(&s).is_err());
    assert!(serde_json::from_str::<Secret>("42").is_err());
}
