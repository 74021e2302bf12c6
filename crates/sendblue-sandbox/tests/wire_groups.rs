//! Groups on the wire: send-group-message (§4.2), create-group (§4.3), modify-group (§4.5)
//! and `GET /api/v2/groups/{id}` (§8.1), with raw JSON shapes and error bodies. Renaming and
//! photos are in `wire_groups_v2.rs`.

mod support;

use serde_json::{json, Value};
use support::shapes::RESPONSE_KEYS;
use support::{assert_coded, assert_error, assert_keys, Sandbox, V1_LINE, V2_LINE};

#[tokio::test]
async fn group_send_creates_or_reuses_the_group() {
    let sb = Sandbox::start().await;
    let numbers = json!(["+14155550122", "+14155550124"]);
    let r = sb
        .post(
            "/api/send-group-message",
            json!({"from_number": V2_LINE, "numbers": numbers, "content": "Standup moved to 10:30",
                   "send_style": "confetti", "status_callback": "https://hooks.acme.com/s"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_keys(&r.body, &RESPONSE_KEYS);
    assert_eq!(r.body["message_type"], "group");
    assert_eq!(r.body["status"], "QUEUED");
    assert_eq!(r.body["number"], "+14155550122");
    assert_eq!(r.body["service"], "iMessage");
    assert_eq!(r.body["send_style"], "confetti");
    assert_eq!(
        r.body["participants"],
        json!(["+14155550122", "+14155550124", V2_LINE])
    );
    let group_id = r.body["group_id"].as_str().unwrap().to_owned();
    assert_eq!(group_id.len(), 36);

    let same = sb
        .post(
            "/api/send-group-message",
            json!({"from_number": V2_LINE, "numbers": ["+14155550124", "+14155550122"], "content": "again"}),
        )
        .await;
    assert_eq!(
        same.body["group_id"],
        group_id.as_str(),
        "same people, same group"
    );
    let by_id = sb
        .post(
            "/api/send-group-message",
            json!({"from_number": V2_LINE, "group_id": group_id, "media_url": "https://cdn.acme.com/a.png"}),
        )
        .await;
    assert_eq!(by_id.status, 200, "media only is fine: {}", by_id.body);
    assert_eq!(by_id.body["group_id"], group_id.as_str());
    let info = sb.get(&format!("/api/v2/groups/{group_id}")).await;
    assert_eq!(
        info.body["data"]["latest_message_id"],
        by_id.body["message_handle"]
    );

    let sms = sb
        .post(
            "/api/send-group-message",
            json!({"from_number": V2_LINE, "numbers": ["+14155550122", "+14155550123"], "content": "x"}),
        )
        .await;
    assert_eq!(sms.body["service"], "SMS");
    assert_ne!(sms.body["group_id"], group_id.as_str());
}

#[tokio::test]
async fn group_send_validation() {
    let sb = Sandbox::start().await;
    let post = |body: Value| sb.post("/api/send-group-message", body);
    assert_error(
        &post(json!({"numbers": ["+14155550122", "+14155550124"], "content": "x"})).await,
        400,
        "Missing required field: from_number",
    );
    assert_error(
        &post(json!({"from_number": "+14155550199", "numbers": ["+14155550122", "+14155550124"], "content": "x"})).await,
        400,
        "The from_number is not registered",
    );
    assert_error(
        &post(json!({"from_number": V2_LINE, "content": "x"})).await,
        400,
        "Missing required field: numbers or group_id",
    );
    assert_error(
        &post(json!({"from_number": V2_LINE, "numbers": ["+14155550122", "+14155550124"]})).await,
        400,
        "Missing required field: content (send content or media_url)",
    );
    assert_error(
        &post(json!({"from_number": V2_LINE, "group_id": "nope", "content": "x"})).await,
        404,
        "Group not found",
    );
    let many: Vec<String> = (0..26)
        .map(|i| format!("+1415555{:04}", 2000 + i))
        .collect();
    let too_many = post(json!({"from_number": V2_LINE, "numbers": many, "content": "x"})).await;
    assert_eq!(too_many.status, 400);
    assert!(too_many.body["message"].as_str().unwrap().contains("25"));
    let ok25: Vec<String> = many[..25].to_vec();
    assert_eq!(
        post(json!({"from_number": V2_LINE, "numbers": ok25, "content": "x"}))
            .await
            .status,
        200
    );
    assert_eq!(
        post(json!({"from_number": V2_LINE, "numbers": ["+14155550122", "bad"], "content": "x"}))
            .await
            .status,
        400
    );
    assert_eq!(
        post(json!({"from_number": V2_LINE, "numbers": ["+14155550122", "+14155550124"], "content": "x", "send_style": "wobble"})).await.status,
        400
    );
}

#[tokio::test]
async fn create_group_follows_the_assumed_contract() {
    let sb = Sandbox::start().await;
    let r = sb
        .post(
            "/api/create-group",
            json!({"from_number": V2_LINE, "numbers": ["+14155550122", "dana@icloud.com"], "group_name": "Launch crew"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_keys(&r.body, &["status", "group_id", "numbers", "from_number"]);
    assert_eq!(r.body["status"], "OK");
    assert_eq!(
        r.body["numbers"],
        json!(["+14155550122", "dana@icloud.com"])
    );
    assert_eq!(r.body["from_number"], V2_LINE);
    let group_id = r.body["group_id"].as_str().unwrap();

    let g = sb.get(&format!("/api/v2/groups/{group_id}")).await;
    assert_eq!(g.status, 200);
    assert_keys(&g.body, &["status", "data"]);
    let data = &g.body["data"];
    assert_keys(
        data,
        &[
            "group_id",
            "group_name",
            "group_photo",
            "participants",
            "participant_numbers",
            "latest_comm_at",
            "latest_message_id",
            "worker_group_id",
            "created_at",
            "updated_at",
        ],
    );
    assert_eq!(data["group_name"], "Launch crew");
    assert_eq!(data["group_photo"], Value::Null);
    assert_eq!(
        data["participant_numbers"],
        json!(["+14155550122"]),
        "emails left out"
    );
    assert_eq!(data["latest_message_id"], Value::Null);
    let p = &data["participants"][1];
    assert_keys(
        p,
        &[
            "participant_id",
            "type",
            "handle",
            "phone",
            "name",
            "contact_id",
            "seat_id",
        ],
    );
    assert_eq!(p["type"], "contact");
    assert_eq!(p["handle"], "dana@icloud.com");
    assert_eq!(p["phone"], Value::Null);
    assert_eq!(data["participants"][0]["phone"], "+14155550122");

    assert_error(
        &sb.post("/api/create-group", json!({"from_number": V2_LINE}))
            .await,
        400,
        "Missing required field: numbers",
    );
    let one = sb
        .post(
            "/api/create-group",
            json!({"from_number": V2_LINE, "numbers": ["+14155550122"]}),
        )
        .await;
    assert_eq!(one.status, 400);
    assert_error(&sb.get("/api/v2/groups/nope").await, 404, "Group not found");
}

#[tokio::test]
async fn modify_group_adds_and_removes_with_the_documented_rules() {
    let sb = Sandbox::start().await;
    let group = sb
        .create_group(
            V2_LINE,
            json!(["+14155550122", "+14155550124", "+14155550126"]),
        )
        .await;
    let modify = |kind: &str, number: &str| {
        sb.post(
            "/api/modify-group",
            json!({"group_id": group, "modify_type": kind, "number": number}),
        )
    };
    let added = modify("add_recipient", "+14155550128").await;
    assert_eq!(added.status, 200, "{}", added.body);
    assert_eq!(
        added.body,
        json!({"status": "OK", "group_id": group, "modify_type": "add_recipient",
               "number": "+14155550128", "error": null, "error_message": null})
    );
    assert_eq!(
        modify("add_recipient", "+14155550128").await.status,
        400,
        "already in"
    );
    assert_eq!(
        modify("add_recipient", "+14155550127").await.status,
        400,
        "SMS-only"
    );
    assert_eq!(
        modify("add_recipient", V1_LINE).await.status,
        400,
        "own line"
    );
    assert_eq!(modify("rename", "+14155550130").await.status, 400);
    // 5 people → 4 → 3; then the group is too small to remove from.
    assert_eq!(modify("remove_recipient", "+14155550128").await.status, 200);
    assert_eq!(modify("remove_recipient", "+14155550126").await.status, 200);
    assert_error(
        &modify("remove_recipient", "+14155550124").await,
        400,
        "A member can only be removed from a group of at least 4 people",
    );
    assert_eq!(
        modify("remove_recipient", "+14155550188").await.status,
        400,
        "not in"
    );
    let info = sb.get(&format!("/api/v2/groups/{group}")).await.body;
    assert_eq!(
        info["data"]["participant_numbers"],
        json!(["+14155550122", "+14155550124"])
    );

    let unknown = sb
        .post(
            "/api/modify-group",
            json!({"group_id": "nope", "modify_type": "add_recipient", "number": "+14155550122"}),
        )
        .await;
    assert_error(&unknown, 404, "Group not found");
    assert_error(
        &sb.post(
            "/api/modify-group",
            json!({"modify_type": "add_recipient", "number": "+1"}),
        )
        .await,
        400,
        "Missing required field: group_id",
    );
    let foreign = sb
        .post(
            "/api/modify-group",
            json!({"group_id": group, "modify_type": "add_recipient", "number": "+14155550130",
                   "from_number": "+14155550199"}),
        )
        .await;
    assert_coded(&foreign, "line_not_registered");
    let not_in = sb
        .post(
            "/api/modify-group",
            json!({"group_id": group, "modify_type": "add_recipient", "number": "+14155550130",
                   "from_number": V1_LINE}),
        )
        .await;
    assert_coded(&not_in, "line_not_registered");

    let sms_group = sb
        .create_group(V2_LINE, json!(["+14155550123", "+14155550125"]))
        .await;
    let r = sb
        .post(
            "/api/modify-group",
            json!({"group_id": sms_group, "modify_type": "add_recipient", "number": "+14155550130"}),
        )
        .await;
    assert_error(&r, 400, "Only iMessage groups can be modified");
}

#[tokio::test]
async fn a_group_with_two_of_our_lines_needs_from_number() {
    let sb = Sandbox::start().await;
    let group = sb
        .create_group(V2_LINE, json!(["+14155550122", V1_LINE, "+14155550124"]))
        .await;
    let body = json!({"group_id": group, "modify_type": "add_recipient", "number": "+14155550130"});
    assert_coded(
        &sb.post("/api/modify-group", body.clone()).await,
        "ambiguous_sending_line",
    );
    let mut chosen = body;
    chosen["from_number"] = json!(V1_LINE);
    assert_eq!(sb.post("/api/modify-group", chosen).await.status, 200);
    let name = sb
        .post(
            &format!("/api/v2/groups/{group}/name"),
            json!({"group_name": "Two lines"}),
        )
        .await;
    assert_coded(&name, "ambiguous_sending_line");
}
