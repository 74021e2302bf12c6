//! Messaging and history endpoints: the exact request sent, and the reference's answers decoded.

mod support;

use futures_util::TryStreamExt;
use sendblue_client::api::messages::CONTENT_MAX_CHARS;
use sendblue_client::models::message_list::{ListMessages, MessageOrderBy};
use sendblue_client::models::message_send::{
    AppCard, AppCardLayout, RequestLocation, SendCarousel, SendMessage, UpdateAppCard,
};
use sendblue_client::models::messages::{Numbers, ReplyTo};
use sendblue_client::{ErrorCode, MessageStatus, MessageType, OrderDirection, SendStyle, Service};
use serde_json::json;
use support::Recorder;

const SEND_EXAMPLE: &str = r#"{
  "account_email": "ops@acme.test",
  "content": "Your table is ready",
  "date_created": "2026-03-02T18:04:11.120Z",
  "date_updated": "2026-03-02T18:04:11.420Z",
  "error_code": null,
  "error_message": null,
  "from_number": "+14155550100",
  "is_outbound": true,
  "media_url": "",
  "message_handle": "3f1c2a9e-7b44-4d1a-9a0e-5c2d8e6f1b07",
  "message_type": "message",
  "number": "+14155550123",
  "send_style": "",
  "status": "QUEUED"
}"#;

const LIST_EXAMPLE: &str = r#"{
  "status": "OK",
  "data": [
    {
      "accountEmail": "ops@acme.test",
      "content": "Running 5 min late",
      "date_sent": "2026-03-02T18:20:41.000Z",
      "date_updated": "2026-03-02T18:20:41.050Z",
      "error_code": null, "error_detail": null, "error_message": null, "error_reason": null,
      "from_number": "+14155550123",
      "to_number": "+14155550100",
      "number": "+14155550123",
      "sendblue_number": "+14155550100",
      "group_id": "", "group_display_name": null, "participants": ["+14155550123", "+14155550100"],
      "is_outbound": false,
      "media_url": "",
      "message_handle": "5E1B7C2A-93D4-4F0B-A1C6-2D8E9F7A6B50",
      "message_type": "message",
      "opted_out": false,
      "plan": "dedicated",
      "send_style": "",
      "service": "iMessage",
      "status": "RECEIVED",
      "was_downgraded": null
    }
  ],
  "pagination": { "limit": 50, "offset": 0, "total": 1, "hasMore": false }
}"#;

#[tokio::test]
async fn send_posts_json_and_decodes_the_flat_message() {
    let server = Recorder::start().await;
    server.respond(200, SEND_EXAMPLE);
    let mut msg = SendMessage::text("+14155550123", "+14155550100", "Your table is ready");
    msg.send_style = Some(SendStyle::Slam);
    msg.status_callback = Some("https://hooks.acme.test/status".into());
    msg.reply_to = Some(ReplyTo::new("parent-1"));
    let sent = server.client().messages().send(&msg).await.unwrap();

    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/send-message");
    assert_eq!(req.query, None);
    assert_eq!(req.header("content-type"), Some("application/json"));
    req.assert_authenticated();
    assert_eq!(
        req.json(),
        json!({
            "number": "+14155550123",
            "from_number": "+14155550100",
            "content": "Your table is ready",
            "send_style": "slam",
            "status_callback": "https://hooks.acme.test/status",
            "reply_to": {"message_handle": "parent-1"}
        })
    );

    assert_eq!(sent.message_handle, "3f1c2a9e-7b44-4d1a-9a0e-5c2d8e6f1b07");
    assert_eq!(sent.status, MessageStatus::Queued);
    assert_eq!(sent.account_email.as_deref(), Some("ops@acme.test"));
    assert_eq!(
        sent.date_created.as_deref(),
        Some("2026-03-02T18:04:11.120Z")
    );
    assert_eq!(sent.number, Some(Numbers::One("+14155550123".into())));
    assert_eq!(sent.message_type, Some(MessageType::Message));
    assert_eq!(sent.is_outbound, Some(true));
    assert_eq!(sent.send_style, None, "\"\" reads as no style");
    assert_eq!(sent.error_code, None);
    assert!(sent.extra.is_empty());
}

