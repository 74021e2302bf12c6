//! Message history on the wire (§5): `GET /api/v2/messages` with every filter, limit clamps,
//! ordering and pagination; one message; the soft delete on both paths.

mod support;

use std::time::Duration;

use serde_json::json;
use support::shapes::RECORD_KEYS;
use support::{assert_keys, Sandbox, V1_LINE, V2_LINE};

async fn handles(sb: &Sandbox, query: &str) -> Vec<String> {
    let r = sb.get(&format!("/api/v2/messages?{query}")).await;
    assert_eq!(r.status, 200, "{query}: {}", r.body);
    r.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["message_handle"].as_str().unwrap().to_owned())
        .collect()
}

/// Four messages: two outbound on the V2 line (iMessage, SMS), one outbound on the V1 line,
/// one inbound. Returned oldest first.
async fn fixture(sb: &Sandbox) -> Vec<String> {
    let mut out = Vec::new();
    out.push(sb.send_text("+14155550122", V2_LINE, "one").await);
    tokio::time::sleep(Duration::from_millis(3)).await;
    out.push(sb.send_text("+14155550123", V2_LINE, "two").await);
    tokio::time::sleep(Duration::from_millis(3)).await;
    out.push(sb.send_text("+14155550124", V1_LINE, "three").await);
    tokio::time::sleep(Duration::from_millis(3)).await;
    out.push(sb.inbound_ok("+14155550122", V2_LINE, "four").await);
    out
}

#[tokio::test]
async fn list_shape_and_pagination() {
    let sb = Sandbox::start().await;
    let all = fixture(&sb).await;
    let r = sb.get("/api/v2/messages").await;
    assert_eq!(r.status, 200);
    assert_keys(&r.body, &["status", "data", "pagination"]);
    assert_eq!(r.body["status"], "OK");
    assert_eq!(
        r.body["pagination"],
        json!({"limit": 100, "offset": 0, "total": 4, "hasMore": false})
    );
    let rows = r.body["data"].as_array().unwrap();
    for row in rows {
        assert_keys(row, &RECORD_KEYS);
    }
    // Newest first by default.
    let newest_first: Vec<&str> = rows
        .iter()
        .map(|m| m["message_handle"].as_str().unwrap())
        .collect();
    let mut expected: Vec<&str> = all.iter().map(String::as_str).collect();
    expected.reverse();
    assert_eq!(newest_first, expected);
    let inbound_row = &rows[0];
    assert_eq!(inbound_row["accountEmail"], "ops@sandbox.sendblue.test");
    assert_eq!(inbound_row["status"], "RECEIVED");
    assert_eq!(inbound_row["date_sent"].as_str().unwrap().len(), 24);

    let page = sb
        .get("/api/v2/messages?limit=2&offset=1&order_direction=asc")
        .await;
    assert_eq!(
        page.body["pagination"],
        json!({"limit": 2, "offset": 1, "total": 4, "hasMore": true})
    );
    assert_eq!(
        handles(&sb, "limit=2&offset=1&order_direction=asc").await,
        all[1..3]
    );
    let last = sb.get("/api/v2/messages?limit=2&offset=2").await;
    assert_eq!(last.body["pagination"]["hasMore"], false);
    // Clamped, not refused.
    assert_eq!(
        sb.get("/api/v2/messages?limit=0").await.body["pagination"]["limit"],
        1
    );
    assert_eq!(
        sb.get("/api/v2/messages?limit=5000").await.body["pagination"]["limit"],
        1000
    );
    assert_eq!(
        sb.get("/api/v2/messages?offset=-3").await.body["pagination"]["offset"],
        0
    );
    assert_eq!(
        sb.get("/api/v2/messages?offset=10").await.body["data"],
        json!([])
    );
}

