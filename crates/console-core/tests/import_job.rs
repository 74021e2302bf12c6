//! The import as a job of the engine: the dry run's folder becomes a job, the engine runs it
//! with the import's runner (progress, report), and a cancelled one ends with every row
//! accounted for.

mod import_support;

use std::sync::{Arc, Mutex};

use console_core::import::{create_import_job, ImportOptions, ImportRunner, IMPORT_DB};
use console_core::jobs::{JobKind, JobState, Jobs};
use import_support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_import_runs_as_a_job() {
    let sandbox = Sandbox::start().await;
    let root = tempfile::tempdir().unwrap();
    let (file, phones) = generated_csv(root.path(), "people.csv", 1_200, 0);
    sandbox.seed(&phones[..100]).await;
    let spec = spec_for(
        &file,
        ImportOptions {
            batch_size: 250,
            ..ImportOptions::default()
        },
    );
    let scratch = root.path().join("dry-run");
    let dry = dry_run_against(&sandbox.client(), &scratch, &spec).await;
    assert_eq!((dry.new, dry.skipped_existing), (1_100, 100));

    let jobs = Jobs::open(root.path().join("jobs")).unwrap();
    let saved = Arc::new(Mutex::new(0usize));
    let counter = saved.clone();
    jobs.register(Arc::new(
        ImportRunner::new(sandbox.client()).on_saved(move |c| *counter.lock().unwrap() += c.len()),
    ));
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    jobs.on_progress(move |p| sink.lock().unwrap().push(p.clone()));

    let id = create_import_job(&jobs, &scratch).unwrap();
    assert!(
        !scratch.join(IMPORT_DB).exists(),
        "the journal moved into the job folder"
    );
    assert!(jobs.dir(&id).join(IMPORT_DB).exists());
    assert_eq!(jobs.info(&id).unwrap().state, JobState::Pending);

    let report = jobs.start(&id).unwrap().wait().await.unwrap();
    assert_eq!(report.kind, JobKind::ImportContacts);
    assert_eq!(report.state, JobState::Completed);
    assert_eq!(report.total, 1_200);
    assert_eq!(report.count("imported"), 1_100);
    assert_eq!(report.count("skipped-existing"), 100);
    let csv = report.report_csv.clone().unwrap();
    assert_eq!(read_report(std::path::Path::new(&csv)).len(), 1_200);
    assert_eq!(
        *saved.lock().unwrap(),
        1_100,
        "each stored contact handed over once"
    );
    let last = events.lock().unwrap().last().cloned().unwrap();
    assert_eq!(
        (last.state, last.done, last.total),
        (JobState::Completed, 1_200, 1_200)
    );
    assert_eq!(jobs.info(&id).unwrap().state, JobState::Completed);
    assert_eq!(sandbox.contacts().await.len(), 1_200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_a_job_that_is_not_running_ends_it_with_a_report() {
    let sandbox = Sandbox::start().await;
    let root = tempfile::tempdir().unwrap();
    let (file, _) = generated_csv(root.path(), "people.csv", 300, 0);
    let spec = spec_for(&file, ImportOptions::default());
    let scratch = root.path().join("dry-run");
    dry_run_against(&sandbox.client(), &scratch, &spec).await;
    let jobs = Jobs::open(root.path().join("jobs")).unwrap();
    jobs.register(Arc::new(ImportRunner::new(sandbox.client())));
    let id = create_import_job(&jobs, &scratch).unwrap();
    let before = sandbox.log_seq();

    let handle = jobs
        .cancel(&id)
        .unwrap()
        .expect("started already cancelled");
    let report = handle.wait().await.unwrap();
    assert_eq!(report.state, JobState::Cancelled);
    assert_eq!((report.total, report.count("failed")), (300, 300));
    assert!(sandbox.bulk_requests(before).is_empty(), "nothing was sent");
}