#[tokio::test]
async fn send_with_app_card_serializes_camel_case_card() {
    let server = Recorder::start().await;
    server.respond(200, SEND_EXAMPLE);
    let mut msg = SendMessage::new("+14155550123", "+14155550100");
    let layout = AppCardLayout {
        caption: Some("Order #12".into()),
        image_url: Some("https://cdn.acme.test/a.png".into()),
        ..AppCardLayout::default()
    };
    let mut card = AppCard::new(
        "Acme",
        "com.acme.ext",
        "TEAM1",
        "https://acme.test/c",
        layout,
    );
    card.interactive = Some(false);
    msg.app_card = Some(card);
    server.client().messages().send(&msg).await.unwrap();
    assert_eq!(
        server.only_request().json()["app_card"],
        json!({
            "appName": "Acme", "extensionBundleId": "com.acme.ext", "teamId": "TEAM1",
            "url": "https://acme.test/c", "interactive": false,
            "layout": {"caption": "Order #12", "imageUrl": "https://cdn.acme.test/a.png"}
        })
    );
}

#[tokio::test]
async fn send_refuses_empty_and_overlong_messages_locally() {
    let server = Recorder::start().await;
    let client = server.client();
    let empty = SendMessage::new("+14155550123", "+14155550100");
    let e = client.messages().send(&empty).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);

    let long = "é".repeat(CONTENT_MAX_CHARS + 1);
    let e = client
        .messages()
        .send(&SendMessage::text("+1", "+2", long))
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert!(e.to_string().contains("18996"), "{e}");

    // Exactly the limit, counted in characters (not bytes), is allowed.
    let fits = "é".repeat(CONTENT_MAX_CHARS);
    server.respond(200, SEND_EXAMPLE);
    client
        .messages()
        .send(&SendMessage::text("+1", "+2", fits))
        .await
        .unwrap();
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn send_error_body_maps_to_validation() {
    let server = Recorder::start().await;
    server.respond(
        400,
        r#"{"status":"ERROR","message":"from_number is not registered"}"#,
    );
    let e = server
        .client()
        .messages()
        .send(&SendMessage::text("+14155550123", "+14155550999", "hi"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert_eq!(e.status(), Some(400));
    assert_eq!(e.upstream_message(), Some("from_number is not registered"));
}

#[tokio::test]
async fn legacy_send_answer_decodes_aliases_arrays_and_unknowns() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"accountEmail":"ops@acme.test","date_sent":"2020-01-01T00:00:00Z",
            "message_handle":"h1","status":"TELEPORTED","send_style":"zoom",
            "number":["+14155550123","+14155550124"],"to_number":["+14155550123"],
            "group_id":"g1","participants":[],"was_downgraded":false,"plan":"blue",
            "opted_out":false,"error_detail":null,"brand_new":{"x":1}}"#,
    );
    let m = server
        .client()
        .messages()
        .send(&SendMessage::text("+1", "+2", "x"))
        .await
        .unwrap();
    assert_eq!(m.account_email.as_deref(), Some("ops@acme.test"));
    assert_eq!(m.date_created.as_deref(), Some("2020-01-01T00:00:00Z"));
    assert_eq!(m.status, MessageStatus::Unknown("TELEPORTED".into()));
    assert_eq!(m.send_style, Some(SendStyle::Unknown("zoom".into())));
    let number = m.number.unwrap();
    assert_eq!(number.all(), vec!["+14155550123", "+14155550124"]);
    assert_eq!(number.first(), Some("+14155550123"));
    assert_eq!(m.group_id.as_deref(), Some("g1"));
    assert_eq!(m.plan.as_deref(), Some("blue"));
    assert_eq!(m.extra["brand_new"], json!({"x": 1}));
}

