//! Contact Sharing (§15): camelCase requests, the documented answers, the local checks and
//! the one repeatable POST.

mod support;

use std::time::Duration;

use sendblue_client::models::sharing::{SharingProfileRequest, SharingState};
use sendblue_client::{Error, ErrorCode};
use serde_json::json;
use support::Recorder;

const STATE: &str = r#"{ "status": "OK", "data": { "hasProfile": true, "firstName": "Acme", "lastName": "Dental", "displayName": "Acme Dental Front Desk" } }"#;

#[tokio::test]
async fn state_sends_from_number_query_and_reads_data() {
    let server = Recorder::start().await;
    server.respond(200, STATE);
    let state = server
        .client()
        .sharing()
        .state("+14155550100")
        .await
        .unwrap();
    assert!(state.has_profile);
    assert_eq!(state.first_name.as_deref(), Some("Acme"));
    assert_eq!(state.last_name.as_deref(), Some("Dental"));
    assert_eq!(
        state.display_name.as_deref(),
        Some("Acme Dental Front Desk")
    );
    assert_eq!(state.sharing_enabled, None);
    assert_eq!(state.has_photo, None);
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/contact-sharing/state");
    assert_eq!(
        req.query_pairs(),
        vec![("fromNumber".to_string(), "+14155550100".to_string())]
    );
    assert_eq!(req.query.as_deref(), Some("fromNumber=%2B14155550100"));
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[test]
fn state_newer_revision_fields_nulls_and_unknowns() {
    let s: SharingState = serde_json::from_str(
        r#"{"hasProfile":false,"firstName":null,"lastName":null,"displayName":null,"sharingEnabled":false,"hasPhoto":true,"photoUpdatedAt":"t"}"#,
    )
    .unwrap();
    assert!(!s.has_profile);
    assert_eq!(s.first_name, None);
    assert_eq!(s.sharing_enabled, Some(false));
    assert_eq!(s.has_photo, Some(true));
    assert_eq!(s.extra.get("photoUpdatedAt"), Some(&json!("t")));
    let round = serde_json::to_value(&s).unwrap();
    assert_eq!(round["hasPhoto"], json!(true));
    assert_eq!(round["sharingEnabled"], json!(false));
}

#[tokio::test]
async fn set_profile_posts_camel_case_body() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":{"hasProfile":true,"firstName":"Acme","lastName":"Dental","displayName":"Front Desk","sharingEnabled":true,"hasPhoto":true}}"#,
    );
    let request = SharingProfileRequest::new("+14155550100", "Acme", "Dental")
        .photo_url("https://cdn.acme.test/logo.png")
        .display_name("Front Desk");
    let state = server
        .client()
        .sharing()
        .set_profile(&request)
        .await
        .unwrap();
    assert!(state.has_profile);
    assert_eq!(state.display_name.as_deref(), Some("Front Desk"));
    assert_eq!(state.has_photo, Some(true));
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/v2/contact-sharing/profile");
    assert_eq!(
        req.json(),
        json!({
            "fromNumber": "+14155550100",
            "firstName": "Acme",
            "lastName": "Dental",
            "photoUrl": "https://cdn.acme.test/logo.png",
            "displayName": "Front Desk"
        })
    );
    req.assert_authenticated();
}

#[tokio::test]
async fn set_profile_clear_photo_and_status_only_answer() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"status":"OK"}"#);
    let request = SharingProfileRequest::new("+14155550100", "", "").clear_photo();
    let state = server
        .client()
        .sharing()
        .set_profile(&request)
        .await
        .unwrap();
    // A status-only answer is an empty state; the `status` is kept with the unknown fields.
    assert_eq!(
        SharingState {
            extra: Default::default(),
            ..state
        },
        SharingState::default()
    );
    assert_eq!(
        server.only_request().json(),
        json!({"fromNumber": "+14155550100", "firstName": "", "lastName": "", "clearPhoto": true})
    );
}

#[tokio::test]
async fn set_profile_refuses_clear_photo_with_photo_url() {
    let server = Recorder::start().await;
    let request = SharingProfileRequest::new("+14155550100", "A", "B")
        .photo_url("https://cdn.acme.test/x.png")
        .clear_photo();
    let err = server
        .client()
        .sharing()
        .set_profile(&request)
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "clearPhoto"));
    assert_eq!(err.code(), ErrorCode::Validation);
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn set_profile_is_repeatable_but_share_is_not() {
    let server = Recorder::start().await;
    let client = server.client_with(|c| {
        c.retry.max_retries = 2;
        c.retry.base_delay = Duration::from_millis(1);
    });
    server.respond(503, r#"{"status":"ERROR","message":"busy"}"#);
    server.respond(200, STATE);
    let state = client
        .sharing()
        .set_profile(&SharingProfileRequest::new(
            "+14155550100",
            "Acme",
            "Dental",
        ))
        .await
        .unwrap();
    assert_eq!(state.first_name.as_deref(), Some("Acme"));
    assert_eq!(server.requests().len(), 2, "profile set retried after 503");

    server.clear();
    server.respond(503, r#"{"status":"ERROR","message":"busy"}"#);
    let err = client
        .sharing()
        .share("+14155550100", "+14155550123")
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Upstream);
    assert_eq!(server.requests().len(), 1, "share sent at most once");
}

#[tokio::test]
async fn share_posts_pair_and_reads_dedup() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","requested":true,"deduplicated":false}"#,
    );
    server.respond(
        200,
        r#"{"status":"OK","requested":true,"deduplicated":true}"#,
    );
    let client = server.client();
    let first = client
        .sharing()
        .share("+14155550100", "+14155550123")
        .await
        .unwrap();
    assert_eq!(first.status.as_deref(), Some("OK"));
    assert!(first.requested);
    assert!(!first.deduplicated);
    let again = client
        .sharing()
        .share("+14155550100", "+14155550123")
        .await
        .unwrap();
    assert!(again.deduplicated);
    let req = &server.requests()[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/v2/contact-sharing/share");
    assert_eq!(
        req.json(),
        json!({"fromNumber": "+14155550100", "toNumber": "+14155550123"})
    );
    req.assert_authenticated();
}

#[tokio::test]
async fn delete_profile_sends_json_body_with_delete() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"status":"OK"}"#);
    let answer = server
        .client()
        .sharing()
        .delete_profile("+14155550100")
        .await
        .unwrap();
    assert_eq!(answer.status.as_deref(), Some("OK"));
    let req = server.only_request();
    assert_eq!(req.method, "DELETE");
    assert_eq!(req.path, "/api/v2/contact-sharing/profile");
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(req.json(), json!({"fromNumber": "+14155550100"}));
    req.assert_authenticated();
}

#[tokio::test]
async fn missing_from_number_is_a_local_error_and_server_400_is_validation() {
    let server = Recorder::start().await;
    let client = server.client();
    let err = client.sharing().state("").await.unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "fromNumber"));
    assert!(server.requests().is_empty());
    server.respond(
        400,
        r#"{"status":"ERROR","message":"fromNumber is required"}"#,
    );
    let err = client.sharing().state("+1").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert_eq!(err.upstream_message(), Some("fromNumber is required"));
}
