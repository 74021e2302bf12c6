//! Contacts on the wire (§9.0–§9.5): raw JSON shapes, status codes, error bodies and quirks
//! (bare list array, `number` in / `phone` out, merged custom variables, clamped paging, `+`
//! and `%2B` in paths). The batch endpoints are in `wire_contacts_bulk.rs`.

mod support;

use serde_json::{json, Value};
use support::shapes::CONTACT_KEYS;
use support::{assert_keys, error, Sandbox};

#[tokio::test]
async fn create_takes_number_and_returns_phone_in_the_documented_shape() {
    let sb = Sandbox::start().await;
    let r = sb
        .post(
            "/api/v2/contacts",
            json!({
                "number": "+14155550123",
                "firstName": "Dana",
                "last_name": "Lee",
                "company_name": "Acme",
                "assignedToEmail": "rep@acme.test",
                "sendblue_number": "+14155550100",
                "tags": ["vip"],
                "custom_variables": {"Plan": "Pro", "Seats": 3}
            }),
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_keys(&r.body, &["status", "contact"]);
    assert_eq!(r.body["status"], "OK");
    let c = &r.body["contact"];
    assert_keys(c, CONTACT_KEYS);
    assert_eq!(c["phone"], "+14155550123");
    assert_eq!(c["first_name"], "Dana");
    assert_eq!(c["last_name"], "Lee");
    assert_eq!(c["company_name"], "Acme");
    assert_eq!(c["assigned_to_email"], "rep@acme.test");
    assert_eq!(c["sendblue_number"], "+14155550100");
    assert_eq!(c["tags"], json!(["vip"]));
    assert_eq!(c["custom_variables"], json!({"Plan": "Pro", "Seats": "3"}));
    assert_eq!(c["opt_out"], false);
    assert_eq!(c["verified"], false);
    assert!(c["contact_id"].as_str().unwrap().starts_with("c_"));
    assert!(c["created_at"].as_str().unwrap().ends_with('Z'));

    // The deprecated aliases of `number`.
    for (i, key) in ["phone_number", "phoneNumber"].iter().enumerate() {
        let number = format!("+1415555020{i}");
        let r = sb.post("/api/v2/contacts", json!({ *key: number })).await;
        assert_eq!(r.status, 200, "{key}: {:?}", r.body);
        assert_eq!(r.body["contact"]["phone"], json!(number));
        assert_eq!(r.body["contact"]["first_name"], "");
    }
}

#[tokio::test]
async fn create_errors_are_the_legacy_ones() {
    let sb = Sandbox::start().await;
    let r = sb
        .post("/api/v2/contacts", json!({"first_name": "X"}))
        .await;
    assert_eq!((r.status, r.body), (400, error("Missing fields")));
    let r = sb
        .post("/api/v2/contacts", json!({"number": "4155550123"}))
        .await;
    assert_eq!((r.status, r.body), (400, error("Invalid phone number")));
    let r = sb
        .post("/api/v2/contacts", json!({"number": "+14155550123"}))
        .await;
    assert_eq!(r.status, 200);
    let r = sb
        .post(
            "/api/v2/contacts",
            json!({"number": "+14155550123", "first_name": "Again"}),
        )
        .await;
    assert_eq!((r.status, r.body), (409, error("Contact already exists")));
    let r = sb
        .post(
            "/api/v2/contacts",
            json!({"number": "+14155550123", "first_name": "Again", "update_if_exists": true}),
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["contact"]["first_name"], "Again");
    let r = sb
        .post(
            "/api/v2/contacts",
            json!({"number": "+14155550124", "tags": "vip"}),
        )
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.body["status"], "ERROR");
}

#[tokio::test]
async fn get_accepts_plus_and_percent_encoded_numbers_and_404s_otherwise() {
    let sb = Sandbox::start().await;
    sb.post(
        "/api/v2/contacts",
        json!({"number": "+14155550123", "first_name": "Dana"}),
    )
    .await;
    for path in [
        "/api/v2/contacts/%2B14155550123",
        "/api/v2/contacts/+14155550123",
    ] {
        let r = sb.get(path).await;
        assert_eq!(r.status, 200, "{path}: {:?}", r.body);
        assert_keys(&r.body, &["status", "contact"]);
        assert_eq!(r.body["contact"]["phone"], "+14155550123", "{path}");
    }
    // `+` is never read as a space: a literal space is not the same number.
    let r = sb.get("/api/v2/contacts/%2014155550123").await;
    assert_eq!(r.status, 400);
    let r = sb.get("/api/v2/contacts/%2B14155550999").await;
    assert_eq!((r.status, r.body), (404, error("Contact not found")));
}

