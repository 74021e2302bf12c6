//! Media uploads: the exact request sent, and the reference's answers decoded.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};

use sendblue_client::ErrorCode;
use serde_json::json;
use support::Recorder;

const UPLOAD_EXAMPLE: &str = r#"{
  "status": "OK",
  "message": "File uploaded successfully",
  "media_url": "https://storage.googleapis.com/inbound-file-store/k3j9_report.pdf",
  "mediaObjectId": "k3j9_report.pdf"
}"#;

fn temp_file(name: &str, len: usize) -> (tempfile::TempDir, std::path::PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let bytes: Vec<u8> = (0..len).map(|i| (i * 7 % 256) as u8).collect();
    std::fs::File::create(&path)
        .unwrap()
        .write_all(&bytes)
        .unwrap();
    (dir, path, bytes)
}

#[tokio::test]
async fn upload_file_streams_multipart_and_reports_progress() {
    let server = Recorder::start().await;
    server.respond(201, UPLOAD_EXAMPLE);
    // Larger than one read chunk, so progress is reported several times.
    let (_dir, path, bytes) = temp_file("report.pdf", 200_000);
    let seen: Arc<Mutex<Vec<(u64, u64)>>> = Arc::default();
    let sink = seen.clone();
    let answer = server
        .client()
        .media()
        .upload_file_with_progress(&path, move |sent, total| {
            sink.lock().unwrap().push((sent, total));
        })
        .await
        .unwrap();

    let req = server.only_request();
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/upload-file");
    assert_eq!(req.query, None);
    req.assert_authenticated();
    assert!(req
        .header("content-type")
        .unwrap()
        .starts_with("multipart/form-data; boundary="));
    let body = String::from_utf8_lossy(&req.body);
    assert!(
        body.contains(r#"Content-Disposition: form-data; name="file"; filename="report.pdf""#),
        "{}",
        &body[..200]
    );
    assert!(body.contains("Content-Type: application/pdf"));
    assert!(req.body.windows(bytes.len()).any(|w| w == bytes.as_slice()));

    let seen = seen.lock().unwrap();
    assert!(seen.len() > 1, "{seen:?}");
    assert_eq!(seen.last(), Some(&(200_000, 200_000)));
    assert!(seen.windows(2).all(|w| w[0].0 < w[1].0));

    assert_eq!(
        answer.media_url,
        "https://storage.googleapis.com/inbound-file-store/k3j9_report.pdf"
    );
    assert_eq!(answer.media_object_id.as_deref(), Some("k3j9_report.pdf"));
    assert_eq!(answer.status.as_deref(), Some("OK"));
}

#[tokio::test]
async fn upload_file_without_progress_guesses_octet_stream_for_unknown_types() {
    let server = Recorder::start().await;
    server.respond(201, UPLOAD_EXAMPLE);
    let (_dir, path, bytes) = temp_file("blob.zzqx", 10);
    server.client().media().upload_file(&path).await.unwrap();
    let req = server.only_request();
    let body = String::from_utf8_lossy(&req.body);
    assert!(body.contains(r#"filename="blob.zzqx""#));
    assert!(body.contains("Content-Type: application/octet-stream"));
    assert!(req.body.windows(bytes.len()).any(|w| w == bytes.as_slice()));
}

#[tokio::test]
async fn upload_file_over_100_mb_is_refused_locally() {
    let server = Recorder::start().await;
    let file = tempfile::NamedTempFile::new().unwrap();
    file.as_file().set_len(100 * 1024 * 1024 + 1).unwrap();
    let e = server
        .client()
        .media()
        .upload_file(file.path())
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert!(e.to_string().contains("limit"), "{e}");
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn upload_missing_file_is_an_io_error() {
    let server = Recorder::start().await;
    let e = server
        .client()
        .media()
        .upload_file("/definitely/not/here.png")
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Io);
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn upload_file_too_large_upstream_maps_to_validation_and_is_not_retried() {
    let server = Recorder::start().await;
    server.respond(413, r#"{"status":"ERROR","message":"File too large"}"#);
    let (_dir, path, _) = temp_file("a.png", 100);
    let client = server.client_with(|c| {
        c.retry.max_retries = 2;
        c.retry.base_delay = std::time::Duration::from_millis(1);
    });
    let e = client.media().upload_file(&path).await.unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn upload_is_reopened_when_retried_after_429() {
    let server = Recorder::start().await;
    server.respond(429, r#"{"status":"ERROR","message":"Rate limit exceeded"}"#);
    server.respond(201, UPLOAD_EXAMPLE);
    let (_dir, path, bytes) = temp_file("a.jpg", 70_000);
    let client = server.client_with(|c| {
        c.retry.max_retries = 1;
        c.retry.base_delay = std::time::Duration::from_millis(1);
    });
    client.media().upload_file(&path).await.unwrap();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 2);
    for r in reqs {
        assert!(r.body.windows(bytes.len()).any(|w| w == bytes.as_slice()));
    }
}

#[tokio::test]
async fn upload_media_object_posts_url_and_decodes() {
    let server = Recorder::start().await;
    server.respond(
        201,
        r#"{"status":"OK","message":"File uploaded successfully","mediaObjectId":"MO_9f2c1a.jpg"}"#,
    );
    server.respond(
        201,
        r#"{"status":"OK","message":"File uploaded successfully","mediaObjectId":"MO_2.jpg","media_url":"http://127.0.0.1/media/MO_2.jpg"}"#,
    );
    let client = server.client();
    let a = client
        .media()
        .upload_media_object("https://signed.example/x.jpg?sig=abc")
        .await
        .unwrap();
    assert_eq!(a.media_object_id.as_deref(), Some("MO_9f2c1a.jpg"));
    assert_eq!(a.media_url, None);
    let b = client
        .media()
        .upload_media_object("https://signed.example/y.jpg")
        .await
        .unwrap();
    assert_eq!(
        b.media_url.as_deref(),
        Some("http://127.0.0.1/media/MO_2.jpg")
    );

    let req = &server.requests()[0];
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/api/upload-media-object");
    req.assert_authenticated();
    assert_eq!(
        req.json(),
        json!({"media_url": "https://signed.example/x.jpg?sig=abc"})
    );
}

#[tokio::test]
async fn upload_media_object_bad_url_maps_to_validation() {
    let server = Recorder::start().await;
    server.respond(400, r#"{"status":"ERROR","message":"Invalid media URL"}"#);
    let e = server
        .client()
        .media()
        .upload_media_object("nope")
        .await
        .unwrap_err();
    assert_eq!(e.code(), ErrorCode::Validation);
    assert_eq!(e.upstream_message(), Some("Invalid media URL"));
}
