//! Webhook and status-callback deliveries (§11): real POSTs to a loopback receiver, with the
//! `sb-signing-secret` header (per-webhook secret beats the global one), `sendblue_numbers`
//! filtering, retries after failures, per-URL order, and isolation from slow receivers.

mod support;

use std::time::{Duration, Instant};

use sendblue_client::models::contacts::CreateContact;
use sendblue_client::models::message_send::SendMessage;
use sendblue_client::models::webhooks::{WebhookConfig, WebhookEntry, WebhookType};
use support::receiver::Receiver;
use support::setup::{add_webhook, add_webhooks, receiver_urls, send_via};
use support::{Sandbox, V1_LINE as LINE2, V2_LINE as LINE};

fn with_secret(url: String, secret: &str) -> WebhookEntry {
    let mut config = WebhookConfig::new(url);
    config.secret = Some(secret.to_owned());
    WebhookEntry::Config(config)
}

fn for_lines(url: String, lines: &[&str]) -> WebhookEntry {
    let mut config = WebhookConfig::new(url);
    config.sendblue_numbers = Some(lines.iter().map(|l| l.to_string()).collect());
    WebhookEntry::Config(config)
}

#[tokio::test]
async fn receive_and_outbound_payloads_carry_the_right_secret() {
    let sb = Sandbox::start().await;
    let rx = Receiver::start().await;
    add_webhooks(
        &sb.client(),
        WebhookType::Receive,
        vec![
            WebhookEntry::Url(rx.url("/in-plain")),
            with_secret(rx.url("/in-own"), "whs_own"),
        ],
        Some("whs_global"),
    )
    .await;
    add_webhook(&sb.client(), WebhookType::Outbound, rx.url("/out")).await;

    sb.inbound_ok("+14155550122", LINE, "Can I move my appointment?")
        .await;
    let plain = rx.wait_for("/in-plain", 1).await;
    let own = rx.wait_for("/in-own", 1).await;
    assert_eq!(
        plain[0].secret.as_deref(),
        Some("whs_global"),
        "global secret applies"
    );
    assert_eq!(
        own[0].secret.as_deref(),
        Some("whs_own"),
        "own secret beats the global one"
    );
    assert_eq!(plain[0].content_type.as_deref(), Some("application/json"));
    let body = &plain[0].body;
    assert_eq!(
        body, &own[0].body,
        "every URL of a type gets the same payload"
    );
    assert_eq!(body["content"], "Can I move my appointment?");
    assert_eq!(body["is_outbound"], false);
    assert_eq!(body["status"], "RECEIVED");
    assert_eq!(body["from_number"], "+14155550122");
    assert_eq!(body["number"], "+14155550122");
    assert_eq!(body["to_number"], LINE);
    assert_eq!(body["sendblue_number"], LINE);
    assert!(body["message_handle"]
        .as_str()
        .is_some_and(|h| !h.is_empty()));
    assert!(body.get("accountEmail").is_some(), "{body}");
    assert!(
        body.get("type").is_none(),
        "message payloads carry no type: {body}"
    );

    let sent = send_via(&sb.client(), "+14155550124", LINE, "Your table is ready").await;
    let statuses = rx.wait_statuses("/out", "DELIVERED").await;
    assert_eq!(statuses.last().map(String::as_str), Some("DELIVERED"));
    assert!(statuses.contains(&"SENT".to_owned()), "{statuses:?}");
    let out = rx.at("/out");
    for got in &out {
        assert_eq!(got.secret.as_deref(), Some("whs_global"));
        assert_eq!(got.body["message_handle"], sent.message_handle.as_str());
        assert_eq!(got.body["is_outbound"], true);
        assert_eq!(got.body["from_number"], LINE);
        assert_eq!(got.body["number"], "+14155550124");
    }
    // The inbound message did not go to the outbound webhook, nor the send to receive ones.
    assert!(out.iter().all(|g| g.body["status"] != "RECEIVED"));
    assert_eq!(rx.at("/in-plain").len(), 1);
}

#[tokio::test]
async fn receive_webhooks_with_sendblue_numbers_only_get_their_lines() {
    let sb = Sandbox::start().await;
    let rx = Receiver::start().await;
    add_webhooks(
        &sb.client(),
        WebhookType::Receive,
        vec![
            for_lines(rx.url("/line2-only"), &[LINE2]),
            WebhookEntry::Url(rx.url("/all")),
        ],
        None,
    )
    .await;
    sb.inbound_ok("+14155550122", LINE, "to the first line")
        .await;
    sb.inbound_ok("+14155550122", LINE2, "to the second line")
        .await;
    let all = rx.wait_for("/all", 2).await;
    let only = rx.wait_for("/line2-only", 1).await;
    // Give a wrongly routed delivery time to show up.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let only_now = rx.at("/line2-only");
    assert_eq!(only_now.len(), 1, "{only_now:?}");
    assert_eq!(only[0].body["content"], "to the second line");
    assert_eq!(only[0].body["sendblue_number"], LINE2);
    assert_eq!(all[0].secret, None, "no secret configured, no header");
}

