//! Every fenced JSON example of the reference decodes through the endpoint that answers it
//! (served by a loopback server, so envelopes and shape variants are exercised for real), and
//! every webhook and event example through its payload type. The count is checked, so a new
//! example in the reference fails this test until it is mapped.

mod support;

use sendblue_client::models::common::StatusResponse;
use sendblue_client::models::events::AccountEvent;
use sendblue_client::models::webhook_payloads::WebhookPayload;
use sendblue_client::{MessageStatus, MessageType, Service};
use support::reference::{fenced, Example};
use support::Recorder;

async fn serve(example: &Example) -> Recorder {
    let server = Recorder::start().await;
    server.respond(200, &example.json);
    server
}

#[tokio::test]
async fn every_fenced_example_decodes() {
    let examples = fenced();
    assert_eq!(
        examples.len(),
        18,
        "the reference's JSON examples changed: map the new ones here"
    );
    for (i, ex) in examples.iter().enumerate() {
        check(i, ex).await;
    }
}

async fn check(i: usize, ex: &Example) {
    let at = format!("example {} at line {} ({})", i + 1, ex.line, ex.section);
    match i {
        0 => {
            // The seed's envelope sketch: two objects with `//` comments.
            for line in ex.json.lines().filter(|l| l.trim_start().starts_with('{')) {
                let object = line.split("//").next().unwrap();
                let body: StatusResponse = serde_json::from_str(object).expect(&at);
                assert!(body.status.is_some(), "{at}");
            }
        }
        1 => {
            let s = serve(ex).await;
            let m = s
                .client()
                .messages()
                .status("3f1c2a9e-7b44-4d1a-9a0e-5c2d8e6f1b07")
                .await
                .expect(&at);
            assert_eq!(m.status, MessageStatus::Queued, "{at}");
            assert_eq!(m.message_handle, "3f1c2a9e-7b44-4d1a-9a0e-5c2d8e6f1b07");
        }
        2 => {
            let s = serve(ex).await;
            let m = s
                .client()
                .messages()
                .status("b0a1d5c2-1e2f-4a3b-8c4d-5e6f7a8b9c0d")
                .await
                .expect(&at);
            assert_eq!(m.message_type, Some(MessageType::Group), "{at}");
            assert_eq!(
                m.group_id.as_deref(),
                Some("8c2f4e6a-0b1d-4c3e-9f5a-7b6c5d4e3f21")
            );
        }
        3 => {
            let s = serve(ex).await;
            let m = s
                .client()
                .messages()
                .status("c7d8e9f0-1a2b-4c3d-8e9f-0a1b2c3d4e5f")
                .await
                .expect(&at);
            assert_eq!(m.message_type, Some(MessageType::Carousel), "{at}");
            assert_eq!(m.account_email.as_deref(), Some("ops@acme.test"));
        }
        4 => {
            let s = serve(ex).await;
            let page = s
                .client()
                .messages()
                .list(&Default::default())
                .await
                .expect(&at);
            assert_eq!(page.data.len(), 1, "{at}");
            assert_eq!(page.data[0].status, MessageStatus::Received);
            assert_eq!(page.data[0].service, Some(Service::IMessage));
            assert_eq!(page.pagination.as_ref().unwrap().total, 1);
        }
        5 => {
            let s = serve(ex).await;
            let r = s
                .client()
                .reactions()
                .send(&sendblue_client::models::reactions::SendReaction::new(
                    "+14155550100",
                    "5E1B7C2A-93D4-4F0B-A1C6-2D8E9F7A6B50",
                    sendblue_client::Reaction::Love,
                ))
                .await
                .expect(&at);
            assert_eq!(r.reaction, Some(sendblue_client::Reaction::Love), "{at}");
        }
        6 => {
            let s = Recorder::start().await;
            s.respond(201, &ex.json);
            let file = tempfile::NamedTempFile::new().unwrap();
            std::fs::write(file.path(), b"pdf").unwrap();
            let r = s
                .client()
                .media()
                .upload_file(file.path())
                .await
                .expect(&at);
            assert!(r.media_url.ends_with("k3j9_report.pdf"), "{at}");
        }
        7 => {
            let s = serve(ex).await;
            let g = s
                .client()
                .groups()
                .get("sb_group_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
                .await
                .expect(&at);
            assert_eq!(g.group_name.as_deref(), Some("Launch crew"), "{at}");
            assert_eq!(g.participants.len(), 1);
        }
        8 => {
            let s = serve(ex).await;
            let w = s.client().webhooks().list().await.expect(&at);
            assert_eq!(w.receive.len(), 2, "{at}");
            assert_eq!(w.global_secret.as_deref(), Some("whs_global_9d2f"));
        }
        9 | 10 => {
            let p = WebhookPayload::from_slice(ex.json.as_bytes()).expect(&at);
            match (i, p) {
                (9, WebhookPayload::Inbound(m)) => {
                    assert_eq!(m.status, Some(MessageStatus::Received))
                }
                (10, WebhookPayload::StatusUpdate(m)) => {
                    assert_eq!(m.status, Some(MessageStatus::Delivered))
                }
                (_, other) => panic!("{at}: classified as {other:?}"),
            }
        }
        11 => match WebhookPayload::from_slice(ex.json.as_bytes()).expect(&at) {
            WebhookPayload::Typing(t) => assert!(t.is_typing, "{at}"),
            other => panic!("{at}: classified as {other:?}"),
        },
        12 => match WebhookPayload::from_slice(ex.json.as_bytes()).expect(&at) {
            WebhookPayload::Other(p) => assert_eq!(
                p.kind.as_ref().map(|k| k.as_str()),
                Some("call_log"),
                "{at}"
            ),
            other => panic!("{at}: classified as {other:?}"),
        },
        13 => {
            let s = serve(ex).await;
            let state = s.client().lines().state().await.expect(&at);
            assert_eq!(state.data.len(), 1, "{at}");
            assert_eq!(
                state.data[0].sendblue_number.as_deref(),
                Some("+14155550100")
            );
        }
        14 => {
            let s = serve(ex).await;
            let t = s
                .client()
                .auth()
                .create_token(&Default::default())
                .await
                .expect(&at);
            assert_eq!(t.token_id, "11111111-2222-4333-8444-555555555555", "{at}");
            assert!(t.token.expose().starts_with("sbt_live_"));
        }
        15 => {
            let s = serve(ex).await;
            let p = s.client().provisioning().preview().await.expect(&at);
            assert!(p.preview_token.starts_with("lpv_"), "{at}");
        }
        16 => {
            let s = serve(ex).await;
            let st = s.client().sharing().state("+14155550100").await.expect(&at);
            assert_eq!(
                st.display_name.as_deref(),
                Some("Acme Dental Front Desk"),
                "{at}"
            );
        }
        17 => {
            let s = serve(ex).await;
            let call = s
                .client()
                .facetime()
                .start_call("+14155550123", "+14155550100")
                .await
                .expect(&at);
            assert_eq!(call.agora.uid, 0, "{at}");
        }
        _ => panic!("{at}: not mapped"),
    }
}

#[test]
fn the_sse_example_carries_a_version_1_event() {
    // §12.1 shows the wire format in a plain fence: take its `data:` line.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/reference/sendblue-api-v2.md"
    ))
    .unwrap();
    let data = text
        .lines()
        .find_map(|l| l.strip_prefix("data: {\"version\":1"))
        .map(|rest| format!("{{\"version\":1{rest}"))
        .expect("the §12.1 example");
    let event = AccountEvent::from_value(serde_json::from_str(&data).unwrap()).unwrap();
    assert_eq!(event.id, "evt_01HV7M6Q2");
    assert_eq!(event.event_type.as_str(), "message.received");
}
