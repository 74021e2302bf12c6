//! Contacts on the wire, the batch and state endpoints (§9.7–§9.10): bulk upsert (all or
//! nothing), single and bulk delete (a JSON body of phone numbers), opt-out, verify, and the
//! `contact.created` notices of every creation.

mod support;

use serde_json::{json, Value};
use support::shapes::CONTACT_KEYS;
use support::{assert_keys, error, Sandbox};

#[tokio::test]
async fn bulk_upserts_all_or_nothing() {
    let sb = Sandbox::start().await;
    sb.post(
        "/api/v2/contacts",
        json!({"number": "+14155550400", "custom_variables": {"Plan": "Pro"}}),
    )
    .await;
    let r = sb
        .post(
            "/api/v2/contacts/bulk",
            json!({"contacts": [
                {"phone": "+14155550400", "first_name": "Ann", "custom_variables": {"Seats": "2"}},
                {"phone": "+14155550401", "company": "Old Co", "firstName": "Ben", "lastName": "Ng", "tags": ["x"]},
                {"phone": "+14155550401", "last_name": "Ngo"}
            ]}),
        )
        .await;
    assert_eq!(r.status, 200, "{:?}", r.body);
    assert_keys(&r.body, &["status", "contacts"]);
    let rows = r.body["contacts"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "one row per distinct number");
    assert_keys(&rows[0], CONTACT_KEYS);
    assert_eq!(rows[0]["first_name"], "Ann");
    assert_eq!(
        rows[0]["custom_variables"],
        json!({"Plan": "Pro", "Seats": "2"})
    );
    assert_eq!(rows[1]["company_name"], "Old Co");
    assert_eq!(rows[1]["first_name"], "Ben");
    assert_eq!(rows[1]["last_name"], "Ngo");
    assert_eq!(rows[1]["tags"], json!(["x"]));

    // One bad row fails the batch, naming it; nothing is written.
    let r = sb
        .post(
            "/api/v2/contacts/bulk",
            json!({"contacts": [{"phone": "+14155550402"}, {"phone": "555-0403"}]}),
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(
        r.body["message"]
            .as_str()
            .unwrap()
            .starts_with("contacts[1]:"),
        "{:?}",
        r.body
    );
    let r = sb.get("/api/v2/contacts/%2B14155550402").await;
    assert_eq!(r.status, 404);
    let r = sb
        .post(
            "/api/v2/contacts/bulk",
            json!({"contacts": [{"first_name": "X"}]}),
        )
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.body["message"], "contacts[0]: Missing fields: phone");

    let r = sb.post("/api/v2/contacts/bulk", json!({})).await;
    assert_eq!((r.status, r.body), (400, error("Missing fields: contacts")));
    let too_many: Vec<Value> = (0..1001)
        .map(|i| json!({"phone": format!("+1415666{i:04}")}))
        .collect();
    let r = sb
        .post("/api/v2/contacts/bulk", json!({"contacts": too_many}))
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(sb.get("/api/v2/contacts/count").await.body["count"], 2);
}

#[tokio::test]
async fn deletes_single_and_bulk_with_a_json_body() {
    let sb = Sandbox::start().await;
    let contacts: Vec<Value> = (0..3)
        .map(|i| json!({"phone": format!("+1415555050{i}")}))
        .collect();
    sb.post("/api/v2/contacts/bulk", json!({ "contacts": contacts }))
        .await;
    let r = sb.delete("/api/v2/contacts/+14155550500", None).await;
    assert_eq!((r.status, r.body), (200, json!({"status": "OK"})));
    let r = sb.delete("/api/v2/contacts/%2B14155550500", None).await;
    assert_eq!((r.status, r.body), (404, error("Contact not found")));

    let r = sb
        .delete(
            "/api/v2/contacts",
            Some(json!({"contact_ids": ["+14155550501", "+14155550502", "+14155550599"]})),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (200, json!({"status": "OK", "amount": 2}))
    );
    let r = sb.delete("/api/v2/contacts", Some(json!({}))).await;
    assert_eq!(
        (r.status, r.body),
        (400, error("Missing fields: contact_ids"))
    );
    let r = sb.delete("/api/v2/contacts", None).await;
    assert_eq!(r.status, 400);
    let many: Vec<String> = (0..1001).map(|i| format!("+1415666{i:04}")).collect();
    let r = sb
        .delete("/api/v2/contacts", Some(json!({ "contact_ids": many })))
        .await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn opt_out_normalizes_and_defaults_to_true() {
    let sb = Sandbox::start().await;
    let r = sb
        .post(
            "/api/v2/contacts/opt-out",
            json!({"number": "(415) 555-0123"}),
        )
        .await;
    assert_eq!(
        (r.status, r.body),
        (
            200,
            json!({"status": "OK", "number": "+14155550123", "opted_out": true})
        )
    );
    // A number can be opted out before it is a contact; the contact shows the record.
    let r = sb
        .post("/api/v2/contacts", json!({"number": "+14155550123"}))
        .await;
    assert_eq!(r.body["contact"]["opt_out"], true);
    let r = sb.post("/api/v2/contacts/opt-out", json!({})).await;
    assert_eq!(
        (r.status, r.body),
        (400, error("Missing required field: number"))
    );
    let r = sb
        .post("/api/v2/contacts/opt-out", json!({"number": "12"}))
        .await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn verify_marks_the_contact_verified() {
    let sb = Sandbox::start().await;
    sb.post("/api/v2/contacts", json!({"number": "+14155550123"}))
        .await;
    let r = sb
        .post("/api/v2/contacts/verify", json!({"number": "+14155550123"}))
        .await;
    assert_eq!((r.status, r.body), (200, json!({"status": "OK"})));
    let r = sb.get("/api/v2/contacts/+14155550123").await;
    assert_eq!(r.body["contact"]["verified"], true);
    let r = sb
        .post("/api/v2/contacts/verify", json!({"number": "+14155550999"}))
        .await;
    assert_eq!((r.status, r.body), (404, error("Contact not found")));
    let r = sb.post("/api/v2/contacts/verify", json!({})).await;
    assert_eq!(r.status, 400);
}

#[tokio::test]
async fn every_creation_emits_contact_created() {
    let sb = Sandbox::start().await;
    let mut events = sb.running.state().notifier.subscribe();
    sb.post(
        "/api/v2/contacts",
        json!({"number": "+14155550123", "first_name": "Dana"}),
    )
    .await;
    sb.post(
        "/api/v2/contacts/bulk",
        json!({"contacts": [{"phone": "+14155550123"}, {"phone": "+14155550124"}]}),
    )
    .await;
    // An update by create (update_if_exists) is not a creation.
    sb.post(
        "/api/v2/contacts",
        json!({"number": "+14155550124", "update_if_exists": true}),
    )
    .await;
    let first = events.try_recv().unwrap();
    assert_eq!(first.event_type, "contact.created");
    assert_keys(
        &first.data,
        &[
            "contact_id",
            "phone",
            "first_name",
            "last_name",
            "created_at",
        ],
    );
    assert_eq!(first.data["phone"], "+14155550123");
    assert_eq!(first.data["first_name"], "Dana");
    let second = events.try_recv().unwrap();
    assert_eq!(second.data["phone"], "+14155550124");
    assert!(events.try_recv().is_err(), "no more creations");
}