#[tokio::test]
async fn status_gets_by_handle() {
    let server = Recorder::start().await;
    server.respond(200, &SEND_EXAMPLE.replace("\"QUEUED\"", "\"DELIVERED\""));
    let m = server
        .client()
        .messages()
        .status("3f1c2a9e-7b44-4d1a-9a0e-5c2d8e6f1b07")
        .await
        .unwrap();
    assert_eq!(m.status, MessageStatus::Delivered);
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/status");
    assert_eq!(
        req.query_pairs(),
        vec![(
            "handle".into(),
            "3f1c2a9e-7b44-4d1a-9a0e-5c2d8e6f1b07".into()
        )]
    );
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn update_app_card_posts_to_encoded_handle() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"message_handle":"follow-1","status":"QUEUED","from_number":"+14155550100",
            "app_card":{"appName":"Acme","updateMessageHandle":"orig/1","sessionIdentifier":"s-1"}}"#,
    );
    let update = UpdateAppCard {
        fallback_text: Some("Updated".into()),
        idempotency_key: Some("k-1".into()),
        send_style: Some(SendStyle::Gentle),
        ..UpdateAppCard::default()
    };
    let m = server
        .client()
        .messages()
        .update_app_card("orig/1", &update)
        .await
        .unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/messages/orig%2F1/update-app-card");
    req.assert_authenticated();
    assert_eq!(
        req.json(),
        json!({"fallback_text": "Updated", "idempotency_key": "k-1", "send_style": "gentle"})
    );
    let card = m.app_card.unwrap();
    assert_eq!(card.update_message_handle.as_deref(), Some("orig/1"));
    assert_eq!(card.app_name.as_deref(), Some("Acme"));
    assert_eq!(m.message_handle, "follow-1");
}

#[tokio::test]
async fn carousel_posts_urls_and_decodes_202_answer() {
    let server = Recorder::start().await;
    server.respond(
        202,
        r#"{
  "status": "QUEUED",
  "accountEmail": "ops@acme.test",
  "message_handle": "c7d8e9f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
  "number": "+14155550123",
  "from_number": "+14155550100",
  "media_url": "https://cdn.acme.test/menu-1.jpg",
  "is_outbound": true,
  "message_type": "carousel"
}"#,
    );
    let urls = vec![
        "https://cdn.acme.test/menu-1.jpg".to_owned(),
        "https://cdn.acme.test/menu-2.jpg".to_owned(),
    ];
    let mut carousel = SendCarousel::new("+14155550123", "+14155550100", urls);
    carousel.metadata = Some(json!({"campaign": "spring"}));
    let m = server
        .client()
        .messages()
        .send_carousel(&carousel)
        .await
        .unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/send-carousel");
    req.assert_authenticated();
    assert_eq!(
        req.json(),
        json!({
            "number": "+14155550123",
            "from_number": "+14155550100",
            "media_urls": ["https://cdn.acme.test/menu-1.jpg", "https://cdn.acme.test/menu-2.jpg"],
            "metadata": {"campaign": "spring"}
        })
    );
    assert_eq!(m.message_type, Some(MessageType::Carousel));
    assert_eq!(m.account_email.as_deref(), Some("ops@acme.test"));
    assert_eq!(
        m.media_url.as_deref(),
        Some("https://cdn.acme.test/menu-1.jpg")
    );
}

#[tokio::test]
async fn carousel_image_count_is_checked_locally() {
    let server = Recorder::start().await;
    let client = server.client();
    for n in [0usize, 1, 21] {
        let urls = (0..n).map(|i| format!("https://x.test/{i}.jpg")).collect();
        let e = client
            .messages()
            .send_carousel(&SendCarousel::new("+1", "+2", urls))
            .await
            .unwrap_err();
        assert_eq!(e.code(), ErrorCode::Validation, "{n} images");
    }
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn evaluate_service_queries_number() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"number":"+14155550123","service":"iMessage"}"#);
    let answer = server
        .client()
        .messages()
        .evaluate_service("+14155550123")
        .await
        .unwrap();
    assert_eq!(answer.service, Service::IMessage);
    assert_eq!(answer.number.as_deref(), Some("+14155550123"));
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/evaluate-service");
    assert_eq!(req.query.as_deref(), Some("number=%2B14155550123"));
    req.assert_authenticated();
}

