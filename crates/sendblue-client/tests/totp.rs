//! TOTP secret store (§20): the seed kept in a `Secret`, the exact requests and answers.

mod support;

use std::time::Duration;

use sendblue_client::models::totp::{CreateTotpSecret, TotpAlgorithm, TotpSecret};
use sendblue_client::{Error, ErrorCode};
use serde_json::json;
use support::Recorder;

const CREATED: &str = r#"{"status":"OK","totp_secret":{"id":"550e8400-e29b-41d4-a716-446655440000","label":"GitHub - agent@acme.test","issuer":"GitHub","algorithm":"SHA1","digits":6,"period":30,"created_at":"2026-03-02T19:00:00.000Z","secret":"JBSWY3DPEHPK3PXPSEED"}}"#;

#[tokio::test]
async fn create_with_label_and_seed_posts_body_and_holds_seed() {
    let server = Recorder::start().await;
    server.respond(200, CREATED);
    let request = CreateTotpSecret::new("GitHub - agent@acme.test")
        .secret("JBSWY3DPEHPK3PXPSEED")
        .issuer("GitHub")
        .algorithm(TotpAlgorithm::Sha1)
        .digits(6)
        .period(30);
    assert!(!format!("{request:?}").contains("PXPSEED"));
    let created = server.client().totp().create(&request).await.unwrap();
    assert_eq!(
        created.secret.as_ref().map(|s| s.expose()),
        Some("JBSWY3DPEHPK3PXPSEED")
    );
    assert_eq!(created.info.id, "550e8400-e29b-41d4-a716-446655440000");
    assert_eq!(
        created.info.label.as_deref(),
        Some("GitHub - agent@acme.test")
    );
    assert_eq!(created.info.issuer.as_deref(), Some("GitHub"));
    assert_eq!(created.info.algorithm, Some(TotpAlgorithm::Sha1));
    assert_eq!(created.info.digits, Some(6));
    assert_eq!(created.info.period, Some(30));
    assert!(
        !created.info.extra.contains_key("secret"),
        "seed never in extra"
    );
    assert!(!format!("{created:?}").contains("PXPSEED"));
    assert!(!serde_json::to_string(&created.info)
        .unwrap()
        .contains("PXPSEED"));

    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/v2/totp/secrets");
    assert_eq!(
        req.json(),
        json!({
            "secret": "JBSWY3DPEHPK3PXPSEED",
            "label": "GitHub - agent@acme.test",
            "issuer": "GitHub",
            "algorithm": "SHA1",
            "digits": 6,
            "period": 30
        })
    );
    req.assert_authenticated();
}

#[tokio::test]
async fn create_from_uri_sends_only_the_uri() {
    let server = Recorder::start().await;
    server.respond(200, CREATED);
    let uri = "otpauth://totp/GitHub:agent?secret=JBSWY3DPEHPK3PXP&issuer=GitHub";
    server
        .client()
        .totp()
        .create(&CreateTotpSecret::from_uri(uri))
        .await
        .unwrap();
    assert_eq!(server.only_request().json(), json!({"uri": uri}));
}

#[tokio::test]
async fn create_checks_locally_and_is_not_repeated() {
    let server = Recorder::start().await;
    let client = server.client_with(|c| {
        c.retry.max_retries = 2;
        c.retry.base_delay = Duration::from_millis(1);
    });
    let cases = [
        (CreateTotpSecret::default(), "label"),
        (CreateTotpSecret::new("x").digits(7), "digits"),
        (CreateTotpSecret::new("x").period(0), "period"),
        (CreateTotpSecret::from_uri("https://evil.test"), "uri"),
    ];
    for (request, field) in cases {
        let err = client.totp().create(&request).await.unwrap_err();
        assert!(
            matches!(&err, Error::Validation { field: f, .. } if f == field),
            "{err:?}"
        );
    }
    assert!(server.requests().is_empty());
    server.respond(500, r#"{"status":"ERROR","message":"oops"}"#);
    let err = client
        .totp()
        .create(&CreateTotpSecret::new("x"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Upstream);
    assert_eq!(server.requests().len(), 1);
    assert_eq!(server.requests()[0].json(), json!({"label": "x"}));
}

#[tokio::test]
async fn list_reads_secrets_without_seeds() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","totp_secrets":[{"id":"s1","label":"GitHub","issuer":null,"algorithm":"SHA256","digits":8,"period":60,"created_at":"a"},{"id":"s2","label":"AWS","algorithm":"SHA3","digits":6,"period":30,"created_at":"b","kind":"x"}]}"#,
    );
    let list = server.client().totp().list().await.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].id, "s1");
    assert_eq!(list[0].issuer, None);
    assert_eq!(list[0].algorithm, Some(TotpAlgorithm::Sha256));
    assert_eq!(list[0].digits, Some(8));
    assert_eq!(
        list[1].algorithm,
        Some(TotpAlgorithm::Unknown("SHA3".into()))
    );
    assert_eq!(list[1].extra.get("kind"), Some(&json!("x")));
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/totp/secrets");
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn delete_encodes_id() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"status":"OK"}"#);
    let answer = server
        .client()
        .totp()
        .delete("550e8400-e29b-41d4-a716-446655440000")
        .await
        .unwrap();
    assert_eq!(answer.status.as_deref(), Some("OK"));
    let req = server.only_request();
    assert_eq!(req.method, "DELETE");
    assert_eq!(
        req.path,
        "/api/v2/totp/secrets/550e8400-e29b-41d4-a716-446655440000"
    );
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn code_reads_code_and_expiry() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"status":"OK","code":"092039","expires_in":17}"#);
    let code = server.client().totp().code("s1").await.unwrap();
    assert_eq!(code.code, "092039");
    assert_eq!(code.expires_in, Some(17));
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/totp/code/s1");
    req.assert_authenticated();
}

#[tokio::test]
async fn unknown_secret_is_not_found() {
    let server = Recorder::start().await;
    server.respond(
        404,
        r#"{"status":"ERROR","message":"TOTP secret not found"}"#,
    );
    let err = server.client().totp().code("nope").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert_eq!(err.upstream_message(), Some("TOTP secret not found"));
}

#[test]
fn listed_secret_round_trips() {
    let s: TotpSecret =
        serde_json::from_str(r#"{"id":"s1","label":"L","algorithm":"SHA512"}"#).unwrap();
    assert_eq!(s.algorithm, Some(TotpAlgorithm::Sha512));
    let v = serde_json::to_value(&s).unwrap();
    assert_eq!(v["algorithm"], json!("SHA512"));
}
