//! Reactions, read receipts and typing indicators through `sendblue-client` over loopback.

mod support;

use sendblue_client::models::reactions::{
    MarkRead, ReactionResponse, SendReaction, TypingIndicator,
};
use sendblue_client::{ErrorCode, MessageStatus, Reaction};
use support::setup::send_via;
use support::{Sandbox, V2_LINE as LINE};

/// Sends `reaction` on the message `handle` from `LINE`.
async fn react(
    client: &sendblue_client::Client,
    handle: &str,
    reaction: Reaction,
) -> sendblue_client::Result<ReactionResponse> {
    client
        .reactions()
        .send(&SendReaction::new(LINE, handle, reaction))
        .await
}

#[tokio::test]
async fn tapbacks_on_sent_and_received_messages() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let sent = send_via(&client, "+14155550122", LINE, "Dinner at 7?").await;
    let answer = react(&client, &sent.message_handle, Reaction::Love)
        .await
        .unwrap();
    assert_eq!(answer.status.as_deref(), Some("OK"));
    assert_eq!(answer.message.as_deref(), Some("Reaction request sent"));
    assert_eq!(answer.reaction, Some(Reaction::Love));
    assert_eq!(
        answer.message_handle.as_deref(),
        Some(sent.message_handle.as_str())
    );

    let emoji: Reaction = "🔥".parse().unwrap();
    let fire = react(&client, &sent.message_handle, emoji.clone())
        .await
        .unwrap();
    assert_eq!(fire.reaction, Some(emoji));

    let unknown = react(&client, "nope", Reaction::Like).await.unwrap_err();
    assert_eq!(unknown.code(), ErrorCode::NotFound);
    let sms = send_via(&client, "+14155550123", LINE, "hi").await;
    let refused = react(&client, &sms.message_handle, Reaction::Like)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::Validation);
}

#[tokio::test]
async fn read_receipts_only_where_enabled() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let ok = client
        .reactions()
        .mark_read(&MarkRead::new("+14155550122", LINE))
        .await
        .unwrap();
    assert_eq!(ok.message.as_deref(), Some("Mark read request sent"));
    assert_eq!(ok.number.as_deref(), Some("+14155550122"));
    let off = client
        .reactions()
        .mark_read(&MarkRead::new("+14155550122", "+14155550101"))
        .await
        .unwrap_err();
    assert_eq!(off.code(), ErrorCode::Validation);
    assert_eq!(
        off.upstream_message(),
        Some("Read receipts are not enabled for this line")
    );
}

#[tokio::test]
async fn typing_needs_a_conversation() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let before = client
        .reactions()
        .typing(&TypingIndicator::start("+14155550122", LINE))
        .await
        .unwrap();
    assert_eq!(before.status, Some(MessageStatus::Error));
    assert!(before.error_message.unwrap().contains("No route mapping"));

    sb.inbound("+14155550122", LINE, "hey").await;
    let after = client
        .reactions()
        .typing(&TypingIndicator::start("+14155550122", LINE))
        .await
        .unwrap();
    assert_eq!(after.status, Some(MessageStatus::Sent));
    assert_eq!(after.error_message, None);
    assert_eq!(after.number.as_deref(), Some("+14155550122"));
    let stop = client
        .reactions()
        .typing(&TypingIndicator::stop("+14155550122", LINE))
        .await
        .unwrap();
    assert_eq!(stop.status, Some(MessageStatus::Sent));
}
