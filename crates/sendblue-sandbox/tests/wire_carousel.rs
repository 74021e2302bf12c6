//! Carousels on the wire (§4.7): the 202 answer with the guide's body, the aliases, the
//! documented 400 messages and the V2-only rule.

mod support;

use serde_json::{json, Value};
use support::{assert_error, assert_keys, Sandbox, V1_LINE, V2_LINE};

#[tokio::test]
async fn carousels_answer_202_with_the_guide_body() {
    let sb = Sandbox::start().await;
    let urls = json!([
        "https://cdn.acme.com/menu-1.jpg",
        "https://cdn.acme.com/menu-2.jpg"
    ]);
    let r = sb
        .post(
            "/api/send-carousel",
            json!({"number": "+14155550122", "from_number": V2_LINE, "media_urls": urls,
                   "metadata": {"campaign": "spring"}}),
        )
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    assert_keys(
        &r.body,
        &[
            "status",
            "accountEmail",
            "message_handle",
            "number",
            "from_number",
            "media_url",
            "is_outbound",
            "message_type",
        ],
    );
    assert_eq!(r.body["status"], "QUEUED");
    assert_eq!(r.body["message_type"], "carousel");
    assert_eq!(r.body["media_url"], "https://cdn.acme.com/menu-1.jpg");
    assert_eq!(r.body["accountEmail"], "ops@sandbox.sendblue.test");
    let handle = r.body["message_handle"].as_str().unwrap();
    sb.wait_status(handle, "DELIVERED").await;

    let aliases = sb
        .post(
            "/api/send-carousel",
            json!({"recipient": "+14155550122", "fromNumber": V2_LINE, "mediaURLs": urls}),
        )
        .await;
    assert_eq!(aliases.status, 202, "{}", aliases.body);

    let base = json!({"number": "+14155550122", "from_number": V2_LINE});
    let with = |urls: Value| {
        let mut b = base.clone();
        b["media_urls"] = urls;
        b
    };
    assert_error(
        &sb.post("/api/send-carousel", base.clone()).await,
        400,
        "'media_urls' is required — an array of 2-20 HTTPS URLs",
    );
    assert_error(
        &sb.post("/api/send-carousel", with(json!(["https://cdn.acme.com/1.jpg"]))).await,
        400,
        "Carousel requires at least 2 media URLs. For single media, use /send-message with media_url.",
    );
    let many: Vec<String> = (0..21)
        .map(|i| format!("https://cdn.acme.com/{i}.jpg"))
        .collect();
    assert_eq!(
        sb.post("/api/send-carousel", with(json!(many)))
            .await
            .status,
        400
    );
    let plain = with(json!([
        "https://cdn.acme.com/1.jpg",
        "http://cdn.acme.com/2.jpg"
    ]));
    assert_eq!(sb.post("/api/send-carousel", plain).await.status, 400);
    let v1 = json!({"number": "+14155550122", "from_number": V1_LINE, "media_urls": urls});
    let refused = sb.post("/api/send-carousel", v1).await;
    assert_eq!(refused.status, 400);
    assert_keys(&refused.body, &["status", "message"]);
}
