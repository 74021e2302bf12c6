//! Line provisioning and subaccounts (§14): the purchase flow, the ticket flow (all three
//! revisions' shapes) and subaccounts.

mod support;

use std::time::Duration;

use sendblue_client::models::provisioning::{
    AddLineRequest, ChildAccountRequest, LineRequestTicket, LineRequestType, TicketStatus,
};
use sendblue_client::{Error, ErrorCode};
use serde_json::json;
use support::Recorder;

#[tokio::test]
async fn preview_posts_without_body() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{ "status": "OK", "preview_token": "lpv_4f9a2c", "expires_at": "2026-03-02T19:15:00.000Z", "message": "Confirm within 10 minutes to complete the purchase." }"#,
    );
    let preview = server.client().provisioning().preview().await.unwrap();
    assert_eq!(preview.preview_token, "lpv_4f9a2c");
    assert_eq!(preview.status.as_deref(), Some("OK"));
    assert_eq!(
        preview.expires_at.as_deref(),
        Some("2026-03-02T19:15:00.000Z")
    );
    assert!(preview.message.unwrap().contains("10 minutes"));
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/accounts/lines/provision-preview");
    assert_eq!(req.query, None);
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn confirm_posts_token_and_reads_line() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","phone_number":"+14155550188","line":{"sendblue_number":"+14155550188","type":"inbound_only"}}"#,
    );
    let done = server
        .client()
        .provisioning()
        .confirm("lpv_4f9a2c")
        .await
        .unwrap();
    assert_eq!(done.status.as_deref(), Some("OK"));
    assert_eq!(done.phone_number.as_deref(), Some("+14155550188"));
    let line = done.line.unwrap();
    assert_eq!(line.sendblue_number.as_deref(), Some("+14155550188"));
    assert_eq!(line.line_type.as_deref(), Some("inbound_only"));
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/accounts/lines/provision-confirm");
    assert_eq!(req.json(), json!({"preview_token": "lpv_4f9a2c"}));
    req.assert_authenticated();
}

#[tokio::test]
async fn confirm_accepts_a_data_envelope() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":{"phone_number":"+14155550188","charged_cents":1500}}"#,
    );
    let done = server
        .client()
        .provisioning()
        .confirm("lpv_x")
        .await
        .unwrap();
    assert_eq!(done.status.as_deref(), Some("OK"));
    assert_eq!(done.phone_number.as_deref(), Some("+14155550188"));
    assert_eq!(done.extra.get("charged_cents"), Some(&json!(1500)));
}

