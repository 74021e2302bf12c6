//! The account event stream: the request sent, frames turned into items (events, heartbeats,
//! control frames, the clean end), the idle timeout, 404, and the gap-repair queries.

mod support;

use std::collections::HashMap;
use std::convert::Infallible;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::response::Response;
use futures_util::{stream, StreamExt, TryStreamExt};
use sendblue_client::api::events::EventStreamOptions;
use sendblue_client::models::events::{AccountEvent, EventData, EventType, StreamItem};
use sendblue_client::models::lines::LineStatus;
use sendblue_client::{Client, ErrorCode, MessageStatus, NetworkFailure};
use serde_json::json;
use support::Recorder;

/// The §12.1 example event.
const RECEIVED: &str = r#"{"version":1,"id":"evt_01HV7M6Q2","type":"message.received","occurred_at":"2026-03-02T19:01:07.390Z","data":{"message_id":"A4C1E2F0-6B7D-4E8F-9A0B-1C2D3E4F5A6B","is_outbound":false,"status":"RECEIVED","number":"+14155550123","sendblue_number":"+14155550100"}}"#;

fn assert_received_event(item: &StreamItem) {
    let StreamItem::Event(ev) = item else {
        panic!("expected an event, got {item:?}")
    };
    assert_eq!(ev.version, 1);
    assert_eq!(ev.id, "evt_01HV7M6Q2");
    assert_eq!(ev.event_type, EventType::MessageReceived);
    assert_eq!(ev.occurred_at.as_deref(), Some("2026-03-02T19:01:07.390Z"));
    let EventData::Message(m) = &ev.data else {
        panic!("{:?}", ev.data)
    };
    assert_eq!(
        m.message_id.as_deref(),
        Some("A4C1E2F0-6B7D-4E8F-9A0B-1C2D3E4F5A6B")
    );
    assert_eq!(m.is_outbound, Some(false));
    assert_eq!(m.status, Some(MessageStatus::Received));
    assert_eq!(m.number.as_deref(), Some("+14155550123"));
    assert_eq!(m.sendblue_number.as_deref(), Some("+14155550100"));
    assert_eq!(ev.raw["data"]["number"], json!("+14155550123"));
}

#[tokio::test]
async fn stream_sends_accept_and_types_and_yields_items_then_ended() {
    let server = Recorder::start().await;
    let body = format!(
        "event: message.received\ndata: {RECEIVED}\n\n: heartbeat\n\ndata: {{\"status\":\"OK\"}}\n\n\
         event: message.received\ndata: {{\"version\":2,\"id\":\"evt_2\",\"type\":\"message.received\"}}\n\n"
    );
    server.respond(200, &body);
    let types = [EventType::MessageReceived, EventType::TypingChanged];
    let items: Vec<StreamItem> = server
        .client()
        .events()
        .stream(&types)
        .await
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 5, "{items:#?}");
    assert_received_event(&items[0]);
    assert_eq!(items[1], StreamItem::Heartbeat);
    assert_eq!(items[2], StreamItem::Control(json!({"status": "OK"})));
    assert_eq!(
        items[3],
        StreamItem::Control(json!({"version": 2, "id": "evt_2", "type": "message.received"}))
    );
    assert_eq!(items[4], StreamItem::Ended);

    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/events");
    assert_eq!(
        req.query_pairs(),
        vec![(
            "types".to_string(),
            "message.received,typing.changed".to_string()
        )]
    );
    assert_eq!(req.header("accept"), Some("text/event-stream"));
    req.assert_authenticated();
}

#[tokio::test]
async fn stream_without_types_sends_no_query() {
    let server = Recorder::start().await;
    server.respond(200, "");
    let items: Vec<_> = server
        .client()
        .events()
        .stream(&[])
        .await
        .unwrap()
        .collect()
        .await;
    assert_eq!(items.len(), 1);
    assert_eq!(*items[0].as_ref().unwrap(), StreamItem::Ended);
    assert_eq!(server.only_request().query, None);
}

