//! Verified contacts on shared lines (§19.1), plus the CLI's legacy endpoints.

mod support;

use sendblue_client::models::verified_contacts::ContactVerificationStatus;
use sendblue_client::{Error, ErrorCode};
use serde_json::json;
use support::Recorder;

const CONTACT: &str = r#"{"id":812,"phone_number":"+12125550199","verification_status":"pending","verified":false,"created_at":"2026-03-02T19:00:00.000Z","updated_at":"2026-03-02T19:00:00.000Z"}"#;

#[tokio::test]
async fn add_posts_phone_number_and_reads_data() {
    let server = Recorder::start().await;
    let body = format!(
        r#"{{"data":{{"contact":{CONTACT},"line":{{"phone_number":"+14155550100","type":"shared"}},"verification_instructions":"Text any message to +14155550100"}}}}"#
    );
    server.respond(200, &body);
    let added = server
        .client()
        .verified_contacts()
        .add("+12125550199")
        .await
        .unwrap();
    assert_eq!(added.contact.id, Some(812));
    assert_eq!(added.contact.phone_number, "+12125550199");
    assert_eq!(
        added.contact.verification_status,
        ContactVerificationStatus::Pending
    );
    assert!(!added.contact.verified);
    let line = added.line.unwrap();
    assert_eq!(line.phone_number.as_deref(), Some("+14155550100"));
    assert_eq!(line.line_type.as_deref(), Some("shared"));
    assert_eq!(
        added.verification_instructions.as_deref(),
        Some("Text any message to +14155550100")
    );
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/v3/verified-contacts");
    assert_eq!(req.json(), json!({"phone_number": "+12125550199"}));
    req.assert_authenticated();
}

#[tokio::test]
async fn add_existing_verified_contact_has_null_instructions_and_line() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"data":{"contact":{"phone_number":"+12125550199","verification_status":"verified","verified":true,"created_at":"a","updated_at":"b"},"line":null,"verification_instructions":null}}"#,
    );
    let added = server
        .client()
        .verified_contacts()
        .add("+12125550199")
        .await
        .unwrap();
    assert_eq!(
        added.contact.verification_status,
        ContactVerificationStatus::Verified
    );
    assert!(added.contact.verified);
    assert_eq!(added.contact.id, None);
    assert_eq!(added.line, None);
    assert_eq!(added.verification_instructions, None);
}

#[tokio::test]
async fn list_reads_contacts_and_line() {
    let server = Recorder::start().await;
    let body = format!(
        r#"{{"data":{{"contacts":[{CONTACT},{{"id":"813","phone_number":"+12125550100","verification_status":"revoked","verified":false,"created_at":"c","updated_at":"d","note":"x"}}],"line":{{"phone_number":"+14155550100","type":"shared"}}}}}}"#
    );
    server.respond(200, &body);
    let list = server.client().verified_contacts().list().await.unwrap();
    assert_eq!(list.contacts.len(), 2);
    assert_eq!(list.contacts[0].phone_number, "+12125550199");
    assert_eq!(list.contacts[1].id, Some(813));
    assert_eq!(
        list.contacts[1].verification_status,
        ContactVerificationStatus::Unknown("revoked".into())
    );
    assert_eq!(list.contacts[1].extra.get("note"), Some(&json!("x")));
    assert_eq!(
        list.line.unwrap().phone_number.as_deref(),
        Some("+14155550100")
    );
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/v3/verified-contacts");
    assert_eq!(req.query, None);
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn get_encodes_number_and_reads_optional_contact() {
    let server = Recorder::start().await;
    let body = format!(r#"{{"data":{{"contact":{CONTACT},"line":null}}}}"#);
    server.respond(200, &body);
    server.respond(200, r#"{"data":{"contact":null,"line":null}}"#);
    let client = server.client();
    let found = client
        .verified_contacts()
        .get("+12125550199")
        .await
        .unwrap();
    assert_eq!(found.contact.unwrap().phone_number, "+12125550199");
    assert_eq!(found.line, None);
    let missing = client
        .verified_contacts()
        .get("+12125550100")
        .await
        .unwrap();
    assert_eq!(missing.contact, None);
    let req = &server.requests()[0];
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/v3/verified-contacts/%2B12125550199");
    req.assert_authenticated();
}

#[tokio::test]
async fn legacy_verify_on_shared_account_posts_recipient() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","route":{"id":77,"number":"+12125550199","verified":false,"createdAt":"2026-03-02T19:00:00.000Z"}}"#,
    );
    let answer = server
        .client()
        .verified_contacts()
        .verify_on_shared_account("+12125550199")
        .await
        .unwrap();
    assert_eq!(answer.status.as_deref(), Some("OK"));
    assert_eq!(answer.route.id, 77);
    assert_eq!(answer.route.number, "+12125550199");
    assert!(!answer.route.verified);
    assert_eq!(
        answer.route.created_at.as_deref(),
        Some("2026-03-02T19:00:00.000Z")
    );
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/accounts/verify-contact-on-shared-account");
    assert_eq!(req.json(), json!({"recipient": "+12125550199"}));
    req.assert_authenticated();
}

#[tokio::test]
async fn legacy_shared_contacts_reads_shared_number() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","sharedNumber":"+14155550100","contacts":[{"id":77,"number":"+12125550199","verified":true,"createdAt":"a"},{"id":78,"number":"+12125550100","verified":false}]}"#,
    );
    let shared = server
        .client()
        .verified_contacts()
        .shared_contacts()
        .await
        .unwrap();
    assert_eq!(shared.shared_number.as_deref(), Some("+14155550100"));
    assert_eq!(shared.contacts.len(), 2);
    assert!(shared.contacts[0].verified);
    assert_eq!(shared.contacts[1].created_at, None);
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/accounts/shared-contacts");
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn legacy_shared_contacts_with_no_line() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","sharedNumber":null,"contacts":null}"#,
    );
    let shared = server
        .client()
        .verified_contacts()
        .shared_contacts()
        .await
        .unwrap();
    assert_eq!(shared.shared_number, None);
    assert!(shared.contacts.is_empty());
}

#[tokio::test]
async fn bad_number_maps_to_validation_and_blank_is_local() {
    let server = Recorder::start().await;
    server.respond(
        400,
        r#"{"status":"ERROR","message":"phone_number must be a valid phone number"}"#,
    );
    let client = server.client();
    let err = client.verified_contacts().add("12").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    let err = client.verified_contacts().get(" ").await.unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "phone_number"));
    assert_eq!(server.requests().len(), 1);
}