#[tokio::test]
async fn confirm_is_a_charge_and_never_repeated() {
    let server = Recorder::start().await;
    server.respond(502, r#"{"status":"ERROR","message":"bad gateway"}"#);
    server.respond(200, r#"{"status":"OK"}"#);
    let client = server.client_with(|c| {
        c.retry.max_retries = 3;
        c.retry.base_delay = Duration::from_millis(1);
    });
    let err = client.provisioning().confirm("lpv_x").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Upstream);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn confirm_payment_failure_and_expired_token_codes() {
    let server = Recorder::start().await;
    server.respond(402, r#"{"status":"ERROR","message":"Card declined"}"#);
    server.respond(
        410,
        r#"{"status":"ERROR","message":"Preview token expired"}"#,
    );
    server.respond(403, r#"{"status":"ERROR","message":"Plan not eligible"}"#);
    let client = server.client();
    let p = client.provisioning();
    assert_eq!(
        p.confirm("a").await.unwrap_err().code(),
        ErrorCode::PaymentRequired
    );
    assert_eq!(
        p.confirm("b").await.unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert_eq!(p.preview().await.unwrap_err().code(), ErrorCode::Forbidden);
}

#[tokio::test]
async fn add_line_posts_ticket_request_and_reads_ticket() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":{"id":12345,"type":"PHONE","status":"OPEN","desiredAreaCode":"415","createdAt":"2026-03-02T19:00:00.000Z"}}"#,
    );
    let ticket = server
        .client()
        .provisioning()
        .add_line(&AddLineRequest::phone().desired_area_code("415"))
        .await
        .unwrap();
    assert_eq!(ticket.id, 12345);
    assert_eq!(ticket.request_type, Some(LineRequestType::Phone));
    assert_eq!(ticket.status, TicketStatus::Open);
    assert_eq!(ticket.desired_area_code.as_deref(), Some("415"));
    assert_eq!(
        ticket.created_at.as_deref(),
        Some("2026-03-02T19:00:00.000Z")
    );
    assert_eq!(ticket.fulfilled_number, None);
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/accounts/lines/add-line");
    assert_eq!(
        req.json(),
        json!({"line_request_type": "phone", "desired_area_code": "415"})
    );
    req.assert_authenticated();
}

#[tokio::test]
async fn add_line_without_area_code_and_bad_area_code() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":{"id":1,"type":"PHONE","status":"OPEN","createdAt":"x"}}"#,
    );
    let client = server.client();
    client
        .provisioning()
        .add_line(&AddLineRequest::phone())
        .await
        .unwrap();
    assert_eq!(
        server.only_request().json(),
        json!({"line_request_type": "phone"})
    );
    for bad in ["41", "4155", "abc", "941O1"] {
        let err = client
            .provisioning()
            .add_line(&AddLineRequest::phone().desired_area_code(bad))
            .await
            .unwrap_err();
        assert!(matches!(&err, Error::Validation { field, .. } if field == "desired_area_code"));
    }
    server.respond(
        200,
        r#"{"status":"OK","data":{"id":2,"type":"PHONE","status":"OPEN"}}"#,
    );
    client
        .provisioning()
        .add_line(&AddLineRequest::phone().desired_area_code("94107"))
        .await
        .unwrap();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[1].json()["desired_area_code"], json!("94107"));
}

#[tokio::test]
async fn line_request_gets_fulfilled_ticket() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":{"id":12345,"type":"PHONE","status":"FULFILLED","desiredAreaCode":"415","createdAt":"2026-03-01T10:00:00.000Z","fulfilledNumber":"+14155550188","fulfilledAt":"2026-03-02T10:00:00.000Z"}}"#,
    );
    let ticket = server
        .client()
        .provisioning()
        .line_request(12345)
        .await
        .unwrap();
    assert_eq!(ticket.status, TicketStatus::Fulfilled);
    assert_eq!(ticket.fulfilled_number.as_deref(), Some("+14155550188"));
    assert_eq!(
        ticket.fulfilled_at.as_deref(),
        Some("2026-03-02T10:00:00.000Z")
    );
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/accounts/lines/line-request/12345");
    assert_eq!(req.query, None);
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn line_request_of_another_account_is_forbidden_and_unknown_is_not_found() {
    let server = Recorder::start().await;
    server.respond(
        403,
        r#"{"status":"ERROR","message":"Ticket belongs to another account"}"#,
    );
    server.respond(404, r#"{"status":"ERROR","message":"Ticket not found"}"#);
    let client = server.client();
    assert_eq!(
        client
            .provisioning()
            .line_request(1)
            .await
            .unwrap_err()
            .code(),
        ErrorCode::Forbidden
    );
    assert_eq!(
        client
            .provisioning()
            .line_request(2)
            .await
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
}

#[test]
fn ticket_accepts_bare_snake_case_string_id_and_unknown_status() {
    let t: LineRequestTicket = serde_json::from_str(
        r#"{"id":"77","line_request_type":"phone","status":"ON_HOLD","desired_area_code":"212","created_at":"c","fulfilled_number":null,"queue":3}"#,
    )
    .unwrap();
    assert_eq!(t.id, 77);
    assert_eq!(t.request_type, Some(LineRequestType::Phone));
    assert_eq!(t.status, TicketStatus::Unknown("ON_HOLD".into()));
    assert_eq!(t.desired_area_code.as_deref(), Some("212"));
    assert_eq!(t.created_at.as_deref(), Some("c"));
    assert_eq!(t.extra.get("queue"), Some(&json!(3)));
    let cancelled: TicketStatus = serde_json::from_str("\"CANCELED\"").unwrap();
    assert_eq!(cancelled, TicketStatus::Cancelled);
}

#[tokio::test]
async fn line_request_accepts_a_bare_ticket() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"id":5,"type":"PHONE","status":"CANCELLED"}"#);
    let t = server
        .client()
        .provisioning()
        .line_request(5)
        .await
        .unwrap();
    assert_eq!(t.id, 5);
    assert_eq!(t.status, TicketStatus::Cancelled);
}

