//! Messaging on the wire (§4.1, §4.4, §4.8): raw JSON shapes, status codes and error bodies
//! of send-message, status and evaluate-service, and the status engine's steps. Carousels are
//! in `wire_carousel.rs`, simulated people and opt-out in `wire_people.rs`.

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::setup::text;
use support::shapes::RESPONSE_KEYS;
use support::{assert_error, assert_keys, Sandbox, V1_LINE, V2_LINE};

#[tokio::test]
async fn send_message_answers_the_flat_queued_message() {
    let sb = Sandbox::start().await;
    let r = sb
        .send(text("+14155550122", V2_LINE, "Your table is ready"))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let m = &r.body;
    assert_keys(m, &RESPONSE_KEYS);
    assert_eq!(m["status"], "QUEUED");
    assert_eq!(m["message_type"], "message");
    assert_eq!(m["account_email"], "ops@sandbox.sendblue.test");
    assert_eq!(m["content"], "Your table is ready");
    assert_eq!(m["from_number"], V2_LINE);
    assert_eq!(m["number"], "+14155550122");
    assert_eq!(m["to_number"], "+14155550122");
    assert_eq!(m["is_outbound"], true);
    assert_eq!(m["media_url"], "");
    assert_eq!(m["send_style"], "");
    assert_eq!(m["service"], "iMessage");
    assert_eq!(m["was_downgraded"], false);
    assert_eq!(m["error_code"], Value::Null);
    assert_eq!(m["error_message"], Value::Null);
    assert_eq!(m["group_id"], "");
    assert_eq!(m["participants"], json!([]));
    assert_eq!(m["opted_out"], false);
    assert_eq!(m["plan"], "inbound_only");
    let handle = m["message_handle"].as_str().unwrap();
    assert_eq!(handle.len(), 36);
    assert_eq!(handle, handle.to_lowercase());
    let created = m["date_created"].as_str().unwrap();
    assert!(created.ends_with('Z') && created.len() == 24, "{created}");
    assert_eq!(m["date_updated"], m["date_created"]);
}

#[tokio::test]
async fn send_message_validation_uses_the_documented_400s() {
    let sb = Sandbox::start().await;
    let cases: Vec<(Value, &str)> = vec![
        (
            json!({"from_number": V2_LINE, "content": "x"}),
            "Missing required field: number",
        ),
        (
            json!({"number": "4155550122", "from_number": V2_LINE, "content": "x"}),
            "Invalid phone number in number: use E.164 format, for example +14155550123",
        ),
        (
            json!({"number": "+14155550122", "content": "x"}),
            "Missing required field: from_number",
        ),
        (
            text("+14155550122", "+14155550199", "x"),
            "The from_number is not registered",
        ),
        (
            json!({"number": "+14155550122", "from_number": V2_LINE}),
            "Missing required field: content (send content, media_url or app_card)",
        ),
        (
            json!({"number": "+14155550122", "from_number": V2_LINE, "media_url": "http://cdn.acme.com/a.jpg"}),
            "media_url must be a valid https:// URL",
        ),
        (
            json!({"number": "+14155550122", "from_number": V2_LINE, "content": "x", "status_callback": "ftp://hooks.acme.com/s"}),
            "status_callback must be a valid https:// URL",
        ),
        (
            json!({"number": "+14155550122", "from_number": V2_LINE, "content": "x", "seat_id": "seat_1"}),
            "Unknown seat_id",
        ),
    ];
    for (body, message) in cases {
        assert_error(&sb.send(body.clone()).await, 400, message);
    }
    let bad_style = sb.send(json!({"number": "+14155550122", "from_number": V2_LINE, "content": "x", "send_style": "sparkle"}),
    )
    .await;
    assert_eq!(bad_style.status, 400);
    assert!(bad_style.body["message"].as_str().unwrap().contains("slam"));

    let long = "a".repeat(18_997);
    let too_long = sb.send(text("+14155550122", V2_LINE, &long)).await;
    assert_eq!(too_long.status, 400);
    assert!(too_long.body["message"].as_str().unwrap().contains("18996"));
    let at_limit = sb.send(text("+14155550122", V2_LINE, &long[1..])).await;
    assert_eq!(at_limit.status, 200);

    // Plain HTTP is fine on loopback; every one of the 13 styles is accepted.
    for style in [
        "celebration",
        "shooting_star",
        "fireworks",
        "lasers",
        "love",
        "confetti",
        "balloons",
        "spotlight",
        "echo",
        "invisible",
        "gentle",
        "loud",
        "slam",
    ] {
        let ok = sb
            .send(
                json!({"number": "+14155550122", "from_number": V2_LINE, "content": "x",
                   "send_style": style, "statusCallback": "http://127.0.0.1:9/cb"}),
            )
            .await;
        assert_eq!(ok.status, 200, "{style}: {}", ok.body);
        assert_eq!(ok.body["send_style"], style);
    }
}

#[tokio::test]
async fn app_cards_need_a_v2_line_and_an_imessage_recipient() {
    let sb = Sandbox::start().await;
    let card = json!({"appName": "Acme", "extensionBundleId": "com.acme.ext", "teamId": "TEAM1",
                      "url": "https://acme.com/card", "layout": {"caption": "Hi"}});
    let on_v1 = sb
        .send(json!({"number": "+14155550122", "from_number": V1_LINE, "app_card": card}))
        .await;
    assert_error(
        &on_v1,
        400,
        "App Cards can only be sent from a V2 (Mac) line",
    );
    let to_sms = sb
        .send(json!({"number": "+14155550123", "from_number": V2_LINE, "app_card": card}))
        .await;
    assert_eq!(to_sms.status, 400);
    let ok = sb
        .send(json!({"number": "+14155550122", "from_number": V2_LINE, "app_card": card}))
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.body["app_card"]["appName"], "Acme");
    assert!(ok.body["app_card"]["sessionIdentifier"].is_string());
    let missing = sb.send(json!({"number": "+14155550122", "from_number": V2_LINE, "app_card": {"appName": "Acme"}}),
    )
    .await;
    assert_error(
        &missing,
        400,
        "Missing required field: app_card.extensionBundleId",
    );
}

