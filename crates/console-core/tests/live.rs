//! A profile's live data in a real session against the built-in sandbox: a contact created
//! on the account reaches the mirror and the page's callback through the follower; the
//! console's own writes reach the mirror and the audit log; a bulk delete job ends with its
//! report announced; switching profiles moves the follower.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use console_core::audit::action;
use console_core::follower::{Activity, ConnectionState};
use console_core::jobs::JobState;
use console_core::{
    AppResult, Audit, AuditQuery, Console, ErrorCode, FileSecrets, JobInfo, JsonFileProfiles,
    LiveConfig, LiveEvents, NewProfile, ProfileKind, SyncEnded,
};
use sendblue_client::models::contacts::{BulkContact, CreateContact, OptOut, UpdateContact};

const PATIENCE: Duration = Duration::from_secs(30);

/// Everything the console told "the page".
#[derive(Default)]
struct Recorder {
    activity: Mutex<Vec<Activity>>,
    finished: Mutex<Vec<JobInfo>>,
    synced: Mutex<Vec<SyncEnded>>,
}

impl LiveEvents for Recorder {
    fn activity(&self, activity: Activity) {
        self.activity.lock().unwrap().push(activity);
    }
    fn job_finished(&self, job: &JobInfo) {
        self.finished.lock().unwrap().push(job.clone());
    }
    fn mirror_synced(&self, synced: &SyncEnded) {
        self.synced.lock().unwrap().push(synced.clone());
    }
}

impl Recorder {
    fn states(&self) -> Vec<ConnectionState> {
        self.activity
            .lock()
            .unwrap()
            .iter()
            .filter_map(|a| match a {
                Activity::ConnectionState(s) => Some(s.clone()),
                _ => None,
            })
            .collect()
    }
}

async fn open(dir: &tempfile::TempDir, config: LiveConfig) -> Console {
    Console::open_with(
        Box::new(JsonFileProfiles::new(dir.path().join("profiles.json"))),
        Arc::new(FileSecrets::new(dir.path().join("secrets.json"))),
        dir.path(),
        config,
    )
    .await
    .unwrap()
}

fn following(events: &Arc<Recorder>) -> LiveConfig {
    LiveConfig::new(events.clone())
}

fn quiet(events: &Arc<Recorder>) -> LiveConfig {
    LiveConfig {
        events: events.clone(),
        ..LiveConfig::quiet()
    }
}

