//! The `sendblue-sandbox` binary: its first line names the address, it answers with the keys
//! it was given, and it refuses bad flags.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_sendblue-sandbox");

/// Kills the child when the test ends, however it ends.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_binary_prints_its_address_first_and_serves_with_the_given_keys() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bin.db");
    let mut child = Command::new(BIN)
        .args(["--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .args(["--key-id", "k", "--secret", "s", "--tick-ms", "20"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let child = Killed(child);

    let first = tokio::task::spawn_blocking(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        line
    })
    .await
    .unwrap();
    let base = first
        .trim_end()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("first line: {first:?}"))
        .to_owned();
    let port: u16 = base
        .strip_prefix("http://127.0.0.1:")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("first line: {first:?}"));
    assert_ne!(port, 0);

    let http = reqwest::Client::new();
    let ok = http
        .get(format!("{base}/api/v2/contacts/count"))
        .header("sb-api-key-id", "k")
        .header("sb-api-secret-key", "s")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.json::<serde_json::Value>().await.unwrap()["count"], 0);

    let default_keys = http
        .get(format!("{base}/api/v2/contacts/count"))
        .header("sb-api-key-id", sendblue_sandbox::DEFAULT_KEY_ID)
        .header("sb-api-secret-key", sendblue_sandbox::DEFAULT_SECRET)
        .send()
        .await
        .unwrap();
    assert_eq!(default_keys.status(), 401, "only the given keys work");
    assert!(db.exists(), "the database file was created");
    drop(child);
}

#[test]
fn bad_fault_flags_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(["--addr", "127.0.0.1:0", "--error-rate", "2", "--db"])
        .arg(dir.path().join("x.db"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error_rate must be between 0 and 1"), "{err}");
}