#[tokio::test]
async fn the_service_follows_the_documented_number_rule() {
    let sb = Sandbox::start().await;
    let sms = sb.send(json!({"number": "+14155550123", "from_number": V2_LINE, "content": "x", "send_style": "slam"}),
    )
    .await;
    assert_eq!(sms.body["service"], "SMS");
    assert_eq!(sms.body["was_downgraded"], true);
    assert_eq!(sms.body["send_style"], "", "styles are dropped on SMS");
    let rcs = sb.send(text("+14155550129", V2_LINE, "x")).await;
    assert_eq!(rcs.body["service"], "RCS");
    assert_eq!(rcs.body["was_downgraded"], false);
    let classic = sb.send(text("+14155550129", V1_LINE, "x")).await;
    assert_eq!(classic.body["service"], "SMS");
    assert_eq!(classic.body["was_downgraded"], true);

    for (number, service) in [
        ("%2B14155550122", "iMessage"),
        ("+14155550122", "iMessage"),
        ("%2B14155550129", "SMS"),
        ("dana%40icloud.com", "iMessage"),
        ("dana%40acme.com", "SMS"),
    ] {
        let r = sb
            .get(&format!("/api/evaluate-service?number={number}"))
            .await;
        assert_eq!(r.status, 200, "{number}: {}", r.body);
        assert_keys(&r.body, &["number", "service"]);
        assert_eq!(r.body["service"], service, "{number}");
    }
    let r = sb.get("/api/evaluate-service?number=+14155550122").await;
    assert_eq!(
        r.body["number"], "+14155550122",
        "an unencoded + is not a space"
    );
    assert_error(
        &sb.get("/api/evaluate-service").await,
        400,
        "Missing required field: number",
    );
    assert_eq!(
        sb.get("/api/evaluate-service?number=hello").await.status,
        400
    );
}

#[tokio::test]
async fn statuses_advance_one_step_per_tick_with_events() {
    let sb = Sandbox::start().await;
    let mut events = sb.running.state().notifier.subscribe();
    let r = sb.send(text("+14155550122", V2_LINE, "hello")).await;
    let handle = r.body["message_handle"].as_str().unwrap().to_owned();
    let delivered = sb.wait_status(&handle, "DELIVERED").await;
    assert_keys(&delivered, &RESPONSE_KEYS);
    assert!(delivered["date_updated"].as_str() > delivered["date_created"].as_str());
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(sb.status_of(&handle).await["status"], "DELIVERED", "final");

    let mut seen = Vec::new();
    while let Ok(event) = events.try_recv() {
        if event.data["message_id"] == handle.as_str() {
            seen.push((event.event_type.clone(), event.data.clone()));
        }
    }
    let kinds: Vec<(&str, &str)> = seen
        .iter()
        .map(|(t, d)| (t.as_str(), d["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("message.created", "QUEUED"),
            ("message.updated", "SENT"),
            ("message.updated", "DELIVERED"),
        ]
    );
    assert_keys(
        &seen[0].1,
        &[
            "message_id",
            "is_outbound",
            "status",
            "number",
            "sendblue_number",
        ],
    );
    assert_keys(
        &seen[2].1,
        &[
            "message_id",
            "status",
            "updated_at",
            "number",
            "sendblue_number",
            "is_outbound",
            "error_code",
            "error_message",
        ],
    );
    assert_eq!(seen[2].1["sendblue_number"], V2_LINE);
    assert_eq!(seen[2].1["number"], "+14155550122");
}

#[tokio::test]
async fn numbers_ending_in_0666_fail_with_10001() {
    let sb = Sandbox::start().await;
    let r = sb.send(text("+14155550666", V2_LINE, "hello")).await;
    assert_eq!(r.body["status"], "QUEUED");
    let handle = r.body["message_handle"].as_str().unwrap();
    let failed = sb.wait_status(handle, "ERROR").await;
    assert_eq!(failed["error_code"], 10001);
    assert_eq!(failed["error_message"], "Message failed to send");
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(sb.status_of(handle).await["status"], "ERROR");
}

#[tokio::test]
async fn status_by_query_and_path_with_400_and_404() {
    let sb = Sandbox::start().await;
    let r = sb.send(text("+14155550122", V2_LINE, "hello")).await;
    let handle = r.body["message_handle"].as_str().unwrap();
    let by_path = sb.get(&format!("/api/status/{handle}")).await;
    assert_eq!(by_path.status, 200);
    assert_eq!(by_path.body["message_handle"], handle);
    assert_keys(&by_path.body, &RESPONSE_KEYS);
    assert_error(
        &sb.get("/api/status").await,
        400,
        "Missing required field: handle",
    );
    assert_error(
        &sb.get("/api/status?handle=").await,
        400,
        "Missing required field: handle",
    );
    assert_error(
        &sb.get("/api/status?handle=nope").await,
        404,
        "Message not found",
    );
    assert_error(&sb.get("/api/status/nope").await, 404, "Message not found");
}
