//! Group endpoints: the exact request sent, and the reference's answers decoded.

mod support;

use std::io::Write;
use std::time::Duration;

use sendblue_client::models::groups::{
    CreateGroup, GroupModifyType, ModifyGroup, ParticipantType, SendGroupMessage, SetGroupName,
    SetGroupPhoto,
};
use sendblue_client::{ErrorCode, MessageStatus, MessageType};
use serde_json::json;
use support::Recorder;

const GROUP_SEND_EXAMPLE: &str = r#"{
  "account_email": "ops@acme.test",
  "content": "Standup moved to 10:30",
  "date_created": "2026-03-02T18:10:00.000Z",
  "date_updated": "2026-03-02T18:10:00.000Z",
  "from_number": "+14155550100",
  "is_outbound": true,
  "message_handle": "b0a1d5c2-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
  "message_type": "group",
  "group_id": "8c2f4e6a-0b1d-4c3e-9f5a-7b6c5d4e3f21",
  "number": "+14155550123",
  "status": "QUEUED"
}"#;

const GROUP_ID: &str = "sb_group_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

fn numbers(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("+1415555{i:04}")).collect()
}

#[tokio::test]
async fn send_to_group_posts_json_and_decodes_group_id() {
    let server = Recorder::start().await;
    server.respond(200, GROUP_SEND_EXAMPLE);
    let msg = SendGroupMessage::to_group(
        "+14155550100",
        "8c2f4e6a-0b1d-4c3e-9f5a-7b6c5d4e3f21",
        "Standup moved to 10:30",
    );
    let m = server.client().groups().send(&msg).await.unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/send-group-message");
    assert_eq!(req.query, None);
    req.assert_authenticated();
    assert_eq!(
        req.json(),
        json!({
            "from_number": "+14155550100",
            "content": "Standup moved to 10:30",
            "group_id": "8c2f4e6a-0b1d-4c3e-9f5a-7b6c5d4e3f21"
        })
    );
    assert_eq!(m.message_type, Some(MessageType::Group));
    assert_eq!(
        m.group_id.as_deref(),
        Some("8c2f4e6a-0b1d-4c3e-9f5a-7b6c5d4e3f21")
    );
    assert_eq!(m.status, MessageStatus::Queued);
    assert_eq!(m.message_handle, "b0a1d5c2-1e2f-4a3b-8c4d-5e6f7a8b9c0d");
}

#[tokio::test]
async fn send_to_numbers_accepts_legacy_array_answer() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"message_handle":"h2","status":"QUEUED","message_type":"group","group_id":"g2",
            "number":["+14155550123","+14155550124"],"to_number":["+14155550123","+14155550124"]}"#,
    );
    let msg = SendGroupMessage::to_numbers(
        "+14155550100",
        vec!["+14155550123".into(), "+14155550124".into()],
        "hi all",
    );
    let m = server.client().groups().send(&msg).await.unwrap();
    assert_eq!(
        server.only_request().json(),
        json!({
            "from_number": "+14155550100",
            "content": "hi all",
            "numbers": ["+14155550123", "+14155550124"]
        })
    );
    assert_eq!(
        m.number.unwrap().all(),
        vec!["+14155550123", "+14155550124"]
    );
    assert_eq!(m.to_number.unwrap().all().len(), 2);
}

#[tokio::test]
async fn send_checks_recipients_and_size_locally() {
    let server = Recorder::start().await;
    let groups_client = server.client();
    let groups = groups_client.groups();
    let too_many = SendGroupMessage::to_numbers("+1", numbers(26), "x");
    assert_eq!(
        groups.send(&too_many).await.unwrap_err().code(),
        ErrorCode::Validation
    );
    let mut nobody = SendGroupMessage::to_group("+1", "", "x");
    nobody.group_id = None;
    assert_eq!(
        groups.send(&nobody).await.unwrap_err().code(),
        ErrorCode::Validation
    );
    let mut empty = SendGroupMessage::to_group("+1", "g", "");
    empty.content = None;
    assert_eq!(
        groups.send(&empty).await.unwrap_err().code(),
        ErrorCode::Validation
    );
    assert!(server.requests().is_empty());

    // 25 is allowed.
    server.respond(200, GROUP_SEND_EXAMPLE);
    groups
        .send(&SendGroupMessage::to_numbers("+1", numbers(25), "x"))
        .await
        .unwrap();
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn create_group_posts_contract_and_decodes_answer() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","group_id":"g-new","numbers":["+14155550123","+14155550124"],"from_number":"+14155550100"}"#,
    );
    let mut group = CreateGroup::new(
        "+14155550100",
        vec!["+14155550123".into(), "+14155550124".into()],
    );
    group.group_name = Some("Launch crew".into());
    let answer = server.client().groups().create(&group).await.unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/create-group");
    req.assert_authenticated();
    assert_eq!(
        req.json(),
        json!({
            "from_number": "+14155550100",
            "numbers": ["+14155550123", "+14155550124"],
            "group_name": "Launch crew"
        })
    );
    assert_eq!(answer.group_id.as_deref(), Some("g-new"));
    assert_eq!(answer.numbers.len(), 2);
    assert_eq!(answer.from_number.as_deref(), Some("+14155550100"));

    let e = server
        .client()
        .groups()
        .create(&CreateGroup::new("+1", numbers(26)))
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn modify_group_posts_and_decodes() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","group_id":"8c2f","modify_type":"add_recipient","number":"+14155550177","error":null,"error_message":null}"#,
    );
    let mut change = ModifyGroup::new("8c2f", GroupModifyType::AddRecipient, "+14155550177");
    change.from_number = Some("+14155550100".into());
    let answer = server.client().groups().modify(&change).await.unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/modify-group");
    req.assert_authenticated();
    assert_eq!(
        req.json(),
        json!({
            "group_id": "8c2f",
            "modify_type": "add_recipient",
            "number": "+14155550177",
            "from_number": "+14155550100"
        })
    );
    assert_eq!(answer.status.as_deref(), Some("OK"));
    assert_eq!(answer.modify_type, Some(GroupModifyType::AddRecipient));
    assert_eq!(answer.error, None);
}

