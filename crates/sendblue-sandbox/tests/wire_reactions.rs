//! Reactions, read receipts and typing indicators on the wire (§6): exact documented error
//! messages, answer shapes, the per-line read-receipt flag and the `No route mapping` case.

mod support;

use serde_json::{json, Value};
use support::{assert_error, assert_keys, Sandbox, V1_LINE, V2_LINE};

#[tokio::test]
async fn reactions_on_imessage_messages() {
    let sb = Sandbox::start().await;
    let outbound = sb.send_text("+14155550122", V2_LINE, "hello").await;
    let r = sb
        .post(
            "/api/send-reaction",
            json!({"from_number": V2_LINE, "message_handle": outbound, "reaction": "love"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.body,
        json!({"status": "OK", "message": "Reaction request sent", "message_handle": outbound, "reaction": "love"})
    );
    let inbound = sb.inbound_ok("+14155550122", V2_LINE, "See you!").await;
    for reaction in [
        "like",
        "dislike",
        "laugh",
        "emphasize",
        "question",
        "🔥",
        "-love",
        "-🔥",
    ] {
        let r = sb
            .post(
                "/api/send-reaction",
                json!({"from_number": V2_LINE, "message_handle": inbound, "reaction": reaction,
                       "part_index": 0, "number": "+14155550122"}),
            )
            .await;
        assert_eq!(r.status, 200, "{reaction}: {}", r.body);
        assert_eq!(r.body["reaction"], reaction);
    }
}

#[tokio::test]
async fn reaction_errors_use_the_documented_messages() {
    let sb = Sandbox::start().await;
    let imessage = sb.send_text("+14155550122", V2_LINE, "hello").await;
    let sms = sb.send_text("+14155550123", V2_LINE, "hello").await;
    let on_v1 = sb.send_text("+14155550124", V1_LINE, "hello").await;
    let post = |body: Value| sb.post("/api/send-reaction", body);
    let from = "You must specify a valid `from_number` in the request body.";
    assert_error(
        &post(json!({"message_handle": imessage, "reaction": "love"})).await,
        400,
        from,
    );
    assert_error(
        &post(json!({"from_number": "415", "message_handle": imessage, "reaction": "love"})).await,
        400,
        from,
    );
    assert_error(
        &post(json!({"from_number": V2_LINE, "reaction": "love"})).await,
        400,
        "You must specify `message_handle` in the request body.",
    );
    for reaction in [json!("heart"), json!("Love"), json!(""), json!(3)] {
        assert_error(
            &post(
                json!({"from_number": V2_LINE, "message_handle": imessage, "reaction": reaction}),
            )
            .await,
            400,
            "Invalid reaction. Must be one of: love, like, dislike, laugh, emphasize, question",
        );
    }
    for part in [json!(-1), json!("a"), json!(1.5)] {
        assert_error(
            &post(json!({"from_number": V2_LINE, "message_handle": imessage, "reaction": "love", "part_index": part})).await,
            400,
            "`part_index` must be a non-negative integer.",
        );
    }
    assert_error(
        &post(
            json!({"from_number": "+14155550199", "message_handle": imessage, "reaction": "love"}),
        )
        .await,
        400,
        "The from_number is not registered",
    );
    assert_error(
        &post(json!({"from_number": V2_LINE, "message_handle": "nope", "reaction": "love"})).await,
        404,
        "Message not found",
    );
    assert_error(
        &post(json!({"from_number": V2_LINE, "message_handle": sms, "reaction": "love"})).await,
        400,
        "Reactions are only available for iMessage messages",
    );
    assert_eq!(
        post(json!({"from_number": V2_LINE, "message_handle": on_v1, "reaction": "love"}))
            .await
            .status,
        400,
        "the message is on another line"
    );
}

#[tokio::test]
async fn mark_read_follows_the_line_flag() {
    let sb = Sandbox::start().await;
    sb.send_text("+14155550122", V2_LINE, "hello").await;
    let r = sb
        .post(
            "/api/mark-read",
            json!({"number": "+14155550122", "from_number": V2_LINE}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.body,
        json!({"status": "OK", "message": "Mark read request sent", "number": "+14155550122"})
    );
    assert_error(
        &sb.post(
            "/api/mark-read",
            json!({"number": "+14155550122", "from_number": V1_LINE}),
        )
        .await,
        400,
        "Read receipts are not enabled for this line",
    );
    assert_error(
        &sb.post(
            "/api/mark-read",
            json!({"number": "+14155550122", "from_number": "+14155550102"}),
        )
        .await,
        400,
        "Read receipts are not enabled for this line",
    );
    assert_error(
        &sb.post("/api/mark-read", json!({"from_number": V2_LINE}))
            .await,
        400,
        "You must specify a `number` in the request body.",
    );
    assert_error(
        &sb.post("/api/mark-read", json!({"number": "+14155550122"}))
            .await,
        400,
        "You must specify a valid `from_number` in the request body.",
    );
    assert_error(
        &sb.post(
            "/api/mark-read",
            json!({"number": "+14155550122", "from_number": "+14155550199"}),
        )
        .await,
        400,
        "The from_number is not registered",
    );
    let sms = sb
        .post(
            "/api/mark-read",
            json!({"number": "+14155550123", "from_number": V2_LINE}),
        )
        .await;
    assert_eq!(sms.status, 400, "SMS conversations have no read receipts");
    let rcs = sb
        .post(
            "/api/mark-read",
            json!({"number": "+14155550129", "from_number": V2_LINE}),
        )
        .await;
    assert_eq!(rcs.status, 200, "RCS has read receipts");
}

#[tokio::test]
async fn typing_indicator_answers_the_sdk_shape() {
    let sb = Sandbox::start().await;
    let post = |body: Value| sb.post("/api/send-typing-indicator", body);
    let none = post(json!({"number": "+14155550122", "from_number": V2_LINE})).await;
    assert_eq!(none.status, 200);
    assert_keys(&none.body, &["number", "status", "error_message"]);
    assert_eq!(none.body["status"], "ERROR");
    assert!(none.body["error_message"]
        .as_str()
        .unwrap()
        .contains("No route mapping"));

    sb.send_text("+14155550122", V2_LINE, "hello").await;
    let ok = post(json!({"number": "+14155550122", "from_number": V2_LINE})).await;
    assert_eq!(
        ok.body,
        json!({"number": "+14155550122", "status": "SENT", "error_message": null})
    );
    let implicit = post(json!({"number": "+14155550122", "state": "stop"})).await;
    assert_eq!(
        implicit.body["status"], "SENT",
        "the contact's line is used"
    );
    let longest =
        post(json!({"number": "+14155550122", "from_number": V2_LINE, "max_duration_ms": 300000}))
            .await;
    assert_eq!(longest.body["status"], "SENT");
    for ms in [json!(0), json!(300001), json!("60s")] {
        let r =
            post(json!({"number": "+14155550122", "from_number": V2_LINE, "max_duration_ms": ms}))
                .await;
        assert_eq!(r.status, 400, "{ms}");
    }
    assert_eq!(
        post(json!({"number": "+14155550122", "from_number": V2_LINE, "state": "pause"}))
            .await
            .status,
        400
    );
    assert_error(
        &post(json!({"from_number": V2_LINE})).await,
        400,
        "You must specify a `number` in the request body.",
    );
    assert_error(
        &post(json!({"number": "+14155550122", "from_number": "+14155550199"})).await,
        400,
        "The from_number is not registered",
    );
    assert_eq!(
        post(json!({"number": "+14155550122", "group_id": "g1", "from_number": V2_LINE}))
            .await
            .status,
        400
    );
    let unknown = post(json!({"number": "+14155550188"})).await;
    assert_eq!(unknown.body["status"], "ERROR");
    assert!(unknown.body["error_message"]
        .as_str()
        .unwrap()
        .contains("No route mapping"));
    sb.send_text("+14155550123", V2_LINE, "hello").await;
    let sms = post(json!({"number": "+14155550123", "from_number": V2_LINE})).await;
    assert_eq!(sms.body["status"], "ERROR", "SMS has no typing bubble");
}
