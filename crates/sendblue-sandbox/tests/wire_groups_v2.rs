//! Groups v2 on the wire (§8.2, §8.3): renaming (null/"" clear, whitespace refused) and the
//! group photo by URL, by multipart upload, cleared, with the `unsupported_line` code.

mod support;

use serde_json::{json, Value};
use support::{assert_coded, assert_error, assert_keys, Sandbox, V1_LINE, V2_LINE};

#[tokio::test]
async fn renaming_sets_and_clears_the_name() {
    let sb = Sandbox::start().await;
    let group = sb
        .create_group(V2_LINE, json!(["+14155550122", "+14155550124"]))
        .await;
    let path = format!("/api/v2/groups/{group}/name");
    let r = sb.post(&path, json!({"group_name": "Launch crew"})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.body,
        json!({"status": "OK", "data": {"group_id": group, "group_name": "Launch crew", "from_number": V2_LINE}})
    );
    let info = sb.get(&format!("/api/v2/groups/{group}")).await.body;
    assert_eq!(info["data"]["group_name"], "Launch crew");
    let cleared = sb.post(&path, json!({"group_name": null})).await;
    assert_eq!(cleared.body["data"]["group_name"], Value::Null);
    let empty = sb.post(&path, json!({"group_name": ""})).await;
    assert_eq!(empty.status, 200);
    assert_eq!(empty.body["data"]["group_name"], Value::Null);
    assert_eq!(
        sb.get(&format!("/api/v2/groups/{group}")).await.body["data"]["group_name"],
        Value::Null
    );
    assert_eq!(
        sb.post(&path, json!({"group_name": "   "})).await.status,
        400
    );
    assert_error(
        &sb.post(&path, json!({})).await,
        400,
        "Missing required field: group_name",
    );
    let wrong_line = sb
        .post(&path, json!({"group_name": "x", "from_number": V1_LINE}))
        .await;
    assert_coded(&wrong_line, "line_not_registered");
    assert_eq!(
        sb.post("/api/v2/groups/nope/name", json!({"group_name": "x"}))
            .await
            .status,
        404
    );
}

/// A 1×1 PNG header (enough for the type and size checks).
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut b = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    b.extend_from_slice(b"IHDR");
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&[8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE]);
    b
}

#[tokio::test]
async fn group_photo_by_url_by_upload_and_cleared() {
    let sb = Sandbox::start().await;
    let group = sb
        .create_group(V2_LINE, json!(["+14155550122", "+14155550124"]))
        .await;
    let path = format!("/api/v2/groups/{group}/photo");
    let r = sb
        .post(&path, json!({"photo_url": "https://cdn.acme.com/crew.png"}))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_keys(&r.body["data"], &["group_id", "group_photo", "from_number"]);
    assert_eq!(
        r.body["data"]["group_photo"]["url"],
        "https://cdn.acme.com/crew.png"
    );
    assert!(r.body["data"]["group_photo"]["photo_guid"]
        .as_str()
        .unwrap()
        .starts_with("ph_"));
    let info = sb.get(&format!("/api/v2/groups/{group}")).await.body;
    assert_eq!(info["data"]["group_photo"], r.body["data"]["group_photo"]);

    let cleared = sb.post(&path, json!({"photo_url": null})).await;
    assert_eq!(cleared.body["data"]["group_photo"], Value::Null);
    assert_eq!(
        sb.post(&path, json!({"photo_url": "https://cdn.acme.com/crew.txt"}))
            .await
            .status,
        400
    );
    assert_eq!(
        sb.post(&path, json!({"photo_url": "http://cdn.acme.com/crew.png"}))
            .await
            .status,
        400
    );
    assert_error(
        &sb.post(&path, json!({})).await,
        400,
        "Missing required field: photo_url",
    );

    let uploaded = sb.upload(&path, "file", png(1, 1), "crew.png").await;
    assert_eq!(uploaded.status, 200, "{}", uploaded.body);
    let url = uploaded.body["data"]["group_photo"]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        url.starts_with(&format!("{}/media/", sb.base_url())),
        "{url}"
    );
    let served = reqwest::get(&url).await.unwrap();
    assert_eq!(served.headers()["content-type"], "image/png");
    assert_eq!(served.bytes().await.unwrap().to_vec(), png(1, 1));

    assert_eq!(
        sb.upload(&path, "file", b"not an image".to_vec(), "x.png")
            .await
            .status,
        400
    );
    assert_eq!(
        sb.upload(&path, "file", png(10_000, 10_000), "big.png")
            .await
            .status,
        400
    );
    let mut huge = png(1, 1);
    huge.resize(5 * 1024 * 1024 + 1, 0);
    let too_big = sb.upload(&path, "file", huge, "huge.png").await;
    assert_error(&too_big, 400, "The photo is larger than 5 MB");

    let classic = sb
        .create_group(V1_LINE, json!(["+14155550122", "+14155550124"]))
        .await;
    let r = sb
        .post(
            &format!("/api/v2/groups/{classic}/photo"),
            json!({"photo_url": "https://cdn.acme.com/crew.png"}),
        )
        .await;
    assert_coded(&r, "unsupported_line");
}
