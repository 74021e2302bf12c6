//! Imports into a real sandbox on loopback: a fixture with known totals (new, existing,
//! in-file duplicates, invalid), both duplicate policies, cancel, and what the sandbox's
//! request log proves was sent.

mod import_support;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use console_core::import::{
    run_import, DuplicatePolicy, ImportControl, ImportEnd, ImportOptions, ImportPhase,
    PlannedOutcome,
};
use import_support::*;
use sendblue_sandbox::Faults;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/known_totals.csv")
}

fn new_numbers() -> Vec<String> {
    (0..30).map(|i| format!("+1415555{:04}", 100 + i)).collect()
}

fn existing_numbers() -> Vec<String> {
    (0..8).map(|i| format!("+1212555{:04}", 100 + i)).collect()
}

fn options(policy: DuplicatePolicy) -> ImportOptions {
    ImportOptions {
        duplicates: policy,
        batch_size: 7,
        concurrency: 2,
        ..ImportOptions::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn known_totals_match_the_report_and_the_request_log() {
    let sandbox = Sandbox::start().await;
    sandbox.seed(&existing_numbers()).await;
    let before = sandbox.log_seq();
    let job = tempfile::tempdir().unwrap();
    let spec = spec_for(&fixture(), options(DuplicatePolicy::Skip));

    let dry = dry_run_against(&sandbox.client(), job.path(), &spec).await;
    assert_eq!(
        (dry.rows, dry.new, dry.update, dry.skip, dry.invalid),
        (51, 30, 0, 14, 7),
        "{dry:#?}"
    );
    assert_eq!((dry.duplicates_in_file, dry.skipped_existing), (6, 8));
    assert_eq!(dry.batches, 5);
    assert_eq!(dry.problems.len(), 13, "6 duplicates and 7 invalid rows");
    let first_dup = dry
        .problems
        .iter()
        .find(|p| p.outcome == PlannedOutcome::SkippedDuplicateInFile)
        .unwrap();
    assert_eq!(
        (first_dup.row, first_dup.reason.as_str()),
        (40, "same number as row 2")
    );
    assert_eq!(first_dup.values[1], "Dup0");
    assert!(dry.fixed > 20 && !dry.fixed_examples.is_empty());
    assert!(
        sandbox.bulk_requests(before).is_empty(),
        "the dry run sends nothing"
    );

    let report = run_import(job.path(), &sandbox.client(), &ImportControl::new())
        .await
        .unwrap();
    assert_eq!(report.end, ImportEnd::Completed);
    let t = report.totals;
    assert_eq!(
        (
            t.rows,
            t.imported,
            t.updated,
            t.skipped_duplicate_in_file,
            t.skipped_existing,
            t.invalid,
            t.failed
        ),
        (51, 30, 0, 6, 8, 7, 0)
    );

    // The report: every row of the file exactly once, in order, with the right outcome.
    let lines = read_report(&report.report_csv);
    assert_eq!(
        lines.iter().map(|l| l.row).collect::<Vec<_>>(),
        (2..=52).collect::<Vec<_>>()
    );
    let counts = outcome_counts(&lines);
    assert_eq!(counts["imported"], 30);
    assert_eq!(counts["skipped-existing"], 8);
    assert_eq!(counts["skipped-duplicate-in-file"], 6);
    assert_eq!(counts["invalid"], 7);
    let by_row = |row: u64| lines.iter().find(|l| l.row == row).unwrap();
    assert_eq!(by_row(3).phone, "(415) 555-0101");
    assert_eq!(
        by_row(7).phone,
        "'+1 415 555 0105 x12",
        "formula-safe in the report too"
    );
    assert!(by_row(7).reason.contains("stripped extension x12"));
    assert_eq!(by_row(3).normalized, "+14155550101");
    assert!(
        by_row(3).reason.contains("added country code +1"),
        "{:?}",
        by_row(3)
    );
    assert!(by_row(5)
        .reason
        .contains("cut First name to 255 characters"));
    assert_eq!(by_row(2).reason, "", "already E.164: nothing to say");
    let reasons: Vec<&str> = lines
        .iter()
        .filter(|l| l.outcome == "invalid")
        .map(|l| l.reason.as_str())
        .collect();
    assert_eq!(
        reasons,
        [
            "no phone number",
            "contains letters",
            "too short",
            "not a valid number for US",
            "contains “*”, which isn't part of a phone number",
            "unknown country code",
            "empty row"
        ]
    );

    // The sandbox: the new contacts with their fields, the existing ones untouched.
    let contacts = sandbox.contacts().await;
    let want: BTreeSet<String> = new_numbers()
        .into_iter()
        .chain(existing_numbers())
        .collect();
    assert_eq!(contacts.keys().cloned().collect::<BTreeSet<_>>(), want);
    let one = &contacts["+14155550101"];
    assert_eq!(one.first_name.as_deref(), Some("=HYPERLINK(\"x\")"));
    assert_eq!(one.tags, ["customer"]);
    let two = &contacts["+14155550102"];
    assert_eq!(two.custom_variables["Plan"], "two lines,\nwith a comma");
    assert_eq!(contacts["+14155550100"].tags, ["vip", "lead"]);
    assert_eq!(
        contacts["+14155550103"].first_name.as_ref().unwrap().len(),
        255
    );
    assert_eq!(
        contacts["+12125550100"].first_name.as_deref(),
        Some("Existing 0")
    );

    // The request log: each new number in exactly one successful batch, nothing else sent.
    let log = sandbox.bulk_requests(before);
    assert_eq!(log.len(), 5);
    assert_eq!(assert_no_row_in_two_successful_batches(&log), 30);
    let sent: BTreeSet<String> = log.iter().flat_map(phones_of).collect();
    assert_eq!(sent, new_numbers().into_iter().collect());

    // Running it again returns the same report and sends nothing.
    let seq = sandbox.log_seq();
    let again = run_import(job.path(), &sandbox.client(), &ImportControl::new())
        .await
        .unwrap();
    assert_eq!(again, report);
    assert!(sandbox.bulk_requests(seq).is_empty());
    // Nor can a finished import be planned again (it would send its rows twice).
    let replan = console_core::import::dry_run(
        job.path(),
        &spec,
        &console_core::import::NoExistingContacts,
        &ImportControl::new(),
    )
    .unwrap_err();
    assert_eq!(replan.code, console_core::ErrorCode::Conflict);
    assert_eq!(
        console_core::import::load_report(job.path()).unwrap(),
        Some(report)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn update_policy_sends_existing_contacts_again() {
    let sandbox = Sandbox::start().await;
    sandbox.seed(&existing_numbers()).await;
    let before = sandbox.log_seq();
    let job = tempfile::tempdir().unwrap();
    let spec = spec_for(&fixture(), options(DuplicatePolicy::Update));
    let dry = dry_run_against(&sandbox.client(), job.path(), &spec).await;
    assert_eq!((dry.new, dry.update, dry.skip, dry.invalid), (30, 8, 6, 7));

    let report = run_import(job.path(), &sandbox.client(), &ImportControl::new())
        .await
        .unwrap();
    let t = report.totals;
    assert_eq!(
        (
            t.imported,
            t.updated,
            t.skipped_duplicate_in_file,
            t.skipped_existing,
            t.invalid
        ),
        (30, 8, 6, 0, 7)
    );
    let contacts = sandbox.contacts().await;
    assert_eq!(contacts.len(), 38);
    let updated = &contacts["+12125550100"];
    assert_eq!(updated.first_name.as_deref(), Some("Changed0"));
    assert_eq!(updated.tags, ["imported"]);
    assert_eq!(updated.custom_variables["Plan"], "Plan X");
    let log = sandbox.bulk_requests(before);
    assert_eq!(assert_no_row_in_two_successful_batches(&log), 38);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_reports_what_was_not_sent_and_stays_cancelled() {
    let sandbox = Sandbox::start().await;
    sandbox.set_faults(Faults {
        latency_ms: 50,
        ..Faults::default()
    });
    let job = tempfile::tempdir().unwrap();
    let (file, _) = generated_csv(job.path(), "people.csv", 2_000, 0);
    let spec = spec_for(
        &file,
        ImportOptions {
            batch_size: 100,
            concurrency: 1,
            ..ImportOptions::default()
        },
    );
    let dry = dry_run_against(&sandbox.client(), &job.path().join("job"), &spec).await;
    assert_eq!(dry.new, 2_000);

    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let control = ImportControl::new()
        .with_cancel_flag(stop.clone())
        .with_progress(move |p| {
            if p.phase == ImportPhase::Sending && p.done >= 300 {
                flag.store(true, Ordering::SeqCst);
            }
        });
    let report = run_import(&job.path().join("job"), &sandbox.client(), &control)
        .await
        .unwrap();
    assert!(stop.load(Ordering::SeqCst));
    assert_eq!(report.end, ImportEnd::Cancelled);
    let t = report.totals;
    assert_eq!(t.rows, 2_000);
    assert_eq!(t.imported + t.failed, 2_000);
    assert!(t.imported >= 300 && t.imported < 2_000, "{t:?}");
    let lines = read_report(&report.report_csv);
    assert_eq!(lines.len(), 2_000);
    assert!(lines
        .iter()
        .filter(|l| l.outcome == "failed")
        .all(|l| l.reason.contains("cancelled")));
    // What the report calls imported is exactly what the sandbox holds.
    assert_eq!(sandbox.contacts().await.len() as u64, t.imported);

    // A cancelled import is over: running it again sends nothing.
    let seq = sandbox.log_seq();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let again = run_import(
        &job.path().join("job"),
        &sandbox.client(),
        &ImportControl::new(),
    )
    .await
    .unwrap();
    assert_eq!(again, report);
    assert!(sandbox.bulk_requests(seq).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_row_sendblue_refuses_fails_alone_and_its_batch_goes_through() {
    let sandbox = Sandbox::start().await;
    let job = tempfile::tempdir().unwrap();
    let (file, phones) = generated_csv(job.path(), "people.csv", 40, 0);
    let spec = spec_for(
        &file,
        ImportOptions {
            batch_size: 10,
            ..ImportOptions::default()
        },
    );
    let job_dir = job.path().join("job");
    dry_run_against(&sandbox.client(), &job_dir, &spec).await;
    // Make the journal hold a row the API refuses (the checks never let one through): the
    // 400 names it (`contacts[i]: …`), it fails alone, its batch is sent again without it.
    let db = rusqlite::Connection::open(job_dir.join(console_core::import::IMPORT_DB)).unwrap();
    db.execute(
        "UPDATE rows SET payload = json_set(payload, '$.phone', '+0123') WHERE row = 14",
        [],
    )
    .unwrap();
    drop(db);
    let before = sandbox.log_seq();
    let report = run_import(&job_dir, &sandbox.client(), &ImportControl::new())
        .await
        .unwrap();
    assert_eq!((report.totals.imported, report.totals.failed), (39, 1));
    let lines = read_report(&report.report_csv);
    let failed: Vec<_> = lines.iter().filter(|l| l.outcome == "failed").collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].row, 14);
    assert!(
        failed[0]
            .reason
            .starts_with("Sendblue refused it: Invalid phone number"),
        "{}",
        failed[0].reason
    );
    let log = sandbox.bulk_requests(before);
    assert_eq!(log.iter().filter(|r| r.status == 400).count(), 1);
    assert_eq!(assert_no_row_in_two_successful_batches(&log), 39);
    let contacts = sandbox.contacts().await;
    assert_eq!(contacts.len(), 39);
    assert!(
        !contacts.contains_key(&phones[12]),
        "row 14 holds the 13th number"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_mirror_answers_which_contacts_exist() {
    let sandbox = Sandbox::start().await;
    sandbox.seed(&existing_numbers()).await;
    let dir = tempfile::tempdir().unwrap();
    let mirror = console_core::Mirror::open(dir.path().join("mirror.db")).unwrap();
    mirror
        .sync(
            &sandbox.client(),
            |_| {},
            &tokio_util::sync::CancellationToken::new(),
        )
        .await
        .unwrap();
    let job = dir.path().join("job");
    std::fs::create_dir_all(&job).unwrap();
    let spec = spec_for(&fixture(), options(DuplicatePolicy::Skip));
    let dry = tokio::task::spawn_blocking(move || {
        console_core::import::dry_run(&job, &spec, &mirror, &ImportControl::new())
    })
    .await
    .unwrap()
    .unwrap();
    assert_eq!((dry.new, dry.skipped_existing, dry.invalid), (30, 8, 7));
}
