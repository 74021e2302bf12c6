//! Sendblue Verify (§19.2): start, retrieve, the paged recovery list and the page walk.

mod support;

use sendblue_client::models::verify::{
    CreateVerificationRequest, HostedOptions, HostedTheme, ListVerificationsParams,
    VerificationStatus,
};
use sendblue_client::{Error, ErrorCode};
use serde_json::json;
use support::Recorder;

const PENDING: &str = r#"{"sid":"VE1111","service_sid":"SV2222","account_sid":"AC3333","channel":"imessage","status":"pending","to":"+14155551212","url":"https://api.sendblue.co/api/v2/verify/services/SV2222/verifications/VE1111","date_created":"2026-03-02T19:00:00.000Z","date_updated":"2026-03-02T19:00:00.000Z","expires_at":"2026-03-02T19:10:00.000Z","delivery_target":{"code":"482913","pool_number":"+14155550177","sms_deep_link":"sms:+14155550177&body=482913"}"#;

#[tokio::test]
async fn start_posts_to_and_reads_verification() {
    let server = Recorder::start().await;
    server.respond(200, &format!("{PENDING}}}"));
    let v = server
        .client()
        .verify()
        .start("SV2222", &CreateVerificationRequest::new("+14155551212"))
        .await
        .unwrap();
    assert_eq!(v.sid, "VE1111");
    assert_eq!(v.service_sid.as_deref(), Some("SV2222"));
    assert_eq!(v.account_sid.as_deref(), Some("AC3333"));
    assert_eq!(v.channel.as_deref(), Some("imessage"));
    assert_eq!(v.status, VerificationStatus::Pending);
    assert!(!v.status.is_final());
    assert_eq!(v.to.as_deref(), Some("+14155551212"));
    assert_eq!(v.expires_at.as_deref(), Some("2026-03-02T19:10:00.000Z"));
    let target = v.delivery_target.unwrap();
    assert_eq!(target.code.as_deref(), Some("482913"));
    assert_eq!(target.pool_number.as_deref(), Some("+14155550177"));
    assert_eq!(v.hosted, None);
    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/v2/verify/services/SV2222/verifications");
    assert_eq!(req.json(), json!({"to": "+14155551212"}));
    req.assert_authenticated();
}

#[tokio::test]
async fn start_with_hosted_sends_snake_case_options() {
    let server = Recorder::start().await;
    server.respond(
        200,
        &format!(
            r#"{PENDING},"hosted":{{"component_script":"https://verify.sendblue.co/widget.js","session_id":"hs_1","url":"https://verify.sendblue.co/s#tok","expires_at":"2026-03-02T19:10:00.000Z"}}}}"#
        ),
    );
    let mut hosted = HostedOptions::new("https://app.acme.test");
    hosted.accent_color = Some("1A2B3C".into());
    hosted.brand_name = Some("Acme".into());
    hosted.theme = Some(HostedTheme::Dark);
    let v = server
        .client()
        .verify()
        .start(
            "SV2222",
            &CreateVerificationRequest::new("+14155551212").hosted(hosted),
        )
        .await
        .unwrap();
    let session = v.hosted.unwrap();
    assert_eq!(session.session_id.as_deref(), Some("hs_1"));
    assert_eq!(
        session.component_script.as_deref(),
        Some("https://verify.sendblue.co/widget.js")
    );
    assert_eq!(
        server.only_request().json(),
        json!({
            "to": "+14155551212",
            "hosted": {
                "parent_origin": "https://app.acme.test",
                "accent_color": "1A2B3C",
                "brand_name": "Acme",
                "theme": "dark"
            }
        })
    );
}

#[tokio::test]
async fn get_encodes_both_sids_and_reads_final_state() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"sid":"VE1111","service_sid":"SV2222","account_sid":"AC3333","channel":"imessage","status":"approved","to":null,"url":"u","date_created":"a","date_updated":"b","expires_at":"c"}"#,
    );
    let v = server
        .client()
        .verify()
        .get("SV 2222", "VE/1111")
        .await
        .unwrap();
    assert_eq!(v.status, VerificationStatus::Approved);
    assert!(v.status.is_final());
    assert_eq!(v.to, None);
    assert_eq!(v.delivery_target, None);
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(
        req.path,
        "/api/v2/verify/services/SV%202222/verifications/VE%2F1111"
    );
    assert!(req.body.is_empty());
    req.assert_authenticated();
}