/// Waits until `check` holds, or fails the test with `what`.
async fn until(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while !check() {
        assert!(tokio::time::Instant::now() < deadline, "timed out: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn actions(console: &Console) -> Vec<(String, String, bool, Option<ErrorCode>)> {
    let page = console
        .live()
        .unwrap()
        .audit()
        .query(&AuditQuery::default())
        .unwrap();
    page.entries
        .into_iter()
        .rev()
        .map(|e| (e.action, e.target, e.ok, e.error_code))
        .collect()
}

#[tokio::test]
async fn a_contact_created_on_the_account_reaches_the_mirror_and_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let events = Arc::new(Recorder::default());
    let console = open(&dir, following(&events)).await;
    let live = console.live().unwrap();
    assert!(dir
        .path()
        .join("profiles")
        .join(&live.profile().id)
        .join("mirror.db")
        .exists());

    // Activation refreshed the mirror from the demo account and started following.
    until("the first refresh", || {
        !events.synced.lock().unwrap().is_empty()
    })
    .await;
    let first = events.synced.lock().unwrap()[0].clone();
    assert!(first.error.is_none(), "{:?}", first.error);
    let count = console.client().unwrap().contacts().count().await.unwrap();
    assert_eq!(first.contacts, count);
    let info = live.mirror_info().unwrap();
    assert_eq!(info.contacts, count);
    assert!(info.last_synced.is_some() && !info.syncing);
    until("the follower is live", || {
        live.connection_state() == ConnectionState::Live
    })
    .await;

    // A contact made outside the console (straight through the API, not its write path).
    let mut contact = CreateContact::new("+14255550917");
    contact.first_name = Some("Follower".into());
    console
        .client()
        .unwrap()
        .contacts()
        .create(&contact)
        .await
        .unwrap();
    until("the contact.created item", || {
        events
            .activity
            .lock()
            .unwrap()
            .iter()
            .any(|a| matches!(a, Activity::ContactCreated(c) if c.phone == "+14255550917"))
    })
    .await;
    let mirrored = live.mirror().get("+14255550917").unwrap();
    assert_eq!(
        mirrored.and_then(|c| c.first_name).as_deref(),
        Some("Follower"),
        "the mirror had it before the page heard of it"
    );

    console.shutdown().await;
    assert_eq!(events.states().last(), Some(&ConnectionState::Stopped));
    assert_eq!(live.connection_state(), ConnectionState::Stopped);
}

#[tokio::test]
async fn the_consoles_own_writes_reach_the_mirror_and_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let events = Arc::new(Recorder::default());
    let console = open(&dir, quiet(&events)).await;
    let live = console.live().unwrap();
    let mirror = live.mirror();
    let phone = "+13105550188";

    let mut contact = CreateContact::new(phone);
    contact.first_name = Some("Ada".into());
    let audit = Audit::new(action::CONTACT_CREATE, phone).details_of(&contact);
    console
        .audited(audit, console.create_contact(&contact))
        .await
        .unwrap();
    assert_eq!(
        mirror.get(phone).unwrap().unwrap().first_name.as_deref(),
        Some("Ada")
    );

    let changes = UpdateContact {
        first_name: Some("Grace".into()),
        ..UpdateContact::default()
    };
    let audit = Audit::new(action::CONTACT_UPDATE, phone);
    console
        .audited(audit, console.update_contact(phone, &changes))
        .await
        .unwrap();
    assert_eq!(
        mirror.get(phone).unwrap().unwrap().first_name.as_deref(),
        Some("Grace")
    );

    let audit = Audit::new(action::CONTACT_OPT_OUT, phone);
    console
        .audited(audit, console.opt_out_contact(&OptOut::new(phone, true)))
        .await
        .unwrap();
    assert_eq!(mirror.get(phone).unwrap().unwrap().opt_out, Some(true));

    let audit = Audit::new(action::CONTACT_DELETE, phone);
    console
        .audited(audit, console.delete_contact(phone))
        .await
        .unwrap();
    assert!(mirror.get(phone).unwrap().is_none());

    let bulk: Vec<BulkContact> = ["+13105550190", "+13105550192"]
        .into_iter()
        .map(BulkContact::new)
        .collect();
    let audit = Audit::new(action::CONTACTS_BULK_CREATE, "2 contacts");
    console
        .audited(audit, console.bulk_create_contacts(&bulk))
        .await
        .unwrap();
    assert!(mirror.get("+13105550190").unwrap().is_some());
    let gone = vec!["+13105550190".to_owned(), "+13105550192".to_owned()];
    let audit = Audit::new(action::CONTACTS_BULK_DELETE, "2 contacts");
    console
        .audited(audit, console.bulk_delete_contacts(&gone))
        .await
        .unwrap();
    assert!(mirror.get("+13105550192").unwrap().is_none());

    // A refused change is recorded with its code.
    let audit = Audit::new(action::CONTACT_CREATE, "not a number");
    let refused: AppResult<_> = console
        .audited(
            audit,
            console.create_contact(&CreateContact::new("not a number")),
        )
        .await;
    assert_eq!(refused.unwrap_err().code, ErrorCode::Validation);

    let recorded = actions(&console);
    let names: Vec<&str> = recorded.iter().map(|(a, ..)| a.as_str()).collect();
    assert_eq!(
        names,
        [
            action::CONTACT_CREATE,
            action::CONTACT_UPDATE,
            action::CONTACT_OPT_OUT,
            action::CONTACT_DELETE,
            action::CONTACTS_BULK_CREATE,
            action::CONTACTS_BULK_DELETE,
            action::CONTACT_CREATE,
        ]
    );
    assert!(recorded[..6]
        .iter()
        .all(|(_, _, ok, code)| *ok && code.is_none()));
    assert_eq!(recorded[0].1, phone);
    assert_eq!(
        recorded[6],
        (
            action::CONTACT_CREATE.to_owned(),
            "not a number".to_owned(),
            false,
            Some(ErrorCode::Validation)
        )
    );
    let entry = &live.audit().query(&AuditQuery::default()).unwrap().entries[0];
    assert_eq!(entry.profile_id, live.profile().id);
    assert_eq!(entry.profile_name, "Sandbox");
    console.shutdown().await;
}