#[tokio::test]
async fn request_location_posts_both_numbers() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"QUEUED","message":"Location request sent","message_handle":"loc-1","uuid":"u-1","number":"+14155550123"}"#,
    );
    let answer = server
        .client()
        .messages()
        .request_location(&RequestLocation::new("+14155550100", "+14155550123"))
        .await
        .unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/request-location");
    req.assert_authenticated();
    assert_eq!(
        req.json(),
        json!({"from_number": "+14155550100", "number": "+14155550123"})
    );
    assert_eq!(answer.status.as_deref(), Some("QUEUED"));
    assert_eq!(answer.message_handle.as_deref(), Some("loc-1"));
    assert_eq!(answer.uuid.as_deref(), Some("u-1"));
}

#[tokio::test]
async fn list_sends_every_filter_and_decodes_the_page() {
    let server = Recorder::start().await;
    server.respond(200, LIST_EXAMPLE);
    let params = ListMessages {
        limit: Some(50),
        offset: Some(0),
        order_by: Some(MessageOrderBy::SentAt),
        order_direction: Some(OrderDirection::Desc),
        status: Some(MessageStatus::Received),
        service: Some(Service::Rcs),
        is_outbound: Some(false),
        message_type: Some(MessageType::Group),
        number: Some("+14155550123".into()),
        from_number: Some("+14155550124".into()),
        to_number: Some("+14155550100".into()),
        sendblue_number: Some("+14155550100".into()),
        group_id: Some("g1".into()),
        account_email: Some("ops@acme.test".into()),
        created_at_gte: Some("2026-03-01T00:00:00Z".into()),
        created_at_lte: Some("2026-03-02T00:00:00Z".into()),
        sent_at_gte: Some("2026-03-01T01:00:00Z".into()),
        sent_at_lte: Some("2026-03-02T01:00:00Z".into()),
        updated_at_gte: Some("2026-03-01T02:00:00Z".into()),
        updated_at_lte: Some("2026-03-02T02:00:00Z".into()),
        worker_id: Some("w1".into()),
    };
    let page = server.client().messages().list(&params).await.unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/messages");
    req.assert_authenticated();
    let pairs: Vec<(String, String)> = req.query_pairs();
    let expected: Vec<(&str, &str)> = vec![
        ("limit", "50"),
        ("offset", "0"),
        ("order_by", "sentAt"),
        ("order_direction", "desc"),
        ("status", "RECEIVED"),
        ("service", "RCS"),
        ("is_outbound", "false"),
        ("message_type", "group"),
        ("number", "+14155550123"),
        ("from_number", "+14155550124"),
        ("to_number", "+14155550100"),
        ("sendblue_number", "+14155550100"),
        ("group_id", "g1"),
        ("account_email", "ops@acme.test"),
        ("created_at_gte", "2026-03-01T00:00:00Z"),
        ("created_at_lte", "2026-03-02T00:00:00Z"),
        ("sent_at_gte", "2026-03-01T01:00:00Z"),
        ("sent_at_lte", "2026-03-02T01:00:00Z"),
        ("updated_at_gte", "2026-03-01T02:00:00Z"),
        ("updated_at_lte", "2026-03-02T02:00:00Z"),
        ("worker_id", "w1"),
    ];
    let expected: Vec<(String, String)> = expected
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    assert_eq!(pairs, expected);
    // `+` must travel encoded, never as a space.
    assert!(req.query.unwrap().contains("number=%2B14155550123"));

    let p = page.pagination.clone().unwrap();
    assert_eq!((p.limit, p.offset, p.total, p.has_more), (50, 0, 1, false));
    let row = &page.data[0];
    assert_eq!(row.account_email, "ops@acme.test");
    assert_eq!(row.date_sent, "2026-03-02T18:20:41.000Z");
    assert_eq!(row.message_handle, "5E1B7C2A-93D4-4F0B-A1C6-2D8E9F7A6B50");
    assert_eq!(row.status, MessageStatus::Received);
    assert_eq!(row.service, Some(Service::IMessage));
    assert_eq!(row.send_style, None);
    assert_eq!(row.participants, vec!["+14155550123", "+14155550100"]);
    assert_eq!(row.sendblue_number.as_deref(), Some("+14155550100"));
    assert!(!row.is_outbound);
    assert_eq!(row.was_downgraded, None);
    assert_eq!(row.plan.as_deref(), Some("dedicated"));
}

