//! The Import wizard's drafts: a chosen file is remembered under an opaque id, its dry run
//! shows the first rows with their outcome, presets map a new file by header, and the dry
//! run becomes a job that runs against a real sandbox and is listed with its file's name.

mod import_support;

use std::sync::Arc;

use console_core::import::{
    ColumnRole, DuplicatePolicy, FileFormat, ImportControl, ImportRunner, MappedColumn,
    PlannedOutcome,
};
use console_core::import_wizard::{import_jobs, ImportChoices, ImportDrafts, DRAFTS_DIR};
use console_core::jobs::{JobState, Jobs};
use console_core::{ErrorCode, Mirror};
use import_support::*;

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn roles(mapping: &console_core::import::ColumnMapping) -> Vec<ColumnRole> {
    mapping.columns.iter().map(|c| c.role.clone()).collect()
}

fn choices(
    mapping: console_core::import::ColumnMapping,
    duplicates: DuplicatePolicy,
) -> ImportChoices {
    ImportChoices {
        mapping,
        default_country: "US".into(),
        duplicates,
    }
}

const PEOPLE: &str = "phone,first_name,last_name,tags\n\
(212) 200-0101,Ada,Lovelace,vip\n\
+13122000102,Grace,Hopper,navy;vip\n\
not a number,<img src=x onerror=alert(1)>,Nobody,\n\
212-200-0101,Ada,Again,\n\
+16462000104,Existing,Person,\n";

#[test]
fn a_chosen_file_is_read_and_remembered_under_an_opaque_id() {
    let root = tempfile::tempdir().unwrap();
    let file = write(root.path(), "people.csv", PEOPLE);
    let drafts = ImportDrafts::new(&root.path().join("profile"));

    let opened = drafts.open_file(&file).unwrap();
    assert_eq!(opened.file_name, "people.csv");
    assert!(
        opened.import_id.bytes().all(|b| b.is_ascii_alphanumeric()),
        "an opaque id, not a path: {}",
        opened.import_id
    );
    assert_eq!(opened.format, FileFormat::Csv);
    assert_eq!(opened.encoding, "UTF-8");
    assert_eq!(opened.delimiter.as_deref(), Some("comma"));
    assert!(opened.has_header);
    assert_eq!(opened.size_bytes, PEOPLE.len() as u64);
    assert_eq!(opened.headers, ["phone", "first_name", "last_name", "tags"]);
    assert_eq!(opened.sample.len(), 5);
    assert_eq!(opened.sample[0][1], "Ada");
    // The end-to-end journey imports such a file without touching the mapping.
    assert_eq!(
        roles(&opened.mapping),
        [
            ColumnRole::Phone,
            ColumnRole::FirstName,
            ColumnRole::LastName,
            ColumnRole::Tags
        ]
    );
    assert!(opened.presets.is_empty());
    assert!(root
        .path()
        .join("profile")
        .join(DRAFTS_DIR)
        .join(&opened.import_id)
        .is_dir());

    // Ids that would leave the drafts folder are refused.
    for bad in ["", "../x", "a/b", "nope"] {
        let err = drafts.apply_preset(bad, "any").expect_err("no such draft");
        assert_eq!(err.code, ErrorCode::NotFound, "{bad}");
    }
}

#[test]
fn a_vcard_file_opens_with_its_fixed_columns() {
    let root = tempfile::tempdir().unwrap();
    let file = write(
        root.path(),
        "cards.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lovelace;Ada;;;\r\nFN:Ada Lovelace\r\nTEL;TYPE=CELL:+1 212 555 0101\r\nEND:VCARD\r\n",
    );
    let drafts = ImportDrafts::new(root.path());
    let opened = drafts.open_file(&file).unwrap();
    assert_eq!(opened.format, FileFormat::VCard);
    assert_eq!(opened.delimiter, None);
    assert_eq!(opened.sample.len(), 1);
    assert!(opened.mapping.phone_index().is_some());
}

