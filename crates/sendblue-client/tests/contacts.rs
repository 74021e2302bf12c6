//! Contacts endpoints: the exact request sent, and the reference's answers decoded.

mod support;

use support::Recorder;

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
