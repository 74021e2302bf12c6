//! Find My location (§18): list, one contact, and the watch stream's named events.

mod support;

use futures_util::StreamExt;
use sendblue_client::models::location::{LocationState, LocationType, WatchEndReason, WatchEvent};
use sendblue_client::{Error, ErrorCode};
use serde_json::json;
use support::Recorder;

const FIX: &str = r#"{"latitude":37.7749,"longitude":-122.4194,"accuracy":12.5,"altitude":16.0,"address":"1 Market St, San Francisco, CA","timestamp":"2026-03-02T19:00:00.000Z","expiresAt":"2026-03-02T19:05:00.000Z","locationType":"live"}"#;

#[tokio::test]
async fn list_sends_from_number_and_reads_locations() {
    let server = Recorder::start().await;
    let body = format!(
        r#"{{"status":"OK","from_number":"+14155550100","locations":[{{"number":"+14155550123","state":"shared_with_fix","location":{FIX}}},{{"number":"+14155550124","state":"not_shared"}}]}}"#
    );
    server.respond(200, &body);
    let list = server
        .client()
        .location()
        .list("+14155550100")
        .await
        .unwrap();
    assert_eq!(list.status.as_deref(), Some("OK"));
    assert_eq!(list.from_number.as_deref(), Some("+14155550100"));
    assert_eq!(list.locations.len(), 2);
    let first = &list.locations[0];
    assert_eq!(first.number.as_deref(), Some("+14155550123"));
    assert_eq!(first.state, Some(LocationState::SharedWithFix));
    let fix = first.location.as_ref().unwrap();
    assert_eq!(fix.latitude, Some(37.7749));
    assert_eq!(fix.longitude, Some(-122.4194));
    assert_eq!(fix.accuracy, Some(12.5));
    assert_eq!(
        fix.address.as_deref(),
        Some("1 Market St, San Francisco, CA")
    );
    assert_eq!(fix.expires_at.as_deref(), Some("2026-03-02T19:05:00.000Z"));
    assert_eq!(fix.location_type, Some(LocationType::Live));
    assert_eq!(list.locations[1].state, Some(LocationState::NotShared));
    assert_eq!(list.locations[1].location, None);

    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/location");
    assert_eq!(
        req.query_pairs(),
        vec![("from_number".to_string(), "+14155550100".to_string())]
    );
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn get_encodes_number_and_reads_one_location() {
    let server = Recorder::start().await;
    let body = format!(
        r#"{{"status":"OK","from_number":"+14155550100","number":"+14155550123","state":"shared_with_fix","location":{FIX}}}"#
    );
    server.respond(200, &body);
    let one = server
        .client()
        .location()
        .get("+14155550123", "+14155550100")
        .await
        .unwrap();
    assert_eq!(one.number.as_deref(), Some("+14155550123"));
    assert_eq!(one.state, Some(LocationState::SharedWithFix));
    assert_eq!(one.location.unwrap().altitude, Some(16.0));
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/location/%2B14155550123");
    assert_eq!(req.query.as_deref(), Some("from_number=%2B14155550100"));
    req.assert_authenticated();
}

#[tokio::test]
async fn get_tolerates_unknown_state_type_and_refresh_error() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","number":"+1","state":"shared_paused","location":{"address":null,"locationType":"unknown","refreshError":"worker offline","floor":3}}"#,
    );
    let one = server.client().location().get("+1", "+2").await.unwrap();
    assert_eq!(
        one.state,
        Some(LocationState::Unknown("shared_paused".into()))
    );
    let loc = one.location.unwrap();
    assert_eq!(loc.location_type, Some(LocationType::Unspecified));
    assert_eq!(loc.refresh_error.as_deref(), Some("worker offline"));
    assert_eq!(loc.address, None);
    assert_eq!(loc.latitude, None);
    assert_eq!(loc.extra.get("floor"), Some(&json!(3)));
}

#[tokio::test]
async fn shared_line_is_rejected_with_forbidden() {
    let server = Recorder::start().await;
    server.respond(
        403,
        r#"{"status":"ERROR","message":"Location is only available on dedicated lines"}"#,
    );
    let err = server
        .client()
        .location()
        .list("+14155550100")
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Forbidden);
}