#[test]
fn presets_map_a_new_file_by_header_name() {
    let root = tempfile::tempdir().unwrap();
    let drafts = ImportDrafts::new(root.path());
    let first = drafts
        .open_file(&write(
            root.path(),
            "a.csv",
            "Cell,Given,Org\n2125550101,Ada,Engines\n",
        ))
        .unwrap();
    let mut mapping = first.mapping.clone();
    mapping.columns[2].role = ColumnRole::Custom {
        label: "Employer".into(),
    };
    drafts.presets().save("CRM export", &mapping).unwrap();

    // Next month's file: the columns moved, one was added.
    let second = drafts
        .open_file(&write(
            root.path(),
            "b.csv",
            "Org,Notes,Cell,Given\nEngines,hi,2125550101,Ada\n",
        ))
        .unwrap();
    assert_eq!(second.presets.len(), 1);
    assert_eq!(second.presets[0].name, "CRM export");
    let applied = drafts
        .apply_preset(&second.import_id, "CRM export")
        .unwrap();
    assert_eq!(
        applied.columns,
        vec![
            MappedColumn {
                header: "Org".into(),
                role: ColumnRole::Custom {
                    label: "Employer".into()
                }
            },
            MappedColumn {
                header: "Notes".into(),
                role: ColumnRole::Custom {
                    label: "Notes".into()
                }
            },
            MappedColumn {
                header: "Cell".into(),
                role: ColumnRole::Phone
            },
            MappedColumn {
                header: "Given".into(),
                role: ColumnRole::FirstName
            },
        ]
    );
    let missing = drafts.apply_preset(&second.import_id, "gone").unwrap_err();
    assert_eq!(missing.code, ErrorCode::NotFound);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dry_run_becomes_a_job_that_runs_and_is_listed_with_its_file() {
    let sandbox = Sandbox::start().await;
    sandbox.seed(&["+16462000104".to_owned()]).await;
    let root = tempfile::tempdir().unwrap();
    let profile = root.path().join("profile");
    let mirror = Mirror::open(root.path().join("mirror.db")).unwrap();
    mirror
        .sync(
            &sandbox.client(),
            |_| {},
            &tokio_util::sync::CancellationToken::new(),
        )
        .await
        .unwrap();
    let file = write(root.path(), "people.csv", PEOPLE);
    let drafts = ImportDrafts::new(&profile);
    let opened = drafts.open_file(&file).unwrap();

    // No phone column: a plain error before anything is read.
    let mut no_phone = opened.mapping.clone();
    no_phone.columns[0].role = ColumnRole::Ignore;
    let err = drafts
        .dry_run(
            &opened.import_id,
            &choices(no_phone, DuplicatePolicy::Skip),
            &mirror,
            &ImportControl::new(),
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(
        err.message,
        "Choose the column that holds the phone numbers."
    );

    let (id, d, m, mapping) = (
        opened.import_id.clone(),
        drafts.clone(),
        mirror.clone(),
        opened.mapping.clone(),
    );
    let preview = tokio::task::spawn_blocking(move || {
        d.dry_run(
            &id,
            &choices(mapping, DuplicatePolicy::Skip),
            &m,
            &ImportControl::new(),
        )
    })
    .await
    .unwrap()
    .unwrap();
    let s = &preview.summary;
    assert_eq!(
        (
            s.rows,
            s.new,
            s.invalid,
            s.duplicates_in_file,
            s.skipped_existing,
            s.fixed
        ),
        (5, 2, 1, 1, 1, 1)
    );
    let first: Vec<(u64, PlannedOutcome, &str)> = preview
        .first_rows
        .iter()
        .map(|r| (r.row, r.outcome, r.reason.as_str()))
        .collect();
    assert_eq!(first.len(), 5);
    assert_eq!(
        first[0].0, 2,
        "rows are numbered as a spreadsheet shows them"
    );
    assert_eq!(first[0].1, PlannedOutcome::New);
    assert!(first[0].2.contains("added country code"), "{}", first[0].2);
    assert_eq!((first[1].1, first[1].2), (PlannedOutcome::New, ""));
    assert_eq!(first[2].1, PlannedOutcome::Invalid);
    assert!(!first[2].2.is_empty());
    assert_eq!(
        (first[3].1, first[3].2),
        (
            PlannedOutcome::SkippedDuplicateInFile,
            "same number as row 2"
        )
    );
    assert_eq!(
        (first[4].1, first[4].2),
        (PlannedOutcome::SkippedExisting, "already a contact")
    );
    assert_eq!(
        preview.first_rows[2].values[1], "<img src=x onerror=alert(1)>",
        "cells travel as they are; the page shows them as text"
    );
    assert_eq!(
        preview.first_rows[0].normalized.as_deref(),
        Some("+12122000101")
    );

    // Changing the duplicate policy replaces the plan.
    let (id, d, m, mapping) = (
        opened.import_id.clone(),
        drafts.clone(),
        mirror.clone(),
        opened.mapping.clone(),
    );
    let updated = tokio::task::spawn_blocking(move || {
        d.dry_run(
            &id,
            &choices(mapping, DuplicatePolicy::Update),
            &m,
            &ImportControl::new(),
        )
    })
    .await
    .unwrap()
    .unwrap();
    assert_eq!(
        (
            updated.summary.new,
            updated.summary.update,
            updated.summary.skipped_existing
        ),
        (2, 1, 0)
    );
    assert_eq!(updated.first_rows[4].outcome, PlannedOutcome::Update);

    let jobs = Jobs::open(profile.join("jobs")).unwrap();
    jobs.register(Arc::new(ImportRunner::new(sandbox.client())));
    let job_id = drafts.into_job(&opened.import_id, &jobs).unwrap();
    assert!(
        !profile.join(DRAFTS_DIR).join(&opened.import_id).exists(),
        "the draft is gone once it is a job"
    );
    assert_eq!(
        drafts.summary(&opened.import_id).unwrap_err().code,
        ErrorCode::NotFound
    );
    let listed = import_jobs(&jobs).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].job.id, job_id);
    assert_eq!(listed[0].job.state, JobState::Pending);
    assert_eq!(
        (
            listed[0].file_name.as_str(),
            listed[0].rows,
            listed[0].to_send
        ),
        ("people.csv", 5, 3)
    );

    let report = jobs.start(&job_id).unwrap().wait().await.unwrap();
    assert_eq!(report.state, JobState::Completed);
    assert_eq!(
        (
            report.count("imported"),
            report.count("updated"),
            report.count("invalid"),
            report.count("skipped-duplicate-in-file")
        ),
        (2, 1, 1, 1)
    );
    let contacts = sandbox.contacts().await;
    assert_eq!(
        contacts["+16462000104"].first_name.as_deref(),
        Some("Existing")
    );
    assert_eq!(
        contacts["+16462000104"].last_name.as_deref(),
        Some("Person")
    );
    assert_eq!(contacts["+13122000102"].tags, ["navy", "vip"]);
    assert_eq!(
        import_jobs(&jobs).unwrap()[0].job.state,
        JobState::Completed
    );
}

