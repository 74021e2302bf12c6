//! Contact sharing through `sendblue-client` (§15): a profile whose photo is an upload on the
//! sandbox itself, its publication reported by the `contact_profile` webhook, sharing into a
//! 1:1 iMessage chat started by a real send, and deletion.

mod support;

use std::time::Duration;

use sendblue_client::models::sharing::SharingProfileRequest;
use sendblue_client::models::webhooks::WebhookType;
use sendblue_client::ErrorCode;
use serde_json::Value;
use support::receiver::Receiver;
use support::setup::{add_webhook, send_via};
use support::{Sandbox, V2_LINE as LINE};
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDRsandbox-upload";

#[tokio::test]
async fn a_profile_with_an_uploaded_photo_is_published_and_shared() {
    let sb = Sandbox::start().await;
    let rx = Receiver::start().await;
    let client = sb.client();
    add_webhook(&client, WebhookType::ContactProfile, rx.url("/profile")).await;

    // The photo lives on the sandbox itself (an upload), so the sandbox keeps its bytes.
    let file = sb.dir.path().join("logo.png");
    std::fs::write(&file, PNG).unwrap();
    let upload = client.media().upload_file(&file).await.unwrap();
    let sharing = client.sharing();
    let profile = sharing
        .set_profile(
            &SharingProfileRequest::new(LINE, "Acme", "Dental")
                .display_name("Acme Dental Front Desk")
                .photo_url(upload.media_url.clone()),
        )
        .await
        .unwrap();
    assert!(profile.has_profile);
    assert_eq!(profile.has_photo, Some(true));
    assert_eq!(profile.sharing_enabled, Some(true));
    let state = sharing.state(LINE).await.unwrap();
    assert_eq!(state, profile);
    let stored_url: String = sb
        .running
        .state()
        .store
        .with(|c| {
            c.query_row(
                "SELECT photo_url FROM sharing_profiles WHERE from_number = ?1",
                [LINE],
                |r| r.get(0),
            )
        })
        .unwrap();
    assert_ne!(stored_url, upload.media_url, "a copy of its own");
    let copy = reqwest::get(&stored_url).await.unwrap();
    assert_eq!(copy.status(), 200);
    assert_eq!(copy.bytes().await.unwrap().as_ref(), PNG);

    assert!(
        sb.eventually(Duration::from_secs(5), || !rx.at("/profile").is_empty())
            .await
    );
    let published = rx.at("/profile")[0].body.clone();
    assert_eq!(published["type"], "contact_profile");
    assert_eq!(published["from_number"], LINE);
    assert_eq!(published["state"], "published");
    assert_eq!(published["error"], Value::Null);

    // Sharing needs a 1:1 iMessage chat: a send to an iMessage number starts one.
    let err = sharing.share(LINE, "+14155550124").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Validation);
    send_via(&client, "+14155550124", LINE, "Hello").await;
    let first = sharing.share(LINE, "+14155550124").await.unwrap();
    assert!(first.requested && !first.deduplicated);
    let second = sharing.share(LINE, "+14155550124").await.unwrap();
    assert!(second.deduplicated);

    sharing.delete_profile(LINE).await.unwrap();
    let state = sharing.state(LINE).await.unwrap();
    assert!(!state.has_profile);
    let err = sharing
        .set_profile(&SharingProfileRequest::new("+14155550101", "A", "B"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Forbidden);
}
