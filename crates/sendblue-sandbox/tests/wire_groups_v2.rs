//! Groups v2 on the wire (§8.2, §8.3): renaming (null/"" clear, whitespace refused) and the
//! group photo by URL, by multipart upload, cleared, with the `unsupported_line` code.

mod support;

use serde_json::{json, Value};
use support::{assert_keys, raw, Sandbox};

const V2_LINE: &str = "+14155550100";
const V1_LINE: &str = "+14155550101";

fn assert_error(r: &support::Raw, status: u16, message: &str) {
    assert_eq!(r.status, status, "{}", r.body);
    assert_eq!(r.body, json!({"status": "ERROR", "message": message}));
}

fn assert_coded(r: &support::Raw, code: &str) {
    assert_eq!(r.status, 400, "{}", r.body);
    assert_keys(&r.body, &["status", "message", "error_code"]);
    assert_eq!(r.body["error_code"], code);
}

async fn create(sb: &Sandbox, line: &str, numbers: Value) -> String {
    let r = sb
        .post(
            "/api/create-group",
            json!({"from_number": line, "numbers": numbers}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body["group_id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn renaming_sets_and_clears_the_name() {
    let sb = Sandbox::start().await;
    let group = create(&sb, V2_LINE, json!(["+14155550122", "+14155550124"])).await;
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

async fn upload_photo(sb: &Sandbox, group: &str, bytes: Vec<u8>, name: &str) -> support::Raw {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
    );
    let response = reqwest::Client::new()
        .post(format!("{}/api/v2/groups/{group}/photo", sb.base_url()))
        .header("sb-api-key-id", sendblue_sandbox::DEFAULT_KEY_ID)
        .header("sb-api-secret-key", sendblue_sandbox::DEFAULT_SECRET)
        .multipart(form)
        .send()
        .await
        .unwrap();
    raw(response).await
}

#[tokio::test]
async fn group_photo_by_url_by_upload_and_cleared() {
    let sb = Sandbox::start().await;
    let group = create(&sb, V2_LINE, json!(["+14155550122", "+14155550124"])).await;
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

    let uploaded = upload_photo(&sb, &group, png(1, 1), "crew.png").await;
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
        upload_photo(&sb, &group, b"not an image".to_vec(), "x.png")
            .await
            .status,
        400
    );
    assert_eq!(
        upload_photo(&sb, &group, png(10_000, 10_000), "big.png")
            .await
            .status,
        400
    );
    let mut huge = png(1, 1);
    huge.resize(5 * 1024 * 1024 + 1, 0);
    let too_big = upload_photo(&sb, &group, huge, "huge.png").await;
    assert_error(&too_big, 400, "The photo is larger than 5 MB");

    let classic = create(&sb, V1_LINE, json!(["+14155550122", "+14155550124"])).await;
    let r = sb
        .post(
            &format!("/api/v2/groups/{classic}/photo"),
            json!({"photo_url": "https://cdn.acme.com/crew.png"}),
        )
        .await;
    assert_coded(&r, "unsupported_line");
}