#[tokio::test]
async fn a_failing_receiver_gets_the_same_payload_again_with_backoff() {
    let sb = Sandbox::start().await; // retry base 50 ms: waits of 50 ms, 200 ms, 800 ms
    let rx = Receiver::start().await;
    rx.fail("/flaky", 2);
    rx.fail("/down", u32::MAX);
    add_webhooks(
        &sb.client(),
        WebhookType::Receive,
        receiver_urls(&rx, &["/flaky", "/down"]),
        None,
    )
    .await;
    sb.inbound_ok("+14155550122", LINE, "retry me").await;

    let flaky = rx.wait_for("/flaky", 3).await;
    assert!(
        flaky.iter().all(|g| g.body == flaky[0].body),
        "same payload each time"
    );
    assert_eq!(flaky[0].body["content"], "retry me");
    let gaps: Vec<Duration> = flaky.windows(2).map(|w| w[1].at - w[0].at).collect();
    assert!(gaps[0] >= Duration::from_millis(45), "{gaps:?}");
    assert!(gaps[1] >= Duration::from_millis(190), "{gaps:?}");

    // A receiver that never succeeds gets the first attempt and 3 retries, then no more.
    let down = rx.wait_for("/down", 4).await;
    assert_eq!(down[0].body, flaky[0].body);
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(rx.at("/down").len(), 4);
    assert_eq!(rx.at("/flaky").len(), 3, "a 200 ends the retries");
}

#[tokio::test]
async fn status_callbacks_are_delivered_with_the_global_secret_when_set() {
    let sb = Sandbox::start().await;
    let rx = Receiver::start().await;
    let client = sb.client();

    let mut first = SendMessage::text("+14155550126", LINE, "first");
    first.status_callback = Some(rx.url("/cb"));
    let first = client.messages().send(&first).await.unwrap();
    let statuses = rx.wait_statuses("/cb", "DELIVERED").await;
    assert_eq!(
        statuses.last().map(String::as_str),
        Some("DELIVERED"),
        "{statuses:?}"
    );
    let mut expected = statuses.clone();
    expected.dedup();
    assert_eq!(statuses, expected, "each status once");
    let order = ["QUEUED", "SENT", "DELIVERED"];
    let positions: Vec<usize> = statuses
        .iter()
        .map(|s| order.iter().position(|o| o == s).expect("known status"))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "in order: {statuses:?}"
    );
    for got in rx.at("/cb") {
        assert_eq!(got.secret, None, "no secret configured");
        assert_eq!(got.body["message_handle"], first.message_handle.as_str());
    }

    // Setting a global secret (with an unrelated webhook) puts it on callbacks too.
    add_webhooks(
        &sb.client(),
        WebhookType::Outbound,
        vec![WebhookEntry::Url(rx.url("/out"))],
        Some("whs_global"),
    )
    .await;
    let mut second = SendMessage::text("+14155550126", LINE, "second");
    second.status_callback = Some(rx.url("/cb2"));
    client.messages().send(&second).await.unwrap();
    rx.wait_statuses("/cb2", "DELIVERED").await;
    assert!(rx
        .at("/cb2")
        .iter()
        .all(|g| g.secret.as_deref() == Some("whs_global")));
    // The same message is also reported to the account's outbound webhook (§22.23).
    rx.wait_statuses("/out", "DELIVERED").await;
}

#[tokio::test]
async fn one_url_keeps_its_order_and_a_slow_one_holds_up_nobody() {
    let sb = Sandbox::start().await;
    let rx = Receiver::start().await;
    rx.slow_down("/slow", Duration::from_millis(1500));
    add_webhooks(
        &sb.client(),
        WebhookType::Receive,
        receiver_urls(&rx, &["/slow", "/fast"]),
        None,
    )
    .await;
    let started = Instant::now();
    for i in 0..10 {
        sb.inbound_ok("+14155550122", LINE, &format!("msg {i}"))
            .await;
    }
    let fast = rx.wait_for("/fast", 10).await;
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "the fast receiver waited for the slow one: {:?}",
        started.elapsed()
    );
    let order: Vec<String> = fast
        .iter()
        .map(|g| g.body["content"].as_str().unwrap_or("").to_owned())
        .collect();
    let expected: Vec<String> = (0..10).map(|i| format!("msg {i}")).collect();
    assert_eq!(order, expected);
    // The slow one is served one at a time, in order too.
    assert_eq!(rx.at("/slow").len(), 1);
    let slow = rx.wait_for("/slow", 2).await;
    assert_eq!(slow[0].body["content"], "msg 0");
    assert_eq!(slow[1].body["content"], "msg 1");
}

#[tokio::test]
async fn contact_created_webhooks_are_self_describing() {
    let sb = Sandbox::start().await;
    let rx = Receiver::start().await;
    add_webhooks(
        &sb.client(),
        WebhookType::ContactCreated,
        vec![
            WebhookEntry::Url(rx.url("/contacts")),
            // Never attempted: reserved domains cannot resolve.
            WebhookEntry::Url("https://hooks.acme.test/sb/contacts".to_owned()),
        ],
        Some("whs_global"),
    )
    .await;
    let mut contact = CreateContact::new("+14155550188");
    contact.first_name = Some("Dana".into());
    sb.client().contacts().create(&contact).await.unwrap();
    let got = rx.wait_for("/contacts", 1).await;
    let body = &got[0].body;
    assert_eq!(body["type"], "contact_created");
    assert_eq!(body["phone"], "+14155550188");
    assert_eq!(body["first_name"], "Dana");
    assert!(body["contact_id"].as_str().is_some());
    assert_eq!(got[0].secret.as_deref(), Some("whs_global"));
}
