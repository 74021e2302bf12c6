//! Bulk delete against a real sandbox with real journals: the backup comes first, every row
//! is reported, cancel stops soon, lost answers are re-checked — and a child process killed
//! with SIGKILL mid-batch is resumed by a fresh one with nothing deleted twice and nothing
//! left out.

mod jobs_support;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use console_core::export::contact_header;
use console_core::jobs::bulk_delete::{
    self, ApiLookup, BulkDeleteOptions, BulkDeleteRunner, KnownContacts, DELETED, FAILED,
    NOT_FOUND, SKIPPED,
};
use console_core::jobs::{clock, JobState, Jobs};
use jobs_support::{
    client_for, create_contacts, deletes, ids, phone, progress_log, read_csv, report_lines, sandbox,
};
use sendblue_client::models::contacts::Contact;
use sendblue_client::{Client, ClientConfig, RetryPolicy};
use sendblue_sandbox::request_log::LoggedRequest;
use sendblue_sandbox::{DEFAULT_KEY_ID, DEFAULT_SECRET};

const CHILD_MODE: &str = "BULK_DELETE_CHILD_MODE";
const CHILD_JOBS: &str = "BULK_DELETE_CHILD_JOBS";
const CHILD_URL: &str = "BULK_DELETE_CHILD_URL";
const CHILD_CONTACTS: &str = "BULK_DELETE_CHILD_CONTACTS";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bulk_delete_writes_its_backup_first_and_reports_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = sandbox(dir.path()).await;
    let client = client_for(&sandbox.base_url());
    let doomed = create_contacts(&client, "212555", 5000).await;
    create_contacts(&client, "718555", 10).await;
    let mark = sandbox.state().log.since(0).last().map_or(0, |r| r.seq);

    // The page's selection: the 5,000, three unknown numbers, a repeat and a blank.
    let mut phones: Vec<String> = doomed.iter().map(|c| c.phone.clone()).collect();
    phones.extend((0..3).map(|i| phone("332555", i)));
    phones.push(doomed[7].phone.clone());
    phones.push("  ".into());

    let jobs = Jobs::open(dir.path().join("profiles/p1/jobs")).unwrap();
    let gone = Arc::new(Mutex::new(Vec::new()));
    let gone_sink = gone.clone();
    jobs.register(Arc::new(
        BulkDeleteRunner::new(client.clone())
            .on_deleted(move |p| gone_sink.lock().unwrap().extend_from_slice(p)),
    ));
    let events = progress_log(&jobs);
    let lookup = KnownContacts::from(doomed.clone());
    let handle = bulk_delete::start(&jobs, &phones, &lookup, BulkDeleteOptions::default())
        .await
        .unwrap();
    let id = handle.id().to_owned();
    let report = handle.wait().await.unwrap();

    assert_eq!(report.state, JobState::Completed);
    assert_eq!(report.total, 5005);
    assert_eq!(report.count(DELETED), 5000);
    assert_eq!(report.count(NOT_FOUND), 3);
    assert_eq!(report.count(SKIPPED), 2);
    assert_eq!(report.count(FAILED), 0);
    assert_eq!(client.contacts().count().await.unwrap(), 10);

    let lines = report_lines(&report, 5005);
    for (i, c) in doomed.iter().enumerate() {
        assert_eq!(lines[i][1..3], [c.phone.as_str(), DELETED]);
    }
    assert_eq!(lines[5000][2], NOT_FOUND);
    assert_eq!(lines[5003][2..], [SKIPPED, "Same number as row 8"]);
    assert_eq!(lines[5004][2..], [SKIPPED, "No phone number"]);

    // The backup holds the 5,000 in the export's columns (so it re-imports).
    let backup = PathBuf::from(report.backup_csv.as_deref().unwrap());
    let (header, rows) = read_csv(&backup);
    assert_eq!(header, contact_header(&["Plan".into()]));
    assert_eq!(rows.len(), 5000);
    assert_eq!(
        rows[42][..3],
        [doomed[42].phone.as_str(), "First 42", "Last, 42"]
    );
    assert_eq!(rows[42][5], "bulk");
    assert_eq!(rows[42][10], "P2");

    // It was written before the first delete request: the journal's "backup written" time
    // and the file's own time both precede the first DELETE the sandbox received.
    let log = sandbox.state().log.since(mark);
    let sent = deletes(&log);
    assert_eq!(sent.len(), 5, "batches of 1,000");
    let first_delete = clock::parse_iso(&sent[0].at).unwrap();
    let journal = console_core::jobs::Journal::open(&jobs.dir(&id)).unwrap();
    let written_at: i64 = journal
        .get("bulk_delete.backup_written_at_ms")
        .unwrap()
        .unwrap()
        .parse()
        .unwrap();
    assert!(written_at <= first_delete, "{written_at} <= {first_delete}");
    let mtime = std::fs::metadata(&backup)
        .unwrap()
        .modified()
        .unwrap()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    assert!(
        mtime <= first_delete,
        "backup file {mtime} <= {first_delete}"
    );
    assert!(
        !log.iter().any(|r| r.method == "GET"
            && r.path.starts_with("/api/v2/contacts/")
            && r.path != "/api/v2/contacts/count"),
        "no re-checks were needed"
    );

    // Each number was in exactly one delete request, and only the wanted ones.
    let mut sent_phones = HashSet::new();
    for request in &sent {
        assert_eq!(request.status, 200);
        let batch = ids(request);
        assert!(batch.len() <= 1000);
        for p in batch {
            assert!(sent_phones.insert(p.clone()), "{p} sent twice");
        }
    }
    let wanted: HashSet<String> = doomed.iter().map(|c| c.phone.clone()).collect();
    assert_eq!(sent_phones, wanted);
    assert_eq!(gone.lock().unwrap().len(), 5000);

    let events = events.lock().unwrap().clone();
    assert!(events
        .iter()
        .any(|e| e.state == JobState::Running && e.done > 0));
    assert!(events
        .windows(2)
        .all(|w| w[0].done <= w[1].done || w[1].state != JobState::Running));
    let last = events.last().unwrap();
    assert_eq!(last.state, JobState::Completed);
    assert_eq!((last.done, last.total), (5005, 5005));
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_lookup_finds_what_exists_and_small_batches_cover_everything() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = sandbox(dir.path()).await;
    let client = client_for(&sandbox.base_url());
    let created = create_contacts(&client, "646555", 20).await;
    let mut phones: Vec<String> = created.iter().map(|c| c.phone.clone()).collect();
    phones.extend((0..5).map(|i| phone("332555", i)));
    let jobs = Jobs::open(dir.path().join("jobs")).unwrap();
    jobs.register(Arc::new(BulkDeleteRunner::new(client.clone())));
    let options = BulkDeleteOptions {
        batch_size: 7,
        ..BulkDeleteOptions::default()
    };
    let report = bulk_delete::start(&jobs, &phones, &ApiLookup::new(client.clone()), options)
        .await
        .unwrap()
        .wait()
        .await
        .unwrap();
    assert_eq!(report.count(DELETED), 20);
    assert_eq!(report.count(NOT_FOUND), 5);
    assert_eq!(client.contacts().count().await.unwrap(), 0);
    assert_eq!(
        deletes(&sandbox.state().log.since(0)).len(),
        3,
        "20 in batches of 7"
    );
    let err = bulk_delete::create(
        &jobs,
        &phones,
        &ApiLookup::new(client.clone()),
        BulkDeleteOptions {
            batch_size: 1001,
            ..BulkDeleteOptions::default()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err.code, console_core::ErrorCode::Validation);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_stops_after_the_batch_in_hand_and_reports_the_rest_as_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = sandbox(dir.path()).await;
    let client = client_for(&sandbox.base_url());
    let created = create_contacts(&client, "646555", 1000).await;
    sandbox.state().faults.write().unwrap().latency_ms = 100;
    let jobs = Jobs::open(dir.path().join("jobs")).unwrap();
    jobs.register(Arc::new(BulkDeleteRunner::new(client.clone())));
    let canceller = jobs.clone();
    jobs.on_progress(move |p| {
        if p.state == JobState::Running && p.done >= 100 {
            canceller.cancel(&p.job_id).unwrap();
        }
    });
    let phones: Vec<String> = created.iter().map(|c| c.phone.clone()).collect();
    let options = BulkDeleteOptions {
        batch_size: 100,
        ..BulkDeleteOptions::default()
    };
    let handle = bulk_delete::start(&jobs, &phones, &KnownContacts::from(created), options)
        .await
        .unwrap();
    let id = handle.id().to_owned();
    let report = handle.wait().await.unwrap();
    assert_eq!(report.state, JobState::Cancelled);
    let deleted = report.count(DELETED);
    assert_eq!(deleted, 100, "stopped after the first batch");
    assert_eq!(report.count(SKIPPED), 900);
    let lines = report_lines(&report, 1000);
    assert!(lines[999][3].contains("Cancelled"));
    assert_eq!(client.contacts().count().await.unwrap(), 900);
    assert_eq!(jobs.info(&id).unwrap().state, JobState::Cancelled);
    assert!(jobs.resume_all().unwrap().is_empty());
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contacts_deleted_elsewhere_are_rechecked_and_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = sandbox(dir.path()).await;
    let client = client_for(&sandbox.base_url());
    let created = create_contacts(&client, "646555", 60).await;
    let phones: Vec<String> = created.iter().map(|c| c.phone.clone()).collect();
    let jobs = Jobs::open(dir.path().join("jobs")).unwrap();
    jobs.register(Arc::new(BulkDeleteRunner::new(client.clone())));
    let options = BulkDeleteOptions {
        batch_size: 20,
        ..BulkDeleteOptions::default()
    };
    let id = bulk_delete::create(&jobs, &phones, &KnownContacts::from(created), options)
        .await
        .unwrap();
    // Someone else deletes three of the second batch after the selection was made.
    for p in &phones[25..28] {
        client.contacts().delete(p).await.unwrap();
    }
    let mark = sandbox.state().log.since(0).last().map_or(0, |r| r.seq);
    let report = jobs.start(&id).unwrap().wait().await.unwrap();
    assert_eq!(report.count(DELETED), 60);
    let lines = report_lines(&report, 60);
    assert!(lines[..20].iter().all(|l| l[3].is_empty()));
    assert!(lines[20..40]
        .iter()
        .all(|l| l[3].contains("Sendblue deleted 17 of the 20")));
    assert!(lines[40..].iter().all(|l| l[3].is_empty()));
    let log = sandbox.state().log.since(mark);
    let gets = log.iter().filter(|r| r.method == "GET").count();
    assert_eq!(gets, 20, "only the short batch was re-checked");
    assert_eq!(client.contacts().count().await.unwrap(), 0);
    sandbox.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_connections_interrupt_and_resume_with_every_row_once() {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = sandbox(dir.path()).await;
    let mut config = ClientConfig::new(DEFAULT_KEY_ID, DEFAULT_SECRET)
        .with_base_url(&sandbox.base_url())
        .unwrap();
    config.retry = RetryPolicy {
        max_retries: 1,
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(50),
    };
    let client = Client::new(config).unwrap();
    let created = create_contacts(&client, "646555", 600).await;
    let phones: Vec<String> = created.iter().map(|c| c.phone.clone()).collect();
    let jobs = Jobs::open(dir.path().join("jobs")).unwrap();
    jobs.register(Arc::new(BulkDeleteRunner::new(client.clone())));
    let options = BulkDeleteOptions {
        batch_size: 25,
        ..BulkDeleteOptions::default()
    };
    let id = bulk_delete::create(&jobs, &phones, &KnownContacts::from(created), options)
        .await
        .unwrap();
    let mark = sandbox.state().log.since(0).last().map_or(0, |r| r.seq);
    // A fifth of the requests lose their connection (half of those after the change).
    sandbox.state().faults.write().unwrap().drop_rate = 0.2;
    let mut report = None;
    for _ in 0..100 {
        match jobs.start(&id).unwrap().wait().await {
            Ok(done) => {
                report = Some(done);
                break;
            }
            Err(e) => {
                assert_eq!(e.code, console_core::ErrorCode::Network, "{e:?}");
                assert_eq!(jobs.info(&id).unwrap().state, JobState::Interrupted);
            }
        }
    }
    sandbox.state().faults.write().unwrap().drop_rate = 0.0;
    let report = report.expect("finished within 100 resumes");
    assert_eq!(report.count(DELETED), 600);
    let lines = report_lines(&report, 600);
    let reported: HashSet<&str> = lines.iter().map(|l| l[1].as_str()).collect();
    assert_eq!(reported.len(), 600);
    assert_eq!(client.contacts().count().await.unwrap(), 0);
    let log = sandbox.state().log.since(mark);
    assert!(deletes(&log).len() >= 24, "every batch was sent");
    sandbox.shutdown().await;
}

// ---- The crash test: a child process is killed with SIGKILL mid-batch. ----

/// Not a test: the child process of `a_sigkilled_bulk_delete_resumes_in_a_fresh_process`
/// (the test binary runs itself with these environment variables).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run only as the crash test's child process"]
async fn crash_child() {
    let Ok(mode) = std::env::var(CHILD_MODE) else {
        return;
    };
    let jobs = Jobs::open(std::env::var(CHILD_JOBS).unwrap()).unwrap();
    let client = client_for(&std::env::var(CHILD_URL).unwrap());
    jobs.register(Arc::new(BulkDeleteRunner::new(client)));
    match mode.as_str() {
        "start" => {
            let text = std::fs::read_to_string(std::env::var(CHILD_CONTACTS).unwrap()).unwrap();
            let contacts: Vec<Contact> = serde_json::from_str(&text).unwrap();
            let phones: Vec<String> = contacts.iter().map(|c| c.phone.clone()).collect();
            let handle = bulk_delete::start(
                &jobs,
                &phones,
                &KnownContacts::from(contacts),
                BulkDeleteOptions::default(),
            )
            .await
            .unwrap();
            // Killed before this returns.
            handle.wait().await.unwrap();
        }
        "resume" => {
            let handles = jobs.resume_all().unwrap();
            assert_eq!(handles.len(), 1);
            for handle in handles {
                let report = handle.wait().await.unwrap();
                assert_eq!(report.state, JobState::Completed);
            }
        }
        other => panic!("unknown mode {other}"),
    }
}

fn spawn_child(mode: &str, jobs: &Path, url: &str, contacts: &Path, logs: &Path) -> Child {
    let out = std::fs::File::create(logs.join(format!("{mode}.out"))).unwrap();
    let err = std::fs::File::create(logs.join(format!("{mode}.err"))).unwrap();
    Command::new(std::env::current_exe().unwrap())
        .args(["crash_child", "--exact", "--include-ignored", "--nocapture"])
        .env(CHILD_MODE, mode)
        .env(CHILD_JOBS, jobs)
        .env(CHILD_URL, url)
        .env(CHILD_CONTACTS, contacts)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .unwrap()
}

/// `(batches done, batches in flight)` in the job's journal, read as another process would.
fn batch_states(journal: &Path) -> Option<(i64, i64)> {
    let conn =
        rusqlite::Connection::open_with_flags(journal, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .ok()?;
    conn.query_row(
        "SELECT COALESCE(SUM(state = 'done'), 0), COALESCE(SUM(state = 'in_flight'), 0)
         FROM bd_batches",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .ok()
}

fn only_job(root: &Path) -> Option<PathBuf> {
    std::fs::read_dir(root)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.join("journal.db").exists())
}

fn wait_exit(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("the child process took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// When the child is killed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kill {
    /// While its delete request waits on the slow server: the request never runs.
    WhileTheRequestWaits,
    /// After the server carried the request out, before the child could record it (the
    /// test holds the journal's write lock so the child can't commit the answer).
    AfterTheServerDeleted,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bulk_delete_sigkilled_mid_request_resumes_in_a_fresh_process() {
    crash_and_resume(Kill::WhileTheRequestWaits).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bulk_delete_sigkilled_after_the_server_deleted_is_not_deleted_twice() {
    crash_and_resume(Kill::AfterTheServerDeleted).await;
}

async fn crash_and_resume(when: Kill) {
    let dir = tempfile::tempdir().unwrap();
    let sandbox = sandbox(dir.path()).await;
    let client = client_for(&sandbox.base_url());
    let contacts = create_contacts(&client, "212555", 5000).await;
    assert_eq!(client.contacts().count().await.unwrap(), 5000);
    let all: HashSet<String> = contacts.iter().map(|c| c.phone.clone()).collect();
    let contacts_file = dir.path().join("selection.json");
    std::fs::write(&contacts_file, serde_json::to_vec(&contacts).unwrap()).unwrap();
    let root = dir.path().join("profiles/p1/jobs");
    let mark = sandbox.state().log.since(0).last().map_or(0, |r| r.seq);

    // Slow answers, so the child is always in the middle of a batch.
    sandbox.state().faults.write().unwrap().latency_ms = 400;
    let url = sandbox.base_url();
    let mut child = spawn_child("start", &root, &url, &contacts_file, dir.path());
    let started = Instant::now();
    let journal = loop {
        assert!(child.try_wait().unwrap().is_none(), "the child ended early");
        assert!(started.elapsed() < Duration::from_secs(120), "no progress");
        if let Some(job) = only_job(&root) {
            if let Some((done, in_flight)) = batch_states(&job.join("journal.db")) {
                if done >= 2 && in_flight == 1 {
                    break job.join("journal.db");
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    let blocker = if when == Kill::AfterTheServerDeleted {
        let (done, _) = batch_states(&journal).unwrap();
        let blocker = rusqlite::Connection::open(&journal).unwrap();
        blocker.execute_batch("BEGIN IMMEDIATE").unwrap();
        let answered =
            |log: &[LoggedRequest]| deletes(log).iter().filter(|r| r.status == 200).count() as i64;
        while answered(&sandbox.state().log.since(mark)) <= done {
            assert!(started.elapsed() < Duration::from_secs(120), "no answer");
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        // The child has its answer by now and waits for the journal.
        tokio::time::sleep(Duration::from_millis(300)).await;
        Some(blocker)
    } else {
        None
    };
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    drop(blocker);

    let (done, in_flight) = batch_states(&journal).unwrap();
    assert!(
        (2..5).contains(&done),
        "killed mid-way: {done} batches done"
    );
    assert_eq!(in_flight, 1, "killed with a batch in flight");
    let in_flight_phones: Vec<String> = {
        let conn = rusqlite::Connection::open(&journal).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT phone FROM bd_rows WHERE batch =
                   (SELECT id FROM bd_batches WHERE state = 'in_flight')",
            )
            .unwrap();
        let rows = stmt.query_map([], |r| r.get(0)).unwrap();
        rows.map(Result::unwrap).collect()
    };
    assert_eq!(in_flight_phones.len(), 1000);

    // Let the killed request end on the server one way or the other, then resume at speed.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let kill_seq = sandbox.state().log.since(0).last().map_or(0, |r| r.seq);
    sandbox.state().faults.write().unwrap().latency_ms = 0;
    let mut resumed = spawn_child("resume", &root, &url, &contacts_file, dir.path());
    let status = wait_exit(&mut resumed, Duration::from_secs(180));
    assert!(
        status.success(),
        "resume failed: {}",
        std::fs::read_to_string(dir.path().join("resume.out")).unwrap_or_default()
    );

    // Every contact is gone.
    assert_eq!(client.contacts().count().await.unwrap(), 0);

    // The report accounts for each of the 5,000 exactly once.
    let jobs = Jobs::open(&root).unwrap();
    let infos = jobs.list().unwrap();
    assert_eq!(infos.len(), 1);
    assert_eq!(infos[0].state, JobState::Completed);
    let report = infos[0].report.clone().unwrap();
    assert_eq!(report.total, 5000);
    assert_eq!(report.count(DELETED), 5000);
    let lines = report_lines(&report, 5000);
    let reported: HashSet<String> = lines.iter().map(|l| l[1].clone()).collect();
    assert_eq!(reported, all);
    assert!(lines.iter().all(|l| l[2] == DELETED));

    // No number was in two delete requests that succeeded.
    let log = sandbox.state().log.since(mark);
    let mut succeeded: HashMap<String, usize> = HashMap::new();
    for request in deletes(&log).into_iter().filter(|r| r.status == 200) {
        for p in ids(request) {
            *succeeded.entry(p).or_default() += 1;
        }
    }
    let twice: Vec<_> = succeeded.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "deleted twice: {twice:?}");
    assert_eq!(succeeded.keys().cloned().collect::<HashSet<_>>(), all);

    let confirmed = lines
        .iter()
        .filter(|l| l[3].contains("interrupted request"))
        .count();
    eprintln!(
        "killed after {done} batches; the in-flight request {} on the server; \
         {confirmed} rows confirmed gone by the re-check",
        if confirmed > 0 {
            "was carried out"
        } else {
            "never ran"
        }
    );
    match when {
        Kill::AfterTheServerDeleted => assert_eq!(confirmed, 1000),
        Kill::WhileTheRequestWaits => {
            assert!(confirmed == 0 || confirmed == 1000, "settled as a whole")
        }
    }

    // The batch in flight was re-checked number by number after the restart.
    let rechecked: HashSet<String> = log
        .iter()
        .filter(|r| r.seq > kill_seq && r.method == "GET")
        .filter_map(|r| r.path.strip_prefix("/api/v2/contacts/"))
        .map(|p| p.replace("%2B", "+"))
        .collect();
    for p in &in_flight_phones {
        assert!(rechecked.contains(p), "{p} re-checked");
    }
    sandbox.shutdown().await;
}
