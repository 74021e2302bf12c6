//! Webhook configuration on the wire (§10): the full nine-type set with `globalSecret`,
//! append with de-duplication, full replacement, removal with a JSON body, validation, and
//! the older `/api/v2/account/webhooks` alias.

mod support;

use serde_json::{json, Value};
use support::{assert_keys, Sandbox};

const SET_KEYS: &[&str] = &[
    "receive",
    "outbound",
    "typing_indicator",
    "call_log",
    "inbound_call",
    "line_blocked",
    "line_assigned",
    "contact_created",
    "contact_profile",
    "globalSecret",
];

fn empty_set() -> Value {
    json!({
        "receive": [], "outbound": [], "typing_indicator": [], "call_log": [],
        "inbound_call": [], "line_blocked": [], "line_assigned": [], "contact_created": [],
        "contact_profile": [], "globalSecret": null
    })
}

#[tokio::test]
async fn a_new_account_lists_nine_empty_types() {
    let sb = Sandbox::start().await;
    for path in ["/api/account/webhooks", "/api/v2/account/webhooks"] {
        let r = sb.get(path).await;
        assert_eq!(r.status, 200, "{path}");
        assert_keys(&r.body, &["status", "webhooks"]);
        assert_keys(&r.body["webhooks"], SET_KEYS);
        assert_eq!(r.body["webhooks"], empty_set());
    }
}

