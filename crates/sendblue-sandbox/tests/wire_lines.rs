//! Lines on the wire (§13.1–§13.3, §17): the numbers list, the line-state snapshot, call
//! forwarding, the line-status simulation path with its events, and FaceTime start-call.

mod support;

use serde_json::{json, Value};
use support::{assert_keys, error, Sandbox};

const LINE_STATE_KEYS: &[&str] = &[
    "worker_id",
    "sendblue_number",
    "assignment",
    "status",
    "status_changed_at",
    "degraded_since",
    "effective_until",
];

#[tokio::test]
async fn numbers_and_state_list_the_three_lines() {
    let sb = Sandbox::start().await;
    let r = sb.get("/api/lines").await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.body,
        json!({"status": "OK", "numbers": ["+14155550100", "+14155550101", "+14155550102"]})
    );

    let r = sb.get("/api/v2/lines/state").await;
    assert_eq!(r.status, 200);
    assert_keys(&r.body, &["status", "snapshot_at", "data"]);
    assert_eq!(r.body["status"], "OK");
    assert!(r.body["snapshot_at"].as_str().unwrap().ends_with('Z'));
    let data = r.body["data"].as_array().unwrap();
    assert_eq!(data.len(), 3);
    for line in data {
        assert_keys(line, LINE_STATE_KEYS);
        assert_eq!(line["status"], "ONLINE");
        assert!(line["worker_id"].is_string());
        assert!(line["degraded_since"].is_null());
        assert!(line["effective_until"].is_null());
    }
    assert_eq!(data[0]["sendblue_number"], "+14155550100");
    assert_eq!(data[0]["assignment"], "assigned");
    assert_eq!(data[2]["assignment"], "shared");
}

#[tokio::test]
async fn call_forwarding_reads_sets_normalizes_and_clears() {
    let sb = Sandbox::start().await;
    let path = "/api/lines/%2B14155550100/call-forwarding";
    let r = sb.get(path).await;
    assert_eq!(
        (r.status, r.body),
        (
            200,
            json!({"sendblue_number": "+14155550100", "forwarding_number": null})
        )
    );
    let r = sb
        .put(path, json!({"forwarding_number": "4155550199"}))
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            200,
            json!({"sendblue_number": "+14155550100", "forwarding_number": "+14155550199"})
        )
    );
    let r = sb.get("/api/lines/+14155550100/call-forwarding").await;
    assert_eq!(r.body["forwarding_number"], "+14155550199");
    let r = sb
        .put(path, json!({"forwarding_number": "+442071838750"}))
        .await;
    assert_eq!(r.body["forwarding_number"], "+442071838750");

    for _ in 0..2 {
        let r = sb.delete(path, None).await;
        assert_eq!(
            (r.status, r.body),
            (
                200,
                json!({"sendblue_number": "+14155550100", "forwarding_number": null})
            ),
            "idempotent"
        );
    }

    let r = sb.put(path, json!({})).await;
    assert_eq!(
        (r.status, r.body),
        (400, error("Missing required field: forwarding_number"))
    );
    let r = sb.put(path, json!({"forwarding_number": "555"})).await;
    assert_eq!(r.status, 400);
    let r = sb
        .put(path, json!({"forwarding_number": "+14155550100"}))
        .await;
    assert_eq!(r.status, 400, "a line can't forward to itself");
    let r = sb.get("/api/lines/%2B19995550100/call-forwarding").await;
    assert_eq!((r.status, r.body), (404, error("Line not found")));
    let r = sb
        .delete("/api/lines/%2B19995550100/call-forwarding", None)
        .await;
    assert_eq!(r.status, 404);
    let r = sb.get("/api/lines/%2B14155550102/call-forwarding").await;
    assert_eq!(r.status, 403, "shared lines have no per-line forwarding");
}

#[tokio::test]
async fn the_status_simulation_changes_state_and_emits_line_events() {
    let sb = Sandbox::start().await;
    let mut events = sb.running.state().notifier.subscribe();
    let r = sb
        .post(
            "/__sandbox/lines/%2B14155550101/status",
            json!({"status": "DEGRADED"}),
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_eq!(r.body["changed"], true);
    assert_keys(&r.body["line"], LINE_STATE_KEYS);
    assert_eq!(r.body["line"]["status"], "DEGRADED");
    assert!(r.body["line"]["degraded_since"].is_string());
    let e = events.try_recv().unwrap();
    assert_eq!(e.event_type, "line.status.changed");
    assert_eq!(e.data["sendblue_number"], "+14155550101");
    assert_eq!(e.data["status"], "DEGRADED");

    let state = sb.get("/api/v2/lines/state").await;
    assert_eq!(state.body["data"][1]["status"], "DEGRADED");

    // Same status again: nothing changes, nothing is emitted.
    let r = sb
        .post(
            "/__sandbox/lines/+14155550101/status",
            json!({"status": "DEGRADED"}),
        )
        .await;
    assert_eq!(r.body["changed"], false);
    assert!(events.try_recv().is_err());

    // OFFLINE counts as blocked.
    let r = sb
        .post(
            "/__sandbox/lines/+14155550101/status",
            json!({"status": "OFFLINE", "reason": "Carrier block"}),
        )
        .await;
    assert_eq!(r.body["line"]["degraded_since"], Value::Null);
    let kinds: Vec<String> = (0..2)
        .map(|_| events.try_recv().unwrap().event_type.clone())
        .collect();
    assert_eq!(kinds, ["line.status.changed", "line.blocked"]);

    let r = sb
        .post(
            "/__sandbox/lines/+14155550101/status",
            json!({"status": "BROKEN"}),
        )
        .await;
    assert_eq!(r.status, 400);
    let r = sb
        .post(
            "/__sandbox/lines/+19995550101/status",
            json!({"status": "ONLINE"}),
        )
        .await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn facetime_start_call_answers_the_documented_shape() {
    let sb = Sandbox::start().await;
    let r = sb
        .post(
            "/facetime/start-call",
            json!({"phoneNumber": "+14155550123", "fromNumber": "+14155550100"}),
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_keys(&r.body, &["status", "message", "agora"]);
    assert_eq!(r.body["status"], "OK");
    assert_eq!(r.body["message"], "Call started");
    let agora = &r.body["agora"];
    assert_keys(agora, &["appId", "channelName", "token", "uid"]);
    assert_eq!(agora["appId"].as_str().unwrap().len(), 32);
    assert!(agora["channelName"]
        .as_str()
        .unwrap()
        .starts_with("ft_call_"));
    assert!(agora["token"].as_str().unwrap().starts_with("007eJx"));
    assert_eq!(agora["uid"], 0);

    let r = sb
        .post(
            "/facetime/start-call",
            json!({"phoneNumber": "+14155550123", "fromNumber": "+14155550101"}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (403, error("FaceTime is not enabled for this line"))
    );
    for body in [
        json!({"fromNumber": "+14155550100"}),
        json!({"phoneNumber": "4155550123", "fromNumber": "+14155550100"}),
        json!({"phoneNumber": "+14155550123"}),
        json!({"phoneNumber": "+14155550123", "fromNumber": "+19995550100"}),
    ] {
        let r = sb.post("/facetime/start-call", body.clone()).await;
        assert_eq!(r.status, 400, "{body}");
        assert_eq!(r.body["status"], "ERROR");
    }
    // Authenticated like every API path.
    let r = support::raw(
        reqwest::Client::new()
            .post(format!("{}/facetime/start-call", sb.base_url()))
            .json(&json!({}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, 403);
}