#[tokio::test]
async fn modify_group_error_code_is_kept() {
    let server = Recorder::start().await;
    server.respond(
        400,
        r#"{"status":"ERROR","error_code":"ambiguous_sending_line","message":"Several of your lines are in this group"}"#,
    );
    let e = server
        .client()
        .groups()
        .modify(&ModifyGroup::new(
            "g",
            GroupModifyType::RemoveRecipient,
            "+1",
        ))
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert_eq!(e.upstream_error_code(), Some("ambiguous_sending_line"));
}

#[tokio::test]
async fn get_group_unwraps_data() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{
  "status": "OK",
  "data": {
    "group_id": "sb_group_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    "group_name": "Launch crew",
    "group_photo": { "photo_guid": "ph_77aa", "url": "https://media.example/groups/77aa.jpg" },
    "participants": [
      { "participant_id": "p_01", "type": "contact", "handle": "+14155550123", "phone": "+14155550123", "name": "Dana Lee", "contact_id": "c_81", "seat_id": null }
    ],
    "participant_numbers": ["+14155550123"],
    "latest_comm_at": "2026-03-02T18:10:00.000Z",
    "latest_message_id": "b0a1d5c2-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
    "worker_group_id": null,
    "created_at": "2026-02-27T09:00:00.000Z",
    "updated_at": "2026-03-02T18:10:00.000Z"
  }
}"#,
    );
    let g = server.client().groups().get(GROUP_ID).await.unwrap();
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, format!("/api/v2/groups/{GROUP_ID}"));
    req.assert_authenticated();
    assert_eq!(g.group_id, GROUP_ID);
    assert_eq!(g.group_name.as_deref(), Some("Launch crew"));
    assert_eq!(
        g.group_photo.unwrap().photo_guid.as_deref(),
        Some("ph_77aa")
    );
    let p = &g.participants[0];
    assert_eq!(p.participant_type, Some(ParticipantType::Contact));
    assert_eq!(p.name.as_deref(), Some("Dana Lee"));
    assert_eq!(p.seat_id, None);
    assert_eq!(g.participant_numbers, vec!["+14155550123"]);
    assert_eq!(g.worker_group_id, None);
}

#[tokio::test]
async fn get_unknown_group_maps_to_not_found() {
    let server = Recorder::start().await;
    server.respond(404, r#"{"status":"ERROR","message":"Group not found"}"#);
    let e = server.client().groups().get("g/x").await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotFound);
    assert_eq!(server.only_request().path, "/api/v2/groups/g%2Fx");
}

#[tokio::test]
async fn set_name_posts_and_clears_with_null() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":{"group_id":"sb_group_1","group_name":"Launch crew","from_number":"+14155550100"}}"#,
    );
    server.respond(
        200,
        r#"{"status":"OK","data":{"group_id":"sb_group_1","group_name":null,"from_number":"+14155550100"}}"#,
    );
    let client = server.client();
    let mut rename = SetGroupName::new(Some("Launch crew".into()));
    rename.from_number = Some("+14155550100".into());
    let r = client
        .groups()
        .set_name("sb_group_1", &rename)
        .await
        .unwrap();
    assert_eq!(r.group_name.as_deref(), Some("Launch crew"));
    assert_eq!(r.from_number.as_deref(), Some("+14155550100"));
    let cleared = client
        .groups()
        .set_name("sb_group_1", &SetGroupName::new(None))
        .await
        .unwrap();
    assert_eq!(cleared.group_name, None);

    let reqs = server.requests();
    assert_eq!(reqs[0].method, "POST");
    assert_eq!(reqs[0].path, "/api/v2/groups/sb_group_1/name");
    reqs[0].assert_authenticated();
    assert_eq!(
        reqs[0].json(),
        json!({"group_name": "Launch crew", "from_number": "+14155550100"})
    );
    assert_eq!(reqs[1].json(), json!({"group_name": null}));
}