#[tokio::test]
async fn a_bulk_delete_job_backs_up_deletes_and_announces_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let events = Arc::new(Recorder::default());
    let console = open(&dir, quiet(&events)).await;
    let live = console.live().unwrap();
    let phones: Vec<String> = (0..5)
        .map(|i| format!("+1310555{:04}", 300 + i * 2))
        .collect();
    let bulk: Vec<BulkContact> = phones.iter().map(BulkContact::new).collect();
    console.bulk_create_contacts(&bulk).await.unwrap();

    let started = live.start_bulk_delete(&phones).await.unwrap();
    until("the job's end", || {
        !events.finished.lock().unwrap().is_empty()
    })
    .await;
    let ended = events.finished.lock().unwrap()[0].clone();
    assert_eq!(ended.id, started.id);
    assert_eq!(ended.state, JobState::Completed);
    let report = ended.report.unwrap();
    assert_eq!(report.count("deleted"), 5);
    let backup = std::fs::read_to_string(report.backup_csv.unwrap()).unwrap();
    assert!(phones.iter().all(|p| backup.contains(p.as_str())));
    for phone in &phones {
        assert!(live.mirror().get(phone).unwrap().is_none(), "{phone}");
    }
    let saved = dir.path().join("saved-report.csv");
    live.save_job_report(&started.id, &saved).unwrap();
    assert_eq!(std::fs::read_to_string(&saved).unwrap().lines().count(), 6);
    assert_eq!(live.list_jobs().unwrap()[0].id, started.id);

    let recorded = actions(&console);
    assert_eq!(
        recorded
            .last()
            .map(|(a, t, ok, _)| (a.as_str(), t.as_str(), *ok)),
        Some((action::JOB_FINISH, started.id.as_str(), true))
    );
    console.shutdown().await;
}

#[tokio::test]
async fn switching_profiles_moves_the_follower_and_keeps_logs_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut other = sendblue_sandbox::SandboxConfig::ephemeral(dir.path().join("other.db"));
    other.key_id = "other-key".into();
    other.secret = "other-secret-51d0".into();
    let other = sendblue_sandbox::start(other).await.unwrap();
    let events = Arc::new(Recorder::default());
    let console = open(&dir, following(&events)).await;
    let sandbox = console.live().unwrap();
    until("the sandbox follower is live", || {
        sandbox.connection_state() == ConnectionState::Live
    })
    .await;

    let added = console
        .add_profile(NewProfile {
            name: "Other".into(),
            base_url: other.base_url(),
            key_id: "other-key".into(),
            secret: "other-secret-51d0".into(),
            kind: ProfileKind::Sandbox,
        })
        .await
        .unwrap();
    let audit = Audit::new(action::PROFILE_SWITCH, &added.id);
    console
        .audited(audit, console.switch(&added.id))
        .await
        .unwrap();
    let switched = console.live().unwrap();
    assert_eq!(switched.profile().id, added.id);
    assert_eq!(sandbox.connection_state(), ConnectionState::Stopped);
    until("the other follower is live", || {
        switched.connection_state() == ConnectionState::Live
    })
    .await;
    let states = events.states();
    let stopped = states
        .iter()
        .position(|s| *s == ConnectionState::Stopped)
        .expect("the old follower stopped");
    assert!(
        states[stopped..].contains(&ConnectionState::Live),
        "{states:?}"
    );

    // The switch is in the new profile's log, not the old one's.
    let mine = actions(&console);
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].0, action::PROFILE_SWITCH);
    let old = sandbox.audit().query(&AuditQuery::default()).unwrap();
    assert_eq!(old.total, 0);
    console.shutdown().await;
    other.shutdown().await;
}

#[tokio::test]
async fn a_new_secret_restarts_the_follower_and_the_refresh_with_the_new_client() {
    let dir = tempfile::tempdir().unwrap();
    let events = Arc::new(Recorder::default());
    let console = open(&dir, following(&events)).await;
    let live = console.live().unwrap();
    until("the follower is live", || {
        live.connection_state() == ConnectionState::Live
    })
    .await;

    let id = live.profile().id.clone();
    console
        .set_secret(&id, "sbx_a-new-secret-for-the-test")
        .await
        .unwrap();
    assert!(Arc::ptr_eq(&live, &console.live().unwrap()), "same data");
    // The old client's refresh (if still running) ended before the restart returned.
    let before = events.synced.lock().unwrap().len();
    until("a refresh with the new client", || {
        events.synced.lock().unwrap().len() > before
    })
    .await;
    let last = events.synced.lock().unwrap()[before].clone();
    assert!(last.error.is_none(), "{:?}", last.error);
    until("the follower is live again", || {
        live.connection_state() == ConnectionState::Live
    })
    .await;
    let states = events.states();
    assert!(states.contains(&ConnectionState::Stopped), "{states:?}");
    assert_eq!(states.last(), Some(&ConnectionState::Live));
    console.shutdown().await;
}
