//! Every inline JSON example of the reference (the `{…}` spans in tables and prose): answers
//! decode through the endpoint that returns them, error bodies keep their message and map to
//! the right code, and request examples equal what the client sends. The count is checked so a
//! new example fails this test until it is mapped.

mod support;

use sendblue_client::models::common::StatusResponse;
use sendblue_client::models::webhook_payloads::WebhookPayload;
use sendblue_client::{Client, ErrorCode, MessageStatus, Service};
use serde_json::Value;
use support::reference::{inline, Example};
use support::Recorder;

const LINE: &str = "+14155550100";
const PHONE: &str = "+14155550123";

/// Serves `json` with `status` and returns the server and its client.
async fn serve(status: u16, json: &str) -> (Recorder, Client) {
    let server = Recorder::start().await;
    server.respond(status, json);
    let client = server.client();
    (server, client)
}

/// An error example: served with `status`, the client's error keeps the message and has `code`.
async fn error_body(ex: &Example, status: u16, code: ErrorCode) {
    let (_s, c) = serve(status, &ex.json).await;
    let err = c.contacts().count().await.unwrap_err();
    assert_eq!(err.code(), code, "line {}", ex.line);
    let expected: Value = serde_json::from_str(&ex.json).unwrap();
    assert_eq!(
        err.upstream_message(),
        expected["message"].as_str(),
        "line {}",
        ex.line
    );
}

/// A request example: the body the client sent equals it.
fn sent_body_is(server: &Recorder, ex: &Example) {
    let expected: Value = serde_json::from_str(&ex.json).unwrap();
    let sent = server.requests().last().expect("a request").json();
    assert_eq!(sent, expected, "line {}", ex.line);
}

#[tokio::test]
async fn every_inline_example_is_mapped_and_holds() {
    let examples = inline();
    assert_eq!(
        examples.len(),
        50,
        "the reference's inline JSON examples changed: map the new ones here"
    );
    for (i, ex) in examples.iter().enumerate() {
        check(i, ex).await;
    }
}

