//! Reactions, read receipts and typing: the exact request sent, and the reference's answers
//! decoded.

mod support;

use sendblue_client::models::reactions::{MarkRead, SendReaction, TypingIndicator};
use sendblue_client::{ErrorCode, MessageStatus, Reaction};
use serde_json::json;
use support::Recorder;

#[tokio::test]
async fn reaction_posts_and_decodes() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{ "status": "OK", "message": "Reaction request sent", "message_handle": "5E1B7C2A-93D4-4F0B-A1C6-2D8E9F7A6B50", "reaction": "love" }"#,
    );
    let mut reaction = SendReaction::new(
        "+14155550100",
        "5E1B7C2A-93D4-4F0B-A1C6-2D8E9F7A6B50",
        Reaction::Love,
    );
    reaction.part_index = Some(1);
    let answer = server.client().reactions().send(&reaction).await.unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/send-reaction");
    assert_eq!(req.query, None);
    req.assert_authenticated();
    assert_eq!(
        req.json(),
        json!({
            "from_number": "+14155550100",
            "message_handle": "5E1B7C2A-93D4-4F0B-A1C6-2D8E9F7A6B50",
            "reaction": "love",
            "part_index": 1
        })
    );
    assert_eq!(answer.status.as_deref(), Some("OK"));
    assert_eq!(answer.message.as_deref(), Some("Reaction request sent"));
    assert_eq!(answer.reaction, Some(Reaction::Love));
}

#[tokio::test]
async fn reaction_without_part_index_and_emoji_reaction() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","message":"Reaction request sent","message_handle":"h","reaction":"🔥"}"#,
    );
    let r = SendReaction::new("+1", "h", Reaction::Unknown("🔥".into()));
    let answer = server.client().reactions().send(&r).await.unwrap();
    assert_eq!(
        server.only_request().json(),
        json!({"from_number": "+1", "message_handle": "h", "reaction": "🔥"})
    );
    assert_eq!(answer.reaction, Some(Reaction::Unknown("🔥".into())));
}

#[tokio::test]
async fn reaction_error_maps_to_validation_with_upstream_text() {
    let server = Recorder::start().await;
    server.respond(
        400,
        r#"{"status":"ERROR","message":"Invalid reaction. Must be one of: love, like, dislike, laugh, emphasize, question"}"#,
    );
    let e = server
        .client()
        .reactions()
        .send(&SendReaction::new(
            "+1",
            "h",
            Reaction::Unknown("wow".into()),
        ))
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert!(e
        .upstream_message()
        .unwrap()
        .starts_with("Invalid reaction."));
}

#[tokio::test]
async fn mark_read_posts_and_decodes() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","message":"Mark read request sent","number":"+14155550123"}"#,
    );
    let answer = server
        .client()
        .reactions()
        .mark_read(&MarkRead::new("+14155550123", "+14155550100"))
        .await
        .unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/mark-read");
    req.assert_authenticated();
    assert_eq!(
        req.json(),
        json!({"number": "+14155550123", "from_number": "+14155550100"})
    );
    assert_eq!(answer.message.as_deref(), Some("Mark read request sent"));
    assert_eq!(answer.number.as_deref(), Some("+14155550123"));
}

#[tokio::test]
async fn typing_start_posts_minimal_body_and_decodes_sdk_shape() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"number":"+14155550123","status":"SENT","error_message":null}"#,
    );
    let answer = server
        .client()
        .reactions()
        .typing(&TypingIndicator::start("+14155550123", "+14155550100"))
        .await
        .unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/send-typing-indicator");
    req.assert_authenticated();
    assert_eq!(
        req.json(),
        json!({"number": "+14155550123", "from_number": "+14155550100"})
    );
    assert_eq!(answer.status, Some(MessageStatus::Sent));
    assert_eq!(answer.number.as_deref(), Some("+14155550123"));
    assert_eq!(answer.error_message, None);
}

#[tokio::test]
async fn typing_stop_and_duration_and_older_answer_shape() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"QUEUED","status_code":200,"error_message":null,"number":"+14155550123"}"#,
    );
    let mut ind = TypingIndicator::stop("+14155550123", "+14155550100");
    ind.max_duration_ms = Some(300_000);
    let answer = server.client().reactions().typing(&ind).await.unwrap();
    assert_eq!(
        server.only_request().json(),
        json!({
            "number": "+14155550123",
            "from_number": "+14155550100",
            "state": "stop",
            "max_duration_ms": 300000
        })
    );
    assert_eq!(answer.status, Some(MessageStatus::Queued));
    assert_eq!(answer.status_code, Some(200));
}

#[tokio::test]
async fn typing_duration_is_checked_locally() {
    let server = Recorder::start().await;
    let client = server.client();
    for ms in [0u32, 300_001] {
        let mut ind = TypingIndicator::start("+1", "+2");
        ind.max_duration_ms = Some(ms);
        let e = client.reactions().typing(&ind).await.unwrap_err();
        assert_eq!(e.code(), ErrorCode::Validation, "{ms}");
    }
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn typing_without_conversation_keeps_upstream_message() {
    let server = Recorder::start().await;
    server.respond(
        400,
        r#"{"status":"ERROR","message":"No route mapping found for this number"}"#,
    );
    let e = server
        .client()
        .reactions()
        .typing(&TypingIndicator::start("+1", "+2"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert!(e.upstream_message().unwrap().contains("No route mapping"));
}
