//! Line provisioning through `sendblue-client` (§14.1–§14.2): a purchase from preview to
//! confirmation, announced by the `line_assigned` webhook, and a ticket fulfilled over ticks.

mod support;

use std::time::Duration;

use sendblue_client::models::provisioning::{AddLineRequest, TicketStatus};
use sendblue_client::models::webhooks::WebhookType;
use sendblue_client::ErrorCode;
use support::receiver::Receiver;
use support::setup::add_webhook;
use support::Sandbox;

#[tokio::test]
async fn a_purchase_attaches_a_line_and_announces_it() {
    let sb = Sandbox::start().await;
    let rx = Receiver::start().await;
    let client = sb.client();
    add_webhook(&client, WebhookType::LineAssigned, rx.url("/assigned")).await;
    let provisioning = client.provisioning();
    let preview = provisioning.preview().await.unwrap();
    assert!(preview.preview_token.starts_with("lpv_"));
    assert!(preview.expires_at.is_some());
    let bought = provisioning.confirm(&preview.preview_token).await.unwrap();
    assert_eq!(bought.status.as_deref(), Some("OK"));
    assert_eq!(bought.phone_number.as_deref(), Some("+14155550103"));
    let line = bought.line.unwrap();
    assert_eq!(line.sendblue_number.as_deref(), Some("+14155550103"));
    assert_eq!(line.line_type.as_deref(), Some("inbound_only"));
    assert!(client
        .lines()
        .list()
        .await
        .unwrap()
        .contains(&"+14155550103".to_owned()));

    let again = provisioning
        .confirm(&preview.preview_token)
        .await
        .unwrap_err();
    assert_eq!(again.code(), ErrorCode::NotFound, "410: single use");

    assert!(
        sb.eventually(Duration::from_secs(5), || !rx.at("/assigned").is_empty())
            .await
    );
    let body = rx.at("/assigned")[0].body.clone();
    assert_eq!(body["type"], "line_assigned");
    assert_eq!(body["sendblue_number"], "+14155550103");
    assert_eq!(body["assignment"], "assigned");
}

#[tokio::test]
async fn a_ticket_is_fulfilled_after_a_few_ticks() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let provisioning = client.provisioning();
    let ticket = provisioning
        .add_line(&AddLineRequest::phone().desired_area_code("94107"))
        .await
        .unwrap();
    assert_eq!(ticket.status, TicketStatus::Open);
    assert_eq!(ticket.desired_area_code.as_deref(), Some("94107"));
    assert!(ticket.fulfilled_number.is_none());

    let mut seen = ticket.clone();
    for _ in 0..100 {
        seen = provisioning.line_request(ticket.id).await.unwrap();
        if seen.status == TicketStatus::Fulfilled {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(seen.status, TicketStatus::Fulfilled);
    let number = seen.fulfilled_number.clone().unwrap();
    assert!(seen.fulfilled_at.is_some());
    assert!(client.lines().list().await.unwrap().contains(&number));

    let err = provisioning
        .line_request(ticket.id + 100)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
}
