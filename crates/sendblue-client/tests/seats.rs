//! Seats endpoints: the exact request sent, and the reference's answers decoded.

mod support;

use sendblue_client::models::seats::ListSeats;
use sendblue_client::ErrorCode;
use serde_json::json;
use support::Recorder;

const SEAT: &str = r#"{"seat_id":"5b0f6c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e","email":"rep@acme.test","first_name":"Robin","last_name":null,"account":"Acme","forwarding_number":"+14155550199","created_at":"2026-01-02T09:00:00.000Z"}"#;

#[tokio::test]
async fn list_sends_filters_and_reads_bare_array() {
    let server = Recorder::start().await;
    server.respond(200, &format!("[{SEAT}]"));
    let query = ListSeats {
        email: Some("rep@acme.test".into()),
        limit: Some(25),
        offset: Some(50),
    };
    let seats = server.client().seats().list(&query).await.unwrap();
    assert_eq!(seats.len(), 1);
    let s = &seats[0];
    assert_eq!(s.seat_id, "5b0f6c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e");
    assert_eq!(s.email.as_deref(), Some("rep@acme.test"));
    assert_eq!(s.first_name.as_deref(), Some("Robin"));
    assert_eq!(s.last_name, None);
    assert_eq!(s.account.as_deref(), Some("Acme"));
    assert_eq!(s.forwarding_number.as_deref(), Some("+14155550199"));
    assert_eq!(s.created_at.as_deref(), Some("2026-01-02T09:00:00.000Z"));
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/seats");
    assert_eq!(
        req.query_pairs(),
        vec![
            ("email".to_string(), "rep@acme.test".to_string()),
            ("limit".to_string(), "25".to_string()),
            ("offset".to_string(), "50".to_string()),
        ]
    );
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn list_accepts_wrapped_rows_and_keeps_unknown_fields() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","seats":[{"seat_id":"s1","email":"a@acme.test","role":"admin"}]}"#,
    );
    let seats = server
        .client()
        .seats()
        .list(&ListSeats::default())
        .await
        .unwrap();
    assert_eq!(seats[0].seat_id, "s1");
    assert_eq!(seats[0].extra.get("role"), Some(&json!("admin")));
    assert_eq!(server.only_request().query, None);
}

#[tokio::test]
async fn count_with_and_without_email() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"count": 7}"#);
    server.respond(200, r#"{"count": 1}"#);
    let client = server.client();
    assert_eq!(client.seats().count(None).await.unwrap(), 7);
    assert_eq!(
        client.seats().count(Some("rep@acme.test")).await.unwrap(),
        1
    );
    let reqs = server.requests();
    assert_eq!(reqs[0].method, "GET");
    assert_eq!(reqs[0].path, "/api/v2/seats/count");
    assert_eq!(reqs[0].query, None);
    assert_eq!(
        reqs[1].query_pairs(),
        vec![("email".to_string(), "rep@acme.test".to_string())]
    );
    reqs[1].assert_authenticated();
}

#[tokio::test]
async fn get_unwraps_seat_and_encodes_the_id() {
    let server = Recorder::start().await;
    server.respond(200, &format!(r#"{{"status":"OK","seat":{SEAT}}}"#));
    let seat = server.client().seats().get("auth0|user 1").await.unwrap();
    assert_eq!(seat.email.as_deref(), Some("rep@acme.test"));
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/seats/auth0%7Cuser%201");
    req.assert_authenticated();
}

#[tokio::test]
async fn unknown_seat_is_a_validation_error() {
    let server = Recorder::start().await;
    server.respond(400, r#"{"status":"ERROR","message":"Seat not found"}"#);
    let err = server.client().seats().get("nope").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert_eq!(err.upstream_message(), Some("Seat not found"));
}