#[tokio::test]
async fn set_name_refuses_whitespace_locally() {
    let server = Recorder::start().await;
    let e = server
        .client()
        .groups()
        .set_name("g", &SetGroupName::new(Some("   ".into())))
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn name_and_photo_are_retried_but_group_send_is_not() {
    let server = Recorder::start().await;
    let client = server.client_with(|c| {
        c.retry.max_retries = 1;
        c.retry.base_delay = Duration::from_millis(1);
    });
    server.respond(503, r#"{"status":"ERROR","message":"busy"}"#);
    server.respond(
        200,
        r#"{"status":"OK","data":{"group_id":"g","group_name":"n","from_number":"+1"}}"#,
    );
    client
        .groups()
        .set_name("g", &SetGroupName::new(Some("n".into())))
        .await
        .unwrap();
    assert_eq!(server.requests().len(), 2);

    server.clear();
    server.respond(503, r#"{"status":"ERROR","message":"busy"}"#);
    server.respond(
        200,
        r#"{"status":"OK","data":{"group_id":"g","group_photo":null,"from_number":"+1"}}"#,
    );
    client
        .groups()
        .set_photo("g", &SetGroupPhoto::new(None))
        .await
        .unwrap();
    assert_eq!(server.requests().len(), 2);

    server.clear();
    server.respond(503, r#"{"status":"ERROR","message":"busy"}"#);
    let e = client
        .groups()
        .send(&SendGroupMessage::to_group("+1", "g", "hi"))
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Upstream);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn set_photo_json_sends_url_or_null() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":{"group_id":"sb_group_1","group_photo":{"photo_guid":"ph_1","url":"https://media.example/1.jpg"},"from_number":"+14155550100"}}"#,
    );
    server.respond(
        200,
        r#"{"status":"OK","data":{"group_id":"sb_group_1","group_photo":null,"from_number":"+14155550100"}}"#,
    );
    let client = server.client();
    let mut photo = SetGroupPhoto::new(Some("https://cdn.acme.test/g.png".into()));
    photo.from_number = Some("+14155550100".into());
    let set = client
        .groups()
        .set_photo("sb_group_1", &photo)
        .await
        .unwrap();
    assert_eq!(set.group_photo.unwrap().photo_guid.as_deref(), Some("ph_1"));
    let cleared = client
        .groups()
        .set_photo("sb_group_1", &SetGroupPhoto::new(None))
        .await
        .unwrap();
    assert_eq!(cleared.group_photo, None);

    let reqs = server.requests();
    assert_eq!(reqs[0].method, "POST");
    assert_eq!(reqs[0].path, "/api/v2/groups/sb_group_1/photo");
    assert_eq!(reqs[0].header("content-type"), Some("application/json"));
    reqs[0].assert_authenticated();
    assert_eq!(
        reqs[0].json(),
        json!({"photo_url": "https://cdn.acme.test/g.png", "from_number": "+14155550100"})
    );
    assert_eq!(reqs[1].json(), json!({"photo_url": null}));
}

#[tokio::test]
async fn upload_photo_sends_multipart_file_and_from_number() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":{"group_id":"sb_group_1","group_photo":{"photo_guid":"ph_2","url":"https://media.example/2.png"},"from_number":"+14155550100"}}"#,
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crew.png");
    let bytes: Vec<u8> = (0..5000u32).map(|i| (i % 251) as u8).collect();
    std::fs::File::create(&path)
        .unwrap()
        .write_all(&bytes)
        .unwrap();
    let r = server
        .client()
        .groups()
        .upload_photo("sb_group_1", &path, Some("+14155550100"))
        .await
        .unwrap();
    assert_eq!(r.group_photo.unwrap().photo_guid.as_deref(), Some("ph_2"));

    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/v2/groups/sb_group_1/photo");
    req.assert_authenticated();
    assert!(req
        .header("content-type")
        .unwrap()
        .starts_with("multipart/form-data; boundary="));
    let body = String::from_utf8_lossy(&req.body);
    assert!(
        body.contains(r#"name="file"; filename="crew.png""#),
        "{body}"
    );
    assert!(body.contains("Content-Type: image/png"));
    assert!(body.contains(r#"name="from_number""#));
    assert!(body.contains("+14155550100"));
    assert!(req.body.windows(bytes.len()).any(|w| w == bytes.as_slice()));
}

#[tokio::test]
async fn upload_photo_over_5_mb_is_refused_locally() {
    let server = Recorder::start().await;
    let file = tempfile::NamedTempFile::new().unwrap();
    file.as_file().set_len(5 * 1024 * 1024 + 1).unwrap();
    let e = server
        .client()
        .groups()
        .upload_photo("g", file.path(), None)
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert!(server.requests().is_empty());
}
