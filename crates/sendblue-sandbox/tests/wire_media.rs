//! Media on the wire (§7): upload-file (multipart, 201, 400 without a `file` part, 413 above
//! 100 MB), upload-media-object (201 with a usable `media_url`, 400 `Invalid media URL`) and
//! the unauthenticated `GET /media/{id}`.

mod support;

use serde_json::json;
use support::{assert_keys, Sandbox};

fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn upload_file_stores_and_serves_the_bytes() {
    let sb = Sandbox::start().await;
    let bytes: Vec<u8> = (0..70_000u32).map(|i| (i % 251) as u8).collect();
    let r = sb
        .upload("/api/upload-file", "file", bytes.clone(), "Q3 report.pdf")
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_keys(
        &r.body,
        &["status", "message", "media_url", "mediaObjectId"],
    );
    assert_eq!(r.body["status"], "OK");
    assert_eq!(r.body["message"], "File uploaded successfully");
    let id = r.body["mediaObjectId"].as_str().unwrap();
    assert!(id.ends_with("_Q3_report.pdf"), "{id}");
    let url = r.body["media_url"].as_str().unwrap();
    assert_eq!(url, format!("{}/media/{id}", sb.base_url()));

    // No key headers: recipients' phones fetch media by URL.
    let served = reqwest::get(url).await.unwrap();
    assert_eq!(served.status(), 200);
    assert_eq!(served.headers()["content-type"], "application/pdf");
    assert_eq!(served.headers()["content-length"], "70000");
    assert_eq!(served.bytes().await.unwrap().to_vec(), bytes);
    let file = sb.running.state().config.media_dir().join(id);
    assert_eq!(std::fs::read(file).unwrap(), bytes);

    let missing = reqwest::get(format!("{}/media/nope.jpg", sb.base_url()))
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert_eq!(
        missing.json::<serde_json::Value>().await.unwrap(),
        json!({"status": "ERROR", "message": "Media not found"})
    );
    // The uploaded URL is sendable.
    let sent = sb
        .post(
            "/api/send-message",
            json!({"number": "+14155550122", "from_number": "+14155550100", "media_url": url}),
        )
        .await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert_eq!(sent.body["media_url"], url);
    // Stored origin-relative, so the URL follows the sandbox to another port after a restart.
    let stored: String = sb
        .running
        .state()
        .store
        .with(|c| c.query_row("SELECT media_url FROM messages", [], |r| r.get(0)))
        .unwrap();
    assert_eq!(stored, format!("/media/{id}"));
}

#[tokio::test]
async fn upload_file_refusals() {
    let sb = Sandbox::start().await;
    let wrong_part = sb
        .upload("/api/upload-file", "attachment", b"abc".to_vec(), "a.txt")
        .await;
    assert_eq!(wrong_part.status, 400);
    assert_eq!(
        wrong_part.body,
        json!({"status": "ERROR", "message": "Missing file: send the file as the multipart part `file`"})
    );
    let json_body = sb.post("/api/upload-file", json!({"file": "abc"})).await;
    assert_eq!(json_body.status, 400);
    assert_keys(&json_body.body, &["status", "message"]);
    assert_eq!(
        sb.upload("/api/upload-file", "file", Vec::new(), "empty.txt")
            .await
            .status,
        400
    );

    let too_big = sb
        .upload(
            "/api/upload-file",
            "file",
            vec![7u8; 100 * 1024 * 1024 + 1],
            "big.bin",
        )
        .await;
    assert_eq!(too_big.status, 413);
    assert_eq!(too_big.body["status"], "ERROR");
    let left = std::fs::read_dir(sb.running.state().config.media_dir())
        .unwrap()
        .count();
    assert_eq!(left, 0, "a refused upload leaves no file");
    let exactly = sb
        .upload(
            "/api/upload-file",
            "file",
            vec![7u8; 100 * 1024 * 1024],
            "max.bin",
        )
        .await;
    assert_eq!(exactly.status, 201);
}

#[tokio::test]
async fn upload_media_object_rehosts_local_sources_and_records_remote_ones() {
    let sb = Sandbox::start().await;
    let r = sb
        .post(
            "/api/upload-media-object",
            json!({"media_url": "https://cdn.acme.com/signed/menu.jpg?sig=abc"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_keys(
        &r.body,
        &["status", "message", "mediaObjectId", "media_url"],
    );
    assert_eq!(r.body["message"], "File uploaded successfully");
    let id = r.body["mediaObjectId"].as_str().unwrap();
    assert!(id.starts_with("MO_") && id.ends_with(".jpg"), "{id}");
    let remote = no_redirects()
        .get(r.body["media_url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(remote.status(), 302);
    assert_eq!(
        remote.headers()["location"],
        "https://cdn.acme.com/signed/menu.jpg?sig=abc"
    );

    let first = sb
        .upload(
            "/api/upload-file",
            "file",
            b"GIF89a-bytes".to_vec(),
            "wave.gif",
        )
        .await;
    let source = first.body["media_url"].as_str().unwrap();
    let copy = sb
        .post("/api/upload-media-object", json!({"media_url": source}))
        .await;
    assert_eq!(copy.status, 201, "{}", copy.body);
    let served = no_redirects()
        .get(copy.body["media_url"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(served.status(), 200, "local sources are fetched");
    assert_eq!(served.headers()["content-type"], "image/gif");
    assert_eq!(served.bytes().await.unwrap().as_ref(), b"GIF89a-bytes");

    for body in [
        json!({}),
        json!({"media_url": ""}),
        json!({"media_url": "not a url"}),
        json!({"media_url": "http://cdn.acme.com/x.jpg"}),
        json!({"media_url": 42}),
    ] {
        let r = sb.post("/api/upload-media-object", body.clone()).await;
        assert_eq!(r.status, 400, "{body}");
        assert_eq!(
            r.body,
            json!({"status": "ERROR", "message": "Invalid media URL"})
        );
    }
    let gone = sb
        .post(
            "/api/upload-media-object",
            json!({"media_url": format!("{}/media/missing.jpg", sb.base_url())}),
        )
        .await;
    assert_eq!(gone.status, 400);
    assert!(gone.body["message"]
        .as_str()
        .unwrap()
        .starts_with("Invalid media URL"));
}
