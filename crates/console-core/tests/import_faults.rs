//! A 10,000-row import through a faulty sandbox (20 % of requests answered 429 or 503, 10 %
//! of connections dropped — half of them after the contacts were written): every contact
//! arrives, every row has its report line, and no row is in two successful batches.

mod import_support;

use std::collections::BTreeSet;

use console_core::import::{run_import, ImportControl, ImportEnd, ImportOptions};
use import_support::*;
use sendblue_sandbox::Faults;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_rows_through_errors_and_dropped_connections() {
    let sandbox = Sandbox::start().await;
    let job = tempfile::tempdir().unwrap();
    let (file, phones) = generated_csv(job.path(), "people.csv", 10_000, 0);
    let spec = spec_for(
        &file,
        ImportOptions {
            batch_size: 500,
            concurrency: 3,
            ..ImportOptions::default()
        },
    );
    let job_dir = job.path().join("job");
    let dry = dry_run_against(&sandbox.client(), &job_dir, &spec).await;
    assert_eq!((dry.rows, dry.new, dry.batches), (10_000, 10_000, 20));

    let before = sandbox.log_seq();
    sandbox.set_faults(Faults {
        error_rate: 0.2,
        drop_rate: 0.1,
        ..Faults::default()
    });
    let report = run_import(&job_dir, &sandbox.client(), &ImportControl::new())
        .await
        .unwrap();
    sandbox.set_faults(Faults::default());

    assert_eq!(report.end, ImportEnd::Completed);
    assert_eq!(
        (report.totals.rows, report.totals.imported),
        (10_000, 10_000)
    );
    let lines = read_report(&report.report_csv);
    assert_eq!(
        lines.iter().map(|l| l.row).collect::<Vec<_>>(),
        (2..=10_001).collect::<Vec<_>>()
    );
    assert!(lines.iter().all(|l| l.outcome == "imported"));

    let contacts = sandbox.contacts().await;
    let want: BTreeSet<String> = phones.iter().cloned().collect();
    assert_eq!(contacts.keys().cloned().collect::<BTreeSet<_>>(), want);
    assert_eq!(contacts[&phones[7]].first_name.as_deref(), Some("First7"));

    let log = sandbox.bulk_requests(before);
    let faulty = log.iter().filter(|r| r.status != 200).count();
    let dropped_after = log
        .iter()
        .filter(|r| r.fault == Some("dropped-after"))
        .count();
    assert!(
        faulty > 0,
        "the faults must have hit some batches: {} requests",
        log.len()
    );
    // A row may ride in a failed or dropped request, but in one 200 batch only.
    assert_eq!(assert_no_row_in_two_successful_batches(&log), 10_000);
    eprintln!(
        "{} bulk requests: {faulty} failed or dropped ({dropped_after} after writing)",
        log.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rate_limit_slows_the_import_down_without_losing_rows() {
    let sandbox = Sandbox::start().await;
    let job = tempfile::tempdir().unwrap();
    let (file, phones) = generated_csv(job.path(), "people.csv", 2_000, 50_000);
    let spec = spec_for(
        &file,
        ImportOptions {
            batch_size: 50,
            concurrency: 4,
            ..ImportOptions::default()
        },
    );
    let job_dir = job.path().join("job");
    dry_run_against(&sandbox.client(), &job_dir, &spec).await;
    let before = sandbox.log_seq();
    // Five requests a second for a run of 40 batches four at a time: Sendblue says 429 with
    // Retry-After, and the import waits instead of failing.
    sandbox.set_faults(Faults {
        rate_limit: 5,
        ..Faults::default()
    });
    let paused = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let seen = paused.clone();
    let control = ImportControl::new().with_progress(move |p| {
        if p.paused_ms.is_some() {
            seen.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    });
    let report = run_import(&job_dir, &sandbox.client(), &control)
        .await
        .unwrap();
    sandbox.set_faults(Faults::default());
    assert_eq!(report.totals.imported, 2_000);
    let log = sandbox.bulk_requests(before);
    let limited = log.iter().filter(|r| r.status == 429).count();
    assert!(
        limited > 0,
        "the rate limit must have answered 429 at least once"
    );
    assert!(
        paused.load(std::sync::atomic::Ordering::SeqCst),
        "the import paused for Retry-After"
    );
    assert_eq!(assert_no_row_in_two_successful_batches(&log), 2_000);
    assert_eq!(sandbox.contacts().await.len(), phones.len());
    eprintln!(
        "{} requests, {limited} answered 429; paused: {}",
        log.len(),
        paused.load(std::sync::atomic::Ordering::SeqCst)
    );
}
