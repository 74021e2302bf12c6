//! Webhook configuration through `sendblue-client` (§10), and what it drives: deliveries go
//! to the URLs configured, with the configured secret.

mod support;

use std::time::Duration;

use sendblue_client::models::contacts::CreateContact;
use sendblue_client::models::webhooks::{
    AddWebhooks, RemoveWebhooks, WebhookConfig, WebhookEntry, WebhookSet, WebhookType,
};
use support::receiver::Receiver;
use support::setup::add_webhooks;
use support::Sandbox;

#[tokio::test]
async fn configure_list_replace_and_remove() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let hooks = client.webhooks();
    assert_eq!(hooks.list().await.unwrap(), WebhookSet::default());

    let mut add = AddWebhooks::new(vec![
        "https://hooks.acme.test/in".into(),
        WebhookEntry::Config(WebhookConfig {
            secret: Some("whs_line".into()),
            sendblue_numbers: Some(vec!["+14155550101".into()]),
            ..WebhookConfig::new("https://hooks.acme.test/in-line2")
        }),
    ]);
    add.global_secret = Some("whs_global".into());
    let answer = hooks.add(&add).await.unwrap();
    assert_eq!(answer.status.as_deref(), Some("OK"));
    let set = answer.webhooks.unwrap();
    assert_eq!(set.receive, add.webhooks, "entries come back as given");
    assert_eq!(set.global_secret.as_deref(), Some("whs_global"));

    hooks
        .add(&AddWebhooks::for_type(
            WebhookType::Outbound,
            vec!["https://hooks.acme.test/status".into()],
        ))
        .await
        .unwrap();
    let set = hooks.list().await.unwrap();
    assert_eq!(set.outbound.len(), 1);
    assert_eq!(set.receive.len(), 2);

    let bad = hooks
        .add(&AddWebhooks::new(vec!["http://hooks.acme.test/x".into()]))
        .await
        .unwrap_err();
    assert_eq!(bad.code(), sendblue_client::ErrorCode::Validation);

    let replacement = WebhookSet {
        contact_created: vec!["https://hooks.acme.test/contacts".into()],
        global_secret: Some("whs_global".into()),
        ..WebhookSet::default()
    };
    let set = hooks.replace(&replacement).await.unwrap().webhooks.unwrap();
    assert_eq!(set, replacement, "types left out end up empty");

    hooks
        .remove(&RemoveWebhooks::for_type(
            WebhookType::ContactCreated,
            vec!["https://hooks.acme.test/contacts".into()],
        ))
        .await
        .unwrap();
    assert!(hooks.list().await.unwrap().contact_created.is_empty());
}

#[tokio::test]
async fn deliveries_follow_the_configuration() {
    let sb = Sandbox::start().await;
    let rx = Receiver::start().await;
    let client = sb.client();
    add_webhooks(
        &client,
        WebhookType::ContactCreated,
        vec![
            rx.url("/plain").into(),
            WebhookEntry::Config(WebhookConfig {
                secret: Some("own".into()),
                ..WebhookConfig::new(rx.url("/own"))
            }),
        ],
        Some("global"),
    )
    .await;

    client
        .contacts()
        .create(&CreateContact::new("+14155550123"))
        .await
        .unwrap();
    let arrived = sb
        .eventually(Duration::from_secs(5), || rx.all().len() >= 2)
        .await;
    assert!(arrived, "{:?}", rx.all());
    let mut got = rx.all();
    got.sort_by(|a, b| a.path.cmp(&b.path));
    assert_eq!(got[0].path, "/own");
    assert_eq!(got[0].secret.as_deref(), Some("own"), "its own secret wins");
    assert_eq!(got[1].path, "/plain");
    assert_eq!(got[1].secret.as_deref(), Some("global"));
    for body in got.iter().map(|g| &g.body) {
        assert_eq!(body["type"], "contact_created");
        assert_eq!(body["phone"], "+14155550123");
    }
}