#[tokio::test]
async fn update_merges_custom_variables_replaces_tags_and_writes_opt_out() {
    let sb = Sandbox::start().await;
    sb.post(
        "/api/v2/contacts",
        json!({"number": "+14155550123", "tags": ["a", "b"],
               "custom_variables": {"Plan": "Pro", "Region": "West", "Tier": "Gold"}}),
    )
    .await;
    let r = sb
        .put(
            "/api/v2/contacts/%2B14155550123",
            json!({"lastName": "Lee", "tags": ["c"],
                   "custom_variables": {"Plan": "Team", "Seats": "4", "Region": null},
                   "optOut": true}),
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_keys(&r.body, &["status", "contact"]);
    let c = &r.body["contact"];
    assert_eq!(c["last_name"], "Lee");
    assert_eq!(c["tags"], json!(["c"]));
    assert_eq!(
        c["custom_variables"],
        json!({"Plan": "Team", "Seats": "4", "Tier": "Gold"})
    );
    assert_eq!(c["opt_out"], true);
    // The same record the opt-out endpoint writes.
    let r = sb
        .post(
            "/api/v2/contacts/opt-out",
            json!({"number": "+14155550123", "opted_out": false}),
        )
        .await;
    assert_eq!(r.status, 200);
    let r = sb.get("/api/v2/contacts/+14155550123").await;
    assert_eq!(r.body["contact"]["opt_out"], false);

    let r = sb
        .put(
            "/api/v2/contacts/%2B14155550999",
            json!({"first_name": "X"}),
        )
        .await;
    assert_eq!((r.status, r.body), (404, error("Contact not found")));
}

#[tokio::test]
async fn list_is_a_bare_array_with_clamped_paging_filters_and_order() {
    let sb = Sandbox::start().await;
    let contacts: Vec<Value> = ["Eve", "Bob", "Cy", "Al", "Di"]
        .iter()
        .enumerate()
        .map(|(i, name)| json!({"phone": format!("+1415555030{i}"), "first_name": name}))
        .collect();
    let r = sb
        .post("/api/v2/contacts/bulk", json!({ "contacts": contacts }))
        .await;
    assert_eq!(r.status, 200);

    let r = sb.get("/api/v2/contacts").await;
    assert_eq!(r.status, 200);
    let rows = r.body.as_array().expect("a bare array");
    assert_eq!(rows.len(), 5);
    assert_keys(&rows[0], CONTACT_KEYS);
    // Default order: created_at desc, ties by creation order.
    let phones: Vec<&str> = rows.iter().map(|c| c["phone"].as_str().unwrap()).collect();
    assert_eq!(
        phones,
        [
            "+14155550304",
            "+14155550303",
            "+14155550302",
            "+14155550301",
            "+14155550300"
        ]
    );

    let names = |r: &support::Raw| -> Vec<String> {
        r.body
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["first_name"].as_str().unwrap().to_owned())
            .collect()
    };
    let r = sb
        .get("/api/v2/contacts?order_by=firstName&order_direction=asc")
        .await;
    assert_eq!(names(&r), ["Al", "Bob", "Cy", "Di", "Eve"]);
    let r = sb
        .get("/api/v2/contacts?order_by=first_name&order_direction=desc&limit=2&offset=1")
        .await;
    assert_eq!(names(&r), ["Di", "Cy"]);

    // Clamped, not refused.
    let r = sb.get("/api/v2/contacts?limit=0").await;
    assert_eq!((r.status, r.body.as_array().unwrap().len()), (200, 1));
    let r = sb.get("/api/v2/contacts?limit=5000&offset=-3").await;
    assert_eq!((r.status, r.body.as_array().unwrap().len()), (200, 5));
    let r = sb.get("/api/v2/contacts?offset=20000").await;
    assert_eq!((r.status, r.body.as_array().unwrap().len()), (200, 0));

    // Filters.
    let r = sb.get("/api/v2/contacts?phone_number=%2B14155550302").await;
    assert_eq!(names(&r), ["Cy"]);
    // An unencoded `+` in the query is form-decoded as a space; it is repaired.
    let r = sb.get("/api/v2/contacts?phone_number=+14155550302").await;
    assert_eq!(names(&r), ["Cy"]);
    let cid = r.body[0]["contact_id"].as_str().unwrap().to_owned();
    let r = sb.get(&format!("/api/v2/contacts?cid={cid}")).await;
    assert_eq!(names(&r), ["Cy"]);
    let created = r.body[0]["created_at"].as_str().unwrap().to_owned();
    let r = sb
        .get(&format!(
            "/api/v2/contacts?created_at_gte={created}&order_by=created_at&order_direction=asc"
        ))
        .await;
    assert!(names(&r).contains(&"Cy".to_owned()), "inclusive");
    let r = sb
        .get("/api/v2/contacts?created_at_gte=2999-01-01T00:00:00Z")
        .await;
    assert_eq!(r.body, json!([]));

    for bad in [
        "order_by=age",
        "order_direction=up",
        "created_at_gte=yesterday",
        "limit=ten",
    ] {
        let r = sb.get(&format!("/api/v2/contacts?{bad}")).await;
        assert_eq!(r.status, 400, "{bad}");
        assert_eq!(r.body["status"], "ERROR", "{bad}");
    }

    let r = sb.get("/api/v2/contacts/count").await;
    assert_eq!((r.status, r.body), (200, json!({"count": 5})));
}

#[tokio::test]
async fn limit_above_the_cap_is_clamped_to_1000() {
    let sb = Sandbox::start().await;
    for batch in 0..2 {
        let rows: Vec<Value> = (0..550)
            .map(|i| json!({"phone": format!("+1415{batch:03}{i:04}")}))
            .collect();
        let r = sb
            .post("/api/v2/contacts/bulk", json!({ "contacts": rows }))
            .await;
        assert_eq!(r.status, 200);
    }
    let r = sb.get("/api/v2/contacts?limit=5000").await;
    assert_eq!((r.status, r.body.as_array().unwrap().len()), (200, 1000));
    let r = sb.get("/api/v2/contacts").await;
    assert_eq!(r.body.as_array().unwrap().len(), 100, "default limit");
    let r = sb.get("/api/v2/contacts?limit=1000&offset=1000").await;
    assert_eq!(r.body.as_array().unwrap().len(), 100);
}