#[tokio::test]
async fn list_sends_query_and_reads_snake_case_pagination() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":[{"sid":"VE1","service_sid":"SV2","channel":"imessage","status":"expired","to":"+1","date_created":"a","date_updated":"b","date_completed":"c"},{"sid":"VE2","service_sid":"SV2","channel":"imessage","status":"cancelled","date_created":"a","date_updated":"b"}],"pagination":{"count":7,"limit":2,"offset":0,"has_more":true}}"#,
    );
    let page = server
        .client()
        .verify()
        .list(&ListVerificationsParams {
            limit: Some(2),
            offset: Some(0),
            updated_at_gte: Some("2026-03-02T00:00:00Z".into()),
        })
        .await
        .unwrap();
    assert_eq!(page.status.as_deref(), Some("OK"));
    assert_eq!(page.data.len(), 2);
    assert_eq!(page.data[0].status, VerificationStatus::Expired);
    assert_eq!(page.data[0].date_completed.as_deref(), Some("c"));
    assert_eq!(page.data[1].status, VerificationStatus::Canceled);
    assert_eq!(page.data[1].to, None);
    assert_eq!(page.pagination.count, Some(7));
    assert!(page.pagination.has_more);
    let req = server.only_request();
    assert_eq!(req.method, "GET");
    assert_eq!(req.path, "/api/v2/verify/verifications");
    assert_eq!(
        req.query_pairs(),
        vec![
            ("limit".to_string(), "2".to_string()),
            ("offset".to_string(), "0".to_string()),
            (
                "updated_at_gte".to_string(),
                "2026-03-02T00:00:00Z".to_string()
            ),
        ]
    );
    req.assert_authenticated();
}

#[tokio::test]
async fn list_with_defaults_sends_no_query_and_accepts_camel_has_more() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":[],"pagination":{"count":0,"limit":50,"offset":0,"hasMore":true}}"#,
    );
    let page = server
        .client()
        .verify()
        .list(&ListVerificationsParams::default())
        .await
        .unwrap();
    assert!(page.data.is_empty());
    assert!(page.pagination.has_more);
    assert_eq!(server.only_request().query.as_deref().unwrap_or(""), "");
}

fn row(sid: &str, status: &str) -> String {
    format!(
        r#"{{"sid":"{sid}","service_sid":"SV","channel":"imessage","status":"{status}","date_created":"a","date_updated":"b"}}"#
    )
}

#[tokio::test]
async fn updated_since_walks_every_page_and_dedupes() {
    let server = Recorder::start().await;
    server.respond(
        200,
        &format!(
            r#"{{"status":"OK","data":[{},{}],"pagination":{{"count":4,"limit":100,"offset":0,"has_more":true}}}}"#,
            row("VE1", "pending"),
            row("VE2", "approved")
        ),
    );
    server.respond(
        200,
        &format!(
            r#"{{"status":"OK","data":[{},{}],"pagination":{{"count":4,"limit":100,"offset":2,"has_more":false}}}}"#,
            row("VE1", "expired"),
            row("VE3", "canceled")
        ),
    );
    let rows = server
        .client()
        .verify()
        .updated_since("2026-03-02T19:00:00Z")
        .await
        .unwrap();
    let got: Vec<_> = rows
        .iter()
        .map(|r| (r.sid.as_str(), r.status.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("VE1", VerificationStatus::Expired),
            ("VE2", VerificationStatus::Approved),
            ("VE3", VerificationStatus::Canceled),
        ]
    );
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    assert_eq!(
        reqs[0].query_pairs(),
        vec![
            ("limit".to_string(), "100".to_string()),
            ("offset".to_string(), "0".to_string()),
            (
                "updated_at_gte".to_string(),
                "2026-03-02T19:00:00Z".to_string()
            ),
        ]
    );
    assert_eq!(
        reqs[1].query_pairs()[1],
        ("offset".to_string(), "2".to_string())
    );
}

#[tokio::test]
async fn updated_since_stops_on_an_empty_page() {
    let server = Recorder::start().await;
    server.respond(
        200,
        r#"{"status":"OK","data":[],"pagination":{"count":0,"limit":100,"offset":0,"has_more":true}}"#,
    );
    let rows = server.client().verify().updated_since("x").await.unwrap();
    assert!(rows.is_empty());
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn line_scoped_token_is_forbidden_and_missing_sid_is_local() {
    let server = Recorder::start().await;
    server.respond(
        403,
        r#"{"status":"ERROR","message":"Line-scoped tokens cannot access Verify"}"#,
    );
    let client = server.client();
    let err = client
        .verify()
        .list(&ListVerificationsParams::default())
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::Forbidden);
    let err = client
        .verify()
        .start("", &CreateVerificationRequest::new("+1"))
        .await
        .unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "service_sid"));
    assert_eq!(server.requests().len(), 1);
}