async fn check(i: usize, ex: &Example) {
    let at = format!(
        "inline example {} at line {} ({})",
        i + 1,
        ex.line,
        ex.section
    );
    let json = ex.json.as_str();
    match i {
        // §1.2 missing headers: a 403 that means "no keys", so Unauthorized.
        0 => error_body(ex, 403, ErrorCode::Unauthorized).await,
        1 => error_body(ex, 401, ErrorCode::Unauthorized).await,
        2 => error_body(ex, 403, ErrorCode::Forbidden).await,
        3 | 4 => error_body(ex, 400, ErrorCode::Validation).await,
        // §3.1 legacy `participants: []`.
        5 => {
            let v: Vec<String> = serde_json::from_str(json).expect(&at);
            assert!(v.is_empty());
        }
        6 => {
            let (_s, c) = serve(200, json).await;
            let r = c
                .groups()
                .modify(&sendblue_client::models::groups::ModifyGroup::new(
                    "8c2f",
                    sendblue_client::models::groups::GroupModifyType::AddRecipient,
                    "+14155550177",
                ))
                .await
                .expect(&at);
            assert_eq!(r.status.as_deref(), Some("OK"), "{at}");
        }
        7 => {
            let (_s, c) = serve(200, json).await;
            let r = c.messages().evaluate_service(PHONE).await.expect(&at);
            assert_eq!(r.service, Service::IMessage, "{at}");
        }
        8 => {
            let (_s, c) = serve(200, json).await;
            let r = c
                .messages()
                .request_location(
                    &sendblue_client::models::message_send::RequestLocation::new(LINE, PHONE),
                )
                .await
                .expect(&at);
            assert_eq!(r.status.as_deref(), Some("QUEUED"), "{at}");
        }
        9 => {
            let (_s, c) = serve(200, json).await;
            let r = c.messages().delete("h").await.expect(&at);
            assert_eq!(r.message.as_deref(), Some("Message deleted"), "{at}");
        }
        10 => error_body(ex, 404, ErrorCode::NotFound).await,
        11 => {
            let (_s, c) = serve(200, json).await;
            let r = c
                .reactions()
                .mark_read(&sendblue_client::models::reactions::MarkRead::new(
                    PHONE, LINE,
                ))
                .await
                .expect(&at);
            assert_eq!(r.number.as_deref(), Some(PHONE), "{at}");
        }
        12 => error_body(ex, 400, ErrorCode::Validation).await,
        13 | 14 => {
            let (_s, c) = serve(200, json).await;
            let r = c
                .reactions()
                .typing(&sendblue_client::models::reactions::TypingIndicator::start(
                    PHONE, LINE,
                ))
                .await
                .expect(&at);
            let want = if i == 13 {
                MessageStatus::Sent
            } else {
                MessageStatus::Queued
            };
            assert_eq!(r.status, Some(want), "{at}");
        }
        15 => {
            let (_s, c) = serve(201, json).await;
            let r = c
                .media()
                .upload_media_object("https://files.acme.test/a.jpg")
                .await
                .expect(&at);
            assert_eq!(r.media_object_id.as_deref(), Some("MO_9f2c1a.jpg"), "{at}");
        }
        16 => error_body(ex, 400, ErrorCode::Validation).await,
        17 => {
            let (_s, c) = serve(200, json).await;
            let r = c
                .groups()
                .set_name(
                    "g",
                    &sendblue_client::models::groups::SetGroupName::new(Some("Launch crew".into())),
                )
                .await
                .expect(&at);
            assert_eq!(r.group_name.as_deref(), Some("Launch crew"), "{at}");
        }
        18 => {
            let (_s, c) = serve(200, json).await;
            let r = c.contacts().list(&Default::default()).await.expect(&at);
            assert_eq!(r.len(), 1, "{at}");
            assert_eq!(r[0].first_name.as_deref(), Some("Dana"));
            assert_eq!(
                r[0].custom_variables.get("Plan").map(String::as_str),
                Some("Pro")
            );
        }
        19 => {
            let (_s, c) = serve(200, json).await;
            assert_eq!(c.contacts().count().await.expect(&at), 42);
        }
        20 => error_body(ex, 404, ErrorCode::NotFound).await,
        21 => {
            let (_s, c) = serve(200, json).await;
            let r = c.contacts().delete(PHONE).await.expect(&at);
            assert_eq!(r.status.as_deref(), Some("OK"), "{at}");
        }
        22 => {
            let (s, c) = serve(200, r#"{"status":"OK","amount":2}"#).await;
            c.contacts()
                .bulk_delete(&["+14155550123".into(), "+14155550124".into()])
                .await
                .expect(&at);
            sent_body_is(&s, ex);
        }
        23 => {
            let (_s, c) = serve(200, json).await;
            let r = c.contacts().bulk_delete(&[PHONE.into()]).await.expect(&at);
            assert_eq!(r.amount, 2, "{at}");
        }
        24 => {
            let (_s, c) = serve(200, json).await;
            let r = c
                .contacts()
                .opt_out(&sendblue_client::models::contacts::OptOut::new(PHONE, true))
                .await
                .expect(&at);
            assert_eq!(r.number.as_deref(), Some(PHONE), "{at}");
        }
        25 => {
            let (s, c) = serve(200, r#"{"status":"OK"}"#).await;
            c.contacts().verify(PHONE).await.expect(&at);
            sent_body_is(&s, ex);
        }
        26 | 27 | 39 | 43 | 45 | 47 | 48 | 49 => {
            let body: StatusResponse = serde_json::from_str(json).expect(&at);
            assert!(body.status.is_some() || body.message.is_some(), "{at}");
            if body.status.as_deref() == Some("ERROR") {
                let code = match i {
                    47 => ErrorCode::RateLimited,
                    49 => ErrorCode::Forbidden,
                    _ => ErrorCode::Validation,
                };
                let status = match code {
                    ErrorCode::RateLimited => 429,
                    ErrorCode::Forbidden => 403,
                    _ => 400,
                };
                error_body(ex, status, code).await;
            }
        }
        28 | 29 => match WebhookPayload::from_slice(json.as_bytes()).expect(&at) {
            WebhookPayload::Other(p) => {
                let want = if i == 28 {
                    "line_assigned"
                } else {
                    "line_blocked"
                };
                assert_eq!(p.kind.as_ref().map(|k| k.as_str()), Some(want), "{at}");
            }
            other => panic!("{at}: classified as {other:?}"),
        },
        // §12.1 control frame: not a version-1 event.
        30 => {
            let v: Value = serde_json::from_str(json).unwrap();
            assert!(
                sendblue_client::models::events::AccountEvent::from_value(v).is_err(),
                "{at}"
            );
        }
        31 => {
            let (_s, c) = serve(200, json).await;
            let r = c.lines().list().await.expect(&at);
            assert_eq!(r, vec!["+14155550100", "+14155550101"], "{at}");
        }
        32 => {
            let (_s, c) = serve(200, json).await;
            let r = c.lines().call_forwarding(LINE).await.expect(&at);
            assert_eq!(r.forwarding_number.as_deref(), Some("+14155550199"), "{at}");
        }
        33 => {
            let (s, c) = serve(
                200,
                r#"{"sendblue_number":"+14155550100","forwarding_number":"+14155550199"}"#,
            )
            .await;
            c.lines()
                .set_call_forwarding(LINE, "+14155550199")
                .await
                .expect(&at);
            sent_body_is(&s, ex);
        }
        34 => {
            let (_s, c) = serve(200, json).await;
            assert_eq!(c.seats().count(None).await.expect(&at), 7);
        }
        35 => {
            let (_s, c) = serve(200, json).await;
            let r = c.account().get().await.expect(&at);
            assert_eq!(r.email.as_deref(), Some("ops@acme.test"), "{at}");
        }
        36 => {
            let (s, c) = serve(200, r#"{"status":"OK"}"#).await;
            c.provisioning().confirm("lpv_…").await.expect(&at);
            sent_body_is(&s, ex);
        }
        37 => {
            let (_s, c) = serve(200, json).await;
            let r = c.provisioning().confirm("lpv_x").await.expect(&at);
            assert_eq!(r.phone_number.as_deref(), Some("+14155550188"), "{at}");
        }
        38 => {
            let (_s, c) = serve(200, json).await;
            let r = c.provisioning().line_request(12345).await.expect(&at);
            assert_eq!(r.id, 12345, "{at}");
            assert_eq!(r.desired_area_code.as_deref(), Some("415"));
        }
        40 => {
            let (s, c) = serve(200, r#"{"status":"OK","requested":true}"#).await;
            c.sharing().share("+1…", "+1…").await.expect(&at);
            sent_body_is(&s, ex);
        }
        41 => {
            let (_s, c) = serve(200, json).await;
            let r = c.sharing().share(LINE, PHONE).await.expect(&at);
            assert!(r.requested, "{at}");
        }
        42 => {
            let (s, c) = serve(200, r#"{"status":"OK"}"#).await;
            c.sharing().delete_profile("+1…").await.expect(&at);
            sent_body_is(&s, ex);
        }
        44 => {
            let (s, c) = serve(200, r#"{"data":{"contact":null,"line":null}}"#).await;
            let _ = c.verified_contacts().add("+1…").await;
            sent_body_is(&s, ex);
        }
        46 => {
            let (_s, c) = serve(200, json).await;
            let r = c.totp().code("s1").await.expect(&at);
            assert_eq!(r.code, "492039", "{at}");
            assert_eq!(r.expires_in, Some(17));
        }
        _ => panic!("{at}: not mapped"),
    }
}
