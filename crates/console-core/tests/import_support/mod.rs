//! Shared by the import tests that talk to a sandbox: starting one on loopback, a client for
//! it, building fixture files, running the dry run and the import, and reading the proof
//! back (the sandbox's request log, its contacts, the report).

#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

use console_core::import::{
    detect_source, dry_run, suggest_mapping, DryRun, ExistingPhones, ImportOptions, ImportSpec,
    REPORT_HEADER,
};
use futures_util::StreamExt;
use sendblue_client::models::contacts::{BulkContact, Contact};
use sendblue_client::{Client, ClientConfig};
use sendblue_sandbox::request_log::LoggedRequest;
use sendblue_sandbox::{Faults, RunningSandbox, SandboxConfig, DEFAULT_KEY_ID, DEFAULT_SECRET};

/// A sandbox on a free loopback port with its database in a temporary folder.
pub struct Sandbox {
    pub running: RunningSandbox,
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut config = SandboxConfig::ephemeral(dir.path().join("sandbox.db"));
        config.tick = Duration::from_millis(50);
        config.auto_reply = false;
        let running = sendblue_sandbox::start(config).await.unwrap();
        Self { running, dir }
    }

    pub fn url(&self) -> String {
        self.running.base_url()
    }

    pub fn client(&self) -> Client {
        client_for(&self.url())
    }

    pub fn set_faults(&self, faults: Faults) {
        *self.running.state().faults.write().unwrap() = faults;
    }

    /// The log's last sequence number so far.
    pub fn log_seq(&self) -> u64 {
        self.running
            .state()
            .log
            .since(0)
            .last()
            .map(|e| e.seq)
            .unwrap_or(0)
    }

    /// Bulk-create requests logged after `after`.
    pub fn bulk_requests(&self, after: u64) -> Vec<LoggedRequest> {
        bulk_only(self.running.state().log.since(after))
    }

    /// Every contact, by phone.
    pub async fn contacts(&self) -> BTreeMap<String, Contact> {
        let client = self.client();
        let walk = client.contacts().walk(1000);
        futures_util::pin_mut!(walk);
        let mut out = BTreeMap::new();
        while let Some(c) = walk.next().await {
            let c = c.unwrap();
            out.insert(c.phone.clone(), c);
        }
        out
    }

    /// Creates `phones` as contacts named "Existing N" (before the import).
    pub async fn seed(&self, phones: &[String]) {
        let rows: Vec<BulkContact> = phones
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut c = BulkContact::new(p.clone());
                c.first_name = Some(format!("Existing {i}"));
                c
            })
            .collect();
        for chunk in rows.chunks(1000) {
            self.client().contacts().bulk_create(chunk).await.unwrap();
        }
    }
}

/// A client for the sandbox at `url` with the default retries.
pub fn client_for(url: &str) -> Client {
    let config = ClientConfig::new(DEFAULT_KEY_ID, DEFAULT_SECRET)
        .with_base_url(url)
        .unwrap();
    Client::new(config).unwrap()
}

pub fn bulk_only(log: Vec<LoggedRequest>) -> Vec<LoggedRequest> {
    log.into_iter()
        .filter(|r| r.method == "POST" && r.path == "/api/v2/contacts/bulk")
        .collect()
}