#[tokio::test]
async fn every_filter_combines_with_and() {
    // Long ticks: nothing changes status while the filters are checked.
    let sb = Sandbox::start_with(|c| c.tick = Duration::from_secs(30)).await;
    let all = fixture(&sb).await;
    assert_eq!(handles(&sb, "is_outbound=false").await, [all[3].clone()]);
    assert_eq!(
        handles(&sb, "is_outbound=true&order_direction=asc").await,
        all[..3]
    );
    assert_eq!(
        handles(&sb, "service=SMS&is_outbound=true").await,
        [all[1].clone()]
    );
    assert_eq!(handles(&sb, "status=RECEIVED").await, [all[3].clone()]);
    assert_eq!(
        handles(&sb, "status=QUEUED&order_direction=asc")
            .await
            .len(),
        3
    );
    assert_eq!(
        handles(&sb, "number=%2B14155550122&order_direction=asc").await,
        [all[0].clone(), all[3].clone()]
    );
    assert_eq!(
        handles(&sb, "number=%2B14155550122&is_outbound=true").await,
        [all[0].clone()]
    );
    assert_eq!(
        handles(&sb, "from_number=%2B14155550122").await,
        [all[3].clone()]
    );
    assert_eq!(
        handles(&sb, "to_number=%2B14155550124").await,
        [all[2].clone()]
    );
    assert_eq!(
        handles(&sb, "sendblue_number=%2B14155550101").await,
        [all[2].clone()]
    );
    assert_eq!(
        handles(&sb, "sendblue_number=+14155550101").await,
        [all[2].clone()]
    );
    assert_eq!(handles(&sb, "message_type=message").await.len(), 4);
    assert_eq!(handles(&sb, "message_type=group").await.len(), 0);
    assert_eq!(handles(&sb, "group_id=nope").await.len(), 0);
    assert_eq!(
        handles(&sb, "account_email=ops%40sandbox.sendblue.test")
            .await
            .len(),
        4
    );
    assert_eq!(
        handles(&sb, "account_email=other%40acme.com").await.len(),
        0
    );
    assert_eq!(handles(&sb, "worker_id=w_1").await.len(), 4, "ignored");

    let first = sb.get(&format!("/api/v2/messages/{}", all[1])).await.body["data"].clone();
    let since = first["date_sent"].as_str().unwrap();
    assert_eq!(
        handles(&sb, &format!("created_at_gte={since}&order_direction=asc")).await,
        all[1..]
    );
    assert_eq!(
        handles(&sb, &format!("created_at_lte={since}")).await.len(),
        2
    );
    assert_eq!(handles(&sb, &format!("sent_at_gte={since}")).await.len(), 3);
    assert_eq!(
        handles(&sb, "sent_at_lte=2000-01-01T00:00:00Z").await.len(),
        0
    );
    assert_eq!(
        handles(&sb, "updated_at_gte=2999-01-01T00:00:00.000Z")
            .await
            .len(),
        0
    );
    assert_eq!(
        handles(&sb, "updated_at_lte=2999-01-01T00:00:00%2B00:00")
            .await
            .len(),
        4
    );
}

#[tokio::test]
async fn ordering_by_update_time_in_both_spellings() {
    let sb = Sandbox::start().await;
    let all = fixture(&sb).await;
    // The inbound message never changes; the outbound ones move on every tick, so they are
    // updated after it.
    tokio::time::sleep(Duration::from_millis(300)).await;
    for order_by in ["updated_at", "updatedAt"] {
        let asc = handles(&sb, &format!("order_by={order_by}&order_direction=asc")).await;
        assert_eq!(asc[0], all[3], "{order_by}");
    }
    let by_created = handles(&sb, "order_by=createdAt&order_direction=asc").await;
    assert_eq!(by_created, all);
    assert_eq!(
        handles(&sb, "order_by=sent_at&order_direction=asc").await,
        all
    );
}

#[tokio::test]
async fn bad_filters_are_400s() {
    let sb = Sandbox::start().await;
    for query in [
        "status=LOST",
        "service=Fax",
        "is_outbound=yes",
        "message_type=email",
        "order_by=size",
        "order_direction=up",
        "created_at_gte=yesterday",
        "limit=ten",
    ] {
        let r = sb.get(&format!("/api/v2/messages?{query}")).await;
        assert_eq!(r.status, 400, "{query}");
        assert_keys(&r.body, &["status", "message"]);
        assert_eq!(r.body["status"], "ERROR");
    }
}

#[tokio::test]
async fn one_message_and_soft_delete() {
    let sb = Sandbox::start().await;
    let handle = sb.send_text("+14155550122", V2_LINE, "delete me").await;
    let one = sb.get(&format!("/api/v2/messages/{handle}")).await;
    assert_eq!(one.status, 200);
    assert_keys(&one.body, &["status", "data"]);
    assert_eq!(one.body["status"], "OK");
    assert_keys(&one.body["data"], &RECORD_KEYS);
    assert_eq!(one.body["data"]["content"], "delete me");
    let missing = sb.get("/api/v2/messages/nope").await;
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.body,
        json!({"status": "ERROR", "message": "Message not found"})
    );

    let gone = sb.delete(&format!("/api/message/{handle}"), None).await;
    assert_eq!(gone.status, 200);
    assert_eq!(
        gone.body,
        json!({"status": "OK", "message": "Message deleted"})
    );
    let again = sb.delete(&format!("/api/message/{handle}"), None).await;
    assert_eq!(again.status, 404);
    assert_eq!(
        again.body,
        json!({"status": "ERROR", "message": "Message not found"})
    );
    assert_eq!(
        sb.get(&format!("/api/v2/messages/{handle}")).await.status,
        404
    );
    assert_eq!(
        sb.get(&format!("/api/status?handle={handle}")).await.status,
        404
    );
    assert_eq!(
        sb.get("/api/v2/messages").await.body["pagination"]["total"],
        0
    );

    let other = sb.send_text("+14155550122", V2_LINE, "and me").await;
    let v2 = sb.delete(&format!("/api/v2/messages/{other}"), None).await;
    assert_eq!(
        v2.body,
        json!({"status": "OK", "message": "Message deleted"})
    );
    assert_eq!(sb.get("/api/v2/messages").await.body["data"], json!([]));
}