#[tokio::test]
async fn post_appends_keeps_entry_forms_and_deduplicates() {
    let sb = Sandbox::start().await;
    let r = sb
        .post(
            "/api/account/webhooks",
            json!({
                "webhooks": [
                    "https://hooks.acme.test/sb/in",
                    {"url": "https://hooks.acme.test/sb/in-line2", "secret": "whs_line2",
                     "sendblue_numbers": ["+14155550101"]}
                ],
                "globalSecret": "whs_global_9d2f"
            }),
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_keys(&r.body, &["status", "message", "webhooks"]);
    assert_eq!(r.body["status"], "OK");
    assert_keys(&r.body["webhooks"], SET_KEYS);
    assert_eq!(
        r.body["webhooks"]["receive"],
        json!([
            "https://hooks.acme.test/sb/in",
            {"url": "https://hooks.acme.test/sb/in-line2", "secret": "whs_line2",
             "sendblue_numbers": ["+14155550101"]}
        ])
    );
    assert_eq!(r.body["webhooks"]["globalSecret"], "whs_global_9d2f");

    // Appending the same URL again does not duplicate it; another type is separate.
    let r = sb
        .post(
            "/api/v2/account/webhooks",
            json!({"webhooks": ["https://hooks.acme.test/sb/in", "http://127.0.0.1:9/x"],
                   "type": "outbound"}),
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    let r = sb
        .post(
            "/api/account/webhooks",
            json!({"webhooks": [{"url": "https://hooks.acme.test/sb/in"}]}),
        )
        .await;
    let set = &r.body["webhooks"];
    assert_eq!(set["receive"].as_array().unwrap().len(), 2);
    assert_eq!(
        set["receive"][0],
        json!({"url": "https://hooks.acme.test/sb/in"}),
        "the URL keeps its place and takes the new form"
    );
    assert_eq!(
        set["outbound"],
        json!(["https://hooks.acme.test/sb/in", "http://127.0.0.1:9/x"])
    );
    assert_eq!(set["globalSecret"], "whs_global_9d2f", "kept when not sent");
}

#[tokio::test]
async fn validation_refuses_bad_types_urls_and_line_filters() {
    let sb = Sandbox::start().await;
    let own = format!("{}/hook", sb.base_url());
    let ok = sb
        .post(
            "/api/account/webhooks",
            json!({"webhooks": [own, "http://localhost:8080/h"], "type": "contact_created"}),
        )
        .await;
    assert_eq!(ok.status, 200, "{:?}", ok.body);
    for body in [
        json!({"webhooks": ["https://x.test/h"], "type": "nope"}),
        json!({"webhooks": ["http://hooks.acme.test/h"]}),
        json!({"webhooks": ["not a url"]}),
        json!({"webhooks": [42]}),
        json!({"webhooks": [{"secret": "s"}]}),
        json!({"webhooks": [{"url": "https://x.test/h", "sendblue_numbers": ["+14155550100"]}],
               "type": "outbound"}),
        json!({"webhooks": [{"url": "https://x.test/h", "sendblue_numbers": ["+19995550100"]}]}),
        json!({"webhooks": [{"url": "https://x.test/h", "sendblue_numbers": ["415"]}]}),
        json!({"type": "receive"}),
    ] {
        let r = sb.post("/api/account/webhooks", body.clone()).await;
        assert_eq!(r.status, 400, "{body}");
        assert_keys(&r.body, &["status", "message"]);
        assert_eq!(r.body["status"], "ERROR");
    }
    let r = sb.get("/api/account/webhooks").await;
    assert_eq!(r.body["webhooks"]["receive"], json!([]), "nothing written");
}

#[tokio::test]
async fn put_replaces_everything() {
    let sb = Sandbox::start().await;
    sb.post(
        "/api/account/webhooks",
        json!({"webhooks": ["https://a.test/in"], "globalSecret": "g1"}),
    )
    .await;
    sb.post(
        "/api/account/webhooks",
        json!({"webhooks": ["https://a.test/out"], "type": "outbound"}),
    )
    .await;
    let r = sb
        .put(
            "/api/account/webhooks",
            json!({"webhooks": {
                "typing_indicator": ["https://a.test/typing"],
                "receive": [{"url": "https://a.test/in2", "secret": "s2"}]
            }}),
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_keys(&r.body, &["status", "message", "webhooks"]);
    let mut want = empty_set();
    want["typing_indicator"] = json!(["https://a.test/typing"]);
    want["receive"] = json!([{"url": "https://a.test/in2", "secret": "s2"}]);
    want["globalSecret"] = json!("g1");
    assert_eq!(r.body["webhooks"], want);
    assert_eq!(sb.get("/api/account/webhooks").await.body["webhooks"], want);

    // globalSecret: null clears it; an unknown type or a bad URL changes nothing.
    let r = sb
        .put(
            "/api/v2/account/webhooks",
            json!({"webhooks": {"globalSecret": null}}),
        )
        .await;
    assert_eq!(r.body["webhooks"], empty_set());
    for body in [
        json!({"webhooks": {"bogus": []}}),
        json!({"webhooks": {"receive": ["http://evil.test/x"]}}),
        json!({"webhooks": ["https://a.test"]}),
        json!({}),
    ] {
        let r = sb.put("/api/account/webhooks", body.clone()).await;
        assert_eq!(r.status, 400, "{body}");
    }
}

#[tokio::test]
async fn delete_removes_urls_from_one_type_with_a_json_body() {
    let sb = Sandbox::start().await;
    sb.post(
        "/api/account/webhooks",
        json!({"webhooks": ["https://a.test/1", "https://a.test/2"]}),
    )
    .await;
    sb.post(
        "/api/account/webhooks",
        json!({"webhooks": ["https://a.test/1"], "type": "outbound"}),
    )
    .await;
    let r = sb
        .delete(
            "/api/account/webhooks",
            Some(json!({"webhooks": ["https://a.test/1"]})),
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_keys(&r.body, &["status", "message"]);
    assert_eq!(r.body["status"], "OK");
    let set = sb.get("/api/account/webhooks").await.body["webhooks"].clone();
    assert_eq!(set["receive"], json!(["https://a.test/2"]));
    assert_eq!(
        set["outbound"],
        json!(["https://a.test/1"]),
        "default type is receive"
    );
    let r = sb
        .delete(
            "/api/v2/account/webhooks",
            Some(json!({"webhooks": ["https://a.test/1"], "type": "outbound"})),
        )
        .await;
    assert_eq!(r.status, 200);
    let set = sb.get("/api/account/webhooks").await.body["webhooks"].clone();
    assert_eq!(set["outbound"], json!([]));
    let r = sb
        .delete(
            "/api/account/webhooks",
            Some(json!({"webhooks": ["https://a.test/2"], "type": "nope"})),
        )
        .await;
    assert_eq!(r.status, 400);
    let r = sb.delete("/api/account/webhooks", Some(json!({}))).await;
    assert_eq!(r.status, 400);
}
