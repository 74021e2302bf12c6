//! The contacts mirror against real parts: a real sandbox on loopback (contacts created,
//! deleted, opted out and verified through the API) and a real SQLite file per test.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use console_core::mirror::{ContactQuery, Mirror, SyncProgress, SCHEMA_VERSION};
use console_core::ErrorCode;
use sendblue_client::models::contacts::{BulkContact, Contact};
use sendblue_client::{Client, ClientConfig, RetryPolicy};
use sendblue_sandbox::{RunningSandbox, SandboxConfig, DEFAULT_KEY_ID, DEFAULT_SECRET};
use tokio_util::sync::CancellationToken;

struct Env {
    dir: tempfile::TempDir,
    sandbox: RunningSandbox,
    client: Client,
    mirror: Mirror,
}

async fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let mut config = SandboxConfig::ephemeral(dir.path().join("sandbox.db"));
    config.auto_reply = false;
    let sandbox = sendblue_sandbox::start(config).await.unwrap();
    let mut config = ClientConfig::new(DEFAULT_KEY_ID, DEFAULT_SECRET)
        .with_base_url(&sandbox.base_url())
        .unwrap();
    // No retries: a fault the test injects must reach the sync.
    config.retry = RetryPolicy::none();
    let client = Client::new(config).unwrap();
    let mirror = Mirror::open(Mirror::path_for(dir.path(), "profile-1")).unwrap();
    Env {
        dir,
        sandbox,
        client,
        mirror,
    }
}

fn phone(i: usize) -> String {
    format!("+1212{:07}", 2_000_000 + i)
}

/// Creates contacts `range` in the sandbox with `bulk_create`, 1,000 per request.
async fn create_many(client: &Client, range: std::ops::Range<usize>) -> BTreeSet<String> {
    let rows: Vec<BulkContact> = range
        .map(|i| BulkContact {
            first_name: Some(format!("Person{i}")),
            tags: Some(vec![format!("t{}", i % 7)]),
            ..BulkContact::new(phone(i))
        })
        .collect();
    for batch in rows.chunks(1000) {
        client.contacts().bulk_create(batch).await.unwrap();
    }
    rows.into_iter().map(|r| r.phone).collect()
}

type Log = Arc<Mutex<Vec<SyncProgress>>>;

fn recorder() -> (Log, impl FnMut(SyncProgress) + Send) {
    let log: Log = Arc::default();
    let sink = log.clone();
    (log, move |p| sink.lock().unwrap().push(p))
}