/// The phones of a logged bulk request.
pub fn phones_of(request: &LoggedRequest) -> Vec<String> {
    request.body["contacts"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| r["phone"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Asserts no phone appears in two bulk requests answered 200; returns how many phones the
/// successful requests carried.
pub fn assert_no_row_in_two_successful_batches(log: &[LoggedRequest]) -> usize {
    let mut seen: HashMap<String, u64> = HashMap::new();
    for request in log.iter().filter(|r| r.status == 200) {
        for phone in phones_of(request) {
            if let Some(first) = seen.insert(phone.clone(), request.seq) {
                panic!(
                    "{phone} was in two successful batches (requests {first} and {})",
                    request.seq
                );
            }
        }
    }
    seen.len()
}

/// The spec for importing `file` with the suggested mapping and `options`.
pub fn spec_for(file: &Path, options: ImportOptions) -> ImportSpec {
    let settings = detect_source(file).unwrap();
    let inspection = console_core::import::inspect_file(file).unwrap();
    ImportSpec {
        file: file.to_path_buf(),
        settings,
        mapping: suggest_mapping(&inspection.headers),
        options,
    }
}

/// Runs the dry run for `spec` in `job_dir`, checking existing numbers against the account
/// (a walk of its contacts into a scratch SQLite file in the job folder).
pub async fn dry_run_against(client: &Client, job_dir: &Path, spec: &ImportSpec) -> DryRun {
    std::fs::create_dir_all(job_dir).unwrap();
    let existing = ExistingPhones::from_account(client, &job_dir.join("existing.db"))
        .await
        .unwrap();
    let spec = spec.clone();
    let dir = job_dir.to_path_buf();
    tokio::task::spawn_blocking(move || {
        dry_run(
            &dir,
            &spec,
            &existing,
            &console_core::import::ImportControl::new(),
        )
    })
    .await
    .unwrap()
    .unwrap()
}

/// One parsed line of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    pub row: u64,
    pub phone: String,
    pub normalized: String,
    pub outcome: String,
    pub reason: String,
}

/// Reads a report CSV, checking its header.
pub fn read_report(path: &Path) -> Vec<ReportLine> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    assert_eq!(reader.headers().unwrap(), REPORT_HEADER.as_slice());
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            ReportLine {
                row: r[0].parse().unwrap(),
                phone: r[1].to_owned(),
                normalized: r[2].to_owned(),
                outcome: r[3].to_owned(),
                reason: r[4].to_owned(),
            }
        })
        .collect()
}

/// Outcome → count.
pub fn outcome_counts(lines: &[ReportLine]) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for line in lines {
        *out.entry(line.outcome.clone()).or_default() += 1;
    }
    out
}

/// A US number in the sandbox's fictional range, unique per `i` (below 10,000,000).
pub fn us_number(i: u64) -> String {
    // Area codes 212, 312, 646, … all valid; 555-01xx style is not needed for validity.
    let areas = [212, 312, 646, 718, 917, 213, 310, 305, 617, 202];
    let area = areas[(i / 1_000_000) as usize % areas.len()];
    let rest = i % 1_000_000;
    format!("+1{area}{:03}{:04}", 200 + rest / 10_000, rest % 10_000)
}

/// The same number as a person might type it (one of several formats, by `style`).
pub fn styled(e164: &str, style: u64) -> String {
    let d = &e164[2..];
    match style % 5 {
        0 => e164.to_owned(),
        1 => format!("({}) {}-{}", &d[..3], &d[3..6], &d[6..]),
        2 => format!("{}.{}.{}", &d[..3], &d[3..6], &d[6..]),
        3 => format!("1-{}-{}-{}", &d[..3], &d[3..6], &d[6..]),
        _ => d.to_owned(),
    }
}

/// A generated CSV of `n` distinct new contacts (phones in several formats), returning its
/// path and the E.164 numbers in row order.
pub fn generated_csv(dir: &Path, name: &str, n: u64, offset: u64) -> (PathBuf, Vec<String>) {
    let path = dir.join(name);
    let mut out = csv::Writer::from_path(&path).unwrap();
    out.write_record([
        "Phone",
        "First name",
        "Last name",
        "Company",
        "Tags",
        "Plan",
    ])
    .unwrap();
    let mut phones = Vec::new();
    for i in 0..n {
        let e164 = us_number(offset + i);
        out.write_record([
            styled(&e164, i).as_str(),
            &format!("First{i}"),
            &format!("Last{i}"),
            &format!("Company {}", i % 50),
            if i % 3 == 0 { "vip;lead" } else { "customer" },
            &format!("Plan {}", i % 4),
        ])
        .unwrap();
        phones.push(e164);
    }
    out.flush().unwrap();
    (path, phones)
}