#[tokio::test]
async fn is_outbound_travels_as_true_string_and_empty_query_is_bare() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"status":"OK","data":[],"pagination":{"limit":100,"offset":0,"total":0,"hasMore":false}}"#);
    server.respond(200, r#"{"status":"OK","data":null}"#);
    let client = server.client();
    let params = ListMessages {
        is_outbound: Some(true),
        ..ListMessages::default()
    };
    client.messages().list(&params).await.unwrap();
    let page = client
        .messages()
        .list(&ListMessages::default())
        .await
        .unwrap();
    assert!(page.data.is_empty());
    let reqs = server.requests();
    assert_eq!(reqs[0].query.as_deref(), Some("is_outbound=true"));
    assert_eq!(reqs[1].query, None);
}

#[tokio::test]
async fn updated_since_builds_the_gap_repair_query() {
    let server = Recorder::start().await;
    server.respond(200, LIST_EXAMPLE);
    let params = ListMessages::updated_since("2026-03-02T18:00:00.000Z");
    server.client().messages().list(&params).await.unwrap();
    assert_eq!(
        server.only_request().query_pairs(),
        vec![
            ("order_by".to_owned(), "updated_at".to_owned()),
            ("order_direction".to_owned(), "asc".to_owned()),
            (
                "updated_at_gte".to_owned(),
                "2026-03-02T18:00:00.000Z".to_owned()
            ),
        ]
    );
}

fn rows(handles: &[&str]) -> String {
    let rows: Vec<_> = handles
        .iter()
        .map(|h| json!({"message_handle": h, "status": "SENT", "accountEmail": "a@b.test"}))
        .collect();
    serde_json::to_string(&rows).unwrap()
}

#[tokio::test]
async fn list_all_walks_pages_until_has_more_is_false() {
    let server = Recorder::start().await;
    server.respond(
        200,
        &format!(
            r#"{{"status":"OK","data":{},"pagination":{{"limit":2,"offset":0,"total":5,"hasMore":true}}}}"#,
            rows(&["m1", "m2"])
        ),
    );
    server.respond(
        200,
        &format!(
            r#"{{"status":"OK","data":{},"pagination":{{"limit":2,"offset":2,"total":5,"hasMore":true}}}}"#,
            rows(&["m3", "m4"])
        ),
    );
    server.respond(
        200,
        &format!(
            r#"{{"status":"OK","data":{},"pagination":{{"limit":2,"offset":4,"total":5,"hasMore":false}}}}"#,
            rows(&["m5"])
        ),
    );
    let params = ListMessages {
        limit: Some(2),
        sendblue_number: Some("+14155550100".into()),
        ..ListMessages::default()
    };
    let all: Vec<_> = server
        .client()
        .messages()
        .list_all(params)
        .try_collect()
        .await
        .unwrap();
    let handles: Vec<_> = all.iter().map(|m| m.message_handle.as_str()).collect();
    assert_eq!(handles, vec!["m1", "m2", "m3", "m4", "m5"]);
    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    let offsets: Vec<Option<String>> = reqs
        .iter()
        .map(|r| {
            r.query_pairs()
                .into_iter()
                .find(|(k, _)| k == "offset")
                .map(|(_, v)| v)
        })
        .collect();
    assert_eq!(offsets, vec![None, Some("2".into()), Some("4".into())]);
    assert!(reqs
        .iter()
        .all(|r| r.query_pairs().contains(&("limit".into(), "2".into()))));
}