#[tokio::test]
async fn request_child_account_posts_fields_and_holds_secret() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":{"company_name":"Acme West","primary_email":"west@acme.test","api_key_id":"key_child_1","api_secret_key":"sk_child_SECRETVALUE","sendblue_number":"+14155550199"}}"#,
    );
    let request =
        ChildAccountRequest::new("Acme West", "west@acme.test", true).desired_area_code("415");
    let child = server
        .client()
        .provisioning()
        .request_child_account(&request)
        .await
        .unwrap();
    assert_eq!(child.status.as_deref(), Some("OK"));
    assert_eq!(child.company_name.as_deref(), Some("Acme West"));
    assert_eq!(child.primary_email.as_deref(), Some("west@acme.test"));
    assert_eq!(child.api_key_id.as_deref(), Some("key_child_1"));
    assert_eq!(
        child.api_secret_key.as_ref().map(|s| s.expose()),
        Some("sk_child_SECRETVALUE")
    );
    assert_eq!(child.sendblue_number.as_deref(), Some("+14155550199"));
    assert!(!format!("{child:?}").contains("SECRETVALUE"));
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/accounts/lines/request-child-account");
    assert_eq!(
        req.json(),
        json!({
            "company_name": "Acme West",
            "primary_email": "west@acme.test",
            "provision_line": true,
            "desired_area_code": "415"
        })
    );
    req.assert_authenticated();
}

#[tokio::test]
async fn request_child_account_accepts_flat_camel_case_answer() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","companyName":"Acme East","apiKeyId":"k2","apiSecretKey":"s2","sendblueNumber":null}"#,
    );
    let child = server
        .client()
        .provisioning()
        .request_child_account(&ChildAccountRequest::new("Acme East", "e@acme.test", false))
        .await
        .unwrap();
    assert_eq!(child.company_name.as_deref(), Some("Acme East"));
    assert_eq!(child.api_key_id.as_deref(), Some("k2"));
    assert_eq!(
        child.api_secret_key.as_ref().map(|s| s.expose()),
        Some("s2")
    );
    assert_eq!(child.sendblue_number, None);
    assert_eq!(
        server.only_request().json(),
        json!({"company_name": "Acme East", "primary_email": "e@acme.test", "provision_line": false})
    );
}

#[tokio::test]
async fn request_child_account_checks_locally_and_maps_403() {
    let server = Recorder::start().await;
    let client = server.client();
    let err = client
        .provisioning()
        .request_child_account(&ChildAccountRequest::new(" ", "e@acme.test", false))
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "company_name"));
    let err = client
        .provisioning()
        .request_child_account(
            &ChildAccountRequest::new("A", "e@acme.test", true).desired_area_code("94107"),
        )
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "desired_area_code"));
    assert!(server.requests().is_empty());
    server.respond(
        403,
        r#"{"status":"ERROR","message":"Agency permission required"}"#,
    );
    let err = client
        .provisioning()
        .request_child_account(&ChildAccountRequest::new("A", "e@acme.test", false))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Forbidden);
}