/// A server that sends `chunks` (with short pauses) and then closes, or goes silent.
async fn sse_server(
    chunks: Vec<&'static str>,
    then_silent: bool,
) -> (String, tokio::task::JoinHandle<()>) {
    let app = axum::Router::new().route(
        "/api/v2/events",
        axum::routing::get(move || {
            let chunks = chunks.clone();
            async move {
                let sent = stream::iter(chunks).then(|c| async move {
                    tokio::time::sleep(Duration::from_millis(15)).await;
                    Ok::<_, Infallible>(Bytes::from_static(c.as_bytes()))
                });
                let body = if then_silent {
                    Body::from_stream(sent.chain(stream::pending()))
                } else {
                    Body::from_stream(sent)
                };
                Response::builder()
                    .header("content-type", "text/event-stream")
                    .body(body)
                    .unwrap()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    (base, task)
}

fn client_for(base: &str) -> Client {
    let mut config = sendblue_client::ClientConfig::new(support::KEY_ID, support::SECRET)
        .with_base_url(base)
        .unwrap();
    config.retry = sendblue_client::RetryPolicy::none();
    Client::new(config).unwrap()
}

#[tokio::test]
async fn frames_split_across_chunks_arrive_whole_and_in_order() {
    let (base, task) = sse_server(
        vec![
            "event: message.rec",
            "eived\r\ndata: {\"version\":1,\"id\":\"evt_01HV7M6Q2\",\"type\":\"message.received\",\"occurred_at\":\"2026-03-02T19:01:07.390Z\",\"data\":{\"message_id\":\"A4C1E2F0-6B7D-4E8F-9A0B-1C2D3E4F5A6B\",",
            "\"is_outbound\":false,\"status\":\"RECEIVED\",\"number\":\"+14155550123\",\"sendblue_number\":\"+14155550100\"}}\r\n",
            "\r\n: heart",
            "beat\n\ndata: {\"status\":\"OK\"}\n",
            "\ndata: not json\n\n",
            "event: typing.changed\ndata: {\"version\":1,\"id\":\"evt_3\",\"type\":\"typing.changed\",\"occurred_at\":\"2026-03-02T19:01:08.000Z\",\"data\":{\"number\":\"+14155550123\",\"is_typing\":true}}\n\n",
        ],
        false,
    )
    .await;
    let items: Vec<StreamItem> = client_for(&base)
        .events()
        .stream(&[])
        .await
        .unwrap()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 6, "{items:#?}");
    assert_received_event(&items[0]);
    assert_eq!(items[1], StreamItem::Heartbeat);
    assert_eq!(items[2], StreamItem::Control(json!({"status": "OK"})));
    assert_eq!(items[3], StreamItem::Control(json!("not json")));
    let StreamItem::Event(ev) = &items[4] else {
        panic!("{:?}", items[4])
    };
    let EventData::Typing(t) = &ev.data else {
        panic!("{:?}", ev.data)
    };
    assert_eq!(t.number.as_deref(), Some("+14155550123"));
    assert_eq!(t.is_typing, Some(true));
    assert_eq!(items[5], StreamItem::Ended);
    task.abort();
}

#[tokio::test]
async fn a_silent_stream_ends_with_a_network_error_after_three_heartbeats() {
    let (base, task) = sse_server(vec![": heartbeat\n\n"], true).await;
    let options = EventStreamOptions {
        types: vec![],
        heartbeat: Duration::from_millis(100),
    };
    assert_eq!(options.idle_timeout(), Duration::from_millis(300));
    assert_eq!(
        EventStreamOptions::default().idle_timeout(),
        Duration::from_secs(45)
    );
    let started = std::time::Instant::now();
    let items: Vec<_> = client_for(&base)
        .events()
        .stream_with(&options)
        .await
        .unwrap()
        .collect()
        .await;
    assert_eq!(items.len(), 2, "{items:#?}");
    assert_eq!(*items[0].as_ref().unwrap(), StreamItem::Heartbeat);
    let err = items[1].as_ref().unwrap_err();
    assert_eq!(err.code(), ErrorCode::Network);
    assert!(matches!(
        err,
        sendblue_client::Error::Network {
            failure: NetworkFailure::Timeout,
            ..
        }
    ));
    assert!(started.elapsed() >= Duration::from_millis(300));
    task.abort();
}

#[tokio::test]
async fn not_found_means_poll_instead() {
    let server = Recorder::start().await;
    server.respond(404, r#"{"status":"ERROR","message":"Not found"}"#);
    let err = match server.client().events().stream(&[]).await {
        Ok(_) => panic!("a 404 must not open a stream"),
        Err(e) => e,
    };
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert!(err.is_stream_unavailable());
    assert_eq!(err.status(), Some(404));
    let other = sendblue_client::Error::Api {
        status: 403,
        error_code: None,
        message: None,
        retry_after: None,
        body_excerpt: None,
    };
    assert!(!other.is_stream_unavailable());
}

#[test]
fn event_data_is_typed_per_type_and_loose_otherwise() {
    let ev = |v: serde_json::Value| AccountEvent::from_value(v).unwrap();
    let e = ev(
        json!({"version":1,"id":"e1","type":"message.updated","occurred_at":"t","data":{"message_id":"h","status":"ERROR","updated_at":"2026-03-02T19:02:00.000Z","number":"+14155550123","sendblue_number":"+14155550100","is_outbound":true,"error_code":10001,"error_message":"Message failed to send"}}),
    );
    let EventData::Message(m) = &e.data else {
        panic!("{e:?}")
    };
    assert_eq!(m.status, Some(MessageStatus::Error));
    assert_eq!(m.error_code, Some(json!(10001)));
    assert_eq!(m.updated_at.as_deref(), Some("2026-03-02T19:02:00.000Z"));

    let e = ev(
        json!({"version":1,"id":"e2","type":"line.status.changed","occurred_at":"t","data":{"sendblue_number":"+14155550100","worker_id":"w_mac_0142","status":"DEGRADED"}}),
    );
    let EventData::Line(l) = &e.data else {
        panic!("{e:?}")
    };
    assert_eq!(l.status, Some(LineStatus::Degraded));
    assert_eq!(l.worker_id.as_deref(), Some("w_mac_0142"));

    let e = ev(
        json!({"version":1,"id":"e3","type":"contact.created","occurred_at":"t","data":{"contact_id":"c_81","phone":"+14155550123","first_name":"Dana","last_name":"Lee","created_at":"2026-01-05T12:00:00.000Z"}}),
    );
    let EventData::Contact(c) = &e.data else {
        panic!("{e:?}")
    };
    assert_eq!(c.contact_id.as_deref(), Some("c_81"));
    assert_eq!(c.phone.as_deref(), Some("+14155550123"));

    let e = ev(
        json!({"version":1,"id":"e4","type":"verification.approved","occurred_at":"t","data":{"verification_sid":"VE123","status":"approved"}}),
    );
    let EventData::Verification(v) = &e.data else {
        panic!("{e:?}")
    };
    assert_eq!(v.verification_sid.as_deref(), Some("VE123"));

    let e = ev(
        json!({"version":1,"id":"e5","type":"seat.created","occurred_at":"t","data":{"seat_id":"s1"}}),
    );
    assert_eq!(e.event_type, EventType::Unknown("seat.created".into()));
    assert_eq!(e.data, EventData::Other(json!({"seat_id":"s1"})));

    // Data that does not fit its type's model stays loose instead of failing.
    let e = ev(
        json!({"version":1,"id":"e6","type":"typing.changed","occurred_at":"t","data":{"number":"+1","is_typing":"yes"}}),
    );
    assert_eq!(
        e.data,
        EventData::Other(json!({"number":"+1","is_typing":"yes"}))
    );

    // Serialized back, an event is its wire shape (without the raw copy).
    let wire = json!({"version":1,"id":"e3","type":"contact.created","occurred_at":"t","data":{"contact_id":"c_81","phone":"+14155550123","first_name":"Dana","last_name":"Lee","created_at":"2026-01-05T12:00:00.000Z"}});
    assert_eq!(serde_json::to_value(ev(wire.clone())).unwrap(), wire);
    let back: AccountEvent = serde_json::from_value(wire).unwrap();
    assert_eq!(back.id, "e3");

    // Not version-1 events.
    assert!(AccountEvent::from_value(json!({"status":"OK"})).is_err());
    assert!(AccountEvent::from_value(json!({"version":1,"type":"x"})).is_err());
    assert!(AccountEvent::from_value(json!([1])).is_err());
}

fn query_map(req: &support::Recorded) -> HashMap<String, String> {
    req.query_pairs().into_iter().collect()
}

/// The §5.1 example row, with its handle and update time as parameters.
fn message_row(handle: &str, updated: &str) -> serde_json::Value {
    json!({
        "accountEmail": "ops@acme.test", "content": "Running 5 min late",
        "date_sent": "2026-03-02T18:20:41.000Z", "date_updated": updated,
        "error_code": null, "error_detail": null, "error_message": null, "error_reason": null,
        "from_number": "+14155550123", "to_number": "+14155550100", "number": "+14155550123",
        "sendblue_number": "+14155550100", "group_id": "", "group_display_name": null,
        "participants": ["+14155550123", "+14155550100"], "is_outbound": false, "media_url": "",
        "message_handle": handle, "message_type": "message", "opted_out": false,
        "plan": "dedicated", "send_style": "", "service": "iMessage", "status": "RECEIVED",
        "was_downgraded": null
    })
}

#[tokio::test]
async fn gap_repair_reads_messages_updated_since_in_order() {
    let server = Recorder::start().await;
    let page1 = json!({"status":"OK","data":[message_row("h1","2026-03-02T18:20:41.050Z"), message_row("h2","2026-03-02T18:21:00.000Z")],"pagination":{"limit":2,"offset":0,"total":3,"hasMore":true}});
    let page2 = json!({"status":"OK","data":[message_row("h3","2026-03-02T18:22:00.000Z")],"pagination":{"limit":2,"offset":2,"total":3,"hasMore":false}});
    server.respond(200, &page1.to_string());
    server.respond(200, &page2.to_string());
    let since = "2026-03-02T18:00:00.000Z";
    let rows: Vec<_> = server
        .client()
        .events()
        .gap_repair()
        .messages_updated_since(since, 2)
        .try_collect()
        .await
        .unwrap();
    let handles: Vec<_> = rows.iter().map(|m| m.message_handle.as_str()).collect();
    assert_eq!(handles, ["h1", "h2", "h3"]);
    assert_eq!(rows[0].status, MessageStatus::Received);
    assert_eq!(rows[0].content, "Running 5 min late");
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for (req, offset) in reqs.iter().zip(["0", "2"]) {
        assert_eq!(req.method, "GET");
        assert_eq!(req.path, "/api/v2/messages");
        let q = query_map(req);
        assert_eq!(q.get("updated_at_gte").map(String::as_str), Some(since));
        assert_eq!(q.get("order_by").map(String::as_str), Some("updated_at"));
        assert_eq!(q.get("order_direction").map(String::as_str), Some("asc"));
        assert_eq!(q.get("limit").map(String::as_str), Some("2"));
        assert_eq!(q.get("offset").map(String::as_str), Some(offset));
        assert_eq!(q.len(), 5, "{q:?}");
        req.assert_authenticated();
    }
}

#[tokio::test]
async fn gap_repair_contacts_and_line_state() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"[{"contact_id":"c_81","phone":"+14155550123","created_at":"2026-01-05T12:00:00.000Z"}]"#,
    );
    server.respond(
        200,
        r#"{"status":"OK","snapshot_at":"2026-03-02T19:05:00.000Z","data":[]}"#,
    );
    let client = server.client();
    let repair = client.events().gap_repair();
    let contacts: Vec<_> = repair
        .contacts_created_since("2026-01-05T00:00:00.000Z", 100)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0].contact_id.as_deref(), Some("c_81"));
    let snap = repair.line_state().await.unwrap();
    assert_eq!(
        snap.snapshot_at.as_deref(),
        Some("2026-03-02T19:05:00.000Z")
    );
    let reqs = server.requests();
    assert_eq!(reqs[0].path, "/api/v2/contacts");
    assert_eq!(
        reqs[0].query_pairs(),
        vec![
            ("limit".to_string(), "100".to_string()),
            ("offset".to_string(), "0".to_string()),
            ("order_by".to_string(), "created_at".to_string()),
            ("order_direction".to_string(), "asc".to_string()),
            (
                "created_at_gte".to_string(),
                "2026-01-05T00:00:00.000Z".to_string()
            ),
        ]
    );
    assert_eq!(reqs[1].path, "/api/v2/lines/state");
}

#[tokio::test]
async fn gap_repair_verifications_updated_since() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":[{"sid":"VE1","service_sid":"VA1","channel":"imessage","status":"approved","date_created":"2026-03-02T19:00:00.000Z","date_updated":"2026-03-02T19:02:00.000Z"}],"pagination":{"count":1,"limit":100,"offset":0,"has_more":false}}"#,
    );
    let client = server.client();
    let rows = client
        .events()
        .gap_repair()
        .verifications_updated_since("2026-03-02T19:00:00.000Z")
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].sid, "VE1");
    let req = server.only_request();
    assert_eq!(req.path, "/api/v2/verify/verifications");
    assert!(req
        .query_pairs()
        .contains(&("updated_at_gte".into(), "2026-03-02T19:00:00.000Z".into())));
}
