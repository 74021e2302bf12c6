//! Contact sharing on the wire (§15): state, profile create/overwrite with photos (fetched
//! and stored when local, recorded when not), share into an existing 1:1 iMessage chat with
//! 24 h de-duplication, profile delete with a JSON body, and the `contact_profile` webhook.

mod support;

use axum::routing::get;
use serde_json::{json, Value};
use support::{assert_keys, error, Sandbox, V2_LINE as LINE};

const STATE_KEYS: &[&str] = &[
    "hasProfile",
    "firstName",
    "lastName",
    "displayName",
    "sharingEnabled",
    "hasPhoto",
];
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDRfake-png-bytes";

/// A loopback server with `/photo.png` (a PNG) and `/note.txt` (not an image).
async fn photo_server() -> String {
    let app = axum::Router::new()
        .route("/photo.png", get(|| async { PNG.to_vec() }))
        .route("/note.txt", get(|| async { "hello" }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

/// A 1:1 iMessage conversation between `LINE` and `to`, as the messages area stores it.
fn conversation(sb: &Sandbox, to: &str, service: &str, group_id: &str) {
    sb.running
        .state()
        .store
        .with(|c| {
            c.execute(
                "INSERT INTO messages (message_handle, is_outbound, status, service, message_type,
                    from_number, to_number, number, sendblue_number, group_id, date_created,
                    date_updated, seq)
                 VALUES (?1, 1, 'DELIVERED', ?2, 'message', ?3, ?4, ?4, ?3, ?5,
                    '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 1)",
                rusqlite::params![
                    format!("h-{to}-{service}-{group_id}"),
                    service,
                    LINE,
                    to,
                    group_id
                ],
            )
        })
        .unwrap();
}

#[tokio::test]
async fn state_of_a_line_without_profile_and_its_errors() {
    let sb = Sandbox::start().await;
    let r = sb
        .get("/api/v2/contact-sharing/state?fromNumber=%2B14155550100")
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_keys(&r.body, &["status", "data"]);
    assert_eq!(
        r.body["data"],
        json!({"hasProfile": false, "firstName": null, "lastName": null,
               "displayName": null, "sharingEnabled": false, "hasPhoto": false})
    );
    let r = sb.get("/api/v2/contact-sharing/state").await;
    assert_eq!(
        (r.status, r.body),
        (400, error("Missing required field: fromNumber"))
    );
    let r = sb
        .get("/api/v2/contact-sharing/state?fromNumber=%2B19995550100")
        .await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn profile_is_created_overwritten_and_published_after_a_tick() {
    let sb = Sandbox::start().await;
    let photos = photo_server().await;
    let mut events = sb.running.state().notifier.subscribe();
    let r = sb
        .post(
            "/api/v2/contact-sharing/profile",
            json!({"fromNumber": LINE, "firstName": "Acme", "lastName": "Dental",
                   "displayName": "Acme Dental Front Desk",
                   "photoUrl": format!("{photos}/photo.png")}),
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_keys(&r.body, &["status", "data"]);
    assert_keys(&r.body["data"], STATE_KEYS);
    assert_eq!(
        r.body["data"],
        json!({"hasProfile": true, "firstName": "Acme", "lastName": "Dental",
               "displayName": "Acme Dental Front Desk", "sharingEnabled": true, "hasPhoto": true})
    );
    // The photo bytes are kept as a media object beside the database.
    let state = sb.running.state().clone();
    let (id, url, size): (String, String, i64) = state
        .store
        .with(|c| {
            c.query_row(
                "SELECT m.id, p.photo_url, m.size FROM sharing_profiles p
                 JOIN media m ON m.id = p.photo_media_id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
        })
        .unwrap();
    assert_eq!(size, PNG.len() as i64);
    assert_eq!(url, format!("{}/media/{id}", sb.base_url()));
    let stored = std::fs::read(state.config.media_dir().join(&id)).unwrap();
    assert_eq!(stored, PNG);

    // Overwrite: "" clears a name, the photo and displayName are kept when left out.
    let r = sb
        .post(
            "/api/v2/contact-sharing/profile",
            json!({"fromNumber": LINE, "firstName": "Acme", "lastName": ""}),
        )
        .await;
    assert_eq!(r.body["data"]["lastName"], Value::Null);
    assert_eq!(r.body["data"]["hasPhoto"], true);
    assert_eq!(r.body["data"]["displayName"], "Acme Dental Front Desk");
    let r = sb
        .post(
            "/api/v2/contact-sharing/profile",
            json!({"fromNumber": LINE, "firstName": "Acme", "lastName": "D", "clearPhoto": true}),
        )
        .await;
    assert_eq!(r.body["data"]["hasPhoto"], false);
    // A remote URL is recorded as given (no internet to fetch it from).
    let r = sb
        .post(
            "/api/v2/contact-sharing/profile",
            json!({"fromNumber": LINE, "firstName": "Acme", "lastName": "D",
                   "photoUrl": "https://cdn.acme.test/logo.png"}),
        )
        .await;
    assert_eq!(r.body["data"]["hasPhoto"], true);
    let r = sb
        .get("/api/v2/contact-sharing/state?fromNumber=+14155550100")
        .await;
    assert_eq!(r.body["data"]["firstName"], "Acme");
    assert_eq!(r.body["data"]["hasPhoto"], true);
    // Publication is reported by webhooks, not events.
    assert!(events.try_recv().is_err());
}

#[tokio::test]
async fn profile_validation() {
    let sb = Sandbox::start().await;
    let photos = photo_server().await;
    let post = |body: Value| {
        let sb = &sb;
        async move { sb.post("/api/v2/contact-sharing/profile", body).await }
    };
    let r = post(json!({"firstName": "A", "lastName": "B"})).await;
    assert_eq!(
        (r.status, r.body),
        (400, error("Missing required field: fromNumber"))
    );
    let r = post(json!({"fromNumber": LINE, "lastName": "B"})).await;
    assert_eq!(
        (r.status, r.body),
        (400, error("Missing required field: firstName"))
    );
    let r = post(json!({"fromNumber": LINE, "firstName": "A"})).await;
    assert_eq!(
        (r.status, r.body),
        (400, error("Missing required field: lastName"))
    );
    let r = post(
        json!({"fromNumber": LINE, "firstName": "A", "lastName": "B",
                        "photoUrl": "https://x.test/p.png", "clearPhoto": true}),
    )
    .await;
    assert_eq!(
        (r.status, r.body),
        (400, error("clearPhoto can't be combined with photoUrl"))
    );
    let r = post(
        json!({"fromNumber": LINE, "firstName": "A", "lastName": "B",
                        "photoUrl": "http://cdn.acme.test/p.png"}),
    )
    .await;
    assert_eq!(r.status, 400, "plain http only for loopback");
    let r = post(
        json!({"fromNumber": LINE, "firstName": "A", "lastName": "B",
                        "photoUrl": format!("{photos}/note.txt")}),
    )
    .await;
    assert_eq!(
        (r.status, r.body),
        (400, error("photoUrl must point to a JPEG or PNG image"))
    );
    let r = post(
        json!({"fromNumber": LINE, "firstName": "A", "lastName": "B",
                        "photoUrl": format!("{photos}/missing.png")}),
    )
    .await;
    assert_eq!(r.status, 400);
    let r = post(json!({"fromNumber": "+14155550101", "firstName": "A", "lastName": "B"})).await;
    assert_eq!(
        (r.status, r.body),
        (403, error("Contact sharing is not enabled for this line"))
    );
    let r = post(json!({"fromNumber": "+19995550100", "firstName": "A", "lastName": "B"})).await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn share_needs_a_1to1_imessage_chat_and_is_deduplicated_for_a_day() {
    let sb = Sandbox::start().await;
    let share = |to: &str| {
        let sb = &sb;
        let body = json!({"fromNumber": LINE, "toNumber": to});
        async move { sb.post("/api/v2/contact-sharing/share", body).await }
    };
    // No profile yet.
    conversation(&sb, "+14155550124", "iMessage", "");
    let r = share("+14155550124").await;
    assert_eq!(r.status, 400);
    sb.post(
        "/api/v2/contact-sharing/profile",
        json!({"fromNumber": LINE, "firstName": "Acme", "lastName": "Dental"}),
    )
    .await;

    let r = share("+14155550124").await;
    assert_eq!(
        (r.status, r.body),
        (
            200,
            json!({"status": "OK", "requested": true, "deduplicated": false})
        )
    );
    let r = share("+14155550124").await;
    assert_eq!(
        r.body,
        json!({"status": "OK", "requested": true, "deduplicated": true})
    );
    // After 24 h the pair can be shared again.
    sb.running
        .state()
        .store
        .with(|c| c.execute("UPDATE sharing_shares SET at_ms = at_ms - 86400001", []))
        .unwrap();
    let r = share("+14155550124").await;
    assert_eq!(r.body["deduplicated"], false);

    // Only 1:1 iMessage conversations.
    conversation(&sb, "+14155550125", "SMS", "");
    conversation(&sb, "+14155550126", "iMessage", "grp_1");
    for to in ["+14155550125", "+14155550126", "+14155550127"] {
        let r = share(to).await;
        assert_eq!(r.status, 400, "{to}");
        assert_keys(&r.body, &["status", "message"]);
    }
    let r = sb
        .post("/api/v2/contact-sharing/share", json!({"fromNumber": LINE}))
        .await;
    assert_eq!(
        (r.status, r.body),
        (400, error("Missing required field: toNumber"))
    );
    let r = sb
        .post(
            "/api/v2/contact-sharing/share",
            json!({"fromNumber": "+14155550101", "toNumber": "+14155550124"}),
        )
        .await;
    assert_eq!(r.status, 403);
}

#[tokio::test]
async fn delete_profile_with_a_json_body() {
    let sb = Sandbox::start().await;
    sb.post(
        "/api/v2/contact-sharing/profile",
        json!({"fromNumber": LINE, "firstName": "Acme", "lastName": "Dental"}),
    )
    .await;
    for _ in 0..2 {
        let r = sb
            .delete(
                "/api/v2/contact-sharing/profile",
                Some(json!({"fromNumber": LINE})),
            )
            .await;
        assert_eq!((r.status, r.body), (200, json!({"status": "OK"})));
    }
    let r = sb
        .get("/api/v2/contact-sharing/state?fromNumber=%2B14155550100")
        .await;
    assert_eq!(r.body["data"]["hasProfile"], false);
    assert_eq!(r.body["data"]["sharingEnabled"], false);
    let r = sb
        .delete("/api/v2/contact-sharing/profile", Some(json!({})))
        .await;
    assert_eq!(r.status, 400);
}