/// The page's events, as the desktop app would forward them.
#[derive(Default)]
struct Finished(std::sync::Mutex<Vec<console_core::JobInfo>>);

impl console_core::LiveEvents for Finished {
    fn job_finished(&self, job: &console_core::JobInfo) {
        self.0.lock().unwrap().push(job.clone());
    }
}

impl Finished {
    async fn wait_for(&self, id: &str) -> console_core::JobInfo {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            if let Some(job) = self.0.lock().unwrap().iter().find(|j| j.id == id) {
                return job.clone();
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "job {id} never ended"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_profiles_import_jobs_are_tracked_cancelled_and_their_reports_saved() {
    let dir = tempfile::tempdir().unwrap();
    let events = Arc::new(Finished::default());
    let console = console_core::Console::open_with(
        Box::new(console_core::JsonFileProfiles::new(
            dir.path().join("profiles.json"),
        )),
        Arc::new(console_core::FileSecrets::new(
            dir.path().join("secrets.json"),
        )),
        dir.path(),
        console_core::LiveConfig {
            events: events.clone(),
            ..console_core::LiveConfig::quiet()
        },
    )
    .await
    .unwrap();
    let live = console.live().unwrap();
    let drafts = ImportDrafts::new(live.dir());
    let (file, phones) = generated_csv(dir.path(), "people.csv", 40, 9_000_000);

    let plan = |drafts: ImportDrafts, live: Arc<console_core::Live>, file: std::path::PathBuf| async move {
        let opened = drafts.open_file(&file).unwrap();
        let id = opened.import_id.clone();
        let d = drafts.clone();
        tokio::task::spawn_blocking(move || {
            d.dry_run(
                &id,
                &choices(opened.mapping, DuplicatePolicy::Skip),
                live.mirror(),
                &ImportControl::new(),
            )
            .unwrap();
        })
        .await
        .unwrap();
        opened.import_id
    };

    // Runs, is announced, and its report is saved where the person chose.
    let import_id = plan(drafts.clone(), live.clone(), file.clone()).await;
    let job_id = drafts.into_job(&import_id, live.jobs()).unwrap();
    let handle = live.jobs().start(&job_id).unwrap();
    live.track(handle).unwrap();
    let ended = events.wait_for(&job_id).await;
    assert_eq!(ended.state, JobState::Completed);
    assert_eq!(ended.report.as_ref().unwrap().count("imported"), 40);
    let dest = dir.path().join("saved-report.csv");
    live.save_job_report(&job_id, &dest).unwrap();
    let lines = read_report(&dest);
    assert_eq!(lines.len(), 40);
    assert_eq!(lines[0].normalized, phones[0]);
    let client = console.client().unwrap();
    assert!(client.contacts().get(&phones[39]).await.is_ok());

    // One that hasn't started is cancelled at once, every row accounted for.
    let (other, _) = generated_csv(dir.path(), "more.csv", 30, 9_100_000);
    let import_id = plan(drafts.clone(), live.clone(), other).await;
    let job_id = drafts.into_job(&import_id, live.jobs()).unwrap();
    assert!(import_jobs(live.jobs())
        .unwrap()
        .iter()
        .any(|j| j.job.id == job_id && j.job.state == JobState::Pending));
    live.cancel_job(&job_id).unwrap();
    let ended = events.wait_for(&job_id).await;
    assert_eq!(ended.state, JobState::Cancelled);
    let report = ended.report.unwrap();
    assert_eq!((report.total, report.count("failed")), (30, 30));
    assert!(live.job_report_file(&job_id).unwrap().exists());
}
