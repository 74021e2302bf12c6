//! Shared by the jobs and export tests: a real sandbox on loopback, a client for it, bulk
//! test contacts, reading the CSV files the console writes, and the sandbox's request log.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use console_core::jobs::{JobProgress, JobReport, Jobs, REPORT_COLUMNS};
use sendblue_client::models::contacts::{BulkContact, Contact};
use sendblue_client::{Client, ClientConfig};
use sendblue_sandbox::request_log::LoggedRequest;
use sendblue_sandbox::{RunningSandbox, SandboxConfig, DEFAULT_KEY_ID, DEFAULT_SECRET};

/// A sandbox with its database in `dir`: fast ticks, no auto-replies.
pub async fn sandbox(dir: &Path) -> RunningSandbox {
    let mut config = SandboxConfig::ephemeral(dir.join("sandbox.db"));
    config.auto_reply = false;
    config.tick = Duration::from_millis(50);
    sendblue_sandbox::start(config).await.unwrap()
}

pub fn client_for(base_url: &str) -> Client {
    let config = ClientConfig::new(DEFAULT_KEY_ID, DEFAULT_SECRET)
        .with_base_url(base_url)
        .unwrap();
    Client::new(config).unwrap()
}

pub fn phone(prefix: &str, i: usize) -> String {
    format!("+1{prefix}{i:04}")
}

/// Creates `n` contacts `+1<prefix>0000…`, with names, a tag and a custom variable.
pub async fn create_contacts(client: &Client, prefix: &str, n: usize) -> Vec<Contact> {
    let mut created = Vec::new();
    for start in (0..n).step_by(1000) {
        let rows: Vec<BulkContact> = (start..n.min(start + 1000))
            .map(|i| BulkContact {
                first_name: Some(format!("First {i}")),
                last_name: Some(format!("Last, {i}")),
                tags: Some(vec!["bulk".into()]),
                custom_variables: Some(BTreeMap::from([("Plan".into(), format!("P{}", i % 4))])),
                ..BulkContact::new(phone(prefix, i))
            })
            .collect();
        created.extend(client.contacts().bulk_create(&rows).await.unwrap());
    }
    assert_eq!(created.len(), n);
    created
}

pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 BOM first");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

pub fn deletes(log: &[LoggedRequest]) -> Vec<&LoggedRequest> {
    log.iter()
        .filter(|r| r.method == "DELETE" && r.path == "/api/v2/contacts")
        .collect()
}

pub fn ids(request: &LoggedRequest) -> Vec<String> {
    request.body["contact_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

/// Checks `report.csv` has exactly one line per input row and returns outcome by phone.
pub fn report_lines(report: &JobReport, rows: usize) -> Vec<Vec<String>> {
    let (header, lines) = read_csv(Path::new(report.report_csv.as_deref().unwrap()));
    assert_eq!(header, REPORT_COLUMNS);
    assert_eq!(lines.len(), rows);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(
            line[0],
            (i + 1).to_string(),
            "row numbers in order, once each"
        );
    }
    lines
}

pub fn progress_log(jobs: &Jobs) -> Arc<Mutex<Vec<JobProgress>>> {
    let log = Arc::new(Mutex::new(Vec::new()));
    let sink = log.clone();
    jobs.on_progress(move |p| sink.lock().unwrap().push(p.clone()));
    log
}
