//! Media through `sendblue-client` over loopback: an uploaded file comes back byte for byte
//! from its media URL, and re-hosted objects get a usable URL.

mod support;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use sendblue_client::models::message_send::SendMessage;
use sendblue_client::{ErrorCode, MessageStatus};
use support::Sandbox;

#[tokio::test]
async fn an_uploaded_file_is_served_back_byte_for_byte() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("voice note.caf");
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 256) as u8).collect();
    std::fs::write(&path, &bytes).unwrap();

    let reported = Arc::new(AtomicU64::new(0));
    let seen = reported.clone();
    let uploaded = client
        .media()
        .upload_file_with_progress(&path, move |sent, total| {
            assert!(sent <= total);
            seen.store(sent, Ordering::SeqCst);
        })
        .await
        .unwrap();
    assert_eq!(reported.load(Ordering::SeqCst), bytes.len() as u64);
    assert_eq!(uploaded.status.as_deref(), Some("OK"));
    let id = uploaded.media_object_id.clone().unwrap();
    assert!(id.ends_with("_voice_note.caf"), "{id}");
    assert!(uploaded.media_url.ends_with(&id));

    let served = reqwest::get(&uploaded.media_url).await.unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "audio/x-caf");
    assert_eq!(served.bytes().await.unwrap().to_vec(), bytes);

    let sent = client
        .messages()
        .send(&SendMessage {
            media_url: Some(uploaded.media_url.clone()),
            ..SendMessage::new("+14155550122", "+14155550100")
        })
        .await
        .unwrap();
    assert_eq!(sent.status, MessageStatus::Queued);
    assert_eq!(sent.media_url.as_deref(), Some(uploaded.media_url.as_str()));
}

#[tokio::test]
async fn media_objects_get_a_usable_url() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("menu.png");
    std::fs::write(&path, b"\x89PNG menu").unwrap();
    let original = client.media().upload_file(&path).await.unwrap();

    let copy = client
        .media()
        .upload_media_object(&original.media_url)
        .await
        .unwrap();
    let url = copy.media_url.unwrap();
    assert_ne!(url, original.media_url);
    assert!(copy.media_object_id.unwrap().starts_with("MO_"));
    let served = reqwest::get(&url).await.unwrap();
    assert_eq!(served.headers()["content-type"], "image/png");
    assert_eq!(served.bytes().await.unwrap().as_ref(), b"\x89PNG menu");

    let remote = client
        .media()
        .upload_media_object("https://cdn.acme.com/signed/menu.jpg?sig=1")
        .await
        .unwrap();
    assert!(remote.media_url.unwrap().starts_with(&sb.base_url()));

    let bad = client
        .media()
        .upload_media_object("ftp://cdn.acme.com/menu.jpg")
        .await
        .unwrap_err();
    assert_eq!(bad.code(), ErrorCode::Validation);
    assert_eq!(bad.upstream_message(), Some("Invalid media URL"));
}
