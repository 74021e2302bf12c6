//! Uploads: a file over the limit is refused before anything reaches the server (a recording
//! server on loopback counts connections), and a stop drops an upload part-way.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use console_core::media::{
    check_upload_size, format_size, upload_checked, UploadLimit, UploadStop, SMS_MAX_BYTES,
};
use console_core::ErrorCode;
use sendblue_client::{Client, ClientConfig};

/// A loopback server that accepts connections and never answers, counting them.
async fn recording_server() -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            seen.fetch_add(1, Ordering::SeqCst);
            held.push(socket);
        }
    });
    (format!("http://{addr}"), count)
}

fn client(base_url: &str) -> Client {
    let config = ClientConfig::new("key", "secret")
        .with_base_url(base_url)
        .unwrap();
    Client::new(config).unwrap()
}

fn sms() -> UploadLimit {
    UploadLimit {
        max_bytes: SMS_MAX_BYTES,
        carrier: Some("Text messages (SMS)".into()),
    }
}

#[tokio::test]
async fn a_file_over_the_sms_limit_is_refused_before_uploading() {
    let (url, connections) = recording_server().await;
    let file = tempfile::NamedTempFile::new().unwrap();
    // 7.2 MB.
    file.as_file().set_len(7_549_747).unwrap();

    let err = upload_checked(
        &client(&url),
        file.path(),
        Some(&sms()),
        &UploadStop::new(),
        |_, _| {},
    )
    .await
    .unwrap_err();

    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(
        err.message,
        "This file is 7.2 MB. Text messages (SMS) can carry files up to 5 MB."
    );
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        connections.load(Ordering::SeqCst),
        0,
        "nothing reached the server"
    );
}

#[tokio::test]
async fn a_file_within_the_limit_passes_the_check() {
    let file = tempfile::NamedTempFile::new().unwrap();
    file.as_file().set_len(SMS_MAX_BYTES).unwrap();
    assert_eq!(
        check_upload_size(file.path(), &sms()).unwrap(),
        SMS_MAX_BYTES
    );
    let generic = UploadLimit {
        max_bytes: 1024,
        carrier: None,
    };
    let err = check_upload_size(file.path(), &generic).unwrap_err();
    assert_eq!(
        err.message,
        "This file is 5 MB. This message can carry files up to 1 KB."
    );
}

#[tokio::test]
async fn a_stop_drops_the_upload_part_way() {
    let (url, connections) = recording_server().await;
    let file = tempfile::NamedTempFile::new().unwrap();
    file.as_file().set_len(2 * 1024 * 1024).unwrap();
    let stop = UploadStop::new();
    let stopper = stop.clone();
    let client = client(&url);
    let limit = sms();
    let upload = upload_checked(&client, file.path(), Some(&limit), &stop, |_, _| {});
    let stopping = async {
        // Once the request is on its way (the server saw it), stop it.
        while connections.load(Ordering::SeqCst) == 0 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        stopper.stop();
    };
    let (outcome, ()) = tokio::time::timeout(Duration::from_secs(20), async {
        tokio::join!(upload, stopping)
    })
    .await
    .expect("the stop ends the upload");
    assert!(outcome.unwrap().is_none());
}

#[test]
fn sizes_read_like_the_page_shows_them() {
    assert_eq!(format_size(512), "512 bytes");
    assert_eq!(format_size(2048), "2 KB");
    assert_eq!(format_size(SMS_MAX_BYTES), "5 MB");
    assert_eq!(format_size(12 * 1024 * 1024 + 1), "12 MB");
}
