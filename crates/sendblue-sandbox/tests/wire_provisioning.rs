//! Line provisioning on the wire (§14.1–§14.2): preview → confirm with its single-use token,
//! the errors of each step, and the ticket flow fulfilled over ticks.

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::{assert_keys, error, Sandbox};

/// `POST /accounts/lines/provision-preview` (no body).
async fn request_preview(sb: &Sandbox) -> support::Raw {
    sb.call(
        reqwest::Method::POST,
        "/accounts/lines/provision-preview",
        None,
    )
    .await
}

/// A preview token (the preview must be granted).
async fn preview(sb: &Sandbox) -> String {
    let r = request_preview(sb).await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    r.body["preview_token"].as_str().unwrap().to_owned()
}

/// `POST /accounts/lines/provision-confirm` with `preview_token`.
async fn confirm(sb: &Sandbox, token: &str) -> support::Raw {
    sb.post(
        "/accounts/lines/provision-confirm",
        json!({ "preview_token": token }),
    )
    .await
}

#[tokio::test]
async fn preview_then_confirm_buys_an_inbound_only_line_once() {
    let sb = Sandbox::start().await;
    let mut events = sb.running.state().notifier.subscribe();
    let r = request_preview(&sb).await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_keys(
        &r.body,
        &["status", "preview_token", "expires_at", "message"],
    );
    assert_eq!(r.body["status"], "OK");
    let token = r.body["preview_token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("lpv_"));
    let expires =
        sendblue_sandbox::util::parse_iso(r.body["expires_at"].as_str().unwrap()).unwrap();
    let ahead = expires - sendblue_sandbox::util::now_ms();
    assert!((590_000..=600_000).contains(&ahead), "{ahead} ms");

    let r = confirm(&sb, &token).await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_eq!(
        r.body,
        json!({"status": "OK", "phone_number": "+14155550103",
               "line": {"sendblue_number": "+14155550103", "type": "inbound_only"}})
    );
    let e = events.try_recv().unwrap();
    assert_eq!(e.event_type, "line.assigned");
    assert_eq!(e.data["sendblue_number"], "+14155550103");
    let lines = sb.get("/api/lines").await;
    assert_eq!(lines.body["numbers"][3], "+14155550103");

    // Single use.
    let r = confirm(&sb, &token).await;
    assert_eq!(r.status, 410);
    assert_eq!(r.body["status"], "ERROR");
    let r = confirm(&sb, "lpv_unknown").await;
    assert_eq!((r.status, r.body), (404, error("Preview token not found")));
    let r = sb
        .post("/accounts/lines/provision-confirm", json!({}))
        .await;
    assert_eq!(
        (r.status, r.body),
        (400, error("Missing required field: preview_token"))
    );
    // The next purchase gets the next number.
    let token = preview(&sb).await;
    let r = confirm(&sb, &token).await;
    assert_eq!(r.body["phone_number"], "+14155550104");
}

#[tokio::test]
async fn expired_tokens_other_plans_and_an_empty_pool_are_refused() {
    let sb = Sandbox::start().await;
    let state = sb.running.state().clone();
    let token = preview(&sb).await;
    state
        .store
        .with(|c| {
            c.execute(
                "UPDATE provision_previews SET expires_ms = 0 WHERE token = ?1",
                [&token],
            )
        })
        .unwrap();
    let r = confirm(&sb, &token).await;
    assert_eq!(r.status, 410);

    // Fill the pool: the preview says 409 and a confirm with a valid token too.
    let token = preview(&sb).await;
    state
        .store
        .with(|c| {
            for n in 100..200 {
                c.execute(
                    "INSERT OR IGNORE INTO lines (number, worker_id, kind, assignment, status, created_at)
                     VALUES (?1, 'w', 'v1', 'assigned', 'ONLINE', '2026-01-01T00:00:00.000Z')",
                    [format!("+1415555{n:04}")],
                )?;
            }
            Ok(())
        })
        .unwrap();
    let r = confirm(&sb, &token).await;
    assert_eq!(r.status, 409);
    let r = request_preview(&sb).await;
    assert_eq!(r.status, 409);

    state
        .store
        .with(|c| c.execute("UPDATE account SET plan = 'dedicated'", []))
        .unwrap();
    let r = request_preview(&sb).await;
    assert_eq!(r.status, 403);
    let r = confirm(&sb, &token).await;
    assert_eq!(r.status, 403);
    assert_eq!(r.body["status"], "ERROR");
}

#[tokio::test]
async fn add_line_opens_a_ticket_fulfilled_after_a_few_ticks() {
    let sb = Sandbox::start().await;
    let r = sb
        .post(
            "/accounts/lines/add-line",
            json!({"line_request_type": "phone", "desired_area_code": "415"}),
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_keys(&r.body, &["status", "data"]);
    let ticket = &r.body["data"];
    assert_keys(
        ticket,
        &["id", "type", "status", "desiredAreaCode", "createdAt"],
    );
    assert_eq!(ticket["type"], "PHONE");
    assert_eq!(ticket["status"], "OPEN");
    assert_eq!(ticket["desiredAreaCode"], "415");
    let id = ticket["id"].as_i64().unwrap();
    let path = format!("/accounts/lines/line-request/{id}");
    let r = sb.get(&path).await;
    assert_eq!(r.body["data"]["status"], "OPEN");

    let mut fulfilled = Value::Null;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(20)).await;
        let r = sb.get(&path).await;
        if r.body["data"]["status"] == "FULFILLED" {
            fulfilled = r.body["data"].clone();
            break;
        }
    }
    assert_keys(
        &fulfilled,
        &[
            "id",
            "type",
            "status",
            "desiredAreaCode",
            "createdAt",
            "fulfilledNumber",
            "fulfilledAt",
        ],
    );
    assert_eq!(fulfilled["fulfilledNumber"], "+14155550103");
    let lines = sb.get("/api/lines").await;
    assert_eq!(lines.body["numbers"][3], "+14155550103");

    // The older singular path, no area code.
    let r = sb
        .post(
            "/account/lines/add-line",
            json!({"line_request_type": "phone"}),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["data"]["desiredAreaCode"], Value::Null);
    assert_ne!(r.body["data"]["id"], json!(id));
}

#[tokio::test]
async fn add_line_and_ticket_lookup_errors() {
    let sb = Sandbox::start().await;
    for body in [
        json!({}),
        json!({"line_request_type": "email"}),
        json!({"line_request_type": "phone", "desired_area_code": "41"}),
        json!({"line_request_type": "phone", "desired_area_code": "4a5"}),
    ] {
        let r = sb.post("/accounts/lines/add-line", body.clone()).await;
        assert_eq!(r.status, 400, "{body}");
        assert_eq!(r.body["status"], "ERROR");
    }
    let r = sb.get("/accounts/lines/line-request/999").await;
    assert_eq!((r.status, r.body), (404, error("Line request not found")));
    let r = sb.get("/accounts/lines/line-request/abc").await;
    assert_eq!(r.status, 400);
}