#[tokio::test]
async fn watch_yields_typed_events_skips_heartbeats_and_ends_on_complete() {
    let server = Recorder::start().await;
    let stream_body = format!(
        ": heartbeat\n\n\
         event: ready\ndata: {{\"status\":\"OK\",\"from_number\":\"+14155550100\",\"number\":\"+14155550123\"}}\n\n\
         : heartbeat\n\n\
         event: location\ndata: {{\"status\":\"OK\",\"from_number\":\"+14155550100\",\"number\":\"+14155550123\",\"state\":\"shared_with_fix\",\"location\":{FIX}}}\n\n\
         event: presence\ndata: {{\"x\":1}}\n\n\
         event: complete\ndata: {{\"status\":\"OK\",\"from_number\":\"+14155550100\",\"number\":\"+14155550123\",\"reason\":\"sharing_ended\"}}\n\n\
         event: location\ndata: {{\"status\":\"OK\"}}\n\n"
    );
    server.respond_with(200, &[("content-type", "text/event-stream")], &stream_body);
    let client = server.client();
    let mut stream = client
        .location()
        .watch("+14155550123", "+14155550100")
        .await
        .unwrap();
    drop(client); // the stream does not borrow the client
    let mut events = Vec::new();
    while let Some(item) = stream.next().await {
        events.push(item.unwrap());
    }
    assert_eq!(events.len(), 4, "{events:#?}");
    match &events[0] {
        WatchEvent::Ready(f) => assert_eq!(f.number.as_deref(), Some("+14155550123")),
        other => panic!("expected ready, got {other:?}"),
    }
    match &events[1] {
        WatchEvent::Location(f) => {
            assert_eq!(f.state, Some(LocationState::SharedWithFix));
            assert_eq!(f.location.as_ref().unwrap().latitude, Some(37.7749));
        }
        other => panic!("expected location, got {other:?}"),
    }
    assert_eq!(
        events[2],
        WatchEvent::Other {
            event: "presence".into(),
            data: "{\"x\":1}".into()
        }
    );
    match &events[3] {
        WatchEvent::Complete(f) => {
            assert_eq!(f.reason, Some(WatchEndReason::SharingEnded));
            assert!(events[3].is_terminal());
        }
        other => panic!("expected complete, got {other:?}"),
    }

    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/location/%2B14155550123/watch");
    assert_eq!(req.query.as_deref(), Some("from_number=%2B14155550100"));
    assert_eq!(req.header("accept"), Some("text/event-stream"));
    req.assert_authenticated();
}

#[tokio::test]
async fn watch_error_event_ends_stream_and_bad_json_is_a_decode_item() {
    let server = Recorder::start().await;
    let body = "event: ready\ndata: {\"status\":\"OK\"}\n\n\
                event: location\ndata: {not json\n\n\
                event: complete\ndata: {\"status\":\"OK\",\"reason\":\"worker_restarted\"}\n\n";
    server.respond_with(200, &[("content-type", "text/event-stream")], body);
    server.respond_with(
        200,
        &[("content-type", "text/event-stream")],
        "event: error\ndata: {\"status\":\"ERROR\",\"message\":\"watch failed\"}\n\nevent: ready\ndata: {}\n\n",
    );
    let client = server.client();
    let items: Vec<_> = client
        .location()
        .watch("+1", "+2")
        .await
        .unwrap()
        .collect()
        .await;
    assert_eq!(items.len(), 3);
    assert!(matches!(items[0], Ok(WatchEvent::Ready(_))));
    let err = items[1].as_ref().unwrap_err();
    assert_eq!(err.code(), ErrorCode::Decode);
    match &items[2] {
        Ok(WatchEvent::Complete(f)) => {
            assert_eq!(
                f.reason,
                Some(WatchEndReason::Unknown("worker_restarted".into()))
            )
        }
        other => panic!("expected complete, got {other:?}"),
    }

    let items: Vec<_> = client
        .location()
        .watch("+1", "+2")
        .await
        .unwrap()
        .collect()
        .await;
    assert_eq!(items.len(), 1, "nothing after an error event");
    match &items[0] {
        Ok(WatchEvent::Error(f)) => {
            assert_eq!(f.status.as_deref(), Some("ERROR"));
            assert_eq!(f.message.as_deref(), Some("watch failed"));
        }
        other => panic!("expected error event, got {other:?}"),
    }
}

#[tokio::test]
async fn watch_http_error_comes_back_before_the_stream() {
    let server = Recorder::start().await;
    server.respond(404, r#"{"status":"ERROR","message":"Contact not found"}"#);
    let result = server.client().location().watch("+1", "+2").await;
    let err = result.err().expect("an HTTP error");
    assert_eq!(err.code(), ErrorCode::NotFound);
}

#[tokio::test]
async fn numbers_are_required() {
    let server = Recorder::start().await;
    let err = server.client().location().get("", "+2").await.unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "number"));
    let err = server.client().location().list(" ").await.unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "from_number"));
    assert!(server.requests().is_empty());
}

#[test]
fn watch_event_serializes_tagged_for_the_app() {
    let e = WatchEvent::Complete(serde_json::from_str(r#"{"reason":"watch_ended"}"#).unwrap());
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["event"], json!("complete"));
    assert_eq!(v["data"]["reason"], json!("watch_ended"));
    let back: WatchEvent = serde_json::from_value(v).unwrap();
    assert_eq!(back, e);
}