fn mirror_phones(mirror: &Mirror) -> BTreeSet<String> {
    mirror.all_phones().unwrap().into_iter().collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sync_of_25000_contacts_holds_exactly_them_and_a_resync_follows_changes() {
    let env = env().await;
    let mut expected = create_many(&env.client, 0..25_000).await;
    assert_eq!(env.client.contacts().count().await.unwrap(), 25_000);
    assert_eq!(env.mirror.last_synced().unwrap(), None);

    let (log, progress) = recorder();
    let report = env
        .mirror
        .sync(&env.client, progress, &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(report.contacts, 25_000);
    assert_eq!((report.added, report.removed), (25_000, 0));
    assert_eq!(env.mirror.count().unwrap(), 25_000);
    assert_eq!(mirror_phones(&env.mirror), expected);
    let log = log.lock().unwrap().clone();
    assert_eq!((log[0].done, log[0].total), (0, 25_000));
    let last = log.last().unwrap();
    assert_eq!(
        (last.done, last.total, last.eta_ms),
        (25_000, 25_000, Some(0))
    );
    assert!(last.per_second > 0.0);
    assert!(log.windows(2).all(|w| w[0].done < w[1].done), "{log:?}");
    let synced = env
        .mirror
        .last_synced()
        .unwrap()
        .expect("last synced is set");
    assert_eq!(synced, report.last_synced);
    assert!(synced.len() == 24 && synced.ends_with('Z') && synced.as_bytes()[10] == b'T');

    // Delete 10 (spread over the walk's pages) and add 5 in the sandbox; sync again.
    let gone: Vec<String> = (0..10).map(|k| phone(k * 2_500 + 7)).collect();
    let deleted = env.client.contacts().bulk_delete(&gone).await.unwrap();
    assert_eq!(deleted.amount, 10);
    let added = create_many(&env.client, 30_000..30_005).await;
    for p in &gone {
        expected.remove(p);
    }
    expected.extend(added);
    let report = env
        .mirror
        .sync(&env.client, |_| {}, &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!((report.added, report.updated, report.removed), (5, 0, 10));
    assert_eq!(report.contacts, 24_995);
    assert_eq!(mirror_phones(&env.mirror), expected);
    assert!(env.mirror.last_synced().unwrap().unwrap() >= synced);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancelled_or_failed_sync_leaves_the_previous_mirror_intact() {
    let env = env().await;
    let before = create_many(&env.client, 0..3_500).await;
    env.mirror
        .sync(&env.client, |_| {}, &CancellationToken::new())
        .await
        .unwrap();
    assert_eq!(mirror_phones(&env.mirror), before);
    let synced = env.mirror.last_synced().unwrap();

    let gone: Vec<String> = (0..10).map(|k| phone(k * 300)).collect();
    env.client.contacts().bulk_delete(&gone).await.unwrap();
    let added = create_many(&env.client, 9_000..9_005).await;

    // Cancelled before it starts.
    let cancel = CancellationToken::new();
    cancel.cancel();
    let err = env
        .mirror
        .sync(&env.client, |_| {}, &cancel)
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);

    // Cancelled after the first page was stored.
    let cancel = CancellationToken::new();
    let trigger = cancel.clone();
    let err = env
        .mirror
        .sync(
            &env.client,
            move |p| {
                if p.done >= 1_000 {
                    trigger.cancel();
                }
            },
            &cancel,
        )
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Cancelled);
    assert_eq!(
        mirror_phones(&env.mirror),
        before,
        "nothing swept, nothing half-added"
    );
    assert_eq!(env.mirror.last_synced().unwrap(), synced);

    // Failed mid-walk: every request after the first page answers 429/503.
    let faults = env.sandbox.state().faults.clone();
    let err = env
        .mirror
        .sync(
            &env.client,
            move |p| {
                if p.done >= 1_000 {
                    faults.write().unwrap().error_rate = 1.0;
                }
            },
            &CancellationToken::new(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err.code, ErrorCode::Upstream | ErrorCode::RateLimited),
        "{err:?}"
    );
    assert_eq!(mirror_phones(&env.mirror), before);
    assert_eq!(env.mirror.last_synced().unwrap(), synced);

    // Healthy again: the next sync converges on the account.
    env.sandbox.state().faults.write().unwrap().error_rate = 0.0;
    let report = env
        .mirror
        .sync(&env.client, |_| {}, &CancellationToken::new())
        .await
        .unwrap();
    let mut expected = before.clone();
    for p in &gone {
        expected.remove(p);
    }
    expected.extend(added);
    assert_eq!(mirror_phones(&env.mirror), expected);
    assert_eq!((report.added, report.removed), (5, 10));
    assert!(env.mirror.last_synced().unwrap() > synced);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_writes_during_a_sync_are_not_undone_by_older_pages() {
    let env = env().await;
    let mut expected = create_many(&env.client, 0..3_000).await;
    // Written by the console while page 1 is stored; pages 2 and 3 are read afterwards.
    let late = phone(2_500);
    let renamed = phone(2_600);
    let mut created = Contact {
        phone: "+13125550000".into(),
        first_name: Some("Made mid-sync".into()),
        ..Contact::default()
    };
    created.tags = vec!["fresh".into()];
    let mut renamed_contact = env.client.contacts().get(&renamed).await.unwrap();
    renamed_contact.first_name = Some("Renamed".into());
    let mirror = env.mirror.clone();
    let (late2, created2) = (late.clone(), created.clone());
    let mut once = false;
    env.mirror
        .sync(
            &env.client,
            move |p| {
                if p.done >= 1_000 && !once {
                    once = true;
                    mirror.upsert(&created2).unwrap();
                    mirror.upsert(&renamed_contact).unwrap();
                    assert!(!mirror.remove(&late2).unwrap(), "page 3 is not read yet");
                }
            },
            &CancellationToken::new(),
        )
        .await
        .unwrap();
    expected.remove(&late);
    expected.insert(created.phone.clone());
    assert_eq!(mirror_phones(&env.mirror), expected);
    let kept = env.mirror.get(&renamed).unwrap().unwrap();
    assert_eq!(kept.first_name.as_deref(), Some("Renamed"));

    // The next sync takes the account's word again.
    env.mirror
        .sync(&env.client, |_| {}, &CancellationToken::new())
        .await
        .unwrap();
    let fixed = env.mirror.get(&renamed).unwrap().unwrap();
    assert_eq!(fixed.first_name.as_deref(), Some("Person2600"));
    assert!(env.mirror.get(&late).unwrap().is_some());
    assert!(env.mirror.get(&created.phone).unwrap().is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_one_sync_runs_at_a_time() {
    let env = env().await;
    create_many(&env.client, 0..2_000).await;
    env.sandbox.state().faults.write().unwrap().latency_ms = 300;
    let (started_tx, started) = tokio::sync::oneshot::channel();
    let mut started_tx = Some(started_tx);
    let (mirror, client) = (env.mirror.clone(), env.client.clone());
    let first = tokio::spawn(async move {
        mirror
            .sync(
                &client,
                move |_| {
                    if let Some(tx) = started_tx.take() {
                        let _ = tx.send(());
                    }
                },
                &CancellationToken::new(),
            )
            .await
    });
    started.await.unwrap();
    let err = env
        .mirror
        .sync(&env.client, |_| {}, &CancellationToken::new())
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert_eq!(first.await.unwrap().unwrap().contacts, 2_000);
}

#[tokio::test]
async fn the_file_is_versioned_wal_and_survives_a_reopen() {
    let env = env().await;
    create_many(&env.client, 0..50).await;
    env.mirror
        .sync(&env.client, |_| {}, &CancellationToken::new())
        .await
        .unwrap();
    let path = env.mirror.path().to_owned();
    assert_eq!(path, env.dir.path().join("profiles/profile-1/mirror.db"));
    let synced = env.mirror.last_synced().unwrap();
    drop(env.mirror);

    let again = Mirror::open(&path).unwrap();
    assert_eq!(again.count().unwrap(), 50);
    assert_eq!(again.last_synced().unwrap(), synced);
    let page = again
        .search(&ContactQuery {
            text: Some("person49".into()),
            ..ContactQuery::default()
        })
        .unwrap();
    assert_eq!(page.rows[0].phone, phone(49));
    let raw = rusqlite::Connection::open(&path).unwrap();
    let mode: String = raw
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = raw
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    drop(again);

    raw.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let err = Mirror::open(&path).unwrap_err();
    assert_eq!(err.code, ErrorCode::Io);
    assert!(err.message.contains("newer version"), "{}", err.message);
}

/// `contact.created` events and the console's own writes.
#[path = "mirror/writes.rs"]
mod writes;

/// Search and filters on a small known set.
#[path = "mirror/search.rs"]
mod search;

/// Sorting, paging and whole-mirror reads on the same set.
#[path = "mirror/sorting.rs"]
mod sorting;
