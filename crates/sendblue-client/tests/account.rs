//! The account probe (§13.6).

mod support;

use sendblue_client::ErrorCode;
use serde_json::json;
use support::Recorder;

#[tokio::test]
async fn get_account_reads_status_email_plan() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","email":"ops@acme.test","plan":"dedicated","company":"Acme"}"#,
    );
    let account = server.client().account().get().await.unwrap();
    assert_eq!(account.status.as_deref(), Some("OK"));
    assert_eq!(account.email.as_deref(), Some("ops@acme.test"));
    assert_eq!(account.plan.as_deref(), Some("dedicated"));
    assert_eq!(account.extra.get("company"), Some(&json!("Acme")));
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/account");
    assert_eq!(req.query, None);
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn get_account_tolerates_missing_fields() {
    let server = Recorder::start().await;
    server.respond(200, r#"{}"#);
    let account = server.client().account().get().await.unwrap();
    assert_eq!(account.email, None);
    assert_eq!(account.plan, None);
}

#[tokio::test]
async fn wrong_keys_are_unauthorized() {
    let server = Recorder::start().await;
    server.respond(401, r#"{"status":"ERROR","message":"Invalid Credentials"}"#);
    let err = server.client().account().get().await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Unauthorized);
    assert_eq!(err.upstream_message(), Some("Invalid Credentials"));
}

#[tokio::test]
async fn missing_key_headers_403_is_unauthorized() {
    let server = Recorder::start().await;
    server.respond(403, r#"{"message":"Did not get inputs for authorization"}"#);
    let err = server.client().account().get().await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Unauthorized);
}
