//! Groups through `sendblue-client` over loopback: group sends that progress like 1:1
//! messages, create, modify, and the v2 group, name and photo endpoints.

mod support;

use sendblue_client::models::groups::{
    CreateGroup, GroupModifyType, ModifyGroup, ParticipantType, SendGroupMessage, SetGroupName,
    SetGroupPhoto,
};
use sendblue_client::{ErrorCode, MessageStatus, MessageType};
use support::setup::poll_status;
use support::{Sandbox, V2_LINE as LINE};

#[tokio::test]
async fn group_messages_progress_and_update_the_group() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let numbers = vec!["+14155550122".to_owned(), "+14155550124".to_owned()];
    let sent = client
        .groups()
        .send(&SendGroupMessage::to_numbers(
            LINE,
            numbers.clone(),
            "Standup moved to 10:30",
        ))
        .await
        .unwrap();
    assert_eq!(sent.message_type, Some(MessageType::Group));
    assert_eq!(sent.status, MessageStatus::Queued);
    let group_id = sent.group_id.clone().unwrap();

    let now = poll_status(&client, &sent.message_handle, MessageStatus::Delivered).await;
    assert_eq!(
        now.status,
        MessageStatus::Delivered,
        "stuck at {:?}",
        now.status
    );

    let again = client
        .groups()
        .send(&SendGroupMessage::to_group(
            LINE,
            &group_id,
            "See you there",
        ))
        .await
        .unwrap();
    assert_eq!(again.group_id.as_deref(), Some(group_id.as_str()));
    let info = client.groups().get(&group_id).await.unwrap();
    assert_eq!(info.participant_numbers, numbers);
    assert_eq!(
        info.latest_message_id.as_deref(),
        Some(again.message_handle.as_str())
    );
    assert_eq!(
        info.participants[0].participant_type,
        Some(ParticipantType::Contact)
    );
    let record = client.messages().get(&again.message_handle).await.unwrap();
    assert_eq!(record.group_id.as_deref(), Some(group_id.as_str()));
    assert_eq!(record.participants, ["+14155550122", "+14155550124", LINE]);
}

#[tokio::test]
async fn create_modify_rename_and_photo() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let mut create = CreateGroup::new(
        LINE,
        vec![
            "+14155550122".into(),
            "+14155550124".into(),
            "+14155550126".into(),
        ],
    );
    create.group_name = Some("Launch crew".into());
    let created = client.groups().create(&create).await.unwrap();
    let group_id = created.group_id.unwrap();
    assert_eq!(created.numbers.len(), 3);

    let added = client
        .groups()
        .modify(&ModifyGroup::new(
            &group_id,
            GroupModifyType::AddRecipient,
            "+14155550128",
        ))
        .await
        .unwrap();
    assert_eq!(added.status.as_deref(), Some("OK"));
    assert_eq!(added.error, None);
    let removed = client
        .groups()
        .modify(&ModifyGroup::new(
            &group_id,
            GroupModifyType::RemoveRecipient,
            "+14155550122",
        ))
        .await
        .unwrap();
    assert_eq!(removed.modify_type, Some(GroupModifyType::RemoveRecipient));
    let info = client.groups().get(&group_id).await.unwrap();
    assert_eq!(info.group_name.as_deref(), Some("Launch crew"));
    assert_eq!(
        info.participant_numbers,
        ["+14155550124", "+14155550126", "+14155550128"]
    );

    let mut foreign = ModifyGroup::new(&group_id, GroupModifyType::AddRecipient, "+14155550130");
    foreign.from_number = Some("+14155550101".into());
    let err = client.groups().modify(&foreign).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    assert_eq!(err.upstream_error_code(), Some("line_not_registered"));

    let renamed = client
        .groups()
        .set_name(&group_id, &SetGroupName::new(Some("Offsite".into())))
        .await
        .unwrap();
    assert_eq!(renamed.group_name.as_deref(), Some("Offsite"));
    assert_eq!(renamed.from_number.as_deref(), Some(LINE));
    let cleared = client
        .groups()
        .set_name(&group_id, &SetGroupName::new(None))
        .await
        .unwrap();
    assert_eq!(cleared.group_name, None);
    assert_eq!(
        client.groups().get(&group_id).await.unwrap().group_name,
        None
    );

    let photo = client
        .groups()
        .set_photo(
            &group_id,
            &SetGroupPhoto::new(Some("https://cdn.acme.com/crew.jpg".into())),
        )
        .await
        .unwrap();
    let set = photo.group_photo.unwrap();
    assert_eq!(set.url.as_deref(), Some("https://cdn.acme.com/crew.jpg"));
    assert_eq!(
        client
            .groups()
            .get(&group_id)
            .await
            .unwrap()
            .group_photo
            .unwrap()
            .photo_guid,
        set.photo_guid
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crew.gif");
    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";
    std::fs::write(&path, gif).unwrap();
    let uploaded = client
        .groups()
        .upload_photo(&group_id, &path, Some(LINE))
        .await
        .unwrap();
    let url = uploaded.group_photo.unwrap().url.unwrap();
    let served = reqwest::get(&url).await.unwrap();
    assert_eq!(served.headers()["content-type"], "image/gif");
    assert_eq!(served.bytes().await.unwrap().as_ref(), gif);

    let none = client
        .groups()
        .set_photo(&group_id, &SetGroupPhoto::new(None))
        .await
        .unwrap();
    assert_eq!(none.group_photo, None);
    let missing = client.groups().get("nope").await.unwrap_err();
    assert_eq!(missing.code(), ErrorCode::NotFound);
}
