//! Contacts endpoints: the exact request sent, and the reference's answers decoded.

mod support;

use std::collections::BTreeMap;
use std::time::Duration;

use sendblue_client::models::contacts::{
    BulkContact, ContactOrderBy, CreateContact, ListContacts, OptOut, UpdateContact,
};
use sendblue_client::{ErrorCode, OrderDirection, RetryPolicy};
use serde_json::json;
use support::Recorder;

/// The §9.1 example row.
const DANA: &str = r#"{"contact_id":"c_81","phone":"+14155550123","first_name":"Dana","last_name":"Lee","tags":["vip"],"custom_variables":{"Plan":"Pro"},"sendblue_number":"+14155550100","opt_out":false,"verified":true,"created_at":"2026-01-05T12:00:00.000Z"}"#;

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test]
async fn count_sends_get_and_reads_count() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"count": 42}"#);
    let n = server.client().contacts().count().await.unwrap();
    assert_eq!(n, 42);
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/contacts/count");
    assert_eq!(req.query, None);
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn list_sends_every_filter_and_reads_the_bare_array() {
    let server = Recorder::start().await;
    server.respond(200, &format!("[{DANA}]"));
    let query = ListContacts {
        limit: Some(50),
        offset: Some(100),
        order_by: Some(ContactOrderBy::FirstName),
        order_direction: Some(OrderDirection::Asc),
        phone_number: Some("+14155550123".into()),
        cid: Some("c_81".into()),
        created_at_gte: Some("2026-01-01T00:00:00.000Z".into()),
    };
    let rows = server.client().contacts().list(&query).await.unwrap();
    assert_eq!(rows.len(), 1);
    let c = &rows[0];
    assert_eq!(c.contact_id.as_deref(), Some("c_81"));
    assert_eq!(c.phone, "+14155550123");
    assert_eq!(c.first_name.as_deref(), Some("Dana"));
    assert_eq!(c.last_name.as_deref(), Some("Lee"));
    assert_eq!(c.tags, vec!["vip".to_string()]);
    assert_eq!(
        c.custom_variables.get("Plan").map(String::as_str),
        Some("Pro")
    );
    assert_eq!(c.sendblue_number.as_deref(), Some("+14155550100"));
    assert_eq!(c.opt_out, Some(false));
    assert_eq!(c.verified, Some(true));
    assert_eq!(c.created_at.as_deref(), Some("2026-01-05T12:00:00.000Z"));
    assert!(c.extra.is_empty());

    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/contacts");
    assert_eq!(
        req.query_pairs(),
        pairs(&[
            ("limit", "50"),
            ("offset", "100"),
            ("order_by", "firstName"),
            ("order_direction", "asc"),
            ("phone_number", "+14155550123"),
            ("cid", "c_81"),
            ("created_at_gte", "2026-01-01T00:00:00.000Z"),
        ])
    );
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn list_without_filters_sends_no_query() {
    let server = Recorder::start().await;
    server.respond(200, "[]");
    let rows = server
        .client()
        .contacts()
        .list(&ListContacts::default())
        .await
        .unwrap();
    assert!(rows.is_empty());
    assert_eq!(server.only_request().query, None);
}

#[tokio::test]
async fn list_accepts_wrapped_shapes() {
    let server = Recorder::start().await;
    server.respond(200, &format!(r#"{{"status":"OK","contacts":[{DANA}]}}"#));
    server.respond(200, &format!(r#"{{"status":"OK","data":[{DANA},{DANA}]}}"#));
    server.respond(200, r#"{"status":"OK","rows":[]}"#);
    let client = server.client();
    let q = ListContacts::default();
    assert_eq!(client.contacts().list(&q).await.unwrap().len(), 1);
    assert_eq!(client.contacts().list(&q).await.unwrap().len(), 2);
    let err = client.contacts().list(&q).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Decode);
}

#[tokio::test]
async fn contact_decodes_legacy_camel_case_nulls_and_unknown_fields() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"[{"phone":"+14155550124","firstName":"Ana","lastName":"Ruiz","companyName":"Acme",
            "assignedToEmail":"rep@acme.test","sendblueNumber":"+14155550100",
            "customVariables":{"Plan":"Basic","Seats":3,"Gone":null},"tags":null,
            "created_at":"2026-01-06T00:00:00.000Z","verified":false,"loyalty_tier":"gold"},
           {"phone":"+14155550125"}]"#,
    );
    let rows = server
        .client()
        .contacts()
        .list(&ListContacts::default())
        .await
        .unwrap();
    let a = &rows[0];
    assert_eq!(a.contact_id, None);
    assert_eq!(a.first_name.as_deref(), Some("Ana"));
    assert_eq!(a.last_name.as_deref(), Some("Ruiz"));
    assert_eq!(a.company_name.as_deref(), Some("Acme"));
    assert_eq!(a.assigned_to_email.as_deref(), Some("rep@acme.test"));
    assert_eq!(a.sendblue_number.as_deref(), Some("+14155550100"));
    let vars: BTreeMap<String, String> = [("Plan", "Basic"), ("Seats", "3")]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    assert_eq!(a.custom_variables, vars);
    assert!(a.tags.is_empty());
    assert_eq!(a.extra.get("loyalty_tier"), Some(&json!("gold")));
    assert_eq!(a.identity().as_deref(), Some("phone:+14155550124"));
    let b = &rows[1];
    assert!(b.tags.is_empty() && b.custom_variables.is_empty());
    assert_eq!(b.first_name, None);
    // Written back, a contact uses the current snake_case names.
    let out = serde_json::to_value(a).unwrap();
    assert_eq!(out["first_name"], json!("Ana"));
    assert_eq!(out["custom_variables"]["Seats"], json!("3"));
    assert!(out.get("firstName").is_none());
}

#[tokio::test]
async fn get_encodes_the_phone_and_unwraps_contact() {
    let server = Recorder::start().await;
    server.respond(200, &format!(r#"{{"status":"OK","contact":{DANA}}}"#));
    let c = server
        .client()
        .contacts()
        .get("+14155550123")
        .await
        .unwrap();
    assert_eq!(c.contact_id.as_deref(), Some("c_81"));
    assert_eq!(c.phone, "+14155550123");
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/contacts/%2B14155550123");
    assert_eq!(req.query, None);
    req.assert_authenticated();
}

#[tokio::test]
async fn get_missing_contact_is_not_found() {
    let server = Recorder::start().await;
    server.respond(404, r#"{"status":"ERROR","message":"Contact not found"}"#);
    let err = server
        .client()
        .contacts()
        .get("+14155550199")
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    assert_eq!(err.upstream_message(), Some("Contact not found"));
}

#[tokio::test]
async fn create_sends_number_and_reads_phone() {
    let server = Recorder::start().await;
    server.respond(200, &format!(r#"{{"status":"OK","contact":{DANA}}}"#));
    let mut body = CreateContact::new("+14155550123");
    body.first_name = Some("Dana".into());
    body.last_name = Some("Lee".into());
    body.company_name = Some("Acme".into());
    body.assigned_to_email = Some("rep@acme.test".into());
    body.sendblue_number = Some("+14155550100".into());
    body.tags = Some(vec!["vip".into()]);
    body.custom_variables = Some([("Plan".to_string(), "Pro".to_string())].into());
    body.update_if_exists = Some(true);
    let c = server.client().contacts().create(&body).await.unwrap();
    assert_eq!(c.phone, "+14155550123");
    assert_eq!(c.first_name.as_deref(), Some("Dana"));
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/v2/contacts");
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        json!({
            "number": "+14155550123",
            "first_name": "Dana",
            "last_name": "Lee",
            "company_name": "Acme",
            "assigned_to_email": "rep@acme.test",
            "sendblue_number": "+14155550100",
            "tags": ["vip"],
            "custom_variables": {"Plan": "Pro"},
            "update_if_exists": true
        })
    );
    req.assert_authenticated();
}

#[tokio::test]
async fn create_minimal_body_and_conflict_is_not_retried() {
    let server = Recorder::start().await;
    server.respond(
        409,
        r#"{"status":"ERROR","message":"Contact already exists"}"#,
    );
    let client = server.client_with(|c| {
        c.retry = RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
        }
    });
    let err = client
        .contacts()
        .create(&CreateContact::new("+14155550123"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);
    let req = server.only_request();
    assert_eq!(req.json(), json!({"number": "+14155550123"}));
}

#[tokio::test]
async fn update_sends_put_with_changes() {
    let server = Recorder::start().await;
    server.respond(200, &format!(r#"{{"status":"OK","contact":{DANA}}}"#));
    let changes = UpdateContact {
        company_name: Some("Acme".into()),
        custom_variables: Some([("Plan".to_string(), "Pro".to_string())].into()),
        opt_out: Some(true),
        ..UpdateContact::default()
    };
    let c = server
        .client()
        .contacts()
        .update("+14155550123", &changes)
        .await
        .unwrap();
    assert_eq!(c.contact_id.as_deref(), Some("c_81"));
    let req = server.only_request();
    assert_eq!(req.method, "PUT");
    assert_eq!(req.path, "/api/v2/contacts/%2B14155550123");
    assert_eq!(
        req.json(),
        json!({"company_name": "Acme", "custom_variables": {"Plan": "Pro"}, "opt_out": true})
    );
    req.assert_authenticated();
}

#[tokio::test]
async fn delete_one_contact() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"status":"OK"}"#);
    let answer = server
        .client()
        .contacts()
        .delete("+14155550123")
        .await
        .unwrap();
    assert_eq!(answer.status.as_deref(), Some("OK"));
    let req = server.only_request();
    assert_eq!(req.method, "DELETE");
    assert_eq!(req.path, "/api/v2/contacts/%2B14155550123");
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn bulk_create_sends_contacts_and_is_retried() {
    let server = Recorder::start().await;
    server.respond(503, r#"{"status":"ERROR","message":"try again"}"#);
    server.respond(200, &format!(r#"{{"status":"OK","contacts":[{DANA}]}}"#));
    let client = server.client_with(|c| {
        c.retry = RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
        }
    });
    let mut row = BulkContact::new("+14155550123");
    row.first_name = Some("Dana".into());
    row.company_name = Some("Acme".into());
    row.tags = Some(vec!["vip".into()]);
    let rows = vec![row, BulkContact::new("+14155550124")];
    let stored = client.contacts().bulk_create(&rows).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].phone, "+14155550123");
    let all = server.requests();
    assert_eq!(all.len(), 2, "an upsert is repeated after a 503");
    for req in &all {
        assert_eq!(req.method, "POST");
        assert_eq!(req.path, "/api/v2/contacts/bulk");
        assert_eq!(
            req.json(),
            json!({"contacts": [
                {"phone": "+14155550123", "first_name": "Dana", "company_name": "Acme", "tags": ["vip"]},
                {"phone": "+14155550124"}
            ]})
        );
        req.assert_authenticated();
    }
}

#[tokio::test]
async fn bulk_contact_accepts_older_spellings() {
    let row: BulkContact = serde_json::from_value(
        json!({"phone": "+14155550123", "company": "Acme", "firstName": "Dana", "lastName": "Lee"}),
    )
    .unwrap();
    assert_eq!(row.company_name.as_deref(), Some("Acme"));
    assert_eq!(row.first_name.as_deref(), Some("Dana"));
    assert_eq!(row.last_name.as_deref(), Some("Lee"));
}

#[tokio::test]
async fn bulk_delete_sends_phones_in_a_delete_body() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"status":"OK","amount":2}"#);
    let phones = vec!["+14155550123".to_string(), "+14155550124".to_string()];
    let answer = server
        .client()
        .contacts()
        .bulk_delete(&phones)
        .await
        .unwrap();
    assert_eq!(answer.amount, 2);
    assert_eq!(answer.status.as_deref(), Some("OK"));
    let req = server.only_request();
    assert_eq!(req.method, "DELETE");
    assert_eq!(req.path, "/api/v2/contacts");
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(
        req.json(),
        json!({"contact_ids": ["+14155550123", "+14155550124"]})
    );
    req.assert_authenticated();
}

#[tokio::test]
async fn opt_out_sends_number_and_state_and_is_retried() {
    let server = Recorder::start().await;
    server.respond(502, "<html>bad gateway</html>");
    server.respond(
        200,
        r#"{"status":"OK","number":"+14155550123","opted_out":false}"#,
    );
    let client = server.client_with(|c| {
        c.retry = RetryPolicy {
            max_retries: 1,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
        }
    });
    let answer = client
        .contacts()
        .opt_out(&OptOut::new("4155550123", false))
        .await
        .unwrap();
    assert_eq!(answer.number.as_deref(), Some("+14155550123"));
    assert_eq!(answer.opted_out, Some(false));
    let all = server.requests();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].method, "POST");
    assert_eq!(all[1].path, "/api/v2/contacts/opt-out");
    assert_eq!(
        all[1].json(),
        json!({"number": "4155550123", "opted_out": false})
    );
    all[1].assert_authenticated();
}

#[tokio::test]
async fn verify_sends_number() {
    let server = Recorder::start().await;
    server.respond(200, r#"{"status":"OK"}"#);
    let answer = server
        .client()
        .contacts()
        .verify("+14155550123")
        .await
        .unwrap();
    assert_eq!(answer.status.as_deref(), Some("OK"));
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/v2/contacts/verify");
    assert_eq!(req.json(), json!({"number": "+14155550123"}));
    req.assert_authenticated();
}

#[tokio::test]
async fn verify_is_at_most_once() {
    let server = Recorder::start().await;
    server.respond(500, r#"{"status":"ERROR","message":"boom"}"#);
    let client = server.client_with(|c| {
        c.retry = RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(5),
        }
    });
    let err = client.contacts().verify("+14155550123").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Upstream);
    assert_eq!(
        server.requests().len(),
        1,
        "a message send is never repeated"
    );
}
