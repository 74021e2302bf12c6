//! A crash mid-batch: a child process running the import is killed with SIGKILL while a
//! batch is in flight (the sandbox answers slowly); a fresh process resumes from the journal.
//! The sandbox ends with exactly the contacts of an import that never crashed, the report is
//! byte for byte the same, and no batch finished before the kill is sent again.
//!
//! The child is this test binary run again with `--ignored --exact child_runs_the_import`
//! and the job in environment variables.

mod import_support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use console_core::import::{
    run_import, BatchState, DuplicatePolicy, ImportControl, ImportEnd, ImportOptions, ImportStore,
};
use import_support::*;
use sendblue_client::models::contacts::Contact;
use sendblue_sandbox::Faults;

const JOB_ENV: &str = "IMPORT_CRASH_CHILD_JOB";
const URL_ENV: &str = "IMPORT_CRASH_CHILD_URL";

/// The child: runs (or resumes) the import in `$IMPORT_CRASH_CHILD_JOB` against the sandbox
/// at `$IMPORT_CRASH_CHILD_URL`. Does nothing when run without them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run by crash_mid_batch_then_resume_in_a_fresh_process as its child"]
async fn child_runs_the_import() {
    let (Ok(job), Ok(url)) = (std::env::var(JOB_ENV), std::env::var(URL_ENV)) else {
        return;
    };
    let report = run_import(Path::new(&job), &client_for(&url), &ImportControl::new())
        .await
        .unwrap();
    assert_eq!(report.end, ImportEnd::Completed);
}

fn spawn_child(job: &Path, url: &str) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "child_runs_the_import",
            "--test-threads=1",
        ])
        .env(JOB_ENV, job)
        .env(URL_ENV, url)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

fn states(job: &Path) -> Vec<(u64, BatchState)> {
    ImportStore::open(job).unwrap().batch_states().unwrap()
}

/// The fields that matter, per phone.
fn fields(contacts: &BTreeMap<String, Contact>) -> Vec<String> {
    contacts
        .values()
        .map(|c| {
            format!(
                "{}|{:?}|{:?}|{:?}|{:?}|{:?}",
                c.phone, c.first_name, c.last_name, c.company_name, c.tags, c.custom_variables
            )
        })
        .collect()
}

/// A sandbox with 200 of the file's numbers already contacts, the file, and its dry run.
async fn prepared(root: &Path) -> (Sandbox, PathBuf) {
    let sandbox = Sandbox::start().await;
    let (file, phones) = generated_csv(root, "people.csv", 3_000, 0);
    let existing: Vec<String> = phones.iter().step_by(15).cloned().collect();
    sandbox.seed(&existing).await;
    let spec = spec_for(
        &file,
        ImportOptions {
            duplicates: DuplicatePolicy::Update,
            batch_size: 100,
            concurrency: 2,
            ..ImportOptions::default()
        },
    );
    let job = root.join("job");
    let dry = dry_run_against(&sandbox.client(), &job, &spec).await;
    assert_eq!((dry.new, dry.update, dry.batches), (2_800, 200, 30));
    (sandbox, job)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crash_mid_batch_then_resume_in_a_fresh_process() {
    // The reference: the same import, never interrupted.
    let calm_root = tempfile::tempdir().unwrap();
    let (calm, calm_job) = prepared(calm_root.path()).await;
    let calm_report = run_import(&calm_job, &calm.client(), &ImportControl::new())
        .await
        .unwrap();
    assert_eq!(
        calm_report.totals.imported + calm_report.totals.updated,
        3_000
    );

    let root = tempfile::tempdir().unwrap();
    let (sandbox, job) = prepared(root.path()).await;
    sandbox.set_faults(Faults {
        latency_ms: 150,
        ..Faults::default()
    });
    let mut child = spawn_child(&job, &sandbox.url());
    // Kill once a few batches are done and another is on the wire.
    let started = Instant::now();
    loop {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the child made no progress"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "the child ended before the kill"
        );
        let now = states(&job);
        let done = now.iter().filter(|(_, s)| *s == BatchState::Done).count();
        if done >= 5 && now.iter().any(|(_, s)| *s == BatchState::Sending) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let killed_at = sandbox.log_seq();
    let at_kill = states(&job);
    let done_before: BTreeSet<u64> = at_kill
        .iter()
        .filter(|(_, s)| *s == BatchState::Done)
        .map(|(b, _)| *b)
        .collect();
    assert!(
        done_before.len() >= 5 && done_before.len() < 30,
        "{at_kill:?}"
    );
    assert!(
        at_kill.iter().any(|(_, s)| *s == BatchState::Sending),
        "killed mid-batch: {at_kill:?}"
    );
    assert!(
        console_core::import::load_report(&job).unwrap().is_none(),
        "no report before the end"
    );

    // The numbers of the batches finished before the kill, from the journal's own rows.
    let store = ImportStore::open(&job).unwrap();
    let finished_phones: BTreeSet<String> = done_before
        .iter()
        .flat_map(|b| store.batch_rows(*b).unwrap())
        .map(|(_, json)| {
            serde_json::from_str::<serde_json::Value>(&json).unwrap()["phone"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    drop(store);
    assert_eq!(finished_phones.len(), done_before.len() * 100);

    // A fresh process resumes.
    let status = spawn_child(&job, &sandbox.url()).wait().unwrap();
    assert!(status.success(), "the resumed import failed: {status}");
    sandbox.set_faults(Faults::default());

    let report = console_core::import::load_report(&job).unwrap().unwrap();
    assert_eq!(report.totals, calm_report.totals);
    assert_eq!(
        std::fs::read(&report.report_csv).unwrap(),
        std::fs::read(&calm_report.report_csv).unwrap(),
        "the report is the same as without the crash"
    );
    assert_eq!(read_report(&report.report_csv).len(), 3_000);
    assert_eq!(
        fields(&sandbox.contacts().await),
        fields(&calm.contacts().await)
    );

    // Nothing finished before the kill went out again.
    let after = sandbox.bulk_requests(killed_at);
    assert!(!after.is_empty());
    for request in &after {
        for phone in phones_of(request) {
            assert!(
                !finished_phones.contains(&phone),
                "{phone} was sent again after its batch was done"
            );
        }
    }
    assert!(states(&job).iter().all(|(_, s)| *s == BatchState::Done));
}
