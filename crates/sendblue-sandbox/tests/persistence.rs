//! Persistence: what a sandbox stored is there after a restart on the same database file, and
//! parallel writers lose nothing.

mod support;

use std::collections::HashSet;

use sendblue_client::models::contacts::{BulkContact, CreateContact, ListContacts};
use sendblue_client::models::webhooks::{WebhookConfig, WebhookEntry, WebhookType};
use sendblue_client::MessageStatus;
use support::setup::{add_webhooks, poll_status, send_via};
use support::{client_for, test_config, Sandbox, V2_LINE as LINE};

/// The path part of a media URL (`/media/<id>`): the origin changes from run to run.
fn media_path(url: &str) -> String {
    let parsed = url::Url::parse(url).unwrap();
    parsed.path().to_owned()
}

#[tokio::test]
async fn data_survives_a_restart_on_the_same_database() {
    let dir = tempfile::tempdir().unwrap();
    let running = sendblue_sandbox::start(test_config(&dir)).await.unwrap();
    let client = client_for(&running.base_url());

    // Contacts, with everything a contact can carry.
    let mut contact = CreateContact::new("+14155550142");
    contact.first_name = Some("Dana".into());
    contact.last_name = Some("Lee".into());
    contact.tags = Some(vec!["vip".into()]);
    contact.custom_variables = Some([("Plan".to_owned(), "Scale".to_owned())].into());
    client.contacts().create(&contact).await.unwrap();

    // A message that reached its final status.
    let sent = send_via(&client, "+14155550144", LINE, "kept").await;
    let delivered = poll_status(&client, &sent.message_handle, MessageStatus::Delivered)
        .await
        .status
        == MessageStatus::Delivered;
    assert!(delivered, "the send reached DELIVERED");

    // Webhooks and the global secret.
    let mut hook = WebhookConfig::new("https://hooks.acme.test/sb/in-line2");
    hook.secret = Some("whs_line2".into());
    hook.sendblue_numbers = Some(vec!["+14155550101".into()]);
    add_webhooks(
        &client,
        WebhookType::Receive,
        vec![WebhookEntry::Config(hook)],
        Some("whs_global"),
    )
    .await;

    // A line bought through the API, and call forwarding on a base line.
    let preview = client.provisioning().preview().await.unwrap();
    let bought = client
        .provisioning()
        .confirm(&preview.preview_token)
        .await
        .unwrap();
    let bought_number = bought
        .phone_number
        .clone()
        .or_else(|| bought.line.as_ref().and_then(|l| l.sendblue_number.clone()))
        .expect("the confirmation names the number");
    client
        .lines()
        .set_call_forwarding(LINE, "+14155550199")
        .await
        .unwrap();

    // An uploaded file.
    let file = dir.path().join("note.txt");
    std::fs::write(&file, b"persisted bytes").unwrap();
    let uploaded = client.media().upload_file(&file).await.unwrap();
    let path = media_path(&uploaded.media_url);

    let lines_before = client.lines().list().await.unwrap();
    running.shutdown().await;

    // Same database, new process state, new port.
    let running = sendblue_sandbox::start(test_config(&dir)).await.unwrap();
    let client = client_for(&running.base_url());

    let kept = client.contacts().get("+14155550142").await.unwrap();
    assert_eq!(kept.first_name.as_deref(), Some("Dana"));
    assert_eq!(kept.last_name.as_deref(), Some("Lee"));
    assert_eq!(kept.tags, vec!["vip".to_owned()]);
    assert_eq!(
        kept.custom_variables.get("Plan").map(String::as_str),
        Some("Scale")
    );
    // The send also created a contact for its new number (§9.12).
    client.contacts().get("+14155550144").await.unwrap();

    let message = client.messages().get(&sent.message_handle).await.unwrap();
    assert_eq!(message.status, MessageStatus::Delivered);
    assert_eq!(message.content, "kept");

    let hooks = client.webhooks().list().await.unwrap();
    assert_eq!(hooks.global_secret.as_deref(), Some("whs_global"));
    let receive = &hooks.receive;
    assert_eq!(receive.len(), 1, "{receive:?}");
    assert_eq!(receive[0].url(), "https://hooks.acme.test/sb/in-line2");
    assert_eq!(receive[0].secret(), Some("whs_line2"));
    assert_eq!(receive[0].sendblue_numbers(), ["+14155550101".to_owned()]);

    let lines_after = client.lines().list().await.unwrap();
    assert_eq!(lines_after, lines_before);
    assert!(lines_after.contains(&bought_number), "{lines_after:?}");
    assert_eq!(lines_after.len(), 4, "three base lines and the bought one");
    let forwarding = client.lines().call_forwarding(LINE).await.unwrap();
    assert_eq!(
        forwarding.forwarding_number.as_deref(),
        Some("+14155550199")
    );

    let bytes = reqwest::get(format!("{}{path}", running.base_url()))
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(&bytes[..], b"persisted bytes");
    running.shutdown().await;
}

#[tokio::test]
async fn twenty_parallel_bulk_writers_lose_nothing() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let base = client.contacts().count().await.unwrap();

    let writers: Vec<_> = (0..20)
        .map(|w| {
            let client = sb.client();
            tokio::spawn(async move {
                let rows: Vec<BulkContact> = (0..50)
                    .map(|i| {
                        let mut row = BulkContact::new(format!("+1312555{w:02}{i:02}"));
                        row.first_name = Some(format!("Writer{w}"));
                        row
                    })
                    .collect();
                client.contacts().bulk_create(&rows).await.unwrap()
            })
        })
        .collect();
    for writer in writers {
        writer.await.unwrap();
    }

    assert_eq!(client.contacts().count().await.unwrap(), base + 1000);
    let mut query = ListContacts {
        limit: Some(1000),
        ..ListContacts::default()
    };
    let mut phones = HashSet::new();
    let mut offset = 0;
    loop {
        query.offset = Some(offset);
        let page = client.contacts().list(&query).await.unwrap();
        if page.is_empty() {
            break;
        }
        offset += page.len() as u64;
        phones.extend(page.into_iter().map(|c| c.phone));
    }
    for w in 0..20 {
        for i in 0..50 {
            let phone = format!("+1312555{w:02}{i:02}");
            assert!(phones.contains(&phone), "{phone} was lost");
        }
    }
}