#[tokio::test]
async fn pages_stop_on_a_short_page_even_if_has_more_says_otherwise() {
    let server = Recorder::start().await;
    server.respond(
        200,
        &format!(
            r#"{{"status":"OK","data":{},"pagination":{{"limit":3,"offset":0,"total":9,"hasMore":true}}}}"#,
            rows(&["m1", "m2"])
        ),
    );
    let pages: Vec<_> = server
        .client()
        .messages()
        .pages(ListMessages {
            limit: Some(3),
            ..ListMessages::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn list_all_ends_with_the_first_error() {
    let server = Recorder::start().await;
    server.respond(
        200,
        &format!(
            r#"{{"status":"OK","data":{},"pagination":{{"limit":1,"offset":0,"total":3,"hasMore":true}}}}"#,
            rows(&["m1"])
        ),
    );
    server.respond(429, r#"{"status":"ERROR","message":"Rate limit exceeded"}"#);
    let result: Result<Vec<_>, _> = server
        .client()
        .messages()
        .list_all(ListMessages {
            limit: Some(1),
            ..ListMessages::default()
        })
        .try_collect()
        .await;
    assert_eq!(result.unwrap_err().code(), ErrorCode::RateLimited);
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn get_unwraps_data_and_accepts_snake_case_names() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":{"account_email":"ops@acme.test","date_created":"2026-03-02T18:20:41.000Z",
            "message_handle":"5E1B7C2A","status":"DELIVERED","content":null,"participants":null,
            "send_style":"confetti","service":"sms","is_outbound":true,"sendblue_number":"+14155550100"}}"#,
    );
    let m = server.client().messages().get("5E1B7C2A").await.unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/messages/5E1B7C2A");
    req.assert_authenticated();
    assert_eq!(m.account_email, "ops@acme.test");
    assert_eq!(m.date_sent, "2026-03-02T18:20:41.000Z");
    assert_eq!(m.content, "");
    assert!(m.participants.is_empty());
    assert_eq!(m.send_style, Some(SendStyle::Confetti));
    assert_eq!(m.service, Some(Service::Sms));
    assert_eq!(m.status, MessageStatus::Delivered);
}

#[tokio::test]
async fn get_unknown_message_maps_to_not_found() {
    let server = Recorder::start().await;
    server.respond(404, r#"{"status":"ERROR","message":"Message not found"}"#);
    let e = server.client().messages().get("nope").await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
}

#[tokio::test]
async fn delete_uses_the_v1_path_and_decodes_ok() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"status":"OK","message":"Message deleted"}"#);
    let answer = server
        .client()
        .messages()
        .delete("3f1c2a9e-7b44 4d1a")
        .await
        .unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "DELETE");
    assert_eq!(req.path, "/api/message/3f1c2a9e-7b44%204d1a");
    assert!(req.body.is_empty());
    req.assert_authenticated();
    assert_eq!(answer.status.as_deref(), Some("OK"));
    assert_eq!(answer.message.as_deref(), Some("Message deleted"));
}

#[tokio::test]
async fn sends_are_not_retried_after_a_server_error() {
    let server = Recorder::start().await;
    server.respond(503, r#"{"status":"ERROR","message":"busy"}"#);
    server.respond(200, SEND_EXAMPLE);
    let client = server.client_with(|c| {
        c.retry.max_retries = 2;
        c.retry.base_delay = std::time::Duration::from_millis(1);
    });
    let e = client
        .messages()
        .send(&SendMessage::text("+1", "+2", "hi"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Upstream);
    assert_eq!(server.requests().len(), 1);
}
